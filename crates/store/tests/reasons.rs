//! Free-text reasons against a real workspace: why a card was revoked or assigned outside the age
//! range, why a visit was registered over a rule or voided, why a settlement was withdrawn. Each
//! may name a person, so each is kept on the record it explains and the audit log, which keeps
//! what it is given for good, says only that a reason was written.

mod support;
use chrono::NaiveDate;
use okort_core::i18n::REASON_GIVEN;
use okort_core::{Actor, HolderInput, Lang};
use okort_store::{demo, AuditEntry, AuditQuery, Workspace};

/// The day the tests work on: after every visit date they use.
const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 31) {
    Some(d) => d,
    None => panic!("a date"),
};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).expect("date")
}

/// Reasons as a busy clerk writes them, each naming someone no record of the demo names, and
/// the names.
const REVOKED: &str = "Familien flyttet, melding fra Тамара Кузнецова";
const AGE: &str = "Vedtak for Amira Haddad (19), se sak 2026/114";
const OVERRIDE: &str = "Klassetur med lærer Jovana Petrović";
const VOID: &str = "Registrert på kortet til broren til Zainab Qureshi";
const WITHDRAWN: &str = "Feil periode, avtalt med Siobhán Ní Bhriain";
const NAMES: [&str; 5] = ["Кузнецова", "Amira", "Petrović", "Qureshi", "Bhriain"];

struct Office {
    _dir: tempfile::TempDir,
    ws: Workspace,
    admin: Actor,
    nav: Actor,
    kino: Actor,
    kino_id: i64,
    year_id: i64,
    /// A card of 2026 handed out, with no visits at the cinema in the demo.
    card: String,
    card_id: i64,
}

/// The demo is made once and copied for each test (making it hashes three passwords).
fn office() -> Office {
    static TEMPLATE: std::sync::OnceLock<(tempfile::TempDir, std::path::PathBuf)> =
        std::sync::OnceLock::new();
    let (_, template) = TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("demo.okort");
        drop(demo::create(&path).expect("demo"));
        (dir, path)
    });
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("w.okort");
    std::fs::copy(template, &path).expect("copy");
    // NAV's login opens every key: the tests act for each role on one open file.
    let (ws, _) = Workspace::unlock(&path, "nav", demo::DEMO_PASSWORD).expect("open");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let kino = ws.login("kino", demo::DEMO_PASSWORD).expect("kino");
    let year_id = ws.year_by_number(2026).expect("y").expect("2026").id;
    let card = ws
        .list_cards(&admin, year_id)
        .expect("cards")
        .into_iter()
        .find(|c| c.card.handed_out_on.is_some())
        .expect("a card handed out")
        .card;
    Office {
        _dir: dir,
        ws,
        admin,
        nav,
        kino_id: kino.venue_id.expect("venue"),
        kino,
        year_id,
        card: card.number,
        card_id: card.id,
    }
}

/// The whole audit log, as stored and as read in both languages. The count is checked against
/// the chain's, so no entry is left unread.
fn whole_log(o: &Office) -> Vec<AuditEntry> {
    let all = AuditQuery::latest(u32::MAX);
    let nb = o.ws.audit_log(&o.admin, &all, Lang::Nb).expect("log");
    let en = o.ws.audit_log(&o.admin, &all, Lang::En).expect("log");
    let chained = o.ws.verify_audit(&o.admin).expect("verify");
    assert_eq!(chained.broken_at, None, "the chain holds");
    assert_eq!(nb.len() as u32, chained.entries, "every entry read");
    nb.into_iter().chain(en).collect()
}

/// Fails naming the entry when any entry's action, detail or sentence holds `text`.
fn assert_not_logged(o: &Office, text: &str) {
    for e in whole_log(o) {
        for field in [&e.action, &e.detail, &e.sentence] {
            assert!(
                !field.contains(text),
                "audit entry {} ({}) holds the reason {text:?}: {field:?}",
                e.id,
                e.action
            );
        }
    }
}

