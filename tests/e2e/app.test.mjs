// End-to-end: the real built app, driven through WebDriver as a user would use it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, okort } from "./webdriver.mjs";

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><circle cx="30" cy="30" r="25" fill="#b3262e"/></svg>';

async function createYear(app, year) {
  await app.click("nav-years");
  await app.click("year-new");
  await app.setValue("year-year", String(year));
  await app.setValue("year-from", `${year}-01-01`);
  await app.setValue("year-to", `${year}-12-31`);
  await app.click("year-save");
  await app.waitText('[data-testid="years"]', String(year));
}

test("a venue created with a logo and an agreement is found in the venue list", async () => {
  const app = await launch();
  try {
    await app.createAdmin();
    await app.find('[data-testid="welcome"]');
    await createYear(app, 2026);

    await app.click("nav-venues");
    await app.click("venue-new");
    await app.type("venue-name", "Kino Sentrum");
    await app.setValue("venue-category", "cinema");
    await app.type("venue-orgnr", "974 760 673");
    await app.type("venue-account", "8601.11.17947");
    await app.dropFile("venue-logo-drop", "kino.svg", "image/svg+xml", Buffer.from(LOGO_SVG));
    await app.click("venue-save");
    await app.waitText('[data-testid="toast"]', "");
    await app.find('[data-testid="venue-logo-preview"]');

    await app.find('[data-testid="agreements"]');
    await app.type("agreement-visits", "5");
    await app.setValue("agreement-model", "share");
    await app.type("agreement-share", "50");
    await app.type("agreement-holder-price", "120,00");
    await app.type("agreement-companion-price", "120,00");
    await app.click("agreement-save");
    await app.waitText('[data-testid="agreements"]', "2026");
    await app.waitText('[data-testid="agreements"]', "120,00");
    await app.screenshot("venue-form");

    await app.click("nav-venues");
    await app.type("venue-search", "sentrum");
    const row = await app.waitText('[data-testid="venue-row"]', "Kino Sentrum");
    assert.match(row, /974 760 673/);
    const logo = await app.findAll('[data-testid="venue-row"] img');
    assert.equal(logo.length, 1, "the logo is shown in the list");
    await app.screenshot("venue-list");
  } finally {
    await app.close();
  }
});

test("a mistyped organisation number is shown on its field and nothing is saved", async () => {
  const app = await launch();
  try {
    await app.createAdmin();
    await app.click("nav-venues");
    await app.click("venue-new");
    await app.type("venue-name", "Feilskrevet AS");
    await app.type("venue-orgnr", "974760674");
    await app.click("venue-save");
    await app.waitText('[data-testid="error-orgNumber"]', "kontrollsiffer");
    await app.click("nav-venues");
    const rows = await app.findAll('[data-testid="venue-row"]');
    assert.equal(rows.length, 0);
  } finally {
    await app.close();
  }
});

test("importing a CSV with bad rows lists every bad row and saves nothing", async () => {
  const app = await launch();
  try {
    await app.createAdmin();
    await createYear(app, 2026);
    const csv =
      "navn;kategori;orgnr;år;besøk_per_kort;kompensasjon;pris_kortholder\n" +
      "God kino;kino;974760673;2026;5;full refusjon;120\n" +
      ";kino;;2026;5;full refusjon;120\n" +
      "Bowling;bowling;974760674;2026;5;full refusjon;120\n" +
      "Badet;bad;;2031;fri;dekker selv;0\n";
    await app.click("nav-import");
    await app.dropFile("import-drop", "brukersteder.csv", "text/csv", Buffer.from(csv, "utf8"));
    await app.find('[data-testid="import-errors"]');
    const rows = await app.run(
      `return [...document.querySelectorAll('[data-testid="import-error-row"]')]
         .map((tr) => [...tr.cells].map((c) => c.textContent.trim()));`,
    );
    assert.deepEqual(
      rows.map(([row, column]) => [row, column]),
      [["3", "navn"], ["4", "kategori"], ["4", "orgnr"], ["5", "år"]],
      "one line per problem, each with its row and column",
    );
    assert.match(rows[0][2], /må fylles ut/);
    assert.match(rows[2][2], /kontrollsifferet/);
    assert.match(rows[3][2], /2031 finnes ikke/);
    await app.waitText('[data-testid="import-message"]', "Ingenting er lagret");
    await app.screenshot("import-errors");

    await app.click("nav-venues");
    assert.equal((await app.findAll('[data-testid="venue-row"]')).length, 0);
  } finally {
    await app.close();
  }
});

