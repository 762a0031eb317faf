//! Field labels and audit-log sentences in Bokmål and English.

use super::Lang;

/// A form field's name as its label reads, for messages that name the field ("Kvote: må være
/// fra 1 til 10 000 kort"); `None` for a field without a label here.
pub fn field_label(field: &str, lang: Lang) -> Option<&'static str> {
    const LABELS: &[(&str, &str, &str)] = &[
        ("municipality", "Kommune", "Municipality"),
        ("name", "Navn", "Name"),
        ("title", "Tittel", "Title"),
        ("year", "År", "Year"),
        ("validFrom", "Gyldig fra", "Valid from"),
        ("validTo", "Gyldig til", "Valid to"),
        ("cardQuota", "Kvote", "Quota"),
        ("ageMin", "Alder fra", "Age from"),
        ("ageMax", "Alder til", "Age to"),
        ("familyCap", "Kort per familie", "Cards per family"),
        ("visitsPerCard", "Besøk per kort", "Visits per card"),
        ("sharePercent", "Andel", "Share"),
        ("holderPriceOre", "Pris kortholder", "Holder price"),
        ("companionPriceOre", "Pris ledsager", "Companion price"),
        ("periodFrom", "Avtale fra", "Agreement from"),
        ("periodTo", "Avtale til", "Agreement to"),
        ("signedOn", "Signert", "Signed"),
        ("orgNumber", "Org.nr.", "Org. number"),
        ("bankAccount", "Kontonummer", "Account number"),
        ("email", "E-post", "E-mail"),
        ("phone", "Telefon", "Phone"),
        ("contactEmail", "E-post", "E-mail"),
        ("contactPhone", "Telefon", "Phone"),
        ("contactName", "Kontakt", "Contact"),
        ("primaryColour", "Hovedfarge", "Main colour"),
        ("accentColour", "Aksentfarge", "Accent colour"),
        ("firstName", "Fornavn", "First name"),
        ("lastName", "Etternavn", "Last name"),
        ("birthDate", "Fødselsdato", "Birth date"),
        ("guardianEmail", "Foresattes e-post", "Guardian's e-mail"),
        ("guardianPhone", "Foresattes telefon", "Guardian's phone"),
        ("date", "Dato", "Date"),
        ("on", "Dato", "Date"),
        ("from", "Fra dato", "From date"),
        ("to", "Til dato", "To date"),
        ("venueId", "Brukersted", "Venue"),
        ("reason", "Begrunnelse", "Reason"),
        ("username", "Brukernavn", "User name"),
        ("password", "Passord", "Password"),
        ("offsetXMm", "Forskyvning sideveis", "Offset sideways"),
        ("offsetYMm", "Forskyvning i høyden", "Offset up/down"),
        ("scalePercent", "Skalering", "Scaling"),
        ("ticks", "Kryss", "Ticks"),
        ("layout", "Utskriftsformat", "Print layout"),
        (
            "deskIdleMinutes",
            "Utlogging av brukersteder",
            "Logout of venue desks",
        ),
        ("retentionYears", "Oppbevaring", "Retention"),
    ];
    LABELS
        .iter()
        .find(|(f, _, _)| *f == field)
        .map(|(_, nb, en)| if lang == Lang::Nb { *nb } else { *en })
}

/// The detail an audit entry keeps for a free-text reason (a revoked card's, a voided visit's):
/// only that one was written. The text may name a person and stays on the record it explains,
/// where it can be corrected or deleted; the chained log keeps what it is given for good.
pub const REASON_GIVEN: &str = "reason given";

