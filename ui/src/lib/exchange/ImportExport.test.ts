import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, ImportPreviewView, ImportReport } from "../api";
import { i18n } from "../i18n/index.svelte";
import ImportExport from "./ImportExport.svelte";

type Call = { cmd: string; args: Record<string, unknown> };

function dropFile(target: HTMLElement, file: File) {
  const ev = new Event("drop", { bubbles: true, cancelable: true });
  Object.defineProperty(ev, "dataTransfer", { value: { files: [file], dropEffect: "none" } });
  target.dispatchEvent(ev);
  return ev;
}

async function chooseFile(file: File) {
  const input = screen.getByTestId("import-file") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  await fireEvent.change(input);
}

const csv = () => new File(["navn;kategori\nKino;kino\n"], "brukersteder.csv", { type: "text/csv" });

/** A file as large as `mb` MB says it is, without holding that many bytes. */
function hugeFile(name: string, mb: number) {
  const file = new File(["navn;kategori\n"], name, { type: "text/csv" });
  Object.defineProperty(file, "size", { value: Math.round(mb * 1024 * 1024) });
  return file;
}

const plan = (over: Partial<ImportPreviewView> = {}): ImportPreviewView => ({
  new: 1,
  changed: 1,
  unchanged: 5,
  rows: [
    { row: 2, change: "new", label: "Nytt Teater", fields: [] },
    {
      row: 3,
      change: "changed",
      label: "Eksempel Kino",
      fields: [
        { column: "kategori", before: "kino", after: "teater" },
        { column: "kontonr", before: "", after: "8601.11.17947" },
      ],
    },
  ],
  refused: [],
  ...over,
});

const REPORT: ImportReport = { venuesCreated: 1, venuesUpdated: 1, agreementsSaved: 4 };

function backend(opts: { preview?: ImportPreviewView | ApiError; importError?: ApiError } = {}) {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    calls.push({ cmd, args: (payload ?? {}) as Record<string, unknown> });
    if (cmd === "preview_venues_import") {
      const p = opts.preview ?? plan();
      if ("code" in p) throw p;
      return p;
    }
    if (cmd === "import_venues_csv") {
      if (opts.importError) throw opts.importError;
      return REPORT;
    }
    return null;
  });
  return calls;
}

const imported = (calls: Call[]) => calls.filter((c) => c.cmd === "import_venues_csv");

afterEach(() => {
  cleanup();
  clearMocks();
  vi.restoreAllMocks();
  i18n.lang = "nb";
});

