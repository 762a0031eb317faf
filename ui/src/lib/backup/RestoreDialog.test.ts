import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, BackupFile, WorkspaceInfo } from "../api";
import RestoreDialog from "./RestoreDialog.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

const BACKUPS: BackupFile[] = [
  { path: "/w/demo.okort.backups/demo-20261202-101500.okort", fileName: "demo-20261202-101500.okort", modified: "2026-12-02T10:15:00+01:00" },
  {
    path: "/w/demo.okort.backups/demo-20261201-090000-before-restore.okort",
    fileName: "demo-20261201-090000-before-restore.okort",
    modified: "2026-12-01T09:00:00+01:00",
  },
];
const INFO: WorkspaceInfo = { path: "/w/demo.okort", isNew: false, schemaVersion: 9, kit: null };

/** A backend with the backups above; `refuse` is thrown by the restore. */
function backend(refuse?: ApiError) {
  const restores: unknown[] = [];
  mockIPC((cmd, payload) => {
    if (cmd === "workspace_backups") return BACKUPS;
    if (cmd === "plugin:dialog|open") return "/home/kari/kopi.okort";
    if (cmd === "workspace_restore") {
      restores.push(payload);
      if (refuse) throw refuse;
      return INFO;
    }
    return null;
  });
  return restores;
}

describe("Restore from backup", () => {
  it("lists the automatic backups newest first, the newest chosen, with why one was kept", async () => {
    backend();
    render(RestoreDialog, { props: { onrestored: vi.fn(), oncancel: vi.fn() } });
    const options = (await screen.findAllByTestId("restore-option")) as HTMLInputElement[];
    expect(options.map((o) => o.value)).toEqual(BACKUPS.map((b) => b.path));
    expect(options[0].checked).toBe(true);
    const labels = options.map((o) => o.closest("label")?.textContent ?? "");
    expect(labels[1]).toContain("tatt før tilbakehenting");
    expect(labels[0]).not.toContain("tatt før");
    expect(screen.getByTestId("restore-warning").textContent).toContain("blir erstattet");
  });

  it("asks for the password before it restores", async () => {
    const restores = backend();
    const onrestored = vi.fn();
    render(RestoreDialog, { props: { onrestored, oncancel: vi.fn() } });
    await screen.findAllByTestId("restore-option");
    await fireEvent.click(screen.getByTestId("restore-dialog-confirm"));
    expect(screen.getByTestId("error-password").textContent).toBe("Skriv passordet ditt");
    expect(restores).toEqual([]);

    await fireEvent.input(screen.getByTestId("restore-password"), { target: { value: "demo1234" } });
    await fireEvent.click(screen.getByTestId("restore-dialog-confirm"));
    await waitFor(() => expect(onrestored).toHaveBeenCalledWith(INFO));
    expect(restores).toEqual([{ from: BACKUPS[0].path, password: "demo1234" }]);
  });

  it("restores a file the user picks", async () => {
    const restores = backend();
    const onrestored = vi.fn();
    render(RestoreDialog, { props: { onrestored, oncancel: vi.fn() } });
    await screen.findAllByTestId("restore-option");
    await fireEvent.click(screen.getByTestId("restore-pick"));
    const picked = (await screen.findByTestId("restore-option-picked")) as HTMLInputElement;
    expect(picked.checked).toBe(true);
    await fireEvent.input(screen.getByTestId("restore-password"), { target: { value: "demo1234" } });
    await fireEvent.keyDown(screen.getByTestId("restore-password"), { key: "Enter" });
    await waitFor(() => expect(onrestored).toHaveBeenCalled());
    expect(restores).toEqual([{ from: "/home/kari/kopi.okort", password: "demo1234" }]);
  });

  it("shows the backend's refusal in the dialog and stays open", async () => {
    backend({ code: "refused", message: "Feil brukernavn eller passord", fields: [], rows: [] });
    const onrestored = vi.fn();
    render(RestoreDialog, { props: { onrestored, oncancel: vi.fn() } });
    await screen.findAllByTestId("restore-option");
    await fireEvent.input(screen.getByTestId("restore-password"), { target: { value: "galt" } });
    await fireEvent.click(screen.getByTestId("restore-dialog-confirm"));
    expect((await screen.findByTestId("restore-error")).textContent).toBe("Feil brukernavn eller passord");
    expect(onrestored).not.toHaveBeenCalled();
    expect((screen.getByTestId("restore-password") as HTMLInputElement).value).toBe("");
  });
});
