import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import type { Holder, HolderInput, ProgramYear } from "../api";
import HolderForm from "./HolderForm.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

const years: ProgramYear[] = [
  { id: 7, year: 2026, validFrom: "2026-01-01", validTo: "2026-12-31", cardQuota: 100, ageMin: 5, ageMax: 18, companionFree: true, status: "active", familyCap: null },
];
const languages = [
  { code: "nb", name: "norsk bokmål", nb: "norsk bokmål", nn: "norsk bokmål", en: "Norwegian Bokmål" },
  { code: "ar", name: "العربية", nb: "arabisk", nn: "arabisk", en: "Arabic" },
  { code: "ti", name: "ትግርኛ", nb: "tigrinja", nn: "tigrinja", en: "Tigrinya" },
];

const holder44: Holder = {
  id: 44, firstName: "ሰላም", lastName: "ተስፋዬ", birthDate: "2015-03-02", language: "ti",
  guardianName: "", guardianPhone: "", guardianEmail: "", address: "", navContact: "", navNote: "",
};

describe("HolderForm", () => {
  it("warns about possible duplicates before saving a new holder", async () => {
    const calls: string[] = [];
    let saved: HolderInput | null = null;
    mockIPC((cmd, payload) => {
      calls.push(cmd);
      const args = payload as Record<string, unknown>;
      switch (cmd) {
        case "possible_duplicates":
          return [{ id: 3, firstName: "Selam", lastName: "Tesfay", birthYear: 2015 }];
        case "save_holder": {
          saved = args.input as HolderInput;
          const h: Holder = { ...(args.input as HolderInput), id: 44 };
          return h;
        }
        case "cards_of_holder":
          return [];
        case "quota_status":
          return { quota: 100, used: 88, left: 12 };
        default:
          return null;
      }
    });
    const onSaved = vi.fn();
    render(HolderForm, { props: { holder: null, languages, years, onSaved, onBack: () => {} } });

    await fireEvent.input(screen.getByTestId("holder-first"), { target: { value: "Selam" } });
    await fireEvent.input(screen.getByTestId("holder-last"), { target: { value: "Tesfay" } });
    await fireEvent.input(screen.getByTestId("holder-birth"), { target: { value: "03.04.2015" } });
    await fireEvent.change(screen.getByTestId("holder-language"), { target: { value: "ti" } });
    expect(screen.getByTestId("holder-first").getAttribute("dir")).toBe("auto");
    await fireEvent.click(screen.getByTestId("holder-save"));

    const warning = await screen.findByTestId("holder-duplicates");
    expect(warning.textContent).toContain("Selam Tesfay");
    expect(warning.textContent).toContain("2015");
    expect(calls).not.toContain("save_holder");

    await fireEvent.click(screen.getByTestId("holder-save-anyway"));
    expect(await screen.findByTestId("holder-cards")).toBeTruthy();
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 44 }));
    expect(saved).toMatchObject({ id: null, firstName: "Selam", lastName: "Tesfay", birthDate: "2015-04-03", language: "ti" });
    expect(screen.queryByTestId("holder-duplicates")).toBeNull();
    expect((await screen.findByTestId("quota-left")).textContent).toContain("12 av 100 kort igjen");
    expect((screen.getByTestId("assign-card") as HTMLButtonElement).disabled).toBe(false);
  });

  it("says after saving which characters of the name the card cannot print", async () => {
    mockIPC((cmd, payload) => {
      const args = payload as Record<string, unknown>;
      switch (cmd) {
        case "possible_duplicates":
          return [];
        case "save_holder":
          return { ...(args.input as HolderInput), id: 45 };
        case "unprintable_chars":
          return args.text === "芳 王" ? ["芳", "王"] : [];
        case "cards_of_holder":
          return [];
        case "quota_status":
          return { quota: 100, used: 88, left: 12 };
        default:
          return null;
      }
    });
    render(HolderForm, { props: { holder: null, languages, years, onSaved: () => {}, onBack: () => {} } });
    await fireEvent.input(screen.getByTestId("holder-first"), { target: { value: "芳" } });
    await fireEvent.input(screen.getByTestId("holder-last"), { target: { value: "王" } });
    await fireEvent.input(screen.getByTestId("holder-birth"), { target: { value: "03.04.2015" } });
    await fireEvent.click(screen.getByTestId("holder-save"));
    const warning = await screen.findByTestId("holder-name-warning");
    expect(warning.getAttribute("role")).toBe("status");
    expect(warning.textContent).toContain("kan ikke skrives ut på kortet (芳, 王)");
  });

  it("shows required fields without asking the backend", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return null;
    });
    render(HolderForm, { props: { holder: null, languages, years, onSaved: () => {}, onBack: () => {} } });
    await fireEvent.click(screen.getByTestId("holder-save"));
    expect(screen.getByTestId("error-firstName")).toBeTruthy();
    expect(screen.getByTestId("error-birthDate")).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it("gives one message per fault for the birth date", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return null;
    });
    render(HolderForm, { props: { holder: null, languages, years, onSaved: () => {}, onBack: () => {} } });
    await fireEvent.input(screen.getByTestId("holder-first"), { target: { value: "Selam" } });
    await fireEvent.input(screen.getByTestId("holder-last"), { target: { value: "Tesfay" } });
    const birth = screen.getByTestId("holder-birth");
    const messages = () => Array.from(birth.closest(".field")!.querySelectorAll(".field-error")).map((e) => e.textContent);

    await fireEvent.input(birth, { target: { value: "2015-13-45" } });
    await fireEvent.click(screen.getByTestId("holder-save"));
    expect(messages()).toEqual(["Skriv datoen som dd.mm.åååå"]);

    await fireEvent.input(birth, { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("holder-save"));
    expect(messages()).toEqual(["Må fylles ut"]);
    expect(calls).toEqual([]);
  });

  it("names each language in Norwegian beside its own name, in Norwegian order", () => {
    mockIPC(() => null);
    render(HolderForm, { props: { holder: null, languages, years, onSaved: () => {}, onBack: () => {} } });
    const options = Array.from((screen.getByTestId("holder-language") as HTMLSelectElement).options).map((o) => o.textContent);
    expect(options).toEqual(["العربية (arabisk)", "Norsk bokmål", "ትግርኛ (tigrinja)"]);
  });

  it("marks an option Bokmål only where its text is the own name alone", () => {
    mockIPC(() => null);
    render(HolderForm, { props: { holder: null, languages, years, onSaved: () => {}, onBack: () => {} } });
    const options = Array.from((screen.getByTestId("holder-language") as HTMLSelectElement).options);
    expect(options.map((o) => o.getAttribute("lang"))).toEqual([null, "nb", null]);
  });

  it("says a name in the script of the family's language in that language, and a Latin or other name not", async () => {
    mockIPC((cmd) => (cmd === "cards_of_holder" ? [] : cmd === "quota_status" ? { quota: 100, used: 0, left: 100 } : null));
    render(HolderForm, { props: { holder: holder44, languages, years, onSaved: () => {}, onBack: () => {} } });
    const heading = screen.getByRole("heading", { level: 1 });
    expect(heading.textContent).toBe("ሰላም ተስፋዬ");
    expect(heading.getAttribute("lang")).toBe("ti");
    expect(heading.getAttribute("dir")).toBe("auto");
    const first = screen.getByTestId("holder-first");
    expect(first.getAttribute("lang")).toBe("ti");
    expect(first.getAttribute("dir")).toBe("auto");
    expect(screen.getByTestId("holder-last").getAttribute("lang")).toBe("ti");

    // An Arabic name while the family's language is Tigrinya: which language it is cannot be told.
    await fireEvent.input(first, { target: { value: "محمد" } });
    expect(first.getAttribute("lang")).toBeNull();
    await fireEvent.change(screen.getByTestId("holder-language"), { target: { value: "ar" } });
    expect(first.getAttribute("lang")).toBe("ar");
    // A name in Latin letters needs none.
    await fireEvent.input(first, { target: { value: "Mohammed" } });
    expect(first.getAttribute("lang")).toBeNull();
    await fireEvent.input(screen.getByTestId("holder-guardian"), { target: { value: "فاطمة" } });
    expect(screen.getByTestId("holder-guardian").getAttribute("lang")).toBe("ar");
  });

  it("saves everything about a holder as one file for an access request", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, payload) => {
      calls.push({ cmd, args: (payload ?? {}) as Record<string, unknown> });
      if (cmd === "plugin:dialog|save") return "/tmp/innsyn-kortholder-44.json";
      if (cmd === "cards_of_holder") return [];
      if (cmd === "quota_status") return { quota: 100, used: 88, left: 12 };
      return null;
    });
    const holder: Holder = {
      id: 44, firstName: "ሰላም", lastName: "ተስፋዬ", birthDate: "2015-03-02", language: "ti",
      guardianName: "", guardianPhone: "", guardianEmail: "", address: "", navContact: "", navNote: "",
    };
    render(HolderForm, { props: { holder, languages, years, onSaved: () => {}, onBack: () => {} } });
    await fireEvent.click(await screen.findByTestId("holder-access-export"));
    await vi.waitFor(() =>
      expect(calls.find((c) => c.cmd === "export_holder")?.args).toEqual({
        holderId: 44,
        path: "/tmp/innsyn-kortholder-44.json",
      }),
    );
  });
  it("prints everything about a holder as a PDF beside the JSON", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, payload) => {
      calls.push({ cmd, args: (payload ?? {}) as Record<string, unknown> });
      if (cmd === "plugin:dialog|save") return "/tmp/innsyn-kortholder-44.pdf";
      if (cmd === "cards_of_holder") return [];
      if (cmd === "quota_status") return { quota: 100, used: 88, left: 12 };
      return null;
    });
    render(HolderForm, { props: { holder: holder44, languages, years, onSaved: () => {}, onBack: () => {} } });
    await fireEvent.click(await screen.findByTestId("holder-access-pdf"));
    await vi.waitFor(() =>
      expect(calls.find((c) => c.cmd === "print_holder_access")?.args).toMatchObject({
        holderId: 44,
        path: "/tmp/innsyn-kortholder-44.pdf",
      }),
    );
  });

  it("erases a holder on request only once the dialog is confirmed, then goes back to the list", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "erase_holder") return 1;
      if (cmd === "cards_of_holder") return [];
      if (cmd === "quota_status") return { quota: 100, used: 88, left: 12 };
      return null;
    });
    const onBack = vi.fn();
    render(HolderForm, { props: { holder: holder44, languages, years, onSaved: () => {}, onBack } });
    await fireEvent.click(await screen.findByTestId("holder-erase"));
    expect((await screen.findByTestId("erase-dialog")).textContent).toContain("ሰላም ተስፋዬ");
    await fireEvent.click(screen.getByTestId("erase-dialog-cancel"));
    expect(screen.queryByTestId("erase-dialog")).toBeNull();
    expect(calls).not.toContain("erase_holder");

    await fireEvent.click(screen.getByTestId("holder-erase"));
    await fireEvent.click(await screen.findByTestId("erase-dialog-confirm"));
    await vi.waitFor(() => expect(onBack).toHaveBeenCalled());
    expect(calls.filter((c) => c === "erase_holder")).toHaveLength(1);
  });
});
