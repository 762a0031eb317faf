//! The workspace as a real SQLite file: opening, upgrading, refusing, and CSV round trips.

mod support;
use okort_core::Actor;
use okort_core::ProgramYearInput;
use okort_store::{demo, StoreError, Workspace};

fn register(ws: &Workspace) -> Vec<String> {
    // Everything a venue row and its agreements hold, except database ids and logos.
    let mut out = Vec::new();
    for v in ws.list_venues().expect("venues") {
        let mut line = format!("{v:?}");
        line = line.replace(&format!("id: {}, ", v.id), "");
        line = line.replace(&format!("logo_id: {:?}, ", v.logo_id), "");
        for a in ws.agreements_for_venue(v.id).expect("agreements") {
            line.push_str(&format!(
                " | {} {:?} {} {:?} {} {} {} {:?} {:?} {:?} {}",
                a.year,
                a.visits_per_card,
                a.companion_free,
                a.compensation,
                a.share_percent,
                a.holder_price_ore,
                a.companion_price_ore,
                a.period_from,
                a.period_to,
                a.signed_on,
                a.not_covered
            ));
        }
        out.push(line);
    }
    out
}

#[test]
fn the_demo_program_has_fifteen_venues_with_logos_and_two_years_of_agreements() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let venues = ws.list_venues().expect("venues");
    assert_eq!(venues.len(), 15);
    assert!(
        venues.iter().all(|v| v.logo_id.is_some()),
        "every demo venue has a logo"
    );
    let years = ws.list_years().expect("years");
    assert_eq!(years.len(), 2);
    for y in &years {
        assert_eq!(ws.agreements_for_year(y.id).expect("agreements").len(), 15);
    }
    let program = ws.program().expect("program");
    assert_eq!(program.municipality, "Eksempel kommune");
    assert!(program.logo_id.is_some() && program.coat_of_arms_id.is_some());
}

#[test]
fn venues_import_from_an_excel_workbook_and_name_a_bad_cell() {
    let dir = tempfile::tempdir().expect("dir");
    let mut ws = Workspace::create(&dir.path().join("fresh.okort")).expect("fresh");
    ws.save_year(
        &Actor::command_line(),
        ProgramYearInput::new_for(2026).expect("year"),
    )
    .expect("save year");
    let bad = support::text_workbook(&[
        &[
            "Navn",
            "Kategori",
            "Org.nr.",
            "År",
            "Besøk per kort",
            "Kompensasjon",
        ],
        &["Eksempel Kino", "kino", "", "2026", "5", "full"],
        &["Svømmehallen", "bad", "", "2026", "mange", "full"],
    ]);
    let Err(StoreError::Import(rows)) = ws.import_venues_csv(&Actor::command_line(), &bad) else {
        panic!("refused");
    };
    assert_eq!(
        rows.iter()
            .map(|r| (r.row, r.column.as_str()))
            .collect::<Vec<_>>(),
        [(3, "Besøk per kort")],
        "{rows:?}"
    );
    assert!(
        ws.list_venues().expect("venues").is_empty(),
        "nothing saved"
    );
    let good = support::text_workbook(&[
        &[
            "Navn",
            "Kategori",
            "År",
            "Besøk per kort",
            "Ledsager gratis",
            "Kompensasjon",
        ],
        &["Eksempel Kino", "kino", "2026", "5", "ja", "full"],
        &["Svømmehallen", "bad", "2026", "fri", "nei", "full"],
    ]);
    let report = ws
        .import_venues_csv(&Actor::command_line(), &good)
        .expect("import");
    assert_eq!((report.venues_created, report.agreements_saved), (2, 2));
    let year = ws.year_by_number(2026).expect("y").expect("2026");
    let agreements = ws.agreements_for_year(year.id).expect("agreements");
    assert!(agreements.iter().any(|a| a.visits_per_card.is_none()));
    assert!(agreements.iter().any(|a| a.visits_per_card == Some(5)));
}

