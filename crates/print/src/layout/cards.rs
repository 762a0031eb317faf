//! The card layouts: one card per A4 page, folded A6, CR80 front and back, and the print
//! shop's sheet of eight. Each turns one card's data into pages of drawing operations.

use super::*;
use crate::art::qr_op;
use crate::draw::PathEl;
use crate::draw::{pt_to_mm, Op, Page, Rgb, Stroke};
use crate::fonts::Fonts;
use crate::PrintError;
use okort_core::i18n::Msg;

/// Lays out one card in the chosen layout.
pub fn card_pages(
    layout: Layout,
    design: &Design,
    art: &Artwork,
    fonts: &Fonts,
    cards: &[CardFace],
) -> Result<Vec<Page>, PrintError> {
    let mut pages = Vec::new();
    match layout {
        Layout::A4 => {
            for card in cards {
                pages.push(a4(design, art, fonts, card)?);
            }
        }
        Layout::A6Fold => {
            for card in cards {
                pages.push(a6_fold(design, art, fonts, card)?);
            }
        }
        Layout::Cr80 => {
            for card in cards {
                pages.push(cr80_front(design, art, fonts, card)?);
                pages.push(cr80_back(design, art, fonts));
            }
        }
        Layout::Sheet8 => {
            let back = cr80_back(design, art, fonts);
            for chunk in cards.chunks(SHEET_COLS * SHEET_ROWS) {
                let fronts = chunk
                    .iter()
                    .map(|c| cr80_front(design, art, fonts, c))
                    .collect::<Result<Vec<_>, _>>()?;
                let backs = vec![back.clone(); chunk.len()];
                pages.push(sheet(&fronts, false));
                pages.push(sheet(&backs, true));
            }
        }
    }
    Ok(pages)
}

const SHEET_COLS: usize = 2;
const SHEET_ROWS: usize = 4;

/// Where card `i` sits on an 8-up sheet; backs swap columns so that long-edge duplex puts
/// each back behind its front.
fn sheet_slot(i: usize, backs: bool) -> (f32, f32) {
    let (cw, ch) = CR80;
    let gap_x = (A4.0 - SHEET_COLS as f32 * cw) / (SHEET_COLS as f32 + 1.0);
    let gap_y = (A4.1 - SHEET_ROWS as f32 * ch) / (SHEET_ROWS as f32 + 1.0);
    let (row, mut col) = (i / SHEET_COLS, i % SHEET_COLS);
    if backs {
        col = SHEET_COLS - 1 - col;
    }
    (
        gap_x + col as f32 * (cw + gap_x),
        gap_y + row as f32 * (ch + gap_y),
    )
}

/// An A4 sheet with the given card pages placed in their slots, each with crop marks.
fn sheet(cards: &[Page], backs: bool) -> Page {
    let (cw, ch) = CR80;
    let mark = Stroke {
        colour: Rgb::BLACK,
        width: 0.1,
    };
    let mut ops = Vec::new();
    let mut marks = Vec::new();
    for (i, card) in cards.iter().enumerate() {
        let (x, y) = sheet_slot(i, backs);
        ops.extend(card.ops.iter().map(|op| op.translated(x, y)));
        for (cx, cy, dx, dy) in [
            (x, y, -1.0, -1.0),
            (x + cw, y, 1.0, -1.0),
            (x, y + ch, -1.0, 1.0),
            (x + cw, y + ch, 1.0, 1.0),
        ] {
            marks.extend([
                PathEl::Move(cx + dx * 1.5, cy),
                PathEl::Line(cx + dx * 5.0, cy),
                PathEl::Move(cx, cy + dy * 1.5),
                PathEl::Line(cx, cy + dy * 5.0),
            ]);
        }
    }
    ops.push(Op::Path {
        els: marks,
        fill: None,
        stroke: Some(mark),
    });
    Page {
        width: A4.0,
        height: A4.1,
        ops,
    }
}

