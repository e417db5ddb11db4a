// The browser platform layer in a real browser: Google sign-in (Google's script replaced by a
// local fake, the server given a test key set), a blocked Google script, the session across
// reloads, deep links with back/forward, and paste/copy in ImGui text fields.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, startServer, launchBrowser, openConsoleAt, waitForConsole, items, waitForItem, clickItem,
  waitForItemMatching, waitForItemGone, screenshot, api } from "./harness.mjs";
import { CLIENT_ID, GSI_URL, FakeGoogle, serveFakeGoogle } from "./google_fake.mjs";

const RESELLER = { email: "anna.reseller@example.com", name: "Anna's Workspace Partners GmbH" };
const SESSION_KEY = "resellerConsole.session";

let server, browser, google;

before(async () => {
  google = new FakeGoogle();
  server = await startServer([...google.serverArgs(), "--demo"]);
  execFileSync("python3", [path.join(ROOT, "serve.py"), "reseller", "add", RESELLER.email, RESELLER.name, "--db", server.db],
    { cwd: ROOT, stdio: "pipe" });
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (google) google.cleanUp();
});

function googleCredential(email, claims = {}) { return google.credential(email, claims); }

async function config() {
  const res = await fetch(server.url + "/config.json");
  return res.json();
}

async function signOutButton(page) {
  return waitForItemMatching(page, /Sign out$/, "button");
}

async function clickCentre(page, it) {
  await page.mouse.click(it.x + it.w / 2, it.y + it.h / 2);
}

// Waits until the field being edited holds `text`; says what it holds if it never does.
async function waitForField(page, text, timeout = 5000) {
  await page.waitForFunction((t) => window.resellerConsole.activeInputText() === t, text, { timeout }).catch(async (e) => {
    const now = await page.evaluate(() => window.resellerConsole.activeInputText());
    throw new Error(`the field holds ${JSON.stringify(now)}, not ${JSON.stringify(text)}\n${e.message}`);
  });
}

async function savedSession(page) {
  return page.evaluate((key) => localStorage.getItem(key), SESSION_KEY);
}

