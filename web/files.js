// Files the reseller gives the console (issue 19's import): the browser's file picker, opened by
// the wasm from a click, and a file dropped on the page. The bytes go to the wasm as they are (the
// core reads the encodings); a file over the import's limit goes as its size alone, never read.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  // sheet::Limits::maxBytes (src/core/sheet.h): the wasm says it is too large, no copy is made.
  var MAX_BYTES = 20 * 1024 * 1024;
  var input = null;

  function deliver(file) {
    if (!file || !web.bridge.running()) return;
    var M = window.Module;
    if (file.size > MAX_BYTES) {
      web.bridge.call("rc_on_file_chosen", [file.name, 0, 0, file.size]);
      return;
    }
    file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer), ptr = bytes.length ? M._malloc(bytes.length) : 0;
      if (bytes.length && !ptr) return;
      if (ptr) M.HEAPU8.set(bytes, ptr);  // HEAPU8 after malloc: memory may have grown
      try {
        web.bridge.call("rc_on_file_chosen", [file.name, ptr, bytes.length, file.size]);
      } finally {
        if (ptr) M._free(ptr);
      }
    }, function () {
      web.bridge.call("rc_on_file_chosen", [file.name, 0, 0, -1]);  // could not be read
    });
  }

  // The picker needs a real <input type=file>; the click that asked for it is still the user's
  // gesture (the wasm runs it in the same frame).
  function choose(accept) {
    if (!input) {
      input = document.createElement("input");
      input.type = "file";
      input.id = "rc-file-input";
      input.style.display = "none";
      input.addEventListener("change", function () {
        var file = input.files && input.files[0];
        input.value = "";  // the same file chosen again is a new choice
        deliver(file);
      });
      document.body.appendChild(input);
    }
    input.accept = accept || "";
    input.click();
  }

  function hasFiles(e) {
    var types = e.dataTransfer && e.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, "Files") >= 0;
  }
  // A file dropped anywhere on the page: the wasm takes it while the import waits for one; the
  // browser never opens it in place of the console.
  window.addEventListener("dragover", function (e) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  });
  window.addEventListener("drop", function (e) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    deliver(e.dataTransfer.files[0]);
  });

  web.files = { choose: choose };
})();
