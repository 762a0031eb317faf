//! The `okort` binary as a script would use it.

use okort_store::demo::DEMO_PASSWORD;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// okort run by the culture office (the demo's `kultur`).
fn okort(workspace: &Path, args: &[&str]) -> Output {
    as_user(workspace, "kultur", DEMO_PASSWORD, args)
}

/// okort run by NAV (the demo's `nav`).
fn nav(workspace: &Path, args: &[&str]) -> Output {
    as_user(workspace, "nav", DEMO_PASSWORD, args)
}

/// okort run with no login.
fn anonymous(workspace: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_okort"))
        .arg("--workspace")
        .arg(workspace)
        .args(args)
        .env_remove("OKORT_USER")
        .env_remove("OKORT_PASSWORD")
        .output()
        .expect("run okort")
}

/// okort run as `user`, its password in OKORT_PASSWORD.
fn as_user(workspace: &Path, user: &str, password: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_okort"))
        .arg("--workspace")
        .arg(workspace)
        .args(["--user", user])
        .args(args)
        .env("OKORT_PASSWORD", password)
        .output()
        .expect("run okort")
}

/// `okort init` as the culture office's `kultur`, the recovery sheet saved beside the file.
fn init(workspace: &Path) -> Output {
    let sheet = workspace.with_extension("recovery.pdf");
    okort(
        workspace,
        &[
            "--recovery-sheet",
            sheet.to_str().expect("utf-8 path"),
            "init",
            "--admin",
            "kultur",
        ],
    )
}

/// A PDF's text, by poppler's pdftotext.
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The recovery key on a recovery sheet after `heading` ("Kulturkontoret" or "NAV"): eight
/// groups of four hex digits, printed on two lines.
fn recovery_key(text: &str, heading: &str) -> String {
    let after = &text[text.find(&format!("\n{heading}\n")).expect("heading")..];
    let groups: Vec<String> = after
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| {
            w.len() == 4
                && w.chars()
                    .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
        })
        .take(8)
        .map(str::to_string)
        .collect();
    assert_eq!(groups.len(), 8, "{after}");
    groups.join("-")
}

