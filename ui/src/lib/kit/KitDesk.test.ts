import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, CardLookup, KitInfo, KitVisit, VisitReceipt } from "../api";
import Lookup from "../cards/Lookup.svelte";
import { todayIso } from "../cards/util";
import { notices } from "../notify.svelte";
import KitDesk from "./KitDesk.svelte";
import { thisMonth } from "./kit";

type Call = { cmd: string; args: Record<string, unknown> };

const kit: KitInfo = { programName: "Opplevelseskortet", venueName: "Eksempel Kino", year: 2026, madeAt: "2026-03-01T09:00:00Z", cards: 18 };

const allowance = { venueId: 1, venueName: "Eksempel Kino", hasAgreement: true, visitsPerCard: 5, visitsUsed: 2, visitsLeft: 3, companionFree: true };

const valid: CardLookup = {
  state: "valid",
  number: "2026-0042-9",
  scanned: false,
  status: "handedOut",
  firstName: "Amira",
  validFrom: "2026-01-01",
  validTo: "2026-12-31",
  venue: allowance,
};

const visit = (over: Partial<KitVisit> = {}): KitVisit => ({
  id: 1,
  cardNumber: "2026-0042-9",
  firstName: "Amira",
  visitedOn: "2026-03-03",
  companion: false,
  ...over,
});

/** A kit's desk at Eksempel Kino. */
function backend(
  opts: {
    lookup?: (code: string) => CardLookup;
    register?: () => VisitReceipt;
    visits?: KitVisit[];
    savePath?: string | null;
  } = {},
) {
  const calls: Call[] = [];
  let visits = opts.visits ?? [];
  let used = allowance.visitsUsed;
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "kit_lookup":
      case "lookup_card": {
        const code = String(args.code);
        if (opts.lookup) return opts.lookup(code);
        return { ...valid, number: code, venue: { ...allowance, visitsUsed: used, visitsLeft: 5 - used } };
      }
      case "kit_register": {
        if (opts.register) return opts.register();
        used += 1;
        visits = [visit({ id: visits.length + 1, cardNumber: String(args.code), visitedOn: todayIso(), companion: !!args.companion }), ...visits];
        return { visitId: visits.length, cardNumber: String(args.code), firstName: "Amira", venueName: "Eksempel Kino", visitsUsed: used, visitsLeft: 5 - used, overridden: false };
      }
      case "kit_visits":
        return visits;
      case "plugin:dialog|save":
        return opts.savePath === undefined ? "/tmp/kino-rapport.csv" : opts.savePath;
      case "kit_save_report":
        return visits.length;
      default:
        return null;
    }
  });
  return calls;
}

afterEach(() => {
  cleanup();
  clearMocks();
  notices.toast = null;
  notices.error = null;
});

async function scan(code: string, testid = "kit-code") {
  const input = screen.getByTestId(testid) as HTMLInputElement;
  await fireEvent.input(input, { target: { value: code } });
  // A USB scanner types the code and presses Enter, which submits the form.
  await fireEvent.submit(input.closest("form")!);
}

