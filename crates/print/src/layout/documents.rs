//! The other documents: NAV's hand-out list, a venue's settlement statement and the
//! printer's calibration page.

use super::*;
use crate::draw::PathEl;
use crate::draw::{Op, Page, Rgb, Stroke};
use crate::fonts::Fonts;
use okort_core::i18n::Msg;
use okort_core::Lang;

/// The band across the top of an A4 document in the program's colour: the coat of arms, the
/// title in white, and the program's logo.
pub(super) fn head_band(p: &mut Pen, art: &Artwork, primary: Rgb, title: &str, size: f32) {
    p.rect(0.0, 0.0, A4.0, 28.0, primary);
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
        size,
        true,
        Rgb::WHITE,
        title,
        155.0 - title_x,
    );
}

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
    head_band(&mut p, art, primary, st.title, 16.0);
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

/// What a holder's access request (GDPR art. 15) prints, already formatted: whom it is about,
/// who made it and when, then the record as facts and the cards, visits and decisions as
/// tables.
pub struct AccessReport<'a> {
    pub title: &'a str,
    /// The holder's name, large under the title.
    pub subject: &'a str,
    pub primary: Rgb,
    /// Who made it, when and on what grounds.
    pub sender: &'a [String],
    pub sections: &'a [AccessSection],
    /// At the foot of every page, beside the page number: which holder the page is about.
    pub footer: &'a str,
    pub lang: Lang,
}

/// One part of an access report under its heading.
pub struct AccessSection {
    pub heading: String,
    pub body: AccessBody,
}

pub enum AccessBody {
    /// A label and its value; a value may run over several lines (lines in it are kept).
    Facts(Vec<(String, String)>),
    /// Column headings with their widths in mm (together the text width, 180), and the rows;
    /// a cell runs over several lines rather than being cut.
    Table {
        columns: Vec<(String, f32)>,
        rows: Vec<Vec<String>>,
    },
}

/// The pages of an access report, so long as it needs: nothing is cut, a table goes on on the
/// next page under its headings again, and every page says whom it is about and its number.
pub fn access_pages(r: &AccessReport, art: &Artwork, fonts: &Fonts) -> Vec<Page> {
    let mut f = Flow::new(r, fonts);
    f.first_head(art);
    for section in r.sections {
        f.section(section);
    }
    f.finish()
}

/// The text block's left edge and width, in mm.
const LEFT: f32 = 15.0;
const TEXT_WIDTH: f32 = 180.0;
/// Where text stops for the footer.
const BOTTOM: f32 = A4.1 - 22.0;

/// Text flowing down A4 pages: a new page starts when the next block does not fit.
struct Flow<'a, 'r> {
    r: &'r AccessReport<'r>,
    fonts: &'a Fonts,
    pages: Vec<Pen<'a>>,
    y: f32,
}

impl<'a, 'r> Flow<'a, 'r> {
    fn new(r: &'r AccessReport<'r>, fonts: &'a Fonts) -> Self {
        Flow {
            r,
            fonts,
            pages: vec![Pen::new(fonts)],
            y: 0.0,
        }
    }

    fn pen(&mut self) -> &mut Pen<'a> {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// The first page's head: the band with the coat of arms, title and program logo, then
    /// the holder's name and who made the document.
    fn first_head(&mut self, art: &Artwork) {
        let (r, primary) = (self.r, self.r.primary);
        let p = self.pen();
        head_band(p, art, primary, r.title, 15.0);
        p.text(LEFT, 41.0, 17.0, true, Rgb::INK, r.subject, TEXT_WIDTH);
        self.y = 48.0;
        for line in r.sender {
            self.paragraph(LEFT, 9.0, false, Rgb::GREY, line, TEXT_WIDTH);
        }
        self.y += 3.0;
    }

    /// A later page's head: whom the document is about, small.
    fn next_page(&mut self) {
        let r = self.r;
        self.pages.push(Pen::new(self.fonts));
        let p = self.pen();
        let used = p.text(LEFT, 13.0, 9.0, true, Rgb::INK, r.subject, 80.0);
        p.text(
            LEFT + used + 3.0,
            13.0,
            9.0,
            false,
            Rgb::GREY,
            r.title,
            TEXT_WIDTH - used - 3.0,
        );
        p.ops.push(Op::Path {
            els: vec![
                PathEl::Move(LEFT, 15.5),
                PathEl::Line(LEFT + TEXT_WIDTH, 15.5),
            ],
            fill: None,
            stroke: Some(Stroke {
                colour: Rgb::GREY,
                width: 0.15,
            }),
        });
        self.y = 24.0;
    }