/// One audit-log entry as a sentence: `who` did `action` to `subject` (already named in the
/// reader's language); `detail` is the date or count the entry was logged with, where it has one,
/// or [`REASON_GIVEN`]. Entries written before reasons were kept out of the log hold the reason
/// itself, and read it out in quotes.
pub fn audit_sentence(lang: Lang, action: &str, who: &str, subject: &str, detail: &str) -> String {
    let nb = lang == Lang::Nb;
    let reason = match (detail == REASON_GIVEN, nb) {
        (true, true) => "med skriftlig begrunnelse".to_string(),
        (true, false) => "with a written reason".to_string(),
        (false, true) => format!("med begrunnelsen «{detail}»"),
        (false, false) => format!("with the reason “{detail}”"),
    };
    let (no, en) = match action {
        "card.assign" => ("tildelte kort {s}", "assigned card {s}"),
        "card.lookup_typed" => (
            "slo opp kort {s} med tastet nummer",
            "looked up card {s} by typed number",
        ),
        "card.lookup_scanned" => ("skannet kort {s}", "scanned card {s}"),
        "card.lookup_unknown" => (
            "tastet et kortnummer som ikke finnes",
            "typed a card number that does not exist",
        ),
        "card.lookup_forged" => ("skannet en falsk QR-kode", "scanned a forged QR code"),
        "card.printed" => ("merket kort {s} som skrevet ut", "marked card {s} printed"),
        "card.handedOut" => ("merket kort {s} som utlevert", "marked card {s} handed out"),
        "card.lost" => ("meldte kort {s} tapt", "reported card {s} lost"),
        "card.replace" => ("laget erstatningskort {s}", "made replacement card {s}"),
        "card.revoked" => ("trakk tilbake kort {s} {r}", "revoked card {s} {r}"),
        "card.age_override" => (
            "overstyrte aldersgruppen for kort {s} {r}",
            "overrode the age range for card {s} {r}",
        ),
        "holder.create" => ("registrerte kortholderen {s}", "registered the holder {s}"),
        "holder.update" => ("endret kortholderen {s}", "changed the holder {s}"),
        "holder.reassess_continue" => (
            "besluttet at kortet til {s} fortsetter i {p}",
            "decided that the card of {s} continues in {p}",
        ),
        "holder.reassess_end" => (
            "besluttet at kortet til {s} avsluttes i {p}",
            "decided that the card of {s} ends in {p}",
        ),
        "user.create" => ("opprettet brukeren {s}", "created the user {s}"),
        "workspace.backup" => (
            "tok en sikkerhetskopi av arbeidsfilen",
            "made a backup of the workspace",
        ),
        "workspace.restore" => (
            "hentet arbeidsfilen tilbake fra en sikkerhetskopi",
            "restored the workspace from a backup",
        ),
        "user.password" => ("byttet passordet til {s}", "changed the password of {s}"),
        "user.login_failed" => (
            "registrerte en mislykket innlogging som {s}",
            "recorded a failed login as {s}",
        ),
        "login.unknown_name" => (
            "registrerte en mislykket innlogging med et ukjent brukernavn",
            "recorded a failed login with an unknown user name",
        ),
        "user.locked" => (
            "sperret innloggingen midlertidig etter {p} mislykkede forsøk",
            "locked the login for a while after {p} failed attempts",
        ),
        "user.update" => ("endret brukeren {s}", "changed the user {s}"),
        "user.recovered" => (
            "gjenopprettet tilgangen for {s} med en gjenopprettingsnøkkel",
            "restored access for {s} with a recovery key",
        ),
        "recovery.renew" => (
            "laget en ny gjenopprettingsnøkkel",
            "made a new recovery key",
        ),
        "workspace.encrypt" => ("krypterte arbeidsfilen", "encrypted the workspace"),
        "visit.register" => ("registrerte {s}", "registered {s}"),
        "visit.override" => (
            "registrerte {s} over en regel, {r}",
            "registered {s} over a rule, {r}",
        ),
        "visit.void" => ("annullerte {s} {r}", "voided {s} {r}"),
        "visit.returned" => (
            "la inn {s} fra et innlevert kort",
            "entered {s} from a returned card",
        ),
        "visit.import" => ("importerte besøk fra {s}", "imported visits from {s}"),
        "settlement.approve" => ("godkjente {s}", "approved {s}"),
        "settlement.paid" => ("merket {s} som betalt {p}", "marked {s} paid on {p}"),
        "settlement.withdraw" => ("trakk tilbake {s} {r}", "withdrew {s} {r}"),
        "holders.export" => (
            "eksporterte kortholderregisteret ({p} kortholdere)",
            "exported the holder register ({p} holders)",
        ),
        "cards.export" => (
            "eksporterte kortene for {s} ({p} kort)",
            "exported the cards of {s} ({p} cards)",
        ),
        "visits.export" => (
            "eksporterte besøkene for {s} ({p} besøk)",
            "exported the visits of {s} ({p} visits)",
        ),
        "privacy.sweep" => (
            "anonymiserte {p} kortholdere hvis siste kort gikk ut for lenge siden",
            "anonymised {p} holders whose last card expired long ago",
        ),
        "holder.export" => (
            "eksporterte alt som er lagret om {s} (innsyn)",
            "exported everything held about {s} (access request)",
        ),
        "holder.erase" => (
            "slettet opplysningene om kortholder nr. {p} etter anmodning",
            "erased the data of holder no. {p} on request",
        ),
        "program.save" => ("endret programmet {s}", "changed the program {s}"),
        "program.image" => (
            "byttet logo eller kommunevåpen for programmet {s}",
            "changed the logo or coat of arms of the program {s}",
        ),
        "year.save" => ("lagret programåret {s}", "saved the program year {s}"),
        "agreement.copy" => (
            "kopierte avtaler fra et tidligere år til {s}",
            "copied agreements from an earlier year to {s}",
        ),
        "design.save" => (
            "lagret kortdesignet for {s}",
            "saved the card design for {s}",
        ),
        "venue.save" => ("lagret brukerstedet {s}", "saved the venue {s}"),
        "venue.logo" => ("byttet logoen til {s}", "changed the logo of {s}"),
        "venue.account" => (
            "endret kontonummeret til {s}",
            "changed the bank account of {s}",
        ),
        "venue.import" => (
            "importerte brukersteder og avtaler fra en fil",
            "imported venues and agreements from a file",
        ),
        "agreement.save" => (
            "lagret avtalen med {s} for {p}",
            "saved the agreement with {s} for {p}",
        ),
        "agreement.delete" => (
            "slettet avtalen med {s} for {p}",
            "deleted the agreement with {s} for {p}",
        ),
        "printer.save" => (
            "lagret skriverprofilen {s}",
            "saved the printer profile {s}",
        ),
        "printer.delete" => (
            "slettet skriverprofilen {p}",
            "deleted the printer profile {p}",
        ),
        _ => ("gjorde «{a}» med {s}", "did “{a}” to {s}"),
    };
    let paid_on = crate::dates::parse_date(detail)
        .map(crate::dates::format_date)
        .unwrap_or_else(|| detail.to_string());
    let text = if nb { no } else { en }
        .replace("{s}", subject)
        .replace("{r}", &reason)
        .replace("{p}", &paid_on)
        .replace("{a}", action);
    format!("{who} {text}.")
}
