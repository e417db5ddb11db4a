// The address bar: the console's screen as a #fragment, kept in the browser's history so Back
// and Forward move between screens; a change made by the person reaches the wasm.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};

  // The fragment the wasm last saw or set: back/forward fire both popstate and hashchange.
  var knownHash = window.location.hash;

  web.history = {
    current: function () { return window.location.hash; },
    set: function (hash, push) {
      if (hash.charAt(0) !== "#") hash = "#" + hash;
      // Re-pushing the entry we are on would make Back do nothing once.
      if (hash === window.location.hash) push = false;
      try {
        if (push) window.history.pushState(null, "", hash);
        else window.history.replaceState(null, "", hash);
      } catch (e) { /* sandboxed documents may refuse history changes */ }
      knownHash = window.location.hash;
    }
  };

  function onAddressChanged() {
    if (window.location.hash === knownHash) return;
    knownHash = window.location.hash;
    web.bridge.call("rc_on_address_changed", [knownHash]);
  }
  window.addEventListener("popstate", onAddressChanged);
  window.addEventListener("hashchange", onAddressChanged);
})();
