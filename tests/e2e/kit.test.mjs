// End-to-end: the venue kit. The culture office makes Eksempel Kino's kit for 2026 (on the
// venue's page, and with the command line); the app opened on the kit alone is the cinema's desk,
// with the kit's own login: it checks a card, registers a visit, lists it and saves the signed
// report, which the office imports once (and refuses altered). Screenshots of the make-kit
// dialog and of the kit's desk go to tests/e2e/artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { demoWorkspace, launch, okort, okortRun, okortWith } from "./webdriver.mjs";

const tid = (id) => `[data-testid="${id}"]`;

const KIT_PASSWORD = "disk-passord-1";

/** Today as the app and the reports write it: dd.mm.åååå. */
function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** This month as the kit's month filter names it: "åååå-mm". */
function thisMonth() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

/** The office's visits of `number` at the venue on `day`, from its export of the year's visits. */
function officeVisits(workspace, home, venueId, number, day) {
  const csv = join(home, "besok.csv");
  okort(workspace, "visits", "export", "--year", "2026", "--venue", String(venueId), "--out", csv);
  return readFileSync(csv, "utf8")
    .split("\n")
    .filter((l) => l.includes(number) && l.includes(day)).length;
}

test("the culture office makes Eksempel Kino's kit from the venue's page", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    await app.click("nav-venues");
    await app.clickText('[data-testid="venue-row"] button', "Eksempel Kino");
    await app.find(tid("venue-form"));
    await app.click("venue-kit");
    await app.find(tid("venue-kit-dialog"));
    // The years Eksempel Kino has an agreement for (read when the dialog opens).
    await app.find(tid("venue-kit-year"));
    await app.setValue("venue-kit-year", "2026");
    assert.equal(
      await app.run(`return document.querySelector('[data-testid="venue-kit-username"]').value;`),
      "eksempel-kino-disk",
      "the desk's user name starts from the venue's name",
    );
    await app.type("venue-kit-username", "kinodisk");

    // A password too short, or not repeated the same, is refused in the form.
    await app.type("venue-kit-password", "kort");
    await app.type("venue-kit-password2", "kort");
    await app.click("venue-kit-save");
    await app.waitText(tid("venue-kit-error-password"), "minst 8 tegn");
    await app.type("venue-kit-password", KIT_PASSWORD);
    await app.type("venue-kit-password2", "disk-passord-2");
    await app.click("venue-kit-save");
    await app.waitText(tid("venue-kit-error-password2"), "ikke like");
    await app.type("venue-kit-password2", KIT_PASSWORD);
    await app.screenshot("venue-kit-dialog");

    // Saved where the office chooses, named without the extension: the app adds ".okortkit".
    const kit = join(app.home, "kino-kontoret");
    await app.answerSaveDialog(kit);
    await app.click("venue-kit-save");
    await app.waitText(tid("toast"), `Settet er lagret i ${kit}.okortkit`);
    await app.gone(tid("venue-kit-dialog"));
    assert.ok(existsSync(`${kit}.okortkit`), "the kit is where the office chose");

    // The kit says what it is without a login; the desk's login opens it.
    const nowhere = join(app.home, "ingen.okort");
    const info = okort(nowhere, "kit", "--kit", `${kit}.okortkit`, "info");
    assert.match(info, /Eksempel Kino/);
    assert.match(info, /2026/);
    const desk = { OKORT_USER: "kinodisk", OKORT_PASSWORD: KIT_PASSWORD };
    assert.equal(okortRun(desk, nowhere, "kit", "--kit", `${kit}.okortkit`, "visits").status, 0, "the desk's login opens the kit");
    assert.ok(!existsSync(nowhere), "no workspace is made for a kit");
  } finally {
    await app.close();
  }
});

