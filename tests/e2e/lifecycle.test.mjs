// Issue 23 in the console: Suspended and Declined everywhere a status shows (badge, filter,
// dashboard), a trial's days left on its page and in the list, Invite again for a declined
// customer (a double click invites once), and Start paid plan now on a trial (by keyboard, the
// server's price, a double click starts once; a Viewer sees why not; offline it needs a connection). The states are made through the API first; what the
// console should show comes from the API too. Screenshots EN/DE at the four sizes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openConsoleAt, waitForItem, waitForItemMatching, clickItem, screenshot, api, items, startServer, launchBrowser,
  until as poll } from "./harness.mjs";

// Started in this file's own hook: beside the harness's serverAndBrowser hook, this one ran
// first on Node 20 and found no server.
const env = { server: null, browser: null };
const SIZES = [[1440, 900], [1280, 720], [768, 1024], [390, 844]];
const TEXT = {
  en: { signIn: "Demo sign-in", suspended: "Suspended", declined: "Declined", inviteAgain: "Invite again",
        startPaid: "Start paid plan now", startTitle: (who) => `Start the paid plan for ${who} now`, start: "Start paid plan" },
  de: { signIn: "Demo-Anmeldung", suspended: "Gesperrt", declined: "Abgelehnt", inviteAgain: "Erneut einladen",
        startPaid: "Bezahlten Tarif jetzt starten", startTitle: (who) => `Bezahlten Tarif für ${who} jetzt starten`,
        start: "Bezahlten Tarif starten" },
};
const VIEWER = "tom.fischer@reseller.example";  // the demo team's Viewer
let token, suspended, declined, trial, trials;

after(async () => {
  if (env.browser) await env.browser.close();
  if (env.server) await env.server.stop();
});

before(async () => {
  env.server = await startServer(["--demo"]);
  env.browser = await launchBrowser();
  const config = await (await fetch(env.server.url + "/config.json")).json();
  token = (await api(env.server.url, "POST", "/auth/demo", { body: { email: config.demo_email } })).json.token;
  const all = (await api(env.server.url, "GET", "/customers?limit=200", { token })).json.items;
  const paid = all.find((c) => c.subscription && c.subscription.status === "active");
  const reply = await api(env.server.url, "POST", `/customers/${paid.id}/subscription/suspend`, { token, body: { reason: "non_payment" } });
  assert.equal(reply.status, 200, JSON.stringify(reply.json));
  suspended = paid;
  const invited = all.find((c) => c.status === "invited" && c.invitation && c.invitation.status === "pending");
  const link = new URL(invited.invitation.url).pathname.split("/").pop();
  const answer = await api(env.server.url, "POST", `/invitations/${link}/decline`, { body: { demo: true } });
  assert.equal(answer.status, 200, JSON.stringify(answer.json));
  declined = invited;
  trials = all.filter((c) => c.subscription && c.subscription.status === "trial" && c.subscription.trial_ends_on);
  trial = trials[0];
  assert.ok(trials.length >= 3, "the demo has trials to start: " + trials.length);
});

const until = (page, fn, what) => poll(page, fn, what, { shot: "lifecycle-timeout" });

// Money as the console writes it: $1,392.19 in English, 1.392,19 $ in German.
function money(m, lang) {
  const symbol = { USD: "$", EUR: "€", GBP: "£" }[m.currency];
  const [whole, cents] = (Math.abs(m.amount) / 100).toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "de" ? "." : ",");
  const number = grouped + (lang === "de" ? "," : ".") + cents;
  if (lang === "de") return `${number} ${symbol || m.currency}`;
  return symbol ? symbol + number : `${number} ${m.currency}`;
}

async function open(hash, lang, [width, height], email = null) {
  const { context, page, errors } = await openConsoleAt(env.browser, env.server.url, hash,
    { viewport: { width, height }, locale: lang === "de" ? "de-DE" : "en-US" });
  if (email) await page.getByLabel(/Demo account email|E-Mail-Adresse des Demo-Kontos/).fill(email);
  await clickItem(page, TEXT[lang].signIn, "button");
  return { context, page, errors };
}

