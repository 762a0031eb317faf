// How the UI calls the Rust backend: every command goes through `call` (or `job`, for long
// jobs), so every error the UI sees is an ApiError ({ code, message, fields, rows }); what the
// backend tells on its own comes as events (`listenTo`). The typed function of each command is
// generated into commands.ts from the Rust signatures.
import { Channel, invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { ApiError, ErrorCode, JobEvent } from "./bindings";
import { t } from "./i18n/index.svelte";

const ERROR_CODES: readonly ErrorCode[] = [
  "invalid",
  "image",
  "import",
  "notFound",
  "tooNew",
  "notAWorkspace",
  "exists",
  "noWorkspace",
  "notLoggedIn",
  "denied",
  "refused",
  "internal",
];

/** True when `e` is an error the backend sent (as opposed to a bug in the UI). */
export function isApiError(e: unknown): e is ApiError {
  if (typeof e !== "object" || e === null) return false;
  const o = e as Record<string, unknown>;
  return (
    typeof o.message === "string" &&
    typeof o.code === "string" &&
    (ERROR_CODES as readonly string[]).includes(o.code)
  );
}

/**
 * Anything thrown as an ApiError with a sentence for the user. What is not our shape (Tauri's
 * "invalid args `input` for command …", a bug in the UI) is written to the console for
 * developers and reaches the user only as a general sentence in their language.
 */
export function toApiError(e: unknown, command?: string): ApiError {
  if (isApiError(e)) return { ...e, fields: e.fields ?? [], rows: e.rows ?? [] };
  console.error(command ? `command ${command} failed:` : "unexpected error:", e);
  return { code: "internal", message: t("err.general"), fields: [], rows: [] };
}

/** A user-facing message for anything thrown by a command. */
export function errorMessage(e: unknown): string {
  return toApiError(e).message;
}

/** Every command goes through here, so every error the UI sees is an ApiError. */
export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toApiError(e, command);
  }
}

/** How far a long job has come. */
export type JobProgress = { done: number; total: number };

/** What the caller of a long job may hear and do while it runs. */
export interface JobControl {
  /** Called once the job runs, with the function that cancels it (it then writes nothing). */
  onStart?: (cancel: () => Promise<void>) => void;
  onProgress?: (p: JobProgress) => void;
}

/** A long job (printing, an import, a document): it runs in the backend off the main thread and
 * tells its progress over a channel of its own. */
export async function job<T>(command: string, args: InvokeArgs, control: JobControl = {}): Promise<T> {
  const onEvent = new Channel<JobEvent>();
  onEvent.onmessage = (e) => {
    if (e.event === "started") {
      control.onStart?.(() => call<boolean>("cancel_job", { job: e.job }).then(() => undefined));
    } else {
      control.onProgress?.({ done: e.done, total: e.total });
    }
  };
  return call<T>(command, { ...args, onEvent });
}


/**
 * Listens to an event the backend sends on its own (not the answer to a command): `handler`
 * gets each payload. Returns the function that stops listening; it may be called before the
 * listener is in place, and never throws.
 */
export function listenTo<T>(event: string, handler: (payload: T) => void): () => void {
  let stopped = false;
  let unlisten: UnlistenFn | null = null;
  // Typed as returning nothing, Tauri's unlisten returns a promise: its failure (the app closing,
  // a test's mocks gone) is of no interest here.
  const stop = (u: UnlistenFn) => {
    try {
      void Promise.resolve(u() as unknown).catch(() => undefined);
    } catch {
      // already gone
    }
  };
  listen<T>(event, (e) => {
    if (!stopped) handler(e.payload);
  }).then(
    (u) => {
      if (stopped) stop(u);
      else unlisten = u;
    },
    (e) => console.error(`listening to ${event} failed:`, e),
  );
  return () => {
    stopped = true;
    if (unlisten) stop(unlisten);
    unlisten = null;
  };
}
