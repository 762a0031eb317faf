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
        ? { venueName: "Eksempel Kino", hasAgreement: true, visitsPerCard: 5 }
        : { venueName: "Eksempel Kino", hasAgreement: true, visitsPerCard: null },
    }));
    render(Lookup);
    await scan("2026-0042-9");
    expect((await screen.findByTestId("lookup-state")).textContent).toBe("Gyldig");
    expect(screen.getByTestId("lookup-first-name").textContent).toBe("Amira");
    expect(screen.getByTestId("lookup-result").textContent).toContain("31.12.2026");
    expect(screen.getByTestId("lookup-venue").textContent?.trim()).toBe("Hos Eksempel Kino: 5 besøk per kort");
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