test("a venue import shows what it will change and saves only when confirmed", async () => {
  const app = await launch();
  try {
    await app.createAdmin();
    await app.click("nav-import");
    const first =
      "navn;kategori;orgnr;kontonummer;adresse;telefon\n" +
      "Kino Sentrum;kino;974 760 673;8601.11.17947;Storgata 2;+47 99 99 99 99\n";
    await app.dropFile("import-drop", "brukersteder.csv", "text/csv", Buffer.from(first, "utf8"));
    await app.find('[data-testid="import-confirm"]');
    await app.waitText('[data-testid="import-preview-summary"]', "1 nye, 0 endrede og 0 uendrede");
    await app.waitText('[data-testid="import-preview-row"]', "Kino Sentrum");
    assert.equal((await app.backend("list_venues")).length, 0, "the preview saves nothing");
    await app.click("import-confirm");
    await app.waitText('[data-testid="import-result"]', "1 nye brukersteder, 0 oppdatert");
    await app.gone('[data-testid="import-preview"]');

    // The same venue again with another phone number: the preview names the field that changes.
    const again = "navn;telefon\nKino Sentrum;+47 22 22 22 22\n";
    await app.dropFile("import-drop", "brukersteder.csv", "text/csv", Buffer.from(again, "utf8"));
    await app.find('[data-testid="import-confirm"]');
    await app.waitText('[data-testid="import-preview-summary"]', "0 nye, 1 endrede og 0 uendrede");
    const field = await app.waitText('[data-testid="import-preview-field"]', "telefon");
    assert.match(field, /\+47 99 99 99 99 → \+47 22 22 22 22/);
    await app.screenshot("import-preview");
    assert.equal((await app.backend("list_venues"))[0].phone, "+47 99 99 99 99", "not changed before the confirm");
    await app.click("import-confirm");
    await app.waitText('[data-testid="import-result"]', "0 nye brukersteder, 1 oppdatert");
    const [venue] = await app.backend("list_venues");
    assert.equal(venue.phone, "+47 22 22 22 22");
    assert.equal(venue.address, "Storgata 2", "a column not in the file is kept");
  } finally {
    await app.close();
  }
});

test("the user can switch the app to Nynorsk, to English and back to Bokmål", async () => {
  const app = await launch();
  try {
    await app.createAdmin();
    await app.waitText('[data-testid="nav-venues"]', "Brukersteder");
    await app.click("lang-nn");
    await app.waitText('[data-testid="nav-venues"]', "Brukarstader");
    // The backend's messages are in Nynorsk too.
    await app.click("nav-venues");
    await app.click("venue-new");
    await app.click("venue-save");
    await app.waitText('[data-testid="error-name"]', "fyllast ut");
    await app.click("lang-en");
    await app.waitText('[data-testid="nav-venues"]', "Venues");
    await app.waitText('[data-testid="nav-years"]', "Program years");
    // Messages from the backend follow the language too.
    await app.click("nav-venues");
    await app.click("venue-new");
    await app.click("venue-save");
    await app.waitText('[data-testid="error-name"]', "equired");
    await app.click("lang-nb");
    await app.waitText('[data-testid="nav-venues"]', "Brukersteder");
  } finally {
    await app.close();
  }
});

test("the demo program opens from the first screen with its fifteen venues", async () => {
  const app = await launch();
  try {
    await app.createAdmin();
    await app.click("open-demo");
    await app.find('[data-testid="login-demo-hint"]');
    await app.login("kultur");
    await app.click("nav-venues");
    await app.waitText('[data-testid="venue-list"]', "Eksempel Kino");
    const rows = await app.findAll('[data-testid="venue-row"]');
    assert.equal(rows.length, 15);
    // About: the version and the build (its commit and date) in the footer.
    const version = await app.run(
      `return document.querySelector('[data-testid="app-version"]')?.textContent.trim() ?? "";`,
    );
    assert.match(version, /^Opplevelseskort \d+\.\d+\.\d+ \(bygg [0-9a-f]{10} \d{4}-\d{2}-\d{2}\)$/, version);
    await app.screenshot("demo-venues");
  } finally {
    await app.close();
  }
});