/// The newest entry, read in `lang`.
fn newest(o: &Office, lang: Lang) -> AuditEntry {
    o.ws.audit_log(&o.admin, &AuditQuery::latest(1), lang)
        .expect("log")
        .remove(0)
}

fn holder_aged_19() -> HolderInput {
    HolderInput {
        id: None,
        first_name: "Lina".into(),
        last_name: "Berg".into(),
        birth_date: NaiveDate::from_ymd_opt(2007, 4, 2).expect("date"),
        language: "nb".into(),
        guardian_name: String::new(),
        guardian_phone: String::new(),
        guardian_email: String::new(),
        address: String::new(),
        nav_contact: String::new(),
        nav_note: String::new(),
    }
}

/// Registers visits at the cinema in March until the agreement's limit refuses one.
fn use_up_the_cinema(o: &mut Office) {
    for n in 1..=28 {
        let visit =
            o.ws.register_visit(&o.kino, &o.card, None, d(3, n), false, None, TODAY);
        if visit.is_err() {
            return;
        }
    }
    panic!("the cinema's limit was never reached");
}

#[test]
fn a_revoked_cards_reason_is_kept_on_the_card_and_the_log_says_only_that_one_was_written() {
    let mut o = office();
    let card = o.ws.revoke(&o.nav, o.card_id, REVOKED).expect("revoke");
    assert_eq!(card.revoked_reason, REVOKED);
    let listed = o.ws.cards_of_holder(&o.nav, card.holder_id).expect("cards");
    assert!(listed
        .iter()
        .any(|c| c.id == card.id && c.revoked_reason == REVOKED));
    let entry = newest(&o, Lang::Nb);
    assert_eq!(
        (entry.action.as_str(), entry.detail.as_str()),
        ("card.revoked", REASON_GIVEN)
    );
    assert_eq!(
        entry.sentence,
        format!(
            "nav trakk tilbake kort {} med skriftlig begrunnelse.",
            o.card
        )
    );
    assert_not_logged(&o, "Кузнецова");
}

#[test]
fn an_age_override_reason_is_kept_on_the_card_and_the_log_says_only_that_one_was_written() {
    let mut o = office();
    let holder =
        o.ws.save_holder(&o.nav, holder_aged_19(), d(1, 5))
            .expect("holder");
    let card =
        o.ws.assign_card(&o.nav, holder.id, o.year_id, Some(AGE), d(1, 5))
            .expect("assigned over the age range");
    assert_eq!(card.age_override_reason, AGE);
    let export = o.ws.holder_export(&o.nav, holder.id).expect("export");
    assert_eq!(
        export.cards[0].age_override_reason, AGE,
        "the holder's access request shows it"
    );
    let log =
        o.ws.audit_log(&o.admin, &AuditQuery::latest(3), Lang::En)
            .expect("log");
    let entry = log
        .iter()
        .find(|e| e.action == "card.age_override")
        .expect("the override is logged");
    assert_eq!(entry.detail, REASON_GIVEN);
    assert_eq!(
        entry.sentence,
        format!(
            "nav overrode the age range for card {} with a written reason.",
            card.number
        )
    );
    assert_not_logged(&o, "Amira");
}

#[test]
fn a_card_assigned_within_the_age_range_has_no_override_reason() {
    let mut o = office();
    let holder = HolderInput {
        birth_date: NaiveDate::from_ymd_opt(2016, 4, 2).expect("date"),
        ..holder_aged_19()
    };
    let holder = o.ws.save_holder(&o.nav, holder, d(1, 5)).expect("holder");
    let card =
        o.ws.assign_card(&o.nav, holder.id, o.year_id, Some(AGE), d(1, 5))
            .expect("assigned");
    assert_eq!(card.age_override_reason, "", "no rule was set aside");
    assert_not_logged(&o, "Amira");
}

