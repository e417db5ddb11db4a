// Offline use in a real browser (Chromium's offline switch): a reload offline shows the last
// customers under a calm notice; invitations and license orders made offline wait, survive a
// reload, and are each sent once when the network is back (checked on the server); a replay
// the server refuses ends as failed with its words; an answer lost after the server committed
// is replayed with the same key and changes nothing twice; storage trouble leaves the console
// working online and says offline use is unavailable.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { untilInPage, startServer, launchBrowser, waitForConsole, waitForItem, waitForItemMatching, waitForItemGone, clickItem,
  screenshot, api, items } from "./harness.mjs";

let server, browser, token;
const stamp = Date.now().toString(36);

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  token = (await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } })).json.token;
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  return { context, page, errors };
}

async function signIn(page) {
  await page.goto(server.url + "/");
  await waitForConsole(page);
  await clickItem(page, "Demo sign-in", "button");
  await waitForItem(page, "Open invoices", "label");
}

// The service worker holds this version: the next load works without the network.
async function waitForOfflineShell(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 30000 });
  await untilInPage(page, async () => (await caches.keys()).some((n) => n.startsWith("rc-shell-")), null, "the shell cached",
    { timeout: 30000 });
}

async function typeInto(page, label, value) {
  await clickItem(page, label, "input");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(value, { delay: 5 });
}

async function inviteInConsole(page, name, email, domain) {
  await clickItem(page, "+  New customer", "button");
  await waitForItem(page, "Invite a new customer", "heading");
  await page.keyboard.type(name, { delay: 5 });
  await typeInto(page, "Email", email);
  await typeInto(page, "Google Workspace domain", domain);
  await typeInto(page, "Organization", name + " Ltd");
  await clickItem(page, "Send invitation", "button");
}

async function customersNamed(domain) {
  const list = await api(server.url, "GET", "/customers?limit=100&q=" + encodeURIComponent(domain), { token });
  return list.json.items.filter((c) => c.google_domain === domain);
}

