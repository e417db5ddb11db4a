// Who may start a bulk action, and when (issue 19), in the browser through the accessibility
// mirror: a Viewer may pick customers but finds the four bulk actions disabled, each with the
// role it needs as its description; with the dialog open and its preview shown, the connection
// goes: the confirmation is disabled with "needs a connection" and a click sends nothing. EN and DE.
// On a tablet's touch screen a row's checkbox takes a finger anywhere in its 44 px cell.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { api, items, launchBrowser, openConsoleAt, screenshot, startServer, until as poll, waitForIdle, waitForItem }
  from "./harness.mjs";

const VIEWER = "tom.fischer@reseller.example";  // the demo team's Viewer
const TEXT = {
  en: { signIn: "Demo sign-in", select: (n) => `Select ${n}`, selected: (n) => `${n} selected`,
        actions: { "Add licenses": "Needs the Buyer or Admin role", "Set licenses": "Needs the Buyer or Admin role",
                   "Resend invitations": "Needs the Sales or Admin role", "Revoke invitations": "Needs the Sales or Admin role" },
        resend: "Resend invitations", confirm: (n) => `Resend ${n} invitations`, applies: (n) => `Applies to ${n} of ${n} customers`,
        offline: "Needs a connection — you are offline." },
  de: { signIn: "Demo-Anmeldung", select: (n) => `${n} auswählen`, selected: (n) => `${n} ausgewählt`,
        actions: { "Lizenzen hinzufügen": "Erfordert die Rolle Einkauf oder Admin",
                   "Lizenzanzahl festlegen": "Erfordert die Rolle Einkauf oder Admin",
                   "Einladungen erneut senden": "Erfordert die Rolle Vertrieb oder Admin",
                   "Einladungen widerrufen": "Erfordert die Rolle Vertrieb oder Admin" },
        resend: "Einladungen erneut senden", confirm: (n) => `${n} Einladungen erneut senden`,
        applies: (n) => `Möglich für ${n} von ${n} Kunden`, offline: "Nur mit Verbindung möglich – Sie sind offline." },
};
const TAG = "gate" + Date.now().toString(36);
const NAMES = ["Ada", "Bea"].map((n) => `${n} ${TAG}`);
let server, browser, token;

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  const config = await (await fetch(server.url + "/config.json")).json();
  token = (await api(server.url, "POST", "/auth/demo", { body: { email: config.demo_email } })).json.token;
  for (const [i, name] of NAMES.entries()) {
    const r = await api(server.url, "POST", "/customers", { token, body: { name, email: `it@${TAG}-${i}.example`,
      google_domain: `${TAG}-${i}.example`, organization: `${name} GmbH` } });
    assert.equal(r.status, 201, JSON.stringify(r.json));
  }
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const until = (page, fn, what) => poll(page, fn, what, { shot: "bulk-gates-timeout" });

// The console at the list of this run's customers, signed in as `email` (the demo's Admin by default).
async function open(lang, email = null, device = { viewport: { width: 1440, height: 900 } }) {
  const opened = await openConsoleAt(browser, server.url, `#/customers?q=${TAG}`,
    { ...device, locale: lang === "de" ? "de-DE" : "en-US" });
  const { page } = opened;
  if (email) await page.getByLabel(/Demo account email|E-Mail-Adresse des Demo-Kontos/).fill(email);
  await page.getByRole("button", { name: TEXT[lang].signIn }).click();
  await until(page, () => page.getByRole("banner").isVisible(), "signed in");
  return opened;
}

// A control's state in the mirror: disabled, and the text its aria-describedby points at.
async function reasonOf(page, control) {
  await until(page, () => control.isVisible(), "the control");
  assert.equal(await control.getAttribute("aria-disabled"), "true", "disabled");
  const describedBy = await control.getAttribute("aria-describedby");
  assert.ok(describedBy, "it has a description");
  return (await page.locator("#" + describedBy).textContent()).trim();
}