fn a4(design: &Design, art: &Artwork, fonts: &Fonts, card: &CardFace) -> Result<Page, PrintError> {
    let (w, h) = A4;
    let mut p = Pen::new(fonts);
    let primary = design.primary;
    // Header band.
    p.rect(0.0, 0.0, w, 62.0, primary);
    p.rect(0.0, 62.0, w, 3.0, design.accent);
    if let Some(arms) = &art.coat_of_arms {
        arms.place(15.0, 14.0, 22.0, 30.0, &mut p.ops);
    }
    p.text(44.0, 31.0, 26.0, true, Rgb::WHITE, &design.title, 100.0);
    p.text(
        44.0,
        41.0,
        12.0,
        false,
        tint(primary, 0.75),
        &design.municipality,
        100.0,
    );
    if let Some(logo) = &art.program_logo {
        logo.place(150.0, 12.0, 45.0, 38.0, &mut p.ops);
    }
    // Holder panel.
    p.rect(15.0, 74.0, 180.0, 50.0, tint(primary, 0.9));
    p.text(22.0, 84.0, 8.0, true, Rgb::GREY, "KORTHOLDER", 60.0);
    p.text(
        22.0,
        96.0,
        24.0,
        true,
        Rgb::INK,
        &card.holder_name,
        if design.show_qr { 125.0 } else { 165.0 },
    );
    p.text(
        22.0,
        108.0,
        8.0,
        true,
        Rgb::GREY,
        &Msg::CardNumberLabel.text(design.lang),
        60.0,
    );
    p.text(22.0, 117.0, 15.0, true, primary, &card.number, 60.0);
    p.text(
        88.0,
        108.0,
        8.0,
        true,
        Rgb::GREY,
        &Msg::CardValidTo.text(design.lang),
        60.0,
    );
    p.text(88.0, 117.0, 15.0, true, primary, &card.valid_to, 60.0);
    if design.show_qr {
        p.ops.push(qr_op(&card.qr, 154.0, 77.0, 38.0)?);
    }
    // Venues with tick boxes.
    p.text(
        15.0,
        140.0,
        14.0,
        true,
        Rgb::INK,
        &Msg::CardWhereToUse.text(design.lang),
        180.0,
    );
    p.text(
        15.0,
        146.5,
        8.5,
        false,
        Rgb::GREY,
        &Msg::CardTickNote.text(design.lang),
        180.0,
    );
    venue_rows(
        &mut p,
        design,
        art,
        &design.venues,
        (15.0, 152.0, 180.0, 276.0),
    );
    // Rules and contact.
    p.rect(0.0, 281.0, w, 16.0, tint(primary, 0.9));
    p.text(15.0, 288.0, 9.5, true, Rgb::INK, &design.rules, 180.0);
    p.text(15.0, 293.5, 8.0, false, Rgb::GREY, &design.contact, 180.0);
    Ok(p.finish(w, h))
}

