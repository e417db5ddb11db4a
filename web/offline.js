// Durable storage for the console's offline data (IndexedDB: one object store of string keys
// and string values) and the browser's online/offline events. The wasm calls rcWeb.offline
// through EM_JS stubs (src/web/web_offline.cpp); every call answers through rc_on_storage_done
// with a codes.StorageStatus (generated from rc::Platform::StorageStatus).
(function () {
  "use strict";
  var web = window.rcWeb = window.rcWeb || {};
  var codes = web.codes;

  var DB_NAME = "reseller-console", STORE = "kv", VERSION = 1;

  function answer(id, status, payload) {
    web.bridge.call("rc_on_storage_done", [id, status, payload || ""]);
  }

  function statusOf(error) {
    var name = error && error.name;
    if (name === "QuotaExceededError") return codes.StorageStatus.QuotaExceeded;
    if (name === "SecurityError" || name === "InvalidStateError" || name === "UnknownError") return codes.StorageStatus.Unavailable;
    return codes.StorageStatus.Failed;
  }

  // One connection, opened on first use; private windows and blocked storage fail here.
  var opening = null;
  function database() {
    if (opening) return opening;
    opening = new Promise(function (resolve, reject) {
      var request;
      try {
        if (!window.indexedDB) throw Object.assign(new Error("no IndexedDB"), { name: "SecurityError" });
        request = window.indexedDB.open(DB_NAME, VERSION);
      } catch (e) {
        reject(e);
        return;
      }
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE); };
      request.onsuccess = function () {
        var db = request.result;
        // Another tab upgrading the database: let go, the next call opens it again.
        db.onversionchange = function () { db.close(); opening = null; };
        resolve(db);
      };
      request.onerror = function () { reject(request.error || new Error("open failed")); };
      request.onblocked = function () { reject(Object.assign(new Error("blocked"), { name: "InvalidStateError" })); };
    });
    opening.catch(function () { opening = null; });
    return opening;
  }

  // Runs fn(store) in a transaction; answers when the transaction completes or fails.
  function transact(id, mode, fn) {
    database().then(function (db) {
      var tx, result = { status: codes.StorageStatus.Ok, payload: "" };
      try {
        tx = db.transaction(STORE, mode);
        fn(tx.objectStore(STORE), result);
      } catch (e) {
        answer(id, e && e.name === "QuotaExceededError" ? codes.StorageStatus.QuotaExceeded : codes.StorageStatus.Failed, "");
        return;
      }
      tx.oncomplete = function () { answer(id, result.status, result.payload); };
      tx.onabort = tx.onerror = function (e) {
        if (e && e.preventDefault) e.preventDefault();
        answer(id, statusOf(tx.error), "");
      };
    }, function (e) {
      answer(id, e && e.name === "QuotaExceededError" ? codes.StorageStatus.QuotaExceeded : codes.StorageStatus.Unavailable, "");
    });
  }

  function range(prefix) { return IDBKeyRange.bound(prefix, prefix + "\uffff"); }

  // Ask once, when the console first keeps something: installed apps are usually granted
  // storage that the browser does not evict under pressure.
  var askedToPersist = false;
  function persist() {
    if (askedToPersist) return;
    askedToPersist = true;
    try {
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    } catch (e) { /* nothing to ask */ }
  }

  web.offline = {
    put: function (id, key, value) {
      persist();
      transact(id, "readwrite", function (store) { store.put(value, key); });
    },
    get: function (id, key) {
      transact(id, "readonly", function (store, result) {
        var r = store.get(key);
        r.onsuccess = function () {
          if (typeof r.result === "string") result.payload = r.result;
          else result.status = codes.StorageStatus.NotFound;
        };
      });
    },
    list: function (id, prefix) {
      transact(id, "readonly", function (store, result) {
        var keys = store.getAllKeys(range(prefix)), values = store.getAll(range(prefix));
        values.onsuccess = function () {
          var out = [];
          for (var i = 0; i < keys.result.length; i++) {
            // A value someone else put here that is not ours to read is passed on as text.
            var v = values.result[i];
            out.push([String(keys.result[i]), typeof v === "string" ? v : JSON.stringify(v) || ""]);
          }
          result.payload = JSON.stringify(out);
        };
      });
    },
    remove: function (id, key) {
      transact(id, "readwrite", function (store) { store.delete(key); });
    },
    removePrefix: function (id, prefix) {
      transact(id, "readwrite", function (store) { store.delete(range(prefix)); });
    }
  };

  function connectivity(kind) {
    web.bridge.call("rc_on_offline_event", [kind]);
  }
  window.addEventListener("online", function () { connectivity(codes.PageEvent.Online); });
  window.addEventListener("offline", function () { connectivity(codes.PageEvent.Offline); });
})();
