// The only module that talks to the Rust backend. Every command the UI uses is here, typed
// with the generated bindings; errors arrive as ApiError ({ code, message, fields, rows }).
import { Channel, invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type {
  Agreement,
  AgreementInput,
  ApiError,
  AuditEntry,
  AuditQuery,
  Continuation,
  Decision,
  ErrorCode,
  Card,
  CardDesign,
  CardLookup,
  CardRow,
  Holder,
  HolderImportReport,
  HolderInput,
  HolderSummary,
  LanguageOption,
  PayoutLine,
  JobEvent,
  PrintReport,
  PrinterProfile,
  QuotaStatus,
  ReassessRow,
  SessionInfo,
  Settlement,
  User,
  UserInput,
  VisitImportPreview,
  VisitImportReport,
  VisitReceipt,
  VisitRow,
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
import { t } from "./i18n/index.svelte";

export type * from "./bindings";

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
async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
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
async function job<T>(command: string, args: InvokeArgs, control: JobControl = {}): Promise<T> {
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

export const api = {
  workspaceInfo: () => call<WorkspaceInfo>("workspace_info"),
  workspaceNew: (path: string) => call<WorkspaceInfo>("workspace_new", { path }),
  workspaceOpen: (path: string) => call<WorkspaceInfo>("workspace_open", { path }),
  workspaceOpenDemo: () => call<WorkspaceInfo>("workspace_open_demo"),
  getLanguage: () => call<Lang>("get_language"),
  setLanguage: (lang: Lang) => call<void>("set_language", { lang }),

  sessionInfo: () => call<SessionInfo>("session_info"),
  /** Only on a workspace without users; logs the new administrator in. */
  createFirstAdmin: (username: string, password: string) =>
    call<SessionInfo>("create_first_admin", { username, password }),
  login: (username: string, password: string) =>
    call<SessionInfo>("login", { username, password }),
  logout: () => call<SessionInfo>("logout"),
  listUsers: () => call<User[]>("list_users"),
  saveUser: (input: UserInput) => call<User>("save_user", { input }),
  auditLog: (query: AuditQuery) => call<AuditEntry[]>("audit_log", { query }),

  getProgram: () => call<Program>("get_program"),
  saveProgram: (input: ProgramInput) => call<Program>("save_program", { input }),
  /** `data` is a file as base64 or a data: URL; null removes the image. */
  setProgramImage: (kind: ProgramImageKind, data: string | null) =>
    call<Program>("set_program_image", { kind, data }),
  /** An image of the workspace as a data: URL. */
  getImage: (id: number) => call<string>("get_image", { id }),

  listYears: () => call<ProgramYear[]>("list_years"),
  newYearDefaults: (year: number) => call<ProgramYearInput>("new_year_defaults", { year }),
  saveYear: (input: ProgramYearInput) => call<ProgramYear>("save_year", { input }),
  copyAgreements: (fromYearId: number, toYearId: number) =>
    call<number>("copy_agreements", { fromYearId, toYearId }),

  listVenues: () => call<Venue[]>("list_venues"),
  saveVenue: (input: VenueInput) => call<Venue>("save_venue", { input }),
  setVenueLogo: (venueId: number, data: string | null) =>
    call<Venue>("set_venue_logo", { venueId, data }),
  agreementsForVenue: (venueId: number) =>
    call<Agreement[]>("agreements_for_venue", { venueId }),
  agreementsForYear: (yearId: number) => call<Agreement[]>("agreements_for_year", { yearId }),
  saveAgreement: (input: AgreementInput) => call<Agreement>("save_agreement", { input }),
  deleteAgreement: (venueId: number, yearId: number) =>
    call<void>("delete_agreement", { venueId, yearId }),

  listLanguages: () => call<LanguageOption[]>("list_languages"),
  listHolders: () => call<Holder[]>("list_holders"),
  holderSummaries: () => call<HolderSummary[]>("holder_summaries"),
  possibleDuplicates: (input: HolderInput) =>
    call<HolderSummary[]>("possible_duplicates", { input }),
  saveHolder: (input: HolderInput) => call<Holder>("save_holder", { input }),
  importHoldersCsv: (data: string, control?: JobControl) =>
    job<HolderImportReport>("import_holders_csv", { data }, control),
  exportHoldersCsv: (path: string) => call<void>("export_holders_csv", { path }),

  quotaStatus: (yearId: number) => call<QuotaStatus>("quota_status", { yearId }),
  listCards: (yearId: number) => call<CardRow[]>("list_cards", { yearId }),
  cardsOfHolder: (holderId: number) => call<Card[]>("cards_of_holder", { holderId }),
  /** `overrideReason`: an administrator's written reason to assign outside the age range. */
  assignCard: (holderId: number, yearId: number, overrideReason: string | null) =>
    call<Card>("assign_card", { holderId, yearId, overrideReason }),
  markPrinted: (cardIds: number[]) => call<Card[]>("mark_printed", { cardIds }),
  /** `on` is an ISO date. */
  handOutCard: (cardId: number, on: string) => call<Card>("hand_out_card", { cardId, on }),
  replaceLostCard: (cardId: number) => call<Card>("replace_lost_card", { cardId }),
  revokeCard: (cardId: number, reason: string) => call<Card>("revoke_card", { cardId, reason }),
  /** A typed card number or a scanned QR text; `venueId`: the desk's venue (culture office). */
  lookupCard: (code: string, venueId: number | null = null) =>
    call<CardLookup>("lookup_card", { code, venueId }),
  /** Registers a visit; `on` an ISO date or null for today. */
  registerVisit: (
    code: string,
    venueId: number | null,
    on: string | null,
    companion: boolean,
    overrideReason: string | null,
  ) => call<VisitReceipt>("register_visit", { code, venueId, on, companion, overrideReason }),
  /** `from`/`to` ISO dates, both or neither. */
  computePayouts: (yearId: number, from: string | null, to: string | null) =>
    call<PayoutLine[]>("compute_payouts", { yearId, from, to }),
  exportPayoutsCsv: (yearId: number, from: string | null, to: string | null, path: string) =>
    call<void>("export_payouts_csv", { yearId, from, to, path }),
  /** The accounting file of the year's approved and paid settlements, at `path`. */
  exportSettlementsCsv: (yearId: number, path: string) =>
    call<void>("export_settlements_csv", { yearId, path }),
  /** Ticks counted on a returned card, as [venueId, ticks] pairs; returns visits added. */
  registerReturnedTicks: (code: string, ticks: [number, number][]) =>
    call<number>("register_returned_ticks", { code, ticks }),
  /**
   * A venue's statement as PDF at `path` (opened afterwards): of settlement `settlementId`, or
   * with null a draft of the venue's open visits in the year or the period `from`–`to`.
   */
  printStatement: (
    venueId: number,
    yearId: number,
    settlementId: number | null,
    from: string | null,
    to: string | null,
    path: string,
    control?: JobControl,
  ) => job<void>("print_statement", { venueId, yearId, settlementId, from, to, path }, control),
  /** Approves the venue's open visits in the year or the period; they are locked. */
  approveSettlement: (venueId: number, yearId: number, from: string | null, to: string | null) =>
    call<Settlement>("approve_settlement", { venueId, yearId, from, to }),
  listSettlements: (yearId: number) => call<Settlement[]>("list_settlements", { yearId }),
  /** `on` is an ISO date. */
  markSettlementPaid: (settlementId: number, on: string) =>
    call<Settlement>("mark_settlement_paid", { settlementId, on }),
  /** Only an unpaid settlement; its visits are open again. */
  withdrawSettlement: (settlementId: number, reason: string) =>
    call<Settlement>("withdraw_settlement", { settlementId, reason }),
  /**
   * Checks a venue's report of visits (CSV or .xlsx as a data: URL or base64); nothing is
   * written. `venueId` null is the logged-in venue user's own venue.
   */
  checkVisitImport: (venueId: number | null, data: string) =>
    call<VisitImportPreview>("check_visit_import", { venueId, data }),
  /** Imports the report; with problem rows it is refused unless `acceptValid` (the good rows). */
  importVisits: (venueId: number | null, data: string, acceptValid: boolean, control?: JobControl) =>
    job<VisitImportReport>("import_visits", { venueId, data, acceptValid }, control),
  voidVisit: (visitId: number, reason: string) => call<void>("void_visit", { visitId, reason }),
  listVisits: (yearId: number, venueId: number | null) =>
    call<VisitRow[]>("list_visits", { yearId, venueId }),
  cardQr: (cardId: number) => call<string>("card_qr", { cardId }),
  reassessment: (fromYearId: number, toYearId: number) =>
    call<ReassessRow[]>("reassessment", { fromYearId, toYearId }),
  /** Records NAV's decision today: the holder's card continues into the year, or ends. */
  decideReassessment: (holderId: number, toYearId: number, continuation: Continuation) =>
    call<Decision>("decide_reassessment", { holderId, toYearId, continuation }),
  /** Makes the year's cards for every holder decided to continue, all or nothing. */
  renewCards: (toYearId: number) => call<Card[]>("renew_cards", { toYearId }),

  getCardDesign: (yearId: number) => call<CardDesign>("get_card_design", { yearId }),
  saveCardDesign: (design: CardDesign) => call<CardDesign>("save_card_design", { design }),
  copyCardDesign: (fromYearId: number, toYearId: number) =>
    call<CardDesign>("copy_card_design", { fromYearId, toYearId }),
  /** SVG data URLs of one card's pages: the same drawing the PDF is made of. `design`
   * previews unsaved edits. */
  cardPreview: (yearId: number, layoutCode: string, design: CardDesign | null = null) =>
    call<string[]>("card_preview", { yearId, layoutCode, design }),
  /** Prints the year's active cards (or `cardIds`) to `path` and marks them printed; a job
   * with progress and cancel (a cancelled print writes nothing and marks nothing). */
  printCards: (
    yearId: number,
    layoutCode: string,
    path: string,
    cardIds: number[] | null,
    profileId: number | null,
    control?: JobControl,
  ) => job<PrintReport>("print_cards", { yearId, layoutCode, path, cardIds, profileId }, control),
  listPrinterProfiles: () => call<PrinterProfile[]>("list_printer_profiles"),
  savePrinterProfile: (profile: PrinterProfile) =>
    call<PrinterProfile>("save_printer_profile", { profile }),
  deletePrinterProfile: (id: number) => call<void>("delete_printer_profile", { id }),

  /** NAV's hand-out list (number, name, signature column) of the year's active cards. */
  printHandoutList: (yearId: number, path: string, control?: JobControl) =>
    job<PrintReport>("print_handout_list", { yearId, path }, control),
  /** A calibration test page with millimetre rulers for "a4" or "cr80" paper. */
  printCalibrationPage: (layoutCode: string, path: string, profileId: number | null) =>
    call<PrintReport>("print_calibration_page", { layoutCode, path, profileId }),

  /** `data` is the CSV file as base64; refused whole with ApiError.rows on any bad row. */
  importVenuesCsv: (data: string, control?: JobControl) =>
    job<ImportReport>("import_venues_csv", { data }, control),
  exportVenuesCsv: (path: string) => call<void>("export_venues_csv", { path }),
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
