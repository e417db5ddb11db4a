// The reseller's guide, step by step, in a real browser against a real serve.py:
// sign in, invite, see Invited, accept through the link, order licenses, see and download the
// invoice, upgrade, cancel and undo the cancel, export invoices. Screenshots of every screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, launchBrowser, openConsole, items, waitForItem, waitForItemMatching, clickItem, screenshot, api } from "./harness.mjs";

let server, browser, context, page, errors;
const domain = "harper-cafe-" + Date.now().toString(36) + ".com";

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  ({ context, page, errors } = await openConsole(browser, server.url, { acceptDownloads: true }));
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

// Types into the field the console shows under this name.
async function typeInto(label, value) {
  await clickItem(page, label, "input");
  await page.keyboard.press("Control+A");
  await page.keyboard.type(value, { delay: 5 });
}

async function settle(ms = 400) {
  await page.mouse.move(2, 890);  // keep hover effects and tooltips out of screenshots
  await page.waitForTimeout(ms);
}

async function download(trigger) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 20000 }), trigger()]);
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rc-dl-")), file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

test("1. sign in with the demo account and see the dashboard", async () => {
  await settle();
  await screenshot(page, "01-sign-in");
  await clickItem(page, "Demo sign-in", "button");
  await waitForItem(page, "Open invoices", "label");
  await waitForItem(page, "Revenue, last 12 months", "heading");
  await settle(600);
  await screenshot(page, "02-dashboard");
});

test("2. customers: the table, search and status filter", async () => {
  await clickItem(page, "Customers", "menu");
  await waitForItem(page, "Manage", "button");
  await settle();
  await screenshot(page, "03-customers");
  await clickItem(page, "Search name, organization, domain or email", "input");
  await page.keyboard.type("müller", { delay: 10 });
  await waitForItem(page, "Jürgen Müller", "cell");
  const names = (await items(page)).filter((i) => i.kind === "cell" && i.y > 250).map((i) => i.label);
  assert.ok(!names.includes("Amelia Brooks"), "the search filters the table");
  assert.ok(page.url().includes("#/customers?q=m%C3%BCller"), "the address reflects the search: " + page.url());
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await clickItem(page, "Invited", "tab");
  await page.waitForFunction(() => window.resellerConsole.items().filter((i) => i.kind === "badge" && i.label === "Active").length === 0);
  await clickItem(page, "All", "tab");
});

test("3. invite a new customer; the invitation link is on the customer's page", async () => {
  await clickItem(page, "+  New customer", "button");
  await waitForItem(page, "Invite a new customer", "heading");
  await page.keyboard.type("Zoë Harper", { delay: 5 });
  await typeInto("Email", "zoe@" + domain);
  await typeInto("Google Workspace domain", "https://" + domain);
  await typeInto("Organization", "Harper Café Collective");
  await clickItem(page, "Send invitation", "button");
  await waitForItem(page, "Enter a bare domain such as example.com (no https://, path, spaces or @).", "error");
  await typeInto("Google Workspace domain", domain);
  await settle(200);
  await screenshot(page, "04-new-customer");
  await clickItem(page, "Send invitation", "button");
  await waitForItem(page, "Invitation sent to zoe@" + domain + ".", "toast");
  await waitForItem(page, "Zoë Harper", "heading");
  await waitForItem(page, "Invited", "badge");
  await waitForItem(page, "Copy link", "button");
  assert.match(page.url(), /#\/customers\/\d+$/);
  await settle();
  await screenshot(page, "05-customer-invited");
  await clickItem(page, "Copy link", "button");
  await waitForItem(page, "Invitation link copied to the clipboard.", "toast");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\/invite\/[A-Za-z0-9_-]{20,}$/);
  test.link = link;
});

test("4. the customer accepts through the link; the console shows them active on a trial", async () => {
  const invitePage = await context.newPage();
  await invitePage.goto(test.link);
  await invitePage.click("#accept");
  await invitePage.waitForFunction(() => document.getElementById("accept").hidden === true, null, { timeout: 10000 });
  await invitePage.close();
  // Back in the console: a reload of the same address shows the customer's new state.
  await page.reload();
  await page.waitForFunction(() => window.resellerConsole && window.resellerConsole.ready);
  // One truth (issue 25): the header and the card both say the trial and its last day.
  const trial = await waitForItemMatching(page, /^Trial until [A-Z][a-z]{2} \d{1,2}, \d{4}$/, "badge");
  assert.equal((await items(page)).filter((i) => i.kind === "badge" && i.label === trial.label).length, 2);
  await waitForItem(page, "Add licenses", "button");
});

