//! The information letters, read back from the PDF as a family's reader would: every language
//! the program asks for, right-to-left ones included.

use okort_core::letters::{self, Part};
use okort_core::{Actor, Lang};
use okort_documents::{read_letters, Letters};
use okort_store::demo;
use std::process::Command;

fn pdftotext(pdf: &std::path::Path) -> String {
    let out = Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The words of a text with at least four letters, without placeholders or punctuation: what
/// must come back out of the PDF whatever its line breaks.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| !w.contains('{'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && !is_mark(c))
                .to_string()
        })
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect()
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0DFF | 0x0E31..=0x0E4E | 0x064B..=0x065F | 0x17B4..=0x17D3)
}

#[test]
fn the_website_letter_of_every_language_comes_back_out_of_the_pdf_as_written() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let year = ws.year_by_number(2026).expect("y").expect("2026");
    let admin = Actor::command_line();
    for t in letters::texts::BUNDLED {
        let doc = read_letters(&ws, &admin, year.id, Letters::Language(t.lang), Lang::Nb)
            .expect("letter");
        assert_eq!(doc.letters.len(), 1, "{}", t.lang);
        assert_eq!(doc.letters[0].rtl, t.rtl);
        let path = dir.path().join(format!("brev-{}.pdf", t.lang));
        std::fs::write(&path, doc.pdf().expect("pdf")).expect("write");
        let text = pdftotext(&path);
        // Zero-width joiners steer shaping and are not text a reader extracts.
        let invisible = |s: &str| s.replace(['\u{200c}', '\u{200d}'], "");
        let normalised = invisible(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        for part in [Part::Personal, Part::How, Part::Lost] {
            for word in words(&invisible(t.text(part))) {
                assert!(
                    normalised.contains(&word),
                    "{} {:?}: «{word}» is not in the PDF's text:\n{normalised}",
                    t.lang,
                    part
                );
            }
        }
        // Every venue of the year is named, and the year's last valid day is filled in.
        assert!(normalised.contains("Eksempel Kino"), "{}", t.lang);
        assert!(normalised.contains("31.12.2026"), "{}", t.lang);
        assert!(!normalised.contains('{'), "{}: a placeholder left", t.lang);
    }
}

#[test]
fn each_card_gets_a_letter_in_its_holders_language_with_bokmal_on_the_back() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let year = ws.year_by_number(2026).expect("y").expect("2026");
    let admin = Actor::command_line();
    let doc = read_letters(&ws, &admin, year.id, Letters::Cards(None), Lang::Nb).expect("letters");
    let languages = ws.holder_languages(&admin, year.id).expect("languages");
    let cards: Vec<_> = ws
        .list_cards(&admin, year.id)
        .expect("cards")
        .into_iter()
        .filter(|r| r.card.status.is_active())
        .collect();
    let expected: usize = cards
        .iter()
        .map(|r| {
            let code = letters::letter_lang(&languages[&r.holder.id]);
            if matches!(code, "nb" | "nn" | "nb-lett") {
                1
            } else {
                2
            }
        })
        .sum();
    assert_eq!(doc.letters.len(), expected);
    assert_eq!(doc.count, cards.len(), "a letter per card");
    assert!(
        doc.letters.len() > cards.len(),
        "the demo has families with other languages"
    );
    // In the order the cards print, each greeting names its holder.
    let path = dir.path().join("brev.pdf");
    std::fs::write(&path, doc.pdf().expect("pdf")).expect("write");
    let text = pdftotext(&path);
    let mut from = 0;
    for row in &cards {
        let at = text[from..]
            .find(&row.holder.first_name)
            .unwrap_or_else(|| panic!("{} after byte {from}", row.holder.first_name));
        from += at;
    }
    // Only the culture office prints letters.
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    assert!(read_letters(&ws, &nav, year.id, Letters::Cards(None), Lang::Nb).is_err());
}
