// Keyboard alone, from a freshly loaded page (no locator.focus(), no clicks): Tab reaches the
// console's controls and the skip link, a table is one Tab stop whose rows the arrows walk, past
// the rows drawn too (the list scrolls and the focus follows), and the dashboard's entries and
// the phone's cards are lists of links a screen reader can open.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openConsole, screenshot, serverAndBrowser, until as poll } from "./harness.mjs";

const env = serverAndBrowser(["--demo"]);
const until = (page, fn, what, timeout = 15000) => poll(page, fn, what, { timeout, shot: "keyboard-timeout" });

// What has the focus: "name|role", with the row's index for rows.
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "body";
  const name = (el.getAttribute("aria-label") || el.textContent || "").trim().replace(/\s+/g, " ");
  const role = el.getAttribute("role") || el.tagName.toLowerCase();
  return name.slice(0, 60) + "|" + role + (role === "row" ? "#" + el.getAttribute("aria-rowindex") : "") +
    (el.id === "skip-link" ? "|skip" : "") + (el.closest("[role=grid]") ? "|in-grid" : "");
});

// Presses `key` until the focus matches `pattern`; returns how many presses it took.
async function pressUntil(page, key, pattern, what, max = 40) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    let now = "";
    try { now = await until(page, async () => { const f = await focused(page); return f !== "body" ? f : null; }, "focus", 2000); } catch { now = "body"; }
    if (pattern.test(now)) return i;
  }
  throw new Error(`${what}: ${max} presses of ${key} never reached ${pattern} (last: ${await focused(page)})`);
}

