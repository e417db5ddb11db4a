// Issue 23's subscription terms on the customer's page, in the browser: Start paid plan now on a
// trial (by keyboard, the server's price, a double click starts once; a Viewer sees why not;
// offline it needs a connection), Renewal settings on an annual plan and the seat cap on a
// flexible one (saved once, shown on the card; the license order stops at the cap and says why).
// Screenshots EN/DE at 1440x900 and 390x844. A file of its own: with lifecycle.test.mjs's pages
// its sign-ins ran into the server's limit of 20 a minute per client.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openConsoleAt, waitForItem, waitForItemMatching, clickItem, screenshot, api, startServer, launchBrowser,
  until as poll } from "./harness.mjs";

const env = { server: null, browser: null };
const SIZES = [[1440, 900], [1280, 720], [768, 1024], [390, 844]];
const TEXT = {
  en: { signIn: "Demo sign-in", startPaid: "Start paid plan now", startTitle: (who) => `Start the paid plan for ${who} now`,
        start: "Start paid plan" },
  de: { signIn: "Demo-Anmeldung", startPaid: "Bezahlten Tarif jetzt starten", startTitle: (who) => `Bezahlten Tarif für ${who} jetzt starten`,
        start: "Bezahlten Tarif starten" },
};
const VIEWER = "tom.fischer@reseller.example";  // the demo team's Viewer
let token, trials;

after(async () => {
  if (env.browser) await env.browser.close();
  if (env.server) await env.server.stop();
});

before(async () => {
  env.server = await startServer(["--demo"]);
  env.browser = await launchBrowser();
  const config = await (await fetch(env.server.url + "/config.json")).json();
  token = (await api(env.server.url, "POST", "/auth/demo", { body: { email: config.demo_email } })).json.token;
  const all = (await api(env.server.url, "GET", "/customers?limit=200", { token })).json.items;
  trials = all.filter((c) => c.subscription && c.subscription.status === "trial" && c.subscription.trial_ends_on);
  assert.ok(trials.length >= 3, "the demo has trials to start: " + trials.length);
});

const until = (page, fn, what) => poll(page, fn, what, { shot: "lifecycle-terms-timeout" });

// Money as the console writes it: $1,392.19 in English, 1.392,19 $ in German.
function money(m, lang) {
  const symbol = { USD: "$", EUR: "€", GBP: "£" }[m.currency];
  const [whole, cents] = (Math.abs(m.amount) / 100).toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "de" ? "." : ",");
  const number = grouped + (lang === "de" ? "," : ".") + cents;
  if (lang === "de") return `${number} ${symbol || m.currency}`;
  return symbol ? symbol + number : `${number} ${m.currency}`;
}

async function open(hash, lang, [width, height], email = null) {
  const { context, page, errors } = await openConsoleAt(env.browser, env.server.url, hash,
    { viewport: { width, height }, locale: lang === "de" ? "de-DE" : "en-US" });
  if (email) await page.getByLabel(/Demo account email|E-Mail-Adresse des Demo-Kontos/).fill(email);
  await clickItem(page, TEXT[lang].signIn, "button");
  return { context, page, errors };
}