/// A new demo workspace made by `okort demo`, in a folder removed when the test ends.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("demo.okort");
    assert!(okort(&ws, &["demo"]).status.success());
    (dir, ws)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn demo_then_list_as_json_shows_fifteen_venues() {
    let (_dir, ws) = demo();
    let out = okort(&ws, &["venues", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let venues: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let venues = venues.as_array().expect("array");
    assert_eq!(venues.len(), 15);
    assert!(venues
        .iter()
        .any(|v| v["name"] == "Eksempel Kino" && v["category"] == "cinema"));
}

#[test]
fn export_from_the_demo_imports_into_a_new_workspace_with_the_same_years() {
    let dir = tempfile::tempdir().expect("dir");
    let demo = dir.path().join("demo.okort");
    let csv = dir.path().join("brukersteder.csv");
    assert!(okort(&demo, &["demo"]).status.success());
    let out = okort(
        &demo,
        &["venues", "export", csv.to_str().expect("utf-8 path")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("15 brukersteder eksportert"));

    // A fresh workspace has no program years, so every agreement row is refused.
    let fresh = dir.path().join("fresh.okort");
    assert!(init(&fresh).status.success());
    let out = okort(
        &fresh,
        &["venues", "import", csv.to_str().expect("utf-8 path")],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("rad 2, kolonne «år»: programåret 2025 finnes ikke"),
        "{err}"
    );
    assert!(err.contains("Ingenting er lagret"), "{err}");
    let list = okort(&fresh, &["venues", "list"]);
    assert_eq!(stdout(&list), "", "nothing was written");
}

#[test]
fn an_import_shows_what_changes_and_saves_only_with_yes() {
    let (dir, ws) = demo();
    let csv = dir.path().join("brukersteder.csv");
    std::fs::write(
        &csv,
        "navn;telefon\nEksempel Kino;+47 22 22 22 22\nНовый театр;\n",
    )
    .expect("write");
    let file = csv.to_str().expect("path");
    let phone = |ws: &std::path::Path| -> String {
        let out = okort(ws, &["venues", "list", "--json"]);
        let list: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
        let kino = list
            .as_array()
            .expect("list")
            .iter()
            .find(|v| v["name"] == "Eksempel Kino")
            .cloned()
            .expect("kino");
        kino["phone"].as_str().expect("phone").to_string()
    };
    let before = phone(&ws);
    let dry = okort(&ws, &["venues", "import", "--dry-run", file]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let shown = stdout(&dry);
    assert!(
        shown.contains("Filen gir 1 nye, 1 endret og 0 uendret."),
        "{shown}"
    );
    assert!(shown.contains("rad 2: endres – Eksempel Kino"), "{shown}");
    assert!(
        shown.contains(&format!("telefon: «{before}» → «+47 22 22 22 22»")),
        "{shown}"
    );
    assert!(shown.contains("rad 3: ny – Новый театр"), "{shown}");
    assert_eq!(phone(&ws), before, "a dry run saves nothing");
    // Not at a terminal and without --yes: shown, refused, nothing saved.
    let asked = okort(&ws, &["venues", "import", file]);
    assert_eq!(asked.status.code(), Some(1));
    assert!(stderr(&asked).contains("--yes"), "{}", stderr(&asked));
    assert_eq!(phone(&ws), before);
    let saved = okort(&ws, &["venues", "import", "--yes", file]);
    assert!(saved.status.success(), "{}", stderr(&saved));
    assert!(stdout(&saved).contains("Importert: 1 nye brukersteder, 1 oppdatert"));
    assert_eq!(phone(&ws), "+47 22 22 22 22");
}

#[test]
fn a_bad_file_lists_every_bad_row_on_stderr_in_english_when_asked() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("ws.okort");
    assert!(init(&ws).status.success());
    let csv = dir.path().join("bad.csv");
    std::fs::write(
        &csv,
        "name,category,org_number\nGood,cinema,\n,cinema,\nThird,bowling,123\n",
    )
    .expect("write");
    let out = okort(
        &ws,
        &[
            "--lang",
            "en",
            "venues",
            "import",
            csv.to_str().expect("path"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("row 3, column «name»: is required"), "{err}");
    assert!(err.contains("row 4, column «category»"), "{err}");
    assert!(
        err.contains("row 4, column «org_number»: an organisation number has 9 digits"),
        "{err}"
    );
}

#[test]
fn opening_a_missing_workspace_fails_with_a_message_and_exit_code() {
    let dir = tempfile::tempdir().expect("dir");
    let out = okort(&dir.path().join("nope.okort"), &["venues", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Finner ikke"), "{}", stderr(&out));
    let again = init(&dir.path().join("x.okort"));
    assert!(again.status.success());
    let twice = init(&dir.path().join("x.okort"));
    assert!(stderr(&twice).contains("finnes allerede"));
}

fn first_card(ws: &Path) -> serde_json::Value {
    let out = okort(ws, &["cards", "list", "--year", "2026", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let cards: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    cards[0].clone()
}

#[test]
fn cards_are_listed_without_nav_only_fields_and_verify_by_number() {
    let (_dir, ws) = demo();
    let out = okort(&ws, &["cards", "list", "--year", "2026", "--json"]);
    let text = stdout(&out);
    assert!(
        !text.contains("navNote") && !text.contains("guardian"),
        "{text}"
    );
    let number = first_card(&ws)["card"]["number"]
        .as_str()
        .expect("number")
        .to_string();
    let ok = okort(&ws, &["cards", "verify", &number, "--on", "15.06.2026"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("gyldig"), "{}", stdout(&ok));
    let later = okort(&ws, &["cards", "verify", &number, "--on", "02.01.2027"]);
    assert_eq!(
        later.status.code(),
        Some(1),
        "an expired card is not a good outcome"
    );
    assert!(stdout(&later).contains("utløpt"), "{}", stdout(&later));

    let mut typo: Vec<char> = number.chars().collect();
    typo.swap(5, 6);
    let typo: String = typo.into_iter().collect();
    if typo != number {
        let bad = okort(&ws, &["cards", "verify", &typo, "--on", "15.06.2026"]);
        assert_eq!(bad.status.code(), Some(1));
        assert!(
            stderr(&bad).contains("kontrollsifferet"),
            "{}",
            stderr(&bad)
        );
    }
}

#[test]
fn a_holder_past_the_age_range_needs_a_reason_from_the_command_line() {
    let (_dir, ws) = demo();
    // Demo holder 20 was born in 2007: 19 in 2026.
    let refused = nav(
        &ws,
        &["cards", "assign", "--year", "2026", "--holder", "20"],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("fyller 19 år"),
        "{}",
        stderr(&refused)
    );
    let ok = nav(
        &ws,
        &[
            "cards",
            "assign",
            "--year",
            "2026",
            "--holder",
            "20",
            "--override-reason",
            "Vedtak",
        ],
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("tildelt"));
}

#[test]
fn holders_export_from_the_command_line_has_names_and_birth_years_only() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("demo.okort");
    let csv = dir.path().join("holders.csv");
    assert!(okort(&ws, &["demo"]).status.success());
    let out = okort(&ws, &["holders", "export", csv.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(&csv).expect("read");
    assert!(text.starts_with("\u{feff}fornavn;etternavn;fødselsår"));
    assert!(text.contains("مريم;الحسن;2013"));
    assert!(
        !text.contains("Boligveien") && !text.contains("Foresatt"),
        "no NAV-only data"
    );
}

#[test]
fn printing_a_years_cards_writes_a_pdf_and_marks_them_printed() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("demo.okort");
    let pdf = dir.path().join("kort.pdf");
    assert!(okort(&ws, &["demo"]).status.success());
    let out = okort(
        &ws,
        &[
            "cards",
            "print",
            "--year",
            "2026",
            "--layout",
            "cr80",
            "--out",
            pdf.to_str().expect("p"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("18 kort skrevet til"),
        "{}",
        stdout(&out)
    );
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-"));
    let list = okort(&ws, &["cards", "list", "--year", "2026", "--json"]);
    let cards: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("json");
    let statuses: Vec<&str> = cards
        .as_array()
        .expect("a")
        .iter()
        .filter_map(|c| c["card"]["status"].as_str())
        .collect();
    assert!(
        !statuses.contains(&"assigned"),
        "every printed card is marked printed: {statuses:?}"
    );
    let bad = okort(
        &ws,
        &[
            "cards",
            "print",
            "--year",
            "2026",
            "--layout",
            "a5",
            "--out",
            pdf.to_str().expect("p"),
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("«a5»"), "{}", stderr(&bad));
}

#[test]
fn a_visit_is_registered_from_the_command_line_and_the_limit_holds() {
    let (_dir, ws) = demo();
    let (number, kino) = first_card_and_kino(&ws);
    let kino = kino.to_string();
    for day in 1..=5 {
        let date = format!("0{day}.03.2026");
        let out = okort(
            &ws,
            &[
                "visits", "register", "--card", &number, "--venue", &kino, "--date", &date,
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("{} igjen", 5 - day)),
            "{}",
            stdout(&out)
        );
    }
    let over = okort(
        &ws,
        &[
            "visits",
            "register",
            "--card",
            &number,
            "--venue",
            &kino,
            "--date",
            "06.03.2026",
        ],
    );
    assert_eq!(over.status.code(), Some(1));
    assert!(stderr(&over).contains("brukt alle 5"), "{}", stderr(&over));
}

#[test]
fn payouts_are_computed_per_venue_in_ore_from_the_command_line() {
    let (_dir, ws) = demo();
    let (number, kino) = first_card_and_kino(&ws);
    let args = [
        "visits",
        "register",
        "--card",
        &number,
        "--venue",
        &kino.to_string(),
        "--date",
        "02.03.2026",
        "--companion",
    ];
    assert!(okort(&ws, &args).status.success());
    let out = okort(&ws, &["payouts", "compute", "--year", "2026", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let line = lines
        .as_array()
        .expect("a")
        .iter()
        .find(|l| l["venueId"] == kino)
        .expect("kino line");
    assert_eq!(line["holderVisits"], 1);
    assert_eq!(line["companionVisits"], 1);
    let price = line["holderPriceOre"].as_i64().expect("price");
    assert_eq!(line["totalOre"].as_i64(), Some(2 * price));
    let table = stdout(&okort(
        &ws,
        &[
            "payouts",
            "compute",
            "--year",
            "2026",
            "--from",
            "01.04.2026",
            "--to",
            "30.04.2026",
        ],
    ));
    assert!(
        table.contains("Sum") && table.contains("kr\u{a0}0,00"),
        "{table}"
    );
}

/// The demo's first card number of 2026 and the id of Eksempel Kino.
fn first_card_and_kino(ws: &Path) -> (String, i64) {
    let number = first_card(ws)["card"]["number"]
        .as_str()
        .expect("number")
        .to_string();
    let venues: serde_json::Value =
        serde_json::from_str(&stdout(&okort(ws, &["venues", "list", "--json"]))).expect("json");
    let kino = venues
        .as_array()
        .expect("venues")
        .iter()
        .find(|v| v["name"] == "Eksempel Kino")
        .and_then(|v| v["id"].as_i64())
        .expect("Eksempel Kino");
    (number, kino)
}

#[test]
fn ticks_from_a_returned_card_are_entered_from_the_command_line_once() {
    let (_dir, ws) = demo();
    let (number, kino) = first_card_and_kino(&ws);
    let ticks = format!("{kino}=3");
    let out = okort(
        &ws,
        &["visits", "returned", "--card", &number, "--ticks", &ticks],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("3 besøk med ukjent dato"),
        "{}",
        stdout(&out)
    );
    let again = okort(
        &ws,
        &["visits", "returned", "--card", &number, "--ticks", &ticks],
    );
    assert!(stdout(&again).starts_with("0 besøk"), "{}", stdout(&again));
    let bad = okort(
        &ws,
        &["visits", "returned", "--card", &number, "--ticks", "kino"],
    );
    assert_eq!(bad.status.code(), Some(2), "clap refuses a malformed pair");
    assert!(stderr(&bad).contains("VENUE_ID=ANTALL"), "{}", stderr(&bad));
}

#[test]
fn a_venue_report_is_imported_good_rows_only_when_asked_and_never_twice() {
    let (dir, ws) = demo();
    let (number, kino) = first_card_and_kino(&ws);
    let kino = kino.to_string();
    let file = dir.path().join("kino-mars.csv");
    std::fs::write(
        &file,
        format!("kortnummer;dato;ledsager\n{number};03.03.2026;ja\n2026-0001-1;04.03.2026;nei\n{number};2026-03-10;\n"),
    )
    .expect("write");
    let f = file.to_str().expect("path");
    let refused = okort(&ws, &["visits", "import", "--venue", &kino, f]);
    assert_eq!(refused.status.code(), Some(1));
    let err = stderr(&refused);
    assert!(err.contains("2 av 3 rader er gyldige"), "{err}");
    assert!(err.contains("rad 3, kolonne «kortnummer»"), "{err}");
    assert!(err.contains("Ingenting er lagret"), "{err}");

    let done = okort(
        &ws,
        &["visits", "import", "--venue", &kino, f, "--accept-valid"],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(
        stdout(&done).contains("2 besøk importert; rader utelatt: 1"),
        "{}",
        stdout(&done)
    );
    let again = okort(
        &ws,
        &["visits", "import", "--venue", &kino, f, "--accept-valid"],
    );
    assert_eq!(again.status.code(), Some(1), "nothing new to import");
    assert!(
        stderr(&again).contains("allerede registrert"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_settlement_is_approved_paid_and_printed_from_the_command_line() {
    let (dir, ws) = demo();
    let (number, kino) = first_card_and_kino(&ws);
    let kino = kino.to_string();
    for date in ["02.11.2026", "09.11.2026"] {
        let args = [
            "visits", "register", "--card", &number, "--venue", &kino, "--date", date,
        ];
        assert!(okort(&ws, &args).status.success());
    }
    let period = ["--from", "01.11.2026", "--to", "30.11.2026"];
    let mut approve = vec!["payouts", "approve", "--venue", &kino, "--year", "2026"];
    approve.extend(period);
    let out = okort(&ws, &approve);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("kr\u{a0}250,00"), "{}", stdout(&out));
    let again = okort(&ws, &approve);
    assert!(
        stderr(&again).contains("ingen besøk å gjøre opp"),
        "{}",
        stderr(&again)
    );

    let list = okort(&ws, &["payouts", "settlements", "--year", "2026", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("json");
    let id = list
        .as_array()
        .expect("list")
        .iter()
        .find(|s| s["periodFrom"] == "2026-11-01" && s["line"]["venueName"] == "Eksempel Kino")
        .and_then(|s| s["id"].as_i64())
        .expect("the November settlement")
        .to_string();
    // Approved today (the command line's date); paid a week later.
    let payday = (chrono::Local::now().date_naive() + chrono::Days::new(7))
        .format("%d.%m.%Y")
        .to_string();
    let paid = okort(
        &ws,
        &["payouts", "paid", "--settlement", &id, "--date", &payday],
    );
    assert!(
        stdout(&paid).contains(&format!("betalt {payday}")),
        "{}",
        stdout(&paid)
    );
    let csv = dir.path().join("oppgjor.csv");
    let c = csv.to_str().expect("csv");
    let out = okort(
        &ws,
        &["payouts", "settlements", "--year", "2026", "--csv", c],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let file = std::fs::read_to_string(&csv).expect("accounting file");
    assert!(
        file.lines()
            .any(|l| l.starts_with(&format!("{id};Eksempel Kino;"))
                && l.ends_with(&format!(";{payday}"))),
        "{file}"
    );
    let withdraw = okort(
        &ws,
        &[
            "payouts",
            "withdraw",
            "--settlement",
            &id,
            "--reason",
            "feil",
        ],
    );
    assert!(
        stderr(&withdraw).contains("allerede betalt"),
        "{}",
        stderr(&withdraw)
    );

    let pdf = dir.path().join("oppgjor.pdf");
    let p = pdf.to_str().expect("p");
    let out = okort(
        &ws,
        &[
            "payouts",
            "statement",
            "--venue",
            &kino,
            "--year",
            "2026",
            "--settlement",
            &id,
            "--out",
            p,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = Command::new("pdftotext")
        .args(["-layout", p, "-"])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).replace('\u{a0}', " ");
    assert!(text.contains("01.11.2026 – 30.11.2026"), "{text}");
    assert!(text.contains(&format!("betalt {payday}")), "{text}");
    assert!(text.contains("kr 250,00"), "{text}");
}

#[test]
fn a_year_is_made_nav_decides_per_holder_and_renewal_follows_the_decisions() {
    let (_dir, ws) = demo();
    let out = okort(&ws, &["years", "save", "--year", "2027", "--quota", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("2027 opprettet: 01.01.2027 – 31.12.2027, 1 kort"));
    let cards: serde_json::Value = serde_json::from_str(&stdout(&okort(
        &ws,
        &["cards", "list", "--year", "2026", "--json"],
    )))
    .expect("json");
    let holders: Vec<String> = cards
        .as_array()
        .expect("cards")
        .iter()
        .filter(|c| c["card"]["status"] == "handedOut")
        .map(|c| c["holder"]["id"].to_string())
        .take(2)
        .collect();
    let decide = |holder: &str, decision: &str| {
        nav(
            &ws,
            &[
                "cards",
                "reassess",
                "--year",
                "2027",
                "--holder",
                holder,
                "--decision",
                decision,
            ],
        )
    };
    let wrong = decide(&holders[0], "kanskje");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(stderr(&wrong).contains("kanskje"), "{}", stderr(&wrong));
    let kept = decide(&holders[0], "continue");
    assert!(kept.status.success(), "{}", stderr(&kept));
    assert!(stdout(&kept).contains("fortsetter 2027"));
    assert!(decide(&holders[1], "end").status.success());

    let added = okort(&ws, &["years", "add", "--year", "2028", "--quota", "3"]);
    assert!(
        stdout(&added).starts_with("2028 opprettet"),
        "{}",
        stderr(&added)
    );
    let closed = okort(&ws, &["years", "close", "--year", "2025"]);
    assert_eq!(
        stdout(&closed).trim(),
        "2025 er avsluttet.",
        "{}",
        stderr(&closed)
    );
    let unknown = okort(&ws, &["years", "close", "--year", "2031"]);
    assert_eq!(unknown.status.code(), Some(1));
    let nav_closes = as_user(
        &ws,
        "nav",
        DEMO_PASSWORD,
        &["years", "close", "--year", "2026"],
    );
    assert_eq!(
        nav_closes.status.code(),
        Some(1),
        "only the culture office closes a year"
    );

    let by_office = okort(&ws, &["cards", "renew", "--year", "2027"]);
    assert_eq!(by_office.status.code(), Some(1), "only NAV renews");
    let renewed = nav(&ws, &["cards", "renew", "--year", "2027"]);
    assert!(renewed.status.success(), "{}", stderr(&renewed));
    assert_eq!(stdout(&renewed).trim(), "1 kort fornyet for 2027.");
    let next: serde_json::Value = serde_json::from_str(&stdout(&okort(
        &ws,
        &["cards", "list", "--year", "2027", "--json"],
    )))
    .expect("json");
    let next = next.as_array().expect("cards");
    assert_eq!(next.len(), 1);
    assert_eq!(next[0]["holder"]["id"].to_string(), holders[0]);

    // A year's quota cannot be cut below the cards already assigned in it.
    let cut = okort(&ws, &["years", "save", "--year", "2026", "--quota", "5"]);
    assert_eq!(cut.status.code(), Some(1));
    assert!(
        stderr(&cut).contains("kan ikke være lavere enn de 18 kortene som allerede er tildelt"),
        "{}",
        stderr(&cut)
    );
}

#[test]
fn a_benchmark_workspace_has_the_cards_asked_for_and_prints_them_also_through_typst() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("bench.okort");
    let out = okort(
        Path::new("unused"),
        &[
            "bench",
            "workspace",
            "--cards",
            "30",
            "--out",
            ws.to_str().expect("p"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let list = okort(&ws, &["cards", "list", "--year", "2027", "--json"]);
    let cards: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("json");
    let cards = cards.as_array().expect("cards");
    assert_eq!(cards.len(), 30, "one card a holder, the quota filled");
    let names: Vec<&str> = cards
        .iter()
        .filter_map(|c| c["holder"]["firstName"].as_str())
        .collect();
    for script_sample in ["مريم", "ሰላም", "Олена", "Łukasz"] {
        assert!(
            names.contains(&script_sample),
            "{script_sample} in {names:?}"
        );
    }
    let pdf = dir.path().join("kort.pdf");
    let print = okort(
        &ws,
        &[
            "cards",
            "print",
            "--year",
            "2027",
            "--layout",
            "sheet8",
            "--out",
            pdf.to_str().expect("p"),
        ],
    );
    assert!(print.status.success(), "{}", stderr(&print));
    assert!(stdout(&print).starts_with("30 kort skrevet til"));
    let typst = dir.path().join("typst");
    let out = okort(
        &ws,
        &[
            "bench",
            "typst",
            "--year",
            "2027",
            "--out",
            typst.to_str().expect("p"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json = std::fs::read_to_string(typst.join("cards.json")).expect("json");
    let faces: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(faces.as_array().map(Vec::len), Some(30));
    assert!(typst.join("cards.typ").exists() && typst.join("logo.svg").exists());
}

#[test]
fn a_reader_that_stops_reading_ends_the_command_quietly() {
    let (_dir, ws) = demo();
    // `okort … | head -0`: the reading end is closed before anything is written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_okort"))
        .arg("--workspace")
        .arg(&ws)
        .args(["--user", "kultur", "cards", "list", "--year", "2026"])
        .env("OKORT_PASSWORD", DEMO_PASSWORD)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run okort");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn users_and_the_audit_log_from_the_command_line() {
    let (_dir, ws) = demo();
    // A user, with the password on standard input (never on the command line).
    let mut add = Command::new(env!("CARGO_BIN_EXE_okort"))
        .arg("--workspace")
        .arg(&ws)
        .args([
            "--user",
            "nav",
            "users",
            "add",
            "--username",
            "nav2",
            "--role",
            "nav",
        ])
        .env("OKORT_PASSWORD", DEMO_PASSWORD)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run okort");
    {
        use std::io::Write;
        let mut stdin = add.stdin.take().expect("stdin");
        writeln!(stdin, "et-langt-passord").expect("password");
    }
    let added = add.wait_with_output().expect("wait");
    assert!(added.status.success(), "{}", stderr(&added));
    assert_eq!(stdout(&added).trim(), "Brukeren nav2 er opprettet.");
    // NAV manages its own users; the culture office does not see them.
    let users = stdout(&nav(&ws, &["users", "list"]));
    assert!(users.lines().any(|l| l.starts_with("nav2  nav")), "{users}");
    assert!(users.lines().all(|l| l.contains("  nav")), "{users}");
    let office = stdout(&okort(&ws, &["users", "list"]));
    assert!(!office.contains("nav2"), "{office}");
    let refused = okort(
        &ws,
        &["users", "add", "--username", "nav3", "--role", "nav"],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("NAV oppretter"),
        "{}",
        stderr(&refused)
    );
    let bad = okort(&ws, &["users", "add", "--username", "x", "--role", "sjef"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("«sjef»"), "{}", stderr(&bad));

    // The audit log tells it as sentences, filtered by kind.
    let log = okort(&ws, &["audit", "--kind", "user", "--limit", "1"]);
    assert!(log.status.success(), "{}", stderr(&log));
    let text = stdout(&log);
    assert!(
        text.trim_end().ends_with("nav opprettet brukeren nav2."),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1);
    let whole = okort(&ws, &["audit", "verify"]);
    assert!(whole.status.success(), "{}", stderr(&whole));
    assert!(
        stdout(&whole).starts_with("Loggen er hel:"),
        "{}",
        stdout(&whole)
    );
    let by_nobody = okort(&ws, &["audit", "--by", "ingen"]);
    assert_eq!(by_nobody.status.code(), Some(1));
    assert!(
        stderr(&by_nobody).contains("ingen"),
        "{}",
        stderr(&by_nobody)
    );
    let by_nav2 = okort(&ws, &["audit", "--by", "nav2"]);
    assert!(by_nav2.status.success(), "{}", stderr(&by_nav2));
    assert!(stdout(&by_nav2).trim().is_empty(), "nav2 did nothing yet");
    let by_cli = okort(
        &ws,
        &["audit", "--by", "kultur", "--kind", "venue", "--limit", "3"],
    );
    assert!(by_cli.status.success(), "{}", stderr(&by_cli));
    assert!(
        stdout(&by_cli).contains("kultur lagret brukerstedet"),
        "{}",
        stdout(&by_cli)
    );
}

#[test]
fn a_lost_card_is_replaced_from_the_command_line_and_a_typo_is_named() {
    let (_dir, ws) = demo();
    let card = first_card(&ws);
    let number = card["card"]["number"].as_str().expect("number").to_string();
    let typo = format!("{}{}", &number[..number.len() - 1], {
        let last = number.chars().last().expect("digit");
        if last == '0' {
            '1'
        } else {
            '0'
        }
    });
    // Replacing a lost card is NAV's job: the culture office is refused.
    let office = okort(&ws, &["cards", "replace", &number]);
    assert_eq!(office.status.code(), Some(1));
    assert!(stderr(&office).contains("ikke tilgjengelig for kulturkontoret"));
    let wrong_password = as_user(&ws, "nav", "feil", &["cards", "replace", &number]);
    assert_eq!(wrong_password.status.code(), Some(1));

    let wrong = as_user(&ws, "nav", DEMO_PASSWORD, &["cards", "replace", &typo]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("Kontrollsifferet stemmer ikke"),
        "{}",
        stderr(&wrong)
    );

    let done = as_user(&ws, "nav", DEMO_PASSWORD, &["cards", "replace", &number]);
    assert!(done.status.success(), "{}", stderr(&done));
    let said = stdout(&done);
    assert!(
        said.starts_with(&format!("Kort {number} er sperret som tapt.")),
        "{said}"
    );
    let cards: serde_json::Value = serde_json::from_str(&stdout(&okort(
        &ws,
        &["cards", "list", "--year", "2026", "--json"],
    )))
    .expect("json");
    let cards = cards.as_array().expect("cards");
    let lost = cards
        .iter()
        .find(|c| c["card"]["number"] == number.as_str())
        .expect("lost card");
    assert_eq!(lost["card"]["status"], "lost");
    let replacement = cards
        .iter()
        .find(|c| c["card"]["replacesCardId"] == lost["card"]["id"])
        .expect("replacement");
    assert!(
        said.contains(replacement["card"]["number"].as_str().expect("n")),
        "{said}"
    );

    // Twice is refused: the card is already blocked.
    let again = as_user(&ws, "nav", DEMO_PASSWORD, &["cards", "replace", &number]);
    assert_eq!(again.status.code(), Some(1), "{}", stdout(&again));
}

#[test]
fn holders_are_listed_as_the_culture_office_sees_them_and_nav_sees_the_full_record() {
    let (_dir, ws) = demo();
    let table = okort(&ws, &["holders", "list"]);
    assert!(table.status.success(), "{}", stderr(&table));
    let table = stdout(&table);
    let json = okort(&ws, &["holders", "list", "--json"]);
    let text = stdout(&json);
    for nav_only in ["navNote", "guardianName", "address", "birthDate"] {
        assert!(!text.contains(nav_only), "{nav_only} in {text}");
    }
    let holders: serde_json::Value = serde_json::from_str(&text).expect("json");
    let holders = holders.as_array().expect("holders");
    assert_eq!(table.lines().count(), holders.len(), "{table}");
    for h in holders {
        let line = format!(
            "{:>4}  {} {} ({})",
            h["id"].as_i64().expect("id"),
            h["firstName"].as_str().expect("first name"),
            h["lastName"].as_str().expect("last name"),
            h["birthYear"]
        );
        assert!(table.lines().any(|l| l == line), "{line} in {table}");
    }
    assert!(
        table.lines().any(|l| l.ends_with("  مريم الحسن (2013)")),
        "{table}"
    );

    let nav = as_user(&ws, "nav", DEMO_PASSWORD, &["holders", "list", "--json"]);
    assert!(nav.status.success(), "{}", stderr(&nav));
    assert!(stdout(&nav).contains("\"navNote\""), "NAV sees the record");
    let venue = as_user(&ws, "kino", DEMO_PASSWORD, &["holders", "list"]);
    assert_eq!(venue.status.code(), Some(1));
    assert!(
        stderr(&venue).contains("ikke tilgjengelig for brukersteder"),
        "{}",
        stderr(&venue)
    );
}

#[test]
fn a_years_agreements_are_copied_into_the_next_year_once() {
    let (dir, ws) = demo();
    let copy = ["agreements", "copy", "--from", "2026", "--to", "2027"];
    let no_year = okort(&ws, &copy);
    assert_eq!(no_year.status.code(), Some(1));
    assert!(stderr(&no_year).contains("2027"), "{}", stderr(&no_year));

    assert!(okort(&ws, &["years", "save", "--year", "2027"])
        .status
        .success());
    let nav = as_user(&ws, "nav", DEMO_PASSWORD, &copy);
    assert_eq!(nav.status.code(), Some(1), "venue agreements are not NAV's");
    assert!(stderr(&nav).contains("ikke tilgjengelig for NAV"));

    let done = okort(&ws, &copy);
    assert!(done.status.success(), "{}", stderr(&done));
    assert_eq!(
        stdout(&done),
        "15 avtaler kopiert fra 2026 til 2027 (uten signatur).\n"
    );
    let again = okort(&ws, &copy);
    assert_eq!(
        stdout(&again),
        "0 avtaler kopiert fra 2026 til 2027 (uten signatur).\n",
        "a venue with an agreement in 2027 keeps it"
    );

    let csv = dir.path().join("brukersteder.csv");
    let out = okort(&ws, &["venues", "export", csv.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = std::fs::read_to_string(&csv).expect("csv");
    let copies: Vec<&str> = file.lines().filter(|l| l.contains(";2027;")).collect();
    assert_eq!(copies.len(), 15, "{file}");
    assert!(
        copies.iter().all(|l| l.ends_with(';')),
        "the copies are unsigned: {copies:?}"
    );
}

#[test]
fn a_years_cards_are_exported_to_csv_without_nav_only_fields() {
    let (dir, ws) = demo();
    let csv = dir.path().join("kort.csv");
    let out = okort(
        &ws,
        &[
            "cards",
            "export",
            "--year",
            "2026",
            "--out",
            csv.to_str().expect("path"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let cards: serde_json::Value = serde_json::from_str(&stdout(&okort(
        &ws,
        &["cards", "list", "--year", "2026", "--json"],
    )))
    .expect("json");
    let cards = cards.as_array().expect("cards");
    assert_eq!(
        stdout(&out),
        format!("{} kort eksportert til {}\n", cards.len(), csv.display())
    );
    let file = std::fs::read_to_string(&csv).expect("csv");
    assert!(
        file.starts_with("\u{feff}kortnummer;fornavn;etternavn;fødselsår;status;utlevert\n"),
        "{file}"
    );
    assert_eq!(file.lines().count(), cards.len() + 1, "{file}");
    let maryam = cards
        .iter()
        .find(|c| c["holder"]["firstName"] == "مريم")
        .expect("مريم's card");
    let handed_out = chrono::NaiveDate::parse_from_str(
        maryam["card"]["handedOutOn"].as_str().expect("handed out"),
        "%Y-%m-%d",
    )
    .expect("date");
    let row = format!(
        "{};مريم;الحسن;2013;utlevert;{}",
        maryam["card"]["number"].as_str().expect("number"),
        handed_out.format("%d.%m.%Y")
    );
    assert!(file.lines().any(|l| l == row), "{row} in {file}");
    assert!(
        !file.contains("Boligveien") && !file.contains("Foresatt"),
        "no NAV-only data"
    );
}

#[test]
fn a_years_visits_are_exported_to_csv_for_all_venues_or_one() {
    let (dir, ws) = demo();
    let (number, kino) = first_card_and_kino(&ws);
    let kino = kino.to_string();
    let register = [
        "visits",
        "register",
        "--card",
        &number,
        "--venue",
        &kino,
        "--date",
        "02.03.2026",
        "--companion",
    ];
    assert!(okort(&ws, &register).status.success());

    let export = |file: &Path, venue: Option<&str>| {
        let mut args = vec![
            "visits",
            "export",
            "--year",
            "2026",
            "--out",
            file.to_str().expect("path"),
        ];
        if let Some(v) = venue {
            args.extend(["--venue", v]);
        }
        let out = okort(&ws, &args);
        assert!(out.status.success(), "{}", stderr(&out));
        (stdout(&out), std::fs::read_to_string(file).expect("csv"))
    };
    let (said, one) = export(&dir.path().join("kino.csv"), Some(&kino));
    let rows: Vec<&str> = one.lines().skip(1).collect();
    assert!(
        one.starts_with("\u{feff}dato;brukersted;kortnummer;ledsager;annullert\n"),
        "{one}"
    );
    assert!(
        said.starts_with(&format!("{} besøk eksportert til", rows.len())),
        "{said}"
    );
    assert!(
        rows.contains(&format!("02.03.2026;Eksempel Kino;{number};ja;nei").as_str()),
        "{one}"
    );
    assert!(
        rows.iter()
            .all(|l| l.split(';').nth(1) == Some("Eksempel Kino")),
        "{one}"
    );
    let (_, all) = export(&dir.path().join("alle.csv"), None);
    assert!(all.lines().count() > one.lines().count(), "{all}");
    assert!(
        all.lines().any(|l| l.contains(";Ishallen;")),
        "every venue's visits"
    );
}

#[test]
fn the_command_line_does_nothing_without_a_login_and_holds_each_user_to_their_role() {
    let (_dir, ws) = demo();
    let nobody = anonymous(&ws, &["cards", "list", "--year", "2026"]);
    assert_eq!(nobody.status.code(), Some(1));
    assert!(stderr(&nobody).contains("Logg inn"), "{}", stderr(&nobody));
    assert!(stdout(&nobody).is_empty());
    let wrong = as_user(&ws, "kultur", "feil-passord", &["venues", "list"]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(stdout(&wrong).is_empty());
    // A venue desk may not approve settlements, NAV may not change the program year.
    let venue = as_user(
        &ws,
        "kino",
        DEMO_PASSWORD,
        &["payouts", "approve", "--venue", "1", "--year", "2026"],
    );
    assert_eq!(venue.status.code(), Some(1));
    assert!(
        stderr(&venue).contains("ikke tilgjengelig"),
        "{}",
        stderr(&venue)
    );
    let nav = as_user(
        &ws,
        "nav",
        DEMO_PASSWORD,
        &["years", "save", "--year", "2026", "--quota", "99"],
    );
    assert_eq!(nav.status.code(), Some(1));
    // A new workspace starts with the administrator `init` makes, and nothing works without it.
    let fresh = ws.with_file_name("ny.okort");
    let short = anonymous(&fresh, &["init", "--admin", "kultur"]);
    assert_eq!(short.status.code(), Some(1), "no password given");
    assert!(!fresh.exists(), "a refused init leaves no file");
    assert!(init(&fresh).status.success());
    assert!(okort(&fresh, &["users", "list"]).status.success());
}

#[test]
fn nav_writes_an_access_request_and_the_office_sweeps_old_holders() {
    let (dir, ws) = demo();
    let holders: serde_json::Value =
        serde_json::from_str(&stdout(&nav(&ws, &["holders", "list", "--json"]))).expect("json");
    let first = &holders.as_array().expect("holders")[0];
    let id = first["id"].to_string();
    let out = dir.path().join("innsyn.json");
    let by_office = okort(
        &ws,
        &[
            "holders",
            "access",
            "--holder",
            &id,
            "--out",
            out.to_str().expect("p"),
        ],
    );
    assert_eq!(by_office.status.code(), Some(1), "NAV's job");
    let done = nav(
        &ws,
        &[
            "holders",
            "access",
            "--holder",
            &id,
            "--out",
            out.to_str().expect("p"),
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("file")).expect("json");
    assert_eq!(export["holder"]["firstName"], first["firstName"]);
    assert!(export["cards"].as_array().is_some_and(|c| !c.is_empty()));
    // Nothing is old enough in the demo to be swept, and NAV may not sweep.
    let swept = okort(&ws, &["holders", "sweep"]);
    assert_eq!(
        stdout(&swept).trim(),
        "0 kortholdere anonymisert.",
        "{}",
        stderr(&swept)
    );
    assert_eq!(nav(&ws, &["holders", "sweep"]).status.code(), Some(1));
}

#[test]
fn nav_prints_an_access_request_as_pdf_and_json_from_one_export() {
    let (dir, ws) = demo();
    let holders: serde_json::Value =
        serde_json::from_str(&stdout(&nav(&ws, &["holders", "list", "--json"]))).expect("json");
    let holder = holders
        .as_array()
        .expect("holders")
        .iter()
        .find(|h| h["firstName"] == "Олена")
        .expect("a Cyrillic name");
    let id = holder["id"].to_string();
    let (json, pdf) = (
        dir.path().join("innsyn.json"),
        dir.path().join("innsyn.pdf"),
    );
    let (json_path, pdf_path) = (json.to_str().expect("p"), pdf.to_str().expect("p"));
    let args = [
        "holders", "access", "--holder", &id, "--out", json_path, "--pdf", pdf_path,
    ];
    assert_eq!(okort(&ws, &args).status.code(), Some(1), "NAV's job");
    let done = nav(&ws, &args);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(stdout(&done).contains(pdf_path), "{}", stdout(&done));
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("json");
    let text = Command::new("pdftotext")
        .args([pdf_path, "-"])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Олена Коваль"), "{text}");
    for card in export["cards"].as_array().expect("cards") {
        let number = card["number"].as_str().expect("number");
        assert!(text.contains(number), "{number} missing:\n{text}");
    }
    // Neither file asked for: nothing is done.
    let neither = nav(&ws, &["holders", "access", "--holder", &id]);
    assert_eq!(neither.status.code(), Some(2), "{}", stderr(&neither));
}

#[test]
fn nav_erases_a_holder_on_request_only_with_yes_and_only_once() {
    let (dir, ws) = demo();
    let list = |ws: &Path| -> serde_json::Value {
        serde_json::from_str(&stdout(&nav(ws, &["holders", "list", "--json"]))).expect("json")
    };
    let holder = list(&ws).as_array().expect("holders")[0].clone();
    let id = holder["id"].to_string();
    let erase = ["holders", "erase", "--holder", &id];
    let unconfirmed = nav(&ws, &erase);
    assert_eq!(unconfirmed.status.code(), Some(1));
    assert!(
        stderr(&unconfirmed).contains("--yes"),
        "{}",
        stderr(&unconfirmed)
    );
    let confirmed = [&erase[..], &["--yes"]].concat();
    assert_eq!(okort(&ws, &confirmed).status.code(), Some(1), "NAV's job");
    let csv = dir.path().join("besok.csv");
    let visits = |ws: &Path| {
        let out = okort(
            ws,
            &[
                "visits",
                "export",
                "--year",
                "2026",
                "--out",
                csv.to_str().expect("p"),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        std::fs::read_to_string(&csv).expect("csv").lines().count()
    };
    let before = visits(&ws);
    let done = nav(&ws, &confirmed);
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(
        stdout(&done).contains("slettet på anmodning"),
        "{}",
        stdout(&done)
    );
    let after = list(&ws);
    let erased = after
        .as_array()
        .expect("holders")
        .iter()
        .find(|h| h["id"] == holder["id"])
        .expect("the record stays, emptied");
    assert_eq!(erased["firstName"], "–");
    assert_eq!(erased["guardianName"], "");
    assert_eq!(visits(&ws), before, "the visits stay for the statistics");
    let log = stdout(&okort(&ws, &["audit", "--kind", "holder", "--limit", "5"]));
    assert!(log.contains("etter anmodning"), "{log}");
    assert!(
        !log.contains(holder["lastName"].as_str().expect("name")),
        "{log}"
    );
    let again = nav(&ws, &confirmed);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("allerede anonymisert"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn init_prints_the_recovery_sheet_and_navs_key_makes_navs_first_user() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = dir.path().join("ny.okort");
    // Without a place for the sheet, nothing is made: the keys would be lost.
    let refused = okort(&ws, &["init", "--admin", "kultur"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("--recovery-sheet"),
        "{}",
        stderr(&refused)
    );
    assert!(!ws.exists());
    let made = init(&ws);
    assert!(made.status.success(), "{}", stderr(&made));
    let sheet = ws.with_extension("recovery.pdf");
    let text = pdf_text(&sheet);
    assert!(text.contains("Gjenopprettingsnøkkel"), "{text}");
    let nav_key = recovery_key(&text, "NAV");
    let kultur_key = recovery_key(&text, "Kulturkontoret");
    assert_ne!(nav_key, kultur_key);
    // The workspace file holds neither key nor the administrator's name.
    let raw = std::fs::read(&ws).expect("raw");
    for needle in [nav_key.as_str(), kultur_key.as_str(), DEMO_PASSWORD] {
        assert!(!String::from_utf8_lossy(&raw).contains(needle), "{needle}");
    }

    // The culture office cannot make NAV's user; NAV's key can, with no login.
    let recover = |key: &str, role: &str| {
        Command::new(env!("CARGO_BIN_EXE_okort"))
            .arg("--workspace")
            .arg(&ws)
            .args([
                "users",
                "recover",
                "--role",
                role,
                "--key",
                key,
                "--username",
                "nav",
            ])
            .env_remove("OKORT_USER")
            .env("OKORT_PASSWORD", "navs-eget-passord")
            .output()
            .expect("run okort")
    };
    let wrong = recover(&kultur_key, "nav");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("passer ikke til denne arbeidsfilen"),
        "{}",
        stderr(&wrong)
    );
    let typed = nav_key.to_lowercase().replace('-', " ");
    let done = recover(&typed, "nav");
    assert!(done.status.success(), "{}", stderr(&done));
    let list = as_user(&ws, "nav", "navs-eget-passord", &["users", "list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert!(stdout(&list).contains("nav  nav"), "{}", stdout(&list));
    // The log says a recovery key was used, by whom it was made.
    let log = okort(&ws, &["audit", "--kind", "user"]);
    assert!(stdout(&log).contains("nav"), "{}", stdout(&log));
}

#[test]
fn two_desks_registering_the_same_card_at_once_never_pass_its_limit() {
    let (_dir, ws) = demo();
    let (number, kino) = first_card_and_kino(&ws);
    let kino = kino.to_string();
    // Two processes, each trying twelve visits on different days against the limit of 5.
    let desks: Vec<_> = (0..2)
        .map(|desk| {
            let (ws, number, kino) = (ws.clone(), number.clone(), kino.clone());
            std::thread::spawn(move || {
                (1..=12)
                    .filter(|i| {
                        let date = format!("{:02}.04.2026", desk * 12 + i);
                        let args = [
                            "visits", "register", "--card", &number, "--venue", &kino, "--date",
                            &date,
                        ];
                        let out = okort(&ws, &args);
                        let said = stderr(&out);
                        assert!(
                            out.status.success() || said.contains("brukt alle 5"),
                            "an ordinary wait is no error: {said}"
                        );
                        out.status.success()
                    })
                    .count()
            })
        })
        .collect();
    let registered: usize = desks.into_iter().map(|d| d.join().expect("desk")).sum();
    assert_eq!(registered, 5, "exactly the limit");

    // Two approvals of the same period at once: one settlement, the visits in it once.
    let approvals: Vec<_> = (0..2)
        .map(|_| {
            let (ws, kino) = (ws.clone(), kino.clone());
            std::thread::spawn(move || {
                let args = [
                    "payouts",
                    "approve",
                    "--venue",
                    &kino,
                    "--year",
                    "2026",
                    "--from",
                    "01.04.2026",
                    "--to",
                    "30.04.2026",
                ];
                let out = okort(&ws, &args);
                if !out.status.success() {
                    assert!(
                        stderr(&out).contains("ingen besøk å gjøre opp"),
                        "{}",
                        stderr(&out)
                    );
                }
                out.status.success()
            })
        })
        .collect();
    let approved = approvals
        .into_iter()
        .map(|a| a.join().expect("approval"))
        .filter(|ok| *ok)
        .count();
    assert_eq!(approved, 1);
    let list = okort(&ws, &["payouts", "settlements", "--year", "2026", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&list)).expect("json");
    let april: Vec<_> = list
        .as_array()
        .expect("list")
        .iter()
        .filter(|s| s["periodFrom"] == "2026-04-01")
        .collect();
    assert_eq!(april.len(), 1);
    assert_eq!(april[0]["line"]["holderVisits"], 5);
}

#[test]
fn a_backup_is_saved_and_restored_and_the_first_login_of_a_day_keeps_a_copy() {
    let (dir, ws) = demo();
    // The first login of the day made a checked copy beside the workspace.
    assert!(okort(&ws, &["years", "list"]).status.success());
    let auto = okort_store::backup::list(&ws);
    assert_eq!(auto.len(), 1, "{auto:?}");
    let copy = dir.path().join("kopi.okort");
    let out = okort(&ws, &["backup", "--out", copy.to_str().expect("p")]);
    assert!(out.status.success(), "{}", stderr(&out));
    // The copy is a workspace that opens with the same login.
    assert!(okort(&copy, &["years", "list"]).status.success());
    // A backup is never written over a workspace; NAV does not make backups.
    let over = okort(&ws, &["backup", "--out", ws.to_str().expect("p")]);
    assert_eq!(over.status.code(), Some(1));
    assert!(stderr(&over).contains("arbeidsfil"), "{}", stderr(&over));
    assert_eq!(
        nav(&ws, &["backup", "--out", "x.okort"]).status.code(),
        Some(1)
    );

    // A change after the backup is gone after the restore; the workspace as it was is kept.
    let year = okort(&ws, &["years", "save", "--year", "2030"]);
    assert!(year.status.success(), "{}", stderr(&year));
    let restored = okort(&ws, &["restore", "--from", copy.to_str().expect("p")]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    let years = stdout(&okort(&ws, &["years", "list"]));
    assert!(!years.contains("2030"), "{years}");
    assert!(okort_store::backup::list(&ws)
        .iter()
        .any(|p| p.to_string_lossy().contains("before-restore")));
    // A backup that does not open with the login is refused and nothing is replaced.
    let wrong = as_user(
        &ws,
        "kultur",
        "feil-passord",
        &["restore", "--from", copy.to_str().expect("p")],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(okort(&ws, &["years", "list"]).status.success());
}

/// Runs okort as NAV and kills it (SIGKILL) after `after`; true if it was still running.
fn killed_after(ws: &Path, args: &[&str], after: std::time::Duration) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_okort"))
        .arg("--workspace")
        .arg(ws)
        .args(["--user", "nav"])
        .args(args)
        .env("OKORT_PASSWORD", DEMO_PASSWORD)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run okort");
    std::thread::sleep(after);
    let running = child.try_wait().expect("wait").is_none();
    let _ = child.kill();
    let _ = child.wait();
    running
}

#[test]
fn a_command_killed_mid_import_or_mid_print_leaves_the_workspace_before_or_after() {
    let (dir, ws) = demo();
    let csv = dir.path().join("mange.csv");
    let mut text = String::from("fornavn;etternavn;fødselsdato\n");
    for i in 0..3000 {
        text.push_str(&format!("Amina{i};Hassan;01.02.2014\n"));
    }
    std::fs::write(&csv, text).expect("csv");
    let count = || -> usize {
        let out = nav(&ws, &["holders", "list", "--json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let list: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
        list.as_array().expect("list").len()
    };
    let before = count();
    let pdf = dir.path().join("kort.pdf");
    let mut killed = 0;
    for round in 0..6u64 {
        let wait = std::time::Duration::from_millis(150 + round * 120);
        if killed_after(
            &ws,
            &["holders", "import", "--yes", csv.to_str().expect("p")],
            wait,
        ) {
            killed += 1;
        }
        let n = count();
        assert!(n == before || n == before + 3000, "half an import: {n}");
        let whole = okort(&ws, &["check"]);
        assert!(whole.status.success(), "{}", stderr(&whole));
        if n == before + 3000 {
            break;
        }
    }
    for round in 0..4u64 {
        let wait = std::time::Duration::from_millis(100 + round * 150);
        let args = [
            "cards",
            "print",
            "--year",
            "2026",
            "--layout",
            "a4",
            "--out",
            pdf.to_str().expect("p"),
        ];
        let mut child = Command::new(env!("CARGO_BIN_EXE_okort"))
            .arg("--workspace")
            .arg(&ws)
            .args(["--user", "kultur"])
            .args(args)
            .env("OKORT_PASSWORD", DEMO_PASSWORD)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("print");
        std::thread::sleep(wait);
        let running = child.try_wait().expect("wait").is_none();
        let _ = child.kill();
        let _ = child.wait();
        if running {
            killed += 1;
            // Either no file under the name, or a whole PDF.
            if let Ok(bytes) = std::fs::read(&pdf) {
                assert!(bytes.starts_with(b"%PDF") && bytes.windows(5).any(|w| w == b"%%EOF"));
            }
        }
        assert!(okort(&ws, &["check"]).status.success());
    }
    assert!(killed > 0, "no command was killed while it ran");
    assert!(okort(&ws, &["audit", "verify"]).status.success());
}

#[test]
fn a_venue_kit_is_made_used_without_the_workspace_and_its_report_imported() {
    let (dir, ws) = demo();
    let (number, kino) = first_card_and_kino(&ws);
    let kit = dir.path().join("kino.okortkit");
    let kit_arg = kit.to_str().expect("path");
    let kino_arg = kino.to_string();
    let make = |password: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_okort"));
        cmd.arg("--workspace").arg(&ws).args([
            "--user",
            "kultur",
            "venues",
            "kit",
            "--venue",
            &kino_arg,
            "--year",
            "2026",
            "--out",
            kit_arg,
            "--desk-user",
            "kinodisk",
        ]);
        cmd.env("OKORT_PASSWORD", DEMO_PASSWORD);
        match password {
            Some(p) => cmd.env("OKORT_KIT_PASSWORD", p),
            None => cmd.env_remove("OKORT_KIT_PASSWORD"),
        };
        cmd.output().expect("run okort")
    };
    let refused = make(None);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("OKORT_KIT_PASSWORD"),
        "{}",
        stderr(&refused)
    );
    let made = make(Some("disk-passord-1"));
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(stdout(&made).contains("Brukerstedssettet til Eksempel Kino for 2026"));

    // The desk, on the kit alone (no workspace at the path given).
    let nowhere = dir.path().join("ingen.okort");
    let desk = |args: &[&str]| {
        let mut all = vec!["kit", "--kit", kit_arg];
        all.extend_from_slice(args);
        as_user(&nowhere, "kinodisk", "disk-passord-1", &all)
    };
    let checked = desk(&["check", &number, "--on", "15.06.2026"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(stdout(&checked).contains(&number), "{}", stdout(&checked));
    let wrong = as_user(
        &nowhere,
        "kinodisk",
        "feil",
        &["kit", "--kit", kit_arg, "info"],
    );
    assert!(wrong.status.success(), "info needs no login");
    let wrong = as_user(
        &nowhere,
        "kinodisk",
        "feil",
        &["kit", "--kit", kit_arg, "visits"],
    );
    assert_eq!(wrong.status.code(), Some(1));
    for day in ["02.05.2026", "03.05.2026"] {
        let r = desk(&["register", &number, "--date", day]);
        assert!(r.status.success(), "{}", stderr(&r));
    }
    let listed = desk(&["visits"]);
    assert_eq!(stdout(&listed).lines().count(), 2, "{}", stdout(&listed));
    assert!(!nowhere.exists(), "no workspace was made");
    let report = dir.path().join("rapport.xlsx");
    let r = desk(&["report", "--out", report.to_str().expect("p"), "--xlsx"]);
    assert!(r.status.success(), "{}", stderr(&r));

    // At the office: imported, and counted.
    let imported = okort(
        &ws,
        &[
            "visits",
            "import",
            "--venue",
            &kino_arg,
            report.to_str().expect("p"),
        ],
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    let csv = dir.path().join("besok.csv");
    let exported = okort(
        &ws,
        &[
            "visits",
            "export",
            "--year",
            "2026",
            "--venue",
            &kino_arg,
            "--out",
            csv.to_str().expect("p"),
        ],
    );
    assert!(exported.status.success(), "{}", stderr(&exported));
    let text = std::fs::read_to_string(&csv).expect("csv");
    let from_kit = text
        .lines()
        .filter(|l| l.contains(&number) && (l.contains("02.05.2026") || l.contains("03.05.2026")))
        .count();
    assert_eq!(from_kit, 2);
    // The kit is lost: retired, and its reports are refused.
    let retired = okort(
        &ws,
        &[
            "venues",
            "retire-kits",
            "--venue",
            &kino_arg,
            "--year",
            "2026",
        ],
    );
    assert!(
        stdout(&retired).contains("1 brukerstedssett for 2026"),
        "{}",
        stdout(&retired)
    );
    let again = okort(
        &ws,
        &[
            "visits",
            "import",
            "--venue",
            &kino_arg,
            report.to_str().expect("p"),
        ],
    );
    assert!(
        stderr(&again).contains("trukket tilbake"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn letters_print_per_card_or_per_language_and_a_language_is_marked_checked() {
    let (dir, ws) = demo();
    let per_card = dir.path().join("brev.pdf");
    let out = okort(
        &ws,
        &[
            "letters",
            "print",
            "--year",
            "2026",
            "--out",
            per_card.to_str().expect("p"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&per_card);
    let first = first_card(&ws)["holder"]["firstName"]
        .as_str()
        .expect("name")
        .to_string();
    assert!(text.contains(&first), "a letter names {first}");
    let arabic = dir.path().join("ar.pdf");
    let out = okort(
        &ws,
        &[
            "letters",
            "print",
            "--year",
            "2026",
            "--language",
            "ar",
            "--out",
            arabic.to_str().expect("p"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("1 brevsider"), "{}", stdout(&out));
    assert!(pdf_text(&arabic).contains("البطاقة"));
    let review = okort(
        &ws,
        &[
            "letters",
            "review",
            "--year",
            "2026",
            "--language",
            "ti",
            "--reviewer",
            "Selam T.",
        ],
    );
    assert!(review.status.success(), "{}", stderr(&review));
    let list = stdout(&okort(&ws, &["letters", "languages", "--year", "2026"]));
    let ti = list.lines().find(|l| l.starts_with("ti ")).expect("ti");
    assert!(ti.ends_with("kontrollert") && !ti.contains("ikke"), "{ti}");
    // The venues' staff sheets, with a report template per venue.
    let sheets = dir.path().join("ark.pdf");
    let maler = dir.path().join("maler");
    let out = okort(
        &ws,
        &[
            "venues",
            "sheets",
            "--year",
            "2026",
            "--out",
            sheets.to_str().expect("p"),
            "--templates",
            maler.to_str().expect("p"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(pdf_text(&sheets).contains("Til de ansatte hos Eksempel Kino"));
    assert!(maler.join("eksempel-kino-rapport-2026.xlsx").exists());
    assert!(maler.join("eksempel-kino-rapport-2026.csv").exists());
}

#[test]
fn the_year_is_closed_from_the_command_line_statistics_feedback_and_the_report() {
    let (_dir, ws) = demo();
    // Statistics as text, small groups as "< 5"; each table as CSV.
    let shown = okort(&ws, &["stats", "show", "--year", "2026"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown);
    assert!(
        text.contains("Besøk per brukersted") && text.contains("< 5"),
        "{text}"
    );
    let csv_dir = ws.with_file_name("statistikk");
    let csv = okort(
        &ws,
        &[
            "stats",
            "show",
            "--year",
            "2026",
            "--csv",
            csv_dir.to_str().expect("path"),
        ],
    );
    assert!(csv.status.success(), "{}", stderr(&csv));
    let venues = std::fs::read_to_string(csv_dir.join("statistikk-2026-venues.csv")).expect("csv");
    assert!(venues.contains("Eksempel Kino"), "{venues}");
    // NAV reads the counts, not the money.
    let nav_stats = nav(&ws, &["stats", "show", "--year", "2026"]);
    assert!(nav_stats.status.success(), "{}", stderr(&nav_stats));
    assert!(!stdout(&nav_stats).contains("Kostnader og budsjett"));
    assert!(
        !nav(&ws, &["stats", "budget", "--year", "2026", "--kr", "1000"])
            .status
            .success()
    );
    let budget = okort(
        &ws,
        &["stats", "budget", "--year", "2026", "--kr", "50 000"],
    );
    assert!(
        stdout(&budget).contains("kr\u{a0}50\u{a0}000,00"),
        "{}",
        stdout(&budget)
    );

    // A family's form typed in by NAV; a typo in the card number is named.
    let cards = stdout(&okort(&ws, &["cards", "list", "--year", "2026"]));
    let card = cards.split_whitespace().next().expect("a card").to_string();
    let typo = format!(
        "{}{}",
        &card[..card.len() - 1],
        if card.ends_with('0') { 1 } else { 0 }
    );
    let wrong = nav(
        &ws,
        &[
            "feedback", "answer", "--year", "2026", "--card", &typo, "--answer", "1=ja",
        ],
    );
    assert!(!wrong.status.success());
    assert!(
        stderr(&wrong).to_lowercase().contains("kontrollsifferet"),
        "{}",
        stderr(&wrong)
    );
    let answered = nav(
        &ws,
        &[
            "feedback",
            "answer",
            "--year",
            "2026",
            "--card",
            &card,
            "--answer",
            "1=ja",
            "--answer",
            "2=5",
            "--answer",
            "8=Mer bading",
        ],
    );
    assert!(answered.status.success(), "{}", stderr(&answered));
    let summary = stdout(&okort(&ws, &["feedback", "summary", "--year", "2026"]));
    assert!(summary.contains("– Mer bading"), "{summary}");

    // The report and the forms as PDFs.
    let report = ws.with_file_name("rapport.pdf");
    let made = okort(
        &ws,
        &[
            "report",
            "year",
            "--year",
            "2026",
            "--out",
            report.to_str().expect("path"),
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let text = pdf_text(&report);
    assert!(text.contains("Evaluering av opplevelseskortet 2026") && text.contains("Mer bading"));
    let forms = ws.with_file_name("skjema.pdf");
    let made = okort(
        &ws,
        &[
            "feedback",
            "forms",
            "--year",
            "2026",
            "--out",
            forms.to_str().expect("path"),
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    assert!(pdf_text(&forms).contains(&card));
}

#[test]
fn the_version_names_the_build() {
    let out = Command::new(env!("CARGO_BIN_EXE_okort"))
        .arg("--version")
        .output()
        .expect("run okort");
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(
        text.starts_with(&format!("okort {} (build ", env!("CARGO_PKG_VERSION"))),
        "{text}"
    );
    assert!(!text.contains("(build )"), "{text}");
}

#[test]
fn nav_lists_the_families_that_have_not_used_the_card_and_a_visit_takes_one_off() {
    let (_dir, ws) = demo();
    let list = |args: &[&str]| -> Vec<serde_json::Value> {
        let out = nav(&ws, args);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_str::<serde_json::Value>(&stdout(&out))
            .expect("json")
            .as_array()
            .expect("rows")
            .clone()
    };
    let all = list(&["cards", "list", "--year", "2026", "--json"]);
    let never = list(&["cards", "list", "--year", "2026", "--json", "--never-used"]);
    let active = ["assigned", "printed", "handedOut"];
    let expected: Vec<&str> = all
        .iter()
        .filter(|r| {
            r["visits"] == 0 && active.contains(&r["card"]["status"].as_str().expect("status"))
        })
        .map(|r| r["card"]["number"].as_str().expect("number"))
        .collect();
    let got: Vec<&str> = never
        .iter()
        .map(|r| r["card"]["number"].as_str().expect("number"))
        .collect();
    assert_eq!(got, expected);
    assert!(
        !got.is_empty(),
        "the demo has families that have not used the card"
    );
    assert!(
        all.iter()
            .any(|r| r["visits"].as_u64().expect("visits") > 0),
        "and families that have"
    );
    // A visit registered for one of them takes it off the list.
    let number = got[0].to_string();
    let (_, kino) = first_card_and_kino(&ws);
    let out = okort(
        &ws,
        &[
            "visits",
            "register",
            "--card",
            &number,
            "--venue",
            &kino.to_string(),
            "--date",
            "02.03.2026",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let after = list(&["cards", "list", "--year", "2026", "--json", "--never-used"]);
    assert_eq!(after.len(), never.len() - 1);
    assert!(after.iter().all(|r| r["card"]["number"] != number.as_str()));
    let row = list(&["cards", "list", "--year", "2026", "--json"])
        .into_iter()
        .find(|r| r["card"]["number"] == number.as_str())
        .expect("the card");
    assert_eq!(row["visits"], 1);
}
