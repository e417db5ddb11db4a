// Boots the console: checks the browser can run it, shows download progress, starts the
// WebAssembly module, and exposes window.resellerConsole for tests and tools.
(function () {
  "use strict";
  var web = window.rcWeb;
  var boot = document.getElementById("boot");
  var statusEl = document.getElementById("boot-status");
  var progressEl = document.getElementById("boot-progress");
  var errorEl = document.getElementById("boot-error");
  var failed = false;

  // Start-up marks ("rc:<step>", beside the Resource Timing of every download): the scroll
  // benchmark prints them as the start-up trace.
  function mark(step) {
    if (window.performance && performance.mark) performance.mark("rc:" + step);
  }
  mark("script");

  function fail(message) {
    if (failed) return;
    failed = true;
    boot.classList.remove("done");
    boot.hidden = false;
    boot.removeAttribute("aria-hidden");
    boot.classList.add("failed");
    statusEl.textContent = "The console could not start.";
    errorEl.textContent = message;
  }

  function progress(fraction, text) {
    progressEl.style.width = Math.round(Math.max(0, Math.min(1, fraction)) * 100) + "%";
    if (text) statusEl.textContent = text;
  }

  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    fail("This browser cannot run WebAssembly. Please use a current version of Chrome, Edge, Firefox or Safari.");
    return;
  }
  // The German texts, a file of their own (app.wasm holds English only: issue 21), fetched
  // beside app.wasm only when the console will start in German: the language chosen on this
  // device, else the browser's (as src/core/language_choice.cpp decides). main() waits for
  // them; if they fail, it starts in English and fetches them itself (src/web/main.cpp).
  // Asked for first: the canvas's context below takes a while under software rendering.
  var TEXTS_DE = "texts-de.bin";
  var chosen = web.settings.load("language");
  var german = /^de([-_]|$)/i.test(chosen === "de" || chosen === "en" ? chosen : web.device.language());
  web.germanTexts = {
    url: TEXTS_DE,
    bytes: null,
    // In use on this device: the service worker keeps the file for offline starts in German
    // (it is not downloaded for everyone at install).
    keep: function () {
      if (!("serviceWorker" in navigator)) return;
      navigator.serviceWorker.ready.then(function (reg) {
        if (reg.active) reg.active.postMessage({ type: "keep-language", lang: "de" });
      });
    }
  };
  var textsReady = !german ? Promise.resolve() : fetch(TEXTS_DE, { credentials: "same-origin" }).then(function (res) {
    if (!res.ok) throw new Error(TEXTS_DE + ": HTTP " + res.status);
    return res.arrayBuffer();
  }).then(function (bytes) {
    web.germanTexts.bytes = new Uint8Array(bytes);
    web.germanTexts.keep();
    mark("texts-downloaded");
  }).catch(function (err) { console.warn("German texts: " + err.message); });

  // The canvas's context, made here and now (web/paint.js picks WebGL 2 or, where the
  // browser's WebGL is software or missing, a 2D canvas the wasm's own rasteriser fills):
  // making a WebGL context takes a while under software rendering, and so it happens while the
  // program downloads.
  var canvas = document.getElementById("canvas");
  if (!web.paint.start(canvas)) {
    fail("This browser cannot draw the console: its canvas is turned off or not supported. " +
         "Please use a current version of Chrome, Edge, Firefox or Safari.");
    return;
  }
  mark("canvas-" + web.paint.kind);

  // Bytes of the downloads (the program and its fonts), for one progress bar. The build writes
  // their sizes here: a compressed answer's Content-Length is not what arrives.
  var WASM_BYTES = 0;
  var FONT_BYTES = 0;
  var loaded = { wasm: 0, data: 0 }, total = { wasm: 0, data: FONT_BYTES };
  function report() {
    var t = total.wasm + total.data, l = loaded.wasm + loaded.data;
    if (t > 0) progress(l / t, "Loading… " + Math.round(l / 1024) + " of " + Math.round(t / 1024) + " KB");
  }

  // The program is fetched and compiled as it arrives (streaming compilation), from here,
  // while app.js is still on its way; instantiateWasm below only waits for the result.
  var wasmModule = fetch("app.wasm", { credentials: "same-origin" }).then(function (res) {
    if (!res.ok) throw new Error("app.wasm: HTTP " + res.status);
    total.wasm = WASM_BYTES || (!res.headers.get("Content-Encoding") && +res.headers.get("Content-Length")) || 0;
    if (WebAssembly.compileStreaming && window.TransformStream && res.body) {
      var counted = res.body.pipeThrough(new TransformStream({
        transform: function (chunk, out) { loaded.wasm += chunk.length; report(); out.enqueue(chunk); },
        flush: function () { mark("wasm-downloaded"); }
      }));
      return WebAssembly.compileStreaming(new Response(counted, { headers: { "Content-Type": "application/wasm" } }));
    }
    return res.arrayBuffer().then(function (bytes) {
      loaded.wasm += bytes.byteLength;
      report();
      mark("wasm-downloaded");
      return WebAssembly.compile(bytes);
    });
  }).then(function (module) {
    mark("wasm-compiled");
    return module;
  });
  wasmModule.catch(function () { /* reported when instantiateWasm asks for it */ });

  // The UI fonts, fetched beside app.wasm (index.html preloads them; the service worker
  // precaches them) and handed to the program before main() runs (src/web/main.cpp takes them
  // by these keys). app.js has no file system for them (-sFILESYSTEM=0: 12 KB less).
  var FONTS = { regular: "Roboto-Regular.ttf", medium: "Roboto-Medium.ttf", icons: "forkawesome-webfont.ttf" };
  var fontBytes = {};
  var fontsReady = Promise.all(Object.keys(FONTS).map(function (key) {
    return fetch(FONTS[key], { credentials: "same-origin" }).then(function (res) {
      if (!res.ok) throw new Error(FONTS[key] + ": HTTP " + res.status);
      return res.arrayBuffer();
    }).then(function (bytes) {
      fontBytes[key] = new Uint8Array(bytes);
      loaded.data += bytes.byteLength;
      report();
    });
  })).then(function () {
    mark("fonts-downloaded");
    window.rcWeb.pageFonts = fontBytes;
  });
  fontsReady.catch(function () { /* reported when the program waits for them */ });

  canvas.addEventListener("webglcontextlost", function (e) {
    e.preventDefault();
    fail("The browser's graphics stopped working. Please reload the page.");
  });

  window.Module = {
    canvas: canvas,
    print: function (t) { console.log(t); },
    printErr: function (t) { console.warn(t); },
    // main() waits for the fonts (a run dependency, as Emscripten's own file packages are).
    preRun: [function () {
      Module.addRunDependency("rc-fonts");
      fontsReady.then(function () { Module.removeRunDependency("rc-fonts"); }, function (err) {
        fail("The console could not be downloaded (" + err.message + "). Check your connection and reload the page.");
      });
      Module.addRunDependency("rc-texts");
      textsReady.then(function () { Module.removeRunDependency("rc-texts"); });
    }],
    instantiateWasm: function (imports, done) {
      wasmModule.then(function (module) {
        return WebAssembly.instantiate(module, imports).then(function (instance) {
          mark("wasm-instantiated");
          done(instance, module);
        });
      }).catch(function (err) {
        fail("The console could not be downloaded (" + err.message + "). Check your connection and reload the page.");
      });
      return {};
    },
    onFirstFrame: function () {
      mark("shown");  // the loading screen goes: what the benchmark's ready waits for
      progress(1, "");
      // The status line leaves the accessibility tree at once; the screen fades out after.
      statusEl.textContent = "";
      boot.setAttribute("aria-hidden", "true");
      boot.classList.add("done");
      // Once faded, the loading screen leaves the page (and the accessibility tree) for good.
      setTimeout(function () { if (!failed) boot.hidden = true; }, 400);
      window.resellerConsole.ready = true;
      web.paint.recheck();
    },
    // The program's static data is set up; main() comes next (the start-up trace's).
    onRuntimeInitialized: function () { mark("runtime"); },
    onAbort: function (what) { fail("The console stopped unexpectedly (" + what + "). Please reload the page."); }
  };

  var bridge = window.rcWeb.bridge;
  window.resellerConsole = {
    ready: false,
    // Every item drawn in the last frame: label, kind and rectangle in CSS pixels of the page.
    items: function () {
      var json = bridge.text("rc_items_json");
      if (json === null) return [];
      var list = JSON.parse(json);
      var r = canvas.getBoundingClientRect();
      list.forEach(function (it) { it.x += r.left + window.scrollX; it.y += r.top + window.scrollY; });
      return list;
    },
    // Frames drawn so far; idle, this number stays still.
    frames: function () { return bridge.call("rc_frame_count") || 0; },
    redraw: function () { bridge.call("rc_request_frame"); },
    // The text of the field being edited, or null when no field has the keyboard.
    activeInputText: function () {
      var json = bridge.text("rc_active_input_json");
      return json === null ? null : JSON.parse(json);
    }
  };

  window.addEventListener("error", function (e) {
    if (!window.resellerConsole.ready) fail("The console could not start (" + (e.message || "script error") + ").");
  });

  var script = document.createElement("script");
  script.src = "app.js";
  script.onerror = function () { fail("The console could not be downloaded. Check your connection and reload the page."); };
  document.body.appendChild(script);
})();