    /// Starts a new page unless `height` mm still fit on this one; true when it did.
    fn room(&mut self, height: f32) -> bool {
        if self.y + height > BOTTOM {
            self.next_page();
            return true;
        }
        false
    }

    fn leading(size: f32) -> f32 {
        crate::draw::pt_to_mm(size) * 1.3
    }

    /// `s` in lines of at most `width` mm: its own lines kept, long ones broken between words.
    fn lines(&self, s: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let pen = Pen::new(self.fonts);
        let mut out: Vec<String> = s
            .lines()
            .flat_map(|line| {
                let broken = pen.lines(line, size, bold, width, usize::MAX);
                if broken.is_empty() {
                    vec![String::new()]
                } else {
                    broken
                }
            })
            .collect();
        while out.last().is_some_and(String::is_empty) && out.len() > 1 {
            out.pop();
        }
        if out.is_empty() {
            out.push(String::new());
        }
        out
    }

    /// A paragraph that may run over pages, line by line.
    fn paragraph(&mut self, x: f32, size: f32, bold: bool, colour: Rgb, s: &str, width: f32) {
        let leading = Self::leading(size);
        for line in self.lines(s, size, bold, width) {
            self.room(leading);
            self.y += leading;
            let y = self.y;
            self.pen().text(x, y, size, bold, colour, &line, width);
        }
    }

    fn section(&mut self, s: &AccessSection) {
        // The heading stays with at least a line or two of what it heads.
        self.room(24.0);
        self.y += 10.0;
        let (y, primary) = (self.y, self.r.primary);
        let p = self.pen();
        p.text(LEFT, y, 12.5, true, primary, &s.heading, TEXT_WIDTH);
        p.rect(LEFT, y + 1.8, TEXT_WIDTH, 0.4, tint(primary, 0.5));
        self.y += 3.0;
        let empty = match &s.body {
            AccessBody::Facts(facts) => facts.is_empty(),
            AccessBody::Table { rows, .. } => rows.is_empty(),
        };
        if empty {
            let none = Msg::AccessNone.text(self.r.lang);
            self.paragraph(LEFT, 10.0, false, Rgb::GREY, &none, TEXT_WIDTH);
            return;
        }
        match &s.body {
            AccessBody::Facts(facts) => self.facts(facts),
            AccessBody::Table { columns, rows } => self.table(columns, rows),
        }
    }

    fn facts(&mut self, facts: &[(String, String)]) {
        const VALUE_X: f32 = 72.0;
        let value_width = LEFT + TEXT_WIDTH - VALUE_X;
        let leading = Self::leading(10.5);
        for (label, value) in facts {
            let lines = self.lines(value, 10.5, false, value_width);
            self.room(leading + 1.5);
            self.y += 1.5;
            for (i, line) in lines.iter().enumerate() {
                self.room(leading);
                self.y += leading;
                let y = self.y;
                let p = self.pen();
                if i == 0 {
                    p.text(LEFT, y, 9.5, true, Rgb::GREY, label, VALUE_X - LEFT - 3.0);
                }
                p.text(VALUE_X, y, 10.5, false, Rgb::INK, line, value_width);
            }
        }
    }

    fn table_head(&mut self, columns: &[(String, f32)]) {
        let (y, primary) = (self.y, self.r.primary);
        let p = self.pen();
        p.rect(LEFT, y + 1.0, TEXT_WIDTH, 7.0, tint(primary, 0.85));
        let mut x = LEFT;
        for (label, width) in columns {
            p.text(x + 1.5, y + 5.8, 8.5, true, Rgb::INK, label, width - 3.0);
            x += width;
        }
        self.y += 8.0;
    }

