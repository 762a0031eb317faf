import { describe, expect, it } from "vitest";
import { canSee, managedRoles, navFor, showsFileMenu } from "./roles";

describe("showsFileMenu", () => {
  it("shows the Fil menu to the administrator and before anyone logs in, never to NAV or a venue desk", () => {
    expect(showsFileMenu("admin")).toBe(true);
    expect(showsFileMenu(null)).toBe(true);
    expect(showsFileMenu("nav")).toBe(false);
    expect(showsFileMenu("venue")).toBe(false);
  });
});

describe("the Users page", () => {
  it("is in the menu of the culture office and of NAV, not of a venue desk", () => {
    expect(navFor("admin").map((i) => i.view)).toContain("users");
    expect(navFor("nav").map((i) => i.view)).toContain("users");
    expect(navFor("venue").map((i) => i.view)).not.toContain("users");
    expect(canSee("nav", "users")).toBe(true);
    expect(canSee("venue", "users")).toBe(false);
  });

  it("offers the culture office administrators and venue desks, and NAV only NAV", () => {
    expect(managedRoles("admin")).toEqual(["admin", "venue"]);
    expect(managedRoles("nav")).toEqual(["nav"]);
    expect(managedRoles("venue")).toEqual([]);
    expect(managedRoles(null)).toEqual([]);
  });
});

describe("the letters to families", () => {
  it("are the culture office's page, next to the cards; NAV and the venues do not see it", () => {
    const admin = navFor("admin").map((i) => i.view);
    expect(admin.indexOf("letters")).toBe(admin.indexOf("cards") + 1);
    expect(navFor("admin").find((i) => i.view === "letters")?.testid).toBe("nav-letters");
    expect(canSee("admin", "letters")).toBe(true);
    expect(navFor("nav").map((i) => i.view)).not.toContain("letters");
    expect(canSee("nav", "letters")).toBe(false);
    expect(canSee("venue", "letters")).toBe(false);
  });
});

describe("the statistics", () => {
  it("are shown to the culture office and NAV, not to a venue desk", () => {
    expect(navFor("admin").find((i) => i.view === "stats")).toEqual({ view: "stats", key: "nav.stats", testid: "nav-stats" });
    expect(navFor("nav").map((i) => i.view)).toContain("stats");
    expect(navFor("venue").map((i) => i.view)).not.toContain("stats");
    expect(canSee("admin", "stats")).toBe(true);
    expect(canSee("nav", "stats")).toBe(true);
    expect(canSee("venue", "stats")).toBe(false);
  });

  it("come after the payouts in the culture office's menu", () => {
    const admin = navFor("admin").map((i) => i.view);
    expect(admin.indexOf("stats")).toBe(admin.indexOf("payouts") + 1);
  });
});

describe("the feedback", () => {
  it("is shown to the culture office and NAV after the statistics, not to a venue desk", () => {
    expect(navFor("admin").find((i) => i.view === "feedback")).toEqual({ view: "feedback", key: "nav.feedback", testid: "nav-feedback" });
    for (const role of ["admin", "nav"] as const) {
      const views = navFor(role).map((i) => i.view);
      expect(views.indexOf("feedback"), role).toBe(views.indexOf("stats") + 1);
      expect(canSee(role, "feedback")).toBe(true);
    }
    expect(navFor("venue").map((i) => i.view)).not.toContain("feedback");
    expect(canSee("venue", "feedback")).toBe(false);
  });
});
