// Issue 23 in the console: Suspended and Declined everywhere a status shows (badge, filter,
// dashboard), a trial's days left on its page and in the list, and Invite again for a declined
// customer (a double click invites once). The states are made through the API first; what the
// console should show comes from the API too. Screenshots EN/DE at the four sizes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openConsoleAt, waitForItem, waitForItemMatching, clickItem, screenshot, api, items, startServer, launchBrowser }
  from "./harness.mjs";

// Started in this file's own hook: beside the harness's serverAndBrowser hook, this one ran
// first on Node 20 and found no server.
const env = { server: null, browser: null };
const SIZES = [[1440, 900], [1280, 720], [768, 1024], [390, 844]];
const TEXT = {
  en: { signIn: "Demo sign-in", suspended: "Suspended", declined: "Declined", inviteAgain: "Invite again" },
  de: { signIn: "Demo-Anmeldung", suspended: "Gesperrt", declined: "Abgelehnt", inviteAgain: "Erneut einladen" },
};
let token, suspended, declined, trial;

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
  trial = all.find((c) => c.subscription && c.subscription.status === "trial" && c.subscription.trial_ends_on);
});

async function open(hash, lang, [width, height]) {
  const { context, page, errors } = await openConsoleAt(env.browser, env.server.url, hash,
    { viewport: { width, height }, locale: lang === "de" ? "de-DE" : "en-US" });
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