describe("the kit's card check", () => {
  it("answers a valid card with the state, the first name and the visits left here, and is ready for the next scan", async () => {
    const calls = backend();
    render(KitDesk, { props: { kit } });
    const input = screen.getByTestId("kit-code") as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Kortsjekk – Eksempel Kino");
    await scan("OK1:2026-0042-9:signatur");
    expect((await screen.findByTestId("kit-state")).textContent).toBe("Gyldig");
    expect(screen.getByTestId("kit-result").dataset.state).toBe("valid");
    expect(screen.getByTestId("kit-result").classList.contains("tone-ok")).toBe(true);
    expect(screen.getByTestId("kit-first-name").textContent).toBe("Amira");
    expect(screen.getByTestId("kit-venue").textContent?.trim()).toBe("Hos Eksempel Kino: 3 av 5 besøk igjen");
    expect(screen.getByTestId("kit-register")).toBeTruthy();
    expect(calls.find((c) => c.cmd === "kit_lookup")?.args).toEqual({ code: "OK1:2026-0042-9:signatur" });
    await waitFor(() => expect(input.value).toBe(""));
    expect(document.activeElement).toBe(input);
  });

  // The same answer from the backend reads the same at the program's desk and at the kit's.
  const answers: [string, CardLookup][] = [
    ["valid", valid],
    ["with no visits left", { ...valid, venue: { ...allowance, visitsUsed: 5, visitsLeft: 0 } }],
    ["with free entry", { ...valid, venue: { ...allowance, visitsPerCard: null, visitsLeft: null } }],
    ["lost", { ...valid, state: "blocked", status: "lost" }],
    ["revoked", { ...valid, state: "blocked", status: "revoked" }],
    ["expired", { ...valid, state: "expired", validTo: "2025-12-31" }],
    ["not yet valid", { ...valid, state: "notYetValid" }],
    ["forged", { ...valid, state: "forged", scanned: true, status: null, firstName: null, validTo: null, venue: null }],
  ];
  for (const [name, answer] of answers) {
    it(`says a card ${name} in the same words as the program's card check desk`, async () => {
      backend({ lookup: (code) => ({ ...answer, number: code }) });
      const parts = ["state", "advice", "number", "first-name", "valid-to", "status", "venue"];
      const read = (prefix: string) =>
        Object.fromEntries(parts.map((p) => [p, screen.queryByTestId(`${prefix}-${p}`)?.textContent?.trim() ?? null]));

      const desk = render(Lookup);
      await scan("2026-0042-9", "lookup-code");
      await screen.findByTestId("lookup-state");
      const atDesk = read("lookup");
      const deskTone = screen.getByTestId("lookup-result").className;
      const deskOffers = screen.queryByTestId("visit-register") !== null;
      desk.unmount();

      render(KitDesk, { props: { kit } });
      await scan("2026-0042-9");
      await screen.findByTestId("kit-state");
      expect(read("kit")).toEqual(atDesk);
      expect(screen.getByTestId("kit-result").className).toBe(deskTone);
      expect(screen.queryByTestId("kit-register") !== null, "registering is offered where the desk offers it").toBe(deskOffers);
    });
  }

  it("shows a code it cannot check as an error and keeps the typo selected", async () => {
    mockIPC((cmd) => {
      if (cmd === "kit_lookup") {
        const err: ApiError = { code: "notFound", message: "Kortet finnes ikke i settet.", fields: [], rows: [] };
        throw err;
      }
      return cmd === "kit_visits" ? [] : null;
    });
    render(KitDesk, { props: { kit } });
    await scan("2026-0042-1");
    expect((await screen.findByTestId("kit-error")).textContent).toContain("Kortet finnes ikke i settet.");
    expect(screen.queryByTestId("kit-result")).toBeNull();
    const input = screen.getByTestId("kit-code") as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(input.value).toBe("2026-0042-1");
    expect(input.getAttribute("aria-describedby")).toBe("kit-error-message");
  });
});

describe("registering at the kit's desk", () => {
  it("registers the card on screen with the companion, shows the receipt with the visits left and lists the visit", async () => {
    const calls = backend();
    render(KitDesk, { props: { kit } });
    expect(await screen.findByTestId("kit-visits-none")).toBeTruthy();
    await scan("2026-0042-9");
    await fireEvent.click(await screen.findByTestId("kit-companion"));
    await fireEvent.click(screen.getByTestId("kit-register"));
    const receipt = await screen.findByTestId("kit-receipt");
    expect(receipt.textContent).toContain("Besøk registrert for Amira – 2 igjen");
    expect(receipt.getAttribute("role")).toBe("status");
    expect(calls.find((c) => c.cmd === "kit_register")?.args).toEqual({ code: "2026-0042-9", companion: true, on: null });
    // The card again, with this visit counted.
    await waitFor(() => expect(screen.getByTestId("kit-venue").textContent?.trim()).toBe("Hos Eksempel Kino: 2 av 5 besøk igjen"));
    expect((screen.getByTestId("kit-companion") as HTMLInputElement).checked).toBe(false);
    const row = await screen.findByTestId("kit-visit-row");
    expect(row.textContent).toContain("2026-0042-9");
    expect(row.textContent).toContain("Amira");
    expect(row.textContent).toContain("Ja");
    expect(document.activeElement).toBe(screen.getByTestId("kit-code"));

    // The next card starts without the receipt.
    await scan("2026-0043-5");
    await waitFor(() => expect(screen.getByTestId("kit-number").textContent).toBe("2026-0043-5"));
    expect(screen.queryByTestId("kit-receipt")).toBeNull();
  });

  it("says a refusal in the backend's words", async () => {
    backend({
      register: () => {
        const err: ApiError = { code: "refused", message: "Kortet har ingen besøk igjen hos Eksempel Kino.", fields: [], rows: [] };
        throw err;
      },
    });
    render(KitDesk, { props: { kit } });
    await scan("2026-0042-9");
    await fireEvent.click(await screen.findByTestId("kit-register"));
    const refused = await screen.findByTestId("kit-register-error");
    expect(refused.textContent).toBe("Kortet har ingen besøk igjen hos Eksempel Kino.");
    expect(refused.getAttribute("role")).toBe("alert");
    expect(screen.queryByTestId("kit-receipt")).toBeNull();
  });

  it("offers the companion only where the agreement covers one", async () => {
    backend({ lookup: (code) => ({ ...valid, number: code, venue: { ...allowance, companionFree: false } }) });
    render(KitDesk, { props: { kit } });
    await scan("2026-0042-9");
    await screen.findByTestId("kit-register");
    expect(screen.queryByTestId("kit-companion")).toBeNull();
  });
});

