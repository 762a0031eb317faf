// End-to-end: finding one's way as a clerk (issue 9) — long lists with search, filters and pages,
// money actions that ask first, the menu each role sees, and the holder screens.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch, okort } from "./webdriver.mjs";

test("the culture office finds visits and settlements in long lists, and money waits for a yes", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    const year = (await app.backend("list_years")).find((y) => y.year === 2026);
    const venues = JSON.parse(okort(app.workspace, "venues", "list", "--json"));
    const kino = venues.find((v) => v.name === "Eksempel Kino");

    // Visits: 339 in the demo's year, 25 to a page, with a search.
    await app.click("nav-visits");
    await app.waitText('[data-testid="visits-count"]', "339 besøk");
    await app.waitText('[data-testid="visits-page"]', "Side 1 av 14 · rad 1–25 av 339");
    assert.equal(await app.count('[data-testid="visit-row"]'), 25);
    await app.click("visits-next");
    await app.waitText('[data-testid="visits-page"]', "Side 2 av 14 · rad 26–50 av 339");
    const all = await app.backend("list_visits", { yearId: year.id, venueId: null });
    const perCard = new Map();
    for (const v of all) perCard.set(v.cardNumber, (perCard.get(v.cardNumber) ?? 0) + 1);
    const [number, n] = [...perCard].find(([, k]) => k > 1 && k < 25);
    await app.type("visits-search", number);
    await app.waitText('[data-testid="visits-count"]', `${n} av 339 besøk`);
    const found = await app.run(
      `return [...document.querySelectorAll('[data-testid="visit-row"]')].map((tr) => tr.textContent);`,
    );
    assert.equal(found.length, n);
    assert.ok(found.every((t) => t.includes(number)), JSON.stringify(found));
    assert.equal(await app.count('[data-testid="visits-pager"]'), 0, "one page of results, from the first");

    // Settlements: dated periods, filters and a count.
    await app.click("nav-payouts");
    await app.waitText('[data-testid="settlements-count"]', "43 av 43 oppgjør");
    await app.find('[data-testid="settlements-pager"]');
    const periods = await app.run(
      `return [...document.querySelectorAll('[data-testid="settlements-period"] option')].map((o) => o.textContent.trim());`,
    );
    assert.deepEqual(periods, ["Alle perioder", "01.01.2026–30.06.2026", "01.07.2026–30.09.2026", "01.10.2026–31.10.2026"]);
    await app.setValue("settlements-venue", String(kino.id));
    await app.waitText('[data-testid="settlements-count"]', "3 av 43 oppgjør");
    await app.setValue("settlements-status", "paid");
    await app.waitText('[data-testid="settlements-count"]', "2 av 43 oppgjør");
    await app.setValue("settlements-status", "");
    await app.setValue("settlements-period", "2026-10-01/2026-10-31");
    await app.waitText('[data-testid="settlements-count"]', "1 av 43 oppgjør");
    const row = await app.text('[data-testid="settlement-row"]');
    assert.match(row, /Eksempel Kino/);
    assert.match(row, /01\.10\.2026–31\.10\.2026/);
    assert.match(row, /besøk \d\d\.10\.2026–\d\d\.10\.2026/, "the days its visits were on");
    assert.match(row, /Godkjent \d\d\.\d\d\.2026/);

    // Approving asks first, saying what would be approved; cancel (button or Escape) approves nothing.
    const before = await app.backend("list_settlements", { yearId: year.id });
    const { index, line } = await app.run(
      `const rows = [...document.querySelectorAll('[data-testid="payout-row"]')];
       const index = rows.findIndex((r) => r.querySelector('[data-testid="payout-approve"]'));
       return { index, line: [...rows[index].cells].map((c) => c.textContent.trim()) };`,
    );
    await app.clickCss(`[data-testid="payouts-table"] tbody tr:nth-child(${index + 1}) [data-testid="payout-approve"]`);
    await app.waitText('[data-testid="approve-venue"]', line[0]);
    await app.waitText('[data-testid="approve-period"]', "01.01.2026–31.12.2026 (hele året)");
    await app.waitText('[data-testid="approve-visits"]', `${line[2]} besøk`);
    await app.waitText('[data-testid="approve-amount"]', line[4].replace(/^kr\s*/, ""));
    await app.click("approve-dialog-cancel");
    await app.gone('[data-testid="approve-dialog"]');
    await app.clickCss('[data-testid="payout-approve"]');
    await app.find('[data-testid="approve-dialog"]');
    await app.run(
      `document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));`,
    );
    await app.gone('[data-testid="approve-dialog"]');
    assert.deepEqual(await app.backend("list_settlements", { yearId: year.id }), before, "nothing approved");

    // Deleting an agreement asks first, and is refused where visits depend on it.
    await app.click("nav-venues");
    await app.type("venue-search", "Eksempel Kino");
    await app.clickText('[data-testid="venue-row"] button', "Eksempel Kino");
    await app.click("agreement-delete-2026");
    await app.waitText('[data-testid="agreement-delete-dialog"]', "Eksempel Kino");
    await app.click("agreement-delete-dialog-cancel");
    await app.gone('[data-testid="agreement-delete-dialog"]');
    const agreements = await app.backend("agreements_for_venue", { venueId: kino.id });
    await app.click("agreement-delete-2026");
    await app.click("agreement-delete-dialog-confirm");
    // Refused with a sentence, brought into view.
    await app.find('[data-testid="error"]');
    const refusal = await app.text('[data-testid="error"]');
    assert.match(refusal, /besøk/i, refusal);
    assert.doesNotMatch(refusal, /FOREIGN KEY|constraint|invalid args/i, refusal);
    let place = null;
    for (let i = 0; i < 20; i++) {
      place = await app.run(
        `const r = document.querySelector('[data-testid="error"]').getBoundingClientRect();
         return { top: r.top, bottom: r.bottom, height: innerHeight };`,
      );
      if (place.top >= 0 && place.bottom <= place.height) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(place.top >= 0 && place.bottom <= place.height, `the refusal is in sight: ${JSON.stringify(place)}`);
    assert.deepEqual(await app.backend("agreements_for_venue", { venueId: kino.id }), agreements, "kept");

    // Every year has an agreement: there is no blank "new" form to save over one. The form holds
    // the newest year's agreement, and saving it as it stands changes nothing.
    await app.click("nav-venues");
    await app.type("venue-search", "Eksempel Kino");
    await app.clickText('[data-testid="venue-row"] button', "Eksempel Kino");
    await app.find('[data-testid="agreement-row"]');
    assert.equal(await app.run(`return document.querySelector('[data-testid="agreement-new"]').disabled;`), true);
    await app.click("agreement-save");
    await app.waitText('[data-testid="toast"]', "2026");
    assert.deepEqual(await app.backend("agreements_for_venue", { venueId: kino.id }), agreements, "unchanged");

    // A new venue's agreement, with no visits, is deleted once confirmed.
    await app.click("nav-venues");
    await app.click("venue-new");
    await app.type("venue-name", "Prøvebadet");
    await app.click("venue-save");
    await app.waitText('[data-testid="toast"]', "Prøvebadet");
    await app.setValue("agreement-year", String(year.id));
    await app.click("agreement-save");
    await app.waitText('[data-testid="agreements"]', "2026");
    await app.click("agreement-delete-2026");
    await app.click("agreement-delete-dialog-confirm");
    await app.waitText('[data-testid="toast"]', "Avtalen er slettet");
    const probe = (await app.backend("list_venues")).find((v) => v.name === "Prøvebadet");
    assert.deepEqual(await app.backend("agreements_for_venue", { venueId: probe.id }), []);
  } finally {
    await app.close();
  }
});

