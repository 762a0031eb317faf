// The only module the features use to talk to the Rust backend: the generated command
// functions (commands.ts, from the Rust signatures) and the error helpers (invoke.ts).
import { commands } from "./commands";

export type * from "./bindings";
export { errorMessage, isApiError, toApiError } from "./invoke";
export type { JobControl, JobProgress } from "./invoke";

/** Every command of the backend, typed from its Rust signature. */
export const api = commands;

/** Reads a File (from a file input or a drop) as a data: URL for the commands above. */
export function readFileAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("could not read the file"));
    reader.readAsDataURL(file);
  });
}