describe("the kit's visits", () => {
  it("lists the visits registered here, and one month's when a month is chosen", async () => {
    const calls = backend({ visits: [visit({ id: 2, visitedOn: "2026-03-10", companion: true }), visit({ id: 1, cardNumber: "2026-0043-5", firstName: "Jonas" })] });
    render(KitDesk, { props: { kit } });
    await waitFor(() => expect(screen.getAllByTestId("kit-visit-row")).toHaveLength(2));
    const rows = screen.getAllByTestId("kit-visit-row").map((r) => r.textContent);
    expect(rows[0]).toContain("10.03.2026");
    expect(rows[1]).toContain("Jonas");
    expect(screen.getByTestId("kit-visits-count").textContent).toBe("2 besøk");
    expect(calls.find((c) => c.cmd === "kit_visits")?.args).toEqual({ from: null, to: null });

    const month = screen.getByTestId("kit-visits-month") as HTMLSelectElement;
    expect(Array.from(month.options).map((o) => o.value)).toHaveLength(13);
    expect(month.options[0].textContent).toBe("Hele 2026");
    await fireEvent.change(month, { target: { value: "2026-02" } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === "kit_visits").at(-1)?.args).toEqual({ from: "2026-02-01", to: "2026-02-28" }));
  });
});

describe("the kit's report", () => {
  it("saves this month's report as CSV where the desk chooses, and says how many visits it holds", async () => {
    const calls = backend({ visits: [visit(), visit({ id: 2 })], savePath: "/tmp/kino-rapport" });
    render(KitDesk, { props: { kit } });
    expect((screen.getByTestId("kit-report-thisMonth") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("kit-report-csv") as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByTestId("kit-report-save"));
    const saved = await screen.findByTestId("kit-report-result");
    expect(saved.textContent).toContain("Rapporten med 2 besøk er lagret i /tmp/kino-rapport.csv");
    expect(notices.toast).toBe("Rapporten med 2 besøk er lagret i /tmp/kino-rapport.csv");
    const month = thisMonth(todayIso());
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")?.args.options as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(dialog.filters[0].extensions).toEqual(["csv"]);
    expect(dialog.defaultPath).toBe(`eksempel-kino-rapport-${month.from.slice(0, 7)}.csv`);
    expect(calls.find((c) => c.cmd === "kit_save_report")?.args).toEqual({ path: "/tmp/kino-rapport.csv", from: month.from, to: month.to, xlsx: false });
  });

  it("saves a period the desk types as Excel, and checks the dates first", async () => {
    const calls = backend({ visits: [visit()], savePath: "/tmp/kino-vaar.xlsx" });
    render(KitDesk, { props: { kit } });
    await fireEvent.click(screen.getByTestId("kit-report-custom"));
    await fireEvent.click(screen.getByTestId("kit-report-xlsx"));
    await fireEvent.input(screen.getByTestId("kit-report-from"), { target: { value: "01.03.2026" } });
    await fireEvent.click(screen.getByTestId("kit-report-save"));
    expect(screen.getByTestId("kit-report-error-to").textContent).toContain("både fra- og til-dato");
    expect(calls.some((c) => c.cmd === "plugin:dialog|save")).toBe(false);

    await fireEvent.input(screen.getByTestId("kit-report-to"), { target: { value: "01.02.2026" } });
    await fireEvent.click(screen.getByTestId("kit-report-save"));
    expect(screen.getByTestId("kit-report-error-to").textContent).toContain("slutter før den starter");
    expect(calls.some((c) => c.cmd === "kit_save_report")).toBe(false);

    await fireEvent.input(screen.getByTestId("kit-report-to"), { target: { value: "31.05.2026" } });
    await fireEvent.click(screen.getByTestId("kit-report-save"));
    await screen.findByTestId("kit-report-result");
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")?.args.options as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(dialog.filters[0].extensions).toEqual(["xlsx"]);
    expect(dialog.defaultPath).toBe("eksempel-kino-rapport-2026-03-01-2026-05-31.xlsx");
    expect(calls.find((c) => c.cmd === "kit_save_report")?.args).toEqual({ path: "/tmp/kino-vaar.xlsx", from: "2026-03-01", to: "2026-05-31", xlsx: true });
  });

  it("saves last month's report, and nothing when the save dialog is cancelled", async () => {
    const calls = backend({ savePath: null });
    render(KitDesk, { props: { kit } });
    await fireEvent.click(screen.getByTestId("kit-report-lastMonth"));
    await fireEvent.click(screen.getByTestId("kit-report-save"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "plugin:dialog|save")).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.some((c) => c.cmd === "kit_save_report")).toBe(false);
    expect(screen.queryByTestId("kit-report-result")).toBeNull();
  });
});
