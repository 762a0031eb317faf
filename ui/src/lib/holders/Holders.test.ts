import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, render, screen, waitFor, within } from "@testing-library/svelte";
import type { Holder, LanguageOption, ProgramYear } from "../api";
import Holders from "./Holders.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

const years: ProgramYear[] = [
  { id: 7, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: null },
];
const languages: LanguageOption[] = [
  { code: "ar", name: "العربية", nb: "arabisk", nn: "arabisk", en: "Arabic" },
  { code: "ti", name: "ትግርኛ", nb: "tigrinja", nn: "tigrinja", en: "Tigrinya" },
  { code: "so", name: "Soomaali", nb: "somali", nn: "somali", en: "Somali" },
];
const holder = (id: number, firstName: string, lastName: string, language: string): Holder => ({
  id, firstName, lastName, birthDate: "2015-03-02", language,
  guardianName: "", guardianPhone: "", guardianEmail: "", address: "", navContact: "", navNote: "",
});

describe("Holders", () => {
  it("says each name in the family's language when written in its script, and each language by its own name", async () => {
    mockIPC((cmd) => {
      switch (cmd) {
        case "list_holders":
          return [holder(1, "محمد", "حسن", "ar"), holder(2, "ሰላም", "ተስፋዬ", "ti"), holder(3, "Cabdi", "Xasan", "so"), holder(4, "Олена", "Коваль", "ar")];
        case "list_cards":
          return [];
        case "list_languages":
          return languages;
        default:
          return null;
      }
    });
    render(Holders, { props: { years } });
    await waitFor(() => expect(screen.getAllByTestId("holder-row")).toHaveLength(4));
    const rowOf = (last: string) => screen.getAllByTestId("holder-row").find((r) => r.textContent?.includes(last))!;

    const arabic = rowOf("حسن");
    expect(within(arabic).getByRole("button", { name: "حسن" }).getAttribute("lang")).toBe("ar");
    expect(within(arabic).getByText("محمد").getAttribute("lang")).toBe("ar");
    expect(within(arabic).getByText("محمد").getAttribute("dir")).toBe("auto");
    await waitFor(() => expect(within(arabic).getByTestId("holder-language-name").textContent).toBe("العربية (arabisk)"));
    const own = within(arabic).getByText("العربية");
    expect(own.getAttribute("lang")).toBe("ar");
    expect(own.getAttribute("dir")).toBe("rtl");

    const tigrinya = rowOf("ተስፋዬ");
    expect(within(tigrinya).getByText("ሰላም").getAttribute("lang")).toBe("ti");
    expect(within(tigrinya).getByText("ትግርኛ").getAttribute("lang")).toBe("ti");

    // Latin letters need no lang; a Cyrillic name of a family whose language is Arabic gets none.
    expect(within(rowOf("Xasan")).getByText("Cabdi").getAttribute("lang")).toBeNull();
    const cyrillic = rowOf("Коваль");
    expect(within(cyrillic).getByText("Олена").getAttribute("lang")).toBeNull();
    expect(within(cyrillic).getByText("Олена").getAttribute("dir")).toBe("auto");
  });
});
