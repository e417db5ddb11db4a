// Text without a keypress: input methods, dictation, autofill. SDL turns keypresses into text,
// but an input method's composition (Japanese, Chinese, dead keys on some systems), dictation
// and automation's insertText arrive only as input events on a focused editable element. While
// ImGui edits a field, this hidden textarea has the focus; keys still bubble to SDL, and SDL
// cancels the keypresses it handled, so nothing arrives twice.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
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
      if (text) web.bridge.call("rc_on_text", [text]);
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

  // Called by the wasm after every drawn frame: focus follows ImGui's wish to edit text, and the
  // textarea sits at the caret so an input method's candidate window opens there.
  function follow(active, x, y, numeric) {
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

  web.textAgent = { follow: follow };
})();