test("a NAV login assigns a card within the year's quota", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("nav");
    await app.click("nav-holders");
    await app.type("holder-search", "Tesfay");
    await app.waitText('[data-testid="holder-row"]', "Mariam");
    await app.clickCss('[data-testid="holder-row"] button');
    await app.find('[data-testid="holder-cards"]');
    await app.setValue("assign-year", String(await yearId(app, 2026)));
    await app.waitText('[data-testid="quota-left"]', "av 100");
    const before = await app.text('[data-testid="quota-left"]');
    await app.click("assign-card");
    await app.waitText('[data-testid="toast"]', "2026-0020-");
    await app.waitText('[data-testid="holder-cards"]', "2026-0020-");
    const after = await app.waitText('[data-testid="quota-left"]', "av 100");
    assert.notEqual(after, before, "the quota left goes down");
    await app.screenshot("nav-assign");
    const listed = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2026", "--json"));
    assert.ok(listed.some((c) => c.card.number.startsWith("2026-0020-") && c.holder.firstName === "Mariam"));

    await app.click("nav-cards");
    await app.find('[data-testid="cards-handout-list"]');
    const list = `${app.home}/utlevering.pdf`;
    const report = await app.invokeRaw(
      "print_handout_list",
      { yearId: await yearId(app, 2026), path: list },
      { job: true },
    );
    assert.equal(report.ok, true, JSON.stringify(report.error));
    assert.equal(report.value.printed, 19, "18 cards and the new one");
    const { execFileSync } = await import("node:child_process");
    const text = execFileSync("pdftotext", ["-layout", list, "-"], { encoding: "utf8" });
    assert.match(text, /Signatur/);
    assert.match(text, /Mariam Tesfay/);

    // The families to follow up: the active cards with no visit this year, Mariam's new one among them.
    const neverUsed = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2026", "--json", "--never-used"));
    assert.ok(neverUsed.length > 1, "the demo has cards not used");
    await app.click("cards-never-used");
    await app.waitText('[data-testid="cards-count"]', `${neverUsed.length} av ${listed.length}`);
    const visits = await app.run(`return [...document.querySelectorAll('[data-testid="card-visits"]')].map((c) => c.textContent.trim());`);
    assert.ok(visits.length > 0 && visits.every((v) => v === "0"), `only cards with no visits: ${visits}`);
    await app.screenshot("nav-never-used");
  } finally {
    await app.close();
  }
});

async function yearId(app, year) {
  const years = await app.invokeRaw("list_years");
  return years.value.find((y) => y.year === year).id;
}

test("a venue login is refused the holder list and checks a card by number", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kino");
    assert.equal((await app.findAll('[data-testid="nav-holders"]')).length, 0, "no holder menu");
    assert.equal((await app.findAll('[data-testid="nav-venues"]')).length, 0, "no venue menu");
    const refused = await app.invokeRaw("list_holders");
    assert.equal(refused.ok, false);
    assert.equal(refused.error.code, "denied", "the backend refuses, not only the UI");
    const summaries = await app.invokeRaw("holder_summaries");
    assert.equal(summaries.error.code, "denied");

    const cards = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2026", "--json"));
    const card = cards.find((c) => c.card.status === "handedOut");
    await app.click("nav-lookup");
    await app.type("lookup-code", card.card.number);
    await app.click("lookup-submit");
    await app.waitText('[data-testid="lookup-first-name"]', card.holder.firstName);
    const result = await app.text('[data-testid="lookup-result"]');
    assert.ok(!result.includes(card.holder.lastName), "a venue sees the first name only");
    await app.waitText('[data-testid="lookup-venue"]', "5 av 5 besøk igjen");

    // The desk registers the visit, with a companion, on a day the card is valid.
    await app.click("visit-companion");
    await app.setValue("visit-date", "15.06.2026");
    await app.click("visit-register");
    await app.waitText('[data-testid="toast"]', "Besøk registrert");
    await app.waitText('[data-testid="lookup-venue"]', "4 av 5 besøk igjen");
    await app.screenshot("venue-lookup");

    await app.type("lookup-code", card.card.number.slice(0, -1) + ((+card.card.number.slice(-1) + 1) % 10));
    await app.click("lookup-submit");
    await app.waitText('[data-testid="lookup-error"]', "ontrollsifferet stemmer ikke");
  } finally {
    await app.close();
  }
});

