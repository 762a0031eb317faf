// End-to-end: NAV's re-assessment for the next year, one recorded decision per holder, and the
// renewal made from those decisions; then the culture office reads what happened in the audit
// log, as sentences, filtered by user, kind and period.
import { test } from "node:test";
import assert from "node:assert/strict";
import { launch } from "./webdriver.mjs";

const iso = (d) => [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
const nb = (d) => iso(d).split("-").reverse().join(".");

/** The re-assessment rows as the table shows them. */
const reassessRows = (app) =>
  app.run(
    `return [...document.querySelectorAll('[data-testid="reassess-row"]')].map((tr) => ({
       name: tr.cells[0].textContent.trim(),
       card: tr.cells[1].textContent.trim(),
       canContinue: !!tr.querySelector('[data-testid="reassess-continue"]:not([disabled])'),
       pressed: [...tr.querySelectorAll('[aria-pressed="true"]')].map((b) => b.dataset.testid),
       decided: tr.querySelector('[data-testid="reassess-decided"]')?.textContent.trim() ?? null,
       hasCard: !!tr.querySelector('[data-testid="reassess-has-card"]'),
     }));`,
  );

const rowButton = (i, which) => `[data-testid="reassess-row"]:nth-child(${i + 1}) [data-testid="reassess-${which}"]`;

const sentences = (app) =>
  app.run(`return [...document.querySelectorAll('[data-testid="audit-sentence"]')].map((td) => td.textContent.trim());`);

async function waitSentences(app, ok, what) {
  let last = [];
  for (let i = 0; i < 60; i++) {
    last = await sentences(app);
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the audit log never showed ${what}: ${JSON.stringify(last.slice(0, 10))}`);
}

test("NAV decides per holder, renews from the decisions, and the office reads it in the audit log", async () => {
  const app = await launch({ demo: true });
  const today = new Date();
  try {
    // The culture office opens the next program year.
    await app.login("kultur");
    await app.click("nav-years");
    await app.click("year-new");
    await app.waitText('[data-testid="year-form"] h2', "Nytt programår");
    assert.equal(await app.run(`return document.querySelector('[data-testid="year-year"]').value;`), "2027");
    await app.click("year-save");
    await app.waitText('[data-testid="toast"]', "Lagret: 2027");
    await app.click("logout");

    // NAV: nobody is decided in advance, nothing can be renewed yet.
    await app.login("nav");
    await app.click("nav-reassess");
    await app.waitText('[data-testid="reassess-quota"]', "2027:");
    await app.find('[data-testid="reassess-row"]');
    const rows = await reassessRows(app);
    assert.ok(rows.length >= 10, JSON.stringify(rows));
    assert.ok(rows.every((r) => r.pressed.length === 0 && r.decided === null && !r.hasCard), "no decision made in advance");
    const submit = () =>
      app.run(`const b = document.querySelector('[data-testid="reassess-submit"]'); return { text: b.textContent.trim(), disabled: b.disabled };`);
    assert.deepEqual(await submit(), { text: "Lag kort for 0 som fortsetter", disabled: true });
    await app.waitText('[data-testid="reassess-undecided"]', `${rows.length} er ikke vurdert ennå`);

    // Two continue, one ends; one changes NAV's mind from continue to end.
    const open = rows.map((r, i) => ({ ...r, i })).filter((r) => r.canContinue);
    const [a, b, c, d] = open;
    const decidedBy = `Besluttet ${nb(today)} av nav`;
    for (const [row, which] of [[a, "continue"], [b, "continue"], [c, "end"], [d, "continue"], [d, "end"]]) {
      await app.clickCss(rowButton(row.i, which));
      await app.find(`${rowButton(row.i, which)}[aria-pressed="true"]`);
      await app.waitText(`[data-testid="reassess-row"]:nth-child(${row.i + 1}) [data-testid="reassess-decided"]`, decidedBy);
    }
    await app.waitText('[data-testid="reassess-undecided"]', `${rows.length - 4} er ikke vurdert ennå`);
    assert.deepEqual(await submit(), { text: "Lag kort for 2 som fortsetter", disabled: false });
    await app.screenshot("nav-reassess");

    // Renewal makes cards for the two who continue, and no one else.
    await app.click("reassess-submit");
    await app.waitText('[data-testid="toast"]', "2 kort laget for 2027");
    await app.find(`[data-testid="reassess-row"]:nth-child(${a.i + 1}) [data-testid="reassess-has-card"]`);
    await app.find(`[data-testid="reassess-row"]:nth-child(${b.i + 1}) [data-testid="reassess-has-card"]`);
    const after = await reassessRows(app);
    assert.deepEqual(
      after.filter((r) => r.hasCard).map((r) => r.name).sort(),
      [a.name, b.name].sort(),
    );
    assert.deepEqual(await submit(), { text: "Lag kort for 0 som fortsetter", disabled: true });
    const y2027 = (await app.backend("list_years")).find((y) => y.year === 2027);
    const cards = await app.backend("list_cards", { yearId: y2027.id });
    assert.deepEqual(
      cards.map((r) => `${r.holder.firstName} ${r.holder.lastName}`).sort(),
      [a.name, b.name].sort(),
      "cards only for those decided to continue",
    );
    await app.click("logout");

    // The culture office reads the log: sentences with names, Norwegian dates and kroner.
    await app.login("kultur");
    await app.click("nav-audit");
    await app.find('[data-testid="audit-row"]');
    const all = await sentences(app);
    assert.ok(all.length > 20, `the demo's history is there (${all.length})`);
    assert.equal((await app.backend("audit_verify")).brokenAt, null, "the chain is whole");
    assert.equal(await app.run(`return !!document.querySelector('[data-testid="audit-broken"]');`), false);
    for (const s of all) {
      assert.doesNotMatch(s, /\b(card|holder|visit|settlement|user)\.[a-z_]+/i, `no action codes: ${s}`);
      assert.doesNotMatch(s, /\børe\b|\d{4}-\d{2}-\d{2}|\bvenue \d+/, `no raw details: ${s}`);
      assert.match(s, /^\S+ .+\.$/, `a sentence with who did it: ${s}`);
    }
    assert.ok(all.some((s) => /^kultur godkjente oppgjør nr\. \d+ for .+ \(\d+ besøk, kr\s[\d\s]+,\d\d\)\.$/.test(s)), "approvals in kroner");

    // By user: NAV's decisions and renewals, named. NAV's users are NAV's to list; the filter
    // offers them because the log names them.
    const navId = await app.run(
      `return [...document.querySelector('[data-testid="audit-user"]').options].find((o) => o.textContent === "nav")?.value ?? null;`,
    );
    assert.ok(navId, "NAV is among the users to filter by");
    await app.setValue("audit-user", navId);
    const byNav = await waitSentences(app, (l) => l.length > 0 && l.every((s) => s.startsWith("nav ")), "only NAV's entries");
    assert.ok(byNav.includes(`nav besluttet at kortet til ${a.name} fortsetter i 2027.`), JSON.stringify(byNav.slice(0, 8)));
    assert.ok(byNav.includes(`nav besluttet at kortet til ${c.name} avsluttes i 2027.`));
    assert.ok(byNav.includes(`nav besluttet at kortet til ${d.name} avsluttes i 2027.`));
    assert.ok(byNav.some((s) => /^nav tildelte kort 2027-\d{4}-\d\b/.test(s)), "the renewed cards by number");

    // By kind: only the holders' decisions (no cards).
    await app.setValue("audit-kind", "holder");
    const decisions = await waitSentences(app, (l) => l.length > 0 && l.every((s) => !s.includes("tildelte kort")), "holder entries only");
    assert.ok(decisions.every((s) => /^nav (besluttet|registrerte|endret)/.test(s)), JSON.stringify(decisions));
    assert.equal(decisions.filter((s) => s.includes("i 2027")).length, 5, "every decision, including the change of mind");

    // By period (the demo was made today too): nothing from tomorrow on, nothing up to yesterday,
    // and today's decisions, newest first, from today.
    const day = 24 * 3600 * 1000;
    await app.type("audit-from", nb(new Date(today.getTime() + day)));
    await app.waitText('[data-testid="audit"]', "Ingen hendelser.");
    await app.type("audit-from", "");
    await app.type("audit-to", nb(new Date(today.getTime() - day)));
    await app.waitText('[data-testid="audit"]', "Ingen hendelser.");
    await app.type("audit-to", "");
    await app.type("audit-from", nb(today));
    const todays = await waitSentences(app, (l) => l.length === decisions.length, "today's entries");
    assert.deepEqual(todays, decisions);
    assert.match(todays.slice(0, 5).join(" "), /^(nav besluttet at kortet til .+ i 2027\. ?){5}$/);
    await app.screenshot("audit-filtered");

    // The sentences follow the UI language.
    await app.click("lang-en");
    await waitSentences(
      app,
      (l) => l.includes(`nav decided that the card of ${a.name} continues in 2027.`),
      "the entries in English",
    );
    await app.click("lang-nb");
  } finally {
    await app.close();
  }
});
