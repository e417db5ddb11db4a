// File downloads (invoice PDFs, CSV exports): the wasm hands over the request, the answer
// becomes a real browser download, and the outcome goes back to the wasm (id, HTTP status or 0,
// the body of a failed answer), which words any error.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};

  function saveBlob(blob, filename) {
    var href = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = href;
    link.download = filename;
    link.rel = "noopener";
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    // Some browsers read the URL after click() returns; free it once the download has begun.
    setTimeout(function () { URL.revokeObjectURL(href); }, 60000);
  }

  function done(id, status, body) {
    web.bridge.call("rc_on_download_done", [id, status, body || ""]);
  }

  function start(id, method, url, headersJson, body, filename) {
    var init = { method: method, headers: JSON.parse(headersJson || "{}"), credentials: "same-origin", cache: "no-store" };
    if (body) init.body = body;
    fetch(url, init).then(function (res) {
      if (!res.ok) {
        return res.text().then(function (text) { done(id, res.status, text.slice(0, 65536)); },
          function () { done(id, res.status, ""); });
      }
      return res.blob().then(function (blob) {
        saveBlob(blob, filename);
        done(id, res.status, "");
      });
    }).catch(function () { done(id, 0, ""); });
  }

  web.downloads = { start: start };
})();
