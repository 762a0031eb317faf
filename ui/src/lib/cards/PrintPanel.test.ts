import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { Channel } from "@tauri-apps/api/core";
import type { CardDesign, JobEvent, PrinterProfile, ProgramYear } from "../api";
import { notices } from "../notify.svelte";
import PrintPanel from "./PrintPanel.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
  notices.toast = null;
  notices.error = null;
});

const year: ProgramYear = { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: null };
const design: CardDesign = { yearId: 2, title: "Opplevelseskortet 2026", rules: "", contact: "", showVenueLogos: false, showQr: true, venueIds: null };

/** The backend of the print panel; `extra` answers other commands (null: not handled). */
function backend(extra: (cmd: string, args: Record<string, unknown>) => unknown = () => null) {
  const saved: PrinterProfile[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    switch (cmd) {
      case "get_card_design":
        return design;
      case "list_venues":
      case "agreements_for_year":
      case "list_printer_profiles":
        return [];
      case "card_preview":
        return ["data:image/svg+xml;base64,PHN2Zy8+"];
      case "print_warnings":
        return [];
      case "save_printer_profile": {
        const p = { ...(args.profile as PrinterProfile), id: 5 };
        saved.push(p);
        return p;
      }
      default:
        return extra(cmd, args);
    }
  });
  return saved;
}

