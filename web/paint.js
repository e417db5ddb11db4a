// How the console's frames reach the screen. With a GPU, WebGL 2 draws them (src/web/renderer.cpp).
// Where the browser's WebGL is itself software (a PC without a GPU: SwiftShader, llvmpipe) or
// missing, the wasm rasterises each frame into its memory (src/web/cpu_canvas.cpp) and this
// script copies the damaged regions onto a 2D canvas: under software rendering a WebGL frame
// costs Chromium ~7 ms before it draws a pixel, a 2D canvas frame ~1 ms
// (tests/bench/gl_frame_bench.mjs). "?renderer=webgl" or "?renderer=cpu" in the address forces
// one (tests, benchmarks, a support call). Which one a visit took is kept on the device while
// someone is signed in (web/session.js removes it at sign-out), so the next visit starts without
// asking the GPU (a WebGL context made and dropped: tens of ms under software rendering); that
// visit asks again once the console is on screen, for the one after.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  var SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver|mesa offscreen/i;
  var context2d = null, image = null;

  function pick(gpu) { return !gpu || SOFTWARE.test(gpu) ? "cpu" : "webgl"; }
  function keep(kind) { if (web.session.load()) web.settings.save(web.session.PAINT_KEY, kind); }

  // The name of the GPU behind WebGL 2, from a throwaway canvas ("" when WebGL 2 is missing).
  function glRenderer() {
    var gl = null;
    try { gl = document.createElement("canvas").getContext("webgl2"); } catch (e) { gl = null; }
    if (!gl) return "";
    var info = gl.getExtension("WEBGL_debug_renderer_info");
    var name = String((info && gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) || gl.getParameter(gl.RENDERER) || "webgl");
    var lose = gl.getExtension("WEBGL_lose_context");
    if (lose) lose.loseContext();
    return name;
  }

  // An ImageData over the wasm's frame (no copy): made again when the size changes or the
  // memory grew (its old buffer is gone then).
  function frame(ptr, width, height) {
    var heap = Module.HEAPU8;
    if (!image || image.data.buffer !== heap.buffer || image.data.byteOffset !== ptr || image.width !== width || image.height !== height)
      image = new ImageData(new Uint8ClampedArray(heap.buffer, ptr, width * height * 4), width, height);
    return image;
  }

  web.paint = {
    kind: "",
    gpu: "",
    checkLater: false,
    // Picks the renderer and makes the canvas's context (a canvas keeps the kind of its first
    // context): "webgl", "cpu", or "" when neither can be made.
    start: function (canvas) {
      var asked = /[?&]renderer=(webgl|cpu)(&|$)/.exec(location.search);
      var kind = asked ? asked[1] : "";
      if (!kind) {
        var kept = web.settings.load(web.session.PAINT_KEY);
        if (kept === "cpu" || kept === "webgl") {
          kind = kept;
          this.checkLater = true;
        } else {
          this.gpu = glRenderer();
          kind = pick(this.gpu);
        }
      }
      if (kind === "webgl") {
        // The drawing buffer kept between frames (the renderer redraws only what changed); no
        // alpha, depth, stencil or multisampling (never used). Made here, while the program
        // downloads: Emscripten's context request is handed this one.
        if (!canvas.getContext("webgl2", { alpha: false, depth: false, stencil: false, antialias: false,
                                           premultipliedAlpha: true, preserveDrawingBuffer: true })) kind = asked ? "" : "cpu";
      }
      if (kind === "cpu") {
        context2d = canvas.getContext("2d", { alpha: false });
        if (!context2d) kind = "";
        // A browser may drop a 2D canvas's pixels (its context lost under memory pressure) and
        // give it back blank: the console draws the whole frame again.
        else canvas.addEventListener("contextrestored", function () { web.bridge.call("rc_render_redraw_all"); });
      }
      this.kind = kind;
      if (kind && !asked) keep(kind);
      return kind;
    },
    // Once the console is on screen: asks the GPU again (off the start's path) when this visit
    // took the kept choice, and keeps the answer for the next visit.
    recheck: function () {
      if (!this.checkLater) return;
      this.checkLater = false;
      var self = this;
      var later = window.requestIdleCallback || function (f) { return setTimeout(f, 200); };
      later(function () {
        self.gpu = glRenderer();
        keep(pick(self.gpu));
      });
    },
    isCpu: function () { return this.kind === "cpu"; },
    // Copies the rectangle (x, y, w, h) of the wasm's frame (RGBA at ptr, width × height) onto
    // the canvas. A canvas whose size is not the frame's yet (a resize under way) takes what fits.
    put: function (ptr, width, height, x, y, w, h) {
      if (!context2d || width <= 0 || height <= 0) return;
      context2d.putImageData(frame(ptr, width, height), 0, 0, x, y, w, h);
    },
    // What the canvas shows, into the wasm's memory at ptr (width × height RGBA): the renderer's
    // check compares it with a full redraw.
    read: function (ptr, width, height) {
      if (!context2d) return 0;
      var shown = context2d.getImageData(0, 0, width, height).data;
      Module.HEAPU8.set(shown, ptr);
      return 1;
    }
  };
})();
