// The language and direction of text that is not in the UI's language (WCAG 2.1 SC 3.1.2,
// Language of Parts): a letter or a question written in the family's language, a language's
// name in itself, and a holder's name in the script of the family's language. The UI's own
// language is on <html lang>; what is said here goes on the element holding the other text, so
// a screen reader switches voice and a right-to-left text lays out right to left.

/** The writing systems the languages the app offers are written in (Unicode script names). */
export type Script =
  | "Latin"
  | "Arabic"
  | "Armenian"
  | "Bengali"
  | "Canadian_Aboriginal"
  | "Cyrillic"
  | "Devanagari"
  | "Ethiopic"
  | "Georgian"
  | "Greek"
  | "Gujarati"
  | "Gurmukhi"
  | "Han"
  | "Hangul"
  | "Hanifi_Rohingya"
  | "Hebrew"
  | "Hiragana"
  | "Kannada"
  | "Katakana"
  | "Khmer"
  | "Lao"
  | "Malayalam"
  | "Myanmar"
  | "Oriya"
  | "Sinhala"
  | "Syriac"
  | "Tamil"
  | "Telugu"
  | "Thaana"
  | "Thai"
  | "Tibetan"
  | "Tifinagh"
  | "Yi";

const SCRIPTS: readonly Script[] = [
  "Latin",
  "Arabic",
  "Armenian",
  "Bengali",
  "Canadian_Aboriginal",
  "Cyrillic",
  "Devanagari",
  "Ethiopic",
  "Georgian",
  "Greek",
  "Gujarati",
  "Gurmukhi",
  "Han",
  "Hangul",
  "Hanifi_Rohingya",
  "Hebrew",
  "Hiragana",
  "Kannada",
  "Katakana",
  "Khmer",
  "Lao",
  "Malayalam",
  "Myanmar",
  "Oriya",
  "Sinhala",
  "Syriac",
  "Tamil",
  "Telugu",
  "Thaana",
  "Thai",
  "Tibetan",
  "Tifinagh",
  "Yi",
];

const PATTERNS: ReadonlyArray<readonly [Script, RegExp]> = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, "u")] as const);

/** The scripts written right to left. */
const RTL_SCRIPTS: ReadonlySet<Script> = new Set<Script>(["Arabic", "Hebrew", "Syriac", "Thaana", "Hanifi_Rohingya"]);

/**
 * The scripts each language of the backend's list (okort_core::languages) is written in, the
 * usual one first (it gives the direction). A language not named here is written in Latin.
 */
const WRITTEN_IN: Readonly<Record<string, readonly Script[]>> = {
  // Arabic script (right to left).
  ar: ["Arabic"],
  bal: ["Arabic"],
  ckb: ["Arabic"],
  fa: ["Arabic"],
  ks: ["Arabic", "Devanagari"],
  lrc: ["Arabic"],
  prs: ["Arabic"],
  ps: ["Arabic"],
  sd: ["Arabic", "Devanagari"],
  sdh: ["Arabic"],
  ug: ["Arabic"],
  ur: ["Arabic"],
  // Other right-to-left scripts.
  dv: ["Thaana"],
  he: ["Hebrew"],
  yi: ["Hebrew"],
  syr: ["Syriac"],
  rhg: ["Hanifi_Rohingya", "Latin"],
  // Ethiopic.
  am: ["Ethiopic"],
  byn: ["Ethiopic"],
  ti: ["Ethiopic"],
  tig: ["Ethiopic"],
  // Cyrillic.
  ab: ["Cyrillic"],
  av: ["Cyrillic"],
  ba: ["Cyrillic"],
  be: ["Cyrillic"],
  bg: ["Cyrillic"],
  ce: ["Cyrillic"],
  cu: ["Cyrillic"],
  cv: ["Cyrillic"],
  inh: ["Cyrillic"],
  kk: ["Cyrillic", "Latin"],
  kv: ["Cyrillic"],
  ky: ["Cyrillic"],
  mk: ["Cyrillic"],
  mn: ["Cyrillic"],
  os: ["Cyrillic"],
  ru: ["Cyrillic"],
  tg: ["Cyrillic"],
  tt: ["Cyrillic"],
  uk: ["Cyrillic"],
  // Written in Latin and in Cyrillic.
  az: ["Latin", "Cyrillic"],
  bs: ["Latin", "Cyrillic"],
  sh: ["Latin", "Cyrillic"],
  sr: ["Cyrillic", "Latin"],
  uz: ["Latin", "Cyrillic"],
  // East Asia.
  hak: ["Han"],
  ja: ["Han", "Hiragana", "Katakana"],
  ko: ["Hangul", "Han"],
  nan: ["Han"],
  wuu: ["Han"],
  yue: ["Han"],
  zh: ["Han"],
  ii: ["Yi"],
  // South and South-East Asia.
  as: ["Bengali"],
  bn: ["Bengali"],
  bo: ["Tibetan"],
  dz: ["Tibetan"],
  gu: ["Gujarati"],
  hi: ["Devanagari"],
  km: ["Khmer"],
  kn: ["Kannada"],
  lo: ["Lao"],
  ml: ["Malayalam"],
  mr: ["Devanagari"],
  my: ["Myanmar"],
  ne: ["Devanagari"],
  or: ["Oriya"],
  pa: ["Gurmukhi", "Arabic"],
  sa: ["Devanagari"],
  si: ["Sinhala"],
  ta: ["Tamil"],
  te: ["Telugu"],
  th: ["Thai"],
  // Elsewhere.
  el: ["Greek"],
  hy: ["Armenian"],
  ka: ["Georgian"],
  cr: ["Canadian_Aboriginal", "Latin"],
  iu: ["Canadian_Aboriginal", "Latin"],
  oj: ["Canadian_Aboriginal", "Latin"],
  shi: ["Tifinagh", "Latin"],
  tzm: ["Latin", "Tifinagh"],
  zgh: ["Tifinagh"],
};

