// The layout at 390x844, 768x1024, 1024x768, 1280x720 and 1440x900, in English and German:
// every screen and a dialog is photographed, and items() shows that every button, field, menu
// entry and tab lies inside the viewport (nothing spills off the edge; below the fold is fine
// where a page scrolls) and that customer names in the table are drawn whole wherever a column
// that drops out before them is shown (issue 8). Phones and tablets are touch screens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { api, items, launchBrowser, openConsoleAt, screenshot, startServer, waitForIdle, waitForItem } from "./harness.mjs";

// Phones and tablets are touch screens; one page per language and kind of screen is resized
// from size to size (which also shows that a resize keeps the console whole).
const GROUPS = [{ touch: true, sizes: [[390, 844], [768, 1024], [1024, 768]] }, { touch: false, sizes: [[1280, 720], [1440, 900]] }];
const TAPPABLE = ["button", "input", "menu", "tab", "link", "option", "radio", "search"];
const WORDS = {
  en: { signIn: "Demo sign-in", customers: "Customers", newCustomer: "+  New customer", dialog: "Invite a new customer",
    cancel: "Cancel", plan: "Upgrade plan", planDialogClose: "Close", invoices: "Invoices", manage: "Manage" },
  de: { signIn: "Demo-Anmeldung", customers: "Kunden", newCustomer: "+  Neuer Kunde", dialog: "Neuen Kunden einladen",
    cancel: "Abbrechen", plan: "Tarif wechseln", planDialogClose: "Schließen", invoices: "Rechnungen", manage: "Verwalten" },
};

let server, browser, token, names, active;

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  token = (await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } })).json.token;
  const all = (await api(server.url, "GET", "/customers?limit=200", { token })).json.items;
  names = new Set(all.map((c) => c.name));
  active = all.find((c) => c.subscription && c.subscription.status === "active");
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

function outside(list, width, height) {
  return list.filter((it) => TAPPABLE.includes(it.kind))
    .filter((it) => it.x < -0.5 || it.x + it.w > width + 0.5 || it.y < -0.5 || it.y > height)
    .map((it) => `${it.kind} "${it.label}" at ${it.x.toFixed(0)},${it.y.toFixed(0)} ${it.w.toFixed(0)}x${it.h.toFixed(0)}`);
}

async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await waitForIdle(page, 3000);
}

// Text cut short (issue 25): a drawn text that runs past the viewport's right edge, or that
// ends in "…" where nothing else shows it whole (table cells have their own rule above).
const TEXT_KINDS = ["text", "label", "heading", "badge", "alert", "error", "button", "link", "tab", "option", "radio"];
function cut(list, width) {
  return list.filter((it) => TEXT_KINDS.includes(it.kind))
    .filter((it) => it.x + it.w > width + 0.5 || (it.clipped && it.kind !== "cell"))
    .map((it) => `${it.kind} "${it.label}" cut at ${it.x.toFixed(0)}+${it.w.toFixed(0)} of ${width}`);
}

async function check(page, name, width, height, problems) {
  await waitForIdle(page, 3000);
  await page.waitForTimeout(150);
  await screenshot(page, name);
  const list = await items(page);
  for (const p of outside(list, width, height)) problems.push(`${name}: ${p}`);
  for (const p of cut(list, width)) problems.push(`${name}: ${p}`);
  return list;
}

async function tapOrClick(page, touch, it) {
  if (touch) await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  else await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
}

async function walk(page, w, width, height, lang, touch, problems) {
  const tag = `50-layout-${width}x${height}-${lang}`;
  await go(page, "#/dashboard");
  await page.waitForFunction(() => window.resellerConsole.items().some((i) => i.kind === "figure"), null, { timeout: 15000 });
  await check(page, `${tag}-dashboard`, width, height, problems);

  await go(page, "#/customers");
  await waitForItem(page, w.manage, "button");
  const table = await check(page, `${tag}-customers`, width, height, problems);
  // Names are drawn whole: in the table while a droppable column is shown, and in the cards.
  const cut = table.filter((it) => it.kind === "cell" && names.has(it.label) && it.clipped).map((it) => it.label);
  assert.deepEqual(cut, [], `${tag}: names cut short`);
  assert.ok(table.some((it) => names.has(it.label)), `${tag}: names are drawn`);

  await go(page, "#/customers/" + active.id);
  await waitForItem(page, active.name, "heading");
  await check(page, `${tag}-customer`, width, height, problems);
  const plan = await waitForItem(page, w.plan, "button");
  await tapOrClick(page, touch, plan);
  await waitForItem(page, "Enterprise", "option");
  await check(page, `${tag}-plan`, width, height, problems);
  await page.keyboard.press("Escape");

  await go(page, "#/invoices");
  await page.waitForFunction(() => window.resellerConsole.items().some((i) => i.kind === "badge"), null, { timeout: 15000 });
  const invoices = await check(page, `${tag}-invoices`, width, height, problems);
  // Invoice numbers and totals are never cut (a phone's cards included).
  const cutInvoices = invoices.filter((it) => it.kind === "cell" && it.clipped && /^[A-Z]+-(?:\d{4}-)?\d+$|\d.*[$€]|[$€].*\d/.test(it.label));
  assert.deepEqual(cutInvoices.map((it) => it.label), [], `${tag}: invoice numbers or totals cut short`);

  await go(page, "#/customers");
  const add = await waitForItem(page, w.newCustomer, "button");
  await tapOrClick(page, touch, add);
  await waitForItem(page, w.dialog, "heading");
  await check(page, `${tag}-new-customer`, width, height, problems);
  await page.keyboard.press("Escape");
  await waitForIdle(page, 2000);
}

for (const { touch, sizes } of GROUPS) {
  for (const lang of ["en", "de"]) {
    test(`${sizes.map(([x, y]) => `${x}x${y}`).join(", ")} ${lang}: every screen fits`, { timeout: 180000 }, async () => {
      const w = WORDS[lang];
      const [width0, height0] = sizes[0];
      const { page, errors, context } = await openConsoleAt(browser, server.url, "", {
        viewport: { width: width0, height: height0 }, hasTouch: touch, locale: lang === "de" ? "de-DE" : "en-US" });
      const problems = [];
      const signIn = await waitForItem(page, w.signIn, "button");
      await tapOrClick(page, touch, signIn);
      await page.waitForFunction(() => window.resellerConsole.items().some((i) => i.kind === "figure"), null, { timeout: 15000 });
      for (const [width, height] of sizes) {
        await page.setViewportSize({ width, height });
        await waitForIdle(page, 3000);
        await walk(page, w, width, height, lang, touch, problems);
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
