// Benchmark (not a test): scrolling 100,000 customers in the console against a DOM grid peer
// (AG Grid community, tests/bench/peer), in one headless Chromium with software WebGL.
//
//   node tests/bench/scroll_bench.mjs [--customers N] [--invoices N] [--rounds N] [--loads N]
//                                     [--only console|peer] [--startup] [--static DIR] [--profile]
//
// Seeds (once, cached in build/bench/) a reseller with N customers and N invoices through
// tests/server/bench.py, serves them with serve.py, and prints one table: CPU per process kind
// (from /proc), frames, frame intervals, hover cost, jump to the end, idle, ready time (the
// median of --loads page loads, 3 by default, each in a fresh context), heaps, whole-browser
// RSS and memory after scrolling through the whole list; then the start-up trace of the
// median load (downloads from Resource Timing, the console's steps from its "rc:" marks).
// --startup: only the page loads, their ready times and the trace. --static: another build of
// the console (a copy of an earlier build/web/dist, to compare two builds). --profile: where the
// page's main thread spends the 120 wheel steps, by function (a sampling profile; the console's
// wasm functions have names in a build linked with --profiling-funcs). Asserts nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, api, launchBrowser, startServer } from "../e2e/harness.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith("--") ? all[i + 1] : "1"]);
  return acc;
}, []));
const CUSTOMERS = +(args.customers || 100000);
const INVOICES = +(args.invoices || 1000000);
const ROUNDS = +(args.rounds || 1);
const LOADS = Math.max(1, +(args.loads || 3));
const WHEEL_STEPS = 120;
const HOVERS = 30;
const PEER_DIR = path.join(ROOT, "tests", "bench", "peer");
const TICK = 100;  // /proc CPU times are in 1/100 s (USER_HZ)

// --- data and server -------------------------------------------------------------------------

function seededDatabase() {
  const dir = path.join(ROOT, "build", "bench");
  fs.mkdirSync(dir, { recursive: true });
  const db = path.join(dir, `scroll-${CUSTOMERS}-${INVOICES}.db`);
  if (!fs.existsSync(db)) {
    console.log(`seeding ${CUSTOMERS.toLocaleString("en")} customers and ${INVOICES.toLocaleString("en")} invoices (once) ...`);
    execFileSync("python3", [path.join(ROOT, "tests", "server", "bench.py"), "--customers", String(CUSTOMERS),
      "--invoices", String(INVOICES), "--seed-only", db + ".tmp"], { stdio: "inherit" });
    fs.renameSync(db + ".tmp", db);
  }
  return db;
}

function ensurePeer() {
  if (fs.existsSync(path.join(PEER_DIR, "node_modules", "ag-grid-community", "package.json"))) return;
  console.log("installing the peer grid (npm ci in tests/bench/peer) ...");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: PEER_DIR, stdio: "inherit" });
}

// --- processes -------------------------------------------------------------------------------

// Chromium's processes are this node process's descendants (serve.py is left out by name).
function browserProcesses() {
  const parent = new Map();
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      parent.set(+pid, +stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch { /* gone */ }
  }
  const out = [];
  for (const pid of parent.keys()) {
    let p = parent.get(pid), mine = false;
    for (let hops = 0; p && hops < 20; ++hops, p = parent.get(p)) if (p === process.pid) { mine = true; break; }
    if (!mine) continue;
    let cmd = "";
    try { cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" "); } catch { continue; }
    if (!/chrom/i.test(cmd)) continue;
    const type = /--type=(\S+)/.exec(cmd);
    const sub = /--utility-sub-type=(\S+)/.exec(cmd);
    let kind = type ? type[1] : "browser";
    if (kind === "utility" && sub) kind = /network/i.test(sub[1]) ? "network" : "utility";
    if (kind === "gpu-process") kind = "gpu";
    out.push({ pid, kind });
  }
  return out;
}

function cpuSnapshot() {
  const snap = new Map();
  for (const { pid, kind } of browserProcesses()) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      snap.set(pid, { kind, ticks: +f[11] + +f[12] });
    } catch { /* gone */ }
  }
  return snap;
}

