// Bulk actions in the browser (issue 19): the customer list's checkboxes (named and ticked in the
// mirror), "select all N matching" acting by filter, one preview and one confirmation (a double
// click starts one job), the job's progress and report; a reload while the job runs shows its
// progress again; phones pick cards in a select mode; English and German at three sizes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { startServer, launchBrowser, openConsoleAt, api, items, waitForItem, waitForIdle, clickItem, screenshot, until }
  from "./harness.mjs";

let server, browser, token;
const TAG = "sel" + Date.now().toString(36);
const NAMES = ["Alma", "Bruno", "Carla"].map((n) => `${n} ${TAG}`);

before(async () => {
  server = await startServer(["--demo"]);
  browser = await launchBrowser();
  token = (await api(server.url, "POST", "/auth/demo", { body: { email: "demo@reseller.example" } })).json.token;
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

async function signedIn(lang, hash, viewport = { width: 1440, height: 900 }) {
  const opened = await openConsoleAt(browser, server.url, hash, { viewport, locale: lang === "de" ? "de-DE" : "en-US",
    acceptDownloads: true });
  await clickItem(opened.page, lang === "de" ? "Demo-Anmeldung" : "Demo sign-in", "button");
  return opened;
}

const checkbox = async (page, label) => (await items(page)).find((i) => i.kind === "checkbox" && i.label === label);

async function jobs() {
  return (await api(server.url, "GET", "/bulk-jobs", { token })).json.items;
}

test("tick rows, select all matching, resend invitations: one preview, one job for a double click, progress, report", { timeout: 120000 }, async () => {
  const { context, page, errors } = await signedIn("en", `#/customers?q=${TAG}`);
  try {
    await waitForItem(page, NAMES[2], "cell");
    await clickItem(page, `Select ${NAMES[0]}`, "checkbox");
    await clickItem(page, `Select ${NAMES[1]}`, "checkbox");
    assert.equal((await checkbox(page, `Select ${NAMES[0]}`)).checked, true, "the mirror says it is ticked");
    assert.ok(!(await checkbox(page, `Select ${NAMES[2]}`)).checked, "the third is not");
    assert.ok(!(await checkbox(page, "Select all on this page")).checked, "the page is not all picked");
    await waitForItem(page, "2 selected", "status");
    await screenshot(page, "72-bulk-selection-1440x900-en");
    await clickItem(page, "Select all 3 matching", "button");
    await waitForItem(page, "All 3 matching customers are selected", "status");
    assert.equal((await checkbox(page, "Select all on this page")).checked, true);
    const before = (await jobs()).length;

    await clickItem(page, "Resend invitations", "button");
    await waitForItem(page, "Resend invitations to 3 customers", "heading");
    await waitForItem(page, "Applies to 3 of 3 customers", "status");
    await screenshot(page, "72-bulk-resend-preview-1440x900-en");
    const go = await waitForItem(page, "Resend 3 invitations", "button");
    await page.mouse.dblclick(go.x + go.w / 2, go.y + go.h / 2);
    await waitForItem(page, "Finished", "text", 60000);
    await waitForItem(page, "3 of 3 customers done", "status");
    await screenshot(page, "72-bulk-resend-finished-1440x900-en");
    const after = await jobs();
    assert.equal(after.length, before + 1, "one job for a double click");
    assert.equal(after[0].action, "resend_invitations");
    assert.equal(after[0].counts.total, 3, "acted by filter on the 3 matching");
    const r = await waitForItem(page, "Download report (CSV)", "button");
    const [report] = await Promise.all([page.waitForEvent("download", { timeout: 15000 }), page.mouse.click(r.x + r.w / 2, r.y + r.h / 2)]);
    const lines = fs.readFileSync(await report.path(), "utf8").trim().split(/\r?\n/);
    assert.equal(lines.length, 4, "a header and a line per customer:\n" + lines.join("\n"));
    await clickItem(page, "Close", "button");
    await until(page, async () => !(await items(page)).some((i) => i.label === "3 of 3 customers done"), "the dialog to close");
    assert.ok(!(await items(page)).some((i) => i.label === "All 3 matching customers are selected"), "the selection did its work");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// Active customers' license counts, by name.
async function licensesOf(names) {
  const r = await api(server.url, "GET", `/customers?status=active&limit=200`, { token });
  return Object.fromEntries(r.json.items.filter((c) => names.includes(c.name)).map((c) => [c.name, c.subscription.licenses]));
}

test("add licenses to two customers: the price per customer and in total, then a reload shows the job's progress", { timeout: 120000 }, async () => {
  const { context, page, errors } = await signedIn("de", "#/customers?status=active&sort=name");
  try {
    const rows = (await api(server.url, "GET", "/customers?status=active&sort=name&limit=2", { token })).json.items;
    const names = rows.map((c) => c.name);
    const was = await licensesOf(names);
    for (const n of names) await clickItem(page, `${n} auswählen`, "checkbox");
    await waitForItem(page, "2 ausgewählt", "status");
    await clickItem(page, "Lizenzen hinzufügen", "button");
    await waitForItem(page, "Lizenzen für 2 Kunden hinzufügen", "heading");
    await clickItem(page, "Vorschau anzeigen", "button");
    await waitForItem(page, "Möglich für 2 von 2 Kunden", "status");
    await waitForItem(page, "Jetzt fällig, alle Kunden (anteilig)", "label");
    assert.ok((await items(page)).some((i) => i.kind === "cell" && i.label.startsWith(`${was[names[0]]} auf ${was[names[0]] + 1} Lizenzen`)),
      "the change per customer");
    await screenshot(page, "72-bulk-licenses-preview-1440x900-de");
    // The job's progress is not heard (its polls fail) until after a reload.
    await page.route(/\/bulk-jobs\/\d+\?/, (route) => route.abort());
    await clickItem(page, "Lizenzen für 2 Kunden hinzufügen", "button");
    await waitForItem(page, "Anhalten", "button");
    await page.reload();
    await page.waitForFunction(() => window.resellerConsole && window.resellerConsole.ready, null, { timeout: 60000 });
    await page.unroute(/\/bulk-jobs\/\d+\?/);
    await waitForItem(page, "2 von 2 Kunden erledigt", "status", 30000);
    await waitForItem(page, "Abgeschlossen", "text");
    await screenshot(page, "72-bulk-licenses-finished-1440x900-de");
    const now = await licensesOf(names);
    for (const n of names) assert.equal(now[n], was[n] + 1, `${n}: one license more, once`);
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e)), []);
  } finally {
    await context.close();
  }
});

test("the selection bar and dialog in English and German at three sizes; phones pick cards in select mode", { timeout: 180000 }, async () => {
  for (const lang of ["en", "de"]) {
    const { context, page, errors } = await signedIn(lang, `#/customers?q=${TAG}`);
    try {
      const sel = lang === "de" ? (n) => `${n} auswählen` : (n) => `Select ${n}`;
      await clickItem(page, sel(NAMES[0]), "checkbox");
      for (const [width, height] of [[1440, 900], [768, 1024]]) {
        await page.setViewportSize({ width, height });
        await waitForIdle(page, 3000);
        // The bar's four actions, all on screen once the layout has settled at this size.
        const actions = async () => (await items(page)).filter((i) => i.kind === "button" && /invitations|Einladungen|licenses|Lizenz/.test(i.label));
        await until(page, async () => { const bar = await actions(); return bar.length === 4 && bar.every((b) => b.x >= 0 && b.x + b.w <= width + 0.5); },
          `${width}: the four actions on screen`);
        await screenshot(page, `72-bulk-bar-${width}x${height}-${lang}`);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await waitForIdle(page, 3000);
      // A phone shows cards: "Select" turns a tap on a card into picking it.
      const mode = lang === "de" ? "Auswählen" : "Select";
      await clickItem(page, mode, "button");
      await clickItem(page, NAMES[1], "row");
      await waitForItem(page, lang === "de" ? "2 ausgewählt" : "2 selected", "status");
      assert.equal((await checkbox(page, sel(NAMES[1]))).checked, true);
      await screenshot(page, `72-bulk-select-mode-390x844-${lang}`);
      // A phone keeps the four actions in one menu.
      await clickItem(page, (lang === "de" ? "Aktionen" : "Actions") + "  \uf0d7", "button");
      await clickItem(page, lang === "de" ? "Einladungen widerrufen" : "Revoke invitations", "button");
      await waitForItem(page, lang === "de" ? "2 Einladungen widerrufen" : "Revoke 2 invitations", "button");
      await screenshot(page, `72-bulk-revoke-preview-390x844-${lang}`);
      await clickItem(page, lang === "de" ? "Abbrechen" : "Cancel", "button");
      await clickItem(page, lang === "de" ? "Fertig" : "Done", "button");
      await until(page, async () => !(await items(page)).some((i) => i.kind === "checkbox"), "select mode to end");
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }
});

// --- saved views
const VIEWS = {
  en: { menu: "Views  \uf0d7", save: "Save current view…", title: "Save view", name: "Name of the view", share: "Share with the team",
        confirm: "Save", rename: (n) => `Rename ${n}`, remove: (n) => `Delete ${n}` },
  de: { menu: "Ansichten  \uf0d7", save: "Aktuelle Ansicht speichern …", title: "Ansicht speichern", name: "Name der Ansicht",
        share: "Mit dem Team teilen", confirm: "Speichern", rename: (n) => `${n} umbenennen`, remove: (n) => `${n} löschen` },
};

async function savedViews() {
  return (await api(server.url, "GET", "/views", { token })).json.items;
}

test("saved views: save the list as it is (shared), open it by its link, pick it, delete it", { timeout: 120000 }, async () => {
  const w = VIEWS.en;
  const { context, page, errors } = await signedIn("en", "#/customers?status=active&sort=-licenses");
  try {
    await clickItem(page, w.menu, "button");
    await clickItem(page, w.save, "button");
    await waitForItem(page, w.title, "heading");
    await clickItem(page, w.name, "input");
    const name = "Big " + TAG;
    await page.keyboard.type(name);
    await clickItem(page, w.share, "checkbox");
    await screenshot(page, "73-views-save-1440x900-en");
    const save = await waitForItem(page, w.confirm, "button");
    await page.mouse.dblclick(save.x + save.w / 2, save.y + save.h / 2);
    await until(page, async () => (await savedViews()).some((v) => v.name === name), "the view to be saved");
    const mine = (await savedViews()).filter((v) => v.name === name);
    assert.equal(mine.length, 1, "saved once for a double click");
    assert.equal(mine[0].shared, true);
    assert.equal(mine[0].status, "active");
    assert.equal(mine[0].sort, "-licenses");
    await until(page, () => page.evaluate(() => location.hash).then((h) => h.includes(`view=${mine[0].id}`)), "the view's link in the address");

    // Elsewhere, then the link: the list is the view again.
    await page.evaluate(() => { location.hash = "#/customers"; });
    await until(page, () => page.evaluate(() => location.hash).then((h) => h === "#/customers"), "the plain list");
    await page.evaluate((id) => { location.hash = `#/customers?view=${id}`; }, mine[0].id);
    await until(page, () => page.evaluate(() => decodeURIComponent(location.hash)).then((h) => h.includes("status=active") && h.includes("sort=-licenses")),
      "the link to open the view's filter and sort");

    await clickItem(page, w.menu, "button");
    const entry = await waitForItem(page, `${name}  ·  shared`, "button");
    await screenshot(page, "73-views-menu-1440x900-en");
    // Its Delete is on its line, or right under it where the name needs the line (the mirror
    // calls it "Delete <name>"; items() has the word drawn).
    const del = (await items(page)).find((i) => i.kind === "button" && i.label === "Delete" && i.y > entry.y - 2 && i.y < entry.y + entry.h + 16);
    assert.ok(del, "the view's Delete");
    assert.ok(await page.getByRole("button", { name: w.remove(name) }).count() === 1, "the mirror names Delete by its view");
    await page.mouse.click(del.x + del.w / 2, del.y + del.h / 2);
    await until(page, async () => !(await savedViews()).some((v) => v.name === name), "the view to be deleted");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the views menu and dialog in German on desktop and phone", { timeout: 120000 }, async () => {
  const w = VIEWS.de;
  const { context, page, errors } = await signedIn("de", "#/customers?status=invited");
  try {
    for (const [width, height] of [[1440, 900], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await waitForIdle(page, 3000);
      const menu = await waitForItem(page, w.menu, "button");
      assert.ok(menu.x >= 0 && menu.x + menu.w <= width + 0.5, `${width}: the menu's button is on screen`);
      await clickItem(page, w.menu, "button");
      await waitForItem(page, w.save, "button");
      await screenshot(page, `73-views-menu-${width}x${height}-de`);
      await clickItem(page, w.save, "button");
      await waitForItem(page, w.title, "heading");
      await screenshot(page, `73-views-save-${width}x${height}-de`);
      await page.keyboard.press("Escape");
      await until(page, async () => !(await items(page)).some((i) => i.label === w.title), "the dialog to close");
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
