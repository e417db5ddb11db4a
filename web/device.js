// What the browser says about the person's device, read by the wasm at start-up: language,
// a Mac's keyboard, a finger as the main pointer, the display preferences; and randomness for
// idempotency keys.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};

  function matches(query) {
    try { return !!(window.matchMedia && window.matchMedia(query).matches); } catch (e) { return false; }
  }

  web.device = {
    language: function () {
      return (navigator.languages && navigator.languages[0]) || navigator.language || "en";
    },
    isMac: function () {
      var p = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "";
      return /mac|iphone|ipad|ipod/i.test(p);
    },
    isTouchScreen: function () { return matches("(pointer: coarse)"); },
    // prefers-reduced-motion and prefers-contrast: more, as Preference bits; web/a11y.js reports
    // later changes.
    preferences: function () {
      var codes = web.codes;
      return (matches("(prefers-reduced-motion: reduce)") ? codes.Preference.ReducedMotion : 0) |
        (matches("(prefers-contrast: more)") ? codes.Preference.MoreContrast : 0);
    },
    randomHex: function (bytes) {
      var a = new Uint8Array(bytes);
      window.crypto.getRandomValues(a);
      var out = "";
      for (var i = 0; i < a.length; i++) out += (a[i] < 16 ? "0" : "") + a[i].toString(16);
      return out;
    }
  };
})();
