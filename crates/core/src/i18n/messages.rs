//! Every sentence the Rust side shows a user that is not about a value's problem: errors,
//! command-line output and the texts of printed documents. Each is keyed (the variant's name,
//! [`Msg::key`]) and written once in Bokmål, once in Nynorsk and once in English, side by side;
//! the compiler holds all three languages to every key, and a test that none is empty and that
//! all three name the same values.

use super::Lang;

/// Writes a keyed message enum: `catalogue! { Name; entries }`, each entry
/// `Key { field: Type, … } => "Bokmål", "Nynorsk", "English";` where the texts may name the
/// fields as `format!` does. [`Msg`] is the main one; the command line's answers are `CliMsg`.
macro_rules! catalogue {
    ($name:ident; $(
        $(#[$doc:meta])*
        $key:ident $({ $($field:ident : $ty:ty),* $(,)? })? => $nb:literal, $nn:literal, $en:literal;
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
                        Lang::Nn => format!($nn),
                        Lang::En => format!($en),
                    }, )*
                }
            }

            /// Every key with its Bokmål, Nynorsk and English text, for the completeness test.
            #[cfg(test)]
            pub(crate) fn templates(
            ) -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
                vec![$( (stringify!($key), $nb, $nn, $en), )*]
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
    TheSystem => "systemet", "systemet", "the system";
    NotLoggedIn => "Du er ikke logget inn.", "Du er ikkje logga inn.", "You are not logged in.";
    WorkspaceUnreachable { path: String } =>
        "Finner ikke arbeidsfilen {path}. Er nettverksmappen tilgjengelig? Prøv igjen, eller velg en annen fil.",
        "Finn ikkje arbeidsfila {path}. Er nettverksmappa tilgjengeleg? Prøv igjen, eller vel ei anna fil.",
        "Cannot reach the workspace {path}. Is the network folder available? Try again, or choose another file.";
    NoWorkspace =>
        "Ingen arbeidsfil er åpen. Velg Fil → Ny eller Åpne.",
        "Inga arbeidsfil er open. Vel Fil → Ny eller Opne.",
        "No workspace is open. Choose File → New or Open.";
    TooNew { found: u32, supported: u32 } =>
        "Arbeidsfilen er laget av en nyere versjon av Opplevelseskort (skjema {found}, denne versjonen kan {supported}). Oppdater programmet for å åpne den.",
        "Arbeidsfila er laga av ein nyare versjon av Opplevelseskort (skjema {found}, denne versjonen kan {supported}). Oppdater programmet for å opne fila.",
        "The workspace was written by a newer version of Opplevelseskort (schema {found}, this version supports {supported}). Update the app to open it.";
    NotAWorkspace { path: String } =>
        "{path} er ikke en arbeidsfil for Opplevelseskort.",
        "{path} er ikkje ei arbeidsfil for Opplevelseskort.",
        "{path} is not an Opplevelseskort workspace.";
    AlreadyExists { path: String } =>
        "{path} finnes allerede. Velg et annet navn, eller åpne filen.",
        "{path} finst allereie. Vel eit anna namn, eller opne fila.",
        "{path} already exists. Choose another name, or open it.";
    FileNotFound { path: String } =>
        "Finner ikke {path}.",
        "Finn ikkje {path}.",
        "Cannot find {path}.";
    FieldsToFix { list: String } =>
        "Noen felt må rettes: {list}",
        "Nokre felt må rettast: {list}",
        "Some fields need correcting: {list}";
    ImportRefused { problems: usize } =>
        "Filen ble ikke importert: {problems} feil. Ingenting er lagret.",
        "Fila vart ikkje importert: {problems} feil. Ingenting er lagra.",
        "The file was not imported: {problems} problem(s). Nothing was saved.";
    Missing { what: String, id: i64 } =>
        "Fant ikke {what} {id} – den kan være slettet.",
        "Fann ikkje {what} {id} – det kan vere sletta.",
        "Could not find {what} {id} – it may have been deleted.";
    CsvUnreadable { error: String } =>
        "Filen kunne ikke leses som CSV: {error}. Ingenting er lagret.",
        "Fila kunne ikkje lesast som CSV: {error}. Ingenting er lagra.",
        "The file could not be read as CSV: {error}. Nothing was saved.";
    OutputFailed { error: String } =>
        "Filen kunne ikke lages: {error}",
        "Fila kunne ikkje lagast: {error}",
        "The file could not be made: {error}";
    DatabaseError { error: String } =>
        "Databasefeil: {error}",
        "Databasefeil: {error}",
        "Database error: {error}";
    FileError { error: String } => "Filfeil: {error}", "Filfeil: {error}", "File error: {error}";
    NoRandomness { error: String } =>
        "Fikk ikke tilfeldige tall fra systemet: {error}",
        "Fekk ikkje tilfeldige tal frå systemet: {error}",
        "Could not get random numbers from the system: {error}";
    FontUnreadable { font: String } =>
        "den medfølgende skriften {font} kunne ikke leses",
        "den medfølgjande skrifta {font} kunne ikkje lesast",
        "the bundled font {font} could not be read";
    ImageUnusable { error: String } =>
        "et bilde kunne ikke brukes: {error}",
        "eit bilete kunne ikkje brukast: {error}",
        "an image could not be used: {error}";
    QrFailed { error: String } =>
        "QR-koden kunne ikke lages: {error}",
        "QR-koden kunne ikkje lagast: {error}",
        "the QR code could not be made: {error}";
    PdfFailed { error: String } =>
        "PDF-en kunne ikke skrives: {error}",
        "PDF-en kunne ikkje skrivast: {error}",
        "the PDF could not be written: {error}";
    /// A refusal: the rule's sentence (a [`super::Problem`]'s), as a sentence of its own.
    Refused { reason: String } => "{reason}", "{reason}", "{reason}";
    DeniedAdmin =>
        "Dette er ikke tilgjengelig for kulturkontoret.",
        "Dette er ikkje tilgjengeleg for kulturkontoret.",
        "This is not available to the culture office.";
    DeniedNav =>
        "Dette er ikke tilgjengelig for NAV.",
        "Dette er ikkje tilgjengeleg for NAV.",
        "This is not available to NAV.";
    DeniedVenue =>
        "Dette er ikke tilgjengelig for brukersteder.",
        "Dette er ikkje tilgjengeleg for brukarstader.",
        "This is not available to venues.";

    // What a missing thing is called.
    ThingVenue => "brukersted", "brukarstad", "venue";
    ThingCard => "kort", "kort", "card";
    ThingHolder => "kortholder", "kortinnehavar", "holder";
    ThingYear => "programår", "programår", "program year";
    ThingUser => "bruker", "brukar", "user";
    ThingImage => "bilde", "bilete", "image";
    ThingSettlement => "oppgjør", "oppgjer", "settlement";
    ThingVisit => "besøk", "besøk", "visit";
    ThingQuestion => "spørsmål", "spørsmål", "question";
    ThingPrinterProfile => "skriverprofil", "skrivarprofil", "printer profile";
    ThingReassessment => "revurdering", "revurdering", "reassessment";

    // The command line's answers.
    CliCardReplaced { lost: String, new: String, year: i32, id: i64 } =>
        "Kort {lost} er sperret som tapt. Erstatningskortet er {new}; skriv det ut med «okort cards print --year {year} --cards {id} --out FIL».",
        "Kort {lost} er sperra som tapt. Erstatningskortet er {new}; skriv det ut med «okort cards print --year {year} --cards {id} --out FIL».",
        "Card {lost} is blocked as lost. The replacement is {new}; print it with “okort cards print --year {year} --cards {id} --out FILE”.";

    // What an audit-log entry is about.
    AuditTicks { ticks: i64, venue: String, card: String } =>
        "{ticks} avkrysninger for {venue} på kort {card}",
        "{ticks} avkryssingar for {venue} på kort {card}",
        "{ticks} ticks for {venue} on card {card}";
    AuditImport { venue: String, imported: i64, left_out: i64 } =>
        "{venue} ({imported} besøk importert, {left_out} rader utelatt)",
        "{venue} ({imported} besøk importerte, {left_out} rader utelatne)",
        "{venue} ({imported} visits imported, {left_out} rows left out)";
    AuditVisit { day: String, venue: String, card: String } =>
        "besøket {day} på {venue} med kort {card}",
        "besøket {day} på {venue} med kort {card}",
        "the visit on {day} at {venue} with card {card}";
    AuditSettlement { id: i64, venue: String, visits: u32, amount: String } =>
        "oppgjør nr. {id} for {venue} ({visits} besøk, {amount})",
        "oppgjer nr. {id} for {venue} ({visits} besøk, {amount})",
        "settlement no. {id} for {venue} ({visits} visits, {amount})";

    // Logos.
    LogoEmpty => "Filen er tom.", "Fila er tom.", "The file is empty.";
    LogoTooBig { mb: String } =>
        "Filen er {mb} MB; en logo kan være høyst 5 MB.",
        "Fila er {mb} MB; ein logo kan vere høgst 5 MB.",
        "The file is {mb} MB; a logo can be at most 5 MB.";
    LogoNotImage =>
        "Filen er ikke et bilde. Bruk PNG, JPEG eller SVG.",
        "Fila er ikkje eit bilete. Bruk PNG, JPEG eller SVG.",
        "The file is not an image. Use PNG, JPEG or SVG.";
    LogoBroken { format: String } =>
        "Filen ser ut som {format}, men kan ikke leses – den kan være skadet.",
        "Fila ser ut som {format}, men kan ikkje lesast – ho kan vere skadd.",
        "The file looks like {format} but cannot be read – it may be damaged.";
    NameUnprintable { number: String, chars: String } =>
        "Kort {number}: tegn i navnet kan ikke skrives ut ({chars}) – de blir tomme ruter på kortet.",
        "Kort {number}: teikn i namnet kan ikkje skrivast ut ({chars}) – dei blir tomme ruter på kortet.",
        "Card {number}: characters in the name cannot be printed ({chars}) – they would be empty boxes on the card.";
    CardColourContrast { ratio: String } =>
        "Kortet trykkes med hvit tekst på primærfargen, med kontrast {ratio}:1 – under 4,5:1. Teksten blir vanskelig å lese: velg en mørkere primærfarge under Program.",
        "Kortet blir trykt med kvit tekst på primærfargen, med kontrast {ratio}:1 – under 4,5:1. Teksten blir vanskeleg å lese: vel ein mørkare primærfarge under Program.",
        "The card prints white text on the primary colour at a contrast of {ratio}:1 – under 4.5:1. The text will be hard to read: choose a darker primary colour under Program.";
    CardNotCovered { what: String } =>
        "Dekkes ikke: {what}",
        "Ikkje dekt: {what}",
        "Not covered: {what}";
    /// The card back's note when not every venue's note fits: the letter has them all.
    CardNotCoveredMore { what: String, more: usize } =>
        "Dekkes ikke: {what} – og {more} til i informasjonsbrevet",
        "Ikkje dekt: {what} – og {more} til i informasjonsbrevet",
        "Not covered: {what} – and {more} more in the information letter";
    SheetsTitle { year: String } =>
        "Ark til de ansatte på brukerstedene {year}",
        "Ark til dei tilsette på brukarstadene {year}",
        "Sheets for the venues' staff {year}";
    SheetHeading { venue: String } =>
        "Til de ansatte hos {venue}",
        "Til dei tilsette hjå {venue}",
        "For the staff at {venue}";
    SheetCard { valid_to: String } =>
        "Slik ser kortet ut i år (forside og bakside, i full størrelse). Et gyldig kort har kortholderens navn, kortnummer og «Gyldig til {valid_to}». Kortet er personlig.",
        "Slik ser kortet ut i år (framside og bakside, i full storleik). Eit gyldig kort har namnet til kortinnehavaren, kortnummer og «Gyldig til {valid_to}». Kortet er personleg.",
        "This is this year's card (front and back, full size). A valid card has the holder's name, the card number and \"Valid until {valid_to}\". The card is personal.";
    SheetFreeHead => "Dette er gratis", "Dette er gratis", "What is free";
    SheetFreeCompanion =>
        "Kortholderen og én ledsager går gratis.",
        "Kortinnehavaren og éin følgjeperson går gratis.",
        "The card holder and one companion go free.";
    SheetFreeHolder =>
        "Kortholderen går gratis. Ledsageren betaler selv.",
        "Kortinnehavaren går gratis. Følgjepersonen betaler sjølv.",
        "The card holder goes free. A companion pays for themselves.";
    SheetVisits { n: String, year: String } =>
        "Hvert kort gir {n} besøk hos dere i {year}.",
        "Kvart kort gir {n} besøk hjå dykk i {year}.",
        "Each card gives {n} visits with you in {year}.";
    SheetFreeEntry { year: String } =>
        "Kortet gir fri inngang hele {year}, så ofte kortholderen vil.",
        "Kortet gir fri inngang heile {year}, så ofte kortinnehavaren vil.",
        "The card gives free entry all of {year}, as often as the holder likes.";
    SheetNotCoveredHead =>
        "Dette dekker ikke kortet",
        "Dette dekkjer ikkje kortet",
        "What the card does not cover";
    SheetNothingExcluded =>
        "Avtalen unntar ingenting: alt den gjelder, er gratis for kortholderen.",
        "Avtalen unntek ingenting: alt han gjeld, er gratis for kortinnehavaren.",
        "The agreement excludes nothing: everything it covers is free for the holder.";
    SheetRegisterHead =>
        "Slik registrerer dere et besøk",
        "Slik registrerer de eit besøk",
        "How to register a visit";
    SheetRegisterText =>
        "Kryss av én rute på kortet for hvert besøk. Har dere brukerstedssettet i Opplevelseskort-appen: skann QR-koden eller skriv kortnummeret, så ser dere om kortet er gyldig og hvor mange besøk som er igjen.",
        "Kryss av éi rute på kortet for kvart besøk. Har de brukarstadsettet i Opplevelseskort-appen: skann QR-koden eller skriv kortnummeret, så ser de om kortet er gyldig og kor mange besøk som er att.",
        "Tick one box on the card for each visit. With the venue kit in the Opplevelseskort app: scan the QR code or type the card number to see whether the card is valid and how many visits are left.";
    SheetReportHead => "Slik rapporterer dere", "Slik rapporterer de", "How to report";
    SheetReportText { file: String } =>
        "Send kulturkontoret en liste over besøkene hver måned: kortnummer, dato og om ledsager var med. Bruk malen {file} (CSV eller Excel), eller eksporter rapporten fra brukerstedssettet.",
        "Send kulturkontoret ei liste over besøka kvar månad: kortnummer, dato og om følgjeperson var med. Bruk malen {file} (CSV eller Excel), eller eksporter rapporten frå brukarstadsettet.",
        "Send the culture office a list of the visits every month: card number, date and whether a companion came. Use the template {file} (CSV or Excel), or export the report from the venue kit.";
    SheetInvoiceHead =>
        "Send aldri regning til kortholderen",
        "Send aldri rekning til kortinnehavaren",
        "Never invoice the holder";
    SheetInvoiceText =>
        "Det kortet dekker, betaler kommunen etter avtalen med dere. Kortholderen og familien skal aldri få regning eller be om å betale for det.",
        "Det kortet dekkjer, betaler kommunen etter avtalen med dykk. Kortinnehavaren og familien skal aldri få rekning eller bli bedne om å betale for det.",
        "The municipality pays for what the card covers, under its agreement with you. The holder and the family must never be invoiced or asked to pay for it.";
    SheetNoteHead => "Merknad til de ansatte", "Merknad til dei tilsette", "Note to the staff";
    SheetContactHead => "Spørsmål?", "Spørsmål?", "Questions?";
    SheetContactText { contact: String } =>
        "Ring eller skriv til {contact}.",
        "Ring eller skriv til {contact}.",
        "Call or write to {contact}.";
    LettersTitle { year: String } =>
        "Informasjonsbrev om opplevelseskortet {year}",
        "Informasjonsbrev om opplevelseskortet {year}",
        "Information letters about the experience card {year}";
    LetterFooter { language: String, status: String } =>
        "{language} · {status}",
        "{language} · {status}",
        "{language} · {status}";
    LetterReviewed =>
        "kontrollert av en med språket som morsmål",
        "kontrollert av ein med språket som morsmål",
        "checked by a native speaker";
    LetterNotReviewed =>
        "oversettelsen er ikke kontrollert av en med språket som morsmål",
        "omsetjinga er ikkje kontrollert av ein med språket som morsmål",
        "the translation has not been checked by a native speaker";
    ReadOnlyDesk =>
        "Ingenting er lagret: arbeidsfilen er åpen bare for lesing fordi en annen har den åpen. Se meldingen øverst.",
        "Ingenting er lagra: arbeidsfila er open berre for lesing fordi ein annan har ho open. Sjå meldinga øvst.",
        "Nothing was saved: the workspace is open for reading only because someone else has it open. See the notice at the top.";
    DeskHeld { username: String, computer: String, since: String } =>
        "Åpnet av {username} på {computer} siden {since}. Du kan lese, men ikke endre noe.",
        "Opna av {username} på {computer} sidan {since}. Du kan lese, men ikkje endre noko.",
        "Opened by {username} on {computer} since {since}. You can read but not change anything.";
    LogoTooManyPixels { max: String } =>
        "Bildet er for stort: en logo kan være høyst {max} × {max} piksler. Lagre det i mindre størrelse og prøv igjen.",
        "Biletet er for stort: ein logo kan vere høgst {max} × {max} pikslar. Lagre det i mindre storleik og prøv igjen.",
        "The image is too large: a logo can be at most {max} × {max} pixels. Save it smaller and try again.";

    // The card's default texts.
    DesignRulesCompanion =>
        "Kortet er personlig. Kortholder og én ledsager går gratis.",
        "Kortet er personleg. Kortinnehavar og éin følgjeperson går gratis.",
        "The card is personal. The holder and one companion go free.";
    DesignRulesPersonal =>
        "Kortet er personlig og gjelder kortholderen.",
        "Kortet er personleg og gjeld kortinnehavaren.",
        "The card is personal and valid for the holder.";
    DesignContact { contact: String } =>
        "Spørsmål? {contact}",
        "Spørsmål? {contact}",
        "Questions? {contact}";

    // Printed on the card.
    CardNumberLabel => "KORTNUMMER", "KORTNUMMER", "CARD NUMBER";
    CardValidTo => "GYLDIG TIL", "GYLDIG TIL", "VALID TO";
    CardFree => "fri", "fri", "free";
    CardWhereToUse =>
        "Her kan du bruke kortet",
        "Her kan du bruke kortet",
        "Where you can use the card";
    CardTickNote =>
        "Brukerstedet krysser av én rute for hvert besøk.",
        "Brukarstaden kryssar av éi rute for kvart besøk.",
        "The venue ticks one box for each visit.";
    CardFreeEntry => "Fri inngang hele året", "Fri inngang heile året", "Free entry all year";
    CardHowTo =>
        "Vis kortet når du kommer. Brukerstedet krysser av for hvert besøk.",
        "Vis kortet når du kjem. Brukarstaden kryssar av for kvart besøk.",
        "Show the card when you arrive. The venue ticks a box for each visit.";
    CardScanNote =>
        "Besøk registreres ved å skanne QR-koden på kortet.",
        "Besøk blir registrerte ved å skanne QR-koden på kortet.",
        "Visits are registered by scanning the QR code on the card.";
    CardVisits { visits: u32 } => "{visits} besøk", "{visits} besøk", "{visits} visits";
    CardMoreVenues { more: usize } => "… og {more} til", "… og {more} til", "… and {more} more";

    // NAV's hand-out list.
    HandoutTitle { program: String, year: i32 } =>
        "Utleveringsliste – {program} {year}",
        "Utleveringsliste – {program} {year}",
        "Hand-out list – {program} {year}";
    HandoutNumber => "Kortnummer", "Kortnummer", "Card number";
    HandoutName => "Navn", "Namn", "Name";
    HandoutBorn => "Født", "Fødd", "Born";
    HandoutHandedOut => "Utlevert", "Utlevert", "Handed out";
    HandoutSignature => "Signatur", "Signatur", "Signature";
    HandoutSigns =>
        "Kortholder eller foresatt signerer ved utlevering.",
        "Kortinnehavar eller føresett signerer ved utlevering.",
        "The holder or a guardian signs when the card is handed out.";
    PageOf { page: usize, pages: usize } =>
        "Side {page} av {pages}",
        "Side {page} av {pages}",
        "Page {page} of {pages}";

    // The recovery sheet printed at setup: one page per side.
    RecoveryTitle => "Gjenopprettingsnøkkel", "Gjenopprettingsnøkkel", "Recovery key";
    RecoveryFor { program: String, file: String, date: String } =>
        "{program} · arbeidsfil {file} · laget {date}",
        "{program} · arbeidsfil {file} · laga {date}",
        "{program} · workspace {file} · made {date}";
    RecoveryKultur => "Kulturkontoret", "Kulturkontoret", "The culture office";
    RecoveryNav => "NAV", "NAV", "NAV";
    RecoveryKulturUse =>
        "Med denne nøkkelen lager kulturkontoret en ny administrator hvis alle administratorenes passord er glemt.",
        "Med denne nøkkelen lagar kulturkontoret ein ny administrator viss alle passorda til administratorane er gløymde.",
        "With this key the culture office makes a new administrator if every administrator's password is lost.";
    RecoveryNavUse =>
        "Med denne nøkkelen lager NAV sin første bruker, og en ny NAV-bruker hvis alle NAV-passord er glemt. Bare den åpner NAVs opplysninger om kortholderne hvis passordene er borte.",
        "Med denne nøkkelen lagar NAV den første brukaren sin, og ein ny NAV-brukar viss alle NAV-passord er gløymde. Berre denne nøkkelen opnar opplysningane NAV har om kortinnehavarane viss passorda er borte.",
        "With this key NAV makes its first user, and a new NAV user if every NAV password is lost. Only it opens NAV's records of the holders if the passwords are gone.";
    RecoveryNavHandOver =>
        "Gi denne siden til NAV i en lukket konvolutt. Kulturkontoret skal ikke beholde en kopi.",
        "Gi denne sida til NAV i ein lukka konvolutt. Kulturkontoret skal ikkje behalde nokon kopi.",
        "Give this page to NAV in a sealed envelope. The culture office must not keep a copy.";
    RecoveryKeep =>
        "Oppbevar arket innelåst (arkivskap eller safe), ikke ved PC-en og ikke som bilde eller fil. Den som har nøkkelen og arbeidsfilen, kommer inn.",
        "Lås arket inne (arkivskap eller safe), ikkje ved PC-en og ikkje som bilete eller fil. Den som har nøkkelen og arbeidsfila, kjem inn.",
        "Keep the sheet locked away (archive cabinet or safe), not by the PC and not as a photo or file. Whoever has the key and the workspace file gets in.";
    RecoveryHow =>
        "Bruk: på innloggingsbildet, velg «Glemt alle passord?», skriv inn nøkkelen eller skann QR-koden, og velg brukernavn og nytt passord.",
        "Bruk: på innloggingsbiletet, vel «Gløymt alle passord?», skriv inn nøkkelen eller skann QR-koden, og vel brukarnamn og nytt passord.",
        "Use: on the login screen, choose “Lost every password?”, type the key or scan the QR code, and choose a user name and a new password.";
    RecoveryReplaced =>
        "Lages en ny nøkkel, slutter denne å virke.",
        "Blir det laga ein ny nøkkel, sluttar denne å verke.",
        "If a new key is made, this one stops working.";

    // The printer's calibration page.
    CalibrationTitle => "Kalibrering", "Kalibrering", "Calibration";
    CalibrationNote =>
        "Kalibrering: rammen skal ligge 10 mm fra hver kant.",
        "Kalibrering: ramma skal liggje 10 mm frå kvar kant.",
        "Calibration: the frame should lie 10 mm from each edge.";

    // A venue's settlement statement.
    StatementTitle { year: i32, venue: String } =>
        "Oppgjør {year} – {venue}",
        "Oppgjer {year} – {venue}",
        "Settlement {year} – {venue}";
    StatementDraftTitle { year: i32, venue: String } =>
        "Utkast til oppgjør {year} – {venue}",
        "Utkast til oppgjer {year} – {venue}",
        "Draft settlement {year} – {venue}";
    StatementWithdrawn { reason: String } =>
        "Trukket tilbake: {reason}",
        "Trekt tilbake: {reason}",
        "Withdrawn: {reason}";
    StatementPaid { approved: String, paid: String } =>
        "Godkjent {approved}, betalt {paid}",
        "Godkjent {approved}, betalt {paid}",
        "Approved {approved}, paid {paid}";
    StatementUnpaid { approved: String } =>
        "Godkjent {approved}, ikke betalt",
        "Godkjent {approved}, ikkje betalt",
        "Approved {approved}, not paid";
    StatementNumbered { id: i64, status: String } =>
        "Nr. {id} – {status}",
        "Nr. {id} – {status}",
        "No. {id} – {status}";
    StatementDraft => "Utkast – ikke godkjent", "Utkast – ikkje godkjent", "Draft – not approved";
    StatementUnknownMonth =>
        "Innleverte kort (ukjent dato)",
        "Innleverte kort (ukjend dato)",
        "Returned cards (date unknown)";
    StatementSum => "Sum", "Sum", "Total";
    StatementVenueBears =>
        "Brukerstedet dekker kostnadene selv",
        "Brukarstaden dekkjer kostnadene sjølv",
        "The venue bears the cost itself";
    StatementFullRefund => "Full refusjon", "Full refusjon", "Full refund";
    StatementShare { percent: u32 } =>
        "Kommunen dekker {percent} %",
        "Kommunen dekkjer {percent} %",
        "The municipality covers {percent} %";
    StatementProgram => "Program", "Program", "Programme";
    StatementPeriod => "Periode", "Periode", "Period";
    StatementWholeYear { year: i32, from: String, to: String } =>
        "Hele {year} ({from} – {to})",
        "Heile {year} ({from} – {to})",
        "All of {year} ({from} – {to})";
    StatementSettlement => "Oppgjør", "Oppgjer", "Settlement";
    StatementReference => "Referanse", "Referanse", "Reference";
    StatementApprovedBy => "Godkjent av", "Godkjent av", "Approved by";
    StatementVenue => "Brukersted", "Brukarstad", "Venue";
    StatementOrgNumber => "Org.nr.", "Org.nr.", "Org. no.";
    StatementAccount => "Kontonummer", "Kontonummer", "Account number";
    StatementAgreement => "Avtale", "Avtale", "Agreement";
    StatementPrices =>
        "Pris kortholder / ledsager",
        "Pris kortinnehavar / følgjeperson",
        "Price holder / companion";
    StatementHolders => "Kortholdere", "Kortinnehavarar", "Holders";
    StatementCompanions => "Ledsagere", "Følgjepersonar", "Companions";
    StatementToPay => "Til utbetaling", "Til utbetaling", "To be paid";
    StatementIssued { date: String } => "Utstedt {date}", "Utferda {date}", "Issued {date}";
    StatementMonth => "Måned", "Månad", "Month";
    StatementVisits => "Besøk", "Besøk", "Visits";

    // A holder's access request (GDPR art. 15): everything held about them, printed.
    AccessTitle =>
        "Innsyn – alt som er lagret om kortholderen",
        "Innsyn – alt som er lagra om kortinnehavaren",
        "Access request – everything held about the holder";
    AccessFileTitle { name: String } =>
        "Innsyn – {name}",
        "Innsyn – {name}",
        "Access request – {name}";
    AccessMade { date: String, municipality: String } =>
        "Laget {date} av NAV for {municipality}, etter kortholderens rett til innsyn (personvernforordningen art. 15).",
        "Laga {date} av NAV for {municipality}, etter retten kortinnehavaren har til innsyn (personvernforordninga art. 15).",
        "Made {date} by NAV for {municipality}, under the holder's right of access (GDPR art. 15).";
    AccessScope =>
        "Dokumentet gjelder bare denne kortholderen og inneholder ingenting om andre.",
        "Dokumentet gjeld berre denne kortinnehavaren og inneheld ingenting om andre.",
        "This document is about this holder only and holds nothing about anyone else.";
    AccessHolder => "Kortholder", "Kortinnehavar", "Holder";
    AccessHolderId => "Kortholdernummer", "Kortinnehavarnummer", "Holder number";
    AccessName => "Navn", "Namn", "Name";
    AccessBorn => "Fødselsdato", "Fødselsdato", "Date of birth";
    AccessLanguage => "Foretrukket språk", "Føretrekt språk", "Preferred language";
    AccessAddress => "Adresse", "Adresse", "Address";
    AccessGuardian => "Foresatt", "Føresett", "Guardian";
    AccessGuardianPhone => "Foresattes telefon", "Telefon til føresett", "Guardian's phone";
    AccessGuardianEmail => "Foresattes e-post", "E-post til føresett", "Guardian's e-mail";
    AccessNavContact => "Kontaktperson i NAV", "Kontaktperson i NAV", "Contact at NAV";
    AccessNavNote => "NAVs merknad", "Merknad frå NAV", "NAV's note";
    AccessEmpty => "–", "–", "–";
    AccessCards => "Kort", "Kort", "Cards";
    AccessCardNumber => "Kortnummer", "Kortnummer", "Card number";
    AccessYear => "År", "År", "Year";
    AccessStatus => "Status", "Status", "Status";
    AccessCreated => "Laget", "Laga", "Made";
    AccessHandedOut => "Utlevert", "Utlevert", "Handed out";
    AccessNote => "Merknad", "Merknad", "Note";
    AccessAssigned => "Tildelt", "Tildelt", "Assigned";
    AccessPrinted => "Skrevet ut", "Skrive ut", "Printed";
    AccessInUse => "Utlevert", "Utlevert", "Handed out";
    AccessLost => "Meldt tapt, sperret", "Meldt tapt, sperra", "Reported lost, blocked";
    AccessRevoked => "Trukket tilbake", "Trekt tilbake", "Revoked";
    AccessReplaces { number: String } =>
        "Erstatter kort {number}",
        "Erstattar kort {number}",
        "Replaces card {number}";
    AccessReason { reason: String } =>
        "Begrunnelse: {reason}",
        "Grunngiving: {reason}",
        "Reason: {reason}";
    AccessVisits => "Besøk", "Besøk", "Visits";
    AccessDate => "Dato", "Dato", "Date";
    AccessVenue => "Brukersted", "Brukarstad", "Venue";
    AccessCompanion => "Ledsager", "Følgjeperson", "Companion";
    AccessVoided => "Annullert", "Annullert", "Voided";
    AccessUnknownDate =>
        "ukjent (innlevert kort)",
        "ukjend (innlevert kort)",
        "unknown (returned card)";
    AccessYes => "ja", "ja", "yes";
    AccessNo => "nei", "nei", "no";
    AccessDecisions => "NAVs vurderinger", "Vurderingane til NAV", "NAV's decisions";
    AccessDecision => "Beslutning", "Avgjerd", "Decision";
    AccessContinues => "Kortet fortsetter", "Kortet held fram", "The card continues";
    AccessEnds => "Kortet avsluttes", "Kortet blir avslutta", "The card ends";
    AccessNone => "Ingen.", "Ingen.", "None.";

    // The statistics screen, its exports and the evaluation report.
    StatsYearTitle { year: i32 } => "Statistikk for {year}", "Statistikk for {year}", "Statistics for {year}";
    StatsPeriodTitle { from: String, to: String } => "Statistikk for {from}–{to}", "Statistikk for {from}–{to}", "Statistics for {from}–{to}";
    StatsCards => "Kort", "Kort", "Cards";
    StatsAgeBands => "Kortholdere etter alder", "Kortinnehavarar etter alder", "Holders by age";
    StatsPerHolder => "Besøk per kortholder", "Besøk per kortinnehavar", "Visits per holder";
    StatsVenues => "Besøk per brukersted", "Besøk per brukarstad", "Visits per venue";
    StatsCategories => "Besøk per kategori", "Besøk per kategori", "Visits per category";
    StatsKinds => "Tilskuer eller deltaker", "Tilskodar eller deltakar", "Spectator or participant";
    StatsMonths => "Besøk per måned", "Besøk per månad", "Visits per month";
    StatsCosts => "Kostnader og budsjett", "Kostnader og budsjett", "Costs and budget";
    StatsModels => "Hva besøkene ville kostet etter hver modell", "Kva besøka ville ha kosta etter kvar modell", "What the visits would cost under each model";
    StatsAssigned => "Tildelt", "Tildelt", "Assigned";
    StatsReplacements => "Erstatningskort", "Erstatningskort", "Replacement cards";
    StatsHandedOut => "Delt ut", "Delt ut", "Handed out";
    StatsReturned => "Levert tilbake", "Levert tilbake", "Returned";
    StatsLost => "Meldt tapt", "Meldt tapt", "Reported lost";
    StatsRevoked => "Trukket tilbake", "Trekt tilbake", "Revoked";
    StatsHolders => "Kortholdere med kort", "Kortinnehavarar med kort", "Holders with a card";
    StatsUsed => "Brukt minst én gang", "Brukt minst éin gong", "Used at least once";
    StatsNeverUsed => "Aldri brukt", "Aldri brukt", "Never used";
    StatsAgeOther => "Andre aldre", "Andre aldrar", "Other ages";
    StatsSpectator => "Tilskuer (kino, forestilling)", "Tilskodar (kino, framsyning)", "Spectator (cinema, performance)";
    StatsParticipant => "Deltaker (bad, lekeland, kurs)", "Deltakar (bad, leikeland, kurs)", "Participant (pool, play land, course)";
    StatsKindUnknown => "Annet", "Anna", "Other";
    StatsUnknownDate => "Ukjent dato (krysset av på innlevert kort)", "Ukjend dato (kryssa av på innlevert kort)", "Unknown date (ticked on a returned card)";
    StatsOwed => "Skyldig etter avtalene", "Skuldig etter avtalane", "Owed under the agreements";
    StatsPerVisit => "Per besøk", "Per besøk", "Per visit";
    StatsPerHolderCost => "Per kortholder", "Per kortinnehavar", "Per holder";
    StatsBudget => "Budsjett", "Budsjett", "Budget";
    StatsApproved => "Godkjent til utbetaling", "Godkjent til utbetaling", "Approved for payment";
    StatsPaid => "Utbetalt", "Utbetalt", "Paid";
    StatsLeft => "Igjen av budsjettet", "Att av budsjettet", "Left of the budget";
    ModelAgreements => "Etter avtalene", "Etter avtalane", "Under the agreements";
    ModelVenueBears => "Brukerstedene dekker alt", "Brukarstadene dekkjer alt", "Venues bear the cost";
    ModelFull => "Full refusjon", "Full refusjon", "Full refund";
    ModelHalf => "Halv refusjon", "Halv refusjon", "Half refund";
    StatsColFigure => "Tall", "Tal", "Figure";
    StatsColAge => "Alder", "Alder", "Age";
    StatsColVisitCount => "Antall besøk", "Tal på besøk", "Number of visits";
    StatsColVenue => "Brukersted", "Brukarstad", "Venue";
    StatsColCategory => "Kategori", "Kategori", "Category";
    StatsColKind => "Slag", "Slag", "Kind";
    StatsColMonth => "Måned", "Månad", "Month";
    StatsColModel => "Modell", "Modell", "Model";
    StatsColHolders { year: i32 } => "Kortholdere {year}", "Kortinnehavarar {year}", "Holders {year}";
    StatsColVisits { year: i32 } => "Besøk {year}", "Besøk {year}", "Visits {year}";
    StatsColCompanions { year: i32 } => "Ledsagere {year}", "Følgjepersonar {year}", "Companions {year}";
    StatsColCost { year: i32 } => "Kostnad {year}", "Kostnad {year}", "Cost {year}";
    StatsSmallGroups => "Grupper med færre enn fem er vist som «< 5».", "Grupper med færre enn fem er viste som «< 5».", "Groups of fewer than five are shown as “< 5”.";

    // Feedback at year end.
    FeedbackYes => "Ja", "Ja", "Yes";
    FeedbackNo => "Nei", "Nei", "No";
    QFamilyUsed => "Brukte dere opplevelseskortet i år?", "Brukte de opplevingskortet i år?", "Did you use the experience card this year?";
    QFamilyHappy => "Hvor fornøyd er dere med kortet? (1 = lite fornøyd, 5 = svært fornøyd)", "Kor nøgde er de med kortet? (1 = lite nøgde, 5 = svært nøgde)", "How happy are you with the card? (1 = not happy, 5 = very happy)";
    QFamilyUsedMost => "Hva brukte dere kortet mest til?", "Kva brukte de kortet mest til?", "What did you use the card for most?";
    QFamilyMissed => "Hva savnet dere mest av tilbud?", "Kva sakna de mest av tilbod?", "What kind of activity did you miss most?";
    QFamilyWentWrong => "Gikk noe galt hos et brukersted (for eksempel at dere ble bedt om å betale)?", "Gjekk noko gale hjå ein brukarstad (til dømes at de vart bedne om å betale)?", "Did anything go wrong at a venue (for example, being asked to pay)?";
    QFamilyWhatWentWrong => "Hvis ja: hva skjedde, og hvor?", "Viss ja: kva skjedde, og kvar?", "If yes: what happened, and where?";
    QFamilyInformation => "Var informasjonen om kortet lett å forstå? (1 = nei, 5 = ja, helt)", "Var informasjonen om kortet lett å forstå? (1 = nei, 5 = ja, heilt)", "Was the information about the card easy to understand? (1 = no, 5 = yes, fully)";
    QFamilyOther => "Har dere andre tanker eller ønsker for neste år?", "Har de andre tankar eller ønske for neste år?", "Any other thoughts or wishes for next year?";
    QVenueHowMany => "Omtrent hvor mange kortholdere kom til dere i år?", "Omtrent kor mange kortinnehavarar kom til dykk i år?", "About how many card holders came to you this year?";
    QVenueProblems => "Var det problemer i skranken med kortet?", "Var det problem i skranken med kortet?", "Were there problems at the desk with the card?";
    QVenueWhatProblems => "Hvis ja: hvilke?", "Viss ja: kva for nokre?", "If yes: which?";
    QVenueContinue => "Vil dere være med i ordningen neste år?", "Vil de vere med i ordninga neste år?", "Will you take part next year?";
    QVenueHappy => "Hvor fornøyd er dere med ordningen? (1 = lite, 5 = svært)", "Kor nøgde er de med ordninga? (1 = lite, 5 = svært)", "How happy are you with the program? (1 = not, 5 = very)";
    QVenueOther => "Andre kommentarer", "Andre kommentarar", "Other comments";

    // The evaluation report and the families' feedback form.
    ReportTitle { year: i32 } => "Evaluering av opplevelseskortet {year}", "Evaluering av opplevingskortet {year}", "Evaluation of the experience card {year}";
    ReportKeyFigures => "Nøkkeltall", "Nøkkeltal", "Key figures";
    ReportIntro { municipality: String, period: String } => "Tallene gjelder {period} i {municipality}, med samme periode året før ved siden av der den finnes. Grupper med færre enn fem er vist som «< 5», og lyse søyler i diagrammene er slike grupper.", "Tala gjeld {period} i {municipality}, med same periode året før ved sida av der ho finst. Grupper med færre enn fem er viste som «< 5», og lyse søyler i diagramma er slike grupper.", "The figures cover {period} in {municipality}, with the same period of the year before beside them where there is one. Groups of fewer than five are shown as “< 5”, and light bars in the charts are such groups.";
    ReportWholeYear { year: i32 } => "hele {year}", "heile {year}", "all of {year}";
    KeyCards => "kort tildelt", "kort tildelte", "cards assigned";
    KeyHoldersUsed => "kortholdere brukte kortet", "kortinnehavarar brukte kortet", "holders used the card";
    KeyVisits => "besøk av kortholdere", "besøk av kortinnehavarar", "visits by holders";
    KeyCompanions => "ledsagere var med", "følgjepersonar var med", "companions came along";
    KeyOwed => "kostnad etter avtalene", "kostnad etter avtalane", "cost under the agreements";
    KeyPerVisit => "kostnad per besøk", "kostnad per besøk", "cost per visit";
    ReportFeedbackFamilies => "Tilbakemeldinger fra familiene", "Tilbakemeldingar frå familiane", "Feedback from the families";
    ReportFeedbackVenues => "Tilbakemeldinger fra brukerstedene", "Tilbakemeldingar frå brukarstadene", "Feedback from the venues";
    ReportFormsReturned { forms: String } => "Svarskjemaer levert: {forms}.", "Svarskjema leverte: {forms}.", "Forms returned: {forms}.";
    ReportMean { mean: String } => "Gjennomsnitt: {mean} av 5", "Gjennomsnitt: {mean} av 5", "Average: {mean} of 5";
    ReportAnswer => "Svar", "Svar", "Answer";
    ReportCount => "Antall", "Tal", "Count";
    ReportMeeting => "Evalueringsmøtet", "Evalueringsmøtet", "The evaluation meeting";
    ReportMeetingHeld { date: String } => "Holdt {date}.", "Halde {date}.", "Held on {date}.";
    ReportAgenda => "Saksliste", "Saksliste", "Agenda";
    ReportMinutes => "Referat", "Referat", "Minutes";
    ReportConclusions => "Konklusjoner", "Konklusjonar", "Conclusions";
    ReportNotWritten => "Ikke skrevet ennå.", "Ikkje skrive enno.", "Not written yet.";
    ReportSaved { path: String } => "Evalueringsrapporten er lagret i {path}", "Evalueringsrapporten er lagra i {path}", "The evaluation report was saved to {path}";
    FormTitle { year: i32 } => "Hva synes dere om opplevelseskortet {year}?", "Kva synest de om opplevingskortet {year}?", "What do you think of the experience card {year}?";
    FormCardLabel => "Kortnummer", "Kortnummer", "Card number";
    FormIntro => "Kryss av eller skriv svarene, og lever skjemaet sammen med det brukte kortet. Ikke skriv navnet ditt på skjemaet: kortnummeret er nok.", "Kryss av eller skriv svara, og lever skjemaet saman med det brukte kortet. Ikkje skriv namnet ditt på skjemaet: kortnummeret er nok.", "Tick or write your answers, and hand in the form with the used card. Do not write your name on the form: the card number is enough.";
    FormFooter { contact: String } => "Lever skjemaet til NAV eller kulturkontoret. Spørsmål? {contact}", "Lever skjemaet til NAV eller kulturkontoret. Spørsmål? {contact}", "Hand the form in to NAV or the culture office. Questions? {contact}";
    FormsTitle { year: i32 } => "Svarskjemaer til familiene {year}", "Svarskjema til familiane {year}", "Feedback forms for the families {year}";
    FormsSaved { count: usize, path: String } => "{count} svarskjemaer er lagret i {path}", "{count} svarskjema er lagra i {path}", "{count} feedback forms saved to {path}";

    // A holder erased on request (GDPR art. 17).
    /// The reason kept on the cards blocked by the erasure.
    ErasedOnRequest =>
        "Kortholderen er slettet på anmodning",
        "Kortinnehavaren er sletta etter oppmoding",
        "The holder was erased on request";
}

