// What this device keeps between visits in localStorage: the signed-in session and small
// settings (how the reseller arranged a table). localStorage can throw (storage turned off,
// a private window's quota): then nothing is kept and the console works on.
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  var SESSION_KEY = "resellerConsole.session";

  function load(key) {
    try { return window.localStorage.getItem(key) || ""; } catch (e) { return ""; }
  }

  web.session = {
    load: function () { return load(SESSION_KEY); },
    save: function (json) {
      try {
        if (json) window.localStorage.setItem(SESSION_KEY, json);
        else window.localStorage.removeItem(SESSION_KEY);
      } catch (e) { /* kept in memory only */ }
    }
  };

  // Under keys the console names.
  web.settings = {
    load: load,
    save: function (key, value) {
      try { window.localStorage.setItem(key, value); } catch (e) { /* kept for this visit only */ }
    }
  };
})();
