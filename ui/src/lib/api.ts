// The only module that talks to the Rust backend. Every command the UI uses is here, typed
// with the generated bindings; errors arrive as ApiError ({ code, message, fields, rows }).
import { invoke } from "@tauri-apps/api/core";
import type {
  Agreement,
  AgreementInput,
  ApiError,
  ImportReport,
  Lang,
  Program,
  ProgramImageKind,
  ProgramInput,
  ProgramYear,
  ProgramYearInput,
  Venue,
  VenueInput,
  WorkspaceInfo,
} from "./bindings";

export type * from "./bindings";

/** True when `e` is an error the backend sent (as opposed to a bug in the UI). */
export function isApiError(e: unknown): e is ApiError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** A user-facing message for anything thrown by a command. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  return e instanceof Error ? e.message : String(e);
}

export const api = {
  workspaceInfo: () => invoke<WorkspaceInfo>("workspace_info"),
  workspaceNew: (path: string) => invoke<WorkspaceInfo>("workspace_new", { path }),
  workspaceOpen: (path: string) => invoke<WorkspaceInfo>("workspace_open", { path }),
  workspaceOpenDemo: () => invoke<WorkspaceInfo>("workspace_open_demo"),
  getLanguage: () => invoke<Lang>("get_language"),
  setLanguage: (lang: Lang) => invoke<void>("set_language", { lang }),

  getProgram: () => invoke<Program>("get_program"),
  saveProgram: (input: ProgramInput) => invoke<Program>("save_program", { input }),
  /** `data` is a file as base64 or a data: URL; null removes the image. */
  setProgramImage: (kind: ProgramImageKind, data: string | null) =>
    invoke<Program>("set_program_image", { kind, data }),
  /** An image of the workspace as a data: URL. */
  getImage: (id: number) => invoke<string>("get_image", { id }),

  listYears: () => invoke<ProgramYear[]>("list_years"),
  newYearDefaults: (year: number) => invoke<ProgramYearInput>("new_year_defaults", { year }),
  saveYear: (input: ProgramYearInput) => invoke<ProgramYear>("save_year", { input }),
  copyAgreements: (fromYearId: number, toYearId: number) =>
    invoke<number>("copy_agreements", { fromYearId, toYearId }),

  listVenues: () => invoke<Venue[]>("list_venues"),
  saveVenue: (input: VenueInput) => invoke<Venue>("save_venue", { input }),
  setVenueLogo: (venueId: number, data: string | null) =>
    invoke<Venue>("set_venue_logo", { venueId, data }),
  agreementsForVenue: (venueId: number) =>
    invoke<Agreement[]>("agreements_for_venue", { venueId }),
  agreementsForYear: (yearId: number) => invoke<Agreement[]>("agreements_for_year", { yearId }),
  saveAgreement: (input: AgreementInput) => invoke<Agreement>("save_agreement", { input }),
  deleteAgreement: (venueId: number, yearId: number) =>
    invoke<void>("delete_agreement", { venueId, yearId }),

  /** `data` is the CSV file as base64; refused whole with ApiError.rows on any bad row. */
  importVenuesCsv: (data: string) => invoke<ImportReport>("import_venues_csv", { data }),
  exportVenuesCsv: (path: string) => invoke<void>("export_venues_csv", { path }),
};

/** Reads a File (from a file input or a drop) as a data: URL for the commands above. */
export function readFileAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("could not read the file"));
    reader.readAsDataURL(file);
  });
}
