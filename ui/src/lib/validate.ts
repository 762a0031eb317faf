// Checks of number and date fields, done in the UI before anything is sent: each field states
// its own rule in a sentence. The backend checks again and answers the same way.
import { formatDate, parseKr } from "./format";
import { t } from "./i18n/index.svelte";

/** The outcome of reading a field: its value (null when empty and allowed), or its message. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const SPACES = /[\s\u00a0\u202f]/g;

/** "12" → 12, "-3" → -3, "1 000" → 1000; anything but a whole number ("1,5", "abc", "1e3") → null. */
export function parseWhole(text: string | number | null | undefined): number | null {
  const s = String(text ?? "").replace(SPACES, "").replace("−", "-");
  if (!/^-?\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** "1,5", "-0.5", "100" → the number; anything else ("abc", "1,2,3", "") → null. */
export function parseDecimal(text: string | number | null | undefined): number | null {
  const s = String(text ?? "").replace(SPACES, "").replace("−", "-");
  if (!/^-?\d+(?:[.,]\d+)?$/.test(s)) return null;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

const isEmpty = (text: string | number | null | undefined) => String(text ?? "").trim() === "";

/**
 * A whole number from `min` to `max`. `message` is the field's own rule, shown for anything
 * else; an empty field is "Må fylles ut", or null when `optional`.
 */
export function wholeIn(
  text: string | number | null | undefined,
  range: { min: number; max?: number; optional?: boolean; message: string },
): Checked<number | null> {
  if (isEmpty(text)) {
    return range.optional ? { ok: true, value: null } : { ok: false, message: t("common.required") };
  }
  const n = parseWhole(text);
  if (n === null || n < range.min || (range.max !== undefined && n > range.max)) {
    return { ok: false, message: range.message };
  }
  return { ok: true, value: n };
}

/** A number (decimals allowed, comma or point) from `min` to `max`; see `wholeIn`. */
export function decimalIn(
  text: string | number | null | undefined,
  range: { min: number; max: number; message: string },
): Checked<number> {
  if (isEmpty(text)) return { ok: false, message: t("common.required") };
  const n = parseDecimal(text);
  if (n === null || n < range.min || n > range.max) return { ok: false, message: range.message };
  return { ok: true, value: n };
}

/** An amount in kroner as integer øre, 0 or more. */
export function amountOre(text: string): Checked<number> {
  if (isEmpty(text)) return { ok: false, message: t("common.required") };
  if (/^\s*(kr\.?\s*)?[-−]/i.test(text)) return { ok: false, message: t("check.priceNegative") };
  const ore = parseKr(text);
  return ore === null ? { ok: false, message: t("agr.priceInvalid") } : { ok: true, value: ore };
}

/**
 * A period of two ISO dates (either may be empty): both or neither, and `to` not before `from`.
 * `message` is null when it is fine.
 */
export function periodProblem(
  from: string | null | undefined,
  to: string | null | undefined,
  opts: { bothOrNeither?: boolean } = {},
): string | null {
  if (opts.bothOrNeither && !!from !== !!to) return t("check.periodBoth");
  if (from && to && to < from) return t("check.periodOrder", { from: formatDate(from), to: formatDate(to) });
  return null;
}
