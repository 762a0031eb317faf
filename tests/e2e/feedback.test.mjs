// Closing the year in the real app on the demo: NAV types in a family's returned form by its
// card number, the office prints the families' forms, writes the meeting's conclusions and
// prints the evaluation report from the statistics screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./webdriver.mjs";

const tid = (id) => `[data-testid="${id}"]`;

/** A PDF's pages as text, whitespace collapsed. */
function pdfPages(pdf) {
  return execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })
    .split("\f")
    .map((p) => p.split(/\s+/).join(" ").trim())
    .filter((p) => p);
}

async function year2026(app) {
  return (await app.backend("list_years", {})).find((y) => y.year === 2026);
}

test("NAV types in a family's form by its card number, and the summary counts it", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("nav");
    const year = await year2026(app);
    const cards = (await app.backend("list_cards", { yearId: year.id })).filter((c) => c.card.status !== "revoked");
    const card = cards[0].card.number;
    await app.click("nav-feedback");
    await app.find(tid("feedback-card"));
    // A typo in the card number is caught before anything is saved.
    const typo = card.slice(0, -1) + ((Number(card.slice(-1)) + 1) % 10);
    await app.type("feedback-card", typo);
    await app.click("feedback-q-1-yes");
    await app.click("feedback-save");
    await app.waitText(tid("feedback-card-error"), "ontrollsiffer");

    await app.type("feedback-card", card);
    await app.click("feedback-q-1-yes");
    await app.click("feedback-q-2-4");
    await app.type("feedback-q-8", "Vi ønsker oss mer svømming");
    await app.click("feedback-save");
    await app.waitText(tid("toast"), card);
    await app.waitText(tid("feedback-responses"), card);

    await app.click("feedback-tab-summary");
    await app.waitText(tid("feedback-summary-family"), "Vi ønsker oss mer svømming");
    const summary = await app.backend("feedback_summary", { yearId: year.id, respondent: "family" });
    assert.equal(summary.forms, 1);
    assert.deepEqual(summary.questions[1].counts, [0, 0, 0, 1, 0]);
    await app.screenshot("feedback-nav");
  } finally {
    await app.close();
  }
});

test("the office prints the forms, writes the conclusions and prints the report", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    const year = await year2026(app);
    await app.click("nav-feedback");
    const forms = join(app.home, "svarskjema.pdf");
    await app.answerSaveDialog(forms);
    await app.click("feedback-print-forms");
    await app.waitText(tid("toast"), forms, 60_000);
    assert.ok(existsSync(forms));
    const active = (await app.backend("list_cards", { yearId: year.id })).filter((c) =>
      ["assigned", "printed", "handedOut"].includes(c.card.status),
    );
    const pages = pdfPages(forms);
    assert.equal(pages.length, active.length, "a form per active card");
    assert.ok(pages.every((p, i) => p.includes(active[i].card.number)), "each form has its card number");

    await app.click("feedback-tab-meeting");
    await app.type("meeting-conclusions", "Ordningen fortsetter med hundre kort.");
    await app.click("meeting-save");
    await app.waitText(tid("toast"), "");

    await app.click("nav-stats");
    await app.find(tid("stats-table-venues"));
    await app.find(tid("stats-feedback"));
    const report = join(app.home, "evaluering.pdf");
    await app.answerSaveDialog(report);
    await app.click("stats-report");
    await app.waitText(tid("toast"), report, 60_000);
    const text = pdfPages(report).join(" ");
    assert.ok(text.includes("Evaluering av opplevelseskortet 2026"), text.slice(0, 300));
    assert.ok(text.includes("Ordningen fortsetter med hundre kort."), "the conclusions are in the report");
    assert.ok(text.includes("Besøk per brukersted"));
  } finally {
    await app.close();
  }
});
