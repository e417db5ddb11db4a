// The console as an installable app and a static folder: Chromium reports it installable;
// build/web/dist copied to a plain static server (python3 -m http.server: no compression, no
// special headers) with serve.py as the API on another origin works online and offline; a new
// version deployed to that folder is offered with "Reload" and never mixed with the old one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, startServer, launchBrowser, launchPersistent, waitForConsole, waitForItem, waitForItemMatching, clickItem, screenshot,
  api, decodePng } from "./harness.mjs";

const DIST = path.join(ROOT, "build", "web", "dist");
const STAGE = path.join(ROOT, "build", "web", "stage");
let server, browser;

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

// A plain static file server on a free port, serving `dir`.
async function staticServer(dir) {
  const proc = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir],
    { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("http.server did not start:\n" + log)), 15000);
    proc.stdout.on("data", (c) => {
      log += c.toString();
      const m = /port (\d+)/.exec(log);
      if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
    });
    proc.stderr.on("data", (c) => { log += c.toString(); });
  });
  return { url, stop: () => new Promise((r) => { proc.once("exit", r); proc.kill("SIGTERM"); setTimeout(r, 3000); }) };
}

function copyDist(target) {
  fs.cpSync(DIST, target, { recursive: true });
}

test("installable: manifest, icons made from icon.svg, a service worker; Chromium reports no installability errors", async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, "manifest.webmanifest"), "utf8"));
  assert.equal(manifest.name, "Reseller Console");
  assert.equal(manifest.display, "standalone");
  assert.equal(manifest.start_url, "./");
  for (const icon of manifest.icons.filter((i) => i.type === "image/png")) {
    const png = decodePng(fs.readFileSync(path.join(DIST, icon.src)));
    assert.equal(`${png.width}x${png.height}`, icon.sizes, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.purpose === "maskable"));
  const index = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  assert.match(index, /<link rel="apple-touch-icon" href="apple-touch-icon\.[0-9a-f]{10}\.png">/);
  assert.match(index, /<meta name="apple-mobile-web-app-capable" content="yes">/);

  // A profile on disk: Chromium does not install apps from incognito windows.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "rc-profile-"));
  const context = await launchPersistent(profile, { viewport: { width: 1440, height: 900 } });
  const page = context.pages()[0] || await context.newPage();
  try {
    await page.goto(server.url + "/");
    await waitForConsole(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 30000 });
    const cdp = await context.newCDPSession(page);
    let errors = null;
    for (let i = 0; i < 20; i++) {
      errors = (await cdp.send("Page.getInstallabilityErrors")).installabilityErrors;
      if (errors.length === 0) break;
      await page.waitForTimeout(500);
    }
    assert.deepEqual(errors, [], "Chromium's installability errors");
    const m = await cdp.send("Page.getAppManifest");
    assert.deepEqual(m.errors, []);
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test("static hosting: dist on python3 -m http.server, serve.py as the API elsewhere; sign in, list, order; then offline", async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "rc-static-"));
  copyDist(site);
  const host = await staticServer(site);
  const api2 = await startServer(["--demo", "--allow-origin", host.url]);
  fs.writeFileSync(path.join(site, "config.json"), JSON.stringify({ api_base_url: api2.url + "/api/v1",
    google_client_id: "", demo_sign_in: true, demo_email: "demo@reseller.example" }));
  const token = (await api(api2.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } })).json.token;
  const active = (await api(api2.url, "GET", "/customers?status=active&limit=50", { token })).json.items
    .find((c) => c.subscription && c.subscription.billing_cycle === "flexible");
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  try {
    await page.goto(host.url + "/");
    await waitForConsole(page);
    await clickItem(page, "Demo sign-in", "button");
    await clickItem(page, "Customers", "menu");
    await waitForItem(page, active.name, "cell");
    await page.goto(host.url + "/#/customers/" + active.id);
    await clickItem(page, "Add licenses", "button");
    await clickItem(page, "+", "button");
    await waitForItem(page, "Due now", "label");
    await clickItem(page, "Order now", "button");
    await clickItem(page, "Confirm order", "button");
    await waitForItemMatching(page, /^Licenses set to /, "toast");
    const after = (await api(api2.url, "GET", "/customers/" + active.id, { token })).json;
    assert.equal(after.subscription.licenses, active.subscription.licenses + 1);
    await screenshot(page, "35-static-host");

    await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 30000 });
    await clickItem(page, "Customers", "menu");
    await waitForItem(page, active.name, "cell");
    await context.setOffline(true);
    await page.reload();
    await waitForConsole(page);
    await waitForItemMatching(page, /^Offline — showing data from/, "notice");
    await waitForItem(page, active.name, "cell");
    await page.mouse.move(2, 700);
    await screenshot(page, "36-static-host-offline");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await host.stop();
    await api2.stop();
    fs.rmSync(site, { recursive: true, force: true });
  }
});

