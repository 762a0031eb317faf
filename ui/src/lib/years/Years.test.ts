import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ProgramYear } from "../api";
import Years from "./Years.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

const y2026: ProgramYear = { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 30, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: null };

function backend() {
  const saved: unknown[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    if (cmd === "quota_status") return { quota: 30, used: 19, left: 11 };
    if (cmd === "save_year") {
      saved.push(args.input);
      return { ...(args.input as ProgramYear), id: 2 };
    }
    return null;
  });
  return saved;
}

async function openYear() {
  render(Years, { props: { years: [y2026], onChanged: () => {} } });
  await fireEvent.click(screen.getByRole("button", { name: "2026" }));
  await screen.findByTestId("year-form");
}

const type = (testid: string, value: string) => fireEvent.input(screen.getByTestId(testid), { target: { value } });

describe("Years", () => {
  const bad: [string, string, string, string][] = [
    ["a negative quota", "year-quota", "-5", "Antall kort må være et helt tall fra 1 til 10 000."],
    ["a quota in letters", "year-quota", "abc", "Antall kort må være et helt tall fra 1 til 10 000."],
    ["a fractional quota", "year-quota", "2,5", "Antall kort må være et helt tall fra 1 til 10 000."],
    ["an age of 30", "year-age-max", "30", "Alderen må være et helt tall fra 0 til 25."],
    ["a negative age", "year-age-min", "-1", "Alderen må være et helt tall fra 0 til 25."],
    ["ages the wrong way round", "year-age-max", "4", "«Alder til» kan ikke være lavere enn «alder fra» (5)."],
    ["a family cap of 0", "year-family-cap", "0", "Maks kort per familie må være et helt tall fra 1 og oppover – eller tomt for ingen grense."],
    ["a year outside 2000–2100", "year-year", "1999", "Skriv et årstall fra 2000 til 2100."],
  ];
  for (const [what, testid, value, message] of bad) {
    it(`refuses ${what} with the field's own sentence and saves nothing`, async () => {
      const saved = backend();
      await openYear();
      await type(testid, value);
      await fireEvent.click(screen.getByTestId("year-save"));
      const shown = Array.from(document.querySelectorAll(".field-error")).map((e) => e.textContent);
      expect(shown).toEqual([message]);
      expect(screen.getByTestId(testid).getAttribute("aria-invalid")).toBe("true");
      expect(saved).toHaveLength(0);
    });
  }

  it("refuses a quota below the cards already assigned", async () => {
    const saved = backend();
    await openYear();
    await waitFor(() => expect(screen.getByTestId("year-form").textContent).toContain("19 tildelt"));
    await type("year-quota", "5");
    await fireEvent.click(screen.getByTestId("year-save"));
    expect(screen.getByTestId("error-cardQuota").textContent).toBe(
      "Antall kort kan ikke være lavere enn de 19 kortene som allerede er tildelt dette året.",
    );
    expect(saved).toHaveLength(0);
  });

  it("refuses an impossible date and a validity that ends before it starts", async () => {
    const saved = backend();
    await openYear();
    await type("year-to", "31.02.2026");
    await fireEvent.click(screen.getByTestId("year-save"));
    expect(screen.getByTestId("year-to-invalid")).toBeTruthy();
    expect(screen.queryByTestId("error-validTo")).toBeNull();
    await type("year-to", "01.01.2025");
    await fireEvent.click(screen.getByTestId("year-save"));
    expect(screen.getByTestId("error-validTo").textContent).toBe("«Gyldig til» kan ikke være før «gyldig fra».");
    expect(saved).toHaveLength(0);
  });

  it("saves good numbers as numbers", async () => {
    const saved = backend();
    await openYear();
    await type("year-quota", "60");
    await type("year-family-cap", "2");
    await fireEvent.click(screen.getByTestId("year-save"));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ id: 2, year: 2026, cardQuota: 60, ageMin: 5, ageMax: 18, familyCap: 2 });
  });
});
