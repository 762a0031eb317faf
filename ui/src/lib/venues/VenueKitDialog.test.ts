import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { Agreement, ApiError, KitSummary, ProgramYear, Role, Venue } from "../api";
import { notices } from "../notify.svelte";
import VenueForm from "./VenueForm.svelte";
import VenueKitDialog from "./VenueKitDialog.svelte";

type Call = { cmd: string; args: Record<string, unknown> };

afterEach(() => {
  cleanup();
  clearMocks();
  notices.toast = null;
  notices.error = null;
});

const agreement = (yearId: number, year: number): Agreement => ({
  id: yearId, venueId: 3, yearId, year, visitsPerCard: 5, companionFree: true, notCovered: "", compensation: "share", sharePercent: 50,
  holderPriceOre: 12000, companionPriceOre: 0, periodFrom: null, periodTo: null, signedOn: null,
});

const venue: Venue = {
  id: 3, name: "Eksempel Kino", category: "cinema", address: "", contactPerson: "", phone: "", email: "", orgNumber: "", bankAccount: "",
  logoId: null, active: true, staffNote: "",
};

const years: ProgramYear[] = [
  { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: null },
];

function backend(
  opts: { agreements?: Agreement[]; savePath?: string | null; make?: (args: Record<string, unknown>) => KitSummary } = {},
) {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "agreements_for_venue":
        return opts.agreements ?? [agreement(1, 2025), agreement(2, 2026)];
      case "plugin:dialog|save":
        return opts.savePath === undefined ? "/tmp/kino" : opts.savePath;
      case "make_venue_kit":
        if (opts.make) return opts.make(args);
        return { path: String(args.path), venueName: "Eksempel Kino", year: Number(args.year), cards: 18, visitsKept: 0 };
      default:
        return null;
    }
  });
  return calls;
}

function open(onclose: () => void = () => {}) {
  return render(VenueKitDialog, { props: { venueId: 3, venueName: "Eksempel Kino", onclose } });
}

const type = (testid: string, value: string) => fireEvent.input(screen.getByTestId(testid), { target: { value } });

