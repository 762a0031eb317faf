import { describe, expect, it } from "vitest";
import type { LanguageOption } from "./api";
import { labelOf, languageLabel, sortedForReader } from "./languages";

const ti: LanguageOption = { code: "ti", name: "ትግርኛ", nb: "tigrinja", en: "Tigrinya" };
const nb: LanguageOption = { code: "nb", name: "norsk bokmål", nb: "norsk bokmål", en: "Norwegian Bokmål" };
const en: LanguageOption = { code: "en", name: "English", nb: "engelsk", en: "English" };
const de: LanguageOption = { code: "de", name: "Deutsch", nb: "tysk", en: "German" };

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
    expect(sortedForReader([ti, de, en], "en").map((l) => l.code)).toEqual(["en", "de", "ti"]);
  });
});
