//! The command line's answers (`okort`): what a command did, the words of its tables and what
//! its argument parsers say about a malformed value, in Bokmål, Nynorsk and English side by
//! side. A table's layout (column widths) stays in the command; only its words are here.

use super::messages::catalogue;
use super::Lang;

catalogue! {
    CliMsg;
    // The workspace.
    Created { path: String } => "Opprettet {path}", "Oppretta {path}", "Created {path}";
    FileWhole => "Arbeidsfilen er hel.", "Arbeidsfila er heil.", "The workspace is whole.";
    BackedUp { path: String } =>
        "Sikkerhetskopi lagret i {path}",
        "Tryggingskopi lagra i {path}",
        "Backup saved in {path}";
    Restored { path: String, backups: String } =>
        "{path} er hentet tilbake fra sikkerhetskopien; slik den var, ligger den i {backups}",
        "{path} er henta tilbake frå tryggingskopien; slik fila var, ligg ho i {backups}",
        "{path} is restored from the backup; as it was, it is in {backups}";
    Converted { backup: String } =>
        "Arbeidsfilen er nå kryptert. Den gamle, ukrypterte filen er lagt i {backup}; slett den når du har sjekket at alt er med.",
        "Arbeidsfila er no kryptert. Den gamle, ukrypterte fila ligg i {backup}; slett ho når du har sjekka at alt er med.",
        "The workspace is encrypted now. The old, unencrypted file is kept in {backup}; delete it once you have checked that everything is there.";
    RecoverySheetWritten { path: String } =>
        "Gjenopprettingsarket er lagret i {path}. Skriv det ut, gi NAV-siden til NAV, lås arket inn og slett filen.",
        "Gjenopprettingsarket er lagra i {path}. Skriv det ut, gi NAV-sida til NAV, lås arket inne og slett fila.",
        "The recovery sheet is in {path}. Print it, give the NAV page to NAV, lock the sheet away and delete the file.";
    UserRecovered { username: String } =>
        "{username} har fått nytt passord og kan logge inn",
        "{username} har fått nytt passord og kan logge inn",
        "{username} has a new password and can log in";
    DemoCreated { path: String } =>
        "Demoprogrammet er lagret i {path}",
        "Demoprogrammet er lagra i {path}",
        "The demo program is in {path}";
    /// One bad row of an imported file, under the import's error.
    RowProblem { row: usize, column: String, problem: String } =>
        "rad {row}, kolonne «{column}»: {problem}",
        "rad {row}, kolonne «{column}»: {problem}",
        "row {row}, column «{column}»: {problem}";

    // Malformed arguments (clap shows these).
    TicksFormat { value: String } =>
        "«{value}»: skriv VENUE_ID=ANTALL",
        "«{value}»: skriv VENUE_ID=ANTALL",
        "«{value}»: write VENUE_ID=COUNT";
    NotAVenueId { value: String } =>
        "«{value}» er ikke et brukersted-id",
        "«{value}» er ikkje ein brukarstad-id",
        "«{value}» is not a venue id";
    NotACount { value: String } =>
        "«{value}» er ikke et antall",
        "«{value}» er ikkje eit tal",
        "«{value}» is not a number";
    NotADate { value: String } =>
        "«{value}» er ikke en dato (dd.mm.åååå)",
        "«{value}» er ikkje ein dato (dd.mm.åååå)",
        "«{value}» is not a date (dd.mm.yyyy)";

    // Users.
    UserInactive => "ikke aktiv", "ikkje aktiv", "inactive";
    UserNeedsPassword =>
        "(kan ikke logge inn før brukeren får nytt passord)",
        "(kan ikkje logge inn før brukaren får nytt passord)",
        "(cannot log in until given a new password)";
    UserCreated { username: String } =>
        "Brukeren {username} er opprettet.",
        "Brukaren {username} er oppretta.",
        "The user {username} was created.";

    // Program years and agreements.
    CardCount { count: u32 } => "{count} kort", "{count} kort", "{count} cards";
    YearCreated { year: i32, from: String, to: String, quota: u32 } =>
        "{year} opprettet: {from} – {to}, {quota} kort",
        "{year} oppretta: {from} – {to}, {quota} kort",
        "{year} created: {from} – {to}, {quota} cards";
    YearChanged { year: i32, from: String, to: String, quota: u32 } =>
        "{year} endret: {from} – {to}, {quota} kort",
        "{year} endra: {from} – {to}, {quota} kort",
        "{year} changed: {from} – {to}, {quota} cards";
    AuditWhole { entries: u32 } =>
        "Loggen er hel: {entries} oppføringer, ingen endret eller fjernet.",
        "Loggen er heil: {entries} oppføringar, ingen endra eller fjerna.",
        "The log is whole: {entries} entries, none changed or removed.";
    HolderAccessWritten { path: String } =>
        "Alt som er lagret om kortholderen, er skrevet til {path}",
        "Alt som er lagra om kortinnehavaren, er skrive til {path}",
        "Everything held about the holder is in {path}";
    HoldersAnonymised { count: u32 } =>
        "{count} kortholdere anonymisert.",
        "{count} kortinnehavarar anonymiserte.",
        "{count} holders anonymised.";
    HolderErased { holder: i64, blocked: u32 } =>
        "Kortholder {holder} er slettet på anmodning: personopplysningene er fjernet og {blocked} aktive kort sperret. Besøkene er beholdt anonymt for statistikken.",
        "Kortinnehavar {holder} er sletta etter oppmoding: personopplysningane er fjerna og {blocked} aktive kort sperra. Besøka er behaldne anonymt for statistikken.",
        "Holder {holder} is erased on request: the personal data is removed and {blocked} active cards blocked. The visits are kept, anonymous, for the statistics.";
    YearClosed { year: i32 } => "{year} er avsluttet.", "{year} er avslutta.", "{year} is closed.";
    AgreementsCopied { count: usize, from: i32, to: i32 } =>
        "{count} avtaler kopiert fra {from} til {to} (uten signatur).",
        "{count} avtalar kopierte frå {from} til {to} (utan signatur).",
        "{count} agreements copied from {from} to {to} (unsigned).";

    // Venues.
    VenueInactive => "inaktiv", "inaktiv", "inactive";
    VenuesImported { created: u32, updated: u32, agreements: u32 } =>
        "Importert: {created} nye brukersteder, {updated} oppdatert, {agreements} avtaler lagret.",
        "Importert: {created} nye brukarstader, {updated} oppdaterte, {agreements} avtalar lagra.",
        "Imported: {created} new venues, {updated} updated, {agreements} agreements saved.";
    KitMade { path: String, venue: String, year: i32, cards: u32, kept: u32 } =>
        "Brukerstedssettet til {venue} for {year} er lagret i {path}: {cards} kort, {kept} besøk beholdt.",
        "Brukarstadsettet til {venue} for {year} er lagra i {path}: {cards} kort, {kept} besøk behaldne.",
        "The venue kit of {venue} for {year} is in {path}: {cards} cards, {kept} visits kept.";
    LettersWritten { count: usize, path: String } =>
        "{count} brevsider lagret i {path}",
        "{count} brevsider lagra i {path}",
        "{count} letter pages saved in {path}";
    LetterChecked => "kontrollert", "kontrollert", "checked";
    LetterReviewSaved { lang: String } =>
        "Kontrollen av brevet på {lang} er lagret.",
        "Kontrollen av brevet på {lang} er lagra.",
        "The check of the letter in {lang} is saved.";
    LetterNotChecked =>
        "ikke kontrollert av en med språket som morsmål",
        "ikkje kontrollert av ein med språket som morsmål",
        "not checked by a native speaker";
    SheetsWritten { count: usize, path: String } =>
        "{count} ark til brukerstedene lagret i {path}",
        "{count} ark til brukarstadene lagra i {path}",
        "{count} venue sheets saved in {path}";
    KitsRetired { count: u32, year: i32 } =>
        "{count} brukerstedssett for {year} er trukket tilbake; rapportene deres avvises fra nå.",
        "{count} brukarstadsett for {year} er trekte tilbake; rapportane deira blir avviste frå no.",
        "{count} venue kits for {year} are retired; their reports are refused from now on.";
    KitOpened { venue: String, year: i32, cards: u32 } =>
        "Settet til {venue} for {year}: {cards} kort.",
        "Settet til {venue} for {year}: {cards} kort.",
        "The kit of {venue} for {year}: {cards} cards.";
    KitVisit { date: String, card: String, first_name: String, companion: String } =>
        "{date}  {card}  {first_name}{companion}",
        "{date}  {card}  {first_name}{companion}",
        "{date}  {card}  {first_name}{companion}";
    KitWithCompanion => " + ledsager", " + følgjeperson", " + companion";
    KitReportWritten { count: usize, path: String } =>
        "Rapport med {count} besøk lagret i {path}; send den til kulturkontoret.",
        "Rapport med {count} besøk lagra i {path}; send rapporten til kulturkontoret.",
        "Report of {count} visits saved in {path}; send it to the culture office.";
    VenuesExported { count: usize, path: String } =>
        "{count} brukersteder eksportert til {path}",
        "{count} brukarstader eksporterte til {path}",
        "{count} venues exported to {path}";

    // What an import would do, before it is saved.
    PreviewCounts { new: u32, changed: u32, unchanged: u32 } =>
        "Filen gir {new} nye, {changed} endret og {unchanged} uendret.",
        "Fila gir {new} nye, {changed} endra og {unchanged} uendra.",
        "The file gives {new} new, {changed} changed and {unchanged} unchanged.";
    PreviewNew { row: u32, label: String } =>
        "rad {row}: ny – {label}",
        "rad {row}: ny – {label}",
        "row {row}: new – {label}";
    PreviewChanged { row: u32, label: String } =>
        "rad {row}: endres – {label}",
        "rad {row}: blir endra – {label}",
        "row {row}: changes – {label}";
    PreviewField { column: String, before: String, after: String } =>
        "    {column}: «{before}» → «{after}»",
        "    {column}: «{before}» → «{after}»",
        "    {column}: «{before}» → «{after}»";
    PreviewNothing =>
        "Ingenting ville endres.",
        "Ingenting ville bli endra.",
        "Nothing would change.";
    PreviewOnly =>
        "Ingenting er lagret (--dry-run).",
        "Ingenting er lagra (--dry-run).",
        "Nothing was saved (--dry-run).";
    ConfirmSave =>
        "Lagre endringene? [j/N] ",
        "Lagre endringane? [j/N] ",
        "Save the changes? [y/N] ";

    // Holders.
    HoldersImported { created: u32, updated: u32 } =>
        "Importert: {created} nye kortholdere, {updated} oppdatert.",
        "Importert: {created} nye kortinnehavarar, {updated} oppdaterte.",
        "Imported: {created} new holders, {updated} updated.";
    HoldersExported { path: String } =>
        "Kortholdere eksportert til {path}",
        "Kortinnehavarar eksporterte til {path}",
        "Holders exported to {path}";

    // Cards.
    CardAssigned { number: String, left: u32 } =>
        "Kort {number} tildelt. {left} kort igjen av kvoten.",
        "Kort {number} tildelt. {left} kort att av kvoten.",
        "Card {number} assigned. {left} cards left of the quota.";
    CardContinues { holder: i64, year: i32, date: String } =>
        "{holder}: fortsetter {year} ({date})",
        "{holder}: held fram {year} ({date})",
        "{holder}: continues {year} ({date})";
    CardEnds { holder: i64, year: i32, date: String } =>
        "{holder}: avsluttes {year} ({date})",
        "{holder}: blir avslutta {year} ({date})",
        "{holder}: ends {year} ({date})";
    CardsRenewed { count: usize, year: i32 } =>
        "{count} kort fornyet for {year}.",
        "{count} kort fornya for {year}.",
        "{count} cards renewed for {year}.";
    CardsPrinted { count: usize, path: String } =>
        "{count} kort skrevet til {path}",
        "{count} kort skrivne til {path}",
        "{count} cards written to {path}";
    CardsExported { count: usize, path: String } =>
        "{count} kort eksportert til {path}",
        "{count} kort eksporterte til {path}",
        "{count} cards exported to {path}";
    HandoutWritten { path: String } =>
        "Utleveringslisten er skrevet til {path}",
        "Utleveringslista er skriven til {path}",
        "The hand-out list is in {path}";
    CalibrationWritten { path: String } =>
        "Kalibreringssiden er skrevet til {path}",
        "Kalibreringssida er skriven til {path}",
        "The calibration page is in {path}";
    /// How a checked card was given; the line goes on with its state.
    LookupGenuineQr => "ekte QR-kode, ", "ekte QR-kode, ", "genuine QR code, ";
    LookupTyped => "skrevet nummer, ", "tasta nummer, ", "typed number, ";
    LookupValid => "gyldig", "gyldig", "valid";
    LookupExpired => "utløpt", "gått ut", "expired";
    LookupNotYetValid => "ikke gyldig ennå", "ikkje gyldig enno", "not yet valid";
    LookupBlocked =>
        "sperret (tapt eller trukket tilbake)",
        "sperra (tapt eller trekt tilbake)",
        "blocked (lost or revoked)";
    LookupForged =>
        "FALSKT – signaturen stemmer ikke",
        "FALSKT – signaturen stemmer ikkje",
        "FORGED – the signature does not match";

    // Visits.
    TicksAdded { count: u32 } =>
        "{count} besøk med ukjent dato lagt til",
        "{count} besøk med ukjend dato lagde til",
        "{count} visits of unknown date added";
    VisitRegistered { card: String, venue: String, left: String } =>
        "Besøk registrert: {card} hos {venue} – {left}",
        "Besøk registrert: {card} hjå {venue} – {left}",
        "Visit registered: {card} at {venue} – {left}";
    FreeEntry => "fri inngang", "fri inngang", "free entry";
    VisitsLeft { count: u32 } => "{count} igjen", "{count} att", "{count} left";
    SomeRowsValid { valid: u32, rows: u32 } =>
        "{valid} av {rows} rader er gyldige. Bruk --accept-valid for å importere dem og utelate radene med feil.",
        "{valid} av {rows} rader er gyldige. Bruk --accept-valid for å importere dei og utelate radene med feil.",
        "{valid} of {rows} rows are valid. Use --accept-valid to import them and leave out the problem rows.";
    VisitsImported { imported: u32, skipped: u32 } =>
        "{imported} besøk importert; rader utelatt: {skipped}",
        "{imported} besøk importerte; rader utelatne: {skipped}",
        "{imported} visits imported; rows left out: {skipped}";
    VisitsExported { count: usize, path: String } =>
        "{count} besøk eksportert til {path}",
        "{count} besøk eksporterte til {path}",
        "{count} visits exported to {path}";

    // Payouts and settlements.
    /// The compensation table's word after the companion visits.
    Companions => "ledsager", "følgjeperson", "companions";
    Sum => "Sum", "Sum", "Total";
    /// A settlement's number as a table row starts, padded to its column.
    SettlementNo { id: i64 } => "nr. {id:<4}", "nr. {id:<4}", "no. {id:<4}";
    WholeYear => "hele året", "heile året", "whole year";
    SettlementApproved => "godkjent", "godkjent", "approved";
    SettlementPaidOn { date: String } => "betalt {date}", "betalt {date}", "paid {date}";
    SettlementWithdrawn => "trukket tilbake", "trekt tilbake", "withdrawn";
    Approved { settlement: String } =>
        "Godkjent: {settlement}",
        "Godkjent: {settlement}",
        "Approved: {settlement}";
    Paid { settlement: String } =>
        "Betalt: {settlement}",
        "Betalt: {settlement}",
        "Paid: {settlement}";
    Withdrawn { settlement: String } =>
        "Trukket tilbake: {settlement}",
        "Trekt tilbake: {settlement}",
        "Withdrawn: {settlement}";
    StatementWritten { path: String } =>
        "Oppgjøret er skrevet til {path}",
        "Oppgjeret er skrive til {path}",
        "The statement is in {path}";
    AccountingFileWritten { path: String } =>
        "Regnskapsfilen er skrevet til {path}",
        "Rekneskapsfila er skriven til {path}",
        "The accounting file is in {path}";

    // Printers.
    PrinterProfileSaved { name: String } =>
        "Lagret skriverprofil «{name}»",
        "Lagra skrivarprofil «{name}»",
        "Saved printer profile «{name}»";

    // Benchmarks.
    BenchTypstWritten { count: usize, path: String } =>
        "{count} kort skrevet som Typst til {path}",
        "{count} kort skrivne som Typst til {path}",
        "{count} cards written as Typst to {path}";
    BenchWorkspaceMade { count: u32, year: i32, path: String } =>
        "{count} kort i programåret {year} er lagret i {path}",
        "{count} kort i programåret {year} er lagra i {path}",
        "{count} cards of program year {year} are in {path}";
    // Statistics.
    StatsCsvWritten { count: usize, dir: String } =>
        "{count} tabeller skrevet som CSV til {dir} (grupper under fem som «< 5»).",
        "{count} tabellar skrivne som CSV til {dir} (grupper under fem som «< 5»).",
        "{count} tables written as CSV to {dir} (groups under five as “< 5”).";
    BudgetSet { year: i32, amount: String } =>
        "Budsjettet for {year} er {amount}.",
        "Budsjettet for {year} er {amount}.",
        "The budget for {year} is {amount}.";
    BudgetRemoved { year: i32 } =>
        "{year} har ikke lenger et budsjett.",
        "{year} har ikkje lenger eit budsjett.",
        "{year} no longer has a budget.";
    FeedbackSaved { answers: usize } =>
        "Svarskjemaet er lagret ({answers} svar).",
        "Svarskjemaet er lagra ({answers} svar).",
        "The form was saved ({answers} answers).";
    FeedbackReplaced { answers: usize } =>
        "Svarskjemaet er lagret i stedet for det som var registrert før ({answers} svar).",
        "Svarskjemaet er lagra i staden for det som var registrert før ({answers} svar).",
        "The form was saved in place of the one entered before ({answers} answers).";
    VenueAnswersImported { count: usize } =>
        "Svarene fra {count} brukersteder er importert.",
        "Svara frå {count} brukarstader er importerte.",
        "The answers of {count} venues were imported.";
    MeetingSaved =>
        "Evalueringsmøtet er lagret.",
        "Evalueringsmøtet er lagra.",
        "The evaluation meeting was saved.";
    NotAnAmount { value: String } =>
        "«{value}» er ikke et beløp i kroner (f.eks. 150 000 eller 1234,50)",
        "«{value}» er ikkje eit beløp i kroner (t.d. 150 000 eller 1234,50)",
        "“{value}” is not an amount in kroner (e.g. 150 000 or 1234,50)";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_of_the_command_line_is_written_in_all_three_languages() {
        super::super::messages::assert_complete(&CliMsg::templates(), 40);
    }

    #[test]
    fn a_settlement_number_keeps_its_column_width_in_every_language() {
        let no = CliMsg::SettlementNo { id: 7 };
        assert_eq!(no.text(Lang::Nb), "nr. 7   ");
        assert_eq!(no.text(Lang::Nn), "nr. 7   ");
        assert_eq!(no.text(Lang::En), "no. 7   ");
        let done = CliMsg::CardsRenewed {
            count: 1,
            year: 2027,
        };
        assert_eq!(done.text(Lang::Nb), "1 kort fornyet for 2027.");
        assert_eq!(done.text(Lang::Nn), "1 kort fornya for 2027.");
        assert_eq!(done.key(), "CardsRenewed");
    }

    #[test]
    fn an_answer_reads_in_nynorsk() {
        let backed_up = CliMsg::BackedUp {
            path: "kopi.okort".into(),
        };
        assert_eq!(backed_up.text(Lang::Nn), "Tryggingskopi lagra i kopi.okort");
        assert_eq!(CliMsg::UserInactive.text(Lang::Nn), "ikkje aktiv");
    }
}
