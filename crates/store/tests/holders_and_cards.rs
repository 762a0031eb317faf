//! NAV's yearly round against a real workspace file: holders, assignment within quota and age,
//! lost cards, QR verification, re-assessment, and what each role is refused.

mod support;
use chrono::{Datelike, NaiveDate};
use okort_core::i18n::Problem;
use okort_core::{Actor, HolderInput, ProgramYearInput, Role, VenueCategory, VenueInput};
use okort_store::{demo, CardStatus, LookupState, RecoveryRole, StoreError, UserInput, Workspace};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

struct Setup {
    _dir: tempfile::TempDir,
    ws: Workspace,
    admin: Actor,
    nav: Actor,
    venue: Actor,
    year: i64,
}

fn setup(quota: u32) -> Setup {
    let dir = tempfile::tempdir().expect("dir");
    let mut ws = Workspace::create(&dir.path().join("ws.okort")).expect("create");
    let admin = ws
        .create_first_admin("kultur", "hemmelig-passord")
        .expect("admin");
    let year = ws
        .save_year(
            &Actor::command_line(),
            ProgramYearInput {
                card_quota: quota,
                ..ProgramYearInput::new_for(2026).expect("y")
            },
        )
        .expect("year")
        .id;
    let kino = ws
        .save_venue(
            &Actor::command_line(),
            VenueInput {
                id: None,
                name: "Kino".into(),
                category: VenueCategory::Cinema,
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
        .expect("venue");
    let mut user = |name: &str, role, venue_id| {
        let u = ws
            .save_user(
                &admin,
                UserInput {
                    id: None,
                    username: name.into(),
                    role,
                    venue_id,
                    active: true,
                    password: Some("hemmelig-passord".into()),
                },
            )
            .expect("user");
        Actor {
            user_id: u.id,
            role,
            venue_id,
        }
    };
    let venue = user("kino", Role::Venue, Some(kino.id));
    let nav = nav_user(&mut ws, "nav");
    Setup {
        _dir: dir,
        ws,
        admin,
        nav,
        venue,
        year,
    }
}

/// NAV's first user, made with NAV's recovery key from the setup (the culture office cannot).
fn nav_user(ws: &mut Workspace, name: &str) -> Actor {
    let key = ws
        .take_recovery()
        .into_iter()
        .find(|(r, _)| *r == RecoveryRole::Nav)
        .map(|(_, k)| k)
        .expect("NAV's recovery key, made at setup");
    ws.recover_in_place(RecoveryRole::Nav, &key, name, "hemmelig-passord")
        .expect("nav")
}

fn holder(first: &str, born: NaiveDate, phone: &str) -> HolderInput {
    HolderInput {
        id: None,
        first_name: first.into(),
        last_name: "Hansen".into(),
        birth_date: born,
        language: "nb".into(),
        guardian_name: String::new(),
        guardian_phone: phone.into(),
        guardian_email: String::new(),
        address: String::new(),
        nav_contact: String::new(),
        nav_note: "Hemmelig".into(),
    }
}

fn add(s: &Setup, first: &str, born: NaiveDate) -> i64 {
    s.ws.save_holder(&s.nav, holder(first, born, ""), d(2026, 1, 2))
        .expect("holder")
        .id
}

#[test]
fn nav_assigns_within_the_quota_and_is_refused_beyond_it() {
    let mut s = setup(2);
    let a = add(&s, "A", d(2015, 1, 1));
    let b = add(&s, "B", d(2015, 1, 1));
    let c = add(&s, "C", d(2015, 1, 1));
    let first =
        s.ws.assign_card(&s.nav, a, s.year, None, d(2026, 1, 5))
            .expect("a");
    assert!(first.number.starts_with("2026-0001-"));
    assert_eq!(s.ws.quota_status(&s.nav, s.year).expect("quota").left, 1);
    s.ws.assign_card(&s.nav, b, s.year, None, d(2026, 1, 5))
        .expect("b");
    let err =
        s.ws.assign_card(&s.nav, c, s.year, None, d(2026, 1, 5))
            .expect_err("quota");
    assert!(matches!(
        err,
        StoreError::Refused(Problem::QuotaFull { quota: 2 })
    ));
    let err =
        s.ws.assign_card(&s.nav, a, s.year, None, d(2026, 1, 5))
            .expect_err("twice");
    assert!(matches!(
        err,
        StoreError::Refused(Problem::AlreadyHasCard { .. })
    ));
}

#[test]
fn a_holder_outside_the_age_range_needs_navs_logged_reason_and_the_culture_office_never_assigns() {
    let mut s = setup(10);
    let old = add(&s, "Gammel", d(2006, 6, 1));
    // Only NAV assigns: the culture office is refused even with a reason.
    let err =
        s.ws.assign_card(&s.admin, old, s.year, Some("vil gjerne"), d(2026, 1, 5))
            .expect_err("the office");
    assert!(matches!(err, StoreError::Denied(_)));
    let err =
        s.ws.assign_card(&s.nav, old, s.year, None, d(2026, 1, 5))
            .expect_err("no reason");
    assert!(matches!(
        err,
        StoreError::Refused(Problem::AgeOutside {
            age: 20,
            min: 5,
            max: 18
        })
    ));
    let err =
        s.ws.assign_card(&s.nav, old, s.year, Some("  "), d(2026, 1, 5))
            .expect_err("an empty reason");
    assert!(matches!(
        err,
        StoreError::Refused(Problem::AgeOutside { .. })
    ));
    let card =
        s.ws.assign_card(
            &s.nav,
            old,
            s.year,
            Some("Vedtak i NAV 12.01."),
            d(2026, 1, 5),
        )
        .expect("override");
    let log =
        s.ws.audit_log(
            &s.admin,
            &okort_store::AuditQuery::latest(5),
            okort_core::Lang::Nb,
        )
        .expect("log");
    assert_eq!(log[0].action, "card.age_override");
    assert_eq!(log[0].entity_id, Some(card.id));
    assert_eq!(log[0].user_id, s.nav.user_id);
}

#[test]
fn a_lost_card_is_blocked_and_replaced_without_using_more_quota() {
    let mut s = setup(1);
    let a = add(&s, "A", d(2015, 1, 1));
    let old =
        s.ws.assign_card(&s.nav, a, s.year, None, d(2026, 1, 5))
            .expect("card");
    let new =
        s.ws.replace_lost(&s.nav, old.id, d(2026, 2, 1))
            .expect("replace");
    assert_ne!(new.number, old.number);
    assert_eq!(new.replaces_card_id, Some(old.id));
    let looked =
        s.ws.lookup_card(&s.venue, &old.number, d(2026, 3, 1))
            .expect("lookup");
    assert_eq!(looked.state, LookupState::Blocked);
    let looked =
        s.ws.lookup_card(&s.venue, &new.number, d(2026, 3, 1))
            .expect("lookup");
    assert_eq!(looked.state, LookupState::Valid);
    assert_eq!(s.ws.quota_status(&s.nav, s.year).expect("quota").used, 1);
}

#[test]
fn the_family_cap_stops_a_third_card_to_the_same_guardian() {
    let mut s = setup(10);
    let mut y = s.ws.list_years().expect("years")[0].clone();
    y.family_cap = Some(2);
    s.ws.save_year(&Actor::command_line(), ProgramYearInput::from(&y))
        .expect("cap");
    for (i, name) in ["A", "B", "C"].iter().enumerate() {
        let h =
            s.ws.save_holder(
                &s.nav,
                holder(name, d(2015, 1, 1), "+47 912 34 567"),
                d(2026, 1, 2),
            )
            .expect("h");
        let res = s.ws.assign_card(&s.nav, h.id, s.year, None, d(2026, 1, 5));
        if i < 2 {
            res.expect("within cap");
        } else {
            assert!(matches!(
                res,
                Err(StoreError::Refused(Problem::FamilyCap { cap: 2 }))
            ));
        }
    }
}

#[test]
fn a_scanned_qr_is_genuine_and_one_from_another_workspace_is_forged() {
    let mut s = setup(5);
    let a = add(&s, "Amina", d(2015, 1, 1));
    let card =
        s.ws.assign_card(&s.nav, a, s.year, None, d(2026, 1, 5))
            .expect("card");
    let code = s.ws.card_qr(&s.admin, card.id).expect("qr");
    let seen =
        s.ws.lookup_card(&s.venue, &code, d(2026, 6, 1))
            .expect("lookup");
    assert_eq!(seen.state, LookupState::Valid);
    assert!(seen.scanned);
    assert_eq!(seen.first_name.as_deref(), Some("Amina"));
    assert_eq!(seen.venue.expect("venue view").venue_name, "Kino");

    let other = setup(5);
    let forged = other
        .ws
        .lookup_card(&other.venue, &code, d(2026, 6, 1))
        .expect("lookup");
    assert_eq!(forged.state, LookupState::Forged);
    assert_eq!(
        forged.first_name, None,
        "nothing about a forged card's holder is shown"
    );

    let expired =
        s.ws.lookup_card(&s.venue, &card.number, d(2027, 1, 1))
            .expect("lookup");
    assert_eq!(expired.state, LookupState::Expired);
}

#[test]
fn a_typed_card_number_with_a_wrong_check_digit_is_refused() {
    let mut s = setup(5);
    let a = add(&s, "A", d(2015, 1, 1));
    let card =
        s.ws.assign_card(&s.nav, a, s.year, None, d(2026, 1, 5))
            .expect("card");
    let mut typo: Vec<char> = card.number.chars().collect();
    let last = typo.len() - 1;
    typo[last] = if typo[last] == '0' { '1' } else { '0' };
    let typo: String = typo.into_iter().collect();
    let err =
        s.ws.lookup_card(&s.venue, &typo, d(2026, 6, 1))
            .expect_err("typo");
    assert!(matches!(
        err,
        StoreError::Refused(Problem::CardNumberCheckDigit)
    ));
}

#[test]
fn reassessment_records_each_decision_and_renews_those_continued_in_one_step() {
    use okort_store::Continuation::{Continue, End};
    let mut s = setup(5);
    let next =
        s.ws.save_year(
            &Actor::command_line(),
            ProgramYearInput {
                card_quota: 1,
                ..ProgramYearInput::new_for(2027).expect("y")
            },
        )
        .expect("2027")
        .id;
    let young = add(&s, "Ung", d(2015, 1, 1));
    let old = add(&s, "Eldst", d(2008, 1, 1));
    let young2 = add(&s, "Ung2", d(2016, 1, 1));
    for h in [young, old, young2] {
        s.ws.assign_card(&s.nav, h, s.year, None, d(2026, 1, 5))
            .expect("card");
    }
    let rows = s.ws.reassessment(&s.nav, s.year, next).expect("rows");
    let aged_out: Vec<bool> = rows.iter().map(|r| r.ages_out).collect();
    assert_eq!(aged_out, [false, true, false]);
    assert!(
        rows.iter().all(|r| r.decision.is_none()),
        "nothing decided in advance"
    );
    let err =
        s.ws.decide_reassessment(&s.nav, old, next, Continue, d(2026, 11, 30))
            .expect_err("ages out");
    assert!(matches!(
        err,
        StoreError::Refused(Problem::AgeOutside { .. })
    ));
    s.ws.decide_reassessment(&s.nav, old, next, End, d(2026, 11, 30))
        .expect("end");
    s.ws.decide_reassessment(&s.nav, young, next, Continue, d(2026, 11, 30))
        .expect("continue");
    s.ws.decide_reassessment(&s.nav, young2, next, Continue, d(2026, 11, 30))
        .expect("continue");
    let rows = s.ws.reassessment(&s.nav, s.year, next).expect("rows");
    let decided = rows[0].decision.clone().expect("recorded");
    assert_eq!(
        (
            decided.continuation,
            decided.decided_on,
            decided.decided_by.as_str()
        ),
        (Continue, d(2026, 11, 30), "nav")
    );
    let err =
        s.ws.renew_cards(&s.nav, next, d(2026, 12, 1))
            .expect_err("quota");
    assert!(matches!(
        err,
        StoreError::Refused(Problem::QuotaShort { needed: 2, left: 1 })
    ));
    assert!(
        s.ws.list_cards(&s.nav, next).expect("none").is_empty(),
        "all or nothing"
    );
    s.ws.decide_reassessment(&s.nav, young2, next, End, d(2026, 12, 1))
        .expect("changed mind");
    let cards =
        s.ws.renew_cards(&s.nav, next, d(2026, 12, 1))
            .expect("renew");
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].holder_id, young);
    assert!(cards[0].number.starts_with("2027-"));
    assert_eq!(cards[0].status, CardStatus::Assigned);
}