#[test]
fn export_then_import_into_a_fresh_workspace_gives_the_same_register() {
    let dir = tempfile::tempdir().expect("dir");
    let source = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let csv = source.export_venues_csv().expect("export");

    let mut target = Workspace::create(&dir.path().join("fresh.okort")).expect("fresh");
    for y in [2025, 2026] {
        target
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(y).expect("year"),
            )
            .expect("save year");
    }
    let report = target
        .import_venues_csv(&Actor::command_line(), &csv)
        .expect("import");
    assert_eq!((report.venues_created, report.agreements_saved), (15, 30));
    assert_eq!(register(&target), register(&source));

    let again = target
        .import_venues_csv(&Actor::command_line(), &csv)
        .expect("re-import");
    assert_eq!(
        (again.venues_created, again.venues_updated),
        (0, 15),
        "matched, not duplicated"
    );
    assert_eq!(register(&target), register(&source));
}

#[test]
fn a_workspace_keeps_its_data_when_reopened() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("ws.okort");
    drop(demo::create(&path).expect("demo"));
    let (ws, _) = Workspace::unlock(&path, "kultur", demo::DEMO_PASSWORD).expect("reopen");
    assert_eq!(ws.list_venues().expect("venues").len(), 15);
    assert_eq!(
        ws.schema_version().expect("version"),
        okort_store::migrations::latest_version()
    );
}

#[test]
fn a_workspace_from_a_newer_version_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("future.okort");
    support::plain_workspace(&path);
    let conn = rusqlite_conn(&path);
    conn.pragma_update(None, "user_version", 99).expect("bump");
    drop(conn);
    let err = Workspace::unlock(&path, "kultur", "gammelt-passord")
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::TooNew { found: 99, .. }));
    assert!(err.message(okort_core::Lang::Nb).contains("nyere versjon"));
}

#[test]
fn a_file_that_is_not_a_workspace_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("notes.okort");
    std::fs::write(&path, b"just some text").expect("write");
    let err = Workspace::unlock(&path, "kultur", "passord")
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::NotAWorkspace(_)), "{err:?}");
    assert_eq!(std::fs::read(&path).expect("read"), b"just some text");
    assert!(matches!(
        Workspace::create(&path),
        Err(StoreError::AlreadyExists(_))
    ));
}

fn rusqlite_conn(path: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("open raw")
}

#[test]
fn a_written_file_replaces_a_file_whole_and_never_a_folder_or_a_link() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("kort.csv");
    okort_store::write_file(&file, "første").expect("write");
    okort_store::write_file(&file, "andre").expect("overwrite");
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "andre");

    let folder = dir.path().join("mappe");
    std::fs::create_dir(&folder).expect("folder");
    let e = okort_store::write_file(&folder, "x").expect_err("a folder");
    assert!(e
        .message(okort_core::Lang::Nb)
        .contains("ikke en vanlig fil"));
    assert!(folder.is_dir(), "the folder is left as it was");

    #[cfg(unix)]
    {
        let link = dir.path().join("lenke");
        std::os::unix::fs::symlink(&file, &link).expect("link");
        assert!(okort_store::write_file(&link, "x").is_err());
        assert!(std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&file).expect("read"), "andre");
    }
    // The workspace itself, open or not, is never written over by an export.
    let ws_path = dir.path().join("ws.okort");
    let ws = Workspace::create(&ws_path).expect("create");
    let before = std::fs::read(&ws_path).expect("read");
    let err = okort_store::write_file(&ws_path, "kort;navn\n").expect_err("refused");
    assert!(
        err.message(okort_core::Lang::Nb).contains("arbeidsfil"),
        "{err:?}"
    );
    assert_eq!(std::fs::read(&ws_path).expect("read"), before);
    drop(ws);
}

