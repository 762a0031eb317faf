// Norwegian display formats, used in both languages: dd.mm.åååå and "kr 1 234,50".
// Money is always integer øre; parsing works on the digits of the string, never on floats.

/** Groups the digits of a non-negative integer string in threes: "1234567" → "1 234 567". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** 123450 → "kr 1 234,50"; -500 → "kr -5,00". */
export function formatKr(ore: number): string {
  const whole = Math.trunc(ore);
  const negative = whole < 0;
  const abs = Math.abs(whole);
  const kroner = Math.floor(abs / 100);
  const rest = abs % 100;
  return `kr ${negative ? "-" : ""}${groupThousands(String(kroner))},${String(rest).padStart(2, "0")}`;
}

/** Øre as editable text without the "kr" prefix: 12050 → "120,50". */
export function formatKrInput(ore: number): string {
  return formatKr(ore).slice(3);
}

/**
 * Parses an amount in kroner to integer øre. Accepts "120", "120,50", "1 234,50", "kr 120",
 * "120 kr", "120,-", "1.234,50" and "120.50". Returns null for anything else (including
 * negative amounts and more than two decimals).
 */
export function parseKr(text: string): number | null {
  let s = text.trim().toLowerCase();
  s = s.replace(/^kr\.?\s*/, "").replace(/\s*kr\.?$/, "").replace(/,-$/, "");
  s = s.replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return null;
  let intPart: string;
  let fracPart = "";
  const m = /^(\d+(?:\.\d{3})*)(?:,(\d{1,2}))?$/.exec(s);
  if (m) {
    intPart = m[1].replace(/\./g, "");
    fracPart = m[2] ?? "";
  } else {
    const dot = /^(\d+)\.(\d{1,2})$/.exec(s);
    if (!dot) return null;
    intPart = dot[1];
    fracPart = dot[2];
  }
  intPart = intPart.replace(/^0+(?=\d)/, "");
  if (intPart.length > 12) return null;
  const ore = Number(intPart) * 100 + Number(fracPart.padEnd(2, "0"));
  return Number.isSafeInteger(ore) ? ore : null;
}

/** "2025-01-31" → "31.01.2025"; null/empty → "". Other strings are returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** "974760673" → "974 760 673" (only when it is nine digits). */
export function formatOrgNumber(value: string): string {
  const d = value.replace(/[\s.]/g, "");
  return /^\d{9}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : value;
}

/** "86011117947" → "8601 11 17947" (only when it is eleven digits). */
export function formatAccount(value: string): string {
  const d = value.replace(/[\s.]/g, "");
  return /^\d{11}$/.test(d) ? `${d.slice(0, 4)} ${d.slice(4, 6)} ${d.slice(6)}` : value;
}

/** "31.01.2025", "1.2.2025" or ISO "2025-01-31" → "2025-01-31"; null when it is not a real date. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = s.includes("-");
  const [y, mo, d] = iso ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
