// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.

export type Lang = "nb" | "nn" | "en";

export type Program = { municipality: string, name: string, contactName: string, contactPhone: string, contactEmail: string, logoId: number | null, coatOfArmsId: number | null, primaryColour: string, accentColour: string, 
/**
 * Minutes a venue desk may stand idle before it is logged out.
 */
deskIdleMinutes: number, 
/**
 * Years a holder's data is kept after their last card expired.
 */
retentionYears: number, };

export type ProgramInput = { municipality: string, name: string, contactName: string, contactPhone: string, contactEmail: string, primaryColour: string, accentColour: string, 
/**
 * Minutes a venue desk may stand idle before it is logged out (1–480).
 */
deskIdleMinutes: number, 
/**
 * Years a holder's data is kept after their last card expired (1–10).
 */
retentionYears: number, };

export type ProgramImageKind = "logo" | "coatOfArms";

export type YearStatus = "planning" | "active" | "closed";

export type ProgramYear = { id: number, year: number, validFrom: string, validTo: string, cardQuota: number, ageMin: number, ageMax: number, 
/**
 * Holder plus one companion (ledsager) enter free.
 */
companionFree: boolean, status: YearStatus, 
/**
 * At most this many cards per family (holders sharing a guardian); `None` is no cap.
 */
familyCap: number | null, };

export type ProgramYearInput = { id: number | null, year: number, validFrom: string, validTo: string, cardQuota: number, ageMin: number, ageMax: number, companionFree: boolean, status: YearStatus, familyCap: number | null, };

export type VenueCategory = "cinema" | "swimming" | "playLand" | "performance" | "courseDance" | "courseMusic" | "courseTheatre" | "courseSport" | "other";

export type Venue = { id: number, name: string, category: VenueCategory, address: string, contactPerson: string, phone: string, email: string, orgNumber: string, bankAccount: string, logoId: number | null, active: boolean, 
/**
 * Shown to the venue's staff, e.g. "holders never pay for the companion".
 */
staffNote: string, };

export type VenueInput = { id: number | null, name: string, category: VenueCategory, address: string, contactPerson: string, phone: string, email: string, orgNumber: string, bankAccount: string, active: boolean, staffNote: string, };

export type CompensationModel = "venueBearsCost" | "fullRefund" | "share";

export type Agreement = { id: number, venueId: number, yearId: number, year: number, 
/**
 * Visits per card this year; `None` is free entry all year.
 */
visitsPerCard: number | null, companionFree: boolean, 
/**
 * What the card does not cover, e.g. membership fees.
 */
notCovered: string, compensation: CompensationModel, 
/**
 * The municipality's share in percent when `compensation` is `Share`.
 */
sharePercent: number, holderPriceOre: number, companionPriceOre: number, periodFrom: string | null, periodTo: string | null, signedOn: string | null, };

export type AgreementInput = { venueId: number, yearId: number, visitsPerCard: number | null, companionFree: boolean, notCovered: string, compensation: CompensationModel, sharePercent: number, holderPriceOre: number, companionPriceOre: number, periodFrom: string | null, periodTo: string | null, signedOn: string | null, };

export type ImportReport = { venuesCreated: number, venuesUpdated: number, agreementsSaved: number, };

export type Change = "new" | "changed" | "unchanged";

export type FieldChange = { column: string, before: string, after: string, };

export type PreviewRow = { 
/**
 * The spreadsheet row (the header is row 1).
 */
row: number, change: Change, 
/**
 * What the row is about: a venue's name, a holder's name, "venue – year" for an agreement.
 */
label: string, 
/**
 * For a changed row, the fields that change.
 */
fields: Array<FieldChange>, };

export type ImportPreviewView = { new: number, changed: number, unchanged: number, 
/**
 * New and changed rows, with the fields that change.
 */
rows: Array<PreviewRow>, 
/**
 * Rows that cannot be imported: while there are any, nothing can be saved.
 */
refused: Array<RowError>, };

export type Role = "admin" | "nav" | "venue";

