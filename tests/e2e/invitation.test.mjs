// The invitation page a customer opens from the link, in a real browser with Google's script
// replaced by a local fake (the server trusts a test key set): an account of another domain is
// refused and nothing changes, an account of the invited domain accepts (the link is dead
// afterwards), a German visitor declines in German. Screenshots in English and German at the
// four sizes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { ROOT, SHOTS, startServer, launchBrowser, screenshot, api } from "./harness.mjs";
import { FakeGoogle, serveFakeGoogle } from "./google_fake.mjs";

const RESELLER = { email: "ines.reseller@example.com", name: "Ines Workspace Partner GmbH" };
const SIZES = [[1440, 900], [1280, 720], [768, 1024], [390, 844]];
const T = { timeout: 15000 };
const stamp = Date.now().toString(36);

let server, browser, keys, token;

before(async () => {
  keys = new FakeGoogle();
  server = await startServer(keys.serverArgs());
  execFileSync("python3", [path.join(ROOT, "serve.py"), "reseller", "add", RESELLER.email, RESELLER.name, "--db", server.db],
    { cwd: ROOT, stdio: "pipe" });
  const session = await api(server.url, "POST", "/auth/google", { body: { credential: keys.credential(RESELLER.email) } });
  assert.equal(session.status, 200, JSON.stringify(session.json));
  token = session.json.token;
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (keys) keys.cleanUp();
});

async function invite(name) {
  const domain = `${name.toLowerCase()}-${stamp}.de`;
  const made = await api(server.url, "POST", "/customers", { token, body: {
    name: `${name} Praxis`, email: `it@${domain}`, google_domain: domain, organization: `${name} Praxis GmbH` } });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  return { id: made.json.id, domain, link: made.json.invitation.url };
}

const customer = async (id) => (await api(server.url, "GET", "/customers/" + id, { token })).json;

// The page in a fresh browser whose Google sign-in hands over `credential`.
async function openPage(link, credential, { locale = "en-US", viewport = { width: 1280, height: 720 } } = {}) {
  const context = await browser.newContext({ locale, viewport });
  await serveFakeGoogle(credential)(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (err) => errors.push(String(err)));
  await page.goto(link);
  return { context, page, errors };
}

async function signIn(page) {
  await page.click("#fake-google-button");
  await page.waitForFunction(() => !document.getElementById("accept").disabled, null, T);
}

const statusText = (page) => page.textContent("#status");

