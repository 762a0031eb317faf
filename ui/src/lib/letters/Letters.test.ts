import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import type { ApiError, LetterLanguage, LetterText, Part, ProgramYear } from "../api";
import { i18n } from "../i18n/index.svelte";
import { notices } from "../notify.svelte";
import Letters from "./Letters.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
  i18n.lang = "nb";
  notices.toast = null;
  notices.error = null;
});

const year: ProgramYear = { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: null };

type Call = { cmd: string; args: Record<string, unknown> };

const PARTS: Part[] = ["heading", "intro", "personal", "where", "visits", "freeEntry", "notCovered", "how", "lost", "valid", "questions"];
const ALL = ["{first_name}", "{municipality}", "{program}", "{year}", "{valid_to}", "{contact}"];

function placeholdersOf(part: Part): string[] {
  if (part === "visits") return ["{n}"];
  if (["freeEntry", "notCovered", "how", "lost"].includes(part)) return [];
  return ALL;
}

/** A small letters backend: languages, the texts of each, reviews and prints. */
function backend(opts: { printError?: ApiError } = {}) {
  const calls: Call[] = [];
  const languages: LetterLanguage[] = [
    { lang: "nb", name: "norsk bokmål", nb: "norsk bokmål", nn: "norsk bokmål", en: "Norwegian Bokmål", rtl: false, reviewed: true, reviewedBy: null, reviewedOn: null, edited: 0 },
    { lang: "ar", name: "العربية", nb: "arabisk", nn: "arabisk", en: "Arabic", rtl: true, reviewed: false, reviewedBy: null, reviewedOn: null, edited: 0 },
    { lang: "ti", name: "ትግርኛ", nb: "tigrinja", nn: "tigrinja", en: "Tigrinya", rtl: false, reviewed: false, reviewedBy: null, reviewedOn: null, edited: 0 },
    { lang: "uk", name: "українська", nb: "ukrainsk", nn: "ukrainsk", en: "Ukrainian", rtl: false, reviewed: true, reviewedBy: "Olena K.", reviewedOn: "02.03.2026", edited: 2 },
  ];
  const bundled = (lang: string, part: Part) => `${lang} ${part} bundled`;
  const edits: Record<string, string> = {};
  const textsOf = (lang: string): LetterText[] =>
    PARTS.map((part) => {
      const edited = edits[`${lang}/${part}`];
      return { part, text: edited ?? bundled(lang, part), bundled: bundled(lang, part), edited: edited != null, placeholders: placeholdersOf(part) };
    });
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "letter_languages":
        return languages;
      case "letter_texts":
        return textsOf(args.lang as string);
      case "letter_preview":
        return ["data:image/svg+xml;base64,PHN2Zy8+"];
      case "save_letter_text": {
        const { lang, part, text } = args as { lang: string; part: Part; text: string };
        if (text.includes("{fornavn}")) {
          const err: ApiError = {
            code: "invalid",
            message: "Skjemaet har feil.",
            fields: [{ field: "text", message: "{fornavn} fylles ikke inn i denne teksten (bruk {first_name})" }],
            rows: [],
          };
          throw err;
        }
        const key = `${lang}/${part}`;
        if (text === "" || text === bundled(lang, part)) delete edits[key];
        else edits[key] = text;
        return textsOf(lang);
      }
      case "set_letter_reviewed": {
        const l = languages.find((x) => x.lang === args.lang)!;
        l.reviewedBy = (args.reviewer as string | null) ?? null;
        l.reviewedOn = l.reviewedBy ? "14.05.2026" : null;
        l.reviewed = l.reviewedBy != null || l.lang === "nb";
        return languages;
      }
      case "plugin:dialog|save":
        return "/tmp/brev.pdf";
      case "print_letters":
        if (opts.printError) throw opts.printError;
        return { printed: args.lang ? 1 : 18, path: args.path, warnings: [] };
      default:
        return null;
    }
  });
  return { calls, languages };
}

const row = (lang: string) => screen.getAllByTestId("letters-language").find((r) => r.dataset.lang === lang)!;

async function choose(lang: string) {
  const r = await waitFor(() => row(lang));
  await fireEvent.click(within(r).getByRole("button"));
  await screen.findByTestId("letters-text-lost");
}