test("a new version on the host is offered with Reload, then runs whole: no file of the old one", async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "rc-update-"));
  const stage2 = fs.mkdtempSync(path.join(os.tmpdir(), "rc-stage-"));
  const dist2 = path.join(stage2, "..", path.basename(stage2) + "-dist");
  copyDist(site);
  const config = JSON.stringify({ api_base_url: server.url + "/api/v1", google_client_id: "", demo_sign_in: true,
    demo_email: "demo@reseller.example" });
  fs.writeFileSync(path.join(site, "config.json"), config);
  const host = await staticServer(site);
  const api2 = await startServer(["--demo", "--allow-origin", host.url]);
  fs.writeFileSync(path.join(site, "config.json"), config.replace(server.url, api2.url));
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  try {
    await page.goto(host.url + "/");
    await waitForConsole(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 30000 });
    await clickItem(page, "Demo sign-in", "button");
    await waitForItem(page, "Open invoices", "label");
    // The page's scripts (console.js among them) arrive as one file, page.<hash>.js.
    const oldScript = await page.evaluate(() => [...document.scripts].map((s) => s.src).find((s) => /\/page\./.test(s)));
    assert.ok(oldScript, "the page's scripts: " + oldScript);

    // Build a new version (console.js changed) and deploy it over the old one, as a host would.
    fs.cpSync(STAGE, stage2, { recursive: true });
    // (code, not a comment: the packer drops comments)
    fs.appendFileSync(path.join(stage2, "console.js"), "\nwindow.rcVersion2 = true;\n");
    execFileSync("python3", [path.join(ROOT, "src", "toolchain", "dist.py"), stage2, dist2], { stdio: "pipe" });
    fs.cpSync(dist2, site, { recursive: true });
    fs.writeFileSync(path.join(site, "config.json"), config.replace(server.url, api2.url));
    await page.evaluate(() => window.rcWeb.pwa.checkForUpdate());
    await waitForItem(page, "A new version is ready", "notice", 30000);
    await page.mouse.move(2, 700);
    await screenshot(page, "37-update-ready");
    const before = await page.evaluate(() => window.resellerConsole.frames());
    assert.ok(before > 0);
    await Promise.all([page.waitForNavigation({ timeout: 30000 }), clickItem(page, "Reload", "button")]);
    await waitForConsole(page);
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src));
    const newScript = scripts.find((s) => /\/page\./.test(s));
    assert.ok(newScript, "the new version's page scripts are loaded");
    assert.notEqual(newScript, oldScript, "the new version's console.js (in page.js)");
    const newFiles = new Set(fs.readdirSync(dist2));
    const oldOnly = new Set([path.basename(new URL(oldScript).pathname)]);
    for (const s of scripts.filter((s) => s.startsWith(host.url))) {
      const name = path.basename(new URL(s).pathname);
      assert.ok(newFiles.has(name) && !oldOnly.has(name), s + " belongs to the new version");
    }
    const caches = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("rc-shell-")));
    assert.equal(caches.length, 1, "the old version's cache is gone: " + caches.join(", "));
    await waitForItem(page, "Open invoices", "label");  // the session survives the reload
  } finally {
    await context.close();
    await host.stop();
    await api2.stop();
    fs.rmSync(site, { recursive: true, force: true });
    fs.rmSync(stage2, { recursive: true, force: true });
    fs.rmSync(dist2, { recursive: true, force: true });
  }
});