export type Holder = { id: number, firstName: string, lastName: string, birthDate: string, language: string, guardianName: string, guardianPhone: string, guardianEmail: string, address: string, 
/**
 * The person at NAV responsible for this holder.
 */
navContact: string, 
/**
 * Seen by NAV only.
 */
navNote: string, };

export type HolderInput = { id: number | null, firstName: string, lastName: string, birthDate: string, language: string, guardianName: string, guardianPhone: string, guardianEmail: string, address: string, navContact: string, navNote: string, };

export type HolderSummary = { id: number, firstName: string, lastName: string, birthYear: number, 
/**
 * The family's language (ISO 639), so a name in its script is read in it.
 */
language: string, };

export type HolderImportReport = { created: number, updated: number, };

export type LanguageOption = { code: string, 
/**
 * The name in the language itself (the English name where none is known).
 */
name: string, nb: string, nn: string, en: string, };

export type CardStatus = "assigned" | "printed" | "handedOut" | "lost" | "revoked";

export type Card = { id: number, number: string, yearId: number, year: number, holderId: number, status: CardStatus, handedOutOn: string | null, revokedReason: string, 
/**
 * Why the card was assigned outside the year's age range; empty when it was not.
 */
ageOverrideReason: string, replacesCardId: number | null, createdOn: string, };

export type CardRow = { card: Card, holder: HolderSummary, 
/**
 * The visits the holder has made in the card's year, on any of their cards of the year (a
 * replaced one too), voided ones not counted: 0 for a family that has not used the card,
 * which NAV follows up.
 */
visits: number, };

export type QuotaStatus = { quota: number, used: number, left: number, };

export type ReassessRow = { holder: HolderSummary, currentCard: string, ageNextYear: number, 
/**
 * Outside next year's age range: cannot be renewed.
 */
agesOut: boolean, hasCardNextYear: boolean, 
/**
 * NAV's recorded decision for next year, if made.
 */
decision: Decision | null, };

export type Continuation = "continue" | "end";

export type Decision = { continuation: Continuation, decidedOn: string, decidedBy: string, };

export type LookupState = "valid" | "expired" | "notYetValid" | "blocked" | "forged";

export type VenueAllowance = { venueId: number, venueName: string, hasAgreement: boolean, 
/**
 * Visits per card this year at this venue; `None` is free entry all year.
 */
visitsPerCard: number | null, 
/**
 * Visits registered (not voided) for the holder at this venue this year, on any of
 * their cards: a replaced card carries its visits over.
 */
visitsUsed: number, 
/**
 * `None` when entry is free all year.
 */
visitsLeft: number | null, companionFree: boolean, };

export type CardLookup = { state: LookupState, number: string, 
/**
 * True when a QR code was scanned and its signature checked.
 */
scanned: boolean, status: CardStatus | null, firstName: string | null, 
/**
 * The card's first and last valid day.
 */
validFrom: string | null, validTo: string | null, 
/**
 * For a venue user: the venue's agreement for the card's year.
 */
venue: VenueAllowance | null, };

export type VisitReceipt = { visitId: number, cardNumber: string, firstName: string, venueName: string, visitsUsed: number, 
/**
 * `None` when entry is free all year.
 */
visitsLeft: number | null, 
/**
 * True when the culture office registered it over a rule, with a reason.
 */
overridden: boolean, };

export type VisitRow = { id: number, cardNumber: string, firstName: string, venueId: number, venueName: string, visitedOn: string | null, companion: boolean, source: string, overrideReason: string, voidedReason: string | null, 
/**
 * The approved or paid settlement the visit is locked to.
 */
settlementId: number | null, };

export type PayoutLine = { venueId: number, venueName: string, orgNumber: string, bankAccount: string, compensation: CompensationModel, sharePercent: number, holderVisits: number, companionVisits: number, holderPriceOre: number, companionPriceOre: number, holderAmountOre: number, companionAmountOre: number, totalOre: number, 
/**
 * Visits in the same year or period already in an approved or paid settlement (not
 * counted above).
 */
settledVisits: number, 
/**
 * What those settled visits were approved at, in øre.
 */
settledOre: number, };

