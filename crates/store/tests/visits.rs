//! Visits at the desk against a real workspace: the agreement's limit, overrides, lost cards,
//! voiding, and who may register where.

use chrono::NaiveDate;
use okort_core::i18n::Problem;
use okort_core::{Actor, AgreementInput};
use okort_store::{demo, StoreError, Workspace};

/// The day the tests register on: after every visit date they use.
const TODAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 12, 31) {
    Some(d) => d,
    None => panic!("a date"),
};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).expect("date")
}

struct Desk {
    _dir: tempfile::TempDir,
    ws: Workspace,
    kino: Actor,
    admin: Actor,
    nav: Actor,
    kino_id: i64,
    card: String,
}

fn desk() -> Desk {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let kino = ws.login("kino", demo::DEMO_PASSWORD).expect("kino");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("kultur");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let year = ws.year_by_number(2026).expect("y").expect("2026");
    let card = ws.list_cards(&admin, year.id).expect("cards")[0]
        .card
        .number
        .clone();
    let kino_id = kino.venue_id.expect("venue");
    Desk {
        _dir: dir,
        ws,
        kino,
        admin,
        nav,
        kino_id,
        card,
    }
}

#[test]
fn a_venue_registers_visits_up_to_the_agreements_limit_and_no_further() {
    let mut s = desk();
    for n in 1..=5u32 {
        let r =
            s.ws.register_visit(&s.kino, &s.card, None, d(3, n), n % 2 == 0, None, TODAY)
                .expect("visit");
        assert_eq!((r.visits_used, r.visits_left), (n, Some(5 - n)));
    }
    let err =
        s.ws.register_visit(
            &s.kino,
            &s.card,
            None,
            d(3, 9),
            false,
            Some("bare denne gangen"),
            TODAY,
        )
        .expect_err("limit");
    assert!(
        matches!(
            err,
            StoreError::Refused(Problem::VisitLimit {
                allowed: 5,
                used: 5
            })
        ),
        "{err:?}"
    );
    let r =
        s.ws.register_visit(
            &s.admin,
            &s.card,
            Some(s.kino_id),
            d(3, 9),
            false,
            Some("Klassetur avtalt med kinoen"),
            TODAY,
        )
        .expect("override");
    assert!(r.overridden);
    let log =
        s.ws.audit_log(
            &s.admin,
            &okort_store::AuditQuery::latest(3),
            okort_core::Lang::Nb,
        )
        .expect("log");
    assert_eq!(log[0].action, "visit.override");
}

#[test]
fn visits_on_a_lost_card_carry_over_to_the_new_card() {
    let mut s = desk();
    for n in 1..=3 {
        s.ws.register_visit(&s.kino, &s.card, None, d(4, n), false, None, TODAY)
            .expect("visit");
    }
    let year = s.ws.year_by_number(2026).expect("y").expect("y");
    let old = s.ws.list_cards(&s.admin, year.id).expect("cards")[0]
        .card
        .clone();
    let new =
        s.ws.replace_lost(&s.nav, old.id, d(4, 10))
            .expect("replace");
    let err =
        s.ws.register_visit(&s.kino, &old.number, None, d(4, 11), false, None, TODAY)
            .expect_err("blocked");
    assert!(matches!(err, StoreError::Refused(Problem::CardBlocked)));
    let r =
        s.ws.register_visit(&s.kino, &new.number, None, d(4, 11), false, None, TODAY)
            .expect("new card");
    assert_eq!(
        (r.visits_used, r.visits_left),
        (4, Some(1)),
        "the limit counts per holder and year"
    );
}

#[test]
fn a_date_outside_the_cards_year_is_refused() {
    let mut s = desk();
    let late = NaiveDate::from_ymd_opt(2027, 1, 2).expect("date");
    let err =
        s.ws.register_visit(&s.kino, &s.card, None, late, false, None, late)
            .expect_err("expired");
    assert!(matches!(err, StoreError::Refused(Problem::CardExpired)));
}

