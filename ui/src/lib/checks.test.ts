import { describe, expect, it } from "vitest";
import { accountOk, cardNumberProblem, damm, formatCardNumber, orgNumberOk } from "./checks";

describe("orgNumberOk", () => {
  it("accepts valid numbers, ignoring spaces and dots", () => {
    expect(orgNumberOk("974760673")).toBe(true);
    expect(orgNumberOk("974 760 673")).toBe(true);
    expect(orgNumberOk("974.760.673")).toBe(true);
    expect(orgNumberOk("923609016")).toBe(true);
  });
  it("rejects wrong check digits, lengths and letters", () => {
    expect(orgNumberOk("974760674")).toBe(false);
    expect(orgNumberOk("97476067")).toBe(false);
    expect(orgNumberOk("9747606730")).toBe(false);
    expect(orgNumberOk("97476067a")).toBe(false);
    expect(orgNumberOk("")).toBe(false);
  });
  it("treats remainder 1 (check 10) as invalid", () => {
    // prefix "40000000": sum = 4 * 3 = 12, 12 % 11 = 1, 11 - 1 = 10 ⇒ no valid check digit
    for (let d = 0; d <= 9; d++) expect(orgNumberOk(`40000000${d}`)).toBe(false);
  });
});

describe("accountOk", () => {
  it("accepts valid account numbers", () => {
    expect(accountOk("86011117947")).toBe(true);
    expect(accountOk("8601 11 17947")).toBe(true);
    expect(accountOk("8601.11.17947")).toBe(true);
  });
  it("rejects invalid ones", () => {
    expect(accountOk("86011117948")).toBe(false);
    expect(accountOk("8601111794")).toBe(false);
    expect(accountOk("")).toBe(false);
  });
});

describe("card numbers", () => {
  it("computes the Damm check digit of the published example", () => {
    expect(damm("572")).toBe(4);
    expect(damm("5724")).toBe(0);
  });

  it("accepts the example number of the help texts, however it is typed", () => {
    expect(cardNumberProblem("2026-0042-9")).toBeNull();
    expect(cardNumberProblem(" 202600429 ")).toBeNull();
    expect(cardNumberProblem("2026 0042 9")).toBeNull();
  });

  it("names a mistyped digit or a swap as a check digit problem", () => {
    const good = "202600429";
    for (let pos = 0; pos < good.length; pos++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[pos]) continue;
        const typo = good.slice(0, pos) + d + good.slice(pos + 1);
        if (typo.slice(4, 8) === "0000") continue;
        expect(cardNumberProblem(typo), typo).toBe("checkDigit");
      }
    }
    expect(cardNumberProblem("2026-0024-9")).toBe("checkDigit");
  });

  it("names anything that is not nine digits a format problem", () => {
    for (const bad of ["", "2026-42", "2026-0042", "2026-0042-77", "abcd-efgh-i", "2026-0000-0"]) {
      expect(cardNumberProblem(bad), bad).toBe("format");
    }
  });

  it("writes nine digits the way the card prints them", () => {
    expect(formatCardNumber("202600429")).toBe("2026-0042-9");
    expect(formatCardNumber(" 2026 0042 9 ")).toBe("2026-0042-9");
    expect(formatCardNumber("2026-42")).toBe("2026-42");
  });
});
