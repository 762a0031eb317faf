//! The year's evaluation report: blocks (headings, paragraphs, key figures, tables and bar
//! charts) flowed over A4 pages. Charts are drawn here as vector paths and text, like
//! everything else, so the PDF and the preview show the same bars.

use super::documents::head_band;
use super::*;
use crate::draw::{Op, Page, PathEl, Rgb, Stroke};
use crate::fonts::Fonts;
use okort_core::i18n::Msg;
use okort_core::Lang;

/// One series of a chart: a value per label.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
    pub colour: Rgb,
}

/// A bar chart: bars per label (one per series, side by side), and optionally a line over
/// them (last year). Horizontal charts suit long labels (venues), vertical ones months.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    pub line: Option<Series>,
    pub horizontal: bool,
    /// How a value is written on the axis ("12", "kr 40 000").
    pub money: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReportBlock {
    Heading(String),
    Paragraph(String),
    /// Big figures with their labels, three to a row.
    KeyFigures(Vec<(String, String)>),
    /// A table: the first column names the rows; the others are figures, set to the right.
    Table {
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Chart(BarChart),
    PageBreak,
}

/// A report: its title band, blocks and the line at the foot of every page.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub title: String,
    pub primary: Rgb,
    pub accent: Rgb,
    pub footer: String,
    pub blocks: Vec<ReportBlock>,
}

const LEFT: f32 = 18.0;
const WIDTH: f32 = 174.0;
const TOP: f32 = 22.0;
const FIRST_TOP: f32 = 42.0;
const BOTTOM: f32 = A4.1 - 20.0;
const BODY: f32 = 10.0;

fn leading(size: f32) -> f32 {
    pt_to_mm(size) * 1.35
}

/// A round step for an axis from 0 to at least `max`, with about four lines.
fn axis_step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let rough = max / 4.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * magnitude);
    step.max(1.0)
}

/// A value as a printed chart draws it: a group of one to four (of people: a chart of money
/// has none) as a light bar at 2.5, so no chart shows how small it is; the tables say "< 5".
fn drawn(v: f64, money: bool, colour: Rgb) -> (f64, Rgb) {
    if !money && v > 0.0 && v < okort_core::stats::SMALLEST_GROUP as f64 {
        (2.5, tint(colour, 0.6))
    } else {
        (v, colour)
    }
}

fn axis_label(value: f64, money: bool) -> String {
    let n = value.round() as i64;
    if money {
        okort_core::money::format_nok(n * 100).replace(",00", "")
    } else {
        n.to_string()
    }
}

struct Flow<'a> {
    fonts: &'a Fonts,
    report: &'a Report,
    art: &'a Artwork,
    pages: Vec<Page>,
    pen: Pen<'a>,
    y: f32,
}

impl<'a> Flow<'a> {
    fn new(report: &'a Report, art: &'a Artwork, fonts: &'a Fonts) -> Self {
        let mut pen = Pen::new(fonts);
        head_band(&mut pen, art, report.primary, &report.title, 16.0);
        Flow {
            fonts,
            report,
            art,
            pages: Vec::new(),
            pen,
            y: FIRST_TOP,
        }
    }

    fn room(&self) -> f32 {
        BOTTOM - self.y
    }

    fn new_page(&mut self) {
        let mut pen = Pen::new(self.fonts);
        // A thin band on the following pages: the title small, in the program's colour.
        pen.rect(0.0, 0.0, A4.0, 3.0, self.report.primary);
        pen.text(LEFT, 11.0, 8.0, false, Rgb::GREY, &self.report.title, WIDTH);
        let done = std::mem::replace(&mut self.pen, pen);
        self.pages.push(done.finish(A4.0, A4.1));
        self.y = TOP;
        let _ = self.art;
    }

    fn ensure(&mut self, height: f32) {
        if height > self.room() && self.y > TOP + 0.1 {
            self.new_page();
        }
    }

    fn paragraph_lines(&self, s: &str, size: f32) -> Vec<String> {
        s.split('\n')
            .flat_map(|para| {
                if para.trim().is_empty() {
                    vec![String::new()]
                } else {
                    self.pen.lines(para, size, false, WIDTH, usize::MAX)
                }
            })
            .collect()
    }

