//! Every sentence the Rust side shows a user that is not about a value's problem: errors,
//! command-line output and the texts of printed documents. Each is keyed (the variant's name,
//! [`Msg::key`]) and written once in Bokmål and once in English, side by side; the compiler
//! holds both languages to every key and a test that neither is empty.

use super::Lang;

/// Writes a keyed message enum: `catalogue! { Name; entries }`, each entry
/// `Key { field: Type, … } => "Bokmål", "English";` where the texts may name the fields as
/// `format!` does. [`Msg`] is the main one; the command line's answers are `CliMsg`.
macro_rules! catalogue {
    ($name:ident; $(
        $(#[$doc:meta])*
        $key:ident $({ $($field:ident : $ty:ty),* $(,)? })? => $nb:literal, $en:literal;
    )*) => {
        /// A keyed message; `text` writes it in a language.
        #[derive(Debug, Clone, PartialEq)]
        pub enum $name {
            $( $(#[$doc])* $key $({ $($field: $ty),* })?, )*
        }

        impl $name {
            /// The message's key, as the UI's dictionaries name the same sentence.
            pub fn key(&self) -> &'static str {
                match self {
                    $( $name::$key { .. } => stringify!($key), )*
                }
            }

            /// The message in `lang`.
            pub fn text(&self, lang: Lang) -> String {
                match self {
                    $( $name::$key $({ $($field),* })? => match lang {
                        Lang::Nb => format!($nb),
                        Lang::En => format!($en),
                    }, )*
                }
            }

            /// Every key with its Bokmål and English text, for the completeness test.
            #[cfg(test)]
            pub(crate) fn templates() -> Vec<(&'static str, &'static str, &'static str)> {
                vec![$( (stringify!($key), $nb, $en), )*]
            }
        }

        /// For developers' logs and error chains: the English text.
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.text(Lang::En))
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use catalogue;

catalogue! {
    Msg;
    // The workspace and its errors.
    /// Who did what the system did itself (user id 0 in the audit log).
    TheSystem => "systemet", "the system";
    NotLoggedIn => "Du er ikke logget inn.", "You are not logged in.";
    WorkspaceUnreachable { path: String } =>
        "Finner ikke arbeidsfilen {path}. Er nettverksmappen tilgjengelig? Prøv igjen, eller velg en annen fil.",
        "Cannot reach the workspace {path}. Is the network folder available? Try again, or choose another file.";
    NoWorkspace => "Ingen arbeidsfil er åpen. Velg Fil → Ny eller Åpne.",
        "No workspace is open. Choose File → New or Open.";
    TooNew { found: u32, supported: u32 } =>
        "Arbeidsfilen er laget av en nyere versjon av Opplevelseskort (skjema {found}, denne versjonen kan {supported}). Oppdater programmet for å åpne den.",
        "The workspace was written by a newer version of Opplevelseskort (schema {found}, this version supports {supported}). Update the app to open it.";
    NotAWorkspace { path: String } => "{path} er ikke en arbeidsfil for Opplevelseskort.",
        "{path} is not an Opplevelseskort workspace.";
    AlreadyExists { path: String } => "{path} finnes allerede. Velg et annet navn, eller åpne filen.",
        "{path} already exists. Choose another name, or open it.";
    FileNotFound { path: String } => "Finner ikke {path}.", "Cannot find {path}.";
    FieldsToFix { list: String } => "Noen felt må rettes: {list}", "Some fields need correcting: {list}";
    ImportRefused { problems: usize } => "Filen ble ikke importert: {problems} feil. Ingenting er lagret.",
        "The file was not imported: {problems} problem(s). Nothing was saved.";
    Missing { what: String, id: i64 } => "Fant ikke {what} {id} – den kan være slettet.",
        "Could not find {what} {id} – it may have been deleted.";
    CsvUnreadable { error: String } => "Filen kunne ikke leses som CSV: {error}. Ingenting er lagret.",
        "The file could not be read as CSV: {error}. Nothing was saved.";
    OutputFailed { error: String } => "Filen kunne ikke lages: {error}", "The file could not be made: {error}";
    DatabaseError { error: String } => "Databasefeil: {error}", "Database error: {error}";
    FileError { error: String } => "Filfeil: {error}", "File error: {error}";
    NoRandomness { error: String } => "Fikk ikke tilfeldige tall fra systemet: {error}",
        "Could not get random numbers from the system: {error}";
    FontUnreadable { font: String } => "den medfølgende skriften {font} kunne ikke leses",
        "the bundled font {font} could not be read";
    ImageUnusable { error: String } => "et bilde kunne ikke brukes: {error}", "an image could not be used: {error}";
    QrFailed { error: String } => "QR-koden kunne ikke lages: {error}", "the QR code could not be made: {error}";
    PdfFailed { error: String } => "PDF-en kunne ikke skrives: {error}", "the PDF could not be written: {error}";
    /// A refusal: the rule's sentence (a [`super::Problem`]'s), as a sentence of its own.
    Refused { reason: String } => "{reason}", "{reason}";
    DeniedAdmin => "Dette er ikke tilgjengelig for kulturkontoret.", "This is not available to the culture office.";
    DeniedNav => "Dette er ikke tilgjengelig for NAV.", "This is not available to NAV.";
    DeniedVenue => "Dette er ikke tilgjengelig for brukersteder.", "This is not available to venues.";

    // What a missing thing is called.
    ThingVenue => "brukersted", "venue";
    ThingCard => "kort", "card";
    ThingHolder => "kortholder", "holder";
    ThingYear => "programår", "program year";
    ThingUser => "bruker", "user";
    ThingImage => "bilde", "image";
    ThingSettlement => "oppgjør", "settlement";
    ThingVisit => "besøk", "visit";
    ThingPrinterProfile => "skriverprofil", "printer profile";
    ThingReassessment => "revurdering", "reassessment";

    // The command line's answers.
    CliCardReplaced { lost: String, new: String, year: i32, id: i64 } =>
        "Kort {lost} er sperret som tapt. Erstatningskortet er {new}; skriv det ut med «okort cards print --year {year} --cards {id} --out FIL».",
        "Card {lost} is blocked as lost. The replacement is {new}; print it with “okort cards print --year {year} --cards {id} --out FILE”.";

    // What an audit-log entry is about.
    AuditTicks { ticks: i64, venue: String, card: String } => "{ticks} avkrysninger for {venue} på kort {card}",
        "{ticks} ticks for {venue} on card {card}";
    AuditImport { venue: String, imported: i64, left_out: i64 } =>
        "{venue} ({imported} besøk importert, {left_out} rader utelatt)",
        "{venue} ({imported} visits imported, {left_out} rows left out)";
    AuditVisit { day: String, venue: String, card: String } => "besøket {day} på {venue} med kort {card}",
        "the visit on {day} at {venue} with card {card}";
    AuditSettlement { id: i64, venue: String, visits: u32, amount: String } =>
        "oppgjør nr. {id} for {venue} ({visits} besøk, {amount})",
        "settlement no. {id} for {venue} ({visits} visits, {amount})";

    // Logos.
    LogoEmpty => "Filen er tom.", "The file is empty.";
    LogoTooBig { mb: String } => "Filen er {mb} MB; en logo kan være høyst 5 MB.",
        "The file is {mb} MB; a logo can be at most 5 MB.";
    LogoNotImage => "Filen er ikke et bilde. Bruk PNG, JPEG eller SVG.",
        "The file is not an image. Use PNG, JPEG or SVG.";
    LogoBroken { format: String } => "Filen ser ut som {format}, men kan ikke leses – den kan være skadet.",
        "The file looks like {format} but cannot be read – it may be damaged.";
    NameUnprintable { number: String, chars: String } =>
        "Kort {number}: tegn i navnet kan ikke skrives ut ({chars}) – de blir tomme ruter på kortet.",
        "Card {number}: characters in the name cannot be printed ({chars}) – they would be empty boxes on the card.";
    CardNotCovered { what: String } => "Dekkes ikke: {what}", "Not covered: {what}";
    /// The card back's note when not every venue's note fits: the letter has them all.
    CardNotCoveredMore { what: String, more: usize } => "Dekkes ikke: {what} – og {more} til i informasjonsbrevet", "Not covered: {what} – and {more} more in the information letter";
    SheetsTitle { year: String } => "Ark til de ansatte på brukerstedene {year}", "Sheets for the venues' staff {year}";
    SheetHeading { venue: String } => "Til de ansatte hos {venue}", "For the staff at {venue}";
    SheetCard { valid_to: String } =>
        "Slik ser kortet ut i år (forside og bakside, i full størrelse). Et gyldig kort har kortholderens navn, kortnummer og «Gyldig til {valid_to}». Kortet er personlig.",
        "This is this year's card (front and back, full size). A valid card has the holder's name, the card number and \"Valid until {valid_to}\". The card is personal.";
    SheetFreeHead => "Dette er gratis", "What is free";
    SheetFreeCompanion => "Kortholderen og én ledsager går gratis.", "The card holder and one companion go free.";
    SheetFreeHolder => "Kortholderen går gratis. Ledsageren betaler selv.", "The card holder goes free. A companion pays for themselves.";
    SheetVisits { n: String, year: String } => "Hvert kort gir {n} besøk hos dere i {year}.", "Each card gives {n} visits with you in {year}.";
    SheetFreeEntry { year: String } => "Kortet gir fri inngang hele {year}, så ofte kortholderen vil.", "The card gives free entry all of {year}, as often as the holder likes.";
    SheetNotCoveredHead => "Dette dekker ikke kortet", "What the card does not cover";
    SheetNothingExcluded => "Avtalen unntar ingenting: alt den gjelder, er gratis for kortholderen.", "The agreement excludes nothing: everything it covers is free for the holder.";
    SheetRegisterHead => "Slik registrerer dere et besøk", "How to register a visit";
    SheetRegisterText =>
        "Kryss av én rute på kortet for hvert besøk. Har dere brukerstedssettet i Opplevelseskort-appen: skann QR-koden eller skriv kortnummeret, så ser dere om kortet er gyldig og hvor mange besøk som er igjen.",
        "Tick one box on the card for each visit. With the venue kit in the Opplevelseskort app: scan the QR code or type the card number to see whether the card is valid and how many visits are left.";
    SheetReportHead => "Slik rapporterer dere", "How to report";
    SheetReportText { file: String } =>
        "Send kulturkontoret en liste over besøkene hver måned: kortnummer, dato og om ledsager var med. Bruk malen {file} (CSV eller Excel), eller eksporter rapporten fra brukerstedssettet.",
        "Send the culture office a list of the visits every month: card number, date and whether a companion came. Use the template {file} (CSV or Excel), or export the report from the venue kit.";
    SheetInvoiceHead => "Send aldri regning til kortholderen", "Never invoice the holder";
    SheetInvoiceText =>
        "Det kortet dekker, betaler kommunen etter avtalen med dere. Kortholderen og familien skal aldri få regning eller be om å betale for det.",
        "The municipality pays for what the card covers, under its agreement with you. The holder and the family must never be invoiced or asked to pay for it.";
    SheetNoteHead => "Merknad til de ansatte", "Note to the staff";
    SheetContactHead => "Spørsmål?", "Questions?";
    SheetContactText { contact: String } => "Ring eller skriv til {contact}.", "Call or write to {contact}.";
    LettersTitle { year: String } => "Informasjonsbrev om opplevelseskortet {year}", "Information letters about the experience card {year}";
    LetterFooter { language: String, status: String } => "{language} · {status}", "{language} · {status}";
    LetterReviewed => "kontrollert av en med språket som morsmål", "checked by a native speaker";
    LetterNotReviewed => "oversettelsen er ikke kontrollert av en med språket som morsmål", "the translation has not been checked by a native speaker";
    ReadOnlyDesk => "Ingenting er lagret: arbeidsfilen er åpen bare for lesing fordi en annen har den åpen. Se meldingen øverst.",
        "Nothing was saved: the workspace is open for reading only because someone else has it open. See the notice at the top.";
    DeskHeld { username: String, computer: String, since: String } =>
        "Åpnet av {username} på {computer} siden {since}. Du kan lese, men ikke endre noe.",
        "Opened by {username} on {computer} since {since}. You can read but not change anything.";
    LogoTooManyPixels { max: String } => "Bildet er for stort: en logo kan være høyst {max} × {max} piksler. Lagre det i mindre størrelse og prøv igjen.",
        "The image is too large: a logo can be at most {max} × {max} pixels. Save it smaller and try again.";

    // The card's default texts.
    DesignRulesCompanion => "Kortet er personlig. Kortholder og én ledsager går gratis.",
        "The card is personal. The holder and one companion go free.";
    DesignRulesPersonal => "Kortet er personlig og gjelder kortholderen.",
        "The card is personal and valid for the holder.";
    DesignContact { contact: String } => "Spørsmål? {contact}", "Questions? {contact}";

    // Printed on the card.
    CardNumberLabel => "KORTNUMMER", "CARD NUMBER";
    CardValidTo => "GYLDIG TIL", "VALID TO";
    CardFree => "fri", "free";
    CardWhereToUse => "Her kan du bruke kortet", "Where you can use the card";
    CardTickNote => "Brukerstedet krysser av én rute for hvert besøk.",
        "The venue ticks one box for each visit.";
    CardFreeEntry => "Fri inngang hele året", "Free entry all year";
    CardHowTo => "Vis kortet når du kommer. Brukerstedet krysser av for hvert besøk.",
        "Show the card when you arrive. The venue ticks a box for each visit.";
    CardScanNote => "Besøk registreres ved å skanne QR-koden på kortet.",
        "Visits are registered by scanning the QR code on the card.";
    CardVisits { visits: u32 } => "{visits} besøk", "{visits} visits";
    CardMoreVenues { more: usize } => "… og {more} til", "… and {more} more";

    // NAV's hand-out list.
    HandoutTitle { program: String, year: i32 } => "Utleveringsliste – {program} {year}",
        "Hand-out list – {program} {year}";
    HandoutNumber => "Kortnummer", "Card number";
    HandoutName => "Navn", "Name";
    HandoutBorn => "Født", "Born";
    HandoutHandedOut => "Utlevert", "Handed out";
    HandoutSignature => "Signatur", "Signature";
    HandoutSigns => "Kortholder eller foresatt signerer ved utlevering.",
        "The holder or a guardian signs when the card is handed out.";
    PageOf { page: usize, pages: usize } => "Side {page} av {pages}", "Page {page} of {pages}";

    // The recovery sheet printed at setup: one page per side.
    RecoveryTitle => "Gjenopprettingsnøkkel", "Recovery key";
    RecoveryFor { program: String, file: String, date: String } =>
        "{program} · arbeidsfil {file} · laget {date}",
        "{program} · workspace {file} · made {date}";
    RecoveryKultur => "Kulturkontoret", "The culture office";
    RecoveryNav => "NAV", "NAV";
    RecoveryKulturUse =>
        "Med denne nøkkelen lager kulturkontoret en ny administrator hvis alle administratorenes passord er glemt.",
        "With this key the culture office makes a new administrator if every administrator's password is lost.";
    RecoveryNavUse =>
        "Med denne nøkkelen lager NAV sin første bruker, og en ny NAV-bruker hvis alle NAV-passord er glemt. Bare den åpner NAVs opplysninger om kortholderne hvis passordene er borte.",
        "With this key NAV makes its first user, and a new NAV user if every NAV password is lost. Only it opens NAV's records of the holders if the passwords are gone.";
    RecoveryNavHandOver =>
        "Gi denne siden til NAV i en lukket konvolutt. Kulturkontoret skal ikke beholde en kopi.",
        "Give this page to NAV in a sealed envelope. The culture office must not keep a copy.";
    RecoveryKeep =>
        "Oppbevar arket innelåst (arkivskap eller safe), ikke ved PC-en og ikke som bilde eller fil. Den som har nøkkelen og arbeidsfilen, kommer inn.",
        "Keep the sheet locked away (archive cabinet or safe), not by the PC and not as a photo or file. Whoever has the key and the workspace file gets in.";
    RecoveryHow =>
        "Bruk: på innloggingsbildet, velg «Glemt alle passord?», skriv inn nøkkelen eller skann QR-koden, og velg brukernavn og nytt passord.",
        "Use: on the login screen, choose “Lost every password?”, type the key or scan the QR code, and choose a user name and a new password.";
    RecoveryReplaced =>
        "Lages en ny nøkkel, slutter denne å virke.",
        "If a new key is made, this one stops working.";

    // The printer's calibration page.
    CalibrationTitle => "Kalibrering", "Calibration";
    CalibrationNote => "Kalibrering: rammen skal ligge 10 mm fra hver kant.",
        "Calibration: the frame should lie 10 mm from each edge.";

    // A venue's settlement statement.
    StatementTitle { year: i32, venue: String } => "Oppgjør {year} – {venue}", "Settlement {year} – {venue}";
    StatementDraftTitle { year: i32, venue: String } => "Utkast til oppgjør {year} – {venue}",
        "Draft settlement {year} – {venue}";
    StatementWithdrawn { reason: String } => "Trukket tilbake: {reason}", "Withdrawn: {reason}";
    StatementPaid { approved: String, paid: String } => "Godkjent {approved}, betalt {paid}",
        "Approved {approved}, paid {paid}";
    StatementUnpaid { approved: String } => "Godkjent {approved}, ikke betalt", "Approved {approved}, not paid";
    StatementNumbered { id: i64, status: String } => "Nr. {id} – {status}", "No. {id} – {status}";
    StatementDraft => "Utkast – ikke godkjent", "Draft – not approved";
    StatementUnknownMonth => "Innleverte kort (ukjent dato)", "Returned cards (date unknown)";
    StatementSum => "Sum", "Total";
    StatementVenueBears => "Brukerstedet dekker kostnadene selv", "The venue bears the cost itself";
    StatementFullRefund => "Full refusjon", "Full refund";
    StatementShare { percent: u32 } => "Kommunen dekker {percent} %", "The municipality covers {percent} %";
    StatementProgram => "Program", "Programme";
    StatementPeriod => "Periode", "Period";
    StatementWholeYear { year: i32, from: String, to: String } => "Hele {year} ({from} – {to})",
        "All of {year} ({from} – {to})";
    StatementSettlement => "Oppgjør", "Settlement";
    StatementReference => "Referanse", "Reference";
    StatementApprovedBy => "Godkjent av", "Approved by";
    StatementVenue => "Brukersted", "Venue";
    StatementOrgNumber => "Org.nr.", "Org. no.";
    StatementAccount => "Kontonummer", "Account number";
    StatementAgreement => "Avtale", "Agreement";
    StatementPrices => "Pris kortholder / ledsager", "Price holder / companion";
    StatementHolders => "Kortholdere", "Holders";
    StatementCompanions => "Ledsagere", "Companions";
    StatementToPay => "Til utbetaling", "To be paid";
    StatementIssued { date: String } => "Utstedt {date}", "Issued {date}";
    StatementMonth => "Måned", "Month";
    StatementVisits => "Besøk", "Visits";

    // A holder's access request (GDPR art. 15): everything held about them, printed.
    AccessTitle => "Innsyn – alt som er lagret om kortholderen",
        "Access request – everything held about the holder";
    AccessFileTitle { name: String } => "Innsyn – {name}", "Access request – {name}";
    AccessMade { date: String, municipality: String } =>
        "Laget {date} av NAV for {municipality}, etter kortholderens rett til innsyn (personvernforordningen art. 15).",
        "Made {date} by NAV for {municipality}, under the holder's right of access (GDPR art. 15).";
    AccessScope => "Dokumentet gjelder bare denne kortholderen og inneholder ingenting om andre.",
        "This document is about this holder only and holds nothing about anyone else.";
    AccessHolder => "Kortholder", "Holder";
    AccessHolderId => "Kortholdernummer", "Holder number";
    AccessName => "Navn", "Name";
    AccessBorn => "Fødselsdato", "Date of birth";
    AccessLanguage => "Foretrukket språk", "Preferred language";
    AccessAddress => "Adresse", "Address";
    AccessGuardian => "Foresatt", "Guardian";
    AccessGuardianPhone => "Foresattes telefon", "Guardian's phone";
    AccessGuardianEmail => "Foresattes e-post", "Guardian's e-mail";
    AccessNavContact => "Kontaktperson i NAV", "Contact at NAV";
    AccessNavNote => "NAVs merknad", "NAV's note";
    AccessEmpty => "–", "–";
    AccessCards => "Kort", "Cards";
    AccessCardNumber => "Kortnummer", "Card number";
    AccessYear => "År", "Year";
    AccessStatus => "Status", "Status";
    AccessCreated => "Laget", "Made";
    AccessHandedOut => "Utlevert", "Handed out";
    AccessNote => "Merknad", "Note";
    AccessAssigned => "Tildelt", "Assigned";
    AccessPrinted => "Skrevet ut", "Printed";
    AccessInUse => "Utlevert", "Handed out";
    AccessLost => "Meldt tapt, sperret", "Reported lost, blocked";
    AccessRevoked => "Trukket tilbake", "Revoked";
    AccessReplaces { number: String } => "Erstatter kort {number}", "Replaces card {number}";
    AccessReason { reason: String } => "Begrunnelse: {reason}", "Reason: {reason}";
    AccessVisits => "Besøk", "Visits";
    AccessDate => "Dato", "Date";
    AccessVenue => "Brukersted", "Venue";
    AccessCompanion => "Ledsager", "Companion";
    AccessVoided => "Annullert", "Voided";
    AccessUnknownDate => "ukjent (innlevert kort)", "unknown (returned card)";
    AccessYes => "ja", "yes";
    AccessNo => "nei", "no";
    AccessDecisions => "NAVs vurderinger", "NAV's decisions";
    AccessDecision => "Beslutning", "Decision";
    AccessContinues => "Kortet fortsetter", "The card continues";
    AccessEnds => "Kortet avsluttes", "The card ends";
    AccessNone => "Ingen.", "None.";

    // A holder erased on request (GDPR art. 17).
    /// The reason kept on the cards blocked by the erasure.
    ErasedOnRequest => "Kortholderen er slettet på anmodning", "The holder was erased on request";
}

/// A month's name (1–12) in `lang`, capitalised as a table row starts.
pub fn month_name(month: u32, lang: Lang) -> Option<&'static str> {
    const MONTHS: [(&str, &str); 12] = [
        ("Januar", "January"),
        ("Februar", "February"),
        ("Mars", "March"),
        ("April", "April"),
        ("Mai", "May"),
        ("Juni", "June"),
        ("Juli", "July"),
        ("August", "August"),
        ("September", "September"),
        ("Oktober", "October"),
        ("November", "November"),
        ("Desember", "December"),
    ];
    let (nb, en) = MONTHS.get(month.checked_sub(1)? as usize)?;
    Some(if lang == Lang::Nb { nb } else { en })
}

/// For a catalogue's test: at least `at_least` keys, each once, each with Bokmål and English.
#[cfg(test)]
pub(crate) fn assert_complete(templates: &[(&str, &str, &str)], at_least: usize) {
    assert!(templates.len() > at_least, "{} messages", templates.len());
    let mut keys = std::collections::HashSet::new();
    for (key, nb, en) in templates {
        assert!(keys.insert(key), "key {key} twice");
        assert!(!nb.trim().is_empty(), "{key} has no Bokmål");
        assert!(!en.trim().is_empty(), "{key} has no English");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_written_in_both_languages() {
        assert_complete(&Msg::templates(), 50);
    }

    #[test]
    fn a_message_names_its_values_in_either_language() {
        let m = Msg::HandoutTitle {
            program: "Opplevelseskortet".into(),
            year: 2026,
        };
        assert_eq!(
            m.text(Lang::Nb),
            "Utleveringsliste – Opplevelseskortet 2026"
        );
        assert_eq!(m.text(Lang::En), "Hand-out list – Opplevelseskortet 2026");
        assert_eq!(m.key(), "HandoutTitle");
        assert_eq!(month_name(12, Lang::Nb), Some("Desember"));
        assert_eq!(month_name(0, Lang::En), None);
        assert_eq!(month_name(13, Lang::En), None);
    }
}
