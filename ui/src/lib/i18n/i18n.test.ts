import { describe, expect, it } from "vitest";
import { en } from "./en";
import { nb } from "./nb";

describe("dictionaries", () => {
  it("nb and en have identical key sets", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
  });
  it("no message is empty", () => {
    for (const dict of [nb, en]) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.trim(), key).not.toBe("");
      }
    }
  });
  it("placeholders match between languages", () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(nb) as (keyof typeof nb)[]) {
      expect(names(en[key]), key).toEqual(names(nb[key]));
    }
  });
});
