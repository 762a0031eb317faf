//! The venue kit: made at the office from the demo program, used with no workspace present,
//! and its report imported back.

use chrono::NaiveDate;
use okort_core::i18n::Problem;
use okort_core::qr::SigningKey;
use okort_store::demo::{self, DEMO_PASSWORD};
use okort_store::kit::Kit;
use okort_store::{LookupState, StoreError, Workspace};
use std::path::{Path, PathBuf};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).expect("date")
}

const TODAY: (u32, u32) = (6, 15);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1)
}

struct Office {
    dir: tempfile::TempDir,
    path: PathBuf,
    kino: i64,
    badet: i64,
}

fn office() -> Office {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.okort");
    drop(demo::create(&path).expect("demo"));
    let (ws, _) = Workspace::unlock(&path, "kultur", DEMO_PASSWORD).expect("login");
    let id = |name: &str| {
        ws.list_venues()
            .expect("venues")
            .into_iter()
            .find(|v| v.name == name)
            .expect(name)
            .id
    };
    let (kino, badet) = (id("Eksempel Kino"), id("Eksempelbadet"));
    Office {
        dir,
        path,
        kino,
        badet,
    }
}

fn login(o: &Office, user: &str) -> (Workspace, okort_core::Actor) {
    Workspace::unlock(&o.path, user, DEMO_PASSWORD).expect("login")
}

/// A card of the year with its QR code, signed at the office.
fn a_card(o: &Office) -> (String, String) {
    let (ws, admin) = login(o, "kultur");
    let year = ws.year_by_number(2026).expect("y").expect("2026");
    let row = ws
        .list_cards(&admin, year.id)
        .expect("cards")
        .into_iter()
        .find(|c| c.card.status.is_active())
        .expect("an active card");
    let qr = ws.card_qr(&admin, row.card.id).expect("qr");
    (row.card.number, qr)
}

fn make(o: &Office, venue: i64, out: &Path) -> okort_store::kit::KitSummary {
    let (ws, admin) = login(o, "kultur");
    ws.make_kit(&admin, venue, 2026, "kinodisk", "disk-passord-1", out)
        .expect("kit")
}

fn refused(e: StoreError) -> Problem {
    match e {
        StoreError::Refused(p) => p,
        other => panic!("not a refusal: {other:?}"),
    }
}

#[test]
fn a_kit_holds_first_names_and_card_numbers_only() {
    let o = office();
    let kit = o.dir.path().join("kino.okortkit");
    let summary = make(&o, o.kino, &kit);
    assert!(summary.cards > 0);
    let (ws, nav) = login(&o, "nav");
    let holders = ws.list_holders(&nav).expect("NAV's records");
    let raw = std::fs::read(&kit).expect("kit bytes");
    let text = String::from_utf8_lossy(&raw).to_string();
    // Its tables, read as SQL, hold nothing more than its bytes do.
    let conn = rusqlite::Connection::open(&kit).expect("sqlite");
    let tables: String = conn
        .query_row(
            "SELECT group_concat(content || signature || secret) FROM kit",
            [],
            |r| r.get(0),
        )
        .expect("tables");
    let mut first_names = 0;
    for h in &holders {
        for never in [
            h.last_name.clone(),
            h.guardian_name.clone(),
            h.guardian_phone.clone(),
            h.guardian_email.clone(),
            h.address.clone(),
            h.nav_note.clone(),
            h.nav_contact.clone(),
            h.birth_date.to_string(),
            h.birth_date.format("%d.%m.%Y").to_string(),
        ] {
            if never.chars().count() >= 3 {
                assert!(!text.contains(&never), "the kit holds «{never}»");
                assert!(!tables.contains(&never), "a kit table holds «{never}»");
            }
        }
        first_names += usize::from(text.contains(&h.first_name));
    }
    assert!(first_names > 0, "first names are there, for the desk");
    assert!(!text.contains(DEMO_PASSWORD) && !text.contains("disk-passord-1"));
}

