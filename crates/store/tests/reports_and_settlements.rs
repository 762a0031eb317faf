//! Venue reports (CSV and Excel) and settlements against a real workspace file: every problem
//! row named, good rows or none, nothing imported twice, settled visits locked, and — as a
//! property over random sequences — no visit paid twice and no voided visit paid.

mod support;
use chrono::NaiveDate;
use okort_core::compensation::line_amount;
use okort_core::i18n::Problem;
use okort_core::Actor;
use okort_store::{demo, StoreError, VisitScope, Workspace};
use support::workbook;

/// The day the tests register on: after every visit date they use.
const TODAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 12, 31) {
    Some(d) => d,
    None => panic!("a date"),
};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).expect("date")
}

struct Office {
    _dir: tempfile::TempDir,
    ws: Workspace,
    admin: Actor,
    kino: Actor,
    kino_id: i64,
    year_id: i64,
    /// The first three cards of 2026 handed out: the first has no visits in the demo.
    cards: Vec<String>,
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
    let kino = ws.login("kino", demo::DEMO_PASSWORD).expect("kino");
    let year_id = ws.year_by_number(2026).expect("y").expect("2026").id;
    let cards = ws
        .list_cards(&admin, year_id)
        .expect("cards")
        .into_iter()
        .filter(|c| c.card.handed_out_on.is_some())
        .take(3)
        .map(|c| c.card.number)
        .collect();
    Office {
        _dir: dir,
        ws,
        admin,
        kino_id: kino.venue_id.expect("venue"),
        kino,
        year_id,
        cards,
    }
}

fn visits_at(ws: &Workspace, venue: i64) -> i64 {
    ws.count(&format!(
        "SELECT COUNT(*) FROM visits WHERE venue_id = {venue}"
    ))
    .expect("count")
}

/// Swaps the last two digits of a card number's serial: the check digit catches it.
fn typo(number: &str) -> String {
    let mut c: Vec<char> = number.chars().collect();
    let n = c.len();
    c.swap(n - 3, n - 4);
    if c.iter().collect::<String>() == number {
        c[n - 3] = if c[n - 3] == '1' { '2' } else { '1' };
    }
    c.into_iter().collect()
}

#[test]
fn a_report_with_bad_rows_lists_each_row_and_imports_the_good_rows_or_none() {
    let mut o = office();
    let [a, b, _] = [&o.cards[0], &o.cards[1], &o.cards[2]];
    let report = format!(
        "Kortnummer;Dato;Ledsager;Navn\n\
         {a};02.03.2026;ja;Amina\n\
         {bad};03.03.2026;nei;\n\
         {unknown};03.03.2026;;\n\
         {a};31.02.2026;;\n\
         {a};2025-12-31;;\n\
         {a};02.03.2026;nei;\n\
         {a};2026-03-04;kanskje;\n\
         \n\
         {b};2026-03-05;;\n\
         {a};06.03.2026;;\n\
         {a};07.03.2026;;\n\
         {a};08.03.2026;;\n\
         {a};09.03.2026;;\n\
         {a};10.03.2026;;\n",
        bad = typo(a),
        unknown = okort_core::CardNumber::new(2026, 9999)
    );
    let check =
        o.ws.check_visit_import(&o.admin, Some(o.kino_id), report.as_bytes(), TODAY)
            .expect("check");
    let found: Vec<(usize, &str, &Problem)> = check
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str(), &p.problem))
        .collect();
    assert_eq!(
        found,
        vec![
            (3, "Kortnummer", &Problem::CardNumberCheckDigit),
            (4, "Kortnummer", &Problem::UnknownCard),
            (
                5,
                "Dato",
                &Problem::NotADate {
                    value: "31.02.2026".into()
                }
            ),
            (6, "Dato", &Problem::CardExpired),
            (7, "Dato", &Problem::SameVisitInFile { first_row: 2 }),
            (
                8,
                "Ledsager",
                &Problem::NotYesNo {
                    value: "kanskje".into()
                }
            ),
            (
                14,
                "Kortnummer",
                &Problem::VisitLimit {
                    allowed: 5,
                    used: 5
                }
            ),
        ],
        "row numbers as the spreadsheet shows them (the header is row 1)"
    );
    assert_eq!((check.rows, check.valid), (13, 6));

    let before = visits_at(&o.ws, o.kino_id);
    let refused =
        o.ws.import_visits(&o.admin, Some(o.kino_id), report.as_bytes(), false, TODAY)
            .expect_err("problem rows");
    assert!(matches!(&refused, StoreError::Import(rows) if rows.len() == 7));
    assert_eq!(visits_at(&o.ws, o.kino_id), before, "none imported");

    let done =
        o.ws.import_visits(&o.admin, Some(o.kino_id), report.as_bytes(), true, TODAY)
            .expect("good rows");
    assert_eq!((done.imported, done.skipped), (6, 7));
    assert_eq!(visits_at(&o.ws, o.kino_id), before + 6);
    let lookup =
        o.ws.lookup_card_at(&o.admin, a, Some(o.kino_id), d(11, 26))
            .expect("lookup");
    assert_eq!(
        lookup.venue.map(|v| v.visits_left),
        Some(Some(0)),
        "five at the cinema: the limit is reached"
    );

    // The same file again adds nothing: every row is now a registered visit (or still bad).
    let again =
        o.ws.check_visit_import(&o.admin, Some(o.kino_id), report.as_bytes(), TODAY)
            .expect("check again");
    assert_eq!(again.valid, 0);
    assert!(again
        .problems
        .iter()
        .any(|p| p.row == 2 && p.problem == Problem::VisitAlreadyRegistered));
    assert!(o
        .ws
        .import_visits(&o.admin, Some(o.kino_id), report.as_bytes(), true, TODAY)
        .is_err());
    assert_eq!(visits_at(&o.ws, o.kino_id), before + 6);
}