describe("ImportExport", () => {
  it("shows what the import would do, with the changed fields, and saves only on confirm", async () => {
    const calls = backend();
    const onImported = vi.fn();
    render(ImportExport, { props: { onImported } });
    const ev = dropFile(screen.getByTestId("import-drop"), csv());
    expect(ev.defaultPrevented).toBe(true);

    const panel = await screen.findByTestId("import-preview");
    expect(panel.getAttribute("role")).toBe("region");
    expect(screen.getByRole("region", { name: "Se over før du lagrer" })).toBe(panel);
    const summary = screen.getByTestId("import-preview-summary");
    expect(summary.getAttribute("role")).toBe("status");
    expect(summary.textContent).toContain("Filen har 1 nye, 1 endrede og 5 uendrede rader.");
    expect([...panel.querySelectorAll("th")].map((th) => th.textContent?.trim())).toEqual(["Rad", "Gjelder", "Endring"]);

    const rows = screen.getAllByTestId("import-preview-row") as HTMLTableRowElement[];
    expect(rows.map((r) => [...r.cells].slice(0, 2).map((c) => c.textContent?.trim()))).toEqual([
      ["2", "Nytt Teater"],
      ["3", "Eksempel Kino"],
    ]);
    expect(rows[0].cells[2].textContent?.trim()).toBe("Ny");
    const fields = [...rows[1].querySelectorAll('[data-testid="import-preview-field"]')];
    expect(fields.map((f) => f.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "kategori: kino → teater",
      "kontonr: (tom) → 8601.11.17947",
    ]);
    const confirm = screen.getByTestId("import-confirm");
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(confirm.textContent).toBe("Lagre endringene");
    expect(imported(calls)).toHaveLength(0);
    const previewed = calls.find((c) => c.cmd === "preview_venues_import")!;
    expect(String(previewed.args.data)).toMatch(/^data:text\/csv;base64,/);

    await fireEvent.click(confirm);
    const result = await screen.findByTestId("import-result");
    expect(result.textContent).toContain("1 nye brukersteder, 1 oppdatert, 4 avtaler lagret");
    expect(imported(calls)).toHaveLength(1);
    expect(imported(calls)[0].args.data).toBe(previewed.args.data);
    await waitFor(() => expect(onImported).toHaveBeenCalled());
    expect(screen.queryByTestId("import-preview")).toBeNull();
    expect(screen.queryByTestId("import-errors")).toBeNull();
  });

  it("saves nothing when the user cancels the preview", async () => {
    const calls = backend();
    render(ImportExport);
    await chooseFile(csv());
    await screen.findByTestId("import-preview");
    await fireEvent.click(screen.getByTestId("import-cancel"));
    expect(screen.queryByTestId("import-preview")).toBeNull();
    expect(screen.queryByTestId("import-result")).toBeNull();
    expect(imported(calls)).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByTestId("import-choose"));
  });

  it("says so, and offers no save, when nothing would change", async () => {
    const calls = backend({ preview: plan({ new: 0, changed: 0, unchanged: 7, rows: [] }) });
    render(ImportExport);
    await chooseFile(csv());
    expect((await screen.findByTestId("import-preview-summary")).textContent).toContain("0 nye, 0 endrede og 7 uendrede");
    const nothing = screen.getByTestId("import-preview-nothing");
    expect(nothing.textContent).toContain("Ingenting blir endret");
    await waitFor(() => expect(document.activeElement).toBe(nothing));
    expect(screen.queryByTestId("import-confirm")).toBeNull();
    expect(screen.queryByTestId("import-preview-row")).toBeNull();
    await fireEvent.click(screen.getByTestId("import-cancel"));
    expect(screen.queryByTestId("import-preview")).toBeNull();
    expect(imported(calls)).toHaveLength(0);
  });

  it("shows every refused row as the import error does, says nothing was saved, and offers no save", async () => {
    const calls = backend({
      preview: plan({
        refused: [
          { row: 2, column: "orgnr", message: "Ugyldig organisasjonsnummer" },
          { row: 3, column: "kategori", message: "Ukjent kategori «bowling»" },
          { row: 7, column: "kontonr", message: "Ugyldig kontonummer" },
        ],
      }),
    });
    render(ImportExport);
    dropFile(screen.getByTestId("import-drop"), csv());

    const rows = await screen.findAllByTestId("import-error-row");
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain("2");
    expect(rows[0].textContent).toContain("orgnr");
    expect(rows[1].textContent).toContain("Ukjent kategori «bowling»");
    expect(rows[2].textContent).toContain("kontonr");
    const message = screen.getByTestId("import-message");
    expect(message.textContent).toContain("Filen ble ikke importert: 3 feil. Ingenting er lagret.");
    await waitFor(() => expect(document.activeElement).toBe(message));
    expect(screen.queryByTestId("import-preview")).toBeNull();
    expect(screen.queryByTestId("import-confirm")).toBeNull();
    expect(screen.queryByTestId("import-result")).toBeNull();
    expect(imported(calls)).toHaveLength(0);
  });

  it("shows the rows of an import error from the preview or the save", async () => {
    const error: ApiError = {
      code: "import",
      message: "Filen ble ikke importert: 1 feil. Ingenting er lagret.",
      fields: [],
      rows: [{ row: 4, column: "år", message: "Programåret 2031 finnes ikke" }],
    };
    backend({ preview: error });
    render(ImportExport);
    await chooseFile(csv());
    expect((await screen.findByTestId("import-message")).textContent).toContain("Ingenting er lagret");
    expect(screen.getAllByTestId("import-error-row")).toHaveLength(1);
    cleanup();
    clearMocks();

    const calls = backend({ importError: error });
    render(ImportExport);
    await chooseFile(csv());
    await fireEvent.click(await screen.findByTestId("import-confirm"));
    expect((await screen.findByTestId("import-message")).textContent).toContain("Ingenting er lagret");
    expect(screen.getAllByTestId("import-error-row")[0].textContent).toContain("Programåret 2031 finnes ikke");
    expect(screen.queryByTestId("import-preview")).toBeNull();
    expect(screen.queryByTestId("import-result")).toBeNull();
    expect(imported(calls)).toHaveLength(1);
  });

  it("refuses a file over 32 MB at once, naming it and the limit, without reading it", async () => {
    const calls = backend();
    const read = vi.spyOn(FileReader.prototype, "readAsDataURL");
    render(ImportExport);
    dropFile(screen.getByTestId("import-drop"), hugeFile("register.xlsx", 40.42));
    const message = await screen.findByTestId("import-message");
    expect(message.textContent?.trim()).toBe("«register.xlsx» er 40,5 MB; en fil kan være høyst 32 MB.");
    expect(read).not.toHaveBeenCalled();
    expect(calls).toHaveLength(0);
    expect(screen.queryByTestId("import-preview")).toBeNull();

    i18n.lang = "en";
    await chooseFile(hugeFile("register.csv", 32.01));
    await waitFor(() =>
      expect(screen.getByTestId("import-message").textContent?.trim()).toBe("“register.csv” is 32,1 MB; a file can be at most 32 MB."),
    );
    expect(calls).toHaveLength(0);

    // Exactly the limit is still taken.
    i18n.lang = "nb";
    await chooseFile(hugeFile("register.csv", 32));
    await waitFor(() => expect(calls.some((c) => c.cmd === "preview_venues_import")).toBe(true));
  });
});
