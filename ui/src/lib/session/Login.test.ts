import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, BackupFile, SessionInfo } from "../api";
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
    const session: SessionInfo = {
      hasUsers: true,
      isDemo: true,
      recoveryPending: false,
      convertedFrom: null,
      user: { userId: 2, username: "nav", role: "nav", venueId: null, venueName: null },
      desk: { readOnly: false, holder: null, stale: false, message: null },
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
    const session: SessionInfo = {
      hasUsers: true,
      isDemo: false,
      recoveryPending: false,
      convertedFrom: null,
      user: { userId: 4, username: "nav1", role: "nav", venueId: null, venueName: null },
      desk: { readOnly: false, holder: null, stale: false, message: null },
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

describe("The workspace won't open? Restore from a backup", () => {
  const BACKUPS: BackupFile[] = [
    { path: "/w/program.okort.backups/program-20261202-101500.okort", fileName: "program-20261202-101500.okort", modified: "2026-12-02T10:15:00+01:00" },
    {
      path: "/w/program.okort.backups/program-20261201-090000-before-restore.okort",
      fileName: "program-20261201-090000-before-restore.okort",
      modified: "2026-12-01T09:00:00+01:00",
    },
  ];
  const SESSION: SessionInfo = {
    hasUsers: true,
    isDemo: false,
    recoveryPending: false,
    convertedFrom: null,
    user: { userId: 1, username: "kultur", role: "admin", venueId: null, venueName: null },
    desk: { readOnly: false, holder: null, stale: false, message: null },
  };

  /** A backend with `backups`; `refuse` is thrown by the restore. Returns what the restores were sent. */
  function backend(backups: BackupFile[] = BACKUPS, refuse?: ApiError) {
    const restores: unknown[] = [];
    mockIPC((cmd, payload) => {
      if (cmd === "backups_at_login") return backups;
      if (cmd === "plugin:dialog|open") return "/home/kari/kopi.okort";
      if (cmd === "restore_at_login") {
        restores.push(payload);
        if (refuse) throw refuse;
        return SESSION;
      }
      return null;
    });
    return restores;
  }

  async function openPanel(onLoggedIn = vi.fn()) {
    render(Login, { props: { isDemo: false, onLoggedIn } });
    expect(screen.getByTestId("login-restore").textContent).toContain("Hent fra sikkerhetskopi");
    await fireEvent.click(screen.getByTestId("login-restore"));
    return screen.getByTestId("login-restore-panel");
  }

  async function fill(values: Record<string, string>) {
    for (const [id, value] of Object.entries(values)) {
      await fireEvent.input(screen.getByTestId(id), { target: { value } });
    }
  }

  it("lists the backups newest first with their times, and sends the chosen one with the administrator's login", async () => {
    const restores = backend();
    const onLoggedIn = vi.fn();
    const panel = await openPanel(onLoggedIn);
    expect(panel.textContent).toContain("den skadde filen legges i mappen med sikkerhetskopier");
    expect(panel.textContent).toContain("bare administratoren på kulturkontoret");
    const options = (await screen.findAllByTestId("login-restore-option")) as HTMLInputElement[];
    expect(options.map((o) => o.value)).toEqual(BACKUPS.map((b) => b.path));
    expect(options[0].checked).toBe(true);
    const labels = options.map((o) => o.closest("label")?.textContent ?? "");
    expect(labels[0]).toContain("02.12.2026");
    expect(labels[1]).toContain("tatt før tilbakehenting");

    // Nothing is sent without a user name and password.
    await fireEvent.click(screen.getByTestId("login-restore-confirm"));
    expect(screen.getByTestId("login-restore-error-username")).toBeTruthy();
    expect(screen.getByTestId("login-restore-error-password")).toBeTruthy();
    expect(restores).toEqual([]);

    await fireEvent.click(options[1]);
    await fill({ "login-restore-username": " kultur ", "login-restore-password": "demo1234" });
    await fireEvent.click(screen.getByTestId("login-restore-confirm"));
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(SESSION));
    expect(restores).toEqual([{ from: BACKUPS[1].path, username: "kultur", password: "demo1234" }]);
  });

  it("shows the backend's refusal in the panel, keeps the choice and clears the password", async () => {
    const restores = backend(BACKUPS, { code: "denied", message: "Bare kulturkontorets administrator kan hente tilbake.", fields: [], rows: [] });
    const onLoggedIn = vi.fn();
    await openPanel(onLoggedIn);
    await screen.findAllByTestId("login-restore-option");
    await fill({ "login-restore-username": "nav", "login-restore-password": "demo1234" });
    // Enter in the password field restores too.
    await fireEvent.submit(screen.getByTestId("login-restore-panel"));
    const error = await screen.findByTestId("login-restore-error");
    expect(error.textContent).toBe("Bare kulturkontorets administrator kan hente tilbake.");
    expect(error.getAttribute("role")).toBe("alert");
    expect(onLoggedIn).not.toHaveBeenCalled();
    expect(restores).toHaveLength(1);
    expect((screen.getByTestId("login-restore-password") as HTMLInputElement).value).toBe("");
    expect((screen.getByTestId("login-restore-username") as HTMLInputElement).value).toBe("nav");
    expect((screen.getAllByTestId("login-restore-option")[0] as HTMLInputElement).checked).toBe(true);
  });

  it("says when there are no backups and restores a file the user picks", async () => {
    const restores = backend([]);
    const onLoggedIn = vi.fn();
    await openPanel(onLoggedIn);
    expect((await screen.findByTestId("login-restore-none")).textContent).toContain("ingen automatiske sikkerhetskopier");
    await fireEvent.click(screen.getByTestId("login-restore-confirm"));
    expect((await screen.findByTestId("login-restore-error")).textContent).toBe("Velg en sikkerhetskopi");

    await fireEvent.click(screen.getByTestId("login-restore-pick"));
    const picked = (await screen.findByTestId("login-restore-option-picked")) as HTMLInputElement;
    expect(picked.checked).toBe(true);
    expect(screen.queryByTestId("login-restore-none")).toBeNull();
    await fill({ "login-restore-username": "kultur", "login-restore-password": "demo1234" });
    await fireEvent.click(screen.getByTestId("login-restore-confirm"));
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(SESSION));
    expect(restores).toEqual([{ from: "/home/kari/kopi.okort", username: "kultur", password: "demo1234" }]);
  });

  it("offers the name typed at the login and goes back to the login", async () => {
    backend();
    render(Login, { props: { isDemo: false, onLoggedIn: vi.fn() } });
    await fireEvent.input(screen.getByTestId("login-username"), { target: { value: "kultur" } });
    await fireEvent.click(screen.getByTestId("login-restore"));
    expect((screen.getByTestId("login-restore-username") as HTMLInputElement).value).toBe("kultur");
    await fireEvent.click(screen.getByTestId("login-restore-back"));
    expect(screen.queryByTestId("login-restore-panel")).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId("login-username"));
  });
});
