// Benchmark, not a test: the start of an English and a German reader's first visit, and a
// German reader's offline start (issue 21: app.wasm holds English only, German readers fetch
// texts-de.<hash>.bin beside it). Loads alternate between the two languages, each in a fresh
// browser context (nothing cached), so both see the same machine load; prints the median and
// range of each step's time after navigation start, and the bytes of the German texts.
//   cd tests && NODE_PATH=$PWD/node_modules node bench/language_start_bench.mjs [--loads 5]
import { startServer, launchBrowser, waitForConsole } from "../e2e/harness.mjs";

const loadsArg = process.argv.indexOf("--loads");
const LOADS = loadsArg > 0 ? Number(process.argv[loadsArg + 1]) : 5;

const server = await startServer(["--demo"]);
const browser = await launchBrowser();

async function oneStart(locale, { offline = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  const page = await context.newPage();
  let textsBytes = 0;
  context.on("requestfinished", async (r) => {
    if (!/texts-de\./.test(r.url()) || r.serviceWorker()) return;
    const s = await r.sizes().catch(() => null);
    if (s) textsBytes += s.responseBodySize + s.responseHeadersSize;
  });
  try {
    await page.goto(server.url + "/");
    await waitForConsole(page);
    if (offline) {
      // A second visit with the network gone and the HTTP cache emptied: the service worker answers.
      await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 30000 });
      for (let i = 0; i < 150; i++) {
        const kept = await page.evaluate(async () => {
          for (const n of await caches.keys()) for (const r of await (await caches.open(n)).keys()) if (/texts-de\./.test(r.url)) return true;
          return false;
        });
        if (kept) break;
        await page.waitForTimeout(100);
      }
      await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
      await context.setOffline(true);
      await page.reload();
      await waitForConsole(page);
    }
    return await page.evaluate(() => {
      const at = (name) => { const m = performance.getEntriesByName("rc:" + name)[0]; return m ? m.startTime : null; };
      const wasm = performance.getEntriesByType("resource").find((e) => /\/app\.[0-9a-f]{10}\.wasm$/.test(e.name));
      return { wasmDownloaded: wasm ? wasm.responseEnd : at("wasm-downloaded"), texts: at("texts-downloaded"),
               instantiated: at("wasm-instantiated"), main: at("main"), firstFrame: at("first-frame"),
               german: window.resellerConsole.items().some((it) => it.label === "Demo-Anmeldung") };
    }).then((r) => ({ ...r, textsBytes }));
  } finally {
    await context.close();
  }
}

const runs = { en: [], de: [], deOffline: [] };
try {
  for (let i = 0; i < LOADS; i++) {
    runs.en.push(await oneStart("en-US"));
    runs.de.push(await oneStart("de-DE"));
  }
  for (let i = 0; i < Math.max(1, Math.floor(LOADS / 2)); i++) runs.deOffline.push(await oneStart("de-DE", { offline: true }));
} finally {
  await browser.close();
  await server.stop();
}

const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : null; };
const range = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); return s.length ? `${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)}` : "—"; };
const cell = (xs) => (median(xs) == null ? "—" : `${median(xs).toFixed(0)} (${range(xs)})`);
console.log(`First visits, ${LOADS} each, alternating; ms after navigation start, median (range):`);
console.log(["step".padEnd(26), "English".padEnd(22), "German".padEnd(22), "German offline"].join(" "));
for (const [label, key] of [["wasm downloaded", "wasmDownloaded"], ["German texts downloaded", "texts"],
  ["wasm instantiated", "instantiated"], ["main()", "main"], ["first frame", "firstFrame"]])
  console.log([label.padEnd(26), cell(runs.en.map((r) => r[key])).padEnd(22), cell(runs.de.map((r) => r[key])).padEnd(22),
    cell(runs.deOffline.map((r) => r[key]))].join(" "));
console.log(`German on the first frame: ${runs.de.every((r) => r.german) && runs.deOffline.every((r) => r.german) ? "every German load" : "NOT every German load"}; ` +
  `English loads showing German: ${runs.en.filter((r) => r.german).length}`);
console.log(`German texts on the wire per German first visit: ${(median(runs.de.map((r) => r.textsBytes)) / 1024).toFixed(1)} KB; ` +
  `per English first visit: ${(Math.max(...runs.en.map((r) => r.textsBytes)) / 1024).toFixed(1)} KB`);
