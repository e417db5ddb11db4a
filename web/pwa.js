// Registers the service worker (web/sw.js) and tells the console when a new version is
// installed and waiting; "Reload" (rcWeb.pwa.applyUpdate) lets it take over and reloads once it
// does, so the page never runs files of two versions.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  var codes = web.codes;

  var CHECK_EVERY_MS = 60 * 60 * 1000;
  var registration = null, reloading = false, announced = false;

  // The console may still be loading when the worker is ready: tell it once it runs.
  function announce() {
    if (announced) return;
    if (!web.bridge.running()) { setTimeout(announce, 500); return; }
    announced = true;
    web.bridge.call("rc_on_offline_event", [codes.PageEvent.UpdateReady]);
  }

  function watch(worker) {
    if (!worker) return;
    worker.addEventListener("statechange", function () {
      // The first install has no controller to replace: nothing to announce.
      if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
    });
  }

  web.pwa = {
    state: "unsupported",  // unsupported | registering | registered | failed
    applyUpdate: function () {
      if (!registration || !registration.waiting) { window.location.reload(); return; }
      reloading = true;
      registration.waiting.postMessage({ type: "skip-waiting" });
    },
    checkForUpdate: function () { if (registration) return registration.update().catch(function () {}); }
  };

  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  web.pwa.state = "registering";

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) window.location.reload();
  });

  window.addEventListener("load", function () {
    navigator.serviceWorker.register("sw.js", { scope: "./", updateViaCache: "none" }).then(function (reg) {
      if (!reg) {  // service workers blocked by policy
        web.pwa.state = "failed";
        return;
      }
      registration = reg;
      web.pwa.state = "registered";
      if (reg.waiting && navigator.serviceWorker.controller) announce();
      watch(reg.installing);
      reg.addEventListener("updatefound", function () { watch(reg.installing); });
      // Long-open consoles look for a new version now and then, and when the network is back.
      setInterval(function () { reg.update().catch(function () {}); }, CHECK_EVERY_MS);
      window.addEventListener("online", function () { reg.update().catch(function () {}); });
    }, function (e) {
      web.pwa.state = "failed";
      console.warn("Offline use is unavailable: the service worker could not be registered (" + e.message + ")");
    });
  });
})();
