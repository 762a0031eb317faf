// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.

export type Lang = "nb" | "en";

export type Program = { municipality: string, name: string, contactName: string, contactPhone: string, contactEmail: string, logoId: number | null, coatOfArmsId: number | null, primaryColour: string, accentColour: string, };

export type ProgramInput = { municipality: string, name: string, contactName: string, contactPhone: string, contactEmail: string, primaryColour: string, accentColour: string, };

export type ProgramImageKind = "logo" | "coatOfArms";

export type YearStatus = "planning" | "active" | "closed";

export type ProgramYear = { id: number, year: number, validFrom: string, validTo: string, cardQuota: number, ageMin: number, ageMax: number, 
/**
 * Holder plus one companion (ledsager) enter free.
 */
companionFree: boolean, status: YearStatus, };

export type ProgramYearInput = { id: number | null, year: number, validFrom: string, validTo: string, cardQuota: number, ageMin: number, ageMax: number, companionFree: boolean, status: YearStatus, };

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

export type WorkspaceInfo = { path: string, isNew: boolean, schemaVersion: number, };

export type ErrorCode = "invalid" | "image" | "import" | "notFound" | "tooNew" | "notAWorkspace" | "exists" | "noWorkspace" | "internal";

export type FieldError = { field: string, message: string, };

export type RowError = { row: number, column: string, message: string, };

export type ApiError = { code: ErrorCode, message: string, fields: Array<FieldError>, rows: Array<RowError>, };
