//! The year-end documents read back from their PDFs: the evaluation report with its figures,
//! charts, feedback and the meeting's conclusions, and the families' forms, one per card in
//! the family's language, with no name on them.

use okort_core::feedback::Respondent;
use okort_core::Lang;
use okort_documents::{read_feedback_forms, read_year_report};
use okort_store::feedback::EvaluationMeeting;
use okort_store::{demo, Workspace};
use std::path::Path;
use std::process::Command;

fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of each page of a PDF.
fn pages(pdf: &Path) -> Vec<String> {
    tool("pdftotext", &[pdf.to_str().expect("path"), "-"])
        .split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// The demo with a family's form and a venue's answers entered, and the meeting written.
fn year_with_feedback(dir: &Path) -> (Workspace, i64) {
    let ws = demo::create(&dir.join("demo.okort")).expect("demo");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let year = ws.year_by_number(2026).expect("y").expect("2026").id;
    let form = ws
        .questionnaire(&nav, year, Respondent::Family)
        .expect("form");
    let card = ws
        .list_cards(&admin, year)
        .expect("cards")
        .remove(0)
        .card
        .number;
    ws.save_family_answers(
        &nav,
        year,
        &card,
        &[
            (form.questions[0].id, "ja".into()),
            (
                form.questions[7].id,
                "Vi ønsker oss mer svømming om vinteren".into(),
            ),
        ],
    )
    .expect("answers");
    let venue_form = ws
        .questionnaire(&admin, year, Respondent::Venue)
        .expect("venue form");
    ws.save_venue_answers(
        &admin,
        year,
        ws.list_venues().expect("venues")[0].id,
        &[(venue_form.questions[3].id, "ja".into())],
    )
    .expect("venue");
    ws.save_evaluation_meeting(
        &admin,
        &EvaluationMeeting {
            year_id: year,
            held_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 10),
            agenda: "Tallene for året".into(),
            minutes: "Kulturkontoret og NAV gikk gjennom tallene.".into(),
            conclusions: "Ordningen fortsetter med hundre kort neste år.".into(),
        },
    )
    .expect("meeting");
    (ws, year)
}

#[test]
fn the_report_has_the_figures_charts_feedback_and_conclusions_and_no_name() {
    let dir = tempfile::tempdir().expect("dir");
    let (ws, year) = year_with_feedback(dir.path());
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let doc = read_year_report(&ws, &admin, year, Lang::Nb).expect("report");
    let pdf = dir.path().join("rapport.pdf");
    std::fs::write(&pdf, doc.pdf().expect("pdf")).expect("write");
    tool("qpdf", &["--check", pdf.to_str().expect("path")]);
    let pages = pages(&pdf);
    assert!(pages.len() >= 4, "{} pages", pages.len());
    let all = pages.join("\n");
    for expected in [
        "Evaluering av opplevelseskortet 2026",
        "Nøkkeltall",
        "Besøk per måned",
        "Besøk per brukersted",
        "Eksempel Kino",
        "Hva besøkene ville kostet etter hver modell",
        "Halv refusjon",
        "Tilbakemeldinger fra familiene",
        "Vi ønsker oss mer svømming om vinteren",
        "Tilbakemeldinger fra brukerstedene",
        "Konklusjoner",
        "Ordningen fortsetter med hundre kort neste år.",
        "< 5",
    ] {
        assert!(all.contains(expected), "{expected} is not in the report");
    }
    // Every page says which it is.
    let count = pages.len();
    assert!(pages[count - 1].contains(&format!("Side {count} av {count}")));
    // No holder's name.
    for row in ws.list_cards(&admin, year).expect("cards") {
        let h = &row.holder;
        assert!(
            !all.contains(&h.last_name),
            "{} {}",
            h.first_name,
            h.last_name
        );
    }
    // The charts are drawn, not pictures: the page has vector paths and no image.
    let images = tool("pdfimages", &["-list", pdf.to_str().expect("path")]);
    assert!(images.lines().count() <= 3, "{images}");
}

#[test]
fn nav_gets_the_report_without_money() {
    let dir = tempfile::tempdir().expect("dir");
    let (ws, year) = year_with_feedback(dir.path());
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let doc = read_year_report(&ws, &nav, year, Lang::En).expect("report");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, doc.pdf().expect("pdf")).expect("write");
    let all = pages(&pdf).join("\n");
    assert!(all.contains("Evaluation of the experience card 2026"));
    assert!(!all.contains("Costs and budget"));
    assert!(!all.contains("kr "), "no amount");
}

#[test]
fn a_form_per_card_in_the_familys_language_with_the_card_number_and_no_name() {
    let dir = tempfile::tempdir().expect("dir");
    let (ws, year) = year_with_feedback(dir.path());
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    // The office writes the first question in Tigrinya for the families who read it.
    let form = ws
        .questionnaire(&admin, year, Respondent::Family)
        .expect("form");
    ws.set_question_text(&admin, form.questions[0].id, "ti", "ኣብዚ ዓመት ካርድ ተጠቒምኩም ዶ?")
        .expect("ti");
    let doc = read_feedback_forms(&ws, &admin, year, None, Lang::Nb).expect("forms");
    let pdf = dir.path().join("skjema.pdf");
    std::fs::write(&pdf, doc.pdf().expect("pdf")).expect("write");
    let pages = pages(&pdf);
    let cards: Vec<_> = ws
        .list_cards(&admin, year)
        .expect("cards")
        .into_iter()
        .filter(|c| c.card.status.is_active())
        .collect();
    assert_eq!(pages.len(), cards.len(), "one page per active card");
    let languages = ws.holder_languages(&admin, year).expect("languages");
    for (page, row) in pages.iter().zip(&cards) {
        assert!(page.contains(&row.card.number), "{}", row.card.number);
        assert!(!page.contains(&row.holder.last_name), "no name on the form");
        match languages[&row.holder.id].as_str() {
            "nb" | "nn" => {
                assert!(page.contains("Kortnummer") && !page.contains("Card number"));
            }
            "en" => {
                assert!(page.contains("Card number") && !page.contains("Kortnummer"));
            }
            "ti" => {
                assert!(page.contains("ኣብዚ ዓመት ካርድ ተጠቒምኩም ዶ?"), "{page}");
                assert!(
                    page.contains("Brukte dere opplevelseskortet i år?"),
                    "Bokmål under"
                );
            }
            _ => assert!(page.contains("Kortnummer / Card number"), "{page}"),
        }
    }
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    assert!(read_feedback_forms(&ws, &nav, year, None, Lang::Nb).is_err());
}
