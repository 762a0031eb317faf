// End-to-end: the culture office's copies and restores through the File menu. A copy is saved
// where the user chooses; a change made after it is gone once a backup is restored, from the
// list of automatic backups or from a file the user picks. A screenshot of the restore dialog
// goes to tests/e2e/artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./webdriver.mjs";

const tid = (id) => `[data-testid="${id}"]`;

async function createYear(app, year) {
  await app.click("nav-years");
  await app.click("year-new");
  await app.setValue("year-year", String(year));
  await app.setValue("year-from", `${year}-01-01`);
  await app.setValue("year-to", `${year}-12-31`);
  await app.click("year-save");
  await app.waitText(tid("years"), String(year));
}

const savedYears = async (app) => (await app.backend("list_years")).map((y) => y.year);

/** Opens "Restore from backup…", waits for its list, and restores the chosen backup. */
async function openRestore(app) {
  await app.click("menu-file");
  await app.click("menu-restore");
  await app.find(tid("restore-dialog"));
  await app.find(`${tid("restore-option")}, ${tid("restore-none")}`);
}

async function confirmRestore(app, password) {
  await app.type("restore-password", password);
  await app.click("restore-dialog-confirm");
}

test("a copy is saved through the File menu, and a restore takes back a year added after the backup", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");

    // Save a copy, named without the extension: the app adds ".okort".
    const copy = join(app.home, "kopi");
    await app.click("menu-file");
    await app.find(tid("menu-save-copy"));
    await app.screenshot("file-menu-admin");
    await app.answerSaveDialog(copy);
    await app.click("menu-save-copy");
    await app.waitText(tid("toast"), `${copy}.okort`);
    assert.ok(existsSync(`${copy}.okort`), "the copy is where the user chose");

    await createYear(app, 2031);
    assert.ok((await savedYears(app)).includes(2031));

    // The login's automatic backup, made before the year was added.
    await openRestore(app);
    assert.equal(await app.count(tid("restore-option")), 1);
    await app.waitText(tid("restore-warning"), "blir erstattet");
    await app.screenshot("restore-dialog");

    // A mistyped password is refused in the dialog and nothing is replaced.
    await confirmRestore(app, "feil-passord");
    await app.waitText(tid("restore-error"), "Feil brukernavn eller passord");
    assert.ok((await savedYears(app)).includes(2031));
    await app.screenshot("restore-dialog-refused");

    await confirmRestore(app, "demo1234");
    await app.gone(tid("restore-dialog"), 30_000);
    await app.waitText(tid("toast"), "hentet tilbake");
    assert.ok(!(await savedYears(app)).includes(2031), "the year added after the backup is gone");
    const page = await app.text(tid("years"));
    assert.ok(!page.includes("2031"), `the years page is loaded anew: ${page}`);
    assert.match(await app.text(tid("session-user")), /kultur/, "still logged in");

    // The workspace as it was is now in the list; the saved copy is restored through "Choose file…".
    await createYear(app, 2032);
    await openRestore(app);
    await app.waitText(tid("restore-dialog"), "tatt før tilbakehenting");
    await app.answerOpenDialog(`${copy}.okort`);
    await app.click("restore-pick");
    await app.find(tid("restore-option-picked"));
    await app.screenshot("restore-dialog-picked");
    await confirmRestore(app, "demo1234");
    await app.gone(tid("restore-dialog"), 30_000);
    const years = await savedYears(app);
    assert.ok(!years.includes(2032) && !years.includes(2031), `${years}`);
  } finally {
    await app.close();
  }
});
