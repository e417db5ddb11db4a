// The reseller's guide on a 768x1024 touch screen, with page.touchscreen.tap alone (no mouse):
// sign in, the customer list (search, filter, a finger drag scrolls it), invite, the invitation
// page, licenses with the stepper, the plan cards, cancel and undo, an invoice and its PDF, the
// language switch. Every tapped thing is at least 44 x 44 CSS px; a field opens the on-screen
// keyboard (the page's text agent has the focus) and leaving it closes it again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { api, items, launchBrowser, openConsoleAt, screenshot, startServer, waitForIdle, waitForItem,
  waitForItemGone, waitForItemMatching } from "./harness.mjs";

let server, browser, context, page, errors;
const domain = "touch-" + Date.now().toString(36) + ".example";
const tapped = [];

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  ({ context, page, errors } = await openConsoleAt(browser, server.url, "", {
    viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false, locale: "en-US", acceptDownloads: true }));
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

// The item as drawn last (a dialog's button over the page's one of the same name), once it
// stands still; a swipe brings it up when it is below the fold.
async function reveal(label, kind) {
  await waitForItem(page, label, kind);
  // Something that answers a tap: a button waiting for a price preview is not yet.
  await page.waitForFunction(([l, k]) => window.resellerConsole.items().some((it) => it.label === l && (!k || it.kind === k) && !it.disabled),
    [label, kind], { timeout: 15000 });
  for (let i = 0; i < 6; i++) {
    await waitForIdle(page);
    const all = (await items(page)).filter((it) => it.label === label && (!kind || it.kind === kind));
    const it = all[all.length - 1];
    if (it.y + it.h <= 1024 && it.y >= 0) return it;
    await swipe(384, 900, -Math.min(600, it.y + it.h - 900));
  }
  throw new Error(`"${label}" stays out of sight`);
}

// A finger on the middle of the item; remembers its size for the 44 px check.
async function tap(label, kind) {
  const it = await reveal(label, kind);
  tapped.push(it);
  await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  await waitForIdle(page, 2000);
  return it;
}

async function keyboardOpen() {
  return page.evaluate(() => !!(document.activeElement && document.activeElement.dataset && document.activeElement.dataset.rcTextAgent));
}

// A finger dragged from (x, y) by dy over a few moves, through the DevTools protocol (playwright
// has taps only): what a swipe on a phone sends.
async function swipe(x, y, dy) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  for (let i = 1; i <= 8; i++) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y: y + (dy * i) / 8 }] });
    await page.waitForTimeout(16);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

test("1. sign in and the dashboard, by taps", async () => {
  await tap("Demo sign-in", "button");
  await waitForItem(page, "Open invoices", "label");
  await screenshot(page, "40-touch-dashboard");
});

test("2. customers: a tapped field opens the keyboard, leaving it closes it; a drag scrolls the list", async () => {
  await tap("Customers", "menu");
  await waitForItem(page, "Manage", "button");
  await tap("Search name, organization, domain or email", "input");
  await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.rcTextAgent === "1");
  await page.keyboard.type("müller", { delay: 10 });
  await waitForItem(page, "Jürgen Müller", "cell");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await tap("Invited", "tab");
  await page.waitForFunction(() => !(document.activeElement && document.activeElement.dataset.rcTextAgent), null, { timeout: 5000 })
    .catch(() => assert.fail("leaving the field closes the keyboard"));
  await page.waitForFunction(() => window.resellerConsole.items().filter((i) => i.kind === "badge" && i.label === "Active").length === 0);
  await tap("All", "tab");
  await waitForItem(page, "Amelia Brooks", "cell");
  // A finger drag scrolls the list and opens nothing.
  const first = (await items(page)).find((i) => i.label === "Amelia Brooks");
  await swipe(400, 800, -300);
  await page.waitForFunction((y) => {
    const it = window.resellerConsole.items().find((i) => i.label === "Amelia Brooks");
    return !it || it.y < y - 150;
  }, first.y, { timeout: 5000 });
  await waitForIdle(page, 3000);
  assert.match(await page.evaluate(() => location.hash), /^#\/customers/);
  await screenshot(page, "41-touch-customers-scrolled");
});