#[test]
fn each_role_is_refused_what_its_job_does_not_need() {
    let mut s = setup(5);
    let a = add(&s, "A", d(2015, 1, 1));
    let card =
        s.ws.assign_card(&s.nav, a, s.year, None, d(2026, 1, 5))
            .expect("card");
    let denied = |r: Result<(), StoreError>, role: Role| {
        assert!(
            matches!(r, Err(StoreError::Denied(x)) if x == role),
            "{role:?} was not refused"
        );
    };
    // A venue: no holders, no cards list, no assignment, no users, no audit.
    denied(s.ws.list_holders(&s.venue).map(drop), Role::Venue);
    denied(s.ws.holder_summaries(&s.venue).map(drop), Role::Venue);
    denied(s.ws.list_cards(&s.venue, s.year).map(drop), Role::Venue);
    denied(
        s.ws.assign_card(&s.venue, a, s.year, None, d(2026, 1, 5))
            .map(drop),
        Role::Venue,
    );
    denied(
        s.ws.audit_log(
            &s.venue,
            &okort_store::AuditQuery::latest(5),
            okort_core::Lang::Nb,
        )
        .map(drop),
        Role::Venue,
    );
    denied(s.ws.list_users(&s.venue).map(drop), Role::Venue);
    // The culture office: no full holder records, no NAV-only changes.
    denied(s.ws.list_holders(&s.admin).map(drop), Role::Admin);
    denied(s.ws.holder(&s.admin, a).map(drop), Role::Admin);
    denied(
        s.ws.save_holder(&s.admin, holder("X", d(2015, 1, 1), ""), d(2026, 1, 1))
            .map(drop),
        Role::Admin,
    );
    denied(
        s.ws.hand_out(&s.admin, card.id, d(2026, 1, 9)).map(drop),
        Role::Admin,
    );
    denied(
        s.ws.replace_lost(&s.admin, card.id, d(2026, 1, 9))
            .map(drop),
        Role::Admin,
    );
    // NAV: only its own users, no audit log, no printing marks.
    let users = s.ws.list_users(&s.nav).expect("NAV's users");
    assert!(users.iter().all(|u| u.role == Role::Nav), "{users:?}");
    denied(
        s.ws.audit_log(
            &s.nav,
            &okort_store::AuditQuery::latest(5),
            okort_core::Lang::Nb,
        )
        .map(drop),
        Role::Nav,
    );
    denied(s.ws.mark_printed(&s.nav, &[card.id]).map(drop), Role::Nav);
    let csv = s.ws.export_holders_csv(&s.admin).expect("summary export");
    let text = String::from_utf8_lossy(&csv);
    assert!(
        !text.contains("Hemmelig"),
        "the NAV note never reaches the culture office"
    );
    assert!(text.contains("fødselsår"));
}

