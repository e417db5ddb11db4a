// The accessibility mirror's consumer: an off-screen DOM tree kept in step with the diffs the
// console's frames produce (src/ui/a11y_tree.*), so screen readers, voice control, switch
// devices and the keyboard reach what the canvas draws. Each element sits over the place its
// item is drawn, invisible (opacity 0, never display:none); pointer input on it goes on to the
// canvas, and what assistive technology does to it (click, focus, typing) goes back to the wasm.
// Idle, nothing runs here: the wasm calls apply() only for frames whose tree changed.
(function () {
  "use strict";

  // Must match rc::ui::a11y::State in src/ui/a11y_tree.h.
  var DISABLED = 1, SELECTED = 2, INVALID = 4, READONLY = 8, CURRENT = 16, ASSERTIVE = 32, MODAL = 64;
  var ACTIVATABLE = { button: 1, link: 1, tab: 1, checkbox: 1, radio: 1, option: 1, row: 1 };
  var FIELD = { textbox: 1, spinbutton: 1 };

  var root = null, statusRegion = null, alertRegion = null, skip = null, canvas = null;
  var nodes = Object.create(null);  // key -> {key, el, role, parent, states, id}
  var applying = false;             // focus moves made here are not reported back
  var pointerTarget = null;         // the element a forwarded mouse press went to
  var opener = null;                // what had the focus when a dialog opened
  var pendingRow = null;            // Home/End in a list: the row to focus once it is drawn
  var applyMs = 0, applyCount = 0;
  var composing = false;
  var canvasRect = null;            // an input method is composing in a mirrored field

  function exported(name) {
    var M = window.Module;
    return M && M.calledRun && typeof M["_" + name] === "function" ? M["_" + name] : null;
  }
  function call(name, args) {
    var fn = exported(name);
    if (fn) fn.apply(null, args);
  }
  function setText(key, text) {
    if (window.rcPlatform && window.rcPlatform.toHeap && exported("rc_a11y_set_text")) {
      var ptr = window.rcPlatform.toHeap(text);
      try { exported("rc_a11y_set_text")(key, ptr); } finally { window.Module._free(ptr); }
    }
  }

  function nodeOf(el) {
    for (; el && el !== root; el = el.parentNode) if (el.rcKey !== undefined) return nodes[el.rcKey];
    return null;
  }

  // --- the tree ---------------------------------------------------------------------------

  function tagFor(role, attrs) {
    switch (role) {
      case "button": case "tab": case "checkbox": case "radio": case "option": return "button";
      case "link": return "a";
      case "textbox": case "spinbutton": return "input";
      case "heading": return "h" + Math.min(6, Math.max(1, attrs.level || 2));
      case "main": return "main";
      case "navigation": return "nav";
      case "banner": return "header";
      default: return "div";
    }
  }

  function create(key, role, attrs) {
    var el = document.createElement(tagFor(role, attrs));
    el.rcKey = key;
    el.id = "a11y-" + key;
    el.dataset.rcA11y = "1";
    switch (role) {
      case "button": el.type = "button"; break;
      case "tab": case "checkbox": case "radio": case "option": el.type = "button"; el.setAttribute("role", role); break;
      case "link": el.href = "#"; break;
      case "textbox": case "spinbutton":
        el.type = "text";
        el.autocomplete = "off";
        el.spellcheck = false;
        if (role === "spinbutton") { el.setAttribute("role", "spinbutton"); el.inputMode = "numeric"; }
        break;
      case "main": el.tabIndex = -1; el.id = "rc-main"; break;
      case "grid": case "row": case "gridcell": case "columnheader": case "dialog": case "tablist": case "img": case "alert":
        el.setAttribute("role", role);
        break;
      case "error": el.className = "a11y-error"; break;
    }
    if (role === "row") el.tabIndex = -1;
    return el;
  }

  function setAttr(el, name, value) {
    if (value === null || value === undefined || value === false) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) {
      el.setAttribute(name, String(value));
    }
  }

  function update(entry) {
    var key = entry[0], parent = entry[1], role = entry[2], name = entry[3], value = entry[4];
    var x = entry[5], y = entry[6], w = entry[7], h = entry[8], states = entry[9], attrs = entry[10] || {};
    var n = nodes[key];
    var tag = tagFor(role, attrs).toUpperCase();
    if (n && (n.role !== role || n.el.tagName !== tag)) {
      var old = n.el, fresh = create(key, role, attrs);
      while (old.firstChild) fresh.appendChild(old.firstChild);
      if (old.parentNode) old.parentNode.replaceChild(fresh, old);
      n.el = fresh;
    }
    if (!n) n = nodes[key] = { key: key, el: create(key, role, attrs) };
    var el = n.el;
    n.role = role; n.parent = parent; n.states = states; n.name = name;
    var r = canvasRect;
    var s = el.style;
    s.left = (r.left + x) + "px"; s.top = (r.top + y) + "px"; s.width = w + "px"; s.height = h + "px";

    if (FIELD[role]) {
      setAttr(el, "aria-label", name);
      if (el.value !== value && !composing) el.value = value;
      setAttr(el, "placeholder", attrs.placeholder || null);
      el.readOnly = !!(states & READONLY);
      if (role === "spinbutton") {
        setAttr(el, "aria-valuemin", attrs.min); setAttr(el, "aria-valuemax", attrs.max); setAttr(el, "aria-valuenow", attrs.now);
      }
    } else if (role === "grid" || role === "dialog" || role === "tablist" || role === "img" || role === "navigation") {
      setAttr(el, "aria-label", name || null);
      if (role === "grid") { setAttr(el, "aria-rowcount", attrs.rowcount); setAttr(el, "aria-colcount", attrs.colcount); }
      if (role === "dialog") setAttr(el, "aria-modal", states & MODAL ? "true" : null);
    } else if (role === "row") {
      setAttr(el, "aria-rowindex", attrs.rowindex);
    } else {
      // Text of its own first, then any child elements.
      var t = el.firstChild;
      if (t && t.nodeType === 3) { if (t.data !== name) t.data = name; } else if (name) el.insertBefore(document.createTextNode(name), el.firstChild);
    }
    setAttr(el, "aria-disabled", states & DISABLED ? "true" : null);
    if (role === "tab") { setAttr(el, "aria-selected", states & SELECTED ? "true" : "false"); el.tabIndex = states & SELECTED ? 0 : -1; }
    if (role === "link") setAttr(el, "aria-current", states & CURRENT ? "page" : null);
    if (role === "toast") { setAttr(el, "role", null); n.assertive = !!(states & ASSERTIVE); }
  }

  function remove(key) {
    var n = nodes[key];
    if (!n) return;
    delete nodes[key];
    if (n.el.parentNode) n.el.parentNode.removeChild(n.el);
  }

  // Children in the order the frame drew them (so Tab follows the screen); toasts go to a live region.
  function reorder(parentKey, keys) {
    var container = parentKey === 0 ? root : nodes[parentKey] && nodes[parentKey].el;
    if (!container) return;
    var prev = null;
    for (var i = 0; i < keys.length; i++) {
      var n = nodes[keys[i]];
      if (!n) continue;
      var target = container;
      if (n.role === "toast") target = n.assertive ? alertRegion : statusRegion;
      if (target !== container) { if (n.el.parentNode !== target) target.appendChild(n.el); continue; }
      var want = prev ? prev.nextSibling : firstElementChild(container);
      if (n.el !== want) container.insertBefore(n.el, want);
      prev = n.el;
    }
  }

  function firstElementChild(el) {
    var c = el.firstChild;
    while (c && c.nodeType !== 1) c = c.nextSibling;
    return c;
  }

  // A field followed by its error line: aria-invalid, and the error read as its description.
  function linkErrors(container) {
    var fields = container.querySelectorAll("input[data-rc-a11y]");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i], next = f.nextElementSibling;
      var error = next && next.className === "a11y-error" ? next : null;
      setAttr(f, "aria-invalid", error ? "true" : null);
      setAttr(f, "aria-describedby", error ? error.id : null);
    }
  }

  function dialogs() { return root.querySelectorAll("[role=dialog]"); }

  function focusables(within) {
    return within.querySelectorAll("button:not([tabindex='-1']), a[href], input, [tabindex='0']");
  }

  function focusEl(el) {
    if (!el || !el.isConnected) return;
    applying = true;
    try { el.focus({ preventScroll: true }); } finally { applying = false; }
  }

  function apply(json) {
    var t0 = performance.now();
    var d = JSON.parse(json);
    canvasRect = canvas.getBoundingClientRect();  // once per diff: reading layout between style writes forces a reflow each time
    var hadDialog = dialogs().length > 0;
    if (d.lang) { document.documentElement.lang = d.lang; skip.textContent = d.skip; }
    var i;
    if (d.n) for (i = 0; i < d.n.length; i++) update(d.n[i]);
    if (d.d) for (i = 0; i < d.d.length; i++) remove(d.d[i]);
    if (d.o) {
      // Parents before children, so a child's container exists when it is placed.
      for (i = 0; i < d.o.length; i++) reorder(d.o[i][0], d.o[i][1]);
      linkErrors(root);
    }
    var open = dialogs();
    var active = document.activeElement;
    // Focus is moved here only for someone already in the mirror (keyboard, screen reader): a
    // pointer or a finger on the canvas keeps the page's own text path (the hidden text agent).
    var ours = root.contains(active) || active === skip;
    // A modal dialog: the rest is inert; focus goes in, and back to its opener when it closes.
    for (var c = root.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      var inert = open.length > 0 && c.getAttribute("role") !== "dialog";
      if (c.inert !== inert) c.inert = inert;
    }
    if (d.f !== undefined && nodes[d.f]) {
      if (ours) focusEl(nodes[d.f].el);
    } else if (open.length && !hadDialog) {
      if (root.contains(active) || active === skip) opener = active;
      if (ours) { var f = focusables(open[open.length - 1]); focusEl(f.length ? f[0] : open[open.length - 1]); }
    } else if (!open.length && hadDialog) {
      if (opener && opener.isConnected && (ours || !active || active === document.body)) focusEl(opener);
      else if (ours && document.getElementById("rc-main")) focusEl(document.getElementById("rc-main"));
      opener = null;
    }
    skip.hidden = !document.getElementById("rc-main");
    if (pendingRow && d.o) {
      var rows = pendingRow.grid.isConnected ? pendingRow.grid.querySelectorAll("[role=row]:not([aria-rowindex='1'])") : [];
      if (rows.length) { focusEl(pendingRow.last ? rows[rows.length - 1] : rows[0]); pendingRow = null; }
    }
    applyMs += performance.now() - t0;
    applyCount++;
  }

  // --- pointer input goes on to the canvas ------------------------------------------------

  function forward(e) {
    if (!canvas) return;
    var copy;
    if (e.type === "wheel") copy = new WheelEvent(e.type, e);
    else if (e.type.indexOf("touch") === 0) {
      copy = new TouchEvent(e.type, { bubbles: true, cancelable: true, touches: Array.prototype.slice.call(e.touches),
        targetTouches: Array.prototype.slice.call(e.targetTouches), changedTouches: Array.prototype.slice.call(e.changedTouches),
        ctrlKey: e.ctrlKey, shiftKey: e.shiftKey, altKey: e.altKey, metaKey: e.metaKey });
    } else copy = new MouseEvent(e.type, e);
    e.stopPropagation();
    canvas.dispatchEvent(copy);
    // As on the canvas: what SDL cancelled (a wheel's scroll, a touch's mouse emulation) is cancelled
    // here too; a press still focuses the element under it.
    if (copy.defaultPrevented && e.cancelable && e.type !== "mousedown") e.preventDefault();
  }

  function onPointer(e) {
    if (e.type === "mousedown") pointerTarget = e.target;
    forward(e);
  }

  // --- what assistive technology and the keyboard do ---------------------------------------

  function onClick(e) {
    var n = nodeOf(e.target);
    if (!n) return;
    if (n.role === "link") e.preventDefault();
    // A real pointer click already reached the canvas item under it.
    if (e.detail > 0 && pointerTarget && (pointerTarget === e.target || pointerTarget.contains(e.target))) { pointerTarget = null; return; }
    pointerTarget = null;
    if (ACTIVATABLE[n.role]) call("rc_a11y_activate", [n.key]);
  }

  function siblingsOfRole(el, role, scopeRole) {
    var scope = el.closest("[role=" + scopeRole + "]");
    return scope ? Array.prototype.slice.call(scope.querySelectorAll("[role=" + role + "]")) : [];
  }

  function onKeyDown(e) {
    var n = nodeOf(e.target);
    if (!n) return;
    var key = e.key;
    if (key === "Tab") { e.stopPropagation(); return; }  // the browser moves the focus; ImGui follows
    if ((key === "Enter" || key === " ") && ACTIVATABLE[n.role] && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault(); e.stopPropagation();
      if (!e.repeat) call("rc_a11y_activate", [n.key]);
      return;
    }
    if (n.role === "tab" && (key === "ArrowLeft" || key === "ArrowRight" || key === "Home" || key === "End")) {
      var tabs = siblingsOfRole(e.target, "tab", "tablist"), at = tabs.indexOf(e.target);
      var to = key === "Home" ? 0 : key === "End" ? tabs.length - 1 : (at + (key === "ArrowRight" ? 1 : -1) + tabs.length) % tabs.length;
      e.preventDefault(); e.stopPropagation();
      if (tabs[to]) { tabs[to].focus(); call("rc_a11y_activate", [nodes[tabs[to].rcKey].key]); }
      return;
    }
    if (n.role === "spinbutton" && (key === "ArrowUp" || key === "ArrowDown")) {
      var v = parseInt(e.target.value, 10) || 0, lo = +e.target.getAttribute("aria-valuemin"), hi = +e.target.getAttribute("aria-valuemax");
      v = Math.max(lo, Math.min(hi, v + (key === "ArrowUp" ? 1 : -1)));
      e.preventDefault(); e.stopPropagation();
      setText(n.key, String(v));
      return;
    }
    var row = e.target.closest("[role=row]");
    if (row && !FIELD[n.role] && (key === "ArrowUp" || key === "ArrowDown" || key === "Home" || key === "End")) {
      var grid = row.closest("[role=grid]");
      var rows = Array.prototype.slice.call(grid.querySelectorAll("[role=row]:not([aria-rowindex='1'])"));
      var i = rows.indexOf(row);
      if (key === "Home" || key === "End") {
        // The list scrolls to its first or last row (ImGui takes the key); focus follows when drawn.
        pendingRow = { grid: grid, last: key === "End" };
        return;
      }
      var next = rows[i + (key === "ArrowDown" ? 1 : -1)];
      if (i < 0) next = rows[0];
      e.preventDefault(); e.stopPropagation();
      if (next) {
        // The same column's control in the next row, else the row itself.
        var same = e.target === row ? null : next.querySelector(e.target.tagName.toLowerCase());
        (same || next).focus();
      }
    }
  }

  function onFocusIn(e) {
    if (applying) return;
    var n = nodeOf(e.target);
    if (!n) return;
    var visible = false;
    try { visible = e.target.matches(":focus-visible"); } catch (err) { visible = true; }
    call("rc_a11y_focus", [n.key, visible ? 1 : 0]);
  }

  function onFocusOut(e) {
    if (applying || (e.relatedTarget && root.contains(e.relatedTarget))) return;
    call("rc_a11y_focus", [0, 0]);
  }

  // Text arriving without keys (an input method, dictation, insertText) goes in at ImGui's caret,
  // in order with the keys around it (the page's text path, as for the hidden text agent); a
  // replacement of the whole value (fill(), a screen reader setting the value) replaces ImGui's.
  var replacingAll = false;
  function onBeforeInput(e) {
    var el = e.target;
    replacingAll = el.value.length > 0 && el.selectionStart === 0 && el.selectionEnd === el.value.length;
  }

  function onInput(e) {
    var n = nodeOf(e.target);
    if (e.type === "compositionstart") { composing = true; return; }
    if (e.type === "compositionend") composing = false;
    if (!n || !FIELD[n.role] || e.isComposing) return;
    // An input method's result comes with compositionend; typed text with its input event.
    var typed = e.data && !replacingAll && (e.type === "compositionend" || /^insert/.test(e.inputType || ""));
    replacingAll = false;
    if (typed && window.rcPlatform && exported("rc_a11y_input")) {
      var a = window.rcPlatform.toHeap(e.data.replace(/[\u0000-\u001f\u007f]/g, "")), b = window.rcPlatform.toHeap(e.target.value);
      try { exported("rc_a11y_input")(n.key, a, b); } finally { window.Module._free(a); window.Module._free(b); }
    } else if (e.type === "input") {
      setText(n.key, e.target.value);
    }
  }

  function init() {
    canvas = document.getElementById("canvas");
    root = document.getElementById("a11y");
    if (!canvas || !root) return;
    statusRegion = document.createElement("div");
    statusRegion.setAttribute("role", "status");
    alertRegion = document.createElement("div");
    alertRegion.setAttribute("role", "alert");
    root.parentNode.insertBefore(statusRegion, root.nextSibling);
    root.parentNode.insertBefore(alertRegion, statusRegion.nextSibling);
    statusRegion.className = alertRegion.className = "a11y-region";
    skip = document.getElementById("skip-link");
    skip.addEventListener("click", function (e) {
      e.preventDefault();
      var main = document.getElementById("rc-main");
      if (!main) return;
      var f = focusables(main);
      (f.length ? f[0] : main).focus();
    });
    ["mousedown", "mouseup", "mousemove", "wheel", "touchstart", "touchmove", "touchend", "touchcancel"].forEach(function (type) {
      root.addEventListener(type, onPointer, { capture: true, passive: false });
    });
    // Moving from the canvas onto an element over it is not leaving the console: SDL would drop the hover.
    canvas.addEventListener("mouseleave", function (e) {
      if (e.relatedTarget && root.contains(e.relatedTarget)) e.stopImmediatePropagation();
    }, true);
    root.addEventListener("click", onClick);
    root.addEventListener("keydown", onKeyDown);
    root.addEventListener("focusin", onFocusIn);
    root.addEventListener("focusout", onFocusOut);
    root.addEventListener("beforeinput", onBeforeInput);
    root.addEventListener("input", onInput);
    root.addEventListener("compositionstart", onInput);
    root.addEventListener("compositionend", onInput);
  }

  // The browser's reduced-motion and contrast wishes, when they change while the console runs.
  function watchPreferences() {
    if (!window.matchMedia) return;
    var motion = window.matchMedia("(prefers-reduced-motion: reduce)"), more = window.matchMedia("(prefers-contrast: more)");
    function tell() { call("rc_set_preferences", [(motion.matches ? 1 : 0) | (more.matches ? 2 : 0)]); }
    [motion, more].forEach(function (q) {
      if (q.addEventListener) q.addEventListener("change", tell); else if (q.addListener) q.addListener(tell);
    });
  }
  watchPreferences();

  window.rcA11y = {
    apply: apply,
    // Time spent applying diffs here, for the benchmark.
    stats: function () { return { applyMs: applyMs, applies: applyCount, elements: root ? root.getElementsByTagName("*").length : 0 }; }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
