//! The printed PDF checked as a reader would: text extraction, fonts, structure, page size and
//! the QR code, with poppler, qpdf and zbar.

use okort_core::{Actor, Lang};
use okort_documents::print_year;
use okort_print::Layout;
use okort_store::{demo, VisitScope, Workspace};
use std::path::Path;
use std::process::Command;

/// The day the tests register on: after every visit date they use.
const TODAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 12, 31) {
    Some(d) => d,
    None => panic!("a date"),
};

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

fn demo_pdf(dir: &Path, layout: Layout) -> (Workspace, std::path::PathBuf, Vec<i64>) {
    let ws = demo::create(&dir.join("demo.okort")).expect("demo");
    let year = ws.year_by_number(2026).expect("year").expect("2026");
    let (pdf, printed) =
        print_year(&ws, &Actor::command_line(), year.id, layout, None, Lang::Nb).expect("print");
    let path = dir.join("cards.pdf");
    std::fs::write(&path, pdf).expect("write");
    (ws, path, printed)
}

#[test]
fn every_name_in_every_script_and_every_number_can_be_copied_from_the_a4_pdf() {
    let dir = tempfile::tempdir().expect("dir");
    let (ws, path, printed) = demo_pdf(dir.path(), Layout::A4);
    let text = tool("pdftotext", &[path.to_str().expect("path"), "-"]);
    let year = ws.year_by_number(2026).expect("y").expect("y");
    let rows = ws
        .list_cards(&Actor::command_line(), year.id)
        .expect("cards");
    assert_eq!(printed.len(), 18, "every active card, not the lost one");
    for row in rows.iter().filter(|r| printed.contains(&r.card.id)) {
        assert!(
            text.contains(&row.card.number),
            "number {}",
            row.card.number
        );
        for part in [&row.holder.first_name, &row.holder.last_name] {
            assert!(text.contains(part.as_str()), "name part {part} missing");
        }
    }
    for name in [
        "مريم",
        "ሰላም",
        "Олена",
        "Wiśniewska",
        "Nguyễn",
        "Fri inngang hele året",
    ] {
        assert!(text.contains(name), "{name}");
    }
}

/// Names in the scripts of the families the program serves, as first and last name.
const NAMES_IN_EVERY_SCRIPT: &[(&str, &str)] = &[
    ("கயல்விழி", "சுப்பிரமணியம்"), // Tamil
    ("प्रिया", "शर्मा"),          // Devanagari
    ("অনন্যা", "রহমান"),           // Bengali
    ("สมชาย", "ใจดี"),           // Thai, with a stacked tone mark
    ("נועה", "כהן"),            // Hebrew
    ("ნინო", "ბერიძე"),         // Georgian
    ("Անի", "Պետրոսյան"),       // Armenian
    ("නිමාෂා", "පෙරේරා"),           // Sinhala
    ("សុភា", "ចាន់"),             // Khmer
    ("زهرا", "محمدی"),          // Persian
    ("عائشہ", "خان"),           // Urdu
    ("芳", "王"),               // Chinese
    ("陽菜", "さとう"),         // Japanese
    ("민준", "김"),             // Korean
    ("Оксана", "Шевченко"),     // Cyrillic
    ("Hương", "Nguyễn Thị"),    // Vietnamese
    ("ሳባ", "ተስፋይ"),             // Ethiopic (Tigrinya)
    ("Ελένη", "Παπαδοπούλου"),  // Greek
];