#[test]
fn holders_import_lists_bad_rows_and_a_reimport_updates_instead_of_duplicating() {
    let mut s = setup(5);
    let bad =
        "fornavn;etternavn;fødselsdato;språk\nOla;Hansen;01.02.2015;nb\n;Hansen;2015-02-30;xx\n";
    let Err(StoreError::Import(rows)) =
        s.ws.import_holders_csv(&s.nav, bad.as_bytes(), d(2026, 1, 1))
    else {
        panic!("refused");
    };
    let cells: Vec<(usize, &str)> = rows.iter().map(|r| (r.row, r.column.as_str())).collect();
    assert_eq!(cells, [(3, "fødselsdato"), (3, "fornavn"), (3, "språk")]);
    let good = "first_name,last_name,birth_date\nOla,Hansen,01.02.2015\nمريم,الحسن,2013-11-30\n";
    let r =
        s.ws.import_holders_csv(&s.nav, good.as_bytes(), d(2026, 1, 1))
            .expect("import");
    assert_eq!((r.created, r.updated), (2, 0));
    let r =
        s.ws.import_holders_csv(&s.nav, good.as_bytes(), d(2026, 1, 1))
            .expect("again");
    assert_eq!((r.created, r.updated), (0, 2));
    let export = s.ws.export_holders_csv(&s.nav).expect("export");
    let mut fresh = setup(5);
    let r = fresh
        .ws
        .import_holders_csv(&fresh.nav, &export, d(2026, 1, 1))
        .expect("round trip");
    assert_eq!(r.created, 2);
    assert_eq!(
        fresh.ws.list_holders(&fresh.nav).expect("list"),
        s.ws.list_holders(&s.nav).expect("list")
    );
}

