// Issue 23's transfers between resellers, in the browser, with TWO demo resellers on one server:
// A (the demo account) makes a transfer code on the customer's page (shown once, Copy code, valid
// until a date; the page then says a code is open, with Revoke); B takes the customer over from
// the customer list (the server's preview, then Take over customer, which opens the customer); A's
// list no longer has it; the same code again is refused in plain words. A Viewer sees both
// actions disabled with the reason; offline they need a connection. Screenshots EN/DE at
// 1440x900 and 390x844. A file of its own: sign-ins are limited to 20 a minute per client.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openConsoleAt, waitForItem, clickItem, screenshot, api, startServer, launchBrowser, until as poll } from "./harness.mjs";

const env = { server: null, browser: null };
const TEXT = {
  en: { signIn: "Demo sign-in", out: "Transfer to another reseller…", outTitle: (who) => `Transfer ${who} to another reseller`,
        create: "Create transfer code", code: "Transfer code", copy: "Copy code", takeOver: "Take over customer…",
        inTitle: "Take over a customer from another reseller", check: "Check code", confirm: "Take over customer",
        revoke: "Revoke transfer code", close: "Done", more: "More  \uf0d7" },
  de: { signIn: "Demo-Anmeldung", out: "An anderen Reseller übertragen …", outTitle: (who) => `${who} an einen anderen Reseller übertragen`,
        create: "Transfercode anlegen", code: "Transfercode", copy: "Code kopieren", takeOver: "Kunden übernehmen …",
        inTitle: "Kunden von einem anderen Reseller übernehmen", check: "Code prüfen", confirm: "Kunden übernehmen",
        revoke: "Transfercode widerrufen", close: "Fertig", more: "Mehr  \uf0d7" },
};

// Take over customer…: beside New customer, or on a phone under the list tools' More menu.
async function openTakeOver(page, lang, width) {
  if (width < 500) await clickItem(page, TEXT[lang].more, "button");
  await clickItem(page, TEXT[lang].takeOver, "button");
}
const VIEWER = "tom.fischer@reseller.example";  // the demo team's Viewer
const B = "bea.brandt@zweiter-reseller.example";  // a second demo reseller, its own account
let tokenA, tokenB, movable;

after(async () => {
  if (env.browser) await env.browser.close();
  if (env.server) await env.server.stop();
});

before(async () => {
  env.server = await startServer(["--demo"]);
  env.browser = await launchBrowser();
  const config = await (await fetch(env.server.url + "/config.json")).json();
  tokenA = (await api(env.server.url, "POST", "/auth/demo", { body: { email: config.demo_email } })).json.token;
  tokenB = (await api(env.server.url, "POST", "/auth/demo", { body: { email: B } })).json.token;
  const all = (await api(env.server.url, "GET", "/customers?limit=200", { token: tokenA })).json.items;
  movable = all.filter((c) => c.subscription && c.subscription.status === "active");
  assert.ok(movable.length >= 3, "the demo has active customers to transfer: " + movable.length);
});

const until = (page, fn, what) => poll(page, fn, what, { shot: "lifecycle-transfer-timeout" });

async function open(hash, lang, [width, height], email = null) {
  const { context, page, errors } = await openConsoleAt(env.browser, env.server.url, hash,
    { viewport: { width, height }, locale: lang === "de" ? "de-DE" : "en-US" });
  if (email) await page.getByLabel(/Demo account email|E-Mail-Adresse des Demo-Kontos/).fill(email);
  await clickItem(page, TEXT[lang].signIn, "button");
  return { context, page, errors };
}

// Scrolls the page (a phone's one column) until `locator` is drawn: the mirror has only what is on screen.
async function reveal(page, locator, what) {
  const { width, height } = page.viewportSize();
  for (let i = 0; i < 15 && !(await locator.isVisible().catch(() => false)); ++i) {
    await page.mouse.move(width / 2, height * 0.6);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(150);
  }
  await until(page, () => locator.isVisible(), what);
}

// Reseller A makes a code for customer `c` on its page; returns it as the dialog shows it.
async function makeCode(page, c, lang, shot) {
  const t = TEXT[lang];
  const opener = page.getByRole("button", { name: t.out, exact: true });
  await waitForItem(page, c.name, "heading");
  await reveal(page, opener, t.out);
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: t.outTitle(c.organization || c.name) });
  await until(page, () => dialog.isVisible(), "the transfer dialog");
  if (shot) await screenshot(page, `lifecycle-transfer-out-ask-${shot}`);
  await dialog.getByRole("button", { name: t.create }).dblclick();  // a double click makes one code
  const field = dialog.getByLabel(t.code, { exact: true });
  await until(page, async () => /^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/.test(await field.inputValue().catch(() => "")), "the code shown");
  const code = await field.inputValue();
  assert.ok(await dialog.getByRole("button", { name: t.copy }).isVisible(), "Copy code");
  return { dialog, code };
}

