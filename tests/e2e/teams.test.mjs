// Teams in the browser (issue 22): each role signs in through the local fake of Google's script
// and finds what it may not do disabled with the reason as the accessible description; an Admin
// adds a member on the Team screen; the history names who did what and filters by them; Sign out
// leaves nothing of the member in IndexedDB, localStorage or Cache Storage, and a Sign out made
// offline ends the server's session when the connection returns (issue 24 defect 13).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT, startServer, launchBrowser, openConsoleAt, api, screenshot, until } from "./harness.mjs";
import { FakeGoogle, serveFakeGoogle } from "./google_fake.mjs";

const STAMP = Date.now().toString(36);
const OWNER = { email: `jana.${STAMP}@hartmann-teams.example`, name: "Jana Hartmann" };
const ACCOUNT = "Hartmann IT Partner GmbH";
const MEMBERS = {
  buyer: { email: `marcus.${STAMP}@hartmann-teams.example`, name: "Marcus Weber" },
  sales: { email: `priya.${STAMP}@hartmann-teams.example`, name: "Priya Nair" },
  viewer: { email: `tom.${STAMP}@hartmann-teams.example`, name: "Tom Fischer" },
};
const NEEDS_SALES = "Needs the Sales or Admin role";
const NEEDS_BUYER = "Needs the Buyer or Admin role";

let server, browser, google, ownerToken, customerId;

function cli(...args) {
  execFileSync("python3", [path.join(ROOT, "serve.py"), ...args, "--db", server.db], { cwd: ROOT, stdio: "pipe" });
}

async function tokenOf(email) {
  const r = await api(server.url, "POST", "/auth/google", { body: { credential: google.credential(email) } });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json.token;
}

before(async () => {
  google = new FakeGoogle();
  server = await startServer(google.serverArgs());
  cli("reseller", "add", OWNER.email, ACCOUNT, "--admin-name", OWNER.name);
  for (const [role, m] of Object.entries(MEMBERS)) cli("member", "add", "--reseller", OWNER.email, m.email, role, "--name", m.name);
  browser = await launchBrowser();
  ownerToken = await tokenOf(OWNER.email);
  // One customer invited by the Sales member: the history has something someone did.
  const sales = await tokenOf(MEMBERS.sales.email);
  const c = await api(server.url, "POST", "/customers", { token: sales, body: { name: "Zoë Harper",
    email: `zoe@harper-${STAMP}.example`, google_domain: `harper-${STAMP}.example`, organization: "Harper Café" } });
  assert.equal(c.status, 201, JSON.stringify(c.json));
  customerId = c.json.id;
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (google) google.cleanUp();
});

// Opens the console at `hash` and signs in with Google as `email` (the fake's button). The
// screenshots sign in 16 times per language from one address: past the server's 20 sign-ins a
// minute it answers 429 with Retry-After, and then this waits that long and signs in again.
async function signIn(email, hash = "", options = {}) {
  const opened = await openConsoleAt(browser, server.url, hash, { setup: serveFakeGoogle(google.credential(email)), ...options });
  const { page } = opened;
  let retryAfter = 0;
  page.on("response", (r) => {
    if (r.url().endsWith("/auth/google") && r.status() === 429) retryAfter = Number(r.headers()["retry-after"] || 30);
  });
  for (let attempt = 1; ; attempt++) {
    retryAfter = 0;
    await page.locator("#fake-google-button").click({ timeout: 15000 });
    const signedIn = await until(page, () => retryAfter > 0 || page.getByRole("banner").isVisible(), "signed in as " + email);
    if (signedIn === true && retryAfter === 0) return opened;
    assert.ok(attempt < 3, `sign-in of ${email} still rate-limited after ${attempt} waits`);
    await page.waitForTimeout((retryAfter + 1) * 1000);
  }
}

// A button shown disabled with `reason` as its accessible description, or (reason null) usable.
async function checkControl(page, name, reason) {
  const button = page.getByRole("button", { name }).first();
  await until(page, () => button.isVisible(), `the ${name} button`);
  // The role's capabilities come with /me, a moment after the member's name (the sign-in's
  // answer): until then the server decides and the control is usable. Wait for them.
  if (reason) await until(page, async () => (await button.getAttribute("aria-disabled")) === "true", `${name} to be disabled`);
  const disabled = await button.getAttribute("aria-disabled");
  const describedBy = await button.getAttribute("aria-describedby");
  if (reason) {
    assert.equal(disabled, "true", `${name} is disabled`);
    assert.ok(describedBy, `${name} has a description`);
    assert.equal((await page.locator("#" + describedBy).textContent()).trim(), reason);
  } else {
    assert.notEqual(disabled, "true", `${name} is usable`);
    assert.equal(describedBy, null, `${name} needs no explanation`);
  }
}