test("from a freshly loaded page, Tab reaches sign-in, the skip link, the menu and the customers", async () => {
  const { page, context, errors } = await openConsole(env.browser, env.server.url);
  try {
    assert.equal(await focused(page), "body", "nothing has the focus on a fresh page");
    // Tab must leave the page for the console's first control (SDL would have taken it for ImGui).
    await page.keyboard.press("Tab");
    const first = await focused(page);
    assert.notEqual(first, "body", "the first Tab lands on a control");
    await pressUntil(page, "Tab", /^Demo sign-in\|button/, "Demo sign-in", 10);
    await page.keyboard.press("Enter");
    await until(page, () => page.getByRole("heading", { level: 1, name: "Dashboard" }).isVisible(), "the dashboard");
    // The button that had the focus is gone: the next Tab starts at the top, with the skip link.
    await page.keyboard.press("Tab");
    assert.match(await focused(page), /\|skip$/, "the first Tab on the signed-in page is the skip link");
    const box = await page.locator("#skip-link").boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 100 && box.width > 50, "the skip link shows when focused: " + JSON.stringify(box));
    await page.keyboard.press("Enter");
    assert.ok(await page.evaluate(() => document.getElementById("rc-main").contains(document.activeElement)),
      "Enter on the skip link moves the focus into the main content: " + await focused(page));
    // Back to the menu with Shift+Tab, to Customers.
    await pressUntil(page, "Shift+Tab", /^Customers\|a$/, "the Customers link");
    await page.keyboard.press("Enter");
    await until(page, () => page.getByRole("heading", { level: 1, name: "Customers" }).isVisible(), "the customers page");
    await screenshot(page, "40-keyboard-customers");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("Tab reaches the dashboard's renewals below the fold, and the page scrolls to show them", async () => {
  const { page, context, errors } = await openConsole(env.browser, env.server.url);
  try {
    await pressUntil(page, "Tab", /^Demo sign-in\|button/, "Demo sign-in", 10);
    await page.keyboard.press("Enter");
    const renewals = page.getByRole("list", { name: "Upcoming renewals" });
    await until(page, () => renewals.isVisible(), "the renewals list");
    const setsize = Number(await renewals.getByRole("listitem").first().getAttribute("aria-setsize"));
    const lastLink = renewals.getByRole("listitem").nth(setsize - 1).getByRole("link");
    const under = await lastLink.boundingBox();
    assert.ok(!under || under.y >= 900, "the last renewal is below the fold at first: " + JSON.stringify(under));
    // Tab on from the top until the last renewal has the focus.
    const last = () => page.evaluate((n) => {
      const item = document.activeElement && document.activeElement.closest("[role=listitem]");
      return !!item && item.getAttribute("aria-posinset") === String(n) && item.parentElement.getAttribute("aria-label") === "Upcoming renewals";
    }, setsize);
    let presses = 0;
    while (!(await last()) && presses < 60) {
      await page.keyboard.press("Tab");
      presses++;
      await page.waitForTimeout(120);
    }
    assert.ok(await last(), `Tab reached the last renewal (${presses} presses; focus: ${await focused(page)})`);
    const box = await page.locator(":focus").boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 900, "it is on screen: " + JSON.stringify(box));
    await screenshot(page, "45-keyboard-last-renewal");
    // And back up with Shift+Tab to the top of the page.
    let back = 0;
    while (!/\|skip$/.test(await focused(page)) && back < 80) { await page.keyboard.press("Shift+Tab"); back++; await page.waitForTimeout(80); }
    assert.match(await focused(page), /\|skip$/, "Shift+Tab goes back up to the skip link");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("a table is one Tab stop; the arrows walk its rows past the ones drawn, Enter opens one", async () => {
  const { page, context, errors } = await openConsole(env.browser, env.server.url + "/#/customers");
  try {
    await pressUntil(page, "Tab", /^Demo sign-in\|button/, "Demo sign-in", 10);
    await page.keyboard.press("Enter");
    const grid = page.getByRole("grid", { name: "Customers" });
    await until(page, () => grid.getByRole("row").nth(3).isVisible(), "customer rows");
    const count = Number(await grid.getAttribute("aria-rowcount"));
    const drawn = await grid.getByRole("row").count();
    // Tab into the table lands on a row; one more Tab leaves the table (Manage buttons are not
    // each a stop).
    const presses = await pressUntil(page, "Tab", /\|row#\d+\|in-grid$/, "a row of the table");
    assert.ok(presses < 25, `the table is reached in ${presses} Tabs`);
    const entered = await focused(page);
    assert.match(entered, /\|row#2\|/, "the first row is the table's stop");
    await page.keyboard.press("Tab");
    const left = await focused(page);
    assert.ok(!/in-grid/.test(left), "one Tab leaves the table: " + left);
    await page.keyboard.press("Shift+Tab");
    assert.equal(await focused(page), entered, "Shift+Tab comes back to the same row");
    // ArrowRight reaches the row's checkbox (issue 19's selection), then its Manage button;
    // ArrowLeft goes back the same way to the row.
    await page.keyboard.press("ArrowRight");
    assert.match(await focused(page), /^Select .+\|checkbox\|in-grid$/);
    await page.keyboard.press("ArrowRight");
    assert.match(await focused(page), /^Manage\|button\|in-grid$/);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    assert.equal(await focused(page), entered);
    // Down past the last row drawn: the list scrolls a row at a time and the focus follows.
    const steps = Math.min(count - 2, drawn + 3);
    assert.ok(steps > drawn - 1, `enough customers to go past the rows drawn (${count - 1} customers, ${drawn - 1} rows drawn)`);
    for (let i = 1; i <= steps; i++) {
      await page.keyboard.press("ArrowDown");
      await until(page, async () => new RegExp(`\\|row#${2 + i}\\|`).test(await focused(page)), `row ${2 + i} focused`, 5000);
    }
    const rowName = (await focused(page)).split("|")[0];
    await screenshot(page, "41-keyboard-row-past-drawn");
    // The focused row is on screen (inside the canvas's list area, not under the footer).
    const box = await page.locator(":focus").boundingBox();
    assert.ok(box && box.y + box.height <= 900, "the focused row is on screen: " + JSON.stringify(box));
    // Whole: the list draws one row more than fits, partly shown, and that one is not the focused row.
    assert.ok(await page.evaluate(() => document.activeElement.nextElementSibling !== null),
      "the focused row is not the partly shown last one");
    // Back up past the first row drawn.
    for (let i = steps - 1; i >= 0; i--) {
      await page.keyboard.press("ArrowUp");
      await until(page, async () => new RegExp(`\\|row#${2 + i}\\|`).test(await focused(page)), `row ${2 + i} focused`, 5000);
    }
    // End and Home: the last and first rows of the whole list.
    await page.keyboard.press("End");
    await until(page, async () => new RegExp(`\\|row#${count}\\|`).test(await focused(page)), "the last row", 8000);
    await page.keyboard.press("Home");
    await until(page, async () => /\|row#2\|/.test(await focused(page)), "the first row", 8000);
    // Nonsense from the page (a script, a bad extension) is dropped: the list stays where it is.
    await page.evaluate(() => {
      const key = document.querySelector("#a11y [role=grid]").rcKey;
      for (const row of [NaN, Infinity, -Infinity, -1, 1e300]) window.Module._rc_a11y_reveal(key, row);
    });
    await page.waitForTimeout(300);
    assert.match(await focused(page), /\|row#2\|/, "still on the first row");
    assert.equal(await grid.getByRole("row").nth(1).getAttribute("aria-rowindex"), "2", "the list did not move");
    // Enter opens the focused customer.
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press("ArrowDown");
      await until(page, async () => new RegExp(`\\|row#${3 + i}\\|`).test(await focused(page)), `row ${3 + i}`, 5000);
    }
    const name = (await focused(page)).split("|")[0];
    assert.equal(name, rowName, "the same row as before");
    // The row's first cell of text (the selection's checkbox has a cell of its own before it).
    const customer = await page.evaluate(() => [...document.activeElement.querySelectorAll("[role=gridcell]")]
      .find((c) => !c.querySelector("[role=checkbox]")).textContent.trim());
    await page.keyboard.press("Enter");
    const heading = await until(page, async () => {
      const h = page.getByRole("heading", { level: 1 });
      const t = (await h.count()) ? (await h.first().textContent()).trim() : "";
      return t && t !== "Customers" ? t : null;
    }, "the customer page");
    assert.ok(customer.startsWith(heading), `Enter opened "${heading}", the focused row's customer ("${customer}")`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the dashboard's activity and renewals, and the phone's cards, are lists of links that open", async () => {
  const { page, context, errors } = await openConsole(env.browser, env.server.url);
  try {
    await page.getByRole("button", { name: "Demo sign-in" }).click();
    const renewals = page.getByRole("list", { name: "Upcoming renewals" });
    await until(page, () => renewals.isVisible(), "the renewals list");
    const items = renewals.getByRole("listitem");
    const n = await items.count();
    assert.ok(n > 0, "renewals are list items");
    assert.equal(await items.first().getAttribute("aria-setsize"), String(n));
    assert.equal(await items.nth(n - 1).getAttribute("aria-posinset"), String(n));
    const activity = page.getByRole("list", { name: "Recent activity" });
    assert.ok(await activity.getByRole("listitem").count() > 0, "activity entries are list items");
    // Each renewal is a link named by whose it is, said once (not again as text inside it).
    const link = items.first().getByRole("link");
    const who = (await link.textContent()).trim();
    assert.ok(who.length > 0, "the renewal's link has a name");
    const snapshot = await items.first().ariaSnapshot();
    assert.equal(snapshot.split(who).length - 1, 1, "the name is said once:\n" + snapshot);
    await link.focus();
    await page.keyboard.press("Enter");
    await until(page, async () => /#\/customers\/\d+/.test(page.url()), "the renewal opens its customer");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
  const phone = await openConsole(env.browser, env.server.url + "/#/invoices", { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    await phone.page.getByRole("button", { name: "Demo sign-in" }).click();
    const list = phone.page.getByRole("list", { name: "Invoices" });
    await until(phone.page, () => list.getByRole("listitem").nth(1).isVisible(), "the invoice cards as a list");
    const first = list.getByRole("listitem").first();
    assert.equal(await first.getAttribute("aria-posinset"), "1");
    assert.ok(Number(await first.getAttribute("aria-setsize")) >= await list.getByRole("listitem").count(),
      "the set's size is the whole list's, not the cards drawn");
    const number = (await first.getByRole("link").textContent()).trim();
    assert.match(number, /^[A-Z]+-(?:\d{4}-)?\d+$/);  // the reseller's prefix: INV-, RE-2026-
    await first.getByRole("link").focus();
    await phone.page.keyboard.press("Enter");
    await until(phone.page, () => phone.page.getByRole("dialog", { name: "Invoice " + number }).isVisible(), "the invoice opens from its card");
    assert.deepEqual(phone.errors, []);
  } finally {
    await phone.context.close();
  }
});
