// The statistics screen's pure parts: the sections in screen order with their file-name codes,
// the period said in words, and each section's chart built from the figures (the words of the
// chart come from the backend's table beside it, so chart and table always say the same).
import type { ChartConfiguration } from "chart.js";
import type { Statistics, StatsSection, StatsTable, Visits, YearStatistics } from "../api";
import { formatDate, formatKr } from "../format";
import { t, type MessageKey } from "../i18n/index.svelte";

/** The sections as the screen shows them, top to bottom. */
export const SECTIONS: readonly StatsSection[] = [
  "cards",
  "ageBands",
  "perHolder",
  "venues",
  "categories",
  "kinds",
  "months",
  "costs",
  "models",
];

/** The stable name of a section in file names and test ids (as the backend names it). */
export const SECTION_CODES: Record<StatsSection, string> = {
  cards: "cards",
  ageBands: "ages",
  perHolder: "per-holder",
  venues: "venues",
  categories: "categories",
  kinds: "kinds",
  months: "months",
  costs: "costs",
  models: "models",
};

/** The figures shown at the top, each with last year's beside it. */
export const KEY_FIGURES = ["assigned", "handedOut", "returned", "used", "neverUsed"] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];

/** What the statistics were last asked for: the year and, optionally, a period of it. */
export type Shown = { yearId: number; year: number; from: string | null; to: string | null };

/** "statistikk-2026-venues.csv"; a period is named by its dates. */
export function csvFileName(shown: Pick<Shown, "year" | "from" | "to">, section: StatsSection): string {
  const when = shown.from && shown.to ? `${shown.from}-til-${shown.to}` : String(shown.year);
  return `statistikk-${when}-${SECTION_CODES[section]}.csv`;
}

/** "01.03.2026–30.06.2026", or "hele året 2026" when there is no period. */
export function periodText(year: number, from: string | null, to: string | null): string {
  return from && to ? `${formatDate(from)}–${formatDate(to)}` : t("stats.wholeYear", { year });
}

/**
 * For each column of a table, true when it holds figures (right-aligned): every cell is a
 * number, an amount, "< 5" or "–". The first column names the rows and never is.
 */
export function numericColumns(table: StatsTable): boolean[] {
  const figure = /^(kr\s*)?[<–\-\d\s\u00a0\u202f,.]+$/;
  return table.columns.map(
    (_, i) => i > 0 && table.rows.length > 0 && table.rows.every((r) => figure.test((r[i] ?? "").trim())),
  );
}

/** The program's colours for the charts. */
export type Colours = { primary: string; accent: string; muted: string; text: string; grid: string };

export const DEFAULT_COLOURS: Colours = {
  primary: "#1f5f8b",
  accent: "#f2a900",
  muted: "#5f6b7a",
  text: "#1d2430",
  grid: "#e2ded6",
};

/** The colours as the page's CSS variables set them (the program's own primary and accent). */
export function readColours(root: Element | null = typeof document === "undefined" ? null : document.documentElement): Colours {
  if (!root || typeof getComputedStyle !== "function") return DEFAULT_COLOURS;
  const style = getComputedStyle(root);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    primary: read("--primary", DEFAULT_COLOURS.primary),
    accent: read("--accent", DEFAULT_COLOURS.accent),
    muted: read("--muted", DEFAULT_COLOURS.muted),
    text: read("--text", DEFAULT_COLOURS.text),
    grid: read("--border", DEFAULT_COLOURS.grid),
  };
}

export type ChartData = ChartConfiguration<"bar" | "line", number[], string>;

/** One section's chart: its Chart.js configuration, what it shows in a sentence, and its height. */
export type ChartSpec = { config: ChartData; label: string; height: number };

/** The sections drawn as a chart (the cards and the costs are key figures and a table). */
export const CHARTED: readonly StatsSection[] = ["ageBands", "perHolder", "venues", "categories", "kinds", "months", "models"];

/**
 * The row names of `table` for `n` data points: the table lists them in the order of the
 * figures (any extra rows, such as visits of unknown date, come after them).
 */
function rowLabels(table: StatsTable | undefined, n: number, fallback: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => table?.rows[i]?.[0] ?? fallback(i));
}

/** One bar series. */
function bars(label: string, data: number[], colour: string) {
  return { type: "bar" as const, label, data, backgroundColor: colour, borderColor: colour, borderRadius: 3, order: 2 };
}

/** "Highest: Eksempel Kino (120)." or "No figures to show." */
function topOf(labels: string[], values: number[], format: (n: number) => string = String): string {
  let best = -1;
  values.forEach((v, i) => {
    if (v > 0 && (best < 0 || v > values[best])) best = i;
  });
  return best < 0 ? t("stats.chart.empty") : t("stats.chart.top", { label: labels[best], value: format(values[best]) });
}

