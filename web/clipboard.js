// The system clipboard: text the console copies goes there, and the browser's paste event is
// the one way text gets in (it needs no permission). SDL would cancel Ctrl+V's keydown, and then
// the browser sends no paste event, so the key is kept from it.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};

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

  function copy(text) {
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

  // The capture phase on window runs before SDL's listener.
  window.addEventListener("keydown", function (e) {
    if (isPasteShortcut(e) && !isEditable(e.target)) e.stopImmediatePropagation();
  }, true);

  document.addEventListener("paste", function (e) {
    if (isEditable(e.target)) return;
    var text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    e.preventDefault();
    if (text) web.bridge.call("rc_on_paste", [text]);
  });

  web.clipboard = { copy: copy };
})();
