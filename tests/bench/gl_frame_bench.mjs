// Benchmark (not a test): what a frame of a 1440×900 WebGL 2 canvas costs the GPU process
// (SwiftShader) in headless Chromium, apart from the console: the fixed cost of a frame that
// draws almost nothing under each context setting, and what a 1440 × 260 band (about a scroll
// step's redrawn table) adds when drawn the renderer's ways. Prints CPU ms per frame by process
// kind (from /proc) and the frame intervals. Asserts nothing.
//
//   node tests/bench/gl_frame_bench.mjs [--frames N] [--rounds N] [--configs a:b,...]
//
// A config is context:drawing. Contexts: pres (preserveDrawingBuffer, as the console), nopres,
// fbo (no preserve; drawn into an own framebuffer, blitted whole each frame), desync
// (preserve + desynchronized), c2d (a 2D canvas, as the console's CPU renderer: web/paint.js;
// its drawings: none, a 32 × 32 putImageData, and put, the band put from an ImageData). Drawings: none (a 32 × 32 clear), tex-blend (the band sampling
// the R8 atlas, blended: the console's shader before session 6), tex-noblend, flat-blend (the
// texture read skipped by a flat per-triangle flag: the console's shader), solid-blend (no
// texture: the console's fill program), solid-noblend, clear (the band cleared).
import fs from "node:fs";
import { launchBrowser } from "../e2e/harness.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith("--") ? all[i + 1] : "1"]);
  return acc;
}, []));
const FRAMES = +(args.frames || 150);
const ROUNDS = +(args.rounds || 2);
const CONFIGS = (args.configs || "pres:none,nopres:none,fbo:none,desync:none,pres:tex-blend,pres:tex-noblend," +
  "pres:flat-blend,pres:solid-blend,pres:solid-noblend,pres:clear,c2d:none,c2d:put").split(",");
const TICK = 100;  // /proc CPU times are in 1/100 s

// CPU ticks of this process's Chromium descendants, summed per --type.
function cpuByKind() {
  const parent = new Map();
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      parent.set(+pid, +s.slice(s.lastIndexOf(")") + 2).split(" ")[1]);
    } catch { /* gone */ }
  }
  const kinds = {};
  for (const pid of parent.keys()) {
    let p = parent.get(pid), mine = false;
    for (let hops = 0; p && hops < 20; ++hops, p = parent.get(p)) if (p === process.pid) { mine = true; break; }
    if (!mine) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      const type = /--type=([^\0 ]+)/.exec(cmd);
      const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
      const kind = type ? type[1] : "browser";
      kinds[kind] = (kinds[kind] || 0) + +f[11] + +f[12];
    } catch { /* gone */ }
  }
  return kinds;
}

