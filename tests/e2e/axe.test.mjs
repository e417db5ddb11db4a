// axe-core (npm, pinned in tests/package-lock.json) over the accessibility mirror of the main
// screens: no serious or critical violations. Moderate and minor ones are printed, not failed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
import { startServer, launchBrowser, openConsole } from "./harness.mjs";

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let server, browser, page;

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  // The page's CSP allows no injected scripts; axe is a test tool, so the test context bypasses it.
  ({ page } = await openConsole(browser, server.url, { bypassCSP: true }));
  await page.evaluate(AXE);
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

async function until(fn, what, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    try { if (await fn()) return; } catch { /* not yet */ }
    if (Date.now() > end) throw new Error("timed out waiting for " + what);
    await page.waitForTimeout(80);
  }
}

const results = [];

async function audit(screen) {
  await page.waitForTimeout(300);  // the last frame's diff is applied
  const out = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
      sample: v.nodes.slice(0, 2).map((n) => n.html.slice(0, 120)) }));
  });
  results.push({ screen, out });
  for (const v of out) console.log(`axe ${screen}: ${v.impact} ${v.id} (${v.nodes}) ${v.help} ${v.sample.join(" | ")}`);
  const bad = out.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(bad, [], `${screen}: serious or critical violations`);
}

test("axe: sign-in", async () => {
  await until(() => page.getByRole("button", { name: "Demo sign-in" }).isVisible(), "sign-in");
  await audit("sign-in");
});

test("axe: dashboard", async () => {
  await page.getByRole("button", { name: "Demo sign-in" }).click();
  await until(() => page.getByRole("heading", { level: 1, name: "Dashboard" }).isVisible(), "dashboard");
  await audit("dashboard");
});

test("axe: customers", async () => {
  await page.getByRole("navigation").getByRole("link", { name: "Customers" }).click();
  await until(() => page.getByRole("grid", { name: "Customers" }).getByRole("row").nth(2).isVisible(), "customer rows");
  await audit("customers");
});

test("axe: the New customer dialog", async () => {
  await page.getByRole("button", { name: "New customer" }).click();
  await until(() => page.getByRole("dialog").isVisible(), "the dialog");
  await audit("new-customer dialog");
  await page.keyboard.press("Escape");
  await until(async () => (await page.getByRole("dialog").count()) === 0, "the dialog to close");
});

test("axe: a customer", async () => {
  const row = page.getByRole("grid", { name: "Customers" }).getByRole("row").nth(1);
  await row.getByRole("button", { name: "Manage" }).click();
  await until(async () => (await page.getByRole("heading", { level: 1 }).count()) === 1 &&
    !(await page.getByRole("heading", { level: 1, name: "Customers" }).count()), "the customer page");
  await audit("customer");
});

test("axe: invoices", async () => {
  await page.getByRole("navigation").getByRole("link", { name: "Invoices" }).click();
  await until(() => page.getByRole("grid", { name: "Invoices" }).getByRole("row").nth(2).isVisible(), "invoice rows");
  await audit("invoices");
  const total = results.reduce((n, r) => n + r.out.length, 0);
  console.log(`axe: ${results.length} screens, ${total} moderate/minor rule(s) flagged in all`);
});
