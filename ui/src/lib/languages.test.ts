import { describe, expect, it } from "vitest";
import { languageLabel, languageName } from "./languages";

describe("languageLabel", () => {
  it("shows a language's Norwegian name beside its own", () => {
    expect(languageLabel("ti", "ትግርኛ", "nb")).toBe("ትግርኛ (tigrinja)");
    expect(languageLabel("fa", "فارسی", "nb")).toBe("فارسی (persisk)");
    expect(languageLabel("en", "English", "nb")).toBe("English (engelsk)");
  });
  it("follows the UI language", () => {
    expect(languageLabel("ti", "ትግርኛ", "en")).toBe("ትግርኛ (Tigrinya)");
    expect(languageLabel("nb", "Norsk", "en")).toBe("Norsk (Norwegian Bokmål)");
  });
  it("does not repeat a name the reader already sees", () => {
    expect(languageLabel("nb", "Norsk", "nb")).toBe("Norsk");
    expect(languageLabel("en", "English", "en")).toBe("English");
  });
  it("falls back to Intl for other codes, and to the native name alone", () => {
    expect(languageName("sw", "nb")).toBe("swahili");
    expect(languageLabel("qqq", "Ukjent", "nb")).toBe("Ukjent");
  });
});