describe("making a venue kit", () => {
  it("offers the years the venue has an agreement for, a desk user name from the venue's name, and says what the kit holds", async () => {
    backend();
    open();
    const year = (await screen.findByTestId("venue-kit-year")) as HTMLSelectElement;
    expect(Array.from(year.options).map((o) => o.value)).toEqual(["2026", "2025"]);
    expect((screen.getByTestId("venue-kit-username") as HTMLInputElement).value).toBe("eksempel-kino-disk");
    const dialog = screen.getByTestId("venue-kit-dialog");
    expect(dialog.getAttribute("role")).toBe("dialog");
    expect(dialog.textContent).toContain("bare fornavn og kortnummer");
    expect(dialog.textContent).toContain("passordet separat");
    expect(dialog.textContent).toContain("beholdes besøkene");
    expect(screen.getByTestId("venue-kit-save").textContent).toBe("Lagre settet…");
  });

  it("checks the password in the form: too short, then not repeated the same", async () => {
    const calls = backend();
    open();
    await screen.findByTestId("venue-kit-year");
    await type("venue-kit-password", "kort");
    await type("venue-kit-password2", "kort");
    await fireEvent.click(screen.getByTestId("venue-kit-save"));
    expect(screen.getByTestId("venue-kit-error-password").textContent).toBe("Passordet må ha minst 8 tegn.");
    expect(screen.getByTestId("venue-kit-password").getAttribute("aria-invalid")).toBe("true");

    await type("venue-kit-password", "disk-passord-1");
    await type("venue-kit-password2", "disk-passord-2");
    await fireEvent.click(screen.getByTestId("venue-kit-save"));
    expect(screen.queryByTestId("venue-kit-error-password")).toBeNull();
    expect(screen.getByTestId("venue-kit-error-password2").textContent).toBe("Passordene er ikke like.");

    await type("venue-kit-username", "  ");
    await fireEvent.click(screen.getByTestId("venue-kit-save"));
    expect(screen.getByTestId("venue-kit-error-username").textContent).toBe("Må fylles ut");
    expect(calls.some((c) => c.cmd === "plugin:dialog|save" || c.cmd === "make_venue_kit")).toBe(false);
  });

  it("saves the kit where the office chooses, with the year and the desk's login, and says where and how many cards", async () => {
    const calls = backend();
    let closed = false;
    open(() => (closed = true));
    await fireEvent.change(await screen.findByTestId("venue-kit-year"), { target: { value: "2025" } });
    await type("venue-kit-username", " kinodisk ");
    await type("venue-kit-password", "disk-passord-1");
    await type("venue-kit-password2", "disk-passord-1");
    await fireEvent.click(screen.getByTestId("venue-kit-save"));
    await waitFor(() => expect(closed).toBe(true));
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")?.args.options as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(dialog.defaultPath).toBe("eksempel-kino-2025.okortkit");
    expect(dialog.filters[0].extensions).toEqual(["okortkit"]);
    expect(calls.find((c) => c.cmd === "make_venue_kit")?.args).toEqual({
      venueId: 3,
      year: 2025,
      deskUsername: "kinodisk",
      deskPassword: "disk-passord-1",
      path: "/tmp/kino.okortkit",
    });
    expect(notices.toast).toBe("Settet er lagret i /tmp/kino.okortkit (18 kort)");
  });

  it("says how many visits a refreshed kit kept", async () => {
    backend({ savePath: "/tmp/kino-2026.okortkit", make: (a) => ({ path: String(a.path), venueName: "Eksempel Kino", year: 2026, cards: 19, visitsKept: 4 }) });
    open();
    await screen.findByTestId("venue-kit-year");
    await type("venue-kit-password", "disk-passord-1");
    await type("venue-kit-password2", "disk-passord-1");
    await fireEvent.click(screen.getByTestId("venue-kit-save"));
    await waitFor(() => expect(notices.toast).toBe("Settet er lagret i /tmp/kino-2026.okortkit (19 kort). 4 besøk fra det gamle settet er beholdt."));
  });

  it("makes nothing when the save dialog is cancelled", async () => {
    const calls = backend({ savePath: null });
    let closed = false;
    open(() => (closed = true));
    await screen.findByTestId("venue-kit-year");
    await type("venue-kit-password", "disk-passord-1");
    await type("venue-kit-password2", "disk-passord-1");
    await fireEvent.click(screen.getByTestId("venue-kit-save"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "plugin:dialog|save")).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.some((c) => c.cmd === "make_venue_kit")).toBe(false);
    expect(closed).toBe(false);
    expect(screen.getByTestId("venue-kit-dialog")).toBeTruthy();
  });

  it("shows the backend's refusal in the dialog: on its field, or as a message", async () => {
    let answer: ApiError = { code: "invalid", message: "Skjemaet har feil.", fields: [{ field: "password", message: "Passordet er for kort." }], rows: [] };
    backend({
      make: () => {
        throw answer;
      },
    });
    open();
    await screen.findByTestId("venue-kit-year");
    await type("venue-kit-password", "disk-passord-1");
    await type("venue-kit-password2", "disk-passord-1");
    await fireEvent.click(screen.getByTestId("venue-kit-save"));
    expect((await screen.findByTestId("venue-kit-error-password")).textContent).toBe("Passordet er for kort.");

    answer = { code: "refused", message: "Filen er settet til Badet for 2026.", fields: [], rows: [] };
    await type("venue-kit-password", "disk-passord-1");
    await type("venue-kit-password2", "disk-passord-1");
    await fireEvent.click(screen.getByTestId("venue-kit-save"));
    const problem = await screen.findByTestId("venue-kit-error");
    expect(problem.textContent).toBe("Filen er settet til Badet for 2026.");
    expect(problem.getAttribute("role")).toBe("alert");
    expect(screen.getByTestId("venue-kit-dialog")).toBeTruthy();
  });

  it("says a venue without an agreement must get one first", async () => {
    const calls = backend({ agreements: [] });
    open();
    expect((await screen.findByTestId("venue-kit-no-agreement")).textContent).toContain("Eksempel Kino har ingen avtale");
    expect(screen.queryByTestId("venue-kit-year")).toBeNull();
    await type("venue-kit-password", "disk-passord-1");
    await type("venue-kit-password2", "disk-passord-1");
    await fireEvent.click(screen.getByTestId("venue-kit-save"));
    expect(calls.some((c) => c.cmd === "plugin:dialog|save")).toBe(false);
  });

  it("cancels with Escape and makes nothing", async () => {
    const calls = backend();
    let closed = false;
    open(() => (closed = true));
    await screen.findByTestId("venue-kit-year");
    await fireEvent.keyDown(screen.getByTestId("venue-kit-dialog"), { key: "Escape" });
    expect(closed).toBe(true);
    expect(calls.some((c) => c.cmd === "make_venue_kit")).toBe(false);
  });
});

