import { afterEach, describe, expect, it } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, render, screen, waitFor } from "@testing-library/svelte";
import type { AuditEntry } from "../api";
import Audit from "./Audit.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
});

const entry: AuditEntry = {
  id: 1,
  at: "2026-11-30T09:12:00Z",
  userId: 1,
  userName: "kultur",
  kind: "venue",
  action: "venue.save",
  entityId: 3,
  detail: "",
  sentence: "kultur lagret brukerstedet Эрмитаж Кино.",
};

function backend(brokenAt: number | null) {
  mockIPC((cmd) => {
    if (cmd === "audit_users") return [];
    if (cmd === "audit_log") return [entry];
    if (cmd === "audit_verify") return { entries: 12, brokenAt };
    return null;
  });
}

describe("Audit", () => {
  it("says plainly when an entry of the log was changed or removed", async () => {
    backend(7);
    render(Audit);
    const banner = await screen.findByTestId("audit-broken");
    expect(banner.textContent).toContain("oppføring 7 er endret");
    expect(banner.getAttribute("role")).toBe("alert");
    expect((await screen.findAllByTestId("audit-row"))[0].textContent).toContain("Эрмитаж Кино");
  });

  it("shows no warning on a whole log", async () => {
    backend(null);
    render(Audit);
    await screen.findAllByTestId("audit-row");
    expect(screen.queryByTestId("audit-broken")).toBeNull();
  });

  it("offers every user the log may name, NAV's too, though the office does not manage them", async () => {
    mockIPC((cmd) => {
      if (cmd === "audit_users") {
        return [
          { id: 1, username: "kultur", role: "admin", venueId: null, active: true, canLogIn: true },
          { id: 2, username: "nav", role: "nav", venueId: null, active: true, canLogIn: true },
        ];
      }
      if (cmd === "audit_log") return [entry];
      if (cmd === "audit_verify") return { entries: 1, brokenAt: null };
      return null;
    });
    render(Audit);
    const select = screen.getByTestId("audit-user") as HTMLSelectElement;
    await waitFor(() => expect(Array.from(select.options).slice(2).map((o) => o.textContent)).toEqual(["kultur", "nav"]));
  });
});
