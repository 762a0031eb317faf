import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "./i18n/index.svelte";
import { amountOre, decimalIn, parseDecimal, parseWhole, periodProblem, wholeIn } from "./validate";

afterEach(() => {
  i18n.lang = "nb";
});

describe("parseWhole", () => {
  it("reads whole numbers, signed or with spaces", () => {
    expect(parseWhole("12")).toBe(12);
    expect(parseWhole(" -3 ")).toBe(-3);
    expect(parseWhole("10 000")).toBe(10000);
    expect(parseWhole(7)).toBe(7);
  });
  it("refuses anything else", () => {
    for (const bad of ["", "abc", "1,5", "1.5", "1e3", "-", "5 kort"]) expect(parseWhole(bad), bad).toBeNull();
  });
});

describe("parseDecimal", () => {
  it("reads a comma or a point", () => {
    expect(parseDecimal("1,5")).toBe(1.5);
    expect(parseDecimal("-0.5")).toBe(-0.5);
    expect(parseDecimal("100")).toBe(100);
  });
  it("refuses letters and stray separators", () => {
    for (const bad of ["abc", "1,2,3", "", ",5", "1,"]) expect(parseDecimal(bad), bad).toBeNull();
  });
});

describe("wholeIn", () => {
  const quota = { min: 1, max: 10_000, message: "Antall kort må være et helt tall fra 1 til 10 000." };
  it("gives the field's own sentence for a negative number, a fraction or letters", () => {
    for (const bad of ["-5", "0", "2,5", "abc", "10001"]) {
      expect(wholeIn(bad, quota), bad).toEqual({ ok: false, message: quota.message });
    }
  });
  it("says an empty field must be filled in, unless it is optional", () => {
    expect(wholeIn("", quota)).toEqual({ ok: false, message: "Må fylles ut" });
    expect(wholeIn("  ", { ...quota, optional: true })).toEqual({ ok: true, value: null });
  });
  it("accepts the range's ends", () => {
    expect(wholeIn("1", quota)).toEqual({ ok: true, value: 1 });
    expect(wholeIn("10 000", quota)).toEqual({ ok: true, value: 10000 });
  });
});

describe("decimalIn", () => {
  it("keeps a printer offset within ±20 mm", () => {
    const offset = { min: -20, max: 20, message: "offset" };
    expect(decimalIn("abc", offset)).toEqual({ ok: false, message: "offset" });
    expect(decimalIn("-20,5", offset)).toEqual({ ok: false, message: "offset" });
    expect(decimalIn("-1,5", offset)).toEqual({ ok: true, value: -1.5 });
  });
});

describe("amountOre", () => {
  it("says a negative price is negative, and other text is not an amount", () => {
    expect(amountOre("-5")).toEqual({ ok: false, message: "Prisen kan ikke være negativ. Skriv 0 eller mer." });
    expect(amountOre("kr -120,00")).toMatchObject({ ok: false, message: expect.stringContaining("negativ") });
    expect(amountOre("abc")).toEqual({ ok: false, message: "Skriv et beløp i kroner, f.eks. 120,00" });
    expect(amountOre("1 234,50")).toEqual({ ok: true, value: 123450 });
  });
});

describe("periodProblem", () => {
  it("refuses a period that ends before it starts, naming both dates", () => {
    expect(periodProblem("2026-12-31", "2026-01-01")).toContain("01.01.2026 er før 31.12.2026");
    expect(periodProblem("2026-01-01", "2026-01-01")).toBeNull();
  });
  it("wants both dates or neither when asked", () => {
    expect(periodProblem("2026-01-01", "", { bothOrNeither: true })).toBe("Fyll inn både fra- og til-dato, eller ingen av dem.");
    expect(periodProblem("", "", { bothOrNeither: true })).toBeNull();
  });
  it("speaks the UI language", () => {
    i18n.lang = "en";
    expect(periodProblem("2026-12-31", "2026-01-01")).toContain("The period ends before it starts");
  });
});
