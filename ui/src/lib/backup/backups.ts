// Pure helpers of "Save a copy…" and "Restore from backup…": the copy's default name and what
// an automatic backup's file name says about it.
import { todayIso } from "../cards/util";
import type { MessageKey } from "../i18n/index.svelte";

/** The workspace's file name without folder and extension: "/x/demo.okort" → "demo". */
function stem(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? "";
  return name.replace(/\.okort$/i, "");
}

/** The name "Save a copy…" offers: the workspace's name and today's date, "demo-2026-12-02.okort". */
export function copyFileName(workspacePath: string, today: string = todayIso()): string {
  return `${stem(workspacePath) || "opplevelseskort"}-${today}.okort`;
}

/** The chosen path with ".okort" added when the user typed a name without it (so Open finds it). */
export function withOkortExtension(path: string): string {
  return /\.okort$/i.test(path) ? path : `${path}.okort`;
}

/** Why an automatic backup was made, when it was not the day's first login: the workspace as it
 * was before a restore, or before a schema upgrade (see crates/store/src/backup.rs). */
export function backupReason(fileName: string): MessageKey | null {
  if (/-before-restore\.okort$/i.test(fileName)) return "backup.beforeRestore";
  if (/-schema\d+\.okort$/i.test(fileName)) return "backup.beforeUpgrade";
  return null;
}
