//! Something wrong with a value a user gave, as a sentence in Bokmål and English.

use super::Lang;
use crate::checks::NumberProblem;

/// Something wrong with a value a user gave. Turned into a sentence with [`Problem::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong {
        max: usize,
    },
    OrgNumber(NumberProblem),
    BankAccount(NumberProblem),
    Email,
    Phone,
    VisitsPerCard,
    SharePercent,
    NegativePrice,
    /// A price above [`crate::money::MAX_PRICE_ORE`].
    PriceTooHigh,
    /// A letter text with a placeholder its part does not fill.
    UnknownPlaceholder {
        found: String,
        allowed: String,
    },
    /// A holder's language that is no ISO 639 code (or name) the app knows.
    UnknownLanguage {
        value: String,
    },
    /// An import shown on the command line and not confirmed with `--yes`.
    ImportNotConfirmed,
    /// A venue kit made on the command line without OKORT_KIT_PASSWORD.
    KitPasswordNeeded,
    /// A file opened as a venue kit that is not one.
    NotAKit {
        path: String,
    },
    /// A venue kit whose content no longer matches the program's signature.
    KitChanged,
    /// A kit at the place a kit is made, for another venue or year.
    KitOtherVenue {
        venue: String,
        year: i32,
    },
    /// A signed venue report from a kit this workspace did not make.
    ReportUnknownKit,
    /// A signed venue report from the kit of another venue.
    ReportOtherVenue {
        venue: String,
    },
    /// A signed venue report changed after the kit signed it.
    ReportChanged,
    /// A signed venue report from a kit the culture office retired.
    ReportRetiredKit,
    /// More ticks counted on a returned card than the card could hold.
    TooManyTicks {
        max: u32,
    },
    EndBeforeStart,
    AgeRange,
    Quota,
    Year,
    Colour,
    DuplicateOrgNumber {
        other: String,
    },
    DuplicateVenueName,
    /// Another entry (a printer profile) already has this name.
    NameTaken,
    Unknown {
        value: String,
        allowed: &'static str,
    },
    NotANumber {
        value: String,
    },
    NotADate {
        value: String,
    },
    NotAnAmount {
        value: String,
    },
    NotYesNo {
        value: String,
    },
    UnknownYear {
        year: i32,
    },
    DuplicateRow {
        first_row: usize,
    },
    OutsideYear,
    YearExists,
    EmptyFile,
    UnknownColumn,
    MissingColumn,
    FieldCount {
        found: usize,
        expected: usize,
    },
    VenueDiffers {
        first_row: usize,
    },
    BirthDate,
    AgeOutside {
        age: i32,
        min: u8,
        max: u8,
    },
    QuotaFull {
        quota: u32,
    },
    FamilyCap {
        cap: u32,
    },
    AlreadyHasCard {
        number: String,
    },
    CardNumberFormat,
    CardNumberCheckDigit,
    UnknownCard,
    CardNotActive {
        status: String,
    },
    PasswordTooShort,
    UsernameTaken,
    LoginFailed,
    UsersExist,
    VenueRequired,
    ReasonRequired,
    NoCardToReplace,
    LastAdmin,
    QuotaShort {
        needed: u32,
        left: u32,
    },
    CardNotValid,
    PrintCancelled,
    Calibration,
    VisitLimit {
        allowed: u8,
        used: u32,
    },
    NoAgreement,
    CardExpired,
    CardBlocked,
    CardForged,
    CompanionNotCovered,
    OtherVenue,
    VisitVoided,
    /// The same card and date is already in an earlier row of the same file.
    SameVisitInFile {
        first_row: usize,
    },
    /// A visit of this card's holder at this venue on this date is already registered.
    VisitAlreadyRegistered,
    /// Such a visit was registered and later voided: it is not added again by an import.
    VisitVoidedEarlier,
    /// The file is not a CSV file or an Excel workbook that can be read.
    Spreadsheet {
        detail: String,
    },
    /// An Excel file in the old .xls format.
    OldExcel,
    /// A file bigger than any file the app reads.
    FileTooLarge {
        max_mb: usize,
    },
    /// SQLite's check found the workspace file damaged.
    WorkspaceDamaged {
        backups: String,
    },
    /// An export was to be written over a workspace file.
    WouldOverwriteWorkspace {
        path: String,
    },
    /// A table with a cell beyond the rows and columns a table may have.
    TableTooLarge {
        cell: String,
        rows: u32,
        columns: u32,
    },
    /// The visit belongs to an approved or paid settlement.
    VisitSettled,
    /// No visits to settle for the venue in the period.
    NothingToSettle,
    /// A paid settlement cannot be withdrawn or paid again.
    SettlementPaid,
    /// The settlement was withdrawn.
    SettlementWithdrawn,
    /// A settlement is paid on or after the day it was approved.
    PaidBeforeApproved,
    /// A value that must be a whole number of 0 or more.
    WholeNumberFrom0,
    /// A value that must be a whole number.
    WholeNumber,
    /// A value that must be a number (decimals allowed).
    Number,
    /// A value that is not one of the choices offered.
    NotAChoice,
    /// A value of a kind the field cannot hold.
    BadValue,
    /// A visit cannot be registered for a day that has not come yet.
    FutureDate,
    /// A year's quota cut below the cards already assigned in it.
    QuotaBelowAssigned {
        assigned: u32,
    },
    /// An agreement that registered visits depend on.
    AgreementInUse {
        visits: u32,
    },
    /// The user cancelled a long job before it wrote anything.
    JobCancelled,
    /// The logged-in user was deactivated or changed: the session has ended.
    SessionEnded,
    /// A venue desk stood idle longer than the program allows: it was logged out.
    SessionIdle,
    /// The years holder data is kept are outside 1–10.
    RetentionYears,
    /// The idle time before a desk is logged out is outside 1–480 minutes.
    IdleMinutes,
    /// A venue desk typed too many card numbers in a short while.
    TooManyLookups {
        minutes: u32,
    },
    /// The audit log's chain is broken at this entry: it was changed, or one was removed.
    AuditBroken {
        id: i64,
    },
    /// Too many failed logins in a row under this name.
    LoginLocked {
        minutes: i64,
    },
    /// The command line was run without a user to log in as.
    LoginRequired,
    /// Where a file was to be written stands something that is not a plain file.
    NotAPlainFile {
        path: String,
    },
    /// A file that is not a table of text (a picture, a PDF) where a CSV or Excel file belongs.
    NotATable,
    /// A holder already anonymised (by the retention sweep or an earlier erasure): nothing
    /// personal is left to erase.
    AlreadyAnonymised,
    /// The command line was asked to erase without --yes: erasure cannot be undone.
    EraseUnconfirmed,
    /// The envelope has no room for another key slot.
    TooManyUsers,
    /// The culture office tried to create or change a NAV user.
    NavManagesNavUsers,
    /// NAV tried to create or change a user that is not NAV's.
    NavUsersOnly,
    /// A user whose keys change (new role, re-activated) needs a new password.
    NewPasswordNeeded,
    /// The recovery key does not open this workspace's recovery slot for the role.
    RecoveryKeyWrong,
    /// A workspace from before encryption was opened on the command line without a place for
    /// its recovery sheet.
    RecoverySheetNeeded,
    /// NAV's sealed part of a holder does not open with this key (damaged or moved).
    NavPartUnreadable {
        id: i64,
    },
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        let nb = lang == Lang::Nb;
        match self {
            Required => pick(nb, "må fylles ut", "is required"),
            TooLong { max } => {
                if nb {
                    format!("kan ha høyst {max} tegn")
                } else {
                    format!("can have at most {max} characters")
                }
            }
            OrgNumber(p) => number_message(nb, p, "organisasjonsnummer", "organisation number"),
            BankAccount(p) => number_message(nb, p, "kontonummer", "account number"),
            Email => pick(
                nb,
                "er ikke en gyldig e-postadresse",
                "is not a valid e-mail address",
            ),
            Phone => pick(
                nb,
                "er ikke et gyldig telefonnummer (8–15 sifre, gjerne med +47)",
                "is not a valid phone number (8–15 digits, +47 allowed)",
            ),
            VisitsPerCard => pick(
                nb,
                "må være et tall fra 1 til 99, eller «fri inngang»",
                "must be a number from 1 to 99, or “free entry”",
            ),
            SharePercent => pick(
                nb,
                "må være fra 1 til 99 prosent",
                "must be 1 to 99 percent",
            ),
            NegativePrice => pick(nb, "kan ikke være negativ", "cannot be negative"),
            TooManyTicks { max } => {
                if nb {
                    format!("kortet kan ha høyst {max} kryss her – tell igjen")
                } else {
                    format!("the card can hold at most {max} ticks here – count again")
                }
            }
            KitPasswordNeeded => pick(
                nb,
                "sett OKORT_KIT_PASSWORD til passordet disken skal logge inn i settet med (minst 8 tegn)",
                "set OKORT_KIT_PASSWORD to the password the desk logs in to the kit with (at least 8 characters)",
            ),
            NotAKit { path } => {
                if nb {
                    format!("{path} er ikke et brukerstedssett fra Opplevelseskort")
                } else {
                    format!("{path} is not an Opplevelseskort venue kit")
                }
            }
            KitChanged => pick(
                nb,
                "brukerstedssettet er endret etter at kulturkontoret laget det, og kan ikke brukes – be om et nytt",
                "the venue kit was changed after the culture office made it and cannot be used – ask for a new one",
            ),
            KitOtherVenue { venue, year } => {
                if nb {
                    format!("filen er settet til {venue} for {year}; velg et annet filnavn for dette brukerstedet")
                } else {
                    format!("the file is the kit of {venue} for {year}; choose another file name for this venue")
                }
            }
            ReportUnknownKit => pick(
                nb,
                "rapporten er signert av et brukerstedssett som ikke er laget i denne arbeidsfilen",
                "the report is signed by a venue kit this workspace did not make",
            ),
            ReportOtherVenue { venue } => {
                if nb {
                    format!("rapporten kommer fra settet til {venue}, ikke fra dette brukerstedet")
                } else {
                    format!("the report comes from the kit of {venue}, not from this venue")
                }
            }
            ReportRetiredKit => pick(
                nb,
                "rapporten kommer fra et brukerstedssett som kulturkontoret har trukket tilbake",
                "the report comes from a venue kit the culture office has retired",
            ),
            ReportChanged => pick(
                nb,
                "rapporten er endret etter at brukerstedssettet laget den – be brukerstedet eksportere den på nytt",
                "the report was changed after the venue kit made it – ask the venue to export it again",
            ),
            ImportNotConfirmed => pick(
                nb,
                "ingenting er lagret: se endringene over og kjør kommandoen igjen med --yes for å lagre dem",
                "nothing was saved: look at the changes above and run the command again with --yes to save them",
            ),
            UnknownPlaceholder { found, allowed } if allowed.is_empty() => {
                if nb {
                    format!("{found} fylles ikke inn: denne teksten har ingen felt å fylle inn")
                } else {
                    format!("{found} is not filled in: this text has no fields to fill in")
                }
            }
            UnknownPlaceholder { found, allowed } => {
                if nb {
                    format!("{found} fylles ikke inn i denne teksten (bruk {allowed})")
                } else {
                    format!("{found} is not filled in in this text (use {allowed})")
                }
            }
            UnknownLanguage { value } => {
                if nb {
                    format!("«{value}» er ikke et språk appen kjenner: skriv språkkoden (ISO 639, f.eks. ar, ti, de, zh) eller navnet")
                } else {
                    format!("“{value}” is not a language the app knows: write its code (ISO 639, e.g. ar, ti, de, zh) or its name")
                }
            }
            PriceTooHigh => pick(
                nb,
                "kan være høyst 100 000 kr per besøk",
                "can be at most NOK 100,000 per visit",
            ),
            EndBeforeStart => pick(nb, "slutter før den starter", "ends before it starts"),
            AgeRange => pick(
                nb,
                "må være en aldersgruppe innenfor 0–25 år, fra lavest til høyest",
                "must be an age range within 0–25 years, lowest first",
            ),
            Quota => pick(
                nb,
                "må være fra 1 til 10 000 kort",
                "must be 1 to 10,000 cards",
            ),
            Year => pick(
                nb,
                "må være et årstall fra 2000 til 2100",
                "must be a year from 2000 to 2100",
            ),
            Colour => pick(
                nb,
                "må være en farge som #1f5f8b",
                "must be a colour like #1f5f8b",
            ),
            DuplicateOrgNumber { other } => {
                if nb {
                    format!("er allerede registrert på brukerstedet «{other}»")
                } else {
                    format!("is already registered for the venue “{other}”")
                }
            }
            TooManyLookups { minutes } => {
                if nb {
                    format!("for mange kortnumre er tastet inn på kort tid – skann kortet, eller vent {minutes} minutter")
                } else {
                    format!("too many card numbers typed in a short while – scan the card, or wait {minutes} minutes")
                }
            }
            AuditBroken { id } => {
                if nb {
                    format!("loggen er endret: oppføring {id} er endret eller en oppføring er fjernet – ta vare på filen og varsle personvernombudet")
                } else {
                    format!("the log was altered: entry {id} was changed or an entry removed – keep the file and tell the data protection officer")
                }
            }
            LoginLocked { minutes } => {
                if nb {
                    format!("for mange mislykkede innlogginger – prøv igjen om {minutes} min")
                } else {
                    format!("too many failed logins – try again in {minutes} min")
                }
            }
            TooManyUsers => pick(
                nb,
                "arbeidsfilen har ikke plass til flere brukere",
                "the workspace has no room for more users",
            ),
            NavManagesNavUsers => pick(
                nb,
                "NAV oppretter og endrer selv sine brukere; kulturkontoret kan ikke",
                "NAV creates and changes its own users; the culture office cannot",
            ),
            NavUsersOnly => pick(
                nb,
                "NAV kan bare opprette og endre NAV-brukere",
                "NAV can only create and change NAV users",
            ),
            NewPasswordNeeded => pick(
                nb,
                "gi brukeren et nytt passord (ny rolle eller aktivert igjen)",
                "give the user a new password (new role or active again)",
            ),
            NavPartUnreadable { id } => {
                if nb {
                    format!("NAVs del av kortholder {id} kan ikke åpnes; den er skadet")
                } else {
                    format!("NAV's part of holder {id} cannot be opened; it is damaged")
                }
            }
            RecoverySheetNeeded => pick(
                nb,
                "dette lager gjenopprettingsnøkler som må skrives ut: oppgi --recovery-sheet FIL (en arbeidsfil fra før kryptering krypteres ved første åpning)",
                "this makes recovery keys that must be printed: give --recovery-sheet FILE (a workspace from before encryption is encrypted at its first opening)",
            ),
            RecoveryKeyWrong => pick(
                nb,
                "gjenopprettingsnøkkelen passer ikke til denne arbeidsfilen og rollen",
                "the recovery key does not fit this workspace and role",
            ),
            LoginRequired => pick(
                nb,
                "logg inn: oppgi --user BRUKER (eller OKORT_USER) og passordet i OKORT_PASSWORD eller på første linje av standard inn",
                "log in: give --user USER (or OKORT_USER) and the password in OKORT_PASSWORD or on the first line of standard input",
            ),
            NotAPlainFile { path } => {
                if nb {
                    format!("{path} er ikke en vanlig fil og blir ikke overskrevet – velg et filnavn")
                } else {
                    format!("{path} is not a plain file and is not overwritten – choose a file name")
                }
            }
            NameTaken => pick(nb, "navnet er allerede i bruk", "the name is already in use"),
            DuplicateVenueName => pick(
                nb,
                "et annet brukersted har allerede dette navnet",
                "another venue already has this name",
            ),
            Unknown { value, allowed } => {
                if nb {
                    format!("«{value}» er ikke en gyldig verdi (gyldige: {allowed})")
                } else {
                    format!("“{value}” is not a valid value (valid: {allowed})")
                }
            }
            NotANumber { value } => fmt(nb, value, "er ikke et tall", "is not a number"),
            NotADate { value } => fmt(
                nb,
                value,
                "er ikke en dato (skriv dd.mm.åååå)",
                "is not a date (write dd.mm.yyyy)",
            ),
            NotAnAmount { value } => fmt(
                nb,
                value,
                "er ikke et beløp (skriv for eksempel 150,00)",
                "is not an amount (write e.g. 150.00)",
            ),
            NotYesNo { value } => fmt(nb, value, "er ikke ja eller nei", "is not yes or no"),
            UnknownYear { year } => {
                if nb {
                    format!("programåret {year} finnes ikke – opprett det under Programår først")
                } else {
                    format!("the program year {year} does not exist – create it under Program years first")
                }
            }
            DuplicateRow { first_row } => {
                if nb {
                    format!("samme brukersted og år står allerede i rad {first_row}")
                } else {
                    format!("the same venue and year is already in row {first_row}")
                }
            }
            EmptyFile => pick(nb, "filen er tom", "the file is empty"),
            UnknownColumn => pick(
                nb,
                "ukjent kolonne – bruk overskriftene fra en eksportert fil",
                "unknown column – use the headers of an exported file",
            ),
            MissingColumn => pick(
                nb,
                "kolonnen mangler i filen",
                "the column is missing from the file",
            ),
            FieldCount { found, expected } => {
                if nb {
                    format!("raden har {found} felt, overskriften har {expected}")
                } else {
                    format!("the row has {found} fields, the header has {expected}")
                }
            }
            VenueDiffers { first_row } => {
                if nb {
                    format!("samme brukersted står i rad {first_row} med andre opplysninger")
                } else {
                    format!("the same venue is in row {first_row} with different details")
                }
            }
            BirthDate => pick(
                nb,
                "fødselsdatoen er ikke mulig for en kortholder",
                "the birth date is not possible for a card holder",
            ),
            AgeOutside { age, min, max } => {
                if nb {
                    format!("kortholderen fyller {age} år i programåret; aldersgruppen er {min}–{max} år. En administrator ved kulturkontoret kan overstyre med en begrunnelse.")
                } else {
                    format!("the holder turns {age} in the program year; the age range is {min}–{max}. A culture-office administrator can override with a reason.")
                }
            }
            QuotaFull { quota } => {
                if nb {
                    format!("årets kvote på {quota} kort er brukt opp")
                } else {
                    format!("this year's quota of {quota} cards is used up")
                }
            }
            FamilyCap { cap } => {
                if nb {
                    format!("familien har allerede {cap} kort i år, som er grensen per familie")
                } else {
                    format!("the family already has {cap} cards this year, the limit per family")
                }
            }
            AlreadyHasCard { number } => {
                if nb {
                    format!("kortholderen har allerede kort {number} dette året")
                } else {
                    format!("the holder already has card {number} this year")
                }
            }
            CardNumberFormat => pick(
                nb,
                "er ikke et kortnummer (skriv åååå-nnnn-k, f.eks. 2026-0042-9)",
                "is not a card number (write yyyy-nnnn-c, e.g. 2026-0042-9)",
            ),
            CardNumberCheckDigit => pick(
                nb,
                "kontrollsifferet stemmer ikke – sjekk kortnummeret for skrivefeil",
                "the check digit does not match – check the card number for typos",
            ),
            UnknownCard => pick(
                nb,
                "kortet finnes ikke i dette programmet",
                "the card does not exist in this program",
            ),
            CardNotActive { status } => {
                if nb {
                    format!("kortet er ikke i bruk (status: {status})")
                } else {
                    format!("the card is not in use (status: {status})")
                }
            }
            PasswordTooShort => pick(
                nb,
                "passordet må ha minst 8 tegn",
                "the password needs at least 8 characters",
            ),
            UsernameTaken => pick(nb, "brukernavnet er tatt", "the user name is taken"),
            LoginFailed => pick(
                nb,
                "feil brukernavn eller passord",
                "wrong user name or password",
            ),
            UsersExist => pick(
                nb,
                "arbeidsfilen har allerede brukere – logg inn",
                "the workspace already has users – log in",
            ),
            VenueRequired => pick(
                nb,
                "en brukerstedsbruker må knyttes til et brukersted",
                "a venue user must be bound to a venue",
            ),
            ReasonRequired => pick(nb, "skriv en begrunnelse", "write a reason"),
            NoCardToReplace => pick(
                nb,
                "bare et kort som er i bruk kan meldes tapt",
                "only a card in use can be reported lost",
            ),
            QuotaShort { needed, left } => {
                if nb {
                    format!("{needed} kort trengs, men bare {left} er igjen av årets kvote")
                } else {
                    format!(
                        "{needed} cards are needed, but only {left} are left of this year's quota"
                    )
                }
            }
            VisitLimit { allowed, used } => {
                if nb {
                    format!("kortet har brukt alle {allowed} besøkene her i år ({used} registrert). Kulturkontoret kan overstyre med en begrunnelse.")
                } else {
                    format!("the card has used all {allowed} visits here this year ({used} registered). The culture office can override with a reason.")
                }
            }
            NoAgreement => pick(
                nb,
                "brukerstedet har ingen avtale for kortets år",
                "the venue has no agreement for the card's year",
            ),
            CardExpired => pick(
                nb,
                "kortet gjelder ikke på denne datoen",
                "the card is not valid on this date",
            ),
            CardBlocked => pick(
                nb,
                "kortet er sperret (meldt tapt eller trukket tilbake)",
                "the card is blocked (reported lost or revoked)",
            ),
            CardForged => pick(
                nb,
                "QR-koden er ikke laget av dette programmet – kortet er falskt",
                "the QR code was not made by this program – the card is forged",
            ),
            CompanionNotCovered => pick(
                nb,
                "avtalen dekker ikke ledsager hos dette brukerstedet",
                "the agreement does not cover a companion at this venue",
            ),
            OtherVenue => pick(
                nb,
                "du kan bare registrere besøk ved ditt eget brukersted",
                "you can only register visits at your own venue",
            ),
            SameVisitInFile { first_row } => {
                if nb {
                    format!("samme kort og dato står allerede i rad {first_row}")
                } else {
                    format!("the same card and date is already in row {first_row}")
                }
            }
            VisitAlreadyRegistered => pick(
                nb,
                "besøket er allerede registrert (samme kort, brukersted og dato)",
                "the visit is already registered (same card, venue and date)",
            ),
            VisitVoidedEarlier => pick(
                nb,
                "et besøk med samme kort og dato ble registrert og senere annullert – registrer det i skranken om det er riktig",
                "a visit with the same card and date was registered and later voided – register it at the desk if it is right",
            ),
            Spreadsheet { detail } => {
                if nb {
                    format!("filen kan ikke leses som CSV eller Excel (.xlsx): {detail}")
                } else {
                    format!("the file cannot be read as CSV or Excel (.xlsx): {detail}")
                }
            }
            WorkspaceDamaged { backups } => {
                if nb {
                    format!("arbeidsfilen er skadet; hent den tilbake fra en sikkerhetskopi i {backups} (okort restore eller «Hent fra sikkerhetskopi…»)")
                } else {
                    format!("the workspace is damaged; restore it from a backup in {backups} (okort restore or “Restore from backup…”)")
                }
            }
            WouldOverwriteWorkspace { path } => {
                if nb {
                    format!("{path} er en arbeidsfil og blir ikke skrevet over; velg et annet filnavn")
                } else {
                    format!("{path} is a workspace and is not written over; choose another file name")
                }
            }
            FileTooLarge { max_mb } => {
                if nb {
                    format!("filen er for stor (mer enn {max_mb} MB)")
                } else {
                    format!("the file is too large (more than {max_mb} MB)")
                }
            }
            TableTooLarge {
                cell,
                rows,
                columns,
            } => {
                if nb {
                    format!("arket har innhold i cellen {cell}, utenfor det en tabell kan ha ({rows} rader, {columns} kolonner); fjern det og prøv igjen")
                } else {
                    format!("the sheet has content in cell {cell}, beyond what a table may have ({rows} rows, {columns} columns); remove it and try again")
                }
            }
            OldExcel => pick(
                nb,
                "filen er i det gamle Excel-formatet (.xls) – lagre den som .xlsx eller CSV og prøv igjen",
                "the file is in the old Excel format (.xls) – save it as .xlsx or CSV and try again",
            ),
            VisitSettled => pick(
                nb,
                "besøket er med i et godkjent oppgjør og kan ikke endres – trekk tilbake oppgjøret først om det ikke er betalt",
                "the visit is part of an approved settlement and cannot be changed – withdraw the settlement first if it is not paid",
            ),
            NothingToSettle => pick(
                nb,
                "det er ingen besøk å gjøre opp for dette brukerstedet i perioden",
                "there are no visits to settle for this venue in the period",
            ),
            SettlementPaid => pick(
                nb,
                "oppgjøret er allerede betalt",
                "the settlement is already paid",
            ),
            PaidBeforeApproved => pick(
                nb,
                "betalingsdatoen kan ikke være før oppgjøret ble godkjent",
                "the payment date cannot be before the settlement was approved",
            ),
            SettlementWithdrawn => pick(
                nb,
                "oppgjøret er trukket tilbake",
                "the settlement was withdrawn",
            ),
            VisitVoided => pick(
                nb,
                "besøket er allerede annullert",
                "the visit is already voided",
            ),
            SessionEnded => pick(
                nb,
                "brukeren er endret eller deaktivert – logg inn på nytt",
                "the user was changed or deactivated – log in again",
            ),
            SessionIdle => pick(
                nb,
                "du ble logget ut fordi skranken sto ubrukt – logg inn på nytt",
                "you were logged out because the desk stood idle – log in again",
            ),
            RetentionYears => pick(nb, "må være fra 1 til 10 år", "must be 1 to 10 years"),
            IdleMinutes => pick(
                nb,
                "må være fra 1 til 480 minutter",
                "must be 1 to 480 minutes",
            ),
            Calibration => pick(
                nb,
                "må være innenfor ±20 mm, og skalering mellom 90 og 110 %",
                "must be within ±20 mm, and scaling between 90 and 110 %",
            ),
            PrintCancelled => pick(
                nb,
                "utskriften ble avbrutt; ingen kort er merket som skrevet ut",
                "printing was cancelled; no card is marked printed",
            ),
            CardNotValid => pick(
                nb,
                "kortet kan ikke brukes nå",
                "the card cannot be used now",
            ),
            LastAdmin => pick(
                nb,
                "den siste aktive administratoren kan ikke fjernes",
                "the last active administrator cannot be removed",
            ),
            YearExists => pick(
                nb,
                "dette programåret finnes allerede",
                "this program year already exists",
            ),
            OutsideYear => pick(
                nb,
                "ligger utenfor programårets gyldighetsperiode",
                "lies outside the program year's validity",
            ),
            WholeNumberFrom0 => pick(
                nb,
                "må være et helt tall, 0 eller høyere",
                "must be a whole number, 0 or more",
            ),
            WholeNumber => pick(nb, "må være et helt tall", "must be a whole number"),
            Number => pick(
                nb,
                "må være et tall (for eksempel 1,5)",
                "must be a number (for example 1.5)",
            ),
            NotAChoice => pick(
                nb,
                "velg en av verdiene i listen",
                "choose one of the values in the list",
            ),
            BadValue => pick(
                nb,
                "verdien kan ikke brukes her – sjekk feltet",
                "the value cannot be used here – check the field",
            ),
            FutureDate => pick(
                nb,
                "datoen er etter i dag – et besøk registreres når det har skjedd",
                "the date is after today – a visit is registered once it has happened",
            ),
            QuotaBelowAssigned { assigned } => {
                if nb {
                    format!("kan ikke være lavere enn de {assigned} kortene som allerede er tildelt i året")
                } else {
                    format!("cannot be lower than the {assigned} cards already assigned this year")
                }
            }
            NotATable => pick(
                nb,
                "filen er ikke en CSV-fil eller en Excel-fil (.xlsx) – lagre tabellen som CSV eller .xlsx og prøv igjen",
                "the file is not a CSV file or an Excel file (.xlsx) – save the table as CSV or .xlsx and try again",
            ),
            EraseUnconfirmed => pick(
                nb,
                "sletting kan ikke angres – ingenting er gjort; gjenta kommandoen med --yes for å slette",
                "erasure cannot be undone – nothing was done; repeat the command with --yes to erase",
            ),
            AlreadyAnonymised => pick(
                nb,
                "kortholderen er allerede anonymisert – det er ingen personopplysninger igjen å slette",
                "the holder is already anonymised – no personal data is left to erase",
            ),
            JobCancelled => pick(
                nb,
                "avbrutt – ingenting er lagret",
                "cancelled – nothing was saved",
            ),
            AgreementInUse { visits } => {
                if nb {
                    format!("avtalen har {visits} registrerte besøk og kan ikke slettes – endre den i stedet")
                } else {
                    format!("the agreement has {visits} registered visits and cannot be deleted – change it instead")
                }
            }
        }
    }

    /// The sentence a field states when its value is of the wrong kind or out of range, for the
    /// fields that have their own rule; other fields get one from the kind of value.
    pub fn for_field(field: &str) -> Option<Problem> {
        Some(match field {
            "year" => Problem::Year,
            "cardQuota" | "familyCap" => Problem::Quota,
            "ageMin" | "ageMax" => Problem::AgeRange,
            "visitsPerCard" => Problem::VisitsPerCard,
            "sharePercent" => Problem::SharePercent,
            "holderPriceOre" | "companionPriceOre" => Problem::NegativePrice,
            "offsetXMm" | "offsetYMm" | "scalePercent" => Problem::Calibration,
            "ticks" => Problem::WholeNumberFrom0,
            "deskIdleMinutes" => Problem::IdleMinutes,
            "retentionYears" => Problem::RetentionYears,
            _ => return None,
        })
    }
}

fn pick(nb: bool, no: &str, en: &str) -> String {
    if nb { no } else { en }.to_string()
}

fn fmt(nb: bool, value: &str, no: &str, en: &str) -> String {
    if nb {
        format!("«{value}» {no}")
    } else {
        format!("“{value}” {en}")
    }
}

fn number_message(nb: bool, p: &NumberProblem, no: &str, en: &str) -> String {
    match (p, nb) {
        (NumberProblem::NotDigits, true) => format!("et {no} kan bare ha sifre"),
        (NumberProblem::NotDigits, false) => format!("an {en} can only contain digits"),
        (NumberProblem::WrongLength { expected, found }, true) => {
            format!("et {no} har {expected} sifre, her er det {found}")
        }
        (NumberProblem::WrongLength { expected, found }, false) => {
            format!("an {en} has {expected} digits, this one has {found}")
        }
        (NumberProblem::CheckDigit, true) => {
            format!("kontrollsifferet stemmer ikke – sjekk {no}et for skrivefeil")
        }
        (NumberProblem::CheckDigit, false) => {
            format!("the check digit does not match – check the {en} for typos")
        }
    }
}
