//! The command layer refuses each role what its job does not need, whatever the UI shows.

use crate::commands::{cards, holders, kit, payouts, program, session, venues, visits, workspace};
use crate::error::ErrorCode;
use crate::state::AppState;
use okort_store::demo;

fn logged_in(user: &str) -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.okort");
    drop(demo::create(&path).expect("demo"));
    let state = AppState::for_tests(&path, dir.path());
    session::login(&state, user.into(), demo::DEMO_PASSWORD.into()).expect("login");
    (dir, state)
}

fn denied<T: std::fmt::Debug>(result: crate::error::ApiResult<T>, what: &str) {
    match result {
        Err(e) => assert_eq!(e.code, ErrorCode::Denied, "{what}: {}", e.message),
        Ok(v) => panic!("{what} was allowed: {v:?}"),
    }
}

#[test]
fn nobody_logged_in_gets_nothing_but_the_login() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.okort");
    drop(demo::create(&path).expect("demo"));
    let state = AppState::for_tests(&path, dir.path());
    let err = venues::list_venues(&state).expect_err("not logged in");
    assert_eq!(err.code, ErrorCode::NotLoggedIn);
    let err = session::login(&state, "nav".into(), "feil-passord".into()).expect_err("wrong");
    assert_eq!(err.code, ErrorCode::Refused);
    assert_eq!(err.message, "Feil brukernavn eller passord");
}

#[test]
fn a_venue_user_is_refused_holders_cards_venues_and_users() {
    let (dir, state) = logged_in("kino");
    denied(
        workspace::workspace_new(&state, dir.path().join("other.okort")),
        "new workspace",
    );
    denied(workspace::workspace_open_demo(&state), "demo");
    assert!(!dir.path().join("other.okort").exists(), "no file made");
    denied(holders::list_holders(&state), "holder list");
    denied(holders::holder_summaries(&state), "holder summaries");
    denied(cards::list_cards(&state, 1), "card list");
    denied(cards::assign_card(&state, 1, 1, None), "assign");
    denied(venues::list_venues(&state), "venue list");
    denied(venues::save_agreement(&state, agreement()), "agreement");
    denied(session::list_users(&state), "users");
    denied(
        session::audit_log(&state, okort_store::AuditQuery::latest(500)),
        "audit",
    );
    denied(payouts::list_settlements(&state, 1), "settlements");
    denied(
        payouts::approve_settlement(&state, 1, 1, None, None),
        "approve",
    );
    denied(
        payouts::mark_settlement_paid(&state, 1, chrono::NaiveDate::default()),
        "paid",
    );
    let csv = base64_csv("kortnummer;dato\n");
    let other = visits::check_visit_import(&state, Some(2), csv).expect_err("other venue");
    assert_eq!(other.code, ErrorCode::Refused, "{}", other.message);
    assert!(
        program::get_program(&state).is_ok(),
        "the program's name and colours are shown"
    );
}

#[test]
fn nav_is_refused_the_culture_offices_work() {
    let (dir, state) = logged_in("nav");
    denied(
        workspace::workspace_open(&state, dir.path().join("demo.okort")),
        "open workspace",
    );
    assert!(holders::list_holders(&state).is_ok());
    let users = session::list_users(&state).expect("NAV's own users");
    assert!(
        users.iter().all(|u| u.role == okort_core::Role::Nav),
        "{users:?}"
    );
    denied(
        session::audit_log(&state, okort_store::AuditQuery::latest(500)),
        "audit",
    );
    denied(cards::mark_printed(&state, vec![1]), "printing");
    denied(
        visits::import_visits(
            &state,
            &state.jobs().start(|_| {}),
            Some(1),
            base64_csv("kortnummer;dato\n"),
            true,
        ),
        "visit import",
    );
    denied(
        payouts::withdraw_settlement(&state, 1, "x".into()),
        "settlements",
    );
    denied(venues::save_agreement(&state, agreement()), "agreements");
    denied(
        program::save_year(
            &state,
            okort_core::ProgramYearInput::new_for(2030).expect("y"),
        ),
        "years",
    );
}

