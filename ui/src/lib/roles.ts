// What each role sees in the main menu. The backend enforces the roles; this only hides
// what a role cannot use.
import type { Role } from "./api";
import type { MessageKey } from "./i18n/index.svelte";

export type View =
  | "welcome"
  | "program"
  | "years"
  | "venues"
  | "venue"
  | "import"
  | "holders"
  | "cards"
  | "letters"
  | "reassess"
  | "lookup"
  | "visits"
  | "users"
  | "audit"
  | "payouts"
  | "stats"
  | "feedback";

export type NavItem = { view: View; key: MessageKey; testid: string };

const ITEMS: Record<Exclude<View, "welcome" | "venue">, NavItem> = {
  program: { view: "program", key: "nav.program", testid: "nav-program" },
  years: { view: "years", key: "nav.years", testid: "nav-years" },
  venues: { view: "venues", key: "nav.venues", testid: "nav-venues" },
  import: { view: "import", key: "nav.import", testid: "nav-import" },
  holders: { view: "holders", key: "nav.holders", testid: "nav-holders" },
  cards: { view: "cards", key: "nav.cards", testid: "nav-cards" },
  letters: { view: "letters", key: "nav.letters", testid: "nav-letters" },
  reassess: { view: "reassess", key: "nav.reassess", testid: "nav-reassess" },
  lookup: { view: "lookup", key: "nav.lookup", testid: "nav-lookup" },
  visits: { view: "visits", key: "nav.visits", testid: "nav-visits" },
  users: { view: "users", key: "nav.users", testid: "nav-users" },
  audit: { view: "audit", key: "nav.audit", testid: "nav-audit" },
  payouts: { view: "payouts", key: "nav.payouts", testid: "nav-payouts" },
  stats: { view: "stats", key: "nav.stats", testid: "nav-stats" },
  feedback: { view: "feedback", key: "nav.feedback", testid: "nav-feedback" },
};

/** A group of the main menu: its label (a message key) and its items, in menu order. */
export type NavGroup = { key: MessageKey; items: NavItem[] };

type GroupSpec = { key: MessageKey; views: (keyof typeof ITEMS)[] };

/**
 * Each role's menu in labelled groups, in menu order: the culture office's thirteen pages in
 * four (set-up, cards and families, the year, access), NAV's seven in three, a venue desk's two
 * in one.
 */
const GROUPS: Record<Role, GroupSpec[]> = {
  admin: [
    { key: "nav.group.setup", views: ["program", "years", "venues", "import"] },
    { key: "nav.group.cards", views: ["cards", "letters", "lookup", "visits"] },
    { key: "nav.group.year", views: ["payouts", "stats", "feedback"] },
    { key: "nav.group.access", views: ["users", "audit"] },
  ],
  nav: [
    { key: "nav.group.families", views: ["holders", "cards", "reassess", "lookup"] },
    { key: "nav.group.year", views: ["stats", "feedback"] },
    { key: "nav.group.access", views: ["users"] },
  ],
  venue: [{ key: "nav.group.desk", views: ["lookup", "visits"] }],
};

/** The menu of `role` in its labelled groups (none before anyone logs in). */
export function navGroupsFor(role: Role | null | undefined): NavGroup[] {
  return role ? GROUPS[role].map((g) => ({ key: g.key, items: g.views.map((v) => ITEMS[v]) })) : [];
}

/** The menu items for `role`, in menu order (the groups one after the other). */
export function navFor(role: Role | null | undefined): NavItem[] {
  return navGroupsFor(role).flatMap((g) => g.items);
}

/** The pages `role` may open from its menu. */
const viewsOf = (role: Role): View[] => GROUPS[role].flatMap((g) => g.views);

/** The screen a role starts on. */
export function startView(role: Role): View {
  return role === "admin" ? "venues" : role === "nav" ? "holders" : "lookup";
}

/** True when `role` may see `view` (the welcome page and the venue form belong to admin). */
export function canSee(role: Role | null | undefined, view: View): boolean {
  if (!role) return false;
  if (view === "welcome" || view === "venue") return role === "admin";
  return viewsOf(role).includes(view);
}

/**
 * The roles whose users `role` may create and change, in the order the user form offers them:
 * the culture office its administrators and the venue desks, NAV only its own staff (NAV's
 * key is in NAV's slots alone, so the office cannot make NAV users).
 */
export function managedRoles(role: Role | null | undefined): Role[] {
  if (role === "admin") return ["admin", "venue"];
  if (role === "nav") return ["nav"];
  return [];
}

/**
 * True when the Fil menu (new workspace, open, demo) is shown: to the culture office's
 * administrator, and before anyone has logged in (so a missing or wrong file can be replaced).
 * NAV and the venue desks never switch the program's file.
 */
export function showsFileMenu(role: Role | null | undefined): boolean {
  return role == null || role === "admin";
}
