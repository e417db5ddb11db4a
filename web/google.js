// Sign in with Google: loads Google's script once the wasm asks (the config names a client id),
// renders Google's own button where the sign-in screen keeps room for it, and reports to the
// wasm how the script fared (a codes.GoogleStatus) and the credential a click yields. The
// status lives here once; the wasm pushes each change on to the store (src/web/google_sign_in.*).
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  var codes = web.codes;
  var SCRIPT = "https://accounts.google.com/gsi/client";
  var TIMEOUT_MS = 8000;

  var status = codes.GoogleStatus.NotConfigured;
  var clientId = "";
  // What the button was last rendered for, and where the console wants it.
  var rendered = { width: 0, locale: "" };
  var slot = { visible: false, x: 0, y: 0, w: 0, h: 0, locale: "en" };

  function gis() {
    var g = window.google;
    return g && g.accounts && g.accounts.id ? g.accounts.id : null;
  }

  function report(next) {
    status = next;
    web.bridge.call("rc_on_google_status", [status]);
  }

  function buttonElement() { return document.getElementById("google-signin"); }

  function render() {
    var id = gis(), el = buttonElement();
    if (!id || !el || status !== codes.GoogleStatus.Ready) return;
    // Google's button is 200 to 400 px wide; it draws its own text in the given language.
    var width = Math.round(Math.max(200, Math.min(400, slot.w || 300)));
    if (rendered.width === width && rendered.locale === slot.locale) return;
    rendered = { width: width, locale: slot.locale };
    el.textContent = "";
    id.renderButton(el, { type: "standard", theme: "outline", size: "large", text: "signin_with",
      shape: "rectangular", logo_alignment: "left", width: width, locale: slot.locale });
  }

  function place() {
    var el = buttonElement();
    if (!el) return;
    if (!slot.visible || status !== codes.GoogleStatus.Ready) { el.hidden = true; return; }
    render();
    var canvas = document.getElementById("canvas");
    var r = canvas ? canvas.getBoundingClientRect() : { left: 0, top: 0 };
    el.style.left = (r.left + slot.x) + "px";
    el.style.top = (r.top + slot.y) + "px";
    el.style.width = slot.w + "px";
    el.style.height = slot.h + "px";
    el.hidden = false;
  }

  function loaded() {
    var id = gis();
    if (!id) { report(codes.GoogleStatus.Unavailable); return; }
    try {
      id.initialize({
        client_id: clientId,
        callback: function (response) {
          if (response && response.credential) web.bridge.call("rc_on_google_credential", [response.credential]);
        },
        auto_select: false,
        cancel_on_tap_outside: true
      });
    } catch (e) {
      report(codes.GoogleStatus.Unavailable);
      return;
    }
    status = codes.GoogleStatus.Ready;
    place();
    report(codes.GoogleStatus.Ready);
  }

  // Loads the script once; asked again (the store started over), says again how it fared.
  function start(id) {
    if (status !== codes.GoogleStatus.NotConfigured) {
      if (status !== codes.GoogleStatus.Loading) report(status);
      return;
    }
    status = codes.GoogleStatus.Loading;
    clientId = id;
    var settled = false;
    function settle(ok) {
      if (ok) {
        settled = true;
        loaded();
      } else if (!settled) {
        settled = true;
        report(codes.GoogleStatus.Unavailable);
      }
    }
    // A script that is slow rather than blocked still works when it arrives after the timeout.
    var timer = setTimeout(function () { settle(false); }, TIMEOUT_MS);
    var script = document.createElement("script");
    script.src = SCRIPT;
    script.async = true;
    script.onload = function () { clearTimeout(timer); settle(true); };
    script.onerror = function () { clearTimeout(timer); settle(false); };
    document.head.appendChild(script);
  }

  function signedOut() {
    var id = gis();
    if (id && status === codes.GoogleStatus.Ready) {
      try { id.disableAutoSelect(); } catch (e) { /* nothing to undo */ }
    }
  }

  window.addEventListener("resize", place);

  web.google = {
    start: start,
    place: function (visible, x, y, w, h, locale) {
      slot = { visible: !!visible, x: x, y: y, w: w, h: h, locale: locale || "en" };
      place();
    },
    signedOut: signedOut
  };
})();
