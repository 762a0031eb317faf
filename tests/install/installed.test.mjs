// The installed .deb: its binary on the PATH, its desktop entry that opens .okort files, its
// icons; and the installed app started under Xvfb shows its first screen. Run by
// scripts/deb-test.sh after `dpkg -i`, with OKORT_APP=/usr/bin/opplevelseskort.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { launch, APP } from "../e2e/webdriver.mjs";

test("the package installed the app, its desktop entry and its icons", () => {
  assert.equal(APP, "/usr/bin/opplevelseskort", "the installed binary is the one tested");
  assert.ok(existsSync(APP));
  const entries = readdirSync("/usr/share/applications").filter((f) => /opplevelseskort/i.test(f));
  assert.equal(entries.length, 1, `one desktop entry: ${entries}`);
  const entry = readFileSync(`/usr/share/applications/${entries[0]}`, "utf8");
  // The file the desktop opens is passed on (%f), so a double-clicked .okort opens the app on it.
  assert.match(entry, /^Exec=opplevelseskort %f$/m, entry);
  assert.match(entry, /^MimeType=.*application\/x-opplevelseskort;/m, entry);
  assert.match(entry, /^Categories=.*Office/m, entry);
  assert.ok(existsSync("/usr/share/icons/hicolor/128x128/apps/opplevelseskort.png"), "the icon");
  // The desktop learns that *.okort files are Opplevelseskort workspaces.
  const mime = readFileSync("/usr/share/mime/packages/opplevelseskort.xml", "utf8");
  assert.match(mime, /<glob pattern="\*\.okort"\/>/);
});

test("the installed app starts and shows its first screen", async () => {
  const app = await launch();
  try {
    // A new workspace: the first screen asks for the culture office's administrator.
    await app.find('[data-testid="admin-username"]');
    await app.createAdmin();
    await app.waitText('[data-testid="nav-venues"]', "Brukersteder");
    await app.screenshot("installed-first-screen");
  } finally {
    await app.close();
  }
});