// CPU seconds per process kind between two snapshots (processes that started in between count from 0).
function cpuDelta(before, after) {
  const kinds = { gpu: 0, renderer: 0, browser: 0, network: 0, utility: 0 };
  for (const [pid, a] of after) {
    const b = before.get(pid);
    kinds[a.kind] = (kinds[a.kind] || 0) + (a.ticks - (b ? b.ticks : 0)) / TICK;
  }
  kinds.total = Object.values(kinds).reduce((s, v) => s + v, 0);
  return kinds;
}

function browserRssMB() {
  let kb = 0;
  for (const { pid } of browserProcesses()) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += +m[1];
    } catch { /* gone */ }
  }
  return kb / 1024;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p / 100 * s.length) - 1))];
};

// --- what both pages share -------------------------------------------------------------------

// Frames that showed something new, timed in the page without adding frames of its own:
// the console draws only inside its requestAnimationFrame callbacks (wrapped at load to log
// their times); the grid shows a new position with each scroll event (at most one a frame).
const FRAME_LOG = {
  console: `(() => {
    window.__frameLog = [];
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (fn) => raf((t) => { window.__frameLog.push(performance.now()); fn(t); });
  })()`,
  peer: `(() => {
    window.__frameLog = [];
    document.addEventListener("scroll", () => window.__frameLog.push(performance.now()), true);
  })()`,
};

async function startFrameProbe(page) {
  await page.evaluate(() => { window.__frameLog.length = 0; });
}

async function stopFrameProbe(page) {
  return page.evaluate(() => window.__frameLog.slice());
}

function intervals(times) {
  const out = [];
  for (let i = 1; i < times.length; ++i) out.push(times[i] - times[i - 1]);
  return out;
}

// The console's renderer counters (frames drawn and skipped, damaged pixels), if it has them.
async function renderStats(page) {
  return page.evaluate(() => (window.Module && window.Module._rc_render_stats_json
    ? JSON.parse(window.Module.UTF8ToString(window.Module._rc_render_stats_json())) : null));
}

function renderDelta(a, b) {
  if (!a || !b) return null;
  const drawn = b.drawn - a.drawn;
  const per = (k) => (drawn ? (b[k] - a[k]) / drawn : 0);
  return { drawn, skipped: b.skipped - a.skipped,
    damaged: drawn ? (b.damagedPixels - a.damagedPixels) / (b.screenPixels - a.screenPixels) : 0,
    // Per drawn frame: what the rasteriser was given (draw_plan.h).
    drawCalls: per("drawCalls"), triangles: per("trianglesDrawn"), culled: per("trianglesCulled"),
    trianglePixels: per("trianglePixels"), clearedPixels: per("clearedPixels"),
    // Of the triangle pixels: solid fills, and those drawn by the fill program (no texture read).
    fillPixels: b.fillPixels === undefined ? null : per("fillPixels"), solidPixels: b.solidPixels === undefined ? null : per("solidPixels"),
    solidBatches: b.solidBatches === undefined ? null : per("solidBatches"),
    // Per drawn frame: the page's time in the renderer, and the ImGui frames built (count, ms).
    renderMs: b.renderMs === undefined ? null : per("renderMs"),
    builds: b.builds === undefined ? null : per("builds"), buildMs: b.buildMs === undefined ? null : per("buildMs") };
}

// The page's main thread by function, from a sampling profile: [ms of self time, name] (a wasm
// function has its name only in a build linked with --profiling-funcs, given with --static).
function topFunctions(profile, n) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; ++i) {
    const cf = byId.get(profile.samples[i]).callFrame;
    const key = `${cf.functionName || "(anonymous)"} ${cf.url ? cf.url.split("/").pop() : ""}`.trim();
    self.set(key, (self.get(key) || 0) + (profile.timeDeltas[i + 1] || 0) / 1000);
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n);
}

async function heaps(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage").catch(() => {});
  const js = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => (window.Module && window.Module.HEAP8 ? window.Module.HEAP8.length : 0));
  const used = await page.evaluate(() => (window.Module && window.Module._rc_heap_used ? window.Module._rc_heap_used() : null));
  return { jsMB: js.usedSize / 1048576, wasmMB: wasm / 1048576, wasmUsedMB: used == null ? null : used / 1048576 };
}

