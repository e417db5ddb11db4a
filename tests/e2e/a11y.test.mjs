// The accessibility mirror (src/ui/a11y/a11y_tree.* + web/a11y.js): the reseller's guide walked with
// getByRole / getByLabel locators and the keyboard only, never items() coordinates; what
// Chromium's accessibility tree holds; focus, Esc and the arrows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { startServer, launchBrowser, openConsole, api, screenshot, decodePng } from "./harness.mjs";

let server, browser, context, page, errors;
const domain = "a11y-" + Date.now().toString(36) + ".org";
const T = { timeout: 15000 };

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  ({ context, page, errors } = await openConsole(browser, server.url, { acceptDownloads: true }));
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

// Playwright's expect() is not in playwright-core: poll a locator's state instead.
async function until(fn, what, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > end) {
      await screenshot(page, "a11y-timeout");
      console.log(await page.locator("body").ariaSnapshot().catch(() => ""));
      throw new Error("timed out waiting for " + what + (last instanceof Error ? ": " + last.message : ""));
    }
    await page.waitForTimeout(80);
  }
}
const visible = (locator, what) => until(() => locator.first().isVisible(), what);
const focusedName = () => page.evaluate(() => {
  const el = document.activeElement;
  return el ? (el.getAttribute("aria-label") || el.textContent || "").trim() + "|" + (el.getAttribute("role") || el.tagName.toLowerCase()) : "";
});

test("before sign-in: no stale loading line, the sign-in button is a button", async () => {
  const snapshot = await page.locator("body").ariaSnapshot();
  assert.ok(!/Loading/.test(snapshot), "the loader's status line is gone:\n" + snapshot);
  await visible(page.getByRole("button", { name: "Demo sign-in" }), "Demo sign-in");
  assert.equal(await page.getByLabel("Email").first().inputValue(), "demo@reseller.example", "the field's value is mirrored");
});

test("sign in and reach the customers with roles only", async () => {
  await page.getByRole("button", { name: "Demo sign-in" }).click();
  await visible(page.getByRole("navigation"), "the navigation landmark");
  await visible(page.getByRole("main"), "the main landmark");
  await visible(page.getByRole("banner"), "the banner landmark");
  await visible(page.getByRole("heading", { level: 1, name: "Dashboard" }), "the dashboard's heading");
  await page.getByRole("navigation").getByRole("link", { name: "Customers" }).click();
  await visible(page.getByRole("heading", { level: 1, name: "Customers" }), "the customers heading");
  assert.equal(await page.getByRole("link", { name: "Customers" }).getAttribute("aria-current"), "page");
  const grid = page.getByRole("grid", { name: "Customers" });
  await visible(grid.getByRole("row").nth(2), "customer rows");
  // The row count is the whole list's (the server's total), not the rows drawn.
  const session = await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } });
  const list = await api(server.url, "GET", "/customers?limit=1", { token: session.json.token });
  const total = list.json.total ?? list.json.total_count ?? list.json.count;
  assert.ok(Number.isInteger(total) && total > 0, "the API says how many customers: " + JSON.stringify(list.json).slice(0, 200));
  assert.equal(await grid.getAttribute("aria-rowcount"), String(total + 1));
  const drawn = await grid.getByRole("row").count();
  assert.ok(drawn < total + 1, `only drawn rows are in the DOM (${drawn} of ${total + 1})`);
  assert.ok(await grid.getByRole("columnheader", { name: "Status" }).count() === 1, "column headers");
  const firstRow = grid.getByRole("row").nth(1);
  assert.equal(await firstRow.getAttribute("aria-rowindex"), "2");
  assert.ok(await firstRow.getByRole("gridcell").count() >= 7, "a row has its cells");
  // Tabs: the status filter, one selected.
  const tabs = page.getByRole("tablist").first().getByRole("tab");
  // All and every status the server knows (issue 23 added Suspended and Declined).
  assert.deepEqual(await tabs.allTextContents(), ["All", "Invited", "Active", "Suspended", "Revoked", "Declined", "Cancelled"]);
  assert.equal(await page.getByRole("tab", { name: "All", selected: true }).count(), 1);
});