#[test]
fn a_spreadsheet_with_a_cell_far_out_is_refused_by_name_without_allocating_the_sheet() {
    let dir = tempfile::tempdir().expect("dir");
    let mut ws = Workspace::create(&dir.path().join("ws.okort")).expect("create");
    let admin = ws
        .create_first_admin("kultur", "hemmelig-passord")
        .expect("admin");
    // 5 KB on disk; as a table from A1 to XFD1048576 it would be 17 billion cells.
    let bomb = support::workbook(&[
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>navn</t></is></c></row>"#.to_string(),
        r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>"#
            .to_string(),
    ]);
    let err = ws.import_venues_csv(&admin, &bomb).expect_err("refused");
    let StoreError::Import(rows) = &err else {
        panic!("{err:?}")
    };
    let said = rows[0].message(okort_core::Lang::Nb);
    assert!(said.contains("XFD1048576"), "{said}");
    assert!(said.contains("100000 rader"), "{said}");
    assert!(
        ws.list_venues().expect("venues").is_empty(),
        "nothing saved"
    );
    // A file too large to be any table the app reads is refused before it is parsed.
    let huge = vec![b'a'; 33 * 1024 * 1024];
    let err = ws.import_venues_csv(&admin, &huge).expect_err("too large");
    let StoreError::Import(rows) = &err else {
        panic!("{err:?}")
    };
    assert!(rows[0]
        .message(okort_core::Lang::En)
        .contains("more than 32 MB"));
}

/// A plain workspace at schema `version` as that version of the app left it: a year and a
/// venue, and from schema 2 on a user, a holder with NAV's fields, a card, and from schema 5 a
/// visit.
fn plain_at(path: &std::path::Path, version: u32) {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let mut conn = rusqlite::Connection::open(path).expect("open");
    conn.pragma_update(None, "application_id", 0x4F4B_5254)
        .expect("id");
    okort_store::migrations::migrate_to(&mut conn, version).expect("schema");
    conn.execute(
        "INSERT INTO program_years (year, valid_from, valid_to, card_quota, age_min, age_max,
            companion_free, status) VALUES (2025, '2025-01-01', '2025-12-31', 30, 5, 18, 1, 'active')",
        [],
    )
    .expect("year");
    conn.execute(
        "INSERT INTO venues (name, category) VALUES ('Gamle kino', 'cinema')",
        [],
    )
    .expect("venue");
    if version < 2 {
        return;
    }
    let salt = SaltString::encode_b64(b"sixteen byte salt").expect("salt");
    let hash = argon2::Argon2::default()
        .hash_password(b"gammelt-passord", &salt)
        .expect("hash")
        .to_string();
    conn.execute(
        "INSERT INTO users (username, password_hash, role) VALUES ('kultur', ?1, 'admin')",
        [&hash],
    )
    .expect("user");
    conn.execute(
        "INSERT INTO holders (first_name, last_name, birth_date, language, guardian_name, address)
         VALUES ('Ольга', 'Петрова', '2014-03-03', 'ru', 'Ирина Петрова', 'Storgata 1')",
        [],
    )
    .expect("holder");
    conn.execute(
        "INSERT INTO cards (year_id, serial, number, holder_id, status, created_on)
         VALUES (1, 1, '2025-0001-7', 1, 'handedOut', '2025-01-05')",
        [],
    )
    .expect("card");
    if version >= 5 {
        conn.execute(
            "INSERT INTO visits (card_id, holder_id, year_id, venue_id, visited_on, source,
                registered_by, registered_at)
             VALUES (1, 1, 1, 1, '2025-03-01', 'desk', 1, '2025-03-01T10:00:00Z')",
            [],
        )
        .expect("visit");
    }
}

/// The committed workspace files of earlier versions, in `tests/fixtures`: opened by the tests
/// as a user of that version left them. `UPDATE_FIXTURES=1` writes a missing one (only ever
/// for a version being shipped; a committed fixture is never rewritten).
fn fixture(name: &str, make: impl FnOnce(&std::path::Path)) -> std::path::PathBuf {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name);
    if !path.exists() && std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all(path.parent().expect("dir")).expect("fixtures");
        make(&path);
    }
    assert!(path.exists(), "missing fixture {}", path.display());
    path
}

/// A copy of a fixture to open (opening writes: backups, failed logins, upgrades).
fn copy_of(fixture: &std::path::Path, dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join(fixture.file_name().expect("name"));
    std::fs::copy(fixture, &path).expect("copy");
    path
}

