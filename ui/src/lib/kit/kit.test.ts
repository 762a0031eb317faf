import { describe, expect, it } from "vitest";
import { deskUsername, kitFileName, lastMonth, monthName, monthPeriod, monthsOf, periodOfMonth, slug, thisMonth, withExtension } from "./kit";

describe("kit periods", () => {
  it("gives a month from its first to its last day, leap years included", () => {
    expect(monthPeriod(2026, 2)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthPeriod(2028, 2)).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthPeriod(2026, 12)).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(periodOfMonth("2026-04")).toEqual({ from: "2026-04-01", to: "2026-04-30" });
  });

  it("knows this month and last month, across the new year", () => {
    expect(thisMonth("2026-06-15")).toEqual({ from: "2026-06-01", to: "2026-06-30" });
    expect(lastMonth("2026-06-15")).toEqual({ from: "2026-05-01", to: "2026-05-31" });
    expect(lastMonth("2026-01-03")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("lists the twelve months of the kit's year and names them in the app's language", () => {
    expect(monthsOf(2026)).toHaveLength(12);
    expect(monthsOf(2026)[0]).toBe("2026-01");
    expect(monthsOf(2026)[11]).toBe("2026-12");
    expect(monthName("2026-03", "en")).toBe("March 2026");
    expect(monthName("2026-03", "nb").toLowerCase()).toContain("2026");
    expect(monthName("2026-03", "nn")).toBe("mars 2026");
  });
});

describe("kit names", () => {
  it("makes plain names of venue names", () => {
    expect(slug("Eksempel Kino")).toBe("eksempel-kino");
    expect(slug("Bærum Svømmehall – Øst/Å")).toBe("baerum-svommehall-ost-a");
    expect(slug("Café Élan")).toBe("cafe-elan");
    expect(deskUsername("Eksempel Kino")).toBe("eksempel-kino-disk");
    expect(deskUsername("!!")).toBe("disk");
    expect(kitFileName("Eksempel Kino", 2026)).toBe("eksempel-kino-2026.okortkit");
  });

  it("adds the extension only when the name has none", () => {
    expect(withExtension("/tmp/kino", "okortkit")).toBe("/tmp/kino.okortkit");
    expect(withExtension("/tmp/kino.OKORTKIT", "okortkit")).toBe("/tmp/kino.OKORTKIT");
    expect(withExtension("/tmp/rapport.csv", "csv")).toBe("/tmp/rapport.csv");
    expect(withExtension("/tmp/rapport.csv", "xlsx")).toBe("/tmp/rapport.csv.xlsx");
  });
});
