import { describe, expect, it } from "vitest";
import { canSee, managedRoles, navFor, navGroupsFor, showsFileMenu } from "./roles";

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

describe("the menu's groups", () => {
  const groups = (role: "admin" | "nav" | "venue") => navGroupsFor(role).map((g) => [g.key, g.items.map((i) => i.view)]);

  it("put the culture office's thirteen pages in set-up, cards and families, the year, and access", () => {
    expect(groups("admin")).toEqual([
      ["nav.group.setup", ["program", "years", "venues", "import"]],
      ["nav.group.cards", ["cards", "letters", "lookup", "visits"]],
      ["nav.group.year", ["payouts", "stats", "feedback"]],
      ["nav.group.access", ["users", "audit"]],
    ]);
  });

  it("put NAV's pages in families, the year, and access, and a venue desk's in one group", () => {
    expect(groups("nav")).toEqual([
      ["nav.group.families", ["holders", "cards", "reassess", "lookup"]],
      ["nav.group.year", ["stats", "feedback"]],
      ["nav.group.access", ["users"]],
    ]);
    expect(groups("venue")).toEqual([["nav.group.desk", ["lookup", "visits"]]]);
  });

  it("are the menu in its order, every page once, each one the role may see", () => {
    for (const role of ["admin", "nav", "venue"] as const) {
      const flat = navGroupsFor(role).flatMap((g) => g.items);
      expect(navFor(role), role).toEqual(flat);
      expect(new Set(flat.map((i) => i.view)).size, role).toBe(flat.length);
      for (const item of flat) expect(canSee(role, item.view), `${role} ${item.view}`).toBe(true);
      for (const group of navGroupsFor(role)) expect(group.items.length, `${role} ${group.key}`).toBeGreaterThan(0);
    }
    expect(navFor("admin").map((i) => i.testid)).toEqual([
      "nav-program", "nav-years", "nav-venues", "nav-import", "nav-cards", "nav-letters", "nav-lookup",
      "nav-visits", "nav-payouts", "nav-stats", "nav-feedback", "nav-users", "nav-audit",
    ]);
  });

  it("are none before anyone has logged in", () => {
    expect(navGroupsFor(null)).toEqual([]);
    expect(navGroupsFor(undefined)).toEqual([]);
    expect(navFor(null)).toEqual([]);
    expect(canSee(null, "venues")).toBe(false);
  });
});