#[test]
fn holders_import_from_an_excel_workbook_with_names_in_many_scripts() {
    let mut s = setup(5);
    let xlsx = support::text_workbook(&[
        &["Fornavn", "Etternavn", "Fødselsdato", "Språk"],
        &["Мария", "Иванова", "01.02.2015", "ru"],
        &["Thảo", "Nguyễn", "2013-11-30", "vi"],
        &["ሰላም", "ተስፋዬ", "12.06.2012", "ti"],
        &["", "", "", ""],
        &["Ola", "", "31.02.2015", ""],
    ]);
    let Err(StoreError::Import(rows)) = s.ws.import_holders_csv(&s.nav, &xlsx, d(2026, 1, 1))
    else {
        panic!("the bad row refuses the file");
    };
    let cells: Vec<(usize, &str)> = rows.iter().map(|r| (r.row, r.column.as_str())).collect();
    assert_eq!(cells, [(6, "Fødselsdato"), (6, "Etternavn")], "{rows:?}");
    let good = support::text_workbook(&[
        &["Fornavn", "Etternavn", "Fødselsdato", "Språk"],
        &["Мария", "Иванова", "01.02.2015", "ru"],
        &["Thảo", "Nguyễn", "2013-11-30", "vi"],
        &["ሰላም", "ተስፋዬ", "12.06.2012", "ti"],
    ]);
    let r =
        s.ws.import_holders_csv(&s.nav, &good, d(2026, 1, 1))
            .expect("import");
    assert_eq!((r.created, r.updated), (3, 0));
    let names: Vec<String> =
        s.ws.list_holders(&s.nav)
            .expect("list")
            .into_iter()
            .map(|h| format!("{} {}", h.first_name, h.last_name))
            .collect();
    for name in ["Мария Иванова", "Thảo Nguyễn", "ሰላም ተስፋዬ"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
}

#[test]
fn the_demo_has_users_for_each_role_holders_and_cards() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav login");
    assert_eq!(nav.role, Role::Nav);
    let venue = ws.login("kino", demo::DEMO_PASSWORD).expect("venue login");
    assert!(venue.venue_id.is_some());
    assert_eq!(ws.list_holders(&nav).expect("holders").len(), 20);
    let years = ws.list_years().expect("years");
    let this_year = years.iter().find(|y| y.year == 2026).expect("2026");
    let cards = ws.list_cards(&nav, this_year.id).expect("cards");
    assert_eq!(cards.len(), 19, "18 cards and one replacement");
    assert!(cards.iter().any(|c| c.card.status == CardStatus::Lost));
}

#[test]
fn a_plain_workspace_from_schema_one_is_converted_at_the_first_login_with_its_data_intact() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.okort");
    support::plain_workspace(&path);
    assert_eq!(okort_store::file_kind(&path), okort_store::FileKind::Plain);
    assert!(matches!(
        Workspace::unlock(&path, "kultur", "feil-passord"),
        Err(StoreError::Refused(Problem::LoginFailed))
    ));
    assert_eq!(okort_store::file_kind(&path), okort_store::FileKind::Plain);
    let (mut ws, admin) = Workspace::unlock(&path, "kultur", "gammelt-passord").expect("convert");
    assert_eq!(admin.role, Role::Admin);
    assert_eq!(
        okort_store::file_kind(&path),
        okort_store::FileKind::Encrypted
    );
    assert_eq!(
        ws.schema_version().expect("v"),
        okort_store::migrations::latest_version()
    );
    assert_eq!(ws.list_venues().expect("venues")[0].name, "Gamle kino");
    let y = &ws.list_years().expect("years")[0];
    assert_eq!((y.year, y.family_cap), (2025, None));
    // The plain file is kept beside it, as it was.
    let backup = ws.converted_from().expect("backup").to_path_buf();
    assert_eq!(
        okort_store::file_kind(&backup),
        okort_store::FileKind::Plain
    );
    // The raw file holds no names, birth dates or hashes any more.
    let raw = std::fs::read(&path).expect("raw");
    support::assert_absent(
        &raw,
        &["Gamle kino", "Ольга", "2014-03-03", "$argon2", "Storgata"],
    );
    let users = ws.list_users(&admin).expect("users");
    assert!(users.iter().any(|u| u.username == "kultur" && u.can_log_in));
    // The culture office reads names, not NAV's part.
    let summaries = ws.holder_summaries(&admin).expect("summaries");
    assert_eq!(summaries[0].first_name, "Ольга");
    assert_eq!(summaries[0].birth_year, 2014);
    assert!(matches!(
        ws.list_holders(&admin),
        Err(StoreError::Denied(_))
    ));
    // NAV's user from before has no key slot yet: NAV gives itself one with its recovery key,
    // and then reads its part, sealed at the conversion.
    assert!(Workspace::unlock(&path, "nav", "gammelt-passord").is_err());
    let keys = ws.take_recovery();
    assert_eq!(keys.len(), 2);
    let nav_key = keys
        .iter()
        .find(|(r, _)| *r == RecoveryRole::Nav)
        .map(|(_, k)| k.to_string())
        .expect("nav key");
    drop(ws);
    let (ws, nav) = Workspace::recover(
        &path,
        RecoveryRole::Nav,
        &nav_key,
        "nav",
        "nytt-nav-passord",
    )
    .expect("recover nav");
    let holders = ws.list_holders(&nav).expect("holders");
    assert_eq!(holders[0].birth_date, d(2014, 3, 3));
    assert_eq!(holders[0].address, "Storgata 1");
    assert_eq!(holders[0].nav_note, "Følges opp i mars");
    drop(ws);
    assert!(Workspace::unlock(&path, "nav", "nytt-nav-passord").is_ok());
}

