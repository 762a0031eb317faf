import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, CardLookup } from "../api";
import Lookup from "./Lookup.svelte";
import { todayIso } from "./util";

afterEach(() => {
  cleanup();
  clearMocks();
});

function backend(answer: (code: string) => CardLookup) {
  const codes: string[] = [];
  mockIPC((cmd, payload) => {
    if (cmd !== "lookup_card") return null;
    const code = (payload as { code: string }).code;
    codes.push(code);
    return answer(code);
  });
  return codes;
}

async function scan(code: string) {
  const input = screen.getByTestId("lookup-code") as HTMLInputElement;
  await fireEvent.input(input, { target: { value: code } });
  // A USB scanner types the code and presses Enter, which submits the form.
  await fireEvent.submit(input.closest("form")!);
}

const base: CardLookup = {
  state: "valid",
  number: "2026-0042-9",
  scanned: false,
  status: "handedOut",
  firstName: "Amira",
  // The card's year runs around today, so the tests read the same on any day.
  validFrom: addDays(-150),
  validTo: addDays(150),
  venue: null,
};

const allowance = { venueId: 1, venueName: "Eksempel Kino", hasAgreement: true, visitsPerCard: 5, visitsUsed: 2, visitsLeft: 3, companionFree: true };

/** A desk at Eksempel Kino: every card is valid with visits left; visits are recorded. */
function desk(opts: { allowance?: Partial<typeof allowance>; register?: () => unknown } = {}) {
  const registered: Record<string, unknown>[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    if (cmd === "lookup_card") return { ...base, number: String(args.code), venue: { ...allowance, ...opts.allowance } };
    if (cmd === "register_visit") {
      if (opts.register) return opts.register();
      registered.push(args);
      return { visitId: 7, cardNumber: String(args.code), firstName: "Amira", venueName: "Eksempel Kino", visitsUsed: 3, visitsLeft: 2, overridden: false };
    }
    return null;
  });
  return { registered };
}

/** Today plus `days`, as ISO. */
function addDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return todayIso(d);
}

const isoToNb = (iso: string) => iso.split("-").reverse().join(".");

describe("Lookup", () => {
  it("says a forged card is forged and is ready for the next scan", async () => {
    const codes = backend(() => ({ ...base, state: "forged", scanned: true, status: null, firstName: null, validTo: null }));
    render(Lookup);
    const input = screen.getByTestId("lookup-code") as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await scan("OK1:2026-0042-9:xxxx");
    expect((await screen.findByTestId("lookup-state")).textContent).toBe("Falskt kort");
    expect(screen.getByTestId("lookup-result").classList.contains("tone-bad")).toBe(true);
    expect(codes).toEqual(["OK1:2026-0042-9:xxxx"]);
    await waitFor(() => expect(input.value).toBe(""));
    expect(document.activeElement).toBe(input);
  });

  it("shows the venue's allowance for a venue user", async () => {
    backend((code) => ({
      ...base,
      number: code,
      venue: code.endsWith("9")
        ? { venueId: 1, venueName: "Eksempel Kino", hasAgreement: true, visitsPerCard: 5, visitsUsed: 2, visitsLeft: 3, companionFree: true }
        : { venueId: 1, venueName: "Eksempel Kino", hasAgreement: true, visitsPerCard: null, visitsUsed: 0, visitsLeft: null, companionFree: true },
    }));
    render(Lookup);
    await scan("2026-0042-9");
    expect((await screen.findByTestId("lookup-state")).textContent).toBe("Gyldig");
    expect(screen.getByTestId("lookup-first-name").textContent).toBe("Amira");
    expect(screen.getByTestId("lookup-result").textContent).toContain(isoToNb(base.validTo!));
    expect(screen.getByTestId("lookup-venue").textContent?.trim()).toBe("Hos Eksempel Kino: 3 av 5 besøk igjen");
    await scan("2026-0043-5");
    await waitFor(() => expect(screen.getByTestId("lookup-venue").textContent).toContain("Fri inngang hele året"));
  });

  it("shows an unknown card as an error", async () => {
    mockIPC((cmd) => {
      if (cmd === "lookup_card") {
        const err: ApiError = { code: "notFound", message: "Kontrollsifferet stemmer ikke.", fields: [], rows: [] };
        throw err;
      }
      return null;
    });
    render(Lookup);
    await scan("2026-0042-1");
    expect((await screen.findByTestId("lookup-error")).textContent).toContain("Kontrollsifferet stemmer ikke.");
    expect(screen.queryByTestId("lookup-result")).toBeNull();
    // The typo stays for the clerk to see, selected so the next scan replaces it.
    const input = screen.getByTestId("lookup-code") as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(input.value).toBe("2026-0042-1");
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, "2026-0042-1".length]);
  });
});

