//! The information letter to a family: one A4 page per language version, the text flowing
//! left to right or, for Arabic, Dari, Pashto, Urdu and Sorani, right to left with every line
//! set against the right margin.

use super::documents::head_band;
use super::*;
use crate::draw::Page;
use crate::fonts::Fonts;

/// One block of a letter's text.
#[derive(Debug, Clone, PartialEq)]
pub enum LetterBlock {
    Paragraph(String),
    /// A place the card can be used: its name, its visits ("5 visits", "free entry all
    /// year"), and what it does not cover, if anything.
    Venue {
        name: String,
        visits: String,
        not_covered: Option<String>,
    },
}

/// One language version of a letter.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    /// The band's title: the program and its year.
    pub title: String,
    pub primary: Rgb,
    pub rtl: bool,
    pub heading: String,
    pub blocks: Vec<LetterBlock>,
    /// A small line at the foot: the language, and whether its text was checked.
    pub footer: String,
}

const LEFT: f32 = 18.0;
const WIDTH: f32 = 174.0;
const BOTTOM: f32 = A4.1 - 16.0;

/// The page of one language version. The text is set at 11 pt and made smaller (down to
/// 8 pt) until the letter fits one page.
pub fn letter_page(letter: &Letter, art: &Artwork, fonts: &Fonts) -> Page {
    let mut size = 11.0;
    loop {
        let (page, fits) = lay_out(letter, art, fonts, size);
        if fits || size <= 8.0 {
            return page;
        }
        size -= 0.5;
    }
}

fn lay_out(letter: &Letter, art: &Artwork, fonts: &Fonts, size: f32) -> (Page, bool) {
    let mut p = Pen::new(fonts);
    head_band(&mut p, art, letter.primary, &letter.title, 15.0);
    // The whole letter in its language's direction: a venue's Latin name at the start of a
    // right-to-left line stands at its right end, digits keep their order.
    p.direction = Some(letter.rtl);
    let leading = pt_to_mm(size) * 1.35;
    let mut y = 44.0;
    let rtl = letter.rtl;
    // A line at the left margin, or against the right one for a right-to-left language.
    let line = |p: &mut Pen, y: f32, size: f32, bold: bool, colour: Rgb, s: &str, indent: f32| {
        let width = WIDTH - indent;
        if rtl {
            let natural = pt_to_mm(fonts.shape_in(s, bold, Some(true)).width(size)).min(width);
            p.text(
                LEFT + WIDTH - indent - natural,
                y,
                size,
                bold,
                colour,
                s,
                width,
            );
        } else {
            p.text(LEFT + indent, y, size, bold, colour, s, width);
        }
    };
    let heading = size * 1.7;
    for row in p.lines(&letter.heading, heading, true, WIDTH, usize::MAX) {
        line(&mut p, y, heading, true, letter.primary, &row, 0.0);
        y += pt_to_mm(heading) * 1.25;
    }
    y += leading * 0.6;
    for block in &letter.blocks {
        match block {
            LetterBlock::Paragraph(text) => {
                for row in p.lines(text, size, false, WIDTH, usize::MAX) {
                    line(&mut p, y, size, false, Rgb::INK, &row, 0.0);
                    y += leading;
                }
                y += leading * 0.5;
            }
            LetterBlock::Venue {
                name,
                visits,
                not_covered,
            } => {
                let first = format!("{name} – {visits}");
                // The bullet, on the side the text starts, beside the venue's first line.
                let dot_x = if rtl { LEFT + WIDTH - 2.5 } else { LEFT + 1.0 };
                p.rect(dot_x, y - pt_to_mm(size) * 0.45, 1.5, 1.5, letter.primary);
                for row in p.lines(&first, size, false, WIDTH - 5.0, usize::MAX) {
                    line(&mut p, y, size, false, Rgb::INK, &row, 5.0);
                    y += leading;
                }
                if let Some(note) = not_covered {
                    let small = size * 0.9;
                    for row in p.lines(note, small, false, WIDTH - 5.0, usize::MAX) {
                        line(&mut p, y, small, false, Rgb::GREY, &row, 5.0);
                        y += pt_to_mm(small) * 1.35;
                    }
                }
                y += leading * 0.15;
            }
        }
    }
    let fits = y <= BOTTOM - 4.0;
    line(
        &mut p,
        A4.1 - 10.0,
        8.0,
        false,
        Rgb::GREY,
        &letter.footer,
        0.0,
    );
    (p.finish(A4.0, A4.1), fits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::Op;

    fn letter(rtl: bool, venues: usize) -> Letter {
        Letter {
            title: "Opplevelseskortet 2026".into(),
            primary: Rgb(30, 90, 140),
            rtl,
            heading: "بطاقة التجارب الخاصة بك".into(),
            blocks: std::iter::once(LetterBlock::Paragraph(
                "حصلت مريم على بطاقة تجارب من بلدية المثال. ".repeat(4),
            ))
            .chain((0..venues).map(|i| LetterBlock::Venue {
                name: format!("Eksempel Kino {i}"),
                visits: "5 زيارات".into(),
                not_covered: Some("Dekkes ikke: popkorn".into()),
            }))
            .collect(),
            footer: "العربية".into(),
        }
    }

    fn text_xs(page: &Page) -> Vec<(f32, f32)> {
        page.ops
            .iter()
            .filter_map(|op| match op {
                Op::Text { x, size, text, .. } => Some((*x, *x + pt_to_mm(text.width(*size)))),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_right_to_left_letter_ends_every_line_at_the_right_margin() {
        let fonts = Fonts::load().expect("fonts");
        let page = letter_page(&letter(true, 3), &Artwork::default(), &fonts);
        let body: Vec<(f32, f32)> = text_xs(&page).into_iter().skip(1).collect();
        assert!(body.len() > 5);
        for (_, end) in &body {
            assert!(*end <= LEFT + WIDTH + 0.05, "{end}");
        }
        // Paragraphs end at the right margin, venue lines at their indent from it.
        for (_, end) in &body {
            let margin = (LEFT + WIDTH - end).abs() < 0.05;
            let indented = (LEFT + WIDTH - 5.0 - end).abs() < 0.05;
            assert!(margin || indented, "{body:?}");
        }
        let ltr = letter_page(&letter(false, 3), &Artwork::default(), &fonts);
        assert!(text_xs(&ltr)
            .iter()
            .skip(1)
            .all(|(x, _)| *x >= LEFT - 0.01 && *x <= LEFT + 5.01));
    }

    #[test]
    fn a_long_list_of_venues_still_fits_one_page() {
        let fonts = Fonts::load().expect("fonts");
        let page = letter_page(&letter(false, 20), &Artwork::default(), &fonts);
        for op in &page.ops {
            if let Op::Text { y, .. } = op {
                assert!(*y <= A4.1 - 9.0, "{y}");
            }
        }
    }
}