/// The demo with a holder (and a card) for each of `names`.
fn demo_with_names(dir: &Path, names: &[(&str, &str)]) -> (Workspace, i64) {
    let mut ws = demo::create(&dir.join("demo.okort")).expect("demo");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let year = ws.year_by_number(2026).expect("year").expect("2026");
    let mut holders = Vec::new();
    for (i, (first, last)) in names.iter().enumerate() {
        let h = ws
            .save_holder(
                &nav,
                okort_core::HolderInput {
                    id: None,
                    first_name: (*first).into(),
                    last_name: (*last).into(),
                    birth_date: chrono::NaiveDate::from_ymd_opt(2012, 1, 1 + i as u32)
                        .expect("date"),
                    language: "nb".into(),
                    guardian_name: String::new(),
                    guardian_phone: String::new(),
                    guardian_email: String::new(),
                    address: String::new(),
                    nav_contact: String::new(),
                    nav_note: String::new(),
                },
                TODAY,
            )
            .expect("holder");
        holders.push(h.id);
    }
    // Room in the quota for them.
    let mut input = okort_core::ProgramYearInput::from(&year);
    input.card_quota = 100;
    ws.save_year(
        &ws.login("kultur", demo::DEMO_PASSWORD).expect("admin"),
        input,
    )
    .expect("quota");
    for id in &holders {
        ws.assign_card(&nav, *id, year.id, None, TODAY)
            .expect("card");
    }
    (ws, year.id)
}

/// The glyph ids a PDF's pages show, read from its uncompressed content streams (qpdf's QDF
/// form): every hex string shown with `Tj` or inside a `TJ` array, two bytes per glyph.
fn shown_glyph_ids(pdf: &Path) -> Vec<u16> {
    let qdf = pdf.with_extension("qdf.pdf");
    tool(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().expect("path"),
            qdf.to_str().expect("path"),
        ],
    );
    let bytes = std::fs::read(&qdf).expect("qdf");
    let text = String::from_utf8_lossy(&bytes);
    let mut ids = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if !(line.ends_with("Tj") || line.ends_with("TJ")) {
            continue;
        }
        for hex in line.split('<').skip(1).filter_map(|h| h.split('>').next()) {
            let digits: Vec<u8> = hex.bytes().filter(u8::is_ascii_hexdigit).collect();
            for pair in digits.chunks(4).filter(|c| c.len() == 4) {
                let s = std::str::from_utf8(pair).expect("hex");
                ids.push(u16::from_str_radix(s, 16).expect("glyph id"));
            }
        }
    }
    ids
}

#[test]
fn names_in_every_script_come_out_of_the_pdf_as_written_in_every_layout() {
    let dir = tempfile::tempdir().expect("dir");
    let (ws, year_id) = demo_with_names(dir.path(), NAMES_IN_EVERY_SCRIPT);
    // Every one of them prints: nothing is said before printing.
    let said =
        okort_documents::print_warnings(&ws, &Actor::command_line(), year_id, None, Lang::Nb)
            .expect("checked");
    assert!(said.is_empty(), "{said:?}");
    for layout in [Layout::A4, Layout::A6Fold, Layout::Cr80, Layout::Sheet8] {
        let (pdf, _) = print_year(&ws, &Actor::command_line(), year_id, layout, None, Lang::Nb)
            .expect("print");
        let path = dir.path().join(format!("cards-{layout:?}.pdf"));
        std::fs::write(&path, pdf).expect("write");
        let text = tool("pdftotext", &[path.to_str().expect("path"), "-"]);
        for (first, last) in NAMES_IN_EVERY_SCRIPT {
            assert!(
                text.contains(first),
                "{layout:?}: {first} is not in the PDF's text"
            );
            assert!(
                text.contains(last),
                "{layout:?}: {last} is not in the PDF's text"
            );
        }
        // No empty box: glyph 0 (.notdef) is shown nowhere.
        let ids = shown_glyph_ids(&path);
        assert!(
            ids.len() > 100,
            "{layout:?}: glyphs read from the content streams"
        );
        assert!(!ids.contains(&0), "{layout:?}: a .notdef glyph is shown");
        // Every font the names need is embedded.
        let fonts = tool("pdffonts", &[path.to_str().expect("path")]);
        for family in [
            "Tamil",
            "Devanagari",
            "Bengali",
            "Thai",
            "Hebrew",
            "Georgian",
            "Armenian",
            "Sinhala",
            "Khmer",
            "Ethiopic",
            "Arabic",
        ] {
            assert!(
                fonts.contains(&format!("NotoSans{family}")),
                "{layout:?}: {family}: {fonts}"
            );
        }
        assert!(
            fonts.contains("DroidSansFallback"),
            "Chinese, Japanese: {fonts}"
        );
        assert!(fonts.contains("NanumSquare"), "Korean: {fonts}");
    }
}