async function pick(page, lang) {
  for (const name of NAMES) {
    const box = page.getByRole("checkbox", { name: TEXT[lang].select(name), exact: true });
    await until(page, () => box.isVisible(), TEXT[lang].select(name));
    await box.click();
  }
  await waitForItem(page, TEXT[lang].selected(2), "status");
}

async function jobs() {
  return (await api(server.url, "GET", "/bulk-jobs", { token })).json.items.length;
}

for (const lang of ["en", "de"]) {
  test(`${lang}: a Viewer picks customers and finds every bulk action disabled with the role it needs`, async () => {
    const { context, page, pageErrors } = await open(lang, VIEWER);
    try {
      await pick(page, lang);
      for (const [action, reason] of Object.entries(TEXT[lang].actions)) {
        const button = page.getByRole("button", { name: action, exact: true });
        assert.equal(await reasonOf(page, button), reason, action);
        await button.click({ force: true });  // the mirror's element takes the click; the console opens nothing
      }
      await page.waitForTimeout(500);
      assert.equal(await page.getByRole("dialog").count(), 0, "no bulk dialog opened");
      await screenshot(page, `74-bulk-viewer-1440x900-${lang}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });

  test(`${lang}: the connection goes under the bulk dialog: its confirmation needs a connection and sends nothing`, async () => {
    const { context, page, pageErrors } = await open(lang);
    try {
      await pick(page, lang);
      await page.getByRole("button", { name: TEXT[lang].resend, exact: true }).click();
      await waitForItem(page, TEXT[lang].applies(2), "status");
      const confirm = page.getByRole("button", { name: TEXT[lang].confirm(2), exact: true });
      await until(page, () => confirm.isVisible(), "the confirmation");
      const before = await jobs();
      const sent = [];
      page.on("request", (r) => { if (r.method() === "POST" && /\/bulk-jobs(\?|$)/.test(r.url())) sent.push(r.url()); });
      await context.setOffline(true);
      // The page hears of it by an event, then draws a frame: under load that is not at once.
      await until(page, async () => (await confirm.getAttribute("aria-disabled")) === "true", "the confirmation disabled offline");
      assert.equal(await reasonOf(page, confirm), TEXT[lang].offline);
      await waitForItem(page, TEXT[lang].offline, "note");
      await screenshot(page, `74-bulk-offline-1440x900-${lang}`);
      await confirm.click({ force: true });
      await page.waitForTimeout(1000);
      assert.deepEqual(sent, [], "no job was sent");
      // Back online: the confirmation can be used again; the click made offline was not kept.
      await context.setOffline(false);
      await until(page, async () => (await confirm.getAttribute("aria-disabled")) !== "true", "the confirmation back");
      await page.waitForTimeout(1500);  // nothing was kept to send later either
      assert.deepEqual(sent, [], "nothing sent once back online");
      assert.equal(await jobs(), before, "nothing started");
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

test("tablet (768x1024, touch): a row's checkbox takes a finger anywhere in its cell, at least 44 px, and opens no customer", async () => {
  for (const lang of ["en", "de"]) {
    const { context, page, pageErrors } = await open(lang, null,
      { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false });
    try {
      const label = TEXT[lang].select(NAMES[0]);
      const box = await waitForItem(page, label, "checkbox");
      assert.ok(box.w >= 44 && box.h >= 44, `${box.w}x${box.h}`);
      assert.ok(box.w <= 46, `the column no wider than a finger needs: ${box.w}`);
      // Near the cell's corner, well off the 20 px box drawn in its middle.
      await page.touchscreen.tap(box.x + box.w - 4, box.y + 5);
      await waitForItem(page, TEXT[lang].selected(1), "status");
      assert.equal((await items(page)).find((i) => i.kind === "checkbox" && i.label === label).checked, true);
      assert.ok((await page.evaluate(() => location.hash)).startsWith("#/customers?"), "still the list");
      await waitForIdle(page, 2000);
      await screenshot(page, `74-bulk-tablet-checkbox-768x1024-${lang}`);
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  }
});
