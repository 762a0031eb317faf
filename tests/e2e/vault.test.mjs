// End-to-end: the encrypted workspace's recovery keys. Set-up makes a key for the culture office
// and one for NAV, saved as a printed sheet; NAV makes its first user with its key on the login
// screen; NAV manages its own users and renews its own key. Screenshots of the recovery panel
// and form go to tests/e2e/artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./webdriver.mjs";

const tid = (id) => `[data-testid="${id}"]`;

/** The recovery sheet's pages as text, each with its lines trimmed. */
function sheetPages(pdf) {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  return text
    .split("\f")
    .filter((p) => p.trim())
    .map((p) => p.split("\n").map((l) => l.trim()));
}

/** The page whose heading is `heading`, and the key on it (printed as two lines of four groups). */
function keyPage(pages, heading) {
  const page = pages.find((lines) => lines.includes(heading));
  assert.ok(page, `a page for ${heading}: ${JSON.stringify(pages)}`);
  const key = page
    .filter((l) => /^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/.test(l))
    .join("-");
  assert.match(key, /^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/, `eight groups of four hex digits on ${heading}'s page`);
  return key;
}

/** The user names in the Users table, and the roles the user form offers. */
const userNames = (app) =>
  app.run(`return [...document.querySelectorAll('[data-testid="user-row"]')].map((tr) => tr.cells[0].textContent.trim());`);
const roleChoices = (app) =>
  app.run(`return [...document.querySelector('[data-testid="user-role"]').options].map((o) => o.value);`);

test("a new workspace's recovery sheet holds both keys, and NAV makes its first user with NAV's key", async () => {
  const app = await launch();
  try {
    await app.createAdmin();
    await app.waitText(tid("recovery-panel"), "lukket konvolutt");
    await app.screenshot("recovery-panel");
    // The panel stays on every page until the sheet is saved.
    await app.click("nav-venues");
    await app.find(tid("recovery-panel"));

    const sheet = join(app.home, "gjenopprettingsark.pdf");
    await app.answerSaveDialog(sheet);
    await app.click("recovery-save");
    await app.waitText(tid("recovery-saved"), sheet);
    await app.waitText(tid("recovery-saved"), "slett deretter filen");
    await app.gone(tid("recovery-panel"));
    await app.screenshot("recovery-saved");

    assert.ok(existsSync(sheet), "the sheet is where the user chose");
    const pages = sheetPages(sheet);
    assert.equal(pages.length, 2, "one page per side");
    const kulturKey = keyPage(pages, "Kulturkontoret");
    const navKey = keyPage(pages, "NAV");
    assert.notEqual(kulturKey, navKey);

    // Saved: logging out asks nothing, and the locked file tells no version.
    await app.click("logout");
    await app.find(tid("login-forgot"));
    assert.equal(await app.count(tid("logout-dialog")), 0);
    assert.equal(await app.count(tid("schema-version")), 0, "a locked workspace shows no version");
    await app.screenshot("login-locked");

    await app.click("login-forgot");
    await app.waitText(tid("recover"), "NAV lager sin første bruker");
    await app.screenshot("recovery-form");

    // The key as read off the sheet, in lower case with a space between its two lines.
    const typed = `${navKey.slice(0, 19)} ${navKey.slice(20)}`.toLowerCase();
    await app.click("recover-role-kultur");
    await app.type("recover-key", typed);
    await app.type("recover-username", "nav1");
    await app.type("recover-password", "nav-passord-1");
    await app.type("recover-password2", "nav-passord-1");
    await app.click("recover-submit");
    // NAV's key is not the culture office's: refused on the form.
    await app.waitText(tid("recover-error"), "passer ikke");
    await app.screenshot("recovery-form-refused");
    assert.equal(await app.count(tid("logout")), 0, "nobody is logged in");

    await app.click("recover-role-nav");
    await app.click("recover-submit");
    await app.find(tid("logout"));
    await app.screenshot("recovered-nav");
    const who = await app.run(`return document.querySelector('[data-testid="session-user"]').textContent;`);
    assert.match(who, /nav1/);
    assert.match(who, /NAV/);
    assert.equal(await app.count(tid("recovery-panel")), 0, "a recovery makes no new keys");

    // NAV's first user sees NAV's users: itself.
    await app.click("nav-users");
    await app.waitText(tid("users-who"), "NAV styrer sine egne brukere");
    await app.find(tid("user-row"));
    assert.deepEqual(await userNames(app), ["nav1"]);
    await app.click("nav-holders");
    await app.find(tid("holders"));
    await app.click("logout");

    // The culture office's administrator neither sees nor offers NAV users.
    await app.login("kultur", "hemmelig-passord");
    await app.click("nav-users");
    await app.find(tid("user-row"));
    assert.deepEqual(await userNames(app), ["kultur"]);
    await app.click("user-new");
    assert.deepEqual(await roleChoices(app), ["admin", "venue"]);
  } finally {
    await app.close();
  }
});

test("NAV sees and makes only NAV users, and renews NAV's recovery key", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("nav");
    await app.click("nav-users");
    await app.find(tid("user-row"));
    assert.deepEqual(await userNames(app), ["nav"], "only NAV's users");
    await app.click("user-new");
    assert.deepEqual(await roleChoices(app), ["nav"]);
    await app.type("user-username", "nav2");
    await app.type("user-password", "nav2-passord");
    await app.click("user-save");
    await app.waitText(tid("toast"), "nav2");
    await app.waitText(tid("users"), "nav2");
    assert.deepEqual(await userNames(app), ["nav", "nav2"]);
    await app.screenshot("users-nav");

    // A new key for NAV: asked first, then the panel asks for the sheet (NAV's page only).
    await app.click("recovery-renew");
    await app.waitText(tid("renew-dialog"), "slutter å virke");
    await app.click("renew-dialog-confirm");
    await app.find(tid("recovery-panel"));
    // Logging out now would lose the new key: asked first.
    await app.click("logout");
    await app.click("logout-dialog-cancel");
    await app.gone(tid("logout-dialog"));
    const sheet = join(app.home, "nav-ark.pdf");
    await app.answerSaveDialog(sheet);
    await app.click("recovery-save");
    await app.waitText(tid("recovery-saved"), sheet);
    const pages = sheetPages(sheet);
    assert.equal(pages.length, 1);
    keyPage(pages, "NAV");
    await app.click("logout");

    await app.login("kultur");
    await app.click("nav-users");
    await app.find(tid("user-row"));
    const names = await userNames(app);
    assert.ok(!names.includes("nav") && !names.includes("nav2"), `no NAV users for the office: ${names}`);
  } finally {
    await app.close();
  }
});
