import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import type { ApiError, ProgramYear, Statistics as Stats, StatisticsView, StatsSection, StatsTable } from "../api";
import { i18n } from "../i18n/index.svelte";
import { notices } from "../notify.svelte";
import Statistics from "./Statistics.svelte";
import { csvFileName, numericColumns } from "./stats";
import { axeViolations, labelInName } from "../a11y-testing";
import { drawn, type Drawn } from "./chart-mock";

// Chart.js cannot draw in jsdom: the stand-in keeps each chart made in `drawn`.
vi.mock("chart.js", async () => (await import("./chart-mock")).chartModule);

afterEach(() => {
  cleanup();
  clearMocks();
  drawn.length = 0;
  i18n.lang = "nb";
  notices.toast = null;
  notices.error = null;
});

type Call = { cmd: string; args: Record<string, unknown> };

const years: ProgramYear[] = [
  { id: 1, year: 2025, validFrom: "2025-01-01", validTo: "2025-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "closed", familyCap: null },
  { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: null },
];

function figures(year: number, over: Partial<Stats> = {}, admin = true): Stats {
  const last = year === 2025;
  return {
    year,
    from: null,
    to: null,
    cards: {
      assigned: last ? 80 : 96,
      replacements: 2,
      handedOut: last ? 75 : 90,
      returned: last ? 10 : 12,
      lost: 3,
      revoked: 1,
      holders: last ? 78 : 94,
      used: last ? 60 : 71,
      neverUsed: last ? 18 : 23,
    },
    ageBands: [
      { band: "from5To9", holders: 30 },
      { band: "from10To12", holders: 28 },
      { band: "from13To15", holders: 24 },
      { band: "from16To18", holders: 12 },
    ],
    perHolder: [
      { bucket: "none", holders: 23 },
      { bucket: "one", holders: 20 },
      { bucket: "from3To5", holders: 51 },
    ],
    visits: { holder: 240, companion: 60 },
    unknownDate: { holder: 0, companion: 0 },
    venues: [
      { venueId: 3, name: "Eksempel Kino", category: "cinema", kind: "spectator", visits: { holder: 150, companion: 40 }, costOre: admin ? 1875000 : null },
      { venueId: 4, name: "Badet", category: "swimming", kind: "participant", visits: { holder: 90, companion: 20 }, costOre: admin ? 450000 : null },
    ],
    categories: [
      { category: "cinema", visits: { holder: 150, companion: 40 } },
      { category: "swimming", visits: { holder: 90, companion: 20 } },
    ],
    kinds: [
      { kind: "spectator", visits: { holder: 150, companion: 40 } },
      { kind: "participant", visits: { holder: 90, companion: 20 } },
    ],
    months: last
      ? [
          { month: 1, visits: { holder: 10, companion: 2 } },
          { month: 3, visits: { holder: 30, companion: 5 } },
        ]
      : [
          { month: 1, visits: { holder: 40, companion: 10 } },
          { month: 2, visits: { holder: 120, companion: 30 } },
          { month: 3, visits: { holder: 80, companion: 20 } },
        ],
    costs: admin
      ? {
          owedOre: 2325000,
          perVisitOre: 9687,
          perHolderOre: 24734,
          models: [
            { model: "agreements", totalOre: 2325000 },
            { model: "venueBears", totalOre: 0 },
            { model: "full", totalOre: 3000000 },
            { model: "half", totalOre: 1500000 },
          ],
          budgetOre: last ? null : 25000000,
          approvedOre: 1000000,
          paidOre: 500000,
        }
      : null,
    ...over,
  };
}

const table = (section: StatsSection, title: string, columns: string[], rows: string[][]): StatsTable => ({ section, title, columns, rows });

function tables(admin: boolean, withLast: boolean): StatsTable[] {
  const last = (cells: string[], then: string) => (withLast ? [...cells, then] : cells);
  const all = [
    table("cards", "Kort", last(["Tall", "2026"], "2025"), [last(["Tildelt", "96"], "80"), last(["Delt ut", "90"], "75")]),
    table("ageBands", "Kortholdere etter alder", last(["Alder", "Kortholdere 2026"], "Kortholdere 2025"), [
      last(["5–9", "30"], "25"),
      last(["10–12", "28"], "20"),
      last(["13–15", "24"], "20"),
      last(["16–18", "12"], "13"),
    ]),
    table("perHolder", "Besøk per kortholder", last(["Antall besøk", "Kortholdere 2026"], "Kortholdere 2025"), [
      last(["0", "23"], "18"),
      last(["1", "20"], "22"),
      last(["3–5", "51"], "38"),
    ]),
    table(
      "venues",
      "Besøk per brukersted",
      admin
        ? last(["Brukersted", "Kategori", "Besøk 2026", "Ledsagere 2026", "Kostnad 2026"], "Besøk 2025")
        : last(["Brukersted", "Kategori", "Besøk 2026", "Ledsagere 2026"], "Besøk 2025"),
      [
        admin ? last(["Eksempel Kino", "Kino", "150", "40", "kr 18 750,00"], "30") : last(["Eksempel Kino", "Kino", "150", "40"], "30"),
        admin ? last(["Badet", "Bad", "90", "20", "kr 4 500,00"], "10") : last(["Badet", "Bad", "90", "20"], "10"),
      ],
    ),
    table("categories", "Besøk per kategori", last(["Kategori", "Besøk 2026", "Ledsagere 2026"], "Besøk 2025"), [
      last(["Kino", "150", "40"], "30"),
      last(["Bad", "90", "20"], "10"),
    ]),
    table("kinds", "Tilskuer eller deltaker", last(["Slag", "Besøk 2026", "Ledsagere 2026"], "Besøk 2025"), [
      last(["Tilskuer (kino, forestilling)", "150", "40"], "30"),
      last(["Deltaker (bad, lekeland, kurs)", "90", "20"], "10"),
    ]),
    table("months", "Besøk per måned", last(["Måned", "Besøk 2026", "Ledsagere 2026"], "Besøk 2025"), [
      last(["januar", "40", "10"], "10"),
      last(["februar", "120", "30"], "0"),
      last(["mars", "80", "20"], "30"),
    ]),
  ];
  if (!admin) return all;
  return [
    ...all,
    table("costs", "Kostnader og budsjett", last(["Tall", "2026"], "2025"), [
      last(["Skyldig etter avtalene", "kr 23 250,00"], "kr 5 000,00"),
      last(["Budsjett", "kr 250 000,00"], "–"),
    ]),
    table("models", "Hva besøkene ville kostet etter hver modell", last(["Modell", "2026"], "2025"), [
      last(["Etter avtalene", "kr 23 250,00"], "kr 5 000,00"),
      last(["Brukerstedene dekker alt", "kr 0,00"], "kr 0,00"),
      last(["Full refusjon", "kr 30 000,00"], "kr 6 000,00"),
      last(["Halv refusjon", "kr 15 000,00"], "kr 3 000,00"),
    ]),
  ];
}

function statsView(opts: { admin?: boolean; withLast?: boolean; from?: string | null; to?: string | null } = {}): StatisticsView {
  const admin = opts.admin ?? true;
  const withLast = opts.withLast ?? true;
  const period = { from: opts.from ?? null, to: opts.to ?? null };
  return {
    stats: {
      current: figures(2026, period, admin),
      previous: withLast ? figures(2025, period, admin) : null,
    },
    tables: tables(admin, withLast),
  };
}

function backend(opts: { admin?: boolean; withLast?: boolean; budgetError?: ApiError } = {}) {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "statistics":
        return statsView({ ...opts, from: args.from as string | null, to: args.to as string | null });
      case "plugin:dialog|save":
        return "/tmp/statistikk.csv";
      case "export_statistics_csv":
        return null;
      case "set_year_budget":
        if (opts.budgetError) throw opts.budgetError;
        return null;
      default:
        return null;
    }
  });
  return calls;
}