#[test]
fn windows_excel_csv_with_english_headers_and_iso_dates_is_read() {
    let mut o = office();
    let a = o.cards[0].clone();
    // Windows-1252 with commas, an English header and a note with ø in it.
    let mut bytes = b"Date,Card number,Companion,Note\r\n".to_vec();
    bytes.extend_from_slice(format!("2026-04-01,{a},yes,").as_bytes());
    bytes.extend_from_slice(b"f\xf8rste gang\r\n");
    bytes.extend_from_slice(format!("2026-04-08,{a},no,\r\n").as_bytes());
    let r =
        o.ws.import_visits(&o.kino, None, &bytes, false, TODAY)
            .expect("import");
    assert_eq!(r.imported, 2);
    let rows = o.ws.list_visits(&o.kino, o.year_id, None).expect("rows");
    let april: Vec<_> = rows
        .iter()
        .filter(|v| v.card_number == a && v.source == "import")
        .collect();
    assert_eq!(april.len(), 2);
    assert!(april
        .iter()
        .any(|v| v.companion && v.visited_on == Some(d(4, 1))));
}

#[test]
fn an_excel_workbook_with_real_date_cells_is_imported() {
    let mut o = office();
    let a = o.cards[0].clone();
    // 46086 is 05.03.2026 as an Excel serial date, shown with the date format 14.
    let xlsx = workbook(&[
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>Kortnummer</t></is></c><c r="B1" t="inlineStr"><is><t>Dato</t></is></c><c r="C1" t="inlineStr"><is><t>Ledsager</t></is></c></row>"#.to_string(),
        format!(r#"<row r="2"><c r="A2" t="inlineStr"><is><t>{a}</t></is></c><c r="B2" s="1"><v>46086</v></c><c r="C2" t="inlineStr"><is><t>ja</t></is></c></row>"#),
        format!(r#"<row r="3"><c r="A3" t="inlineStr"><is><t>{a}</t></is></c><c r="B3" t="inlineStr"><is><t>12.03.2026</t></is></c></row>"#),
        r#"<row r="4"><c r="A4" t="inlineStr"><is><t>2026-0001-0</t></is></c><c r="B4" t="inlineStr"><is><t>12.03.2026</t></is></c></row>"#.to_string(),
    ]);
    let check =
        o.ws.check_visit_import(&o.admin, Some(o.kino_id), &xlsx, TODAY)
            .expect("check");
    assert_eq!((check.rows, check.valid), (3, 2), "{:?}", check.problems);
    assert_eq!(check.problems[0].row, 4);
    assert!(matches!(
        check.problems[0].problem,
        Problem::CardNumberCheckDigit | Problem::UnknownCard
    ));
    o.ws.import_visits(&o.admin, Some(o.kino_id), &xlsx, true, TODAY)
        .expect("import");
    let rows =
        o.ws.list_visits(&o.admin, o.year_id, Some(o.kino_id))
            .expect("rows");
    assert!(rows
        .iter()
        .any(|v| v.card_number == a && v.visited_on == Some(d(3, 5)) && v.companion));

    let broken =
        o.ws.check_visit_import(
            &o.admin,
            Some(o.kino_id),
            b"PK\x03\x04 not a workbook",
            TODAY,
        )
        .expect_err("broken");
    assert!(matches!(&broken, StoreError::Import(p)
        if matches!(p[0].problem, Problem::Spreadsheet { .. })));
}

#[test]
fn a_lost_card_counts_until_the_day_it_was_replaced_and_venues_import_only_their_own() {
    let o = office();
    let cards = o.ws.list_cards(&o.admin, o.year_id).expect("cards");
    let lost = cards
        .iter()
        .find(|c| c.card.status == okort_store::CardStatus::Lost)
        .expect("the demo's lost card");
    let report = format!(
        "kortnummer;dato\n{n};20.02.2026\n{n};10.03.2026\n",
        n = lost.card.number
    );
    let check =
        o.ws.check_visit_import(&o.kino, None, report.as_bytes(), TODAY)
            .expect("check");
    let reasons: Vec<_> = check.problems.iter().map(|p| (p.row, &p.problem)).collect();
    // The demo may already hold a visit on 20.02; either way 10.03 is after the replacement.
    assert!(reasons.contains(&(3, &Problem::CardBlocked)), "{reasons:?}");
    assert!(!reasons
        .iter()
        .any(|(row, p)| *row == 2 && **p == Problem::CardBlocked));

    let other =
        o.ws.check_visit_import(&o.kino, Some(o.kino_id + 1), report.as_bytes(), TODAY)
            .expect_err("another venue's report");
    assert!(matches!(other, StoreError::Refused(Problem::OtherVenue)));
    let nav = o.ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    assert!(matches!(
        o.ws.check_visit_import(&nav, Some(o.kino_id), report.as_bytes(), TODAY),
        Err(StoreError::Denied(_))
    ));
    let empty =
        o.ws.check_visit_import(&o.kino, None, b"navn;telefon\nx;y\n", TODAY)
            .expect_err("no card column");
    assert!(matches!(&empty, StoreError::Import(p)
        if p.iter().any(|p| p.column == "kortnummer" && p.problem == Problem::MissingColumn)));
}

#[test]
fn an_approved_settlement_locks_its_visits_and_a_paid_one_cannot_be_withdrawn() {
    let mut o = office();
    let a = o.cards[0].clone();
    let first =
        o.ws.register_visit(&o.kino, &a, None, d(11, 2), true, None, TODAY)
            .expect("visit");
    o.ws.register_visit(&o.kino, &a, None, d(11, 3), false, None, TODAY)
        .expect("visit");
    let november = Some((d(11, 1), d(11, 30)));
    let open = |ws: &Workspace, admin: &Actor, year| {
        ws.compute_payouts(admin, year, november)
            .expect("payouts")
            .into_iter()
            .find(|l| l.venue_name == "Eksempel Kino")
            .expect("kino")
    };
    let line = open(&o.ws, &o.admin, o.year_id);
    assert_eq!((line.holder_visits, line.companion_visits), (2, 1));

    assert!(matches!(
        o.ws.approve_settlement(&o.kino, o.kino_id, o.year_id, november, d(11, 26)),
        Err(StoreError::Denied(_))
    ));
    let s =
        o.ws.approve_settlement(&o.admin, o.kino_id, o.year_id, november, d(11, 26))
            .expect("approve");
    assert_eq!(s.line.total_ore, line.total_ore);
    assert_eq!(s.line.holder_visits, 2);
    let after = open(&o.ws, &o.admin, o.year_id);
    assert_eq!(
        (after.holder_visits, after.total_ore, after.settled_visits),
        (0, 0, 2)
    );
    assert_eq!(
        after.settled_ore, s.line.total_ore,
        "what is already settled is shown in kroner as approved"
    );
    assert_eq!(s.approved_by, "kultur");
    assert_eq!(
        (s.first_visit, s.last_visit),
        (Some(d(11, 2)), Some(d(11, 3)))
    );
    assert!(matches!(
        o.ws.approve_settlement(&o.admin, o.kino_id, o.year_id, november, d(11, 26)),
        Err(StoreError::Refused(Problem::NothingToSettle))
    ));
    assert!(matches!(
        o.ws.void_visit(&o.admin, first.visit_id, "feil"),
        Err(StoreError::Refused(Problem::VisitSettled))
    ));
    let months =
        o.ws.visits_by_month(&o.admin, o.kino_id, o.year_id, VisitScope::Settlement(s.id))
            .expect("months");
    assert_eq!(months.len(), 1);
    assert_eq!((months[0].month, months[0].holder_visits), (Some(11), 2));

    // Withdrawn, the visits are open again and can be voided; approved anew, then paid.
    o.ws.withdraw_settlement(&o.admin, s.id, "feil periode")
        .expect("withdraw");
    o.ws.void_visit(&o.admin, first.visit_id, "feil kort")
        .expect("void");
    let s2 =
        o.ws.approve_settlement(&o.admin, o.kino_id, o.year_id, november, d(11, 26))
            .expect("again");
    assert_eq!(s2.line.holder_visits, 1, "the voided visit is not paid");
    assert!(
        matches!(
            o.ws.mark_settlement_paid(&o.admin, s2.id, d(11, 25)),
            Err(StoreError::Refused(Problem::PaidBeforeApproved))
        ),
        "paid the day before it was approved"
    );
    let paid =
        o.ws.mark_settlement_paid(&o.admin, s2.id, d(11, 26))
            .expect("paid");
    assert_eq!(paid.paid_on, Some(d(11, 26)));
    assert!(matches!(
        o.ws.withdraw_settlement(&o.admin, s2.id, "for sent"),
        Err(StoreError::Refused(Problem::SettlementPaid))
    ));
    assert!(matches!(
        o.ws.mark_settlement_paid(&o.admin, s2.id, d(11, 27)),
        Err(StoreError::Refused(Problem::SettlementPaid))
    ));
    assert!(matches!(
        o.ws.mark_settlement_paid(&o.admin, s.id, d(11, 27)),
        Err(StoreError::Refused(Problem::SettlementWithdrawn))
    ));
    let listed = o.ws.list_settlements(&o.admin, o.year_id).expect("list");
    // The accounting file has the paid settlement with its account and payment date, leaves
    // the withdrawn one out, and its sum is the sum of the settlements that stand.
    let csv = String::from_utf8(okort_store::settlements_csv(&listed).expect("csv")).expect("utf8");
    let row = csv
        .lines()
        .find(|l| l.starts_with(&format!("{};", s2.id)))
        .expect("the paid settlement");
    assert!(
        row.contains("Eksempel Kino") && row.ends_with(";26.11.2026"),
        "{row}"
    );
    assert!(
        !csv.lines().any(|l| l.starts_with(&format!("{};", s.id))),
        "withdrawn: left out"
    );
    let live: i64 = listed
        .iter()
        .filter(|x| x.withdrawn_reason.is_none())
        .map(|x| x.line.total_ore)
        .sum();
    let sum = csv.lines().last().expect("sum row");
    assert!(sum.starts_with("Sum;"), "{sum}");
    assert!(
        sum.contains(&okort_core::money::format_amount(live)),
        "{sum}"
    );
    assert!(listed
        .iter()
        .any(|x| x.id == s.id && x.withdrawn_reason.is_some()));
}

#[test]
fn the_demo_year_is_settled_to_october_with_november_open_at_late_venues() {
    let o = office();
    let settlements = o.ws.list_settlements(&o.admin, o.year_id).expect("list");
    assert!(settlements.len() >= 20, "{}", settlements.len());
    assert!(
        settlements.iter().any(|s| s.paid_on.is_none()),
        "October approved, not paid"
    );
    assert!(settlements
        .iter()
        .filter(|s| s.period_to == Some(d(9, 30)))
        .all(|s| s.paid_on.is_some()));
    let open =
        o.ws.compute_payouts(&o.admin, o.year_id, None)
            .expect("open");
    assert!(
        open.iter().any(|l| l.holder_visits > 0),
        "November still open somewhere"
    );
    let last_year = o.ws.year_by_number(2025).expect("y").expect("2025");
    let closed =
        o.ws.compute_payouts(&o.admin, last_year.id, None)
            .expect("2025");
    assert!(
        closed.iter().all(|l| l.holder_visits == 0),
        "2025 is fully settled"
    );
    assert!(o
        .ws
        .list_settlements(&o.admin, last_year.id)
        .expect("2025")
        .iter()
        .all(|s| s.paid_on.is_some()));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    #[derive(Debug, Clone)]
    enum Op {
        /// Register a visit on day `day` of 2026 (0-based) at venue `venue` (0..3).
        Visit {
            venue: usize,
            day: u32,
            companion: bool,
        },
        /// Void the `k`-th visit registered here (modulo their number).
        Void {
            k: usize,
        },
        /// Approve a venue's open visits from day `from` for `len` days, or the whole year.
        Approve {
            venue: usize,
            period: Option<(u32, u32)>,
        },
        Withdraw {
            k: usize,
        },
        Pay {
            k: usize,
        },
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0..3usize, 0..330u32, any::<bool>())
                .prop_map(|(venue, day, companion)| Op::Visit { venue, day, companion }),
            1 => (0..50usize).prop_map(|k| Op::Void { k }),
            2 => (0..3usize, proptest::option::of((0..330u32, 1..120u32)))
                .prop_map(|(venue, period)| Op::Approve { venue, period }),
            1 => (0..20usize).prop_map(|k| Op::Withdraw { k }),
            1 => (0..20usize).prop_map(|k| Op::Pay { k }),
        ]
    }

    fn day(n: u32) -> NaiveDate {
        d(1, 1) + chrono::Days::new(u64::from(n.min(364)))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn no_visit_is_paid_twice_and_no_voided_visit_is_paid(ops in proptest::collection::vec(op(), 1..40)) {
            let mut o = office();
            let names = ["Eksempel Kino", "Bowlinghallen", "Eksempelbadet"];
            let venues: Vec<i64> = names
                .iter()
                .map(|n| o.ws.list_venues().expect("v").into_iter().find(|v| v.name == *n).expect("venue").id)
                .collect();
            let card = o.cards[0].clone();
            let mut visits: Vec<i64> = Vec::new();
            let mut settlements: Vec<i64> = Vec::new();
            for op in ops {
                match op {
                    Op::Visit { venue, day: n, companion } => {
                        let r = o.ws.register_visit(&o.admin, &card, Some(venues[venue]), day(n), companion, Some("egenskapstest"), TODAY);
                        visits.push(r.expect("the office may always register").visit_id);
                    }
                    Op::Void { k } if !visits.is_empty() => {
                        let _ = o.ws.void_visit(&o.admin, visits[k % visits.len()], "feil");
                    }
                    Op::Approve { venue, period } => {
                        let period = period.map(|(from, len)| (day(from), day(from + len)));
                        if let Ok(s) = o.ws.approve_settlement(&o.admin, venues[venue], o.year_id, period, d(11, 26)) {
                            settlements.push(s.id);
                        }
                    }
                    Op::Withdraw { k } if !settlements.is_empty() => {
                        let _ = o.ws.withdraw_settlement(&o.admin, settlements[k % settlements.len()], "x");
                    }
                    Op::Pay { k } if !settlements.is_empty() => {
                        let _ = o.ws.mark_settlement_paid(&o.admin, settlements[k % settlements.len()], d(12, 1));
                    }
                    _ => {}
                }
            }
            let count = |sql: &str| -> i64 { o.ws.count(sql).expect(sql) };
            prop_assert_eq!(count("SELECT COUNT(*) FROM visits WHERE voided_reason IS NOT NULL AND settlement_id IS NOT NULL"), 0, "a voided visit is in a settlement");
            prop_assert_eq!(count("SELECT COUNT(*) FROM visits v JOIN settlements s ON s.id = v.settlement_id WHERE s.withdrawn_reason IS NOT NULL"), 0, "a withdrawn settlement holds visits");
            // Each live settlement pays exactly the visits that point to it: none twice.
            prop_assert_eq!(
                count("SELECT COALESCE(SUM(holder_visits), 0) FROM settlements WHERE withdrawn_reason IS NULL"),
                count("SELECT COUNT(*) FROM visits WHERE settlement_id IS NOT NULL")
            );
            prop_assert_eq!(count("SELECT COUNT(*) FROM settlements s WHERE withdrawn_reason IS NULL AND holder_visits <> (SELECT COUNT(*) FROM visits WHERE settlement_id = s.id)"), 0);
            for id in &settlements {
                let s = o.ws.settlement(&o.admin, *id).expect("settlement");
                let l = &s.line;
                prop_assert_eq!(l.total_ore, l.holder_amount_ore + l.companion_amount_ore, "total = sum of lines");
                prop_assert_eq!(l.holder_amount_ore, line_amount(l.holder_visits, l.holder_price_ore, l.share_percent));
                if s.paid_on.is_some() {
                    prop_assert!(s.withdrawn_reason.is_none());
                }
            }
            // What is open plus what is settled is every visit not voided, at every venue.
            let open = o.ws.compute_payouts(&o.admin, o.year_id, None).expect("open");
            for (venue, line) in venues.iter().filter_map(|v| open.iter().find(|l| l.venue_id == *v).map(|l| (v, l))) {
                let all = count(&format!(
                    "SELECT COUNT(*) FROM visits WHERE venue_id = {venue} AND year_id = {} AND voided_reason IS NULL",
                    o.year_id));
                prop_assert_eq!(i64::from(line.holder_visits + line.settled_visits), all);
                let approved = count(&format!(
                    "SELECT COALESCE(SUM(total_ore), 0) FROM settlements
                     WHERE venue_id = {venue} AND year_id = {} AND withdrawn_reason IS NULL",
                    o.year_id));
                prop_assert_eq!(line.settled_ore, approved, "what is settled, in øre, is what was approved");
                let total: i64 = open.iter().map(|l| l.total_ore).sum();
                let csv = String::from_utf8(okort_store::payouts_csv(&open).expect("csv")).expect("utf8");
                prop_assert!(csv.lines().last().expect("sum row").ends_with(&okort_core::money::format_amount(total)));
            }
        }
    }
}