// Waits until `settled()` (evaluated in the page) has said true twice in a row, 100 ms apart.
async function waitSettled(page, settledSource, timeout = 30000) {
  const end = Date.now() + timeout;
  let streak = 0;
  while (Date.now() < end) {
    // A page that is not ready (or was reloaded) is simply not settled yet.
    if (await page.evaluate(settledSource).catch(() => false)) { if (++streak >= 2) return true; } else streak = 0;
    await sleep(100);
  }
  return false;
}

// --- the console -----------------------------------------------------------------------------

const consoleKind = {
  name: "console",
  url: (base) => base + "/#/customers",
  // Idle: no frame drawn for 300 ms.
  settled: `(() => { const n = window.resellerConsole.frames(); const now = performance.now();
    if (n !== window.__settleN) { window.__settleN = n; window.__settleAt = now; }
    return now - window.__settleAt > 300; })()`,
  async rowsShown(page, label) {
    return page.evaluate((l) => {
      try { return window.resellerConsole.items().some((it) => it.label === l); } catch { return false; }
    }, label);
  },
  // The table's area from its header row to the footer, and the rows' middles (each row has
  // a Manage button); the scroll bar runs down its right edge.
  async tableBox(page) {
    const items = await page.evaluate(() => window.resellerConsole.items());
    const headers = items.filter((it) => it.kind === "header");
    const manage = items.filter((it) => it.kind === "button" && it.label === "Manage");
    const footer = items.find((it) => /customers$/.test(it.label) && it.kind === "text");
    if (!headers.length || !manage.length) throw new Error("the console shows no rows");
    const x = Math.min(...headers.map((h) => h.x)) - 14, y = Math.min(...headers.map((h) => h.y)) - 20;
    const right = Math.max(...manage.map((m) => m.x + m.w)) + 14;
    return { x, y, w: right - x, h: (footer ? footer.y - 20 : 820) - y, rowYs: manage.map((m) => m.y + m.h / 2) };
  },
  async focusList(page) {
    const header = (await page.evaluate(() => window.resellerConsole.items())).find((it) => it.kind === "header" && /domain/i.test(it.label));
    await page.mouse.click(header.x + header.w / 2, header.y + header.h / 2);
  },
  async jumpToEnd(page) { await page.keyboard.press("End"); },
  // Drags the table's scroll bar thumb (ImGui draws it at the right edge of the rows).
  async dragThrough(page, box, steps, afterStep) {
    const x = box.x + box.w + 6, top = box.y + 2, bottom = box.y + box.h;  // ImGui's bar, 12 px wide
    await page.mouse.move(x, top + 14);  // on the thumb, which starts at the top
    await page.mouse.down();
    for (let i = 1; i <= steps; ++i) {
      // The last step goes past the bar's end, as a hand does: the thumb stops at the bottom.
      await page.mouse.move(x, top + 14 + (bottom - top) * i / steps + (i === steps ? 60 : 0), { steps: 2 });
      await afterStep();
    }
    await page.mouse.up();
  },
};

// --- the peer --------------------------------------------------------------------------------