test("Start paid plan now by keyboard: another plan and count priced by the server; a double click starts it once", async () => {
  const c = trials[0];
  const who = c.organization || c.name;
  const { context, page, errors } = await open("#/customers/" + c.id, "en", SIZES[0]);
  try {
    const opener = page.getByRole("button", { name: TEXT.en.startPaid, exact: true });
    await until(page, () => opener.isVisible(), TEXT.en.startPaid);
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: TEXT.en.startTitle(who) });
    await until(page, async () => (await dialog.isVisible()) && (await dialog.textContent()).includes("First period"), "the preview");
    assert.equal(await dialog.getAttribute("aria-modal"), "true");
    // What the trial becomes otherwise, from the subscription's renewal.
    assert.ok((await dialog.textContent()).includes("If you do nothing, the trial ends on"), "says what happens otherwise");
    await dialog.getByRole("tab", { name: "Enterprise" }).click();
    await dialog.getByRole("button", { name: "One license more" }).click();
    const body = { plan: "enterprise", billing_cycle: c.subscription.billing_cycle, licenses: c.subscription.licenses + 1 };
    const expected = (await api(env.server.url, "POST", `/customers/${c.id}/subscription/start-paid/preview`, { token, body })).json;
    const due = money(expected.tax ? expected.tax.total : expected.amount_due_now, "en");
    await until(page, async () => (await dialog.textContent()).includes(due), "the server's price " + due);
    await screenshot(page, "lifecycle-start-paid-en-1440x900");
    await dialog.getByRole("button", { name: TEXT.en.start }).dblclick();
    await until(page, async () => /Paid plan started\./.test(await page.getByRole("status").first().textContent()), "the toast");
    await until(page, async () => (await dialog.count()) === 0, "the dialog to close");
    const after = (await api(env.server.url, "GET", "/customers/" + c.id, { token })).json;
    assert.deepEqual([after.subscription.status, after.subscription.plan, after.subscription.licenses], ["active", "enterprise", body.licenses]);
    const history = (await api(env.server.url, "GET", `/activity?customer_id=${c.id}&limit=20`, { token })).json.items;
    assert.equal(history.filter((h) => h.action === "subscription.started_paid").length, 1, "started once");
    await waitForItem(page, "Active", "badge");
    assert.equal(await page.getByRole("button", { name: TEXT.en.startPaid, exact: true }).count(), 0, "no trial left to start");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("Start paid plan now: a Viewer sees it disabled with the reason; offline it needs a connection", async () => {
  const c = trials[1];
  const viewer = await open("#/customers/" + c.id, "en", SIZES[0], VIEWER);
  try {
    const button = viewer.page.getByRole("button", { name: TEXT.en.startPaid, exact: true });
    await until(viewer.page, () => button.isVisible(), TEXT.en.startPaid);
    assert.equal(await button.getAttribute("aria-disabled"), "true");
    const describedBy = await button.getAttribute("aria-describedby");
    assert.equal((await viewer.page.locator("#" + describedBy).textContent()).trim(), "Needs the Buyer or Admin role");
  } finally {
    await viewer.context.close();
  }
  const { context, page } = await open("#/customers/" + c.id, "en", SIZES[0]);
  try {
    const button = page.getByRole("button", { name: TEXT.en.startPaid, exact: true });
    await until(page, () => button.isVisible(), TEXT.en.startPaid);
    await context.setOffline(true);
    await page.evaluate(() => { location.hash = "#/customers"; });
    await page.evaluate((id) => { location.hash = "#/customers/" + id; }, c.id);
    await waitForItem(page, "Needs a connection — you are offline.", "note");
    assert.equal(await button.getAttribute("aria-disabled"), "true");
    const describedBy = await button.getAttribute("aria-describedby");
    assert.equal((await page.locator("#" + describedBy).textContent()).trim(), "Needs a connection — you are offline.");
  } finally {
    await context.close();
  }
});

test("screenshots: Start paid plan now, EN and DE at 1440x900 and 390x844", async () => {
  const c = trials[1];  // the Viewer's test above leaves it a trial
  const who = c.organization || c.name;
  for (const lang of ["en", "de"]) {
    for (const size of [SIZES[0], SIZES[3]]) {
      const { context, page } = await open("#/customers/" + c.id, lang, size);
      try {
        const opener = page.getByRole("button", { name: TEXT[lang].startPaid, exact: true });
        await until(page, () => opener.isVisible(), TEXT[lang].startPaid);
        await page.mouse.move(2, size[1] - 10);
        await page.waitForTimeout(300);
        await screenshot(page, `lifecycle-trial-page-${lang}-${size[0]}x${size[1]}`);
        await opener.click();
        const dialog = page.getByRole("dialog", { name: TEXT[lang].startTitle(who) });
        await until(page, async () => (await dialog.isVisible()) && /First period|Erster Zeitraum/.test(await dialog.textContent()),
                    "the dialog with its preview");
        // The price in the reader's format: 1.392,19 $ in German.
        const body = { plan: c.subscription.plan, billing_cycle: c.subscription.billing_cycle, licenses: c.subscription.licenses };
        const expected = (await api(env.server.url, "POST", `/customers/${c.id}/subscription/start-paid/preview`, { token, body })).json;
        assert.ok((await dialog.textContent()).includes(money(expected.recurring_amount, lang)), "the recurring amount as " + lang + " writes it");
        await page.waitForTimeout(300);
        await screenshot(page, `lifecycle-start-paid-${lang}-${size[0]}x${size[1]}`);
      } finally {
        await context.close();
      }
    }
  }
});

test("Renewal settings on an annual plan and a seat cap on a flexible one: saved once each, shown on the card; the license order stops at the cap and says why", async () => {
  const all = (await api(env.server.url, "GET", "/customers?limit=200", { token })).json.items;
  const annual = all.find((c) => c.subscription && c.subscription.status === "active" && c.subscription.billing_cycle !== "flexible");
  const flexible = all.find((c) => c.subscription && c.subscription.status === "active" && c.subscription.billing_cycle === "flexible" &&
                                   c.subscription.max_licenses === null);
  let { context, page, errors } = await open("#/customers/" + annual.id, "en", SIZES[0]);
  try {
    const opener = page.getByRole("button", { name: "Renewal settings", exact: true });
    await until(page, () => opener.isVisible(), "Renewal settings");
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Renewal settings for ${annual.organization || annual.name}` });
    await until(page, () => dialog.isVisible(), "the dialog");
    await dialog.getByRole("radio", { name: /Renew with a number of licenses chosen now/ }).click();
    await dialog.getByRole("button", { name: "One license more" }).click();
    const n = annual.subscription.licenses + 1;
    await until(page, async () => (await dialog.getByRole("spinbutton").inputValue()) === String(n), "the count " + n);
    await dialog.getByRole("button", { name: "Save renewal setting" }).dblclick();
    await until(page, async () => /Renewal setting saved\./.test(await page.getByRole("status").first().textContent()), "the toast");
    const after = (await api(env.server.url, "GET", "/customers/" + annual.id, { token })).json.subscription;
    assert.deepEqual([after.renewal.action, after.renewal.licenses], ["renew_with_count", n]);
    const history = (await api(env.server.url, "GET", `/activity?customer_id=${annual.id}&limit=20`, { token })).json.items;
    assert.equal(history.filter((h) => h.action === "subscription.renewal_changed").length, 1, "saved once");
    await waitForItemMatching(page, new RegExp(`^Renews on .* with ${n} licenses · ` + money(after.renewal.recurring_amount, "en").replace(/[$.]/g, "\\$&")));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  ({ context, page, errors } = await open("#/customers/" + flexible.id, "en", SIZES[0]));
  try {
    await page.getByRole("button", { name: "Seat cap", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Seat cap for ${flexible.organization || flexible.name}` });
    await until(page, () => dialog.isVisible(), "the dialog");
    await dialog.getByRole("radio", { name: /At most/ }).click();
    await dialog.getByRole("button", { name: "One license more" }).click();
    await dialog.getByRole("button", { name: "One license more" }).click();
    const cap = flexible.subscription.licenses + 2;
    await until(page, async () => (await dialog.getByRole("spinbutton").inputValue()) === String(cap), "the cap " + cap);
    await dialog.getByRole("button", { name: "Save seat cap" }).dblclick();
    await until(page, async () => /Seat cap saved\./.test(await page.getByRole("status").first().textContent()), "the toast");
    assert.equal((await api(env.server.url, "GET", "/customers/" + flexible.id, { token })).json.subscription.max_licenses, cap);
    const history = (await api(env.server.url, "GET", `/activity?customer_id=${flexible.id}&limit=20`, { token })).json.items;
    assert.equal(history.filter((h) => h.action === "subscription.seat_cap_changed").length, 1, "saved once");
    await waitForItem(page, `${cap} licenses`, "text");
    // Add licenses: a typed count above the cap stops at it, + is disabled there, and the rule says why.
    await page.getByRole("button", { name: "Add licenses", exact: true }).click();
    const order = page.getByRole("dialog");
    await until(page, () => order.isVisible(), "the license dialog");
    await order.getByRole("spinbutton").fill(String(cap + 50));
    await page.keyboard.press("Tab");  // the field shows the count taken once left
    await until(page, async () => (await order.getByRole("spinbutton").inputValue()) === String(cap), "stopped at the cap");
    assert.equal(await order.getByRole("button", { name: "One license more" }).getAttribute("aria-disabled"), "true");
    assert.ok((await order.textContent()).includes(`The seat cap allows at most ${cap} licenses; raise or clear it first.`));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("screenshots: Renewal settings and Seat cap, EN and DE at 1440x900 and 390x844", async () => {
  const all = (await api(env.server.url, "GET", "/customers?limit=200", { token })).json.items;
  const annual = all.find((c) => c.subscription && c.subscription.status === "active" && c.subscription.billing_cycle !== "flexible");
  const flexible = all.find((c) => c.subscription && c.subscription.status === "active" && c.subscription.billing_cycle === "flexible");
  const words = { en: { renewal: "Renewal settings", cap: "Seat cap" }, de: { renewal: "Verlängerung einstellen", cap: "Lizenzobergrenze" } };
  for (const lang of ["en", "de"]) {
    for (const size of [SIZES[0], SIZES[3]]) {
      for (const [c, name, file] of [[annual, words[lang].renewal, "renewal"], [flexible, words[lang].cap, "seat-cap"]]) {
        const { context, page } = await open("#/customers/" + c.id, lang, size);
        try {
          const opener = page.getByRole("button", { name, exact: true });
          await until(page, () => opener.isVisible(), name);
          await page.mouse.move(2, size[1] - 10);
          await page.waitForTimeout(300);
          await screenshot(page, `lifecycle-${file}-page-${lang}-${size[0]}x${size[1]}`);
          await opener.click();
          await until(page, () => page.getByRole("dialog").isVisible(), "the dialog");
          await page.waitForTimeout(300);
          await screenshot(page, `lifecycle-${file}-${lang}-${size[0]}x${size[1]}`);
        } finally {
          await context.close();
        }
      }
    }
  }
});
