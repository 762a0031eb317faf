import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { defaultYear } from "../cards/util";
import type { ApiError, EvaluationMeeting, FeedbackSummary, ProgramYear, Question, ResponseRow, Respondent, Role, Venue } from "../api";
import { i18n } from "../i18n/index.svelte";
import { notices } from "../notify.svelte";
import Feedback from "./Feedback.svelte";
import { formatMean, fromStored, toSubmit } from "./feedback";
import { axeViolations, labelInName } from "../a11y-testing";
import { drawn } from "../stats/chart-mock";

// Chart.js cannot draw in jsdom: the stand-in keeps each chart made in `drawn`.
vi.mock("chart.js", async () => (await import("../stats/chart-mock")).chartModule);

afterEach(() => {
  cleanup();
  clearMocks();
  drawn.length = 0;
  i18n.lang = "nb";
  notices.toast = null;
  notices.error = null;
});

type Call = { cmd: string; args: Record<string, unknown> };

const years: ProgramYear[] = [
  { id: 1, year: 2025, validFrom: "2025-01-01", validTo: "2025-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "closed", familyCap: null },
  { id: 2, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: null },
];

const venue = (id: number, name: string, active = true): Venue =>
  ({ id, name, category: "cinema", address: "", contactPerson: "", phone: "", email: "", orgNumber: "", bankAccount: "", logoId: null, active }) as Venue;
const venues = [venue(3, "Eksempel Kino"), venue(4, "Badet"), venue(5, "Nedlagt", false)];

const q = (id: number, position: number, kind: Question["kind"], nb: string, choices: string[] = [], more: Record<string, string> = {}): Question => ({
  id,
  position,
  kind,
  texts: { nb, ...more },
  choices: choices.map((c) => ({ nb: c, en: `${c} (en)` })),
  byCategory: false,
});

const familyQuestions: Question[] = [
  q(11, 1, "yesNo", "Har dere brukt kortet?", [], { en: "Did you use the card?" }),
  q(12, 2, "scale", "Hvor fornøyd er dere?"),
  q(13, 3, "choice", "Hva brukte dere mest?", ["Kino", "Bad", "Konsert"]),
  q(14, 4, "text", "Gikk noe galt?"),
  q(15, 5, "scale", "Var informasjonen lett å forstå?"),
];

const venueQuestions: Question[] = [
  q(21, 1, "choice", "Hvor mange kortholdere kom?", ["0", "1–10", "11–50", "51+"]),
  q(22, 2, "yesNo", "Var det problemer i skranken?"),
  q(23, 3, "text", "Annet?"),
];

const familySummary: FeedbackSummary = {
  respondent: "family",
  forms: 12,
  questions: [
    { questionId: 11, text: "Har dere brukt kortet?", kind: "yesNo", answered: 12, counts: [10, 2], labels: ["Ja", "Nei"], meanHundredths: null, texts: [] },
    { questionId: 12, text: "Hvor fornøyd er dere?", kind: "scale", answered: 8, counts: [0, 1, 0, 3, 4], labels: ["1", "2", "3", "4", "5"], meanHundredths: 425, texts: [] },
    { questionId: 13, text: "Hva brukte dere mest?", kind: "choice", answered: 9, counts: [6, 2, 1], labels: ["Kino", "Bad", "Konsert"], meanHundredths: null, texts: [] },
    { questionId: 14, text: "Gikk noe galt?", kind: "text", answered: 2, counts: [], labels: [], meanHundredths: null, texts: ["Kinoen tok ikke kortet.", "… glemte kortet hjemme."] },
  ],
};

const venueSummary: FeedbackSummary = { respondent: "venue", forms: 0, questions: [] };

function backend(
  opts: {
    rows?: ResponseRow[];
    venueRows?: ResponseRow[];
    saveError?: ApiError;
    importError?: ApiError;
    replaced?: boolean;
    meeting?: EvaluationMeeting;
  } = {},
) {
  const calls: Call[] = [];
  const questions: Record<Respondent, Question[]> = { family: structuredClone(familyQuestions), venue: structuredClone(venueQuestions) };
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    switch (cmd) {
      case "questionnaire": {
        const respondent = args.respondent as Respondent;
        return { id: respondent === "family" ? 1 : 2, yearId: args.yearId, respondent, questions: questions[respondent] };
      }
      case "feedback_responses":
        return args.respondent === "family" ? (opts.rows ?? []) : (opts.venueRows ?? []);
      case "save_family_answers":
      case "save_venue_answers":
        if (opts.saveError) throw opts.saveError;
        return { responseId: 9, replaced: opts.replaced ?? false, answered: (args.answers as unknown[]).length };
      case "import_venue_answers":
        if (opts.importError) throw opts.importError;
        return 2;
      case "feedback_summary":
        return args.respondent === "family" ? familySummary : venueSummary;
      case "evaluation_meeting":
        return opts.meeting ?? { yearId: args.yearId, heldOn: null, agenda: "", minutes: "", conclusions: "" };
      case "save_evaluation_meeting":
        return null;
      case "list_languages":
        return [
          { code: "nb", name: "norsk bokmål", nb: "norsk bokmål", nn: "norsk bokmål", en: "Norwegian Bokmål" },
          { code: "en", name: "English", nb: "engelsk", nn: "engelsk", en: "English" },
          { code: "ti", name: "ትግርኛ", nb: "tigrinja", nn: "tigrinja", en: "Tigrinya" },
          { code: "ar", name: "العربية", nb: "arabisk", nn: "arabisk", en: "Arabic" },
        ];
      case "set_question_text": {
        const list = [...questions.family, ...questions.venue];
        const found = list.find((x) => x.id === args.questionId)!;
        found.texts = { ...found.texts, [args.lang as string]: args.text as string };
        return found;
      }
      default:
        return null;
    }
  });
  return calls;
}

