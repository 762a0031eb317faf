import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ProgramYear, ReassessRow } from "../api";
import Reassess from "./Reassess.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

const year = (id: number, y: number): ProgramYear => ({
  id, year: y, validFrom: `${y}-01-01`, validTo: `${y}-12-31`, cardQuota: 100, ageMin: 5, ageMax: 18,
  companionFree: true, status: "active", familyCap: null,
});

const rows: ReassessRow[] = [
  { holder: { id: 1, firstName: "Ola", lastName: "Aune", birthYear: 2015, language: "nb" }, currentCard: "2025-0001-3", ageNextYear: 11, agesOut: false, hasCardNextYear: false, decision: null },
  { holder: { id: 2, firstName: "Per", lastName: "Berg", birthYear: 2007, language: "nb" }, currentCard: "2025-0002-1", ageNextYear: 19, agesOut: true, hasCardNextYear: false, decision: null },
  { holder: { id: 3, firstName: "Siv", lastName: "Dahl", birthYear: 2014, language: "nb" }, currentCard: "2025-0003-9", ageNextYear: 12, agesOut: false, hasCardNextYear: true, decision: null },
];

describe("Reassess", () => {
  it("records NAV's decision per holder and renews only those decided to continue", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      if (cmd === "list_cards") return args.yearId === 1 ? [{}] : [];
      if (cmd === "reassessment") return rows;
      if (cmd === "quota_status") return { quota: 100, used: 1, left: 99 };
      if (cmd === "decide_reassessment")
        return { continuation: args.continuation, decidedOn: "2026-11-30", decidedBy: "nav" };
      if (cmd === "renew_cards") return [{ id: 50 }];
      return null;
    });
    render(Reassess, { props: { years: [year(1, 2025), year(2, 2026)] } });
    const shown = await screen.findAllByTestId("reassess-row");
    expect((screen.getByTestId("reassess-from") as HTMLSelectElement).value).toBe("1");
    expect((screen.getByTestId("reassess-to") as HTMLSelectElement).value).toBe("2");
    expect(calls.find((c) => c.cmd === "reassessment")?.args).toEqual({ fromYearId: 1, toYearId: 2 });
    // Nothing is decided in advance: no card can be made until NAV decides.
    expect(screen.getByTestId("reassess-undecided").textContent).toContain("2 er ikke vurdert");
    expect((screen.getByTestId("reassess-submit") as HTMLButtonElement).disabled).toBe(true);
    const continues = screen.getAllByTestId("reassess-continue") as HTMLButtonElement[];
    expect(continues.map((b) => b.disabled)).toEqual([false, true]);
    expect(shown[1].querySelector('[data-testid="reassess-ages-out"]')).toBeTruthy();
    expect(shown[2].textContent).toContain("Har allerede kort");
    await fireEvent.click(continues[0]);
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "decide_reassessment")?.args).toEqual({
        holderId: 1,
        toYearId: 2,
        continuation: "continue",
      }),
    );
    expect((await screen.findByTestId("reassess-decided")).textContent).toContain("Besluttet 30.11.2026 av nav");
    expect(screen.getByTestId("reassess-submit").textContent).toContain("Lag kort for 1 som fortsetter");
    await fireEvent.click(screen.getByTestId("reassess-submit"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "renew_cards")?.args).toEqual({ toYearId: 2 }));
  });

  it("asks for the next program year when it does not exist", async () => {
    mockIPC((cmd) => (cmd === "list_cards" ? [{}] : null));
    render(Reassess, { props: { years: [year(1, 2025)] } });
    expect((await screen.findByTestId("reassess-no-next")).textContent).toContain("Opprett neste programår først");
    expect((screen.getByTestId("reassess-submit") as HTMLButtonElement).disabled).toBe(true);
  });
});