#[test]
fn the_culture_office_sees_summaries_but_not_navs_records() {
    let (_dir, state) = logged_in("kultur");
    let summaries = holders::holder_summaries(&state).expect("summaries");
    assert_eq!(summaries.len(), 20);
    denied(holders::list_holders(&state), "full holder records");
    denied(holders::save_holder(&state, holder()), "holder changes");
    denied(
        cards::hand_out_card(&state, 1, chrono::NaiveDate::default()),
        "hand-out",
    );
    denied(cards::replace_lost_card(&state, 1), "replacement");
    assert!(
        session::audit_log(&state, okort_store::AuditQuery::latest(500))
            .expect("audit")
            .len()
            > 20
    );
}

fn base64_csv(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

fn agreement() -> okort_core::AgreementInput {
    okort_core::AgreementInput {
        venue_id: 1,
        year_id: 1,
        visits_per_card: Some(5),
        companion_free: true,
        not_covered: String::new(),
        compensation: okort_core::CompensationModel::FullRefund,
        share_percent: 100,
        holder_price_ore: 0,
        companion_price_ore: 0,
        period_from: None,
        period_to: None,
        signed_on: None,
    }
}

fn holder() -> okort_core::HolderInput {
    okort_core::HolderInput {
        id: None,
        first_name: "Ny".into(),
        last_name: "Holder".into(),
        birth_date: chrono::NaiveDate::from_ymd_opt(2015, 1, 1).expect("date"),
        language: "nb".into(),
        guardian_name: String::new(),
        guardian_phone: String::new(),
        guardian_email: String::new(),
        address: String::new(),
        nav_contact: String::new(),
        nav_note: String::new(),
    }
}

#[test]
fn a_deactivated_users_open_session_ends_at_the_next_step() {
    let (_dir, state) = logged_in("nav");
    assert!(holders::list_holders(&state).is_ok());
    state
        .with(|ws| {
            // NAV manages its own staff: a second NAV user deactivates the first.
            let first = ws.login("nav", demo::DEMO_PASSWORD)?;
            let nav = ws
                .list_users(&first)?
                .into_iter()
                .find(|u| u.username == "nav")
                .expect("nav");
            let second = ws.save_user(
                &first,
                okort_store::UserInput {
                    id: None,
                    username: "nav2".into(),
                    role: okort_core::Role::Nav,
                    venue_id: None,
                    active: true,
                    password: Some("hemmelig-passord".into()),
                },
            )?;
            let second = ws.login(&second.username, "hemmelig-passord")?;
            ws.save_user(
                &second,
                okort_store::UserInput {
                    id: Some(nav.id),
                    username: nav.username,
                    role: nav.role,
                    venue_id: nav.venue_id,
                    active: false,
                    password: None,
                },
            )
        })
        .expect("deactivate");
    let ended = holders::list_holders(&state).expect_err("ended");
    assert_eq!(ended.code, ErrorCode::NotLoggedIn);
    assert_eq!(
        ended.message,
        "Brukeren er endret eller deaktivert – logg inn på nytt"
    );
    assert!(state.session().is_none());
}

#[test]
fn an_idle_venue_desk_is_logged_out_after_the_programs_minutes_and_others_are_not() {
    let (_dir, desk) = logged_in("kino");
    desk.age_session(std::time::Duration::from_secs(14 * 60));
    assert!(
        venues::list_venues(&desk).is_err(),
        "a venue may not list venues"
    );
    assert!(
        desk.session().is_some(),
        "fourteen minutes are within the fifteen"
    );
    desk.age_session(std::time::Duration::from_secs(16 * 60));
    let out = cards::lookup_card(&desk, "2026-0001-9".into(), None).expect_err("idle");
    assert_eq!(out.code, ErrorCode::NotLoggedIn);
    assert!(out.message.contains("sto ubrukt"), "{}", out.message);
    assert!(desk.session().is_none());

    let (_dir, office) = logged_in("kultur");
    office.age_session(std::time::Duration::from_secs(3 * 3600));
    assert!(
        venues::list_venues(&office).is_ok(),
        "the office is not logged out"
    );
}

#[test]
fn a_second_desk_reads_only_sees_who_holds_the_workspace_and_gets_it_when_given_up() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.okort");
    drop(demo::create(&path).expect("demo"));
    let first = AppState::for_tests(&path, dir.path());
    let second = AppState::for_tests(&path, dir.path());
    let login = |state: &AppState, user: &str| {
        session::login(state, user.into(), demo::DEMO_PASSWORD.into()).expect("login")
    };
    assert!(!login(&first, "kultur").desk.read_only);
    let info = login(&second, "kultur");
    assert!(info.desk.read_only, "the second desk reads only");
    let message = info.desk.message.expect("who holds it");
    assert!(
        message.starts_with(&format!(
            "Åpnet av kultur på {} siden ",
            okort_store::desk::computer_name()
        )),
        "{message}"
    );
    assert!(!info.desk.stale);
    // Reading works; any write is refused by SQLite itself, with the reason.
    let venues_before = venues::list_venues(&second).expect("reads").len();
    let v = venues::list_venues(&second).expect("v")[0].clone();
    let input = with_phone(&v, "+47 11 11 11 11");
    let err = venues::save_venue(&second, input.clone()).expect_err("read-only");
    assert_eq!(err.code, ErrorCode::Refused);
    assert!(err.message.contains("bare for lesing"), "{}", err.message);
    // A live lock is not taken over, even when asked.
    assert!(
        session::reclaim_desk(&second, true)
            .expect("asked")
            .desk
            .read_only
    );
    // The first desk logs out: the second takes the workspace and can write.
    session::logout(&first).expect("logout");
    let info = session::reclaim_desk(&second, false).expect("again");
    assert!(!info.desk.read_only);
    venues::save_venue(&second, input).expect("saved now");
    assert_eq!(
        venues::list_venues(&second).expect("v").len(),
        venues_before
    );
    // And now the first is the one that reads only.
    assert!(login(&first, "nav").desk.read_only);
}

