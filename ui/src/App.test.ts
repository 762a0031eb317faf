import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { Agreement, ApiError, DeskStatus, Holder, KitInfo, Program, ProgramYear, Role, SessionInfo, User, Venue } from "./lib/api";
import { i18n } from "./lib/i18n/index.svelte";
import { axeViolations, labelInName } from "./lib/a11y-testing";

type Call = { cmd: string; args: Record<string, unknown> };

/** A small in-memory backend. */
function fakeBackend(
  opts: {
    isNew?: boolean;
    infoError?: ApiError;
    role?: Role | null;
    hasUsers?: boolean;
    isDemo?: boolean;
    holders?: Holder[];
    /** Where a login keeps the unencrypted copy of a workspace it encrypts. */
    convertsTo?: string;
    /** What the save dialog answers (null: cancelled). */
    savePath?: string | null;
    /** This desk's hold on the workspace after a login; `reclaim_desk` answers with `reclaimed`. */
    desk?: DeskStatus;
    reclaimed?: DeskStatus;
    /** The app's file is this venue kit. */
    kit?: KitInfo;
    /** What the open dialog answers. */
    openPath?: string | null;
  } = {},
) {
  const calls: Call[] = [];
  const userOf = (role: Role) => ({
    userId: 1,
    username: role === "admin" ? "kultur" : role,
    role,
    venueId: role === "venue" ? 3 : null,
    venueName: role === "venue" ? "Eksempel Kino" : null,
  });
  let role: Role | null = opts.role === undefined ? "admin" : opts.role;
  let hasUsers = opts.hasUsers ?? true;
  let recoveryPending = false;
  let convertedFrom: string | null = null;
  let desk: DeskStatus = opts.desk ?? { readOnly: false, holder: null, stale: false, message: null };
  const session = (): SessionInfo => ({
    hasUsers,
    user: role ? userOf(role) : null,
    isDemo: opts.isDemo ?? false,
    recoveryPending: role ? recoveryPending : false,
    convertedFrom: role ? convertedFrom : null,
    desk,
  });
  const users: User[] = [
    { id: 1, username: "kultur", role: "admin", venueId: null, active: true, canLogIn: true },
    { id: 2, username: "nav", role: "nav", venueId: null, active: true, canLogIn: true },
    { id: 3, username: "kino", role: "venue", venueId: 3, active: true, canLogIn: true },
    // Made before the workspace was encrypted, not yet given a new password.
    { id: 4, username: "billett", role: "venue", venueId: 3, active: true, canLogIn: false },
  ];
  let lang = "nb";
  let nextId = 100;
  let kit: KitInfo | null = opts.kit ?? null;
  let path = kit ? "/tmp/kino.okortkit" : "/tmp/test.okort";
  let program: Program = {
    municipality: "Eksempel kommune",
    name: "Opplevelseskortet",
    contactName: "",
    contactPhone: "",
    contactEmail: "",
    logoId: null,
    coatOfArmsId: null,
    primaryColour: "#1f5f8b",
    accentColour: "#f2a900", deskIdleMinutes: 15, retentionYears: 3,
  };
  const years: ProgramYear[] = [
    { id: 1, year: 2024, validFrom: "2024-01-01", validTo: "2024-12-31", cardQuota: 300, ageMin: 6, ageMax: 17, companionFree: true, status: "closed", familyCap: null },
    { id: 2, year: 2025, validFrom: "2025-01-01", validTo: "2025-12-31", cardQuota: 350, ageMin: 6, ageMax: 17, companionFree: false, status: "active", familyCap: null },
  ];
  const venues: Venue[] = [];
  const agreements: Agreement[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "get_language":
        return lang;
      case "set_language":
        lang = args.lang as string;
        return null;
      case "session_info":
        return session();
      case "login": {
        const known: Record<string, Role> = { kultur: "admin", nav: "nav", kino: "venue" };
        if (args.password !== "demo1234" || !known[args.username as string]) {
          const err: ApiError = { code: "refused", message: "Feil brukernavn eller passord.", fields: [], rows: [] };
          throw err;
        }
        role = known[args.username as string];
        if (opts.convertsTo) {
          convertedFrom = opts.convertsTo;
          recoveryPending = true;
        }
        return session();
      }
      case "reclaim_desk":
        desk = opts.reclaimed ?? desk;
        return session();
      case "backups_at_login":
        return [{ path: "/tmp/test.okort.backups/test-20261202-101500.okort", fileName: "test-20261202-101500.okort", modified: "2026-12-02T10:15:00+01:00" }];
      case "restore_at_login":
        if (args.username !== "kultur" || args.password !== "demo1234") {
          const err: ApiError = { code: "refused", message: "Feil brukernavn eller passord.", fields: [], rows: [] };
          throw err;
        }
        role = "admin";
        return session();
      case "logout":
        role = null;
        recoveryPending = false;
        convertedFrom = null;
        return session();
      case "create_first_admin":
        hasUsers = true;
        role = "admin";
        recoveryPending = true;
        return session();
      case "plugin:dialog|save":
        return opts.savePath === undefined ? "/tmp/gjenopprettingsark.pdf" : opts.savePath;
      case "save_recovery_sheet":
        recoveryPending = false;
        return session();
      case "renew_recovery":
        recoveryPending = true;
        return session();
      case "list_users":
        return users.filter((u) => (role === "nav" ? u.role === "nav" : u.role !== "nav"));
      case "list_holders":
        return opts.holders ?? [];
      case "list_languages":
        return [
          { code: "nb", name: "norsk bokmål", nb: "norsk bokmål", en: "Norwegian Bokmål" },
          { code: "ti", name: "ትግርኛ", nb: "tigrinja", en: "Tigrinya" },
        ];
      case "letter_languages":
        return [{ lang: "ti", name: "ትግርኛ", nb: "tigrinja", en: "Tigrinya", rtl: false, reviewed: false, reviewedBy: null, reviewedOn: null, edited: 0 }];
      case "list_cards":
      case "holder_summaries":
      case "cards_of_holder":
        return [];
      case "quota_status":
        return { quota: 100, used: 0, left: 100 };
      case "workspace_info":
        if (opts.infoError) throw opts.infoError;
        return { path, isNew: opts.isNew ?? false, schemaVersion: kit ? null : 1, kit };
      case "plugin:dialog|open":
        return opts.openPath === undefined ? null : opts.openPath;
      case "workspace_open":
        // A kit opens at its own login; nobody is logged in to a workspace any more.
        path = String(args.path);
        kit = path.endsWith(".okortkit") ? KIT : null;
        role = null;
        return { path, isNew: false, schemaVersion: null, kit };
      case "kit_login":
        if (args.username !== "kinodisk" || args.password !== "disk-passord-1") {
          const err: ApiError = { code: "refused", message: "Feil brukernavn eller passord.", fields: [], rows: [] };
          throw err;
        }
        return kit;
      case "kit_logout":
        return null;
      case "kit_visits":
        return [];
      case "kit_lookup":
        return {
          state: "valid", number: args.code, scanned: false, status: "handedOut", firstName: "Amira", validFrom: "2026-01-01", validTo: "2026-12-31",
          venue: { venueId: 3, venueName: "Eksempel Kino", hasAgreement: true, visitsPerCard: 5, visitsUsed: 0, visitsLeft: 5, companionFree: true },
        };
      case "workspace_open_demo":
        opts.isNew = false;
        return { path: "demo.okort", isNew: false, schemaVersion: 1 };
      case "get_program":
        return program;
      case "save_program":
        program = { ...program, ...(args.input as object) };
        return program;
      case "list_years":
        return years;
      case "statistics": {
        const visits = { holder: 0, companion: 0 };
        const cards = { assigned: 12, replacements: 0, handedOut: 10, returned: 0, lost: 0, revoked: 0, holders: 12, used: 7, neverUsed: 5 };
        const current = { year: 2025, from: null, to: null, cards, ageBands: [], perHolder: [], visits, unknownDate: visits, venues: [], categories: [], kinds: [], months: [], costs: null };
        const tables = [{ section: "cards", title: "Kort", columns: ["Tall", "2025"], rows: [["Tildelt", "12"]] }];
        return { stats: { current, previous: null }, tables };
      }
      case "list_venues":
        return venues;
      case "questionnaire":
        return {
          id: 1,
          yearId: args.yearId,
          respondent: args.respondent,
          questions: [{ id: 11, position: 1, kind: "yesNo", texts: { nb: "Har dere brukt kortet?" }, choices: [], byCategory: false }],
        };
      case "feedback_responses":
        return [];
      case "new_year_defaults":
        return { id: null, year: args.year, validFrom: `${args.year}-01-01`, validTo: `${args.year}-12-31`, cardQuota: 350, ageMin: 6, ageMax: 17, companionFree: false, status: "planning" };
      case "save_year": {
        const input = args.input as ProgramYear;
        const y = { ...input, id: input.id ?? nextId++ };
        years.push(y);
        return y;
      }
      case "copy_agreements":
        return 7;
      case "save_venue": {
        const input = args.input as Venue;
        if (input.name === "Feil") {
          const err: ApiError = {
            code: "invalid",
            message: "Skjemaet har feil.",
            fields: [{ field: "email", message: "Ugyldig e-postadresse" }],
            rows: [],
          };
          throw err;
        }
        const v = { ...input, id: input.id ?? nextId++, logoId: null };
        venues.push(v);
        return v;
      }
      case "set_venue_logo": {
        const v = venues.find((x) => x.id === args.venueId)!;
        v.logoId = 55;
        return v;
      }
      case "get_image":
        return "data:image/png;base64,AA==";
      case "agreements_for_venue":
        return agreements.filter((a) => a.venueId === args.venueId);
      case "save_agreement": {
        const input = args.input as Agreement;
        const a = { ...input, id: nextId++, year: years.find((y) => y.id === input.yearId)!.year };
        agreements.push(a);
        return a;
      }
      default:
        return null;
    }
  });
  return { calls };
}