// The page: setup(attrs) makes the context, three programs, a 1024 × 785 R8 texture (the size
// of the console's Latin atlas) and the band; run(mode, frames) draws a frame per animation frame.
const PAGE = `<!doctype html><html><body style="margin:0;overflow:hidden">
<canvas id=c style="width:1440px;height:900px;display:block"></canvas><script>
const VS = "#version 300 es\\nin vec2 p; in vec2 uv; uniform vec2 w; out vec2 v; flat out int s;" +
  "void main() { v = uv; s = uv == w ? 1 : 0; gl_Position = vec4(p, 0, 1); }";
const FS = {
  tex: "#version 300 es\\nprecision mediump float; uniform sampler2D t; in vec2 v; out vec4 o;" +
    "void main() { o = vec4(0.2, 0.3, 0.4, 1.0) * vec4(1, 1, 1, texture(t, v).r); }",
  flat: "#version 300 es\\nprecision mediump float; uniform sampler2D t; in vec2 v; flat in int s; out vec4 o;" +
    "void main() { if (s == 1) o = vec4(0.2, 0.3, 0.4, 1.0); else o = vec4(0.2, 0.3, 0.4, 1.0) * vec4(1, 1, 1, texture(t, v).r); }",
  solid: "#version 300 es\\nprecision mediump float; out vec4 o; void main() { o = vec4(0.2, 0.3, 0.4, 1.0); }",
};
window.setup = (attrs) => {
  const c = document.getElementById("c");
  c.width = 1440; c.height = 900;
  if (attrs.c2d) {
    window.ctx2d = c.getContext("2d", { alpha: false });
    window.pixels = new Uint8ClampedArray(1440 * 900 * 4);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7) & 255;
    window.image = new ImageData(pixels, 1440, 900);
    return;
  }
  const gl = c.getContext("webgl2", attrs);
  window.gl = gl;
  window.programs = {};
  for (const [name, fs] of Object.entries(FS)) {
    const p = gl.createProgram();
    for (const [kind, src] of [[gl.VERTEX_SHADER, VS], [gl.FRAGMENT_SHADER, fs]]) {
      const sh = gl.createShader(kind);
      gl.shaderSource(sh, src);
      gl.compileShader(sh);
      if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(sh));
      gl.attachShader(p, sh);
    }
    gl.bindAttribLocation(p, 0, "p");
    gl.bindAttribLocation(p, 1, "uv");
    gl.linkProgram(p);
    gl.useProgram(p);
    gl.uniform2f(gl.getUniformLocation(p, "w"), 0.5 / 1024, 0.5 / 785);  // the white texel
    programs[name] = p;
  }
  const W = 1024, H = 785, px = new Uint8Array(W * H);
  for (let i = 0; i < px.length; i++) px[i] = (i * 7) & 255;
  px[0] = 255;
  gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, W, H, 0, gl.RED, gl.UNSIGNED_BYTE, px);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  const y0 = 1 - 2 * 300 / 900, y1 = 1 - 2 * 560 / 900, u = 0.5 / 1024, t = 0.5 / 785;  // rows 300..560, the white texel
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, y0, u, t, 1, y0, u, t, 1, y1, u, t, -1, y0, u, t, 1, y1, u, t, -1, y1, u, t]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0); gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 16, 0);
  gl.enableVertexAttribArray(1); gl.vertexAttribPointer(1, 2, gl.FLOAT, false, 16, 8);
  gl.enable(gl.SCISSOR_TEST);
  gl.viewport(0, 0, 1440, 900);
  if (attrs.fbo) {
    window.fbo = gl.createFramebuffer();
    const rb = gl.createRenderbuffer();
    gl.bindRenderbuffer(gl.RENDERBUFFER, rb);
    gl.renderbufferStorage(gl.RENDERBUFFER, gl.RGBA8, 1440, 900);
    gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
    gl.framebufferRenderbuffer(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.RENDERBUFFER, rb);
  }
  gl.clearColor(1, 1, 1, 1); gl.scissor(0, 0, 1440, 900); gl.clear(gl.COLOR_BUFFER_BIT);
};
function draw2d(mode, n) {  // the frame changes (as the wasm's would), then what the mode copies
  pixels[(n * 4001) % pixels.length] = n & 255;
  ctx2d.putImageData(image, 0, 0, n % 40 * 32, 0, 32, 32);
  if (mode === "put") ctx2d.putImageData(image, 0, 0, 0, 300, 1440, 260);
}
function drawGl(gl, mode, n) {
  if (window.fbo) gl.bindFramebuffer(gl.FRAMEBUFFER, fbo);
  gl.scissor(n % 40 * 32, 0, 32, 32);
  gl.clearColor((n % 7) / 7, 0.5, 0.5, 1);
  gl.clear(gl.COLOR_BUFFER_BIT);
  gl.scissor(0, 900 - 560, 1440, 260);
  if (mode === "clear") {
    gl.clearColor(0.2, 0.3, 0.4, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
  } else if (mode !== "none") {
    gl.useProgram(programs[mode.split("-")[0]]);
    if (mode.endsWith("-blend")) {
      gl.enable(gl.BLEND);
      gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    } else gl.disable(gl.BLEND);
    gl.drawArrays(gl.TRIANGLES, 0, 6);
  }
  if (window.fbo) {
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, fbo);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
    gl.disable(gl.SCISSOR_TEST);
    gl.blitFramebuffer(0, 0, 1440, 900, 0, 0, 1440, 900, gl.COLOR_BUFFER_BIT, gl.NEAREST);
    gl.enable(gl.SCISSOR_TEST);
  }
}
window.run = (mode, frames) => new Promise((resolve) => {
  const gl = window.gl, intervals = [];
  let n = 0, last = performance.now();
  function frame(now) {
    intervals.push(now - last);
    last = now;
    if (window.ctx2d) draw2d(mode, n);
    else drawGl(gl, mode, n);
    if (++n < frames) requestAnimationFrame(frame);
    else {
      intervals.sort((a, b) => a - b);
      resolve({ p50: intervals[intervals.length >> 1], p95: intervals[Math.floor(intervals.length * 0.95)] });
    }
  }
  requestAnimationFrame(frame);
});
</script></body></html>`;

const browser = await launchBrowser();
console.log(`GPU-process and page CPU per frame, ${FRAMES} frames, 1440×900; load ${fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
console.log("| round | context:drawing | GPU process (ms) | page (ms) | browser (ms) | interval p50 / p95 (ms) |");
console.log("|---|---|---:|---:|---:|---|");
for (let round = 1; round <= ROUNDS; ++round) {
  for (const config of CONFIGS) {
    const [ctx, mode] = config.split(":");
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.setContent(PAGE);
    await page.evaluate((a) => window.setup(a), {
      alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
      preserveDrawingBuffer: ctx === "pres" || ctx === "desync", desynchronized: ctx === "desync", fbo: ctx === "fbo",
      c2d: ctx === "c2d" });
    await page.evaluate(() => window.run("none", 20));  // shaders compiled, the pipeline warm
    const before = cpuByKind();
    const r = await page.evaluate(([m, f]) => window.run(m, f), [mode, FRAMES]);
    const after = cpuByKind();
    const ms = (kind) => (((after[kind] || 0) - (before[kind] || 0)) / TICK * 1000 / FRAMES).toFixed(2);
    console.log(`| ${round} | ${config} | ${ms("gpu-process")} | ${ms("renderer")} | ${ms("browser")} | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} |`);
    await context.close();
  }
}
await browser.close();