const peerKind = {
  name: "AG Grid peer",
  url: (base) => base + "/__test__/index.html",
  settled: `(() => { const v = document.querySelector('.ag-grid-viewport'); const t = v ? v.scrollTop : 0;
    const now = performance.now();
    if (t !== window.__settleTop) { window.__settleTop = t; window.__settleAt = now; }
    return now - (window.__settleAt || 0) > 300; })()`,
  async rowsShown(page, label) {
    return page.evaluate((l) => [...document.querySelectorAll(".ag-row .ag-cell")].some((c) => c.textContent.includes(l)), label);
  },
  async tableBox(page) {
    return page.evaluate(() => {
      const r = document.querySelector(".ag-grid-viewport").getBoundingClientRect();
      const rowYs = [...document.querySelectorAll(".ag-row")].map((el) => el.getBoundingClientRect())
        .filter((b) => b.top >= r.top && b.bottom <= r.bottom).map((b) => b.top + b.height / 2).sort((a, b) => a - b);
      return { x: r.x, y: r.y, w: r.width, h: r.height, rowYs };
    });
  },
  async focusList(page) {
    const cell = await page.evaluate(() => {
      const v = document.querySelector(".ag-grid-viewport").getBoundingClientRect();
      const r = [...document.querySelectorAll(".ag-row [col-id='domain']")].map((el) => el.getBoundingClientRect())
        .find((b) => b.top > v.top + 45 && b.bottom < v.bottom);
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.click(cell.x, cell.y);
  },
  async jumpToEnd(page) { await page.keyboard.press("Control+End"); },
  // AG Grid's scroll bar is a native one it may hide: the grid is moved by its own API to the
  // same 50 positions instead (the rows are all in memory, so this costs what dragging would).
  async dragThrough(page, box, steps, afterStep) {
    for (let i = 1; i <= steps; ++i) {
      await page.evaluate((f) => window.peer.api.ensureIndexVisible(Math.min(window.peer.rows - 1, Math.round(f * window.peer.rows)), "bottom"), i / steps);
      await afterStep();
    }
  },
};

// --- start-up ----------------------------------------------------------------------------------

// Opens the page in a fresh context (nothing cached, the session in storage) and waits for the
// first customer's row: returns the context, the page and when the row was seen.
async function openList(browser, base, session, kind, expect) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript((s) => localStorage.setItem("resellerConsole.session", s), JSON.stringify(session));
  // A returning visitor also has the API base its last visit's config.json gave (web/prefetch.js).
  await context.addInitScript(() => localStorage.setItem("rc.apiBase", "/api/v1"));
  await context.addInitScript(FRAME_LOG[kind === consoleKind ? "console" : "peer"]);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // Ready: from navigation start until the first customer's row is on screen, as the page's
  // clock saw it. The check must not be an async function: Playwright takes the promise it
  // returns as a truthy answer at once (until session 6 this measured the load event, not rows).
  await page.goto(kind.url(base));
  const seen = await page.waitForFunction(([k, l]) => {
    try {
      const shown = k === "console"
        ? window.resellerConsole && window.resellerConsole.ready && window.resellerConsole.items().some((it) => it.label === l)
        : [...document.querySelectorAll(".ag-row .ag-cell")].some((c) => c.textContent.includes(l));
      return shown ? performance.now() : false;
    } catch { return false; }
  }, [kind === consoleKind ? "console" : "peer", expect.first], { timeout: 120000, polling: 16 });
  const readyMs = await seen.jsonValue();
  return { context, page, errors, readyMs };
}

// What the page's own timings say about its start: every download (Resource Timing, from
// request to last byte) and the console's "rc:" marks, in ms after navigation start.
async function startupTrace(page) {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    const downloads = performance.getEntriesByType("resource").map((r) => {
      const u = new URL(r.name);
      return { path: u.pathname + u.search, start: r.startTime, end: r.responseEnd };
    });
    const marks = {};
    for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("rc:") && !(m.name.slice(3) in marks)) marks[m.name.slice(3)] = m.startTime;
    return { html: nav ? nav.responseEnd : null, downloads, marks };
  });
}

// Loads the page LOADS - 1 more times for its start-up alone; with the measured run's load,
// the median ready time and the trace of that load.
async function startups(browser, base, session, kind, expect, measured) {
  const loads = [measured];
  for (let i = 1; i < LOADS; ++i) {
    const o = await openList(browser, base, session, kind, expect);
    loads.push({ readyMs: o.readyMs, trace: await startupTrace(o.page) });
    await o.context.close();
  }
  loads.sort((a, b) => a.readyMs - b.readyMs);
  const median = loads[Math.floor((loads.length - 1) / 2)];
  return { readyMs: median.readyMs, readyMin: loads[0].readyMs, readyMax: loads[loads.length - 1].readyMs, trace: median.trace };
}

// --startup: the loads alone.
async function measureStartup(browser, base, session, kind, expect) {
  const o = await openList(browser, base, session, kind, expect);
  const first = { readyMs: o.readyMs, trace: await startupTrace(o.page) };
  await o.context.close();
  const startup = await startups(browser, base, session, kind, expect, first);
  return { kind: kind.name, startup, readyMs: startup.readyMs, errors: o.errors };
}

// --- one page's run --------------------------------------------------------------------------

