// What this device keeps between visits in localStorage: the signed-in session and small
// settings (how the reseller arranged a table). localStorage can throw (storage turned off,
// a private window's quota): then nothing is kept and the console works on.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  var SESSION_KEY = "resellerConsole.session";
  // The API's address config.json gave on the last load with a session (web/prefetch.js): kept
  // only while someone is signed in, so a sign-out leaves nothing of it either.
  var API_BASE_KEY = "rc.apiBase";
  // Which renderer the last visit took (web/paint.js): kept only while someone is signed in, too.
  var PAINT_KEY = "rc.paint";

  function load(key) {
    try { return window.localStorage.getItem(key) || ""; } catch (e) { return ""; }
  }

  web.session = {
    API_BASE_KEY: API_BASE_KEY,
    PAINT_KEY: PAINT_KEY,
    load: function () { return load(SESSION_KEY); },
    save: function (json) {
      try {
        if (json) window.localStorage.setItem(SESSION_KEY, json);
        else {
          window.localStorage.removeItem(SESSION_KEY);
          window.localStorage.removeItem(API_BASE_KEY);
          window.localStorage.removeItem(PAINT_KEY);
        }
      } catch (e) { /* kept in memory only */ }
    }
  };

  // Under keys the console names; an empty value removes the key (sign-out leaves no trace).
  web.settings = {
    load: load,
    save: function (key, value) {
      try {
        if (value) window.localStorage.setItem(key, value);
        else window.localStorage.removeItem(key);
      } catch (e) { /* kept for this visit only */ }
    },
    // Sign-out on a shared computer: no API answer may stay in Cache Storage. The service
    // worker keeps none (sw.js caches the shell, config.json and fonts); this makes sure.
    forgetCachedAnswers: function () {
      if (!window.caches) return;
      window.caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) {
          return window.caches.open(name).then(function (cache) {
            return cache.keys().then(function (requests) {
              return Promise.all(requests.filter(function (r) { return /\/api\//.test(new URL(r.url).pathname); })
                .map(function (r) { return cache.delete(r); }));
            });
          });
        }));
      }).catch(function () { /* storage turned off: nothing was kept */ });
    }
  };
})();
