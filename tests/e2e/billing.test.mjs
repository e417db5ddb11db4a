// Billing in the console (issue 18), at 390x844, 768x1024, 1280x720 and 1440x900, in English and
// German: the billing profile, a customer's billing details (card and dialog), an invoice with
// its tax, service period and both e-invoice downloads, a credit note naming the invoice it
// corrects, and the licence order's preview with the VAT. Each is photographed (61-billing-*)
// and no control runs off the sides (below the fold is fine: those screens scroll).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { api, items, launchBrowser, openConsoleAt, screenshot, startServer, waitForIdle, waitForItem } from "./harness.mjs";

const GROUPS = [{ touch: true, sizes: [[390, 844], [768, 1024]] }, { touch: false, sizes: [[1280, 720], [1440, 900]] }];
const TAPPABLE = ["button", "input", "menu", "tab", "link", "option", "radio", "checkbox"];
const WORDS = {
  en: { signIn: "Demo sign-in", edit: "Edit billing details", details: "Billing details of",
    xml: "XRechnung (XML)", credit: "Credit note", add: "Add licenses", more: "One license more",
    withTax: "Subtotal" },
  de: { signIn: "Demo-Anmeldung", edit: "Rechnungsdaten bearbeiten", details: "Rechnungsdaten von",
    xml: "XRechnung (XML)", credit: "Rechnungskorrektur", add: "Lizenzen hinzufügen", more: "Eine Lizenz mehr",
    withTax: "Zwischensumme" },
};

let server, browser, token, german, invoiceId, creditId;

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  token = (await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } })).json.token;
  const all = (await api(server.url, "GET", "/customers?limit=200", { token })).json.items;
  // A German customer on a flexible plan: its invoices carry 19 % VAT, and a reduction is credited.
  german = all.find((c) => c.billing && c.billing.address.country === "DE" && c.subscription
    && c.subscription.status === "active" && c.subscription.billing_cycle === "flexible" && c.subscription.licenses > 5);
  assert.ok(german, "the demo has a German customer on a flexible plan");
  const licenses = german.subscription.licenses;
  const order = await api(server.url, "POST", `/customers/${german.id}/subscription/license-orders`,
    { token, body: { licenses: licenses - 2, expected_licenses: licenses } });
  assert.equal(order.status, 201, JSON.stringify(order.json));
  assert.ok(order.json.credit_note, "a reduction of a flexible plan issues a credit note");
  creditId = order.json.credit_note.id;
  invoiceId = order.json.credit_note.corrects.id;
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

// Off the sides or above the top; below the fold is fine (the profile and the dialogs scroll).
function outside(list, width, height) {
  return list.filter((it) => TAPPABLE.includes(it.kind))
    .filter((it) => it.x < -0.5 || it.x + it.w > width + 0.5 || it.y < -0.5)
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
  for (const p of outside(await items(page), width, height)) problems.push(`${name}: ${p}`);
}

// The item, scrolled into view first where the page runs below the fold (the wheel over the page).
async function scrollToItem(page, label, kind, width, height) {
  for (let i = 0; i < 12; i++) {
    const found = (await items(page)).find((it) => it.label === label && it.kind === kind && it.y + it.h <= height);
    if (found) return found;
    await page.mouse.move(width / 2, height * 0.6);
    await page.mouse.wheel(0, 300);
    await waitForIdle(page, 1500);
  }
  return waitForItem(page, label, kind);
}

async function tapOrClick(page, touch, it) {
  if (touch) await page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
  else await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
}

async function walk(page, w, width, height, lang, touch, problems) {
  const tag = `61-billing-${width}x${height}-${lang}`;
  await go(page, "#/billing");
  await waitForItem(page, "IBAN", "input");
  await check(page, `${tag}-profile`, width, height, problems);

  await go(page, "#/customers/" + german.id);
  const add = await waitForItem(page, w.add, "button");
  await tapOrClick(page, touch, add);
  // Two more licenses: the preview with the VAT by the customer's rule (19 % for a German customer).
  for (let i = 0; i < 2; i++) await page.getByRole("dialog").getByRole("button", { name: w.more }).click();
  await waitForItem(page, w.withTax, "label");
  await check(page, `${tag}-order`, width, height, problems);
  await page.keyboard.press("Escape");
  await waitForIdle(page, 2000);

  const edit = await scrollToItem(page, w.edit, "button", width, height);
  await check(page, `${tag}-customer`, width, height, problems);
  await tapOrClick(page, touch, edit);
  await page.waitForFunction((t) => window.resellerConsole.items().some((i) => i.kind === "heading" && i.label.startsWith(t)),
    w.details, { timeout: 15000 });
  await check(page, `${tag}-details`, width, height, problems);
  await page.keyboard.press("Escape");
  await waitForIdle(page, 2000);

  await go(page, "#/invoices");  // the list first: the invoice opens over it
  await go(page, `#/invoices/${invoiceId}`);
  await waitForItem(page, w.xml, "button");
  await check(page, `${tag}-invoice`, width, height, problems);
  await go(page, `#/invoices/${creditId}`);
  await waitForItem(page, w.credit, "badge");
  await check(page, `${tag}-credit`, width, height, problems);
  await go(page, "#/invoices");
  await waitForItem(page, w.credit, "badge");
  await check(page, `${tag}-invoices`, width, height, problems);
}

for (const { touch, sizes } of GROUPS) {
  for (const lang of ["en", "de"]) {
    test(`billing at ${sizes.map(([x, y]) => `${x}x${y}`).join(", ")} ${lang}`, { timeout: 240000 }, async () => {
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