    fn block_height(&self, block: &ReportBlock) -> f32 {
        match block {
            ReportBlock::Heading(_) => 12.0,
            ReportBlock::Paragraph(s) => {
                self.paragraph_lines(s, BODY).len().min(3) as f32 * leading(BODY) + 3.0
            }
            ReportBlock::KeyFigures(f) => f.len().div_ceil(3) as f32 * 26.0,
            ReportBlock::Table { rows, .. } => 8.0 + rows.len().min(3) as f32 * 6.0,
            ReportBlock::Chart(c) => chart_height(c),
            ReportBlock::PageBreak => 0.0,
        }
    }

    fn heading(&mut self, s: &str, next: Option<&ReportBlock>) {
        // A heading stays with the start of what it heads.
        let with = next.map_or(0.0, |b| self.block_height(b));
        self.ensure(12.0 + with);
        self.y += 6.0;
        let primary = self.report.primary;
        self.pen.text(LEFT, self.y, 14.0, true, primary, s, WIDTH);
        self.y += 6.0;
    }

    fn paragraph(&mut self, s: &str) {
        for line in self.paragraph_lines(s, BODY) {
            self.ensure(leading(BODY));
            self.y += leading(BODY);
            self.pen
                .text(LEFT, self.y, BODY, false, Rgb::INK, &line, WIDTH);
        }
        self.y += 3.0;
    }

    fn key_figures(&mut self, figures: &[(String, String)]) {
        let (w, h, gap) = (56.0, 23.0, 3.0);
        for row in figures.chunks(3) {
            self.ensure(h + gap);
            for (i, (value, label)) in row.iter().enumerate() {
                let x = LEFT + i as f32 * (w + gap);
                self.pen
                    .rect(x, self.y, w, h, tint(self.report.primary, 0.92));
                self.pen.rect(x, self.y, w, 1.2, self.report.primary);
                let primary = self.report.primary;
                self.pen
                    .text(x + 4.0, self.y + 11.0, 20.0, true, primary, value, w - 8.0);
                self.pen.wrapped(
                    x + 4.0,
                    self.y + 16.5,
                    8.5,
                    false,
                    Rgb::INK,
                    label,
                    w - 8.0,
                    2,
                );
            }
            self.y += h + gap;
        }
    }

    fn table(&mut self, columns: &[String], rows: &[Vec<String>]) {
        let n = columns.len().max(1);
        let first = if n <= 2 { WIDTH * 0.6 } else { WIDTH * 0.34 };
        let other = (WIDTH - first) / (n - 1).max(1) as f32;
        let size = if n > 5 { 8.0 } else { 9.0 };
        let row_h = 6.0;
        let line = Stroke {
            colour: Rgb(0xd0, 0xd4, 0xda),
            width: 0.2,
        };
        let header = |flow: &mut Flow| {
            flow.pen
                .rect(LEFT, flow.y, WIDTH, row_h, tint(flow.report.primary, 0.9));
            for (i, c) in columns.iter().enumerate() {
                flow.cell(i, c, first, other, size, true);
            }
            flow.y += row_h;
        };
        self.ensure(row_h * 3.0);
        header(self);
        for row in rows {
            if self.room() < row_h {
                self.new_page();
                header(self);
            }
            for (i, c) in row.iter().enumerate() {
                self.cell(i, c, first, other, size, false);
            }
            self.pen.ops.push(Op::Path {
                els: vec![
                    PathEl::Move(LEFT, self.y + row_h),
                    PathEl::Line(LEFT + WIDTH, self.y + row_h),
                ],
                fill: None,
                stroke: Some(line),
            });
            self.y += row_h;
        }
        self.y += 4.0;
    }

    /// One cell of the row at `self.y`: the first column to the left, the others to the right.
    fn cell(&mut self, i: usize, text: &str, first: f32, other: f32, size: f32, bold: bool) {
        let base = self.y + 4.2;
        if i == 0 {
            self.pen
                .text(LEFT + 1.5, base, size, bold, Rgb::INK, text, first - 3.0);
        } else {
            let right = LEFT + first + i as f32 * other - 1.5;
            let width = pt_to_mm(self.fonts.shape(text, bold).width(size)).min(other - 3.0);
            self.pen
                .text(right - width, base, size, bold, Rgb::INK, text, other - 3.0);
        }
    }