#[test]
fn a_kit_checks_cards_and_registers_visits_with_no_workspace_present() {
    let o = office();
    let (number, qr) = a_card(&o);
    let kit_path = o.dir.path().join("kino.okortkit");
    make(&o, o.kino, &kit_path);
    // The workspace is gone: the kit alone answers.
    std::fs::remove_file(&o.path).expect("remove workspace");
    assert_eq!(
        refused(Kit::open(&kit_path, "kinodisk", "feil-passord").expect_err("wrong")),
        Problem::LoginFailed
    );
    let kit = Kit::open(&kit_path, "KinoDisk", "disk-passord-1").expect("desk login");
    let scanned = kit.lookup(&qr, today()).expect("scan");
    assert_eq!(scanned.state, LookupState::Valid);
    assert!(scanned.scanned);
    let venue = scanned.venue.clone().expect("allowance here");
    assert_eq!(venue.venue_name, "Eksempel Kino");
    let typed = kit.lookup(&number, today()).expect("typed");
    assert_eq!(typed.first_name, scanned.first_name);
    // Not yet valid, and expired, as the desk screen says.
    assert_eq!(
        kit.lookup(&number, d(1, 1).pred_opt().expect("d"))
            .expect("early")
            .state,
        LookupState::NotYetValid
    );
    // Visits up to the limit, then the desk's own words.
    let left = venue.visits_left.expect("the cinema limits visits");
    for i in 0..left {
        let r = kit
            .register(&qr, d(5, 1 + i), i == 0, today())
            .expect("visit");
        assert_eq!(r.visits_left, Some(left - i - 1));
    }
    let over = kit
        .register(&qr, d(6, 1), false, today())
        .expect_err("over");
    assert!(matches!(refused(over), Problem::VisitLimit { .. }));
    let twice = kit
        .register(&qr, d(5, 1), false, today())
        .expect_err("twice");
    assert_eq!(refused(twice), Problem::VisitAlreadyRegistered);
    assert_eq!(kit.visits(None, None).expect("list").len(), left as usize);
}

#[test]
fn a_qr_made_with_anything_inside_the_kit_is_refused() {
    let o = office();
    let (number, _) = a_card(&o);
    let kit_path = o.dir.path().join("kino.okortkit");
    make(&o, o.kino, &kit_path);
    let conn = rusqlite::Connection::open(&kit_path).expect("sqlite");
    let secret: String = conn
        .query_row("SELECT secret FROM kit", [], |r| r.get(0))
        .expect("secret");
    let seed = okort_core::qr::decode_key(&secret).expect("seed");
    let number = okort_core::CardNumber::parse(&number).expect("number");
    let kit = Kit::open(&kit_path, "kinodisk", "disk-passord-1").expect("open");
    for key in [
        SigningKey::from_seed(&seed),
        SigningKey::from_seed(&[1; 32]),
    ] {
        let forged = key.sign(&number, d(12, 31));
        assert_eq!(
            kit.lookup(&forged, today()).expect("looked up").state,
            LookupState::Forged
        );
        assert!(kit.register(&forged, today(), false, today()).is_err());
    }
}

#[test]
fn a_changed_kit_is_refused() {
    let o = office();
    let kit_path = o.dir.path().join("kino.okortkit");
    make(&o, o.kino, &kit_path);
    let conn = rusqlite::Connection::open(&kit_path).expect("sqlite");
    // More visits per card, written into the kit by hand.
    conn.execute(
        "UPDATE kit SET content = replace(content, '\"visitsPerCard\":5', '\"visitsPerCard\":50')",
        [],
    )
    .expect("edit");
    assert_eq!(conn.changes(), 1, "the edit took");
    drop(conn);
    assert_eq!(
        refused(Kit::open(&kit_path, "kinodisk", "disk-passord-1").expect_err("changed")),
        Problem::KitChanged
    );
    assert!(Kit::peek(&kit_path).is_err());
    // A workspace is not a kit.
    assert!(matches!(
        refused(Kit::peek(&o.path).expect_err("not a kit")),
        Problem::NotAKit { .. }
    ));
}

