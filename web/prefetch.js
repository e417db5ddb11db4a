// The console's first requests, made while the program still downloads: config.json and, when
// a session is in storage, /me and what the screen in the address bar loads first (at once with
// the API base config.json gave last visit, else when config.json answers). The wasm's
// transport takes an answer from here when it asks for exactly that URL with the same
// Authorization (src/web/fetch_transport.cpp); each answer is taken once, and one nobody took
// within MAX_AGE_MS is dropped. What a screen loads first is the C++'s to say
// (core/screen_registry.cpp, core/api_client.cpp); this file repeats it for the four screens,
// and e2e/startup.test.mjs holds the two together: every request is made once, every answer
// fetched here is taken (but those dropped when config.json names another API base). A guess
// that no longer matches costs one request, never a wrong answer.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  var MAX_AGE_MS = 30000;
  var TIMEOUT_MS = 30000;  // as the transport's own requests (src/web/fetch_transport.cpp)
  var BLOCK_ROWS = 100;  // a list's block (core/block_list.h)
  var entries = Object.create(null);
  var counts = { started: 0, taken: 0, dropped: 0 };

  function absolute(url) {
    try { return new URL(url, document.baseURI).href; } catch (e) { return ""; }
  }

  function start(url, authorization) {
    var headers = { Accept: "application/json" };
    if (authorization) headers.Authorization = authorization;
    var entry = { authorization: authorization || "", at: Date.now() };
    // Status 0 for no answer at all, as the transport reports it.
    var abort = entry.abort = window.AbortController ? new AbortController() : null;
    var timer = abort ? setTimeout(function () { abort.abort(); }, TIMEOUT_MS) : 0;
    entry.answer = fetch(url, { headers: headers, credentials: "same-origin", signal: abort ? abort.signal : undefined }).then(function (res) {
      return res.text().then(function (body) { return { status: res.status, body: body }; });
    }).catch(function () { return { status: 0, body: "" }; }).then(function (a) {
      clearTimeout(timer);
      return (entry.result = a);
    });
    entries[absolute(url)] = entry;
    counts.started++;
    return entry.answer;
  }

  // As core/route.cpp's percentEncode: everything but A-Z a-z 0-9 - _ . ~ as %XX of its UTF-8.
  function encode(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, function (c) {
      return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }

  function decode(value) {
    try { return decodeURIComponent(value.replace(/\+/g, " ")); } catch (e) { return null; }
  }

  function oneOf(value, options) { return options.indexOf(value) >= 0 ? value : ""; }
  function positiveId(text) { return /^[1-9][0-9]{0,14}$/.test(text || "") ? text : ""; }

  // "#/customers?sort=-name" as its path parts and parameters (the first of a name counts).
  function address(hash) {
    var h = String(hash || "").replace(/^#\/?/, ""), q = h.indexOf("?"), params = {};
    (q < 0 ? "" : h.slice(q + 1)).split("&").forEach(function (pair) {
      if (!pair) return;
      var i = pair.indexOf("="), name = decode(i < 0 ? pair : pair.slice(0, i)), value = decode(i < 0 ? "" : pair.slice(i + 1));
      if (name !== null && value !== null && !(name in params)) params[name] = value;
    });
    return { parts: (q < 0 ? h : h.slice(0, q)).split("/"), params: params };
  }

  // The API paths the screen at `hash` asks for first (core/screen_registry.cpp's "show").
  function firstPaths(hash) {
    var a = address(hash), p = a.params, screen = a.parts[0];
    if (screen === "customers" && a.parts.length === 1) {
      var sort = oneOf(p.sort, ["name", "-name", "created_at", "-created_at", "renews_at", "-renews_at", "licenses", "-licenses"]);
      var status = oneOf(p.status, ["invited", "active", "revoked", "cancelled"]);
      return ["/customers?limit=" + BLOCK_ROWS + "&sort=" + encode(sort || "name") + (p.q ? "&q=" + encode(p.q) : "") +
              (status ? "&status=" + encode(status) : "") + "&offset=0"];
    }
    if (screen === "customers" && positiveId(a.parts[1])) {
      var id = a.parts[1];
      return ["/customers/" + id, "/activity?limit=20&customer_id=" + id, "/invoices?customer_id=" + id + "&limit=20", "/plans"];
    }
    if (screen === "invoices") {
      var query = [];
      if (positiveId(p.customer)) query.push("customer_id=" + p.customer);
      if (oneOf(p.status, ["open", "paid", "overdue", "void"])) query.push("status=" + p.status);
      ["from", "to"].forEach(function (k) { if (/^\d{4}-\d{2}-\d{2}$/.test(p[k] || "")) query.push(k + "=" + p[k]); });
      query.push("limit=" + BLOCK_ROWS, "offset=0");
      var paths = ["/invoices?" + query.join("&")];
      if (positiveId(a.parts[1])) paths.push("/invoices/" + a.parts[1]);
      return paths;
    }
    if (screen === "customers" || screen === "dashboard" || screen === "") {
      // #/dashboard?actor=<email>: one member's recent activity (as parseDashboard reads it).
      var actor = screen === "dashboard" && p.actor && p.actor.length <= 254 && p.actor.indexOf("@") >= 0 ? p.actor : "";
      return ["/dashboard", "/activity?limit=8" + (actor ? "&actor=" + encode(actor) : "")];
    }
    return [];
  }

  function sessionToken() {
    try {
      var s = JSON.parse(web.session.load() || "null");
      // As core/codec.cpp's decodeSession: a token a header can carry and a reseller, else
      // the program signs out and would never take what was fetched with it.
      var ok = s && typeof s.token === "string" && /^[\x21-\x7e]+$/.test(s.token) && s.reseller && typeof s.reseller === "object";
      return ok ? s.token : "";
    } catch (e) { return ""; }
  }

  // The transport asks for `url`: true when this page made that request, whose answer then goes
  // to rc_on_prefetched under `id` (the transport posts it to the next frame either way).
  function take(url, authorization, id) {
    var key = absolute(url), entry = entries[key];
    if (!entry) return false;
    delete entries[key];
    if (entry.authorization !== authorization || Date.now() - entry.at > MAX_AGE_MS) return false;
    counts.taken++;
    // Through the bridge, which calls nothing before the program runs: the transport asks from
    // inside the running program, so that holds; the retry is for a page that breaks it.
    var deliver = function (a) {
      if (web.bridge.running()) web.bridge.call("rc_on_prefetched", [id, a.status, a.body]);
      else setTimeout(function () { deliver(a); }, 0);
    };
    if (entry.result) deliver(entry.result);  // in already: the frame being built can use it
    else entry.answer.then(deliver);
    return true;
  }

  // The api_base_url config.json gave last time (one localStorage key): with a session, the
  // first requests need not wait for config.json's answer (a slow one held them 556 ms).
  // Removed with the session (web/session.js), so remembered only while someone is signed in.
  var BASE_KEY = web.session.API_BASE_KEY;
  // As config.json gives it (trailing slashes gone, as core/codec.cpp's decodeConfig): a
  // relative path or an http(s) URL; anything else is not used.
  function usableBase(value) {
    if (typeof value !== "string" || value.length > 2000) return "";
    var base = value.replace(/\/+$/, "");
    return /^https?:\/\/[^\s\/?#@]+(\/[^\s?#]*)?$/i.test(base) || /^\/?(?!\/)[^\s?#:]+$/.test(base) ? base : "";
  }
  function rememberedBase() {
    try { return usableBase(window.localStorage.getItem(BASE_KEY)); } catch (e) { return ""; }
  }
  function remember(base) {
    try { if (window.localStorage.getItem(BASE_KEY) !== base) window.localStorage.setItem(BASE_KEY, base); } catch (e) { /* not kept */ }
  }

  var config = start("config.json", "");
  var token = sessionToken();
  var hash = window.location.hash;
  var early = token ? rememberedBase() : "";
  var earlyUrls = [];
  function startFirst(base) {
    var auth = "Bearer " + token;
    return firstPaths(hash).concat(["/me"]).map(function (path) { start(base + path, auth); return absolute(base + path); });
  }
  if (early) earlyUrls = startFirst(early);
  config.then(function (a) {
    // A failed or odd config.json: what started early stays (the program shows its config error).
    if (a.status < 200 || a.status >= 300) return;
    var base;
    try { base = JSON.parse(a.body).api_base_url; } catch (e) { return; }
    if (typeof base !== "string" || !base) return;
    base = base.replace(/\/+$/, "");
    if (!token) return;
    if (usableBase(base)) remember(base);
    if (early && absolute(early) === absolute(base)) return;  // the same base: all started already
    // The deployment moved its API: the early requests are dropped (the transport asks for the
    // new base's URLs only, so none of them could be taken) and made again with the new base.
    earlyUrls.forEach(function (url) {
      var entry = entries[url];
      if (!entry) return;
      delete entries[url];
      counts.dropped++;
      if (entry.abort) entry.abort.abort();
    });
    startFirst(base);
  });
  setTimeout(function () { entries = Object.create(null); }, MAX_AGE_MS + 1000);

  web.prefetch = {
    take: take,
    stats: function () { return { started: counts.started, taken: counts.taken, dropped: counts.dropped, waiting: Object.keys(entries).length }; }
  };
})();
