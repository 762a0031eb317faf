// End-to-end: the card check desk as a venue (Eksempel Kino in the demo) sees each card, with
// what it may do, and the Kort page's tabs as the culture office uses them. Screenshots of each
// state go to tests/e2e/artifacts/ for a person to look at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, okort } from "./webdriver.mjs";

/** The check digit changed by one: a typo the card number catches. */
const typo = (number) => number.slice(0, -1) + ((+number.slice(-1) + 1) % 10);

async function check(app, number) {
  await app.type("lookup-code", number);
  await app.click("lookup-submit");
}

/** Waits for the desk to show `number` in `state`; returns the result's text. */
async function shows(app, number, state) {
  await app.waitText('[data-testid="lookup-number"]', number);
  await app.find(`[data-testid="lookup-result"][data-state="${state}"]`);
  return app.text('[data-testid="lookup-result"]');
}

test("the venue desk shows each card's state at this venue and offers only what can succeed", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kino");
    const cards2026 = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2026", "--json"));
    const cards2025 = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2025", "--json"));
    const amina = cards2026.find((c) => c.card.number === "2026-0001-9");
    const other = cards2026.find((c) => c.card.status === "handedOut" && c !== amina);
    const lost = cards2026.find((c) => c.card.status === "lost");
    assert.ok(lost, "the demo has a card reported lost");
    const old = cards2025.find((c) => c.card.status === "handedOut");
    await app.click("nav-lookup");

    // Valid, with visits left here: registering is offered.
    await check(app, amina.card.number);
    await shows(app, amina.card.number, "valid");
    await app.waitText('[data-testid="lookup-state"]', "Gyldig");
    await app.waitText('[data-testid="lookup-venue"]', "Hos Eksempel Kino: 5 av 5 besøk igjen");
    await app.find('[data-testid="visit-panel"][data-offer="register"]');
    await app.find('[data-testid="visit-register"]');
    assert.equal(await app.count('[data-testid="lookup-advice"]'), 0, "nothing to warn about");
    assert.equal(
      await app.run(`return document.querySelector('[data-testid="lookup-code"]').value;`),
      "",
      "a good check clears the field for the next scan",
    );
    await app.screenshot("desk-valid");

    // A date typed for one card is not carried to the next card checked: each check starts from today.
    await app.type("visit-date", "01.06.2026");
    await check(app, other.card.number);
    await shows(app, other.card.number, "valid");
    assert.equal(await app.run(`return document.querySelector('[data-testid="visit-date"]').value;`), "", "the date starts empty (today)");

    // Five visits at the cinema, then none are left here.
    await check(app, amina.card.number);
    await shows(app, amina.card.number, "valid");
    for (let left = 4; left >= 0; left--) {
      await app.click("visit-register");
      await app.waitText('[data-testid="toast"]', `Besøk registrert for Amina – ${left} igjen`);
      await app.waitText('[data-testid="lookup-venue"]', `${left} av 5 besøk igjen`);
      // After a registration the date is today again.
      if (left > 0) {
        assert.equal(await app.run(`return document.querySelector('[data-testid="visit-date"]').value;`), "");
      }
    }
    await app.find('[data-testid="lookup-result"][data-state="noVisitsLeft"]');
    await app.waitText('[data-testid="lookup-state"]', "Ingen besøk igjen her");
    await app.waitText('[data-testid="lookup-advice"]', "Amina har brukt alle 5 besøkene hos Eksempel Kino dette året");
    assert.equal(await app.count('[data-testid="visit-register"]'), 0, "no register button");
    assert.equal(await app.count('[data-testid="visit-panel"]'), 0, "nothing a venue can register");
    assert.doesNotMatch(await app.text('[data-testid="lookup-state"]'), /Gyldig/);
    await app.screenshot("desk-no-visits-left");
    // Checked again from scratch, the card says the same.
    await check(app, amina.card.number);
    await shows(app, amina.card.number, "noVisitsLeft");
    const visits = await app.backend("list_visits", {
      yearId: (await app.backend("list_years")).find((y) => y.year === 2026).id,
      venueId: null,
    });
    assert.equal(visits.filter((v) => v.cardNumber === amina.card.number && !v.voidedReason).length, 5);

    // A lost card is blocked: say so, offer nothing. (The last toast is let go first, for a clear picture.)
    await app.gone('[data-testid="toast"]');
    await check(app, lost.card.number);
    await shows(app, lost.card.number, "blocked");
    await app.waitText('[data-testid="lookup-state"]', "Sperret");
    await app.waitText('[data-testid="lookup-advice"]', "Kortet er meldt tapt");
    await app.waitText('[data-testid="lookup-status"]', "Tapt");
    assert.equal(await app.count('[data-testid="visit-panel"]'), 0);
    assert.equal(await app.count('[data-testid="visit-register"]'), 0);
    await app.screenshot("desk-blocked");

    // Last year's card has expired.
    await check(app, old.card.number);
    await shows(app, old.card.number, "expired");
    await app.waitText('[data-testid="lookup-state"]', "Utløpt");
    await app.waitText('[data-testid="lookup-advice"]', "Kortet gjaldt til 31.12.2025");
    assert.equal(await app.count('[data-testid="visit-panel"]'), 0);
    assert.equal(await app.count('[data-testid="visit-register"]'), 0);
    await app.screenshot("desk-expired");

    // A typo: the check digit says so, and the number stays in the field to be corrected.
    const wrong = typo(other.card.number);
    await check(app, wrong);
    await app.waitText('[data-testid="lookup-error"]', "ontrollsifferet stemmer ikke");
    assert.equal(await app.count('[data-testid="lookup-result"]'), 0, "no card is shown");
    assert.equal(await app.run(`return document.querySelector('[data-testid="lookup-code"]').value;`), wrong);
    assert.equal(
      await app.run(`return document.querySelector('[data-testid="lookup-code"]').getAttribute("aria-invalid");`),
      "true",
    );
    await app.screenshot("desk-typo");
  } finally {
    await app.close();
  }
});

