import { describe, expect, it } from "vitest";
import { formatAccount, formatDate, formatKr, formatKrInput, formatOrgNumber, parseDate, parseKr } from "./format";

describe("formatKr", () => {
  it("formats øre as Norwegian kroner", () => {
    expect(formatKr(0)).toBe("kr 0,00");
    expect(formatKr(5)).toBe("kr 0,05");
    expect(formatKr(12050)).toBe("kr 120,50");
    expect(formatKr(123450)).toBe("kr 1 234,50");
    expect(formatKr(123456789)).toBe("kr 1 234 567,89");
    expect(formatKr(-500)).toBe("kr -5,00");
  });
  it("formats input text without prefix", () => {
    expect(formatKrInput(12000)).toBe("120,00");
  });
});

describe("parseKr", () => {
  it.each([
    ["120", 12000],
    ["120,50", 12050],
    ["120,5", 12050],
    ["1 234,50", 123450],
    ["kr 120", 12000],
    ["Kr 1 234,50", 123450],
    ["120 kr", 12000],
    ["120,-", 12000],
    ["1.234,50", 123450],
    ["120.50", 12050],
    ["  0  ", 0],
    ["1\u00a0234", 123400],
    ["0,01", 1],
  ])("parses %j", (text, ore) => {
    expect(parseKr(text)).toBe(ore);
  });
  it.each(["", "abc", "12,345", "-5", "1,2,3", "kr", "12a", "1e3", "1 2 3 4,5x"])(
    "rejects %j",
    (text) => {
      expect(parseKr(text)).toBeNull();
    },
  );
  it("round-trips", () => {
    for (const ore of [0, 1, 99, 100, 12050, 123450, 99999999]) {
      expect(parseKr(formatKr(ore))).toBe(ore);
    }
  });
});

describe("other formats", () => {
  it("formats dates as dd.mm.åååå", () => {
    expect(formatDate("2025-01-31")).toBe("31.01.2025");
    expect(formatDate(null)).toBe("");
  });
  it("formats org and account numbers", () => {
    expect(formatOrgNumber("974760673")).toBe("974 760 673");
    expect(formatOrgNumber("97476")).toBe("97476");
    expect(formatAccount("86011117947")).toBe("8601 11 17947");
  });
});

describe("parseDate", () => {
  it("reads Norwegian and ISO dates", () => {
    expect(parseDate("31.01.2026")).toBe("2026-01-31");
    expect(parseDate("1.2.2026")).toBe("2026-02-01");
    expect(parseDate("2026-12-31")).toBe("2026-12-31");
  });

  it("refuses impossible and ambiguous dates", () => {
    expect(parseDate("31.02.2026")).toBeNull();
    expect(parseDate("01.02.26")).toBeNull();
    expect(parseDate("02/01/2026")).toBeNull();
    expect(parseDate("")).toBeNull();
  });
});