test("the culture office previews the year's card and prints every active card to PDF", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    await app.click("nav-cards");
    await app.click("cards-tab-design");
    await app.find('[data-testid="print-preview"] img');
    const shown = await app.run(
      `return [...document.querySelectorAll('[data-testid="print-preview"] img')].map((i) => i.complete && i.naturalWidth > 0);`,
    );
    assert.deepEqual(shown, [true], "one A4 page, drawn");
    // The layout is chosen where the cards are printed; the preview there follows it.
    await app.click("cards-tab-print");
    await app.find('[data-testid="print-panel"][data-section="print"]');
    await app.setValue("print-layout", "cr80");
    for (let i = 0; i < 50; i++) {
      const n = (await app.findAll('[data-testid="print-preview"] img')).length;
      if (n === 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal((await app.findAll('[data-testid="print-preview"] img')).length, 2, "CR80 front and back");
    await app.click("cards-tab-design");
    await app.find('[data-testid="design-title"]');

    // The design is edited with a live preview, then saved; the PDF follows it.
    const previewSrc = () =>
      app.run(`return document.querySelector('[data-testid="print-preview"] img').getAttribute("src");`);
    const before = await previewSrc();
    await app.type("design-title", "Kulturkortet 2026");
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await previewSrc();
    }
    assert.notEqual(after, before, "the preview follows the edit");
    const svg = Buffer.from(after.split(",")[1], "base64").toString("utf8");
    assert.match(svg, /aria-label="Kulturkortet 2026"/);
    await app.click("design-save");
    await app.waitText('[data-testid="toast"]', "lagret");
    await app.screenshot("print-preview");
    await app.click("cards-tab-print");

    // A printer calibration profile is made in the app and used for the print.
    await app.click("printer-new");
    await app.type("printer-name", "Kortskriver");
    await app.setValue("printer-x", "1.5");
    await app.click("printer-save");
    await app.waitText('[data-testid="toast"]', "Kortskriver");
    await app.waitText('[data-testid="printer-profile"]', "Kortskriver");
    const profiles = (await app.invokeRaw("list_printer_profiles")).value;
    assert.equal(profiles[0].offsetXMm, 1.5);

    const pdf = `${app.home}/kort.pdf`;
    const year = (await app.invokeRaw("list_years")).value.find((y) => y.year === 2026);
    const report = await app.invokeRaw(
      "print_cards",
      { yearId: year.id, layout: "a4", path: pdf, cardIds: null, profileId: profiles[0].id },
      { job: true },
    );
    assert.equal(report.ok, true, JSON.stringify(report.error));
    assert.equal(report.value.printed, 18);
    // A job: it told its id, then its progress eight cards at a time, over its own channel.
    assert.equal(report.events[0].event, "started", JSON.stringify(report.events));
    assert.deepEqual(
      report.events.filter((e) => e.event === "progress").map((e) => e.done),
      [8, 16, 18],
    );
    const { execFileSync } = await import("node:child_process");
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    assert.match(text, /Amina Hassan/);
    assert.match(text, /ሰላም/);
    assert.match(text, /Kulturkortet 2026/, "the saved design is what prints");
  } finally {
    await app.close();
  }
});

