// The accessibility mirror's consumer: an off-screen DOM tree kept in step with the diffs the
// console's frames produce (src/ui/a11y/a11y_tree.*), so screen readers, voice control, switch
// devices and the keyboard reach what the canvas draws. Each element sits over the place its
// item is drawn, invisible (opacity 0, never display:none); pointer input on it goes on to the
// canvas, and what assistive technology does to it (click, focus, typing) goes back to the wasm.
// Idle, nothing runs here: the wasm calls apply() only for frames whose tree changed.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  var codes = web.codes;  // a node's states: A11yState (rc::ui::a11y::State)
  var ACTIVATABLE = { button: 1, link: 1, tab: 1, checkbox: 1, radio: 1, option: 1, row: 1 };
  var FIELD = { textbox: 1, spinbutton: 1 };

  var root = null, statusRegion = null, alertRegion = null, skip = null, canvas = null;
  var descriptions = null;          // hidden: the texts that describe nodes (why a control is disabled)
  var nodes = Object.create(null);  // key -> {key, el, role, parent, states, id}
  var applying = false;             // focus moves made here are not reported back
  var pointerTarget = null;         // the element a forwarded mouse press went to
  var opener = null;                // what had the focus when a dialog opened
  var pendingRow = null;            // a list scrolled by a key: {grid, index | first | last}, the row to focus once drawn
  var pendingTab = null;            // Tab at a scrolling dialog's edge: {from, back}, the focus goes on once drawn
  var imguiKey = 0;                 // the node ImGui's own focus was last on (a field edited by pointer, navigation)
  var applyMs = 0, applyCount = 0;
  var composing = false;           // an input method is composing in a mirrored field
  var canvasRect = null;           // the canvas's place, read once per diff (a read between style writes is a reflow)

  function call(name, args) { web.bridge.call(name, args); }
  function setText(key, text) { call("rc_a11y_set_text", [key, text]); }

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
      case "list": case "listitem":
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
      el.readOnly = !!(states & codes.A11yState.ReadOnly);
      if (role === "spinbutton") {
        setAttr(el, "aria-valuemin", attrs.min); setAttr(el, "aria-valuemax", attrs.max); setAttr(el, "aria-valuenow", attrs.now);
      }
    } else if (role === "grid" || role === "dialog" || role === "tablist" || role === "img" || role === "navigation" || role === "list") {
      setAttr(el, "aria-label", name || null);
      if (role === "grid") {
        setAttr(el, "aria-rowcount", attrs.rowcount); setAttr(el, "aria-colcount", attrs.colcount);
        n.calendar = !!attrs.calendar;  // a date picker's month: its keys go to the console
      }
      if (role === "dialog") setAttr(el, "aria-modal", states & codes.A11yState.Modal ? "true" : null);
    } else if (role === "row") {
      setAttr(el, "aria-rowindex", attrs.rowindex);
    } else if (role === "listitem") {
      setAttr(el, "aria-posinset", attrs.posinset); setAttr(el, "aria-setsize", attrs.setsize);
    } else {
      // Text of its own first, then any child elements.
      var t = el.firstChild;
      if (t && t.nodeType === 3) { if (t.data !== name) t.data = name; } else if (name) el.insertBefore(document.createTextNode(name), el.firstChild);
    }
    if (role === "columnheader") setAttr(el, "aria-sort", attrs.sort || null);
    if (role === "gridcell") setAttr(el, "aria-selected", states & codes.A11yState.Selected ? "true" : null);
    n.current = !!(states & codes.A11yState.Current);
    n.more = attrs.more || 0;  // a dialog or the main landmark: its content goes on below (1) or above (2)
    setAttr(el, "aria-disabled", states & codes.A11yState.Disabled ? "true" : null);
    describe(n, attrs.desc || "");
    if (role === "tab") { setAttr(el, "aria-selected", states & codes.A11yState.Selected ? "true" : "false"); el.tabIndex = states & codes.A11yState.Selected ? 0 : -1; }
    if (role === "link") setAttr(el, "aria-current", states & codes.A11yState.Current ? "page" : null);
    // A checkbox or a radio card must say whether it is on (ARIA requires aria-checked).
    if (role === "checkbox" || role === "radio") setAttr(el, "aria-checked", states & codes.A11yState.Selected ? "true" : "false");
    if (role === "toast") { setAttr(el, "role", null); n.assertive = !!(states & codes.A11yState.Assertive); }
  }

  // Why a control is disabled ("Needs the Buyer or Admin role"): a hidden text the element is
  // described by, so a screen reader says it after the control's name and state.
  function describe(n, text) {
    var id = "a11y-desc-" + n.key;
    var el = n.descEl;
    if (!text) {
      if (el) { el.parentNode.removeChild(el); n.descEl = null; }
    } else {
      if (!el) { el = n.descEl = document.createElement("div"); el.id = id; descriptions.appendChild(el); }
      if (el.textContent !== text) el.textContent = text;
    }
    if (!FIELD[n.role]) setAttr(n.el, "aria-describedby", text ? id : null);  // a field's is set with its error (linkErrors)
  }

  function remove(key) {
    var n = nodes[key];
    if (!n) return;
    if (n.descEl) { n.descEl.parentNode.removeChild(n.descEl); n.descEl = null; }
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
      var n = nodeOf(f), ids = [];
      if (error) ids.push(error.id);
      if (n && n.descEl) ids.push(n.descEl.id);
      setAttr(f, "aria-invalid", error ? "true" : null);
      setAttr(f, "aria-describedby", ids.length ? ids.join(" ") : null);
    }
  }

  function dialogs() { return root.querySelectorAll("[role=dialog]"); }



  function focusables(within) {
    return within.querySelectorAll("button:not([tabindex='-1']), a[href]:not([tabindex='-1']), input:not([tabindex='-1']), [tabindex='0']");
  }

  // Where Tab can go now: the skip link, then the mirror (a dialog's content while one is open).
  function tabStops() {
    var open = dialogs(), within = open.length ? open[open.length - 1] : root;
    var list = Array.prototype.filter.call(focusables(within), function (el) { return !el.closest("[inert]") && !el.closest("[hidden]"); });
    if (!open.length && skip && !skip.hidden) list.unshift(skip);
    return list;
  }

  function focusEl(el) {
    if (!el || !el.isConnected) return;
    applying = true;
    try { el.focus({ preventScroll: true }); } finally { applying = false; }
  }

  // --- grids: one Tab stop each (the current row); the arrows move between rows and a row's controls

  function dataRows(grid) {
    return Array.prototype.slice.call(grid.querySelectorAll("[role=row]:not([aria-rowindex='1'])"));
  }

  // The row a key asked for, once drawn: by its index in the whole list, else the first or last.
  function rowFor(p) {
    if (!p.grid.isConnected) return null;
    var rows = dataRows(p.grid);
    if (!rows.length) return null;
    if (p.index) {
      for (var i = 0; i < rows.length; i++) if (+rows[i].getAttribute("aria-rowindex") === p.index) return rows[i];
      if (!p.near) return null;
      // The row left the screen: the nearest one drawn.
      return p.index < +rows[0].getAttribute("aria-rowindex") ? rows[0] : rows[rows.length - 1];
    }
    return p.last ? rows[rows.length - 1] : rows[0];
  }

  // Moved by the page, not the person: ImGui hears of it after this frame (it is being built now).
  function focusRow(row) {
    focusEl(row);
    var grid = row.closest("[role=grid]");
    if (grid) grid.rcRowIndex = +row.getAttribute("aria-rowindex");
    var n = nodeOf(row);
    if (n) setTimeout(function () { if (document.activeElement === row) call("rc_a11y_focus", [n.key, 1]); }, 0);
  }

  function rove(grid) {
    var g = nodeOf(grid);
    if (g && g.calendar) {
      // A date picker's month: one Tab stop, the day its keys move from.
      var days = grid.querySelectorAll("button");
      for (var d = 0; d < days.length; d++) {
        var want0 = nodes[days[d].rcKey] && nodes[days[d].rcKey].current ? 0 : -1;
        if (days[d].tabIndex !== want0) days[d].tabIndex = want0;
      }
      return;
    }
    var rows = grid.querySelectorAll("[role=row]");
    var current = null, active = document.activeElement;
    if (grid.contains(active)) current = active.closest("[role=row]:not([aria-rowindex='1'])");
    for (var i = 0; i < rows.length && !current; i++)
      if (+rows[i].getAttribute("aria-rowindex") === grid.rcRowIndex) current = rows[i];
    if (!current) current = grid.querySelector("[role=row]:not([aria-rowindex='1'])");
    for (i = 0; i < rows.length; i++) {
      var row = rows[i], header = row.getAttribute("aria-rowindex") === "1";
      if (header) continue;  // the column titles (sort, columns menu) stay in the Tab order
      var want = row === current ? 0 : -1;
      if (row.tabIndex !== want) row.tabIndex = want;
      var controls = row.querySelectorAll("button, a, input");
      for (var j = 0; j < controls.length; j++) if (controls[j].tabIndex !== -1) controls[j].tabIndex = -1;
    }
  }

  // The focused element lies beyond what its page or dialog shows (a renewal under the fold
  // reached by Tab, a screen reader's cursor): the area scrolls a screen toward it, again after
  // each frame until it is in sight or the area can go no further.
  function keepFocusInSight() {
    var el = document.activeElement;
    if (!el || !root.contains(el) || el.getAttribute("role") === "dialog" || el.id === "rc-main") return;
    var open = dialogs(), area = open.length ? open[open.length - 1] : document.getElementById("rc-main");
    var n = area && area.contains(el) ? nodeOf(area) : null;
    if (!n || !n.more) return;
    var r = el.getBoundingClientRect(), bottom = Math.min(window.innerHeight, canvasRect ? canvasRect.bottom : window.innerHeight);
    if (r.bottom > bottom - 8 && n.more & 1) call("rc_a11y_reveal", [n.key, 1]);
    else if (r.top < (canvasRect ? canvasRect.top : 0) + 8 && n.more & 2) call("rc_a11y_reveal", [n.key, 0]);
  }

  function apply(json) {
    var t0 = performance.now();
    var d = JSON.parse(json);
    canvasRect = canvas.getBoundingClientRect();  // once per diff: reading layout between style writes forces a reflow each time
    var hadDialog = dialogs().length > 0;
    // The focused row (or a control in it) may scroll out of the list in this diff: focus stays in the list.
    var was = document.activeElement, wasRow = null, wasGrid = null;
    var wasOurs = !!was && (root.contains(was) || was === skip);
    if (was && root.contains(was) && (wasRow = was.closest("[role=row]"))) wasGrid = wasRow.closest("[role=grid]");
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
    // Also when the focused element went in this diff (a calendar's day as its month turns).
    var ours = root.contains(active) || active === skip || (wasOurs && !was.isConnected);
    // A modal dialog: the rest is inert; focus goes in, and back to its opener when it closes.
    for (var c = root.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      var inert = open.length > 0 && c.getAttribute("role") !== "dialog";
      if (c.inert !== inert) c.inert = inert;
    }
    if (d.f !== undefined) imguiKey = d.f;
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
    if (wasGrid && !was.isConnected && wasGrid.isConnected && !pendingRow)
      pendingRow = { grid: wasGrid, index: +wasRow.getAttribute("aria-rowindex"), near: true };
    if (pendingRow && (d.o || d.n)) {
      var target = rowFor(pendingRow);
      if (target) { focusRow(target); pendingRow = null; }
      else if (!pendingRow.grid.isConnected) pendingRow = null;
    }
    if (pendingTab && d.o) {
      var stops = tabStops(), from = pendingTab.from, next = null;
      for (i = 0; i < stops.length && from.isConnected; i++) {
        var after = from.compareDocumentPosition(stops[i]) & Node.DOCUMENT_POSITION_FOLLOWING;
        if (pendingTab.back ? !after && stops[i] !== from : after) { next = stops[i]; if (!pendingTab.back) break; }
      }
      if (!next && stops.length) next = pendingTab.back ? stops[stops.length - 1] : stops[0];
      pendingTab = null;
      if (next) next.focus();
    }
    if (d.o || d.n) {
      // A list's rows rove when they change places; a calendar's Tab stop also when the day moves.
      var grids = root.querySelectorAll("[role=grid]");
      for (i = 0; i < grids.length; i++) if (d.o || (nodeOf(grids[i]) && nodeOf(grids[i]).calendar)) rove(grids[i]);
    }
    if (d.n) keepFocusInSight();
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
    if (key === "Tab") {
      e.stopPropagation();  // the browser moves the focus; ImGui follows
      // Past the last (or before the first) control drawn in a dialog or a page that goes on
      // beyond the screen: it scrolls, and the focus goes on to the next control once drawn.
      var open = dialogs(), main = document.getElementById("rc-main");
      var area = open.length ? open[open.length - 1] : main && main.contains(e.target) ? main : null;
      if (!area) return;
      var stops = Array.prototype.filter.call(tabStops(), function (el) { return area.contains(el); });
      var edge = stops.length && e.target === (e.shiftKey ? stops[0] : stops[stops.length - 1]);
      if (!edge) return;
      var dialog = nodeOf(area);
      if (!open.length && !(dialog && dialog.more & (e.shiftKey ? 2 : 1))) return;  // the page: on to the next stop as usual
      e.preventDefault();
      if (dialog && dialog.more & (e.shiftKey ? 2 : 1)) {
        // The dialog goes on beyond the screen: it scrolls, and the focus goes on to the next
        // control once drawn.
        pendingTab = { from: e.target, back: e.shiftKey };
        call("rc_a11y_reveal", [dialog.key, e.shiftKey ? 0 : 1]);
      } else {
        // A modal dialog keeps the focus: round to its first (last) control.
        (e.shiftKey ? stops[stops.length - 1] : stops[0]).focus();
      }
      return;
    }
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
    var grid = row && row.closest("[role=grid]");
    // A date picker's month: the console moves the day (arrows, Page Up/Down, Home/End).
    if (grid && nodeOf(grid) && nodeOf(grid).calendar) return;
    var moves = { ArrowUp: 1, ArrowDown: 1, Home: 1, End: 1, PageUp: 1, PageDown: 1 };
    if (grid && !FIELD[n.role] && moves[key] && row.getAttribute("aria-rowindex") !== "1") {
      // The list shows the row asked for whole (scrolling as little as it can) and the focus goes
      // there, at once when it is drawn, else once it is. The keys stay here: ImGui's own
      // navigation would take Home/End to the page's first or last control.
      e.preventDefault(); e.stopPropagation();
      var rows = dataRows(grid), count = +grid.getAttribute("aria-rowcount");
      // Keys pressed faster than frames: each goes on from the row the last one asked for.
      var from = pendingRow && pendingRow.grid === grid && pendingRow.index ? pendingRow.index : +row.getAttribute("aria-rowindex");
      var page = Math.max(1, rows.length - 2);
      var index = key === "Home" ? 2 : key === "End" ? count : key === "ArrowDown" ? from + 1 : key === "ArrowUp" ? from - 1 :
        key === "PageDown" ? from + page : from - page;
      index = Math.max(2, Math.min(count, index));
      call("rc_a11y_reveal", [nodeOf(grid).key, index - 2]);
      var next = null;
      for (var r = 0; r < rows.length && !next; r++) if (+rows[r].getAttribute("aria-rowindex") === index) next = rows[r];
      if (next) {
        pendingRow = null;
        // The same column's control in the next row, else the row itself.
        var same = e.target === row ? null : next.querySelector(e.target.tagName.toLowerCase());
        (same || next).focus();
      } else {
        pendingRow = { grid: grid, index: index };
      }
      return;
    }
    if (grid && !FIELD[n.role] && (key === "ArrowRight" || key === "ArrowLeft")) {
      var stops = [row].concat(Array.prototype.slice.call(row.querySelectorAll("button, a, input")));
      var k = stops.indexOf(e.target) + (key === "ArrowRight" ? 1 : -1);
      e.preventDefault(); e.stopPropagation();
      if (k >= 0 && k < stops.length) stops[k].focus();
    }
  }

  function onFocusIn(e) {
    if (applying) return;
    var n = nodeOf(e.target);
    if (!n) return;
    var visible = false;
    try { visible = e.target.matches(":focus-visible"); } catch (err) { visible = true; }
    var row = e.target.closest("[role=row]"), grid = row && row.closest("[role=grid]");
    if (grid && row.getAttribute("aria-rowindex") !== "1") {
      grid.rcRowIndex = +row.getAttribute("aria-rowindex");
      rove(grid);
    }
    call("rc_a11y_focus", [n.key, visible ? 1 : 0]);
    canvasRect = canvas.getBoundingClientRect();
    keepFocusInSight();
  }

  // Tab from outside the mirror (a freshly loaded page, the canvas after a click, a field being
  // edited through the pointer's text path): SDL would take the key for ImGui's own navigation and
  // the page's focus would never reach the mirror. It moves here instead, on from where ImGui's
  // focus is, else to the first (Shift+Tab: the last) stop.
  function onWindowTab(e) {
    if (e.key !== "Tab" || e.ctrlKey || e.altKey || e.metaKey || !root) return;
    var t = e.target;
    if (root.contains(t)) return;  // the mirror's own handler lets the browser move on
    var outside = t === document.body || t === document.documentElement || t === canvas || (t.dataset && t.dataset.rcTextAgent);
    // The page's own controls (the skip link, Google's button): the browser moves on, not SDL.
    if (!outside) { e.stopImmediatePropagation(); return; }
    var stops = tabStops();
    if (!stops.length) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    var from = imguiKey && nodes[imguiKey] ? nodes[imguiKey].el : null, to = null, i;
    if (from && from.isConnected && t !== document.body && t !== document.documentElement) {
      var at = stops.indexOf(from);
      if (at >= 0) to = stops[at + (e.shiftKey ? -1 : 1)];
      else if (e.shiftKey) { for (i = stops.length - 1; i >= 0 && !to; i--) if (stops[i].compareDocumentPosition(from) & Node.DOCUMENT_POSITION_FOLLOWING) to = stops[i]; }
      else { for (i = 0; i < stops.length && !to; i++) if (stops[i].compareDocumentPosition(from) & Node.DOCUMENT_POSITION_PRECEDING) to = stops[i]; }
    }
    if (!to) to = e.shiftKey ? stops[stops.length - 1] : stops[0];
    to.focus();
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
    if (typed) {
      call("rc_a11y_input", [n.key, e.data.replace(/[\u0000-\u001f\u007f]/g, ""), e.target.value]);
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
    descriptions = document.createElement("div");
    descriptions.id = "a11y-descriptions";
    descriptions.hidden = true;
    root.parentNode.insertBefore(descriptions, alertRegion.nextSibling);
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
    window.addEventListener("keydown", onWindowTab, true);
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
    function tell() { call("rc_set_preferences", [web.device.preferences()]); }
    [motion, more].forEach(function (q) {
      if (q.addEventListener) q.addEventListener("change", tell); else if (q.addListener) q.addListener(tell);
    });
  }
  watchPreferences();

  web.a11y = {
    apply: apply,
    // Time spent applying diffs here, for the benchmark.
    stats: function () { return { applyMs: applyMs, applies: applyCount, elements: root ? root.getElementsByTagName("*").length : 0 }; }
  };
  // index.html puts its elements before the page's scripts, so the mirror starts now: the
  // program's first frames can come before DOMContentLoaded (app.wasm and the fonts come from
  // the preloads while the parser finishes), and a diff applied before init() was lost.
  if (document.getElementById("a11y") || document.readyState !== "loading") init();
  else document.addEventListener("DOMContentLoaded", init);
})();