test("A makes a code (shown once, valid 14 days); B previews and takes the customer over; A's list has it no more; the code again is refused", async () => {
  const c = movable[0];
  const who = c.organization || c.name;
  const a = await open("#/customers/" + c.id, "en", [1440, 900]);
  let code;
  try {
    const made = await makeCode(a.page, c, "en", "en-1440x900");
    code = made.code;
    const history = (await api(env.server.url, "GET", `/activity?customer_id=${c.id}&limit=20`, { token: tokenA })).json.items;
    assert.equal(history.filter((h) => h.action === "customer.transfer_token_created").length, 1, "one code for a double click");
    // Valid until the server's expiry day, 14 days on, as the console writes dates.
    const live = (await api(env.server.url, "GET", "/customers/" + c.id, { token: tokenA })).json.transfer_token;
    const [y, m, d] = live.expires_at.slice(0, 10).split("-").map(Number);
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const day = `${months[m - 1]} ${d}, ${y}`;
    assert.ok((await made.dialog.textContent()).includes("Valid until " + day), "says until when: " + day);
    assert.equal(Math.round((Date.parse(live.expires_at) - Date.parse(live.created_at)) / 86400000), 14);
    await screenshot(a.page, "lifecycle-transfer-code-en-1440x900");
    await made.dialog.getByRole("button", { name: TEXT.en.close }).click();
    await until(a.page, async () => (await made.dialog.count()) === 0, "the dialog closed");
    // The page says a code is open, and offers to revoke it.
    await until(a.page, () => a.page.getByRole("button", { name: TEXT.en.revoke }).isVisible(), "Revoke transfer code");
    assert.deepEqual(a.errors, []);
  } finally {
    await a.context.close();
  }

  const b = await open("#/customers", "en", [1440, 900], B);
  try {
    const opener = b.page.getByRole("button", { name: TEXT.en.takeOver, exact: true });
    await until(b.page, () => opener.isVisible(), TEXT.en.takeOver);
    await opener.click();
    const dialog = b.page.getByRole("dialog", { name: TEXT.en.inTitle });
    await until(b.page, () => dialog.isVisible(), "the take-over dialog");
    await dialog.getByLabel(TEXT.en.code, { exact: true }).fill(code.toLowerCase().replace(/-/g, " "));  // as people type it
    await b.page.keyboard.press("Enter");
    await until(b.page, async () => (await dialog.textContent()).includes(c.google_domain), "the preview names the domain");
    const text = await dialog.textContent();
    assert.ok(text.includes(who), "the customer");
    assert.ok(text.includes("Invoices issued so far"), "the invoices stay");
    assert.ok(text.includes(String(c.subscription.licenses)), "the licenses");
    await screenshot(b.page, "lifecycle-transfer-in-preview-en-1440x900");
    await dialog.getByRole("button", { name: TEXT.en.confirm, exact: true }).dblclick();
    await until(b.page, async () => (await dialog.count()) === 0, "the dialog closed");
    await until(b.page, async () => /is now your customer\./.test(await b.page.getByRole("status").first().textContent()), "the toast");
    await until(b.page, async () => (await b.page.evaluate(() => location.hash)) === "#/customers/" + c.id, "the moved customer opens");
    await waitForItem(b.page, c.name, "heading");
    assert.deepEqual(b.errors, []);
  } finally {
    await b.context.close();
  }

  // A's list no longer has the customer; B's has it, once.
  const listA = (await api(env.server.url, "GET", "/customers?limit=200", { token: tokenA })).json.items;
  assert.equal(listA.filter((x) => x.id === c.id).length, 0);
  const listB = (await api(env.server.url, "GET", "/customers?limit=200", { token: tokenB })).json.items;
  assert.equal(listB.filter((x) => x.id === c.id).length, 1);
  const moved = (await api(env.server.url, "GET", `/activity?customer_id=${c.id}&limit=20`, { token: tokenB })).json.items;
  assert.equal(moved.filter((h) => h.action === "customer.transferred_in").length, 1, "moved once");

  // The same code again, in German: refused in plain words.
  const again = await open("#/customers", "de", [1440, 900], B);
  try {
    await clickItem(again.page, TEXT.de.takeOver, "button");
    const dialog = again.page.getByRole("dialog", { name: TEXT.de.inTitle });
    await until(again.page, () => dialog.isVisible(), "the dialog");
    await dialog.getByLabel(TEXT.de.code, { exact: true }).fill(code);
    await dialog.getByRole("button", { name: TEXT.de.check }).click();
    await until(again.page, async () => (await dialog.textContent()).includes("Dieser Transfercode wurde bereits verwendet."), "refused");
    await screenshot(again.page, "lifecycle-transfer-in-refused-de-1440x900");
    // A malformed code is said before anything is sent.
    await dialog.getByLabel(TEXT.de.code, { exact: true }).fill("7K2M-9QXD");
    await dialog.getByRole("button", { name: TEXT.de.check }).click();
    await until(again.page, async () => (await dialog.textContent()).includes("20 Buchstaben und Ziffern"), "malformed said");
  } finally {
    await again.context.close();
  }
});