#[test]
fn a_visit_over_a_rule_keeps_its_reason_and_the_log_says_only_that_one_was_written() {
    let mut o = office();
    use_up_the_cinema(&mut o);
    let receipt =
        o.ws.register_visit(
            &o.admin,
            &o.card,
            Some(o.kino_id),
            d(3, 9),
            false,
            Some(OVERRIDE),
            TODAY,
        )
        .expect("override");
    assert!(receipt.overridden);
    let visits =
        o.ws.list_visits(&o.admin, o.year_id, Some(o.kino_id))
            .expect("visits");
    let visit = visits
        .iter()
        .find(|v| v.id == receipt.visit_id)
        .expect("listed");
    assert_eq!(visit.override_reason, OVERRIDE);
    let entry = newest(&o, Lang::En);
    assert_eq!(
        (entry.action.as_str(), entry.detail.as_str()),
        ("visit.override", REASON_GIVEN)
    );
    assert!(
        entry
            .sentence
            .ends_with("over a rule, with a written reason."),
        "{}",
        entry.sentence
    );
    assert_not_logged(&o, "Petrović");
}

#[test]
fn a_voided_visit_keeps_its_reason_and_the_log_says_only_that_one_was_written() {
    let mut o = office();
    let receipt =
        o.ws.register_visit(&o.kino, &o.card, None, d(3, 2), false, None, TODAY)
            .expect("visit");
    o.ws.void_visit(&o.kino, receipt.visit_id, VOID)
        .expect("void");
    let visits = o.ws.list_visits(&o.kino, o.year_id, None).expect("visits");
    let visit = visits
        .iter()
        .find(|v| v.id == receipt.visit_id)
        .expect("listed");
    assert_eq!(visit.voided_reason.as_deref(), Some(VOID));
    let entry = newest(&o, Lang::Nb);
    assert_eq!(
        (entry.action.as_str(), entry.detail.as_str()),
        ("visit.void", REASON_GIVEN)
    );
    assert!(
        entry
            .sentence
            .starts_with("kino annullerte besøket 02.03.2026")
            && entry.sentence.ends_with(" med skriftlig begrunnelse."),
        "{}",
        entry.sentence
    );
    assert_not_logged(&o, "Qureshi");
}

#[test]
fn a_withdrawn_settlement_keeps_its_reason_and_the_log_says_only_that_one_was_written() {
    let mut o = office();
    o.ws.register_visit(&o.kino, &o.card, None, d(11, 2), false, None, TODAY)
        .expect("visit");
    let november = Some((d(11, 1), d(11, 30)));
    let s =
        o.ws.approve_settlement(&o.admin, o.kino_id, o.year_id, november, d(11, 26))
            .expect("approve");
    o.ws.withdraw_settlement(&o.admin, s.id, WITHDRAWN)
        .expect("withdraw");
    assert_eq!(
        o.ws.settlement(&o.admin, s.id)
            .expect("read")
            .withdrawn_reason
            .as_deref(),
        Some(WITHDRAWN)
    );
    let entry = newest(&o, Lang::Nb);
    assert_eq!(
        (entry.action.as_str(), entry.detail.as_str()),
        ("settlement.withdraw", REASON_GIVEN)
    );
    assert!(
        entry
            .sentence
            .starts_with(&format!("kultur trakk tilbake oppgjør nr. {}", s.id))
            && entry.sentence.ends_with(" med skriftlig begrunnelse."),
        "{}",
        entry.sentence
    );
    assert_not_logged(&o, "Bhriain");
}