test("the culture office registers a visit for a venue and sees what the venue is owed", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    const cards = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2026", "--json"));
    const venues = JSON.parse(okort(app.workspace, "venues", "list", "--json"));
    const kino = venues.find((v) => v.name === "Eksempel Kino");
    await app.click("nav-lookup");
    await app.setValue("lookup-desk-venue", String(kino.id));
    await app.type("lookup-code", cards[0].card.number);
    await app.click("lookup-submit");
    await app.waitText('[data-testid="lookup-venue"]', "5 av 5");
    await app.setValue("visit-date", "10.03.2026");
    await app.click("visit-register");
    await app.waitText('[data-testid="lookup-venue"]', "4 av 5");

    // The card comes back at year end with three ticks at the cinema: two are new.
    await app.clickCss('[data-testid="returned"] summary');
    await app.run(
      `const label = [...document.querySelectorAll('.returned-row')].find((l) => l.textContent.includes(arguments[0]));
       const input = label.querySelector("input");
       input.value = "3";
       input.dispatchEvent(new Event("input", { bubbles: true }));`,
      "Eksempel Kino",
    );
    await app.click("returned-save");
    await app.waitText('[data-testid="toast"]', "2 besøk lagt til");

    await app.click("nav-payouts");
    const rows = await app.run(
      `return [...document.querySelectorAll('[data-testid="payout-row"]')].map((tr) => [...tr.cells].map((c) => c.textContent.trim()));`,
    );
    const row = rows.find((r) => r[0] === "Eksempel Kino");
    assert.ok(row, JSON.stringify(rows));
    assert.equal(row[2], "3", "one registered visit and two from the returned card");
    assert.match(row[4], /^kr\s?375,00$/, "full refund of the 2026 price");
    await app.find('[data-testid="payout-statement"]');
    await app.screenshot("payouts");

    const statement = `${app.home}/oppgjor.pdf`;
    const year = (await app.invokeRaw("list_years")).value.find((y) => y.year === 2026);
    const done = await app.invokeRaw(
      "print_statement",
      { venueId: kino.id, yearId: year.id, settlementId: null, from: null, to: null, path: statement },
      { job: true },
    );
    assert.equal(done.ok, true, JSON.stringify(done.error));
    const { execFileSync } = await import("node:child_process");
    const text = execFileSync("pdftotext", ["-layout", statement, "-"], { encoding: "utf8" }).replaceAll("\u00a0", " ");
    assert.match(text, /Til utbetaling\s+kr 375,00/);
    assert.match(text, /Innleverte kort/);

    // The office approves the cinema's open visits for the whole year, then records the payment.
    const index = rows.indexOf(row) + 1;
    const approve = `[data-testid="payouts-table"] tbody tr:nth-child(${index}) [data-testid="payout-approve"]`;
    // Into the middle of the window, clear of the header and of the toast in the corner.
    await app.run(`document.querySelector(arguments[0]).scrollIntoView({ block: "center" });`, approve);
    await app.clickCss(approve);
    // Approving asks first, showing the venue, the period and the amount.
    await app.waitText('[data-testid="approve-dialog"]', "Eksempel Kino");
    await app.waitText('[data-testid="approve-amount"]', "375,00");
    await app.click("approve-dialog-confirm");
    await app.waitText('[data-testid="toast"]', "godkjent for Eksempel Kino");
    let settlement = null;
    for (let i = 0; i < 50 && !settlement; i++) {
      settlement = await app.run(
        `const tr = [...document.querySelectorAll('[data-testid="settlement-row"]')].find(
           (r) => r.textContent.includes("Eksempel Kino") && r.textContent.includes("hele året") && r.textContent.includes("375,00"));
         return tr ? tr.dataset.settlementId : null;`,
      );
      if (!settlement) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(settlement, "the new settlement is listed for the whole year");
    const settled = `[data-testid="settlement-row"][data-settlement-id="${settlement}"]`;
    await app.waitText(settled, "Godkjent");
    // Approved today; paid a week later.
    const week = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    const payday = [week.getDate(), week.getMonth() + 1].map((n) => String(n).padStart(2, "0")).join(".") + `.${week.getFullYear()}`;
    await app.run(
      `const input = document.querySelector(arguments[0]);
       input.value = arguments[1];
       input.dispatchEvent(new Event("input", { bubbles: true }));
       input.dispatchEvent(new Event("change", { bubbles: true }));`,
      `${settled} [data-testid="settlement-paid-date"]`,
      payday,
    );
    await app.run(`document.querySelector(arguments[0]).scrollIntoView({ block: "center" });`, settled);
    await app.clickCss(`${settled} [data-testid="settlement-paid"]`);
    const paid = await app.waitText(settled, "Betalt");
    assert.ok(paid.includes(`Betalt ${payday}`), paid);
    assert.equal((await app.findAll(`${settled} [data-testid="settlement-paid"]`)).length, 0, "paid once only");
    await app.run(`document.querySelector(arguments[0]).scrollIntoView({ block: "center" });`, settled);
    await app.screenshot("settlements");

    // The accounting file of the settlements has the paid one with its payment date.
    const accounting = `${app.home}/oppgjor.csv`;
    const exported = await app.invokeRaw("export_settlements_csv", { yearId: year.id, path: accounting });
    assert.equal(exported.ok, true, JSON.stringify(exported.error));
    const { readFileSync } = await import("node:fs");
    const csv = readFileSync(accounting, "utf8");
    assert.ok(
      csv.split("\n").some((l) => l.startsWith(`${settlement};Eksempel Kino;`) && l.trim().endsWith(`;${payday}`)),
      csv,
    );
  } finally {
    await app.close();
  }
});

