// The only module that talks to the Rust backend. Every command the UI uses is here, typed
// with the generated bindings; errors arrive as ApiError ({ code, message, fields, rows }).
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  Agreement,
  AgreementInput,
  ApiError,
  AuditEntry,
  AuditQuery,
  Continuation,
  Decision,
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
  PrintProgress,
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

  sessionInfo: () => invoke<SessionInfo>("session_info"),
  /** Only on a workspace without users; logs the new administrator in. */
  createFirstAdmin: (username: string, password: string) =>
    invoke<SessionInfo>("create_first_admin", { username, password }),
  login: (username: string, password: string) =>
    invoke<SessionInfo>("login", { username, password }),
  logout: () => invoke<SessionInfo>("logout"),
  listUsers: () => invoke<User[]>("list_users"),
  saveUser: (input: UserInput) => invoke<User>("save_user", { input }),
  auditLog: (query: AuditQuery) => invoke<AuditEntry[]>("audit_log", { query }),

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

  listLanguages: () => invoke<LanguageOption[]>("list_languages"),
  listHolders: () => invoke<Holder[]>("list_holders"),
  holderSummaries: () => invoke<HolderSummary[]>("holder_summaries"),
  possibleDuplicates: (input: HolderInput) =>
    invoke<HolderSummary[]>("possible_duplicates", { input }),
  saveHolder: (input: HolderInput) => invoke<Holder>("save_holder", { input }),
  importHoldersCsv: (data: string) => invoke<HolderImportReport>("import_holders_csv", { data }),
  exportHoldersCsv: (path: string) => invoke<void>("export_holders_csv", { path }),

  quotaStatus: (yearId: number) => invoke<QuotaStatus>("quota_status", { yearId }),
  listCards: (yearId: number) => invoke<CardRow[]>("list_cards", { yearId }),
  cardsOfHolder: (holderId: number) => invoke<Card[]>("cards_of_holder", { holderId }),
  /** `overrideReason`: an administrator's written reason to assign outside the age range. */
  assignCard: (holderId: number, yearId: number, overrideReason: string | null) =>
    invoke<Card>("assign_card", { holderId, yearId, overrideReason }),
  markPrinted: (cardIds: number[]) => invoke<Card[]>("mark_printed", { cardIds }),
  /** `on` is an ISO date. */
  handOutCard: (cardId: number, on: string) => invoke<Card>("hand_out_card", { cardId, on }),
  replaceLostCard: (cardId: number) => invoke<Card>("replace_lost_card", { cardId }),
  revokeCard: (cardId: number, reason: string) => invoke<Card>("revoke_card", { cardId, reason }),
  /** A typed card number or a scanned QR text; `venueId`: the desk's venue (culture office). */
  lookupCard: (code: string, venueId: number | null = null) =>
    invoke<CardLookup>("lookup_card", { code, venueId }),
  /** Registers a visit; `on` an ISO date or null for today. */
  registerVisit: (
    code: string,
    venueId: number | null,
    on: string | null,
    companion: boolean,
    overrideReason: string | null,
  ) => invoke<VisitReceipt>("register_visit", { code, venueId, on, companion, overrideReason }),
  /** `from`/`to` ISO dates, both or neither. */
  computePayouts: (yearId: number, from: string | null, to: string | null) =>
    invoke<PayoutLine[]>("compute_payouts", { yearId, from, to }),
  exportPayoutsCsv: (yearId: number, from: string | null, to: string | null, path: string) =>
    invoke<void>("export_payouts_csv", { yearId, from, to, path }),
  /** The accounting file of the year's approved and paid settlements, at `path`. */
  exportSettlementsCsv: (yearId: number, path: string) =>
    invoke<void>("export_settlements_csv", { yearId, path }),
  /** Ticks counted on a returned card, as [venueId, ticks] pairs; returns visits added. */
  registerReturnedTicks: (code: string, ticks: [number, number][]) =>
    invoke<number>("register_returned_ticks", { code, ticks }),
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
  ) => invoke<void>("print_statement", { venueId, yearId, settlementId, from, to, path }),
  /** Approves the venue's open visits in the year or the period; they are locked. */
  approveSettlement: (venueId: number, yearId: number, from: string | null, to: string | null) =>
    invoke<Settlement>("approve_settlement", { venueId, yearId, from, to }),
  listSettlements: (yearId: number) => invoke<Settlement[]>("list_settlements", { yearId }),
  /** `on` is an ISO date. */
  markSettlementPaid: (settlementId: number, on: string) =>
    invoke<Settlement>("mark_settlement_paid", { settlementId, on }),
  /** Only an unpaid settlement; its visits are open again. */
  withdrawSettlement: (settlementId: number, reason: string) =>
    invoke<Settlement>("withdraw_settlement", { settlementId, reason }),
  /**
   * Checks a venue's report of visits (CSV or .xlsx as a data: URL or base64); nothing is
   * written. `venueId` null is the logged-in venue user's own venue.
   */
  checkVisitImport: (venueId: number | null, data: string) =>
    invoke<VisitImportPreview>("check_visit_import", { venueId, data }),
  /** Imports the report; with problem rows it is refused unless `acceptValid` (the good rows). */
  importVisits: (venueId: number | null, data: string, acceptValid: boolean) =>
    invoke<VisitImportReport>("import_visits", { venueId, data, acceptValid }),
  voidVisit: (visitId: number, reason: string) => invoke<void>("void_visit", { visitId, reason }),
  listVisits: (yearId: number, venueId: number | null) =>
    invoke<VisitRow[]>("list_visits", { yearId, venueId }),
  cardQr: (cardId: number) => invoke<string>("card_qr", { cardId }),
  reassessment: (fromYearId: number, toYearId: number) =>
    invoke<ReassessRow[]>("reassessment", { fromYearId, toYearId }),
  /** Records NAV's decision today: the holder's card continues into the year, or ends. */
  decideReassessment: (holderId: number, toYearId: number, continuation: Continuation) =>
    invoke<Decision>("decide_reassessment", { holderId, toYearId, continuation }),
  /** Makes the year's cards for every holder decided to continue, all or nothing. */
  renewCards: (toYearId: number) => invoke<Card[]>("renew_cards", { toYearId }),

  getCardDesign: (yearId: number) => invoke<CardDesign>("get_card_design", { yearId }),
  saveCardDesign: (design: CardDesign) => invoke<CardDesign>("save_card_design", { design }),
  copyCardDesign: (fromYearId: number, toYearId: number) =>
    invoke<CardDesign>("copy_card_design", { fromYearId, toYearId }),
  /** SVG data URLs of one card's pages: the same drawing the PDF is made of. `design`
   * previews unsaved edits. */
  cardPreview: (yearId: number, layoutCode: string, design: CardDesign | null = null) =>
    invoke<string[]>("card_preview", { yearId, layoutCode, design }),
  /** Stops a running print after the current card; nothing is written. */
  cancelPrint: () => invoke<void>("cancel_print"),
  /** Calls `cb` with each `print-progress` event; returns the function that stops listening. */
  onPrintProgress: (cb: (p: PrintProgress) => void): Promise<UnlistenFn> =>
    listen<PrintProgress>("print-progress", (e) => cb(e.payload)),
  /** Prints the year's active cards (or `cardIds`) to `path` and marks them printed. */
  printCards: (
    yearId: number,
    layoutCode: string,
    path: string,
    cardIds: number[] | null,
    profileId: number | null,
  ) => invoke<PrintReport>("print_cards", { yearId, layoutCode, path, cardIds, profileId }),
  listPrinterProfiles: () => invoke<PrinterProfile[]>("list_printer_profiles"),
  savePrinterProfile: (profile: PrinterProfile) =>
    invoke<PrinterProfile>("save_printer_profile", { profile }),
  deletePrinterProfile: (id: number) => invoke<void>("delete_printer_profile", { id }),

  /** NAV's hand-out list (number, name, signature column) of the year's active cards. */
  printHandoutList: (yearId: number, path: string) =>
    invoke<PrintReport>("print_handout_list", { yearId, path }),
  /** A calibration test page with millimetre rulers for "a4" or "cr80" paper. */
  printCalibrationPage: (layoutCode: string, path: string, profileId: number | null) =>
    invoke<PrintReport>("print_calibration_page", { layoutCode, path, profileId }),

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
