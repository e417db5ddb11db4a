// Kiosk mode: full screen on a touch, click or key (browsers allow it only then), no long-press
// menu, and other pages (the invitation page) opened in this same window.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  var on = false;

  // Asks on each touch, click or key until the page is full screen (a visitor who leaves it is
  // put back on the next touch).
  function enter() {
    if (on) return;
    on = true;
    function fullScreen() {
      var el = document.documentElement;
      if (document.fullscreenElement || !el.requestFullscreen) return;
      try {
        var asked = el.requestFullscreen({ navigationUI: "hide" });
        if (asked && asked.catch) asked.catch(function () { /* refused: the page stays as it is */ });
      } catch (e) { /* not allowed here */ }
    }
    ["pointerup", "keydown"].forEach(function (type) { window.addEventListener(type, fullScreen, true); });
    // A long press would open the browser's menu over the kiosk.
    document.addEventListener("contextmenu", function (e) { e.preventDefault(); });
  }

  // Another page in this same window (a kiosk has no other): http(s) or a path on this site only.
  function openPage(url) {
    if (!/^https?:\/\//i.test(url) && !(url.charAt(0) === "/" && url.charAt(1) !== "/")) return;
    window.location.assign(url);
  }

  web.kiosk = { enter: enter, openPage: openPage };
})();
