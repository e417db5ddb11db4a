// Shared pieces of the browser tests: a real serve.py on a free port with a temporary
// database, Debian's Chromium through playwright-core, and items() lookups.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHOTS = path.join(ROOT, "build", "screenshots");

// Flags that work on this machine kind: SwiftShader WebGL, no background traffic.
const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
  "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

export async function startServer(extraArgs = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rc-e2e-"));
  const db = path.join(dir, "console.db");
  const proc = spawn("python3", [path.join(ROOT, "serve.py"), "--port", "0", "--db", db, "--skip-build", "--quiet", ...extraArgs],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("serve.py did not start in 30 s:\n" + log)), 30000);
    const onData = (chunk) => {
      log += chunk.toString();
      const m = /Reseller Console: (http:\/\/\S+?)\/?\s*$/m.exec(log);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", (c) => { log += c.toString(); });
    proc.on("exit", (code) => { clearTimeout(timer); reject(new Error(`serve.py exited with ${code}:\n${log}`)); });
  });
  return {
    url,
    db,
    log: () => log,
    async stop() {
      proc.removeAllListeners("exit");
      proc.kill("SIGTERM");
      await new Promise((r) => { proc.once("exit", r); setTimeout(r, 5000); });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}

// A browser with a profile in `dir` (not incognito: what installing an app needs).
export async function launchPersistent(dir, options = {}) {
  return chromium.launchPersistentContext(dir, { executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS,
    ...options });
}

// Opens the console and waits for its first frame; collects console errors and failed requests.
// `query`: what follows the page's address ("?renderer=webgl" forces a renderer: web/paint.js).
export async function openConsole(browser, url, { query = "", ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto(url + "/" + query);
  await page.waitForFunction(() => window.resellerConsole && window.resellerConsole.ready, null, { timeout: 60000 });
  // The loading overlay fades out once the console has drawn; screenshots come after that.
  await page.waitForFunction(() => getComputedStyle(document.getElementById("boot")).opacity === "0", null, { timeout: 5000 });
  return { context, page, errors };
}

export async function items(page) {
  return page.evaluate(() => window.resellerConsole.items());
}

// Waits until an item with this label (and kind) is drawn and has stopped moving (layout can
// settle over a frame or two), and returns it.
export async function waitForItem(page, label, kind, timeout = 15000) {
  const handle = await page.waitForFunction(([l, k]) => {
    const found = window.resellerConsole.items().find((it) => it.label === l && (!k || it.kind === k));
    const key = found ? [found.x, found.y, found.w, found.h].join(",") : "";
    const stable = found && window.__lastItemRect === l + key;
    window.__lastItemRect = l + key;
    return stable ? found : null;
  }, [label, kind], { timeout, polling: 60 }).catch(async (e) => {
    const seen = (await items(page)).map((it) => `${it.kind}:${it.label}`).join(", ");
    throw new Error(`no ${kind || "item"} "${label}" on screen; seen: ${seen}\n${e.message}`);
  });
  return handle.jsonValue();
}

// Waits until the console has drawn its last frame (input applied, layout settled), as a
// person would before the next action: typed keys are applied over several frames.
export async function waitForIdle(page, timeout = 5000) {
  await page.waitForFunction(() => {
    const now = window.resellerConsole.frames();
    const stable = window.__lastFrames === now;
    window.__lastFrames = now;
    return stable;
  }, null, { timeout, polling: 80 }).catch(() => {});
}

// What a timed-out wait saw, for its message: the screen's items without the list's cells, badges
// and headers (thousands of them), with where each is.
export async function onScreen(page) {
  try {
    const shown = (await items(page)).filter((it) => !/^(cell|checkbox|badge|header|columnheader|row)$/.test(it.kind));
    return "on screen: " + shown.map((it) => `${it.kind}:${it.label}@${Math.round(it.x)},${Math.round(it.y)}`).join(", ");
  } catch (e) {
    return "on screen: (unreadable: " + e.message + ")";
  }
}

// A real mouse click at (x, y) that must open the page's file picker, answered with `files` through
// Chromium's own interception (DevTools Page.fileChooserOpened, then DOM.setFileInputFiles on that
// input): the page's <input type=file> gets the files and its change event, as from the picker.
// Playwright's "filechooser" event went missing about 1 run in 5 here although Chromium had reported
// the chooser on the same page (seen with a second DevTools session listening beside it).
export async function chooseFilesByClick(page, x, y, files, timeout = 15000) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("Page.enable");
    await cdp.send("Page.setInterceptFileChooserDialog", { enabled: true });
    let timer;
    const opened = new Promise((resolve, reject) => {
      cdp.once("Page.fileChooserOpened", resolve);
      timer = setTimeout(() => reject(new Error(`no file chooser opened within ${timeout} ms of a click at ${Math.round(x)},${Math.round(y)}`)), timeout);
    });
    await page.mouse.click(x, y);
    const chooser = await opened.catch(async (e) => { throw new Error(e.message + "\n" + await onScreen(page)); })
      .finally(() => clearTimeout(timer));
    await cdp.send("DOM.setFileInputFiles", { files: [].concat(files).map((f) => path.resolve(f)), backendNodeId: chooser.backendNodeId });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

// A real mouse click in the middle of the item.
export async function clickItem(page, label, kind) {
  await waitForIdle(page);
  const it = await waitForItem(page, label, kind);
  // Like a hand on a mouse: arrive, let the item show its hover, then press.
  await page.mouse.move(it.x + it.w / 2, it.y + it.h / 2, { steps: 2 });
  await waitForIdle(page, 1000);
  await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
  await waitForIdle(page, 2000);  // what the click changed is on screen
  return it;
}

export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name + ".png");
  const png = await page.screenshot({ path: file });
  return { file, png };
}