test("Google sign-in: Google's button over the canvas, its credential signs a registered reseller in", async () => {
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "",
    { setup: serveFakeGoogle(googleCredential(RESELLER.email)) });
  try {
    const fakeButton = page.locator("#fake-google-button");
    await fakeButton.waitFor({ state: "visible", timeout: 15000 });
    const record = await page.evaluate(() => window.__fakeGoogle);
    assert.equal(record.clientId, CLIENT_ID, "initialize() gets the client id from config.json");
    assert.ok(record.renders.length >= 1 && record.renders[0].width >= 200 && record.renders[0].width <= 400,
      "renderButton() with a width Google accepts: " + JSON.stringify(record.renders));

    // The DOM button sits where the sign-in screen left room: on the canvas, above demo sign-in.
    const demo = await waitForItem(page, "Demo sign-in", "button");
    const box = await page.locator("#google-signin").boundingBox();
    const button = await fakeButton.boundingBox();
    assert.ok(box && box.width > 150 && box.height >= 40, "slot box " + JSON.stringify(box));
    assert.ok(box.y + box.height <= demo.y, `the Google button (${box.y}) is above demo sign-in (${demo.y})`);
    assert.ok(button.x >= box.x - 1 && button.x + button.width <= box.x + box.width + 1, "the button fits its slot");
    await screenshot(page, "20-google-sign-in");

    // Google's button over the canvas costs no frames: idle stays idle.
    await page.waitForTimeout(500);
    const framesBefore = await page.evaluate(() => window.resellerConsole.frames());
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.resellerConsole.frames()), framesBefore, "no frames while idle");

    await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
    await waitForItem(page, RESELLER.name, "text");
    assert.equal(await page.locator("#google-signin").isHidden(), true, "Google's button leaves with the sign-in screen");
    assert.ok(await savedSession(page), "the session is kept for a reload");
    await screenshot(page, "21-google-signed-in");

    // Signing out ends the session and keeps Google from signing straight back in.
    await clickCentre(page, await signOutButton(page));
    await waitForItem(page, "Demo sign-in", "button");
    await page.waitForFunction(() => window.__fakeGoogle.disableAutoSelect > 0, null, { timeout: 5000 });
    await fakeButton.waitFor({ state: "visible", timeout: 5000 });
    assert.equal(await savedSession(page), null, "sign-out forgets the session");

    // Google draws its own text: switching the console's language renders it again in German.
    await clickCentre(page, await waitForItemMatching(page, /Deutsch$/, "button"));
    await waitForItem(page, "Demo-Anmeldung", "button");
    await page.waitForFunction(() => window.__fakeGoogle.renders.some((o) => o.locale === "de"), null, { timeout: 5000 });
    await fakeButton.waitFor({ state: "visible", timeout: 5000 });
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("Google sign-in with an account that is not a reseller is refused in plain words", async () => {
  const stranger = "someone.else@example.org";
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "",
    { setup: serveFakeGoogle(googleCredential(stranger)) });
  try {
    const fakeButton = page.locator("#fake-google-button");
    await fakeButton.waitFor({ state: "visible", timeout: 15000 });
    await fakeButton.click();  // a real mouse click at the button's position
    await waitForItemMatching(page, /not registered as a reseller/i);
    await screenshot(page, "22-google-not-a-reseller");
    // Still on the sign-in screen, ready for another account.
    await waitForItem(page, "Demo sign-in", "button");
    await fakeButton.waitFor({ state: "visible", timeout: 5000 });
    assert.equal(await savedSession(page), null);
    assert.ok(!(await items(page)).some((it) => /Sign out$/.test(it.label)), "not signed in");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("Google's script blocked: the sign-in screen still works with demo sign-in", async () => {
  const demoEmail = (await config()).demo_email;
  const session = await api(server.url, "POST", "/auth/demo", { body: { email: demoEmail } });
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "",
    { setup: async (ctx) => ctx.route(GSI_URL, (route) => route.abort("blockedbyclient")) });
  try {
    await waitForItem(page, "Demo sign-in", "button");
    // The screen has settled on "unavailable" (not loading) and shows no Google button.
    await page.waitForTimeout(500);
    assert.equal(await page.locator("#google-signin").isHidden(), true);
    assert.equal(await page.locator("#fake-google-button").count(), 0);
    await screenshot(page, "23-google-unavailable");
    await clickItem(page, "Demo sign-in", "button");
    await waitForItem(page, session.json.reseller.name, "text");
    assert.deepEqual(pageErrors, [], "no uncaught errors when Google cannot load");
  } finally {
    await context.close();
  }
});

test("the session survives a reload until sign-out", async () => {
  const demoEmail = (await config()).demo_email;
  const session = await api(server.url, "POST", "/auth/demo", { body: { email: demoEmail } });
  const name = session.json.reseller.name;
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "",
    { setup: serveFakeGoogle("unused") });
  try {
    await clickItem(page, "Demo sign-in", "button");
    await waitForItem(page, name, "text");
    assert.ok(await savedSession(page));

    await page.reload();
    await waitForConsole(page);
    // Watch every frame from here: the sign-in screen must not flash before the session is back.
    await page.evaluate(() => {
      window.__sawSignIn = false;
      window.__watch = setInterval(() => {
        if (window.resellerConsole.items().some((it) => it.label === "Demo sign-in")) window.__sawSignIn = true;
      }, 20);
    });
    await waitForItem(page, name, "text");
    await signOutButton(page);
    assert.equal(await page.evaluate(() => window.__sawSignIn), false, "still signed in after a reload");
    assert.equal(await page.locator("#google-signin").isHidden(), true);

    await clickCentre(page, await signOutButton(page));
    await waitForItem(page, "Demo sign-in", "button");
    assert.equal(await savedSession(page), null);
    await page.reload();
    await waitForConsole(page);
    await waitForItem(page, "Demo sign-in", "button");
    assert.ok(!(await items(page)).some((it) => it.label === name), "signed out after a reload");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("deep links: #/customers survives sign-in and reload; back and forward move between screens", async () => {
  const demoEmail = (await config()).demo_email;
  const session = await api(server.url, "POST", "/auth/demo", { body: { email: demoEmail } });
  const list = await api(server.url, "GET", "/customers?sort=name&limit=5", { token: session.json.token });
  assert.equal(list.status, 200);
  const first = list.json.items[0].name;
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "#/customers",
    { setup: serveFakeGoogle("unused") });
  const hash = () => page.evaluate(() => location.hash);
  try {
    // Signed out at a deep link: sign in, then land where the link pointed.
    await clickItem(page, "Demo sign-in", "button");
    await waitForItem(page, first, "cell");
    assert.match(await hash(), /^#\/customers/);

    await page.reload();
    await waitForConsole(page);
    await waitForItem(page, "Customers", "menu");
    await waitForItem(page, first, "cell");
    assert.match(await hash(), /^#\/customers/);
    await screenshot(page, "24-deep-link-customers");

    await clickItem(page, "Dashboard", "menu");
    await page.waitForFunction(() => location.hash === "#/dashboard", null, { timeout: 10000 });
    await waitForItemGone(page, first, "cell");

    await page.goBack();
    await page.waitForFunction(() => location.hash.startsWith("#/customers"), null, { timeout: 10000 });
    await waitForItem(page, first, "cell");

    await page.goForward();
    await page.waitForFunction(() => location.hash === "#/dashboard", null, { timeout: 10000 });
    await waitForItemGone(page, first, "cell");

    // Typed into the address bar.
    await page.evaluate(() => { location.hash = "#/customers"; });
    await waitForItem(page, first, "cell");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("paste and copy in an ImGui text field use the system clipboard", async () => {
  const pasted = "pasted.reseller@example.com";
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "", {
    setup: async (ctx) => {
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
      await serveFakeGoogle("unused")(ctx);
    },
  });
  try {
    await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
    await clickItem(page, "Demo account email", "input");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    await waitForField(page, pasted);
    await screenshot(page, "25-paste");

    // Two pastes between two frames land in order, each with its own text.
    await page.keyboard.press("Control+A");
    await page.evaluate(() => {
      for (const text of ["first.", "second@example.com"]) {
        const data = new DataTransfer();
        data.setData("text/plain", text);
        document.getElementById("canvas").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
      }
    });
    await waitForField(page, "first.second@example.com");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+V");
    await waitForField(page, pasted);

    // Copy goes the other way: Ctrl+C in the field reaches the system clipboard.
    await page.evaluate(() => navigator.clipboard.writeText("something else"));
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+C");
    await page.waitForFunction((t) => navigator.clipboard.readText().then((c) => c === t), pasted, { timeout: 5000 });

    // The pasted address is what the form sends: demo sign-in names the reseller after it.
    await clickItem(page, "Demo sign-in", "button");
    await waitForItem(page, "Pasted Reseller", "text");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("downloads: an answer becomes a real browser download; a failure reaches the wasm with the server's error", async () => {
  const demoEmail = (await config()).demo_email;
  const session = await api(server.url, "POST", "/auth/demo", { body: { email: demoEmail } });
  const list = await api(server.url, "GET", "/invoices?limit=1", { token: session.json.token });
  assert.equal(list.status, 200);
  assert.ok(list.json.items.length > 0, "demo data has invoices");
  const invoice = list.json.items[0];
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "", { setup: serveFakeGoogle("unused") });
  try {
    // Record what web/downloads.js reports to the wasm instead of passing it on: the wasm did not
    // start these downloads (and Emscripten's lazy export would replace this wrapper if called).
    await page.evaluate(() => {
      window.__downloads = [];
      Module._rc_on_download_done = (id, status, ptr) => {
        window.__downloads.push({ id, status, body: Module.UTF8ToString(ptr) });
      };
    });
    const headers = JSON.stringify({ Accept: "application/pdf", Authorization: "Bearer " + session.json.token });
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 15000 }),
      page.evaluate(([url, h]) => window.rcWeb.downloads.start(9001, "GET", url, h, "", "invoice-test.pdf"),
        ["/api/v1/invoices/" + invoice.id + "/pdf", headers]),
    ]);
    assert.equal(download.suggestedFilename(), "invoice-test.pdf");
    const file = await download.path();
    assert.equal(fs.readFileSync(file).subarray(0, 5).toString("latin1"), "%PDF-", "the file is the server's PDF");
    await page.waitForFunction(() => window.__downloads.some((d) => d.id === 9001), null, { timeout: 5000 });
    assert.deepEqual(await page.evaluate(() => window.__downloads.find((d) => d.id === 9001)), { id: 9001, status: 200, body: "" });

    // Without a session the server refuses, and its error body is handed over for wording.
    await page.evaluate((url) => window.rcWeb.downloads.start(9002, "GET", url, "{}", "", "nope.pdf"),
      "/api/v1/invoices/" + invoice.id + "/pdf");
    await page.waitForFunction(() => window.__downloads.some((d) => d.id === 9002), null, { timeout: 5000 });
    const refused = await page.evaluate(() => window.__downloads.find((d) => d.id === 9002));
    assert.equal(refused.status, 401);
    assert.ok(JSON.parse(refused.body).error.message, "the server's error message: " + refused.body);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("on a Mac, Cmd is the shortcut key and Cmd+Backspace does not keep deleting", async () => {
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "", {
    setup: async (ctx, pg) => {
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
      await serveFakeGoogle("unused")(ctx);
      // What a Mac's Chrome reports; the console reads either.
      await pg.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, "platform", { get: () => "MacIntel" });
        Object.defineProperty(Navigator.prototype, "userAgentData", { get: () => ({ platform: "macOS" }) });
      });
    },
  });
  const field = () => page.evaluate(() => window.resellerConsole.activeInputText());
  try {
    await clickItem(page, "Demo account email", "input");
    await page.keyboard.press("Meta+A");
    await page.keyboard.type("mac@example.com");
    await waitForField(page, "mac@example.com");

    // Linux Chromium pastes only on Ctrl+V; either way the paste event is what reaches the field.
    await page.evaluate(() => navigator.clipboard.writeText("cmd.paste@example.com"));
    await page.keyboard.press("Meta+A");
    await page.keyboard.press("Control+V");
    await waitForField(page, "cmd.paste@example.com");
    await page.evaluate(() => navigator.clipboard.writeText("something else"));
    await page.keyboard.press("Meta+A");
    await page.keyboard.press("Meta+C");
    await page.waitForFunction(() => navigator.clipboard.readText().then((c) => c === "cmd.paste@example.com"), null, { timeout: 5000 });

    // As on a Mac: Backspace's keyup never comes while Cmd is held.
    await page.keyboard.down("Meta");
    await page.keyboard.down("Backspace");
    await page.keyboard.up("Meta");
    await waitForField(page, "");
    await page.keyboard.type("abc");
    for (let i = 0; i < 20; i++) await page.mouse.move(200 + i * 5, 200);  // frames, in which a held key repeats
    await page.waitForTimeout(300);
    assert.equal(await field(), "abc", "nothing deleted after Cmd went up");
    await page.keyboard.up("Backspace");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("Copy link puts the invitation link on the clipboard, and its toast leaves on its own", async () => {
  const demoEmail = (await config()).demo_email;
  const session = await api(server.url, "POST", "/auth/demo", { body: { email: demoEmail } });
  const invited = await api(server.url, "GET", "/customers?status=invited&limit=1", { token: session.json.token });
  assert.ok(invited.json.items.length > 0, "demo data has an invited customer");
  const customer = await api(server.url, "GET", "/customers/" + invited.json.items[0].id, { token: session.json.token });
  const link = customer.json.invitation.url;
  assert.ok(link, "the invitation has a link");
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "#/customers/" + customer.json.id, {
    setup: async (ctx) => {
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
      await serveFakeGoogle("unused")(ctx);
    },
  });
  try {
    await clickItem(page, "Demo sign-in", "button");
    await clickItem(page, "Copy link", "button");
    await page.waitForFunction((t) => navigator.clipboard.readText().then((c) => c === t), link, { timeout: 5000 });
    const toast = await waitForItemMatching(page, /copied to the clipboard/);
    // Move the mouse away from everything, then touch nothing: only the toast's timer can draw.
    await page.mouse.move(5, 895);
    await page.waitForFunction((label) => !window.resellerConsole.items().some((it) => it.label === label),
      toast.label, { timeout: 10000, polling: 200 });
    await page.waitForTimeout(500);
    const settled = await page.evaluate(() => window.resellerConsole.frames());
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.resellerConsole.frames()), settled, "idle again once the toast is gone");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("copy falls back to a hidden textarea where navigator.clipboard is missing (plain HTTP)", async () => {
  const { context, page, pageErrors } = await openConsoleAt(browser, server.url, "", {
    setup: async (ctx, pg) => {
      await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
      await serveFakeGoogle("unused")(ctx);
      // As on a non-secure origin; the test keeps its own handle to read the result.
      await pg.addInitScript(() => {
        window.__clipboard = navigator.clipboard;
        Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined });
      });
    },
  });
  try {
    await page.evaluate(() => window.__clipboard.writeText("something else"));
    await clickItem(page, "Demo account email", "input");
    const typed = await page.evaluate(() => window.resellerConsole.activeInputText());
    assert.ok(typed && typed.includes("@"), "the field holds the demo email: " + typed);
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Control+C");
    await page.waitForFunction((t) => window.__clipboard.readText().then((c) => c === t), typed, { timeout: 5000 });
    // The console keeps the keyboard after the textarea has come and gone.
    await page.keyboard.press("End");
    await page.keyboard.type("x");
    await waitForField(page, typed + "x");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});