    fn chart(&mut self, c: &BarChart) {
        let height = chart_height(c);
        self.ensure(height);
        let top = self.y;
        draw_chart(&mut self.pen, c, top, self.fonts);
        self.y += height + 4.0;
    }

    fn finish(mut self, lang: Lang) -> Vec<Page> {
        let last = std::mem::replace(&mut self.pen, Pen::new(self.fonts));
        self.pages.push(last.finish(A4.0, A4.1));
        let total = self.pages.len();
        for (i, page) in self.pages.iter_mut().enumerate() {
            let mut p = Pen::new(self.fonts);
            let footer = format!(
                "{} · {}",
                self.report.footer,
                Msg::PageOf {
                    page: i + 1,
                    pages: total,
                }
                .text(lang)
            );
            p.text(LEFT, A4.1 - 10.0, 8.0, false, Rgb::GREY, &footer, WIDTH);
            page.ops.extend(p.ops);
        }
        self.pages
    }
}

fn chart_height(c: &BarChart) -> f32 {
    let legend = 7.0;
    if c.horizontal {
        legend + c.labels.len() as f32 * (3.2 * c.series.len().max(1) as f32 + 1.6) + 8.0
    } else {
        legend + 62.0
    }
}

/// Draws a chart with its top at `top`: legend, axis lines with round values, bars, the line.
fn draw_chart(p: &mut Pen, c: &BarChart, top: f32, fonts: &Fonts) {
    let grid = Stroke {
        colour: Rgb(0xdd, 0xe1, 0xe6),
        width: 0.2,
    };
    // Legend.
    let mut lx = LEFT;
    let legend: Vec<&Series> = c.series.iter().chain(c.line.iter()).collect();
    for s in &legend {
        p.rect(lx, top + 1.5, 3.5, 3.5, s.colour);
        let w = p.text(lx + 5.0, top + 4.6, 8.0, false, Rgb::INK, &s.name, 60.0);
        lx += w + 10.0;
    }
    let max = c
        .series
        .iter()
        .chain(c.line.iter())
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0f64, f64::max);
    let step = axis_step(max);
    let steps = (max / step).ceil().max(1.0) as usize;
    let top_value = step * steps as f64;
    let top = top + 7.0;
    if c.horizontal {
        let label_w = 52.0;
        let x0 = LEFT + label_w;
        let w = WIDTH - label_w - 4.0;
        let bar = 3.2;
        let group = bar * c.series.len().max(1) as f32 + 1.6;
        let h = c.labels.len() as f32 * group;
        for k in 0..=steps {
            let x = x0 + w * k as f32 / steps as f32;
            p.ops.push(Op::Path {
                els: vec![PathEl::Move(x, top), PathEl::Line(x, top + h)],
                fill: None,
                stroke: Some(grid),
            });
            let label = axis_label(step * k as f64, c.money);
            let lw = pt_to_mm(fonts.shape(&label, false).width(7.0));
            p.text(
                x - lw / 2.0,
                top + h + 4.5,
                7.0,
                false,
                Rgb::GREY,
                &label,
                30.0,
            );
        }
        for (i, label) in c.labels.iter().enumerate() {
            let y = top + i as f32 * group;
            p.text(
                LEFT,
                y + group / 2.0 + 1.2,
                8.0,
                false,
                Rgb::INK,
                label,
                label_w - 2.0,
            );
            for (j, s) in c.series.iter().enumerate() {
                let (v, colour) = drawn(s.values.get(i).copied().unwrap_or(0.0), c.money, s.colour);
                let len = (v / top_value) as f32 * w;
                if len > 0.0 {
                    p.rect(x0, y + 0.8 + j as f32 * bar, len, bar - 0.4, colour);
                }
            }
        }
    } else {
        let axis_w = 16.0;
        let x0 = LEFT + axis_w;
        let w = WIDTH - axis_w;
        let h = 46.0;
        let base = top + h;
        for k in 0..=steps {
            let y = base - h * k as f32 / steps as f32;
            p.ops.push(Op::Path {
                els: vec![PathEl::Move(x0, y), PathEl::Line(x0 + w, y)],
                fill: None,
                stroke: Some(grid),
            });
            let label = axis_label(step * k as f64, c.money);
            let lw = pt_to_mm(fonts.shape(&label, false).width(7.0));
            p.text(
                x0 - 1.5 - lw,
                y + 1.2,
                7.0,
                false,
                Rgb::GREY,
                &label,
                axis_w,
            );
        }
        let n = c.labels.len().max(1);
        let slot = w / n as f32;
        let bars = c.series.len().max(1) as f32;
        let bar = (slot * 0.7 / bars).min(12.0);
        for (i, label) in c.labels.iter().enumerate() {
            let x = x0 + i as f32 * slot;
            let lw = pt_to_mm(fonts.shape(label, false).width(7.0)).min(slot - 1.0);
            p.text(
                x + (slot - lw) / 2.0,
                base + 4.5,
                7.0,
                false,
                Rgb::INK,
                label,
                slot - 1.0,
            );
            let start = x + (slot - bar * bars) / 2.0;
            for (j, s) in c.series.iter().enumerate() {
                let (v, colour) = drawn(s.values.get(i).copied().unwrap_or(0.0), c.money, s.colour);
                let len = (v / top_value) as f32 * h;
                if len > 0.0 {
                    p.rect(start + j as f32 * bar, base - len, bar - 0.4, len, colour);
                }
            }
        }
        if let Some(line) = &c.line {
            let pts: Vec<(f32, f32)> = line
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let (v, _) = drawn(*v, c.money, line.colour);
                    (
                        x0 + (i as f32 + 0.5) * slot,
                        base - (v / top_value) as f32 * h,
                    )
                })
                .collect();
            let mut els = Vec::new();
            for (i, (x, y)) in pts.iter().enumerate() {
                els.push(if i == 0 {
                    PathEl::Move(*x, *y)
                } else {
                    PathEl::Line(*x, *y)
                });
            }
            p.ops.push(Op::Path {
                els,
                fill: None,
                stroke: Some(Stroke {
                    colour: line.colour,
                    width: 0.6,
                }),
            });
            for (x, y) in pts {
                p.rect(x - 0.8, y - 0.8, 1.6, 1.6, line.colour);
            }
        }
    }
}

