import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { api, errorMessage, isApiError, type ApiError } from "./api";
import { i18n } from "./i18n/index.svelte";

afterEach(() => {
  clearMocks();
  vi.restoreAllMocks();
  i18n.lang = "nb";
});

const RAW = "invalid args `input` for command `save_year`: invalid value: integer `-5`, expected u32";

describe("command errors", () => {
  it("never show Tauri's argument error to the user: a translated sentence instead, the raw text in the console", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    mockIPC(() => {
      throw RAW;
    });
    const e = await api.listYears().catch((err: unknown) => err);
    expect(isApiError(e)).toBe(true);
    expect((e as ApiError).code).toBe("internal");
    expect((e as ApiError).message).not.toContain("invalid args");
    expect((e as ApiError).message).toMatch(/^Noe gikk galt/);
    expect(String(log.mock.calls[0])).toContain(RAW);

    i18n.lang = "en";
    const en = await api.listYears().catch((err: unknown) => err);
    expect((en as ApiError).message).toMatch(/^Something went wrong/);
  });

  it("pass the backend's own errors through unchanged", async () => {
    const refused: ApiError = { code: "invalid", message: "Antall kort må være fra 1 til 10 000 kort.", fields: [{ field: "cardQuota", message: "må være fra 1 til 10 000 kort" }], rows: [] };
    mockIPC(() => {
      throw refused;
    });
    await expect(api.listYears()).rejects.toEqual(refused);
  });

  it("are never shown raw when they are bugs in the UI either", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(errorMessage(new TypeError("Cannot read properties of null (reading 'filter')"))).toMatch(/^Noe gikk galt/);
    expect(errorMessage({ code: "nonsense", message: "x" })).toMatch(/^Noe gikk galt/);
  });
});
