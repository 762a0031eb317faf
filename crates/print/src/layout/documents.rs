//! The other documents: NAV's hand-out list, a venue's settlement statement and the
//! printer's calibration page.

use super::*;
use crate::draw::PathEl;
use crate::draw::{Op, Page, Rgb, Stroke};
use crate::fonts::Fonts;
use okort_core::i18n::Msg;
use okort_core::Lang;

/// One row of NAV's hand-out list.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoutRow {
    pub number: String,
    pub name: String,
    pub birth_year: i32,
    /// Already formatted, or empty when the card is not handed out yet.
    pub handed_out: String,
}

/// NAV's hand-out list: card number, name, birth year, date and a signature column, A4 pages.
pub fn handout_pages(
    title: &str,
    primary: Rgb,
    rows: &[HandoutRow],
    fonts: &Fonts,
    lang: Lang,
) -> Vec<Page> {
    const PER_PAGE: usize = 22;
    let (w, h) = A4;
    let chunks: Vec<&[HandoutRow]> = if rows.is_empty() {
        vec![&[]]
    } else {
        rows.chunks(PER_PAGE).collect()
    };
    let total = chunks.len();
    let columns = [
        (15.0, Msg::HandoutNumber),
        (45.0, Msg::HandoutName),
        (110.0, Msg::HandoutBorn),
        (125.0, Msg::HandoutHandedOut),
        (148.0, Msg::HandoutSignature),
    ];
    let line = Stroke {
        colour: Rgb::GREY,
        width: 0.2,
    };
    chunks
        .into_iter()
        .enumerate()
        .map(|(page_no, chunk)| {
            let mut p = Pen::new(fonts);
            p.text(15.0, 20.0, 16.0, true, primary, title, 180.0);
            p.text(
                15.0,
                27.0,
                9.0,
                false,
                Rgb::GREY,
                &Msg::HandoutSigns.text(lang),
                180.0,
            );
            let top = 36.0;
            p.rect(15.0, top, 180.0, 8.0, tint(primary, 0.85));
            for (x, label) in &columns {
                p.text(
                    x + 1.5,
                    top + 5.5,
                    8.5,
                    true,
                    Rgb::INK,
                    &label.text(lang),
                    60.0,
                );
            }
            for (i, row) in chunk.iter().enumerate() {
                let y = top + 8.0 + i as f32 * 10.5;
                let base = y + 6.5;
                p.text(16.5, base, 9.5, true, primary, &row.number, 28.0);
                p.text(46.5, base, 10.0, false, Rgb::INK, &row.name, 62.0);
                p.text(
                    111.5,
                    base,
                    9.5,
                    false,
                    Rgb::INK,
                    &row.birth_year.to_string(),
                    12.0,
                );
                p.text(126.5, base, 9.5, false, Rgb::INK, &row.handed_out, 20.0);
                p.ops.push(Op::Path {
                    els: vec![PathEl::Move(15.0, y + 10.5), PathEl::Line(195.0, y + 10.5)],
                    fill: None,
                    stroke: Some(line),
                });
            }
            let footer = Msg::PageOf {
                page: page_no + 1,
                pages: total,
            }
            .text(lang);
            p.text(15.0, h - 12.0, 8.0, false, Rgb::GREY, &footer, 60.0);
            p.finish(w, h)
        })
        .collect()
}

/// A settlement statement: title, facts (label, value), a table of visits by month
/// (month, holder visits, companion visits) and the amounts.
/// What a settlement statement says, already formatted.
pub struct Statement<'a> {
    pub title: &'a str,
    pub primary: Rgb,
    /// The sender's lines: office and municipality, phone and e-mail, date of issue.
    pub sender: &'a [String],
    pub facts: &'a [(String, String)],
    pub months: &'a [[String; 3]],
    pub totals: &'a [(String, String)],
    pub lang: Lang,
}

/// A settlement statement on A4: the coat of arms, the program logo and the title in the
/// header, the sender, then the facts, visits by month and the amounts.
pub fn statement_page(st: &Statement, art: &Artwork, fonts: &Fonts) -> Page {
    let (w, h) = A4;
    let primary = st.primary;
    let mut p = Pen::new(fonts);
    p.rect(0.0, 0.0, w, 28.0, primary);
    let mut title_x = 15.0;
    if let Some(arms) = &art.coat_of_arms {
        arms.place(12.0, 4.0, 15.0, 20.0, &mut p.ops);
        title_x = 31.0;
    }
    if let Some(logo) = &art.program_logo {
        logo.place(160.0, 4.0, 38.0, 20.0, &mut p.ops);
    }
    p.text(
        title_x,
        17.5,
        16.0,
        true,
        Rgb::WHITE,
        st.title,
        155.0 - title_x,
    );
    let mut y = 36.0;
    for line in st.sender {
        p.text(15.0, y, 9.0, false, Rgb::GREY, line, 180.0);
        y += 4.6;
    }
    y += 5.0;
    for (label, value) in st.facts {
        p.text(15.0, y, 9.5, true, Rgb::GREY, label, 55.0);
        p.text(72.0, y, 10.5, false, Rgb::INK, value, 123.0);
        y += 6.6;
    }
    y += 5.0;
    p.rect(15.0, y - 5.0, 180.0, 8.0, tint(primary, 0.85));
    for (x, label) in [
        (17.0, Msg::StatementMonth),
        (110.0, Msg::StatementVisits),
        (150.0, Msg::StatementCompanions),
    ] {
        p.text(x, y, 9.0, true, Rgb::INK, &label.text(st.lang), 40.0);
    }
    y += 8.0;
    let line = Stroke {
        colour: Rgb::GREY,
        width: 0.15,
    };
    for (i, [month, visits, companions]) in st.months.iter().enumerate() {
        let last = i + 1 == st.months.len();
        p.text(17.0, y, 10.0, last, Rgb::INK, month, 85.0);
        p.text(110.0, y, 10.0, last, Rgb::INK, visits, 30.0);
        p.text(150.0, y, 10.0, last, Rgb::INK, companions, 30.0);
        p.ops.push(Op::Path {
            els: vec![PathEl::Move(15.0, y + 2.5), PathEl::Line(195.0, y + 2.5)],
            fill: None,
            stroke: Some(line),
        });
        y += 7.0;
    }
    y += 8.0;
    for (i, (label, value)) in st.totals.iter().enumerate() {
        let last = i + 1 == st.totals.len();
        let size = if last { 13.0 } else { 10.5 };
        p.text(110.0, y, size, last, Rgb::INK, label, 40.0);
        p.text(
            155.0,
            y,
            size,
            true,
            if last { primary } else { Rgb::INK },
            value,
            40.0,
        );
        y += 8.0;
    }
    p.finish(w, h)
}

