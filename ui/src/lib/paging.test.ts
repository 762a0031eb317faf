import { describe, expect, it } from "vitest";
import { matchesSearch, pageOf } from "./paging";

describe("pageOf", () => {
  const items = Array.from({ length: 339 }, (_, i) => i + 1);
  it("gives one page of rows and where it is", () => {
    expect(pageOf(items, 2)).toMatchObject({ page: 2, pages: 14, first: 26, last: 50 });
    expect(pageOf(items, 14).rows).toEqual([326, 327, 328, 329, 330, 331, 332, 333, 334, 335, 336, 337, 338, 339]);
  });
  it("keeps the page within the pages there are", () => {
    expect(pageOf(items, 99).page).toBe(14);
    expect(pageOf(items, 0).page).toBe(1);
    expect(pageOf([], 3)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0, rows: [] });
  });
});

describe("matchesSearch", () => {
  it("matches any field, ignoring case and extra spaces", () => {
    expect(matchesSearch("  SELAM  ", "2026-0042-9", "Selam Tesfay")).toBe(true);
    expect(matchesSearch("0042", "2026-0042-9")).toBe(true);
    expect(matchesSearch("ola", "Kari", null)).toBe(false);
    expect(matchesSearch("", "x")).toBe(true);
  });
});