export type Settlement = { id: number, yearId: number, 
/**
 * Both `None`: the whole year.
 */
periodFrom: string | null, periodTo: string | null, line: PayoutLine, approvedOn: string, 
/**
 * The user name of who approved it ("okort" for the command line).
 */
approvedBy: string, paidOn: string | null, withdrawnReason: string | null, 
/**
 * The first and last day of the dated visits it holds: what a whole-year settlement
 * actually covers.
 */
firstVisit: string | null, lastVisit: string | null, };

export type AgeBand = "from5To9" | "from10To12" | "from13To15" | "from16To18" | "other";

export type ActivityKind = "spectator" | "participant" | "unknown";

export type VisitBucket = "none" | "one" | "two" | "from3To5" | "from6To10" | "from11To20" | "over20";

export type CostModel = "agreements" | "venueBears" | "full" | "half";

export type Visits = { holder: number, companion: number, };

export type CardFigures = { assigned: number, replacements: number, handedOut: number, returned: number, lost: number, revoked: number, 
/**
 * Holders with a card in the year.
 */
holders: number, 
/**
 * Holders who used their card at least once in the period.
 */
used: number, 
/**
 * Holders who never used it: NAV may follow these families up.
 */
neverUsed: number, };

export type AgeBandCount = { band: AgeBand, holders: number, };

export type BucketCount = { bucket: VisitBucket, holders: number, };

export type VenueFigures = { venueId: number, name: string, category: VenueCategory, kind: ActivityKind, visits: Visits, 
/**
 * What its visits cost under its agreement, in øre: `None` where NAV reads.
 */
costOre: number | null, };

export type CategoryFigures = { category: VenueCategory, visits: Visits, };

export type KindFigures = { kind: ActivityKind, visits: Visits, };

export type MonthFigures = { 
/**
 * 1–12.
 */
month: number, visits: Visits, };

export type ModelCost = { model: CostModel, totalOre: number, };

export type CostFigures = { 
/**
 * Under the agreements: what the municipality owes for the period's visits.
 */
owedOre: number, 
/**
 * Per holder visit; `None` with no visits.
 */
perVisitOre: number | null, 
/**
 * Per holder with a card; `None` with no holders.
 */
perHolderOre: number | null, 
/**
 * Each model side by side, the agreements first.
 */
models: Array<ModelCost>, budgetOre: number | null, approvedOre: number, paidOre: number, };

export type Statistics = { year: number, 
/**
 * The period; `None` is the whole year, ticks of unknown date included.
 */
from: string | null, to: string | null, cards: CardFigures, ageBands: Array<AgeBandCount>, perHolder: Array<BucketCount>, visits: Visits, 
/**
 * Ticks counted on returned cards: their date is unknown, so no month has them.
 */
unknownDate: Visits, venues: Array<VenueFigures>, categories: Array<CategoryFigures>, kinds: Array<KindFigures>, months: Array<MonthFigures>, 
/**
 * `None` for NAV: the money is the culture office's.
 */
costs: CostFigures | null, };

export type YearStatistics = { current: Statistics, previous: Statistics | null, };

export type StatsSection = "cards" | "ageBands" | "perHolder" | "venues" | "categories" | "kinds" | "months" | "costs" | "models";

export type StatsTable = { section: StatsSection, title: string, columns: Array<string>, rows: Array<Array<string>>, };

export type StatisticsView = { stats: YearStatistics, tables: Array<StatsTable>, };

export type Respondent = "family" | "venue";

export type QuestionKind = "scale" | "yesNo" | "choice" | "text";

export type Question = { id: number, position: number, kind: QuestionKind, 
/**
 * The question in each language it is written in (always Bokmål).
 */
texts: { [key in string]: string }, 
/**
 * For a choice question: each choice in its languages.
 */
choices: Array<{ [key in string]: string }>, 
/**
 * The choices are the venue categories, in their order: answers are summed up by
 * category ("what did you miss").
 */
byCategory: boolean, };

export type Answer = { "kind": "scale", "value": number } | { "kind": "yesNo", "value": boolean } | { "kind": "choice", "value": number } | { "kind": "text", "value": string };