async function measure(browser, base, session, kind, expect) {
  const { context, page, errors, readyMs } = await openList(browser, base, session, kind, expect);
  const cdp = await context.newCDPSession(page);
  const r = { kind: kind.name };
  const settle = () => waitSettled(page, kind.settled);
  const firstLoad = { readyMs, trace: await startupTrace(page) };
  if (kind === peerKind) await page.waitForFunction(() => window.peer.loaded, null, { timeout: 600000, polling: 200 });
  await settle();
  await sleep(500);
  const first = await heaps(page, cdp);
  r.firstScreen = { ...first, rssMB: browserRssMB() };

  // Idle: 5 s with nothing happening.
  let cpu0 = cpuSnapshot();
  await startFrameProbe(page);
  await sleep(5000);
  r.idleFrames = (await stopFrameProbe(page)).length;
  r.idleCpu = cpuDelta(cpu0, cpuSnapshot()).total;
  // Again after 10 s more: what start-up left running (the service worker's precache, saved
  // answers written to IndexedDB) has ended by then; what remains is the cost of idling.
  await sleep(10000);
  cpu0 = cpuSnapshot();
  await startFrameProbe(page);
  await sleep(5000);
  r.lateIdleFrames = (await stopFrameProbe(page)).length;
  r.lateIdle = cpuDelta(cpu0, cpuSnapshot());

  // 120 wheel steps over the table, one after another as fast as the page takes them.
  const box = await kind.tableBox(page);
  await page.mouse.move(box.x + box.w / 2, box.y + Math.min(box.h, 400) / 2);
  await settle();
  cpu0 = cpuSnapshot();
  let rs0 = await renderStats(page);
  await startFrameProbe(page);
  if (args.profile) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
    await cdp.send("Profiler.start");
  }
  const t0 = await page.evaluate(() => performance.now());
  for (let i = 0; i < WHEEL_STEPS; ++i) await page.mouse.wheel(0, 100);
  await settle();
  if (args.profile) r.profile = topFunctions((await cdp.send("Profiler.stop")).profile, 30);
  const times = await stopFrameProbe(page);
  // From the first step until the last frame that showed something new.
  r.wheelMs = times.length ? times[times.length - 1] - t0 : NaN;
  r.wheelCpu = cpuDelta(cpu0, cpuSnapshot());
  r.wheelRender = renderDelta(rs0, await renderStats(page));
  r.wheelFrames = times.length;
  const iv = intervals(times);
  r.p50 = pct(iv, 50);
  r.p95 = pct(iv, 95);

  // Hover: the pointer moves from row to row; each move settles before the next.
  const rowBox = await kind.tableBox(page);
  await page.mouse.move(rowBox.x + rowBox.w * 0.3, rowBox.rowYs[0]);
  await settle();
  cpu0 = cpuSnapshot();
  rs0 = await renderStats(page);
  let hoverFrames = 0;
  const rowYs = rowBox.rowYs.slice(0, 8);
  for (let i = 0; i < HOVERS; ++i) {
    await startFrameProbe(page);
    await page.mouse.move(rowBox.x + rowBox.w * 0.3, rowYs[i % rowYs.length]);
    await settle();
    hoverFrames += (await stopFrameProbe(page)).length;
  }
  const hover = cpuDelta(cpu0, cpuSnapshot());
  r.hoverRender = renderDelta(rs0, await renderStats(page));
  r.hoverGpuMs = hover.gpu / HOVERS * 1000;
  r.hoverTotalMs = hover.total / HOVERS * 1000;
  r.hoverFrames = hoverFrames / HOVERS;

  // Jump to the end: the last customer in the sort is on screen.
  await kind.focusList(page);
  await settle();
  const j0 = Date.now();
  await kind.jumpToEnd(page);
  let reached = false;
  while (Date.now() - j0 < 10000) {
    if (await kind.rowsShown(page, expect.last)) { reached = true; break; }
    await sleep(10);
  }
  r.jumpMs = reached ? Date.now() - j0 : null;
  await settle();

  // Scroll through everything: the scroll bar's thumb from the top to the bottom in 50 steps.
  await page.keyboard.press("Home");
  await settle();
  const through = await kind.tableBox(page);
  await kind.dragThrough(page, through, 50, settle);
  await settle();
  await sleep(500);
  r.afterScroll = { ...(await heaps(page, cdp)), rssMB: browserRssMB() };
  r.reachedEnd = await kind.rowsShown(page, expect.last);
  r.errors = errors;
  await context.close();
  r.startup = await startups(browser, base, session, kind, expect, firstLoad);
  r.readyMs = r.startup.readyMs;
  return r;
}

