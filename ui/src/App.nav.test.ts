// The main menu in the sidebar, the skip link, and where the keyboard's focus goes when the page
// changes (a menu item, a login, a logout).
import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { ApiError, Role, SessionInfo } from "./lib/api";
import { i18n } from "./lib/i18n/index.svelte";
import { axeViolations } from "./lib/a11y-testing";

/** Just enough backend for the shell: a session, a program, two years, no venues. */
function backend(start: Role | null = "admin") {
  let role: Role | null = start;
  let lang = "nb";
  const session = (): SessionInfo => ({
    hasUsers: true,
    user: role ? { userId: 1, username: role === "admin" ? "kultur" : role, role, venueId: role === "venue" ? 3 : null, venueName: role === "venue" ? "Eksempel Kino" : null } : null,
    isDemo: false,
    recoveryPending: false,
    convertedFrom: null,
    desk: { readOnly: false, holder: null, stale: false, message: null },
  });
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case "get_language":
        return lang;
      case "set_language":
        lang = args.lang as string;
        return null;
      case "session_info":
        return session();
      case "workspace_info":
        return { path: "/tmp/test.okort", isNew: false, schemaVersion: 1, kit: null };
      case "login": {
        const known: Record<string, Role> = { kultur: "admin", nav: "nav", kino: "venue" };
        if (args.password !== "demo1234" || !known[args.username as string]) {
          const err: ApiError = { code: "refused", message: "Feil brukernavn eller passord.", fields: [], rows: [] };
          throw err;
        }
        role = known[args.username as string];
        return session();
      }
      case "logout":
        role = null;
        return session();
      case "get_program":
        return {
          municipality: "Eksempel kommune", name: "Opplevelseskortet", contactName: "", contactPhone: "", contactEmail: "",
          logoId: null, coatOfArmsId: null, primaryColour: "#1f5f8b", accentColour: "#f2a900", deskIdleMinutes: 15, retentionYears: 3,
        };
      case "list_years":
        return [
          { id: 2, year: 2025, validFrom: "2025-01-01", validTo: "2025-12-31", cardQuota: 350, ageMin: 6, ageMax: 17, companionFree: false, status: "active", familyCap: null },
        ];
      case "list_venues":
      case "list_users":
      case "list_holders":
      case "list_cards":
      case "holder_summaries":
      case "feedback_responses":
        return [];
      default:
        return null;
    }
  });
}

afterEach(() => {
  cleanup();
  clearMocks();
  i18n.lang = "nb";
});

/** Clicks a menu item as a keyboard user picks it: the focus is on it first. */
async function pick(testid: string) {
  const button = screen.getByTestId(testid);
  button.focus();
  await fireEvent.click(button);
}

async function loginAs(username: string) {
  await fireEvent.input(screen.getByTestId("login-username"), { target: { value: username } });
  await fireEvent.input(screen.getByTestId("login-password"), { target: { value: "demo1234" } });
  screen.getByTestId("login-submit").focus();
  await fireEvent.click(screen.getByTestId("login-submit"));
  await screen.findByTestId("session-user");
}

const focusedHeading = () => {
  const active = document.activeElement as HTMLElement | null;
  return active?.tagName === "H1" ? active.textContent : `not a heading: ${active?.tagName} ${active?.getAttribute("data-testid")}`;
};

