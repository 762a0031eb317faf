// Pure helpers of the venue kit screens: the periods a desk reports, the kit's file names and the
// desk's default user name.
import { todayIso } from "../cards/util";
import { dateLocale } from "../locale";

/** A period of ISO dates, both ends included. */
export type Period = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, "0");

/** The whole of `month` (1–12) of `year`. */
export function monthPeriod(year: number, month: number): Period {
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

/** The month `today` (ISO) lies in. */
export function thisMonth(today: string = todayIso()): Period {
  const [y, m] = today.split("-").map(Number);
  return monthPeriod(y, m);
}

/** The month before the one `today` (ISO) lies in (December of last year in January). */
export function lastMonth(today: string = todayIso()): Period {
  const [y, m] = today.split("-").map(Number);
  return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1);
}

/** The month of an ISO date as "yyyy-mm", the value of a month filter. */
export function monthKey(iso: string): string {
  return iso.slice(0, 7);
}

/** "2026-03" → the period of March 2026. */
export function periodOfMonth(key: string): Period {
  const [y, m] = key.split("-").map(Number);
  return monthPeriod(y, m);
}

/** A month's name and year in the app's language: "mars 2026", "March 2026". */
export function monthName(key: string, lang: string): string {
  const [y, m] = key.split("-").map(Number);
  const name = new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(dateLocale(lang), {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return name;
}

/** The twelve months of `year` as "yyyy-mm", January first. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
}

/**
 * A name as a plain lower-case word for a user name or a file name: "Eksempel Kino" →
 * "eksempel-kino", "Bærum Svømmehall" → "baerum-svommehall".
 */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The user name a venue's desk gets unless the office types another: "eksempel-kino-disk". */
export function deskUsername(venueName: string): string {
  const base = slug(venueName);
  return base ? `${base}-disk` : "disk";
}

/** The name the save dialog offers for a venue's kit: "eksempel-kino-2026.okortkit". */
export function kitFileName(venueName: string, year: number): string {
  return `${slug(venueName) || "brukersted"}-${year}.okortkit`;
}

/** The chosen path with `.ext` added when the user typed a name without it. */
export function withExtension(path: string, ext: string): string {
  return path.toLowerCase().endsWith(`.${ext.toLowerCase()}`) ? path : `${path}.${ext}`;
}