// --- the table -------------------------------------------------------------------------------

function printTable(results) {
  const cols = results.map((r) => r.kind);
  const f1 = (v) => (v == null || Number.isNaN(v) ? "—" : v.toFixed(1));
  const f2 = (v) => (v == null || Number.isNaN(v) ? "—" : v.toFixed(2));
  const rows = [
    ["CPU for 120 wheel steps, all processes (s)", (r) => f2(r.wheelCpu.total)],
    ["  GPU process (s)", (r) => f2(r.wheelCpu.gpu)],
    ["  renderer (page: wasm + JS) (s)", (r) => f2(r.wheelCpu.renderer)],
    ["  browser + network + utility (s)", (r) => f2(r.wheelCpu.browser + r.wheelCpu.network + r.wheelCpu.utility)],
    ["time for those 120 steps (s)", (r) => f2(r.wheelMs / 1000)],
    ["frames while scrolling", (r) => String(r.wheelFrames)],
    ["  of which the renderer skipped (same as the last)", (r) => (r.wheelRender ? String(r.wheelRender.skipped) : "—")],
    ["  screen share redrawn per drawn frame (%)", (r) => (r.wheelRender ? f1(r.wheelRender.damaged * 100) : "—")],
    ["  per drawn frame: draw calls", (r) => (r.wheelRender ? f1(r.wheelRender.drawCalls) : "—")],
    ["  per drawn frame: triangles drawn / left out as covered", (r) => (r.wheelRender ? `${Math.round(r.wheelRender.triangles)} / ${Math.round(r.wheelRender.culled)}` : "—")],
    ["  per drawn frame: triangle pixels / cleared pixels (k)", (r) => (r.wheelRender ? `${Math.round(r.wheelRender.trianglePixels / 1000)} / ${Math.round(r.wheelRender.clearedPixels / 1000)}` : "—")],
    ["  per drawn frame: solid-fill pixels / drawn without the texture (k; batches)", (r) => (r.wheelRender && r.wheelRender.fillPixels !== null ? `${Math.round(r.wheelRender.fillPixels / 1000)} / ${Math.round(r.wheelRender.solidPixels / 1000)}; ${f1(r.wheelRender.solidBatches)}` : "—")],
    ["  per drawn frame: ImGui frames built, their ms / the renderer's ms (page)", (r) => (r.wheelRender && r.wheelRender.renderMs !== null
      ? `${f1(r.wheelRender.builds)}, ${f1(r.wheelRender.buildMs)} / ${f1(r.wheelRender.renderMs)}` : "—")],
    ["  GPU-process CPU per drawn frame (ms)", (r) => (r.wheelRender && r.wheelRender.drawn ? f1(r.wheelCpu.gpu * 1000 / r.wheelRender.drawn) : "—")],
    ["frame interval while scrolling, p50 (ms)", (r) => f1(r.p50)],
    ["frame interval while scrolling, p95 (ms)", (r) => f1(r.p95)],
    ["hover: GPU-process CPU per event (ms)", (r) => f1(r.hoverGpuMs)],
    ["hover: all processes' CPU per event (ms)", (r) => f1(r.hoverTotalMs)],
    ["hover: frames per event", (r) => (r.kind === "console" ? f1(r.hoverFrames) : "—")],
    ["hover: frames drawn per event (not skipped)", (r) => (r.hoverRender ? f1(r.hoverRender.drawn / HOVERS) : "—")],
    ["hover: screen share redrawn per drawn frame (%)", (r) => (r.hoverRender ? f1(r.hoverRender.damaged * 100) : "—")],
    ["jump to the end: last row on screen (ms)", (r) => (r.jumpMs == null ? "not reached in 10 s" : String(r.jumpMs))],
    ["idle CPU per 5 s, all processes (s)", (r) => f2(r.idleCpu)],
    ["idle frames per 5 s", (r) => String(r.idleFrames)],
    ["idle CPU per 5 s, 15 s later: all / GPU process / pages / browser (s)",
      (r) => `${f2(r.lateIdle.total)} / ${f2(r.lateIdle.gpu)} / ${f2(r.lateIdle.renderer)} / ${f2(r.lateIdle.browser)}`],
    ["idle frames per 5 s, 15 s later", (r) => String(r.lateIdleFrames)],
    [`ready: first rows on screen, median of ${LOADS} loads (s)`, (r) => f2(r.readyMs / 1000)],
    ["  fastest – slowest load (s)", (r) => `${f2(r.startup.readyMin / 1000)}–${f2(r.startup.readyMax / 1000)}`],
    ["first screen: wasm memory (MB)", (r) => f1(r.firstScreen.wasmMB)],
    ["first screen: wasm heap in use (MB)", (r) => f1(r.firstScreen.wasmUsedMB)],
    ["first screen: JS heap (MB)", (r) => f1(r.firstScreen.jsMB)],
    ["first screen: whole-browser RSS (MB)", (r) => f1(r.firstScreen.rssMB)],
    ["after scrolling through all: wasm memory (MB)", (r) => f1(r.afterScroll.wasmMB)],
    ["after scrolling through all: wasm heap in use (MB)", (r) => f1(r.afterScroll.wasmUsedMB)],
    ["after scrolling through all: JS heap (MB)", (r) => f1(r.afterScroll.jsMB)],
    ["after scrolling through all: browser RSS (MB)", (r) => f1(r.afterScroll.rssMB)],
    ["  growth over the first screen, heaps (MB)", (r) => f1(r.afterScroll.wasmMB + r.afterScroll.jsMB - r.firstScreen.wasmMB - r.firstScreen.jsMB)],
    ["  growth over the first screen, RSS (MB)", (r) => f1(r.afterScroll.rssMB - r.firstScreen.rssMB)],
    ["scroll bar reached the last row", (r) => (r.reachedEnd ? "yes" : "no")],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((x) => x[1](results[i]).length)));
  const line = (cells) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(w0) : c.padStart(widths[i - 1]))).join(" | ") + " |";
  console.log(line(["", ...cols]));
  console.log("|" + ["-".repeat(w0 + 2), ...widths.map((w) => "-".repeat(w + 1) + ":")].join("|") + "|");
  for (const [label, fn] of rows) console.log(line([label, ...results.map(fn)]));
}