#[test]
fn a_settlement_pays_the_account_it_was_approved_with_and_a_changed_account_is_logged() {
    let mut o = office();
    let a = o.cards[0].clone();
    o.ws.register_visit(&o.kino, &a, None, d(11, 2), false, None, TODAY)
        .expect("visit");
    let november = Some((d(11, 1), d(11, 30)));
    let s =
        o.ws.approve_settlement(&o.admin, o.kino_id, o.year_id, november, d(11, 26))
            .expect("approve");
    let venue = o.ws.venue(o.kino_id).expect("kino");
    assert_eq!(s.line.bank_account, venue.bank_account);
    let new_account = (0..100)
        .find_map(|k| okort_core::checks::complete_bank_account(&format!("15032700{k:02}")))
        .expect("an account number");
    assert_ne!(new_account, venue.bank_account);
    o.ws.save_venue(
        &o.admin,
        okort_core::VenueInput {
            id: Some(venue.id),
            name: venue.name.clone(),
            category: venue.category,
            address: venue.address.clone(),
            contact_person: venue.contact_person.clone(),
            phone: venue.phone.clone(),
            email: venue.email.clone(),
            org_number: venue.org_number.clone(),
            bank_account: new_account.clone(),
            active: venue.active,
            staff_note: venue.staff_note.clone(),
        },
    )
    .expect("new account");
    // The approved settlement still pays the account it was approved with ...
    let kept = o.ws.settlement(&o.admin, s.id).expect("settlement");
    assert_eq!(kept.line.bank_account, venue.bank_account);
    // ... the next one is to the new account, and the log says the account changed.
    o.ws.register_visit(&o.kino, &a, None, d(12, 1), false, None, TODAY)
        .expect("visit");
    let next =
        o.ws.approve_settlement(
            &o.admin,
            o.kino_id,
            o.year_id,
            Some((d(12, 1), d(12, 31))),
            d(12, 31),
        )
        .expect("approve");
    assert_eq!(next.line.bank_account, new_account);
    let log =
        o.ws.audit_log(
            &o.admin,
            &okort_store::AuditQuery {
                kind: Some("venue".into()),
                limit: 5,
                ..Default::default()
            },
            okort_core::Lang::Nb,
        )
        .expect("log");
    assert!(
        log.iter()
            .any(|e| e.sentence == "kultur endret kontonummeret til Eksempel Kino."),
        "{:?}",
        log.iter().map(|e| &e.sentence).collect::<Vec<_>>()
    );
}