#[test]
fn program_years_venues_and_agreements_are_the_culture_offices_and_each_change_is_logged() {
    let s = setup(5);
    let year = s.ws.year(s.year).expect("year");
    let venue = VenueInput {
        id: None,
        name: "Эрмитаж Кино".into(),
        category: VenueCategory::Cinema,
        address: String::new(),
        contact_person: String::new(),
        phone: String::new(),
        email: String::new(),
        org_number: String::new(),
        bank_account: String::new(),
        active: true,
        staff_note: String::new(),
    };
    for actor in [&s.nav, &s.venue] {
        assert!(matches!(
            s.ws.save_venue(actor, venue.clone()),
            Err(StoreError::Denied(_))
        ));
        assert!(matches!(
            s.ws.save_year(actor, ProgramYearInput::from(&year)),
            Err(StoreError::Denied(_))
        ));
    }
    let saved = s.ws.save_venue(&s.admin, venue).expect("office saves");
    s.ws.save_year(
        &s.admin,
        ProgramYearInput {
            card_quota: 7,
            ..ProgramYearInput::from(&year)
        },
    )
    .expect("year");
    let log =
        s.ws.audit_log(
            &s.admin,
            &okort_store::AuditQuery {
                limit: 10,
                ..Default::default()
            },
            okort_core::Lang::Nb,
        )
        .expect("log");
    let sentences: Vec<&str> = log.iter().map(|e| e.sentence.as_str()).collect();
    assert!(
        sentences.contains(&"kultur lagret brukerstedet Эрмитаж Кино."),
        "{sentences:?}"
    );
    assert!(
        sentences.contains(&"kultur lagret programåret 2026."),
        "{sentences:?}"
    );
    assert!(log.iter().any(|e| e.entity_id == Some(saved.id)));
}

#[test]
fn five_wrong_passwords_lock_a_name_for_a_growing_while_known_or_not_and_each_is_logged() {
    let mut s = setup(5);
    let path = s.ws.path().to_path_buf();
    let t0 = chrono::Utc::now();
    let at = |minutes: i64| t0 + chrono::Duration::minutes(minutes);
    let login = |name: &str, password: &str, t| {
        Workspace::unlock_at(&path, name, password, t).map(|(_, actor)| actor)
    };
    for name in ["kultur", "finnes-ikke"] {
        for _ in 0..5 {
            let e = login(name, "feil-passord", at(0)).expect_err("wrong");
            assert!(matches!(e, StoreError::Refused(Problem::LoginFailed)));
        }
        // Locked now, even with the right password, and the same answer for both names.
        let locked = login(name, "hemmelig-passord", at(0)).expect_err("locked");
        assert!(
            matches!(
                locked,
                StoreError::Refused(Problem::LoginLocked { minutes: 1 })
            ),
            "{name}: {locked:?}"
        );
    }
    // After the minute, one more failure locks it for two.
    assert!(login("kultur", "feil", at(2)).is_err());
    assert!(matches!(
        login("kultur", "hemmelig-passord", at(3)),
        Err(StoreError::Refused(Problem::LoginLocked { minutes: 1 }))
    ));
    let admin =
        login("kultur", "hemmelig-passord", at(5)).expect("unlocked, and the count starts again");
    assert!(login("kultur", "feil", at(5)).is_err());
    assert!(login("kultur", "hemmelig-passord", at(5)).is_ok());
    // The failures are in the audit log of the file, written at the logins that followed.
    s.ws = Workspace::unlock_at(&path, "kultur", "hemmelig-passord", at(5))
        .expect("open")
        .0;

    let log =
        s.ws.audit_log(
            &admin,
            &okort_store::AuditQuery {
                limit: 50,
                ..Default::default()
            },
            okort_core::Lang::Nb,
        )
        .expect("log");
    let said: Vec<&str> = log.iter().map(|e| e.sentence.as_str()).collect();
    assert!(said.contains(&"systemet registrerte en mislykket innlogging som kultur."));
    assert!(
        said.contains(&"systemet registrerte en mislykket innlogging med et ukjent brukernavn.")
    );
    assert!(said
        .iter()
        .any(|s| s.starts_with("systemet sperret innloggingen midlertidig etter 5")));
    assert!(
        !said
            .iter()
            .any(|s| s.contains("finnes-ikke") || s.contains("feil")),
        "neither typed names nor passwords are logged"
    );
}