const show = (role: Role = "admin") => render(Feedback, { props: { years, venues, role } });
const input = (testid: string) => screen.getByTestId(testid) as HTMLInputElement;
const last = (calls: Call[], cmd: string) => calls.filter((c) => c.cmd === cmd).at(-1);

describe("the answers as the backend takes them", () => {
  it("writes scale, yes/no, choice and text answers and leaves out the unanswered", () => {
    expect(toSubmit(familyQuestions, { 11: "yes", 12: "4", 13: "2", 14: "  Fint  ", 15: "" })).toEqual([
      [11, "ja"],
      [12, "4"],
      [13, "2"],
      [14, "Fint"],
    ]);
    expect(toSubmit(familyQuestions, { 11: "no", 14: "   " })).toEqual([[11, "nei"]]);
  });

  it("reads a stored form back: the choice's index from 0 becomes its number from 1", () => {
    expect(fromStored(familyQuestions, [[11, "no"], [12, "3"], [13, "0"], [14, "Tekst"], [99, "x"]])).toEqual({
      11: "no",
      12: "3",
      13: "1",
      14: "Tekst",
    });
  });

  it("writes a mean with a decimal comma in Norwegian and a point in English", () => {
    expect(formatMean(425, "nb")).toBe("4,25");
    expect(formatMean(400, "nn")).toBe("4,00");
    expect(formatMean(305, "en")).toBe("3.05");
  });
});