test("German on a phone: the code dialog and the open code with Revoke; B's take-over on a phone; revoked, the code is refused", async () => {
  const c = movable[1];
  const a = await open("#/customers/" + c.id, "de", [390, 844]);
  let code;
  try {
    const made = await makeCode(a.page, c, "de", "de-390x844");
    code = made.code;
    const live = (await api(env.server.url, "GET", "/customers/" + c.id, { token: tokenA })).json.transfer_token;
    const [y, m, d] = live.expires_at.slice(0, 10).split("-");
    assert.ok((await made.dialog.textContent()).includes(`Gültig bis ${d}.${m}.${y}`), "until when, as a German reads it");
    await screenshot(a.page, "lifecycle-transfer-code-de-390x844");
    await made.dialog.getByRole("button", { name: TEXT.de.close }).click();
    const revoke = a.page.getByRole("button", { name: TEXT.de.revoke });
    await reveal(a.page, revoke, "Revoke");
    await screenshot(a.page, "lifecycle-transfer-open-de-390x844");
    await revoke.click();
    await clickItem(a.page, "Ja, widerrufen", "button");
    await until(a.page, async () => /Transfercode widerrufen\./.test(await a.page.getByRole("status").first().textContent()), "revoked");
    const after = (await api(env.server.url, "GET", "/customers/" + c.id, { token: tokenA })).json;
    assert.equal(after.transfer_token, null);
  } finally {
    await a.context.close();
  }
  const b = await open("#/customers", "de", [390, 844], B);
  try {
    await openTakeOver(b.page, "de", 390);
    const dialog = b.page.getByRole("dialog", { name: TEXT.de.inTitle });
    await until(b.page, () => dialog.isVisible(), "the dialog");
    await dialog.getByLabel(TEXT.de.code, { exact: true }).fill(code);
    await dialog.getByRole("button", { name: TEXT.de.check }).click();
    await until(b.page, async () => (await dialog.textContent()).includes("widerrufen"), "refused: revoked");
    await screenshot(b.page, "lifecycle-transfer-in-refused-de-390x844");
  } finally {
    await b.context.close();
  }
  // English at 1440 and German at 1440/390 of the preview, for looking at.
  const token = (await api(env.server.url, "POST", `/customers/${movable[2].id}/transfer-token`, { token: tokenA })).json.token;
  for (const [lang, size] of [["de", [1440, 900]], ["en", [390, 844]], ["de", [390, 844]]]) {
    const p = await open("#/customers", lang, size, B);
    try {
      await screenshot(p.page, `lifecycle-transfer-list-${lang}-${size.join("x")}`);
      await openTakeOver(p.page, lang, size[0]);
      const dialog = p.page.getByRole("dialog", { name: TEXT[lang].inTitle });
      await dialog.getByLabel(TEXT[lang].code, { exact: true }).fill(token);
      await dialog.getByRole("button", { name: TEXT[lang].check }).click();
      await until(p.page, async () => (await dialog.textContent()).includes(movable[2].google_domain), "the preview");
      await screenshot(p.page, `lifecycle-transfer-in-preview-${lang}-${size.join("x")}`);
    } finally {
      await p.context.close();
    }
  }
});

test("Transfers: a Viewer sees both disabled with the reason; offline they need a connection", async () => {
  const c = movable[3] || movable[2];
  const viewer = await open("#/customers/" + c.id, "en", [1440, 900], VIEWER);
  try {
    const out = viewer.page.getByRole("button", { name: TEXT.en.out, exact: true });
    await reveal(viewer.page, out, TEXT.en.out);
    assert.equal(await out.getAttribute("aria-disabled"), "true");
    const describedBy = await out.getAttribute("aria-describedby");
    assert.equal((await viewer.page.locator("#" + describedBy).textContent()).trim(), "Needs the Sales or Admin role");
    await viewer.page.evaluate(() => { location.hash = "#/customers"; });
    const take = viewer.page.getByRole("button", { name: TEXT.en.takeOver, exact: true });
    await until(viewer.page, () => take.isVisible(), TEXT.en.takeOver);
    assert.equal(await take.getAttribute("aria-disabled"), "true");
    const why = await take.getAttribute("aria-describedby");
    assert.equal((await viewer.page.locator("#" + why).textContent()).trim(), "Needs the Sales or Admin role");
  } finally {
    await viewer.context.close();
  }
  const { context, page } = await open("#/customers", "en", [1440, 900]);
  try {
    const take = page.getByRole("button", { name: TEXT.en.takeOver, exact: true });
    await until(page, () => take.isVisible(), TEXT.en.takeOver);
    await context.setOffline(true);
    await page.evaluate((id) => { location.hash = "#/customers/" + id; }, c.id);
    await page.evaluate(() => { location.hash = "#/customers"; });
    await waitForItem(page, "Needs a connection — you are offline.", "note");
    assert.equal(await take.getAttribute("aria-disabled"), "true");
    const why = await take.getAttribute("aria-describedby");
    assert.equal((await page.locator("#" + why).textContent()).trim(), "Needs a connection — you are offline.");
  } finally {
    await context.close();
  }
});
