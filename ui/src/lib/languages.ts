// A family's language shown in its own script and, beside it, in the UI's language, so a clerk
// who cannot read ትግርኛ sees "ትግርኛ (tigrinja)".
import type { Lang } from "./api";

/** The languages the backend offers (okort_core::holder::LANGUAGES), named in Bokmål and English. */
const NAMES: Record<string, Record<Lang, string>> = {
  nb: { nb: "norsk bokmål", en: "Norwegian Bokmål" },
  en: { nb: "engelsk", en: "English" },
  ar: { nb: "arabisk", en: "Arabic" },
  so: { nb: "somali", en: "Somali" },
  ti: { nb: "tigrinja", en: "Tigrinya" },
  uk: { nb: "ukrainsk", en: "Ukrainian" },
  ru: { nb: "russisk", en: "Russian" },
  pl: { nb: "polsk", en: "Polish" },
  lt: { nb: "litauisk", en: "Lithuanian" },
  fa: { nb: "persisk", en: "Persian" },
  prs: { nb: "dari", en: "Dari" },
  ps: { nb: "pashto", en: "Pashto" },
  ur: { nb: "urdu", en: "Urdu" },
  ku: { nb: "kurdisk", en: "Kurdish" },
  tr: { nb: "tyrkisk", en: "Turkish" },
  vi: { nb: "vietnamesisk", en: "Vietnamese" },
  th: { nb: "thai", en: "Thai" },
  ta: { nb: "tamil", en: "Tamil" },
  es: { nb: "spansk", en: "Spanish" },
  fr: { nb: "fransk", en: "French" },
};

/** The language `code` named in `lang`: from the table, else from Intl, else null. */
export function languageName(code: string, lang: Lang): string | null {
  const known = NAMES[code]?.[lang];
  if (known) return known;
  try {
    const name = new Intl.DisplayNames([lang === "nb" ? "nb" : "en"], { type: "language" }).of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

/**
 * "ትግርኛ (tigrinja)": the native name and, when it says something more, the name in the UI's
 * language. "Norsk" in Bokmål and "English" in English stay alone.
 */
export function languageLabel(code: string, nativeName: string, lang: Lang): string {
  const local = languageName(code, lang);
  if (!local) return nativeName;
  const a = local.toLocaleLowerCase();
  const b = nativeName.toLocaleLowerCase();
  if (a === b || a.startsWith(b) || b.startsWith(a)) return nativeName;
  return `${nativeName} (${local})`;
}