/** The live chart drawn on the canvas with `testid` (Chart.js loads with the first chart). */
async function chart(testid: string): Promise<Drawn> {
  return waitFor(() => {
    const found = drawn.filter((d) => !d.destroyed && d.canvas.dataset.testid === testid);
    expect(found, testid).toHaveLength(1);
    return found[0];
  });
}

const live = () => drawn.filter((d) => !d.destroyed).map((d) => d.canvas.dataset.testid);

describe("Statistics", () => {
  it("shows the active year's key figures with last year's beside them, and a chart and a table per section", async () => {
    const calls = backend();
    render(Statistics, { props: { years } });
    const figures = await screen.findByTestId("stats-figures");
    expect(calls.find((c) => c.cmd === "statistics")?.args).toEqual({ yearId: 2, from: null, to: null });
    expect(screen.getByTestId("stats-small-groups").textContent).toContain("«< 5»");
    expect(within(figures).getAllByRole("listitem")).toHaveLength(5);
    const assigned = screen.getByTestId("stats-figure-assigned");
    expect(assigned.textContent).toContain("96");
    expect(assigned.textContent).toContain("Kort tildelt");
    expect(screen.getByTestId("stats-figure-assigned-last").textContent).toBe("I 2025: 80");
    expect(screen.getByTestId("stats-figure-neverUsed").textContent).toContain("23");
    expect(screen.getByTestId("stats-figure-neverUsed-last").textContent).toBe("I 2025: 18");
    expect(screen.getByTestId("stats-showing").textContent).toContain("hele året 2026");

    // Every section has its table; the culture office also sees the costs and the models.
    for (const code of ["cards", "ages", "per-holder", "venues", "categories", "kinds", "months", "costs", "models"]) {
      expect(screen.getByTestId(`stats-table-${code}`), code).toBeTruthy();
      expect(screen.getByTestId(`stats-csv-${code}`).textContent).toBe("Last ned CSV");
    }
    // The cards and costs are figures and a table; everything else is drawn too.
    await waitFor(() =>
      expect(live().sort()).toEqual(
        ["stats-chart-ages", "stats-chart-per-holder", "stats-chart-venues", "stats-chart-categories", "stats-chart-kinds", "stats-chart-months", "stats-chart-models"].sort(),
      ),
    );
    expect(screen.queryByTestId("stats-chart-cards")).toBeNull();
    expect(screen.queryByTestId("stats-chart-costs")).toBeNull();

    // Venues: horizontal bars of holder visits and companions, named as the table names them.
    const venues = await chart("stats-chart-venues");
    expect(venues.config.options.indexAxis).toBe("y");
    expect(venues.config.data.labels).toEqual(["Eksempel Kino", "Badet"]);
    expect(venues.config.data.datasets.map((d: { label: string }) => d.label)).toEqual(["Besøk 2026", "Ledsagere 2026"]);
    expect(venues.config.data.datasets[0].data).toEqual([150, 90]);
    expect(venues.config.data.datasets[1].data).toEqual([40, 20]);
    const canvas = screen.getByTestId("stats-chart-venues");
    expect(canvas.tagName).toBe("CANVAS");
    expect(canvas.getAttribute("role")).toBe("img");
    expect(canvas.getAttribute("aria-label")).toContain("per brukersted, hele året 2026");
    expect(canvas.getAttribute("aria-label")).toContain("Høyest: Eksempel Kino (150).");

    // Months: this year's bars, last year's line, by the months of this year's period.
    const months = await chart("stats-chart-months");
    expect(months.config.data.labels).toEqual(["januar", "februar", "mars"]);
    const [bars, line] = months.config.data.datasets;
    expect(bars).toMatchObject({ type: "bar", label: "Besøk 2026", data: [40, 120, 80] });
    expect(line).toMatchObject({ type: "line", label: "Besøk 2025", data: [10, 0, 30] });
    expect(screen.getByTestId("stats-chart-months").getAttribute("aria-label")).toContain("Linjen viser de samme månedene i 2025.");

    expect((await chart("stats-chart-per-holder")).config.data).toMatchObject({ labels: ["0", "1", "3–5"], datasets: [{ data: [23, 20, 51] }] });
    expect((await chart("stats-chart-ages")).config.data).toMatchObject({ labels: ["5–9", "10–12", "13–15", "16–18"], datasets: [{ data: [30, 28, 24, 12] }] });
    expect((await chart("stats-chart-categories")).config.data.labels).toEqual(["Kino", "Bad"]);
    expect((await chart("stats-chart-kinds")).config.data.labels).toEqual(["Tilskuer (kino, forestilling)", "Deltaker (bad, lekeland, kurs)"]);
    // The models in kroner.
    const models = await chart("stats-chart-models");
    expect(models.config.data.labels).toEqual(["Etter avtalene", "Brukerstedene dekker alt", "Full refusjon", "Halv refusjon"]);
    expect(models.config.data.datasets[0].data).toEqual([23250, 0, 30000, 15000]);
    expect(screen.getByTestId("stats-chart-models").getAttribute("aria-label")).toContain("Høyest: Full refusjon (kr 30 000,00).");
  });

  it("renders each table from the backend with column and row headers", async () => {
    backend();
    render(Statistics, { props: { years } });
    const venues = await screen.findByTestId("stats-table-venues");
    const heads = within(venues).getAllByRole("columnheader");
    expect(heads.map((h) => h.textContent)).toEqual(["Brukersted", "Kategori", "Besøk 2026", "Ledsagere 2026", "Kostnad 2026", "Besøk 2025"]);
    expect(heads.every((h) => h.getAttribute("scope") === "col")).toBe(true);
    const rowHeads = within(venues).getAllByRole("rowheader");
    expect(rowHeads.map((h) => h.textContent)).toEqual(["Eksempel Kino", "Badet"]);
    expect(rowHeads.every((h) => h.getAttribute("scope") === "row")).toBe(true);
    const first = within(venues).getAllByRole("row")[1];
    expect(Array.from(first.querySelectorAll("td")).map((c) => c.textContent)).toEqual(["Kino", "150", "40", "kr 18 750,00", "30"]);
    // Figures are right-aligned, words are not.
    expect(first.querySelectorAll("td")[0].classList.contains("num")).toBe(false);
    expect(first.querySelectorAll("td")[1].classList.contains("num")).toBe(true);
    // The table is named by its section's heading.
    const heading = screen.getByRole("heading", { name: "Besøk per brukersted" });
    expect(venues.getAttribute("aria-labelledby")).toBe(heading.id);
  });

  it("writes one section as CSV where the user chooses, named by the year and the section", async () => {
    const calls = backend();
    render(Statistics, { props: { years } });
    await fireEvent.click(await screen.findByTestId("stats-csv-venues"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "export_statistics_csv")).toBe(true));
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")!.args.options as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(dialog.defaultPath).toBe("statistikk-2026-venues.csv");
    expect(dialog.filters[0].extensions).toEqual(["csv"]);
    expect(calls.find((c) => c.cmd === "export_statistics_csv")?.args).toEqual({
      yearId: 2,
      from: null,
      to: null,
      section: "venues",
      path: "/tmp/statistikk.csv",
    });
    await waitFor(() => expect(notices.toast).toBe("Tabellen er lagret i /tmp/statistikk.csv"));

    await fireEvent.click(screen.getByTestId("stats-csv-per-holder"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "export_statistics_csv")).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === "export_statistics_csv")[1].args.section).toBe("perHolder");
    expect(calls.filter((c) => c.cmd === "plugin:dialog|save")[1].args.options).toMatchObject({ defaultPath: "statistikk-2026-per-holder.csv" });
  });

  it("shows a period when asked, and exports that period", async () => {
    const calls = backend();
    render(Statistics, { props: { years } });
    await waitFor(() => expect(live()).toHaveLength(7));
    const first = drawn.filter((d) => !d.destroyed);
    await fireEvent.input(screen.getByTestId("stats-from"), { target: { value: "01.02.2026" } });
    expect(screen.getByTestId("stats-period-error").textContent).toBe("Fyll inn både fra- og til-dato, eller ingen av dem.");
    expect((screen.getByTestId("stats-show") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(screen.getByTestId("stats-to"), { target: { value: "31.03.2026" } });
    expect(screen.queryByTestId("stats-period-error")).toBeNull();
    // Nothing is asked before "Show".
    expect(calls.filter((c) => c.cmd === "statistics")).toHaveLength(1);
    await fireEvent.click(screen.getByTestId("stats-show"));
    await waitFor(() => expect(screen.getByTestId("stats-showing").textContent).toContain("01.02.2026–31.03.2026"));
    expect(calls.filter((c) => c.cmd === "statistics")[1].args).toEqual({ yearId: 2, from: "2026-02-01", to: "2026-03-31" });
    // The old charts are gone; the new ones are drawn once each.
    expect(first.every((d) => d.destroyed)).toBe(true);
    await chart("stats-chart-venues");
    expect(screen.getByTestId("stats-chart-venues").getAttribute("aria-label")).toContain("01.02.2026–31.03.2026");

    await fireEvent.click(screen.getByTestId("stats-csv-months"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "export_statistics_csv")).toBe(true));
    expect(calls.find((c) => c.cmd === "export_statistics_csv")?.args).toMatchObject({ yearId: 2, from: "2026-02-01", to: "2026-03-31", section: "months" });
    expect(calls.find((c) => c.cmd === "plugin:dialog|save")!.args.options).toMatchObject({
      defaultPath: "statistikk-2026-02-01-til-2026-03-31-months.csv",
    });
  });

  it("shows another year only when asked", async () => {
    const calls = backend({ withLast: false });
    render(Statistics, { props: { years } });
    await screen.findByTestId("stats-figures");
    await fireEvent.change(screen.getByTestId("stats-year"), { target: { value: "1" } });
    expect(calls.filter((c) => c.cmd === "statistics")).toHaveLength(1);
    await fireEvent.click(screen.getByTestId("stats-show"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "statistics")).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === "statistics")[1].args).toEqual({ yearId: 1, from: null, to: null });
  });

  it("saves the year's budget in øre and shows the figures again", async () => {
    const calls = backend();
    render(Statistics, { props: { years } });
    const budget = (await screen.findByTestId("stats-budget")) as HTMLInputElement;
    expect(budget.value).toBe("250 000,00");
    await fireEvent.input(budget, { target: { value: "312 500,50" } });
    await fireEvent.click(screen.getByTestId("stats-budget-save"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "set_year_budget")).toBe(true));
    expect(calls.find((c) => c.cmd === "set_year_budget")?.args).toEqual({ yearId: 2, budgetOre: 31250050 });
    await waitFor(() => expect(calls.filter((c) => c.cmd === "statistics")).toHaveLength(2));
    expect(notices.toast).toBe("Budsjettet for 2026 er lagret");
    await waitFor(() => expect((screen.getByTestId("stats-budget-save") as HTMLButtonElement).disabled).toBe(false));

    // An empty field removes the budget.
    await fireEvent.input(screen.getByTestId("stats-budget"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("stats-budget-save"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "set_year_budget")).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === "set_year_budget")[1].args).toEqual({ yearId: 2, budgetOre: null });
    await waitFor(() => expect(notices.toast).toBe("Budsjettet for 2026 er fjernet"));
  });

  it("refuses a budget that is not an amount, under the field, and sends nothing", async () => {
    const calls = backend();
    render(Statistics, { props: { years } });
    const budget = await screen.findByTestId("stats-budget");
    await fireEvent.input(budget, { target: { value: "mye" } });
    await fireEvent.click(screen.getByTestId("stats-budget-save"));
    expect(screen.getByTestId("stats-budget-error").textContent).toContain("Skriv budsjettet i kroner");
    expect(budget.getAttribute("aria-invalid")).toBe("true");
    await fireEvent.input(budget, { target: { value: "-100" } });
    await fireEvent.click(screen.getByTestId("stats-budget-save"));
    expect(screen.getByTestId("stats-budget-error").textContent).toBe("Budsjettet kan ikke være negativt.");
    expect(calls.some((c) => c.cmd === "set_year_budget")).toBe(false);
  });

  it("shows the backend's refusal of a budget under the field", async () => {
    backend({ budgetError: { code: "invalid", message: "Skjemaet har feil.", fields: [{ field: "budgetOre", message: "Budsjettet er for stort." }], rows: [] } });
    render(Statistics, { props: { years } });
    const budget = await screen.findByTestId("stats-budget");
    await fireEvent.input(budget, { target: { value: "999 999 999 999" } });
    await fireEvent.click(screen.getByTestId("stats-budget-save"));
    await waitFor(() => expect(screen.getByTestId("stats-budget-error").textContent).toBe("Budsjettet er for stort."));
  });

  it("shows NAV no money: no costs, no models chart, no budget", async () => {
    backend({ admin: false });
    render(Statistics, { props: { years } });
    await screen.findByTestId("stats-chart-venues");
    expect(screen.queryByTestId("stats-table-costs")).toBeNull();
    expect(screen.queryByTestId("stats-table-models")).toBeNull();
    expect(screen.queryByTestId("stats-chart-models")).toBeNull();
    expect(screen.queryByTestId("stats-csv-costs")).toBeNull();
    expect(screen.queryByTestId("stats-csv-models")).toBeNull();
    expect(screen.queryByTestId("stats-budget")).toBeNull();
    expect((await chart("stats-chart-venues")).config.data.labels).toEqual(["Eksempel Kino", "Badet"]);
    await waitFor(() => expect(live()).toHaveLength(6));
    expect(live()).not.toContain("stats-chart-models");
    expect(within(screen.getByTestId("stats-table-venues")).getAllByRole("columnheader").map((h) => h.textContent)).not.toContain("Kostnad 2026");
  });

  it("draws no line for last year when there is no year before", async () => {
    backend({ withLast: false });
    render(Statistics, { props: { years } });
    await screen.findByTestId("stats-chart-months");
    expect((await chart("stats-chart-months")).config.data.datasets).toHaveLength(1);
    expect(screen.queryByTestId("stats-figure-assigned-last")).toBeNull();
    expect(screen.getByTestId("stats-showing").textContent).toContain("Det finnes ingen tall for året før");
  });

  it("destroys its charts when the page goes", async () => {
    backend();
    const { unmount } = render(Statistics, { props: { years } });
    await waitFor(() => expect(live()).toHaveLength(7));
    unmount();
    expect(drawn.every((d) => d.destroyed)).toBe(true);
  });

  it("asks for the tables again in another language, for the same year and period", async () => {
    const calls = backend();
    render(Statistics, { props: { years } });
    await screen.findByTestId("stats-figures");
    await fireEvent.input(screen.getByTestId("stats-from"), { target: { value: "01.02.2026" } });
    await fireEvent.input(screen.getByTestId("stats-to"), { target: { value: "31.03.2026" } });
    await fireEvent.click(screen.getByTestId("stats-show"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "statistics")).toHaveLength(2));
    i18n.lang = "en";
    await waitFor(() => expect(calls.filter((c) => c.cmd === "statistics")).toHaveLength(3));
    expect(calls.filter((c) => c.cmd === "statistics")[2].args).toEqual({ yearId: 2, from: "2026-02-01", to: "2026-03-31" });
    await waitFor(() => expect(screen.getByTestId("stats-csv-venues").textContent).toBe("Download CSV"));
  });

  it("follows the language: Nynorsk", async () => {
    i18n.lang = "nn";
    backend();
    render(Statistics, { props: { years } });
    expect((await screen.findByTestId("stats-figure-used")).textContent).toContain("Kortinnehavarar som har brukt kortet");
    expect(screen.getByTestId("stats-csv-venues").textContent).toBe("Last ned CSV");
    expect(screen.getByTestId("stats-showing").textContent).toContain("heile året 2026");
  });

  it("passes axe-core's WCAG 2.1 A and AA checks, each CSV button named with its visible text first", async () => {
    backend();
    render(Statistics, { props: { years } });
    await screen.findByTestId("stats-figures");
    await chart("stats-chart-venues");
    expect(await axeViolations(document.body)).toEqual([]);
    expect(labelInName()).toEqual([]);
    expect(screen.getByTestId("stats-csv-venues").getAttribute("aria-label")).toBe("Last ned CSV for «Besøk per brukersted»");
  });
});

describe("the statistics helpers", () => {
  it("names a CSV file by the year or the period and the section's code", () => {
    expect(csvFileName({ year: 2026, from: null, to: null }, "venues")).toBe("statistikk-2026-venues.csv");
    expect(csvFileName({ year: 2026, from: null, to: null }, "ageBands")).toBe("statistikk-2026-ages.csv");
    expect(csvFileName({ year: 2026, from: "2026-01-01", to: "2026-06-30" }, "perHolder")).toBe(
      "statistikk-2026-01-01-til-2026-06-30-per-holder.csv",
    );
  });

  it("right-aligns the columns of figures, amounts and small groups", () => {
    const t = table("venues", "", ["Brukersted", "Kategori", "Besøk 2026", "Kostnad 2026"], [
      ["Kino", "Kino", "< 5", "kr 1 234,50"],
      ["Bad", "Bad", "12", "–"],
    ]);
    expect(numericColumns(t)).toEqual([false, false, true, true]);
  });
});