#[test]
fn a_venue_cannot_register_at_another_venue_and_nav_cannot_register_at_all() {
    let mut s = desk();
    let other =
        s.ws.list_venues()
            .expect("v")
            .into_iter()
            .find(|v| v.id != s.kino_id)
            .expect("other")
            .id;
    let err =
        s.ws.register_visit(&s.kino, &s.card, Some(other), d(5, 1), false, None, TODAY)
            .expect_err("other");
    assert!(matches!(err, StoreError::Refused(Problem::OtherVenue)));
    let err =
        s.ws.register_visit(
            &s.nav,
            &s.card,
            Some(s.kino_id),
            d(5, 1),
            false,
            None,
            TODAY,
        )
        .expect_err("nav");
    assert!(matches!(err, StoreError::Denied(_)));
}

#[test]
fn a_companion_is_refused_where_the_agreement_does_not_cover_one() {
    let mut s = desk();
    let year = s.ws.year_by_number(2026).expect("y").expect("y");
    let a =
        s.ws.agreements_for_venue(s.kino_id)
            .expect("a")
            .into_iter()
            .find(|a| a.year_id == year.id)
            .expect("a");
    s.ws.save_agreement(
        &Actor::command_line(),
        AgreementInput {
            companion_free: false,
            ..AgreementInput::from(&a)
        },
    )
    .expect("save");
    let err =
        s.ws.register_visit(&s.kino, &s.card, None, d(5, 2), true, None, TODAY)
            .expect_err("companion");
    assert!(matches!(
        err,
        StoreError::Refused(Problem::CompanionNotCovered)
    ));
    s.ws.register_visit(&s.kino, &s.card, None, d(5, 2), false, None, TODAY)
        .expect("alone is fine");
}

#[test]
fn a_voided_visit_no_longer_counts_and_stays_listed_with_its_reason() {
    let mut s = desk();
    let r =
        s.ws.register_visit(&s.kino, &s.card, None, d(6, 1), false, None, TODAY)
            .expect("visit");
    assert!(matches!(
        s.ws.void_visit(&s.kino, r.visit_id, " "),
        Err(StoreError::Invalid(_))
    ));
    s.ws.void_visit(&s.kino, r.visit_id, "Registrert på feil kort")
        .expect("void");
    assert!(matches!(
        s.ws.void_visit(&s.kino, r.visit_id, "igjen"),
        Err(StoreError::Refused(Problem::VisitVoided))
    ));
    let year = s.ws.year_by_number(2026).expect("y").expect("y");
    let rows = s.ws.list_visits(&s.kino, year.id, None).expect("list");
    assert!(
        rows.iter().all(|r| r.venue_name == "Eksempel Kino"),
        "its own venue's only"
    );
    let row = rows
        .iter()
        .find(|row| row.id == r.visit_id)
        .expect("listed");
    assert_eq!(
        row.voided_reason.as_deref(),
        Some("Registrert på feil kort")
    );
    let again =
        s.ws.register_visit(&s.kino, &s.card, None, d(6, 2), false, None, TODAY)
            .expect("visit");
    assert_eq!(again.visits_used, 1);
}

#[test]
fn a_forged_qr_code_is_refused_and_a_free_entry_venue_has_no_limit() {
    let mut s = desk();
    let forged = okort_core::qr::sign(
        b"someone else",
        &okort_core::CardNumber::parse(&s.card).expect("n"),
        d(12, 31),
    );
    let err =
        s.ws.register_visit(&s.kino, &forged, None, d(7, 1), false, None, TODAY)
            .expect_err("forged");
    assert!(matches!(err, StoreError::Refused(Problem::CardForged)));
    let badet =
        s.ws.list_venues()
            .expect("v")
            .into_iter()
            .find(|v| v.name == "Eksempelbadet")
            .expect("badet")
            .id;
    for n in 1..=12 {
        let r =
            s.ws.register_visit(&s.admin, &s.card, Some(badet), d(7, n), true, None, TODAY)
                .expect("free entry");
        assert_eq!(r.visits_left, None);
    }
}