/// The venues as rows with a name (and logo) and tick boxes or "free entry", filling the box
/// (x, top, width, bottom) with row heights that fit them all.
fn venue_rows(
    p: &mut Pen,
    design: &Design,
    art: &Artwork,
    venues: &[VenueLine],
    area: (f32, f32, f32, f32),
) {
    let (x, top, w, bottom) = area;
    let primary = design.primary;
    let boxes_x = x + w * 0.53;
    let boxes_w = w - w * 0.53 - 3.0;
    let min_row = MIN_BOX_MM + 2.6;
    if venues.len() as f32 * min_row > bottom - top {
        venue_columns(p, design, venues, (x + 3.0, top, w - 6.0, bottom), 9.0);
        return;
    }
    let n = venues.len().max(1) as f32;
    let row_h = ((bottom - top) / n).clamp(min_row, 11.0);
    let scale = row_h / 11.0;
    for (i, v) in venues.iter().enumerate() {
        let y = top + i as f32 * row_h;
        if i % 2 == 0 {
            p.rect(x, y, w, row_h, tint(primary, 0.95));
        }
        let mut name_x = x + 3.0;
        if design.show_venue_logos {
            if let Some(logo) = v.logo.and_then(|l| art.logos.get(l)) {
                logo.place(
                    name_x,
                    y + row_h * 0.15,
                    row_h * 0.7,
                    row_h * 0.7,
                    &mut p.ops,
                );
            }
            name_x += row_h * 0.7 + 3.0;
        }
        // What the venue does not cover, small under its name, where the row has room for it.
        let note = !v.not_covered.trim().is_empty() && row_h >= 8.0;
        let base = if note {
            y + row_h * 0.5
        } else {
            y + row_h * 0.65
        };
        p.text(
            name_x,
            base,
            11.0 * scale.max(0.7),
            false,
            Rgb::INK,
            &v.name,
            boxes_x - 2.0 - name_x,
        );
        if note {
            let said = Msg::CardNotCovered {
                what: v.not_covered.trim().to_string(),
            }
            .text(design.lang);
            p.text(
                name_x,
                y + row_h * 0.85,
                MIN_PT.max(7.0 * scale),
                false,
                Rgb::GREY,
                &said,
                boxes_x - 2.0 - name_x,
            );
        }
        match v.visits {
            None => {
                let free = &Msg::CardFreeEntry.text(design.lang);
                p.text(
                    boxes_x,
                    base,
                    10.0 * scale.max(0.7),
                    true,
                    primary,
                    free,
                    boxes_w,
                );
            }
            Some(visits) => {
                let size = (4.6 * scale).max(MIN_BOX_MM);
                let per_row = (boxes_w / (size + 1.0)).floor().max(1.0) as usize;
                let rows = usize::from(visits).div_ceil(per_row).max(1);
                let size = size.min((row_h - 2.0) / rows as f32 - 0.6).max(MIN_BOX_MM);
                for k in 0..usize::from(visits) {
                    let bx = boxes_x + (k % per_row) as f32 * (size + 1.0);
                    let by = y
                        + (row_h - rows as f32 * (size + 0.6)) / 2.0
                        + (k / per_row) as f32 * (size + 0.6);
                    p.tick_box(bx, by, size, primary);
                }
            }
        }
    }
}

/// A4 landscape printed on one side and folded twice to A6: the front cover bottom right
/// (the card itself, enlarged), the back cover bottom left (rules and contact), and the inside
/// spread on the top half, upside down so it reads right once folded.
fn a6_fold(
    design: &Design,
    art: &Artwork,
    fonts: &Fonts,
    card: &CardFace,
) -> Result<Page, PrintError> {
    let (w, h) = (A4.1, A4.0);
    let (pw, ph) = (w / 2.0, h / 2.0);
    let mut p = Pen::new(fonts);
    let primary = design.primary;
    // Front cover: the card, enlarged into the panel.
    let front = cr80_front(design, art, fonts, card)?;
    let scale = ((pw - 12.0) / CR80.0).min((ph - 12.0) / CR80.1);
    let (fx, fy) = (
        pw + (pw - CR80.0 * scale) / 2.0,
        ph + (ph - CR80.1 * scale) / 2.0,
    );
    p.ops.push(Op::Group {
        matrix: [scale, 0.0, 0.0, scale, fx, fy],
        ops: front.ops,
    });
    // Back cover.
    p.rect(0.0, ph, pw, ph, tint(primary, 0.92));
    p.text(
        10.0,
        ph + 20.0,
        13.0,
        true,
        primary,
        &design.title,
        pw - 20.0,
    );
    p.text(
        10.0,
        ph + 30.0,
        9.0,
        true,
        Rgb::INK,
        &design.rules,
        pw - 20.0,
    );
    let how = &Msg::CardHowTo.text(design.lang);
    p.text(10.0, ph + 37.0, 8.0, false, Rgb::INK, how, pw - 20.0);
    p.text(
        10.0,
        h - 12.0,
        7.5,
        false,
        Rgb::GREY,
        &design.contact,
        pw - 20.0,
    );
    if let Some(arms) = &art.coat_of_arms {
        arms.place(pw / 2.0 - 8.0, ph + 50.0, 16.0, 22.0, &mut p.ops);
    }
    // Inside spread, drawn upright in its own box and turned half a circle into the top half.
    let mut inside = Pen::new(fonts);
    inside.text(
        8.0,
        10.0,
        12.0,
        true,
        primary,
        &Msg::CardWhereToUse.text(design.lang),
        w - 16.0,
    );
    let half = design.venues.len().div_ceil(2);
    let (left, right) = design.venues.split_at(half);
    venue_rows(
        &mut inside,
        design,
        art,
        left,
        (6.0, 15.0, pw - 10.0, ph - 5.0),
    );
    venue_rows(
        &mut inside,
        design,
        art,
        right,
        (pw + 4.0, 15.0, pw - 10.0, ph - 5.0),
    );
    let inside = inside.finish(w, ph);
    p.ops.push(Op::Group {
        matrix: [-1.0, 0.0, 0.0, -1.0, w, ph],
        ops: inside.ops,
    });
    // Fold marks on the edges.
    let mark = Stroke {
        colour: Rgb::GREY,
        width: 0.2,
    };
    let els = vec![
        PathEl::Move(pw, 0.0),
        PathEl::Line(pw, 4.0),
        PathEl::Move(pw, h - 4.0),
        PathEl::Line(pw, h),
        PathEl::Move(0.0, ph),
        PathEl::Line(4.0, ph),
        PathEl::Move(w - 4.0, ph),
        PathEl::Line(w, ph),
    ];
    p.ops.push(Op::Path {
        els,
        fill: None,
        stroke: Some(mark),
    });
    Ok(p.finish(w, h))
}

