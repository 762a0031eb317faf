import { describe, expect, it } from "vitest";
import { accountOk, orgNumberOk } from "./checks";

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