#[test]
fn payouts_pay_each_venue_its_agreed_share_and_venues_bearing_the_cost_show_their_visits() {
    let mut s = desk();
    let year = s.ws.year_by_number(2026).expect("y").expect("y");
    let venues = s.ws.list_venues().expect("v");
    let id = |name: &str| venues.iter().find(|v| v.name == name).expect(name).id;
    let (bowling, badet) = (id("Bowlinghallen"), id("Eksempelbadet"));
    // Kino: full refund of 125 kr for holder and companion (2026 price).
    s.ws.register_visit(&s.kino, &s.card, None, d(3, 1), true, None, TODAY)
        .expect("kino 1");
    s.ws.register_visit(&s.kino, &s.card, None, d(3, 2), false, None, TODAY)
        .expect("kino 2");
    // Bowling: half of 125 kr.
    s.ws.register_visit(
        &s.admin,
        &s.card,
        Some(bowling),
        d(4, 1),
        false,
        None,
        TODAY,
    )
    .expect("bowling");
    // The pool bears its own cost.
    s.ws.register_visit(&s.admin, &s.card, Some(badet), d(4, 2), true, None, TODAY)
        .expect("badet");
    let voided =
        s.ws.register_visit(
            &s.admin,
            &s.card,
            Some(bowling),
            d(4, 3),
            false,
            None,
            TODAY,
        )
        .expect("v");
    s.ws.void_visit(&s.admin, voided.visit_id, "feil")
        .expect("void");

    let lines =
        s.ws.compute_payouts(&s.admin, year.id, None)
            .expect("payouts");
    let line = |venue: i64| {
        lines
            .iter()
            .find(|l| l.venue_id == venue)
            .expect("line")
            .clone()
    };
    let kino = line(s.kino_id);
    assert_eq!((kino.holder_visits, kino.companion_visits), (2, 1));
    assert_eq!(
        kino.total_ore,
        3 * kino.holder_price_ore,
        "full refund, companion priced the same"
    );
    let bowl = line(bowling);
    assert_eq!(bowl.holder_visits, 1, "a voided visit is never paid");
    assert_eq!(bowl.total_ore, (bowl.holder_price_ore + 1) / 2);
    let pool = line(badet);
    assert_eq!(
        (pool.holder_visits, pool.total_ore),
        (1, 0),
        "bears the cost: counted, not paid"
    );
    for l in &lines {
        assert_eq!(l.total_ore, l.holder_amount_ore + l.companion_amount_ore);
    }
    let march =
        s.ws.compute_payouts(&s.admin, year.id, Some((d(3, 1), d(3, 31))))
            .expect("march");
    assert_eq!(
        march.iter().map(|l| l.holder_visits).sum::<u32>(),
        2,
        "only March's visits"
    );
    assert!(matches!(
        s.ws.compute_payouts(&s.kino, year.id, None),
        Err(StoreError::Denied(_))
    ));
}

