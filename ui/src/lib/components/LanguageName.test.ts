import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/svelte";
import type { LanguageOption } from "../api";
import { i18n } from "../i18n/index.svelte";
import LanguageName from "./LanguageName.svelte";

afterEach(() => {
  cleanup();
  i18n.lang = "nb";
});

const languages: LanguageOption[] = [
  { code: "ar", name: "العربية", nb: "arabisk", nn: "arabisk", en: "Arabic" },
  { code: "ti", name: "ትግርኛ", nb: "tigrinja", nn: "tigrinja", en: "Tigrinya" },
  { code: "nb", name: "norsk bokmål", nb: "norsk bokmål", nn: "norsk bokmål", en: "Norwegian Bokmål" },
  // No name in itself in CLDR: the backend sends the English one.
  { code: "din", name: "Dinka", nb: "dinka", nn: "dinka", en: "Dinka" },
  { code: "tig", name: "Tigre", nb: "tigré", nn: "tigré", en: "Tigre" },
];

function shown(code: string): HTMLElement {
  const { container } = render(LanguageName, { props: { code, languages } });
  return container as HTMLElement;
}

describe("LanguageName", () => {
  it("marks the own name of Arabic with its language and direction, the Norwegian name beside it not", () => {
    const box = shown("ar");
    expect(box.textContent).toBe("العربية (arabisk)");
    const own = screen.getByText("العربية");
    expect(own.tagName).toBe("SPAN");
    expect(own.getAttribute("lang")).toBe("ar");
    expect(own.getAttribute("dir")).toBe("rtl");
    expect(own.textContent).toBe("العربية");
  });

  it("marks Tigrinya's own name Tigrinya, left to right", () => {
    const box = shown("ti");
    expect(box.textContent).toBe("ትግርኛ (tigrinja)");
    const own = screen.getByText("ትግርኛ");
    expect(own.getAttribute("lang")).toBe("ti");
    expect(own.getAttribute("dir")).toBe("ltr");
  });

  it("follows the UI's language for the name beside it", () => {
    i18n.lang = "en";
    const box = shown("ti");
    expect(box.textContent).toBe("ትግርኛ (Tigrinya)");
    expect(screen.getByText("ትግርኛ").getAttribute("lang")).toBe("ti");
  });

  it("shows Bokmål alone to a Bokmål reader, still marked nb", () => {
    const box = shown("nb");
    expect(box.textContent).toBe("Norsk bokmål");
    expect(box.querySelector("span")!.getAttribute("lang")).toBe("nb");
  });

  it("marks the English name standing in for a missing own name as English", () => {
    const box = shown("tig");
    expect(box.textContent).toBe("Tigre (tigré)");
    expect(screen.getByText("Tigre").getAttribute("lang")).toBe("en");
    expect(shown("din").querySelector("span")!.getAttribute("lang")).toBe("en");
  });

  it("shows a code not in the list bare, unmarked", () => {
    const box = shown("qqq");
    expect(box.textContent).toBe("qqq");
    expect(box.querySelector("[lang]")).toBeNull();
  });
});
