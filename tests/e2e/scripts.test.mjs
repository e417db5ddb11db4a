// Names in every script, in a real browser against a real serve.py: a reseller whose names are
// all Latin-1 downloads no script font; names in Latin Extended (ő ł ş), Greek, Cyrillic,
// Hebrew, Arabic, Chinese, Japanese and Korean (seeded through the API) fetch their fonts on
// demand and are drawn, right-to-left ones in order; typing such a name in New customer and searching for it work. Screenshots at desktop
// and phone widths, in English and German.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startServer, launchBrowser, openConsole, items, waitForItem, waitForIdle, clickItem, screenshot, api, decodePng }
  from "./harness.mjs";

let server, browser, token;
const stamp = Date.now().toString(36);

// name, organization: one customer per script (and Persian for its joiners and letters).
const NAMES = [
  ["Łukasz Őrs-Şahin", "Kőváry és Társa Kft."],  // Latin Extended: a file of its own since issue 21
  ["Γιώργος Παπαδόπουλος", "Ελληνική Λογιστική Α.Ε."],
  ["Анна Кузнецова", "ООО «Ромашка»"],
  ["שרה כהן", "מיקרוסופט ישראל בע\"מ (2024)"],
  ["محمد عبد الله", "شركة الأفق للتقنية ٣٤٥"],
  ["مهدی رضایی", "فروشگاه\u200Cهای پارس"],
  ["王小明", "北京星辰科技有限公司"],
  ["陳大文", "臺灣資訊股份有限公司"],
  ["山田太郎", "株式会社サクラ・ソフトウェア"],
  ["김민준", "주식회사 한빛소프트"],
];
const FONTS = ["latin-ext", "latin-ext-medium", "greek", "greek-medium", "cyrillic", "cyrillic-medium", "hebrew", "arabic", "kana", "hangul", "han-common"];

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