const KIT: KitInfo = { programName: "Opplevelseskortet", venueName: "Eksempel Kino", year: 2026, madeAt: "2026-03-01T09:00:00Z", cards: 18 };

afterEach(() => {
  cleanup();
  clearMocks();
  i18n.lang = "nb";
});

describe("App", () => {
  it("shows the welcome page for a new workspace and opens setup", async () => {
    fakeBackend({ isNew: true });
    render(App);
    expect(await screen.findByTestId("welcome")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("start-setup"));
    expect(await screen.findByTestId("program-form")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("program-save"));
    expect((await screen.findByTestId("toast")).textContent).toBe("Lagret");
  });

  it("opens the demo program from the welcome page", async () => {
    const { calls } = fakeBackend({ isNew: true });
    render(App);
    await fireEvent.click(await screen.findByTestId("open-demo"));
    expect(await screen.findByTestId("venue-list")).toBeTruthy();
    expect(calls.some((c) => c.cmd === "workspace_open_demo")).toBe(true);
  });

  it("shows a workspace error prominently", async () => {
    fakeBackend({ infoError: { code: "tooNew", message: "Filen er laget av en nyere versjon.", fields: [], rows: [] } });
    render(App);
    expect((await screen.findByTestId("workspace-error")).textContent).toContain("Filen er laget av en nyere versjon.");
    await fireEvent.click(screen.getByTestId("menu-file"));
    expect(screen.getByTestId("menu-demo")).toBeTruthy();
  });

  it("switches language", async () => {
    const { calls } = fakeBackend();
    render(App);
    await screen.findByTestId("venue-list");
    expect(screen.getByTestId("nav-years").textContent).toBe("Programår");
    await fireEvent.click(screen.getByTestId("lang-en"));
    await waitFor(() => expect(screen.getByTestId("nav-years").textContent).toBe("Program years"));
    expect(calls.find((c) => c.cmd === "set_language")?.args).toEqual({ lang: "en" });
  });

  it("switches to Nynorsk", async () => {
    const { calls } = fakeBackend();
    render(App);
    await screen.findByTestId("venue-list");
    expect(screen.getByTestId("lang-nb").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("lang-nn").textContent).toBe("Nynorsk");
    await fireEvent.click(screen.getByTestId("lang-nn"));
    await waitFor(() => expect(screen.getByTestId("nav-venues").textContent).toBe("Brukarstader"));
    expect(screen.getByTestId("lang-nn").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("lang-nb").getAttribute("aria-pressed")).toBe("false");
    expect(screen.getByTestId("lang-nb").textContent).toBe("Bokmål");
    expect(document.documentElement.lang).toBe("nn");
    expect(calls.find((c) => c.cmd === "set_language")?.args).toEqual({ lang: "nn" });
  });

  it("creates a year and copies last year's agreements", async () => {
    const { calls } = fakeBackend();
    render(App);
    await screen.findByTestId("venue-list");
    await fireEvent.click(screen.getByTestId("nav-years"));
    expect(screen.getByTestId("years").textContent).toContain("01.01.2025–31.12.2025");
    await fireEvent.click(screen.getByTestId("year-copy-2025"));
    expect((await screen.findByTestId("toast")).textContent).toContain("7 avtaler kopiert fra 2024");
    expect(calls.find((c) => c.cmd === "copy_agreements")?.args).toEqual({ fromYearId: 1, toYearId: 2 });
    await fireEvent.click(screen.getByTestId("year-new"));
    await waitFor(() => expect((screen.getByTestId("year-year") as HTMLInputElement).value).toBe("2026"));
    await fireEvent.click(screen.getByTestId("year-save"));
    await waitFor(() => expect(screen.getByTestId("year-copy-2026")).toBeTruthy());
  });

  it("creates a venue with a pending logo, shows field errors and adds an agreement", async () => {
    const { calls } = fakeBackend();
    render(App);
    await fireEvent.click(await screen.findByTestId("venue-new"));
    const name = screen.getByTestId("venue-name") as HTMLInputElement;

    await fireEvent.blur(name);
    expect(screen.getByTestId("error-name")).toBeTruthy();
    const org = screen.getByTestId("venue-orgnr");
    await fireEvent.input(org, { target: { value: "974 760 674" } });
    await fireEvent.blur(org);
    expect(screen.getByTestId("error-orgNumber")).toBeTruthy();
    await fireEvent.input(org, { target: { value: "974 760 673" } });
    await fireEvent.blur(org);
    expect(screen.queryByTestId("error-orgNumber")).toBeNull();

    await fireEvent.input(name, { target: { value: "Feil" } });
    await fireEvent.click(screen.getByTestId("venue-save"));
    expect((await screen.findByTestId("error-email")).textContent).toBe("Ugyldig e-postadresse");

    const ev = new Event("drop", { bubbles: true, cancelable: true });
    const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));
    Object.defineProperty(ev, "dataTransfer", { value: { files: [new File([png], "l.png", { type: "image/png" })] } });
    screen.getByTestId("venue-logo-drop").dispatchEvent(ev);
    await screen.findByTestId("venue-logo-preview");

    await fireEvent.input(name, { target: { value: "Kino Sentrum" } });
    await fireEvent.click(screen.getByTestId("venue-save"));
    expect(await screen.findByTestId("agreements")).toBeTruthy();
    await waitFor(() => expect((screen.getByTestId("agreement-year") as HTMLSelectElement).value).toBe("2"));
    expect(calls.filter((c) => c.cmd === "set_venue_logo")).toHaveLength(1);

    const price = screen.getByTestId("agreement-holder-price");
    await fireEvent.input(price, { target: { value: "abc" } });
    await fireEvent.click(screen.getByTestId("agreement-save"));
    expect(screen.getByTestId("error-holderPriceOre")).toBeTruthy();
    await fireEvent.input(price, { target: { value: "1 234,50" } });
    await fireEvent.click(screen.getByTestId("agreement-free-entry"));
    expect((screen.getByTestId("agreement-visits") as HTMLInputElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("agreement-save"));
    const row = await screen.findByTestId("agreement-row");
    expect(row.textContent).toContain("Fri inngang hele året");
    expect(row.textContent).toContain("kr 1 234,50");
    const saved = calls.find((c) => c.cmd === "save_agreement")?.args.input as Agreement;
    expect(saved.visitsPerCard).toBeNull();
    expect(saved.holderPriceOre).toBe(123450);
    expect(saved.yearId).toBe(2);
  });

  it("shows the menu items of each role", async () => {
    fakeBackend({ role: null, isDemo: true });
    render(App);
    expect(await screen.findByTestId("login")).toBeTruthy();
    expect(screen.getByTestId("login-demo-hint").textContent).toContain("demo1234");
    expect(screen.queryByTestId("nav-program")).toBeNull();
    expect(screen.getByTestId("menu-file")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("menu-file"));
    expect(screen.getByTestId("menu-open")).toBeTruthy();
    expect(screen.queryByTestId("menu-save-copy"), "copies are the culture office's").toBeNull();
    expect(screen.queryByTestId("menu-restore")).toBeNull();
    await fireEvent.click(screen.getByTestId("menu-file"));

    const navIds = () => Array.from(document.querySelectorAll(".nav [data-testid]")).map((e) => e.getAttribute("data-testid"));
    async function loginAs(username: string) {
      await fireEvent.input(screen.getByTestId("login-username"), { target: { value: username } });
      await fireEvent.input(screen.getByTestId("login-password"), { target: { value: "demo1234" } });
      await fireEvent.click(screen.getByTestId("login-submit"));
      await screen.findByTestId("session-user");
    }

    await loginAs("kino");
    expect(await screen.findByTestId("lookup")).toBeTruthy();
    expect(navIds()).toEqual(["nav-lookup", "nav-visits"]);
    expect(screen.queryByTestId("menu-file")).toBeNull();
    expect(screen.getByTestId("session-user").textContent).toContain("Brukersted");

    await fireEvent.click(screen.getByTestId("logout"));
    expect(await screen.findByTestId("login")).toBeTruthy();
    await loginAs("nav");
    expect(await screen.findByTestId("holders")).toBeTruthy();
    expect(navIds()).toEqual(["nav-holders", "nav-cards", "nav-reassess", "nav-lookup", "nav-stats", "nav-feedback", "nav-users"]);
    expect(navIds(), "the letters are the culture office's").not.toContain("nav-letters");
    expect(screen.queryByTestId("menu-file")).toBeNull();

    await fireEvent.click(screen.getByTestId("logout"));
    expect(await screen.findByTestId("login")).toBeTruthy();
    await loginAs("kultur");
    await screen.findByTestId("venue-list");
    expect(screen.getByTestId("menu-file")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("menu-file"));
    expect(screen.getByTestId("menu-save-copy").textContent).toBe("Lagre en kopi…");
    expect(screen.getByTestId("menu-restore").textContent).toBe("Hent fra sikkerhetskopi…");
    expect(navIds()).toEqual([
      "nav-program",
      "nav-years",
      "nav-venues",
      "nav-import",
      "nav-cards",
      "nav-letters",
      "nav-lookup",
      "nav-visits",
      "nav-payouts",
      "nav-stats",
      "nav-feedback",
      "nav-users",
      "nav-audit",
    ]);
  });

  it("opens the letters to families from the culture office's menu, on the active year", async () => {
    const { calls } = fakeBackend();
    render(App);
    await screen.findByTestId("venue-list");
    expect(screen.getByTestId("nav-letters").textContent).toBe("Brev til familiene");
    await fireEvent.click(screen.getByTestId("nav-letters"));
    expect(await screen.findByTestId("letters")).toBeTruthy();
    expect(screen.getByTestId("nav-letters").getAttribute("aria-current")).toBe("page");
    expect((await screen.findByTestId("letters-status")).textContent).toContain("Ikke kontrollert");
    expect(calls.find((c) => c.cmd === "letter_languages")?.args).toEqual({ yearId: 2 });
  });

  it("opens the statistics from the menu, on the active year", async () => {
    const { calls } = fakeBackend();
    render(App);
    await screen.findByTestId("venue-list");
    expect(screen.getByTestId("nav-stats").textContent).toBe("Statistikk");
    await fireEvent.click(screen.getByTestId("nav-stats"));
    expect(await screen.findByTestId("stats")).toBeTruthy();
    expect(screen.getByTestId("nav-stats").getAttribute("aria-current")).toBe("page");
    expect((await screen.findByTestId("stats-figure-assigned")).textContent).toContain("12");
    expect(screen.getByTestId("stats-table-cards")).toBeTruthy();
    expect(calls.find((c) => c.cmd === "statistics")?.args).toEqual({ yearId: 2, from: null, to: null });
  });

  it("opens the feedback from the menu, on the active year, next to the statistics", async () => {
    const { calls } = fakeBackend();
    render(App);
    await screen.findByTestId("venue-list");
    expect(screen.getByTestId("nav-feedback").textContent).toBe("Tilbakemeldinger");
    await fireEvent.click(screen.getByTestId("nav-feedback"));
    expect(await screen.findByTestId("feedback")).toBeTruthy();
    expect(screen.getByTestId("nav-feedback").getAttribute("aria-current")).toBe("page");
    expect((await screen.findByTestId("feedback-q-1")).textContent).toContain("1. Har dere brukt kortet?");
    expect(calls.find((c) => c.cmd === "questionnaire")?.args).toEqual({ yearId: 2, respondent: "family" });
  });

  it("creates the first administrator on a workspace without users", async () => {
    const { calls } = fakeBackend({ role: null, hasUsers: false, isNew: true });
    render(App);
    expect(await screen.findByTestId("first-admin")).toBeTruthy();
    await fireEvent.input(screen.getByTestId("admin-username"), { target: { value: "kari" } });
    await fireEvent.input(screen.getByTestId("admin-password"), { target: { value: "kort" } });
    await fireEvent.input(screen.getByTestId("admin-password2"), { target: { value: "annet" } });
    await fireEvent.click(screen.getByTestId("admin-create"));
    expect(screen.getByTestId("error-password")).toBeTruthy();
    expect(screen.getByTestId("error-password2")).toBeTruthy();
    expect(calls.some((c) => c.cmd === "create_first_admin")).toBe(false);

    await fireEvent.input(screen.getByTestId("admin-password"), { target: { value: "hemmelig1" } });
    await fireEvent.input(screen.getByTestId("admin-password2"), { target: { value: "hemmelig1" } });
    await fireEvent.click(screen.getByTestId("admin-create"));
    expect(await screen.findByTestId("welcome")).toBeTruthy();
    expect(calls.find((c) => c.cmd === "create_first_admin")?.args).toEqual({ username: "kari", password: "hemmelig1" });
  });

  it("returns to the holder list from an open holder by the menu, and names languages in Norwegian", async () => {
    const selam: Holder = {
      id: 5, firstName: "Selam", lastName: "Tesfay", birthDate: "2015-04-03", language: "ti", guardianName: "", guardianPhone: "",
      guardianEmail: "", address: "", navContact: "", navNote: "",
    };
    fakeBackend({ role: "nav", holders: [selam] });
    render(App);
    const list = await screen.findByTestId("holders");
    await waitFor(() => expect(list.querySelector('[data-testid="holder-language-name"]')?.textContent).toBe("ትግርኛ (tigrinja)"));
    await fireEvent.click(screen.getByRole("button", { name: "Tesfay" }));
    expect(await screen.findByTestId("holder-form")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("nav-holders"));
    expect(await screen.findByTestId("holders")).toBeTruthy();
    expect(screen.queryByTestId("holder-form")).toBeNull();
  });

  it("asks for the recovery sheet after set-up until it is saved, then says to print it and delete the file", async () => {
    const { calls } = fakeBackend({ role: null, hasUsers: false, isNew: true, savePath: null });
    render(App);
    await fireEvent.input(await screen.findByTestId("admin-username"), { target: { value: "kari" } });
    await fireEvent.input(screen.getByTestId("admin-password"), { target: { value: "hemmelig1" } });
    await fireEvent.input(screen.getByTestId("admin-password2"), { target: { value: "hemmelig1" } });
    await fireEvent.click(screen.getByTestId("admin-create"));
    const panel = await screen.findByTestId("recovery-panel");
    expect(panel.textContent).toContain("lukket konvolutt");

    // Cancelling the save dialog saves nothing; the panel stays.
    await fireEvent.click(screen.getByTestId("recovery-save"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "plugin:dialog|save")).toBe(true));
    expect(calls.some((c) => c.cmd === "save_recovery_sheet")).toBe(false);
    expect(screen.getByTestId("recovery-panel")).toBeTruthy();
  });

  it("saves the recovery sheet where the user chose and keeps the notice until it is closed", async () => {
    const { calls } = fakeBackend({ role: null, hasUsers: false, isNew: true, savePath: "/home/kari/ark.pdf" });
    render(App);
    await fireEvent.input(await screen.findByTestId("admin-username"), { target: { value: "kari" } });
    await fireEvent.input(screen.getByTestId("admin-password"), { target: { value: "hemmelig1" } });
    await fireEvent.input(screen.getByTestId("admin-password2"), { target: { value: "hemmelig1" } });
    await fireEvent.click(screen.getByTestId("admin-create"));
    await fireEvent.click(await screen.findByTestId("recovery-save"));
    const saved = await screen.findByTestId("recovery-saved");
    expect(saved.textContent).toContain("/home/kari/ark.pdf");
    expect(saved.textContent).toContain("slett deretter filen");
    expect(screen.queryByTestId("recovery-panel")).toBeNull();
    expect(calls.find((c) => c.cmd === "save_recovery_sheet")?.args).toEqual({ path: "/home/kari/ark.pdf" });
    await fireEvent.click(screen.getByTestId("recovery-saved-close"));
    expect(screen.queryByTestId("recovery-saved")).toBeNull();
  });

  it("asks before a logout that would lose recovery keys not yet saved", async () => {
    const { calls } = fakeBackend({ role: null, hasUsers: false, isNew: true });
    render(App);
    await fireEvent.input(await screen.findByTestId("admin-username"), { target: { value: "kari" } });
    await fireEvent.input(screen.getByTestId("admin-password"), { target: { value: "hemmelig1" } });
    await fireEvent.input(screen.getByTestId("admin-password2"), { target: { value: "hemmelig1" } });
    await fireEvent.click(screen.getByTestId("admin-create"));
    await screen.findByTestId("recovery-panel");
    await fireEvent.click(screen.getByTestId("logout"));
    await fireEvent.click(await screen.findByTestId("logout-dialog-cancel"));
    expect(calls.some((c) => c.cmd === "logout")).toBe(false);
    await fireEvent.click(screen.getByTestId("logout"));
    await fireEvent.click(await screen.findByTestId("logout-dialog-confirm"));
    expect(await screen.findByTestId("login")).toBeTruthy();
    expect(calls.some((c) => c.cmd === "logout")).toBe(true);
  });

  it("says where the unencrypted copy is after a login that encrypted the workspace", async () => {
    fakeBackend({ role: null, convertsTo: "/data/program-ukryptert.okort" });
    render(App);
    await fireEvent.input(await screen.findByTestId("login-username"), { target: { value: "kultur" } });
    await fireEvent.input(screen.getByTestId("login-password"), { target: { value: "demo1234" } });
    await fireEvent.click(screen.getByTestId("login-submit"));
    const notice = await screen.findByTestId("converted-notice");
    expect(notice.textContent).toContain("/data/program-ukryptert.okort");
    expect(screen.getByTestId("recovery-panel")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("converted-close"));
    expect(screen.queryByTestId("converted-notice")).toBeNull();
  });

  it("lets NAV manage only NAV users and make a new recovery key, which asks for the sheet", async () => {
    const { calls } = fakeBackend({ role: "nav" });
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-users"));
    await screen.findAllByTestId("user-row");
    expect(screen.getAllByTestId("user-row").map((r) => r.textContent)).toEqual([expect.stringContaining("nav")]);
    expect(screen.getByTestId("users-who").textContent).toContain("NAV styrer sine egne brukere");
    await fireEvent.click(screen.getByTestId("user-new"));
    const options = Array.from((screen.getByTestId("user-role") as HTMLSelectElement).options).map((o) => o.value);
    expect(options).toEqual(["nav"]);
    expect(screen.queryByTestId("user-venue")).toBeNull();

    expect(screen.queryByTestId("recovery-panel")).toBeNull();
    await fireEvent.click(screen.getByTestId("recovery-renew"));
    expect((await screen.findByTestId("renew-dialog")).textContent).toContain("slutter å virke");
    await fireEvent.click(screen.getByTestId("renew-dialog-confirm"));
    expect(await screen.findByTestId("recovery-panel")).toBeTruthy();
    expect(calls.filter((c) => c.cmd === "renew_recovery")).toHaveLength(1);
  });

  it("offers the culture office administrators and venue desks, and asks a new password for a new role", async () => {
    const { calls } = fakeBackend();
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-users"));
    await fireEvent.click(await screen.findByRole("button", { name: "kino" }));
    const select = screen.getByTestId("user-role") as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(["admin", "venue"]);
    await fireEvent.change(select, { target: { value: "admin" } });
    await fireEvent.click(screen.getByTestId("user-save"));
    expect(screen.getByTestId("error-password").textContent).toContain("nytt passord");
    expect(calls.some((c) => c.cmd === "save_user")).toBe(false);
  });

  it("marks a user from before encryption who needs a new password to log in, and asks for one", async () => {
    const { calls } = fakeBackend();
    render(App);
    await fireEvent.click(await screen.findByTestId("nav-users"));
    const marked = await screen.findAllByTestId("user-no-login");
    expect(marked).toHaveLength(1);
    expect(marked[0].closest("tr")?.textContent).toContain("billett");
    await fireEvent.click(screen.getByRole("button", { name: "billett" }));
    await fireEvent.click(screen.getByTestId("user-save"));
    expect(screen.getByTestId("error-password").textContent).toContain("nytt passord");
    expect(calls.some((c) => c.cmd === "save_user")).toBe(false);
  });

  it("shows who holds the workspace above every page while this desk is read-only, until it is free again", async () => {
    const message = "Åpnet av nav1 på NAV-PC-3 siden 09:12. Du kan lese, men ikke endre noe.";
    const { calls } = fakeBackend({
      desk: {
        readOnly: true,
        holder: { username: "nav1", computer: "NAV-PC-3", since: "2026-03-02T08:12:00Z", seen: "2026-03-02T09:40:00Z" },
        stale: false,
        message,
      },
      reclaimed: { readOnly: false, holder: null, stale: false, message: null },
    });
    render(App);
    await screen.findByTestId("venue-list");
    expect(screen.getByTestId("desk-banner").textContent).toContain(message);
    // Reading goes on: the menu works and the banner stays.
    await fireEvent.click(screen.getByTestId("nav-years"));
    expect(await screen.findByTestId("years")).toBeTruthy();
    expect(screen.getByTestId("desk-banner")).toBeTruthy();

    await fireEvent.click(screen.getByTestId("desk-retry"));
    await waitFor(() => expect(screen.queryByTestId("desk-banner")).toBeNull());
    expect((await screen.findByTestId("toast")).textContent).toBe("Du kan nå endre arbeidsfilen.");
    expect(calls.find((c) => c.cmd === "reclaim_desk")?.args).toEqual({ takeOver: false });
    expect(screen.getByTestId("years")).toBeTruthy();
  });

  it("restores a workspace that cannot be opened from the login screen and logs the administrator in", async () => {
    const { calls } = fakeBackend({ role: null });
    render(App);
    await fireEvent.click(await screen.findByTestId("login-restore"));
    await screen.findAllByTestId("login-restore-option");
    await fireEvent.input(screen.getByTestId("login-restore-username"), { target: { value: "kultur" } });
    await fireEvent.input(screen.getByTestId("login-restore-password"), { target: { value: "demo1234" } });
    await fireEvent.click(screen.getByTestId("login-restore-confirm"));
    expect(await screen.findByTestId("venue-list")).toBeTruthy();
    expect(screen.getByTestId("session-user").textContent).toContain("kultur");
    expect(screen.getByTestId("toast").textContent).toContain("hentet tilbake fra sikkerhetskopien");
    expect(calls.find((c) => c.cmd === "restore_at_login")?.args).toEqual({
      from: "/tmp/test.okort.backups/test-20261202-101500.okort",
      username: "kultur",
      password: "demo1234",
    });
  });

  it("is the venue's desk on a venue kit: the kit's login, then the card check, and back to the login on logout", async () => {
    const { calls } = fakeBackend({ role: null, kit: KIT });
    render(App);
    const login = await screen.findByTestId("kit-login");
    expect(login.textContent).toContain("Eksempel Kino");
    expect(login.textContent).toContain("2026 · Opplevelseskortet");
    expect(screen.queryByTestId("login")).toBeNull();
    expect(screen.getByTestId("program-title").textContent).toBe("Opplevelseskortet");
    expect(screen.getByTestId("workspace-path").textContent).toContain("Brukerstedssett: /tmp/kino.okortkit");
    // No workspace is read on a kit.
    expect(calls.some((c) => c.cmd === "get_program")).toBe(false);

    await fireEvent.input(screen.getByTestId("kit-username"), { target: { value: "kinodisk" } });
    await fireEvent.input(screen.getByTestId("kit-password"), { target: { value: "disk-passord-1" } });
    await fireEvent.click(screen.getByTestId("kit-login-submit"));
    expect(await screen.findByTestId("kit-desk")).toBeTruthy();
    expect(screen.getByTestId("kit-session").textContent).toContain("kinodisk");
    expect(screen.getByTestId("kit-session").textContent).toContain("Brukerstedsdisk · Eksempel Kino");
    expect(document.querySelectorAll(".nav [data-testid]")).toHaveLength(0);
    await fireEvent.input(screen.getByTestId("kit-code"), { target: { value: "2026-0001-9" } });
    await fireEvent.submit(screen.getByTestId("kit-code").closest("form")!);
    expect((await screen.findByTestId("kit-state")).textContent).toBe("Gyldig");

    // The File menu stays, without the workspace's copies and restores.
    await fireEvent.click(screen.getByTestId("menu-file"));
    expect(screen.getByTestId("menu-open")).toBeTruthy();
    expect(screen.queryByTestId("menu-save-copy")).toBeNull();
    expect(screen.queryByTestId("menu-restore")).toBeNull();
    await fireEvent.click(screen.getByTestId("menu-file"));

    await fireEvent.click(screen.getByTestId("kit-logout"));
    expect(await screen.findByTestId("kit-login")).toBeTruthy();
    expect(screen.queryByTestId("kit-desk")).toBeNull();
    expect(calls.some((c) => c.cmd === "kit_logout")).toBe(true);
  });

  it("opens a venue kit from File → Open and shows its login", async () => {
    const { calls } = fakeBackend({ role: null, openPath: "/tmp/kino.okortkit" });
    render(App);
    await screen.findByTestId("login");
    await fireEvent.click(screen.getByTestId("menu-file"));
    await fireEvent.click(screen.getByTestId("menu-open"));
    expect(await screen.findByTestId("kit-login")).toBeTruthy();
    const options = calls.find((c) => c.cmd === "plugin:dialog|open")?.args.options as { filters: { extensions: string[] }[] };
    expect(options.filters.flatMap((f) => f.extensions)).toEqual(expect.arrayContaining(["okort", "okortkit"]));
    expect(calls.find((c) => c.cmd === "workspace_open")?.args).toEqual({ path: "/tmp/kino.okortkit" });
    expect((await screen.findByTestId("toast")).textContent).toContain("/tmp/kino.okortkit");
  });

  it("goes back to the kit's login when the backend says the desk is not logged in", async () => {
    fakeBackend({ role: null, kit: KIT });
    render(App);
    await fireEvent.input(await screen.findByTestId("kit-username"), { target: { value: "kinodisk" } });
    await fireEvent.input(screen.getByTestId("kit-password"), { target: { value: "disk-passord-1" } });
    await fireEvent.click(screen.getByTestId("kit-login-submit"));
    await screen.findByTestId("kit-desk");
    mockIPC((cmd) => {
      if (cmd === "kit_lookup") {
        const err: ApiError = { code: "notLoggedIn", message: "Du er ikke logget inn.", fields: [], rows: [] };
        throw err;
      }
      return cmd === "kit_visits" ? [] : null;
    });
    await fireEvent.input(screen.getByTestId("kit-code"), { target: { value: "2026-0001-9" } });
    await fireEvent.submit(screen.getByTestId("kit-code").closest("form")!);
    expect(await screen.findByTestId("kit-login")).toBeTruthy();
  });

  it("passes axe-core's WCAG 2.1 A and AA checks on the first administrator's form, the welcome and the login", async () => {
    const found: string[] = [];
    const check = async (where: string) => {
      for (const v of [...(await axeViolations(document.body)), ...labelInName().map((l) => `label in name: ${l}`)]) {
        found.push(`${where}: ${v}`);
      }
    };
    fakeBackend({ role: null, hasUsers: false, isNew: true });
    render(App);
    await screen.findByTestId("first-admin");
    await check("first-admin");
    await fireEvent.click(screen.getByTestId("admin-create"));
    await screen.findByTestId("error-password");
    await check("first-admin (errors)");
    await fireEvent.input(screen.getByTestId("admin-username"), { target: { value: "kari" } });
    await fireEvent.input(screen.getByTestId("admin-password"), { target: { value: "hemmelig1" } });
    await fireEvent.input(screen.getByTestId("admin-password2"), { target: { value: "hemmelig1" } });
    await fireEvent.click(screen.getByTestId("admin-create"));
    await screen.findByTestId("welcome");
    await check("welcome");
    cleanup();
    clearMocks();

    fakeBackend({ role: null, isDemo: true });
    render(App);
    await screen.findByTestId("login");
    await check("login");
    await fireEvent.click(screen.getByTestId("login-submit"));
    await screen.findByTestId("login-error");
    await check("login (error)");
    expect(found).toEqual([]);
  });
});

