import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import type { Program } from "../api";
import ProgramForm from "./ProgramForm.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

const program: Program = {
  municipality: "Lørenskog", name: "Opplevelseskortet", contactName: "", contactPhone: "", contactEmail: "",
  logoId: null, coatOfArmsId: null, primaryColour: "#1f5f8b", accentColour: "#f2a900", deskIdleMinutes: 15, retentionYears: 3,
};

describe("ProgramForm", () => {
  it("refuses an empty municipality and program name on the fields, and saves nothing", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      return program;
    });
    render(ProgramForm, { props: { program, onSaved: () => {} } });
    await fireEvent.input(screen.getByTestId("program-municipality"), { target: { value: "  " } });
    await fireEvent.input(screen.getByTestId("program-name"), { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("program-save"));
    expect(screen.getByTestId("error-municipality").textContent).toBe("Må fylles ut");
    expect(screen.getByTestId("error-name").textContent).toBe("Må fylles ut");
    expect(calls).not.toContain("save_program");
  });

  it("checks the desk's idle minutes and saves them", async () => {
    const calls: { cmd: string; args: Record<string, unknown> }[] = [];
    mockIPC((cmd, payload) => {
      calls.push({ cmd, args: (payload ?? {}) as Record<string, unknown> });
      return program;
    });
    render(ProgramForm, { props: { program, onSaved: () => {} } });
    await fireEvent.input(screen.getByTestId("program-desk-idle"), { target: { value: "0" } });
    await fireEvent.click(screen.getByTestId("program-save"));
    expect(screen.getByTestId("error-deskIdleMinutes").textContent).toBe("Må være fra 1 til 480 minutter");
    expect(calls.some((c) => c.cmd === "save_program")).toBe(false);
    await fireEvent.input(screen.getByTestId("program-desk-idle"), { target: { value: "30" } });
    await fireEvent.click(screen.getByTestId("program-save"));
    const saved = calls.find((c) => c.cmd === "save_program")?.args.input as Record<string, unknown>;
    expect(saved.deskIdleMinutes).toBe(30);
  });

  it("says when a colour is too light for white text, and that the card prints it as chosen", async () => {
    const asked: Record<string, unknown>[] = [];
    mockIPC((cmd, payload) => {
      if (cmd === "colour_theme") {
        const args = (payload ?? {}) as Record<string, unknown>;
        asked.push(args);
        const light = args.primary === "#7fc4ff";
        return { primary: light ? "#2e6ea3" : args.primary, accent: args.accent, primaryRatio: light ? 1.87 : 6.9, accentRatio: 9.2, adjusted: light };
      }
      return program;
    });
    render(ProgramForm, { props: { program, onSaved: () => {} } });
    await Promise.resolve();
    expect(screen.queryByTestId("program-contrast-primary")).toBeNull();
    await fireEvent.input(screen.getByTestId("program-primary"), { target: { value: "#7fc4ff" } });
    const warning = await screen.findByTestId("program-contrast-primary");
    expect(warning.textContent).toContain("1,9:1");
    expect(warning.textContent).toContain("Kortet trykkes med fargen som valgt");
    expect(asked.at(-1)).toEqual({ primary: "#7fc4ff", accent: "#f2a900" });
  });
});