#[test]
fn new_cards_are_signed_with_ed25519_and_cards_signed_before_keep_working_until_they_expire() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ws.okort");
    // A workspace from before Ed25519 (and before encryption): its cards were signed with a
    // shared HMAC secret.
    let old_secret = b"the old shared secret of 32 byte".to_vec();
    support::plain_workspace(&path);
    {
        let raw = rusqlite::Connection::open(&path).expect("raw");
        raw.execute(
            "INSERT INTO secrets (name, value) VALUES ('card-hmac', ?1)",
            [&old_secret],
        )
        .expect("old secret");
    }
    let (mut ws, admin) = Workspace::unlock(&path, "kultur", "gammelt-passord").expect("convert");
    let year = ws
        .save_year(&admin, ProgramYearInput::new_for(2026).expect("y"))
        .expect("2026");
    let nav = nav_user(&mut ws, "nav");
    ws.save_user(
        &admin,
        UserInput {
            id: None,
            username: "kino".into(),
            role: Role::Venue,
            venue_id: Some(ws.list_venues().expect("venues")[0].id),
            active: true,
            password: Some("hemmelig-passord".into()),
        },
    )
    .expect("venue user");
    let holder = ws
        .save_holder(&nav, holder("Thảo", d(2014, 3, 3), ""), d(2026, 1, 2))
        .expect("holder");
    let card = ws
        .assign_card(&nav, holder.id, year.id, None, d(2026, 1, 5))
        .expect("card");
    let number = okort_core::CardNumber::parse(&card.number).expect("number");

    // Printed now: Ed25519.
    let code = ws.card_qr(&admin, card.id).expect("qr");
    assert!(code.starts_with("OKORT2;"), "{code}");
    let at = d(2026, 6, 1);
    assert_eq!(
        ws.lookup_card(&admin, &code, at).expect("v2").state,
        LookupState::Valid
    );
    // Printed before, with the old secret: still genuine through its year.
    let old = okort_core::qr::sign(&old_secret, &number, year.valid_to);
    assert_eq!(
        ws.lookup_card(&admin, &old, at).expect("v1").state,
        LookupState::Valid
    );
    // The old secret cannot make a card for a year after the switch.
    ws.save_year(&admin, ProgramYearInput::new_for(2027).expect("y"))
        .expect("2027");
    let later = okort_core::qr::sign(
        &old_secret,
        &number,
        chrono::NaiveDate::from_ymd_opt(2027, 12, 31).expect("d"),
    );
    assert_eq!(
        ws.lookup_card(&admin, &later, at).expect("later").state,
        LookupState::Forged
    );
    // A venue desk, with the file and its own login, checks with the public key only: it
    // cannot sign a card.
    drop(ws);
    let (desk, venue) = Workspace::unlock(&path, "kino", "hemmelig-passord").expect("desk");
    assert_eq!(
        desk.lookup_card(&venue, &code, at).expect("check").state,
        LookupState::Valid
    );
    assert!(desk.card_qr(&venue, card.id).is_err());
    assert!(desk.qr_signer(&venue, year.id).is_err());
}

#[test]
fn a_venue_desk_may_not_walk_card_numbers_and_every_lookup_is_logged() {
    let mut s = setup(5);
    let a = add(&s, "Amina", d(2015, 1, 1));
    let card =
        s.ws.assign_card(&s.nav, a, s.year, None, d(2026, 1, 5))
            .expect("card");
    let qr = s.ws.card_qr(&s.admin, card.id).expect("qr");
    let at = d(2026, 6, 1);
    // Walking numbers: typed lookups of cards that exist or not, up to the limit.
    for n in 0..okort_store::TYPED_LOOKUPS {
        let number = okort_core::CardNumber::new(2026, n + 1).to_string();
        let _ = s.ws.lookup_card(&s.venue, &number, at);
    }
    let stopped =
        s.ws.lookup_card(&s.venue, &card.number, at)
            .expect_err("limited");
    assert!(matches!(
        stopped,
        StoreError::Refused(Problem::TooManyLookups { minutes: 10 })
    ));
    // Scanning the card in hand still works; the culture office is not limited.
    assert_eq!(
        s.ws.lookup_card(&s.venue, &qr, at).expect("scan").state,
        LookupState::Valid
    );
    assert!(s.ws.lookup_card(&s.admin, &card.number, at).is_ok());
    let log =
        s.ws.audit_log(
            &s.admin,
            &okort_store::AuditQuery {
                user_id: Some(s.venue.user_id),
                limit: 100,
                ..Default::default()
            },
            okort_core::Lang::Nb,
        )
        .expect("log");
    let typed = log
        .iter()
        .filter(|e| e.action == "card.lookup_typed" || e.action == "card.lookup_unknown")
        .count();
    assert_eq!(typed as u32, okort_store::TYPED_LOOKUPS);
    assert!(log.iter().any(|e| e.action == "card.lookup_scanned"
        && e.sentence == format!("kino skannet kort {}.", card.number)));
}

#[test]
fn the_retention_sweep_anonymises_holders_long_past_their_last_card_and_keeps_the_visits() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let program = ws.program().expect("program");
    ws.save_program(
        &admin,
        okort_core::ProgramInput {
            municipality: program.municipality,
            name: program.name,
            contact_name: program.contact_name,
            contact_phone: program.contact_phone,
            contact_email: program.contact_email,
            primary_colour: program.primary_colour,
            accent_colour: program.accent_colour,
            desk_idle_minutes: program.desk_idle_minutes,
            retention_years: 1,
        },
    )
    .expect("one year");
    let visits_before = |ws: &Workspace| {
        let y = ws.year_by_number(2025).expect("y").expect("2025");
        ws.list_visits(&admin, y.id, None).expect("visits").len()
    };
    let before = visits_before(&ws);
    let holders = ws.list_holders(&nav).expect("holders");
    let last_card = |id: i64| {
        ws.cards_of_holder(&nav, id)
            .expect("cards")
            .iter()
            .map(|c| c.year)
            .max()
    };
    // Every demo holder's last card is of 2026: kept through 2027 with one year's retention.
    let carded: Vec<_> = holders
        .iter()
        .filter(|h| last_card(h.id).is_some())
        .collect();
    assert!(carded.iter().all(|h| last_card(h.id) == Some(2026)));
    assert_eq!(ws.privacy_sweep(&admin, d(2027, 12, 31)).expect("sweep"), 0);
    assert!(matches!(
        ws.privacy_sweep(&nav, d(2028, 1, 2)),
        Err(StoreError::Denied(_))
    ));
    let swept = ws.privacy_sweep(&admin, d(2028, 1, 2)).expect("sweep");
    assert_eq!(swept as usize, carded.len());
    let after = ws.list_holders(&nav).expect("holders");
    for gone in &carded {
        let h = after
            .iter()
            .find(|h| h.id == gone.id)
            .expect("still counted");
        assert_eq!((h.first_name.as_str(), h.last_name.as_str()), ("–", ""));
        assert!(h.guardian_name.is_empty() && h.nav_note.is_empty() && h.address.is_empty());
        assert_eq!(
            h.birth_date.year(),
            gone.birth_date.year(),
            "the year stays"
        );
    }
    // Holders never given a card are NAV's open cases, not swept.
    assert_eq!(
        after.iter().filter(|h| h.first_name != "–").count(),
        holders.len() - carded.len()
    );
    assert_eq!(visits_before(&ws), before, "visits stay for the statistics");
    assert_eq!(ws.privacy_sweep(&admin, d(2027, 1, 3)).expect("again"), 0);
}

