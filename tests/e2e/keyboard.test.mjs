// The app by keyboard alone: a venue desk logs in, checks a card and registers a visit with a
// companion; the culture office logs in, goes to Kort and prints the year's cards. No click and
// no element is aimed at: every key goes to whatever has the focus, as on a real keyboard (the
// native save dialog, which WebDriver cannot reach, is answered as in the other tests). On the
// way the test checks that the focus can always be seen, that it lands where the next step
// starts (the card field after a check, the page's heading after a menu choice), and that the
// skip link leads past the menu to the main content.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./webdriver.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `testid` has the focus. */
async function focusOn(app, testid, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const now = await app.focused();
    if (now === testid) return;
    if (Date.now() > end) throw new Error(`the focus is on ${now}, not ${testid}`);
    await sleep(100);
  }
}

/** Waits until the focus is on the heading of the page shown (after a menu choice or a login). */
async function focusOnHeading(app, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const where = await app.run(
      `const e = document.activeElement;
       return e && e.matches("main h1") ? e.textContent.trim() : null;`,
    );
    if (where) return where;
    if (Date.now() > end) throw new Error(`the focus is on ${await app.focused()}, not on the page's heading`);
    await sleep(100);
  }
}

/** Logs in from the login screen by keyboard: the user name field has the focus. */
async function logIn(app, user) {
  await focusOn(app, "login-username");
  await app.keyboardType(user);
  await app.press("Tab");
  assert.equal(await app.focused(), "login-password");
  await app.keyboardType("demo1234");
  await app.press("Enter");
  await app.find('[data-testid="logout"]');
}

test("a desk checks a card and registers a visit, and the office prints the cards, by keyboard alone", async () => {
  const app = await launch({ demo: true });
  try {
    // The venue desk (Eksempel Kino) starts on the card check, with the focus in the card field.
    await logIn(app, "kino");
    await focusOn(app, "lookup-code");
    await app.keyboardType("2026-0001-9");
    await app.press("Enter");
    await app.find('[data-testid="lookup-result"][data-state="valid"]');
    await app.waitText('[data-testid="lookup-number"]', "2026-0001-9");
    // The result is announced: it is in a live region.
    assert.ok(
      await app.run(`return !!document.querySelector('[data-testid="lookup-result"]').closest('[aria-live]');`),
      "the card's state is read out when it shows",
    );
    // With a companion: tick the box with Space, then register with Enter.
    await app.tabTo("visit-companion");
    await app.press("Space");
    assert.ok(await app.run(`return document.querySelector('[data-testid="visit-companion"]').checked;`), "Space ticks the box");
    await app.tabTo("visit-register");
    await app.press("Enter");
    await app.waitText('[data-testid="toast"]', "Besøk registrert for Amina – 4 igjen");
    // Ready for the next card: the focus is back in the card field.
    await focusOn(app, "lookup-code");
    const year = (await app.backend("list_years")).find((y) => y.year === 2026);
    const visits = await app.backend("list_visits", { yearId: year.id });
    const mine = visits.filter((v) => v.cardNumber === "2026-0001-9" && v.venueName === "Eksempel Kino" && v.voidedReason == null);
    assert.equal(mine.length, 1, `one visit registered: ${JSON.stringify(mine)}`);
    assert.equal(mine[0].companion, true, "with the companion");

    // The skip link is first: reached going back from the page, Enter leads to the main content.
    await app.tabTo("skip-link", { back: true });
    assert.ok(await app.focusShows(), "the skip link shows when it has the focus");
    await app.press("Enter");
    await sleep(200);
    assert.equal(await app.run(`return document.activeElement?.id;`), "main", "the focus is on the main content");
    await app.press("Tab");
    assert.ok(
      await app.run(`return !!document.activeElement?.closest("main");`),
      `the next Tab stays in the main content (it went to ${await app.focused()})`,
    );

    // Log out: the login screen has the focus in its first field.
    await app.tabTo("logout", { back: true });
    await app.press("Enter");
    await app.find('[data-testid="login"]');

    // The culture office prints the year's cards.
    await logIn(app, "kultur");
    await focusOnHeading(app);
    await app.tabTo("nav-cards", { back: true });
    await app.press("Enter");
    assert.match(await focusOnHeading(app), /^Kort/, "the Kort page's heading has the focus");
    // The tabs: Tab to the selected one, End to the last (Utskrift).
    await app.tabTo("cards-tab-list");
    await app.press("End");
    await focusOn(app, "cards-tab-print");
    await app.find('[data-testid="print-panel"][data-section="print"]');
    await app.tabTo("print-all");
    const cardsPdf = join(app.home, "kort.pdf");
    const lettersPdf = join(app.home, "brev.pdf");
    await app.answerSaveDialogs(cardsPdf, lettersPdf);
    await app.press("Enter");
    const end = Date.now() + 120_000;
    while (!(existsSync(cardsPdf) && existsSync(lettersPdf))) {
      if (Date.now() > end) throw new Error("the cards and letters were not printed");
      await sleep(500);
    }
    await app.find('[data-testid="toast"]', 60_000);
    const text = execFileSync("pdftotext", [cardsPdf, "-"], { encoding: "utf8" });
    assert.match(text, /2026-0001-9/, "Amina's card is in the print");
    // The focus is not lost after printing: it is on the button that printed.
    await focusOn(app, "print-all");
  } finally {
    await app.close();
  }
});
