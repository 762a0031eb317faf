// End-to-end, table-driven: every form field that takes a number, a date, an amount, an
// organisation number, a bank account or a file, given a bad value in the real app. Each row says
// where the field is, the bad value, the message the user must see (Bokmål) and what must stay
// unsaved, read back through the backend. One app per role; the rows run in turn in it, each
// starting from a fresh screen (the menu remounts the page).
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateSync } from "node:zlib";
import { launch, okort } from "./webdriver.mjs";

/** A real 1×1 PNG: bytes that are an image, but not a spreadsheet. */
function tinyPng() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.from([0, 0xff, 0, 0]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const PNG = tinyPng();
const TEXT = Buffer.from("Dette er et notat, ikke et bilde.\n", "utf8");

/** Norwegian date of today plus `days`. */
function dayFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return [d.getDate(), d.getMonth() + 1].map((n) => String(n).padStart(2, "0")).join(".") + `.${d.getFullYear()}`;
}

// ---------------------------------------------------------------------------------------------
// Where the rows go: each opener brings a fresh screen with the form ready for the bad value.

const OPEN = {
  async "Programår → 2026"(app) {
    await app.click("nav-years");
    await app.clickText('[data-testid="year-row"] button', "2026");
    // The form knows how many cards are out before the quota is checked against them.
    await app.waitText('[data-testid="year-form"]', "18 tildelt");
  },
  async "Program"(app) {
    await app.click("nav-program");
    await app.find('[data-testid="program-municipality"]');
  },
  async "Brukersteder → nytt"(app) {
    await app.click("nav-venues");
    await app.click("venue-new");
    await app.type("venue-name", "Feilskrevet AS");
  },
  async "Brukersteder → Eksempel Kino"(app) {
    await app.click("nav-venues");
    await app.type("venue-search", "Eksempel Kino");
    await app.clickText('[data-testid="venue-row"] button', "Eksempel Kino");
    await app.find('[data-testid="venue-logo-preview"]');
  },
  async "Eksempel Kino → avtale 2026"(app) {
    await OPEN["Brukersteder → Eksempel Kino"](app);
    await app.click("agreement-edit-2026");
    await app.waitText('[data-testid="agreement-form"] h3', "Avtale for 2026");
  },
  async "Kort → Utskrift → ny skriverprofil"(app) {
    await app.click("nav-cards");
    await app.click("cards-tab-print");
    await app.click("printer-new");
    await app.type("printer-name", "Testskriver");
  },
  async "Kortsjekk (kulturkontoret) → innlevert kort"(app, ctx) {
    await app.click("nav-lookup");
    await app.setValue("lookup-desk-venue", String(ctx.kino.id));
    await app.type("lookup-code", ctx.card);
    await app.click("lookup-submit");
    await app.waitText('[data-testid="lookup-venue"]', "5 av 5");
    await app.clickCss('[data-testid="returned"] summary');
  },
  async "Oppgjør"(app) {
    await app.click("nav-payouts");
    await app.find('[data-testid="payout-row"]');
  },
  async "Oppgjør → godkjent, ikke betalt (Eksempel Kino)"(app, ctx) {
    await app.click("nav-payouts");
    await app.find('[data-testid="settlement-row"]');
    await app.setValue("settlements-venue", String(ctx.kino.id));
    await app.setValue("settlements-status", "approved");
    await app.waitText('[data-testid="settlements-count"]', "1 av");
  },
  async "Import og eksport"(app) {
    await app.click("nav-import");
    await app.find('[data-testid="import-drop"]');
  },
  async "Kortsjekk → gyldig kort"(app, ctx) {
    await app.click("nav-lookup");
    await app.type("lookup-code", ctx.card);
    await app.click("lookup-submit");
    await app.waitText('[data-testid="lookup-venue"]', "5 av 5");
    await app.find('[data-testid="visit-register"]');
  },
  async "Besøk → importer rapport"(app) {
    await app.click("nav-visits");
    await app.find('[data-testid="visit-import-drop"]');
  },
  async "Kortholdere → ny"(app) {
    await app.click("nav-holders");
    await app.click("holder-new");
    await app.type("holder-first", "Testbarn");
    await app.type("holder-last", "Feilsen");
  },
  async "Kortholdere → importer CSV"(app) {
    await app.click("nav-holders");
    await app.find('[data-testid="holders-import-drop"]');
  },
};