    fn table(&mut self, columns: &[(String, f32)], rows: &[Vec<String>]) {
        const SIZE: f32 = 9.5;
        let leading = Self::leading(SIZE);
        let line = Stroke {
            colour: Rgb::GREY,
            width: 0.15,
        };
        self.room(8.0 + leading + 3.0);
        self.table_head(columns);
        for row in rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(columns)
                .map(|(cell, (_, width))| self.lines(cell, SIZE, false, width - 3.0))
                .collect();
            let height =
                cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * leading + 2.5;
            if self.room(height) {
                self.table_head(columns);
            }
            let top = self.y;
            let p = self.pen();
            let mut x = LEFT;
            for (cell, (_, width)) in cells.iter().zip(columns) {
                for (i, text) in cell.iter().enumerate() {
                    let base = top + (i + 1) as f32 * leading;
                    p.text(x + 1.5, base, SIZE, false, Rgb::INK, text, width - 3.0);
                }
                x += width;
            }
            self.y = top + height;
            let y = self.y;
            self.pen().ops.push(Op::Path {
                els: vec![PathEl::Move(LEFT, y), PathEl::Line(LEFT + TEXT_WIDTH, y)],
                fill: None,
                stroke: Some(line),
            });
        }
    }

    /// Every page gets its foot (whom it is about, page x of y), then is finished.
    fn finish(self) -> Vec<Page> {
        let (w, h) = A4;
        let total = self.pages.len();
        let (r, lang) = (self.r, self.r.lang);
        self.pages
            .into_iter()
            .enumerate()
            .map(|(i, mut p)| {
                p.text(LEFT, h - 12.0, 8.0, false, Rgb::GREY, r.footer, 140.0);
                let page = Msg::PageOf {
                    page: i + 1,
                    pages: total,
                }
                .text(lang);
                let width = crate::draw::pt_to_mm(p.fonts.shape(&page, false).width(8.0));
                let right = LEFT + TEXT_WIDTH - width;
                p.text(right, h - 12.0, 8.0, false, Rgb::GREY, &page, width + 1.0);
                p.finish(w, h)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &Page) -> Vec<String> {
        page.ops
            .iter()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.text.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_line_shrunk_to_fit_is_not_also_cut() {
        let fonts = Fonts::load().expect("fonts");
        let mut p = Pen::new(&fonts);
        let title = "Access request – everything held about the holder";
        p.text(31.0, 17.5, 15.0, true, Rgb::WHITE, title, 124.0);
        let page = p.finish(A4.0, A4.1);
        assert_eq!(texts(&page), vec![title.to_string()]);
    }

    #[test]
    fn a_long_table_goes_on_over_pages_under_its_headings_and_every_page_is_numbered() {
        let fonts = Fonts::load().expect("fonts");
        let rows: Vec<Vec<String>> = (1..=120)
            .map(|i| vec![format!("{i:02}.03.2026"), format!("Brukersted {i}")])
            .collect();
        let sections = [AccessSection {
            heading: "Besøk".into(),
            body: AccessBody::Table {
                columns: vec![("Dato".into(), 60.0), ("Brukersted".into(), 120.0)],
                rows,
            },
        }];
        let report = AccessReport {
            title: "Innsyn",
            subject: "Олена Коваль",
            primary: Rgb(0x1f, 0x5f, 0x8b),
            sender: &["Eksempel kommune".to_string()],
            sections: &sections,
            footer: "Innsyn – Олена Коваль",
            lang: Lang::Nb,
        };
        let art = Artwork {
            program_logo: None,
            coat_of_arms: None,
            logos: Vec::new(),
        };
        let pages = access_pages(&report, &art, &fonts);
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let all: Vec<String> = pages.iter().flat_map(texts).collect();
        for i in 1..=120 {
            assert!(
                all.contains(&format!("Brukersted {i}")),
                "row {i} is printed"
            );
        }
        for (n, page) in pages.iter().enumerate() {
            let t = texts(page);
            assert!(t.contains(&"Dato".to_string()), "headings on page {n}");
            assert!(t.contains(&format!("Side {} av {}", n + 1, pages.len())));
            assert!(t.contains(&"Innsyn – Олена Коваль".to_string()));
            for op in &page.ops {
                if let Op::Text { y, .. } = op {
                    assert!(*y <= A4.1 - 10.0, "text below the foot on page {n}");
                }
            }
        }
    }
}
