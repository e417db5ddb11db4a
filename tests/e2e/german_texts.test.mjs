// Issue 21, the first download: app.wasm holds the English texts only; the German ones are a
// file of their own (texts-de.<hash>.bin) that only German readers download: beside app.wasm
// when the console starts in German, or when the reader switches. The service worker keeps it
// once used, so German starts offline too; an English reader's visit never downloads it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, until, untilInPage, clickItem, items, serverAndBrowser, startServer, waitForConsole, waitForItem, waitForItemMatching } from "./harness.mjs";

const env = serverAndBrowser(["--demo"]);

const TEXTS = /\/texts-de\.[0-9a-f]{10}\.bin$/;

async function newPage(options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [], texts = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  // Every download of the German texts, by the page or by its service worker.
  context.on("request", (r) => { if (TEXTS.test(r.url())) texts.push({ worker: !!r.serviceWorker() }); });
  return { context, page, errors, texts };
}

async function waitForOfflineShell(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null, { timeout: 30000 });
  await untilInPage(page, async () => (await caches.keys()).some((n) => n.startsWith("rc-shell-")), null, "the shell cached", { timeout: 30000 });
}

// The caches (of the service worker's) that hold the German texts.
const cachedTexts = (page) => page.evaluate(async () => {
  const out = [];
  for (const name of await caches.keys())
    for (const r of await (await caches.open(name)).keys()) if (/texts-de\./.test(r.url)) out.push(name);
  return out;
});

async function waitForCachedTexts(page) {
  for (let i = 0; i < 150 && (await cachedTexts(page)).length === 0; i++) await page.waitForTimeout(100);
  assert.equal((await cachedTexts(page)).filter((n) => n.startsWith("rc-shell-")).length, 1, "kept by the service worker");
}

// Reloaded offline, with the browser's HTTP cache emptied (only the service worker can answer):
// German again, and no English label.
async function startsGermanOffline(context, page, errors) {
  await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
  await context.setOffline(true);
  await page.reload();
  await waitForConsole(page);
  await waitForItem(page, "Demo-Anmeldung", "button");
  assert.ok(!(await items(page)).some((it) => it.label === "Demo sign-in"), "no English label on the German screen");
  assert.deepEqual(errors, []);
}

test("an English reader's visit never downloads the German texts; the switch fetches them once, then German starts offline", { timeout: 180000 }, async () => {
  const { context, page, errors, texts } = await newPage({ locale: "en-US" });
  try {
    await page.goto(env.server.url + "/");
    await waitForConsole(page);
    await waitForItem(page, "Demo sign-in", "button");
    await waitForOfflineShell(page);
    await page.waitForTimeout(500);
    assert.deepEqual(texts, [], "nothing of the German texts downloaded, by the page or the service worker");
    assert.deepEqual(await cachedTexts(page), []);

    await clickItem(page, "\uf0ac  Deutsch", "button");
    await waitForItem(page, "Demo-Anmeldung", "button");
    assert.equal(texts.filter((t) => !t.worker).length, 1, "asked for once by the page: " + JSON.stringify(texts));
    // The service worker keeps them: the next start in German needs no network.
    await waitForCachedTexts(page);
    await startsGermanOffline(context, page, errors);
  } finally {
    await context.close();
  }
});

test("a German reader gets the texts beside app.wasm: German from the first frame, and offline after", { timeout: 180000 }, async () => {
  const { context, page, errors, texts } = await newPage({ locale: "de-DE" });
  try {
    await page.goto(env.server.url + "/");
    await waitForConsole(page);
    // The first frame is already German: the console waited for the texts, never showing English.
    const first = await items(page);
    assert.ok(first.some((it) => it.label === "Demo-Anmeldung"), "German at the first frame: " + first.map((i) => i.label).join(", "));
    // (When it comes relative to the wasm is the benchmark's to say: startup trace, "texts-downloaded".)
    await waitForOfflineShell(page);
    await waitForCachedTexts(page);
    assert.equal(texts.filter((t) => !t.worker).length, 1, "asked for once by the page: " + JSON.stringify(texts));

    await startsGermanOffline(context, page, errors);
  } finally {
    await context.close();
  }
});