#[test]
fn a_name_no_font_can_draw_is_said_by_card_before_printing() {
    let dir = tempfile::tempdir().expect("dir");
    // Burmese: no bundled font has it.
    let (ws, year_id) = demo_with_names(dir.path(), &[("Aye", "မင်း")]);
    let said =
        okort_documents::print_warnings(&ws, &Actor::command_line(), year_id, None, Lang::Nb)
            .expect("checked");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with("Kort 2026-"), "{}", said[0]);
    assert!(said[0].contains("kan ikke skrives ut"), "{}", said[0]);
    assert!(said[0].contains('မ'), "{}", said[0]);
    let en = okort_documents::print_warnings(&ws, &Actor::command_line(), year_id, None, Lang::En)
        .expect("checked");
    assert!(en[0].starts_with("Card 2026-"), "{}", en[0]);
    // Printed anyway, the boxes are there: the check above for no .notdef can see them.
    let (pdf, _) = print_year(
        &ws,
        &Actor::command_line(),
        year_id,
        Layout::A4,
        None,
        Lang::Nb,
    )
    .expect("print");
    let path = dir.path().join("boxes.pdf");
    std::fs::write(&path, pdf).expect("write");
    assert!(shown_glyph_ids(&path).contains(&0));
}

#[test]
fn a_primary_colour_too_light_for_the_cards_white_text_is_said_before_printing() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let year_id = ws.year_by_number(2026).expect("year").expect("2026").id;
    let check = |lang| {
        okort_documents::print_warnings(&ws, &Actor::command_line(), year_id, None, lang)
            .expect("checked")
    };
    // The demo's colour takes white text well: nothing is said.
    assert!(check(Lang::Nb).is_empty(), "{:?}", check(Lang::Nb));
    let office = ws.login("kultur", demo::DEMO_PASSWORD).expect("office");
    let p = ws.program().expect("program");
    ws.save_program(
        &office,
        okort_core::ProgramInput {
            municipality: p.municipality,
            name: p.name,
            contact_name: p.contact_name,
            contact_phone: p.contact_phone,
            contact_email: p.contact_email,
            // Amber: white on it is 2.0:1.
            primary_colour: "#f2a900".into(),
            accent_colour: p.accent_colour,
            desk_idle_minutes: p.desk_idle_minutes,
            retention_years: p.retention_years,
        },
    )
    .expect("saved");
    let nb = check(Lang::Nb);
    assert_eq!(nb.len(), 1, "{nb:?}");
    assert!(nb[0].contains("kontrast 2,0:1"), "{}", nb[0]);
    let en = check(Lang::En);
    assert!(en[0].contains("contrast of 2.0:1"), "{}", en[0]);
}

#[test]
fn the_a4_pdf_is_valid_with_embedded_font_subsets_and_one_a4_page_per_card() {
    let dir = tempfile::tempdir().expect("dir");
    let (_ws, path, printed) = demo_pdf(dir.path(), Layout::A4);
    let p = path.to_str().expect("path");
    tool("qpdf", &["--check", p]);
    let info = tool("pdfinfo", &[p]);
    assert!(
        info.contains(&format!("Pages:           {}", printed.len())),
        "{info}"
    );
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let fonts = tool("pdffonts", &[p]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for row in rows {
        let name = row.split_whitespace().next().unwrap_or("");
        assert!(name.contains('+'), "a subset has a tag: {row}");
        assert!(
            row.contains(" yes yes yes "),
            "embedded, subset, unicode map: {row}"
        );
    }
}

#[test]
fn what_every_card_shares_copies_from_the_last_page_as_from_the_first() {
    let dir = tempfile::tempdir().expect("dir");
    let (_ws, path, printed) = demo_pdf(dir.path(), Layout::A4);
    let p = path.to_str().expect("path");
    let page = |n: usize| {
        let n = n.to_string();
        tool("pdftotext", &["-f", &n, "-l", &n, p, "-"])
    };
    let (first, last) = (page(1), page(printed.len()));
    for shared in [
        "Opplevelseskortet 2026",
        "KORTNUMMER",
        "GYLDIG TIL",
        "Her kan du bruke kortet",
        "Eksempel Kino",
        "Fri inngang hele året",
    ] {
        assert!(first.contains(shared), "{shared} on the first page");
        assert!(last.contains(shared), "{shared} on the last page:\n{last}");
    }
}

#[test]
fn the_cr80_pdf_has_a_front_and_a_back_of_card_size_per_card() {
    let dir = tempfile::tempdir().expect("dir");
    let (_ws, path, printed) = demo_pdf(dir.path(), Layout::Cr80);
    let info = tool("pdfinfo", &[path.to_str().expect("path")]);
    assert!(
        info.contains(&format!("Pages:           {}", printed.len() * 2)),
        "{info}"
    );
    assert!(
        info.contains("242.646 x 153.071 pts"),
        "85.6 × 54 mm: {info}"
    );
    // The back says what the agreements do not cover, as much as fits; the letter the rest.
    let back = tool(
        "pdftotext",
        &["-f", "2", "-l", "2", path.to_str().expect("path"), "-"],
    );
    let back = back.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        back.contains("Dekkes ikke: Bowlinghallen: Mat og drikke · Eksempel Danseskole"),
        "{back}"
    );
    assert!(back.contains("til i informasjonsbrevet"), "{back}");
}

