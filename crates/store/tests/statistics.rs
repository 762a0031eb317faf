//! The statistics against real workspaces: a small year built by hand whose every figure is
//! worked out in the comments, the demo checked against the payouts and each venue's months,
//! and who may read what.

use chrono::NaiveDate;
use okort_core::stats::{tables, ActivityKind, AgeBand, Audience, CostModel, StatsSection};
use okort_core::{
    Actor, AgreementInput, CompensationModel, HolderInput, Lang, ProgramYearInput, Role,
    VenueCategory, VenueInput,
};
use okort_store::{demo, RecoveryRole, StoreError, UserInput, VisitScope, Workspace};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

const TODAY: NaiveDate = match NaiveDate::from_ymd_opt(2026, 12, 31) {
    Some(d) => d,
    None => panic!("a date"),
};

struct Year {
    _dir: tempfile::TempDir,
    ws: Workspace,
    admin: Actor,
    nav: Actor,
    year: i64,
}

fn venue(ws: &Workspace, name: &str, category: VenueCategory) -> i64 {
    ws.save_venue(
        &Actor::command_line(),
        VenueInput {
            id: None,
            name: name.into(),
            category,
            address: String::new(),
            contact_person: String::new(),
            phone: String::new(),
            email: String::new(),
            org_number: String::new(),
            bank_account: String::new(),
            active: true,
            staff_note: String::new(),
        },
    )
    .expect("venue")
    .id
}

fn agreement(
    ws: &Workspace,
    venue_id: i64,
    year_id: i64,
    model: CompensationModel,
    share: u8,
    prices_kr: (i64, i64),
) {
    ws.save_agreement(
        &Actor::command_line(),
        AgreementInput {
            venue_id,
            year_id,
            visits_per_card: Some(5),
            companion_free: true,
            not_covered: String::new(),
            compensation: model,
            share_percent: share,
            holder_price_ore: prices_kr.0 * 100,
            companion_price_ore: prices_kr.1 * 100,
            period_from: None,
            period_to: None,
            signed_on: None,
        },
    )
    .expect("agreement");
}

