// Issue 25, in German as a German reseller uses the console: the language chosen survives a
// reload, and Back closes an invoice opened from a customer's page (Forward opens it again).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { englishOn, englishOnly } from "./words.mjs";
import { api, clickItem, items, launchBrowser, openConsoleAt, screenshot, startServer, waitForConsole, waitForIdle,
  waitForItem, waitForItemMatching } from "./harness.mjs";

let server, browser, token;

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  token = (await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } })).json.token;
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

const hasItem = (list, label, kind) => list.some((it) => it.label === label && (!kind || it.kind === kind));

test("the language chosen in the console survives a reload, whatever the browser's language", { timeout: 120000 }, async () => {
  const { page, context, errors } = await openConsoleAt(browser, server.url, "", { locale: "de-DE" });
  await waitForItem(page, "Demo-Anmeldung", "button");
  await clickItem(page, "\uf0ac  English", "button");
  await waitForItem(page, "Demo sign-in", "button");
  await page.reload();
  await waitForConsole(page);
  await waitForItem(page, "Demo sign-in", "button");
  assert.ok(!hasItem(await items(page), "Demo-Anmeldung"), "German came back after the reload");
  // And back to German: kept too.
  await clickItem(page, "\uf0ac  Deutsch", "button");
  await waitForItem(page, "Demo-Anmeldung", "button");
  await page.reload();
  await waitForConsole(page);
  await waitForItem(page, "Demo-Anmeldung", "button");
  assert.deepEqual(errors, []);
  await context.close();
});

test("Back closes an invoice opened from a customer's page; Forward opens it again", { timeout: 120000 }, async () => {
  const invoices = (await api(server.url, "GET", "/invoices?limit=200", { token })).json.items;
  const invoice = invoices[0];
  assert.ok(invoice, "the demo account has invoices");
  const customer = (await api(server.url, "GET", "/customers/" + invoice.customer_id, { token })).json;
  const { page, context, errors } = await openConsoleAt(browser, server.url, "#/customers/" + customer.id,
    { locale: "de-DE" });
  await clickItem(page, "Demo-Anmeldung", "button");
  await waitForItem(page, customer.name, "heading");
  // The newest invoices of the customer are listed on the page; open this one.
  await clickItem(page, invoice.number, "row");
  const title = "Rechnung " + invoice.number;
  await waitForItem(page, title);
  assert.equal(await page.evaluate(() => location.hash), `#/customers/${customer.id}/invoices/${invoice.id}`);
  await screenshot(page, "25-invoice-over-customer-de");

  await page.goBack();
  await waitForIdle(page, 3000);
  assert.equal(await page.evaluate(() => location.hash), `#/customers/${customer.id}`);
  await page.waitForFunction((t) => !window.resellerConsole.items().some((it) => it.label === t), title, { timeout: 5000 });
  assert.ok(hasItem(await items(page), customer.name, "heading"), "the customer's page is under it");

  await page.goForward();
  await waitForItem(page, title);
  assert.ok(hasItem(await items(page), customer.name, "heading"), "the invoice opens over the same page");

  // Esc closes it too, and Back from there does not bring it back.
  await page.keyboard.press("Escape");
  await page.waitForFunction((t) => !window.resellerConsole.items().some((it) => it.label === t), title, { timeout: 5000 });
  assert.equal(await page.evaluate(() => location.hash), `#/customers/${customer.id}`);
  assert.deepEqual(errors, []);
  await context.close();
});

// A day as a German reader writes it.
const german = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

async function signedInAt(hash, options = {}) {
  const opened = await openConsoleAt(browser, server.url, hash, { locale: "de-DE", ...options });
  await clickItem(opened.page, "Demo-Anmeldung", "button");
  return opened;
}

