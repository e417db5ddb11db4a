// Seeing and reading in the browser: 200 % zoom (devicePixelRatio 2, the viewport halved) keeps
// the reseller's guide usable and sharp, and prefers-reduced-motion stops the console's
// animations (no frames drawn while a list loads), also when the wish changes while it runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openConsole, screenshot, serverAndBrowser, until as poll } from "./harness.mjs";

const env = serverAndBrowser(["--demo"]);
const until = (page, fn, what, timeout = 15000) => poll(page, fn, what, { timeout, shot: "seeing-timeout" });

const focusedName = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el ? (el.getAttribute("aria-label") || el.textContent || "").trim() + "|" + (el.getAttribute("role") || el.tagName.toLowerCase()) : "";
});

// Every control the mirror shows lies inside the viewport (nothing cut off at the edges).
async function controlsInside(page, scope) {
  return page.evaluate((sel) => {
    const out = [];
    const w = innerWidth, h = innerHeight;
    for (const el of document.querySelectorAll(sel + " button, " + sel + " a, " + sel + " input")) {
      if (el.closest("[inert]")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < -1 || r.right > w + 1 || r.top < -1 || r.bottom > h + 1)
        out.push((el.getAttribute("aria-label") || el.textContent).trim() + " " + JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round)));
    }
    return out;
  }, scope);
}

test("200 % zoom: sharp at twice the pixels, and the guide's steps fit the halved viewport", async () => {
  const { page, context, errors } = await openConsole(env.browser, env.server.url, { viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 });
  try {
    const canvas = await page.evaluate(() => { const c = document.getElementById("canvas"); return [c.width, c.height, c.clientWidth, devicePixelRatio]; });
    assert.deepEqual(canvas, [1440, 900, 720, 2], "the canvas draws at the device's pixels");
    await page.getByRole("button", { name: "Demo sign-in" }).click();
    await until(page, () => page.getByRole("heading", { level: 1, name: "Dashboard" }).isVisible(), "the dashboard");
    await page.getByRole("link", { name: "Customers" }).click();
    const grid = page.getByRole("grid", { name: "Customers" });
    await until(page, () => grid.getByRole("row").nth(2).isVisible(), "customer rows");
    const headers = await grid.getByRole("columnheader").allTextContents();
    assert.ok(headers.some((h) => /Customer/.test(h)) && headers.some((h) => /Status/.test(h)), "names and status stay: " + headers.join(", "));
    assert.deepEqual(await controlsInside(page, "#rc-main"), [], "the customers page's controls are on screen");
    await screenshot(page, "42-zoom-200-customers");
    await page.getByRole("button", { name: "New customer" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a new customer" });
    await until(page, () => dialog.isVisible(), "the dialog");
    await screenshot(page, "43-zoom-200-new-customer");
    assert.equal(await dialog.getByRole("button", { name: "Send invitation" }).count(), 0, "Send invitation is below the small screen at first");
    // The dialog fills the small viewport and scrolls; its last button is reachable.
    const domain = "zoom-" + Date.now().toString(36) + ".org";
    await dialog.getByLabel("Name").fill("Zoë Zoom");
    await dialog.getByLabel("Email").fill("owner@" + domain);
    await dialog.getByLabel("Google Workspace domain").fill(domain);
    await dialog.getByLabel("Organization").fill("Zoom Praxis");
    // Send invitation was below the screen: a field focused near the fold, or Tab past the last
    // control drawn, scrolls the dialog on, and the focus goes on to the next control.
    const send = dialog.getByRole("button", { name: "Send invitation" });
    await dialog.getByLabel("Organization").focus();
    for (let i = 0; i < 6 && !/^Send invitation\|/.test(await focusedName(page)); i++) {
      await page.keyboard.press("Tab");
      await page.waitForTimeout(250);
    }
    assert.match(await focusedName(page), /^Send invitation\|button/, "Tab reaches Send invitation");
    const box = await send.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 450, "Send invitation is on screen: " + JSON.stringify(box));
    await screenshot(page, "43-zoom-200-new-customer-send");
    await page.keyboard.press("Enter");
    await until(page, () => page.getByRole("heading", { level: 1, name: "Zoë Zoom" }).isVisible(), "the new customer's page");
    await screenshot(page, "44-zoom-200-customer");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("prefers-reduced-motion: no frames while a list loads; the switch takes effect while running", async () => {
  // The list's answer is held back so its loading indicator shows.
  const held = [];
  const framesOver = (page, ms) => page.evaluate(async (wait) => {
    const a = window.resellerConsole.frames();
    await new Promise((r) => setTimeout(r, wait));
    return window.resellerConsole.frames() - a;
  }, ms);
  const load = async (options) => {
    const opened = await openConsole(env.browser, env.server.url, { serviceWorkers: "block", ...options });
    await opened.page.getByRole("button", { name: "Demo sign-in" }).click();
    await until(opened.page, () => opened.page.getByRole("heading", { level: 1, name: "Dashboard" }).isVisible(), "the dashboard");
    await opened.page.route("**/api/v1/invoices**", (route) => { held.push(route); });
    await opened.page.getByRole("link", { name: "Invoices" }).click();
    await until(opened.page, async () => held.length > 0, "the invoices request");
    await opened.page.waitForTimeout(300);
    return opened;
  };
  const moving = await load({});
  const reduced = await load({ reducedMotion: "reduce" });
  try {
    const withMotion = await framesOver(moving.page, 1000);
    const without = await framesOver(reduced.page, 1000);
    assert.ok(withMotion >= 10, `the loading indicator moves (${withMotion} frames in 1 s)`);
    assert.ok(without <= 2, `reduced motion: the console stands still (${without} frames in 1 s)`);
    // The wish changes while the console runs (the system setting is switched).
    await moving.page.emulateMedia({ reducedMotion: "reduce" });
    await moving.page.waitForTimeout(300);
    const afterSwitch = await framesOver(moving.page, 1000);
    assert.ok(afterSwitch <= 2, `after the switch, no more frames (${afterSwitch} in 1 s)`);
    await reduced.page.emulateMedia({ reducedMotion: "no-preference" });
    await reduced.page.waitForTimeout(300);
    const backOn = await framesOver(reduced.page, 1000);
    assert.ok(backOn >= 10, `motion back on, the indicator moves again (${backOn} frames in 1 s)`);
    for (const r of held.splice(0)) await r.continue().catch(() => {});
    assert.deepEqual(moving.errors.filter((e) => !/invoices/.test(e)), []);
  } finally {
    for (const r of held.splice(0)) await r.continue().catch(() => {});
    await moving.context.close();
    await reduced.context.close();
  }
});
