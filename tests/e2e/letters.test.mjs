// End-to-end: the information letters to families. The culture office opens "Brev til
// familiene" on the demo, edits a text of the Tigrinya letter and marks the translation checked by
// a native speaker, prints the Arabic letter for the website, and prints the cards with the
// letters to the same families in a second file. A screenshot of the letters page goes to
// tests/e2e/artifacts/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { launch, okort } from "./webdriver.mjs";

const tid = (id) => `[data-testid="${id}"]`;
/** A language's row in the list of languages. */
const row = (lang) => `[data-testid="letters-language"][data-lang="${lang}"]`;

/** Today as the app writes it: dd.mm.åååå. */
function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** A PDF's pages as a reader copies them out: whitespace collapsed, zero-width joiners (which
 * steer shaping, and are no text) left out. */
function pdfPages(pdf) {
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  return text
    .split("\f")
    .map((p) => p.replace(/[\u200c\u200d]/g, "").split(/\s+/).join(" ").trim())
    .filter((p) => p);
}

/** The number of pages of a PDF, by poppler's pdfinfo. */
function pageCount(pdf) {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** The names of `names` in the order they first appear in the pages. */
function firstSeen(pages, names) {
  const seen = [];
  for (const page of pages) {
    for (const name of names) {
      if (!seen.includes(name) && new RegExp(`\\b${name}\\b`).test(page)) seen.push(name);
    }
  }
  return seen;
}

async function year2026(app) {
  return (await app.backend("list_years")).find((y) => y.year === 2026);
}

test("the culture office edits and checks the Tigrinya letter and prints the Arabic one for the website", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    await app.click("nav-letters");
    await app.find(tid("letters"));
    const year = await year2026(app);
    await app.setValue("letters-year", String(year.id));
    await app.find(row("ti"));
    assert.equal(await app.count(tid("letters-language")), 18, "the letter is written in 18 languages");

    // Each language is named in itself, in its own direction.
    const ar = await app.run(
      `const s = document.querySelector(arguments[0] + " .letter-own"); return { lang: s.lang, dir: s.dir };`,
      row("ar"),
    );
    assert.deepEqual(ar, { lang: "ar", dir: "rtl" });

    // Tigrinya has not been checked by anyone yet.
    await app.clickCss(`${row("ti")} button`);
    await app.find(`${tid("letters-detail")}[data-lang="ti"]`);
    await app.find(tid("letters-text-lost"));
    await app.waitText(`${row("ti")} ${tid("letters-status")}`, "Ikke kontrollert");
    await app.waitText(tid("letters-current-status"), "Ikke kontrollert");
    assert.equal(await app.count(`${row("ti")} ${tid("letters-edited")}`), 0, "nothing edited yet");

    // The office adds NAV's phone number to "if the card is lost", in the letter's own script.
    const before = (await app.backend("letter_texts", { yearId: year.id, lang: "ti" })).find((p) => p.part === "lost");
    assert.equal(before.edited, false);
    const edited = `${before.bundled} 55 55 33 33`;
    const lang = await app.run(
      `const t = document.querySelector(arguments[0]); return { lang: t.lang, dir: t.dir, value: t.value };`,
      tid("letters-text-lost"),
    );
    assert.deepEqual(lang, { lang: "ti", dir: "ltr", value: before.bundled });
    await app.setValue("letters-text-lost", edited);
    await app.click("letters-save-lost");
    await app.waitText(tid("toast"), "er lagret");
    await app.waitText(`${row("ti")} ${tid("letters-edited")}`, "1 tekst endret");
    await app.waitText(tid("letters-bundled-lost"), before.bundled);
    await app.find(tid("letters-reset-lost"));
    const after = (await app.backend("letter_texts", { yearId: year.id, lang: "ti" })).find((p) => p.part === "lost");
    assert.equal(after.edited, true);
    assert.equal(after.text, edited);

    // Selam T. has read it through: the office marks it checked by her, today.
    await app.type("letters-reviewer", "Selam T.");
    await app.click("letters-mark-reviewed");
    await app.waitText(`${row("ti")} ${tid("letters-status")}`, `Kontrollert av Selam T., ${today()}`);
    await app.waitText(tid("letters-current-status"), "Kontrollert av Selam T.");
    await app.find(tid("letters-unmark"));
    const ti = (await app.backend("letter_languages", { yearId: year.id })).find((l) => l.lang === "ti");
    assert.equal(ti.reviewed, true);
    assert.equal(ti.reviewedBy, "Selam T.");
    assert.equal(ti.edited, 1);
    await app.find(`${tid("letters-preview")} img`);
    await app.screenshot("letters");

    // The Arabic letter for the municipality's website, right to left.
    await app.clickCss(`${row("ar")} button`);
    await app.find(`${tid("letters-detail")}[data-lang="ar"]`);
    await app.find(tid("letters-text-intro"));
    assert.equal(await app.run(`return document.querySelector(arguments[0]).dir;`, tid("letters-text-intro")), "rtl");
    const pdf = join(app.home, "informasjonsbrev-arabisk.pdf");
    await app.answerSaveDialog(pdf);
    await app.click("letters-print-language");
    await app.waitText(tid("toast"), pdf, 60_000);
    assert.ok(existsSync(pdf), "the letter is where the office chose");
    const pages = pdfPages(pdf);
    assert.ok(pages.length > 0, "the letter has a page");
    assert.ok(pages.join(" ").includes("البطاقة"), `the Arabic text copies out as written: ${pages.join(" ").slice(0, 400)}`);
  } finally {
    await app.close();
  }
});

