import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, CardLookup } from "../api";
import Lookup from "./Lookup.svelte";

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
  validTo: "2026-12-31",
  venue: null,
};

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
    expect(screen.getByTestId("lookup-result").textContent).toContain("31.12.2026");
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
  });
});

describe("registering a visit", () => {
  it("registers the card on screen with the companion and shows the refusal reason when over the limit", async () => {
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
        if (left === 0) {
          const err: ApiError = { code: "refused", message: "Kortet har brukt alle 5 besøkene her i år", fields: [], rows: [] };
          throw err;
        }
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
    expect(calls[0]).toMatchObject({ code: "2026-0042-9", companion: true, venueId: null, overrideReason: null });
    await waitFor(() => expect(screen.getByTestId("lookup-venue").textContent?.trim()).toBe("Hos Eksempel Kino: 0 av 5 besøk igjen"));
    await fireEvent.click(screen.getByTestId("visit-register"));
    expect((await screen.findByTestId("visit-error")).textContent).toContain("brukt alle 5");
  });
});