test("each role sees the menu it may use, and NAV finds its way in the holder screens", async () => {
  const app = await launch({ demo: true });
  try {
    // The Fil menu (new, open, demo) is the culture office's.
    await app.login("kultur");
    await app.find('[data-testid="menu-file"]');
    await app.click("logout");
    await app.login("kino");
    assert.equal(await app.count('[data-testid="menu-file"]'), 0, "not for a venue desk");
    await app.click("logout");
    await app.login("nav");
    assert.equal(await app.count('[data-testid="menu-file"]'), 0, "not for NAV");

    // Languages named in Norwegian beside their own script.
    await app.click("nav-holders");
    await app.find('[data-testid="holder-row"]');
    const languages = await app.run(
      `return [...document.querySelectorAll('[data-testid="holder-language-name"]')].map((td) => td.textContent.trim());`,
    );
    assert.ok(languages.includes("ትግርኛ (tigrinja)"), JSON.stringify(languages));
    assert.ok(languages.some((l) => /^.+ \((arabisk|persisk|ukrainsk)\)$/.test(l)), JSON.stringify(languages));

    // From an open holder, the menu goes back to the list; the back link is not under the header.
    await app.type("holder-search", "Tesfay");
    await app.clickText('[data-testid="holder-row"] button', "Tesfay");
    await app.find('[data-testid="holder-form"]');
    const clear = await app.run(
      `const back = document.querySelector('[data-testid="holder-back"]').getBoundingClientRect();
       const head = document.querySelector("header.topbar").getBoundingClientRect();
       return back.top >= head.bottom && back.bottom <= innerHeight;`,
    );
    assert.ok(clear, "Tilbake til listen is in sight, below the sticky header");
    await app.click("nav-holders");
    await app.gone('[data-testid="holder-form"]');
    await app.find('[data-testid="holder-row"]');
  } finally {
    await app.close();
  }
});