#[test]
fn ticks_on_a_returned_card_add_only_what_was_not_registered_already() {
    let mut s = desk();
    for n in 1..=2 {
        s.ws.register_visit(&s.kino, &s.card, None, d(8, n), false, None, TODAY)
            .expect("visit");
    }
    let badet =
        s.ws.list_venues()
            .expect("v")
            .into_iter()
            .find(|v| v.name == "Eksempelbadet")
            .expect("b")
            .id;
    let added =
        s.ws.register_returned_ticks(&s.admin, &s.card, &[(s.kino_id, 4), (badet, 3)])
            .expect("ticks");
    assert_eq!(added, 2 + 3, "two more at the cinema, three at the pool");
    let again =
        s.ws.register_returned_ticks(&s.admin, &s.card, &[(s.kino_id, 4), (badet, 3)])
            .expect("again");
    assert_eq!(again, 0, "the same card entered twice adds nothing");
    let year = s.ws.year_by_number(2026).expect("y").expect("y");
    let rows =
        s.ws.list_visits(&s.admin, year.id, Some(s.kino_id))
            .expect("rows");
    assert_eq!(
        rows.iter()
            .filter(|r| r.visited_on.is_none() && r.source == "returned")
            .count(),
        2
    );
    assert!(matches!(
        s.ws.register_returned_ticks(&s.kino, &s.card, &[(s.kino_id, 5)]),
        Err(StoreError::Denied(_))
    ));
    // More ticks than the card holds (or than days in the year, where entry is free) are
    // refused with the bound, and nothing is added: no count can run away.
    let kino_per_card =
        s.ws.agreements_for_venue(s.kino_id)
            .expect("agreements")
            .into_iter()
            .find_map(|a| a.visits_per_card)
            .expect("the cinema limits visits per card");
    for counted in [u32::from(kino_per_card) + 1, u32::MAX] {
        match s
            .ws
            .register_returned_ticks(&s.admin, &s.card, &[(s.kino_id, counted)])
        {
            Err(StoreError::Invalid(p)) => assert_eq!(
                p[0].problem,
                okort_core::i18n::Problem::TooManyTicks {
                    max: u32::from(kino_per_card)
                }
            ),
            other => panic!("{counted} ticks: {other:?}"),
        }
    }
    let payouts =
        s.ws.compute_payouts(&s.admin, year.id, None)
            .expect("payouts");
    let kino = payouts
        .iter()
        .find(|l| l.venue_id == s.kino_id)
        .expect("kino");
    assert_eq!(
        kino.holder_visits, 4,
        "the year's payout counts ticks of unknown date"
    );
}

#[test]
fn a_visit_dated_after_today_is_refused_even_with_a_reason_and_nothing_is_saved() {
    let mut s = desk();
    let today = d(6, 1);
    for (actor, reason) in [(&s.kino, None), (&s.admin, Some("etterregistrering"))] {
        let venue = (actor.venue_id.is_none()).then_some(s.kino_id);
        let err =
            s.ws.register_visit(actor, &s.card, venue, d(6, 2), false, reason, today)
                .expect_err("future");
        assert!(
            matches!(err, StoreError::Invalid(ref p) if p[0].field == "date"
                && p[0].problem == Problem::FutureDate),
            "{err:?}"
        );
    }
    let year = s.ws.year_by_number(2026).expect("y").expect("2026");
    let visits = s.ws.list_visits(&s.kino, year.id, None).expect("list");
    assert!(visits.iter().all(|v| v.visited_on != Some(d(6, 2))));
    s.ws.register_visit(&s.kino, &s.card, None, today, false, None, today)
        .expect("today itself is fine");
}

#[test]
fn a_report_row_dated_after_today_is_a_problem_row() {
    let s = desk();
    let report = format!(
        "kortnummer;dato;ledsager\n{};02.03.2026;nei\n{};24.12.2026;nei\n",
        s.card, s.card
    );
    let check =
        s.ws.check_visit_import(&s.kino, None, report.as_bytes(), d(12, 1))
            .expect("check");
    assert_eq!(check.valid, 1);
    assert_eq!(
        (check.problems[0].row, check.problems[0].column.as_str()),
        (3, "dato")
    );
    assert_eq!(check.problems[0].problem, Problem::FutureDate);
}

