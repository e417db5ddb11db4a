// Benchmark, not a test: what a reseller's browser downloads from serve.py (which sends the
// precompressed .br files). Prints the bytes of the first visit (page and service worker
// together, with brotli and as they would be with gzip only), the requests of a repeat visit,
// and whether a second visit works offline.
//   cd tests && NODE_PATH=$PWD/node_modules node bench/pwa_bench.mjs
import { readFileSync } from "node:fs";
import { untilInPage, startServer, launchBrowser, waitForConsole, clickItem, waitForItem, waitForItemMatching } from "../e2e/harness.mjs";

// Issue 21's targets for the first visit.
const TARGET_BR_KB = 450;
const TARGET_GZ_KB = 600;
const sizes = JSON.parse(readFileSync(new URL("../../build/web/dist/.sizes.json", import.meta.url), "utf8"));
const server = await startServer(["--demo"]);
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const seen = [];
context.on("requestfinished", async (request) => {
  const response = await request.response();
  const sizes = await request.sizes().catch(() => null);
  seen.push({
    url: request.url().replace(server.url, ""),
    worker: !!request.serviceWorker(),
    fromWorker: response ? response.fromServiceWorker() : false,
    bytes: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0,
    encoding: response ? (await response.allHeaders())["content-encoding"] || "" : "",
  });
});
const page = await context.newPage();

function network(list) {
  // What crossed the network: not answered by the service worker's cache.
  return list.filter((r) => !r.fromWorker);
}

try {
  await page.goto(server.url + "/");
  await waitForConsole(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 60000 });
  await untilInPage(page, async () => (await caches.keys()).some((n) => n.startsWith("rc-shell-")), null, "the shell cached", { timeout: 60000 });
  await page.waitForTimeout(1000);
  const first = network(seen.splice(0)).filter((r) => !r.url.startsWith("/api/"));
  const total = first.reduce((n, r) => n + r.bytes, 0);
  console.log("First visit (app files, page and service worker, as sent over the wire):");
  for (const r of first)
    console.log(`  ${(r.bytes / 1024).toFixed(1).padStart(8)} KB  ${r.encoding.padEnd(4)} ${r.worker ? "[worker] " : ""}${r.url}`);
  console.log(`  ${(total / 1024).toFixed(1).padStart(8)} KB  total with brotli (target <= ${TARGET_BR_KB} KB): ${total / 1024 <= TARGET_BR_KB ? "met" : "MISSED"}`);
  // A server or proxy that sends gzip only: the same requests, each brotli body swapped for the
  // .gz beside it (the packer's sizes, build/web/dist/.sizes.json), headers as measured.
  const gzOf = new Map(sizes.files.map((f) => ["/" + f.name, f]));
  let gzTotal = 0;
  for (const r of first) {
    const f = gzOf.get(r.url.split("?")[0]);
    // (a body the HTTP cache answered crossed no wire: no swap)
    gzTotal += r.encoding === "br" && f && f.gz != null && r.bytes >= f.br ? r.bytes - f.br + f.gz : r.bytes;
  }
  console.log(`  ${(gzTotal / 1024).toFixed(1).padStart(8)} KB  total with gzip only (target <= ${TARGET_GZ_KB} KB): ${gzTotal / 1024 <= TARGET_GZ_KB ? "met" : "MISSED"}`);

  await clickItem(page, "Demo sign-in", "button");
  await clickItem(page, "Customers", "menu");
  await waitForItem(page, "Manage", "button");
  seen.splice(0);
  await page.reload();
  await waitForConsole(page);
  await waitForItem(page, "Manage", "button");
  await page.waitForTimeout(1000);
  const repeat = network(seen.splice(0));
  const shell = repeat.filter((r) => !r.url.startsWith("/api/"));
  console.log(`Repeat visit: ${shell.length} app requests over the network, ${repeat.length - shell.length} API calls`);
  for (const r of shell) console.log(`  ${(r.bytes / 1024).toFixed(1).padStart(8)} KB  ${r.worker ? "[worker] " : ""}${r.url}`);

  await context.setOffline(true);
  await page.reload();
  await waitForConsole(page);
  const ok = await waitForItemMatching(page, /^Offline — showing data from/, "notice", 20000).then(() => true, () => false);
  const rows = ok && await waitForItem(page, "Manage", "button", 10000).then(() => true, () => false);
  console.log(`Offline on the second visit: ${ok && rows ? "usable (customers shown with the offline notice)" : "NOT usable"}`);
} finally {
  await browser.close();
  await server.stop();
}
