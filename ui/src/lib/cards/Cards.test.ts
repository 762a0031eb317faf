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
  return { id, number, yearId: 2, year: 2026, holderId: id, status, handedOutOn: null, revokedReason: "", ageOverrideReason: "", replacesCardId: null, createdOn: "2026-01-05" };
}

function backend() {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  const rows: CardRow[] = [
    { card: card(1, "2026-0001-3", "printed"), holder: { id: 1, firstName: "Ola", lastName: "Nordmann", birthYear: 2014, language: "nb" }, visits: 3 },
    { card: card(2, "2026-0002-1", "assigned"), holder: { id: 2, firstName: "أمل", lastName: "حسن", birthYear: 2012, language: "ar" }, visits: 0 },
    { card: card(3, "2026-0003-8", "revoked"), holder: { id: 3, firstName: "Kari", lastName: "Berg", birthYear: 2013, language: "nb" }, visits: 0 },
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
        return [{ id: 9, firstName: "Kari", lastName: "Berg", birthYear: 2001, language: "nb" }];
      case "hand_out_card":
        rows[0].card.status = "handedOut";
        return rows[0].card;
      case "revoke_card":
        return { ...rows[1].card, status: "revoked" };
      case "mark_printed":
        return [rows[1].card];
      case "list_venues":
      case "agreements_for_year":
      case "list_printer_profiles":
      case "card_preview":
        return [];
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
  it("shows each family's visits this year and lists the active cards not used", async () => {
    backend();
    render(Cards, { props: { years, role: "nav" } });
    await waitFor(() => expect(screen.getAllByTestId("card-row")).toHaveLength(3));
    expect(screen.getAllByTestId("card-visits").map((c) => c.textContent)).toEqual(["3", "0", "0"]);
    // An Arabic name of an Arabic-speaking family is read in Arabic; a Latin one gets no lang.
    const names = screen.getAllByTestId("card-row").map((row) => row.querySelectorAll("td")[1]);
    expect(names.map((n) => n.getAttribute("lang"))).toEqual([null, "ar", null]);
    await fireEvent.click(screen.getByTestId("cards-never-used"));
    // Ola has visits and Kari's card is revoked: only Amal's card is left to follow up.
    await waitFor(() => expect(screen.getAllByTestId("card-row")).toHaveLength(1));
    expect(screen.getByTestId("card-row").textContent).toContain("2026-0002-1");
    expect(screen.getByTestId("cards-count").textContent).toContain("1 av 3");
  });

  it("lets NAV hand out and revoke (with a reason) and shows a refused assignment", async () => {
    const calls = backend();
    render(Cards, { props: { years, role: "nav" } });
    const rows = await screen.findAllByTestId("card-row");
    expect(rows).toHaveLength(3);
    expect((screen.getByTestId("cards-year") as HTMLSelectElement).value).toBe("2");
    expect((await screen.findByTestId("cards-quota")).textContent).toContain("12 av 100 kort igjen");
    expect(screen.queryByTestId("cards-mark-printed")).toBeNull();
    expect(screen.queryByTestId("cards-tab-design")).toBeNull();
    expect(screen.queryByTestId("cards-tab-print")).toBeNull();
    expect(rows[0].textContent).toContain("Skrevet ut");

    await fireEvent.click(rows[0].querySelector('[data-testid="card-handout"]')!);
    await waitFor(() => expect(calls.find((c) => c.cmd === "hand_out_card")?.args).toEqual({ cardId: 1, on: todayIso() }));
    await waitFor(() => expect(screen.getAllByTestId("card-status")[0].textContent).toBe("Utlevert"));

    await fireEvent.click(screen.getAllByTestId("card-revoke")[1]);
    await fireEvent.click(screen.getByTestId("card-revoke-confirm"));
    expect(screen.getByTestId("error-reason")).toBeTruthy();
    expect(calls.some((c) => c.cmd === "revoke_card")).toBe(false);
    await fireEvent.input(screen.getByTestId("card-revoke-reason"), { target: { value: "Flyttet" } });
    await fireEvent.click(screen.getByTestId("card-revoke-confirm"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "revoke_card")?.args).toEqual({ cardId: 2, reason: "Flyttet" }));

    // Assigning has its own tab, with a written reason for an exception from the age limit.
    expect(screen.queryByTestId("cards-assign-holder")).toBeNull();
    await fireEvent.click(screen.getByTestId("cards-tab-assign"));
    expect(screen.getByTestId("cards-override-reason")).toBeTruthy();
    await fireEvent.change(screen.getByTestId("cards-assign-holder"), { target: { value: "9" } });
    await waitFor(() => expect((screen.getByTestId("cards-assign") as HTMLButtonElement).disabled).toBe(false));
    await fireEvent.click(screen.getByTestId("cards-assign"));
    expect((await screen.findByTestId("cards-assign-error")).textContent).toContain("utenfor aldersgruppen");
    await fireEvent.input(screen.getByTestId("cards-override-reason"), { target: { value: "Vedtak fra NAV" } });
    await fireEvent.click(screen.getByTestId("cards-assign"));
    await waitFor(() =>
      expect(calls.filter((c) => c.cmd === "assign_card").at(-1)?.args).toEqual({
        holderId: 9,
        yearId: 2,
        overrideReason: "Vedtak fra NAV",
      }),
    );
  });

  it("lets the culture office mark cards as printed, and never assign", async () => {
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
    expect(screen.queryByTestId("cards-tab-assign")).toBeNull();
  });

  it("gives each task its own tab, reachable with the arrow keys", async () => {
    backend();
    render(Cards, { props: { years, role: "admin" } });
    await screen.findAllByTestId("card-row");
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.dataset.testid)).toEqual(["cards-tab-list", "cards-tab-design", "cards-tab-print"]);
    expect(tabs[0].getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("cards-tab-list");
    // Only the list is on the page: no design, no print buttons.
    expect(screen.queryByTestId("print-panel")).toBeNull();

    tabs[0].focus();
    await fireEvent.keyDown(tabs[0], { key: "ArrowRight" });
    expect(document.activeElement).toBe(screen.getByTestId("cards-tab-design"));
    expect(screen.getByTestId("print-panel").dataset.section).toBe("design");
    await fireEvent.keyDown(document.activeElement!, { key: "End" });
    expect(screen.getByTestId("cards-tab-print").getAttribute("aria-selected")).toBe("true");
    expect(screen.getByTestId("print-panel").dataset.section).toBe("print");
    await fireEvent.keyDown(document.activeElement!, { key: "ArrowRight" });
    expect(screen.getByTestId("cards-tab-list").getAttribute("aria-selected")).toBe("true");
  });

  it("searches the card list and pages through it", async () => {
    const many: CardRow[] = Array.from({ length: 60 }, (_, i) => ({
      card: card(i + 1, `2026-${String(i + 1).padStart(4, "0")}-0`, "handedOut"),
      holder: { id: i + 1, firstName: i === 41 ? "Selam" : `Barn${i + 1}`, lastName: "Hansen", birthYear: 2012, language: "nb" },
      visits: i % 3,
    }));
    mockIPC((cmd) => {
      if (cmd === "list_cards") return many;
      if (cmd === "quota_status") return { quota: 100, used: 60, left: 40 };
      if (cmd === "holder_summaries") return [];
      return null;
    });
    render(Cards, { props: { years, role: "nav" } });
    await waitFor(() => expect(screen.getAllByTestId("card-row")).toHaveLength(25));
    expect(screen.getByTestId("cards-page").textContent).toBe("Side 1 av 3 · rad 1–25 av 60");
    await fireEvent.click(screen.getByTestId("cards-next"));
    expect(screen.getAllByTestId("card-row")[0].textContent).toContain("2026-0026-0");
    await fireEvent.input(screen.getByTestId("cards-search"), { target: { value: "selam" } });
    await waitFor(() => expect(screen.getAllByTestId("card-row")).toHaveLength(1));
    expect(screen.getByTestId("card-row").textContent).toContain("2026-0042-0");
    expect(screen.getByTestId("cards-count").textContent?.trim()).toBe("1 av 60 kort");
    expect(screen.queryByTestId("cards-pager")).toBeNull();
  });

  it("shows why a card was assigned outside the age range on the card itself", async () => {
    const rows: CardRow[] = [
      { card: { ...card(1, "2026-0001-3", "handedOut"), ageOverrideReason: "Vedtak fra NAV" }, holder: { id: 1, firstName: "Ola", lastName: "Nordmann", birthYear: 2007, language: "nb" }, visits: 0 },
      { card: card(2, "2026-0002-1", "assigned"), holder: { id: 2, firstName: "Kari", lastName: "Berg", birthYear: 2014, language: "nb" }, visits: 0 },
    ];
    mockIPC((cmd) => {
      if (cmd === "list_cards") return rows;
      if (cmd === "quota_status") return { quota: 100, used: 2, left: 98 };
      if (cmd === "holder_summaries") return [];
      return null;
    });
    render(Cards, { props: { years, role: "nav" } });
    const shown = await screen.findAllByTestId("card-row");
    expect(shown[0].textContent).toContain("unntak fra aldersgrensen: Vedtak fra NAV");
    expect(shown[1].querySelector('[data-testid="card-age-override"]')).toBeNull();
  });
});