test("an account of another domain is refused; the customer stays invited and the link alive", async () => {
  const c = await invite("Falsch");
  const { context, page, errors } = await openPage(c.link, keys.credential("boss@other-" + stamp + ".com",
    { hd: "other-" + stamp + ".com" }));
  assert.equal(await page.isDisabled("#accept"), true, "Accept waits for a sign-in");
  await signIn(page);
  assert.match(await page.textContent("#who"), /boss@other-/);
  await page.click("#accept");
  await page.waitForFunction(() => document.getElementById("status").className === "error", null, T);
  assert.match(await statusText(page), new RegExp(`^That did not work: .*not an account of ${c.domain}\\.`));
  assert.equal(await page.isVisible("#accept"), true, "the visitor can still sign in with the right account");
  const after = await customer(c.id);
  assert.equal(after.status, "invited");
  assert.equal(after.invitation.status, "pending");
  assert.equal(after.subscription, null);
  const again = await page.goto(c.link);
  assert.equal(again.status(), 200, "the link still opens");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an account of the invited domain accepts: trial until the date shown, the history names it, the link is dead", async () => {
  const c = await invite("Richtig");
  const { context, page, errors } = await openPage(c.link, keys.credential("anna@" + c.domain, { hd: c.domain, name: "Anna Admin" }));
  assert.match(await page.textContent("h1"), /Ines Workspace Partner GmbH invites Richtig Praxis GmbH/);
  assert.match(await page.textContent("main"), /Shared Contacts for Gmail/);
  await signIn(page);
  await page.click("#accept");
  await page.waitForFunction(() => document.getElementById("accept").hidden, null, T);
  const after = await customer(c.id);
  assert.equal(after.status, "active");
  assert.equal(after.subscription.status, "trial");
  const [y, m, d] = after.subscription.trial_ends_on.split("-").map(Number);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  assert.match(await statusText(page), new RegExp(`^Welcome!.*until ${months[m - 1]} ${d}, ${y}\\.$`));
  assert.equal(after.invitation.status, "accepted");
  assert.equal(after.invitation.answered_by.email, "anna@" + c.domain);
  assert.equal(after.invitation.answered_by.method, "google");
  await screenshot(page, "invitation-accepted-en-1280x720");
  const dead = await page.goto(c.link);
  assert.equal(dead.status(), 410);
  assert.match(await page.textContent("h1"), /no longer valid/);
  const replay = await api(server.url, "POST", new URL(c.link).pathname.replace("/invite/", "/invitations/") + "/accept",
    { body: { credential: keys.credential("anna@" + c.domain, { hd: c.domain }) } });
  assert.equal(replay.status, 410, "an accepted link accepts nothing more");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a German visitor reads the page in German (dates, money) and declines after confirming", async () => {
  const c = await invite("Ablehnung");
  const { context, page, errors } = await openPage(c.link, keys.credential("chef@" + c.domain, { hd: c.domain }),
    { locale: "de-DE" });
  assert.equal(await page.getAttribute("html", "lang"), "de");
  const text = await page.textContent("main");
  assert.match(text, /Ines Workspace Partner GmbH lädt Ablehnung Praxis GmbH ein/);
  assert.match(text, /Link gültig bis\s*\d{2}\.\d{2}\.\d{4}/, "a German date");
  assert.match(text, /\d+,\d{2}\u00a0[$€£] im Monat/, "German money");
  assert.doesNotMatch(text, /\d{4}-\d{2}-\d{2}/, "no ISO dates");
  await signIn(page);
  await page.click("#decline");
  assert.equal(await page.isVisible("#confirm"), true, "Decline asks first");
  await page.click("#keep");
  assert.equal(await page.isVisible("#confirm"), false, "Keep the invitation closes the question");
  assert.equal((await customer(c.id)).status, "invited", "nothing declined yet");
  await page.click("#decline");
  await page.click("#yes-decline");
  await page.waitForFunction(() => document.getElementById("decline").hidden, null, T);
  assert.match(await statusText(page), /^Sie haben die Einladung abgelehnt\./);
  assert.equal(await page.isVisible("#prompt"), false, "no call to sign in once answered");
  await screenshot(page, "invitation-declined-de-1280x720");
  const after = await customer(c.id);
  assert.equal(after.status, "declined");
  assert.equal(after.invitation.status, "declined");
  assert.equal(after.invitation.answered_by.email, "chef@" + c.domain);
  const dead = await page.goto(c.link);
  assert.equal(dead.status(), 410);
  assert.deepEqual(errors, []);
  await context.close();
});

test("screenshots: the page in English and German at the four sizes, nothing wider than the screen", async () => {
  const c = await invite("Bildschirm");
  for (const lang of ["en", "de"]) {
    for (const [width, height] of SIZES) {
      const { context, page } = await openPage(c.link + "?lang=" + lang, keys.credential("x@" + c.domain, { hd: c.domain }),
        { locale: lang === "de" ? "de-DE" : "en-US", viewport: { width, height } });
      await page.waitForSelector("#fake-google-button", T);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${lang} ${width}x${height}: the page is ${overflow}px wider than the screen`);
      // The whole page: on a phone it runs below the first screen.
      await page.screenshot({ path: path.join(SHOTS, `invitation-${lang}-${width}x${height}.png`), fullPage: true });
      await context.close();
    }
  }
});
