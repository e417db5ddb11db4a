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
async function visit(hash, session, expectLabel) {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (session) await context.addInitScript((s) => localStorage.setItem("resellerConsole.session", s), JSON.stringify(session));
  const page = await context.newPage();
  const requests = [], pageErrors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(env.server.url + "/" + hash);
  await waitForConsole(page);
  await waitForItem(page, expectLabel, null, 20000);
  await waitForIdle(page);
  const stats = await page.evaluate(() => window.rcWeb.prefetch.stats());
  const counts = {};
  for (const url of requests) counts[url] = (counts[url] || 0) + 1;
  return { context, page, requests, counts, stats, pageErrors };
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
    assert.deepEqual(v.stats, { started: 1, taken: 1, waiting: 0 });
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