/** Codes of the app that are not BCP 47 language tags, and the tag each stands for. */
const TAGS: Readonly<Record<string, string>> = {
  // Plain-language ("lettlest") Bokmål is Bokmål to a screen reader.
  "nb-lett": "nb",
};

/**
 * The BCP 47 tag for a language code of the app, for a `lang` attribute: `nb-lett` is `nb`, an
 * ISO 639 code stays as it is; a code that is no well-formed tag gives its first part (or ""
 * when even that is none, which says "language unknown").
 */
export function bcp47(code: string): string {
  const c = code.trim();
  const mapped = TAGS[c.toLowerCase()];
  if (mapped) return mapped;
  try {
    if (c && Intl.getCanonicalLocales(c).length === 1) return c;
  } catch {
    // Not a well-formed tag: its language part, below.
  }
  const first = c.split(/[-_]/)[0];
  return /^[A-Za-z]{2,8}$/.test(first) ? first.toLowerCase() : "";
}

/** The scripts the language `code` is written in, the usual one first (Latin when not known). */
export function scriptsOf(code: string): readonly Script[] {
  const base = bcp47(code).split("-")[0].toLowerCase();
  return WRITTEN_IN[base] ?? ["Latin"];
}

/** Whether the language `code` is written right to left (by its usual script). */
export function isRtl(code: string): boolean {
  return RTL_SCRIPTS.has(scriptsOf(code)[0]);
}

/** The `dir` of a text in the language `code`. */
export function dirOf(code: string): "rtl" | "ltr" {
  return isRtl(code) ? "rtl" : "ltr";
}

/**
 * The scripts of the letters in `text`, in order of appearance; a letter of a script not in
 * the table counts as "Other". Digits, punctuation, spaces and combining marks say nothing.
 */
export function scriptsIn(text: string): Array<Script | "Other"> {
  const found: Array<Script | "Other"> = [];
  for (const ch of text) {
    // Letters shared by scripts (the Japanese long-vowel mark ー is Common) say nothing either.
    if (!/\p{L}/u.test(ch) || /[\p{Script=Common}\p{Script=Inherited}]/u.test(ch)) continue;
    const script = PATTERNS.find(([, re]) => re.test(ch))?.[0] ?? "Other";
    if (!found.includes(script)) found.push(script);
  }
  return found;
}

/**
 * The `lang` of a person's name: the family's language `language` when the name has letters
 * of a script other than Latin and that language is written in it (an Arabic name of a family
 * speaking Arabic is said by an Arabic voice). No lang (undefined) for a name in Latin letters,
 * or when the family's language is not known or not written in the name's script (a Cyrillic
 * name of a family whose language is Arabic: which language it is cannot be told).
 */
export function nameLang(name: string, language?: string | null): string | undefined {
  const other = scriptsIn(name).filter((s) => s !== "Latin");
  if (other.length === 0 || !language) return undefined;
  const written = scriptsOf(language);
  if (!other.every((s) => s !== "Other" && written.includes(s))) return undefined;
  return bcp47(language) || undefined;
}

/** Whether `text` has a letter of a right-to-left script. */
export function hasRtl(text: string): boolean {
  return scriptsIn(text).some((s) => s !== "Other" && RTL_SCRIPTS.has(s));
}

/**
 * `text` set apart for the bidirectional algorithm (U+2068 FIRST STRONG ISOLATE … U+2069 POP
 * DIRECTIONAL ISOLATE) when it has right-to-left letters, for a name put into a sentence: the
 * words, digits and commas around an Arabic name then stay where the sentence has them. The
 * textual counterpart of `dir="auto"` on an element; other text is returned as it is.
 */
export function isolate(text: string): string {
  return hasRtl(text) ? `\u2068${text}\u2069` : text;
}
