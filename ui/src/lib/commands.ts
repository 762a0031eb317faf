// Generated from the Rust command signatures by src-tauri/src/bindings.rs. Do not edit.
import { call, job, type JobControl } from "./invoke";
import type { Agreement, AgreementInput, AppVersion, AuditCheck, AuditEntry, AuditQuery, BackupFile, Card, CardDesign, CardLookup, CardRow, Continuation, Decision, EvaluationMeeting, FeedbackSummary, Holder, HolderImportReport, HolderInput, HolderSummary, ImportPreviewView, ImportReport, KitInfo, KitSummary, KitVisit, Lang, LanguageOption, Layout, LetterLanguage, LetterText, Part, PayoutLine, PrintReport, PrinterProfile, Program, ProgramImageKind, ProgramInput, ProgramYear, ProgramYearInput, Question, Questionnaire, QuotaStatus, ReassessRow, RecoveryRole, Respondent, ResponseRow, ResponseSaved, SessionInfo, Settlement, StatisticsView, StatsSection, Theme, User, UserInput, Venue, VenueInput, VisitImportPreview, VisitImportReport, VisitReceipt, VisitRow, WorkspaceInfo } from "./bindings";

/** Every command of the backend, with its arguments and result as Rust declares them. */
export const commands = {
  workspaceInfo: () =>
    call<WorkspaceInfo>("workspace_info"),
  /** Tries the workspace that could not be reached at start again. */
  workspaceRetry: () =>
    call<WorkspaceInfo>("workspace_retry"),
  workspaceNew: (path: string) =>
    call<WorkspaceInfo>("workspace_new", { path }),
  workspaceOpen: (path: string) =>
    call<WorkspaceInfo>("workspace_open", { path }),
  /** Opens the demo program, creating it in the app's data folder the first time. */
  workspaceOpenDemo: () =>
    call<WorkspaceInfo>("workspace_open_demo"),
  /** "Save a copy…": the whole workspace as it is now, at `path` (never over a workspace). */
  workspaceBackup: (path: string) =>
    call<void>("workspace_backup", { path }),
  /** The automatic backups beside the open workspace, newest first. */
  workspaceBackups: () =>
    call<Array<BackupFile>>("workspace_backups"),
  /** "Restore from backup…": puts the backup at `from` in place of the open workspace, confirmed with the logged-in administrator's password (the backup must open with it too). The workspace as it was is kept in the backups folder; the session goes on in the restored one. */
  workspaceRestore: (from: string, password: string) =>
    call<WorkspaceInfo>("workspace_restore", { from, password }),
  /** The automatic backups of the workspace, for the login screen when the workspace cannot be opened: only names and times, newest first. */
  backupsAtLogin: () =>
    call<Array<BackupFile>>("backups_at_login"),
  /** "Restore from backup…" on the login screen, for a workspace that cannot be opened (damaged, or its envelope gone): the backup at `from` goes in its place if it opens with this administrator's password, and the administrator is logged in to it. A workspace that opens is not replaced from here by a wrong password: the login refusal is said. */
  restoreAtLogin: (from: string, username: string, password: string) =>
    call<SessionInfo>("restore_at_login", { from, username, password }),
  /** The app's version and build, for About. */
  appVersion: () =>
    call<AppVersion>("app_version"),
  getLanguage: () =>
    call<Lang>("get_language"),
  setLanguage: (lang: Lang) =>
    call<void>("set_language", { lang }),
  sessionInfo: () =>
    call<SessionInfo>("session_info"),
  /** On a workspace without users: creates the administrator and logs them in. */
  createFirstAdmin: (username: string, password: string) =>
    call<SessionInfo>("create_first_admin", { username, password }),
  /** Opens the workspace with the user's password (encrypting one from before encryption). */
  login: (username: string, password: string) =>
    call<SessionInfo>("login", { username, password }),
  /** With a recovery key: gives `username` of that side a new password (creating the user if needed) and logs them in. */
  recover: (role: RecoveryRole, key: string, username: string, password: string) =>
    call<SessionInfo>("recover", { role, key, username, password }),
  /** Saves the pending recovery keys as the recovery sheet (PDF) at `path`. */
  saveRecoverySheet: (path: string) =>
    call<SessionInfo>("save_recovery_sheet", { path }),
  /** A new recovery key for the user's side (the old one stops working), to be saved. */
  renewRecovery: () =>
    call<SessionInfo>("renew_recovery"),
  /** Tries again to take the workspace another desk held, or with `take_over` takes over a lock its holder has not renewed for two minutes. A live lock is never taken over. */
  reclaimDesk: (takeOver: boolean) =>
    call<SessionInfo>("reclaim_desk", { takeOver }),
  logout: () =>
    call<SessionInfo>("logout"),
  listUsers: () =>
    call<Array<User>>("list_users"),
  saveUser: (input: UserInput) =>
    call<User>("save_user", { input }),
  /** Every user's name, to filter the audit log by. */
  auditUsers: () =>
    call<Array<User>>("audit_users"),
  /** The newest 500 entries. The audit log as sentences in the UI language, filtered by user, kind and period. */
  auditLog: (query: AuditQuery) =>
    call<Array<AuditEntry>>("audit_log", { query }),
  /** Whether the audit log is whole: no entry changed or removed since it was written. */
  auditVerify: () =>
    call<AuditCheck>("audit_verify"),
  /** Every role sees the program: its name, colours and contact are on every screen. */
  getProgram: () =>
    call<Program>("get_program"),
  /** The colours the screens use for a program's colours (darkened or lightened to 4.5:1 where needed), with the contrast of the colours as chosen, for the program form's warning about the card, which prints them as chosen. */
  colourTheme: (primary: string, accent: string) =>
    call<Theme>("colour_theme", { primary, accent }),
  saveProgram: (input: ProgramInput) =>
    call<Program>("save_program", { input }),
  /** Sets the logo or coat of arms from an uploaded file, or removes it when `data` is null. */
  setProgramImage: (kind: ProgramImageKind, data: string | null = null) =>
    call<Program>("set_program_image", { kind, data }),
  /** An image from the workspace as a `data:` URL the web view can show. */
  getImage: (id: number) =>
    call<string>("get_image", { id }),
  /** Every role sees the years: NAV assigns in them, venues' cards belong to them. */
  listYears: () =>
    call<Array<ProgramYear>>("list_years"),
  /** The defaults for a new program year (calendar year, 30 cards, age 5–18, companion free). */
  newYearDefaults: (year: number) =>
    call<ProgramYearInput>("new_year_defaults", { year }),
  saveYear: (input: ProgramYearInput) =>
    call<ProgramYear>("save_year", { input }),
  /** "Copy last year's agreements": returns how many agreements were copied. */
  copyAgreements: (fromYearId: number, toYearId: number) =>
    call<number>("copy_agreements", { fromYearId, toYearId }),
  /** What importing a venue register (CSV or .xlsx) would do; nothing is saved. */
  previewVenuesImport: (data: string) =>
    call<ImportPreviewView>("preview_venues_import", { data }),
  listVenues: () =>
    call<Array<Venue>>("list_venues"),
  saveVenue: (input: VenueInput) =>
    call<Venue>("save_venue", { input }),
  /** Sets a venue's logo from an uploaded file, or removes it when `data` is null. */
  setVenueLogo: (venueId: number, data: string | null = null) =>
    call<Venue>("set_venue_logo", { venueId, data }),
  agreementsForVenue: (venueId: number) =>
    call<Array<Agreement>>("agreements_for_venue", { venueId }),
  agreementsForYear: (yearId: number) =>
    call<Array<Agreement>>("agreements_for_year", { yearId }),
  saveAgreement: (input: AgreementInput) =>
    call<Agreement>("save_agreement", { input }),
  deleteAgreement: (venueId: number, yearId: number) =>
    call<void>("delete_agreement", { venueId, yearId }),
  /** Writes the register to the file the user chose in the save dialog. */
  exportVenuesCsv: (path: string) =>
    call<void>("export_venues_csv", { path }),
  /** Imports a CSV file the UI read; refused whole with every bad row listed. */
  importVenuesCsv: (data: string, control?: JobControl) =>
    job<ImportReport>("import_venues_csv", { data }, control),
  /** Makes (or refreshes) the kit of a venue for a year at `path`, with the desk's login. */
  makeVenueKit: (venueId: number, year: number, deskUsername: string, deskPassword: string, path: string) =>
    call<KitSummary>("make_venue_kit", { venueId, year, deskUsername, deskPassword, path }),
  /** Retires the venue's kits for a year (one was lost): their reports are refused from now on. Returns how many were retired. */
  retireVenueKits: (venueId: number, year: number) =>
    call<number>("retire_venue_kits", { venueId, year }),
  /** Logs the venue's desk in to the kit the app has open. */
  kitLogin: (username: string, password: string) =>
    call<KitInfo>("kit_login", { username, password }),
  kitLogout: () =>
    call<void>("kit_logout"),
  /** Checks a card at the kit's desk: a typed number or a scanned QR code. */
  kitLookup: (code: string) =>
    call<CardLookup>("kit_lookup", { code }),
  /** Registers a visit at the kit's desk (`on` defaults to today). */
  kitRegister: (code: string, companion: boolean, on: string | null = null) =>
    call<VisitReceipt>("kit_register", { code, companion, on }),
  /** The visits registered at the kit's desk in a period, newest first. */
  kitVisits: (from: string | null = null, to: string | null = null) =>
    call<Array<KitVisit>>("kit_visits", { from, to }),
  /** Saves the venue's report of a period for the culture office (CSV, or Excel with `xlsx`) at `path`; returns how many visits it holds. */
  kitSaveReport: (path: string, from: string | null, to: string | null, xlsx: boolean) =>
    call<number>("kit_save_report", { path, from, to, xlsx }),
  /** Saves the blank venue report (card number, date, companion) at `path`, as Excel when `xlsx`, else CSV, for a venue to fill in. */
  saveReportTemplate: (path: string, xlsx: boolean) =>
    call<void>("save_report_template", { path, xlsx }),
  /** The languages the letter is written in, with whether each was checked this year. */
  letterLanguages: (yearId: number) =>
    call<Array<LetterLanguage>>("letter_languages", { yearId }),
  /** The texts of the letter in `lang` for the year, as they will print. */
  letterTexts: (yearId: number, lang: string) =>
    call<Array<LetterText>>("letter_texts", { yearId, lang }),
  /** Saves the office's text of one part for the year (empty: back to the bundled text). */
  saveLetterText: (yearId: number, lang: string, part: Part, text: string) =>
    call<Array<LetterText>>("save_letter_text", { yearId, lang, part, text }),
  /** Marks the letter in `lang` checked this year by `reviewer`, or (null) takes it away. */
  setLetterReviewed: (yearId: number, lang: string, reviewer: string | null = null) =>
    call<Array<LetterLanguage>>("set_letter_reviewed", { yearId, lang, reviewer }),
  /** The letter in `lang` as it prints (the website's version, without a name), as SVG data URLs drawn by the same layout as the PDF. */
  letterPreview: (yearId: number, lang: string) =>
    call<Array<string>>("letter_preview", { yearId, lang }),
  /** Prints the one-page staff sheet of every venue with an agreement for the year (or of `venue_id`) to `path`. */
  printVenueSheets: (yearId: number, venueId: number | null, path: string, control?: JobControl) =>
    job<PrintReport>("print_venue_sheets", { yearId, venueId, path }, control),
  /** Prints the letters to `path`: one per active card of the year (or `card_ids`) in the holder's language with Bokmål on the back, in the order the cards print; or, with `lang`, the letter in that language without a name, for the website. */
  printLetters: (yearId: number, path: string, lang: string | null = null, cardIds: Array<number> | null = null, control?: JobControl) =>
    job<PrintReport>("print_letters", { yearId, path, lang, cardIds }, control),
  /** What importing NAV's CSV or .xlsx of holders would do (new, changed with the fields, unchanged, refused rows); nothing is saved. */
  previewHoldersImport: (data: string) =>
    call<ImportPreviewView>("preview_holders_import", { data }),
  listLanguages: () =>
    call<Array<LanguageOption>>("list_languages"),
  listHolders: () =>
    call<Array<Holder>>("list_holders"),
  holderSummaries: () =>
    call<Array<HolderSummary>>("holder_summaries"),
  /** Holders with the same name and birth date, to show before saving. */
  possibleDuplicates: (input: HolderInput) =>
    call<Array<HolderSummary>>("possible_duplicates", { input }),
  saveHolder: (input: HolderInput) =>
    call<Holder>("save_holder", { input }),
  /** Everything held about one holder, as JSON at `path`, for their access request (GDPR art. 15): NAV's job, logged. */
  exportHolder: (holderId: number, path: string) =>
    call<void>("export_holder", { holderId, path }),
  /** Erases one holder on their request (GDPR art. 17): their cards in use are revoked and their personal data removed as the retention sweep does it, the visits kept for the statistics; NAV's job, logged without a name. Returns how many cards were blocked. */
  eraseHolder: (holderId: number) =>
    call<number>("erase_holder", { holderId }),
  exportHoldersCsv: (path: string) =>
    call<void>("export_holders_csv", { path }),
  /** Everything held about one holder as a PDF at `path`, for their access request (GDPR art. 15), opened to print: NAV's job, logged as the JSON export is. The workspace is read, then left free while the PDF is written. */
  printHolderAccess: (holderId: number, path: string, control?: JobControl) =>
    job<void>("print_holder_access", { holderId, path }, control),
  /** Imports NAV's CSV of holders as the preview showed it; refused whole with every bad row listed. */
  importHoldersCsv: (data: string, control?: JobControl) =>
    job<HolderImportReport>("import_holders_csv", { data }, control),
  /** How many cards are left of the year's quota: shown before assigning. */
  quotaStatus: (yearId: number) =>
    call<QuotaStatus>("quota_status", { yearId }),
  listCards: (yearId: number) =>
    call<Array<CardRow>>("list_cards", { yearId }),
  cardsOfHolder: (holderId: number) =>
    call<Array<Card>>("cards_of_holder", { holderId }),
  /** `override_reason` lets an administrator assign outside the age range (logged). */
  assignCard: (holderId: number, yearId: number, overrideReason: string | null = null) =>
    call<Card>("assign_card", { holderId, yearId, overrideReason }),
  markPrinted: (cardIds: Array<number>) =>
    call<Array<Card>>("mark_printed", { cardIds }),
  handOutCard: (cardId: number, on: string) =>
    call<Card>("hand_out_card", { cardId, on }),
  /** Blocks a lost card and issues a new number to the same holder. */
  replaceLostCard: (cardId: number) =>
    call<Card>("replace_lost_card", { cardId }),
  revokeCard: (cardId: number, reason: string) =>
    call<Card>("revoke_card", { cardId, reason }),
  /** A typed card number or a scanned QR code (a USB scanner types it like a keyboard). `venue_id` is the desk's venue when the culture office checks for one. */
  lookupCard: (code: string, venueId: number | null = null) =>
    call<CardLookup>("lookup_card", { code, venueId }),
  cardQr: (cardId: number) =>
    call<string>("card_qr", { cardId }),
  reassessment: (fromYearId: number, toYearId: number) =>
    call<Array<ReassessRow>>("reassessment", { fromYearId, toYearId }),
  /** Records NAV's decision today that a holder's card continues into a year, or ends. */
  decideReassessment: (holderId: number, toYearId: number, continuation: Continuation) =>
    call<Decision>("decide_reassessment", { holderId, toYearId, continuation }),
  /** Creates next year's cards for every holder NAV decided to continue, all or nothing within quota. */
  renewCards: (toYearId: number) =>
    call<Array<Card>>("renew_cards", { toYearId }),
  /** Registers one visit. `venue_id` is the culture office's choice (a venue user is bound to its own); `on` defaults to today; `override_reason` lets the culture office register over a rule, logged. */
  registerVisit: (code: string, venueId: number | null, on: string | null, companion: boolean, overrideReason: string | null = null) =>
    call<VisitReceipt>("register_visit", { code, venueId, on, companion, overrideReason }),
  /** Ticks counted per venue on a card handed back at year end, as `[venueId, ticks]` pairs; returns how many visits of unknown date were added. */
  registerReturnedTicks: (code: string, ticks: Array<[number, number]>) =>
    call<number>("register_returned_ticks", { code, ticks }),
  voidVisit: (visitId: number, reason: string) =>
    call<void>("void_visit", { visitId, reason }),
  listVisits: (yearId: number, venueId: number | null = null) =>
    call<Array<VisitRow>>("list_visits", { yearId, venueId }),
  /** Checks a venue report (CSV or .xlsx, as base64) without importing it. */
  checkVisitImport: (venueId: number | null, data: string) =>
    call<VisitImportPreview>("check_visit_import", { venueId, data }),
  /** Imports a venue report: all rows, or with `accept_valid` the good rows only. */
  importVisits: (venueId: number | null, data: string, acceptValid: boolean, control?: JobControl) =>
    job<VisitImportReport>("import_visits", { venueId, data, acceptValid }, control),
  computePayouts: (yearId: number, from: string | null = null, to: string | null = null) =>
    call<Array<PayoutLine>>("compute_payouts", { yearId, from, to }),
  /** The accounting file (one row per venue and a sum) written to `path`. */
  exportPayoutsCsv: (yearId: number, from: string | null, to: string | null, path: string) =>
    call<void>("export_payouts_csv", { yearId, from, to, path }),
  /** Approves a venue's open visits in the year or period as a settlement; they are locked. */
  approveSettlement: (venueId: number, yearId: number, from: string | null = null, to: string | null = null) =>
    call<Settlement>("approve_settlement", { venueId, yearId, from, to }),
  /** The accounting file of the year's approved and paid settlements, written to `path`. */
  exportSettlementsCsv: (yearId: number, path: string) =>
    call<void>("export_settlements_csv", { yearId, path }),
  listSettlements: (yearId: number) =>
    call<Array<Settlement>>("list_settlements", { yearId }),
  markSettlementPaid: (settlementId: number, on: string) =>
    call<Settlement>("mark_settlement_paid", { settlementId, on }),
  /** Withdraws an unpaid settlement with a reason; its visits are open again. */
  withdrawSettlement: (settlementId: number, reason: string) =>
    call<Settlement>("withdraw_settlement", { settlementId, reason }),
  statistics: (yearId: number, from: string | null = null, to: string | null = null) =>
    call<StatisticsView>("statistics", { yearId, from, to }),
  /** One section's table written to `path` as CSV, small groups as "< 5". */
  exportStatisticsCsv: (yearId: number, from: string | null, to: string | null, section: StatsSection, path: string) =>
    call<void>("export_statistics_csv", { yearId, from, to, section, path }),
  /** The year's budget for compensation to venues, in øre (`None` removes it). */
  setYearBudget: (yearId: number, budgetOre: number | null = null) =>
    call<void>("set_year_budget", { yearId, budgetOre }),
  /** The year's questionnaire for families or venues (made from the defaults the first time). */
  questionnaire: (yearId: number, respondent: Respondent) =>
    call<Questionnaire>("questionnaire", { yearId, respondent }),
  /** Writes a question in one language (`lang` an ISO 639 code); empty removes it. */
  setQuestionText: (questionId: number, lang: string, text: string) =>
    call<Question>("set_question_text", { questionId, lang, text }),
  /** A family's returned form, by the card number written on it: `answers` are `[question id, answer as written]`. */
  saveFamilyAnswers: (yearId: number, cardNumber: string, answers: Array<[number, string]>) =>
    call<ResponseSaved>("save_family_answers", { yearId, cardNumber, answers }),
  /** A venue's answers, entered by the culture office. */
  saveVenueAnswers: (yearId: number, venueId: number, answers: Array<[number, string]>) =>
    call<ResponseSaved>("save_venue_answers", { yearId, venueId, answers }),
  /** The forms entered, newest first (card numbers or venues; no names). */
  feedbackResponses: (yearId: number, respondent: Respondent) =>
    call<Array<ResponseRow>>("feedback_responses", { yearId, respondent }),
  /** Every question with its answers summed up. */
  feedbackSummary: (yearId: number, respondent: Respondent) =>
    call<FeedbackSummary>("feedback_summary", { yearId, respondent }),
  /** Imports venues' answers (CSV or .xlsx as base64: the venue, then a column per question number); all or nothing. Returns how many venues' answers were saved. */
  importVenueAnswers: (yearId: number, data: string) =>
    call<number>("import_venue_answers", { yearId, data }),
  evaluationMeeting: (yearId: number) =>
    call<EvaluationMeeting>("evaluation_meeting", { yearId }),
  saveEvaluationMeeting: (meeting: EvaluationMeeting) =>
    call<void>("save_evaluation_meeting", { meeting }),
  /** A paper feedback form for each of the year's active cards, in its family's language, written to `path` and opened. */
  printFeedbackForms: (yearId: number, path: string, control?: JobControl) =>
    job<PrintReport>("print_feedback_forms", { yearId, path }, control),
  /** The year's evaluation report written to `path` and opened. */
  printYearReport: (yearId: number, path: string, control?: JobControl) =>
    job<PrintReport>("print_year_report", { yearId, path }, control),
  /** A venue's settlement statement, written to `path` and opened: an approved settlement, or a draft of the venue's open visits in the year or period. */
  printStatement: (venueId: number, yearId: number, settlementId: number | null, from: string | null, to: string | null, path: string, control?: JobControl) =>
    job<void>("print_statement", { venueId, yearId, settlementId, from, to, path }, control),
  /** The characters of a name no bundled font can draw, said when a holder is saved: on a card they would be empty boxes. Empty when the whole name prints. */
  unprintableChars: (text: string) =>
    call<Array<string>>("unprintable_chars", { text }),
  /** Before printing: a primary colour too light for the card's white text, and the cards of the year (or `card_ids`) whose holders' names have characters no bundled font can draw, one sentence each. */
  printWarnings: (yearId: number, cardIds: Array<number> | null = null) =>
    call<Array<string>>("print_warnings", { yearId, cardIds }),
  getCardDesign: (yearId: number) =>
    call<CardDesign>("get_card_design", { yearId }),
  saveCardDesign: (design: CardDesign) =>
    call<CardDesign>("save_card_design", { design }),
  /** "Copy from last year": the design of `from_year_id` saved for `to_year_id`. */
  copyCardDesign: (fromYearId: number, toYearId: number) =>
    call<CardDesign>("copy_card_design", { fromYearId, toYearId }),
  /** The pages of one card of the year (the first active one, or a sample) as SVG data URLs: the same drawing operations the PDF is made of. `design` previews unsaved edits. */
  cardPreview: (yearId: number, layout: Layout, design: CardDesign | null = null) =>
    call<Array<string>>("card_preview", { yearId, layout, design }),
  listPrinterProfiles: () =>
    call<Array<PrinterProfile>>("list_printer_profiles"),
  savePrinterProfile: (profile: PrinterProfile) =>
    call<PrinterProfile>("save_printer_profile", { profile }),
  deletePrinterProfile: (id: number) =>
    call<void>("delete_printer_profile", { id }),
  /** A calibration test page with rulers for the layout's paper (through a profile, to check it), written to `path` and opened. */
  printCalibrationPage: (layout: Layout, path: string, profileId: number | null = null) =>
    call<PrintReport>("print_calibration_page", { layout, path, profileId }),
  /** Prints the year's active cards (or `card_ids`, for a reprint) to `path` and marks them printed. The workspace is read, then left free while the cards are laid out and written (the job tells its progress and stops when cancelled, writing nothing), then the cards are marked printed and the file is opened. */
  printCards: (yearId: number, layout: Layout, path: string, cardIds: Array<number> | null = null, profileId: number | null = null, control?: JobControl) =>
    job<PrintReport>("print_cards", { yearId, layout, path, cardIds, profileId }, control),
  /** NAV's hand-out list of the year's active cards, written to `path` and opened. */
  printHandoutList: (yearId: number, path: string, control?: JobControl) =>
    job<PrintReport>("print_handout_list", { yearId, path }, control),
};
