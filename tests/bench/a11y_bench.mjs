// Benchmark (not a test): what the accessibility mirror costs per frame while scrolling the
// customer table with 50 and with 1,000 customers loaded behind it, in headless Chromium.
//
//   node tests/bench/a11y_bench.mjs [--steps N]
//
// For each list size: seeds a database (tests/server/bench.py, cached in build/bench/), signs
// in, wheel-scrolls the table, and prints per frame the mirror's build + diff time in the wasm
// (src/ui/a11y/a11y_tree.*), the DOM update time in web/a11y.js, the whole ImGui frame build as the
// peer it is measured against, and the mirror's DOM nodes. Asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, api, launchBrowser, startServer } from "../e2e/harness.mjs";

const args = process.argv.slice(2);
const STEPS = +(args[args.indexOf("--steps") + 1] || 60) || 60;

function seeded(customers) {
  const dir = path.join(ROOT, "build", "bench");
  fs.mkdirSync(dir, { recursive: true });
  const db = path.join(dir, `a11y-${customers}.db`);
  if (!fs.existsSync(db)) {
    execFileSync("python3", [path.join(ROOT, "tests", "server", "bench.py"), "--customers", String(customers),
      "--invoices", String(customers), "--seed-only", db + ".tmp"], { stdio: "inherit" });
    fs.renameSync(db + ".tmp", db);
  }
  return db;
}

async function measure(customers) {
  const copy = path.join(path.dirname(seeded(customers)), `a11y-${customers}-run.db`);
  fs.copyFileSync(seeded(customers), copy);
  const server = await startServer(["--db", copy, "--demo"]);
  const browser = await launchBrowser();
  try {
    const session = await api(server.url, "POST", "/auth/demo", { body: { email: "bench@reseller.example" } });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((s) => localStorage.setItem("resellerConsole.session", s), JSON.stringify(session.json));
    const page = await context.newPage();
    await page.goto(server.url + "/#/customers");
    await page.waitForFunction(() => window.resellerConsole && window.resellerConsole.ready, null, { timeout: 60000 });
    await page.getByRole("grid", { name: "Customers" }).getByRole("row").nth(3).waitFor({ timeout: 30000 });
    await page.waitForTimeout(1000);
    const stats = () => page.evaluate(() => ({
      wasm: JSON.parse(Module.UTF8ToString(Module._rc_a11y_stats_json())),
      js: window.rcWeb.a11y.stats(),
      frames: window.resellerConsole.frames(),
      rows: document.querySelectorAll("#a11y [role=row]").length,
    }));
    const before = await stats();
    await page.mouse.move(800, 500);
    for (let i = 0; i < STEPS; i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(800);
    const after = await stats();
    // Idle: no diff is applied and the mirror costs nothing.
    await page.waitForTimeout(1500);
    const idle = await stats();
    const built = after.wasm.frames - before.wasm.frames;
    return {
      customers,
      framesBuilt: built,
      mirrorMsPerFrame: (after.wasm.ms - before.wasm.ms) / built,
      frameBuildMsPerFrame: (after.wasm.buildMs - before.wasm.buildMs) / built,
      domMsPerApply: (after.js.applyMs - before.js.applyMs) / Math.max(1, after.js.applies - before.js.applies),
      applies: after.js.applies - before.js.applies,
      mirrorNodes: after.wasm.nodes,
      domElements: after.js.elements,
      rowsInDom: after.rows,
      idleApplies: idle.js.applies - after.js.applies,
      idleFrames: idle.frames - after.frames,
    };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(copy, { force: true });
  }
}

const rows = [];
for (const n of [50, 1000]) rows.push(await measure(n));
const f = (v, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : "-");
console.log("\nAccessibility mirror, customer table at 1440x900, " + STEPS + " wheel steps:");
console.log("customers | frames built | mirror ms/frame (wasm) | DOM ms/apply (JS) | ImGui frame ms (peer) | mirror nodes | DOM elements | rows in DOM | idle applies");
for (const r of rows) {
  console.log(`${String(r.customers).padStart(9)} | ${String(r.framesBuilt).padStart(12)} | ${f(r.mirrorMsPerFrame).padStart(22)} | ` +
    `${f(r.domMsPerApply).padStart(17)} | ${f(r.frameBuildMsPerFrame).padStart(21)} | ${String(r.mirrorNodes).padStart(12)} | ` +
    `${String(r.domElements).padStart(12)} | ${String(r.rowsInDom).padStart(11)} | ${r.idleApplies}`);
}