test("a venue's desk checks a card and registers a visit on its kit alone, and the office imports its report once", async () => {
  // At the office: the demo program, and the kit of Eksempel Kino for 2026 made on the command line.
  const { home, workspace } = demoWorkspace();
  const venues = JSON.parse(okort(workspace, "venues", "list", "--json"));
  const kino = venues.find((v) => v.name === "Eksempel Kino");
  assert.ok(kino, "the demo has Eksempel Kino");
  const kit = join(home, "kino.okortkit");
  const made = okortWith(
    { OKORT_KIT_PASSWORD: KIT_PASSWORD },
    workspace,
    "--user",
    "kultur",
    "venues",
    "kit",
    "--venue",
    String(kino.id),
    "--year",
    "2026",
    "--out",
    kit,
    "--desk-user",
    "kinodisk",
  );
  assert.match(made, /Brukerstedssettet til Eksempel Kino for 2026/);
  const cards = JSON.parse(okort(workspace, "cards", "list", "--year", "2026", "--json"));
  const card = cards.find((c) => c.card.number === "2026-0001-9") ?? cards.find((c) => c.card.status === "handedOut");
  assert.ok(card, "the demo has a card handed out in 2026");
  const number = card.card.number;
  const day = today();
  const before = officeVisits(workspace, home, kino.id, number, day);

  // At the cinema: the app on the kit alone.
  const report = join(home, "kino-rapport.csv");
  const desk = await launch({ file: kit });
  try {
    await desk.find(tid("kit-login"));
    await desk.waitText(tid("kit-login-venue"), "Eksempel Kino");
    await desk.waitText(tid("kit-login-line"), "2026");
    await desk.waitText(tid("kit-login-intro"), "bare fornavn og kortnummer");
    assert.equal(await desk.count(tid("login")), 0, "not the workspace's login");

    // A wrong password is refused; the kit's login opens the desk.
    await desk.type("kit-username", "kinodisk");
    await desk.type("kit-password", "feil-passord");
    await desk.click("kit-login-submit");
    await desk.find(tid("kit-login-error"));
    await desk.type("kit-password", KIT_PASSWORD);
    await desk.click("kit-login-submit");
    await desk.find(tid("kit-desk"));
    await desk.waitText(tid("kit-session"), "kinodisk");

    // The card, typed as a clerk would: valid, with the first name only and the visits left here.
    await desk.type("kit-code", number);
    await desk.click("kit-check");
    await desk.waitText(tid("kit-number"), number);
    await desk.find(`${tid("kit-result")}[data-state="valid"]`);
    await desk.waitText(tid("kit-state"), "Gyldig");
    await desk.waitText(tid("kit-first-name"), card.holder.firstName);
    const result = await desk.text(tid("kit-result"));
    assert.ok(!result.includes(card.holder.lastName), "the kit knows first names only");
    const allowance = await desk.waitText(tid("kit-venue"), "Hos Eksempel Kino:");
    const [, left] = /(\d+) av \d+ besøk igjen/.exec(allowance) ?? [];
    assert.ok(left && Number(left) > 0, allowance);

    // The visit, without a companion: the receipt says the visits left after it.
    await desk.click("kit-register");
    await desk.waitText(tid("kit-receipt"), `Besøk registrert for ${card.holder.firstName}`);
    await desk.waitText(tid("kit-receipt"), `${Number(left) - 1} igjen`);
    await desk.waitText(tid("kit-venue"), `${Number(left) - 1} av`);
    const row = await desk.waitText(tid("kit-visit-row"), number);
    assert.match(row, new RegExp(day.replaceAll(".", "\\.")));

    // The month filter: this month has the visit, another month has none.
    await desk.setValue("kit-visits-month", thisMonth());
    await desk.waitText(tid("kit-visit-row"), number);
    const other = thisMonth().endsWith("-01") ? thisMonth().replace(/-01$/, "-02") : thisMonth().replace(/-\d\d$/, "-01");
    await desk.setValue("kit-visits-month", other);
    await desk.find(tid("kit-visits-none"));
    await desk.setValue("kit-visits-month", "");
    await desk.waitText(tid("kit-visit-row"), number);

    // This month's report, as CSV, where the desk chooses.
    await desk.click("kit-report-thisMonth");
    await desk.click("kit-report-csv");
    await desk.answerSaveDialog(report);
    await desk.click("kit-report-save");
    await desk.waitText(tid("kit-report-result"), `Rapporten med 1 besøk er lagret i ${report}`);
    assert.ok(existsSync(report), "the report is where the desk chose");

    // The File menu stays (to open another file), without the workspace's copies and restores.
    await desk.click("menu-file");
    await desk.find(tid("menu-open"));
    assert.equal(await desk.count(tid("menu-save-copy")), 0);
    assert.equal(await desk.count(tid("menu-restore")), 0);
    await desk.click("menu-file");
    await desk.gone(tid("menu-open"));
    await desk.screenshot("kit-desk");

    await desk.click("kit-logout");
    await desk.find(tid("kit-login"));
    assert.equal(await desk.count(tid("kit-desk")), 0);
  } finally {
    await desk.close();
  }

  // Back at the office: the report imports as any venue report, once.
  const imported = okort(workspace, "--user", "kultur", "visits", "import", "--venue", String(kino.id), report);
  assert.match(imported, /1 besøk importert/);
  assert.equal(officeVisits(workspace, home, kino.id, number, day), before + 1, "the kit's visit is at the office");
  const again = okortRun({}, workspace, "--user", "kultur", "visits", "import", "--venue", String(kino.id), report);
  assert.ok(again.status !== 0 || /^0 besøk importert/m.test(again.stdout), `${again.stdout}${again.stderr}`);
  assert.equal(officeVisits(workspace, home, kino.id, number, day), before + 1, "a second import adds nothing");

  // A report changed after the kit signed it is refused whole.
  const text = readFileSync(report, "utf8");
  const altered = text.replace(`${number};${day};nei`, `${number};${day};ja`);
  assert.notEqual(altered, text, text);
  const changed = join(home, "kino-rapport-endret.csv");
  writeFileSync(changed, altered);
  const refused = okortRun({}, workspace, "--user", "kultur", "visits", "import", "--venue", String(kino.id), changed);
  assert.notEqual(refused.status, 0, refused.stdout);
  assert.match(refused.stderr, /endret/);
  assert.equal(officeVisits(workspace, home, kino.id, number, day), before + 1);
});