/// The report's pages.
pub fn report_pages(report: &Report, art: &Artwork, fonts: &Fonts, lang: Lang) -> Vec<Page> {
    let mut flow = Flow::new(report, art, fonts);
    for (i, block) in report.blocks.iter().enumerate() {
        match block {
            ReportBlock::Heading(s) => flow.heading(s, report.blocks.get(i + 1)),
            ReportBlock::Paragraph(s) => flow.paragraph(s),
            ReportBlock::KeyFigures(f) => flow.key_figures(f),
            ReportBlock::Table { columns, rows } => flow.table(columns, rows),
            ReportBlock::Chart(c) => flow.chart(c),
            ReportBlock::PageBreak => flow.new_page(),
        }
    }
    flow.finish(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_steps_are_round_and_reach_the_highest_value() {
        assert_eq!(axis_step(45.0), 20.0);
        assert_eq!(axis_step(50_200.0), 20_000.0);
        for max in [1.0, 7.0, 45.0, 99.0, 1234.0, 50_200.0] {
            let step = axis_step(max);
            let steps = (max / step).ceil();
            assert!(steps * step >= max && steps <= 5.0, "{max}: {step}");
        }
    }

    #[test]
    fn a_long_table_flows_over_pages_with_its_header_again() {
        let fonts = Fonts::load().expect("fonts");
        let report = Report {
            title: "Evaluering 2026".into(),
            primary: Rgb(0x1f, 0x5f, 0x8b),
            accent: Rgb(0xf2, 0xa9, 0x00),
            footer: "Eksempel kommune".into(),
            blocks: vec![
                ReportBlock::Heading("Besøk".into()),
                ReportBlock::Table {
                    columns: vec!["Brukersted".into(), "Besøk".into()],
                    rows: (0..80)
                        .map(|i| vec![format!("Sted {i}"), i.to_string()])
                        .collect(),
                },
            ],
        };
        let pages = report_pages(&report, &Artwork::default(), &fonts, Lang::Nb);
        assert!(pages.len() >= 2, "{} pages", pages.len());
        let texts = |p: &Page| {
            p.ops
                .iter()
                .filter_map(|o| match o {
                    Op::Text { text, .. } => Some(text.text.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert!(texts(&pages[1]).contains(&"Brukersted".to_string()));
        assert!(texts(&pages[1]).iter().any(|t| t.contains("Side 2 av")));
    }
}