fn cr80_front(
    design: &Design,
    art: &Artwork,
    fonts: &Fonts,
    card: &CardFace,
) -> Result<Page, PrintError> {
    let (w, h) = CR80;
    let mut p = Pen::new(fonts);
    let primary = design.primary;
    p.rect(0.0, 0.0, w, h, Rgb::WHITE);
    p.rect(0.0, 0.0, w, 17.0, primary);
    p.rect(0.0, 17.0, w, 1.2, design.accent);
    if let Some(arms) = &art.coat_of_arms {
        arms.place(3.0, 2.5, 9.0, 12.0, &mut p.ops);
    }
    p.text(14.0, 8.5, 9.5, true, Rgb::WHITE, &design.title, 46.0);
    p.text(
        14.0,
        13.5,
        6.0,
        false,
        tint(primary, 0.75),
        &design.municipality,
        46.0,
    );
    if let Some(logo) = &art.program_logo {
        logo.place(62.0, 2.5, 21.0, 12.0, &mut p.ops);
    }
    let text_w = if design.show_qr { 52.0 } else { 77.0 };
    p.text(5.0, 27.5, 12.0, true, Rgb::INK, &card.holder_name, text_w);
    p.text(
        5.0,
        33.5,
        5.0,
        true,
        Rgb::GREY,
        &Msg::CardNumberLabel.text(design.lang),
        30.0,
    );
    p.text(5.0, 38.0, 8.5, true, primary, &card.number, 40.0);
    p.text(
        5.0,
        43.5,
        5.0,
        true,
        Rgb::GREY,
        &Msg::CardValidTo.text(design.lang),
        30.0,
    );
    p.text(5.0, 48.0, 8.5, true, primary, &card.valid_to, 40.0);
    if design.show_qr {
        p.ops.push(qr_op(&card.qr, 60.0, 20.5, 23.0)?);
    }
    p.rect(0.0, h - 2.5, w, 2.5, design.accent);
    Ok(p.finish(w, h))
}