/// A calibration page: millimetre rulers along the edges and a frame at 10 mm from each edge,
/// to measure how a printer shifts and scales, in the given page size.
pub fn calibration_page(size: (f32, f32), fonts: &Fonts, lang: Lang) -> Page {
    let (w, h) = size;
    let mut p = Pen::new(fonts);
    let thin = Stroke {
        colour: Rgb::BLACK,
        width: 0.15,
    };
    // Ticks every millimetre, longer at 5 and 10, along all four edges.
    let tick = |mm: u32| match (mm.is_multiple_of(10), mm.is_multiple_of(5)) {
        (true, _) => 5.0,
        (false, true) => 3.5,
        _ => 2.0,
    };
    let mut els = Vec::new();
    for mm in 0..=(w as u32) {
        let (x, len) = (mm as f32, tick(mm));
        els.extend([
            PathEl::Move(x, 0.0),
            PathEl::Line(x, len),
            PathEl::Move(x, h),
            PathEl::Line(x, h - len),
        ]);
    }
    for mm in 0..=(h as u32) {
        let (y, len) = (mm as f32, tick(mm));
        els.extend([
            PathEl::Move(0.0, y),
            PathEl::Line(len, y),
            PathEl::Move(w, y),
            PathEl::Line(w - len, y),
        ]);
    }
    p.ops.push(Op::Path {
        els,
        fill: None,
        stroke: Some(thin),
    });
    p.ops.push(Op::Rect {
        x: 10.0,
        y: 10.0,
        w: w - 20.0,
        h: h - 20.0,
        fill: None,
        stroke: Some(thin),
    });
    let size_pt = if w < 100.0 { 5.0 } else { 10.0 };
    p.text(
        12.0,
        18.0,
        size_pt,
        true,
        Rgb::INK,
        &Msg::CalibrationNote.text(lang),
        w - 24.0,
    );
    p.text(
        12.0,
        18.0 + size_pt * 0.6,
        size_pt * 0.8,
        false,
        Rgb::GREY,
        &format!("{w} × {h} mm"),
        w - 24.0,
    );
    p.finish(w, h)
}

/// One side's page of the recovery sheet, in the reader's language.
pub struct RecoveryPage {
    pub title: String,
    /// Program, workspace file and date.
    pub subtitle: String,
    /// Whose key it is ("NAV").
    pub heading: String,
    pub key: String,
    /// What the key does, how to keep and use it.
    pub paragraphs: Vec<String>,
}

/// A recovery key on A4: the key in large type and as a QR code, with what it is for.
pub fn recovery_page(page: &RecoveryPage, fonts: &Fonts) -> Result<Page, crate::PrintError> {
    let (w, h) = A4;
    let mut p = Pen::new(fonts);
    p.rect(0.0, 0.0, w, 28.0, Rgb::INK);
    p.text(15.0, 17.5, 18.0, true, Rgb::WHITE, &page.title, 180.0);
    p.text(15.0, 38.0, 9.5, false, Rgb::GREY, &page.subtitle, 180.0);
    p.text(15.0, 54.0, 16.0, true, Rgb::INK, &page.heading, 180.0);
    p.ops.push(Op::Rect {
        x: 15.0,
        y: 62.0,
        w: 180.0,
        h: 62.0,
        fill: None,
        stroke: Some(Stroke {
            colour: Rgb::INK,
            width: 0.4,
        }),
    });
    // Two lines of four groups: large enough to type from without mistakes.
    let groups: Vec<&str> = page.key.split('-').collect();
    let (first, second) = groups.split_at(groups.len().div_ceil(2));
    p.text(22.0, 86.0, 17.0, true, Rgb::INK, &first.join("-"), 110.0);
    p.text(22.0, 100.0, 17.0, true, Rgb::INK, &second.join("-"), 110.0);
    p.ops.push(crate::art::qr_op(&page.key, 143.0, 67.0, 48.0)?);
    let mut y = 140.0;
    let leading = crate::draw::pt_to_mm(11.0) * 1.25;
    for para in &page.paragraphs {
        let lines = p.wrapped(15.0, y, 11.0, false, Rgb::INK, para, 180.0, 6);
        y += lines as f32 * leading + 5.0;
    }
    Ok(p.finish(w, h))
}