#[test]
fn the_qr_code_decodes_at_150_dpi_to_the_cards_signed_payload() {
    let dir = tempfile::tempdir().expect("dir");
    let (ws, path, printed) = demo_pdf(dir.path(), Layout::A4);
    let png = dir.path().join("page");
    tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "-singlefile",
            path.to_str().expect("p"),
            png.to_str().expect("p"),
        ],
    );
    let decoded = tool(
        "zbarimg",
        &[
            "-q",
            "--raw",
            dir.path().join("page.png").to_str().expect("p"),
        ],
    );
    let expected = ws.card_qr(&Actor::command_line(), printed[0]).expect("qr");
    assert_eq!(decoded.trim(), expected);
}

#[test]
fn the_hand_out_list_has_every_active_card_with_name_and_a_signature_column() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let year = ws.year_by_number(2026).expect("year").expect("2026");
    let pdf = okort_documents::handout_list(&ws, &Actor::command_line(), year.id, Lang::Nb)
        .expect("list");
    let path = dir.path().join("liste.pdf");
    std::fs::write(&path, pdf).expect("write");
    let text = tool("pdftotext", &["-layout", path.to_str().expect("p"), "-"]);
    assert!(text.contains("Signatur"), "{text}");
    let rows = ws
        .list_cards(&Actor::command_line(), year.id)
        .expect("cards");
    for row in rows.iter().filter(|r| r.card.status.is_active()) {
        assert!(text.contains(&row.card.number), "{}", row.card.number);
        assert!(
            text.contains(&row.holder.last_name),
            "{}",
            row.holder.last_name
        );
    }
    assert!(text.contains("26.01.2026"), "hand-out dates are shown");
}

#[test]
fn the_calibration_page_has_the_paper_size_and_rulers() {
    let dir = tempfile::tempdir().expect("dir");
    for (layout, size) in [
        (Layout::A4, "595.276 x 841.89"),
        (Layout::Cr80, "242.646 x 153.071"),
    ] {
        let path = dir.path().join("cal.pdf");
        std::fs::write(
            &path,
            okort_documents::calibration(layout, None, Lang::Nb).expect("page"),
        )
        .expect("write");
        let p = path.to_str().expect("p");
        tool("qpdf", &["--check", p]);
        assert!(tool("pdfinfo", &[p]).contains(size));
        assert!(tool("pdftotext", &[p, "-"]).contains("10 mm fra hver kant"));
    }
}

