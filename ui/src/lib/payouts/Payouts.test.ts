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
    // What is already settled is shown in kroner, with its visits beside it.
    expect(cells[5].textContent?.replace(/\s+/g, " ").trim()).toBe("kr 480,00 (4 besøk)");
    expect(screen.getAllByTestId("payout-approve")).toHaveLength(1);

    const status = () => screen.getAllByTestId("settlement-status").map((s) => s.textContent?.trim());
    await waitFor(() => expect(status()).toEqual(["Betalt 15.07.2026", "Trukket tilbake: Feil periode"]));
    expect(screen.getAllByTestId("settlement-statement")).toHaveLength(1);
    expect(screen.getAllByTestId("settlement-row")[1].textContent).toContain("01.01.2026–31.12.2026 (hele året)");

    // Approving asks first, showing what will be approved.
    await fireEvent.click(screen.getByTestId("payout-approve"));
    const dialog = await screen.findByTestId("approve-dialog");
    expect(dialog.getAttribute("role")).toBe("dialog");
    expect(calls.some((c) => c.cmd === "approve_settlement")).toBe(false);
    expect(screen.getByTestId("approve-venue").textContent).toBe("Eksempel Kino");
    expect(screen.getByTestId("approve-period").textContent).toBe("01.01.2026–31.12.2026 (hele året)");
    expect(screen.getByTestId("approve-visits").textContent?.trim()).toBe("3 besøk · ledsagere: 1");
    expect(screen.getByTestId("approve-amount").textContent).toBe("kr 375,00");
    await fireEvent.click(screen.getByTestId("approve-dialog-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("settlement-row")).toHaveLength(3));
    expect(screen.queryByTestId("approve-dialog")).toBeNull();
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

  it("approves nothing when the confirmation is cancelled", async () => {
    const calls = backend();
    render(Payouts, { props: { years } });
    await fireEvent.click(await screen.findByTestId("payout-approve"));
    await fireEvent.click(await screen.findByTestId("approve-dialog-cancel"));
    expect(screen.queryByTestId("approve-dialog")).toBeNull();
    await fireEvent.click(screen.getByTestId("payout-approve"));
    await fireEvent.keyDown(await screen.findByTestId("approve-dialog"), { key: "Escape" });
    expect(screen.queryByTestId("approve-dialog")).toBeNull();
    expect(calls.some((c) => c.cmd === "approve_settlement")).toBe(false);
  });

  it("refuses a payout period that ends before it starts, with a message", async () => {
    const calls = backend();
    render(Payouts, { props: { years } });
    await waitFor(() => expect(screen.getAllByTestId("payout-row")).toHaveLength(2));
    await fireEvent.input(screen.getByTestId("payouts-from"), { target: { value: "31.12.2026" } });
    expect(screen.getByTestId("payouts-period-error").textContent).toBe("Fyll inn både fra- og til-dato, eller ingen av dem.");
    await fireEvent.input(screen.getByTestId("payouts-to"), { target: { value: "01.01.2026" } });
    expect(screen.getByTestId("payouts-period-error").textContent).toContain("Perioden slutter før den starter");
    // Not silently replaced by the whole year: no lines, nothing to approve, nothing asked.
    await waitFor(() => expect(screen.queryAllByTestId("payout-row")).toHaveLength(0));
    expect(calls.some((c) => c.cmd === "compute_payouts" && c.args.from === "2026-12-31")).toBe(false);

    await fireEvent.input(screen.getByTestId("payouts-from"), { target: { value: "01.12.2026" } });
    await fireEvent.input(screen.getByTestId("payouts-to"), { target: { value: "31.12.2026" } });
    expect(screen.queryByTestId("payouts-period-error")).toBeNull();
    await waitFor(() =>
      expect(calls.some((c) => c.cmd === "compute_payouts" && c.args.from === "2026-12-01" && c.args.to === "2026-12-31")).toBe(true),
    );
    await fireEvent.click(await screen.findByTestId("payout-approve"));
    expect((await screen.findByTestId("approve-period")).textContent).toBe("01.12.2026–31.12.2026");
  });

  it("never marks a settlement paid on a date that is not a date", async () => {
    const calls = backend();
    render(Payouts, { props: { years } });
    await fireEvent.click(await screen.findByTestId("payout-approve"));
    await fireEvent.click(await screen.findByTestId("approve-dialog-confirm"));
    const date = await screen.findByTestId("settlement-paid-date");
    await fireEvent.input(date, { target: { value: "45.13.2026" } });
    expect(screen.getByTestId("settlement-paid-date-invalid")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("settlement-paid"));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.some((c) => c.cmd === "mark_settlement_paid")).toBe(false);
  });

  it("filters settlements by venue, status and period and pages through them", async () => {
    const many: Settlement[] = Array.from({ length: 45 }, (_, i) => ({
      id: i + 1,
      yearId: 2,
      periodFrom: i % 3 === 0 ? null : "2026-01-01",
      periodTo: i % 3 === 0 ? null : "2026-06-30",
      line: line({ venueId: (i % 5) + 1, venueName: `Sted ${(i % 5) + 1}` }),
      approvedOn: "2026-07-01",
      paidOn: i % 2 === 0 ? "2026-07-15" : null,
      withdrawnReason: null,
      approvedBy: "kultur",
      firstVisit: i === 0 ? "2026-12-03" : null,
      lastVisit: i === 0 ? "2026-12-15" : null,
    }));
    mockIPC((cmd) => {
      if (cmd === "compute_payouts") return [];
      if (cmd === "list_settlements") return many;
      return null;
    });
    render(Payouts, { props: { years } });
    await waitFor(() => expect(screen.getAllByTestId("settlement-row")).toHaveLength(25));
    expect(screen.getByTestId("settlements-page").textContent).toBe("Side 1 av 2 · rad 1–25 av 45");
    // A whole-year settlement says which days its visits fall on.
    await waitFor(() => expect(screen.getAllByTestId("settlement-span")[0].textContent).toBe("besøk 03.12.2026–15.12.2026"));
    await fireEvent.click(screen.getByTestId("settlements-next"));
    expect(screen.getAllByTestId("settlement-row")).toHaveLength(20);

    await fireEvent.change(screen.getByTestId("settlements-venue"), { target: { value: "2" } });
    await waitFor(() => expect(screen.getAllByTestId("settlement-row")).toHaveLength(9));
    expect(screen.getByTestId("settlements-count").textContent?.trim()).toBe("9 av 45 oppgjør");
    await fireEvent.change(screen.getByTestId("settlements-status"), { target: { value: "paid" } });
    await waitFor(() => expect(screen.getAllByTestId("settlement-row").every((r) => r.textContent?.includes("Betalt"))).toBe(true));
    const half = Array.from((screen.getByTestId("settlements-period") as HTMLSelectElement).options).find((o) => o.textContent === "01.01.2026–30.06.2026")!;
    await fireEvent.change(screen.getByTestId("settlements-period"), { target: { value: half.value } });
    await waitFor(() =>
      expect(screen.getAllByTestId("settlement-period").every((c) => c.textContent?.trim() === "01.01.2026–30.06.2026")).toBe(true),
    );
  });
});
