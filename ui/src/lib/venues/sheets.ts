// The one-page sheets for the venues' staff, for the newest program year: one venue's from its
// page, every venue's from the list. The file is chosen in a save dialog; the result is told.
import { save } from "@tauri-apps/plugin-dialog";
import { api, type ProgramYear } from "../api";
import { t } from "../i18n/index.svelte";
import { clearError, showError, showToast } from "../notify.svelte";

/** The newest program year, which the sheets are for; null without any. */
export function sheetYear(years: ProgramYear[]): ProgramYear | null {
  return [...years].sort((a, b) => b.year - a.year)[0] ?? null;
}

/** Asks where, then prints the sheet of `venue` (or of every venue with an agreement). */
export async function printStaffSheets(year: ProgramYear, venue: { id: number; name: string } | null): Promise<void> {
  const path = await save({
    defaultPath: t("venueSheet.fileName", { venue: venue?.name ?? t("venueSheet.allVenues"), year: year.year }),
    filters: [{ name: "PDF", extensions: ["pdf"] }],
  });
  if (!path) return;
  clearError();
  try {
    const report = await api.printVenueSheets(year.id, venue?.id ?? null, path);
    showToast(t("venueSheet.saved", { path: report.path, n: report.printed }));
  } catch (e) {
    showError(e);
  }
}
