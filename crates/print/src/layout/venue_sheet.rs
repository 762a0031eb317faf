//! The one-page instruction for a venue's staff: what this year's card looks like (its front
//! and back at their real size), what is free, what is not covered, how many visits, how to
//! register and report them, never to invoice a holder, and whom to call.

use super::documents::head_band;
use super::*;
use crate::draw::Page;
use crate::fonts::Fonts;

/// A venue's sheet, its texts already written in the sheet's language.
#[derive(Debug, Clone, PartialEq)]
pub struct VenueSheet {
    pub title: String,
    pub primary: Rgb,
    /// "For the staff at Eksempel Kino".
    pub heading: String,
    /// The card's front and back (card-size pages), drawn at their real size.
    pub card: Vec<Page>,
    /// Under the card pictures: how to tell a valid card.
    pub card_text: String,
    /// (heading, text) in the order they print.
    pub sections: Vec<(String, String)>,
    pub footer: String,
}

const LEFT: f32 = 15.0;
const WIDTH: f32 = 180.0;
const BOTTOM: f32 = A4.1 - 14.0;

/// The sheet's page; the text is made smaller (down to 8 pt) until it fits.
pub fn venue_sheet_page(sheet: &VenueSheet, art: &Artwork, fonts: &Fonts) -> Page {
    let mut size = 10.5;
    loop {
        let (page, fits) = lay_out(sheet, art, fonts, size);
        if fits || size <= 8.0 {
            return page;
        }
        size -= 0.5;
    }
}

fn lay_out(sheet: &VenueSheet, art: &Artwork, fonts: &Fonts, size: f32) -> (Page, bool) {
    let mut p = Pen::new(fonts);
    head_band(&mut p, art, sheet.primary, &sheet.title, 15.0);
    let mut y = 40.0;
    p.text(LEFT, y, 16.0, true, Rgb::INK, &sheet.heading, WIDTH);
    y += 5.0;
    // The card's front and back at 1:1, side by side, each with a thin frame.
    let (cw, ch) = CR80;
    for (i, face) in sheet.card.iter().take(2).enumerate() {
        let x = LEFT + i as f32 * (cw + 8.0);
        p.ops.push(Op::Group {
            matrix: [1.0, 0.0, 0.0, 1.0, x, y],
            ops: face.ops.clone(),
        });
        p.ops.push(Op::Rect {
            x,
            y,
            w: cw,
            h: ch,
            fill: None,
            stroke: Some(Stroke {
                colour: Rgb::GREY,
                width: 0.2,
            }),
        });
    }
    y += ch + 6.0;
    let leading = pt_to_mm(size) * 1.35;
    for row in p.lines(&sheet.card_text, size, false, WIDTH, usize::MAX) {
        p.text(LEFT, y, size, false, Rgb::INK, &row, WIDTH);
        y += leading;
    }
    for (heading, text) in &sheet.sections {
        y += leading * 0.6;
        p.text(LEFT, y, size * 1.1, true, sheet.primary, heading, WIDTH);
        y += leading * 1.05;
        for row in p.lines(text, size, false, WIDTH, usize::MAX) {
            p.text(LEFT, y, size, false, Rgb::INK, &row, WIDTH);
            y += leading;
        }
    }
    let fits = y <= BOTTOM - 3.0;
    p.text(
        LEFT,
        A4.1 - 9.0,
        8.0,
        false,
        Rgb::GREY,
        &sheet.footer,
        WIDTH,
    );
    (p.finish(A4.0, A4.1), fits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_is_shown_at_its_real_size_and_the_text_fits_the_page() {
        let fonts = Fonts::load().expect("fonts");
        let card = Page {
            width: CR80.0,
            height: CR80.1,
            ops: vec![Op::Rect {
                x: 0.0,
                y: 0.0,
                w: CR80.0,
                h: CR80.1,
                fill: Some(Rgb(30, 90, 140)),
                stroke: None,
            }],
        };
        let sheet = VenueSheet {
            title: "Opplevelseskortet 2026".into(),
            primary: Rgb(30, 90, 140),
            heading: "Til de ansatte hos Eksempel Kino".into(),
            card: vec![card.clone(), card],
            card_text: "Kortet har navn, kortnummer og gyldighet.".into(),
            sections: (0..8)
                .map(|i| (format!("Del {i}"), "Tekst som forklarer. ".repeat(12)))
                .collect(),
            footer: "Eksempel kommune".into(),
        };
        let page = venue_sheet_page(&sheet, &Artwork::default(), &fonts);
        let groups: Vec<[f32; 6]> = page
            .ops
            .iter()
            .filter_map(|op| match op {
                Op::Group { matrix, .. } => Some(*matrix),
                _ => None,
            })
            .collect();
        assert_eq!(groups.len(), 2, "front and back");
        assert!(groups.iter().all(|m| m[0] == 1.0 && m[3] == 1.0), "1:1");
        for op in &page.ops {
            if let Op::Text { y, .. } = op {
                assert!(*y <= A4.1 - 8.0, "{y}");
            }
        }
    }
}