describe("Letters", () => {
  it("lists every language by its own name, in its script and direction, with whether it was checked", async () => {
    backend();
    render(Letters, { props: { years: [year] } });
    await waitFor(() => expect(screen.getAllByTestId("letters-language")).toHaveLength(4));

    const ar = row("ar");
    const own = within(ar).getByText("العربية");
    expect(own.getAttribute("lang")).toBe("ar");
    expect(own.getAttribute("dir")).toBe("rtl");
    expect(ar.textContent).toContain("arabisk");
    const arStatus = within(ar).getByTestId("letters-status");
    expect(arStatus.textContent).toContain("Ikke kontrollert");
    expect(arStatus.classList.contains("warn")).toBe(true);

    expect(within(row("ti")).getByText("ትግርኛ").getAttribute("dir")).toBe("ltr");
    expect(within(row("nb")).getByTestId("letters-status").textContent?.trim()).toContain("Kontrollert");
    expect(within(row("nb")).getByTestId("letters-status").textContent).not.toContain("Ikke");
    expect(within(row("uk")).getByTestId("letters-status").textContent).toContain("Kontrollert av Olena K., 02.03.2026");
    expect(within(row("uk")).getByTestId("letters-edited").textContent).toBe("2 tekster endret");
    expect(within(row("ar")).queryByTestId("letters-edited")).toBeNull();
    // The table has its column headings, and nothing is shown on the right until a language is chosen.
    expect(screen.getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Språk", "Status"]);
    expect(screen.getByTestId("letters-choose-hint")).toBeTruthy();
  });

  it("shows the chosen language's texts in that language and direction, with the placeholders each may use", async () => {
    const { calls } = backend();
    render(Letters, { props: { years: [year] } });
    await choose("ar");
    expect(calls.find((c) => c.cmd === "letter_texts")?.args).toEqual({ yearId: 2, lang: "ar" });
    const intro = screen.getByTestId("letters-text-intro") as HTMLTextAreaElement;
    expect(intro.value).toBe("ar intro bundled");
    expect(intro.getAttribute("lang")).toBe("ar");
    expect(intro.getAttribute("dir")).toBe("rtl");
    // Labelled by the part's name; its placeholders are said to it.
    expect(screen.getByLabelText("Innledning")).toBe(intro);
    const fields = document.getElementById(intro.getAttribute("aria-describedby")!.split(" ")[0])!;
    expect([...fields.querySelectorAll("code")].map((c) => c.textContent)).toContain("{first_name}");
    expect(screen.getByTestId("letters-part-lost").textContent).toContain("Ingen felt fylles inn");
    expect(within(screen.getByTestId("letters-part-visits")).getByText("{n}")).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId("letters-preview").querySelectorAll("img")).toHaveLength(1));
    expect(screen.getByTestId("letters-preview").querySelector("img")!.getAttribute("alt")).toBe("Side 1 av brevet på arabisk");
    expect(screen.getByTestId("letters-current-status").textContent).toContain("Ikke kontrollert");
  });

  it("saves an edited text with the year, language and part, and shows the original beside it", async () => {
    const { calls } = backend();
    render(Letters, { props: { years: [year] } });
    await choose("ti");
    const save = screen.getByTestId("letters-save-lost") as HTMLButtonElement;
    expect(save.disabled, "nothing to save yet").toBe(true);
    expect(save.getAttribute("aria-label")).toBe("Lagre «Hvis kortet blir borte»");
    await fireEvent.input(screen.getByTestId("letters-text-lost"), { target: { value: "Ring NAV på 55 55 33 33." } });
    await fireEvent.click(save);
    await waitFor(() => expect(calls.find((c) => c.cmd === "save_letter_text")?.args).toEqual({ yearId: 2, lang: "ti", part: "lost", text: "Ring NAV på 55 55 33 33." }));
    await waitFor(() => expect(notices.toast).toBe("Teksten «Hvis kortet blir borte» er lagret"));
    expect(within(row("ti")).getByTestId("letters-edited").textContent).toBe("1 tekst endret");
    const original = screen.getByTestId("letters-bundled-lost");
    expect(original.textContent).toContain("ti lost bundled");
    expect(original.querySelector("p")!.getAttribute("lang")).toBe("ti");
    expect(screen.getByTestId("letters-text-lost").getAttribute("aria-describedby")).toContain(original.id);
    expect(screen.getByTestId("letters-reset-lost")).toBeTruthy();
    // The preview is drawn again with the new text.
    await waitFor(() => expect(calls.filter((c) => c.cmd === "letter_preview")).toHaveLength(2));
  });

  it("shows a placeholder the part does not know on that text's field", async () => {
    backend();
    render(Letters, { props: { years: [year] } });
    await choose("ti");
    const intro = screen.getByTestId("letters-text-intro");
    await fireEvent.input(intro, { target: { value: "Hei {fornavn}!" } });
    await fireEvent.click(screen.getByTestId("letters-save-intro"));
    const error = await screen.findByTestId("letters-error-intro");
    expect(error.textContent).toBe("{fornavn} fylles ikke inn i denne teksten (bruk {first_name})");
    expect(intro.getAttribute("aria-invalid")).toBe("true");
    expect(intro.getAttribute("aria-describedby")?.split(" ")).toContain(error.id);
    await waitFor(() => expect(document.activeElement).toBe(intro));
    expect(within(row("ti")).queryByTestId("letters-edited")).toBeNull();
    // Only that field: the others are as they were.
    expect(screen.queryByTestId("letters-error-lost")).toBeNull();
    expect(notices.error, "said on the field, not in a banner").toBeNull();
  });

  it("resets an edited text to the bundled one by saving it empty", async () => {
    const { calls } = backend();
    render(Letters, { props: { years: [year] } });
    await choose("ti");
    await fireEvent.input(screen.getByTestId("letters-text-how"), { target: { value: "Vis kortet i døra." } });
    await fireEvent.click(screen.getByTestId("letters-save-how"));
    await fireEvent.click(await screen.findByTestId("letters-reset-how"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "save_letter_text").map((c) => c.args.text)).toEqual(["Vis kortet i døra.", ""]));
    expect(calls.filter((c) => c.cmd === "save_letter_text")[1].args).toEqual({ yearId: 2, lang: "ti", part: "how", text: "" });
    await waitFor(() => expect((screen.getByTestId("letters-text-how") as HTMLTextAreaElement).value).toBe("ti how bundled"));
    expect(screen.queryByTestId("letters-reset-how")).toBeNull();
    expect(within(row("ti")).queryByTestId("letters-edited")).toBeNull();
    expect(notices.toast).toBe("Teksten «Slik brukes kortet» er tilbake til den opprinnelige");
  });

  it("marks a translation checked by a named reviewer, refuses no name, and takes the mark away", async () => {
    const { calls } = backend();
    render(Letters, { props: { years: [year] } });
    await choose("ti");
    expect(screen.getByTestId("letters-current-status").textContent).toContain("Ikke kontrollert");

    await fireEvent.click(screen.getByTestId("letters-mark-reviewed"));
    const missing = screen.getByTestId("letters-reviewer-error");
    expect(missing.textContent).toBe("Skriv navnet på den som har kontrollert brevet");
    expect(screen.getByTestId("letters-reviewer").getAttribute("aria-describedby")).toContain(missing.id);
    expect(calls.some((c) => c.cmd === "set_letter_reviewed")).toBe(false);

    expect(screen.getByLabelText(/^Kontrollert av \(navn\)/)).toBe(screen.getByTestId("letters-reviewer"));
    await fireEvent.input(screen.getByTestId("letters-reviewer"), { target: { value: "Selam T." } });
    await fireEvent.click(screen.getByTestId("letters-mark-reviewed"));
    await waitFor(() => expect(calls.find((c) => c.cmd === "set_letter_reviewed")?.args).toEqual({ yearId: 2, lang: "ti", reviewer: "Selam T." }));
    await waitFor(() => expect(within(row("ti")).getByTestId("letters-status").textContent).toContain("Kontrollert av Selam T., 14.05.2026"));
    expect(within(row("ti")).getByTestId("letters-status").classList.contains("warn")).toBe(false);
    expect(notices.toast).toBe("Brevet på tigrinja er merket som kontrollert av Selam T.");
    const unmark = screen.getByTestId("letters-unmark");
    await waitFor(() => expect(document.activeElement).toBe(unmark));

    await fireEvent.click(unmark);
    await waitFor(() => expect(calls.filter((c) => c.cmd === "set_letter_reviewed")[1]?.args).toEqual({ yearId: 2, lang: "ti", reviewer: null }));
    await waitFor(() => expect(within(row("ti")).getByTestId("letters-status").textContent).toContain("Ikke kontrollert"));
    expect(screen.getByTestId("letters-reviewer")).toBeTruthy();
  });

  it("prints the letter in the chosen language to the file chosen, named by year and language", async () => {
    const { calls } = backend();
    render(Letters, { props: { years: [year] } });
    await choose("ar");
    await fireEvent.click(screen.getByTestId("letters-print-language"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "print_letters")).toBe(true));
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")!.args.options as { defaultPath: string };
    expect(dialog.defaultPath).toBe("informasjonsbrev-2026-ar.pdf");
    const print = calls.find((c) => c.cmd === "print_letters")!.args;
    expect(print).toMatchObject({ yearId: 2, path: "/tmp/brev.pdf", lang: "ar", cardIds: null });
    await waitFor(() => expect(notices.toast).toBe("Brevet på arabisk er skrevet til /tmp/brev.pdf"));
  });

  it("prints a letter to every card holder with no language given, and says a refusal by the button", async () => {
    const { calls } = backend();
    render(Letters, { props: { years: [year] } });
    await waitFor(() => expect(screen.getAllByTestId("letters-language")).toHaveLength(4));
    await fireEvent.click(screen.getByTestId("letters-print-all"));
    await waitFor(() => expect(notices.toast).toBe("18 brev skrevet til /tmp/brev.pdf"));
    const dialog = calls.find((c) => c.cmd === "plugin:dialog|save")!.args.options as { defaultPath: string };
    expect(dialog.defaultPath).toBe("informasjonsbrev-2026.pdf");
    expect(calls.find((c) => c.cmd === "print_letters")!.args).toMatchObject({ yearId: 2, lang: null, cardIds: null });

    cleanup();
    backend({ printError: { code: "denied", message: "Du har ikke tilgang til dette.", fields: [], rows: [] } });
    render(Letters, { props: { years: [year] } });
    await waitFor(() => expect(screen.getAllByTestId("letters-language")).toHaveLength(4));
    await fireEvent.click(screen.getByTestId("letters-print-all"));
    expect((await screen.findByTestId("letters-print-error")).textContent).toBe("Du har ikke tilgang til dette.");
  });

  it("marks the Arabic letter Arabic and right to left everywhere its text is shown (WCAG 3.1.2)", async () => {
    const { languages } = backend();
    languages[1] = { ...languages[1], reviewed: true, reviewedBy: "أحمد", reviewedOn: "02.03.2026" };
    render(Letters, { props: { years: [year] } });
    await choose("ar");
    const detail = screen.getByTestId("letters-detail");
    const heading = within(detail).getByText("العربية");
    expect(heading.getAttribute("lang")).toBe("ar");
    expect(heading.getAttribute("dir")).toBe("rtl");
    // The name in Bokmål beside it is not marked: it is in the UI's language.
    expect(detail.querySelector("h2")!.textContent).toContain("arabisk");
    for (const part of PARTS) {
      const field = screen.getByTestId(`letters-text-${part}`);
      expect(field.getAttribute("lang"), part).toBe("ar");
      expect(field.getAttribute("dir"), part).toBe("rtl");
    }
    // An Arabic reviewer's name is set apart from the Norwegian sentence and the date after it.
    expect(screen.getByTestId("letters-current-status").textContent).toContain("Kontrollert av \u2068أحمد\u2069, 02.03.2026");

    await fireEvent.input(screen.getByTestId("letters-text-lost"), { target: { value: "اتصل بـ NAV" } });
    await fireEvent.click(screen.getByTestId("letters-save-lost"));
    const original = (await screen.findByTestId("letters-bundled-lost")).querySelector("p")!;
    expect(original.textContent).toBe("ar lost bundled");
    expect(original.getAttribute("lang")).toBe("ar");
    expect(original.getAttribute("dir")).toBe("rtl");
  });

  it("marks plain-language Bokmål as Bokmål (nb), a valid BCP 47 tag, not nb-lett", async () => {
    const { languages } = backend();
    languages.push({
      lang: "nb-lett",
      name: "lettlest bokmål",
      nb: "lettlest bokmål",
      nn: "lettlest bokmål",
      en: "Plain Norwegian Bokmål",
      rtl: false,
      reviewed: true,
      reviewedBy: null,
      reviewedOn: null,
      edited: 0,
    });
    render(Letters, { props: { years: [year] } });
    await waitFor(() => expect(screen.getAllByTestId("letters-language")).toHaveLength(5));
    const own = within(row("nb-lett")).getByText("lettlest bokmål");
    expect(own.getAttribute("lang")).toBe("nb");
    expect(own.getAttribute("dir")).toBe("ltr");
    await choose("nb-lett");
    expect(screen.getByTestId("letters-text-intro").getAttribute("lang")).toBe("nb");
    expect(screen.getByTestId("letters-text-intro").getAttribute("dir")).toBe("ltr");
  });

  it("names the languages and parts in English when the app is in English", async () => {
    backend();
    i18n.lang = "en";
    render(Letters, { props: { years: [year] } });
    await waitFor(() => expect(row("ti").textContent).toContain("Tigrinya"));
    expect(within(row("ti")).getByTestId("letters-status").textContent).toContain("Not checked");
    await choose("ti");
    expect(screen.getByLabelText("If the card is lost")).toBe(screen.getByTestId("letters-text-lost"));
  });
});