describe("Feedback", () => {
  it("sends a typed-in family form as [question id, answer] pairs, then empties it for the next one", async () => {
    const calls = backend();
    show();
    expect(await screen.findByTestId("feedback-q-1")).toBeTruthy();
    expect(calls.find((c) => c.cmd === "questionnaire")?.args).toEqual({ yearId: 2, respondent: "family" });
    // Numbered as on the paper form.
    expect(screen.getByTestId("feedback-q-1").textContent).toContain("1. Har dere brukt kortet?");
    expect(screen.getByTestId("feedback-q-3").textContent).toContain("3. Hva brukte dere mest?");
    expect(screen.getByTestId("feedback-q-4").tagName).toBe("TEXTAREA");

    await fireEvent.input(input("feedback-card"), { target: { value: "202600429" } });
    await fireEvent.blur(input("feedback-card"));
    expect(input("feedback-card").value).toBe("2026-0042-9");
    await fireEvent.click(screen.getByTestId("feedback-q-1-yes"));
    await fireEvent.click(screen.getByTestId("feedback-q-2-4"));
    await fireEvent.click(screen.getByTestId("feedback-q-3-2"));
    await fireEvent.input(screen.getByTestId("feedback-q-4"), { target: { value: "Alt gikk fint" } });
    expect(screen.getByTestId("feedback-answered").textContent).toBe("4 av 5 spørsmål besvart");
    await fireEvent.click(screen.getByTestId("feedback-save"));

    await waitFor(() => expect(last(calls, "save_family_answers")).toBeTruthy());
    expect(last(calls, "save_family_answers")!.args).toEqual({
      yearId: 2,
      cardNumber: "2026-0042-9",
      answers: [
        [11, "ja"],
        [12, "4"],
        [13, "2"],
        [14, "Alt gikk fint"],
      ],
    });
    await waitFor(() => expect(notices.toast).toBe("Svarskjemaet for kort 2026-0042-9 er lagret"));
    // The form is empty again, the focus on the card number, and the list is read again.
    expect(input("feedback-card").value).toBe("");
    expect((screen.getByTestId("feedback-q-1-yes") as HTMLInputElement).checked).toBe(false);
    expect((screen.getByTestId("feedback-q-4") as HTMLTextAreaElement).value).toBe("");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("feedback-card")));
    expect(calls.filter((c) => c.cmd === "feedback_responses" && c.args.respondent === "family")).toHaveLength(2);
  });

  it("says when a form replaced the card's earlier one", async () => {
    const calls = backend({ replaced: true });
    show();
    await screen.findByTestId("feedback-q-1");
    await fireEvent.input(input("feedback-card"), { target: { value: "2026-0042-9" } });
    await fireEvent.click(screen.getByTestId("feedback-q-5-3"));
    await fireEvent.click(screen.getByTestId("feedback-save"));
    await waitFor(() => expect(notices.toast).toBe("Svarskjemaet for kort 2026-0042-9 er erstattet"));
    expect(last(calls, "save_family_answers")!.args.answers).toEqual([[15, "3"]]);
  });

  it("empties a radio question answered by mistake", async () => {
    const calls = backend();
    show();
    await screen.findByTestId("feedback-q-1");
    await fireEvent.input(input("feedback-card"), { target: { value: "2026-0042-9" } });
    await fireEvent.click(screen.getByTestId("feedback-q-2-5"));
    await fireEvent.click(screen.getByTestId("feedback-q-1-no"));
    await fireEvent.click(screen.getByTestId("feedback-q-2-clear"));
    expect(screen.queryByTestId("feedback-q-2-clear")).toBeNull();
    await fireEvent.click(screen.getByTestId("feedback-save"));
    await waitFor(() => expect(last(calls, "save_family_answers")?.args.answers).toEqual([[11, "nei"]]));
  });

  it("refuses a form with no answers or a mistyped card number before asking the backend", async () => {
    const calls = backend();
    show();
    await screen.findByTestId("feedback-q-1");
    await fireEvent.click(screen.getByTestId("feedback-save"));
    expect(screen.getByTestId("feedback-card-error").textContent).toBe("Skriv kortnummeret som står på svarskjemaet.");

    await fireEvent.input(input("feedback-card"), { target: { value: "2026-0042-8" } });
    await fireEvent.click(screen.getByTestId("feedback-q-1-yes"));
    await fireEvent.click(screen.getByTestId("feedback-save"));
    expect(screen.getByTestId("feedback-card-error").textContent).toContain("Kontrollsifferet stemmer ikke");
    expect(input("feedback-card").getAttribute("aria-invalid")).toBe("true");

    await fireEvent.input(input("feedback-card"), { target: { value: "2026-0042-9" } });
    await fireEvent.click(screen.getByTestId("feedback-q-1-clear"));
    await fireEvent.click(screen.getByTestId("feedback-save"));
    expect(screen.getByTestId("feedback-form-error").textContent).toContain("Ingen spørsmål er besvart");
    expect(calls.some((c) => c.cmd === "save_family_answers")).toBe(false);
  });

  it("shows what the backend says of the card number next to the card number field", async () => {
    backend({
      saveError: {
        code: "invalid",
        message: "Noe er feil i skjemaet.",
        fields: [{ field: "cardNumber", message: "Kortnummeret finnes ikke i programmet." }],
        rows: [],
      },
    });
    show();
    await screen.findByTestId("feedback-q-1");
    await fireEvent.input(input("feedback-card"), { target: { value: "2026-0042-9" } });
    await fireEvent.click(screen.getByTestId("feedback-q-1-yes"));
    await fireEvent.click(screen.getByTestId("feedback-save"));
    expect((await screen.findByTestId("feedback-card-error")).textContent).toBe("Kortnummeret finnes ikke i programmet.");
    expect(notices.error).toBeNull();
    // The answers stay for another try.
    expect((screen.getByTestId("feedback-q-1-yes") as HTMLInputElement).checked).toBe(true);
  });

  it("shows the backend's field error about an answer", async () => {
    backend({
      saveError: {
        code: "invalid",
        message: "Noe er feil i skjemaet.",
        fields: [{ field: "answers", message: "spørsmål 4: kan være høyst 2000 tegn" }],
        rows: [],
      },
    });
    show();
    await screen.findByTestId("feedback-q-1");
    await fireEvent.input(input("feedback-card"), { target: { value: "2026-0042-9" } });
    await fireEvent.input(screen.getByTestId("feedback-q-4"), { target: { value: "x".repeat(10) } });
    await fireEvent.click(screen.getByTestId("feedback-save"));
    expect((await screen.findByTestId("feedback-form-error")).textContent).toBe("spørsmål 4: kan være høyst 2000 tegn");
    expect(screen.queryByTestId("feedback-card-error")).toBeNull();
  });

  it("lists the entered forms newest first and loads one into the form for correction", async () => {
    const rows: ResponseRow[] = [
      { id: 7, cardNumber: "2026-0042-9", venueId: null, venueName: null, enteredAt: "2027-01-10T09:30:00Z", answers: [[11, "no"], [12, "3"], [13, "0"], [14, "Rettes"]] },
      { id: 6, cardNumber: "2026-0001-2", venueId: null, venueName: null, enteredAt: "2027-01-09T09:30:00Z", answers: [[11, "yes"]] },
    ];
    const calls = backend({ rows, replaced: true });
    show();
    const list = await screen.findByTestId("feedback-responses");
    await waitFor(() => expect(within(list).getAllByTestId("feedback-responses-row")).toHaveLength(2));
    const [first] = within(list).getAllByTestId("feedback-responses-row");
    expect(first.textContent).toContain("2026-0042-9");
    expect(first.textContent).toContain("10.01.2027");

    await fireEvent.click(within(list).getAllByTestId("feedback-responses-open")[0]);
    expect(input("feedback-card").value).toBe("2026-0042-9");
    expect(screen.getByTestId("feedback-editing").textContent).toContain("2026-0042-9");
    expect((screen.getByTestId("feedback-q-1-no") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("feedback-q-2-3") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("feedback-q-3-1") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("feedback-q-4") as HTMLTextAreaElement).value).toBe("Rettes");

    await fireEvent.click(screen.getByTestId("feedback-q-2-5"));
    await fireEvent.click(screen.getByTestId("feedback-save"));
    await waitFor(() =>
      expect(last(calls, "save_family_answers")?.args.answers).toEqual([
        [11, "nei"],
        [12, "5"],
        [13, "1"],
        [14, "Rettes"],
      ]),
    );
    await waitFor(() => expect(notices.toast).toBe("Svarskjemaet for kort 2026-0042-9 er erstattet"));
    expect(screen.queryByTestId("feedback-editing")).toBeNull();
  });

  it("warns when the card typed already has a form", async () => {
    const rows: ResponseRow[] = [
      { id: 7, cardNumber: "2026-0042-9", venueId: null, venueName: null, enteredAt: "2027-01-10T09:30:00Z", answers: [[11, "no"]] },
    ];
    backend({ rows });
    show();
    await screen.findByTestId("feedback-responses-row");
    await fireEvent.input(input("feedback-card"), { target: { value: "202600429" } });
    expect(screen.getByTestId("feedback-card-existing").textContent).toContain("10.01.2027");
    await fireEvent.click(screen.getByTestId("feedback-card-load"));
    expect((screen.getByTestId("feedback-q-1-no") as HTMLInputElement).checked).toBe(true);
  });

  it("gives NAV the families' forms, the meeting to read and the summary, not the venues or the questions", async () => {
    backend({ meeting: { yearId: 2, heldOn: "2027-01-20", agenda: "1. Tall\n2. Erfaringer", minutes: "Godt år.", conclusions: "" } });
    show("nav");
    await screen.findByTestId("feedback-q-1");
    const tabs = within(screen.getByTestId("feedback-tabs")).getAllByRole("tab").map((t) => t.dataset.testid);
    expect(tabs).toEqual(["feedback-tab-family", "feedback-tab-meeting", "feedback-tab-summary"]);
    expect(screen.queryByTestId("feedback-tab-venue")).toBeNull();
    expect(screen.queryByTestId("feedback-tab-questions")).toBeNull();

    await fireEvent.click(screen.getByTestId("feedback-tab-meeting"));
    const agenda = await screen.findByTestId("meeting-agenda");
    expect(agenda.tagName).not.toBe("TEXTAREA");
    expect(agenda.textContent).toContain("2. Erfaringer");
    expect(screen.getByTestId("meeting-date").textContent).toBe("20.01.2027");
    expect(screen.getByTestId("meeting-conclusions").textContent).toContain("Ikke skrevet ennå.");
    expect(screen.queryByTestId("meeting-save")).toBeNull();
    expect(document.querySelector("[data-testid=feedback-panel-meeting] textarea")).toBeNull();
  });

  it("moves between the tabs with the arrow keys", async () => {
    backend();
    show();
    const family = await screen.findByTestId("feedback-tab-family");
    expect(family.getAttribute("aria-selected")).toBe("true");
    await fireEvent.keyDown(family, { key: "ArrowRight" });
    expect(screen.getByTestId("feedback-tab-venue").getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(screen.getByTestId("feedback-tab-venue"));
    await fireEvent.keyDown(screen.getByTestId("feedback-tab-venue"), { key: "End" });
    expect(screen.getByTestId("feedback-tab-summary").getAttribute("aria-selected")).toBe("true");
  });

  it("lets the culture office write and save the evaluation meeting", async () => {
    const calls = backend();
    show();
    await fireEvent.click(await screen.findByTestId("feedback-tab-meeting"));
    const agenda = await screen.findByTestId("meeting-agenda");
    expect(agenda.tagName).toBe("TEXTAREA");
    await fireEvent.input(screen.getByTestId("meeting-date"), { target: { value: "20.01.2027" } });
    await fireEvent.input(agenda, { target: { value: "Tall og erfaringer" } });
    await fireEvent.input(screen.getByTestId("meeting-minutes"), { target: { value: "Godt år." } });
    await fireEvent.input(screen.getByTestId("meeting-conclusions"), { target: { value: "Fortsett. " } });
    await fireEvent.click(screen.getByTestId("meeting-save"));
    await waitFor(() => expect(last(calls, "save_evaluation_meeting")).toBeTruthy());
    expect(last(calls, "save_evaluation_meeting")!.args).toEqual({
      meeting: { yearId: 2, heldOn: "2027-01-20", agenda: "Tall og erfaringer", minutes: "Godt år.", conclusions: "Fortsett." },
    });
    await waitFor(() => expect(notices.toast).toBe("Evalueringsmøtet er lagret"));
  });

  it("enters a venue's feedback for the venue chosen", async () => {
    const venueRows: ResponseRow[] = [
      { id: 3, cardNumber: null, venueId: 4, venueName: "Badet", enteredAt: "2027-01-05T10:00:00Z", answers: [[21, "2"], [22, "yes"]] },
    ];
    const calls = backend({ venueRows });
    show();
    await fireEvent.click(await screen.findByTestId("feedback-tab-venue"));
    const select = (await screen.findByTestId("venue-feedback-venue")) as HTMLSelectElement;
    await screen.findByTestId("venue-feedback-q-1");
    // Active venues (and any already entered), by name; the inactive one is left out.
    await waitFor(() => expect(Array.from(select.options).map((o) => o.textContent)).toEqual(["Velg brukersted", "Badet ✓", "Eksempel Kino"]));

    await fireEvent.click(screen.getByTestId("venue-feedback-q-2-no"));
    await fireEvent.click(screen.getByTestId("venue-feedback-save"));
    expect(screen.getByTestId("venue-feedback-venue-error").textContent).toBe("Velg brukerstedet tilbakemeldingen er fra.");

    await fireEvent.change(select, { target: { value: "3" } });
    await fireEvent.click(screen.getByTestId("venue-feedback-q-1-3"));
    await fireEvent.click(screen.getByTestId("venue-feedback-q-2-no"));
    await fireEvent.input(screen.getByTestId("venue-feedback-q-3"), { target: { value: "Fint samarbeid" } });
    await fireEvent.click(screen.getByTestId("venue-feedback-save"));
    await waitFor(() => expect(last(calls, "save_venue_answers")).toBeTruthy());
    expect(last(calls, "save_venue_answers")!.args).toEqual({
      yearId: 2,
      venueId: 3,
      answers: [
        [21, "3"],
        [22, "nei"],
        [23, "Fint samarbeid"],
      ],
    });
    await waitFor(() => expect(notices.toast).toBe("Tilbakemeldingen fra Eksempel Kino er lagret"));

    // An entered venue opens with its answers.
    await fireEvent.click(within(screen.getByTestId("venue-feedback-responses")).getByTestId("venue-feedback-responses-open"));
    expect(select.value).toBe("4");
    expect((screen.getByTestId("venue-feedback-q-1-3") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("venue-feedback-q-2-yes") as HTMLInputElement).checked).toBe(true);
  });

  it("writes a question in another language and shows the languages each question has", async () => {
    const calls = backend();
    show();
    await fireEvent.click(await screen.findByTestId("feedback-tab-questions"));
    const langs = await screen.findByTestId("question-family-1-langs");
    await waitFor(() => expect(langs.textContent).toBe("Finnes på: Norsk bokmål, English (engelsk)"));
    expect(screen.getByTestId("questions-venue").textContent).toContain("Hvor mange kortholdere kom?");

    await fireEvent.click(screen.getByTestId("question-translate-family-2"));
    // The Bokmål text shown beside the field is marked Bokmål; the field takes the language chosen.
    expect(within(screen.getByTestId("question-editor")).getByText("Hvor fornøyd er dere?").getAttribute("lang")).toBe("nb");
    const field = screen.getByTestId("question-text");
    expect(field.getAttribute("lang")).toBeNull();
    await fireEvent.change(screen.getByTestId("question-lang"), { target: { value: "ar" } });
    expect(field.getAttribute("lang")).toBe("ar");
    expect(field.getAttribute("dir")).toBe("rtl");
    await fireEvent.change(screen.getByTestId("question-lang"), { target: { value: "ti" } });
    expect(field.getAttribute("lang")).toBe("ti");
    expect(field.getAttribute("dir")).toBe("ltr");
    await fireEvent.input(screen.getByTestId("question-text"), { target: { value: "ክንደይ ዕጉባት ኢኹም?" } });
    await fireEvent.click(screen.getByTestId("question-save"));
    await waitFor(() => expect(last(calls, "set_question_text")).toBeTruthy());
    expect(last(calls, "set_question_text")!.args).toEqual({ questionId: 12, lang: "ti", text: "ክንደይ ዕጉባት ኢኹም?" });
    await waitFor(() => expect(screen.getByTestId("question-family-2-langs").textContent).toBe("Finnes på: Norsk bokmål, ትግርኛ (tigrinja)"));
    // Each language's own name in the list is marked with its language.
    expect(within(screen.getByTestId("question-family-2-langs")).getByText("ትግርኛ").getAttribute("lang")).toBe("ti");
    expect(within(screen.getByTestId("question-family-2-langs")).getByText("Norsk bokmål").getAttribute("lang")).toBe("nb");
    expect(notices.toast).toBe("Spørsmål 2 er lagret på ትግርኛ (tigrinja)");
    expect(screen.queryByTestId("question-editor")).toBeNull();
  });

  it("sums up the answers: counts and mean of a scale, tables, a chart of a choice, the free texts", async () => {
    const calls = backend();
    show();
    await fireEvent.click(await screen.findByTestId("feedback-tab-summary"));
    const family = await screen.findByTestId("feedback-summary-family");
    expect(calls.filter((c) => c.cmd === "feedback_summary").map((c) => c.args)).toEqual([
      { yearId: 2, respondent: "family" },
      { yearId: 2, respondent: "venue" },
    ]);
    expect(screen.getByTestId("feedback-summary-family-forms").textContent).toBe("12 skjema levert");
    expect(screen.getByTestId("feedback-summary-exact").textContent).toContain("nøyaktige");

    const scale = within(family).getByTestId("feedback-summary-family-q-2");
    expect(scale.textContent).toContain("2. Hvor fornøyd er dere?");
    expect([1, 2, 3, 4, 5].map((k) => screen.getByTestId(`feedback-summary-family-q-2-count-${k}`).textContent)).toEqual(["0", "1", "0", "3", "4"]);
    expect(screen.getByTestId("feedback-summary-family-q-2-mean").textContent).toBe("Gjennomsnitt: 4,25");
    expect(screen.getByTestId("feedback-summary-family-q-2").textContent).toContain("8 av 12 har svart");

    expect(screen.getByTestId("feedback-summary-family-q-1-table").textContent).toContain("Ja10");
    expect(screen.getByTestId("feedback-summary-family-q-1-table").textContent).toContain("Nei2");
    expect(screen.queryByTestId("feedback-summary-family-q-1-chart")).toBeNull();

    // The choice question: a table and a horizontal bar chart saying what it shows.
    expect(screen.getByTestId("feedback-summary-family-q-3-count-1").textContent).toBe("6");
    const canvas = screen.getByTestId("feedback-summary-family-q-3-chart");
    expect(canvas.getAttribute("role")).toBe("img");
    expect(canvas.getAttribute("aria-label")).toContain("«Hva brukte dere mest?»");
    expect(canvas.getAttribute("aria-label")).toContain("Høyest: Kino (6).");
    const drawnChart = await waitFor(() => {
      const found = drawn.filter((d) => !d.destroyed && d.canvas.dataset.testid === "feedback-summary-family-q-3-chart");
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(drawnChart.config.options.indexAxis).toBe("y");
    expect(drawnChart.config.data.labels).toEqual(["Kino", "Bad", "Konsert"]);
    expect(drawnChart.config.data.datasets[0].data).toEqual([6, 2, 1]);

    expect(within(screen.getByTestId("feedback-summary-family-q-4-texts")).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Kinoen tok ikke kortet.",
      "… glemte kortet hjemme.",
    ]);
    expect(screen.getByTestId("feedback-summary-venue").textContent).toContain("Ingen skjema er registrert ennå.");
  });

  it("writes the mean with a decimal point in English and asks again in the new language", async () => {
    const calls = backend();
    show();
    await fireEvent.click(await screen.findByTestId("feedback-tab-summary"));
    await screen.findByTestId("feedback-summary-family-q-2-mean");
    i18n.lang = "en";
    await waitFor(() => expect(screen.getByTestId("feedback-summary-family-q-2-mean").textContent).toBe("Mean: 4.25"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "feedback_summary")).toHaveLength(4));
  });

  it("shows the questions in the UI's language, else in Bokmål", async () => {
    backend();
    i18n.lang = "en";
    show();
    expect((await screen.findByTestId("feedback-q-1")).textContent).toContain("1. Did you use the card?");
    expect(screen.getByTestId("feedback-q-2").textContent).toContain("2. Hvor fornøyd er dere?");
    expect(screen.getByTestId("feedback-q-3").textContent).toContain("Kino (en)");
    expect(screen.getByTestId("feedback-q-1-yes").parentElement?.textContent).toContain("Yes");
    // A question shown in Bokmål to an English reader is marked Bokmål; one in English is not marked.
    expect(within(screen.getByTestId("feedback-q-2")).getByText("Hvor fornøyd er dere?").getAttribute("lang")).toBe("nb");
    expect(within(screen.getByTestId("feedback-q-1")).getByText("Did you use the card?").getAttribute("lang")).toBeNull();
    expect(within(screen.getByTestId("feedback-q-4").parentElement!).getByText("Gikk noe galt?").getAttribute("lang")).toBe("nb");
    expect(within(screen.getByTestId("feedback-q-3")).getByText("Kino (en)").getAttribute("lang")).toBeNull();
  });

  it("asks for the year chosen", async () => {
    const calls = backend();
    show();
    await screen.findByTestId("feedback-q-1");
    await fireEvent.change(screen.getByTestId("feedback-year"), { target: { value: "1" } });
    await waitFor(() => expect(calls.some((c) => c.cmd === "questionnaire" && c.args.yearId === 1)).toBe(true));
  });

  it("passes axe-core's WCAG 2.1 A and AA checks on every tab, each button named with its visible text", async () => {
    backend();
    show();
    await screen.findByTestId("feedback-tab-family");
    for (const tab of ["family", "venue", "questions", "meeting", "summary"]) {
      await fireEvent.click(screen.getByTestId(`feedback-tab-${tab}`));
      await screen.findByTestId(`feedback-panel-${tab}`);
      await waitFor(() => expect(screen.queryByText("Laster …")).toBeNull());
      expect(await axeViolations(document.body), tab).toEqual([]);
      expect(labelInName(), tab).toEqual([]);
    }
  });
});

