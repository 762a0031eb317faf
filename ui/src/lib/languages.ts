// A family's language shown in its own script and, beside it, in the UI's language, so a clerk
// who cannot read ትግርኛ sees "ትግርኛ (tigrinja)". The names come from the backend's ISO 639
// table (okort_core::languages, generated from CLDR); nothing is named twice here.
import type { Lang, LanguageOption } from "./api";
import { collationLocale } from "./locale";
import { bcp47, dirOf } from "./textlang";

/** A language's names in the UI's languages (a LanguageOption or a LetterLanguage). */
type LocalNames = { nb: string; nn: string; en: string };

const capital = (s: string) => (s ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s);

/** The language named in `lang` (Norwegian names stay lower case, as Norwegian writes them). */
export function languageName(option: LocalNames, lang: Lang): string {
  if (lang === "en") return option.en;
  if (lang === "nn") return option.nn;
  return option.nb;
}

/** A language's label in parts: its own name, with its lang and dir, and its name in the UI's. */
export type LabelParts = {
  /** The name in the language itself (capitalised), or the English name where none is known. */
  own: string;
  /** The `lang` of `own`: the language itself, or "en" for the English name standing in. */
  lang: string;
  /** The `dir` of `own`. */
  dir: "ltr" | "rtl";
  /** The name in the UI's language, when it says something more than `own`. */
  local: string | null;
};

/**
 * The parts of "ትግርኛ (tigrinja)": the name in the language itself and, when it says something
 * more, the name in the UI's language. "Norsk bokmål" in Bokmål and "English" in English stay
 * alone. Where the backend has no name of the language in itself it sends the English name
 * (`name` equal to `en`): that is English text, and said so.
 */
export function labelParts(option: LanguageOption, lang: Lang): LabelParts {
  const own = capital(option.name);
  const english = option.code !== "en" && option.name.toLocaleLowerCase() === option.en.toLocaleLowerCase();
  const tag = english ? "en" : bcp47(option.code) || "en";
  const local = languageName(option, lang);
  const a = local.toLocaleLowerCase();
  const b = own.toLocaleLowerCase();
  const same = a === b || a.startsWith(b) || b.startsWith(a);
  return { own, lang: tag, dir: english ? "ltr" : dirOf(option.code), local: same ? null : local };
}

/** "ትግርኛ (tigrinja)" as one text (for an `<option>`, which cannot mark a part of its text). */
export function languageLabel(option: LanguageOption, lang: Lang): string {
  const { own, local } = labelParts(option, lang);
  return local ? `${own} (${local})` : own;
}

/**
 * The `lang` of an `<option>` labelled by `languageLabel`: the language's own when the label is
 * its own name alone; none (undefined) when it mixes in the name in the UI's language.
 */
export function optionLang(option: LanguageOption, lang: Lang): string | undefined {
  const parts = labelParts(option, lang);
  return parts.local ? undefined : parts.lang;
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
