//! The layout engine's drawing: the page sizes, the design a job prints with and the pen
//! that writes text and shapes into a page. The card layouts are in `cards`, the other
//! documents (hand-out list, statement, calibration page) in `documents`.

use crate::art::Art;
use crate::draw::PathEl;
use crate::draw::{pt_to_mm, Op, Page, Rgb, Stroke};
use crate::fonts::Fonts;
use okort_core::Lang;

mod cards;
mod documents;
mod forms;
mod letters;
mod report;
mod venue_sheet;

pub use cards::card_pages;
pub use documents::{
    access_pages, calibration_page, handout_pages, recovery_page, statement_page, AccessBody,
    AccessReport, AccessSection, HandoutRow, RecoveryPage, Statement,
};
pub use forms::{feedback_form_pages, FeedbackForm, FormAnswer, FormQuestion};
pub use letters::{letter_page, Letter, LetterBlock};
pub use report::{report_pages, BarChart, Report, ReportBlock, Series};
pub use venue_sheet::{venue_sheet_page, VenueSheet};

/// A4 portrait, one card per page.
pub const A4: (f32, f32) = (210.0, 297.0);
/// ISO/IEC 7810 ID-1, the size of a bank card, for card printers.
pub const CR80: (f32, f32) = (85.6, 54.0);
/// The smallest text printed anywhere, in points: smaller cannot be read on a card.
pub const MIN_PT: f32 = 6.0;
/// The smallest tick box, in millimetres: smaller cannot be ticked with a pen.
pub const MIN_BOX_MM: f32 = 3.0;

/// How cards are printed; the UI and the command line name them by their codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub enum Layout {
    /// A4, one card per page.
    #[serde(rename = "a4")]
    A4,
    /// A4 landscape folded twice to A6: front, inside venue list with tick boxes, back.
    #[serde(rename = "a6")]
    A6Fold,
    /// CR80 front and back, for card printers.
    #[serde(rename = "cr80")]
    Cr80,
    /// Eight CR80 cards on an A4 sheet with crop marks, for a print shop: a sheet of fronts,
    /// then a sheet of backs placed for long-edge duplex.
    #[serde(rename = "sheet8")]
    Sheet8,
}

impl Layout {
    pub fn parse(s: &str) -> Option<Layout> {
        match s.to_lowercase().as_str() {
            "a4" => Some(Layout::A4),
            "cr80" => Some(Layout::Cr80),
            "a6" | "a6fold" => Some(Layout::A6Fold),
            "sheet8" | "8-up" | "nup" => Some(Layout::Sheet8),
            _ => None,
        }
    }
}

/// What the year's design says, shared by every card.
#[derive(Debug, Clone, PartialEq)]
pub struct Design {
    pub title: String,
    pub municipality: String,
    pub primary: Rgb,
    pub accent: Rgb,
    /// The companion rule and other rules, printed on the card.
    pub rules: String,
    pub contact: String,
    pub venues: Vec<VenueLine>,
    pub show_venue_logos: bool,
    pub show_qr: bool,
    /// The language of the card's own texts.
    pub lang: Lang,
}

/// A venue as printed: its name, visits per card (`None` = free entry all year), its logo.
#[derive(Debug, Clone, PartialEq)]
pub struct VenueLine {
    pub name: String,
    pub visits: Option<u8>,
    pub logo: Option<usize>,
    /// What the agreement does not cover ("3D-tillegg og snacks"), or empty.
    pub not_covered: String,
}

/// One holder's card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardFace {
    pub holder_name: String,
    pub number: String,
    /// Already formatted, e.g. "31.12.2026".
    pub valid_to: String,
    pub qr: String,
}

/// Logos prepared for the job: indexes refer to `logos`.
#[derive(Default)]
pub struct Artwork {
    pub program_logo: Option<Art>,
    pub coat_of_arms: Option<Art>,
    pub logos: Vec<Art>,
}

/// Mixes a colour with white: `amount` 0 is the colour, 1 is white.
fn tint(c: Rgb, amount: f32) -> Rgb {
    let m = |v: u8| (f32::from(v) + (255.0 - f32::from(v)) * amount).round() as u8;
    Rgb(m(c.0), m(c.1), m(c.2))
}

