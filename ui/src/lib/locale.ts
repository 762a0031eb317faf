// The locale the UI's language sorts names and writes month names in. Dates themselves are
// dd.mm.åååå in every language (format.ts).

/** For sorting (Intl.Collator, localeCompare): "nb", "nn" or "en". */
export function collationLocale(lang: string): string {
  return lang === "en" ? "en" : lang === "nn" ? "nn" : "nb";
}

/** For month names (toLocaleDateString): "nb-NO", "nn-NO" or "en-GB". */
export function dateLocale(lang: string): string {
  return lang === "en" ? "en-GB" : lang === "nn" ? "nn-NO" : "nb-NO";
}
