// Registers the service worker (web/sw.js) and tells the console when a new version is
// installed and waiting; "Reload" (rcPwa.applyUpdate) lets it take over and reloads once it
// does, so the page never runs files of two versions.
(function () {
  "use strict";

  var EVENT_UPDATE_READY = 3;
  var CHECK_EVERY_MS = 60 * 60 * 1000;
  var registration = null, reloading = false, announced = false;

  function exported(name) {
    var M = window.Module;
    return M && M.calledRun && typeof M["_" + name] === "function" ? M["_" + name] : null;
  }

  // The console may still be loading when the worker is ready: tell it once it runs.
  function announce() {
    if (announced) return;
    var fn = exported("rc_on_offline_event");
    if (!fn) { setTimeout(announce, 500); return; }
    announced = true;
    fn(EVENT_UPDATE_READY);
  }

  function watch(worker) {
    if (!worker) return;
    worker.addEventListener("statechange", function () {
      // The first install has no controller to replace: nothing to announce.
      if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
    });
  }

  window.rcPwa = {
    state: "unsupported",  // unsupported | registering | registered | failed
    applyUpdate: function () {
      if (!registration || !registration.waiting) { window.location.reload(); return; }
      reloading = true;
      registration.waiting.postMessage({ type: "skip-waiting" });
    },
    checkForUpdate: function () { if (registration) return registration.update().catch(function () {}); }
  };

  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  window.rcPwa.state = "registering";

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (reloading) window.location.reload();
  });

  window.addEventListener("load", function () {
    navigator.serviceWorker.register("sw.js", { scope: "./", updateViaCache: "none" }).then(function (reg) {
      if (!reg) {  // service workers blocked by policy
        window.rcPwa.state = "failed";
        return;
      }
      registration = reg;
      window.rcPwa.state = "registered";
      if (reg.waiting && navigator.serviceWorker.controller) announce();
      watch(reg.installing);
      reg.addEventListener("updatefound", function () { watch(reg.installing); });
      // Long-open consoles look for a new version now and then, and when the network is back.
      setInterval(function () { reg.update().catch(function () {}); }, CHECK_EVERY_MS);
      window.addEventListener("online", function () { reg.update().catch(function () {}); });
    }, function (e) {
      window.rcPwa.state = "failed";
      console.warn("Offline use is unavailable: the service worker could not be registered (" + e.message + ")");
    });
  });
})();