test("a pending cancellation and a trial say their date in the header badge and in the list, and the reason is in the history", { timeout: 120000 }, async () => {
  const all = (await api(server.url, "GET", "/customers?limit=200", { token })).json.items;
  const active = all.find((c) => c.subscription && c.subscription.status === "active" && c.status === "active");
  const trial = all.find((c) => c.subscription && c.subscription.status === "trial" && c.status === "active");
  assert.ok(active && trial, "the demo account has an active and a trial customer");
  const cancelled = await api(server.url, "POST", `/customers/${active.id}/subscription/cancel`,
    { token, body: { when: "end_of_term", reason: "Zu teuer für uns" } });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.json));
  const ends = "Gekündigt zum " + german(cancelled.json.term_end);
  // The trial's last day (trial_ends_on; the term's end from an older server).
  const trialUntil = "Testphase bis " + german(trial.subscription.trial_ends_on || trial.subscription.term_end);

  const { page, context, errors } = await signedInAt("#/customers/" + active.id);
  await waitForItem(page, active.name, "heading");
  const header = await items(page);
  assert.ok(hasItem(header, ends, "badge"), `the header says "${ends}"`);
  assert.ok(!hasItem(header, "Aktiv", "badge"), "no badge says Aktiv");
  await waitForItem(page, "Zum Ende der Laufzeit gekündigt. Grund: Zu teuer für uns");
  await screenshot(page, "25-status-pending-cancel-de");

  await page.evaluate((h) => { location.hash = h; }, "#/customers/" + trial.id);
  await waitForItem(page, trial.name, "heading");
  assert.ok(hasItem(await items(page), trialUntil, "badge"), `the header says "${trialUntil}"`);
  await waitForItem(page, "Erste Abrechnung am");

  for (const [c, words] of [[active, ends], [trial, trialUntil]]) {
    await page.evaluate((h) => { location.hash = h; }, "#/customers?q=" + encodeURIComponent(c.name));
    await waitForItem(page, words, "badge");
  }
  await screenshot(page, "25-status-list-de");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the invoice filter takes 01.11.2026 as a German reader types it, and the table never empties over a typo", { timeout: 120000 }, async () => {
  const all = (await api(server.url, "GET", "/invoices?limit=200", { token })).json.items;
  const days = [...new Set(all.map((i) => i.issued_at.slice(0, 10)))].sort();
  assert.ok(days.length >= 3, "invoices on several days");
  const from = days[Math.floor(days.length / 2)];
  const expected = (await api(server.url, "GET", `/invoices?limit=200&from=${from}`, { token })).json.items.map((i) => i.number);
  const numbers = all.map((i) => i.number);
  const rowsOf = (list) => list.filter((i) => i.kind === "cell" && numbers.includes(i.label));

  const { page, context, errors } = await signedInAt("#/invoices");
  await page.waitForFunction((n) => window.resellerConsole.items().some((i) => i.kind === "cell" && n.includes(i.label)),
    numbers, { timeout: 15000 });
  const before = rowsOf(await items(page)).length;
  // A typo first: the field says what is wrong, the rows stay.
  await clickItem(page, "Von", "input");
  await page.keyboard.type("31.02.2026", { delay: 20 });
  await waitForItem(page, "Geben Sie ein Datum wie 31.01.2026 ein.");
  const during = rowsOf(await items(page)).length;
  assert.equal(during, before, "the rows stay while the date is wrong");
  assert.ok(!(await page.evaluate(() => location.hash)).includes("from="), "a day the calendar lacks never reaches the server");

  await page.keyboard.press("Control+A");
  await page.keyboard.type(german(from), { delay: 20 });
  await page.waitForFunction((f) => location.hash.includes("from=" + f), from, { timeout: 10000 });
  await page.waitForFunction(([ex, n]) => {
    const shown = window.resellerConsole.items().filter((i) => i.kind === "cell" && n.includes(i.label)).map((i) => i.label);
    return shown.length > 0 && shown.every((x) => ex.includes(x));
  }, [expected, numbers], { timeout: 10000 });
  const drawn = await items(page);
  assert.ok(!drawn.some((i) => i.label === "Geben Sie ein Datum wie 31.01.2026 ein."), "no error once the date is right");
  assert.ok(!drawn.some((i) => /Some fields|missing or invalid/.test(i.label)), "no English from the server");
  await screenshot(page, "25-invoice-filter-de");

  assert.deepEqual(errors, []);
  await context.close();
});