test("a venue imports its report of visits, sees the bad rows and imports the good ones", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kino");
    const cards = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2026", "--json"));
    const number = cards[0].card.number;
    // The check digit catches a typo in the card number.
    const typo = number.slice(0, -1) + ((+number.slice(-1) + 1) % 10);
    const csv =
      "kortnummer;dato;ledsager\n" +
      `${number};03.03.2026;ja\n` +
      `${number};2026-03-10;\n` +
      `${typo};12.03.2026;nei\n` +
      `${number};31.02.2026;\n`;
    const errorRows = () =>
      app.run(
        `return [...document.querySelectorAll('[data-testid="visit-import-error-row"]')]
           .map((tr) => [...tr.cells].map((c) => c.textContent.trim()));`,
      );

    await app.click("nav-visits");
    await app.dropFile("visit-import-drop", "kino-mars.csv", "text/csv", Buffer.from(csv, "utf8"));
    await app.waitText('[data-testid="visit-import-summary"]', "2 gyldige");
    const problems = await errorRows();
    assert.equal(problems.length, 2, JSON.stringify(problems));
    assert.deepEqual(
      problems.map(([row]) => row),
      ["4", "5"],
      "the rows as the spreadsheet numbers them (the header is row 1)",
    );
    assert.match(problems[0][2], /kontrollsifferet/);
    assert.match(problems[1][2], /31\.02\.2026/);
    assert.equal((await app.findAll('[data-testid="visit-import-all"]')).length, 0, "not all rows can be imported");

    await app.click("visit-import-valid");
    await app.waitText('[data-testid="visit-import-result"]', "2 besøk importert");
    await app.waitText('[data-testid="toast"]', "2 besøk importert");
    const importedRows = () =>
      app.run(
        `return [...document.querySelectorAll('[data-testid="visit-row"]')]
           .filter((tr) => tr.textContent.includes(arguments[0])
             && tr.querySelector('[data-testid="visit-source"]').textContent.trim() === "import")
           .map((tr) => tr.textContent);`,
        number,
      );
    await app.type("visits-search", number);
    let imported = [];
    for (let i = 0; i < 50 && imported.length < 2; i++) {
      imported = await importedRows();
      if (imported.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(imported.length, 2, JSON.stringify(imported));
    assert.ok(imported.some((t) => t.includes("03.03.2026") && t.includes("Ja")), "with a companion on 03.03");
    assert.ok(imported.some((t) => t.includes("10.03.2026")));

    // The same file again: the good rows are registered now, so nothing can be imported.
    await app.dropFile("visit-import-drop", "kino-mars.csv", "text/csv", Buffer.from(csv, "utf8"));
    await app.waitText('[data-testid="visit-import-summary"]', "0 gyldige");
    const again = await errorRows();
    assert.equal(again.length, 4, JSON.stringify(again));
    assert.ok(again.some(([row, , message]) => row === "2" && /allerede registrert/.test(message)));
    assert.equal((await app.findAll('[data-testid="visit-import-valid"]')).length, 0);
    assert.equal((await app.findAll('[data-testid="visit-import-all"]')).length, 0);
    assert.equal((await importedRows()).length, 2, "nothing is added twice");
    await app.screenshot("visit-import");
  } finally {
    await app.close();
  }
});