test("5. order licenses: +, the price preview, Order now, confirm; the invoice appears", async () => {
  await clickItem(page, "Add licenses", "button");
  await waitForItem(page, "New number of licenses", "input");
  for (let i = 0; i < 5; i++) await clickItem(page, "+", "button");
  await waitForItem(page, "Due now", "label");
  await settle(300);
  await screenshot(page, "06-licenses");
  await clickItem(page, "Order now", "button");
  await waitForItem(page, "Confirm the order", "heading");
  await settle(200);
  await screenshot(page, "07-licenses-confirm");
  // A double click orders once.
  const confirm = await waitForItem(page, "Confirm order", "button");
  await page.mouse.dblclick(confirm.x + confirm.w / 2, confirm.y + confirm.h / 2);
  const toast = await page.waitForFunction(() => window.resellerConsole.items().find((i) => i.kind === "toast" && i.label.startsWith("Licenses set to 10.")) || null, null, { timeout: 15000 });
  const invoiceNumber = /([A-Z]+-(?:\d{4}-)?\d+)/.exec((await toast.jsonValue()).label)[1];
  test.invoiceNumber = invoiceNumber;
  await waitForItem(page, invoiceNumber, "cell");
  // Server side: one order, one invoice for it.
  const session = await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } });
  const list = await api(server.url, "GET", "/invoices?limit=200", { token: session.json.token });
  assert.equal(list.json.items.filter((i) => i.number === invoiceNumber).length, 1);
  const customerId = Number(/#\/customers\/(\d+)/.exec(page.url())[1]);
  const mine = list.json.items.filter((i) => i.customer_id === customerId);
  assert.equal(mine.length, 1, "the double click made one invoice");
  await settle();
  await screenshot(page, "08-customer-active");
});

test("6. open the invoice and download its PDF", async () => {
  await clickItem(page, test.invoiceNumber, "row");
  await waitForItem(page, "Invoice " + test.invoiceNumber, "heading");
  assert.match(page.url(), /#\/customers\/\d+\/invoices\/\d+$/);  // over the customer's page: Back closes it
  await settle(300);
  await screenshot(page, "09-invoice");
  const file = await download(() => clickItem(page, "Download PDF", "button"));
  assert.equal(path.basename(file), test.invoiceNumber + ".pdf");
  assert.equal(fs.readFileSync(file).subarray(0, 5).toString(), "%PDF-");
  const textOut = execFileSync("pdftotext", [file, "-"]).toString();
  assert.ok(textOut.includes(test.invoiceNumber), "the PDF names its invoice");
  assert.ok(textOut.includes("Harper Café Collective"), "the PDF names the customer");
  await clickItem(page, "Close", "button");
  await page.goBack();
  await waitForItem(page, "Upgrade plan", "button");
});

test("7. upgrade the plan after comparing the editions", async () => {
  await clickItem(page, "Upgrade plan", "button");
  await clickItem(page, "Enterprise", "option");
  await waitForItemMatching(page, /^Takes effect now[;:] /, "text");
  await waitForItem(page, "Due now", "label");
  await settle(300);
  await screenshot(page, "10-plan");
  // Issue 25: the plan change asks before it charges: what changes, what is due now, from when.
  await clickItem(page, "Continue", "button");
  await waitForItem(page, "Confirm the plan change", "heading");
  await waitForItemMatching(page, /^Enterprise \(/, "text");
  await waitForItemMatching(page, /is invoiced today\.$/, "text");
  await settle(300);
  await screenshot(page, "10-plan-confirm");
  await clickItem(page, "Confirm plan change", "button");
  await waitForItem(page, "Plan changed to Enterprise.", "toast");
});

test("8. cancel at the end of the term (typing the domain), then undo it", async () => {
  await clickItem(page, "Cancel subscription", "button");
  await waitForItem(page, "Keep subscription", "button");
  await page.keyboard.type(domain, { delay: 5 });
  await settle(300);
  await screenshot(page, "11-cancel");
  await page.keyboard.press("Enter");
  await waitForItemMatching(page, /^Cancelled, ends [A-Z][a-z]{2} \d{1,2}, \d{4}$/, "badge");
  await waitForItem(page, "Undo cancellation", "button");
  await settle();
  await screenshot(page, "12-pending-cancel");
  await clickItem(page, "Undo cancellation", "button");
  await waitForItem(page, "Cancellation undone. The subscription continues.", "toast");
  await waitForItemMatching(page, /^(Active|Trial until .+)$/, "badge");
});

test("9. invoices: filter, export the filtered list as CSV", async () => {
  await clickItem(page, "Invoices", "menu");
  await clickItem(page, "Open", "tab");
  await page.waitForFunction(() => location.hash === "#/invoices?status=open");
  await waitForItem(page, "Open", "badge");
  await settle();
  await screenshot(page, "13-invoices");
  const file = await download(() => clickItem(page, "Export CSV", "button"));
  const csv = fs.readFileSync(file, "utf8").trim().split(/\r?\n/);
  assert.match(csv[0], /number/i);
  assert.ok(csv.length > 1);
  assert.ok(csv.slice(1).every((line) => line.includes("open")), "only open invoices are exported");
});

test("10. German: every screen switches, numbers and dates follow", async () => {
  await clickItem(page, "\uf0ac  Deutsch", "button");
  await waitForItem(page, "Rechnungen", "heading");
  await clickItem(page, "Kunden", "menu");
  await waitForItem(page, "Verwalten", "button");
  const cells = (await items(page)).filter((i) => i.kind === "cell").map((i) => i.label);
  assert.ok(cells.some((c) => /^\d{2}\.\d{2}\.\d{4}$/.test(c)), "German dates: " + cells.join(" | "));
  assert.ok(cells.some((c) => /^\d{1,3}(\.\d{3})*,\d{2}[\s\u00a0\u202f][$€]$/.test(c)), "German money: " + cells.join(" | "));
  await settle();
  await screenshot(page, "14-customers-de");
  await clickItem(page, "\uf0ac  English", "button");
  await waitForItem(page, "Manage", "button");
  assert.deepEqual(errors, []);
});
