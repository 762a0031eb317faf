import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ImportPreviewView } from "../api";
import { i18n } from "../i18n/index.svelte";
import CsvImport from "./CsvImport.svelte";

afterEach(() => {
  cleanup();
  i18n.lang = "nb";
});

const holders = () => new File(["fornavn;etternavn\nAda;Berg\n"], "kortholdere.csv", { type: "text/csv" });

async function choose(file: File) {
  const input = screen.getByTestId("holders-import-file") as HTMLInputElement;
  Object.defineProperty(input, "files", { value: [file], configurable: true });
  await fireEvent.change(input);
}

describe("CsvImport", () => {
  it("previews with the given command and runs the import only when confirmed (in English too)", async () => {
    i18n.lang = "en";
    const plan: ImportPreviewView = {
      new: 0,
      changed: 1,
      unchanged: 2,
      rows: [{ row: 4, change: "changed", label: "Ada Berg", fields: [{ column: "adresse", before: "Storgata 1", after: "" }] }],
      refused: [],
    };
    const preview = vi.fn(async (_data: string) => plan);
    const run = vi.fn(async (_data: string) => "0 new card holders, 1 updated");
    render(CsvImport, { props: { testid: "holders-import", label: "Import", preview, run } });
    await choose(holders());

    const panel = await screen.findByRole("region", { name: "Check before saving" });
    expect(panel.dataset.testid).toBe("holders-import-preview");
    expect(screen.getByTestId("holders-import-preview-summary").textContent).toContain(
      "The file has 0 new, 1 changed and 2 unchanged rows.",
    );
    expect(screen.getByTestId("holders-import-preview-field").textContent?.replace(/\s+/g, " ").trim()).toBe(
      "adresse: Storgata 1 → (empty)",
    );
    expect(preview).toHaveBeenCalledWith(expect.stringMatching(/^data:text\/csv;base64,/));
    expect(run).not.toHaveBeenCalled();

    const confirm = screen.getByTestId("holders-import-confirm");
    expect(confirm.textContent).toBe("Save the changes");
    expect(screen.getByTestId("holders-import-cancel").textContent).toBe("Cancel");
    await fireEvent.click(confirm);
    await waitFor(() => expect(run).toHaveBeenCalledWith(preview.mock.calls[0][0]));
    expect((await screen.findByTestId("holders-import-result")).textContent).toContain("0 new card holders, 1 updated");
    expect(screen.queryByTestId("holders-import-preview")).toBeNull();
  });

  it("shows refused rows with the import error's wording and never runs the import", async () => {
    i18n.lang = "en";
    const preview = vi.fn(
      async (): Promise<ImportPreviewView> => ({
        new: 1,
        changed: 0,
        unchanged: 0,
        rows: [],
        refused: [{ row: 2, column: "fødselsdato", message: "“2015-13-45” is not a date" }],
      }),
    );
    const run = vi.fn(async () => "");
    render(CsvImport, { props: { testid: "holders-import", label: "Import", preview, run } });
    await choose(holders());
    expect((await screen.findByTestId("holders-import-message")).textContent).toContain(
      "The file was not imported: 1 problem(s). Nothing was saved.",
    );
    expect(screen.getAllByTestId("holders-import-error-row")).toHaveLength(1);
    expect(screen.queryByTestId("holders-import-confirm")).toBeNull();
    expect(run).not.toHaveBeenCalled();
  });

  it("refuses an oversized file without calling the preview", async () => {
    const preview = vi.fn();
    const run = vi.fn();
    render(CsvImport, { props: { testid: "holders-import", label: "Import", preview, run } });
    const big = holders();
    Object.defineProperty(big, "size", { value: 100 * 1024 * 1024 });
    await choose(big);
    expect((await screen.findByTestId("holders-import-message")).textContent?.trim()).toBe(
      "«kortholdere.csv» er 100 MB; en fil kan være høyst 32 MB.",
    );
    expect(preview).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });
});