#[test]
fn a_damaged_workspace_is_restored_from_the_login_screen_by_an_administrator_only() {
    let (dir, state) = logged_in("kultur");
    session::logout(&state).expect("logout");
    let path = dir.path().join("demo.okort");
    let backups = workspace::backups_at_login(&state).expect("list");
    assert_eq!(backups.len(), 1, "the day's automatic copy");
    // The database part is cut short: nothing opens it any more.
    let len = std::fs::metadata(&path).expect("meta").len();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    file.set_len(64 * 1024 + (len - 64 * 1024) / 3)
        .expect("cut");
    drop(file);
    assert!(session::login(&state, "kultur".into(), demo::DEMO_PASSWORD.into()).is_err());
    let from = std::path::PathBuf::from(&backups[0].path);
    let wrong = workspace::restore_at_login(&state, from.clone(), "kultur".into(), "feil".into());
    assert!(wrong.is_err(), "a wrong password restores nothing");
    let nav = workspace::restore_at_login(
        &state,
        from.clone(),
        "nav".into(),
        demo::DEMO_PASSWORD.into(),
    );
    assert!(nav.is_err(), "only the culture office restores");
    let info =
        workspace::restore_at_login(&state, from, "kultur".into(), demo::DEMO_PASSWORD.into())
            .expect("restored");
    assert_eq!(info.user.expect("logged in").username, "kultur");
    assert_eq!(venues::list_venues(&state).expect("venues").len(), 15);
}

