// Accessibility of the real app: axe-core (WCAG 2.0/2.1, levels A and AA) run in the page on
// every screen of each role's main menu (the culture office, NAV, a venue desk), in Bokmål, Nynorsk
// and English, and on the login and the first-admin screens; then the dialogs (opened and closed by
// keyboard, holding the focus while open) and the main screens at the window's smallest size. A serious or critical violation fails
// the test, listed by screen, role and language; moderate and minor ones are reported as
// warnings. Everything found is also written to tests/e2e/artifacts/a11y-report.json (and a
// summary by rule to a11y-report.md) for a person to read.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { launch } from "./webdriver.mjs";

const ROOT = resolve(import.meta.dirname, "../..");
const AXE = readFileSync(join(ROOT, "ui/node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const FAILING = new Set(["serious", "critical"]);
const LANGS = ["nb", "nn", "en"];
const ROLES = ["kultur", "nav", "kino"];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tid = (id) => `[data-testid="${id}"]`;

/** What a screen shows while its data loads ("Laster …", "Henter statistikken …"), in every language. */
const LOADING = ["nb", "nn", "en"].flatMap((lang) => {
  const source = readFileSync(join(ROOT, `ui/src/lib/i18n/${lang}.ts`), "utf8");
  return ["app.loading", "stats.loading"].map((key) => {
    const m = source.match(new RegExp(`"${key.replace(".", "\\.")}":\\s*"([^"]+)"`));
    assert.ok(m, `${key} in ${lang}.ts`);
    return m[1];
  });
});

/** Each screen's own element, found once it has rendered; the menu's views by name. */
const SCREEN = {
  program: "program-form",
  years: "years",
  venues: "venue-list",
  venue: "venue-form",
  import: "import-export",
  holders: "holders",
  cards: "cards",
  letters: "letters",
  reassess: "reassess",
  lookup: "lookup",
  visits: "visits",
  users: "users",
  audit: "audit",
  payouts: "payouts",
  stats: "stats",
  feedback: "feedback",
  welcome: "welcome",
};

/** Every violation found, for the report. */
const found = [];
/** What axe-core could not decide by itself (a person should look), by screen. */
const review = [];
/** Every screen checked. */
const audited = [];

/**
 * Waits until the page has settled: nothing says it is loading, the charts (if any) are drawn
 * and the page's markup has not changed for a moment.
 */
async function settle(app, timeout = 20_000) {
  const end = Date.now() + timeout;
  let last = null;
  let same = 0;
  for (;;) {
    const state = await app.run(
      `const loading = arguments[0];
       const busy = [...document.querySelectorAll("main p, main span, main div, main td")]
         .some((e) => e.children.length === 0 && loading.includes(e.textContent.trim()));
       const undrawn = [...document.querySelectorAll("main canvas")].filter((c) => {
         if (!c.width || !c.height) return true;
         const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
         for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return false;
         return true;
       }).length;
       return { busy, undrawn, size: document.body.innerHTML.length };`,
      LOADING,
    );
    const quiet = !state.busy && state.undrawn === 0 && state.size === last;
    same = quiet ? same + 1 : 0;
    last = state.size;
    if (same >= 2) return;
    if (Date.now() > end) throw new Error(`the page did not settle: ${JSON.stringify(state)}`);
    await sleep(250);
  }
}

/** Runs axe-core on the page as it is now and records its violations under `where`. */
async function audit(app, where) {
  await settle(app);
  const loaded = await app.run(`return typeof window.axe === "object" && typeof window.axe.run === "function";`);
  if (!loaded) await app.run(`${AXE}\n;return true;`);
  const { violations, incomplete } = await app.runAsync(
    `const [tags] = arguments;
     const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations", "incomplete"] });
     const incomplete = result.incomplete.map((v) => ({ id: v.id, count: v.nodes.length, first: v.nodes[0]?.target.join(" ") }));
     const violations = result.violations.map((v) => ({
       id: v.id,
       impact: v.impact,
       help: v.help,
       helpUrl: v.helpUrl,
       count: v.nodes.length,
       nodes: v.nodes.slice(0, 4).map((n) => ({
         target: n.target.join(" "),
         html: n.html.slice(0, 240),
         summary: (n.failureSummary || "").slice(0, 400),
       })),
     }));
     return { violations, incomplete };`,
    TAGS,
  );
  audited.push(where);
  for (const v of violations) found.push({ ...where, ...v });
  for (const v of incomplete) review.push({ ...where, ...v });
  return violations;
}

/** Fails the test with every serious or critical violation found under `where`; warns of the rest. */
function verdict(role, lang) {
  const mine = found.filter((f) => f.role === role && f.lang === lang);
  for (const v of mine.filter((f) => !FAILING.has(f.impact))) {
    console.warn(`a11y warning [${v.impact}] ${v.id} on ${v.screen} (${role}, ${lang}): ${v.help}; ${v.nodes[0]?.target}`);
  }
  const bad = mine.filter((f) => FAILING.has(f.impact));
  assert.equal(
    bad.length,
    0,
    "serious or critical accessibility violations:\n" +
      bad
        .map(
          (v) =>
            `- [${v.impact}] ${v.id} on ${v.screen} (${role}, ${lang}): ${v.help} (${v.count} elements)\n` +
            v.nodes.map((n) => `    ${n.target}: ${n.html}\n      ${n.summary.replace(/\n/g, "\n      ")}`).join("\n"),
        )
        .join("\n"),
  );
}

/** Switches the app to `lang` (on any screen, logged in or not) and waits for it to show. */
async function useLanguage(app, lang) {
  const pressed = await app.run(`return document.querySelector(arguments[0])?.getAttribute("aria-pressed");`, tid(`lang-${lang}`));
  if (pressed !== "true") await app.click(`lang-${lang}`);
  await app.find(`${tid(`lang-${lang}`)}[aria-pressed="true"]`);
}

/** The views of the main menu the logged-in user has, in menu order (from the menu itself). */
function menu(app) {
  return app.run(
    `return [...document.querySelectorAll('nav button[data-testid^="nav-"]')].map((b) => b.dataset.testid.slice(4));`,
  );
}

/** The tabs of the screen shown now that are not selected (the Kort and Tilbakemeldinger pages). */
function otherTabs(app) {
  return app.run(
    `return [...document.querySelectorAll('main [role="tablist"] [role="tab"]')]
       .filter((t) => t.getAttribute("aria-selected") !== "true")
       .map((t) => t.dataset.testid);`,
  );
}

async function openView(app, view) {
  await app.click(`nav-${view}`);
  await app.find(`main ${tid(SCREEN[view] ?? view)}`, 20_000);
  await app.find("main h1");
}

const EXPECTED_MENU = {
  kultur: ["program", "years", "venues", "import", "cards", "letters", "lookup", "visits", "payouts", "stats", "feedback", "users", "audit"],
  nav: ["holders", "cards", "reassess", "lookup", "stats", "feedback", "users"],
  kino: ["lookup", "visits"],
};

for (const lang of LANGS) {
  test(`the first screens of a new workspace are accessible (${lang})`, async () => {
    const app = await launch();
    try {
      await app.scriptTimeout(120_000);
      await useLanguage(app, lang);
      const where = (screen) => ({ screen, role: "-", lang });
      await audit(app, where("first-admin"));
      // Sent empty: every field says what is missing.
      await app.click("admin-create");
      await app.find(".field-error");
      await audit(app, where("first-admin (errors)"));
      await app.createAdmin();
      await app.find(tid("welcome"));
      await useLanguage(app, lang);
      await audit(app, where("welcome"));
      verdict("-", lang);
    } finally {
      report();
      await app.close();
    }
  });

  for (const user of ROLES) {
    test(`every screen of ${user} is accessible (${lang})`, async () => {
      const app = await launch({ demo: true });
      try {
        await app.scriptTimeout(120_000);
        await useLanguage(app, lang);
        const where = (screen) => ({ screen, role: user, lang });
        if (user === ROLES[0]) {
          await audit(app, where("login"));
          await app.type("login-username", user);
          await app.type("login-password", "wrong-password");
          await app.click("login-submit");
          await app.find(tid("login-error"));
          await audit(app, where("login (wrong password)"));
        }
        await app.login(user);
        await useLanguage(app, lang);
        const views = await menu(app);
        assert.deepEqual(views, EXPECTED_MENU[user], "the menu of roles.ts");
        for (const view of views) {
          await openView(app, view);
          await audit(app, where(view));
          for (const tab of await otherTabs(app)) {
            await app.click(tab);
            await app.find(`${tid(tab)}[aria-selected="true"]`);
            await audit(app, where(`${view} / ${tab}`));
          }
          if (view === "venues") {
            // A venue's own page, with its agreements: opened from the list.
            await app.clickCss(`${tid("venue-row")} button.link`);
            await app.find(`main ${tid("venue-form")}`);
            await audit(app, where("venue (form)"));
          }
          if (view === "lookup" && user === "kino") {
            // The desk's answer for a valid card, with the visit to register.
            await app.type("lookup-code", "2026-0001-9");
            await app.click("lookup-submit");
            await app.find(tid("lookup-result"));
            await audit(app, where("lookup (card checked)"));
          }
        }
        verdict(user, lang);
      } finally {
        report();
        await app.close();
      }
    });
  }
}

/** True when the focus is inside the open dialog. */
const focusInDialog = (app) => app.run(`return !!document.activeElement?.closest('[role="dialog"]');`);

/**
 * Opens a dialog from `opener` by keyboard (Enter on it), checks the focus went into it and stays
 * there however often Tab and Shift+Tab are pressed, audits it, closes it with Escape and returns
 * the test id the focus went back to.
 */
async function dialogByKeyboard(app, opener, dialog, where) {
  await app.run(`document.querySelector(arguments[0]).focus();`, tid(opener));
  assert.equal(await app.focused(), opener);
  await app.press("Enter");
  await app.find(tid(dialog));
  await sleep(200);
  assert.ok(await focusInDialog(app), `${dialog}: the focus moved into the dialog (it is on ${await app.focused()})`);
  for (const key of ["Tab", "Tab", "Tab", "Tab", "Tab", ["Shift", "Tab"], ["Shift", "Tab"], ["Shift", "Tab"]]) {
    await app.press(key);
    assert.ok(await focusInDialog(app), `${dialog}: the focus stays in the dialog (it went to ${await app.focused()})`);
    assert.ok(await app.focusShows(), `${dialog}: the focus on ${await app.focused()} can be seen`);
  }
  await audit(app, where(dialog));
  await app.press("Escape");
  await app.gone(tid(dialog));
  await sleep(200);
  return app.focused();
}

test("the dialogs hold the focus and give it back, and the screens work at the smallest window (nb)", async () => {
  const app = await launch({ demo: true });
  try {
    await app.scriptTimeout(120_000);
    // The smallest size the app's window allows (tauri.conf.json: 900 × 600).
    await app.cmd("POST", "/window/rect", { width: 900, height: 600 });
    await app.login("kultur");
    const where = (screen) => ({ screen, role: "kultur", lang: "nb" });
    for (const view of ["venues", "cards", "letters", "payouts", "stats", "audit"]) {
      await openView(app, view);
      await audit(app, where(`${view} (900 × 600)`));
      const overflow = await app.run(`return document.documentElement.scrollWidth - document.documentElement.clientWidth;`);
      assert.ok(overflow <= 0, `${view}: nothing sticks out sideways at 900 × 600 (${overflow} px)`);
    }
    await app.cmd("POST", "/window/rect", { width: 1200, height: 820 });

    // The File menu, then "Gjenopprett fra sikkerhetskopi…" from it.
    await openView(app, "venues");
    await app.run(`document.querySelector(arguments[0]).focus();`, tid("menu-file"));
    await app.press("Enter");
    await app.find(tid("menu-restore"));
    await audit(app, where("file menu"));
    await app.tabTo("menu-restore");
    const back = await dialogByKeyboard(app, "menu-restore", "restore-dialog", where);
    assert.equal(back, "menu-file", "the menu closed with its item: the focus is on the menu's button");
    // Escape in the open menu closes it, with the focus back on its button.
    await app.press("Enter");
    await app.tabTo("menu-demo");
    await app.press("Escape");
    await app.gone(tid("menu-demo"));
    assert.equal(await app.focused(), "menu-file", "Escape leaves the focus on the File button");

    // A venue's kit dialog: a form, so the focus starts in its first field.
    await app.clickCss(`${tid("venue-row")} button.link`);
    await app.find(`main ${tid("venue-form")}`);
    assert.equal(await dialogByKeyboard(app, "venue-kit", "venue-kit-dialog", where), "venue-kit", "back on the button that opened it");

    // Approving a settlement (Oppgjør).
    await openView(app, "payouts");
    await app.find(tid("payout-approve"), 20_000);
    assert.equal(await dialogByKeyboard(app, "payout-approve", "approve-dialog", where), "payout-approve");
    verdict("kultur", "nb");
  } finally {
    report();
    await app.close();
  }
});

/** Writes what was found so far to tests/e2e/artifacts/a11y-report.{json,md}; returns the summary. */
function report() {
  const dir = join(ROOT, "tests/e2e/artifacts");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "a11y-report.json"), JSON.stringify({ audited, violations: found, needsReview: review }, null, 2));
  const byRule = (list) => {
    const rules = new Map();
    for (const f of list) {
      const r = rules.get(f.id) ?? { impact: f.impact, help: f.help, elements: 0, screens: new Set() };
      r.elements += f.count;
      r.screens.add(`${f.screen} (${f.role}, ${f.lang})`);
      rules.set(f.id, r);
    }
    return [...rules].sort((a, b) => a[0].localeCompare(b[0]));
  };
  const lines = [`# axe-core violations by rule (WCAG 2.0/2.1 A and AA), ${audited.length} screens checked`, ""];
  for (const [id, r] of byRule(found)) {
    lines.push(`## ${id} (${r.impact}): ${r.help}`, "", `${r.elements} elements on ${r.screens.size} screens:`, "");
    for (const screen of r.screens) lines.push(`- ${screen}`);
    lines.push("");
  }
  if (found.length === 0) lines.push("None.", "");
  lines.push("# Needs review (axe-core could not decide)", "");
  for (const [id, r] of byRule(review)) lines.push(`- ${id}: ${r.elements} elements on ${r.screens.size} screens`);
  writeFileSync(join(dir, "a11y-report.md"), lines.join("\n"));
  return lines.join("\n");
}

after(() => console.log(report()));