#[test]
fn an_access_request_gets_everything_about_the_holder_and_nothing_about_others() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let holders = ws.list_holders(&nav).expect("holders");
    let with_visits = holders
        .iter()
        .find(|h| {
            ws.holder_export(&nav, h.id)
                .map(|e| !e.visits.is_empty())
                .unwrap_or(false)
        })
        .expect("a holder with visits");
    let export = ws.holder_export(&nav, with_visits.id).expect("export");
    assert_eq!(export.holder, *with_visits);
    assert!(!export.cards.is_empty());
    let json = serde_json::to_string(&export).expect("json");
    assert!(json.contains(&with_visits.first_name));
    for other in holders.iter().filter(|h| h.id != with_visits.id) {
        assert!(
            !json.contains(&format!("\"{}\"", other.last_name))
                || other.last_name == with_visits.last_name,
            "{} leaked",
            other.last_name
        );
    }
    assert!(matches!(
        ws.holder_export(&admin, with_visits.id),
        Err(StoreError::Denied(_))
    ));
}

#[test]
fn nav_erases_a_holder_on_request_and_the_visits_stay_anonymous_in_the_statistics() {
    let dir = tempfile::tempdir().expect("dir");
    let mut ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let desk = ws.login("kino", demo::DEMO_PASSWORD).expect("desk");
    let year = ws.year_by_number(2026).expect("y").expect("2026");
    let holders = ws.list_holders(&nav).expect("holders");
    let erased = holders
        .iter()
        .find(|h| {
            let export = ws.holder_export(&nav, h.id).expect("export");
            !export.visits.is_empty() && export.cards.iter().any(|c| c.status.is_active())
        })
        .expect("a holder with visits and a card in use")
        .clone();
    let in_use: Vec<_> = ws
        .cards_of_holder(&nav, erased.id)
        .expect("cards")
        .into_iter()
        .filter(|c| c.status.is_active())
        .collect();
    let card = in_use[0].clone();
    let counts = |ws: &Workspace| {
        let visits = ws.list_visits(&admin, year.id, None).expect("visits").len();
        let paid: Vec<(u32, u32, i64)> = ws
            .compute_payouts(&admin, year.id, None)
            .expect("payouts")
            .iter()
            .map(|l| (l.holder_visits, l.companion_visits, l.total_ore))
            .collect();
        (visits, paid)
    };
    let before = counts(&ws);

    for other in [&admin, &desk] {
        assert!(
            matches!(
                ws.erase_holder(other, erased.id, d(2026, 12, 1)),
                Err(StoreError::Denied(_))
            ),
            "only NAV erases holders"
        );
    }
    let blocked = ws
        .erase_holder(&nav, erased.id, d(2026, 12, 1))
        .expect("erase");
    assert_eq!(
        blocked as usize,
        in_use.len(),
        "every card in use, of any year"
    );
    assert!(ws
        .cards_of_holder(&nav, erased.id)
        .expect("cards")
        .iter()
        .all(|c| !c.status.is_active()));

    let after = ws
        .holder(&nav, erased.id)
        .expect("the record stays, emptied");
    assert_eq!(
        (after.first_name.as_str(), after.last_name.as_str()),
        ("–", "")
    );
    for field in [
        &after.guardian_name,
        &after.guardian_phone,
        &after.guardian_email,
        &after.address,
        &after.nav_contact,
        &after.nav_note,
    ] {
        assert!(field.is_empty(), "NAV's field kept: {field}");
    }
    assert_eq!(after.birth_date, d(erased.birth_date.year(), 1, 1));
    assert_eq!(
        counts(&ws),
        before,
        "visits and amounts stay for the statistics"
    );

    // The card stops working at the desk at once.
    let revoked = ws.card_numbered(&nav, &card.number).expect("card");
    assert_eq!(revoked.status, CardStatus::Revoked);
    let lookup = ws
        .lookup_card(&desk, &card.number, d(2026, 12, 1))
        .expect("lookup");
    assert_eq!(lookup.state, LookupState::Blocked);

    // The log says a holder was erased on request, by NAV, and never their name.
    let log = ws
        .audit_log(
            &admin,
            &okort_store::AuditQuery::latest(50),
            okort_core::Lang::Nb,
        )
        .expect("log");
    let entry = log
        .iter()
        .find(|e| e.action == "holder.erase")
        .expect("logged");
    assert_eq!(entry.entity_id, Some(erased.id));
    assert_eq!(entry.user_id, nav.user_id);
    assert!(
        entry.sentence.contains("etter anmodning"),
        "{}",
        entry.sentence
    );
    for e in &log {
        for name in [&erased.first_name, &erased.last_name] {
            assert!(
                !e.detail.contains(name.as_str()) && !e.sentence.contains(name.as_str()),
                "a name in the log: {}",
                e.sentence
            );
        }
    }

    // Asked again, NAV is told there is nothing left to erase, and nothing more is logged.
    assert!(matches!(
        ws.erase_holder(&nav, erased.id, d(2026, 12, 2)),
        Err(StoreError::Refused(Problem::AlreadyAnonymised))
    ));
    let again = ws
        .audit_log(
            &admin,
            &okort_store::AuditQuery::latest(50),
            okort_core::Lang::Nb,
        )
        .expect("log");
    assert_eq!(again.len(), log.len().min(50));
    assert_eq!(again[0].id, log[0].id, "a refused erasure logs nothing");
}