/// The small year of `the_small_year_…`:
/// - venues: Kino (cinema, full refund at 100 / 50 kr), Bad (pool, bears its cost; 60 / 60 kr),
///   Dans (dance course, 50 % of 80 / 0 kr);
/// - six holders, ages 9, 10, 11, 12, 14 and 17 in 2026, each with a card; H1–H3 handed out;
///   H5's card lost and replaced;
/// - visits: H1 at Kino on 2 March, 3 March (with a companion) and 5 April; H2 at Bad on
///   10 March (with a companion) and 1 June; H3 at Dans on 2 June; H6's returned card with two
///   ticks at Kino; and a visit of H4 voided;
/// - Kino's March settled (2 visits, 1 companion: 250 kr) and paid; a budget of 1000 kr.
fn small_year() -> Year {
    let dir = tempfile::tempdir().expect("dir");
    let mut ws = Workspace::create(&dir.path().join("ws.okort")).expect("create");
    let admin = ws
        .create_first_admin("kultur", "hemmelig-passord")
        .expect("admin");
    let key = ws
        .take_recovery()
        .into_iter()
        .find(|(r, _)| *r == RecoveryRole::Nav)
        .map(|(_, k)| k)
        .expect("NAV's key");
    let nav = ws
        .recover_in_place(RecoveryRole::Nav, &key, "nav", "hemmelig-passord")
        .expect("nav");
    for y in [2025, 2026] {
        ws.save_year(
            &Actor::command_line(),
            ProgramYearInput {
                card_quota: 30,
                ..ProgramYearInput::new_for(y).expect("y")
            },
        )
        .expect("year");
    }
    let year = ws.year_by_number(2026).expect("y").expect("2026").id;
    let kino = venue(&ws, "Kino", VenueCategory::Cinema);
    let bad = venue(&ws, "Bad", VenueCategory::Swimming);
    let dans = venue(&ws, "Dans", VenueCategory::CourseDance);
    agreement(&ws, kino, year, CompensationModel::FullRefund, 0, (100, 50));
    agreement(
        &ws,
        bad,
        year,
        CompensationModel::VenueBearsCost,
        0,
        (60, 60),
    );
    agreement(&ws, dans, year, CompensationModel::Share, 50, (80, 0));
    let kino_desk = {
        let u = ws
            .save_user(
                &admin,
                UserInput {
                    id: None,
                    username: "kinodisk".into(),
                    role: Role::Venue,
                    venue_id: Some(kino),
                    active: true,
                    password: Some("hemmelig-passord".into()),
                },
            )
            .expect("desk");
        Actor {
            user_id: u.id,
            role: Role::Venue,
            venue_id: Some(kino),
        }
    };
    let mut cards = Vec::new();
    for (i, born) in [2017, 2016, 2015, 2014, 2012, 2009].iter().enumerate() {
        let h = ws
            .save_holder(
                &nav,
                HolderInput {
                    id: None,
                    first_name: format!("H{}", i + 1),
                    last_name: "Test".into(),
                    birth_date: d(*born, 6, 1),
                    language: "nb".into(),
                    guardian_name: String::new(),
                    guardian_phone: String::new(),
                    guardian_email: String::new(),
                    address: String::new(),
                    nav_contact: String::new(),
                    nav_note: String::new(),
                },
                d(2026, 1, 2),
            )
            .expect("holder");
        cards.push(
            ws.assign_card(&nav, h.id, year, None, d(2026, 1, 2))
                .expect("card"),
        );
    }
    // Ages in 2026: 9, 10, 11, 12, 14, 17 (H1 … H6).
    for c in &cards[..3] {
        ws.hand_out(&nav, c.id, d(2026, 2, 1)).expect("handed out");
    }
    ws.replace_lost(&nav, cards[4].id, d(2026, 2, 10))
        .expect("replaced");
    let mut visit = |who: &Actor, card: usize, venue: Option<i64>, on: NaiveDate, companion| {
        ws.register_visit(who, &cards[card].number, venue, on, companion, None, TODAY)
            .expect("visit")
    };
    visit(&kino_desk, 0, None, d(2026, 3, 2), false);
    visit(&kino_desk, 0, None, d(2026, 3, 3), true);
    visit(&kino_desk, 0, None, d(2026, 4, 5), false);
    visit(&admin, 1, Some(bad), d(2026, 3, 10), true);
    visit(&admin, 1, Some(bad), d(2026, 6, 1), false);
    visit(&admin, 2, Some(dans), d(2026, 6, 2), false);
    let wrong = visit(&admin, 3, Some(dans), d(2026, 6, 3), false);
    ws.void_visit(&admin, wrong.visit_id, "feil kort")
        .expect("void");
    ws.register_returned_ticks(&admin, &cards[5].number, &[(kino, 2)])
        .expect("ticks");
    let settled = ws
        .approve_settlement(
            &admin,
            kino,
            year,
            Some((d(2026, 3, 1), d(2026, 3, 31))),
            d(2026, 4, 1),
        )
        .expect("approved");
    ws.mark_settlement_paid(&admin, settled.id, d(2026, 4, 15))
        .expect("paid");
    ws.set_year_budget(&admin, year, Some(100_000))
        .expect("budget");
    Year {
        _dir: dir,
        ws,
        admin,
        nav,
        year,
    }
}