// Decodes an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes), or an 8-bit palette one
// (what optipng makes of an icon with few colours, returned as RGBA), into pixels.
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, channels = 4, palette = null, alpha = null;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("ascii", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error("unsupported PNG");
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : data[9] === 3 ? 1 : 0;
      if (!channels) throw new Error("unsupported PNG colour type " + data[9]);
    } else if (type === "PLTE") palette = data;
    else if (type === "tRNS") alpha = data;
    else if (type === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels, out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let v = line[x];
      if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      out[y * stride + x] = v & 255;
    }
  }
  if (channels === 1) {
    if (!palette) throw new Error("palette PNG without PLTE");
    const rgba = Buffer.alloc(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const k = out[i];
      palette.copy(rgba, i * 4, k * 3, k * 3 + 3);
      rgba[i * 4 + 3] = alpha && k < alpha.length ? alpha[k] : 255;
    }
    return { width, height, channels: 4, pixels: rgba };
  }
  return { width, height, channels, pixels: out };
}

// How many distinct colours a screenshot has (sampled): a blank frame has one.
export function distinctColours(png) {
  const { width, height, channels, pixels } = decodePng(png);
  const seen = new Set();
  for (let y = 0; y < height; y += 3)
    for (let x = 0; x < width; x += 3) {
      const i = (y * width + x) * channels;
      seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    }
  return seen.size;
}

// The API as the console sees it, for expected values (never hard-coded demo data).
export async function api(url, method, pathName, { token, body } = {}) {
  const res = await fetch(url + "/api/v1" + pathName, {
    method, headers: { "Content-Type": "application/json", ...(token ? { Authorization: "Bearer " + token } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

// Like openConsole, for tests that must act before the page loads (routes, permissions) or
// open it at a deep link: `setup(context, page)` runs first; page errors are kept apart from
// console messages (a blocked script logs a console error but is no page error).
export async function openConsoleAt(browser, url, hash = "", { setup, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [], pageErrors = [];
  page.on("console", (msg) => { if (msg.type() === "error") errors.push(msg.text()); });
  page.on("pageerror", (err) => { errors.push(String(err)); pageErrors.push(String(err)); });
  if (setup) await setup(context, page);
  await page.goto(url + "/" + hash);
  await waitForConsole(page);
  return { context, page, errors, pageErrors };
}

// Waits for the console's first frame after a load or reload, and for the overlay to fade.
export async function waitForConsole(page) {
  await page.waitForFunction(() => window.resellerConsole && window.resellerConsole.ready, null, { timeout: 60000 });
  await page.waitForFunction(() => getComputedStyle(document.getElementById("boot")).opacity === "0", null, { timeout: 5000 });
}

// Waits for a stable item whose label matches `pattern` (a RegExp), like waitForItem.
export async function waitForItemMatching(page, pattern, kind, timeout = 15000) {
  const handle = await page.waitForFunction(([source, flags, k]) => {
    const re = new RegExp(source, flags);
    const found = window.resellerConsole.items().find((it) => re.test(it.label) && (!k || it.kind === k));
    const key = found ? [found.label, found.x, found.y, found.w, found.h].join(",") : "";
    const stable = found && window.__lastMatchRect === source + key;
    window.__lastMatchRect = source + key;
    return stable ? found : null;
  }, [pattern.source, pattern.flags, kind], { timeout, polling: 60 }).catch(async (e) => {
    const seen = (await items(page)).map((it) => `${it.kind}:${it.label}`).join(", ");
    throw new Error(`no ${kind || "item"} matching ${pattern} on screen; seen: ${seen}\n${e.message}`);
  });
  return handle.jsonValue();
}

// Waits until no drawn item has this label (and kind).
export async function waitForItemGone(page, label, kind, timeout = 15000) {
  await page.waitForFunction(([l, k]) => !window.resellerConsole.items().some((it) => it.label === l && (!k || it.kind === k)),
    [label, kind], { timeout, polling: 60 });
}

// One serve.py (with `args`) and one Chromium for a whole test file, started before its first
// test and stopped after its last: `const env = serverAndBrowser(["--demo"])`, then
// `env.server.url` and `env.browser` inside the tests.
export function serverAndBrowser(args = []) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(args);
    env.browser = await launchBrowser();
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.server) await env.server.stop();
  });
  return env;
}

// Polls `fn` until it returns something truthy (Playwright's expect() is not in playwright-core);
// on timeout takes a screenshot named `shot` and says what was awaited.
// Until `fn` (run in the page, and awaited there) returns something truthy. page.waitForFunction
// does not await a function's promise: an async check "passes" at once with the promise.
export async function untilInPage(page, fn, arg, what, options) {
  return until(page, () => page.evaluate(fn, arg), what, options);
}

export async function until(page, fn, what, { timeout = 15000, shot = "until-timeout" } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > end) {
      await screenshot(page, shot).catch(() => {});
      throw new Error("timed out waiting for " + what + (last instanceof Error ? ": " + last.message : "") +
        "\n" + await onScreen(page));
    }
    await page.waitForTimeout(60);
  }
}