#[test]
fn after_a_round_of_work_with_reasons_naming_people_no_audit_entry_holds_any_of_them() {
    let mut o = office();
    // NAV assigns over the age range; the culture office approves November's visit and
    // withdraws it; the cinema voids a visit; the culture office registers one over the limit;
    // at last NAV revokes the card.
    let holder =
        o.ws.save_holder(&o.nav, holder_aged_19(), d(1, 5))
            .expect("holder");
    o.ws.assign_card(&o.nav, holder.id, o.year_id, Some(AGE), d(1, 5))
        .expect("assign");
    o.ws.register_visit(&o.kino, &o.card, None, d(11, 2), false, None, TODAY)
        .expect("visit");
    let november = Some((d(11, 1), d(11, 30)));
    let s =
        o.ws.approve_settlement(&o.admin, o.kino_id, o.year_id, november, d(11, 26))
            .expect("approve");
    o.ws.withdraw_settlement(&o.admin, s.id, WITHDRAWN)
        .expect("withdraw");
    let mistaken =
        o.ws.register_visit(&o.kino, &o.card, None, d(2, 27), false, None, TODAY)
            .expect("visit");
    o.ws.void_visit(&o.kino, mistaken.visit_id, VOID)
        .expect("void");
    use_up_the_cinema(&mut o);
    o.ws.register_visit(
        &o.admin,
        &o.card,
        Some(o.kino_id),
        d(3, 9),
        false,
        Some(OVERRIDE),
        TODAY,
    )
    .expect("override");
    o.ws.revoke(&o.nav, o.card_id, REVOKED).expect("revoke");

    let log = whole_log(&o);
    let given = log
        .iter()
        .filter(|e| e.detail == REASON_GIVEN)
        .map(|e| e.action.as_str())
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(
        given.into_iter().collect::<Vec<_>>(),
        [
            "card.age_override",
            "card.revoked",
            "settlement.withdraw",
            "visit.override",
            "visit.void"
        ],
        "each reason is logged as given"
    );
    for text in [REVOKED, AGE, OVERRIDE, VOID, WITHDRAWN]
        .iter()
        .chain(&NAMES)
    {
        for e in &log {
            for field in [&e.action, &e.detail, &e.sentence] {
                assert!(
                    !field.contains(text),
                    "audit entry {} ({}) holds {text:?}: {field:?}",
                    e.id,
                    e.action
                );
            }
        }
    }
}

#[test]
fn an_age_override_logged_with_its_reason_before_is_copied_to_its_card_and_still_reads() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.okort");
    // A workspace from before encryption, its one holder a child, and a card assigned over the
    // age range when the reason went into the log ("age N: reason").
    support::plain_workspace(&path);
    {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch(
            "INSERT INTO holders (id, first_name, last_name, birth_date)
             VALUES (9, 'Lina', 'Berg', '2006-04-02');
             INSERT INTO cards (id, year_id, serial, number, holder_id, status, created_on)
             SELECT 1, id, 1, '2025-0001-1', 9, 'assigned', '2025-01-05' FROM program_years;
             INSERT INTO cards (id, year_id, serial, number, holder_id, status, created_on)
             SELECT 2, id, 2, '2025-0002-0', 1, 'assigned', '2025-01-05' FROM program_years;
             INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail)
             VALUES ('2025-01-05T09:00:00Z', 0, 'card.assign', 'card', 1, 'holder 9'),
                    ('2025-01-05T09:00:00Z', 0, 'card.age_override', 'card', 1,
                     'age 19: Vedtak: Amira Haddad'),
                    ('2025-01-05T09:01:00Z', 0, 'card.assign', 'card', 2, 'holder 1');",
        )
        .expect("a card overridden before");
    }
    let (ws, admin) = Workspace::unlock(&path, "kultur", "gammelt-passord").expect("convert");
    let year_id = ws.list_years().expect("years")[0].id;
    let cards = ws.list_cards(&admin, year_id).expect("cards");
    let reason = |id: i64| {
        cards
            .iter()
            .find(|c| c.card.id == id)
            .map(|c| c.card.age_override_reason.clone())
            .expect("card")
    };
    assert_eq!(reason(1), "Vedtak: Amira Haddad", "copied from the log");
    assert_eq!(reason(2), "", "no override, no reason");
    let old = ws
        .audit_log(&admin, &AuditQuery::latest(50), Lang::Nb)
        .expect("log")
        .into_iter()
        .find(|e| e.action == "card.age_override")
        .expect("the old entry");
    assert_eq!(
        old.sentence,
        "systemet overstyrte aldersgruppen for kort 2025-0001-1 med begrunnelsen \
         «age 19: Vedtak: Amira Haddad».",
        "an entry written before still reads, its reason as it was logged"
    );
}