#[test]
fn an_agreement_with_visits_cannot_be_deleted() {
    let mut s = desk();
    let year = s.ws.year_by_number(2026).expect("y").expect("2026");
    s.ws.register_visit(&s.kino, &s.card, None, d(3, 1), false, None, TODAY)
        .expect("visit");
    let err =
        s.ws.delete_agreement(&Actor::command_line(), s.kino_id, year.id)
            .expect_err("in use");
    assert!(
        matches!(err, StoreError::Refused(Problem::AgreementInUse { visits }) if visits > 0),
        "{err:?}"
    );
    assert!(s
        .ws
        .agreements_for_year(year.id)
        .expect("list")
        .iter()
        .any(|a| a.venue_id == s.kino_id));
}

#[test]
fn a_payout_period_that_ends_before_it_starts_is_refused_on_the_to_field() {
    let s = desk();
    let year = s.ws.year_by_number(2026).expect("y").expect("2026");
    let err =
        s.ws.compute_payouts(&s.admin, year.id, Some((d(12, 31), d(1, 1))))
            .expect_err("reversed");
    assert!(
        matches!(err, StoreError::Invalid(ref p) if p[0].field == "to"
            && p[0].problem == Problem::EndBeforeStart),
        "{err:?}"
    );
}

#[test]
fn the_audit_log_tells_each_entry_as_a_sentence_and_filters_by_user_kind_and_period() {
    use okort_core::Lang;
    use okort_store::AuditQuery;
    let mut s = desk();
    let r =
        s.ws.register_visit(&s.kino, &s.card, None, d(3, 1), false, None, TODAY)
            .expect("visit");
    s.ws.void_visit(&s.admin, r.visit_id, "feil kort")
        .expect("void");
    let log = |q: AuditQuery| s.ws.audit_log(&s.admin, &q, Lang::Nb).expect("log");
    let latest = log(AuditQuery::latest(2));
    let visit = format!("besøket 01.03.2026 på Eksempel Kino med kort {}", s.card);
    assert_eq!(
        latest[0].sentence,
        format!("kultur annullerte {visit} med skriftlig begrunnelse.")
    );
    assert_eq!(latest[1].sentence, format!("kino registrerte {visit}."));
    let settlements = log(AuditQuery {
        kind: Some("settlement".into()),
        ..AuditQuery::latest(500)
    });
    assert!(!settlements.is_empty());
    assert!(settlements.iter().all(|e| e.kind == "settlement"));
    assert!(
        settlements.iter().any(
            |e| e.sentence.contains("godkjente oppgjør nr.") && e.sentence.contains("kr\u{a0}")
        ),
        "{:?}",
        settlements[0].sentence
    );
    let by_kino = log(AuditQuery {
        user_id: Some(s.kino.user_id),
        ..AuditQuery::latest(500)
    });
    assert!(!by_kino.is_empty() && by_kino.iter().all(|e| e.user_name == "kino"));
    let long_ago = NaiveDate::from_ymd_opt(2000, 1, 1);
    assert!(log(AuditQuery {
        from: long_ago,
        to: long_ago,
        ..AuditQuery::latest(500)
    })
    .is_empty());
    let english =
        s.ws.audit_log(&s.admin, &AuditQuery::latest(1), Lang::En)
            .expect("log");
    assert!(english[0]
        .sentence
        .starts_with("kultur voided the visit on 01.03.2026"));
}

#[test]
fn a_picture_given_as_a_report_or_a_register_is_refused_as_not_a_table() {
    let mut s = desk();
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
    let not_a_table = |e: StoreError| {
        matches!(&e, StoreError::Import(rows)
            if rows.len() == 1 && rows[0].row == 1 && rows[0].problem == Problem::NotATable)
    };
    let report =
        s.ws.check_visit_import(&s.kino, None, png, TODAY)
            .expect_err("png");
    assert!(not_a_table(report));
    let holders =
        s.ws.import_holders_csv(&s.nav, png, TODAY)
            .expect_err("png");
    assert!(not_a_table(holders));
    let venues =
        s.ws.import_venues_csv(&Actor::command_line(), png)
            .expect_err("png");
    assert!(not_a_table(venues));
}
