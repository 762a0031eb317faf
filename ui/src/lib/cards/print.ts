// What the card design, printer profile and print run parts of the print panel share.
import { save } from "@tauri-apps/plugin-dialog";

/** The sheet a print is laid out on. */
export type Layout = "a4" | "a6" | "cr80" | "sheet8";

/** Asks where a PDF is saved; null when the clerk cancels. */
export function pickPdf(name: string): Promise<string | null> {
  return save({ defaultPath: name, filters: [{ name: "PDF", extensions: ["pdf"] }] });
}