describe("the venue page's kit button", () => {
  const show = (role: Role | null) =>
    render(VenueForm, { props: { venue, years, role, onSaved: () => {}, onBack: () => {}, onGoYears: () => {} } });

  it("is the culture office's: it opens the dialog for the venue shown", async () => {
    backend();
    show("admin");
    expect(screen.getByTestId("venue-kit").textContent).toBe("Lag brukerstedssett…");
    await fireEvent.click(screen.getByTestId("venue-kit"));
    expect((await screen.findByTestId("venue-kit-dialog")).textContent).toContain("Brukerstedssett for Eksempel Kino");
    await fireEvent.click(screen.getByTestId("venue-kit-dialog-cancel"));
    expect(screen.queryByTestId("venue-kit-dialog")).toBeNull();
  });

  for (const role of ["nav", "venue", null] as const) {
    it(`is not shown to ${role ?? "nobody logged in"}`, async () => {
      backend();
      show(role);
      await screen.findByTestId("agreements");
      expect(screen.queryByTestId("venue-kit")).toBeNull();
    });
  }

  it("is not shown for a venue not saved yet", () => {
    backend();
    render(VenueForm, { props: { venue: null, years, role: "admin", onSaved: () => {}, onBack: () => {}, onGoYears: () => {} } });
    expect(screen.queryByTestId("venue-kit")).toBeNull();
  });
});

describe("the venue page's staff sheet and report template", () => {
  it("prints the sheet of this venue for the newest year, and saves the template as the file chosen", async () => {
    const calls: Call[] = [];
    let savePath = "/tmp/ark.pdf";
    mockIPC((cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      switch (cmd) {
        case "agreements_for_venue":
          return [agreement(2, 2026)];
        case "plugin:dialog|save":
          return savePath;
        case "print_venue_sheets":
          return { printed: 1, path: String(args.path), warnings: [] };
        default:
          return null;
      }
    });
    render(VenueForm, { props: { venue, years, role: "admin", onSaved: () => {}, onBack: () => {}, onGoYears: () => {} } });
    await fireEvent.click(screen.getByTestId("venue-sheet"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "print_venue_sheets")).toBe(true));
    const sheet = calls.find((c) => c.cmd === "print_venue_sheets");
    expect(sheet?.args).toMatchObject({ yearId: 2, venueId: 3, path: "/tmp/ark.pdf" });
    await waitFor(() => expect(notices.toast).toContain("/tmp/ark.pdf"));
    expect(notices.toast).toContain("1 ark til de ansatte");

    savePath = "/tmp/rapport.csv";
    await fireEvent.click(screen.getByTestId("venue-template"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "save_report_template")).toBe(true));
    expect(calls.find((c) => c.cmd === "save_report_template")?.args).toEqual({ path: "/tmp/rapport.csv", xlsx: false });
  });
});

describe("retiring a venue's kits", () => {
  it("asks first, then retires the kits of the newest year and says how many", async () => {
    const calls: Call[] = [];
    mockIPC((cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      if (cmd === "agreements_for_venue") return [agreement(2, 2026)];
      if (cmd === "retire_venue_kits") return 1;
      return null;
    });
    render(VenueForm, { props: { venue, years, role: "admin", onSaved: () => {}, onBack: () => {}, onGoYears: () => {} } });
    await fireEvent.click(screen.getByTestId("venue-kit-retire"));
    const dialog = await screen.findByTestId("venue-kit-retire-dialog");
    expect(dialog.textContent).toContain("Rapporter fra settene som er laget for Eksempel Kino i 2026, avvises");
    expect(calls.some((c) => c.cmd === "retire_venue_kits")).toBe(false);
    await fireEvent.click(screen.getByTestId("venue-kit-retire-dialog-confirm"));
    await waitFor(() => expect(notices.toast).toBe("1 sett for 2026 er trukket tilbake"));
    expect(calls.find((c) => c.cmd === "retire_venue_kits")?.args).toEqual({ venueId: 3, year: 2026 });
  });
});