// The start-up trace of each run's median load: when each step ended (a–b: it ran from a to b),
// in ms after navigation start.
function printStartup(results) {
  const fmt = (a, b) => (a == null && b == null ? "—" : a == null || b == null ? String(Math.round(a ?? b))
    : `${Math.round(a)}–${Math.round(b)}`);
  const find = (t, re) => t.downloads.find((d) => re.test(d.path));
  const dl = (re) => (r) => { const d = find(r.startup.trace, re); return d ? fmt(d.start, d.end) : "—"; };
  const mk = (name) => (r) => fmt(r.startup.trace.marks[name], null);
  const span = (a, b) => (r) => fmt(r.startup.trace.marks[a], r.startup.trace.marks[b]);
  const rows = [
    ["page (HTML) received", (r) => fmt(r.startup.trace.html, null)],
    ["page script", dl(/\/(page\.[0-9a-f]+\.js|console\.js|peer\.js)$/)],
    ["app.js / the grid's script", dl(/\/(app\.[0-9a-f]+\.js|ag-grid-community\.min\.js)$/)],
    ["app.wasm downloaded", dl(/\.wasm$/)],
    ["  wasm downloaded (mark)", mk("wasm-downloaded")],
    ["  wasm compiled (streaming)", mk("wasm-compiled")],
    ["  wasm instantiated", mk("wasm-instantiated")],
    ["fonts downloaded", (r) => (r.startup.trace.marks["fonts-downloaded"] != null ? mk("fonts-downloaded")(r) : dl(/\.data$/)(r))],
    ["canvas context made (webgl / cpu)", (r) => { const m = r.startup.trace.marks; return fmt(m["canvas-webgl"] ?? m["canvas-cpu"], null); }],
    ["runtime set up (static constructors run)", mk("runtime")],
    ["main() starts – returns", span("main", "main-done")],
    ["first animation frame", mk("frame")],
    ["  answers that came applied", mk("answers")],
    ["  font atlas built", span("fonts-start", "fonts-built")],
    ["  first frame to draw built", mk("built")],
    ["first frame drawn", mk("first-frame")],
    ["config.json", dl(/\/config\.json$/)],
    ["first list request (request–answer)", dl(/\/api\/v1\/customers\?/)],
    ["first rows drawn", mk("rows")],
    ["page shown (loading screen gone)", mk("shown")],
    ["rows seen by the benchmark (ready)", (r) => fmt(r.startup.readyMs, null)],
  ];
  const cols = results.map((r) => r.kind);
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.map((x) => x[1](results[i]).length)));
  const line = (cells) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(w0) : c.padStart(widths[i - 1]))).join(" | ") + " |";
  for (const r of results) {
    if (!r.profile) continue;
    console.log(`\n${r.kind}: the page's main thread while scrolling, by function (ms of self time, sampled)\n`);
    for (const [name, ms] of r.profile) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
  }
  console.log(`\nStart-up trace of the median load (ms after navigation start; a–b: from a to b)\n`);
  console.log(line(["", ...cols]));
  console.log("|" + ["-".repeat(w0 + 2), ...widths.map((w) => "-".repeat(w + 1) + ":")].join("|") + "|");
  for (const [label, fn] of rows) console.log(line([label, ...results.map(fn)]));
}