function fontRequests(page) {
  const seen = [];
  page.on("request", (r) => { if (/\/fonts\/[^/]+\.ttf$/.test(r.url())) seen.push(r.url().replace(/^.*\/fonts\//, "")); });
  return seen;
}

// Dark pixels inside a drawn item: a name left blank (or never drawn) has none.
function inkIn(png, it) {
  const { width, channels, pixels } = decodePng(png);
  let ink = 0;
  for (let y = Math.floor(it.y); y < it.y + it.h; y++)
    for (let x = Math.floor(it.x); x < Math.min(it.x + it.w, width); x++) {
      const i = (y * width + x) * channels;
      if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 3 * 150) ink++;
    }
  return ink;
}

async function signIn(page) {
  await clickItem(page, "Demo sign-in", "button");
  await waitForItem(page, "Open invoices", "label");
}

// A fresh page, signed in, on Customers; `fonts` lists the script fonts it requests.
async function openOnCustomers() {
  const { context, page, errors } = await openConsole(browser, server.url);
  const fonts = fontRequests(page);
  await signIn(page);
  await clickItem(page, "Customers", "menu");
  await waitForItem(page, "Manage", "button");
  return { context, page, errors, fonts };
}

async function settle(page, ms = 400) {
  await page.mouse.move(2, 2);
  await page.waitForTimeout(ms);
  await waitForIdle(page);
}

test("a Latin-only reseller downloads no script font", async () => {
  const { context, page, errors, fonts } = await openOnCustomers();
  try {
    await clickItem(page, "Invoices", "menu");
    await waitForItem(page, "Invoices", "heading");
    await settle(page);
    assert.deepEqual(fonts, [], "no script font for Latin-only names");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("names in every script, seeded through the API, are drawn once their fonts arrive", async () => {
  const session = await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } });
  assert.equal(session.status, 200);
  token = session.json.token;
  for (const [i, [name, organization]] of NAMES.entries()) {
    const res = await api(server.url, "POST", "/customers", { token, body: {
      name, organization, email: `owner${i}@s${i}-${stamp}.example`, google_domain: `s${i}-${stamp}.example` } });
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.equal(res.json.name, name, "the server keeps the name as written");
  }

  const { context, page, errors } = await openConsole(browser, server.url);
  const fonts = fontRequests(page);
  const responses = [];
  page.on("response", (r) => { if (/\/fonts\//.test(r.url())) responses.push(r.status()); });
  try {
    await signIn(page);
    await page.evaluate(() => { location.hash = "#/customers?sort=-created_at"; });
    for (const [name, organization] of NAMES) {
      await waitForItem(page, name, "cell");  // labels stay as written (logical order)
      await waitForItem(page, organization, "cell");
    }
    await page.waitForFunction((n) => performance.getEntriesByType("resource").filter((e) => /\/fonts\//.test(e.name)).length >= n,
      FONTS.length, { timeout: 30000 });
    await settle(page, 800);
    assert.deepEqual([...new Set(fonts)].sort(), FONTS.map((f) => f + ".ttf").sort(), "exactly the fonts these names need");
    assert.equal(fonts.length, new Set(fonts).size, "each font fetched once");
    assert.ok(responses.every((s) => s === 200), "font responses: " + responses.join(","));

    const sizes = [[1440, 900, "desktop"], [390, 844, "phone"]];
    for (const lang of ["en", "de"]) {
      if (lang === "de") {
        await page.setViewportSize({ width: 1440, height: 900 });
        await clickItem(page, "\uf0ac  Deutsch", "button");
        await waitForItem(page, "Verwalten", "button");
      }
      for (const [w, h, label] of sizes) {
        await page.setViewportSize({ width: w, height: h });
        await settle(page, 500);
        const { png } = await screenshot(page, `40-scripts-customers-${label}-${lang}`);
        if (label === "desktop") {
          for (const [name] of NAMES) {
            const cell = (await items(page)).find((it) => it.label === name && it.kind === "cell");
            assert.ok(cell, name);
            assert.ok(inkIn(png, cell) > 20, `"${name}" is drawn (${inkIn(png, cell)} dark pixels)`);
          }
        }
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await clickItem(page, "\uf0ac  English", "button");
    await waitForItem(page, "Manage", "button");

    // A customer's page: the name as its heading, right to left.
    for (const [name, file] of [["שרה כהן", "hebrew"], ["محمد عبد الله", "arabic"], ["山田太郎", "japanese"]]) {
      await page.evaluate(() => { location.hash = "#/customers?sort=-created_at"; });
      await clickItem(page, name, "cell");
      await waitForItem(page, name, "heading");
      await settle(page, 500);
      await screenshot(page, `41-scripts-customer-${file}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("typing names in other scripts in New customer (as an input method delivers them), then searching", async () => {
  const { context, page, errors, fonts } = await openOnCustomers();
  try {
    await clickItem(page, "+  New customer", "button");
    await waitForItem(page, "Invite a new customer", "heading");
    // insertText: text without key presses, the way an IME commits a composition.
    const name = "Ελένη Νικολάου";
    const organization = "佐藤商事株式会社";
    await page.keyboard.insertText(name);
    await page.waitForFunction((t) => window.resellerConsole.activeInputText() === t, name, { timeout: 5000 });
    await clickItem(page, "Email", "input");
    await page.keyboard.type(`eleni@typed-${stamp}.example`);
    await clickItem(page, "Google Workspace domain", "input");
    await page.keyboard.type(`typed-${stamp}.example`);
    await clickItem(page, "Organization", "input");
    await page.keyboard.insertText(organization);
    await page.waitForFunction((t) => window.resellerConsole.activeInputText() === t, organization, { timeout: 5000 });
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /han-common/.test(e.name)), null, { timeout: 30000 });
    await settle(page, 800);
    await screenshot(page, "42-scripts-new-customer");
    assert.ok(fonts.includes("greek.ttf") && fonts.includes("han-common.ttf"), "typed text fetched its fonts: " + fonts.join(","));
    await clickItem(page, "Send invitation", "button");
    await waitForItem(page, name, "heading");
    const list = await api(server.url, "GET", "/customers?q=" + encodeURIComponent("Ελένη"), { token });
    assert.ok(list.json.items.some((c) => c.name === name && c.organization === organization), JSON.stringify(list.json.items));

    // Search: the console sends what was typed; the server's full-text index finds the name.
    for (const [query, expected] of [["山田", "山田太郎"], ["שרה", "שרה כהן"], ["Анна", "Анна Кузнецова"], ["佐藤", "Ελένη Νικολάου"]]) {
      await page.evaluate((q) => { location.hash = "#/customers?q=" + encodeURIComponent(q); }, query);
      await waitForItem(page, expected, "cell");
    }
    await settle(page, 400);
    await screenshot(page, "43-scripts-search");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
