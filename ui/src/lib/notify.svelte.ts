// App-wide success toast and error banner.
import { errorMessage, isApiError } from "./api";

export const notices = $state<{ toast: string | null; error: string | null }>({
  toast: null,
  error: null,
});

let toastTimer: ReturnType<typeof setTimeout> | undefined;

export function showToast(message: string): void {
  notices.toast = message;
  notices.error = null;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (notices.toast = null), 4000);
}

let sessionLostHandler: (() => void) | null = null;

/** Registers what happens when a command says the user is no longer logged in. */
export function onSessionLost(handler: (() => void) | null): void {
  sessionLostHandler = handler;
}

/** True (and the login screen is shown) when `e` says the user is not logged in. */
export function sessionLost(e: unknown): boolean {
  if (isApiError(e) && e.code === "notLoggedIn") {
    sessionLostHandler?.();
    return true;
  }
  return false;
}

/** Shows anything thrown in the error banner; only our own messages reach the user as written. */
export function showError(e: unknown): void {
  if (sessionLost(e)) return;
  showErrorText(errorMessage(e));
}

/** Shows a message already written for the user (e.g. the leftover of `splitFieldErrors`). */
export function showErrorText(message: string): void {
  notices.error = message;
  notices.toast = null;
}

export function clearError(): void {
  notices.error = null;
}

/** Clears every notice: a new session starts with nothing left over from the last one. */
export function clearNotices(): void {
  clearTimeout(toastTimer);
  notices.toast = null;
  notices.error = null;
}

/**
 * Splits a thrown error into messages for the fields a form shows, and — if anything is left
 * over (no field errors, or fields this form does not show) — a banner message.
 */
export function splitFieldErrors(
  e: unknown,
  known: readonly string[],
): { fields: Record<string, string>; banner: string | null } {
  const fields: Record<string, string> = {};
  if (!isApiError(e)) return { fields, banner: errorMessage(e) };
  const leftover: string[] = [];
  for (const f of e.fields ?? []) {
    if (known.includes(f.field)) fields[f.field] = fields[f.field] ? `${fields[f.field]} ${f.message}` : f.message;
    else leftover.push(f.message);
  }
  // What no field of this form shows goes to the banner, each sentence once.
  const banner = [...new Set([e.message, ...leftover])].join(" ");
  if (Object.keys(fields).length === 0) return { fields, banner };
  return { fields, banner: leftover.length ? banner : null };
}
