// The layout at 390x844, 768x1024, 1024x768, 1280x720 and 1440x900, in English and German:
// every screen and a dialog is photographed, and items() shows that every button, field, menu
// entry and tab lies inside the viewport (nothing spills off the edge; below the fold is fine
// where a page scrolls) and that customer names in the table are drawn whole wherever a column
// that drops out before them is shown (issue 8). Phones and tablets are touch screens.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { api, items, launchBrowser, openConsoleAt, screenshot, startServer, waitForIdle, waitForItem } from "./harness.mjs";

const SIZES = [[390, 844], [768, 1024], [1024, 768], [1280, 720], [1440, 900]];
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

async function check(page, name, width, height, problems) {
  await waitForIdle(page, 3000);
  await page.waitForTimeout(150);
  await screenshot(page, name);
  const list = await items(page);
  for (const p of outside(list, width, height)) problems.push(`${name}: ${p}`);
  return list;
}

for (const [width, height] of SIZES) {
  for (const lang of ["en", "de"]) {
    test(`${width}x${height} ${lang}: every screen fits`, { timeout: 120000 }, async () => {
      const w = WORDS[lang];
      const touch = width < 1200;
      const { page, errors, context } = await openConsoleAt(browser, server.url, "", {
        viewport: { width, height }, hasTouch: touch, locale: lang === "de" ? "de-DE" : "en-US" });
      const problems = [];
      const tag = `50-layout-${width}x${height}-${lang}`;
      const signIn = await waitForItem(page, w.signIn, "button");
      if (touch) await page.touchscreen.tap(signIn.x + signIn.w / 2, signIn.y + signIn.h / 2);
      else await page.mouse.click(signIn.x + signIn.w / 2, signIn.y + signIn.h / 2);
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
      await page.mouse.click(plan.x + plan.w / 2, plan.y + plan.h / 2);
      await waitForItem(page, "Enterprise", "option");
      await check(page, `${tag}-plan`, width, height, problems);
      await page.keyboard.press("Escape");

      await go(page, "#/invoices");
      await page.waitForFunction(() => window.resellerConsole.items().some((i) => i.kind === "badge"), null, { timeout: 15000 });
      await check(page, `${tag}-invoices`, width, height, problems);

      await go(page, "#/customers");
      const add = await waitForItem(page, w.newCustomer, "button");
      await page.mouse.click(add.x + add.w / 2, add.y + add.h / 2);
      await waitForItem(page, w.dialog, "heading");
      await check(page, `${tag}-new-customer`, width, height, problems);

      assert.deepEqual(problems, []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