test("the invoice filter's calendar: keys through the page's mirror, a finger on a phone, German and English weeks", { timeout: 180000 }, async () => {
  const CAL = "\uf073";  // the calendar button's icon
  const { page, context, errors } = await signedInAt("#/invoices");
  await clickItem(page, "Von", "input");
  await page.keyboard.type("01.11.2026", { delay: 20 });
  await page.waitForFunction(() => location.hash.includes("from=2026-11-01"), null, { timeout: 10000 });
  // Keyboard and screen reader: the button in the page's mirror, Enter opens the dialog on the field's day.
  await page.getByRole("button", { name: "Datum für „Von“ auswählen" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: "Datum auswählen" }).waitFor({ timeout: 10000 });
  const focusedDay = () => page.evaluate(() => document.activeElement && document.activeElement.textContent);
  const waitFocus = (name) => page.waitForFunction((n) => document.activeElement && document.activeElement.textContent === n, name,
    { timeout: 10000 });
  await waitFocus("Sonntag, 1. November 2026");
  assert.equal(await page.evaluate(() => document.activeElement.closest("[role=gridcell]").getAttribute("aria-selected")), "true");
  assert.equal(await page.getByRole("grid", { name: "November 2026" }).getAttribute("aria-rowcount"), "7");
  const heads = await page.getByRole("grid", { name: "November 2026" }).locator("[role=columnheader]").allTextContents();
  assert.deepEqual(heads, ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]);
  await screenshot(page, "25-date-picker-de-1440");
  await page.keyboard.press("ArrowRight");
  await waitFocus("Montag, 2. November 2026");
  await page.keyboard.press("ArrowDown");
  await waitFocus("Montag, 9. November 2026");
  await page.keyboard.press("PageDown");
  await waitFocus("Mittwoch, 9. Dezember 2026");
  await page.keyboard.press("End");
  await waitFocus("Sonntag, 13. Dezember 2026");
  assert.ok(!(await page.evaluate(() => location.hash)).includes("from=2026-12"), "moving the day filters nothing");
  // Tab stays in the dialog: one stop in the month (the day), the month's buttons.
  const stops = await page.evaluate(() => [...document.querySelectorAll("[role=dialog] button")].filter((b) => b.tabIndex === 0).map((b) => b.textContent));
  assert.deepEqual(stops, ["Vorheriger Monat", "Nächster Monat", "Sonntag, 13. Dezember 2026"]);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash.includes("from=2026-12-13"), null, { timeout: 10000 });
  await page.getByRole("dialog").waitFor({ state: "detached", timeout: 10000 });
  assert.equal(await focusedDay(), "Datum für „Von“ auswählen", "the focus is back on the button");
  // Esc closes it unchanged.
  await page.keyboard.press("Enter");
  await waitFocus("Sonntag, 13. Dezember 2026");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached", timeout: 10000 });
  assert.ok((await page.evaluate(() => location.hash)).includes("from=2026-12-13"));
  assert.deepEqual(errors, []);
  await context.close();

  // A phone, a finger: taps on the button and on a day, each day at least 44 px.
  const phone = await signedInAt("#/invoices?from=2026-11-01", { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const tapItem = async (label, kind) => {
    const it = await waitForItem(phone.page, label, kind);
    await phone.page.touchscreen.tap(it.x + it.w / 2, it.y + it.h / 2);
    await waitForIdle(phone.page, 2000);
    return it;
  };
  await waitForItem(phone.page, "Von", "input");
  await tapItem(CAL, "button");
  const day = await waitForItem(phone.page, "17", "button");
  assert.ok(day.w >= 44 && day.h >= 44, `a day is ${day.w} x ${day.h}`);
  const shown = (await items(phone.page)).filter((i) => i.kind === "button" && /^\d+$/.test(i.label));
  assert.ok(shown.every((i) => i.x >= 0 && i.x + i.w <= 390), "the month fits on the phone's screen");
  await screenshot(phone.page, "25-date-picker-de-390");
  await tapItem("17", "button");
  await phone.page.waitForFunction(() => location.hash.includes("from=2026-11-17"), null, { timeout: 10000 });
  assert.deepEqual(phone.errors, []);
  await phone.context.close();

  // English: the week starts on Sunday, days are named the English way.
  const en = await openConsoleAt(browser, server.url, "#/invoices?from=2026-11-01", { locale: "en-US" });
  await clickItem(en.page, "Demo sign-in", "button");
  await waitForItem(en.page, "From", "input");
  await clickItem(en.page, CAL, "button");
  await waitForItem(en.page, "November 2026", "heading");
  const english = await en.page.getByRole("grid", { name: "November 2026" }).locator("[role=columnheader]").allTextContents();
  assert.deepEqual(english, ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"]);
  assert.equal(await en.page.getByRole("button", { name: "Sunday, November 1, 2026" }).count(), 1);
  await screenshot(en.page, "25-date-picker-en-1440");
  assert.deepEqual(en.errors, []);
  await en.context.close();
});

test("the plan change asks before it charges: what changes, what is due now, from when", { timeout: 120000 }, async () => {
  const all = (await api(server.url, "GET", "/customers?limit=200", { token })).json.items;
  const flexible = all.filter((c) => c.status === "active" && c.subscription && c.subscription.status === "active" &&
    c.subscription.billing_cycle === "flexible" && c.subscription.plan !== "enterprise");
  const customer = flexible[flexible.length - 1];
  assert.ok(customer, "the demo account has an active customer on a flexible plan below Enterprise");
  const invoicesOf = async () => (await api(server.url, "GET", "/invoices?limit=200", { token })).json.items
    .filter((i) => i.customer_id === customer.id).length;
  const before = await invoicesOf();

  const { page, context, errors } = await signedInAt("#/customers/" + customer.id);
  await waitForItem(page, customer.name, "heading");
  await clickItem(page, "Tarif wechseln", "button");
  await clickItem(page, "Enterprise", "option");
  await waitForItem(page, "Jetzt fällig", "label");
  await waitForItemMatching(page, /^Gilt sofort; die Differenz wird anteilig bis \d{2}\.\d{2}\.\d{4} berechnet\.$/, "text");
  await clickItem(page, "Weiter", "button");
  await waitForItem(page, "Tarifwechsel bestätigen", "heading");
  await waitForItem(page, "Enterprise (Flexibel, monatlich kündbar)", "text");
  await waitForItemMatching(page, /^Heute werden \d[\d.]*,\d{2}\s[$€] in Rechnung gestellt\.$/, "text");
  await waitForItemMatching(page, /^sofort, \d{2}\.\d{2}\.\d{4}$/, "text");
  await screenshot(page, "25-plan-confirm-de");
  assert.equal(await invoicesOf(), before, "nothing is charged before the confirmation");

  // Back to the choice, nothing sent; then confirm.
  await clickItem(page, "Zurück", "button");
  await waitForItem(page, "Enterprise", "option");
  assert.equal(await invoicesOf(), before, "nothing is charged going back");
  await clickItem(page, "Weiter", "button");
  await clickItem(page, "Tarifwechsel bestätigen", "button");
  await waitForItem(page, "Tarif auf Enterprise umgestellt.", "toast");
  assert.equal(await invoicesOf(), before + 1, "one invoice for the change, after the confirmation");
  assert.deepEqual(errors, []);
  await context.close();
});

// Every screen and the dialogs a German reseller opens, in German: no drawn text is one of the
// console's English texts (or holds one), nor one of the server's English sentences.
test("no English word on a German screen", { timeout: 180000 }, async () => {
  const english = englishOnly();
  assert.ok(english.length > 300, "the English texts were read");
  const all = (await api(server.url, "GET", "/customers?limit=200", { token })).json.items;
  const active = all.find((c) => c.subscription && c.subscription.status === "active" && c.status === "active");
  const { page, context, errors } = await signedInAt("#/dashboard");
  const found = [];
  const look = async (where) => {
    await waitForIdle(page, 3000);
    for (const f of englishOn(await items(page), english)) found.push(`${where}: ${f.kind} "${f.label}" (${f.en})`);
  };
  await page.waitForFunction(() => window.resellerConsole.items().some((i) => i.kind === "figure"), null, { timeout: 15000 });
  await look("dashboard");
  for (const [hash, ready] of [["#/customers", "Verwalten"], ["#/customers/" + active.id, active.name], ["#/invoices", "Von"],
    ["#/team", "+  Mitglied hinzufügen"], ["#/billing", "Abrechnung"]]) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await waitForItem(page, ready);
    await look(hash);
  }
  await page.evaluate((h) => { location.hash = h; }, "#/customers/" + active.id);
  await waitForItem(page, active.name, "heading");
  for (const [button, heading] of [["Lizenzen hinzufügen", null], ["Tarif wechseln", null], ["Abonnement kündigen", null]]) {
    const it = (await items(page)).find((i) => i.kind === "button" && i.label === button);
    if (!it) { found.push(`customer page: no button "${button}"`); continue; }
    await clickItem(page, button, "button");
    await waitForIdle(page, 3000);
    await look("dialog " + button);
    await page.keyboard.press("Escape");
    await waitForIdle(page, 2000);
  }
  // An invoice, as its dialog shows it.
  const invoice = (await api(server.url, "GET", "/invoices?limit=1", { token })).json.items[0];
  await page.evaluate((h) => { location.hash = h; }, "#/invoices/" + invoice.id);
  await waitForItem(page, "Rechnung " + invoice.number);
  await look("invoice " + invoice.number);
  await page.keyboard.press("Escape");
  await waitForIdle(page, 2000);
  await page.evaluate((h) => { location.hash = h; }, "#/customers");
  await clickItem(page, "+  Neuer Kunde", "button");
  await waitForItem(page, "Neuen Kunden einladen", "heading");
  await look("new customer");
  assert.deepEqual(found, []);
  assert.deepEqual(errors, []);
  await context.close();
});
