import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiError } from "./api";
import { clearError, notices, showError, showErrorText, splitFieldErrors } from "./notify.svelte";

afterEach(() => {
  clearError();
  vi.restoreAllMocks();
});

describe("error banner", () => {
  it("shows the backend's leftover sentence as written", () => {
    const e: ApiError = { code: "invalid", message: "Skjemaet har feil.", fields: [{ field: "other", message: "Noe annet er galt." }], rows: [] };
    const split = splitFieldErrors(e, ["cardQuota"]);
    expect(split.banner).toBe("Skjemaet har feil. Noe annet er galt.");
    showErrorText(split.banner!);
    expect(notices.error).toBe("Skjemaet har feil. Noe annet er galt.");
  });

  it("never shows a raw string thrown by a plugin", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    showError("dialog.save not allowed. Permissions associated with this command: dialog:allow-save");
    expect(notices.error).toMatch(/^Noe gikk galt/);
  });
});
