import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { Agreement, ApiError, ProgramYear } from "../api";
import Agreements from "./Agreements.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

const years: ProgramYear[] = [
  { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: null },
];
const agreement: Agreement = {
  id: 9, venueId: 3, yearId: 2, year: 2026, visitsPerCard: 5, companionFree: true, notCovered: "", compensation: "share", sharePercent: 50,
  holderPriceOre: 12000, companionPriceOre: 0, periodFrom: null, periodTo: null, signedOn: null,
};

function backend(opts: { deleteError?: ApiError } = {}) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (cmd === "agreements_for_venue") return [agreement];
    if (cmd === "save_agreement") return { ...agreement, ...(args.input as object) };
    if (cmd === "delete_agreement") {
      if (opts.deleteError) throw opts.deleteError;
      return null;
    }
    return null;
  });
  return calls;
}

async function show() {
  render(Agreements, { props: { venueId: 3, venueName: "Eksempel Kino", years, onGoYears: () => {} } });
  await fireEvent.click(await screen.findByTestId("agreement-edit-2026"));
}

const type = (testid: string, value: string) => fireEvent.input(screen.getByTestId(testid), { target: { value } });
type Call = { cmd: string; args: Record<string, unknown> };
const saves = (calls: Call[]) => calls.filter((c) => c.cmd === "save_agreement");

describe("Agreements", () => {
  it("never offers a blank form over a year that has an agreement: that year opens for editing", async () => {
    const calls = backend();
    render(Agreements, { props: { venueId: 3, venueName: "Eksempel Kino", years, onGoYears: () => {} } });
    // The only year has an agreement: the form shows it, filled in, and "new" is not offered.
    await screen.findByTestId("agreement-row");
    await waitFor(() => expect((screen.getByTestId("agreement-share") as HTMLInputElement).value).toBe("50"));
    expect(screen.getByTestId("agreement-form").textContent).toContain("2026");
    expect((screen.getByTestId("agreement-new") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("agreement-save"));
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    // Saved unchanged: the prices and the model are the agreement's own, not blank defaults.
    expect(saves(calls)[0].args.input).toMatchObject({ yearId: 2, visitsPerCard: 5, compensation: "share", sharePercent: 50, holderPriceOre: 12000 });
  });

  const bad: [string, string, string, string, string][] = [
    ["visits of 0", "agreement-visits", "0", "visitsPerCard", "Besøk per kort må være et helt tall fra 1 til 99 – eller kryss av for fri inngang."],
    ["visits of −3", "agreement-visits", "-3", "visitsPerCard", "Besøk per kort må være et helt tall fra 1 til 99 – eller kryss av for fri inngang."],
    ["visits of 1000", "agreement-visits", "1000", "visitsPerCard", "Besøk per kort må være et helt tall fra 1 til 99 – eller kryss av for fri inngang."],
    ["a share of 150 %", "agreement-share", "150", "sharePercent", "Andelen må være et helt tall fra 1 til 99 prosent (0 % er «brukerstedet dekker selv», 100 % er full refusjon)."],
    ["a negative price", "agreement-holder-price", "-50", "holderPriceOre", "Prisen kan ikke være negativ. Skriv 0 eller mer."],
    ["a price in letters", "agreement-companion-price", "gratis", "companionPriceOre", "Skriv et beløp i kroner, f.eks. 120,00"],
    ["a period date outside the year", "agreement-from", "01.01.2027", "periodFrom", "Datoen må ligge i programåret (01.01.2026–31.12.2026)."],
  ];
  for (const [what, testid, value, field, message] of bad) {
    it(`refuses ${what} with the field's own sentence and saves nothing`, async () => {
      const calls = backend();
      await show();
      await type(testid, value);
      await fireEvent.click(screen.getByTestId("agreement-save"));
      expect(screen.getByTestId(`error-${field}`).textContent).toBe(message);
      expect(saves(calls)).toHaveLength(0);
    });
  }

  it("refuses a period that ends before it starts", async () => {
    const calls = backend();
    await show();
    await type("agreement-from", "31.12.2026");
    await type("agreement-to", "01.01.2026");
    await fireEvent.click(screen.getByTestId("agreement-save"));
    expect(screen.getByTestId("error-periodTo").textContent).toContain("Perioden slutter før den starter");
    expect(saves(calls)).toHaveLength(0);
  });

  it("refuses an impossible signing date with one message", async () => {
    const calls = backend();
    await show();
    await type("agreement-signed", "30.02.2026");
    await fireEvent.click(screen.getByTestId("agreement-save"));
    expect(screen.getByTestId("agreement-signed-invalid").textContent).toBe("Skriv datoen som dd.mm.åååå");
    expect(saves(calls)).toHaveLength(0);
  });

  it("saves numbers as numbers", async () => {
    const calls = backend();
    await show();
    await type("agreement-visits", "10");
    await type("agreement-share", "40");
    await fireEvent.click(screen.getByTestId("agreement-save"));
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    expect(saves(calls)[0].args.input).toMatchObject({ visitsPerCard: 10, sharePercent: 40, holderPriceOre: 12000 });
  });

  it("asks before deleting an agreement, and deletes nothing when cancelled", async () => {
    const calls = backend();
    await show();
    await fireEvent.click(screen.getByTestId("agreement-delete-2026"));
    const dialog = await screen.findByTestId("agreement-delete-dialog");
    expect(dialog.textContent).toContain("Slette avtalen for 2026?");
    expect(dialog.textContent).toContain("Eksempel Kino");
    expect(calls.some((c) => c.cmd === "delete_agreement")).toBe(false);
    await fireEvent.click(screen.getByTestId("agreement-delete-dialog-cancel"));
    expect(screen.queryByTestId("agreement-delete-dialog")).toBeNull();
    expect(calls.some((c) => c.cmd === "delete_agreement")).toBe(false);

    await fireEvent.click(screen.getByTestId("agreement-delete-2026"));
    await fireEvent.click(await screen.findByTestId("agreement-delete-dialog-confirm"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "delete_agreement")?.args).toEqual({ venueId: 3, yearId: 2 }));
    await waitFor(() => expect(screen.queryByTestId("agreement-row")).toBeNull());
  });
});
