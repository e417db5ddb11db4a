// Start-up: the page asks for config.json and, with a session in storage, for what the screen in
// the address bar loads first while the program still downloads (web/prefetch.js). The wasm
// must take every one of those answers instead of asking again: each request once, each file
// once, whatever screen the visit starts on; a session the server no longer knows still ends
// on the sign-in screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serverAndBrowser, api, waitForConsole, waitForIdle, waitForItem, until } from "./harness.mjs";

const env = serverAndBrowser(["--demo"]);

async function demoSession() {
  const config = await (await fetch(env.server.url + "/config.json")).json();
  const session = await api(env.server.url, "POST", "/auth/demo", { body: { email: config.demo_email } });
  assert.equal(session.status, 200, JSON.stringify(session.json));
  return session.json;
}

// Opens the console at `hash` with `session` in storage (null: none) and records every request.
// `options.base`: the api_base_url remembered from an earlier visit; `options.route(context)`:
// routes set before the page opens. `times` holds when each request went out and each answer came.
async function visit(hash, session, expectLabel, options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (session) await context.addInitScript((s) => localStorage.setItem("resellerConsole.session", s), JSON.stringify(session));
  if (options.base) await context.addInitScript((b) => localStorage.setItem("rc.apiBase", b), options.base);
  if (options.route) await options.route(context);
  const page = await context.newPage();
  const requests = [], pageErrors = [], times = { request: {}, response: {} };
  const t0 = Date.now();
  page.on("request", (r) => { requests.push(r.url()); times.request[r.url()] ??= Date.now() - t0; });
  page.on("response", (r) => { times.response[r.url()] ??= Date.now() - t0; });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(env.server.url + "/" + hash);
  await waitForConsole(page);
  await waitForItem(page, expectLabel, null, 20000);
  await waitForIdle(page);
  const stats = await page.evaluate(() => window.rcWeb.prefetch.stats());
  const counts = {};
  for (const url of requests) counts[url] = (counts[url] || 0) + 1;
  return { context, page, requests, counts, stats, pageErrors, times };
}

function assertEachOnce(v, what) {
  // The API and config.json (the page's icons are the browser's business).
  const twice = Object.entries(v.counts).filter(([url, n]) => n > 1 && (url.includes("/api/v1/") || url.endsWith("/config.json")));
  assert.deepEqual(twice, [], `${what}: requested more than once`);
  for (const kind of [/\/app\.[0-9a-f]+\.wasm$/, /\/app\.[0-9a-f]+\.js$/, /\/Roboto-Regular\.[0-9a-f]+\.ttf$/,
    /\/Roboto-Medium\.[0-9a-f]+\.ttf$/, /\/forkawesome-webfont\.[0-9a-f]+\.ttf$/])
    assert.equal(v.requests.filter((u) => kind.test(u)).length, 1, `${what}: ${kind} downloaded once`);
  assert.deepEqual(v.pageErrors, [], what);
}

test("every request the page makes ahead is taken by the console, on each screen a visit can start on", async () => {
  const session = await demoSession();
  const token = session.token;
  const first = await api(env.server.url, "GET", "/customers?sort=-name&limit=1", { token });
  const customer = first.json.items[0];
  const invoices = await api(env.server.url, "GET", "/invoices?limit=1", { token });
  const invoice = invoices.json.items[0];
  assert.ok(customer && invoice, "the demo data has customers and invoices");
  const screens = [
    ["", session.reseller.name],
    ["#/dashboard", session.reseller.name],
    ["#/dashboard?actor=" + encodeURIComponent(session.reseller.email), session.reseller.name],
    ["#/customers?sort=-name", customer.name],
    ["#/customers/" + customer.id, customer.name],
    ["#/invoices", invoice.number],
    ["#/invoices/" + invoice.id, invoice.number],
  ];
  for (const [hash, label] of screens) {
    const v = await visit(hash, session, label);
    try {
      const api = v.requests.filter((u) => u.includes("/api/v1/"));
      // config.json, /me and at least one request of the screen itself were made ahead ...
      assert.ok(v.stats.started >= 3, `${hash}: ${JSON.stringify(v.stats)}`);
      // ... and every one was taken: none left over, none asked for again.
      assert.equal(v.stats.taken, v.stats.started, `${hash}: ${JSON.stringify(v.stats)}; requests: ${api.join(" ")}`);
      assert.equal(v.stats.waiting, 0, hash);
      assertEachOnce(v, hash || "(no hash)");
    } finally {
      await v.context.close();
    }
  }
});