describe("PrintPanel", () => {
  it("prints as a job: shows how far it has come and cancels it by its id", async () => {
    const cancelled: unknown[] = [];
    let failPrint: (e: unknown) => void = () => {};
    backend((cmd, args) => {
      switch (cmd) {
        case "plugin:dialog|save":
          return "/tmp/kort.pdf";
        case "print_cards": {
          const channel = args.onEvent as Channel<JobEvent>;
          channel.onmessage({ event: "started", job: 7 });
          channel.onmessage({ event: "progress", job: 7, done: 8, total: 18 });
          return new Promise((_, reject) => (failPrint = reject));
        }
        case "cancel_job":
          cancelled.push(args.job);
          failPrint({ code: "refused", message: "Utskriften ble avbrutt; ingen kort er merket som skrevet ut", fields: [], rows: [] });
          return true;
        default:
          return null;
      }
    });
    render(PrintPanel, { props: { year, years: [year], selected: [], section: "print", onprinted: () => {} } });
    await fireEvent.click(screen.getByTestId("print-all"));
    const bar = await screen.findByTestId("print-progress");
    await waitFor(() => expect(bar.textContent).toContain("8"));
    expect(bar.textContent).toContain("18");
    const cancel = screen.getByTestId("print-cancel") as HTMLButtonElement;
    await waitFor(() => expect(cancel.disabled).toBe(false));
    await fireEvent.click(cancel);
    await waitFor(() => expect(cancelled).toEqual([7]));
    expect((await screen.findByTestId("print-error")).textContent).toContain("avbrutt");
    expect(screen.queryByTestId("print-progress")).toBeNull();
  });

  it("makes printing all active cards the primary button and lets the preview be enlarged", async () => {
    backend();
    render(PrintPanel, { props: { year, years: [year], selected: [], section: "print", onprinted: () => {} } });
    const printAll = screen.getByTestId("print-all");
    expect(printAll.classList.contains("primary")).toBe(true);
    expect((printAll as HTMLButtonElement).disabled).toBe(false);
    await waitFor(() => expect(screen.getByTestId("print-preview").querySelectorAll("img")).toHaveLength(1), { timeout: 2000 });
    const zoom = screen.getByTestId("print-zoom");
    expect(zoom.getAttribute("aria-pressed")).toBe("false");
    await fireEvent.click(zoom);
    expect(zoom.getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTestId("print-preview").classList.contains("zoomed")).toBe(true);
  });

  it("refuses printer offsets and scaling out of range with the field's own sentence", async () => {
    const saved = backend();
    render(PrintPanel, { props: { year, years: [year], selected: [], section: "print", onprinted: () => {} } });
    await fireEvent.click(screen.getByTestId("printer-new"));
    await fireEvent.input(screen.getByTestId("printer-name"), { target: { value: "Kontorskriveren" } });
    await fireEvent.input(screen.getByTestId("printer-x"), { target: { value: "abc" } });
    await fireEvent.input(screen.getByTestId("printer-y"), { target: { value: "-25" } });
    await fireEvent.input(screen.getByTestId("printer-scale"), { target: { value: "150" } });
    await fireEvent.click(screen.getByTestId("printer-save"));
    expect(screen.getByTestId("error-offsetXMm").textContent).toBe("Skriv et tall i millimeter fra −20 til 20, f.eks. 1,5.");
    expect(screen.getByTestId("error-offsetYMm").textContent).toBe("Skriv et tall i millimeter fra −20 til 20, f.eks. 1,5.");
    expect(screen.getByTestId("error-scalePercent").textContent).toBe("Skriv skaleringen i prosent fra 90 til 110, f.eks. 99,5.");
    expect(saved).toHaveLength(0);

    await fireEvent.input(screen.getByTestId("printer-x"), { target: { value: "1,5" } });
    await fireEvent.input(screen.getByTestId("printer-y"), { target: { value: "-0.5" } });
    await fireEvent.input(screen.getByTestId("printer-scale"), { target: { value: "99,5" } });
    await fireEvent.click(screen.getByTestId("printer-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ name: "Kontorskriveren", offsetXMm: 1.5, offsetYMm: -0.5, scalePercent: 99.5 });
  });

  it("shows the design with its own preview in the design section", async () => {
    backend();
    render(PrintPanel, { props: { year, years: [year], selected: [], section: "design", onprinted: () => {} } });
    expect((await screen.findByTestId("design-title") as HTMLInputElement).value).toBe("Opplevelseskortet 2026");
    expect(screen.queryByTestId("print-all")).toBeNull();
    expect(screen.getByTestId("print-zoom")).toBeTruthy();
  });

  describe("with the information letters", () => {
    type Call = { cmd: string; args: Record<string, unknown> };
    /** The print backend; the save dialog answers `paths` in turn. */
    function printing(paths: (string | null)[]) {
      const calls: Call[] = [];
      backend((cmd, args) => {
        calls.push({ cmd, args });
        switch (cmd) {
          case "plugin:dialog|save":
            return paths.shift() ?? null;
          case "print_cards":
            return { printed: 2, path: args.path, warnings: [] };
          case "print_letters":
            return { printed: 2, path: args.path, warnings: [] };
          default:
            return null;
        }
      });
      return calls;
    }
    const order = (calls: Call[]) => calls.map((c) => c.cmd).filter((c) => c === "plugin:dialog|save" || c.startsWith("print_"));

    it("prints the letters of the same cards after them, to a second file, and says both", async () => {
      const calls = printing(["/tmp/kort.pdf", "/tmp/brev.pdf"]);
      render(PrintPanel, { props: { year, years: [year], selected: [5, 3], section: "print", onprinted: () => {} } });
      const box = screen.getByTestId("print-with-letters") as HTMLInputElement;
      expect(box.checked, "checked for the culture office").toBe(true);
      expect(screen.getByLabelText("Skriv ut informasjonsbrev til familiene også")).toBe(box);
      await fireEvent.click(screen.getByTestId("print-selected"));
      await waitFor(() => expect(notices.toast).toBe("2 kort skrevet til /tmp/kort.pdf, og 2 informasjonsbrev til /tmp/brev.pdf"));
      expect(order(calls)).toEqual(["plugin:dialog|save", "print_cards", "plugin:dialog|save", "print_letters"]);
      expect(calls.find((c) => c.cmd === "print_cards")!.args).toMatchObject({ yearId: 2, path: "/tmp/kort.pdf", cardIds: [5, 3] });
      expect(calls.find((c) => c.cmd === "print_letters")!.args).toMatchObject({ yearId: 2, path: "/tmp/brev.pdf", lang: null, cardIds: [5, 3] });
      const dialogs = calls.filter((c) => c.cmd === "plugin:dialog|save").map((c) => (c.args.options as { defaultPath: string }).defaultPath);
      expect(dialogs).toEqual(["opplevelseskort-2026-a4.pdf", "informasjonsbrev-2026.pdf"]);
    });

    it("prints the letters of every active card with all of them", async () => {
      const calls = printing(["/tmp/kort.pdf", "/tmp/brev.pdf"]);
      render(PrintPanel, { props: { year, years: [year], selected: [], section: "print", onprinted: () => {} } });
      await fireEvent.click(screen.getByTestId("print-all"));
      await waitFor(() => expect(calls.some((c) => c.cmd === "print_letters")).toBe(true));
      expect(calls.find((c) => c.cmd === "print_cards")!.args.cardIds).toBeNull();
      expect(calls.find((c) => c.cmd === "print_letters")!.args).toMatchObject({ lang: null, cardIds: null });
    });

    it("prints only the cards when the letters are not wanted", async () => {
      const calls = printing(["/tmp/kort.pdf", "/tmp/brev.pdf"]);
      render(PrintPanel, { props: { year, years: [year], selected: [], section: "print", onprinted: () => {} } });
      await fireEvent.click(screen.getByTestId("print-with-letters"));
      await fireEvent.click(screen.getByTestId("print-all"));
      await waitFor(() => expect(notices.toast).toBe("2 kort skrevet til /tmp/kort.pdf"));
      expect(order(calls)).toEqual(["plugin:dialog|save", "print_cards"]);
    });

    it("says only the cards are printed when the letters' file is not chosen", async () => {
      const calls = printing(["/tmp/kort.pdf", null]);
      render(PrintPanel, { props: { year, years: [year], selected: [], section: "print", onprinted: () => {} } });
      await fireEvent.click(screen.getByTestId("print-all"));
      await waitFor(() => expect(notices.toast).toBe("2 kort skrevet til /tmp/kort.pdf. Informasjonsbrevene ble ikke skrevet ut."));
      expect(order(calls)).toEqual(["plugin:dialog|save", "print_cards", "plugin:dialog|save"]);
      expect((screen.getByTestId("print-all") as HTMLButtonElement).disabled).toBe(false);
    });
  });
});
