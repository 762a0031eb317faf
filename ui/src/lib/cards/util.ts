// Small helpers shared by the card screens.
import type { CardStatus, ProgramYear } from "../api";

/** The year a screen starts on: the active year, else the newest. */
export function defaultYear(years: ProgramYear[]): ProgramYear | null {
  const active = years.filter((y) => y.status === "active").sort((a, b) => b.year - a.year)[0];
  if (active) return active;
  return [...years].sort((a, b) => b.year - a.year)[0] ?? null;
}

/** Newest first. */
export function sortedYears(years: ProgramYear[]): ProgramYear[] {
  return [...years].sort((a, b) => b.year - a.year);
}

/** Lost and revoked cards can no longer be used. */
export function isBlocked(status: CardStatus): boolean {
  return status === "lost" || status === "revoked";
}

/** Today's local date as ISO "yyyy-mm-dd". */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** An RFC 3339 time as local "dd.mm.åååå hh:mm"; unparseable text is returned unchanged. */
export function formatDateTime(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
