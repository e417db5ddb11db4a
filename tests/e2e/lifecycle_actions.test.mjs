// Issue 23's actions on the customer's page, in the browser: Edit customer, Suspend and Resume.
// By keyboard, through the accessibility mirror (the dialog, its labelled fields, the disabled
// reason); a double click acts once; another member's edit meanwhile is shown, not overwritten;
// a Viewer finds them disabled with the reason; offline they say they need a connection.
// Screenshots EN/DE at 1440x900 and 390x844.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { api, launchBrowser, openConsoleAt, screenshot, startServer, until as poll, waitForIdle, waitForItem } from "./harness.mjs";

const TEXT = {
  en: { signIn: "Demo sign-in", edit: "Edit customer", save: "Save changes", title: (n) => `Edit ${n}`,
        suspend: "Suspend", resume: "Resume" },
  de: { signIn: "Demo-Anmeldung", edit: "Kunde bearbeiten", save: "Änderungen speichern", title: (n) => `${n} bearbeiten`,
        suspend: "Sperren", resume: "Fortsetzen" },
};
const VIEWER = "tom.fischer@reseller.example";  // the demo team's Viewer
let server, browser, token, invited, active, paid;

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  const config = await (await fetch(server.url + "/config.json")).json();
  token = (await api(server.url, "POST", "/auth/demo", { body: { email: config.demo_email } })).json.token;
  const all = (await api(server.url, "GET", "/customers?limit=200", { token })).json.items;
  invited = all.filter((c) => c.status === "invited" && c.invitation && c.invitation.status === "pending");
  active = all.filter((c) => c.status === "active");
  paid = active.filter((c) => c.subscription.status === "active" && c.subscription.billing_cycle === "flexible");
  assert.ok(invited.length >= 3 && active.length >= 2 && paid.length >= 4, "the demo has invited, active and paid flexible customers");
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const until = (page, fn, what) => poll(page, fn, what, { shot: "lifecycle-actions-timeout" });

// Opens the console at a customer's page signed in as `email` (the demo's Admin by default).
async function open(id, { lang = "en", size = [1440, 900], email = null } = {}) {
  const opened = await openConsoleAt(browser, server.url, "#/customers/" + id,
    { viewport: { width: size[0], height: size[1] }, locale: lang === "de" ? "de-DE" : "en-US" });
  const { page } = opened;
  if (email) await page.getByLabel(/Demo account email|E-Mail-Adresse des Demo-Kontos/).fill(email);
  await page.getByRole("button", { name: TEXT[lang].signIn }).click();
  await until(page, () => page.getByRole("banner").isVisible(), "signed in");
  return opened;
}

async function reasonOf(page, button) {
  await until(page, () => button.isVisible(), "the button");
  assert.equal(await button.getAttribute("aria-disabled"), "true", "disabled");
  const describedBy = await button.getAttribute("aria-describedby");
  assert.ok(describedBy, "it has a description");
  return (await page.locator("#" + describedBy).textContent()).trim();
}