test("offline: the last customers under a notice; invitations and an order wait, survive a reload, and are sent once", async () => {
  const active = (await api(server.url, "GET", "/customers?status=active&limit=50", { token })).json.items
    .find((c) => c.subscription && c.subscription.billing_cycle === "flexible" && c.subscription.status === "active");
  assert.ok(active, "the demo data has an active flexible customer");
  const { context, page, errors } = await newPage();
  try {
    await signIn(page);
    await waitForOfflineShell(page);
    // Open the screens to be used offline while online (their answers are kept).
    await page.goto(server.url + "/#/customers/" + active.id);
    await waitForItem(page, "Add licenses", "button");
    await clickItem(page, "Customers", "menu");
    await waitForItem(page, "Manage", "button");

    await context.setOffline(true);
    await page.reload();
    await waitForConsole(page);
    const notice = await waitForItemMatching(page, /^Offline — showing data from (.+, )?\d\d:\d\d/, "notice");
    assert.ok(notice.w > 100);
    await waitForItem(page, "Manage", "button");
    assert.ok((await items(page)).every((i) => i.kind !== "toast"), "no error toast for each failed request");
    await page.mouse.move(2, 890);
    await screenshot(page, "30-offline-customers");

    const ok = "offline-ok-" + stamp + ".example", taken = "offline-taken-" + stamp + ".example";
    await inviteInConsole(page, "Olivia Offline", "olivia@" + ok, ok);
    await waitForItemMatching(page, /^Saved\. The invitation to olivia@/, "toast");
    await inviteInConsole(page, "Tom Taken", "tom@" + taken, taken);
    await waitForItem(page, "Tom Taken", "cell");
    await waitForItemMatching(page, /2 changes waiting to send$/, "notice");
    await waitForItem(page, "Waiting to send", "badge");
    await page.mouse.move(2, 890);
    await page.waitForTimeout(5500);  // the toasts leave
    await screenshot(page, "31-offline-waiting");

    // The license order, on the customer's page (kept from before).
    await page.goto(server.url + "/#/customers/" + active.id);
    await waitForItem(page, "Add licenses", "button");
    await waitForItem(page, "Needs a connection — you are offline.", "note");
    await clickItem(page, "Add licenses", "button");
    await clickItem(page, "+", "button");
    await clickItem(page, "+", "button");
    await waitForItem(page, "You are offline. The order is sent, and priced by the server, when you are back online.", "text");
    await clickItem(page, "Order when back online", "button");
    const target = active.subscription.licenses + 2;
    await waitForItem(page, `${target} licenses (now ${active.subscription.licenses})`, "text");
    await page.mouse.move(2, 890);
    await screenshot(page, "32-offline-order-waiting");

    // A reload (a closed tab) keeps all three.
    await page.reload();
    await waitForConsole(page);
    await waitForItem(page, `${target} licenses (now ${active.subscription.licenses})`, "text");
    await clickItem(page, "Customers", "menu");
    await waitForItem(page, "Olivia Offline", "cell");
    await waitForItem(page, "Tom Taken", "cell");

    // Meanwhile someone else takes one of the domains.
    const other = await api(server.url, "POST", "/customers", { token, body: { name: "Someone Else", email: "x@" + taken,
      google_domain: taken, organization: "Else" } });
    assert.equal(other.status, 201);

    await context.setOffline(false);
    await waitForItemMatching(page, /^Invitation sent to olivia@/, "toast", 30000);
    await waitForItem(page, "Not sent", "badge", 30000);
    await waitForItem(page, "This Google domain already belongs to a customer.", "alert");
    await page.mouse.move(2, 890);
    await screenshot(page, "33-back-online-one-failed");

    // On the server: each once.
    assert.equal((await customersNamed(ok)).length, 1, "the invitation was sent once");
    assert.equal((await customersNamed(taken)).length, 1, "the refused one invited nobody");
    let after = null;
    for (let i = 0; i < 40 && (!after || after.subscription.licenses !== target); i++) {
      after = (await api(server.url, "GET", "/customers/" + active.id, { token })).json;
      if (after.subscription.licenses !== target) await page.waitForTimeout(250);
    }
    assert.equal(after.subscription.licenses, target, "the queued order was placed");

    // Discard the failed one: gone, also after a reload.
    await clickItem(page, "Discard", "button");
    await waitForItemGone(page, "Tom Taken", "cell");
    await page.reload();
    await waitForConsole(page);
    await waitForItem(page, "Manage", "button");
    assert.ok(!(await items(page)).some((i) => i.label === "Tom Taken" && i.kind === "cell"));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a Latin Extended name (ő ł ş) seen online is drawn offline: its font comes from the service worker's cache", async () => {
  const name = "Łukasz Őrs-Şahin " + stamp, domain = "latin-ext-" + stamp + ".example";
  const made = await api(server.url, "POST", "/customers", { token, body: { name, email: "lukasz@" + domain,
    google_domain: domain, organization: "Kőváry és Társa Kft." } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const { context, page, errors } = await newPage();
  const fonts = [];
  page.on("response", (r) => {
    if (/\/fonts\/latin-ext/.test(r.url())) fonts.push({ url: r.url(), status: r.status(), worker: r.fromServiceWorker() });
  });
  try {
    await signIn(page);
    await waitForOfflineShell(page);
    await page.evaluate(() => { location.hash = "#/customers?sort=-created_at"; });
    await waitForItem(page, name, "cell");
    await untilInPage(page, async () => (await caches.open("rc-fonts").then((c) => c.keys())).length >= 2, null, "both Latin Extended fonts cached",
      { timeout: 30000 });
    assert.ok(fonts.some((f) => /latin-ext\.ttf$/.test(f.url) && f.status === 200), "fetched online: " + JSON.stringify(fonts));

    fonts.splice(0);
    await context.setOffline(true);
    await page.reload();
    await waitForConsole(page);
    await waitForItemMatching(page, /^Offline — showing data from/, "notice");
    await waitForItem(page, name, "cell");
    await page.waitForFunction(() => performance.getEntriesByType("resource").filter((e) => /\/fonts\/latin-ext/.test(e.name)).length >= 2,
      null, { timeout: 20000 });
    assert.deepEqual(fonts.map((f) => [f.url.replace(/^.*\/fonts\//, ""), f.status, f.worker]).sort(),
      [["latin-ext-medium.ttf", 200, true], ["latin-ext.ttf", 200, true]], "both weights answered by the service worker");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("an order whose answer is lost after the server committed is replayed with the same key: billed once", async () => {
  const active = (await api(server.url, "GET", "/customers?status=active&limit=50", { token })).json.items
    .filter((c) => c.subscription && c.subscription.billing_cycle === "flexible" && c.subscription.status === "active")[1];
  assert.ok(active);
  const invoicesBefore = (await api(server.url, "GET", `/invoices?customer_id=${active.id}&limit=200`, { token })).json.items.length;
  // No service worker here: the page's own requests are routed by the test.
  const { context, page, errors } = await newPage({ serviceWorkers: "block" });
  try {
    await signIn(page);
    let killed = 0, keys = [];
    await page.route("**/subscription/license-orders", async (route) => {
      keys.push(route.request().headers()["idempotency-key"]);
      if (killed === 0) {
        killed++;
        await route.fetch();  // the server commits the order ...
        await route.abort("connectionreset");  // ... and the answer never arrives
        return;
      }
      await route.continue();
    });
    await page.goto(server.url + "/#/customers/" + active.id);
    await clickItem(page, "Add licenses", "button");
    await clickItem(page, "+", "button");
    await waitForItem(page, "Due now", "label");
    await clickItem(page, "Order now", "button");
    await clickItem(page, "Confirm order", "button");
    // The console waits for the network, then replays with the same key.
    await waitForItem(page, "Waiting to send", "badge");
    await clickItem(page, "Retry", "button");
    await waitForItemMatching(page, /^Licenses for .* set to /, "toast", 30000);
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1], "the same Idempotency-Key on the replay");
    const after = (await api(server.url, "GET", "/customers/" + active.id, { token })).json;
    assert.equal(after.subscription.licenses, active.subscription.licenses + 1, "ordered once");
    const invoicesAfter = (await api(server.url, "GET", `/invoices?customer_id=${active.id}&limit=200`, { token })).json.items.length;
    assert.ok(invoicesAfter - invoicesBefore <= 1, "billed at most once");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("corrupt and foreign saved data are ignored; storage off or full: online works, offline use says it is unavailable", async () => {
  // Junk where the console keeps its saved answers, and another reseller's answer under this one's name.
  const { context, page, errors } = await newPage();
  try {
    await signIn(page);
    await clickItem(page, "Customers", "menu");
    await waitForItem(page, "Manage", "button");
    const me = (await api(server.url, "GET", "/me", { token })).json;
    await page.evaluate(async (id) => {
      const db = await new Promise((ok, fail) => { const r = indexedDB.open("reseller-console", 1); r.onsuccess = () => ok(r.result); r.onerror = fail; });
      const tx = db.transaction("kv", "readwrite");
      const store = tx.objectStore("kv");
      const keys = await new Promise((ok) => { const r = store.getAllKeys(); r.onsuccess = () => ok(r.result); });
      for (const k of keys.filter((k) => k.startsWith(`reads/${id}//customers`))) store.put("{\"format\": 1, \"body\": tr", k);
      store.put(JSON.stringify({ format: 1, reseller: id + 999, path: "/dashboard", saved_at: 1, body: "{}" }), `reads/${id}//dashboard`);
      store.put({ not: "a string" }, `outbox/${id}/0000000000000001-x`);
      await new Promise((ok) => { tx.oncomplete = ok; });
    }, me.id);
    await context.setOffline(true);
    await page.reload();
    await waitForConsole(page);
    await waitForItemMatching(page, /^Offline/, "notice");
    await waitForItem(page, "Could not load customers: Could not reach the server. Check your connection and try again.", "alert");
    const foreignLeft = await page.evaluate(async (id) => {
      const db = await new Promise((ok, fail) => { const r = indexedDB.open("reseller-console", 1); r.onsuccess = () => ok(r.result); r.onerror = fail; });
      const r = db.transaction("kv").objectStore("kv").get(`reads/${id}//dashboard`);
      return new Promise((ok) => { r.onsuccess = () => ok(r.result !== undefined); });
    }, me.id);
    assert.equal(foreignLeft, false, "another reseller's answer under this one's name is removed, never shown");
    // Back online (the browser's event), the list comes back by itself.
    await context.setOffline(false);
    await waitForItem(page, "Manage", "button", 30000);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  for (const [what, script, sentence] of [
    ["off", () => { Object.defineProperty(window, "indexedDB", { get() { throw new DOMException("denied", "SecurityError"); } }); },
      "Offline use is unavailable: this browser does not let the console keep data (a private window, or storage turned off)."],
    ["full", () => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () { throw new DOMException("full", "QuotaExceededError"); };
      void put;
    }, "Offline use is unavailable: the browser's storage for this site is full."],
  ]) {
    const { context, page, errors } = await newPage();
    try {
      await context.addInitScript(script);
      await signIn(page);
      await clickItem(page, "Customers", "menu");
      await waitForItem(page, "Manage", "button");
      await waitForItem(page, sentence, "notice");
      await page.mouse.move(2, 890);
      await screenshot(page, "34-storage-" + what);
      // Online, the console still works: the customer's page opens from the list.
      await clickItem(page, "Manage", "button");
      await waitForItem(page, "Activity", "heading");
      assert.deepEqual(errors, [], what);
    } finally {
      await context.close();
    }
  }
});
