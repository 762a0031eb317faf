//! The staff sheets of the venues, read back from the PDF.

use okort_core::{Actor, Lang};
use okort_documents::read_venue_sheets;
use okort_store::demo;
use std::process::Command;

#[test]
fn every_demo_venue_gets_a_sheet_with_its_agreement_and_the_card_at_full_size() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let year = ws.year_by_number(2026).expect("y").expect("2026");
    let admin = Actor::command_line();
    let doc = read_venue_sheets(&ws, &admin, year.id, None, Lang::Nb).expect("sheets");
    let agreements = ws.agreements_for_year(year.id).expect("agreements");
    assert_eq!(
        doc.sheets.len(),
        agreements.len(),
        "one per venue with an agreement"
    );
    let path = dir.path().join("ark.pdf");
    std::fs::write(&path, doc.pdf().expect("pdf")).expect("write");
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    assert!(
        info.contains(&format!("Pages:           {}", agreements.len())),
        "{info}"
    );
    let text = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    for venue in ws
        .list_venues()
        .expect("venues")
        .into_iter()
        .filter(|v| agreements.iter().any(|a| a.venue_id == v.id))
    {
        let a = agreements
            .iter()
            .find(|a| a.venue_id == venue.id)
            .expect("a");
        assert!(
            text.contains(&format!("Til de ansatte hos {}", venue.name)),
            "{}",
            venue.name
        );
        if !a.not_covered.trim().is_empty() {
            assert!(text.contains(a.not_covered.trim()), "{}", a.not_covered);
        }
    }
    let text = Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    assert!(text.contains("Send aldri regning til kortholderen"));
    assert!(text.contains("Gyldig til 31.12.2026"));
    // A venue's sheet alone; NAV may not print them.
    let kino = ws
        .list_venues()
        .expect("v")
        .into_iter()
        .find(|v| v.name == "Eksempel Kino")
        .expect("kino");
    let one = read_venue_sheets(&ws, &admin, year.id, Some(kino.id), Lang::En).expect("one");
    assert_eq!(one.sheets.len(), 1);
    assert_eq!(one.sheets[0].heading, "For the staff at Eksempel Kino");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    assert!(read_venue_sheets(&ws, &nav, year.id, None, Lang::Nb).is_err());
}

#[test]
fn the_report_template_is_a_venue_report_the_office_imports() {
    for xlsx in [false, true] {
        let bytes = okort_store::exchange::report_template(xlsx).expect("template");
        let dir = tempfile::tempdir().expect("dir");
        let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
        let admin = Actor::command_line();
        let kino = ws
            .list_venues()
            .expect("v")
            .into_iter()
            .find(|v| v.name == "Eksempel Kino")
            .expect("kino");
        // Blank, it reads as a report with no rows: nothing to import, and no error about
        // its columns.
        let check = ws
            .check_visit_import(
                &admin,
                Some(kino.id),
                &bytes,
                chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("d"),
            )
            .expect("a report");
        assert_eq!((check.rows, check.valid), (0, 0), "xlsx: {xlsx}");
    }
}