/// The venues in two columns without tick boxes, for when boxes of a size that can be ticked
/// do not fit: a first line says that visits are registered by scanning the card instead.
fn venue_columns(
    p: &mut Pen,
    design: &Design,
    venues: &[VenueLine],
    area: (f32, f32, f32, f32),
    size: f32,
) {
    let (x, top, w, bottom) = area;
    let primary = design.primary;
    let line_h = pt_to_mm(size) * 1.2;
    let note = &Msg::CardScanNote.text(design.lang);
    p.text(x, top + line_h, size, true, Rgb::INK, note, w);
    let start = top + 2.0 * line_h + 0.6;
    let per_col = ((bottom - start) / line_h).floor().max(1.0) as usize;
    let col_w = w / 2.0;
    let capacity = per_col * 2;
    let shown = if venues.len() > capacity {
        capacity - 1
    } else {
        venues.len()
    };
    let at = |i: usize| {
        (
            x + (i / per_col) as f32 * col_w,
            start + (i % per_col) as f32 * line_h,
        )
    };
    // The visits stand in a column of their own, as wide as the widest, so a long name is
    // cut, never the number.
    let count_of = |v: &VenueLine| match v.visits {
        None => Msg::CardFree.text(design.lang),
        Some(visits) => Msg::CardVisits {
            visits: visits.into(),
        }
        .text(design.lang),
    };
    let count_w = venues
        .iter()
        .take(shown)
        .map(|v| pt_to_mm(p.fonts.shape(&count_of(v), true).width(size)))
        .fold(pt_to_mm(size) * 2.0, f32::max)
        + 0.5;
    for (i, v) in venues.iter().take(shown).enumerate() {
        let count = count_of(v);
        let (vx, vy) = at(i);
        p.text(
            vx,
            vy,
            size,
            false,
            Rgb::INK,
            &v.name,
            col_w - count_w - 2.0,
        );
        p.text(
            vx + col_w - count_w - 1.5,
            vy,
            size,
            true,
            primary,
            &count,
            count_w,
        );
    }
    if shown < venues.len() {
        let more = Msg::CardMoreVenues {
            more: venues.len() - shown,
        }
        .text(design.lang);
        let (vx, vy) = at(shown);
        p.text(vx, vy, size, true, primary, &more, col_w - 1.5);
    }
}