struct Pen<'a> {
    fonts: &'a Fonts,
    /// The paragraph direction text is set in (`Some(true)`: right to left); `None` takes
    /// each line's own.
    direction: Option<bool>,
    ops: Vec<Op>,
    /// Tick boxes, drawn together as one path: the PDF stays small.
    boxes: Vec<PathEl>,
    box_stroke: Option<Stroke>,
}

impl<'a> Pen<'a> {
    fn new(fonts: &'a Fonts) -> Self {
        Pen {
            fonts,
            direction: None,
            ops: Vec::new(),
            boxes: Vec::new(),
            box_stroke: None,
        }
    }

    /// Writes a line of text, shrunk to fit `max_width` mm but never below [`MIN_PT`] (smaller
    /// cannot be read on a card); what still does not fit is cut with "…". Returns its width.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        colour: Rgb,
        s: &str,
        max_width: f32,
    ) -> f32 {
        if s.is_empty() {
            return 0.0;
        }
        let size = size.max(MIN_PT);
        let mut shaped = self.fonts.shape_in(s, bold, self.direction);
        let natural = pt_to_mm(shaped.width(size));
        let size = if natural > max_width {
            (size * max_width / natural).max(MIN_PT)
        } else {
            size
        };
        let mut kept: Vec<char> = s.chars().collect();
        // A line shrunk to fit exactly may come out a hair wider in floating point: that is
        // not a reason to cut it.
        let max_width = max_width + 0.01;
        while pt_to_mm(shaped.width(size)) > max_width && kept.len() > 1 {
            kept.pop();
            let cut: String = kept.iter().collect::<String>().trim_end().to_string() + "…";
            shaped = self.fonts.shape_in(&cut, bold, self.direction);
        }
        let width = pt_to_mm(shaped.width(size));
        self.ops.push(Op::Text {
            x,
            y,
            size,
            colour,
            text: shaped,
        });
        width
    }

    /// Writes `s` in lines of at most `max_width` mm, broken between words, at most `lines`
    /// lines (the last one cut with "…" if the text is longer); returns the lines used.
    #[allow(clippy::too_many_arguments)]
    fn wrapped(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        colour: Rgb,
        s: &str,
        max_width: f32,
        lines: usize,
    ) -> usize {
        let size = size.max(MIN_PT);
        let leading = pt_to_mm(size) * 1.25;
        let rows = self.lines(s, size, bold, max_width, lines);
        for (i, row) in rows.iter().enumerate() {
            self.text(
                x,
                y + i as f32 * leading,
                size,
                bold,
                colour,
                row,
                max_width,
            );
        }
        rows.len()
    }

    /// `s` broken between words into lines of at most `max_width` mm, at most `lines` of
    /// them (the last holds the rest, for [`Pen::text`] to cut).
    fn lines(&self, s: &str, size: f32, bold: bool, max_width: f32, lines: usize) -> Vec<String> {
        let mut rows: Vec<String> = Vec::new();
        for word in s.split_whitespace() {
            match rows.last_mut() {
                Some(row)
                    if pt_to_mm(self.fonts.shape(&format!("{row} {word}"), bold).width(size))
                        <= max_width =>
                {
                    row.push(' ');
                    row.push_str(word);
                }
                _ => rows.push(word.to_string()),
            }
        }
        if rows.len() > lines {
            let rest = rows.split_off(lines.max(1) - 1).join(" ");
            rows.push(rest);
        }
        rows
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill: Rgb) {
        self.ops.push(Op::Rect {
            x,
            y,
            w,
            h,
            fill: Some(fill),
            stroke: None,
        });
    }

    fn tick_box(&mut self, x: f32, y: f32, size: f32, colour: Rgb) {
        self.box_stroke.get_or_insert(Stroke {
            colour,
            width: (size * 0.06).max(0.15),
        });
        self.boxes.extend([
            PathEl::Move(x, y),
            PathEl::Line(x + size, y),
            PathEl::Line(x + size, y + size),
            PathEl::Line(x, y + size),
            PathEl::Close,
        ]);
    }

    fn finish(mut self, width: f32, height: f32) -> Page {
        if !self.boxes.is_empty() {
            self.ops.push(Op::Path {
                els: self.boxes,
                fill: Some(Rgb::WHITE),
                stroke: self.box_stroke,
            });
        }
        Page {
            width,
            height,
            ops: self.ops,
        }
    }
}