const ROLES = [
  ["viewer", MEMBERS.viewer, "Viewer", NEEDS_SALES, NEEDS_BUYER],
  ["sales", MEMBERS.sales, "Sales", null, NEEDS_BUYER],
  ["buyer", MEMBERS.buyer, "Buyer", NEEDS_SALES, null],
  ["admin", OWNER, "Admin", null, null],
];

for (const [role, who, label, newCustomer, exportCsv] of ROLES) {
  test(`${label}: signs in with Google; what the role may not do is disabled with the reason, Team only for Admins`, async () => {
    const { context, page, pageErrors } = await signIn(who.email, "#/customers");
    try {
      await until(page, async () => (await page.getByRole("banner").textContent()).includes(who.name), "the member's name on top");
      assert.ok((await page.getByRole("banner").textContent()).includes(label), "the role on top");
      await checkControl(page, /New customer/, newCustomer);
      await checkControl(page, /Export CSV/, exportCsv);  // the customer list's export (issue 19)
      await page.evaluate(() => { location.hash = "#/invoices"; });
      await checkControl(page, /Export CSV/, exportCsv);
      const team = page.getByRole("navigation").getByRole("link", { name: "Team" });
      assert.equal(await team.count(), role === "admin" ? 1 : 0, "Team is in the navigation for Admins only");
      if (role === "viewer") await screenshot(page, "60-teams-viewer-invoices");
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

test("an Admin adds a member on the Team screen; the history names who did it and filters by them", async () => {
  const { context, page, pageErrors } = await signIn(OWNER.email, "#/team");
  try {
    await until(page, () => page.getByRole("heading", { level: 1, name: "Team" }).isVisible(), "the Team heading");
    await until(page, async () => (await page.getByRole("main").textContent()).includes(MEMBERS.viewer.name), "the members");
    await page.getByRole("button", { name: "Add member" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Add a team member" });
    await until(page, () => dialog.isVisible(), "the add dialog");
    const lena = `lena.${STAMP}@hartmann-teams.example`;
    await dialog.getByLabel("Google email address").fill(lena);
    await dialog.getByLabel("Name").fill("Lena Vogel");
    await dialog.getByRole("radio", { name: "Sales" }).click();
    await dialog.getByRole("button", { name: "Add member" }).click();
    await until(page, async () => (await dialog.count()) === 0, "the dialog to close");
    const members = (await api(server.url, "GET", "/team/members", { token: ownerToken })).json.items;
    const added = members.find((m) => m.email === lena);
    assert.ok(added, "Lena is a member on the server");
    assert.equal(added.role, "sales");
    await until(page, async () => (await page.getByRole("main").textContent()).includes("Lena Vogel"), "Lena in the list");

    // The dashboard's history: who did what; then only what Priya (Sales) did.
    await page.evaluate(() => { location.hash = "#/dashboard"; });
    await until(page, async () => {
      const text = await page.getByRole("main").textContent();
      return text.includes(OWNER.name) && text.includes(MEMBERS.sales.name);
    }, "both actors in the recent activity");
    await page.evaluate((email) => { location.hash = "#/dashboard?actor=" + encodeURIComponent(email); }, MEMBERS.sales.email);
    await until(page, async () => {
      const text = await page.getByRole("main").textContent();
      return text.includes("Zoë Harper") && !text.includes("Lena Vogel");
    }, "only Priya's changes");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

// Everything the page can see of its own storage: IndexedDB's keys, localStorage's, Cache Storage's URLs.
async function browserStorage(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open("reseller-console", 1);
      r.onupgradeneeded = () => r.result.createObjectStore("kv");
      r.onsuccess = () => ok(r.result);
      r.onerror = fail;
    });
    const idb = await new Promise((ok) => {
      const r = db.transaction("kv").objectStore("kv").getAllKeys();
      r.onsuccess = () => ok(r.result.map(String));
    });
    db.close();
    const local = Object.keys(localStorage);
    const cached = [];
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys()) cached.push(req.url);
    return { idb, local, cached };
  });
}

test("Sign out on a shared computer: asked first about the waiting write, then nothing of the member is left; made offline, it still ends the session", async () => {
  const { context, page, pageErrors } = await signIn(MEMBERS.sales.email, "#/customers");
  try {
    await until(page, async () => (await page.getByRole("main").textContent()).includes("Zoë Harper"), "the customer list");
    const token = JSON.parse(await page.evaluate(() => localStorage.getItem("resellerConsole.session"))).token;
    const before = await browserStorage(page);
    assert.ok(before.idb.some((k) => k.startsWith("reads/")), "saved answers are kept while signed in: " + before.idb);

    // Offline: an invitation waits in the queue.
    await context.setOffline(true);
    await page.evaluate(() => { location.hash = "#/dashboard"; });
    await until(page, async () => /Offline/.test(await page.locator("body").textContent()), "the console to know it is offline");
    await page.evaluate(() => { location.hash = "#/customers"; });
    await page.getByRole("button", { name: /New customer/ }).first().click();
    const dialog = page.getByRole("dialog", { name: "Invite a new customer" });
    await dialog.getByLabel("Name").fill("Olga Offline");
    await dialog.getByLabel("Email").fill(`olga@olga-${STAMP}.example`);
    await dialog.getByLabel("Google Workspace domain").fill(`olga-${STAMP}.example`);
    await dialog.getByLabel("Organization").fill("Olga GmbH");
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await until(page, async () => (await browserStorage(page)).idb.some((k) => k.startsWith("outbox/")), "the write in the queue");

    // Sign out: the warning names the write; discard it.
    await page.getByRole("banner").getByRole("button", { name: /Sign out/ }).click();
    const warning = page.getByRole("dialog", { name: "Changes made offline are still waiting" });
    await until(page, () => warning.isVisible(), "the warning");
    assert.ok((await warning.textContent()).includes(`Invitation to olga@olga-${STAMP}.example`));
    await screenshot(page, "61-teams-sign-out-waiting");
    await warning.getByRole("button", { name: "Discard them and sign out" }).click();
    await until(page, () => page.locator("#fake-google-button").isVisible(), "the sign-in screen");

    // The queue is emptied by transactions of its own after the sign-in screen is drawn: under
    // load they finish a moment later (CI once read the outbox entry still there).
    await until(page, async () => (await browserStorage(page)).idb.length === 0, "IndexedDB to keep nothing of the member",
      { timeout: 5000 });
    const after = await browserStorage(page);
    assert.deepEqual(after.idb, [], "IndexedDB keeps nothing of the member");
    assert.deepEqual(after.cached.filter((u) => u.includes("/api/")), [], "Cache Storage keeps no API answer");
    // Offline, the only trace is the sign-out the server still has to hear.
    assert.deepEqual(after.local, ["resellerConsole.signOutOwed"]);
    assert.equal((await api(server.url, "GET", "/me", { token })).status, 200, "the server has not heard it yet");

    // The connection returns: the session ends on the server, and the last trace goes.
    await context.setOffline(false);
    await until(page, async () => (await api(server.url, "GET", "/me", { token })).status === 401,
      "the server session to end", { timeout: 40000 });
    await until(page, async () => (await browserStorage(page)).local.length === 0, "localStorage to be empty");
    assert.equal((await api(server.url, "GET", "/customers?q=olga", { token: ownerToken })).json.items.length, 0,
      "the discarded invitation was never sent");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

// For the eye (build/screenshots/62-*, 63-*): the Team screen, and a Viewer's customer page with
// Resend and Revoke disabled and the reason, at four sizes in English and German.
const SIZES = [[1440, 900], [1280, 720], [768, 1024], [390, 844]];
for (const lang of ["en", "de"]) {
  test(`screenshots ${lang}: the Team screen and a disabled control at ${SIZES.map(([w, h]) => w + "x" + h).join(", ")}`,
    { timeout: 300000 }, async () => {
      const reason = lang === "de" ? "Erfordert die Rolle Vertrieb oder Admin" : NEEDS_SALES;
      for (const [width, height] of SIZES) {
        const options = { viewport: { width, height }, hasTouch: width < 1000, locale: lang === "de" ? "de-DE" : "en-US" };
        {
          const { context, page, pageErrors } = await signIn(OWNER.email, "#/team", options);
          try {
            await until(page, async () => (await page.getByRole("main").textContent()).includes(MEMBERS.viewer.name), "the members");
            await page.mouse.move(1, height - 1);
            await page.waitForTimeout(300);
            await screenshot(page, `62-team-${width}x${height}-${lang}`);
            assert.deepEqual(pageErrors, []);
          } finally {
            await context.close();
          }
        }
        const { context, page, pageErrors } = await signIn(MEMBERS.viewer.email, "#/customers/" + customerId, options);
        try {
          await until(page, async () => (await page.getByRole("main").textContent()).includes(reason), "the reason on screen");
          await page.mouse.move(1, height - 1);
          await page.waitForTimeout(300);
          await screenshot(page, `63-disabled-${width}x${height}-${lang}`);
          assert.deepEqual(pageErrors, []);
        } finally {
          await context.close();
        }
      }
    });
}