test("the status filter: a tab click and the arrow keys", async () => {
  await page.getByRole("tab", { name: "Invited" }).click();
  await until(async () => (await page.getByRole("tab", { name: "Invited" }).getAttribute("aria-selected")) === "true", "Invited selected");
  await until(() => page.evaluate(() => location.hash.includes("status=invited")), "the filter in the address");
  await page.getByRole("tab", { name: "Invited" }).focus();
  await page.keyboard.press("ArrowRight");
  await until(async () => (await page.getByRole("tab", { name: "Active" }).getAttribute("aria-selected")) === "true", "Active selected by the arrow key");
  assert.match(await focusedName(), /^Active\|tab$/);
  await page.keyboard.press("Home");
  await until(async () => (await page.getByRole("tab", { name: "All" }).getAttribute("aria-selected")) === "true", "All selected by Home");
});

test("New customer: open with the keyboard, fill and send, errors on the field", async () => {
  const opener = page.getByRole("button", { name: "New customer", exact: true });
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Invite a new customer" });
  await visible(dialog, "the New customer dialog");
  assert.equal(await dialog.getAttribute("aria-modal"), "true");
  // Esc closes it and the focus returns to the button that opened it.
  await page.keyboard.press("Escape");
  await until(async () => (await dialog.count()) === 0, "the dialog to close");
  await until(async () => /New customer\|button/.test(await focusedName()), "focus back on New customer");
  await page.keyboard.press("Enter");
  await visible(dialog, "the dialog again");
  await dialog.getByLabel("Name").fill("Ωmega Ärztin");
  await dialog.getByLabel("Email").fill("owner@" + domain);
  await dialog.getByLabel("Google Workspace domain").fill("https://" + domain);
  await dialog.getByLabel("Organization").fill("Praxis Ωmega");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  const field = dialog.getByLabel("Google Workspace domain");
  await until(async () => (await field.getAttribute("aria-invalid")) === "true", "the domain field marked invalid");
  const describedBy = await field.getAttribute("aria-describedby");
  const error = await page.locator("#" + describedBy).textContent();
  assert.match(error, /bare domain/);
  await field.fill(domain);
  await until(async () => (await field.getAttribute("aria-invalid")) !== "true", "the error to go");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await until(async () => /Invitation sent to owner@/.test(await page.getByRole("status").first().textContent()), "the toast in the status region");
  await visible(page.getByRole("heading", { level: 1, name: "Ωmega Ärztin" }), "the new customer's page");
  await visible(page.getByRole("button", { name: "Copy link" }), "Copy link");
});

test("accept the invitation, then Manage from the table, order licenses with the spin button", async () => {
  const session = await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } });
  const id = Number(/#\/customers\/(\d+)/.exec(page.url())[1]);
  const detail = await api(server.url, "GET", "/customers/" + id, { token: session.json.token });
  const link = detail.json.invitation && detail.json.invitation.url;
  assert.ok(link, "the customer has an invitation link");
  const invite = await context.newPage();
  await invite.goto(link);
  await invite.getByRole("button").first().click();
  await invite.waitForFunction(() => document.getElementById("accept").hidden === true, null, T);
  await invite.close();
  await page.reload();
  await page.waitForFunction(() => window.resellerConsole && window.resellerConsole.ready, null, { timeout: 60000 });
  await page.getByRole("navigation").getByRole("link", { name: "Customers" }).click();
  const search = page.getByRole("main").getByRole("textbox", { name: /^Search/ });
  await search.fill("Ωmega");
  const row = page.getByRole("grid", { name: "Customers" }).getByRole("row", { name: /Ωmega Ärztin/ });
  await visible(row, "the customer's row");
  await row.getByRole("button", { name: "Manage" }).click();
  await visible(page.getByRole("heading", { level: 1, name: "Ωmega Ärztin" }), "the customer page");
  await page.getByRole("button", { name: "Add licenses" }).click();
  const dialog = page.getByRole("dialog");
  await visible(dialog, "the licenses dialog");
  const spin = dialog.getByRole("spinbutton", { name: "New number of licenses" });
  const start = Number(await spin.getAttribute("aria-valuenow"));
  assert.ok(Number(await spin.getAttribute("aria-valuemin")) >= 1 && Number(await spin.getAttribute("aria-valuemax")) > start);
  for (let i = 0; i < 2; i++) await dialog.getByRole("button", { name: "One license more" }).click();
  await until(async () => Number(await spin.getAttribute("aria-valuenow")) === start + 2, "+ twice");
  await spin.fill(String(start + 4));
  await until(async () => Number(await spin.getAttribute("aria-valuenow")) === start + 4, "the typed count reaches the dialog");
  await spin.focus();
  await page.keyboard.press("ArrowUp");
  await until(async () => Number(await spin.getAttribute("aria-valuenow")) === start + 5, "ArrowUp on the spin button");
  await screenshot(page, "30-a11y-licenses");
  await dialog.getByRole("button", { name: "Order now" }).click();
  await dialog.getByRole("button", { name: "Confirm order" }).click();
  await until(async () => /Licenses set to/.test(await page.getByRole("status").first().textContent()), "the order's toast");
  test.licenses = start + 5;
});