describe("registering a visit", () => {
  it("registers the card on screen with the companion, then says no visits are left here", async () => {
    const calls: Record<string, unknown>[] = [];
    let left = 1;
    mockIPC((cmd, payload) => {
      if (cmd === "lookup_card") {
        return {
          ...base,
          number: "2026-0042-9",
          venue: { venueId: 1, venueName: "Eksempel Kino", hasAgreement: true, visitsPerCard: 5, visitsUsed: 5 - left, visitsLeft: left, companionFree: true },
        };
      }
      if (cmd === "register_visit") {
        calls.push(payload as Record<string, unknown>);
        left -= 1;
        return { visitId: 7, cardNumber: "2026-0042-9", firstName: "Amira", venueName: "Eksempel Kino", visitsUsed: 5, visitsLeft: 0, overridden: false };
      }
      return null;
    });
    render(Lookup);
    await scan("2026-0042-9");
    await fireEvent.click(await screen.findByTestId("visit-companion"));
    await fireEvent.click(screen.getByTestId("visit-register"));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ code: "2026-0042-9", companion: true, venueId: null, overrideReason: null, on: null });
    await waitFor(() => expect(screen.getByTestId("lookup-venue").textContent?.trim()).toBe("Hos Eksempel Kino: 0 av 5 besøk igjen"));
    // The state that matters here, not a green "Gyldig"; and nothing to register.
    expect(screen.getByTestId("lookup-state").textContent).toBe("Ingen besøk igjen her");
    expect(screen.getByTestId("lookup-result").dataset.state).toBe("noVisitsLeft");
    expect(screen.getByTestId("lookup-result").classList.contains("tone-ok")).toBe(false);
    expect(screen.queryByTestId("visit-register")).toBeNull();
    expect(screen.queryByTestId("visit-panel")).toBeNull();
  });

  it("shows the backend's refusal reason", async () => {
    desk({ register: () => {
      const err: ApiError = { code: "refused", message: "Kortet er sperret.", fields: [], rows: [] };
      throw err;
    } });
    render(Lookup);
    await scan("2026-0042-9");
    await fireEvent.click(await screen.findByTestId("visit-register"));
    expect((await screen.findByTestId("visit-error")).textContent).toBe("Kortet er sperret.");
  });

  it("never registers a visit with a date that is not a date", async () => {
    const { registered } = desk();
    render(Lookup);
    await scan("2026-0042-9");
    await fireEvent.input(await screen.findByTestId("visit-date"), { target: { value: "32.13.2026" } });
    expect(screen.getByTestId("visit-date-invalid").textContent).toBe("Skriv datoen som dd.mm.åååå");
    await fireEvent.click(screen.getByTestId("visit-register"));
    await new Promise((r) => setTimeout(r, 20));
    expect(registered).toHaveLength(0);
    expect(screen.queryByTestId("toast")).toBeNull();
  });

  it("refuses a visit date after today", async () => {
    const { registered } = desk();
    render(Lookup);
    await scan("2026-0042-9");
    await fireEvent.input(await screen.findByTestId("visit-date"), { target: { value: isoToNb(addDays(1)) } });
    expect((await screen.findByTestId("visit-date-error")).textContent).toContain("etter i dag");
    await fireEvent.click(screen.getByTestId("visit-register"));
    await new Promise((r) => setTimeout(r, 20));
    expect(registered).toHaveLength(0);
  });

  it("refuses a venue's visit dated before the card is valid, and asks the culture office for a reason", async () => {
    const { registered } = desk();
    const { unmount } = render(Lookup);
    await scan("2026-0042-9");
    await fireEvent.input(await screen.findByTestId("visit-date"), { target: { value: isoToNb(addDays(-151)) } });
    expect((await screen.findByTestId("visit-date-error")).textContent).toContain("Kortet gjelder ikke denne datoen");
    await fireEvent.click(screen.getByTestId("visit-register"));
    await new Promise((r) => setTimeout(r, 20));
    expect(registered).toHaveLength(0);
    unmount();

    render(Lookup, { props: { role: "admin" } });
    await scan("2026-0042-9");
    await fireEvent.input(await screen.findByTestId("visit-date"), { target: { value: isoToNb(addDays(-151)) } });
    expect(await screen.findByTestId("visit-register-override")).toBeTruthy();
    expect(screen.queryByTestId("visit-date-error")).toBeNull();
  });

  it("registers a back-dated visit with its date, and the next card starts from today", async () => {
    const { registered } = desk();
    render(Lookup);
    await scan("2026-0042-9");
    const yesterday = addDays(-1);
    await fireEvent.input(await screen.findByTestId("visit-date"), { target: { value: isoToNb(yesterday) } });
    await fireEvent.click(screen.getByTestId("visit-companion"));
    await fireEvent.click(screen.getByTestId("visit-register"));
    await waitFor(() => expect(registered).toHaveLength(1));
    expect(registered[0]).toMatchObject({ on: yesterday, companion: true });
    // After registering, and for the next card, the date is today again.
    await waitFor(() => expect((screen.getByTestId("visit-date") as HTMLInputElement).value).toBe(""));

    await fireEvent.input(screen.getByTestId("visit-date"), { target: { value: isoToNb(yesterday) } });
    await fireEvent.click(screen.getByTestId("visit-companion"));
    await scan("2026-0043-5");
    await waitFor(() => expect(screen.getByTestId("lookup-number").textContent).toBe("2026-0043-5"));
    expect((screen.getByTestId("visit-date") as HTMLInputElement).value).toBe("");
    expect((screen.getByTestId("visit-companion") as HTMLInputElement).checked).toBe(false);
    await fireEvent.click(screen.getByTestId("visit-register"));
    await waitFor(() => expect(registered).toHaveLength(2));
    expect(registered[1]).toMatchObject({ code: "2026-0043-5", on: null, companion: false });
  });

  it("a typed invalid date does not follow to the next card", async () => {
    const { registered } = desk();
    render(Lookup);
    await scan("2026-0042-9");
    await fireEvent.input(await screen.findByTestId("visit-date"), { target: { value: "32.13.2026" } });
    await scan("2026-0043-5");
    await waitFor(() => expect(screen.getByTestId("lookup-number").textContent).toBe("2026-0043-5"));
    expect(screen.queryByTestId("visit-date-invalid")).toBeNull();
    expect((screen.getByTestId("visit-date") as HTMLInputElement).value).toBe("");
    await fireEvent.click(screen.getByTestId("visit-register"));
    await waitFor(() => expect(registered).toHaveLength(1));
  });

  it("offers the companion only where the agreement covers one", async () => {
    desk({ allowance: { companionFree: false } });
    render(Lookup);
    await scan("2026-0042-9");
    await screen.findByTestId("visit-register");
    expect(screen.queryByTestId("visit-companion")).toBeNull();
  });

  const cannotRegister: [string, Partial<CardLookup>, string, string][] = [
    ["blocked (lost)", { state: "blocked", status: "lost" }, "Sperret", "meldt tapt"],
    ["blocked (revoked)", { state: "blocked", status: "revoked" }, "Sperret", "trukket tilbake"],
    ["expired", { state: "expired", validTo: "2025-12-31" }, "Utløpt", "31.12.2025"],
    ["not yet valid", { state: "notYetValid" }, "Ikke gyldig ennå", "ikke brukes ennå"],
    ["forged", { state: "forged", status: null, firstName: null, validTo: null, venue: null }, "Falskt kort", "Ikke slipp inn"],
    ["with no agreement here", { venue: { ...allowance, hasAgreement: false, visitsPerCard: null, visitsLeft: 0 } }, "Gjelder ikke her", "ingen avtale"],
  ];
  for (const [name, over, heading, advice] of cannotRegister) {
    it(`never offers "Registrer besøk" for a card ${name}`, async () => {
      backend(() => ({ ...base, venue: allowance, ...over }));
      render(Lookup);
      await scan("2026-0042-9");
      expect((await screen.findByTestId("lookup-state")).textContent).toBe(heading);
      expect(screen.getByTestId("lookup-advice").textContent).toContain(advice);
      expect(screen.getByTestId("lookup-result").classList.contains("tone-ok")).toBe(false);
      expect(screen.queryByTestId("visit-register")).toBeNull();
      expect(screen.queryByTestId("visit-register-override")).toBeNull();
    });
  }

  it("lets the culture office register over the limit only with a written reason", async () => {
    const { registered } = desk({ allowance: { visitsUsed: 5, visitsLeft: 0 } });
    render(Lookup, { props: { role: "admin" } });
    await scan("2026-0042-9");
    expect((await screen.findByTestId("lookup-state")).textContent).toBe("Ingen besøk igjen her");
    expect(screen.queryByTestId("visit-register")).toBeNull();
    await fireEvent.click(screen.getByTestId("visit-register-override"));
    expect(screen.getByTestId("visit-override-error").textContent).toContain("Skriv hvorfor");
    expect(registered).toHaveLength(0);
    await fireEvent.input(screen.getByTestId("visit-override"), { target: { value: "Avtalt med kinoen" } });
    await fireEvent.click(screen.getByTestId("visit-register-override"));
    await waitFor(() => expect(registered).toHaveLength(1));
    expect(registered[0]).toMatchObject({ overrideReason: "Avtalt med kinoen" });
  });

  it("refuses returned-card ticks that are not a whole number of 0 or more", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "list_venues") return [{ id: 1, name: "Eksempel Kino", active: true }];
      if (cmd === "lookup_card") return { ...base, venue: allowance };
      if (cmd === "register_returned_ticks") return 2;
      return null;
    });
    render(Lookup, { props: { role: "admin" } });
    await scan("2026-0042-9");
    const field = await screen.findByTestId("returned-ticks");
    await fireEvent.input(field, { target: { value: "-2" } });
    await fireEvent.click(screen.getByTestId("returned-save"));
    expect(screen.getByTestId("returned-ticks-error").textContent).toBe("Antall kryss må være et helt tall fra 0 til 99.");
    expect(calls).not.toContain("register_returned_ticks");
    await fireEvent.input(field, { target: { value: "2" } });
    await fireEvent.click(screen.getByTestId("returned-save"));
    await waitFor(() => expect(calls).toContain("register_returned_ticks"));
  });

  it("asks the culture office for the desk venue, and checks the card again when it is chosen", async () => {
    const lookups: unknown[] = [];
    mockIPC((cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      if (cmd === "list_venues") return [{ id: 1, name: "Eksempel Kino", active: true }];
      if (cmd === "lookup_card") {
        lookups.push(args.venueId);
        return { ...base, venue: args.venueId == null ? null : allowance };
      }
      return null;
    });
    render(Lookup, { props: { role: "admin" } });
    await scan("2026-0042-9");
    expect(await screen.findByTestId("lookup-choose-venue")).toBeTruthy();
    expect(screen.queryByTestId("visit-register")).toBeNull();
    await waitFor(() => expect((screen.getByTestId("lookup-desk-venue") as HTMLSelectElement).options).toHaveLength(2));
    await fireEvent.change(screen.getByTestId("lookup-desk-venue"), { target: { value: "1" } });
    expect(await screen.findByTestId("visit-register")).toBeTruthy();
    expect(lookups).toEqual([null, 1]);
  });
});