test("the cards print with the letters to the same families, in the same order, in a second file", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    const cards = JSON.parse(okort(app.workspace, "cards", "list", "--year", "2026", "--json"));
    const active = cards.filter((c) => c.card.status !== "lost" && c.card.status !== "revoked");
    assert.ok(active.length > 0, "the demo has active cards in 2026");
    // First names in the Latin alphabet, long enough not to be part of a word of the letter.
    const names = [...new Set(active.map((c) => c.holder.firstName))].filter((n) => /^[A-Za-z]{4,}$/.test(n));
    assert.ok(names.length > 0, JSON.stringify(active.map((c) => c.holder.firstName)));

    await app.click("nav-cards");
    await app.click("cards-tab-print");
    await app.find('[data-testid="print-panel"][data-section="print"]');
    assert.equal(
      await app.run(`return document.querySelector(arguments[0]).checked;`, tid("print-with-letters")),
      true,
      "the letters go with the cards unless the office says not",
    );

    // Two files: the cards, then (asked for once they are written) the letters.
    const cardsPdf = join(app.home, "kort.pdf");
    const lettersPdf = join(app.home, "informasjonsbrev.pdf");
    await app.answerSaveDialogs(cardsPdf, lettersPdf);
    await app.click("print-all");
    const toast = await app.waitText(tid("toast"), lettersPdf, 120_000);
    assert.ok(toast.includes(cardsPdf), toast);
    const counts = /(\d+) kort skrevet til .*, og (\d+) informasjonsbrev til /.exec(toast);
    assert.ok(counts, toast);
    assert.equal(counts[1], counts[2], "a letter for each card printed");
    assert.equal(Number(counts[1]), active.length, "every active card");

    assert.ok(existsSync(cardsPdf), "the cards are where the office chose");
    assert.ok(existsSync(lettersPdf), "the letters are where the office chose");
    const letterPages = pageCount(lettersPdf);
    assert.ok(letterPages > 0, "the letters have pages");
    assert.ok(letterPages >= active.length, `at least a page per letter: ${letterPages} for ${active.length} cards`);

    // Each family's letter names its child, and the letters come in the order of the cards.
    const letters = pdfPages(lettersPdf);
    const text = letters.join(" ");
    for (const name of names) assert.ok(new RegExp(`\\b${name}\\b`).test(text), `${name}'s letter is there`);
    assert.deepEqual(firstSeen(letters, names), firstSeen(pdfPages(cardsPdf), names), "the same order as the cards");

    // NAV does not print the letters: no menu entry for it.
    await app.click("logout");
    await app.login("nav");
    assert.equal(await app.count(tid("nav-letters")), 0, "the letters are the culture office's");
  } finally {
    await app.close();
  }
});

test("the venues' staff sheets print from the list for every venue, and from a venue's page for it", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    await app.click("nav-venues");
    await app.find(tid("venues-sheets"));
    const all = join(app.home, "ark-alle.pdf");
    await app.answerSaveDialog(all);
    await app.click("venues-sheets");
    await app.waitText(tid("toast"), all, 60_000);
    const pages = pdfPages(all);
    const agreements = await app.backend("agreements_for_year", { yearId: (await year2026(app)).id });
    assert.equal(pages.length, agreements.length, "a page per venue with an agreement");
    assert.ok(pages.some((p) => p.includes("Til de ansatte hos Eksempel Kino")));
    assert.ok(pages.every((p) => p.includes("Send aldri regning til kortholderen")));
    await app.screenshot("venue-sheets");

    await app.clickText('[data-testid="venue-row"] button', "Eksempel Kino");
    await app.find(tid("venue-sheet"));
    const one = join(app.home, "ark-kino.pdf");
    await app.answerSaveDialog(one);
    await app.click("venue-sheet");
    await app.waitText(tid("toast"), one, 60_000);
    const kino = pdfPages(one);
    assert.equal(kino.length, 1);
    assert.ok(kino[0].includes("3D-tillegg og snacks"), kino[0]);
  } finally {
    await app.close();
  }
});
