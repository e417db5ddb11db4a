// Kiosk mode in a real browser on a 768x1024 touch screen, driven by taps alone: it opens signed
// in on the dashboard with the Demo ribbon and no Sign out, goes full screen on the first touch,
// asks "Still there?" after the idle time (a touch keeps what was typed), starts over when nobody
// answers (dialog closed, typed text gone, dashboard, the server's demo data restored), opens an
// invitation page in the same window with a way back, and downloads an invoice PDF.
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, items, launchBrowser, openConsoleAt, screenshot, startServer, waitForIdle, waitForItem,
  waitForItemGone, waitForItemMatching } from "./harness.mjs";

const IDLE = 60;  // seconds; the test moves the page's clock forward rather than waiting
const TOUCH = { viewport: { width: 768, height: 1024 }, hasTouch: true, locale: "en-US" };

async function tap(page, label, kind) {
  await waitForIdle(page);
  const it = await waitForItem(page, label, kind);
  await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  await waitForIdle(page, 2000);
  return it;
}

async function customersTotal(url) {
  const token = (await api(url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } })).json.token;
  return (await api(url, "GET", "/customers?limit=1", { token })).json.total;
}

test("kiosk mode: signed in, full screen, Still there?, start over, invitation page and back, PDF", { timeout: 240000 }, async () => {
  const server = await startServer(["--kiosk", "--kiosk-idle", String(IDLE)]);
  const browser = await launchBrowser();
  try {
    const before = await customersTotal(server.url);
    // A clock the test can move forward, so the idle time passes without waiting for it.
    const { page, errors } = await openConsoleAt(browser, server.url, "", { ...TOUCH, acceptDownloads: true,
      setup: async (context, p) => { await p.clock.install(); } });
    // Signed in by itself, on the dashboard, with the ribbon; no way to sign out.
    await waitForItem(page, "Demo", "ribbon");
    await waitForItem(page, "Dashboard", "heading");
    let drawn = await items(page);
    assert.ok(!drawn.some((it) => it.label === "Sign out"), "a kiosk offers no Sign out");
    assert.ok(drawn.some((it) => it.label.includes("Deutsch") && it.kind === "button"), "the language switch stays");
    await screenshot(page, "30-kiosk-dashboard");

    // The first touch asks for full screen.
    await tap(page, "Customers", "menu");
    await page.waitForFunction(() => !!document.fullscreenElement, null, { timeout: 5000 });

    // A visitor starts inviting someone and walks away.
    await tap(page, "+  New customer", "button");
    await tap(page, "Contact name", "input");
    await page.keyboard.type("Visitor Typed");
    await waitForIdle(page);
    await page.waitForFunction(() => window.resellerConsole.activeInputText() === "Visitor Typed");
    await page.clock.fastForward(IDLE * 1000);
    const notice = await waitForItem(page, "Still there?", "heading");
    await waitForItemMatching(page, /starts over in \d+ seconds/, "text");
    await screenshot(page, "31-kiosk-still-there");
    // A touch on the notice: everything stays, and the touch presses nothing beneath it.
    await page.touchscreen.tap(notice.x + notice.w / 2, notice.y + notice.h / 2);
    await waitForItemGone(page, "Still there?", "heading");
    await waitForItem(page, "Invite a new customer", "heading");
    assert.equal(await page.evaluate(() => window.resellerConsole.activeInputText()), "Visitor Typed");

    // Meanwhile the demo data changes (as a visitor's order would change it).
    const token = (await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } })).json.token;
    const created = await api(server.url, "POST", "/customers", { token, body: { name: "Kiosk Visitor", email: "a@kiosk-visitor.de",
      google_domain: "kiosk-visitor.de", organization: "Kiosk Visitor GmbH" } });
    assert.equal(created.status, 201);
    assert.equal(await customersTotal(server.url), before + 1);

    // Nobody answers the second time: the console starts over.
    await page.clock.fastForward(IDLE * 1000);
    await waitForItem(page, "Still there?", "heading");
    await page.clock.fastForward(11000);
    await waitForItemGone(page, "Still there?", "heading");
    await waitForItem(page, "Dashboard", "heading");
    drawn = await items(page);
    assert.ok(!drawn.some((it) => it.label === "Invite a new customer"), "the dialog is closed");
    assert.equal(await page.evaluate(() => location.hash), "#/dashboard");
    await page.waitForFunction(() => window.resellerConsole.items().some((it) => it.kind === "figure"));
    assert.equal(await customersTotal(server.url), before, "the server restored the demo data");
    // The next visitor's form is empty.
    await tap(page, "Customers", "menu");
    await tap(page, "+  New customer", "button");
    await tap(page, "Contact name", "input");
    assert.ok(!(await page.evaluate(() => window.resellerConsole.activeInputText())), "nothing of the last visitor's text");
    await tap(page, "Cancel", "button");

    // An invited customer's invitation page opens in this window, and leads back.
    const invited = (await api(server.url, "GET", "/customers?status=invited&limit=50", { token })).json.items
      .find((c) => c.invitation && c.invitation.status === "pending");
    await page.evaluate((id) => { location.hash = "#/customers/" + id; }, invited.id);
    await waitForItem(page, invited.name, "heading");
    const navigation = page.waitForURL(/\/invite\//);
    const open = await waitForItem(page, "Open invitation page", "button");
    await page.touchscreen.tap(open.x + open.w / 2, open.y + open.h / 2);
    await navigation;
    assert.match(await page.locator("h1").innerText(), new RegExp(invited.organization.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await screenshot(page, "32-kiosk-invitation-page");
    const back = page.locator("a.back");
    const box = await back.boundingBox();
    assert.ok(box.height >= 44, `the way back is a tap target (${box.height} px)`);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => window.resellerConsole && window.resellerConsole.ready, null, { timeout: 60000 });
    await waitForItem(page, invited.name, "heading");
    assert.equal(await page.evaluate(() => location.hash), "#/customers/" + invited.id);

    // Downloads still work.
    const invoice = (await api(server.url, "GET", "/invoices?limit=1", { token })).json.items[0];
    await page.evaluate((id) => { location.hash = "#/invoices/" + id; }, invoice.id);
    const download = page.waitForEvent("download");
    await tap(page, "Download PDF", "button");
    const file = await download;
    assert.equal(file.suggestedFilename(), invoice.number + ".pdf");
    assert.deepEqual(errors, []);
    await page.context().close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
