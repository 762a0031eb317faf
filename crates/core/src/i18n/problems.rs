//! Something wrong with a value a user gave, as a sentence in Bokmål, Nynorsk and English.

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
    /// A feedback answer to a 1–5 question that is not 1 to 5.
    AnswerScale,
    /// A feedback answer to a yes/no question that is neither.
    AnswerYesNo,
    /// A feedback answer that is none of the question's choices.
    AnswerChoice {
        count: usize,
    },
    /// A venue named in a file that the register does not have.
    UnknownVenue {
        value: String,
    },
    /// A feedback form's card number that belongs to another program year.
    CardOtherYear {
        year: i32,
    },
    /// What is wrong with the answer to question `question` (its number on the form).
    InAnswer {
        question: u32,
        problem: Box<Problem>,
    },
    /// A year's budget below zero or above [`crate::money::MAX_BUDGET_ORE`].
    BudgetRange,
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
        match self {
            Required => pick(lang, "må fylles ut", "må fyllast ut", "is required"),
            TooLong { max } => match lang {
                Lang::Nb => format!("kan ha høyst {max} tegn"),
                Lang::Nn => format!("kan ha høgst {max} teikn"),
                Lang::En => format!("can have at most {max} characters"),
            },
            OrgNumber(p) => number_message(
                lang,
                p,
                "organisasjonsnummer",
                "organisasjonsnummer",
                "organisation number",
            ),
            BankAccount(p) => number_message(
                lang,
                p,
                "kontonummer",
                "kontonummer",
                "account number",
            ),
            Email => pick(
                lang,
                "er ikke en gyldig e-postadresse",
                "er ikkje ei gyldig e-postadresse",
                "is not a valid e-mail address",
            ),
            Phone => pick(
                lang,
                "er ikke et gyldig telefonnummer (8–15 sifre, gjerne med +47)",
                "er ikkje eit gyldig telefonnummer (8–15 siffer, gjerne med +47)",
                "is not a valid phone number (8–15 digits, +47 allowed)",
            ),
            VisitsPerCard => pick(
                lang,
                "må være et tall fra 1 til 99, eller «fri inngang»",
                "må vere eit tal frå 1 til 99, eller «fri inngang»",
                "must be a number from 1 to 99, or “free entry”",
            ),
            SharePercent => pick(
                lang,
                "må være fra 1 til 99 prosent",
                "må vere frå 1 til 99 prosent",
                "must be 1 to 99 percent",
            ),
            NegativePrice => pick(
                lang,
                "kan ikke være negativ",
                "kan ikkje vere negativ",
                "cannot be negative",
            ),
            TooManyTicks { max } => match lang {
                Lang::Nb => format!("kortet kan ha høyst {max} kryss her – tell igjen"),
                Lang::Nn => format!("kortet kan ha høgst {max} kryss her – tel igjen"),
                Lang::En => format!("the card can hold at most {max} ticks here – count again"),
            },
            KitPasswordNeeded => pick(
                lang,
                "sett OKORT_KIT_PASSWORD til passordet disken skal logge inn i settet med (minst 8 tegn)",
                "set OKORT_KIT_PASSWORD til passordet disken skal logge inn i settet med (minst 8 teikn)",
                "set OKORT_KIT_PASSWORD to the password the desk logs in to the kit with (at least 8 characters)",
            ),
            NotAKit { path } => match lang {
                Lang::Nb => format!("{path} er ikke et brukerstedssett fra Opplevelseskort"),
                Lang::Nn => format!("{path} er ikkje eit brukarstadsett frå Opplevelseskort"),
                Lang::En => format!("{path} is not an Opplevelseskort venue kit"),
            },
            KitChanged => pick(
                lang,
                "brukerstedssettet er endret etter at kulturkontoret laget det, og kan ikke brukes – be om et nytt",
                "brukarstadsettet er endra etter at kulturkontoret laga det, og kan ikkje brukast – be om eit nytt",
                "the venue kit was changed after the culture office made it and cannot be used – ask for a new one",
            ),
            KitOtherVenue { venue, year } => match lang {
                Lang::Nb => format!("filen er settet til {venue} for {year}; velg et annet filnavn for dette brukerstedet"),
                Lang::Nn => format!("fila er settet til {venue} for {year}; vel eit anna filnamn for denne brukarstaden"),
                Lang::En => format!("the file is the kit of {venue} for {year}; choose another file name for this venue"),
            },
            ReportUnknownKit => pick(
                lang,
                "rapporten er signert av et brukerstedssett som ikke er laget i denne arbeidsfilen",
                "rapporten er signert av eit brukarstadsett som ikkje er laga i denne arbeidsfila",
                "the report is signed by a venue kit this workspace did not make",
            ),
            ReportOtherVenue { venue } => match lang {
                Lang::Nb => format!(
                    "rapporten kommer fra settet til {venue}, ikke fra dette brukerstedet"
                ),
                Lang::Nn => format!(
                    "rapporten kjem frå settet til {venue}, ikkje frå denne brukarstaden"
                ),
                Lang::En => format!(
                    "the report comes from the kit of {venue}, not from this venue"
                ),
            },
            ReportRetiredKit => pick(
                lang,
                "rapporten kommer fra et brukerstedssett som kulturkontoret har trukket tilbake",
                "rapporten kjem frå eit brukarstadsett som kulturkontoret har trekt tilbake",
                "the report comes from a venue kit the culture office has retired",
            ),
            ReportChanged => pick(
                lang,
                "rapporten er endret etter at brukerstedssettet laget den – be brukerstedet eksportere den på nytt",
                "rapporten er endra etter at brukarstadsettet laga han – be brukarstaden eksportere han på nytt",
                "the report was changed after the venue kit made it – ask the venue to export it again",
            ),
            ImportNotConfirmed => pick(
                lang,
                "ingenting er lagret: se endringene over og kjør kommandoen igjen med --yes for å lagre dem",
                "ingenting er lagra: sjå endringane over og køyr kommandoen igjen med --yes for å lagre dei",
                "nothing was saved: look at the changes above and run the command again with --yes to save them",
            ),
            UnknownPlaceholder { found, allowed } if allowed.is_empty() => match lang {
                Lang::Nb => format!(
                    "{found} fylles ikke inn: denne teksten har ingen felt å fylle inn"
                ),
                Lang::Nn => format!(
                    "{found} blir ikkje fylt inn: denne teksten har ingen felt å fylle inn"
                ),
                Lang::En => format!("{found} is not filled in: this text has no fields to fill in"),
            },
            UnknownPlaceholder { found, allowed } => match lang {
                Lang::Nb => format!("{found} fylles ikke inn i denne teksten (bruk {allowed})"),
                Lang::Nn => format!("{found} blir ikkje fylt inn i denne teksten (bruk {allowed})"),
                Lang::En => format!("{found} is not filled in in this text (use {allowed})"),
            },
            UnknownLanguage { value } => match lang {
                Lang::Nb => format!("«{value}» er ikke et språk appen kjenner: skriv språkkoden (ISO 639, f.eks. ar, ti, de, zh) eller navnet"),
                Lang::Nn => format!("«{value}» er ikkje eit språk appen kjenner: skriv språkkoden (ISO 639, t.d. ar, ti, de, zh) eller namnet"),
                Lang::En => format!("“{value}” is not a language the app knows: write its code (ISO 639, e.g. ar, ti, de, zh) or its name"),
            },
            AnswerScale => pick(
                lang,
                "må være et tall fra 1 til 5",
                "må vere eit tal frå 1 til 5",
                "must be a number from 1 to 5",
            ),
            AnswerYesNo => pick(lang, "må være ja eller nei", "må vere ja eller nei", "must be yes or no"),
            AnswerChoice { count } => match lang {
                Lang::Nb => format!("må være et av valgene, 1 til {count}"),
                Lang::Nn => format!("må vere eitt av vala, 1 til {count}"),
                Lang::En => format!("must be one of the choices, 1 to {count}"),
            },
            UnknownVenue { value } => match lang {
                Lang::Nb => format!("«{value}» er ikke et brukersted i registeret (skriv navnet eller organisasjonsnummeret)"),
                Lang::Nn => format!("«{value}» er ikkje ein brukarstad i registeret (skriv namnet eller organisasjonsnummeret)"),
                Lang::En => format!("“{value}” is not a venue in the register (write its name or organisation number)"),
            },
            CardOtherYear { year } => match lang {
                Lang::Nb => format!("kortet er fra programåret {year}, ikke fra dette året"),
                Lang::Nn => format!("kortet er frå programåret {year}, ikkje frå dette året"),
                Lang::En => format!("the card is of the program year {year}, not of this one"),
            },
            InAnswer { question, problem } => match lang {
                Lang::Nb => format!("spørsmål {question}: {}", problem.message(lang)),
                Lang::Nn => format!("spørsmål {question}: {}", problem.message(lang)),
                Lang::En => format!("question {question}: {}", problem.message(lang)),
            },
            BudgetRange => pick(
                lang,
                "må være fra 0 til 1 milliard kr",
                "må vere frå 0 til 1 milliard kr",
                "must be NOK 0 to 1 billion",
            ),
            PriceTooHigh => pick(
                lang,
                "kan være høyst 100 000 kr per besøk",
                "kan vere høgst 100 000 kr per besøk",
                "can be at most NOK 100,000 per visit",
            ),
            EndBeforeStart => pick(
                lang,
                "slutter før den starter",
                "sluttar før starten",
                "ends before it starts",
            ),
            AgeRange => pick(
                lang,
                "må være en aldersgruppe innenfor 0–25 år, fra lavest til høyest",
                "må vere ei aldersgruppe innanfor 0–25 år, frå lågast til høgast",
                "must be an age range within 0–25 years, lowest first",
            ),
            Quota => pick(
                lang,
                "må være fra 1 til 10 000 kort",
                "må vere frå 1 til 10 000 kort",
                "must be 1 to 10,000 cards",
            ),
            Year => pick(
                lang,
                "må være et årstall fra 2000 til 2100",
                "må vere eit årstal frå 2000 til 2100",
                "must be a year from 2000 to 2100",
            ),
            Colour => pick(
                lang,
                "må være en farge som #1f5f8b",
                "må vere ein farge som #1f5f8b",
                "must be a colour like #1f5f8b",
            ),
            DuplicateOrgNumber { other } => match lang {
                Lang::Nb => format!("er allerede registrert på brukerstedet «{other}»"),
                Lang::Nn => format!("er allereie registrert på brukarstaden «{other}»"),
                Lang::En => format!("is already registered for the venue “{other}”"),
            },
            TooManyLookups { minutes } => match lang {
                Lang::Nb => format!("for mange kortnumre er tastet inn på kort tid – skann kortet, eller vent {minutes} minutter"),
                Lang::Nn => format!("for mange kortnummer er tasta inn på kort tid – skann kortet, eller vent {minutes} minutt"),
                Lang::En => format!("too many card numbers typed in a short while – scan the card, or wait {minutes} minutes"),
            },
            AuditBroken { id } => match lang {
                Lang::Nb => format!("loggen er endret: oppføring {id} er endret eller en oppføring er fjernet – ta vare på filen og varsle personvernombudet"),
                Lang::Nn => format!("loggen er endra: oppføring {id} er endra, eller ei oppføring er fjerna – ta vare på fila og varsle personvernombodet"),
                Lang::En => format!("the log was altered: entry {id} was changed or an entry removed – keep the file and tell the data protection officer"),
            },
            LoginLocked { minutes } => match lang {
                Lang::Nb => format!(
                    "for mange mislykkede innlogginger – prøv igjen om {minutes} min"
                ),
                Lang::Nn => format!(
                    "for mange mislukka innloggingar – prøv igjen om {minutes} min"
                ),
                Lang::En => format!("too many failed logins – try again in {minutes} min"),
            },
            TooManyUsers => pick(
                lang,
                "arbeidsfilen har ikke plass til flere brukere",
                "arbeidsfila har ikkje plass til fleire brukarar",
                "the workspace has no room for more users",
            ),
            NavManagesNavUsers => pick(
                lang,
                "NAV oppretter og endrer selv sine brukere; kulturkontoret kan ikke",
                "NAV opprettar og endrar brukarane sine sjølv; kulturkontoret kan ikkje",
                "NAV creates and changes its own users; the culture office cannot",
            ),
            NavUsersOnly => pick(
                lang,
                "NAV kan bare opprette og endre NAV-brukere",
                "NAV kan berre opprette og endre NAV-brukarar",
                "NAV can only create and change NAV users",
            ),
            NewPasswordNeeded => pick(
                lang,
                "gi brukeren et nytt passord (ny rolle eller aktivert igjen)",
                "gi brukaren eit nytt passord (ny rolle eller aktivert igjen)",
                "give the user a new password (new role or active again)",
            ),
            NavPartUnreadable { id } => match lang {
                Lang::Nb => format!("NAVs del av kortholder {id} kan ikke åpnes; den er skadet"),
                Lang::Nn => format!(
                    "NAV-delen av kortinnehavar {id} kan ikkje opnast; han er skadd"
                ),
                Lang::En => format!("NAV's part of holder {id} cannot be opened; it is damaged"),
            },
            RecoverySheetNeeded => pick(
                lang,
                "dette lager gjenopprettingsnøkler som må skrives ut: oppgi --recovery-sheet FIL (en arbeidsfil fra før kryptering krypteres ved første åpning)",
                "dette lagar gjenopprettingsnøklar som må skrivast ut: oppgi --recovery-sheet FIL (ei arbeidsfil frå før kryptering blir kryptert første gongen ho blir opna)",
                "this makes recovery keys that must be printed: give --recovery-sheet FILE (a workspace from before encryption is encrypted at its first opening)",
            ),
            RecoveryKeyWrong => pick(
                lang,
                "gjenopprettingsnøkkelen passer ikke til denne arbeidsfilen og rollen",
                "gjenopprettingsnøkkelen passar ikkje til denne arbeidsfila og rolla",
                "the recovery key does not fit this workspace and role",
            ),
            LoginRequired => pick(
                lang,
                "logg inn: oppgi --user BRUKER (eller OKORT_USER) og passordet i OKORT_PASSWORD eller på første linje av standard inn",
                "logg inn: oppgi --user BRUKER (eller OKORT_USER) og passordet i OKORT_PASSWORD eller på første linje i standard inn",
                "log in: give --user USER (or OKORT_USER) and the password in OKORT_PASSWORD or on the first line of standard input",
            ),
            NotAPlainFile { path } => match lang {
                Lang::Nb => format!(
                    "{path} er ikke en vanlig fil og blir ikke overskrevet – velg et filnavn"
                ),
                Lang::Nn => format!(
                    "{path} er ikkje ei vanleg fil og blir ikkje skriven over – vel eit filnamn"
                ),
                Lang::En => format!(
                    "{path} is not a plain file and is not overwritten – choose a file name"
                ),
            },
            NameTaken => pick(
                lang,
                "navnet er allerede i bruk",
                "namnet er allereie i bruk",
                "the name is already in use",
            ),
            DuplicateVenueName => pick(
                lang,
                "et annet brukersted har allerede dette navnet",
                "ein annan brukarstad har allereie dette namnet",
                "another venue already has this name",
            ),
            Unknown { value, allowed } => match lang {
                Lang::Nb => format!("«{value}» er ikke en gyldig verdi (gyldige: {allowed})"),
                Lang::Nn => format!("«{value}» er ikkje ein gyldig verdi (gyldige: {allowed})"),
                Lang::En => format!("“{value}” is not a valid value (valid: {allowed})"),
            },
            NotANumber { value } => fmt(
                lang,
                value,
                "er ikke et tall",
                "er ikkje eit tal",
                "is not a number",
            ),
            NotADate { value } => fmt(
                lang,
                value,
                "er ikke en dato (skriv dd.mm.åååå)",
                "er ikkje ein dato (skriv dd.mm.åååå)",
                "is not a date (write dd.mm.yyyy)",
            ),
            NotAnAmount { value } => fmt(
                lang,
                value,
                "er ikke et beløp (skriv for eksempel 150,00)",
                "er ikkje eit beløp (skriv til dømes 150,00)",
                "is not an amount (write e.g. 150.00)",
            ),
            NotYesNo { value } => fmt(
                lang,
                value,
                "er ikke ja eller nei",
                "er ikkje ja eller nei",
                "is not yes or no",
            ),
            UnknownYear { year } => match lang {
                Lang::Nb => format!(
                    "programåret {year} finnes ikke – opprett det under Programår først"
                ),
                Lang::Nn => format!(
                    "programåret {year} finst ikkje – opprett det under Programår først"
                ),
                Lang::En => format!(
                    "the program year {year} does not exist – create it under Program years first"
                ),
            },
            DuplicateRow { first_row } => match lang {
                Lang::Nb => format!("samme brukersted og år står allerede i rad {first_row}"),
                Lang::Nn => format!("same brukarstad og år står allereie i rad {first_row}"),
                Lang::En => format!("the same venue and year is already in row {first_row}"),
            },
            EmptyFile => pick(lang, "filen er tom", "fila er tom", "the file is empty"),
            UnknownColumn => pick(
                lang,
                "ukjent kolonne – bruk overskriftene fra en eksportert fil",
                "ukjend kolonne – bruk overskriftene frå ei eksportert fil",
                "unknown column – use the headers of an exported file",
            ),
            MissingColumn => pick(
                lang,
                "kolonnen mangler i filen",
                "kolonnen manglar i fila",
                "the column is missing from the file",
            ),
            FieldCount { found, expected } => match lang {
                Lang::Nb => format!("raden har {found} felt, overskriften har {expected}"),
                Lang::Nn => format!("rada har {found} felt, overskrifta har {expected}"),
                Lang::En => format!("the row has {found} fields, the header has {expected}"),
            },
            VenueDiffers { first_row } => match lang {
                Lang::Nb => format!(
                    "samme brukersted står i rad {first_row} med andre opplysninger"
                ),
                Lang::Nn => format!(
                    "same brukarstad står i rad {first_row} med andre opplysningar"
                ),
                Lang::En => format!("the same venue is in row {first_row} with different details"),
            },
            BirthDate => pick(
                lang,
                "fødselsdatoen er ikke mulig for en kortholder",
                "fødselsdatoen er ikkje mogleg for ein kortinnehavar",
                "the birth date is not possible for a card holder",
            ),
            AgeOutside { age, min, max } => match lang {
                Lang::Nb => format!("kortholderen fyller {age} år i programåret; aldersgruppen er {min}–{max} år. En administrator ved kulturkontoret kan overstyre med en begrunnelse."),
                Lang::Nn => format!("kortinnehavaren fyller {age} år i programåret; aldersgruppa er {min}–{max} år. Ein administrator ved kulturkontoret kan overstyre med ei grunngiving."),
                Lang::En => format!("the holder turns {age} in the program year; the age range is {min}–{max}. A culture-office administrator can override with a reason."),
            },
            QuotaFull { quota } => match lang {
                Lang::Nb => format!("årets kvote på {quota} kort er brukt opp"),
                Lang::Nn => format!("årskvoten på {quota} kort er brukt opp"),
                Lang::En => format!("this year's quota of {quota} cards is used up"),
            },
            FamilyCap { cap } => match lang {
                Lang::Nb => format!(
                    "familien har allerede {cap} kort i år, som er grensen per familie"
                ),
                Lang::Nn => format!(
                    "familien har allereie {cap} kort i år, som er grensa per familie"
                ),
                Lang::En => format!(
                    "the family already has {cap} cards this year, the limit per family"
                ),
            },
            AlreadyHasCard { number } => match lang {
                Lang::Nb => format!("kortholderen har allerede kort {number} dette året"),
                Lang::Nn => format!("kortinnehavaren har allereie kort {number} dette året"),
                Lang::En => format!("the holder already has card {number} this year"),
            },
            CardNumberFormat => pick(
                lang,
                "er ikke et kortnummer (skriv åååå-nnnn-k, f.eks. 2026-0042-9)",
                "er ikkje eit kortnummer (skriv åååå-nnnn-k, t.d. 2026-0042-9)",
                "is not a card number (write yyyy-nnnn-c, e.g. 2026-0042-9)",
            ),
            CardNumberCheckDigit => pick(
                lang,
                "kontrollsifferet stemmer ikke – sjekk kortnummeret for skrivefeil",
                "kontrollsifferet stemmer ikkje – sjekk kortnummeret for skrivefeil",
                "the check digit does not match – check the card number for typos",
            ),
            UnknownCard => pick(
                lang,
                "kortet finnes ikke i dette programmet",
                "kortet finst ikkje i dette programmet",
                "the card does not exist in this program",
            ),
            CardNotActive { status } => match lang {
                Lang::Nb => format!("kortet er ikke i bruk (status: {status})"),
                Lang::Nn => format!("kortet er ikkje i bruk (status: {status})"),
                Lang::En => format!("the card is not in use (status: {status})"),
            },
            PasswordTooShort => pick(
                lang,
                "passordet må ha minst 8 tegn",
                "passordet må ha minst 8 teikn",
                "the password needs at least 8 characters",
            ),
            UsernameTaken => pick(
                lang,
                "brukernavnet er tatt",
                "brukarnamnet er teke",
                "the user name is taken",
            ),
            LoginFailed => pick(
                lang,
                "feil brukernavn eller passord",
                "feil brukarnamn eller passord",
                "wrong user name or password",
            ),
            UsersExist => pick(
                lang,
                "arbeidsfilen har allerede brukere – logg inn",
                "arbeidsfila har allereie brukarar – logg inn",
                "the workspace already has users – log in",
            ),
            VenueRequired => pick(
                lang,
                "en brukerstedsbruker må knyttes til et brukersted",
                "ein brukarstadbrukar må knytast til ein brukarstad",
                "a venue user must be bound to a venue",
            ),
            ReasonRequired => pick(
                lang,
                "skriv en begrunnelse",
                "skriv ei grunngiving",
                "write a reason",
            ),
            NoCardToReplace => pick(
                lang,
                "bare et kort som er i bruk kan meldes tapt",
                "berre eit kort som er i bruk, kan meldast tapt",
                "only a card in use can be reported lost",
            ),
            QuotaShort { needed, left } => match lang {
                Lang::Nb => format!(
                    "{needed} kort trengs, men bare {left} er igjen av årets kvote"
                ),
                Lang::Nn => format!("{needed} kort trengst, men berre {left} er att av årskvoten"),
                Lang::En => format!(
                    "{needed} cards are needed, but only {left} are left of this year's quota"
                ),
            },
            VisitLimit { allowed, used } => match lang {
                Lang::Nb => format!("kortet har brukt alle {allowed} besøkene her i år ({used} registrert). Kulturkontoret kan overstyre med en begrunnelse."),
                Lang::Nn => format!("kortet har brukt alle dei {allowed} besøka her i år ({used} registrerte). Kulturkontoret kan overstyre med ei grunngiving."),
                Lang::En => format!("the card has used all {allowed} visits here this year ({used} registered). The culture office can override with a reason."),
            },
            NoAgreement => pick(
                lang,
                "brukerstedet har ingen avtale for kortets år",
                "brukarstaden har ingen avtale for året kortet gjeld",
                "the venue has no agreement for the card's year",
            ),
            CardExpired => pick(
                lang,
                "kortet gjelder ikke på denne datoen",
                "kortet gjeld ikkje på denne datoen",
                "the card is not valid on this date",
            ),
            CardBlocked => pick(
                lang,
                "kortet er sperret (meldt tapt eller trukket tilbake)",
                "kortet er sperra (meldt tapt eller trekt tilbake)",
                "the card is blocked (reported lost or revoked)",
            ),
            CardForged => pick(
                lang,
                "QR-koden er ikke laget av dette programmet – kortet er falskt",
                "QR-koden er ikkje laga av dette programmet – kortet er falskt",
                "the QR code was not made by this program – the card is forged",
            ),
            CompanionNotCovered => pick(
                lang,
                "avtalen dekker ikke ledsager hos dette brukerstedet",
                "avtalen dekkjer ikkje følgjeperson hjå denne brukarstaden",
                "the agreement does not cover a companion at this venue",
            ),
            OtherVenue => pick(
                lang,
                "du kan bare registrere besøk ved ditt eget brukersted",
                "du kan berre registrere besøk ved din eigen brukarstad",
                "you can only register visits at your own venue",
            ),
            SameVisitInFile { first_row } => match lang {
                Lang::Nb => format!("samme kort og dato står allerede i rad {first_row}"),
                Lang::Nn => format!("same kort og dato står allereie i rad {first_row}"),
                Lang::En => format!("the same card and date is already in row {first_row}"),
            },
            VisitAlreadyRegistered => pick(
                lang,
                "besøket er allerede registrert (samme kort, brukersted og dato)",
                "besøket er allereie registrert (same kort, brukarstad og dato)",
                "the visit is already registered (same card, venue and date)",
            ),
            VisitVoidedEarlier => pick(
                lang,
                "et besøk med samme kort og dato ble registrert og senere annullert – registrer det i skranken om det er riktig",
                "eit besøk med same kort og dato vart registrert og seinare annullert – registrer det i skranken om det er rett",
                "a visit with the same card and date was registered and later voided – register it at the desk if it is right",
            ),
            Spreadsheet { detail } => match lang {
                Lang::Nb => format!("filen kan ikke leses som CSV eller Excel (.xlsx): {detail}"),
                Lang::Nn => format!("fila kan ikkje lesast som CSV eller Excel (.xlsx): {detail}"),
                Lang::En => format!("the file cannot be read as CSV or Excel (.xlsx): {detail}"),
            },
            WorkspaceDamaged { backups } => match lang {
                Lang::Nb => format!("arbeidsfilen er skadet; hent den tilbake fra en sikkerhetskopi i {backups} (okort restore eller «Hent fra sikkerhetskopi…»)"),
                Lang::Nn => format!("arbeidsfila er skadd; hent ho tilbake frå ein tryggingskopi i {backups} (okort restore eller «Hent frå tryggingskopi…»)"),
                Lang::En => format!("the workspace is damaged; restore it from a backup in {backups} (okort restore or “Restore from backup…”)"),
            },
            WouldOverwriteWorkspace { path } => match lang {
                Lang::Nb => format!(
                    "{path} er en arbeidsfil og blir ikke skrevet over; velg et annet filnavn"
                ),
                Lang::Nn => format!(
                    "{path} er ei arbeidsfil og blir ikkje skriven over; vel eit anna filnamn"
                ),
                Lang::En => format!(
                    "{path} is a workspace and is not written over; choose another file name"
                ),
            },
            FileTooLarge { max_mb } => match lang {
                Lang::Nb => format!("filen er for stor (mer enn {max_mb} MB)"),
                Lang::Nn => format!("fila er for stor (meir enn {max_mb} MB)"),
                Lang::En => format!("the file is too large (more than {max_mb} MB)"),
            },
            TableTooLarge {
                cell,
                rows,
                columns,
            } => match lang {
                Lang::Nb => format!("arket har innhold i cellen {cell}, utenfor det en tabell kan ha ({rows} rader, {columns} kolonner); fjern det og prøv igjen"),
                Lang::Nn => format!("arket har innhald i cella {cell}, utanfor det ein tabell kan ha ({rows} rader, {columns} kolonnar); fjern det og prøv igjen"),
                Lang::En => format!("the sheet has content in cell {cell}, beyond what a table may have ({rows} rows, {columns} columns); remove it and try again"),
            },
            OldExcel => pick(
                lang,
                "filen er i det gamle Excel-formatet (.xls) – lagre den som .xlsx eller CSV og prøv igjen",
                "fila er i det gamle Excel-formatet (.xls) – lagre ho som .xlsx eller CSV og prøv igjen",
                "the file is in the old Excel format (.xls) – save it as .xlsx or CSV and try again",
            ),
            VisitSettled => pick(
                lang,
                "besøket er med i et godkjent oppgjør og kan ikke endres – trekk tilbake oppgjøret først om det ikke er betalt",
                "besøket er med i eit godkjent oppgjer og kan ikkje endrast – trekk tilbake oppgjeret først om det ikkje er betalt",
                "the visit is part of an approved settlement and cannot be changed – withdraw the settlement first if it is not paid",
            ),
            NothingToSettle => pick(
                lang,
                "det er ingen besøk å gjøre opp for dette brukerstedet i perioden",
                "det er ingen besøk å gjere opp for denne brukarstaden i perioden",
                "there are no visits to settle for this venue in the period",
            ),
            SettlementPaid => pick(
                lang,
                "oppgjøret er allerede betalt",
                "oppgjeret er allereie betalt",
                "the settlement is already paid",
            ),
            PaidBeforeApproved => pick(
                lang,
                "betalingsdatoen kan ikke være før oppgjøret ble godkjent",
                "betalingsdatoen kan ikkje vere før oppgjeret vart godkjent",
                "the payment date cannot be before the settlement was approved",
            ),
            SettlementWithdrawn => pick(
                lang,
                "oppgjøret er trukket tilbake",
                "oppgjeret er trekt tilbake",
                "the settlement was withdrawn",
            ),
            VisitVoided => pick(
                lang,
                "besøket er allerede annullert",
                "besøket er allereie annullert",
                "the visit is already voided",
            ),
            SessionEnded => pick(
                lang,
                "brukeren er endret eller deaktivert – logg inn på nytt",
                "brukaren er endra eller deaktivert – logg inn på nytt",
                "the user was changed or deactivated – log in again",
            ),
            SessionIdle => pick(
                lang,
                "du ble logget ut fordi skranken sto ubrukt – logg inn på nytt",
                "du vart logga ut fordi skranken stod ubrukt – logg inn på nytt",
                "you were logged out because the desk stood idle – log in again",
            ),
            RetentionYears => pick(
                lang,
                "må være fra 1 til 10 år",
                "må vere frå 1 til 10 år",
                "must be 1 to 10 years",
            ),
            IdleMinutes => pick(
                lang,
                "må være fra 1 til 480 minutter",
                "må vere frå 1 til 480 minutt",
                "must be 1 to 480 minutes",
            ),
            Calibration => pick(
                lang,
                "må være innenfor ±20 mm, og skalering mellom 90 og 110 %",
                "må vere innanfor ±20 mm, og skalering mellom 90 og 110 %",
                "must be within ±20 mm, and scaling between 90 and 110 %",
            ),
            PrintCancelled => pick(
                lang,
                "utskriften ble avbrutt; ingen kort er merket som skrevet ut",
                "utskrifta vart avbroten; ingen kort er merkte som skrivne ut",
                "printing was cancelled; no card is marked printed",
            ),
            CardNotValid => pick(
                lang,
                "kortet kan ikke brukes nå",
                "kortet kan ikkje brukast no",
                "the card cannot be used now",
            ),
            LastAdmin => pick(
                lang,
                "den siste aktive administratoren kan ikke fjernes",
                "den siste aktive administratoren kan ikkje fjernast",
                "the last active administrator cannot be removed",
            ),
            YearExists => pick(
                lang,
                "dette programåret finnes allerede",
                "dette programåret finst allereie",
                "this program year already exists",
            ),
            OutsideYear => pick(
                lang,
                "ligger utenfor programårets gyldighetsperiode",
                "ligg utanfor gyldigheitsperioden til programåret",
                "lies outside the program year's validity",
            ),
            WholeNumberFrom0 => pick(
                lang,
                "må være et helt tall, 0 eller høyere",
                "må vere eit heilt tal, 0 eller høgare",
                "must be a whole number, 0 or more",
            ),
            WholeNumber => pick(
                lang,
                "må være et helt tall",
                "må vere eit heilt tal",
                "must be a whole number",
            ),
            Number => pick(
                lang,
                "må være et tall (for eksempel 1,5)",
                "må vere eit tal (til dømes 1,5)",
                "must be a number (for example 1.5)",
            ),
            NotAChoice => pick(
                lang,
                "velg en av verdiene i listen",
                "vel ein av verdiane i lista",
                "choose one of the values in the list",
            ),
            BadValue => pick(
                lang,
                "verdien kan ikke brukes her – sjekk feltet",
                "verdien kan ikkje brukast her – sjekk feltet",
                "the value cannot be used here – check the field",
            ),
            FutureDate => pick(
                lang,
                "datoen er etter i dag – et besøk registreres når det har skjedd",
                "datoen er etter i dag – eit besøk blir registrert når det har skjedd",
                "the date is after today – a visit is registered once it has happened",
            ),
            QuotaBelowAssigned { assigned } => match lang {
                Lang::Nb => format!(
                    "kan ikke være lavere enn de {assigned} kortene som allerede er tildelt i året"
                ),
                Lang::Nn => format!(
                    "kan ikkje vere lågare enn dei {assigned} korta som allereie er tildelte i året"
                ),
                Lang::En => format!(
                    "cannot be lower than the {assigned} cards already assigned this year"
                ),
            },
            NotATable => pick(
                lang,
                "filen er ikke en CSV-fil eller en Excel-fil (.xlsx) – lagre tabellen som CSV eller .xlsx og prøv igjen",
                "fila er ikkje ei CSV-fil eller ei Excel-fil (.xlsx) – lagre tabellen som CSV eller .xlsx og prøv igjen",
                "the file is not a CSV file or an Excel file (.xlsx) – save the table as CSV or .xlsx and try again",
            ),
            EraseUnconfirmed => pick(
                lang,
                "sletting kan ikke angres – ingenting er gjort; gjenta kommandoen med --yes for å slette",
                "sletting kan ikkje angrast – ingenting er gjort; gjenta kommandoen med --yes for å slette",
                "erasure cannot be undone – nothing was done; repeat the command with --yes to erase",
            ),
            AlreadyAnonymised => pick(
                lang,
                "kortholderen er allerede anonymisert – det er ingen personopplysninger igjen å slette",
                "kortinnehavaren er allereie anonymisert – det er ingen personopplysningar att å slette",
                "the holder is already anonymised – no personal data is left to erase",
            ),
            JobCancelled => pick(
                lang,
                "avbrutt – ingenting er lagret",
                "avbrote – ingenting er lagra",
                "cancelled – nothing was saved",
            ),
            AgreementInUse { visits } => match lang {
                Lang::Nb => format!("avtalen har {visits} registrerte besøk og kan ikke slettes – endre den i stedet"),
                Lang::Nn => format!("avtalen har {visits} registrerte besøk og kan ikkje slettast – endre han i staden"),
                Lang::En => format!("the agreement has {visits} registered visits and cannot be deleted – change it instead"),
            },
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

/// The text in `lang` of a sentence written in Bokmål, Nynorsk and English.
fn pick(lang: Lang, nb: &str, nn: &str, en: &str) -> String {
    match lang {
        Lang::Nb => nb,
        Lang::Nn => nn,
        Lang::En => en,
    }
    .to_string()
}

/// A value in the quotes of `lang`, followed by what is wrong with it.
fn fmt(lang: Lang, value: &str, nb: &str, nn: &str, en: &str) -> String {
    match lang {
        Lang::Nb => format!("«{value}» {nb}"),
        Lang::Nn => format!("«{value}» {nn}"),
        Lang::En => format!("“{value}” {en}"),
    }
}

/// What is wrong with an organisation or account number, named in each language.
fn number_message(lang: Lang, p: &NumberProblem, nb: &str, nn: &str, en: &str) -> String {
    match (p, lang) {
        (NumberProblem::NotDigits, Lang::Nb) => format!("et {nb} kan bare ha sifre"),
        (NumberProblem::NotDigits, Lang::Nn) => format!("eit {nn} kan berre ha siffer"),
        (NumberProblem::NotDigits, Lang::En) => format!("an {en} can only contain digits"),
        (NumberProblem::WrongLength { expected, found }, Lang::Nb) => {
            format!("et {nb} har {expected} sifre, her er det {found}")
        }
        (NumberProblem::WrongLength { expected, found }, Lang::Nn) => {
            format!("eit {nn} har {expected} siffer, her er det {found}")
        }
        (NumberProblem::WrongLength { expected, found }, Lang::En) => {
            format!("an {en} has {expected} digits, this one has {found}")
        }
        (NumberProblem::CheckDigit, Lang::Nb) => {
            format!("kontrollsifferet stemmer ikke – sjekk {nb}et for skrivefeil")
        }
        (NumberProblem::CheckDigit, Lang::Nn) => {
            format!("kontrollsifferet stemmer ikkje – sjekk {nn}et for skrivefeil")
        }
        (NumberProblem::CheckDigit, Lang::En) => {
            format!("the check digit does not match – check the {en} for typos")
        }
    }
}
