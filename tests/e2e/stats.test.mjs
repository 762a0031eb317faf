// The statistics screen of the real app on the demo: charts drawn, tables beside them, a table
// exported as CSV with small groups as "< 5", the budget saved; NAV sees the counts but no money.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./webdriver.mjs";

const tid = (id) => `[data-testid="${id}"]`;

/** How many pixels of the canvas `id` are drawn (not transparent): a chart that drew nothing is 0. */
async function drawnPixels(app, id) {
  return app.run(
    `const c = document.querySelector(arguments[0]);
     if (!c || !c.width || !c.height) return 0;
     const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
     let n = 0;
     for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
     return n;`,
    tid(id),
  );
}

test("the office reads the year's charts and tables, exports one, and sets the budget", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("kultur");
    await app.click("nav-stats");
    await app.find(tid("stats-table-venues"));
    for (const chart of ["venues", "months", "per-holder", "ages", "categories", "kinds", "models"]) {
      await app.find(tid(`stats-chart-${chart}`));
      let drawn = 0;
      for (let i = 0; i < 20 && drawn < 500; i++) {
        drawn = await drawnPixels(app, `stats-chart-${chart}`);
        if (drawn < 500) await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(drawn >= 500, `the ${chart} chart is drawn (${drawn} pixels)`);
    }
    // The table beside the venue chart: one row per venue with an agreement.
    const agreements = await app.backend("agreements_for_year", {
      yearId: (await app.backend("list_years", {})).find((y) => y.year === 2026).id,
    });
    assert.equal(await app.count(`${tid("stats-table-venues")} tbody tr`), agreements.length);
    const months = await app.text(tid("stats-table-months"));
    // (The column heads are set in capitals by the style sheet.)
    assert.ok(months.includes("Mars") && months.toLowerCase().includes("besøk 2025"), months);

    // The cards table as CSV: groups of one to four read "< 5".
    const csv = join(app.home, "statistikk-kort.csv");
    await app.answerSaveDialog(csv);
    await app.click("stats-csv-cards");
    await app.waitText(tid("toast"), csv, 30_000);
    assert.ok(existsSync(csv));
    const text = readFileSync(csv, "utf8");
    assert.ok(text.includes("Erstatningskort;< 5"), text);
    assert.ok(!/;[1-4](;|\r?\n|$)/.test(text), `no group under five is written out: ${text}`);

    // The budget: what is left of it is shown in the costs table.
    await app.type("stats-budget", "50 000");
    await app.click("stats-budget-save");
    await app.waitText(tid("toast"), "Budsjettet for 2026 er lagret");
    // 50 000 − 41 960 approved = 8 040 kr left.
    await app.waitText(tid("stats-table-costs"), "040,00");
    const costs = (await app.text(tid("stats-table-costs"))).replace(/\s/g, " ");
    assert.ok(costs.includes("Igjen av budsjettetkr 8 040,00"), costs);
    await app.screenshot("stats-office");
  } finally {
    await app.close();
  }
});

test("NAV reads the counts but no costs", async () => {
  const app = await launch({ demo: true });
  try {
    await app.login("nav");
    await app.click("nav-stats");
    await app.find(tid("stats-table-ages"));
    await app.find(tid("stats-chart-per-holder"));
    assert.equal(await app.count(tid("stats-block-costs")), 0);
    assert.equal(await app.count(tid("stats-block-models")), 0);
    assert.equal(await app.count(tid("stats-budget")), 0);
  } finally {
    await app.close();
  }
});