test("invoices: the grid, open one, download, Esc returns to the row", async () => {
  await page.getByRole("navigation").getByRole("link", { name: "Invoices" }).click();
  const grid = page.getByRole("grid", { name: "Invoices" });
  await visible(grid.getByRole("row").nth(1), "invoice rows");
  assert.ok(Number(await grid.getAttribute("aria-rowcount")) > 1);
  const row = grid.getByRole("row", { name: /Praxis Ωmega/ }).first();
  await visible(row, "the new invoice's row");
  await row.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: /^Invoice [A-Z]+-(?:\d{4}-)?\d+$/ });
  await visible(dialog, "the invoice dialog");
  const [file] = await Promise.all([page.waitForEvent("download", T), dialog.getByRole("button", { name: "Download PDF" }).click()]);
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rc-a11y-")), file.suggestedFilename());
  await file.saveAs(target);
  assert.equal(fs.readFileSync(target).subarray(0, 5).toString(), "%PDF-");
  await page.keyboard.press("Escape");
  await until(async () => (await dialog.count()) === 0, "the invoice dialog to close");
  await until(() => page.evaluate(() => document.activeElement && document.activeElement.getAttribute("role") === "row"), "focus back on the row");
  // Arrows move through the rows.
  const before = await page.evaluate(() => document.activeElement.getAttribute("aria-rowindex"));
  await page.keyboard.press("ArrowDown");
  const afterDown = await page.evaluate(() => document.activeElement.getAttribute("aria-rowindex"));
  assert.equal(Number(afterDown), Number(before) + 1, "ArrowDown moves to the next row");
});

test("Chromium's accessibility tree holds the console, not a canvas and a loading line", async () => {
  const cdp = await context.newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  const roles = new Set(nodes.filter((n) => !n.ignored).map((n) => n.role && n.role.value));
  for (const r of ["navigation", "main", "banner", "grid", "row", "columnheader", "link", "heading"])
    assert.ok(roles.has(r), "the tree has a " + r + ": " + [...roles].join(","));
  assert.ok(!nodes.some((n) => !n.ignored && n.name && /Loading…/.test(n.name.value || "")), "no loading line");
  assert.deepEqual(errors, []);
});

test("prefers-contrast: more draws a darker theme; the normal theme has no black text", async () => {
  const blackPixels = async (options, name) => {
    const { page: p, context: c } = await openConsole(browser, server.url, options);
    await p.getByRole("button", { name: "Demo sign-in" }).waitFor();
    await p.waitForTimeout(300);
    const { png } = await screenshot(p, name);
    await c.close();
    const { pixels, channels } = decodePng(png);
    let n = 0;
    for (let i = 0; i < pixels.length; i += channels) if (pixels[i] < 8 && pixels[i + 1] < 8 && pixels[i + 2] < 8) n++;
    return n;
  };
  const normal = await blackPixels({}, "38-sign-in-normal");
  const more = await blackPixels({ contrast: "more" }, "39-sign-in-more-contrast");
  assert.equal(normal, 0, "the normal theme's darkest text is #171c26");
  assert.ok(more > 500, "black text with prefers-contrast: more (" + more + " pixels)");
});