#[test]
fn the_print_shop_sheet_holds_eight_cards_with_a_sheet_of_backs_after_each_sheet_of_fronts() {
    let dir = tempfile::tempdir().expect("dir");
    let (_ws, path, printed) = demo_pdf(dir.path(), Layout::Sheet8);
    let p = path.to_str().expect("path");
    let info = tool("pdfinfo", &[p]);
    let sheets = printed.len().div_ceil(8);
    assert!(
        info.contains(&format!("Pages:           {}", sheets * 2)),
        "{info}"
    );
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let first = tool("pdftotext", &["-f", "1", "-l", "1", p, "-"]);
    assert_eq!(
        first.matches("KORTNUMMER").count(),
        8,
        "eight fronts on the first sheet"
    );
    let backs = tool("pdftotext", &["-f", "2", "-l", "2", p, "-"]);
    assert_eq!(
        backs.matches("Her kan du bruke kortet").count(),
        8,
        "eight backs behind them"
    );
}

#[test]
fn the_saved_design_chooses_the_venues_their_order_and_whether_the_qr_is_printed() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let year = ws.year_by_number(2026).expect("year").expect("2026");
    let venues = ws.list_venues().expect("venues");
    let kino = venues
        .iter()
        .find(|v| v.name == "Eksempel Kino")
        .expect("kino")
        .id;
    let badet = venues
        .iter()
        .find(|v| v.name == "Eksempelbadet")
        .expect("badet")
        .id;
    let design = okort_core::CardDesign {
        title: "Kulturkortet 2026".into(),
        show_qr: false,
        venue_ids: Some(vec![badet, kino]),
        ..ws.card_design(year.id, Lang::Nb).expect("design")
    };
    ws.save_card_design(&Actor::command_line(), design)
        .expect("save");
    let only = ws
        .list_cards(&Actor::command_line(), year.id)
        .expect("cards")[0]
        .card
        .id;
    let (pdf, _) = print_year(
        &ws,
        &Actor::command_line(),
        year.id,
        Layout::A4,
        Some(&[only]),
        Lang::Nb,
    )
    .expect("print");
    let path = dir.path().join("one.pdf");
    std::fs::write(&path, pdf).expect("write");
    let text = tool("pdftotext", &[path.to_str().expect("p"), "-"]);
    assert!(text.contains("Kulturkortet 2026"));
    let (b, k) = (
        text.find("Eksempelbadet").expect("badet"),
        text.find("Eksempel Kino").expect("kino"),
    );
    assert!(b < k, "the chosen order");
    assert!(
        !text.contains("Bowlinghallen"),
        "venues left out are not printed"
    );
    let png = dir.path().join("page");
    tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            "-singlefile",
            path.to_str().expect("p"),
            png.to_str().expect("p"),
        ],
    );
    let out = Command::new("zbarimg")
        .args([
            "-q",
            "--raw",
            dir.path().join("page.png").to_str().expect("p"),
        ])
        .output()
        .expect("zbarimg");
    assert!(
        out.stdout.is_empty(),
        "no QR code when the design turns it off"
    );
}

#[test]
fn progress_is_told_sheet_by_sheet_and_a_cancelled_run_marks_nothing_printed() {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let year = ws.year_by_number(2026).expect("year").expect("2026");
    let actor = Actor::command_line();
    let mut seen = Vec::new();
    let (_, printed) = okort_documents::print_year_with_progress(
        &ws,
        &actor,
        year.id,
        Layout::A4,
        None,
        None,
        Lang::Nb,
        &mut |done, total| {
            seen.push((done, total));
            true
        },
    )
    .expect("print");
    assert_eq!(printed.len(), 18);
    assert_eq!(
        seen,
        vec![(8, 18), (16, 18), (18, 18)],
        "a sheet of eight at a time"
    );
    let res = okort_documents::print_year_with_progress(
        &ws,
        &actor,
        year.id,
        Layout::A4,
        None,
        None,
        Lang::Nb,
        &mut |done, _| done < 3,
    );
    assert!(matches!(
        res,
        Err(okort_documents::DocError::Print(
            okort_print::PrintError::Cancelled
        ))
    ));
}