#[test]
fn an_import_without_some_columns_leaves_those_fields_as_they_are() {
    let mut s = setup(5);
    let today = d(2026, 1, 2);
    let full = "fornavn;etternavn;fødselsdato;språk;foresatt;foresatt_telefon;adresse;nav_merknad\n\
                Тамара;Кузнецова;03.03.2014;ru;Ирина Кузнецова;+47 40000000;Storgata 1;Følges opp\n";
    s.ws.import_holders_csv(&s.nav, full.as_bytes(), today)
        .expect("first import");
    // A list with names and birth dates only: matched, and nothing else is blanked.
    let names = "fornavn;etternavn;fødselsdato\nТамара;Кузнецова;03.03.2014\n";
    let preview =
        s.ws.preview_holders_import(&s.nav, names.as_bytes(), today)
            .expect("preview");
    assert_eq!((preview.new, preview.changed, preview.unchanged), (0, 0, 1));
    // The preview shows each change and a new row, and saves nothing.
    let more = "fornavn;etternavn;fødselsdato;adresse\n\
                Тамара;Кузнецова;03.03.2014;Kirkegata 9\n\
                สมชาย;ใจดี;01.02.2015;\n\
                Ana;;x\n";
    let preview =
        s.ws.preview_holders_import(&s.nav, more.as_bytes(), today)
            .expect("preview");
    assert_eq!((preview.new, preview.changed, preview.unchanged), (1, 1, 0));
    assert_eq!(preview.rows[0].label, "Тамара Кузнецова");
    assert_eq!(
        preview.rows[0].fields,
        vec![okort_store::exchange::FieldChange {
            column: "adresse".into(),
            before: "Storgata 1".into(),
            after: "Kirkegata 9".into()
        }]
    );
    assert_eq!(preview.rows[1].change, okort_store::exchange::Change::New);
    assert_eq!(preview.rows[1].label, "สมชาย ใจดี");
    let refused: Vec<usize> = preview.refused.iter().map(|p| p.row).collect();
    assert!(
        refused.iter().all(|&r| r == 4) && !refused.is_empty(),
        "{refused:?}"
    );
    assert_eq!(
        s.ws.list_holders(&s.nav).expect("holders").len(),
        1,
        "nothing saved"
    );
    assert!(matches!(
        s.ws.preview_holders_import(&s.admin, names.as_bytes(), today),
        Err(StoreError::Denied(_))
    ));
    let report =
        s.ws.import_holders_csv(&s.nav, names.as_bytes(), today)
            .expect("second import");
    assert_eq!((report.created, report.updated), (0, 1));
    let h = &s.ws.list_holders(&s.nav).expect("holders")[0];
    assert_eq!(h.guardian_name, "Ирина Кузнецова");
    assert_eq!(h.guardian_phone, "+47 40000000");
    assert_eq!(h.address, "Storgata 1");
    assert_eq!(h.nav_note, "Følges opp");
    assert_eq!(h.language, "ru");
    // A column that is there but empty does clear the field: the file says so.
    let cleared = "fornavn;etternavn;fødselsdato;nav_merknad\nТамара;Кузнецова;03.03.2014;\n";
    s.ws.import_holders_csv(&s.nav, cleared.as_bytes(), today)
        .expect("third import");
    assert_eq!(s.ws.list_holders(&s.nav).expect("holders")[0].nav_note, "");
}

#[test]
fn a_lost_setup_sheet_is_made_good_until_nav_has_started() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ny.okort");
    let mut ws = Workspace::create(&path).expect("create");
    let admin = ws
        .create_first_admin("kultur", "hemmelig-passord")
        .expect("admin");
    // The sheet of the setup is never saved.
    drop(ws.take_recovery());
    ws.renew_recovery(&admin).expect("renew");
    let keys = ws.take_recovery();
    assert_eq!(keys.len(), 2, "the office's key and a new start for NAV");
    let nav_key = keys
        .iter()
        .find(|(r, _)| *r == RecoveryRole::Nav)
        .map(|(_, k)| k.to_string())
        .expect("nav");
    drop(ws);
    let (ws, nav) = Workspace::recover(&path, RecoveryRole::Nav, &nav_key, "nav", "navs-passord")
        .expect("NAV gets in");
    let holder = ws
        .save_holder(
            &nav,
            holder("Amira", d(2015, 1, 1), "40000000"),
            d(2026, 1, 2),
        )
        .expect("holder");
    assert_eq!(holder.guardian_phone, "40000000");
    drop(ws);
    // Once NAV has started, the office's renewal makes its own key only.
    let (mut ws, admin) = Workspace::unlock(&path, "kultur", "hemmelig-passord").expect("office");
    ws.renew_recovery(&admin).expect("renew");
    assert_eq!(ws.take_recovery().len(), 1);
}
