import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import type { ApiError } from "../api";
import Login from "./Login.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("Login", () => {
  it("shows the backend's message when the login is refused", async () => {
    const refused: ApiError = { code: "refused", message: "Feil brukernavn eller passord.", fields: [], rows: [] };
    let received: unknown = null;
    mockIPC((cmd, payload) => {
      if (cmd === "login") {
        received = payload;
        throw refused;
      }
      return null;
    });
    const onLoggedIn = vi.fn();
    render(Login, { props: { isDemo: false, onLoggedIn } });
    expect(screen.queryByTestId("login-demo-hint")).toBeNull();
    expect(screen.queryByTestId("login-error")).toBeNull();
    await fireEvent.input(screen.getByTestId("login-username"), { target: { value: " nav " } });
    await fireEvent.input(screen.getByTestId("login-password"), { target: { value: "galt" } });
    // Enter in the password field submits the form.
    await fireEvent.submit(screen.getByTestId("login-password").closest("form")!);
    expect((await screen.findByTestId("login-error")).textContent).toBe("Feil brukernavn eller passord.");
    expect(received).toEqual({ username: "nav", password: "galt" });
    expect(onLoggedIn).not.toHaveBeenCalled();
    expect((screen.getByTestId("login-password") as HTMLInputElement).value).toBe("");
  });

  it("logs in and shows the demo logins", async () => {
    const session = {
      hasUsers: true,
      isDemo: true,
      user: { userId: 2, username: "nav", role: "nav", venueId: null, venueName: null },
    };
    mockIPC((cmd) => (cmd === "login" ? session : null));
    const onLoggedIn = vi.fn();
    render(Login, { props: { isDemo: true, onLoggedIn } });
    const hint = screen.getByTestId("login-demo-hint").textContent ?? "";
    for (const name of ["kultur", "nav", "kino", "demo1234"]) expect(hint).toContain(name);
    await fireEvent.input(screen.getByTestId("login-username"), { target: { value: "nav" } });
    await fireEvent.input(screen.getByTestId("login-password"), { target: { value: "demo1234" } });
    await fireEvent.click(screen.getByTestId("login-submit"));
    await vi.waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(session));
  });
});

describe("Lost every password?", () => {
  const KEY = "3f9a 0b1c d2e3 f405 1627 3849 5a6b 7c8d";

  async function openRecovery() {
    render(Login, { props: { isDemo: false, onLoggedIn: vi.fn() } });
    await fireEvent.click(screen.getByTestId("login-forgot"));
    return screen.getByTestId("recover");
  }

  async function fill(values: Record<string, string>) {
    for (const [id, value] of Object.entries(values)) {
      await fireEvent.input(screen.getByTestId(id), { target: { value } });
    }
  }

  it("checks the form before anything is sent", async () => {
    const sent = vi.fn();
    mockIPC((cmd) => sent(cmd));
    const form = await openRecovery();
    expect(form.textContent).toContain("gjenopprettingsarket fra oppsettet");
    expect(form.textContent).toContain("NAV lager sin første bruker");
    await fill({ "recover-key": "3F9A-0B1C", "recover-password": "kort" });
    await fireEvent.click(screen.getByTestId("recover-submit"));
    expect(screen.getByTestId("error-role")).toBeTruthy();
    expect(screen.getByTestId("error-key").textContent).toContain("her er det 8");
    expect(screen.getByTestId("error-username")).toBeTruthy();
    expect(screen.getByTestId("error-password")).toBeTruthy();
    expect(sent).not.toHaveBeenCalled();
  });

  it("recovers NAV's first user and logs them in", async () => {
    const session = {
      hasUsers: true,
      isDemo: false,
      recoveryPending: false,
      convertedFrom: null,
      user: { userId: 4, username: "nav1", role: "nav", venueId: null, venueName: null },
    };
    let received: unknown = null;
    mockIPC((cmd, payload) => {
      if (cmd !== "recover") return null;
      received = payload;
      return session;
    });
    const onLoggedIn = vi.fn();
    render(Login, { props: { isDemo: false, onLoggedIn } });
    await fireEvent.click(screen.getByTestId("login-forgot"));
    await fireEvent.click(screen.getByTestId("recover-role-nav"));
    await fill({ "recover-key": KEY, "recover-username": " nav1 ", "recover-password": "hemmelig1", "recover-password2": "hemmelig1" });
    await fireEvent.click(screen.getByTestId("recover-submit"));
    await vi.waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(session));
    expect(received).toEqual({ role: "nav", key: KEY, username: "nav1", password: "hemmelig1" });
  });

  it("shows the backend's refusals on the form: a key that does not fit, a name taken by another side", async () => {
    let answer: ApiError = { code: "refused", message: "Gjenopprettingsnøkkelen passer ikke.", fields: [], rows: [] };
    mockIPC((cmd) => {
      if (cmd === "recover") throw answer;
      return null;
    });
    await openRecovery();
    await fireEvent.click(screen.getByTestId("recover-role-kultur"));
    await fill({ "recover-key": KEY, "recover-username": "nav", "recover-password": "hemmelig1", "recover-password2": "hemmelig1" });
    await fireEvent.click(screen.getByTestId("recover-submit"));
    expect((await screen.findByTestId("recover-error")).textContent).toBe("Gjenopprettingsnøkkelen passer ikke.");

    answer = { code: "invalid", message: "Skjemaet har feil.", fields: [{ field: "username", message: "Brukernavnet er tatt." }], rows: [] };
    await fireEvent.click(screen.getByTestId("recover-submit"));
    expect((await screen.findByTestId("error-username")).textContent).toBe("Brukernavnet er tatt.");
    expect(screen.queryByTestId("recover-error")).toBeNull();
  });

  it("goes back to the login", async () => {
    await openRecovery();
    await fireEvent.click(screen.getByTestId("recover-back"));
    expect(screen.queryByTestId("recover")).toBeNull();
    expect(screen.getByTestId("login-username")).toBeTruthy();
  });
});