export type QuestionSummary = { questionId: number, text: string, kind: QuestionKind, answered: number, 
/**
 * Scale: how many answered 1, 2, 3, 4 and 5; yes/no: yes then no; choice: each choice.
 */
counts: Array<number>, 
/**
 * The labels of `counts`.
 */
labels: Array<string>, 
/**
 * Scale: the mean in hundredths (4.25 is 425).
 */
meanHundredths: number | null, 
/**
 * Free texts, newest first, with no name or card number beside them.
 */
texts: Array<string>, };

export type Questionnaire = { id: number, yearId: number, respondent: Respondent, questions: Array<Question>, };

export type ResponseRow = { id: number, cardNumber: string | null, venueId: number | null, venueName: string | null, enteredAt: string, 
/**
 * The answers as stored, by question id.
 */
answers: Array<[number, string]>, };

export type ResponseSaved = { responseId: number, 
/**
 * The card (or venue) had answers already; they were replaced.
 */
replaced: boolean, answered: number, };

export type FeedbackSummary = { respondent: Respondent, forms: number, questions: Array<QuestionSummary>, };

export type EvaluationMeeting = { yearId: number, heldOn: string | null, agenda: string, minutes: string, conclusions: string, };

export type VisitImportPreview = { venueId: number, rows: number, valid: number, problems: Array<RowError>, };

export type VisitImportReport = { imported: number, 
/**
 * Problem rows left out (only with "import the good rows").
 */
skipped: number, };

export type User = { id: number, username: string, role: Role, venueId: number | null, active: boolean, 
/**
 * Whether the user has a key slot, that is a password that opens the workspace: not yet
 * for users of a workspace encrypted by someone else's login, until given a new one.
 */
canLogIn: boolean, };

export type RecoveryRole = "kultur" | "nav";

export type UserInput = { id: number | null, username: string, role: Role, venueId: number | null, active: boolean, 
/**
 * A new password; `None` keeps the current one (required for a new user).
 */
password: string | null, };

export type AuditEntry = { id: number, 
/**
 * UTC time, RFC 3339.
 */
at: string, 
/**
 * 0 is the system itself (creating the first administrator, generated data).
 */
userId: number, 
/**
 * The user's name, or the system's.
 */
userName: string, 
/**
 * What kind of record: card, holder, visit, settlement, user, program, year, venue,
 * agreement, design, printer.
 */
kind: string, action: string, entityId: number | null, detail: string, 
/**
 * The entry as a sentence in the reader's language, with names, dates and kroner.
 */
sentence: string, };

export type AuditQuery = { userId: number | null, kind: string | null, from: string | null, to: string | null, limit: number, };

export type AuditCheck = { 
/**
 * Entries checked.
 */
entries: number, 
/**
 * The first entry that was changed, or after which one was removed; `None` when whole.
 */
brokenAt: number | null, };

export type DeskHolder = { username: string, computer: string, 
/**
 * When the holder took the workspace.
 */
since: string, 
/**
 * When the holder last renewed the lock.
 */
seen: string, };

export type DeskStatus = { readOnly: boolean, holder: DeskHolder | null, 
/**
 * The holder has not been seen for two minutes: the lock may be taken over.
 */
stale: boolean, 
/**
 * The sentence the banner shows ("Opened by nav1 on NAV-PC-3 since 09:12. …").
 */
message: string | null, };

export type SessionUser = { userId: number, username: string, role: Role, venueId: number | null, venueName: string | null, };

export type SessionInfo = { 
/**
 * False on a new workspace: the first screen creates the administrator.
 */
hasUsers: boolean, user: SessionUser | null, 
/**
 * The demo program: the login screen shows its logins.
 */
isDemo: boolean, 
/**
 * Recovery keys were made (set-up, conversion, renewal) and wait to be saved as a sheet.
 */
recoveryPending: boolean, 
/**
 * Where the unencrypted file was kept when this login encrypted a workspace from before.
 */
convertedFrom: string | null, 
/**
 * Whether this desk may change the workspace, or another desk holds it.
 */
desk: DeskStatus, };

