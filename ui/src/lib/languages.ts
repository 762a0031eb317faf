// A family's language shown in its own script and, beside it, in the UI's language, so a clerk
// who cannot read ትግርኛ sees "ትግርኛ (tigrinja)". The names come from the backend's ISO 639
// table (okort_core::languages, generated from CLDR); nothing is named twice here.
import type { Lang, LanguageOption } from "./api";
import { collationLocale } from "./locale";

/** A language's names in the UI's languages (a LanguageOption or a LetterLanguage). */
type LocalNames = { nb: string; nn: string; en: string };

const capital = (s: string) => (s ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s);

/** The language named in `lang` (Norwegian names stay lower case, as Norwegian writes them). */
export function languageName(option: LocalNames, lang: Lang): string {
  if (lang === "en") return option.en;
  if (lang === "nn") return option.nn;
  return option.nb;
}

/**
 * "ትግርኛ (tigrinja)": the name in the language itself and, when it says something more, the
 * name in the UI's language. "Norsk bokmål" in Bokmål and "English" in English stay alone.
 */
export function languageLabel(option: LanguageOption, lang: Lang): string {
  const own = capital(option.name);
  const local = languageName(option, lang);
  const a = local.toLocaleLowerCase();
  const b = own.toLocaleLowerCase();
  if (a === b || a.startsWith(b) || b.startsWith(a)) return own;
  return `${own} (${local})`;
}

/** The label of the language `code` among `options`; the bare code when it is not there. */
export function labelOf(code: string, options: LanguageOption[], lang: Lang): string {
  const option = options.find((l) => l.code === code);
  return option ? languageLabel(option, lang) : code;
}

/** The options in the order a reader of `lang` looks for them: by the name in `lang`. */
export function sortedForReader(options: LanguageOption[], lang: Lang): LanguageOption[] {
  const collator = new Intl.Collator(collationLocale(lang));
  return [...options].sort((x, y) => collator.compare(languageName(x, lang), languageName(y, lang)));
}