#[test]
fn the_a6_folder_is_one_a4_landscape_page_per_card_with_the_inside_upside_down() {
    let dir = tempfile::tempdir().expect("dir");
    let (_ws, path, printed) = demo_pdf(dir.path(), Layout::A6Fold);
    let p = path.to_str().expect("path");
    tool("qpdf", &["--check", p]);
    let info = tool("pdfinfo", &[p]);
    assert!(
        info.contains(&format!("Pages:           {}", printed.len())),
        "{info}"
    );
    assert!(
        info.contains("841.89 x 595.276 pts"),
        "A4 landscape: {info}"
    );
    let text = tool("pdftotext", &["-f", "1", "-l", "1", p, "-"]);
    for needed in [
        "Amina Hassan",
        "Her kan du bruke kortet",
        "Eksempel Kino",
        "Fri inngang hele året",
    ] {
        assert!(text.contains(needed), "{needed}");
    }
    // The QR of the front cover still decodes at 150 dpi.
    let png = dir.path().join("page");
    tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-singlefile",
            "-png",
            p,
            png.to_str().expect("p"),
        ],
    );
    let decoded = tool(
        "zbarimg",
        &[
            "-q",
            "--raw",
            dir.path().join("page.png").to_str().expect("p"),
        ],
    );
    assert!(decoded.starts_with("OKORT2;"), "{decoded}");
}

#[test]
fn a_printer_profile_moves_and_scales_what_is_printed() {
    use okort_print::draw::Op;
    let profile = okort_core::PrinterProfile {
        id: None,
        name: "Skriver".into(),
        offset_x_mm: 2.0,
        offset_y_mm: -1.0,
        scale_percent: 98.0,
    };
    let page = okort_print::Page {
        width: 210.0,
        height: 297.0,
        ops: vec![],
    };
    let out = okort_documents::calibrated(vec![page], Some(&profile));
    assert_eq!(
        out[0].ops,
        vec![Op::Group {
            matrix: [0.98, 0.0, 0.0, 0.98, 2.0, -1.0],
            ops: vec![]
        }]
    );
    let pdf = okort_documents::calibration(Layout::A4, Some(&profile), Lang::En).expect("page");
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("cal.pdf");
    std::fs::write(&path, pdf).expect("write");
    tool("qpdf", &["--check", path.to_str().expect("p")]);
}