/// The back of a CR80 card: the venues with a tick box per visit when they fit at a readable
/// size; otherwise the venues in columns without boxes, and a line saying that visits are
/// registered by scanning the card.
fn cr80_back(design: &Design, art: &Artwork, fonts: &Fonts) -> Page {
    let (w, h) = CR80;
    let mut p = Pen::new(fonts);
    let primary = design.primary;
    p.rect(0.0, 0.0, w, h, Rgb::WHITE);
    p.text(
        4.0,
        5.5,
        7.0,
        true,
        primary,
        &Msg::CardWhereToUse.text(design.lang),
        77.0,
    );
    // What venues do not cover, in up to two lines under the venues, where agreements say so.
    let leading = pt_to_mm(MIN_PT) * 1.25;
    let notes: Vec<String> = design
        .venues
        .iter()
        .filter(|v| !v.not_covered.trim().is_empty())
        .map(|v| format!("{}: {}", v.name, v.not_covered.trim()))
        .collect();
    // As many as fit in two lines; the letter that goes with the card has them all.
    let lines_of = |p: &Pen, s: &str| p.lines(s, MIN_PT, false, 77.6, usize::MAX).len();
    let notes = (1..=notes.len()).rev().find_map(|k| {
        let what = notes[..k].join(" · ");
        let said = if k == notes.len() {
            Msg::CardNotCovered { what }
        } else {
            Msg::CardNotCoveredMore {
                what,
                more: notes.len() - k,
            }
        }
        .text(design.lang);
        (lines_of(&p, &said) <= 2).then_some(said)
    });
    let note_lines = notes
        .as_deref()
        .map_or(0, |n| p.lines(n, MIN_PT, false, 77.6, 2).len());
    let (top, bottom) = (8.0, 43.0 - note_lines as f32 * leading);
    if let Some(notes) = &notes {
        let first = 44.2 - (note_lines - 1) as f32 * leading;
        p.wrapped(4.0, first, MIN_PT, false, Rgb::GREY, notes, 77.6, 2);
    }
    let row_h = MIN_BOX_MM + 0.8;
    let fits = ((bottom - top) / row_h).floor() as usize;
    if design.venues.len() <= fits {
        for (i, v) in design.venues.iter().enumerate() {
            let y = top + i as f32 * row_h;
            let mut name_x = 4.0;
            if design.show_venue_logos {
                if let Some(logo) = v.logo.and_then(|l| art.logos.get(l)) {
                    logo.place(4.0, y + 0.2, row_h - 0.4, row_h - 0.4, &mut p.ops);
                }
                name_x += row_h + 0.6;
            }
            let base = y + row_h * 0.72;
            p.text(
                name_x,
                base,
                MIN_PT,
                false,
                Rgb::INK,
                &v.name,
                40.0 - name_x,
            );
            let boxes_x = 41.0;
            match v.visits {
                None => {
                    p.text(
                        boxes_x,
                        base,
                        MIN_PT,
                        true,
                        primary,
                        &Msg::CardFreeEntry.text(design.lang),
                        40.0,
                    );
                }
                Some(visits) => {
                    let step = MIN_BOX_MM + 0.6;
                    let per_row = (40.0 / step).floor() as usize;
                    let shown = usize::from(visits).min(per_row);
                    for k in 0..shown {
                        p.tick_box(boxes_x + k as f32 * step, y + 0.4, MIN_BOX_MM, primary);
                    }
                    if usize::from(visits) > per_row {
                        let x = boxes_x + shown as f32 * step;
                        p.text(x, base, MIN_PT, true, primary, &format!("({visits})"), 6.0);
                    }
                }
            }
        }
    } else {
        venue_columns(
            &mut p,
            design,
            &design.venues,
            (4.0, top, 77.6, bottom + 1.0),
            MIN_PT,
        );
    }
    // Rules and contact share the last three lines: the rules first, the contact after.
    let used = p.wrapped(4.0, 47.0, MIN_PT, true, Rgb::INK, &design.rules, 77.6, 2);
    let y = 47.0 + used as f32 * leading;
    p.wrapped(
        4.0,
        y,
        MIN_PT,
        false,
        Rgb::GREY,
        &design.contact,
        77.6,
        3 - used.max(1),
    );
    p.finish(w, h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_swap_columns_so_long_edge_duplex_puts_each_back_behind_its_front() {
        for i in 0..SHEET_COLS * SHEET_ROWS {
            let (fx, fy) = sheet_slot(i, false);
            let (bx, by) = sheet_slot(i, true);
            assert_eq!(fy, by, "same row");
            assert!(
                (fx + CR80.0 / 2.0 + bx + CR80.0 / 2.0 - A4.0).abs() < 0.01,
                "mirrored across the sheet"
            );
        }
    }

    #[test]
    fn a_long_name_is_shrunk_to_fit_and_never_overflows() {
        let fonts = Fonts::load().expect("fonts");
        let mut p = Pen::new(&fonts);
        let name = "Maria-Magdalena Christina Wiśniewska-Andersen Ødegård";
        let width = p.text(0.0, 0.0, 24.0, true, Rgb::INK, name, 60.0);
        assert!(width <= 60.01, "{width}");
        let Op::Text { size, .. } = &p.ops[0] else {
            panic!("text")
        };
        assert!(*size < 24.0, "shrunk from 24 pt to {size}");
        let short = p.text(0.0, 0.0, 24.0, true, Rgb::INK, "Ola", 60.0);
        assert!(short < 60.0);
        let Op::Text { size, .. } = &p.ops[1] else {
            panic!("text")
        };
        assert_eq!(*size, 24.0, "a name that fits keeps its size");
    }

    fn design(venues: usize) -> Design {
        Design {
            title: "Opplevelseskortet".into(),
            municipality: "Eksempel kommune".into(),
            primary: Rgb(0x1f, 0x5f, 0x8b),
            accent: Rgb(0xf2, 0xa9, 0x00),
            rules: "Kortet gir gratis inngang for kortholder og én ledsager. Vis kortet i kassen; \
                    medlemskontingent dekkes ikke. Kortet er personlig."
                .into(),
            contact: "Kulturkontoret, tlf. 67 00 00 00".into(),
            venues: (0..venues)
                .map(|i| VenueLine {
                    not_covered: String::new(),
                    name: format!("Brukersted nummer {i} med et langt navn"),
                    visits: if i % 4 == 3 { None } else { Some(5) },
                    logo: None,
                })
                .collect(),
            show_venue_logos: false,
            show_qr: true,
            lang: Lang::Nb,
        }
    }

    /// Every operation of a page, those inside groups (the folded A6 inside) included.
    fn all_ops(ops: &[Op]) -> Vec<&Op> {
        ops.iter()
            .flat_map(|op| match op {
                Op::Group { ops, .. } => all_ops(ops),
                other => vec![other],
            })
            .collect()
    }

    fn texts(page: &Page) -> Vec<(f32, String)> {
        all_ops(&page.ops)
            .into_iter()
            .filter_map(|op| match op {
                Op::Text { size, text, .. } => Some((*size, text.text.clone())),
                _ => None,
            })
            .collect()
    }

    /// The sides of the tick boxes drawn on a page, in millimetres.
    fn box_sides(page: &Page) -> Vec<f32> {
        let mut sides = Vec::new();
        for op in all_ops(&page.ops) {
            if let Op::Path {
                els,
                fill: Some(_),
                stroke: Some(_),
            } = op
            {
                for pair in els.windows(2) {
                    if let [PathEl::Move(x0, y0), PathEl::Line(x1, y1)] = pair {
                        if y0 == y1 {
                            sides.push(x1 - x0);
                        }
                    }
                }
            }
        }
        sides
    }

    #[test]
    fn every_text_on_a_card_is_at_least_six_points_and_every_tick_box_three_millimetres() {
        let fonts = Fonts::load().expect("fonts");
        let art = Artwork {
            program_logo: None,
            coat_of_arms: None,
            logos: Vec::new(),
        };
        let card = CardFace {
            holder_name: "Maria-Magdalena Christina Wiśniewska-Andersen Ødegård".into(),
            number: "2026-0042-9".into(),
            valid_to: "31.12.2026".into(),
            qr: "2026-0042-9".into(),
        };
        for venues in [3, 9, 15, 40] {
            let d = design(venues);
            for layout in [Layout::A4, Layout::A6Fold, Layout::Cr80, Layout::Sheet8] {
                for page in card_pages(layout, &d, &art, &fonts, std::slice::from_ref(&card))
                    .expect("pages")
                {
                    for (size, text) in texts(&page) {
                        assert!(
                            size >= MIN_PT,
                            "{layout:?}, {venues} venues: {text:?} at {size} pt"
                        );
                    }
                    for side in box_sides(&page) {
                        assert!(
                            side >= MIN_BOX_MM,
                            "{layout:?}, {venues} venues: box {side} mm"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_cr80_back_lists_venues_that_do_not_fit_without_boxes_and_says_to_scan_the_card() {
        let fonts = Fonts::load().expect("fonts");
        let few = cr80_back(
            &design(5),
            &Artwork {
                program_logo: None,
                coat_of_arms: None,
                logos: Vec::new(),
            },
            &fonts,
        );
        assert_eq!(
            box_sides(&few).len(),
            4 * 5,
            "five boxes for each of four numbered venues"
        );
        assert!(!texts(&few).iter().any(|(_, t)| t.contains("QR")));
        let many = cr80_back(
            &design(15),
            &Artwork {
                program_logo: None,
                coat_of_arms: None,
                logos: Vec::new(),
            },
            &fonts,
        );
        assert!(box_sides(&many).is_empty(), "no boxes too small to tick");
        let lines = texts(&many);
        assert!(lines
            .iter()
            .any(|(_, t)| t.contains("skanne QR-koden på kortet")));
        assert_eq!(lines.iter().filter(|(_, t)| t == "5 besøk").count(), 12);
        assert_eq!(lines.iter().filter(|(_, t)| t == "fri").count(), 3);
        let listed = lines
            .iter()
            .filter(|(_, t)| t.starts_with("Brukersted"))
            .count();
        assert_eq!(listed, 15, "all fifteen venues listed");
    }
}