// What must stay unsaved, read through the backend.
const SAVED = {
  years: (app) => app.backend("list_years"),
  program: (app) => app.backend("get_program"),
  venues: (app) => app.backend("list_venues"),
  agreements: (app, ctx) => app.backend("agreements_for_venue", { venueId: ctx.kino.id }),
  printers: (app) => app.backend("list_printer_profiles"),
  visits: async (app, ctx) => (await app.backend("list_visits", { yearId: ctx.year.id, venueId: null })).map((v) => v.id),
  settlements: (app, ctx) => app.backend("list_settlements", { yearId: ctx.year.id }),
  holders: async (app) => (await app.backend("list_holders")).map((h) => [h.id, h.birthDate, h.lastName]),
};

// ---------------------------------------------------------------------------------------------
// The table. `field` is a data-testid (or a CSS selector); a `value` that is an object is a file
// dropped on the field. `set` fills other fields first. `submit` is clicked after, when the form
// has a button. The message `says` must show at `at`, as the only message on the screen unless
// `alone` is false, in sight (in the window, below the sticky header) unless `inSight` is false
// for a known fault; `saved` names what must be unchanged afterwards.

const ROWS = [
  // Programår (culture office)
  { role: "kultur", where: "Programår → 2026", field: "year-quota", value: "-5", submit: "year-save",
    at: "error-cardQuota", says: "Antall kort må være et helt tall fra 1 til 10 000", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-quota", value: "abc", submit: "year-save",
    at: "error-cardQuota", says: "Antall kort må være et helt tall fra 1 til 10 000", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-quota", value: "5", submit: "year-save",
    at: "error-cardQuota", says: "kan ikke være lavere enn de 18 kortene", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-year", value: "19999", submit: "year-save",
    at: "error-year", says: "Skriv et årstall fra 2000 til 2100", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-from", value: "32.13.2026", submit: "year-save",
    at: "year-from-invalid", says: "Skriv datoen som dd.mm.åååå", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-to", value: "30.02.2026", submit: "year-save",
    at: "year-to-invalid", says: "Skriv datoen som dd.mm.åååå", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-to", value: "31.12.2025", submit: "year-save",
    at: "error-validTo", says: "«Gyldig til» kan ikke være før «gyldig fra»", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-age-min", value: "30", submit: "year-save",
    at: "error-ageMin", says: "Alderen må være et helt tall fra 0 til 25", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-age-max", value: "3", submit: "year-save",
    at: "error-ageMax", says: "«Alder til» kan ikke være lavere enn «alder fra» (5)", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-family-cap", value: "0", submit: "year-save",
    at: "error-familyCap", says: "Maks kort per familie må være et helt tall fra 1", saved: "years" },
  { role: "kultur", where: "Programår → 2026", field: "year-family-cap", value: "to", submit: "year-save",
    at: "error-familyCap", says: "Maks kort per familie må være et helt tall fra 1", saved: "years" },

  // Avtale (agreement) of Eksempel Kino for 2026
  { role: "kultur", where: "Eksempel Kino → avtale 2026", field: "agreement-visits", value: "-3", submit: "agreement-save",
    at: "error-visitsPerCard", says: "Besøk per kort må være et helt tall fra 1 til 99", saved: "agreements" },
  { role: "kultur", where: "Eksempel Kino → avtale 2026", field: "agreement-visits", value: "1000", submit: "agreement-save",
    at: "error-visitsPerCard", says: "Besøk per kort må være et helt tall fra 1 til 99", saved: "agreements" },
  { role: "kultur", where: "Eksempel Kino → avtale 2026", set: { "agreement-model": "share" }, field: "agreement-share",
    value: "150", submit: "agreement-save",
    at: "error-sharePercent", says: "Andelen må være et helt tall fra 1 til 99 prosent", saved: "agreements" },
  { role: "kultur", where: "Eksempel Kino → avtale 2026", field: "agreement-holder-price", value: "-10", submit: "agreement-save",
    at: "error-holderPriceOre", says: "Prisen kan ikke være negativ", saved: "agreements" },
  { role: "kultur", where: "Eksempel Kino → avtale 2026", field: "agreement-holder-price", value: "abc", submit: "agreement-save",
    at: "error-holderPriceOre", says: "Skriv et beløp i kroner, f.eks. 120,00", saved: "agreements" },
  { role: "kultur", where: "Eksempel Kino → avtale 2026", field: "agreement-companion-price", value: "-10", submit: "agreement-save",
    at: "error-companionPriceOre", says: "Prisen kan ikke være negativ", saved: "agreements" },
  { role: "kultur", where: "Eksempel Kino → avtale 2026", field: "agreement-companion-price", value: "abc", submit: "agreement-save",
    at: "error-companionPriceOre", says: "Skriv et beløp i kroner", saved: "agreements" },
  { role: "kultur", where: "Eksempel Kino → avtale 2026", field: "agreement-signed", value: "31.02.2026", submit: "agreement-save",
    at: "agreement-signed-invalid", says: "Skriv datoen som dd.mm.åååå", saved: "agreements" },
  { role: "kultur", where: "Eksempel Kino → avtale 2026", field: "agreement-to", value: "01.03.2025", submit: "agreement-save",
    at: "error-periodTo", says: "Datoen må ligge i programåret (01.01.2026–31.12.2026)", saved: "agreements" },
  { role: "kultur", where: "Eksempel Kino → avtale 2026", set: { "agreement-from": "30.06.2026" }, field: "agreement-to",
    value: "01.03.2026", submit: "agreement-save",
    at: "error-periodTo", says: "Perioden slutter før den starter", saved: "agreements" },

  // Brukersted (venue)
  { role: "kultur", where: "Brukersteder → nytt", field: "venue-orgnr", value: "974 760 674", submit: "venue-save",
    at: "error-orgNumber", says: "Organisasjonsnummeret er ikke gyldig", saved: "venues" },
  { role: "kultur", where: "Brukersteder → nytt", field: "venue-account", value: "8601.11.17948", submit: "venue-save",
    at: "error-bankAccount", says: "Kontonummeret er ikke gyldig", saved: "venues" },
  { role: "kultur", where: "Brukersteder → nytt", field: "venue-logo-drop",
    value: { name: "logo.png", type: "image/png", bytes: TEXT },
    at: "venue-logo-error", says: "«logo.png» er ikke et bilde", saved: "venues",
    also: async (app) => assert.equal(await app.count('[data-testid="venue-logo-preview"]'), 0, "no broken thumbnail") },
  { role: "kultur", where: "Brukersteder → Eksempel Kino", field: "venue-logo-drop",
    value: { name: "nytt-logo.png", type: "image/png", bytes: TEXT },
    at: "venue-logo-error", says: "«nytt-logo.png» er ikke et bilde", saved: "venues" },

  // Programmet
  { role: "kultur", where: "Program", field: "program-municipality", value: "", submit: "program-save",
    at: "error-municipality", says: "Må fylles ut", saved: "program" },
  { role: "kultur", where: "Program", field: "program-name", value: "  ", submit: "program-save",
    at: "error-name", says: "Må fylles ut", saved: "program" },
  { role: "kultur", where: "Program", field: "program-logo-drop",
    value: { name: "kommunelogo.png", type: "image/png", bytes: TEXT },
    at: "program-logo-error", says: "«kommunelogo.png» er ikke et bilde", saved: "program" },

  // Skriverprofil (printer calibration)
  { role: "kultur", where: "Kort → Utskrift → ny skriverprofil", field: "printer-x", value: "abc", submit: "printer-save",
    at: "error-offsetXMm", says: "Skriv et tall i millimeter fra −20 til 20", saved: "printers" },
  { role: "kultur", where: "Kort → Utskrift → ny skriverprofil", field: "printer-y", value: "25", submit: "printer-save",
    at: "error-offsetYMm", says: "Skriv et tall i millimeter fra −20 til 20", saved: "printers" },
  { role: "kultur", where: "Kort → Utskrift → ny skriverprofil", field: "printer-scale", value: "200", submit: "printer-save",
    at: "error-scalePercent", says: "Skriv skaleringen i prosent fra 90 til 110", saved: "printers" },

  // Innlevert kort: ticks per venue
  { role: "kultur", where: "Kortsjekk (kulturkontoret) → innlevert kort",
    field: (ctx) => `[data-testid="returned-ticks"][data-venue-id="${ctx.kino.id}"]`, value: "-2", submit: "returned-save",
    at: "returned-ticks-error", says: "Antall kryss må være et helt tall fra 0 til 99", saved: "visits" },

  // Oppgjør (payouts): the period, and the date a settlement was paid
  { role: "kultur", where: "Oppgjør", set: { "payouts-from": "31.12.2026" }, field: "payouts-to", value: "01.01.2026",
    at: "payouts-period-error", says: "Perioden slutter før den starter: 01.01.2026 er før 31.12.2026", saved: "settlements",
    also: async (app) => {
      assert.equal(await app.count('[data-testid="payout-row"]'), 0, "no amounts for a period that cannot be");
      assert.equal(await app.count('[data-testid="payout-approve"]:not([disabled])'), 0, "nothing to approve");
    } },
  { role: "kultur", where: "Oppgjør", field: "payouts-from", value: "32.13.2026",
    at: "payouts-from-invalid", says: "Skriv datoen som dd.mm.åååå", saved: "settlements" },
  { role: "kultur", where: "Oppgjør → godkjent, ikke betalt (Eksempel Kino)", field: "settlement-paid-date", value: "31.02.2026",
    submit: "settlement-paid",
    at: "settlement-paid-date-invalid", says: "Skriv datoen som dd.mm.åååå", saved: "settlements" },
  { role: "kultur", where: "Oppgjør → godkjent, ikke betalt (Eksempel Kino)", field: "settlement-paid-date", value: "i går",
    submit: "settlement-paid",
    at: "settlement-paid-date-invalid", says: "Skriv datoen som dd.mm.åååå", saved: "settlements" },
  { role: "kultur", where: "Oppgjør → godkjent, ikke betalt (Eksempel Kino)", field: "settlement-paid-date", value: "",
    submit: "settlement-paid",
    at: "payouts-error", says: "Skriv datoen oppgjør nr. 42 ble betalt", saved: "settlements" },

  // A venue file that is not a CSV
  { role: "kultur", where: "Import og eksport", field: "import-drop",
    value: { name: "brukersteder.csv", type: "text/csv", bytes: PNG },
    at: "import-message", says: "Ingenting er lagret", alone: false, saved: "venues" },

  // The venue desk (kino): the visit date, and the venue's report of visits
  { role: "kino", where: "Kortsjekk → gyldig kort", field: "visit-date", value: "32.13.2026", submit: "visit-register",
    at: "visit-date-invalid", says: "Skriv datoen som dd.mm.åååå", saved: "visits",
    also: async (app) => {
      assert.equal(await app.count('[data-testid="toast"]'), 0, "no visit registered");
      await app.waitText('[data-testid="lookup-venue"]', "5 av 5");
    } },
  { role: "kino", where: "Kortsjekk → gyldig kort", field: "visit-date", value: dayFromToday(1), submit: "visit-register",
    at: "visit-date-error", says: "Datoen er etter i dag", saved: "visits",
    also: async (app) => {
      assert.equal(await app.count('[data-testid="toast"]'), 0, "no visit registered");
      await app.waitText('[data-testid="lookup-venue"]', "5 av 5");
    } },
  { role: "kino", where: "Kortsjekk → gyldig kort", field: "visit-date", value: "15.12.2025", submit: "visit-register",
    at: "visit-date-error", says: "Kortet gjelder ikke denne datoen", saved: "visits" },
  { role: "kino", where: "Besøk → importer rapport", field: "visit-import-drop",
    value: { name: "rapport.png", type: "image/png", bytes: PNG },
    at: "visit-import-message", says: "Ingenting er lagret", alone: false, saved: "visits" },
  { role: "kino", where: "Besøk → importer rapport", field: "visit-import-drop",
    value: { name: "rapport.xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes: TEXT },
    at: "visit-import-message", says: "Ingenting er lagret", alone: false, saved: "visits" },

  // NAV: a holder's birth date, and a holder file
  { role: "nav", where: "Kortholdere → ny", field: "holder-birth", value: "2015-13-45", submit: "holder-save",
    at: "holder-birth-invalid", says: "Skriv datoen som dd.mm.åååå", saved: "holders" },
  { role: "nav", where: "Kortholdere → ny", field: "holder-birth", value: "31.02.2015", submit: "holder-save",
    at: "holder-birth-invalid", says: "Skriv datoen som dd.mm.åååå", saved: "holders" },
  { role: "nav", where: "Kortholdere → importer CSV", field: "holders-import-drop",
    value: {
      name: "kortholdere.csv",
      type: "text/csv",
      bytes: Buffer.from("fornavn;etternavn;fødselsdato\nAda;;2015-13-45\nBo;Berg;01.02.2015\n", "utf8"),
    },
    at: "holders-import-message", says: "Ingenting er lagret", alone: false, saved: "holders",
    also: async (app) => {
      const rows = await app.run(
        `return [...document.querySelectorAll('[data-testid="holders-import-error-row"]')]
           .map((tr) => [...tr.cells].map((c) => c.textContent.trim()));`,
      );
      assert.ok(rows.some(([row, col, msg]) => row === "2" && col === "fødselsdato" && msg.includes("2015-13-45")), JSON.stringify(rows));
      assert.ok(rows.some(([row, col]) => row === "2" && col === "etternavn"), JSON.stringify(rows));
    } },
  { role: "nav", where: "Kortholdere → importer CSV", field: "holders-import-drop",
    value: { name: "kortholdere.csv", type: "text/csv", bytes: PNG },
    at: "holders-import-message", says: "Ingenting er lagret", alone: false, saved: "holders" },
];

const sel = (s) => (/^[A-Za-z0-9-]+$/.test(s) ? `[data-testid="${s}"]` : s);

/** Fills one field as a user would: picks in a select, types anywhere else. */
async function fill(app, css, value) {
  await app.find(css);
  const tag = await app.run(`return document.querySelector(arguments[0]).tagName;`, css);
  if (tag === "SELECT") {
    await app.run(
      `const el = document.querySelector(arguments[0]);
       el.value = arguments[1];
       el.dispatchEvent(new Event("change", { bubbles: true }));`,
      css,
      value,
    );
  } else {
    await app.typeCss(css, value);
  }
}

const label = (row) =>
  `${row.where}: ${typeof row.field === "function" ? "returned-ticks" : row.field} = ${
    typeof row.value === "object" ? `file ${row.value.name}` : JSON.stringify(row.value)
  }`;

for (const role of ["kultur", "kino", "nav"]) {
  test(`bad input as ${role}: each field says what is wrong and nothing is saved`, async (t) => {
    const app = await launch({ demo: true });
    try {
      await app.login(role);
      const cards = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2026", "--json"));
      const venues = JSON.parse(okort(app.workspace, "venues", "list", "--json"));
      const ctx = {
        year: (await app.backend("list_years")).find((y) => y.year === 2026),
        kino: venues.find((v) => v.name === "Eksempel Kino"),
        card: cards.find((c) => c.card.number === "2026-0001-9").card.number,
      };
      const rows = ROWS.filter((r) => r.role === role);
      const kinds = [...new Set(rows.map((r) => r.saved))];
      const start = {};
      for (const k of kinds) start[k] = await SAVED[k](app, ctx);

      for (const row of rows) {
        await t.test(label(row), async () => {
          await OPEN[row.where](app, ctx);
          const before = await SAVED[row.saved](app, ctx);
          for (const [field, value] of Object.entries(row.set ?? {})) await fill(app, sel(field), value);
          const field = typeof row.field === "function" ? row.field(ctx) : sel(row.field);
          if (typeof row.value === "object") {
            await app.dropFile(row.field, row.value.name, row.value.type, row.value.bytes);
          } else {
            await fill(app, field, row.value);
          }
          if (row.submit) await app.click(row.submit);
          await app.waitText(sel(row.at), row.says);
          // The message is where the clerk is looking: in the window, not under the sticky header.
          const place = await app.run(
            `const r = document.querySelector(arguments[0]).getBoundingClientRect();
             const head = document.querySelector("header.topbar").getBoundingClientRect().bottom;
             return { top: Math.round(r.top), bottom: Math.round(r.bottom), head: Math.round(head), height: innerHeight };`,
            sel(row.at),
          );
          if (row.inSight !== false) {
            assert.ok(place.top >= place.head && place.bottom <= place.height, `the message is in sight: ${JSON.stringify(place)}`);
          }
          const shown = await app.visibleErrors();
          if (row.alone !== false) assert.equal(shown.length, 1, `one message for one fault: ${JSON.stringify(shown)}`);
          for (const text of shown) {
            assert.doesNotMatch(text, /invalid args|invalid value|expected [ui]\d+|command /, "no developer English");
          }
          if (row.also) await row.also(app, ctx);
          assert.deepEqual(await SAVED[row.saved](app, ctx), before, "nothing is saved");
        });
      }
      // Read once more at the end: a save that came late would show here.
      for (const k of kinds) assert.deepEqual(await SAVED[k](app, ctx), start[k], `${k}: nothing saved by any row`);
    } finally {
      await app.close();
    }
  });
}