#[test]
fn the_small_year_gives_every_figure_worked_out_by_hand() {
    let y = small_year();
    let both = y.ws.statistics(&y.admin, y.year, None).expect("stats");
    let s = &both.current;
    // Cards: six assigned, one replacement, three handed out, one returned, one lost.
    let c = &s.cards;
    assert_eq!(
        (
            c.assigned,
            c.replacements,
            c.handed_out,
            c.returned,
            c.lost,
            c.revoked
        ),
        (6, 1, 3, 1, 1, 0)
    );
    // Holders: six; H1, H2, H3 and H6 used the card, H4 (voided) and H5 never did.
    assert_eq!((c.holders, c.used, c.never_used), (6, 4, 2));
    let bands: Vec<(AgeBand, u64)> = s.age_bands.iter().map(|b| (b.band, b.holders)).collect();
    assert_eq!(
        bands,
        [
            (AgeBand::From5To9, 1),
            (AgeBand::From10To12, 3),
            (AgeBand::From13To15, 1),
            (AgeBand::From16To18, 1),
        ]
    );
    // Visits per holder: 0, 0, 1 (H3), 2 (H2, H6), 3 (H1).
    let per: Vec<u64> = s.per_holder.iter().map(|b| b.holders).collect();
    assert_eq!(per, [2, 1, 2, 1, 0, 0, 0]);
    // Visits: Kino 3 + 2 ticks, Bad 2, Dans 1 = 8; companions 2; 2 of unknown date.
    assert_eq!((s.visits.holder, s.visits.companion), (8, 2));
    assert_eq!((s.unknown_date.holder, s.unknown_date.companion), (2, 0));
    let months: Vec<(u32, u64, u64)> = s
        .months
        .iter()
        .filter(|m| m.visits.holder > 0)
        .map(|m| (m.month, m.visits.holder, m.visits.companion))
        .collect();
    assert_eq!(months, [(3, 3, 2), (4, 1, 0), (6, 2, 0)]);
    let venues: Vec<(&str, u64, u64, Option<i64>)> = s
        .venues
        .iter()
        .map(|v| {
            (
                v.name.as_str(),
                v.visits.holder,
                v.visits.companion,
                v.cost_ore,
            )
        })
        .collect();
    // Kino 5 × 100 + 1 × 50 = 550 kr; Bad bears its cost; Dans 1 × 80 × 50 % = 40 kr.
    assert_eq!(
        venues,
        [
            ("Bad", 2, 1, Some(0)),
            ("Dans", 1, 0, Some(4_000)),
            ("Kino", 5, 1, Some(55_000)),
        ]
    );
    let kinds: Vec<(ActivityKind, u64)> =
        s.kinds.iter().map(|k| (k.kind, k.visits.holder)).collect();
    assert_eq!(
        kinds,
        [(ActivityKind::Spectator, 5), (ActivityKind::Participant, 3)]
    );
    let costs = s.costs.as_ref().expect("the office reads costs");
    // Owed 590 kr: per visit 590 / 8 = 73.75 kr, per holder 590 / 6 = 98.33 kr.
    assert_eq!(costs.owed_ore, 59_000);
    assert_eq!(costs.per_visit_ore, Some(7_375));
    assert_eq!(costs.per_holder_ore, Some(9_833));
    // Full: 550 + (2 × 60 + 1 × 60 = 180) + 80 = 810 kr; half: 275 + 90 + 40 = 405 kr.
    let models: Vec<(CostModel, i64)> = costs
        .models
        .iter()
        .map(|m| (m.model, m.total_ore))
        .collect();
    assert_eq!(
        models,
        [
            (CostModel::Agreements, 59_000),
            (CostModel::VenueBears, 0),
            (CostModel::Full, 81_000),
            (CostModel::Half, 40_500),
        ]
    );
    // Kino's March approved and paid: 2 × 100 + 1 × 50 = 250 kr; the budget 1000 kr.
    assert_eq!(
        (costs.budget_ore, costs.approved_ore, costs.paid_ore),
        (Some(100_000), 25_000, 25_000)
    );
    // 2025 is in the workspace, with nothing in it.
    let last = both.previous.as_ref().expect("2025");
    assert_eq!(
        (last.year, last.cards.holders, last.visits.holder),
        (2025, 0, 0)
    );
}

#[test]
fn a_period_counts_its_dated_visits_and_months_only() {
    let y = small_year();
    let march = (d(2026, 3, 1), d(2026, 3, 31));
    let s =
        y.ws.statistics(&y.admin, y.year, Some(march))
            .expect("stats")
            .current;
    // March: H1 twice at Kino (one companion), H2 once at Bad (one companion); the ticks of
    // unknown date are not in any period.
    assert_eq!((s.visits.holder, s.visits.companion), (3, 2));
    assert_eq!(s.unknown_date.holder, 0);
    assert_eq!(s.months.iter().map(|m| m.month).collect::<Vec<_>>(), [3]);
    assert_eq!((s.cards.used, s.cards.never_used), (2, 4));
    // No card was assigned or handed out in March.
    assert_eq!((s.cards.assigned, s.cards.handed_out), (0, 0));
    let err =
        y.ws.statistics(&y.admin, y.year, Some((march.1, march.0)))
            .expect_err("backwards");
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
}

