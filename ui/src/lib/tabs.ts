// Keyboard movement between tabs (WAI-ARIA tabs pattern), shared by every tabbed page.

/** The tab an arrow key, Home or End moves to from `current`; null for any other key. */
export function tabAfterKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  const i = tabs.indexOf(current);
  const n = tabs.length;
  if (n === 0) return null;
  if (key === "ArrowRight") return tabs[(i + 1) % n];
  if (key === "ArrowLeft") return tabs[(i - 1 + n) % n];
  if (key === "Home") return tabs[0];
  if (key === "End") return tabs[n - 1];
  return null;
}
