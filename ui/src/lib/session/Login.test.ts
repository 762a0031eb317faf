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
