import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, KitInfo } from "../api";
import KitLogin from "./KitLogin.svelte";

const kit: KitInfo = { programName: "Opplevelseskortet", venueName: "Eksempel Kino", year: 2026, madeAt: "2026-03-01T09:00:00Z", cards: 18 };

afterEach(() => {
  cleanup();
  clearMocks();
});

function backend() {
  const calls: Record<string, unknown>[] = [];
  mockIPC((cmd, payload) => {
    if (cmd !== "kit_login") return null;
    const args = payload as { username: string; password: string };
    calls.push(args);
    if (args.username !== "kinodisk" || args.password !== "disk-passord-1") {
      const err: ApiError = { code: "refused", message: "Feil brukernavn eller passord.", fields: [], rows: [] };
      throw err;
    }
    return kit;
  });
  return calls;
}

async function login(username: string, password: string) {
  await fireEvent.input(screen.getByTestId("kit-username"), { target: { value: username } });
  await fireEvent.input(screen.getByTestId("kit-password"), { target: { value: password } });
  await fireEvent.click(screen.getByTestId("kit-login-submit"));
}

describe("KitLogin", () => {
  it("names the venue, the year and the program, and says the kit holds first names and card numbers only", () => {
    backend();
    render(KitLogin, { props: { kit, onLoggedIn: () => {} } });
    expect(screen.getByTestId("kit-login-venue").textContent).toBe("Eksempel Kino");
    expect(screen.getByTestId("kit-login-line").textContent).toBe("2026 · Opplevelseskortet");
    expect(screen.getByTestId("kit-login-intro").textContent).toContain("bare fornavn og kortnummer");
    expect(document.activeElement).toBe(screen.getByTestId("kit-username"));
  });

  it("asks for both fields before asking the backend", async () => {
    const calls = backend();
    render(KitLogin, { props: { kit, onLoggedIn: () => {} } });
    await fireEvent.click(screen.getByTestId("kit-login-submit"));
    expect(screen.getByTestId("kit-login-error").textContent).toBe("Skriv brukernavn og passord.");
    expect(calls).toHaveLength(0);
  });

  it("shows the refusal and empties the password", async () => {
    const calls = backend();
    let logged = false;
    render(KitLogin, { props: { kit, onLoggedIn: () => (logged = true) } });
    await login("kinodisk", "feil-passord");
    expect((await screen.findByTestId("kit-login-error")).textContent).toBe("Feil brukernavn eller passord.");
    expect(screen.getByTestId("kit-login-error").getAttribute("role")).toBe("alert");
    expect((screen.getByTestId("kit-password") as HTMLInputElement).value).toBe("");
    expect(calls).toHaveLength(1);
    expect(logged).toBe(false);
  });

  it("logs the desk in with the trimmed user name", async () => {
    const calls = backend();
    let got: [KitInfo, string] | null = null;
    render(KitLogin, { props: { kit, onLoggedIn: (info: KitInfo, user: string) => (got = [info, user]) } });
    await login(" kinodisk ", "disk-passord-1");
    await waitFor(() => expect(got).not.toBeNull());
    expect(got).toEqual([kit, "kinodisk"]);
    expect(calls).toEqual([{ username: "kinodisk", password: "disk-passord-1" }]);
    expect(screen.queryByTestId("kit-login-error")).toBeNull();
  });
});