export type Layout = "a4" | "a6" | "cr80" | "sheet8";

export type PrintReport = { printed: number, path: string, 
/**
 * Cards whose names have characters no font can draw ("Kort 2026-0034-8: …").
 */
warnings: Array<string>, };

export type JobEvent = { "event": "started", job: number, } | { "event": "progress", job: number, done: number, total: number, };

export type CardDesign = { yearId: number, 
/**
 * E.g. "Opplevelseskortet 2026".
 */
title: string, 
/**
 * The rules printed on the card, e.g. the companion rule.
 */
rules: string, 
/**
 * Who to ask, printed on the card.
 */
contact: string, showVenueLogos: boolean, showQr: boolean, 
/**
 * Venue ids in print order; `None` is every venue with an agreement that year, by name.
 */
venueIds: Array<number> | null, };

export type PrinterProfile = { id: number | null, name: string, 
/**
 * Millimetres to move the print right (negative: left).
 */
offsetXMm: number, 
/**
 * Millimetres to move the print down (negative: up).
 */
offsetYMm: number, 
/**
 * 100 prints at true size.
 */
scalePercent: number, };

export type Part = "heading" | "intro" | "personal" | "where" | "visits" | "freeEntry" | "notCovered" | "how" | "lost" | "valid" | "questions";

export type LetterLanguage = { 
/**
 * ISO 639 code, or `nb-lett` for plain-language Bokmål.
 */
lang: string, 
/**
 * The language's name in itself.
 */
name: string, 
/**
 * Its name in Bokmål, in Nynorsk and in English.
 */
nb: string, nn: string, en: string, rtl: boolean, 
/**
 * Checked by a native speaker: bundled as checked, or marked by the office this year.
 */
reviewed: boolean, 
/**
 * Who checked it this year and when (dd.mm.åååå), when the office marked it.
 */
reviewedBy: string | null, reviewedOn: string | null, 
/**
 * How many of its texts the office edited for the year.
 */
edited: number, };

export type LetterText = { part: Part, text: string, 
/**
 * The bundled text (what "reset" goes back to).
 */
bundled: string, edited: boolean, 
/**
 * The placeholders this part may hold.
 */
placeholders: Array<string>, };

export type KitInfo = { programName: string, venueName: string, year: number, madeAt: string, cards: number, };

export type KitSummary = { path: string, venueName: string, year: number, cards: number, 
/**
 * Visits kept from the kit it replaced (a refresh during the year).
 */
visitsKept: number, };

export type KitVisit = { id: number, cardNumber: string, firstName: string, visitedOn: string, companion: boolean, };

export type WorkspaceInfo = { path: string, isNew: boolean, 
/**
 * Known once the file is open (after a login); a locked file tells nothing.
 */
schemaVersion: number | null, 
/**
 * The file is a venue kit: the app is a venue's desk on it.
 */
kit: KitInfo | null, };

export type AppVersion = { version: string, 
/**
 * The commit it was built from and its date ("3f2a9c1e04 2026-12-02").
 */
build: string, };

export type Theme = { 
/**
 * The primary colour, darkened if white text on it would be under 4.5:1.
 */
primary: string, 
/**
 * The accent colour, lightened if dark text on it would be under 4.5:1.
 */
accent: string, 
/**
 * White on the chosen primary colour, and dark text on the chosen accent, as chosen.
 */
primaryRatio: number, accentRatio: number, 
/**
 * One of the colours was changed for the screens.
 */
adjusted: boolean, };

export type BackupFile = { path: string, fileName: string, 
/**
 * When the copy was made, RFC 3339 with the local offset.
 */
modified: string, };

export type ErrorCode = "invalid" | "image" | "import" | "notFound" | "tooNew" | "notAWorkspace" | "exists" | "noWorkspace" | "notLoggedIn" | "denied" | "refused" | "internal";

export type FieldError = { field: string, message: string, };

export type RowError = { row: number, column: string, message: string, };

export type ApiError = { code: ErrorCode, message: string, fields: Array<FieldError>, rows: Array<RowError>, };