describe("the main menu", () => {
  it("is in the sidebar in labelled groups, each a list of the menu's buttons", async () => {
    backend();
    render(App);
    await screen.findByTestId("venue-list");
    const nav = screen.getByRole("navigation", { name: "Hovedmeny" });
    expect(nav.closest(".sidebar")).toBeTruthy();
    expect(nav.closest("header")).toBeNull();
    const groups = within(nav)
      .getAllByRole("list")
      .map((list) => [list.getAttribute("aria-labelledby") && document.getElementById(list.getAttribute("aria-labelledby")!)?.textContent, within(list).getAllByRole("button").map((b) => b.getAttribute("data-testid"))]);
    expect(groups).toEqual([
      ["Oppsett", ["nav-program", "nav-years", "nav-venues", "nav-import"]],
      ["Kort og familier", ["nav-cards", "nav-letters", "nav-lookup", "nav-visits"]],
      ["Året", ["nav-payouts", "nav-stats", "nav-feedback"]],
      ["Tilgang", ["nav-users", "nav-audit"]],
    ]);
    // A list is named by its group's visible label.
    expect(within(nav).getByRole("list", { name: "Tilgang" })).toBeTruthy();
    expect(screen.getByTestId("nav-venues").getAttribute("aria-current")).toBe("page");
    expect(screen.getByTestId("nav-venues").classList.contains("active")).toBe(true);
    expect(document.querySelector(".frame")!.classList.contains("with-sidebar")).toBe(true);

    await fireEvent.click(screen.getByTestId("lang-en"));
    await waitFor(() => expect(within(nav).getByRole("list", { name: "Cards and families" })).toBeTruthy());
    expect(within(nav).getByRole("list", { name: "Set-up" })).toBeTruthy();
  });

  it("is not there before a login: the login has the whole width", async () => {
    backend(null);
    render(App);
    await screen.findByTestId("login");
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(document.querySelector(".sidebar")).toBeNull();
    expect(document.querySelector(".frame")!.classList.contains("with-sidebar")).toBe(false);
  });

  it("gives NAV its pages in three groups and a venue desk its two in one", async () => {
    backend(null);
    render(App);
    await screen.findByTestId("login");
    const labels = () => [...document.querySelectorAll(".nav-group-label")].map((l) => l.textContent);
    await loginAs("nav");
    await screen.findByTestId("holders");
    expect(labels()).toEqual(["Familier", "Året", "Tilgang"]);
    await fireEvent.click(screen.getByTestId("logout"));
    await screen.findByTestId("login");
    await loginAs("kino");
    await screen.findByTestId("lookup");
    expect(labels()).toEqual(["Skranken"]);
  });

  it("passes axe-core's WCAG 2.1 A and AA checks with the sidebar and the skip link", async () => {
    backend();
    render(App);
    await screen.findByTestId("venue-list");
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe("the skip link", () => {
  it("is the first tab stop, and takes the focus to the page", async () => {
    backend();
    render(App);
    await screen.findByTestId("venue-list");
    const first = document.querySelector("a[href], button:not(:disabled), input, select, textarea, [tabindex]:not([tabindex='-1'])");
    expect(first?.getAttribute("data-testid")).toBe("skip-link");
    const link = screen.getByTestId("skip-link");
    expect(link.textContent).toBe("Hopp til hovedinnhold");
    link.focus();
    await fireEvent.click(link);
    const main = document.getElementById("main")!;
    expect(main.tagName).toBe("MAIN");
    expect(main.getAttribute("tabindex")).toBe("-1");
    expect(document.activeElement).toBe(main);
  });

  it("is said in Nynorsk and English too", async () => {
    backend();
    render(App);
    await screen.findByTestId("venue-list");
    await fireEvent.click(screen.getByTestId("lang-nn"));
    await waitFor(() => expect(screen.getByTestId("skip-link").textContent).toBe("Hopp til hovudinnhaldet"));
    await fireEvent.click(screen.getByTestId("lang-en"));
    await waitFor(() => expect(screen.getByTestId("skip-link").textContent).toBe("Skip to main content"));
  });
});

describe("the focus", () => {
  it("goes to the new page's heading when a menu item is picked", async () => {
    backend();
    render(App);
    await screen.findByTestId("venue-list");
    await pick("nav-years");
    await waitFor(() => expect(focusedHeading()).toBe("Programår"));
    expect(document.activeElement!.getAttribute("tabindex")).toBe("-1");
    // The same item again: the page starts over, and the focus goes to its heading again.
    await pick("nav-years");
    await waitFor(() => expect(focusedHeading()).toBe("Programår"));
  });

  it("stays in the card check's number field, where the page puts it for the desk's scanner", async () => {
    backend();
    render(App);
    await screen.findByTestId("venue-list");
    await pick("nav-lookup");
    await screen.findByTestId("lookup");
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement?.getAttribute("data-testid")).toBe("lookup-code");
  });

  it("waits for the feedback page, which loads when first opened", async () => {
    backend();
    render(App);
    await screen.findByTestId("venue-list");
    await pick("nav-feedback");
    await waitFor(() => expect(focusedHeading()).toBe("Tilbakemeldinger"), { timeout: 3000 });
  });

  it("goes to the start page's heading after a login, and to the login's user name after a logout", async () => {
    backend(null);
    render(App);
    await screen.findByTestId("login");
    await loginAs("kultur");
    await screen.findByTestId("venue-list");
    await waitFor(() => expect(focusedHeading()).toBe("Brukersteder"));

    screen.getByTestId("logout").focus();
    await fireEvent.click(screen.getByTestId("logout"));
    await screen.findByTestId("login");
    await waitFor(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("login-username"));
  });
});
