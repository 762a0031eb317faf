import { describe, expect, it } from "vitest";
import type { LanguageOption } from "./api";
import { labelOf, labelParts, languageLabel, languageName, optionLang, sortedForReader } from "./languages";

const ti: LanguageOption = { code: "ti", name: "ትግርኛ", nb: "tigrinja", nn: "tigrinja", en: "Tigrinya" };
const nb: LanguageOption = { code: "nb", name: "norsk bokmål", nb: "norsk bokmål", nn: "norsk bokmål", en: "Norwegian Bokmål" };
const en: LanguageOption = { code: "en", name: "English", nb: "engelsk", nn: "engelsk", en: "English" };
const de: LanguageOption = { code: "de", name: "Deutsch", nb: "tysk", nn: "tysk", en: "German" };

describe("languageLabel", () => {
  it("shows a language's Norwegian name beside its own", () => {
    expect(languageLabel(ti, "nb")).toBe("ትግርኛ (tigrinja)");
    expect(languageLabel(en, "nb")).toBe("English (engelsk)");
    expect(languageLabel(de, "nb")).toBe("Deutsch (tysk)");
  });
  it("follows the UI language", () => {
    expect(languageLabel(ti, "en")).toBe("ትግርኛ (Tigrinya)");
    expect(languageLabel(nb, "en")).toBe("Norsk bokmål (Norwegian Bokmål)");
  });
  it("does not repeat a name the reader already sees", () => {
    expect(languageLabel(nb, "nb")).toBe("Norsk bokmål");
    expect(languageLabel(en, "en")).toBe("English");
  });
  it("says the bare code of a language not in the list", () => {
    expect(labelOf("qqq", [ti, de], "nb")).toBe("qqq");
    expect(labelOf("de", [ti, de], "en")).toBe("Deutsch (German)");
  });
  it("sorts by the name in the reader's language", () => {
    expect(sortedForReader([ti, de, en], "nb").map((l) => l.code)).toEqual(["en", "ti", "de"]);
    expect(sortedForReader([ti, de, en], "nn").map((l) => l.code)).toEqual(["en", "ti", "de"]);
    expect(sortedForReader([ti, de, en], "en").map((l) => l.code)).toEqual(["en", "de", "ti"]);
  });
});

describe("Nynorsk", () => {
  // A list from a backend that names languages in Nynorsk too.
  const nbNn = { ...nb, nn: "norsk bokmål" };
  const nnNn = { code: "nn", name: "norsk nynorsk", nb: "norsk nynorsk", nn: "norsk nynorsk", en: "Norwegian Nynorsk" };
  const seNn = { code: "se", name: "davvisámegiella", nb: "nordsamisk", nn: "nordsamisk", en: "Northern Sami" };
  const chNn = { code: "ch", name: "Chamoru", nb: "chamorro", nn: "chamorro", en: "Chamorro" };
  const cyNn = { code: "cy", name: "Cymraeg", nb: "walisisk", nn: "walisisk", en: "Welsh" };
  const xxNn = { code: "xx", name: "xx", nb: "bokmålsnamnet", nn: "nynorsknamnet", en: "English name" };

  it("uses the Nynorsk name when the list has one", () => {
    expect(languageName(xxNn, "nn")).toBe("nynorsknamnet");
    expect(languageName(xxNn, "nb")).toBe("bokmålsnamnet");
    expect(languageName(xxNn, "en")).toBe("English name");
    expect(languageLabel(seNn, "nn")).toBe("Davvisámegiella (nordsamisk)");
  });
  it("falls back to the Bokmål name when the list has no Nynorsk one", () => {
    expect(languageName(ti, "nn")).toBe("tigrinja");
    expect(languageLabel(ti, "nn")).toBe("ትግርኛ (tigrinja)");
    expect(languageLabel(de, "nn")).toBe("Deutsch (tysk)");
    expect(labelOf("de", [ti, de], "nn")).toBe("Deutsch (tysk)");
  });
  it("does not repeat a name the Nynorsk reader already sees", () => {
    expect(languageLabel(nnNn, "nn")).toBe("Norsk nynorsk");
    expect(languageLabel(nbNn, "nn")).toBe("Norsk bokmål");
    expect(languageLabel(nb, "nn")).toBe("Norsk bokmål");
  });
  it("sorts by the Nynorsk names", () => {
    expect(sortedForReader([cyNn, seNn, chNn, xxNn], "nn").map((l) => l.code)).toEqual(["ch", "se", "xx", "cy"]);
  });
});

describe("labelParts and optionLang", () => {
  const ar: LanguageOption = { code: "ar", name: "العربية", nb: "arabisk", nn: "arabisk", en: "Arabic" };
  const din: LanguageOption = { code: "din", name: "Dinka", nb: "dinka", nn: "dinka", en: "Dinka" };

  it("gives the own name with its language and direction, and the name in the UI's language", () => {
    expect(labelParts(ar, "nb")).toEqual({ own: "العربية", lang: "ar", dir: "rtl", local: "arabisk" });
    expect(labelParts(ti, "en")).toEqual({ own: "ትግርኛ", lang: "ti", dir: "ltr", local: "Tigrinya" });
    expect(labelParts(nb, "nb")).toEqual({ own: "Norsk bokmål", lang: "nb", dir: "ltr", local: null });
  });
  it("says the English name standing in for a missing own name is English", () => {
    expect(labelParts(din, "nb")).toEqual({ own: "Dinka", lang: "en", dir: "ltr", local: null });
    expect(labelParts(en, "nb")).toMatchObject({ own: "English", lang: "en", local: "engelsk" });
  });
  it("marks an option only when its text is the own name alone", () => {
    expect(optionLang(ar, "nb")).toBeUndefined();
    expect(optionLang(ti, "nb")).toBeUndefined();
    expect(optionLang(nb, "nb")).toBe("nb");
    expect(optionLang(nb, "en")).toBeUndefined();
    expect(optionLang(en, "en")).toBe("en");
    expect(optionLang(din, "nb")).toBe("en");
  });
});