test("Edit customer by keyboard: the domain while invited; a double click saves once, the page and the history show it", async () => {
  const c = invited[0];
  const { context, page, pageErrors } = await open(c.id);
  try {
    const opener = page.getByRole("button", { name: TEXT.en.edit, exact: true });
    await until(page, () => opener.isVisible(), "Edit customer");
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: TEXT.en.title(c.name) });
    await until(page, () => dialog.isVisible(), "the dialog");
    assert.equal(await dialog.getAttribute("aria-modal"), "true");
    const save = dialog.getByRole("button", { name: TEXT.en.save });
    assert.equal(await save.getAttribute("aria-disabled"), "true", "nothing to save before a change");
    const domain = `${c.google_domain.split(".")[0]}-neu.example`;
    await dialog.getByLabel("Organization").fill(c.organization + " AG");
    await dialog.getByLabel("Google Workspace domain").fill(domain.toUpperCase());
    await screenshot(page, "lifecycle-edit-en-1440x900");
    await save.dblclick();
    await until(page, async () => /Customer details saved\./.test(await page.getByRole("status").first().textContent()), "the toast");
    await until(page, async () => (await dialog.count()) === 0, "the dialog to close");
    await until(page, async () => (await page.getByRole("main").textContent()).includes(c.organization + " AG"), "the page shows it");
    const after = (await api(server.url, "GET", "/customers/" + c.id, { token })).json;
    assert.equal(after.organization, c.organization + " AG");
    assert.equal(after.google_domain, domain);
    const history = (await api(server.url, "GET", `/activity?customer_id=${c.id}&limit=20`, { token })).json.items;
    assert.equal(history.filter((h) => h.action === "customer.updated").length, 1, "saved once");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("Edit customer: an accepted customer's domain is shown, not editable; another member's change meanwhile is shown, then saved over knowingly", async () => {
  const c = active[0];
  const { context, page, pageErrors } = await open(c.id);
  try {
    await page.getByRole("button", { name: TEXT.en.edit, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: TEXT.en.title(c.name) });
    await until(page, () => dialog.isVisible(), "the dialog");
    assert.equal(await dialog.getByLabel("Google Workspace domain").count(), 0, "no domain field");
    assert.ok((await dialog.textContent()).includes("can be changed only while the invitation is open"));
    // Another member renames the customer meanwhile.
    const renamed = await api(server.url, "PATCH", "/customers/" + c.id, { token, body: { name: c.name + " Jr.", expected_name: c.name } });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.json));
    await dialog.getByLabel("Organization").fill("Neu GmbH");
    await dialog.getByRole("button", { name: TEXT.en.save }).click();
    await until(page, async () => /Someone else changed this customer's details meanwhile/.test(await dialog.textContent()), "the conflict said");
    assert.equal(await dialog.getByLabel(/Contact name/).inputValue(), c.name + " Jr.", "their change is in the form");
    assert.equal(await dialog.getByLabel("Organization").inputValue(), "Neu GmbH", "what was typed stays");
    assert.equal((await api(server.url, "GET", "/customers/" + c.id, { token })).json.organization, c.organization, "nothing saved");
    await dialog.getByRole("button", { name: TEXT.en.save }).click();
    await until(page, async () => (await dialog.count()) === 0, "saved");
    const after = (await api(server.url, "GET", "/customers/" + c.id, { token })).json;
    assert.deepEqual([after.name, after.organization], [c.name + " Jr.", "Neu GmbH"]);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("Suspend by keyboard with the reason, then Resume with its preview: a double click acts once each", async () => {
  const c = paid[0];
  const who = c.organization || c.name;
  const { context, page, pageErrors } = await open(c.id);
  try {
    const suspend = page.getByRole("button", { name: TEXT.en.suspend, exact: true });
    await until(page, () => suspend.isVisible(), "Suspend");
    await suspend.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Suspend ${who}'s subscription` });
    await until(page, () => dialog.isVisible(), "the Suspend dialog");
    await until(page, async () => (await dialog.textContent()).includes("accrues no charges while suspended"), "the preview");
    // The mirror forwards a pointer click to the canvas where the radio is drawn: the dialog
    // settles first (it grows when the preview arrives), and the click must have picked it
    // (a full run once clicked where the radio had been and suspended for non-payment).
    await waitForIdle(page, 3000);
    const reason = dialog.getByRole("radio", { name: /At the customer's request/ });
    await reason.click();
    await until(page, async () => (await reason.getAttribute("aria-checked")) === "true", "the customer's request picked");
    await dialog.getByLabel("Note (optional)").fill("Pause über den Sommer");
    await dialog.getByRole("button", { name: "Suspend subscription" }).dblclick();
    await until(page, async () => /Subscription suspended\./.test(await page.getByRole("status").first().textContent()), "the toast");
    await waitForItem(page, "Suspended", "badge");
    let now = (await api(server.url, "GET", "/customers/" + c.id, { token })).json;
    assert.equal(now.subscription.status, "suspended");
    assert.equal(now.subscription.suspension.reason, "customer_request");

    const resume = page.getByRole("button", { name: TEXT.en.resume, exact: true });
    await until(page, () => resume.isVisible(), "Resume");
    await resume.click();
    const again = page.getByRole("dialog", { name: `Resume ${who}'s subscription` });
    await until(page, async () => (await again.textContent()).includes("the period already invoiced still runs"), "the resume preview");
    await again.getByRole("button", { name: "Resume subscription" }).dblclick();
    await until(page, async () => /Subscription resumed/.test(await page.getByRole("status").first().textContent()), "the toast");
    await waitForItem(page, "Active", "badge");
    now = (await api(server.url, "GET", "/customers/" + c.id, { token })).json;
    assert.equal(now.subscription.status, "active");
    const history = (await api(server.url, "GET", `/activity?customer_id=${c.id}&limit=20`, { token })).json.items;
    assert.equal(history.filter((h) => h.action === "subscription.suspended").length, 1, "suspended once");
    assert.equal(history.filter((h) => h.action === "subscription.resumed").length, 1, "resumed once");
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
  }
});

test("a Viewer finds Edit customer and Suspend disabled with the reason; offline they need a connection", async () => {
  const viewer = await open(paid[1].id, { email: VIEWER });
  try {
    assert.equal(await reasonOf(viewer.page, viewer.page.getByRole("button", { name: TEXT.en.edit, exact: true })),
                 "Needs the Sales or Admin role");
    assert.equal(await reasonOf(viewer.page, viewer.page.getByRole("button", { name: TEXT.en.suspend, exact: true })),
                 "Needs the Buyer or Admin role");
    await screenshot(viewer.page, "lifecycle-edit-viewer-en-1440x900");
  } finally {
    await viewer.context.close();
  }
  const { context, page } = await open(paid[1].id);
  try {
    await until(page, () => page.getByRole("button", { name: TEXT.en.edit, exact: true }).isVisible(), "Edit customer");
    await context.setOffline(true);
    await page.evaluate(() => { location.hash = "#/customers"; });
    await page.evaluate((id) => { location.hash = "#/customers/" + id; }, paid[1].id);
    await waitForItem(page, "Needs a connection — you are offline.", "note");
    for (const name of [TEXT.en.edit, TEXT.en.suspend])
      assert.equal(await reasonOf(page, page.getByRole("button", { name, exact: true })), "Needs a connection — you are offline.");
  } finally {
    await context.close();
  }
});

test("screenshots: Edit customer, Suspend and Resume, EN and DE at 1440x900 and 390x844", async () => {
  const suspended = paid[3];
  const r = await api(server.url, "POST", `/customers/${suspended.id}/subscription/suspend`, { token, body: { reason: "non_payment" } });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  for (const lang of ["en", "de"]) {
    for (const size of [[1440, 900], [390, 844]]) {
      const c = invited[1];
      const { context, page } = await open(c.id, { lang, size });
      try {
        const opener = page.getByRole("button", { name: TEXT[lang].edit, exact: true });
        await until(page, () => opener.isVisible(), "Edit customer");
        await page.mouse.move(2, size[1] - 10);
        await page.waitForTimeout(300);
        await screenshot(page, `lifecycle-customer-${lang}-${size[0]}x${size[1]}`);
        await opener.click();
        await until(page, () => page.getByRole("dialog").isVisible(), "the dialog");
        await page.waitForTimeout(300);
        await screenshot(page, `lifecycle-edit-${lang}-${size[0]}x${size[1]}`);
      } finally {
        await context.close();
      }
      for (const [id, button, name] of [[paid[2].id, TEXT[lang].suspend, "suspend"], [suspended.id, TEXT[lang].resume, "resume"]]) {
        const { context, page } = await open(id, { lang, size });
        try {
          const opener = page.getByRole("button", { name: button, exact: true });
          await until(page, () => opener.isVisible(), button);
          await page.mouse.move(2, size[1] - 10);
          await page.waitForTimeout(300);
          await screenshot(page, `lifecycle-${name}-page-${lang}-${size[0]}x${size[1]}`);
          await opener.click();
          const dialog = page.getByRole("dialog");
          await until(page, async () => (await dialog.isVisible()) && !/Calculating|Preis wird berechnet/.test(await dialog.textContent()),
                      "the dialog with its preview");
          await page.waitForTimeout(300);
          await screenshot(page, `lifecycle-${name}-${lang}-${size[0]}x${size[1]}`);
        } finally {
          await context.close();
        }
      }
    }
  }
});
