import { describe, expect, it } from "vitest";
import { en } from "./en";
import { dictionaries } from "./index.svelte";
import { nb, type MessageKey } from "./nb";
import { nn } from "./nn";

const all = { nb, nn, en } as Record<string, Record<MessageKey, string>>;
const keys = Object.keys(nb) as MessageKey[];

describe("dictionaries", () => {
  it("nb, nn and en have identical key sets", () => {
    expect(Object.keys(nn).sort()).toEqual(Object.keys(nb).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
  });
  it("nn keeps the key order of nb", () => {
    expect(Object.keys(nn)).toEqual(keys);
  });
  it("every language is registered", () => {
    expect(Object.keys(dictionaries).sort()).toEqual(["en", "nb", "nn"]);
  });
  it("no message is empty", () => {
    for (const [lang, dict] of Object.entries(all)) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.trim(), `${lang} ${key}`).not.toBe("");
      }
    }
  });
  it("placeholders match between languages", () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys) {
      expect(names(en[key]), `en ${key}`).toEqual(names(nb[key]));
      expect(names(nn[key]), `nn ${key}`).toEqual(names(nb[key]));
    }
  });
  it("the language switcher offers Bokmål, Nynorsk and English in every language", () => {
    for (const dict of Object.values(all)) {
      expect([dict["lang.nb"], dict["lang.nn"], dict["lang.en"]]).toEqual(["Bokmål", "Nynorsk", "English"]);
    }
  });
});

describe("Nynorsk", () => {
  it("is not a copy of Bokmål", () => {
    const multiWord = keys.filter((key) => /\s/.test(nb[key].replace(/\{\w+\}/g, "").trim()));
    const differ = multiWord.filter((key) => nn[key] !== nb[key]);
    expect(multiWord.length).toBeGreaterThan(300);
    expect(differ.length / multiWord.length).toBeGreaterThanOrEqual(0.6);
  });

  // Whole words only, case-insensitive; letters include æ, ø, å and the like, so "frå" is not "fra".
  const bokmalOnly = [
    "ikke",
    "jeg",
    "hva",
    "hvordan",
    "hvem",
    "bare",
    "fra",
    "noen",
    "hele",
    "kortholder",
    "brukersted",
    "begrunnelse",
    "sikkerhetskopi",
    "oppgjør",
  ];
  const wholeWord = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "iu");

  it("matches whole words only", () => {
    expect(wholeWord("fra").test("Frå dato")).toBe(false);
    expect(wholeWord("fra").test("Fra dato")).toBe(true);
    expect(wholeWord("hele").test("heile året")).toBe(false);
    expect(wholeWord("oppgjør").test("Oppgjør nr. 2")).toBe(true);
    expect(wholeWord("oppgjør").test("oppgjørsbrev")).toBe(false);
    expect(wholeWord("kortholder").test("innsyn-kortholder")).toBe(true);
  });

  it("has no Bokmål-only words", () => {
    const found: string[] = [];
    for (const key of keys) {
      for (const word of bokmalOnly) {
        if (wholeWord(word).test(nn[key])) found.push(`${key}: «${word}» in «${nn[key]}»`);
      }
    }
    expect(found).toEqual([]);
  });

  it("Bokmål does use those words (the check can find them)", () => {
    const used = bokmalOnly.filter((word) => keys.some((key) => wholeWord(word).test(nb[key])));
    expect(used.length).toBeGreaterThanOrEqual(10);
  });
});
