import { describe, expect, it } from "vitest";
import { collationLocale, dateLocale } from "./locale";

describe("locale", () => {
  it("sorts in the UI's language", () => {
    expect(collationLocale("nb")).toBe("nb");
    expect(collationLocale("nn")).toBe("nn");
    expect(collationLocale("en")).toBe("en");
  });
  it("names months in the UI's language", () => {
    expect(dateLocale("nb")).toBe("nb-NO");
    expect(dateLocale("nn")).toBe("nn-NO");
    expect(dateLocale("en")).toBe("en-GB");
  });
  it("sorts æ, ø and å last in both Norwegian written languages", () => {
    const names = ["Åsane", "Ørsta", "Zinkgruva", "Ærfuglen", "Bergen"];
    for (const lang of ["nb", "nn"]) {
      expect([...names].sort(new Intl.Collator(collationLocale(lang)).compare)).toEqual([
        "Bergen",
        "Zinkgruva",
        "Ærfuglen",
        "Ørsta",
        "Åsane",
      ]);
    }
  });
});
