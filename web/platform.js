// The console's bridges to the browser: saved session, address bar, clipboard, downloads and
// Google's sign-in library. The wasm calls window.rcPlatform through one-line EM_JS stubs
// (src/web/web_platform.cpp) and is called back through its exported rc_on_* functions.
// Loaded before console.js; CSP allows no inline scripts, so everything lives here.
(function () {
  "use strict";

  var SESSION_KEY = "resellerConsole.session";
  var GOOGLE_SCRIPT = "https://accounts.google.com/gsi/client";
  var GOOGLE_TIMEOUT_MS = 8000;
  // Must match rc::GoogleStatus in src/core/store.h.
  var GOOGLE_READY = 2, GOOGLE_UNAVAILABLE = 3;

  // --- calling the wasm -----------------------------------------------------------------------

  function exported(name) {
    var M = window.Module;
    return M && M.calledRun && typeof M["_" + name] === "function" ? M["_" + name] : null;
  }

  // Passes a string through the heap (malloc, not the stack: pasted text can be large).
  function callWithString(name, text, before) {
    var fn = exported(name);
    if (!fn) return false;
    var ptr = window.rcPlatform.toHeap(text);
    try {
      fn.apply(null, (before || []).concat([ptr]));
    } finally {
      window.Module._free(ptr);
    }
    return true;
  }

  // --- saved session ------------------------------------------------------------------------

  // localStorage can throw (storage turned off, private mode quota): then nothing is kept.
  var session = {
    load: function () {
      try { return window.localStorage.getItem(SESSION_KEY) || ""; } catch (e) { return ""; }
    },
    save: function (json) {
      try {
        if (json) window.localStorage.setItem(SESSION_KEY, json);
        else window.localStorage.removeItem(SESSION_KEY);
      } catch (e) { /* kept in memory only */ }
    }
  };

  // Small settings of this device (table columns), under keys the console names.
  var settings = {
    load: function (key) {
      try { return window.localStorage.getItem(key) || ""; } catch (e) { return ""; }
    },
    save: function (key, value) {
      try { window.localStorage.setItem(key, value); } catch (e) { /* kept for this visit only */ }
    }
  };

  // --- address bar --------------------------------------------------------------------------

  // The fragment the wasm last saw or set: back/forward fire both popstate and hashchange.
  var knownHash = window.location.hash;

  var route = {
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
    callWithString("rc_on_address_changed", knownHash);
  }
  window.addEventListener("popstate", onAddressChanged);
  window.addEventListener("hashchange", onAddressChanged);

  // --- clipboard ----------------------------------------------------------------------------

  // For pages served over plain HTTP (not localhost), where navigator.clipboard is missing.
  function copyWithTextarea(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "0";
    area.style.width = "1px";
    area.style.height = "1px";
    area.style.opacity = "0";
    var focused = document.activeElement;
    document.body.appendChild(area);
    area.focus();
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (focused && typeof focused.focus === "function") focused.focus();
    return ok;
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(text).catch(function () { copyWithTextarea(text); });
    } else {
      copyWithTextarea(text);
    }
  }

  function isPasteShortcut(e) {
    if (e.altKey) return false;
    var key = (e.key || "").toLowerCase();
    // Layouts without Latin letters report another key; the physical V key still pastes.
    var vKey = key === "v" || (!/^[a-z]$/.test(key) && e.code === "KeyV");
    return ((e.ctrlKey || e.metaKey) && vKey) || (e.shiftKey && !e.ctrlKey && !e.metaKey && e.key === "Insert");
  }

  function isEditable(el) {
    // Ours: the console's own typing (the text agent, the accessibility mirror's fields).
    if (el && el.dataset && (el.dataset.rcTextAgent || el.dataset.rcA11y)) return false;
    return !!el && (el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA");
  }

  // SDL cancels Ctrl+V's keydown, and then the browser sends no paste event: keep the key from
  // SDL (capture phase on window runs before its listener) so the paste event below comes.
  window.addEventListener("keydown", function (e) {
    if (isPasteShortcut(e) && !isEditable(e.target)) e.stopImmediatePropagation();
  }, true);

  // The browser's paste event is the one way text gets into the console: it needs no permission.
  document.addEventListener("paste", function (e) {
    if (isEditable(e.target)) return;
    var text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    e.preventDefault();
    if (text) callWithString("rc_on_paste", text);
  });

  // --- text without a keypress: input methods, dictation, autofill ---------------------------

  // SDL turns keypresses into text, but an input method's composition (Japanese, Chinese,
  // dead keys on some systems), dictation and automation's insertText arrive only as input
  // events on a focused editable element. While ImGui edits a field, this hidden textarea has
  // the focus; keys still bubble to SDL, and SDL cancels the keypresses it handled, so nothing
  // arrives twice.
  var agent = null;

  function textAgent() {
    if (agent) return agent;
    agent = document.createElement("textarea");
    agent.dataset.rcTextAgent = "1";
    agent.setAttribute("aria-hidden", "true");
    agent.setAttribute("autocomplete", "off");
    agent.setAttribute("autocapitalize", "off");
    agent.setAttribute("spellcheck", "false");
    agent.tabIndex = -1;
    agent.style.cssText = "position:fixed;left:0;top:0;width:2px;height:2px;opacity:0;padding:0;border:0;" +
      "resize:none;overflow:hidden;pointer-events:none;z-index:-1";
    function flush() {
      var text = agent.value.replace(/[\u0000-\u001f\u007f]/g, "");
      agent.value = "";
      if (text) callWithString("rc_on_text", text);
    }
    agent.addEventListener("input", function (e) { if (!e.isComposing) flush(); });
    agent.addEventListener("compositionend", flush);
    document.body.appendChild(agent);
    // Phones and tablets open their keyboard only for a focus that happens inside the tap
    // itself; the console decides a frame later. So a tap that lands on a field (as drawn in
    // the last frame) focuses the textarea right away, and the frame after confirms it.
    var canvas = document.getElementById("canvas");
    if (canvas) {
      canvas.addEventListener("pointerup", function (e) {
        if (e.pointerType !== "touch" || !window.resellerConsole) return;
        var list;
        try { list = window.resellerConsole.items(); } catch (err) { return; }
        var onField = list.some(function (it) {
          return it.kind === "input" && !it.disabled && e.clientX >= it.x && e.clientX <= it.x + it.w &&
            e.clientY >= it.y && e.clientY <= it.y + it.h;
        });
        if (onField && document.activeElement !== agent) agent.focus({ preventScroll: true });
      });
    }
    return agent;
  }

  // Called after every drawn frame: focus follows ImGui's wish to edit text, and the textarea
  // sits at the caret so an input method's candidate window opens there.
  function textInput(active, x, y, numeric) {
    var el = textAgent();
    var focused = document.activeElement;
    // A field of the accessibility mirror (web/a11y.js) takes the text itself.
    if (active && focused && focused.dataset && focused.dataset.rcA11y && focused.tagName === "INPUT") return;
    // The keyboard with digits for counts; the full one for everything else.
    var mode = numeric ? "numeric" : "text";
    if (el.getAttribute("inputmode") !== mode) el.setAttribute("inputmode", mode);
    if (active) {
      var r = document.getElementById("canvas").getBoundingClientRect();
      el.style.left = Math.round(r.left + x) + "px";
      el.style.top = Math.round(r.top + y) + "px";
      if (document.activeElement !== el) el.focus({ preventScroll: true });
    } else if (document.activeElement === el) {
      el.blur();
    }
  }

  // --- downloads ----------------------------------------------------------------------------

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

  // Reports (id, HTTP status or 0, body of a failed answer) to the wasm, which words the error.
  function downloadDone(id, status, body) {
    callWithString("rc_on_download_done", body || "", [id, status]);
  }

  function download(id, method, url, headersJson, body, filename) {
    var init = { method: method, headers: JSON.parse(headersJson || "{}"), credentials: "same-origin", cache: "no-store" };
    if (body) init.body = body;
    fetch(url, init).then(function (res) {
      if (!res.ok) {
        return res.text().then(function (text) { downloadDone(id, res.status, text.slice(0, 65536)); },
          function () { downloadDone(id, res.status, ""); });
      }
      return res.blob().then(function (blob) {
        saveBlob(blob, filename);
        downloadDone(id, res.status, "");
      });
    }).catch(function () { downloadDone(id, 0, ""); });
  }

  // --- Google sign-in -----------------------------------------------------------------------

  var google = {
    started: false,
    ready: false,
    clientId: "",
    // What the button was last rendered for, and where the console wants it.
    rendered: { width: 0, locale: "" },
    slot: { visible: false, x: 0, y: 0, w: 0, h: 0, locale: "en" }
  };

  function gis() {
    var g = window.google;
    return g && g.accounts && g.accounts.id ? g.accounts.id : null;
  }

  function googleStatus(status) {
    var fn = exported("rc_on_google_status");
    if (fn) fn(status);
  }

  function buttonElement() { return document.getElementById("google-signin"); }

  function renderGoogleButton() {
    var id = gis(), el = buttonElement(), slot = google.slot;
    if (!id || !el || !google.ready) return;
    // Google's button is 200 to 400 px wide; it draws its own text in the given language.
    var width = Math.round(Math.max(200, Math.min(400, slot.w || 300)));
    if (google.rendered.width === width && google.rendered.locale === slot.locale) return;
    google.rendered = { width: width, locale: slot.locale };
    el.textContent = "";
    id.renderButton(el, { type: "standard", theme: "outline", size: "large", text: "signin_with",
      shape: "rectangular", logo_alignment: "left", width: width, locale: slot.locale });
  }

  function placeGoogleButton() {
    var el = buttonElement(), slot = google.slot;
    if (!el) return;
    var show = slot.visible && google.ready;
    if (!show) { el.hidden = true; return; }
    renderGoogleButton();
    var canvas = document.getElementById("canvas");
    var r = canvas ? canvas.getBoundingClientRect() : { left: 0, top: 0 };
    el.style.left = (r.left + slot.x) + "px";
    el.style.top = (r.top + slot.y) + "px";
    el.style.width = slot.w + "px";
    el.style.height = slot.h + "px";
    el.hidden = false;
  }

  function onGoogleLoaded() {
    var id = gis();
    if (!id) { googleStatus(GOOGLE_UNAVAILABLE); return; }
    try {
      id.initialize({
        client_id: google.clientId,
        callback: function (response) {
          if (response && response.credential) callWithString("rc_on_google_credential", response.credential);
        },
        auto_select: false,
        cancel_on_tap_outside: true
      });
    } catch (e) {
      googleStatus(GOOGLE_UNAVAILABLE);
      return;
    }
    google.ready = true;
    placeGoogleButton();
    googleStatus(GOOGLE_READY);
  }

  function startGoogle(clientId) {
    if (google.started) return;
    google.started = true;
    google.clientId = clientId;
    var settled = false;
    function settle(ok) {
      if (ok) {
        settled = true;
        onGoogleLoaded();
      } else if (!settled) {
        settled = true;
        googleStatus(GOOGLE_UNAVAILABLE);
      }
    }
    // A script that is slow rather than blocked still works when it arrives after the timeout.
    var timer = setTimeout(function () { settle(false); }, GOOGLE_TIMEOUT_MS);
    var script = document.createElement("script");
    script.src = GOOGLE_SCRIPT;
    script.async = true;
    script.onload = function () { clearTimeout(timer); settle(true); };
    script.onerror = function () { clearTimeout(timer); settle(false); };
    document.head.appendChild(script);
  }

  function googleSignedOut() {
    var id = gis();
    if (id && google.ready) {
      try { id.disableAutoSelect(); } catch (e) { /* nothing to undo */ }
    }
  }

  window.addEventListener("resize", placeGoogleButton);

  // --- kiosk mode ---------------------------------------------------------------------------

  // Browsers allow full screen only in answer to a touch, click or key: ask on each one until
  // the page is full screen (a visitor who leaves it is put back on the next touch).
  var kioskOn = false;
  function enterKiosk() {
    if (kioskOn) return;
    kioskOn = true;
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

  function isTouchScreen() {
    try { return window.matchMedia("(pointer: coarse)").matches; } catch (e) { return false; }
  }

  window.rcPlatform = {
    session: session,
    settings: settings,
    route: route,
    copyText: copyText,
    textInput: textInput,
    download: download,
    google: {
      start: startGoogle,
      place: function (visible, x, y, w, h, locale) {
        google.slot = { visible: !!visible, x: x, y: y, w: w, h: h, locale: locale || "en" };
        placeGoogleButton();
      },
      signedOut: googleSignedOut
    },
    // A malloc'ed UTF-8 copy of a string, for the wasm (which frees it).
    toHeap: function (text) {
      var M = window.Module, len = M.lengthBytesUTF8(text) + 1, ptr = M._malloc(len);
      M.stringToUTF8(text, ptr, len);
      return ptr;
    },
    language: function () {
      return (navigator.languages && navigator.languages[0]) || navigator.language || "en";
    },
    kiosk: { enter: enterKiosk },
    openPage: openPage,
    isTouchScreen: isTouchScreen,
    isMac: function () {
      var p = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "";
      return /mac|iphone|ipad|ipod/i.test(p);
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
