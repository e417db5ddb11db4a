// The console's service worker. It keeps exactly one version of the app shell: the files the
// build lists in PRECACHE (content-hashed names, each checked against its sha-256 as it is
// downloaded, so a half-deployed host can never mix two versions) in a cache of that version,
// served cache-first (a language's texts only once this device used them). config.json is network-first (the deployer edits it); fonts under
// fonts/ are cached as they are used. API calls are not touched: the console keeps its own
// offline copies, per reseller. A new version waits until the console says "Reload".
"use strict";

const VERSION = "dev";
const PRECACHE = [];
const SHELL = "rc-shell-" + VERSION;
const CONFIG = "rc-config";
const FONTS = "rc-fonts";
const SCOPE = new URL(self.registration.scope);
// Deployer-edited files: fetched at install, then network-first, never checked by hash.
const NETWORK_FIRST = new Set(["config.json"]);

function relative(url) {
  return url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname)
    ? url.pathname.slice(SCOPE.pathname.length) : null;
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

// A stored copy of a response: the bytes as received (decoded), the headers that still apply.
function stored(response, bytes) {
  const headers = new Headers(response.headers);
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers });
}

async function fetchChecked(entry) {
  const url = new URL(entry.url, SCOPE).href;
  // Hashed names never change, so the HTTP cache may answer; the others must be current.
  const response = await fetch(url, { cache: /\.[0-9a-f]{10}\./.test(entry.url) ? "default" : "no-cache" });
  if (!response.ok) throw new Error(entry.url + ": HTTP " + response.status);
  const bytes = await response.arrayBuffer();
  if (entry.sha256 && hex(await crypto.subtle.digest("SHA-256", bytes)) !== entry.sha256)
    throw new Error(entry.url + " is not the file this version lists (a deployment in progress?)");
  return { url, response: stored(response, bytes) };
}

// Files for one language's readers only (texts-de.bin, "lang" in PRECACHE): not downloaded
// for everyone at install (issue 21: the first visit). Cached once a page of this device used
// them (its message below, or its fetch), and precached by later versions from then on.
async function languagesUsed() {
  const used = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith("rc-shell-")) continue;
    for (const request of await (await caches.open(name)).keys()) {
      const m = /\/texts-(\w+)\.[0-9a-f]{10}\.bin$/.exec(new URL(request.url).pathname);
      if (m) used.add(m[1]);
    }
  }
  return used;
}

async function keepLanguage(lang) {
  const shell = await caches.open(SHELL);
  for (const entry of PRECACHE) {
    if (entry.lang !== lang || await shell.match(new URL(entry.url, SCOPE).href)) continue;
    const file = await fetchChecked(entry);
    await shell.put(file.url, file.response);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const used = await languagesUsed();
    const wanted = PRECACHE.filter((e) => !e.lang || used.has(e.lang));
    const files = await Promise.all(wanted.map(fetchChecked));
    const shell = await caches.open(SHELL);
    const config = await caches.open(CONFIG);
    for (let i = 0; i < files.length; i++) {
      const target = NETWORK_FIRST.has(wanted[i].url) ? config : shell;
      await target.put(files[i].url, files[i].response);
    }
    // The very first version takes over at once; later ones wait for "Reload".
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith("rc-shell-") && name !== SHELL) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
  // The page uses a language's file (fetched before this worker controlled it, or now).
  if (event.data && event.data.type === "keep-language" && /^\w+$/.test(event.data.lang))
    event.waitUntil(keepLanguage(event.data.lang).catch(() => {}));
});

async function shellFile(request, path) {
  const cached = await caches.match(new URL(path, SCOPE).href, { cacheName: SHELL });
  if (cached) return cached;
  const entry = PRECACHE.find((e) => e.url === path);
  if (!entry || !entry.lang) return fetch(request);
  // A language's file, first used: kept for offline starts in that language.
  const file = await fetchChecked(entry);
  await (await caches.open(SHELL)).put(file.url, file.response.clone());
  return file.response;
}

async function networkFirst(request) {
  const cache = await caches.open(CONFIG);
  try {
    const response = await fetch(request, { cache: "no-cache" });
    if (response.ok) await cache.put(request.url, response.clone());
    return response;
  } catch (e) {
    const cached = await cache.match(request.url);
    if (cached) return cached;
    throw e;
  }
}

async function font(request, hashed) {
  const cache = await caches.open(FONTS);
  const cached = await cache.match(request.url);
  const refresh = fetch(request).then((response) => {
    if (response.ok) cache.put(request.url, response.clone());
    return response;
  });
  if (cached) {
    if (!hashed) refresh.catch(() => {});  // stale-while-revalidate for names that can change
    return cached;
  }
  return refresh;
}

const SHELL_PATHS = new Set(PRECACHE.map((e) => e.url));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const path = relative(url);
  if (path === null) return;
  if (request.mode === "navigate") {
    // Only the console's own page: other pages of the same site (invitation links) pass.
    if (path === "" || path === "index.html") event.respondWith(shellFile(request, "index.html"));
    return;
  }
  if (NETWORK_FIRST.has(path)) event.respondWith(networkFirst(request));
  else if (path.startsWith("fonts/")) event.respondWith(font(request, /\.[0-9a-f]{10}\./.test(path)));
  else if (SHELL_PATHS.has(path)) event.respondWith(shellFile(request, path));
});