function config(
  labels: string[],
  datasets: ChartData["data"]["datasets"],
  colours: Colours,
  opts: { horizontal?: boolean; kroner?: boolean; legend?: boolean } = {},
): ChartData {
  const valueAxis = {
    beginAtZero: true,
    grid: { color: colours.grid },
    ticks: {
      color: colours.text,
      precision: opts.kroner ? undefined : 0,
      callback: opts.kroner ? (v: string | number) => formatKr(Number(v) * 100).replace(/,00$/, "") : undefined,
    },
  };
  const labelAxis = { grid: { display: false }, ticks: { color: colours.text, autoSkip: false } };
  return {
    type: "bar",
    data: { labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: opts.horizontal ? "y" : "x",
      scales: opts.horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
      plugins: {
        legend: { display: opts.legend ?? datasets.length > 1, labels: { color: colours.text } },
        tooltip: opts.kroner
          ? { callbacks: { label: (item) => `${item.dataset.label ?? ""}: ${formatKr(Math.round(Number(item.raw) * 100))}` } }
          : {},
      },
    },
  };
}

/** A sentence for screen readers: what the chart shows, its highest bar, where the figures are. */
function summary(section: StatsSection, period: string, top: string, extra = ""): string {
  const what = t(`stats.chart.${section}` as MessageKey, { period });
  return [what, extra, top, t("stats.chart.seeTable")].filter(Boolean).join(" ");
}

const holders = (v: Visits) => v.holder;
const companions = (v: Visits) => v.companion;

/** The chart of `section`, or null when the section has none (or nothing to draw). */
export function chartFor(
  section: StatsSection,
  stats: YearStatistics,
  table: StatsTable | undefined,
  colours: Colours,
): ChartSpec | null {
  const s: Statistics = stats.current;
  const last: Statistics | null = stats.previous;
  const year = s.year;
  const period = periodText(year, s.from, s.to);
  const visitsSeries = (rows: { visits: Visits }[]) => [
    bars(t("stats.series.visits", { year }), rows.map((r) => holders(r.visits)), colours.primary),
    bars(t("stats.series.companions", { year }), rows.map((r) => companions(r.visits)), colours.accent),
  ];
  const tall = (n: number) => Math.max(220, n * 34 + 70);

  switch (section) {
    case "venues": {
      if (s.venues.length === 0) return null;
      const labels = s.venues.map((v) => v.name);
      const datasets = visitsSeries(s.venues);
      return {
        config: config(labels, datasets, colours, { horizontal: true }),
        label: summary(section, period, topOf(labels, datasets[0].data)),
        height: tall(labels.length),
      };
    }
    case "months": {
      if (s.months.length === 0) return null;
      const labels = rowLabels(table, s.months.length, (i) => String(s.months[i].month));
      const now = s.months.map((m) => m.visits.holder);
      const datasets: ChartData["data"]["datasets"] = [bars(t("stats.series.visits", { year }), now, colours.primary)];
      let extra = "";
      if (last) {
        const then = s.months.map((m) => last.months.find((x) => x.month === m.month)?.visits.holder ?? 0);
        datasets.push({
          type: "line",
          label: t("stats.series.visits", { year: last.year }),
          data: then,
          borderColor: colours.muted,
          backgroundColor: colours.muted,
          pointRadius: 3,
          tension: 0.2,
          order: 1,
        });
        extra = t("stats.chart.monthsLast", { year: last.year });
      }
      return {
        config: config(labels, datasets, colours),
        label: summary(section, period, topOf(labels, now), extra),
        height: 280,
      };
    }
    case "perHolder": {
      if (s.perHolder.length === 0) return null;
      const labels = rowLabels(table, s.perHolder.length, (i) => s.perHolder[i].bucket);
      const data = s.perHolder.map((b) => b.holders);
      return {
        config: config(labels, [bars(t("stats.series.holders", { year }), data, colours.primary)], colours),
        label: summary(section, period, topOf(labels, data)),
        height: 260,
      };
    }
    case "ageBands": {
      if (s.ageBands.length === 0) return null;
      const labels = rowLabels(table, s.ageBands.length, (i) => s.ageBands[i].band);
      const data = s.ageBands.map((b) => b.holders);
      return {
        config: config(labels, [bars(t("stats.series.holders", { year }), data, colours.primary)], colours),
        label: summary(section, period, topOf(labels, data)),
        height: 260,
      };
    }
    case "categories": {
      if (s.categories.length === 0) return null;
      const labels = rowLabels(table, s.categories.length, (i) => s.categories[i].category);
      const datasets = visitsSeries(s.categories);
      return {
        config: config(labels, datasets, colours),
        label: summary(section, period, topOf(labels, datasets[0].data)),
        height: 280,
      };
    }
    case "kinds": {
      if (s.kinds.length === 0) return null;
      const labels = rowLabels(table, s.kinds.length, (i) => s.kinds[i].kind);
      const datasets = visitsSeries(s.kinds);
      return {
        config: config(labels, datasets, colours),
        label: summary(section, period, topOf(labels, datasets[0].data)),
        height: 260,
      };
    }
    case "models": {
      const models = s.costs?.models ?? [];
      if (models.length === 0) return null;
      const labels = rowLabels(table, models.length, (i) => models[i].model);
      const kroner = models.map((m) => m.totalOre / 100);
      return {
        config: config(labels, [bars(t("stats.series.kroner", { year }), kroner, colours.primary)], colours, {
          kroner: true,
          legend: false,
        }),
        label: summary(section, period, topOf(labels, kroner, (kr) => formatKr(Math.round(kr * 100)))),
        height: 260,
      };
    }
    default:
      return null;
  }
}