test("without a session only config.json is fetched ahead, and the sign-in screen takes it", async () => {
  const v = await visit("#/customers", null, "Demo sign-in");
  try {
    assert.deepEqual(v.stats, { started: 1, taken: 1, dropped: 0, waiting: 0 });
    assert.equal(v.requests.filter((u) => u.includes("/api/v1/")).length, 0, "no API call without a session");
    assertEachOnce(v, "signed out");
  } finally {
    await v.context.close();
  }
});

test("a session the server no longer knows: the answers fetched ahead are refusals, and the console asks to sign in", async () => {
  const session = await demoSession();
  const stale = { ...session, token: session.token.slice(0, -4) + "AAAA" };
  const v = await visit("#/customers", stale, "Demo sign-in");
  try {
    assert.equal(v.stats.taken, v.stats.started, JSON.stringify(v.stats));
    assert.ok(!(await v.page.evaluate(() => window.resellerConsole.items())).some((it) => it.label === session.reseller.name));
    // The refused session is forgotten, as without anything fetched ahead.
    await until(v.page, () => v.page.evaluate(() => localStorage.getItem("resellerConsole.session") === null), "the session forgotten");
    assert.deepEqual(v.pageErrors, []);
  } finally {
    await v.context.close();
  }
});

// config.json held back 800 ms (a slow deployment), answering with `apiBase` when given.
function slowConfig(apiBase) {
  return (context) => context.route("**/config.json", async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    if (!apiBase) return route.continue();
    const res = await route.fetch();
    route.fulfill({ response: res, json: { ...(await res.json()), api_base_url: apiBase } });
  });
}

test("with a remembered API base the first requests do not wait for config.json", async () => {
  const session = await demoSession();
  const first = await api(env.server.url, "GET", "/customers?sort=-name&limit=1", { token: session.token });
  const customer = first.json.items[0];
  const v = await visit("#/customers?sort=-name", session, customer.name, { base: "/api/v1", route: slowConfig() });
  try {
    const configUrl = env.server.url + "/config.json";
    const list = v.requests.find((u) => u.includes("/api/v1/customers?"));
    const me = v.requests.find((u) => u.endsWith("/api/v1/me"));
    assert.ok(list && me, v.requests.join(" "));
    // Both went out while config.json was held back, and nothing was asked for again.
    for (const url of [list, me])
      assert.ok(v.times.request[url] < v.times.response[configUrl], `${url} at ${v.times.request[url]} ms, config.json answered at ${v.times.response[configUrl]} ms`);
    assert.deepEqual({ ...v.stats, started: undefined }, { started: undefined, taken: v.stats.started, dropped: 0, waiting: 0 }, JSON.stringify(v.stats));
    assertEachOnce(v, "remembered base");
    assert.equal(await v.page.evaluate(() => localStorage.getItem("rc.apiBase")), "/api/v1");
  } finally {
    await v.context.close();
  }
});

test("when config.json names another API base, nothing fetched from the remembered one is used", async () => {
  const session = await demoSession();
  const first = await api(env.server.url, "GET", "/customers?sort=-name&limit=1", { token: session.token });
  const customer = first.json.items[0];
  // The old base answers at once, with names the console must never show.
  const route = async (context) => {
    await slowConfig("/api/v1")(context);
    await context.route("**/old-api/**", async (r) => {
      const url = r.request().url().replace("/old-api/", "/api/v1/");
      const res = await r.fetch({ url });
      r.fulfill({ response: res, body: (await res.text()).replaceAll(customer.name, "OLD BASE").replaceAll(session.reseller.name, "OLD BASE") });
    });
  };
  const v = await visit("#/customers?sort=-name", session, customer.name, { base: "/old-api", route });
  try {
    const old = v.requests.filter((u) => u.includes("/old-api/"));
    assert.equal(old.length, 2, "the list and /me went out early to the remembered base: " + old.join(" "));
    assert.ok(v.requests.some((u) => u.includes("/api/v1/customers?")), "and again to the new one");
    assert.deepEqual(v.stats, { started: 1 + 2 + 2, taken: 1 + 2, dropped: 2, waiting: 0 });
    const labels = (await v.page.evaluate(() => window.resellerConsole.items())).map((it) => it.label);
    assert.ok(!labels.some((l) => String(l).includes("OLD BASE")), "no answer from the old base shown");
    assertEachOnce(v, "moved base");
    assert.equal(await v.page.evaluate(() => localStorage.getItem("rc.apiBase")), "/api/v1");
  } finally {
    await v.context.close();
  }
});
