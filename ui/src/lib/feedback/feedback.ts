// The feedback screen's pure parts: a question in the reader's language, a paper form's answers
// as the form keeps them and as the backend takes them, a stored form read back for correction,
// the mean of a scale written the Norwegian way, and the chart of a choice question.
import type { Lang, Question, QuestionSummary, Respondent } from "../api";
import { t } from "../i18n/index.svelte";
import type { ChartData, ChartSpec, Colours } from "../stats/stats";

/** The respondents in the order the screen shows them. */
export const RESPONDENTS: readonly Respondent[] = ["family", "venue"];

/**
 * A form's answers while it is typed in, by question id: a scale "1"–"5", yes/no "yes"/"no",
 * a choice its number from 1, a text as written. No entry (or "") is no answer.
 */
export type Answers = Record<number, string>;

/** A text and the language it is written in (a key of a question's `texts`). */
export type TextIn = { text: string; lang: string };

/**
 * `texts[lang]`, else the Bokmål text (every question has one), with the language it is in: a
 * question with no English text shows Bokmål to an English reader, and says so (`lang`).
 */
export function textIn(texts: Record<string, string> | undefined, lang: string): TextIn {
  if (texts?.[lang] != null) return { text: texts[lang], lang };
  if (texts?.nb != null) return { text: texts.nb, lang: "nb" };
  const first = Object.entries(texts ?? {})[0];
  return first ? { text: first[1], lang: first[0] } : { text: "", lang };
}

/** `texts[lang]`, else the Bokmål text (every question has one). */
export function inLang(texts: Record<string, string> | undefined, lang: string): string {
  return textIn(texts, lang).text;
}

/** The question in the reader's language (or in Bokmål, said by `lang`). */
export function questionTextIn(q: Question, lang: Lang): TextIn {
  return textIn(q.texts, lang);
}

/** The question in the reader's language. */
export function questionText(q: Question, lang: Lang): string {
  return inLang(q.texts, lang);
}

/** The choices of a choice question in the reader's language (or in Bokmål, said by `lang`). */
export function choiceTextsIn(q: Question, lang: Lang): TextIn[] {
  return q.choices.map((c) => textIn(c, lang));
}

/** The choices of a choice question in the reader's language. */
export function choiceTexts(q: Question, lang: Lang): string[] {
  return q.choices.map((c) => inLang(c, lang));
}

/** The values a radio question offers, as the form keeps them (and as test ids name them). */
export function radioValues(q: Question): string[] {
  switch (q.kind) {
    case "scale":
      return ["1", "2", "3", "4", "5"];
    case "yesNo":
      return ["yes", "no"];
    case "choice":
      return q.choices.map((_, i) => String(i + 1));
    default:
      return [];
  }
}

/**
 * The answers as the backend takes them, in the questions' order: `[question id, answer as
 * written]` — a scale "4", yes/no "ja"/"nei", a choice its number from 1 ("2"), a text trimmed.
 * Questions left unanswered are left out.
 */
export function toSubmit(questions: readonly Question[], answers: Answers): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (const q of [...questions].sort((a, b) => a.position - b.position)) {
    const value = (answers[q.id] ?? "").trim();
    if (value === "") continue;
    if (q.kind === "yesNo") out.push([q.id, value === "yes" ? "ja" : "nei"]);
    else out.push([q.id, value]);
  }
  return out;
}

/**
 * A stored form's answers (`[question id, stored value]`: a scale "4", yes/no "yes"/"no", a
 * choice its index from 0, a text) as the form keeps them, for correcting it.
 */
export function fromStored(questions: readonly Question[], stored: ReadonlyArray<readonly [number, string]>): Answers {
  const out: Answers = {};
  for (const [id, value] of stored) {
    const q = questions.find((x) => x.id === id);
    if (!q) continue;
    if (q.kind === "choice") {
      const i = Number(value);
      if (Number.isInteger(i) && i >= 0 && i < q.choices.length) out[id] = String(i + 1);
    } else if (q.kind === "yesNo") {
      out[id] = value === "yes" ? "yes" : "no";
    } else {
      out[id] = value;
    }
  }
  return out;
}

/** How many questions of the form are answered. */
export function answeredCount(questions: readonly Question[], answers: Answers): number {
  return toSubmit(questions, answers).length;
}

/** A mean in hundredths (425) as the reader writes it: "4,25" in Norwegian, "4.25" in English. */
export function formatMean(hundredths: number, lang: Lang): string {
  const n = Math.max(0, Math.round(hundredths));
  const text = `${Math.floor(n / 100)}${lang === "en" ? "." : ","}${String(n % 100).padStart(2, "0")}`;
  return text;
}

/** The numbers a card number is compared by: "2026-0042-9" and "202600429" are the same card. */
export function cardKey(value: string | null | undefined): string {
  return (value ?? "").replace(/[\s\-\u2010-\u2015]/g, "").toLowerCase();
}

/**
 * The horizontal bar chart of a choice question's answers: one bar per choice. The sentence
 * says what it shows and its highest bar; the figures are in the table beside it.
 */
export function choiceChart(q: QuestionSummary, colours: Colours): ChartSpec | null {
  if (q.kind !== "choice" || q.labels.length === 0 || q.answered === 0) return null;
  const labels = [...q.labels];
  const data = q.counts.map(Number);
  let best = -1;
  data.forEach((v, i) => {
    if (v > 0 && (best < 0 || v > data[best])) best = i;
  });
  const top = best < 0 ? t("stats.chart.empty") : t("stats.chart.top", { label: labels[best], value: data[best] });
  const config: ChartData = {
    type: "bar",
    data: {
      labels,
      datasets: [
        {
          type: "bar",
          label: t("feedback.sum.answers"),
          data,
          backgroundColor: colours.primary,
          borderColor: colours.primary,
          borderRadius: 3,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: "y",
      scales: {
        x: { beginAtZero: true, grid: { color: colours.grid }, ticks: { color: colours.text, precision: 0 } },
        y: { grid: { display: false }, ticks: { color: colours.text, autoSkip: false } },
      },
      plugins: { legend: { display: false }, tooltip: {} },
    },
  };
  return {
    config,
    label: [t("feedback.sum.chart", { question: q.text }), top, t("stats.chart.seeTable")].join(" "),
    height: Math.max(160, labels.length * 30 + 50),
  };
}
