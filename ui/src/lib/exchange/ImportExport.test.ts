import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError } from "../api";
import ImportExport from "./ImportExport.svelte";

function dropFile(target: HTMLElement, file: File) {
  const ev = new Event("drop", { bubbles: true, cancelable: true });
  Object.defineProperty(ev, "dataTransfer", { value: { files: [file], dropEffect: "none" } });
  target.dispatchEvent(ev);
  return ev;
}

const csv = () => new File(["navn;kategori\nKino;kino\n"], "brukersteder.csv", { type: "text/csv" });

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("ImportExport", () => {
  it("shows every row of an import error and says nothing was saved", async () => {
    const error: ApiError = {
      code: "import",
      message: "Filen har 3 feil.",
      fields: [],
      rows: [
        { row: 2, column: "orgnr", message: "Ugyldig organisasjonsnummer" },
        { row: 3, column: "kategori", message: "Ukjent kategori «bowling»" },
        { row: 7, column: "kontonr", message: "Ugyldig kontonummer" },
      ],
    };
    let received: unknown = null;
    mockIPC((cmd, payload) => {
      if (cmd === "import_venues_csv") {
        received = payload;
        throw error;
      }
      return null;
    });
    render(ImportExport);
    const ev = dropFile(screen.getByTestId("import-drop"), csv());
    expect(ev.defaultPrevented).toBe(true);

    const rows = await screen.findAllByTestId("import-error-row");
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain("2");
    expect(rows[0].textContent).toContain("orgnr");
    expect(rows[1].textContent).toContain("Ukjent kategori «bowling»");
    expect(rows[2].textContent).toContain("kontonr");
    expect(screen.getByTestId("import-message").textContent).toContain("Filen har 3 feil.");
    expect(screen.queryByTestId("import-result")).toBeNull();
    expect(String((received as { data: string }).data)).toMatch(/^data:text\/csv;base64,/);
  });

  it("shows the report after a successful import from the file input", async () => {
    mockIPC((cmd) => {
      if (cmd === "import_venues_csv") return { venuesCreated: 3, venuesUpdated: 1, agreementsSaved: 4 };
      return null;
    });
    const onImported = vi.fn();
    render(ImportExport, { props: { onImported } });
    const input = screen.getByTestId("import-file") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [csv()], configurable: true });
    await fireEvent.change(input);
    const result = await screen.findByTestId("import-result");
    expect(result.textContent).toContain("3 nye brukersteder, 1 oppdatert, 4 avtaler lagret");
    await waitFor(() => expect(onImported).toHaveBeenCalled());
    expect(screen.queryByTestId("import-errors")).toBeNull();
  });
});
