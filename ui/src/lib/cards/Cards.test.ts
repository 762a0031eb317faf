import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, Card, CardRow, ProgramYear } from "../api";
import Cards from "./Cards.svelte";
import { todayIso } from "./util";

afterEach(() => {
  cleanup();
  clearMocks();
});

const years: ProgramYear[] = [
  { id: 1, year: 2025, validFrom: "2025-01-01", validTo: "2025-12-31", cardQuota: 50, ageMin: 5, ageMax: 18, companionFree: true, status: "closed", familyCap: null },
  { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: 2 },
];

function card(id: number, number: string, status: Card["status"]): Card {
  return { id, number, yearId: 2, year: 2026, holderId: id, status, handedOutOn: null, revokedReason: "", replacesCardId: null, createdOn: "2026-01-05" };
}

function backend() {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  const rows: CardRow[] = [
    { card: card(1, "2026-0001-3", "printed"), holder: { id: 1, firstName: "Ola", lastName: "Nordmann", birthYear: 2014 } },
    { card: card(2, "2026-0002-1", "assigned"), holder: { id: 2, firstName: "أمل", lastName: "حسن", birthYear: 2012 } },
  ];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "list_cards":
        return args.yearId === 2 ? rows : [];
      case "quota_status":
        return { quota: 100, used: 88, left: 12 };
      case "holder_summaries":
        return [{ id: 9, firstName: "Kari", lastName: "Berg", birthYear: 2001 }];
      case "hand_out_card":
        rows[0].card.status = "handedOut";
        return rows[0].card;
      case "revoke_card":
        return { ...rows[1].card, status: "revoked" };
      case "mark_printed":
        return [rows[1].card];
      case "assign_card": {
        const err: ApiError = { code: "refused", message: "Kari er 25 år i 2026, utenfor aldersgruppen.", fields: [], rows: [] };
        throw err;
      }
      default:
        return null;
    }
  });
  return calls;
}

describe("Cards", () => {
  it("lets NAV hand out and revoke (with a reason) and shows a refused assignment", async () => {
    const calls = backend();
    render(Cards, { props: { years, role: "nav" } });
    const rows = await screen.findAllByTestId("card-row");
    expect(rows).toHaveLength(2);
    expect((screen.getByTestId("cards-year") as HTMLSelectElement).value).toBe("2");
    expect((await screen.findByTestId("cards-quota")).textContent).toContain("12 av 100 kort igjen");
    expect(screen.queryByTestId("cards-mark-printed")).toBeNull();
    expect(screen.queryByTestId("cards-override-reason")).toBeNull();
    expect(rows[0].textContent).toContain("Skrevet ut");

    await fireEvent.click(rows[0].querySelector('[data-testid="card-handout"]')!);
    await waitFor(() => expect(calls.find((c) => c.cmd === "hand_out_card")?.args).toEqual({ cardId: 1, on: todayIso() }));

    await fireEvent.click(screen.getAllByTestId("card-revoke")[1]);
    await fireEvent.click(screen.getByTestId("card-revoke-confirm"));
    expect(screen.getByTestId("error-reason")).toBeTruthy();
    expect(calls.some((c) => c.cmd === "revoke_card")).toBe(false);
    await fireEvent.input(screen.getByTestId("card-revoke-reason"), { target: { value: "Flyttet" } });
    await fireEvent.click(screen.getByTestId("card-revoke-confirm"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "revoke_card")?.args).toEqual({ cardId: 2, reason: "Flyttet" }));

    await fireEvent.change(screen.getByTestId("cards-assign-holder"), { target: { value: "9" } });
    await waitFor(() => expect((screen.getByTestId("cards-assign") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("cards-assign"));
    expect((await screen.findByTestId("cards-assign-error")).textContent).toContain("utenfor aldersgruppen");
  });

  it("lets the culture office mark cards as printed and give an age override reason", async () => {
    const calls = backend();
    render(Cards, { props: { years, role: "admin" } });
    await screen.findAllByTestId("card-row");
    expect(screen.queryByTestId("card-handout")).toBeNull();
    expect(screen.queryByTestId("card-replace")).toBeNull();
    const mark = screen.getByTestId("cards-mark-printed") as HTMLButtonElement;
    expect(mark.disabled).toBe(true);
    // Any card in use can be selected (a reprint); here the one not yet printed.
    await fireEvent.click(screen.getByLabelText(/2026-0002-1/));
    await fireEvent.click(mark);
    await waitFor(() => expect(calls.find((c) => c.cmd === "mark_printed")?.args).toEqual({ cardIds: [2] }));

    await fireEvent.change(screen.getByTestId("cards-assign-holder"), { target: { value: "9" } });
    await fireEvent.input(screen.getByTestId("cards-override-reason"), { target: { value: "Vedtak fra NAV" } });
    await fireEvent.click(screen.getByTestId("cards-assign"));
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "assign_card")?.args).toEqual({ holderId: 9, yearId: 2, overrideReason: "Vedtak fra NAV" }),
    );
  });
});
