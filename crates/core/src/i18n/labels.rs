//! Field labels and audit-log sentences in Bokmål, Nynorsk and English.

use super::Lang;

/// A form field's name as its label reads, for messages that name the field ("Kvote: må være
/// fra 1 til 10 000 kort"); `None` for a field without a label here.
pub fn field_label(field: &str, lang: Lang) -> Option<&'static str> {
    const LABELS: &[(&str, &str, &str, &str)] = &[
        ("municipality", "Kommune", "Kommune", "Municipality"),
        ("name", "Navn", "Namn", "Name"),
        ("title", "Tittel", "Tittel", "Title"),
        ("year", "År", "År", "Year"),
        ("validFrom", "Gyldig fra", "Gyldig frå", "Valid from"),
        ("validTo", "Gyldig til", "Gyldig til", "Valid to"),
        ("cardQuota", "Kvote", "Kvote", "Quota"),
        ("ageMin", "Alder fra", "Alder frå", "Age from"),
        ("ageMax", "Alder til", "Alder til", "Age to"),
        (
            "familyCap",
            "Kort per familie",
            "Kort per familie",
            "Cards per family",
        ),
        (
            "visitsPerCard",
            "Besøk per kort",
            "Besøk per kort",
            "Visits per card",
        ),
        ("sharePercent", "Andel", "Prosentdel", "Share"),
        (
            "holderPriceOre",
            "Pris kortholder",
            "Pris kortinnehavar",
            "Holder price",
        ),
        (
            "companionPriceOre",
            "Pris ledsager",
            "Pris følgjeperson",
            "Companion price",
        ),
        ("periodFrom", "Avtale fra", "Avtale frå", "Agreement from"),
        ("periodTo", "Avtale til", "Avtale til", "Agreement to"),
        ("signedOn", "Signert", "Signert", "Signed"),
        ("orgNumber", "Org.nr.", "Org.nr.", "Org. number"),
        (
            "bankAccount",
            "Kontonummer",
            "Kontonummer",
            "Account number",
        ),
        ("email", "E-post", "E-post", "E-mail"),
        ("phone", "Telefon", "Telefon", "Phone"),
        ("contactEmail", "E-post", "E-post", "E-mail"),
        ("contactPhone", "Telefon", "Telefon", "Phone"),
        ("contactName", "Kontakt", "Kontakt", "Contact"),
        ("primaryColour", "Hovedfarge", "Hovudfarge", "Main colour"),
        (
            "accentColour",
            "Aksentfarge",
            "Aksentfarge",
            "Accent colour",
        ),
        ("firstName", "Fornavn", "Førenamn", "First name"),
        ("lastName", "Etternavn", "Etternamn", "Last name"),
        ("birthDate", "Fødselsdato", "Fødselsdato", "Birth date"),
        (
            "guardianEmail",
            "Foresattes e-post",
            "E-post til føresett",
            "Guardian's e-mail",
        ),
        (
            "guardianPhone",
            "Foresattes telefon",
            "Telefon til føresett",
            "Guardian's phone",
        ),
        ("date", "Dato", "Dato", "Date"),
        ("on", "Dato", "Dato", "Date"),
        ("from", "Fra dato", "Frå dato", "From date"),
        ("to", "Til dato", "Til dato", "To date"),
        ("venueId", "Brukersted", "Brukarstad", "Venue"),
        ("reason", "Begrunnelse", "Grunngiving", "Reason"),
        ("username", "Brukernavn", "Brukarnamn", "User name"),
        ("cardNumber", "Kortnummer", "Kortnummer", "Card number"),
        ("answers", "Svar", "Svar", "Answers"),
        ("password", "Passord", "Passord", "Password"),
        (
            "offsetXMm",
            "Forskyvning sideveis",
            "Forskyving sidelengs",
            "Offset sideways",
        ),
        (
            "offsetYMm",
            "Forskyvning i høyden",
            "Forskyving i høgda",
            "Offset up/down",
        ),
        ("scalePercent", "Skalering", "Skalering", "Scaling"),
        ("ticks", "Kryss", "Kryss", "Ticks"),
        (
            "layout",
            "Utskriftsformat",
            "Utskriftsformat",
            "Print layout",
        ),
        (
            "deskIdleMinutes",
            "Utlogging av brukersteder",
            "Utlogging av brukarstader",
            "Logout of venue desks",
        ),
        ("retentionYears", "Oppbevaring", "Lagringstid", "Retention"),
    ];
    LABELS
        .iter()
        .find(|(f, _, _, _)| *f == field)
        .map(|(_, nb, nn, en)| match lang {
            Lang::Nb => *nb,
            Lang::Nn => *nn,
            Lang::En => *en,
        })
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
    let reason = match (detail == REASON_GIVEN, lang) {
        (true, Lang::Nb) => "med skriftlig begrunnelse".to_string(),
        (true, Lang::Nn) => "med skriftleg grunngiving".to_string(),
        (true, Lang::En) => "with a written reason".to_string(),
        (false, Lang::Nb) => format!("med begrunnelsen «{detail}»"),
        (false, Lang::Nn) => format!("med grunngivinga «{detail}»"),
        (false, Lang::En) => format!("with the reason “{detail}”"),
    };
    let (nb, nn, en) = match action {
        "card.assign" => (
            "tildelte kort {s}",
            "tildelte kort {s}",
            "assigned card {s}",
        ),
        "card.lookup_typed" => (
            "slo opp kort {s} med tastet nummer",
            "slo opp kort {s} med tasta nummer",
            "looked up card {s} by typed number",
        ),
        "card.lookup_scanned" => ("skannet kort {s}", "skanna kort {s}", "scanned card {s}"),
        "card.lookup_unknown" => (
            "tastet et kortnummer som ikke finnes",
            "tasta eit kortnummer som ikkje finst",
            "typed a card number that does not exist",
        ),
        "card.lookup_forged" => (
            "skannet en falsk QR-kode",
            "skanna ein falsk QR-kode",
            "scanned a forged QR code",
        ),
        "card.printed" => (
            "merket kort {s} som skrevet ut",
            "merkte kort {s} som skrive ut",
            "marked card {s} printed",
        ),
        "card.handedOut" => (
            "merket kort {s} som utlevert",
            "merkte kort {s} som utlevert",
            "marked card {s} handed out",
        ),
        "card.lost" => (
            "meldte kort {s} tapt",
            "melde kort {s} tapt",
            "reported card {s} lost",
        ),
        "card.replace" => (
            "laget erstatningskort {s}",
            "laga erstatningskort {s}",
            "made replacement card {s}",
        ),
        "card.revoked" => (
            "trakk tilbake kort {s} {r}",
            "trekte tilbake kort {s} {r}",
            "revoked card {s} {r}",
        ),
        "card.age_override" => (
            "overstyrte aldersgruppen for kort {s} {r}",
            "overstyrte aldersgruppa for kort {s} {r}",
            "overrode the age range for card {s} {r}",
        ),
        "holder.create" => (
            "registrerte kortholderen {s}",
            "registrerte kortinnehavaren {s}",
            "registered the holder {s}",
        ),
        "holder.update" => (
            "endret kortholderen {s}",
            "endra kortinnehavaren {s}",
            "changed the holder {s}",
        ),
        "holder.reassess_continue" => (
            "besluttet at kortet til {s} fortsetter i {p}",
            "avgjorde at kortet til {s} held fram i {p}",
            "decided that the card of {s} continues in {p}",
        ),
        "holder.reassess_end" => (
            "besluttet at kortet til {s} avsluttes i {p}",
            "avgjorde at kortet til {s} blir avslutta i {p}",
            "decided that the card of {s} ends in {p}",
        ),
        "user.create" => (
            "opprettet brukeren {s}",
            "oppretta brukaren {s}",
            "created the user {s}",
        ),
        "workspace.backup" => (
            "tok en sikkerhetskopi av arbeidsfilen",
            "tok ein tryggingskopi av arbeidsfila",
            "made a backup of the workspace",
        ),
        "workspace.restore" => (
            "hentet arbeidsfilen tilbake fra en sikkerhetskopi",
            "henta arbeidsfila tilbake frå ein tryggingskopi",
            "restored the workspace from a backup",
        ),
        "user.password" => (
            "byttet passordet til {s}",
            "bytte passordet til {s}",
            "changed the password of {s}",
        ),
        "user.login_failed" => (
            "registrerte en mislykket innlogging som {s}",
            "registrerte ei mislukka innlogging som {s}",
            "recorded a failed login as {s}",
        ),
        "login.unknown_name" => (
            "registrerte en mislykket innlogging med et ukjent brukernavn",
            "registrerte ei mislukka innlogging med eit ukjent brukarnamn",
            "recorded a failed login with an unknown user name",
        ),
        "user.locked" => (
            "sperret innloggingen midlertidig etter {p} mislykkede forsøk",
            "sperra innlogginga mellombels etter {p} mislukka forsøk",
            "locked the login for a while after {p} failed attempts",
        ),
        "user.update" => (
            "endret brukeren {s}",
            "endra brukaren {s}",
            "changed the user {s}",
        ),
        "user.recovered" => (
            "gjenopprettet tilgangen for {s} med en gjenopprettingsnøkkel",
            "gjenoppretta tilgangen for {s} med ein gjenopprettingsnøkkel",
            "restored access for {s} with a recovery key",
        ),
        "recovery.renew" => (
            "laget en ny gjenopprettingsnøkkel",
            "laga ein ny gjenopprettingsnøkkel",
            "made a new recovery key",
        ),
        "workspace.encrypt" => (
            "krypterte arbeidsfilen",
            "krypterte arbeidsfila",
            "encrypted the workspace",
        ),
        "visit.register" => ("registrerte {s}", "registrerte {s}", "registered {s}"),
        "visit.override" => (
            "registrerte {s} over en regel, {r}",
            "registrerte {s} over ein regel, {r}",
            "registered {s} over a rule, {r}",
        ),
        "visit.void" => ("annullerte {s} {r}", "annullerte {s} {r}", "voided {s} {r}"),
        "visit.returned" => (
            "la inn {s} fra et innlevert kort",
            "la inn {s} frå eit innlevert kort",
            "entered {s} from a returned card",
        ),
        "visit.import" => (
            "importerte besøk fra {s}",
            "importerte besøk frå {s}",
            "imported visits from {s}",
        ),
        "settlement.approve" => ("godkjente {s}", "godkjende {s}", "approved {s}"),
        "settlement.paid" => (
            "merket {s} som betalt {p}",
            "merkte {s} som betalt {p}",
            "marked {s} paid on {p}",
        ),
        "settlement.withdraw" => (
            "trakk tilbake {s} {r}",
            "trekte tilbake {s} {r}",
            "withdrew {s} {r}",
        ),
        "holders.export" => (
            "eksporterte kortholderregisteret ({p} kortholdere)",
            "eksporterte kortinnehavarregisteret ({p} kortinnehavarar)",
            "exported the holder register ({p} holders)",
        ),
        "cards.export" => (
            "eksporterte kortene for {s} ({p} kort)",
            "eksporterte korta for {s} ({p} kort)",
            "exported the cards of {s} ({p} cards)",
        ),
        "visits.export" => (
            "eksporterte besøkene for {s} ({p} besøk)",
            "eksporterte besøka for {s} ({p} besøk)",
            "exported the visits of {s} ({p} visits)",
        ),
        "privacy.sweep" => (
            "anonymiserte {p} kortholdere hvis siste kort gikk ut for lenge siden",
            "anonymiserte {p} kortinnehavarar der det siste kortet gjekk ut for lenge sidan",
            "anonymised {p} holders whose last card expired long ago",
        ),
        "holder.export" => (
            "eksporterte alt som er lagret om {s} (innsyn)",
            "eksporterte alt som er lagra om {s} (innsyn)",
            "exported everything held about {s} (access request)",
        ),
        "holder.erase" => (
            "slettet opplysningene om kortholder nr. {p} etter anmodning",
            "sletta opplysningane om kortinnehavar nr. {p} etter oppmoding",
            "erased the data of holder no. {p} on request",
        ),
        "program.save" => (
            "endret programmet {s}",
            "endra programmet {s}",
            "changed the program {s}",
        ),
        "program.image" => (
            "byttet logo eller kommunevåpen for programmet {s}",
            "bytte logo eller kommunevåpen for programmet {s}",
            "changed the logo or coat of arms of the program {s}",
        ),
        "feedback.question" => (
            "skrev spørsmål {s} på språket «{p}»",
            "skreiv spørsmål {s} på språket «{p}»",
            "wrote question {s} in the language “{p}”",
        ),
        "feedback.answers" => (
            "registrerte svarskjemaet fra {s} ({p} svar)",
            "registrerte svarskjemaet frå {s} ({p} svar)",
            "entered the feedback form from {s} ({p} answers)",
        ),
        "feedback.meeting" => (
            "skrev evalueringsmøtet for {s}",
            "skreiv evalueringsmøtet for {s}",
            "wrote the evaluation meeting of {s}",
        ),
        "year.budget" => (
            "satte budsjettet for programåret {s}",
            "sette budsjettet for programåret {s}",
            "set the budget of the program year {s}",
        ),
        "year.save" => (
            "lagret programåret {s}",
            "lagra programåret {s}",
            "saved the program year {s}",
        ),
        "agreement.copy" => (
            "kopierte avtaler fra et tidligere år til {s}",
            "kopierte avtalar frå eit tidlegare år til {s}",
            "copied agreements from an earlier year to {s}",
        ),
        "design.save" => (
            "lagret kortdesignet for {s}",
            "lagra kortdesignet for {s}",
            "saved the card design for {s}",
        ),
        "venue.save" => (
            "lagret brukerstedet {s}",
            "lagra brukarstaden {s}",
            "saved the venue {s}",
        ),
        "venue.logo" => (
            "byttet logoen til {s}",
            "bytte logoen til {s}",
            "changed the logo of {s}",
        ),
        "venue.account" => (
            "endret kontonummeret til {s}",
            "endra kontonummeret til {s}",
            "changed the bank account of {s}",
        ),
        "venue.import" => (
            "importerte brukersteder og avtaler fra en fil",
            "importerte brukarstader og avtalar frå ei fil",
            "imported venues and agreements from a file",
        ),
        "agreement.save" => (
            "lagret avtalen med {s} for {p}",
            "lagra avtalen med {s} for {p}",
            "saved the agreement with {s} for {p}",
        ),
        "agreement.delete" => (
            "slettet avtalen med {s} for {p}",
            "sletta avtalen med {s} for {p}",
            "deleted the agreement with {s} for {p}",
        ),
        "printer.save" => (
            "lagret skriverprofilen {s}",
            "lagra skrivarprofilen {s}",
            "saved the printer profile {s}",
        ),
        "printer.delete" => (
            "slettet skriverprofilen {p}",
            "sletta skrivarprofilen {p}",
            "deleted the printer profile {p}",
        ),
        _ => (
            "gjorde «{a}» med {s}",
            "gjorde «{a}» med {s}",
            "did “{a}” to {s}",
        ),
    };
    let paid_on = crate::dates::parse_date(detail)
        .map(crate::dates::format_date)
        .unwrap_or_else(|| detail.to_string());
    let text = match lang {
        Lang::Nb => nb,
        Lang::Nn => nn,
        Lang::En => en,
    }
    .replace("{s}", subject)
    .replace("{r}", &reason)
    .replace("{p}", &paid_on)
    .replace("{a}", action);
    format!("{who} {text}.")
}