test("3. invite a customer by taps and typing; open its page", async () => {
  await tap("+  New customer", "button");
  await waitForItem(page, "Invite a new customer", "heading");
  for (const [field, value] of [["Contact name", "Tamsin Touch"], ["Email", "tamsin@" + domain],
    ["Google Workspace domain", domain], ["Organization", "Touch & Go Ltd"]]) {
    await tap(field, "input");
    assert.equal(await keyboardOpen(), true, "the keyboard is up for " + field);
    await page.keyboard.type(value, { delay: 5 });
  }
  await screenshot(page, "42-touch-new-customer");
  await tap("Send invitation", "button");
  await waitForItem(page, "Tamsin Touch", "heading");
  await waitForItem(page, "Copy link", "button");
  test.customerId = Number(/#\/customers\/(\d+)/.exec(page.url())[1]);
});

test("4. the customer accepts; licenses with the stepper, order and confirm", async () => {
  const token = (await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } })).json.token;
  const c = (await api(server.url, "GET", "/customers/" + test.customerId, { token })).json;
  const accepted = await api(server.url, "POST", "/invitations/" + c.invitation.url.split("/").pop() + "/accept", { body: { demo: true } });
  assert.equal(accepted.status, 200);
  await page.reload();
  await page.waitForFunction(() => window.resellerConsole && window.resellerConsole.ready);
  await tap("Add licenses", "button");
  await waitForItem(page, "New number of licenses", "input");
  for (let i = 0; i < 3; i++) await tap("+", "button");
  await tap("-", "button");
  await waitForItem(page, "Due now", "label");
  await screenshot(page, "43-touch-licenses");
  await tap("Order now", "button");
  await tap("Confirm order", "button");
  await waitForItemMatching(page, /^Licenses set to 7\./, "toast");
});

test("5. the plan cards and the cancel dialog by taps; undo", async () => {
  await tap("Upgrade plan", "button");
  await tap("Enterprise", "option");
  await waitForItem(page, "Due now", "label");
  await screenshot(page, "44-touch-plan");
  await tap("Continue", "button");
  await tap("Confirm plan change", "button");
  await waitForItem(page, "Plan changed to Enterprise.", "toast");
  await tap("Cancel subscription", "button");
  await tap("Now", "radio");
  const endOfTerm = await waitForItemMatching(page, /^At the end of the term/, "radio");
  await tap(endOfTerm.label, "radio");
  await tap("Type " + domain + " to confirm", "input");
  await page.keyboard.type(domain, { delay: 5 });
  await screenshot(page, "45-touch-cancel");
  await tap("Cancel subscription", "button");
  await tap("Undo cancellation", "button");
  await waitForItem(page, "Cancellation undone. The subscription continues.", "toast");
  // The toast sits over the bottom of the page (a tap there closes the toast, not the row).
  await waitForItemGone(page, "Cancellation undone. The subscription continues.", "toast");
});

test("6. an invoice from the customer's page, its PDF, then German", async () => {
  const row = await waitForItemMatching(page, /^[A-Z]+-(?:\d{4}-)?\d+$/, "row");
  await tap(row.label, "row");
  await waitForItem(page, "Invoice " + row.label, "heading");
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }), tap("Download PDF", "button")]);
  assert.equal(file.suggestedFilename(), row.label + ".pdf");
  await tap("Close", "button");
  await tap("Invoices", "menu");
  await tap("Open", "tab");
  await waitForItem(page, "Open", "badge");
  await screenshot(page, "46-touch-invoices");
  const switcher = (await items(page)).find((i) => i.kind === "button" && i.label.endsWith("Deutsch"));
  await tap(switcher.label, "button");
  await waitForItem(page, "Rechnungen", "heading");
  await screenshot(page, "47-touch-invoices-de");
});

test("7. everything tapped was at least 44 x 44 CSS px, and nothing went wrong", async () => {
  const small = tapped.filter((it) => it.w < 44 - 0.5 || it.h < 44 - 0.5).map((it) => `${it.kind} "${it.label}" ${it.w.toFixed(0)}x${it.h.toFixed(0)}`);
  assert.deepEqual(small, []);
  // Every tappable thing on the last screen too, not only what this walk tapped.
  const all = (await items(page)).filter((it) => ["button", "input", "menu", "tab", "link", "row", "option", "radio"].includes(it.kind))
    .filter((it) => it.w < 44 - 0.5 || it.h < 44 - 0.5).map((it) => `${it.kind} "${it.label}" ${it.w.toFixed(0)}x${it.h.toFixed(0)}`);
  assert.deepEqual(all, []);
  assert.deepEqual(errors, []);
});
