import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import type { ApiError, DeskStatus, SessionInfo } from "../api";
import { notices } from "../notify.svelte";
import DeskBanner from "./DeskBanner.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
  notices.toast = null;
  notices.error = null;
});

const HELD = "Åpnet av nav1 på NAV-PC-3 siden 09:12. Du kan lese, men ikke endre noe.";

const holder = (seen: string) => ({
  username: "nav1",
  computer: "NAV-PC-3",
  since: "2026-03-02T08:12:00Z",
  seen,
});
const WRITABLE: DeskStatus = { readOnly: false, holder: null, stale: false, message: null };
const LIVE: DeskStatus = { readOnly: true, holder: holder("2026-03-02T09:40:00Z"), stale: false, message: HELD };
const STALE: DeskStatus = { readOnly: true, holder: holder("2026-03-02T09:30:00Z"), stale: true, message: HELD };

const sessionWith = (desk: DeskStatus): SessionInfo => ({
  hasUsers: true,
  user: { userId: 1, username: "kultur", role: "admin", venueId: null, venueName: null },
  isDemo: false,
  recoveryPending: false,
  convertedFrom: null,
  desk,
});

/**
 * A backend whose `reclaim_desk` answers with the next of `answers` (an ApiError is thrown);
 * returns the takeOver flags it was called with.
 */
function backend(answers: (DeskStatus | ApiError)[] = []) {
  const reclaims: unknown[] = [];
  mockIPC(
    (cmd, payload) => {
      if (cmd !== "reclaim_desk") return null;
      reclaims.push((payload as { takeOver: boolean }).takeOver);
      const next = answers.shift();
      if (!next) throw new Error("no answer");
      if ("code" in next) throw next;
      return sessionWith(next);
    },
    { shouldMockEvents: true },
  );
  return reclaims;
}

/** The banner for `desk`, given the session again whenever it asks (as App does). */
async function show(desk: DeskStatus) {
  const onSession = vi.fn();
  const view = render(DeskBanner, { props: { session: sessionWith(desk), onSession } });
  onSession.mockImplementation((s: SessionInfo) => view.rerender({ session: s, onSession }));
  return onSession;
}

describe("The read-only desk banner", () => {
  it("says who holds the workspace while this desk is read-only, and nothing otherwise", async () => {
    backend();
    await show(WRITABLE);
    expect(screen.queryByTestId("desk-banner")).toBeNull();
    cleanup();

    await show(LIVE);
    const banner = screen.getByTestId("desk-banner");
    expect(banner.getAttribute("role")).toBe("status");
    expect(banner.textContent).toContain(HELD);
    expect(screen.getByTestId("desk-retry").textContent).toBe("Prøv igjen");
    expect(screen.queryByTestId("desk-take-over"), "a live lock is never taken over").toBeNull();
  });

  it("tries again and, when the workspace is free, hides the banner and says so", async () => {
    const reclaims = backend([LIVE, WRITABLE]);
    const onSession = await show(LIVE);

    // Still held: the banner stays and says the other desk still has it.
    await fireEvent.click(screen.getByTestId("desk-retry"));
    expect((await screen.findByTestId("desk-note")).textContent).toContain("fortsatt arbeidsfilen åpen");
    expect(screen.getByTestId("desk-banner")).toBeTruthy();

    await fireEvent.click(screen.getByTestId("desk-retry"));
    await waitFor(() => expect(screen.queryByTestId("desk-banner")).toBeNull());
    expect(reclaims).toEqual([false, false]);
    expect(onSession).toHaveBeenLastCalledWith(sessionWith(WRITABLE));
    expect(notices.toast).toBe("Du kan nå endre arbeidsfilen.");
  });

  it("offers to take over only a stale lock, asks first, then takes it over", async () => {
    const reclaims = backend([WRITABLE]);
    await show(STALE);
    expect(screen.getByTestId("desk-stale").textContent).toContain("to minutter");

    await fireEvent.click(screen.getByTestId("desk-take-over"));
    const dialog = screen.getByTestId("desk-take-over-dialog");
    expect(dialog.textContent).toContain("to minutter");
    expect(dialog.textContent).toContain("kan den bare lese");
    // Cancel takes nothing over.
    await fireEvent.click(screen.getByTestId("desk-take-over-dialog-cancel"));
    expect(screen.queryByTestId("desk-take-over-dialog")).toBeNull();
    expect(reclaims).toEqual([]);

    await fireEvent.click(screen.getByTestId("desk-take-over"));
    await fireEvent.click(screen.getByTestId("desk-take-over-dialog-confirm"));
    await waitFor(() => expect(screen.queryByTestId("desk-banner")).toBeNull());
    expect(screen.queryByTestId("desk-take-over-dialog")).toBeNull();
    expect(reclaims).toEqual([true]);
    expect(notices.toast).toBe("Du kan nå endre arbeidsfilen.");
  });

  it("says so when the other desk came back before the take-over", async () => {
    backend([LIVE]);
    await show(STALE);
    await fireEvent.click(screen.getByTestId("desk-take-over"));
    await fireEvent.click(screen.getByTestId("desk-take-over-dialog-confirm"));
    expect((await screen.findByTestId("desk-note")).textContent).toContain("ble ikke tatt over");
    expect(screen.getByTestId("desk-banner")).toBeTruthy();
    expect(screen.queryByTestId("desk-take-over"), "the lock is live again").toBeNull();
    expect(notices.toast).toBeNull();
  });

  it("shows a failed try in the error banner and keeps the desk read-only", async () => {
    backend([{ code: "internal", message: "Låsfilen kunne ikke leses.", fields: [], rows: [] }]);
    await show(LIVE);
    await fireEvent.click(screen.getByTestId("desk-retry"));
    await waitFor(() => expect(notices.error).toBe("Låsfilen kunne ikke leses."));
    expect(screen.getByTestId("desk-banner")).toBeTruthy();
  });

  it("follows the backend's desk-changed events: taken over by another desk, then its lock stale", async () => {
    backend();
    await show(WRITABLE);
    await vi.waitFor(async () => {
      await emit("desk-changed", LIVE);
      expect(screen.getByTestId("desk-banner").textContent).toContain(HELD);
    });
    expect(screen.queryByTestId("desk-take-over")).toBeNull();

    await emit("desk-changed", STALE);
    expect(await screen.findByTestId("desk-take-over")).toBeTruthy();
  });
});