describe("importing the venues' answers from a file", () => {
  const file = () => new File(["brukersted;1\nEksempel Kino;3\n"], "svar.csv", { type: "text/csv" });

  it("sends the file and says how many venues were imported", async () => {
    const calls = backend();
    show();
    await fireEvent.click(await screen.findByTestId("feedback-tab-venue"));
    const picker = (await screen.findByTestId("venue-feedback-import")) as HTMLInputElement;
    await fireEvent.change(picker, { target: { files: [file()] } });
    await waitFor(() => expect(last(calls, "import_venue_answers")).toBeTruthy());
    const sent = last(calls, "import_venue_answers")!.args;
    expect(sent.yearId).toBe(defaultYear(years)?.id);
    expect(String(sent.data)).toMatch(/^data:text\/csv;base64,/);
  });

  it("lists every bad cell by row and column when the file is refused", async () => {
    backend({
      importError: {
        code: "import",
        message: "Importen er avvist.",
        fields: [],
        rows: [{ row: 2, column: "1", message: "må være et av valgene, 1 til 4" }],
      },
    });
    show();
    await fireEvent.click(await screen.findByTestId("feedback-tab-venue"));
    const picker = (await screen.findByTestId("venue-feedback-import")) as HTMLInputElement;
    await fireEvent.change(picker, { target: { files: [file()] } });
    expect((await screen.findByTestId("venue-feedback-import-error")).textContent).toContain("avvist");
    const rows = await screen.findAllByTestId("venue-feedback-import-error-row");
    expect(rows[0].textContent).toContain("1 til 4");
  });
});