async function main() {
  const db = seededDatabase();
  ensurePeer();
  const server = await startServer(["--db", db, "--static-extra", PEER_DIR, ...(args.static ? ["--static", path.resolve(args.static)] : [])]);
  let browser;
  try {
    const signIn = await api(server.url, "POST", "/auth/demo", { body: { email: "bench@reseller.example" } });
    if (signIn.status !== 200) throw new Error("bench sign-in failed: " + JSON.stringify(signIn.json));
    const session = signIn.json;
    const token = session.token;
    const firstPage = await api(server.url, "GET", "/customers?sort=name&limit=1", { token });
    const lastPage = await api(server.url, "GET", "/customers?sort=-name&limit=1", { token });
    const expect = { first: firstPage.json.items[0].organization, last: lastPage.json.items[0].organization,
      total: firstPage.json.total };
    console.log(`${expect.total.toLocaleString("en")} customers; first "${expect.first}", last "${expect.last}"`);
    browser = await launchBrowser();
    const all = [];
    for (let round = 0; round < ROUNDS; ++round) {
      // Alternate the order so neither page always runs on a warmer machine.
      const order = round % 2 ? [peerKind, consoleKind] : [consoleKind, peerKind];
      for (const kind of order) {
        if (args.only && !kind.name.startsWith(args.only.replace("peer", "AG"))) continue;
        process.stdout.write(`round ${round + 1}: ${kind.name} ... `);
        try {
          const r = await (args.startup ? measureStartup : measure)(browser, server.url, session, kind, expect);
          console.log("done" + (r.errors.length ? ` (page errors: ${r.errors.join("; ")})` : ""));
          all.push(r);
        } catch (e) {
          console.log("failed, left out of the table: " + String(e).split("\n")[0]);
        }
      }
    }
    console.log(`\nScroll benchmark: ${expect.total.toLocaleString("en")} customers, ${INVOICES.toLocaleString("en")} invoices, ` +
      `headless Chromium (SwiftShader WebGL), 1440×900, ${new Date().toISOString().slice(0, 10)}\n`);
    if (args.startup) {
      for (const r of all) console.log(`${r.kind}: ready ${(r.readyMs / 1000).toFixed(2)} s (median of ${LOADS}; ` +
        `${(r.startup.readyMin / 1000).toFixed(2)}–${(r.startup.readyMax / 1000).toFixed(2)})`);
    } else {
      printTable(all);
    }
    printStartup(all);
  } finally {
    if (browser) await browser.close();
    await server.stop();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