#[test]
fn nav_reads_the_counts_without_money_and_a_venue_reads_nothing() {
    let y = small_year();
    let s = y.ws.statistics(&y.nav, y.year, None).expect("nav").current;
    assert_eq!(s.cards.never_used, 2);
    assert!(s.costs.is_none());
    assert!(s.venues.iter().all(|v| v.cost_ore.is_none()));
    let shown = tables(
        &y.ws.statistics(&y.nav, y.year, None).expect("nav"),
        Lang::Nb,
        Audience::Export,
    );
    assert!(shown
        .iter()
        .all(|t| !matches!(t.section, StatsSection::Costs | StatsSection::Models)));
    let desk = y.ws.login("kinodisk", "hemmelig-passord").expect("desk");
    assert!(matches!(
        y.ws.statistics(&desk, y.year, None),
        Err(StoreError::Denied(Role::Venue))
    ));
}

#[test]
fn exported_tables_of_a_real_year_write_small_groups_under_five() {
    let y = small_year();
    let stats = y.ws.statistics(&y.admin, y.year, None).expect("stats");
    for t in tables(&stats, Lang::Nb, Audience::Export) {
        let csv = okort_store::stats_table_csv(&t).expect("csv");
        let text = String::from_utf8(csv).expect("utf-8");
        for line in text.lines().skip(1) {
            for cell in line.split(';').skip(1) {
                let cell = cell.trim_matches('"');
                assert!(
                    !matches!(cell, "1" | "2" | "3" | "4"),
                    "{}: {line}",
                    t.title
                );
            }
        }
    }
    let cards = tables(&stats, Lang::Nb, Audience::Export)
        .into_iter()
        .find(|t| t.section == StatsSection::Cards)
        .expect("cards");
    let never = cards
        .rows
        .iter()
        .find(|r| r[0] == "Aldri brukt")
        .expect("row");
    assert_eq!(never[1], "< 5");
}

#[test]
fn the_demo_agrees_with_its_payouts_and_each_venues_months() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let year = ws.year_by_number(2026).expect("y").expect("2026");
    let s = ws.statistics(&admin, year.id, None).expect("stats").current;
    // Each venue's visits as the payouts screen's month table reads them.
    let mut total = 0u64;
    for v in &s.venues {
        let months = ws
            .visits_by_month(&admin, v.venue_id, year.id, VisitScope::Open(None))
            .expect("months");
        let open: u64 = months.iter().map(|m| u64::from(m.holder_visits)).sum();
        let settled: u64 = ws
            .list_settlements(&admin, year.id)
            .expect("settlements")
            .iter()
            .filter(|x| x.line.venue_id == v.venue_id && x.withdrawn_reason.is_none())
            .map(|x| u64::from(x.line.holder_visits))
            .sum();
        assert_eq!(v.visits.holder, open + settled, "{}", v.name);
        total += v.visits.holder;
    }
    assert_eq!(s.visits.holder, total);
    let by_month: u64 = s.months.iter().map(|m| m.visits.holder).sum();
    assert_eq!(by_month + s.unknown_date.holder, total);
    // What is owed: the open payouts plus what was settled.
    let lines = ws.compute_payouts(&admin, year.id, None).expect("payouts");
    let owed: i64 = lines.iter().map(|l| l.total_ore + l.settled_ore).sum();
    assert_eq!(s.costs.as_ref().expect("costs").owed_ore, owed);
    // Cards as the card list has them.
    let cards = ws.list_cards(&admin, year.id).expect("cards");
    let holders: std::collections::HashSet<i64> = cards
        .iter()
        .filter(|c| c.card.status != okort_store::CardStatus::Revoked)
        .map(|c| c.card.holder_id)
        .collect();
    assert_eq!(s.cards.holders, holders.len() as u64);
    assert_eq!(s.cards.used + s.cards.never_used, s.cards.holders);
}

#[test]
fn the_budget_is_the_offices_and_never_below_zero() {
    let mut y = small_year();
    let err =
        y.ws.set_year_budget(&y.admin, y.year, Some(-1))
            .expect_err("negative");
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    let nav = y.nav.clone();
    assert!(matches!(
        y.ws.set_year_budget(&nav, y.year, Some(1)),
        Err(StoreError::Denied(Role::Nav))
    ));
    y.ws.set_year_budget(&y.admin.clone(), y.year, None)
        .expect("removed");
    let s =
        y.ws.statistics(&y.admin, y.year, None)
            .expect("stats")
            .current;
    assert_eq!(s.costs.expect("costs").budget_ore, None);
}