test("Suspended in the filter, the badge and the dashboard; a trial's days left as the server counts them", async () => {
  const { context, page, errors } = await open("#/customers?status=suspended", "en", SIZES[0]);
  try {
    await waitForItem(page, suspended.name, "cell");
    await waitForItem(page, "Suspended", "badge");
    // The address's filter holds: only suspended customers are listed.
    const badges = (await items(page)).filter((it) => it.kind === "badge").map((it) => it.label);
    assert.ok(badges.length >= 1 && badges.every((b) => b === "Suspended"), "only suspended ones: " + badges.join(", "));
    const tabs = (await items(page)).filter((it) => it.kind === "tab").map((it) => it.label);
    assert.ok(tabs.includes("Suspended") && tabs.includes("Declined"), "the filter offers them: " + tabs.join(", "));
    await page.evaluate(() => { location.hash = "#/"; });
    await waitForItemMatching(page, /\b1 suspended\b.*\b1 declined\b/);
    // The trial's page: its days left, counted as the server's dashboard counts them.
    const dash = (await api(env.server.url, "GET", "/dashboard", { token })).json;
    const item = dash.trials.items.find((t) => t.customer_id === trial.id);
    await page.evaluate((id) => { location.hash = "#/customers/" + id; }, trial.id);
    // Beside the badge that says the trial's last day (issue 25: "Trial until …").
    const expected = item.days_left === 1 ? "ends today" : `${item.days_left} days left`;
    await waitForItem(page, expected, "label");
    await waitForItemMatching(page, /^Trial until [A-Z][a-z]{2} \d{1,2}, \d{4}$/, "badge");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("Invite again on a declined customer's page: once for a double click, then Invited", async () => {
  const { context, page, errors } = await open("#/customers/" + declined.id, "en", SIZES[0]);
  try {
    await waitForItem(page, "Declined", "badge");
    const button = await waitForItem(page, TEXT.en.inviteAgain, "button");
    await page.mouse.dblclick(button.x + button.w / 2, button.y + button.h / 2);
    await waitForItemMatching(page, /^New invitation link sent to /, "toast");
    await waitForItem(page, "Invited", "badge");
    const after = (await api(env.server.url, "GET", "/customers/" + declined.id, { token })).json;
    assert.equal(after.status, "invited");
    assert.equal(after.invitation.status, "pending");
    const history = (await api(env.server.url, "GET", `/activity?customer_id=${declined.id}&limit=20`, { token })).json.items;
    assert.equal(history.filter((h) => h.action === "customer.invited_again").length, 1, "invited once: " +
      history.map((h) => h.action).join(", "));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("screenshots: the suspended filter and a declined customer's page, EN and DE, four sizes", async () => {
  // A second declined customer: the first one was invited again above.
  const all = (await api(env.server.url, "GET", "/customers?status=invited&limit=200", { token })).json.items;
  const invited = all.find((c) => c.invitation && c.invitation.status === "pending" && c.id !== declined.id);
  const link = new URL(invited.invitation.url).pathname.split("/").pop();
  assert.equal((await api(env.server.url, "POST", `/invitations/${link}/decline`, { body: { demo: true } })).status, 200);
  for (const lang of ["en", "de"]) {
    for (const size of SIZES) {
      const { context, page } = await open("#/customers?status=suspended", lang, size);
      try {
        await waitForItem(page, TEXT[lang].suspended, "badge");
        await page.mouse.move(2, size[1] - 10);
        await page.waitForTimeout(300);
        await screenshot(page, `lifecycle-suspended-${lang}-${size[0]}x${size[1]}`);
        await page.evaluate((id) => { location.hash = "#/customers/" + id; }, invited.id);
        await waitForItem(page, TEXT[lang].inviteAgain, "button");
        await page.waitForTimeout(300);
        await screenshot(page, `lifecycle-declined-${lang}-${size[0]}x${size[1]}`);
      } finally {
        await context.close();
      }
    }
  }
});

test("Start paid plan now by keyboard: another plan and count priced by the server; a double click starts it once", async () => {
  const c = trials[1];
  const who = c.organization || c.name;
  const { context, page, errors } = await open("#/customers/" + c.id, "en", SIZES[0]);
  try {
    const opener = page.getByRole("button", { name: TEXT.en.startPaid, exact: true });
    await until(page, () => opener.isVisible(), TEXT.en.startPaid);
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: TEXT.en.startTitle(who) });
    await until(page, async () => (await dialog.isVisible()) && (await dialog.textContent()).includes("First period"), "the preview");
    assert.equal(await dialog.getAttribute("aria-modal"), "true");
    // What the trial becomes otherwise, from the subscription's renewal.
    assert.ok((await dialog.textContent()).includes("If you do nothing, the trial ends on"), "says what happens otherwise");
    await dialog.getByRole("tab", { name: "Enterprise" }).click();
    await dialog.getByRole("button", { name: "One license more" }).click();
    const body = { plan: "enterprise", billing_cycle: c.subscription.billing_cycle, licenses: c.subscription.licenses + 1 };
    const expected = (await api(env.server.url, "POST", `/customers/${c.id}/subscription/start-paid/preview`, { token, body })).json;
    const due = money(expected.tax ? expected.tax.total : expected.amount_due_now, "en");
    await until(page, async () => (await dialog.textContent()).includes(due), "the server's price " + due);
    await screenshot(page, "lifecycle-start-paid-en-1440x900");
    await dialog.getByRole("button", { name: TEXT.en.start }).dblclick();
    await until(page, async () => /Paid plan started\./.test(await page.getByRole("status").first().textContent()), "the toast");
    await until(page, async () => (await dialog.count()) === 0, "the dialog to close");
    const after = (await api(env.server.url, "GET", "/customers/" + c.id, { token })).json;
    assert.deepEqual([after.subscription.status, after.subscription.plan, after.subscription.licenses], ["active", "enterprise", body.licenses]);
    const history = (await api(env.server.url, "GET", `/activity?customer_id=${c.id}&limit=20`, { token })).json.items;
    assert.equal(history.filter((h) => h.action === "subscription.started_paid").length, 1, "started once");
    await waitForItem(page, "Active", "badge");
    assert.equal(await page.getByRole("button", { name: TEXT.en.startPaid, exact: true }).count(), 0, "no trial left to start");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("Start paid plan now: a Viewer sees it disabled with the reason; offline it needs a connection", async () => {
  const c = trials[2];
  const viewer = await open("#/customers/" + c.id, "en", SIZES[0], VIEWER);
  try {
    const button = viewer.page.getByRole("button", { name: TEXT.en.startPaid, exact: true });
    await until(viewer.page, () => button.isVisible(), TEXT.en.startPaid);
    assert.equal(await button.getAttribute("aria-disabled"), "true");
    const describedBy = await button.getAttribute("aria-describedby");
    assert.equal((await viewer.page.locator("#" + describedBy).textContent()).trim(), "Needs the Buyer or Admin role");
  } finally {
    await viewer.context.close();
  }
  const { context, page } = await open("#/customers/" + c.id, "en", SIZES[0]);
  try {
    const button = page.getByRole("button", { name: TEXT.en.startPaid, exact: true });
    await until(page, () => button.isVisible(), TEXT.en.startPaid);
    await context.setOffline(true);
    await page.evaluate(() => { location.hash = "#/customers"; });
    await page.evaluate((id) => { location.hash = "#/customers/" + id; }, c.id);
    await waitForItem(page, "Needs a connection — you are offline.", "note");
    assert.equal(await button.getAttribute("aria-disabled"), "true");
    const describedBy = await button.getAttribute("aria-describedby");
    assert.equal((await page.locator("#" + describedBy).textContent()).trim(), "Needs a connection — you are offline.");
  } finally {
    await context.close();
  }
});

test("screenshots: Start paid plan now, EN and DE at 1440x900 and 390x844", async () => {
  const c = trials[2];  // the Viewer's test above leaves it a trial
  const who = c.organization || c.name;
  for (const lang of ["en", "de"]) {
    for (const size of [SIZES[0], SIZES[3]]) {
      const { context, page } = await open("#/customers/" + c.id, lang, size);
      try {
        const opener = page.getByRole("button", { name: TEXT[lang].startPaid, exact: true });
        await until(page, () => opener.isVisible(), TEXT[lang].startPaid);
        await page.mouse.move(2, size[1] - 10);
        await page.waitForTimeout(300);
        await screenshot(page, `lifecycle-trial-page-${lang}-${size[0]}x${size[1]}`);
        await opener.click();
        const dialog = page.getByRole("dialog", { name: TEXT[lang].startTitle(who) });
        await until(page, async () => (await dialog.isVisible()) && /First period|Erster Zeitraum/.test(await dialog.textContent()),
                    "the dialog with its preview");
        // The price in the reader's format: 1.392,19 $ in German.
        const body = { plan: c.subscription.plan, billing_cycle: c.subscription.billing_cycle, licenses: c.subscription.licenses };
        const expected = (await api(env.server.url, "POST", `/customers/${c.id}/subscription/start-paid/preview`, { token, body })).json;
        assert.ok((await dialog.textContent()).includes(money(expected.recurring_amount, lang)), "the recurring amount as " + lang + " writes it");
        await page.waitForTimeout(300);
        await screenshot(page, `lifecycle-start-paid-${lang}-${size[0]}x${size[1]}`);
      } finally {
        await context.close();
      }
    }
  }
});

test("Renewal settings on an annual plan and a seat cap on a flexible one: saved once each, shown on the card; the license order stops at the cap and says why", async () => {
  const all = (await api(env.server.url, "GET", "/customers?limit=200", { token })).json.items;
  const annual = all.find((c) => c.subscription && c.subscription.status === "active" && c.subscription.billing_cycle !== "flexible");
  const flexible = all.find((c) => c.subscription && c.subscription.status === "active" && c.subscription.billing_cycle === "flexible" &&
                                   c.subscription.max_licenses === null && c.id !== suspended.id);
  let { context, page, errors } = await open("#/customers/" + annual.id, "en", SIZES[0]);
  try {
    const opener = page.getByRole("button", { name: "Renewal settings", exact: true });
    await until(page, () => opener.isVisible(), "Renewal settings");
    await opener.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: `Renewal settings for ${annual.organization || annual.name}` });
    await until(page, () => dialog.isVisible(), "the dialog");
    await dialog.getByRole("radio", { name: /Renew with a number of licenses chosen now/ }).click();
    await dialog.getByRole("button", { name: "One license more" }).click();
    const n = annual.subscription.licenses + 1;
    await until(page, async () => (await dialog.getByRole("spinbutton").inputValue()) === String(n), "the count " + n);
    await dialog.getByRole("button", { name: "Save renewal setting" }).dblclick();
    await until(page, async () => /Renewal setting saved\./.test(await page.getByRole("status").first().textContent()), "the toast");
    const after = (await api(env.server.url, "GET", "/customers/" + annual.id, { token })).json.subscription;
    assert.deepEqual([after.renewal.action, after.renewal.licenses], ["renew_with_count", n]);
    const history = (await api(env.server.url, "GET", `/activity?customer_id=${annual.id}&limit=20`, { token })).json.items;
    assert.equal(history.filter((h) => h.action === "subscription.renewal_changed").length, 1, "saved once");
    await waitForItemMatching(page, new RegExp(`^Renews on .* with ${n} licenses · ` + money(after.renewal.recurring_amount, "en").replace(/[$.]/g, "\\$&")));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }

  ({ context, page, errors } = await open("#/customers/" + flexible.id, "en", SIZES[0]));
  try {
    await page.getByRole("button", { name: "Seat cap", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Seat cap for ${flexible.organization || flexible.name}` });
    await until(page, () => dialog.isVisible(), "the dialog");
    await dialog.getByRole("radio", { name: /At most/ }).click();
    await dialog.getByRole("button", { name: "One license more" }).click();
    await dialog.getByRole("button", { name: "One license more" }).click();
    const cap = flexible.subscription.licenses + 2;
    await until(page, async () => (await dialog.getByRole("spinbutton").inputValue()) === String(cap), "the cap " + cap);
    await dialog.getByRole("button", { name: "Save seat cap" }).dblclick();
    await until(page, async () => /Seat cap saved\./.test(await page.getByRole("status").first().textContent()), "the toast");
    assert.equal((await api(env.server.url, "GET", "/customers/" + flexible.id, { token })).json.subscription.max_licenses, cap);
    const history = (await api(env.server.url, "GET", `/activity?customer_id=${flexible.id}&limit=20`, { token })).json.items;
    assert.equal(history.filter((h) => h.action === "subscription.seat_cap_changed").length, 1, "saved once");
    await waitForItem(page, `${cap} licenses`, "text");
    // Add licenses: a typed count above the cap stops at it, + is disabled there, and the rule says why.
    await page.getByRole("button", { name: "Add licenses", exact: true }).click();
    const order = page.getByRole("dialog");
    await until(page, () => order.isVisible(), "the license dialog");
    await order.getByRole("spinbutton").fill(String(cap + 50));
    await page.keyboard.press("Tab");  // the field shows the count taken once left
    await until(page, async () => (await order.getByRole("spinbutton").inputValue()) === String(cap), "stopped at the cap");
    assert.equal(await order.getByRole("button", { name: "One license more" }).getAttribute("aria-disabled"), "true");
    assert.ok((await order.textContent()).includes(`The seat cap allows at most ${cap} licenses; raise or clear it first.`));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("screenshots: Renewal settings and Seat cap, EN and DE at 1440x900 and 390x844", async () => {
  const all = (await api(env.server.url, "GET", "/customers?limit=200", { token })).json.items;
  const annual = all.find((c) => c.subscription && c.subscription.status === "active" && c.subscription.billing_cycle !== "flexible");
  const flexible = all.find((c) => c.subscription && c.subscription.status === "active" && c.subscription.billing_cycle === "flexible" &&
                                   c.id !== suspended.id);
  const words = { en: { renewal: "Renewal settings", cap: "Seat cap" }, de: { renewal: "Verlängerung einstellen", cap: "Lizenzobergrenze" } };
  for (const lang of ["en", "de"]) {
    for (const size of [SIZES[0], SIZES[3]]) {
      for (const [c, name, file] of [[annual, words[lang].renewal, "renewal"], [flexible, words[lang].cap, "seat-cap"]]) {
        const { context, page } = await open("#/customers/" + c.id, lang, size);
        try {
          const opener = page.getByRole("button", { name, exact: true });
          await until(page, () => opener.isVisible(), name);
          await page.mouse.move(2, size[1] - 10);
          await page.waitForTimeout(300);
          await screenshot(page, `lifecycle-${file}-page-${lang}-${size[0]}x${size[1]}`);
          await opener.click();
          await until(page, () => page.getByRole("dialog").isVisible(), "the dialog");
          await page.waitForTimeout(300);
          await screenshot(page, `lifecycle-${file}-${lang}-${size[0]}x${size[1]}`);
        } finally {
          await context.close();
        }
      }
    }
  }
});