/// A month's name (1–12) in `lang`, capitalised as a table row starts. Bokmål and Nynorsk name
/// the months alike.
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
    let (no, en) = MONTHS.get(month.checked_sub(1)? as usize)?;
    Some(if lang.is_norwegian() { no } else { en })
}

/// The names of the values a text fills in (`{path}`, `{id:<4}` → `id`), for the tests.
#[cfg(test)]
pub(crate) fn placeholders(text: &str) -> std::collections::BTreeSet<&str> {
    let mut found = std::collections::BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        if let Some(escaped) = after.strip_prefix('{') {
            rest = escaped;
            continue;
        }
        let Some(close) = after.find('}') else {
            break;
        };
        let inside = &after[..close];
        found.insert(inside.split(':').next().unwrap_or(inside));
        rest = &after[close + 1..];
    }
    found
}

/// For a catalogue's test: at least `at_least` keys, each once, each written in Bokmål, Nynorsk
/// and English, the three naming the same values.
#[cfg(test)]
pub(crate) fn assert_complete(templates: &[(&str, &str, &str, &str)], at_least: usize) {
    assert!(templates.len() > at_least, "{} messages", templates.len());
    let mut keys = std::collections::HashSet::new();
    for (key, nb, nn, en) in templates {
        assert!(keys.insert(key), "key {key} twice");
        assert!(!nb.trim().is_empty(), "{key} has no Bokmål");
        assert!(!nn.trim().is_empty(), "{key} has no Nynorsk");
        assert!(!en.trim().is_empty(), "{key} has no English");
        let names = placeholders(nb);
        assert_eq!(placeholders(nn), names, "{key}: Nynorsk names other values");
        assert_eq!(placeholders(en), names, "{key}: English names other values");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_is_written_in_all_three_languages() {
        assert_complete(&Msg::templates(), 50);
    }

    #[test]
    fn a_message_names_its_values_in_any_language() {
        let m = Msg::HandoutTitle {
            program: "Opplevelseskortet".into(),
            year: 2026,
        };
        assert_eq!(
            m.text(Lang::Nb),
            "Utleveringsliste – Opplevelseskortet 2026"
        );
        assert_eq!(
            m.text(Lang::Nn),
            "Utleveringsliste – Opplevelseskortet 2026"
        );
        assert_eq!(m.text(Lang::En), "Hand-out list – Opplevelseskortet 2026");
        assert_eq!(m.key(), "HandoutTitle");
        assert_eq!(month_name(12, Lang::Nb), Some("Desember"));
        assert_eq!(month_name(5, Lang::Nn), Some("Mai"));
        assert_eq!(month_name(0, Lang::En), None);
        assert_eq!(month_name(13, Lang::En), None);
    }

    #[test]
    fn a_message_reads_in_nynorsk() {
        assert_eq!(Msg::NotLoggedIn.text(Lang::Nn), "Du er ikkje logga inn.");
        let missing = Msg::Missing {
            what: Msg::ThingHolder.text(Lang::Nn),
            id: 7,
        };
        assert_eq!(
            missing.text(Lang::Nn),
            "Fann ikkje kortinnehavar 7 – det kan vere sletta."
        );
        let sheet = Msg::SheetVisits {
            n: "4".into(),
            year: "2026".into(),
        };
        assert_eq!(
            sheet.text(Lang::Nn),
            "Kvart kort gir 4 besøk hjå dykk i 2026."
        );
        assert_eq!(
            sheet.text(Lang::Nb),
            "Hvert kort gir 4 besøk hos dere i 2026."
        );
    }

    #[test]
    fn placeholders_are_read_with_their_format_and_without_escapes() {
        let found = placeholders("nr. {id:<4} {{not}} {path}");
        assert_eq!(found.into_iter().collect::<Vec<_>>(), vec!["id", "path"]);
    }
}
