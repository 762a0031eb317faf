import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, ProgramYear, Venue, VisitImportPreview, VisitRow } from "../api";
import Visits from "./Visits.svelte";

type Call = { cmd: string; args: Record<string, unknown> };

const years: ProgramYear[] = [
  { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 6, ageMax: 17, companionFree: true, status: "active", familyCap: null },
];

const visit = (over: Partial<VisitRow>): VisitRow => ({
  id: 1,
  cardNumber: "2026-0001-3",
  firstName: "Amina",
  venueId: 3,
  venueName: "Eksempel Kino",
  visitedOn: "2026-03-03",
  companion: false,
  source: "desk",
  overrideReason: "",
  voidedReason: null,
  settlementId: null,
  ...over,
});

function dropFile(target: HTMLElement, file: File) {
  const ev = new Event("drop", { bubbles: true, cancelable: true });
  Object.defineProperty(ev, "dataTransfer", { value: { files: [file], dropEffect: "none" } });
  target.dispatchEvent(ev);
}

const report = () => new File(["kortnummer;dato\n2026-0001-3;03.03.2026\n"], "mars.csv", { type: "text/csv" });

function backend(opts: { preview?: VisitImportPreview; visits?: VisitRow[]; venues?: Venue[]; checkError?: ApiError } = {}) {
  const calls: Call[] = [];
  let visits = opts.visits ?? [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "list_visits":
        return visits;
      case "list_venues":
        return opts.venues ?? [];
      case "check_visit_import":
        if (opts.checkError) throw opts.checkError;
        return opts.preview;
      case "import_visits":
        visits = [visit({ id: 9, source: "import" }), ...visits];
        return { imported: opts.preview?.valid ?? 0, skipped: opts.preview?.problems.length ?? 0 };
      case "void_visit":
        visits = visits.map((v) => (v.id === args.visitId ? { ...v, voidedReason: String(args.reason) } : v));
        return null;
      default:
        return null;
    }
  });
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("Visits", () => {
  it("checks a venue's report, lists the bad rows and imports the good ones", async () => {
    const calls = backend({
      preview: {
        venueId: 3,
        rows: 4,
        valid: 2,
        problems: [
          { row: 4, column: "kortnummer", message: "Kontrollsifferet stemmer ikke" },
          { row: 5, column: "dato", message: "«31.02.2026» er ikke en dato" },
        ],
      },
    });
    render(Visits, { props: { years, role: "venue" } });
    expect(screen.queryByTestId("visit-import-venue")).toBeNull();
    dropFile(screen.getByTestId("visit-import-drop"), report());

    expect((await screen.findByTestId("visit-import-summary")).textContent).toContain("4 rader: 2 gyldige, 2 med feil");
    const rows = screen.getAllByTestId("visit-import-error-row") as HTMLTableRowElement[];
    expect(rows.map((r) => r.cells[0].textContent)).toEqual(["4", "5"]);
    expect(screen.queryByTestId("visit-import-all")).toBeNull();
    const check = calls.find((c) => c.cmd === "check_visit_import")!;
    expect(check.args.venueId).toBeNull();
    expect(String(check.args.data)).toMatch(/^data:text\/csv;base64,/);

    await fireEvent.click(screen.getByTestId("visit-import-valid"));
    expect((await screen.findByTestId("visit-import-result")).textContent).toContain("2 besøk importert; rader utelatt: 2");
    expect(calls.find((c) => c.cmd === "import_visits")?.args).toMatchObject({ venueId: null, acceptValid: true });
    expect(screen.queryByTestId("visit-import-summary")).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId("visit-row")).toHaveLength(1));
    expect(screen.getByTestId("visit-source").textContent).toBe("import");
  });

  it("offers no import when no row can be imported, and cancel clears the preview", async () => {
    backend({
      preview: { venueId: 3, rows: 1, valid: 0, problems: [{ row: 2, column: "dato", message: "Besøket er allerede registrert" }] },
    });
    render(Visits, { props: { years, role: "venue" } });
    dropFile(screen.getByTestId("visit-import-drop"), report());
    expect((await screen.findByTestId("visit-import-summary")).textContent).toContain("0 gyldige");
    expect(screen.getByTestId("visit-import-nothing")).toBeTruthy();
    expect(screen.queryByTestId("visit-import-valid")).toBeNull();
    expect(screen.queryByTestId("visit-import-all")).toBeNull();
    await fireEvent.click(screen.getByTestId("visit-import-cancel"));
    expect(screen.queryByTestId("visit-import-summary")).toBeNull();
  });

  it("makes the culture office choose the venue, and shows a file that cannot be read", async () => {
    const calls = backend({
      venues: [{ id: 3, name: "Eksempel Kino" } as Venue],
      checkError: {
        code: "import",
        message: "Filen kan ikke importeres.",
        fields: [],
        rows: [{ row: 1, column: "kortnummer", message: "Kolonnen mangler" }],
      },
    });
    render(Visits, { props: { years, role: "admin" } });
    const select = (await screen.findByTestId("visit-import-venue")) as HTMLSelectElement;
    dropFile(screen.getByTestId("visit-import-drop"), report());
    expect(await screen.findByTestId("visit-import-venue-error")).toBeTruthy();
    expect(calls.some((c) => c.cmd === "check_visit_import")).toBe(false);

    await waitFor(() => expect(select.options).toHaveLength(2));
    await fireEvent.change(select, { target: { value: "3" } });
    dropFile(screen.getByTestId("visit-import-drop"), report());
    expect((await screen.findByTestId("visit-import-message")).textContent).toContain("Filen kan ikke importeres.");
    expect(screen.getAllByTestId("visit-import-error-row")).toHaveLength(1);
    expect(calls.find((c) => c.cmd === "check_visit_import")?.args.venueId).toBe(3);
  });

  it("refuses a report over 32 MB at once, naming it and the limit, without reading it", async () => {
    const calls = backend({ preview: { venueId: 3, rows: 1, valid: 1, problems: [] } });
    const read = vi.spyOn(FileReader.prototype, "readAsDataURL");
    render(Visits, { props: { years, role: "venue" } });
    const big = report();
    Object.defineProperty(big, "size", { value: 33 * 1024 * 1024 });
    dropFile(screen.getByTestId("visit-import-drop"), big);
    expect((await screen.findByTestId("visit-import-message")).textContent?.trim()).toBe(
      "«mars.csv» er 33 MB; en fil kan være høyst 32 MB.",
    );
    expect(read).not.toHaveBeenCalled();
    expect(calls.some((c) => c.cmd === "check_visit_import")).toBe(false);
    expect(screen.queryByTestId("visit-import-summary")).toBeNull();
    read.mockRestore();
  });

  it("voids an open visit with a reason and leaves settled ones alone", async () => {
    const calls = backend({
      visits: [
        visit({ id: 1 }),
        visit({ id: 2, settlementId: 7, visitedOn: null, source: "returned" }),
        visit({ id: 3, voidedReason: "Feil kort" }),
      ],
    });
    render(Visits, { props: { years, role: "venue" } });
    await waitFor(() => expect(screen.getAllByTestId("visit-row")).toHaveLength(3));
    const statuses = screen.getAllByTestId("visit-status").map((s) => s.textContent?.trim());
    expect(statuses).toEqual(["åpen", "i oppgjør nr. 7", "annullert: Feil kort"]);
    expect(screen.getAllByTestId("visit-row")[1].textContent).toContain("ukjent dato (innlevert kort)");
    expect(screen.getAllByTestId("visit-void")).toHaveLength(1);

    await fireEvent.click(screen.getByTestId("visit-void"));
    await fireEvent.click(screen.getByTestId("visit-void-confirm"));
    expect(screen.getByTestId("visit-void-error")).toBeTruthy();
    expect(calls.some((c) => c.cmd === "void_visit")).toBe(false);
    await fireEvent.input(screen.getByTestId("visit-void-reason"), { target: { value: "Registrert to ganger" } });
    await fireEvent.click(screen.getByTestId("visit-void-confirm"));
    await waitFor(() => expect(screen.queryByTestId("visit-void")).toBeNull());
    expect(calls.find((c) => c.cmd === "void_visit")?.args).toEqual({ visitId: 1, reason: "Registrert to ganger" });
    expect(screen.getAllByTestId("visit-status")[0].textContent).toContain("annullert: Registrert to ganger");
  });

  it("searches the year's visits and pages through them", async () => {
    const many = Array.from({ length: 339 }, (_, i) =>
      visit({ id: i + 1, cardNumber: `2026-${String(i + 1).padStart(4, "0")}-0`, firstName: i === 200 ? "Selam" : "Amina" }),
    );
    backend({ visits: many });
    render(Visits, { props: { years, role: "venue" } });
    await waitFor(() => expect(screen.getAllByTestId("visit-row")).toHaveLength(25));
    expect(screen.getByTestId("visits-count").textContent?.trim()).toBe("339 besøk");
    expect(screen.getByTestId("visits-page").textContent).toBe("Side 1 av 14 · rad 1–25 av 339");
    await fireEvent.click(screen.getByTestId("visits-next"));
    expect(screen.getAllByTestId("visit-row")[0].textContent).toContain("2026-0026-0");
    await fireEvent.input(screen.getByTestId("visits-search"), { target: { value: "selam" } });
    await waitFor(() => expect(screen.getAllByTestId("visit-row")).toHaveLength(1));
    expect(screen.getByTestId("visits-count").textContent?.trim()).toBe("1 av 339 besøk");
    expect(screen.queryByTestId("visits-pager")).toBeNull();
    await fireEvent.input(screen.getByTestId("visits-search"), { target: { value: "finnes ikke" } });
    expect(await screen.findByTestId("visits-no-match")).toBeTruthy();
  });
});
