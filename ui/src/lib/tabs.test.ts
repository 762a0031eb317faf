import { describe, expect, it } from "vitest";
import { tabAfterKey } from "./tabs";

describe("tabAfterKey", () => {
  const tabs = ["a", "b", "c"] as const;
  it("moves with the arrows round the ends, and to the ends with Home and End", () => {
    expect(tabAfterKey(tabs, "a", "ArrowRight")).toBe("b");
    expect(tabAfterKey(tabs, "c", "ArrowRight")).toBe("a");
    expect(tabAfterKey(tabs, "a", "ArrowLeft")).toBe("c");
    expect(tabAfterKey(tabs, "b", "Home")).toBe("a");
    expect(tabAfterKey(tabs, "a", "End")).toBe("c");
  });
  it("leaves other keys alone", () => {
    expect(tabAfterKey(tabs, "a", "Enter")).toBeNull();
    expect(tabAfterKey([], "a", "ArrowRight")).toBeNull();
  });
});
