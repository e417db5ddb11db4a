// The thin thread in a real browser: load, sign in with the demo account, see the customers.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, openConsole, items, waitForItem, clickItem, screenshot,
  distinctColours, api, waitForItemMatching } from "./harness.mjs";

let server, browser;

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function demoEmail() {
  const res = await fetch(server.url + "/config.json");
  const config = await res.json();
  assert.equal(config.demo_sign_in, true, "serve.py --demo turns demo sign-in on");
  assert.ok(config.demo_email.includes("@"));
  return config.demo_email;
}

test("the page loads without console errors and the first frame is not blank", async () => {
  const { context, page, errors } = await openConsole(browser, server.url);
  try {
    await waitForItem(page, "Demo sign-in", "button");
    const { png } = await screenshot(page, "smoke-sign-in");
    assert.ok(distinctColours(png) > 20, "the sign-in screen has more than a flat colour");
    assert.deepEqual(errors, []);
    const boot = await page.$eval("#boot", (el) => el.classList.contains("done") && !el.classList.contains("failed"));
    assert.ok(boot, "the loading overlay is gone once the console draws");
  } finally {
    await context.close();
  }
});

test("demo sign-in through items() shows the seeded customers in the Customers table", async () => {
  const email = await demoEmail();
  // What the table should show comes from the API itself, not from the test.
  const session = await api(server.url, "POST", "/auth/demo", { body: { email } });
  assert.equal(session.status, 200);
  const list = await api(server.url, "GET", "/customers?sort=name&limit=50", { token: session.json.token });
  assert.equal(list.status, 200);
  assert.ok(list.json.items.length >= 5, "demo data has customers");

  const { context, page, errors } = await openConsole(browser, server.url);
  try {
    await clickItem(page, "Demo sign-in", "button");
    await waitForItem(page, session.json.reseller.name, "text");
    await clickItem(page, "Customers", "menu");
    for (const c of list.json.items.slice(0, 5)) {
      await waitForItem(page, c.name, "cell");
      await waitForItem(page, c.google_domain, "cell");
    }
    const badges = (await items(page)).filter((it) => it.kind === "badge").map((it) => it.label);
    assert.ok(badges.includes("Active"), "status badges: " + badges.join(", "));
    // Invited customers sort further down: the status filter brings them up.
    await clickItem(page, "Invited", "tab");
    await waitForItem(page, "Invited", "badge");
    await screenshot(page, "smoke-customers");
    await clickItem(page, "Dashboard", "menu");
    await waitForItem(page, "Pending invitations", "label");
    await screenshot(page, "smoke-dashboard");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("idle, the console draws nothing; input draws again", async () => {
  const { context, page } = await openConsole(browser, server.url);
  try {
    await waitForItem(page, "Demo sign-in", "button");
    await page.waitForTimeout(500);  // let the frames after load run out
    const before = await page.evaluate(() => window.resellerConsole.frames());
    await page.waitForTimeout(1500);
    const idle = await page.evaluate(() => window.resellerConsole.frames());
    assert.equal(idle, before, "no frames while nothing happens");
    await page.mouse.move(300, 300);
    await page.mouse.move(320, 310);
    await page.waitForTimeout(300);
    const moved = await page.evaluate(() => window.resellerConsole.frames());
    assert.ok(moved > idle, "mouse movement draws");
  } finally {
    await context.close();
  }
});

test("the canvas follows the window's size, and text is rasterised for HiDPI screens", async () => {
  const { context, page } = await openConsole(browser, server.url, { deviceScaleFactor: 2 });
  try {
    const first = await waitForItem(page, "Demo sign-in", "button");
    const backing = await page.$eval("#canvas", (c) => [c.width, c.height]);
    assert.deepEqual(backing, [2880, 1800], "backing store in device pixels");
    await screenshot(page, "smoke-sign-in-hidpi");
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.waitForFunction((x) => {
      const b = window.resellerConsole.items().find((it) => it.label === "Demo sign-in");
      return b && Math.abs(b.x - x) > 50;
    }, first.x, { timeout: 10000 });
    const resized = await page.$eval("#canvas", (c) => [c.width, c.height]);
    assert.deepEqual(resized, [2000, 1400]);
  } finally {
    await context.close();
  }
});

test("an expired session returns to sign-in, then to the screen the reseller was on", async () => {
  const shortServer = await startServer(["--demo", "--session-hours", "0.002"]);  // about 7 seconds
  const { context, page, errors } = await openConsole(browser, shortServer.url);
  try {
    await clickItem(page, "Demo sign-in", "button");
    await clickItem(page, "Customers", "menu");
    await waitForItem(page, "Manage", "button");
    await page.waitForTimeout(8000);
    await clickItem(page, "Invoices", "menu");
    await waitForItem(page, "Your session has ended. Please sign in again.", "alert");
    assert.ok(page.url().includes("#/invoices"), "the address still names the screen: " + page.url());
    await clickItem(page, "Demo sign-in", "button");
    await waitForItem(page, "Export CSV", "button");
    assert.deepEqual(errors.filter((e) => !/401/.test(e)), []);
  } finally {
    await context.close();
    await shortServer.stop();
  }
});

test("an answer of the wrong shape is an error on screen, never a crash of the page", async () => {
  const email = await demoEmail();
  const { context, page, errors } = await openConsole(browser, server.url);
  try {
    // The dashboard's answer arrives well-formed but shaped wrong: the decoder throws inside
    // src/core and must catch it there (the wasm build has exceptions for this).
    await page.route("**/api/v1/dashboard", (route) => route.fulfill({
      status: 200, contentType: "application/json", body: JSON.stringify({ customers_by_status: "none" }) }));
    await clickItem(page, "Demo sign-in", "button");
    await waitForItemMatching(page, /does not understand/);
    // Still running: another screen works.
    await clickItem(page, "Customers", "menu");
    const list = await api(server.url, "GET", "/customers?sort=name&limit=5",
      { token: (await api(server.url, "POST", "/auth/demo", { body: { email } })).json.token });
    await waitForItem(page, list.json.items[0].name, "cell");
    const failed = await page.$eval("#boot", (el) => el.classList.contains("failed"));
    assert.equal(failed, false, "the page did not stop");
    assert.deepEqual(errors.filter((e) => /abort|unreachable|RuntimeError/i.test(e)), []);
  } finally {
    await context.close();
  }
});
