// End-to-end: one desk holds a workspace at a time, and a damaged workspace is restored from the
// login screen. A second desk (its lock file written beside the workspace here, as another app
// would write it) leaves this one read-only with a banner saying who holds it; a write is refused
// and nothing is saved; once the other desk's lock has not been renewed for two minutes this desk
// takes it over after a question. A workspace cut short is restored from its automatic backup
// with the culture office's login. Screenshots go to tests/e2e/artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { launch } from "./webdriver.mjs";

const tid = (id) => `[data-testid="${id}"]`;

/** Writes the lock file another desk (nav1 on NAV-PC-3) keeps beside the workspace. */
function otherDesk(workspace, { since, seen }) {
  const lock = {
    username: "nav1",
    computer: "NAV-PC-3",
    since: since.toISOString(),
    seen: seen.toISOString(),
    token: "other",
  };
  writeFileSync(`${workspace}.lock`, JSON.stringify(lock, null, 2));
}

const lockOf = (workspace) => JSON.parse(readFileSync(`${workspace}.lock`, "utf8"));

test("a second desk reads only, says who holds the workspace, and takes over a lock gone stale", async () => {
  const app = await launch({ demo: true });
  try {
    const since = new Date();
    otherDesk(app.workspace, { since, seen: since });
    await app.login("kultur");
    await app.waitText(tid("desk-banner"), "Åpnet av nav1 på NAV-PC-3 siden");
    await app.waitText(tid("desk-banner"), "Du kan lese, men ikke endre noe");
    assert.equal(await app.count(tid("desk-take-over")), 0, "a live lock is not offered to be taken over");
    await app.find(tid("venue-list"));
    await app.screenshot("desks-read-only");

    // Reading goes on, but a change is refused and nothing is saved.
    const before = (await app.backend("get_program")).contactName;
    await app.click("nav-program");
    await app.find(tid("program-form"));
    assert.ok(await app.count(tid("desk-banner")), "the banner stays on every page");
    await app.type("program-contact-name", "Kari Nordmann");
    await app.click("program-save");
    await app.waitText(tid("error"), "Ingenting er lagret");
    assert.equal((await app.backend("get_program")).contactName, before);

    // The other desk goes quiet: its lock was last renewed five minutes ago.
    otherDesk(app.workspace, { since, seen: new Date(Date.now() - 5 * 60_000) });
    await app.click("desk-retry");
    // Still read-only (a stale lock is only taken over when asked), now with "Take over".
    await app.find(tid("desk-take-over"));
    await app.waitText(tid("desk-banner"), "Åpnet av nav1 på NAV-PC-3 siden");
    await app.waitText(tid("desk-stale"), "to minutter");
    assert.equal(lockOf(app.workspace).token, "other", "trying again takes nothing over");

    await app.click("desk-take-over");
    await app.waitText(tid("desk-take-over-dialog"), "kan den bare lese");
    await app.screenshot("desks-take-over");
    await app.click("desk-take-over-dialog-confirm");
    await app.gone(tid("desk-banner"));
    await app.gone(tid("desk-take-over-dialog"));
    await app.waitText(tid("toast"), "Du kan nå endre arbeidsfilen");
    const lock = lockOf(app.workspace);
    assert.equal(lock.username, "kultur", "this desk holds the workspace now");
    assert.notEqual(lock.token, "other");

    // The same change is saved now.
    await app.click("program-save");
    await app.waitText(tid("toast"), "Lagret");
    assert.equal((await app.backend("get_program")).contactName, "Kari Nordmann");
    await app.screenshot("desks-taken-over");
  } finally {
    await app.close();
  }
});

test("a damaged workspace is restored from its backup on the login screen by the culture office", async () => {
  let app = await launch({ demo: true });
  const { home, workspace } = app;
  const folder = `${workspace}.backups`;
  try {
    // The day's first login keeps a copy in the backups folder.
    await app.login("kultur");
    await app.click("logout");
    await app.find(tid("login-submit"));
  } finally {
    await app.close();
  }
  const backups = readdirSync(folder).filter((f) => f.endsWith(".okort"));
  assert.ok(backups.length >= 1, `the login's backup: ${backups}`);
  assert.ok(!existsSync(`${workspace}.lock`), "the logout gave the workspace up");

  // The database part is cut short (the envelope, the first 64 KiB, is whole): no login opens it.
  const bytes = readFileSync(workspace);
  const envelope = 64 * 1024;
  writeFileSync(workspace, bytes.subarray(0, envelope + Math.floor((bytes.length - envelope) / 3)));

  app = await launch({ home });
  try {
    await app.type("login-username", "kultur");
    await app.type("login-password", "demo1234");
    await app.click("login-submit");
    await app.find(tid("login-error"), 30_000);
    assert.equal(await app.count(tid("logout")), 0, "nobody is logged in");
    await app.screenshot("login-damaged");

    await app.click("login-restore");
    await app.find(tid("login-restore-panel"));
    await app.waitText(tid("login-restore-intro"), "bare administratoren på kulturkontoret");
    await app.find(tid("login-restore-option"));
    assert.equal(await app.count(tid("login-restore-option")), backups.length, "every automatic backup is offered");
    // The newest, the login's copy, comes first and is chosen; the user picks it all the same.
    const newest = `${folder}/${[...backups].sort().reverse()[0]}`;
    const checked = () => app.run(`return document.querySelector('[data-testid="login-restore-option"]:checked')?.value ?? null;`);
    assert.equal(await checked(), newest);
    await app.click("login-restore-option");
    assert.equal(await checked(), newest);
    // The name typed at the login is offered again.
    assert.equal(await app.run(`return document.querySelector('[data-testid="login-restore-username"]').value;`), "kultur");
    await app.type("login-restore-username", "kultur");
    await app.type("login-restore-password", "demo1234");
    await app.screenshot("login-restore");
    await app.click("login-restore-confirm");

    await app.find(tid("logout"), 30_000);
    assert.match(await app.text(tid("session-user")), /kultur/);
    await app.waitText(tid("toast"), "hentet tilbake");
    assert.ok((await app.backend("list_venues")).length > 0, "the restored program is there");
    const after = readdirSync(folder);
    assert.ok(
      after.some((f) => f.includes("before-restore")),
      `the damaged file is kept in the backups folder: ${after}`,
    );
    await app.screenshot("login-restored");
  } finally {
    await app.close();
  }
});
