// The only module the features use to talk to the Rust backend: the generated command
// functions (commands.ts, from the Rust signatures), the error helpers (invoke.ts) and the events
// the backend sends on its own.
import type { DeskStatus } from "./bindings";
import { commands } from "./commands";
import { t } from "./i18n/index.svelte";
import { listenTo } from "./invoke";

export type * from "./bindings";
export { errorMessage, isApiError, toApiError } from "./invoke";
export type { JobControl, JobProgress } from "./invoke";

/** Every command of the backend, typed from its Rust signature. */
export const api = commands;

/** The backend's event when this desk's hold on the workspace changes. */
export const DESK_CHANGED = "desk-changed";

/**
 * Calls `handler` whenever the backend says this desk's status changed (another desk took the
 * workspace over, or the lock of the desk holding it went stale). Returns the function that
 * stops listening.
 */
export function onDeskChanged(handler: (desk: DeskStatus) => void): () => void {
  return listenTo<DeskStatus>(DESK_CHANGED, handler);
}

/** The largest spreadsheet (venues, holders, a visit report) the backend takes, in MB. */
export const MAX_UPLOAD_MB = 32;

/**
 * The message refusing a file larger than {@link MAX_UPLOAD_MB}, naming it and its size; null when
 * it is not too large. Checked before the file is read, so a huge file is never loaded.
 */
export function uploadTooLarge(file: File): string | null {
  const mib = 1024 * 1024;
  if (file.size <= MAX_UPLOAD_MB * mib) return null;
  // Rounded up, so a file just over the limit never reads as exactly the limit.
  const tenths = Math.ceil((file.size / mib) * 10) / 10;
  const mb = Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1).replace(".", ",");
  return t("io.tooLarge", { name: file.name, mb, max: MAX_UPLOAD_MB });
}

/** Reads a File (from a file input or a drop) as a data: URL for the commands above. */
export function readFileAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("could not read the file"));
    reader.readAsDataURL(file);
  });
}
