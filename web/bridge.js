// The one way the page calls the wasm, and hands it strings. Every script of web/ (and the
// wasm's EM_JS stubs) reaches it as rcWeb.bridge. The names it calls are the RC_EXPORT functions
// of src/web/exports.cpp: the build fails when a script here names one that is not exported.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};

  // True once the module has started (its exports can be called).
  function running() {
    var M = window.Module;
    return !!(M && M.calledRun);
  }

  // The export `name`, or null while the module has not started. Looked up at each call: a test
  // may stand in for one (Module._rc_on_download_done = ...).
  function exported(name) {
    if (!running()) return null;
    var fn = window.Module["_" + name];
    if (typeof fn !== "function") throw new Error("the console exports no " + name);
    return fn;
  }

  // A malloc'ed UTF-8 copy of a string (malloc, not the stack: pasted text can be large).
  function toHeap(text) {
    var M = window.Module, len = M.lengthBytesUTF8(text) + 1, ptr = M._malloc(len);
    M.stringToUTF8(text, ptr, len);
    return ptr;
  }

  // Calls export `name` with `args` (numbers as they are, strings through the heap, freed after);
  // returns what it returns, or undefined while the module has not started.
  function call(name, args) {
    var fn = exported(name);
    if (!fn) return undefined;
    var given = args || [], passed = [], heap = [];
    for (var i = 0; i < given.length; i++) {
      if (typeof given[i] === "string") {
        var ptr = toHeap(given[i]);
        heap.push(ptr);
        passed.push(ptr);
      } else {
        passed.push(given[i]);
      }
    }
    try {
      return fn.apply(null, passed);
    } finally {
      for (var j = 0; j < heap.length; j++) window.Module._free(heap[j]);
    }
  }

  // Calls an export that returns text (a C string the wasm keeps); null while not started.
  function text(name, args) {
    var ptr = call(name, args);
    return ptr === undefined ? null : window.Module.UTF8ToString(ptr);
  }

  web.bridge = { running: running, call: call, text: text, toHeap: toHeap };
})();