#[test]
fn a_settlement_statement_shows_the_venue_its_account_the_months_and_the_amount() {
    let dir = tempfile::tempdir().expect("dir");
    let mut ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let year = ws.year_by_number(2026).expect("year").expect("2026");
    let kino = ws
        .list_venues()
        .expect("v")
        .into_iter()
        .find(|v| v.name == "Eksempel Kino")
        .expect("kino");
    let card = ws.list_cards(&admin, year.id).expect("cards")[0]
        .card
        .number
        .clone();
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2026, m, d).expect("date");
    ws.register_visit(&admin, &card, Some(kino.id), day(3, 2), true, None, TODAY)
        .expect("march");
    ws.register_visit(&admin, &card, Some(kino.id), day(5, 9), false, None, TODAY)
        .expect("may");
    ws.register_returned_ticks(&admin, &card, &[(kino.id, 3)])
        .expect("ticks");
    let pdf = okort_documents::statement_pdf(
        &ws,
        &admin,
        kino.id,
        year.id,
        VisitScope::Open(None),
        TODAY,
        Lang::Nb,
    )
    .expect("statement");
    let path = dir.path().join("oppgjor.pdf");
    std::fs::write(&path, pdf).expect("write");
    let p = path.to_str().expect("p");
    tool("qpdf", &["--check", p]);
    let text = tool("pdftotext", &["-layout", p, "-"]);
    let line = ws
        .compute_payouts(&admin, year.id, None)
        .expect("payouts")
        .into_iter()
        .find(|l| l.venue_id == kino.id)
        .expect("line");
    for needed in [
        "Eksempel Kino".to_string(),
        okort_core::checks::format_org_number(&kino.org_number),
        okort_core::checks::format_bank_account(&kino.bank_account),
        "Mars".into(),
        "Mai".into(),
        "Innleverte kort".into(),
        okort_core::money::format_nok(line.total_ore).replace('\u{a0}', " "),
    ] {
        assert!(text.contains(&needed), "{needed} missing in:\n{text}");
    }
    assert_eq!(line.holder_visits, 3);
    assert!(text.contains("Utkast"), "not approved yet:\n{text}");

    // Approved and paid, the statement is the settlement's, with its number and payment date.
    let s = ws
        .approve_settlement(&admin, kino.id, year.id, None, day(11, 19))
        .expect("approve");
    ws.mark_settlement_paid(&admin, s.id, day(11, 20))
        .expect("paid");
    let pdf = okort_documents::statement_pdf(
        &ws,
        &admin,
        kino.id,
        year.id,
        VisitScope::Settlement(s.id),
        TODAY,
        Lang::Nb,
    )
    .expect("statement");
    std::fs::write(&path, pdf).expect("write");
    let text = tool("pdftotext", &["-layout", p, "-"]);
    assert!(text.contains(&format!("Nr. {}", s.id)), "{text}");
    assert!(text.contains("betalt 20.11.2026"), "{text}");
    assert!(text.contains("Hele 2026"), "{text}");
    assert!(!text.contains("Utkast"), "{text}");
    // Who sends it, when, who approved it and the reference to quote.
    for needed in [
        "Eksempel kommune".to_string(),
        "Utstedt 31.12.2026".into(),
        "Godkjent av".into(),
        format!("OK-2026-{:04}", s.id),
    ] {
        assert!(text.contains(&needed), "{needed} missing in:\n{text}");
    }
    // In English the same statement speaks English, from the same catalogue.
    let en = dir.path().join("statement-en.pdf");
    let pdf = okort_documents::statement_pdf(
        &ws,
        &admin,
        kino.id,
        year.id,
        VisitScope::Settlement(s.id),
        TODAY,
        Lang::En,
    )
    .expect("statement");
    std::fs::write(&en, pdf).expect("write");
    let text_en = tool("pdftotext", &["-layout", en.to_str().expect("p"), "-"]);
    for needed in [
        "To be paid",
        "Approved by",
        "Issued 31.12.2026",
        "March",
        "All of 2026",
    ] {
        assert!(text_en.contains(needed), "{needed} missing in:\n{text_en}");
    }
    assert!(!text_en.contains("Til utbetaling"), "{text_en}");
    // The header carries the coat of arms (left) and the program logo (right): rendered, those
    // parts of the blue band hold other colours than the band itself.
    let png = dir.path().join("statement");
    tool(
        "pdftoppm",
        &[
            "-r",
            "50",
            "-png",
            "-singlefile",
            p,
            png.to_str().expect("path"),
        ],
    );
    let img = image::open(png.with_extension("png"))
        .expect("png")
        .to_rgb8();
    let band = *img.get_pixel(img.width() / 2, 4);
    let px_per_mm = img.width() as f32 / 210.0;
    let differing = |x0: f32, x1: f32| {
        let (x0, x1) = ((x0 * px_per_mm) as u32, (x1 * px_per_mm) as u32);
        let (y0, y1) = ((6.0 * px_per_mm) as u32, (22.0 * px_per_mm) as u32);
        (x0..x1)
            .flat_map(|x| (y0..y1).map(move |y| (x, y)))
            .filter(|&(x, y)| *img.get_pixel(x, y) != band)
            .count()
    };
    assert!(differing(12.0, 27.0) > 20, "coat of arms missing");
    assert!(differing(160.0, 198.0) > 20, "program logo missing");
    assert!(
        text.contains(&okort_core::money::format_nok(s.line.total_ore).replace('\u{a0}', " ")),
        "{text}"
    );
    assert_eq!(s.line.total_ore, line.total_ore, "approved as computed");
}