// The main menu in the sidebar, the skip link, and where the keyboard's focus goes when the page
// changes (a menu item, a login, a logout).
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
    fakeBackend();
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
    fakeBackend({ role: null });
    render(App);
    await screen.findByTestId("login");
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(document.querySelector(".sidebar")).toBeNull();
    expect(document.querySelector(".frame")!.classList.contains("with-sidebar")).toBe(false);
  });

  it("gives NAV its pages in three groups and a venue desk its two in one", async () => {
    fakeBackend({ role: null });
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
    fakeBackend();
    render(App);
    await screen.findByTestId("venue-list");
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe("the skip link", () => {
  it("is the first tab stop, and takes the focus to the page", async () => {
    fakeBackend();
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
    fakeBackend();
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
    fakeBackend();
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
    fakeBackend();
    render(App);
    await screen.findByTestId("venue-list");
    await pick("nav-lookup");
    await screen.findByTestId("lookup");
    await new Promise((r) => setTimeout(r, 50));
    expect(document.activeElement?.getAttribute("data-testid")).toBe("lookup-code");
  });

  it("waits for the feedback page, which loads when first opened", async () => {
    fakeBackend();
    render(App);
    await screen.findByTestId("venue-list");
    await pick("nav-feedback");
    await waitFor(() => expect(focusedHeading()).toBe("Tilbakemeldinger"), { timeout: 3000 });
  });

  it("goes to the start page's heading after a login, and to the login's user name after a logout", async () => {
    fakeBackend({ role: null });
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
