// What the card design, printer profile and print run parts of the print panel share.
import { save } from "@tauri-apps/plugin-dialog";
import type { Layout } from "../bindings";
import type { MessageKey } from "../i18n/index.svelte";

export type { Layout };

/** Every layout (the type is generated from Rust) with the name the clerk reads. */
export const LAYOUTS: readonly [Layout, MessageKey][] = [
  ["a4", "print.a4"],
  ["a6", "print.a6"],
  ["cr80", "print.cr80"],
  ["sheet8", "print.sheet8"],
];

/** Asks where a PDF is saved; null when the clerk cancels. */
export function pickPdf(name: string): Promise<string | null> {
  return save({ defaultPath: name, filters: [{ name: "PDF", extensions: ["pdf"] }] });
}
