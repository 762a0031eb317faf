// Paging of long lists (cards, visits, settlements): one page of rows at a time.

export const PAGE_SIZE = 25;

export type Page<T> = { rows: T[]; page: number; pages: number; first: number; last: number };

/** Page `page` (from 1, clamped to the pages there are) of `items`. */
export function pageOf<T>(items: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const start = (p - 1) * size;
  const rows = items.slice(start, start + size);
  return { rows, page: p, pages, first: rows.length ? start + 1 : 0, last: start + rows.length };
}

/** Lower-case text with spaces squeezed, for matching a search box against several fields. */
export function matchesSearch(query: string, ...fields: (string | null | undefined)[]): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, " ");
  if (!q) return true;
  return fields.some((f) => (f ?? "").toLowerCase().replace(/\s+/g, " ").includes(q));
}