test("German texts that cannot be had (or are of another build): English, with a toast that says why; never a blank label", { timeout: 180000 }, async () => {
  for (const answer of [{ status: 404, body: "gone" }, { status: 200, body: "RCT1 of another build" }]) {
    const { context, page, texts } = await newPage({ locale: "de-DE" });
    try {
      await context.route(TEXTS, (route) => route.fulfill({ ...answer, contentType: "application/octet-stream" }));
      await page.goto(env.server.url + "/");
      await waitForConsole(page);
      await waitForItem(page, "Demo sign-in", "button");
      await waitForItemMatching(page, /^Deutsch could not be loaded/);
      assert.ok(texts.length >= 1);
      // The choice is not lost: unchanged in this device's settings, German comes when it can.
      assert.equal(await page.evaluate(() => localStorage.getItem("language")), null);
      // A double click on the switch while the texts cannot come changes nothing else.
      await clickItem(page, "\uf0ac  Deutsch", "button");
      await clickItem(page, "\uf0ac  Deutsch", "button");
      await waitForItem(page, "Demo sign-in", "button");
    } finally {
      await context.close();
    }
  }
});

test("a new version precaches the German texts where this device used them, and only there", { timeout: 300000 }, async () => {
  // The console served from a copy of dist, so a new version can be deployed over it.
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "rc-texts-site-"));
  const stage2 = fs.mkdtempSync(path.join(os.tmpdir(), "rc-texts-stage-"));
  const dist2 = stage2 + "-dist";
  fs.cpSync(path.join(ROOT, "build", "web", "dist"), site, { recursive: true });
  const host = await startServer(["--demo", "--static", site]);
  const visits = [];
  try {
    for (const locale of ["de-DE", "en-US"]) {
      const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
      const page = await context.newPage();
      await page.goto(host.url + "/");
      await waitForConsole(page);
      await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 30000 });
      if (locale === "de-DE") await waitForCachedTexts(page);
      visits.push({ locale, context, page });
    }
    // A new version (console.js changed; the per-script fonts, never precached, left out).
    fs.cpSync(path.join(ROOT, "build", "web", "stage"), stage2, { recursive: true, filter: (src) => !/[/\\]fonts$/.test(src) });
    fs.appendFileSync(path.join(stage2, "console.js"), "\nwindow.rcTextsVersion2 = true;\n");
    execFileSync("python3", [path.join(ROOT, "src", "toolchain", "dist.py"), stage2, dist2], { stdio: "pipe" });
    fs.cpSync(dist2, site, { recursive: true });
    for (const v of visits) {
      await v.page.evaluate(() => window.rcWeb.pwa.checkForUpdate());
      // Installed and waiting: its cache is the second rc-shell-.
      let shells = [];
      for (let i = 0; i < 300 && shells.length < 2; i++) {
        shells = await v.page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("rc-shell-")));
        if (shells.length < 2) await v.page.waitForTimeout(100);
      }
      assert.equal(shells.length, 2, v.locale + ": the new version installed: " + shells.join(", "));
      // Not waitForFunction with a promise: Playwright takes the promise as a truthy answer at once.
      await untilInPage(v.page, () => navigator.serviceWorker.getRegistration().then((r) => !!(r && r.waiting)), null,
        "the new version waiting", { timeout: 30000 });
      const held = v.locale === "de-DE"
        ? await until(v.page, async () => { const h = await cachedTexts(v.page); return h.length === 2 ? h : false; },
          "both versions to hold the German texts", { timeout: 15000 }).catch(() => cachedTexts(v.page))
        : await cachedTexts(v.page);
      if (v.locale === "de-DE") assert.equal(held.length, 2, "old and new version hold the German texts: " + held.join(", "));
      else assert.deepEqual(held, [], "an English reader's new version holds none");
    }
  } finally {
    for (const v of visits) await v.context.close();
    await host.stop();
    for (const dir of [site, stage2, dist2]) fs.rmSync(dir, { recursive: true, force: true });
  }
});