test("the culture office can register over the desk's rules only with a written reason", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    const venues = JSON.parse(okort(app.workspace, "venues", "list", "--json"));
    const kino = venues.find((v) => v.name === "Eksempel Kino");
    const cards2025 = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2025", "--json"));
    const old = cards2025.find((c) => c.card.status === "handedOut");
    await app.click("nav-lookup");
    await app.setValue("lookup-desk-venue", String(kino.id));
    await check(app, old.card.number);
    await shows(app, old.card.number, "expired");
    await app.find('[data-testid="visit-panel"][data-offer="override"]');
    await app.find('[data-testid="visit-override-note"]');
    // Today is outside the card's validity: only with a written reason.
    await app.click("visit-register-override");
    await app.waitText('[data-testid="visit-override-error"]', "Skriv hvorfor besøket registreres likevel");
    const year = (await app.backend("list_years")).find((y) => y.year === 2025);
    const ofCard = async () =>
      (await app.backend("list_visits", { yearId: year.id, venueId: kino.id })).filter((v) => v.cardNumber === old.card.number);
    const before = await ofCard();
    await app.type("visit-override", "Kortet for i år er ikke kommet, bekreftet av NAV");
    await app.click("visit-register-override");
    await app.waitText('[data-testid="toast"]', "Besøk registrert");
    const after = await ofCard();
    assert.equal(after.length, before.length + 1, JSON.stringify(after));
    assert.ok(after.some((v) => /bekreftet av NAV/.test(v.overrideReason)), JSON.stringify(after));
  } finally {
    await app.close();
  }
});

test("the Kort page has a tab per task, a primary print button and a preview that can be enlarged", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    await app.click("nav-cards");
    const selected = () =>
      app.run(
        `return [...document.querySelectorAll('[role="tab"]')].filter((t) => t.getAttribute("aria-selected") === "true").map((t) => t.dataset.testid);`,
      );

    // The card list, with search and its count.
    await app.find('[data-testid="cards-panel-list"]');
    assert.deepEqual(await selected(), ["cards-tab-list"]);
    await app.waitText('[data-testid="cards-count"]', "19 av 19 kort");
    await app.type("cards-search", "Amina");
    await app.waitText('[data-testid="cards-count"]', "1 av 19 kort");
    await app.waitText('[data-testid="card-row"]', "2026-0001-9");
    await app.type("cards-search", "");
    await app.waitText('[data-testid="cards-count"]', "19 av 19 kort");
    await app.screenshot("kort-list");

    // The design, with its live preview that can be enlarged.
    await app.click("cards-tab-design");
    await app.find('[data-testid="cards-panel-design"] [data-testid="design"]');
    assert.deepEqual(await selected(), ["cards-tab-design"]);
    assert.equal(await app.count('[data-testid="cards-panel-list"]'), 0, "one task at a time");
    await app.find('[data-testid="print-preview"] img');
    const width = () => app.run(`return document.querySelector('[data-testid="print-preview"] img').getBoundingClientRect().width;`);
    const small = await width();
    await app.screenshot("kort-design");
    await app.click("print-zoom");
    await app.waitText('[data-testid="print-zoom"]', "Vis mindre");
    assert.equal(await app.run(`return document.querySelector('[data-testid="print-zoom"]').getAttribute("aria-pressed");`), "true");
    let big = small;
    for (let i = 0; i < 30 && big <= small; i++) {
      await new Promise((r) => setTimeout(r, 100));
      big = await width();
    }
    assert.ok(big > small * 1.5, `the preview is enlarged (${small} → ${big} px)`);
    await app.screenshot("kort-design-zoomed");
    await app.click("print-zoom");
    await app.waitText('[data-testid="print-zoom"]', "Forstørr forhåndsvisningen");

    // Printing: the main button is primary and enabled.
    await app.click("cards-tab-print");
    await app.find('[data-testid="cards-panel-print"] [data-testid="print-panel"][data-section="print"]');
    assert.deepEqual(await selected(), ["cards-tab-print"]);
    const button = await app.run(
      `const b = document.querySelector('[data-testid="print-all"]'); return { primary: b.classList.contains("primary"), disabled: b.disabled, text: b.textContent.trim() };`,
    );
    assert.deepEqual(button, { primary: true, disabled: false, text: "Skriv ut alle aktive kort" });
    await app.find('[data-testid="print-layout"]');
    await app.screenshot("kort-print");

    // Cards chosen in the list are printed from the print tab.
    await app.click("cards-tab-list");
    await app.type("cards-search", "Amina");
    await app.click("card-select");
    await app.click("cards-print-selected");
    await app.find('[data-testid="cards-panel-print"]');
    await app.waitText('[data-testid="print-selected-hint"]', "1 kort er valgt i kortlisten");
    await app.find('[data-testid="print-selected"]');
  } finally {
    await app.close();
  }
});
