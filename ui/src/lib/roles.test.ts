import { describe, expect, it } from "vitest";
import { showsFileMenu } from "./roles";

describe("showsFileMenu", () => {
  it("shows the Fil menu to the administrator and before anyone logs in, never to NAV or a venue desk", () => {
    expect(showsFileMenu("admin")).toBe(true);
    expect(showsFileMenu(null)).toBe(true);
    expect(showsFileMenu("nav")).toBe(false);
    expect(showsFileMenu("venue")).toBe(false);
  });
});
