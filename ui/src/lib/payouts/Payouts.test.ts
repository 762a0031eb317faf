import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { PayoutLine, ProgramYear, Settlement } from "../api";
import { todayIso } from "../cards/util";
import Payouts from "./Payouts.svelte";

type Call = { cmd: string; args: Record<string, unknown> };

const years: ProgramYear[] = [
  { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 6, ageMax: 17, companionFree: true, status: "active", familyCap: null },
];

const line = (over: Partial<PayoutLine>): PayoutLine => ({
  venueId: 3,
  venueName: "Eksempel Kino",
  orgNumber: "",
  bankAccount: "",
  compensation: "fullRefund",
  sharePercent: 100,
  holderVisits: 3,
  companionVisits: 1,
  holderPriceOre: 12500,
  companionPriceOre: 0,
  holderAmountOre: 37500,
  companionAmountOre: 0,
  totalOre: 37500,
  settledVisits: 4,
  settledOre: 48000,
  ...over,
});

function backend() {
  const calls: Call[] = [];
  let lines = [line({}), line({ venueId: 4, venueName: "Badet", holderVisits: 0, companionVisits: 0, totalOre: 0, settledVisits: 9 })];
  let settlements: Settlement[] = [
    { id: 1, yearId: 2, periodFrom: "2026-01-01", periodTo: "2026-06-30", line: line({ venueId: 4, venueName: "Badet" }), approvedOn: "2026-07-01", paidOn: "2026-07-15", withdrawnReason: null, approvedBy: "kultur", firstVisit: "2026-01-05", lastVisit: "2026-06-28" },
    { id: 2, yearId: 2, periodFrom: null, periodTo: null, line: line({ venueId: 4, venueName: "Badet" }), approvedOn: "2026-07-01", paidOn: null, withdrawnReason: "Feil periode", approvedBy: "kultur", firstVisit: "2026-12-02", lastVisit: "2026-12-18" },
  ];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "compute_payouts":
        return lines;
      case "list_settlements":
        return settlements;
      case "approve_settlement": {
        const s: Settlement = { id: 3, yearId: 2, periodFrom: null, periodTo: null, line: lines[0], approvedOn: "2026-11-26", paidOn: null, withdrawnReason: null, approvedBy: "kultur", firstVisit: "2026-01-05", lastVisit: "2026-06-28" };
        settlements = [...settlements, s];
        lines = lines.map((l) => (l.venueId === 3 ? { ...l, holderVisits: 0, companionVisits: 0, totalOre: 0, settledVisits: 7 } : l));
        return s;
      }
      case "mark_settlement_paid":
        settlements = settlements.map((s) => (s.id === args.settlementId ? { ...s, paidOn: String(args.on) } : s));
        return settlements.find((s) => s.id === args.settlementId);
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

describe("Payouts", () => {
  it("approves a venue's open visits and marks the settlement paid", async () => {
    const calls = backend();
    render(Payouts, { props: { years } });
    await waitFor(() => expect(screen.getAllByTestId("payout-row")).toHaveLength(2));
    const cells = (screen.getAllByTestId("payout-row")[0] as HTMLTableRowElement).cells;
    expect(cells[2].textContent).toBe("3");
    expect(cells[4].textContent).toContain("375,00");
    expect(cells[5].textContent).toBe("4");
    expect(screen.getAllByTestId("payout-approve")).toHaveLength(1);

    const status = () => screen.getAllByTestId("settlement-status").map((s) => s.textContent?.trim());
    await waitFor(() => expect(status()).toEqual(["Betalt 15.07.2026", "Trukket tilbake: Feil periode"]));
    expect(screen.getAllByTestId("settlement-statement")).toHaveLength(1);
    expect(screen.getAllByTestId("settlement-row")[1].textContent).toContain("hele året");

    await fireEvent.click(screen.getByTestId("payout-approve"));
    await waitFor(() => expect(screen.getAllByTestId("settlement-row")).toHaveLength(3));
    expect(calls.find((c) => c.cmd === "approve_settlement")?.args).toEqual({ venueId: 3, yearId: 2, from: null, to: null });
    expect(status()[2]).toMatch(/^Godkjent \d\d\.\d\d\.2026$/);
    expect(screen.queryByTestId("payout-approve")).toBeNull();

    const date = screen.getByTestId("settlement-paid-date") as HTMLInputElement;
    expect(date.value).toBe(todayIso().split("-").reverse().join("."));
    await fireEvent.input(date, { target: { value: "20.11.2026" } });
    await fireEvent.click(screen.getByTestId("settlement-paid"));
    await waitFor(() => expect(status()[2]).toBe("Betalt 20.11.2026"));
    expect(calls.find((c) => c.cmd === "mark_settlement_paid")?.args).toEqual({ settlementId: 3, on: "2026-11-20" });
    expect(screen.queryByTestId("settlement-paid")).toBeNull();
  });
});