#[test]
fn a_workspace_from_every_earlier_schema_opens_with_its_data() {
    let dir = tempfile::tempdir().expect("dir");
    for version in 2..okort_store::migrations::SEALING_VERSION {
        let name = format!("plain-schema-{version:02}.okort");
        let path = copy_of(&fixture(&name, |p| plain_at(p, version)), dir.path());
        let (ws, admin) =
            Workspace::unlock(&path, "kultur", "gammelt-passord").expect("convert and upgrade");
        assert_eq!(
            ws.schema_version().expect("v"),
            okort_store::migrations::latest_version(),
            "from {version}"
        );
        assert_eq!(ws.list_venues().expect("venues")[0].name, "Gamle kino");
        assert_eq!(ws.list_years().expect("years")[0].year, 2025);
        let summaries = ws.holder_summaries(&admin).expect("holders");
        assert_eq!(
            (summaries[0].first_name.as_str(), summaries[0].birth_year),
            ("Ольга", 2014),
            "from {version}"
        );
        let visits = ws.count("SELECT COUNT(*) FROM visits").expect("visits");
        assert_eq!(visits, i64::from(version >= 5), "from {version}");
        assert!(ws.verify_audit(&admin).expect("chain").broken_at.is_none());
        assert!(ws.integrity().is_ok());
    }
    // Schema 1 had no users: nobody can log in to convert it, and it is not touched.
    let path = copy_of(
        &fixture("plain-schema-01.okort", |p| plain_at(p, 1)),
        dir.path(),
    );
    assert!(Workspace::unlock(&path, "kultur", "gammelt-passord").is_err());
    assert_eq!(okort_store::file_kind(&path), okort_store::FileKind::Plain);
}

/// The demo as the first encrypted version wrote it (schema 14): every later version opens it
/// with the demo's logins, NAV's sealed fields and the audit chain intact.
#[test]
fn an_encrypted_workspace_of_schema_14_opens_with_its_data() {
    let dir = tempfile::tempdir().expect("dir");
    let fixture = fixture("encrypted-schema-14-demo.okort", |p| {
        drop(okort_store::demo::create(p).expect("demo"));
    });
    let path = copy_of(&fixture, dir.path());
    let (ws, admin) =
        Workspace::unlock(&path, "kultur", okort_store::demo::DEMO_PASSWORD).expect("kultur");
    assert_eq!(
        ws.schema_version().expect("v"),
        okort_store::migrations::latest_version()
    );
    assert_eq!(ws.list_venues().expect("venues").len(), 15);
    assert!(ws.verify_audit(&admin).expect("chain").broken_at.is_none());
    assert!(ws.integrity().is_ok());
    let summaries = ws.holder_summaries(&admin).expect("summaries").len();
    drop(ws);
    let (ws, nav) = Workspace::unlock(&path, "nav", okort_store::demo::DEMO_PASSWORD).expect("nav");
    let holders = ws.list_holders(&nav).expect("NAV's records open");
    assert_eq!(holders.len(), summaries);
    assert!(holders.iter().any(|h| !h.guardian_name.is_empty()));
    assert!(Workspace::unlock(&path, "kultur", "feil-passord").is_err());
}

mod arbitrary_files {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // 48 cases in every test run; PROPTEST_CASES runs more.
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48),
            ..ProptestConfig::default()
        })]

        /// Any bytes as a venue register, a holder list or a visit report: read or refused
        /// with a message, never a panic, and nothing half saved.
        #[test]
        fn any_bytes_as_an_import_are_read_or_refused(
            bytes in proptest::collection::vec(any::<u8>(), 0..3000),
            as_xlsx in any::<bool>(),
        ) {
            let dir = tempfile::tempdir().expect("dir");
            let mut ws = Workspace::create(&dir.path().join("ws.okort")).expect("create");
            let admin = ws.create_first_admin("kultur", "hemmelig-passord").expect("admin");
            let mut bytes = bytes;
            if as_xlsx {
                // Starts like a zip, so the spreadsheet reader takes it.
                bytes.splice(0..0, *b"PK\x03\x04");
            }
            if let Err(e) = ws.import_venues_csv(&admin, &bytes) {
                prop_assert!(!e.message(okort_core::Lang::Nb).is_empty());
                prop_assert!(ws.list_venues().expect("venues").is_empty());
            }
            let _ = ws.import_visits(&admin, None, &bytes, false, chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("d"));
        }
    }
}