#[test]
fn the_office_makes_a_venue_kit_and_the_app_on_the_kit_is_that_venues_desk() {
    let (dir, office) = logged_in("kultur");
    let kino = venues::list_venues(&office).expect("venues")[0].clone();
    let path = dir.path().join("kino.okortkit");
    let made = kit::make_venue_kit(
        &office,
        kino.id,
        2026,
        "disk".into(),
        "disk-passord-1".into(),
        path.clone(),
    )
    .expect("kit");
    assert_eq!(made.venue_name, kino.name);
    let (_d, desk) = logged_in("kino");
    denied(
        kit::make_venue_kit(
            &desk,
            kino.id,
            2026,
            "x".into(),
            "disk-passord-1".into(),
            dir.path().join("x"),
        ),
        "a venue making kits",
    );

    // The app opened on the kit: the kit's desk, with its own login.
    let at_kit = AppState::for_tests(&path, dir.path());
    let info = workspace::workspace_info(&at_kit).expect("info");
    assert_eq!(info.kit.expect("a kit").venue_name, kino.name);
    assert!(session::session_info(&at_kit)
        .expect("session")
        .user
        .is_none());
    let err = kit::kit_lookup(&at_kit, "2026-0001-7".into()).expect_err("not logged in");
    assert_eq!(err.code, ErrorCode::NotLoggedIn);
    assert!(kit::kit_login(&at_kit, "disk".into(), "feil".into()).is_err());
    kit::kit_login(&at_kit, "disk".into(), "disk-passord-1".into()).expect("desk login");
    let visits = kit::kit_visits(&at_kit, None, None).expect("visits");
    assert!(visits.is_empty());
    let report = dir.path().join("rapport.csv");
    assert_eq!(
        kit::kit_save_report(&at_kit, report.clone(), None, None, false).expect("report"),
        0
    );
    assert!(std::fs::read_to_string(&report)
        .expect("csv")
        .contains("#okort-kit"));
    kit::kit_logout(&at_kit).expect("logout");
    assert!(kit::kit_visits(&at_kit, None, None).is_err());
}

#[test]
fn a_desk_left_idle_gives_the_workspace_up_and_takes_it_again_when_used() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.okort");
    drop(demo::create(&path).expect("demo"));
    let first = AppState::for_tests(&path, dir.path());
    let second = AppState::for_tests(&path, dir.path());
    let login = |state: &AppState, user: &str| {
        session::login(state, user.into(), demo::DEMO_PASSWORD.into()).expect("login")
    };
    let lock = okort_store::desk::lock_path(&path);
    let idle = crate::state::IDLE_RELEASE + std::time::Duration::from_secs(60);
    assert!(!login(&first, "kultur").desk.read_only);
    let v = venues::list_venues(&first).expect("venues")[0].clone();
    let input = |phone: &str| with_phone(&v, phone);
    // Idle past the limit: at the next renewal the lock is given up; the next action takes
    // it again, with no click, when nobody else has.
    first.age_session(idle);
    first.renew_desk();
    assert!(!lock.exists(), "the lock is given up");
    venues::save_venue(&first, input("+47 11 11 11 11")).expect("taken again and saved");
    assert!(lock.exists(), "held again");
    // Idle again, and another desk takes the workspace meanwhile: back at the first desk it
    // reads only, and says who has it.
    first.age_session(idle);
    first.renew_desk();
    assert!(
        !login(&second, "nav").desk.read_only,
        "free for the other desk"
    );
    assert!(
        first.renew_desk(),
        "the first desk learns of it at its next renewal"
    );
    assert!(session::session_info(&first).expect("s").desk.read_only);
    let refused = venues::save_venue(&first, input("+47 22 22 22 22")).expect_err("read-only");
    assert_eq!(refused.code, ErrorCode::Refused);
    let info = session::session_info(&first).expect("session");
    assert!(info
        .desk
        .message
        .expect("who")
        .starts_with("Åpnet av nav på "));
}

/// The venue as it is, with another phone number: a change to save.
fn with_phone(v: &okort_core::Venue, phone: &str) -> okort_core::VenueInput {
    okort_core::VenueInput {
        id: Some(v.id),
        name: v.name.clone(),
        category: v.category,
        address: v.address.clone(),
        contact_person: v.contact_person.clone(),
        phone: phone.into(),
        email: v.email.clone(),
        org_number: v.org_number.clone(),
        bank_account: v.bank_account.clone(),
        active: v.active,
        staff_note: v.staff_note.clone(),
    }
}