/// The demo holder with this first name, with NAV's fields filled in and a visit registered,
/// so that each part of the access request has something to show.
fn holder_with_everything(ws: &mut Workspace, first_name: &str) -> okort_core::Holder {
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let h = ws
        .list_holders(&nav)
        .expect("holders")
        .into_iter()
        .find(|h| h.first_name == first_name)
        .expect("demo holder");
    let h = ws
        .save_holder(
            &nav,
            okort_core::HolderInput {
                id: Some(h.id),
                first_name: h.first_name,
                last_name: h.last_name,
                birth_date: h.birth_date,
                language: h.language,
                guardian_name: "Mulu Gebremedhin".into(),
                guardian_phone: "412 34 567".into(),
                guardian_email: "mulu@example.no".into(),
                address: "Storgata 1, 0155 Oslo".into(),
                nav_contact: "Kari Veileder".into(),
                nav_note: "Første linje i merknaden.\nAndre linje: ønsker brev på tigrinja.".into(),
            },
            TODAY,
        )
        .expect("save");
    let card = ws
        .cards_of_holder(&nav, h.id)
        .expect("cards")
        .into_iter()
        .find(|c| c.status.is_active())
        .expect("a card");
    let kino = ws
        .list_venues()
        .expect("v")
        .into_iter()
        .find(|v| v.name == "Eksempel Kino")
        .expect("kino");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 4, 11).expect("date");
    ws.register_visit(&admin, &card.number, Some(kino.id), day, true, None, TODAY)
        .expect("visit");
    h
}

#[test]
fn an_access_request_prints_the_holder_with_navs_fields_cards_and_visits_and_nobody_else() {
    let dir = tempfile::tempdir().expect("dir");
    let mut ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    // Ethiopic and Cyrillic names, as the holders' own scripts are printed.
    for first_name in ["ሰላም", "Олена"] {
        let holder = holder_with_everything(&mut ws, first_name);
        let pdf =
            okort_documents::holder_access_pdf(&ws, &nav, holder.id, TODAY, Lang::Nb).expect("pdf");
        let path = dir.path().join("innsyn.pdf");
        std::fs::write(&path, pdf).expect("write");
        let p = path.to_str().expect("p");
        tool("qpdf", &["--check", p]);
        let text = tool("pdftotext", &["-layout", p, "-"]);
        let cards = ws.cards_of_holder(&nav, holder.id).expect("cards");
        let mut needed = vec![
            format!("{} {}", holder.first_name, holder.last_name),
            "Innsyn".into(),
            "Eksempel kommune".into(),
            "Laget 31.12.2026".into(),
            okort_core::dates::format_date(holder.birth_date),
            "Mulu Gebremedhin".into(),
            "mulu@example.no".into(),
            "Storgata 1, 0155 Oslo".into(),
            "Kari Veileder".into(),
            "Første linje i merknaden.".into(),
            "Andre linje: ønsker brev på tigrinja.".into(),
            "11.04.2026".into(),
            "Eksempel Kino".into(),
        ];
        needed.extend(cards.iter().map(|c| c.number.clone()));
        for needed in needed {
            assert!(text.contains(&needed), "{needed} missing in:\n{text}");
        }
        for other in ws
            .list_holders(&nav)
            .expect("holders")
            .iter()
            .filter(|h| h.id != holder.id)
        {
            let name = format!("{} {}", other.first_name, other.last_name);
            assert!(!text.contains(&name), "{name} is another holder:\n{text}");
        }
    }
    assert!(matches!(
        okort_documents::holder_access_pdf(&ws, &admin, 1, TODAY, Lang::Nb),
        Err(okort_documents::DocError::Store(
            okort_store::StoreError::Denied(_)
        ))
    ));
}

#[test]
fn an_access_request_in_english_speaks_english_and_is_logged() {
    let dir = tempfile::tempdir().expect("dir");
    let mut ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let holder = holder_with_everything(&mut ws, "ሰላም");
    let pdf =
        okort_documents::holder_access_pdf(&ws, &nav, holder.id, TODAY, Lang::En).expect("pdf");
    let path = dir.path().join("access.pdf");
    std::fs::write(&path, pdf).expect("write");
    let text = tool("pdftotext", &["-layout", path.to_str().expect("p"), "-"]);
    for needed in [
        "Access request",
        "Guardian",
        "NAV's note",
        "Companion",
        "Page 1 of",
    ] {
        assert!(text.contains(needed), "{needed} missing in:\n{text}");
    }
    assert!(!text.contains("Foresatt"), "{text}");
    let log = ws
        .audit_log(&admin, &okort_store::AuditQuery::latest(5), Lang::Nb)
        .expect("log");
    assert!(
        log.iter()
            .any(|e| e.action == "holder.export" && e.entity_id == Some(holder.id)),
        "the PDF is logged as the JSON export is"
    );
}