#[test]
fn a_kit_report_imports_at_the_office_once_and_counts_in_the_payout() {
    let o = office();
    let (_, qr) = a_card(&o);
    let kit_path = o.dir.path().join("kino.okortkit");
    make(&o, o.kino, &kit_path);
    let kit = Kit::open(&kit_path, "kinodisk", "disk-passord-1").expect("open");
    kit.register(&qr, d(5, 2), true, today()).expect("visit");
    kit.register(&qr, d(5, 3), false, today()).expect("visit");
    let csv = kit
        .report(Some(d(5, 1)), Some(d(5, 31)), false)
        .expect("csv");
    let xlsx = kit.report(None, None, true).expect("xlsx");

    let (mut ws, admin) = login(&o, "kultur");
    let year = ws.year_by_number(2026).expect("y").expect("y");
    let holder_visits = |ws: &Workspace| {
        ws.compute_payouts(&admin, year.id, None)
            .expect("payouts")
            .into_iter()
            .find(|l| l.venue_id == o.kino)
            .map_or(0, |l| l.holder_visits)
    };
    let before = holder_visits(&ws);
    // Changed by hand: refused whole.
    let altered = String::from_utf8(csv.clone())
        .expect("utf8")
        .replace("03.05.2026", "04.05.2026");
    let err = ws
        .import_visits(&admin, Some(o.kino), altered.as_bytes(), false, today())
        .expect_err("altered");
    assert_eq!(refused(err), Problem::ReportChanged);
    // Imported for another venue: refused, naming the kit's venue.
    let err = ws
        .import_visits(&admin, Some(o.badet), &csv, false, today())
        .expect_err("other venue");
    assert_eq!(
        refused(err),
        Problem::ReportOtherVenue {
            venue: "Eksempel Kino".into()
        }
    );
    let r = ws
        .import_visits(&admin, Some(o.kino), &csv, false, today())
        .expect("import");
    assert_eq!(r.imported, 2);
    assert_eq!(holder_visits(&ws), before + 2, "counted in the payout");
    // The same visits again, as Excel: nothing is added.
    assert!(ws
        .import_visits(&admin, Some(o.kino), &xlsx, true, today())
        .is_err());
    assert_eq!(holder_visits(&ws), before + 2);
    drop(ws);

    // A refreshed kit keeps its visits and does not count the imported ones twice.
    let refreshed = make(&o, o.kino, &kit_path);
    assert_eq!(refreshed.visits_kept, 2);
    let kit = Kit::open(&kit_path, "kinodisk", "disk-passord-1").expect("open");
    let used = kit
        .lookup(&qr, today())
        .expect("lookup")
        .venue
        .expect("venue")
        .visits_used;
    let (ws, admin) = login(&o, "kultur");
    let lookup = ws
        .lookup_card_at(&admin, &qr, Some(o.kino), today())
        .expect("office");
    assert_eq!(
        used,
        lookup.venue.expect("venue").visits_used,
        "the kit and the office agree"
    );
    // Retired (it was lost): its reports are refused, and a kit made to the file is a new one.
    assert_eq!(ws.retire_kits(&admin, o.kino, 2026).expect("retire"), 1);
    let (mut ws, admin) = (ws, admin);
    let err = ws
        .import_visits(&admin, Some(o.kino), &csv, true, today())
        .expect_err("retired");
    assert_eq!(refused(err), Problem::ReportRetiredKit);
    let new = ws
        .make_kit(
            &admin,
            o.kino,
            2026,
            "kinodisk",
            "nytt-passord-2",
            &kit_path,
        )
        .expect("new kit");
    assert_eq!(new.visits_kept, 0, "a new kit, with a new key");
    // Another venue's kit may not be written over this one.
    let err = ws
        .make_kit(&admin, o.badet, 2026, "bad", "disk-passord-1", &kit_path)
        .expect_err("other venue's file");
    assert!(matches!(refused(err), Problem::KitOtherVenue { .. }));
}

#[test]
fn a_report_from_a_kit_of_another_workspace_is_refused() {
    let o = office();
    let other = office();
    let (_, qr) = a_card(&o);
    let kit_path = other.dir.path().join("kino.okortkit");
    // The other program's kit: its cards are signed by another key.
    make(&other, other.kino, &kit_path);
    let kit = Kit::open(&kit_path, "kinodisk", "disk-passord-1").expect("open");
    assert_eq!(
        kit.lookup(&qr, today()).expect("lookup").state,
        LookupState::Forged,
        "a card of another program is not genuine here"
    );
    let (_, other_qr) = a_card(&other);
    kit.register(&other_qr, d(5, 2), false, today())
        .expect("visit");
    let csv = kit.report(None, None, false).expect("csv");
    let (mut ws, admin) = login(&o, "kultur");
    let err = ws
        .import_visits(&admin, Some(o.kino), &csv, false, today())
        .expect_err("unknown kit");
    assert_eq!(refused(err), Problem::ReportUnknownKit);
}
