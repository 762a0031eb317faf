//! The paper feedback form a family gets at year end, in its language: the card number (the
//! only link to the family) at the top, then each question with boxes to tick or lines to
//! write on. A question the office has not written in the family's language is printed in
//! Bokmål, with English under it.

use super::documents::head_band;
use super::*;
use crate::draw::{Op, Page, PathEl, Rgb, Stroke};
use crate::fonts::Fonts;

/// How a question is answered on paper.
#[derive(Debug, Clone, PartialEq)]
pub enum FormAnswer {
    /// Boxes 1 to 5.
    Scale,
    YesNo {
        yes: String,
        no: String,
    },
    Choice(Vec<String>),
    /// Lines to write on.
    Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FormQuestion {
    pub number: u32,
    pub text: String,
    /// The question again in a second language, smaller (English under Bokmål).
    pub also: Option<String>,
    pub answer: FormAnswer,
}

/// One family's form.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackForm {
    pub title: String,
    pub primary: Rgb,
    pub rtl: bool,
    /// "Kortnummer" in the family's language.
    pub card_label: String,
    pub card_number: String,
    pub intro: String,
    pub questions: Vec<FormQuestion>,
    /// Where to hand the form in, and that no name belongs on it.
    pub footer: String,
}

const LEFT: f32 = 18.0;
const WIDTH: f32 = 174.0;
const BOTTOM: f32 = A4.1 - 18.0;
const SIZE: f32 = 10.5;
const BOX: f32 = 5.0;

struct Sheet<'a> {
    form: &'a FeedbackForm,
    art: &'a Artwork,
    fonts: &'a Fonts,
    pages: Vec<Page>,
    pen: Pen<'a>,
    y: f32,
}

impl<'a> Sheet<'a> {
    fn start(&mut self) {
        let mut pen = Pen::new(self.fonts);
        head_band(
            &mut pen,
            self.art,
            self.form.primary,
            &self.form.title,
            15.0,
        );
        pen.direction = Some(self.form.rtl);
        // The card number, large, in a box: the office types it in from here.
        pen.ops.push(Op::Rect {
            x: LEFT,
            y: 32.0,
            w: WIDTH,
            h: 11.0,
            fill: Some(tint(self.form.primary, 0.92)),
            stroke: None,
        });
        let label_w = self
            .line_width(&self.form.card_label, 10.0, false)
            .min(80.0);
        if self.form.rtl {
            pen.text(
                LEFT + WIDTH - 4.0 - label_w,
                41.5,
                10.0,
                false,
                Rgb::INK,
                &self.form.card_label,
                80.0,
            );
            pen.text(
                LEFT + 4.0,
                42.0,
                16.0,
                true,
                self.form.primary,
                &self.form.card_number,
                80.0,
            );
        } else {
            pen.text(
                LEFT + 4.0,
                41.5,
                10.0,
                false,
                Rgb::INK,
                &self.form.card_label,
                80.0,
            );
            pen.text(
                LEFT + 8.0 + label_w,
                42.0,
                16.0,
                true,
                self.form.primary,
                &self.form.card_number,
                80.0,
            );
        }
        self.pen = pen;
        self.y = 46.0;
    }

    fn line_width(&self, s: &str, size: f32, bold: bool) -> f32 {
        pt_to_mm(
            self.fonts
                .shape_in(s, bold, Some(self.form.rtl))
                .width(size),
        )
    }

    /// A line at the left margin, or against the right one for a right-to-left language.
    fn line(&mut self, y: f32, size: f32, bold: bool, colour: Rgb, s: &str, indent: f32) {
        let width = WIDTH - indent;
        if self.form.rtl {
            let natural = self.line_width(s, size, bold).min(width);
            self.pen.text(
                LEFT + WIDTH - indent - natural,
                y,
                size,
                bold,
                colour,
                s,
                width,
            );
        } else {
            self.pen
                .text(LEFT + indent, y, size, bold, colour, s, width);
        }
    }

    fn next_page(&mut self) {
        let done = std::mem::replace(&mut self.pen, Pen::new(self.fonts));
        self.pages.push(done.finish(A4.0, A4.1));
        self.start();
    }

    fn question_height(&self, q: &FormQuestion) -> f32 {
        let lines = self.pen.lines(&q.text, SIZE, true, WIDTH - 8.0, 4).len() as f32;
        let also = q.also.as_ref().map_or(0.0, |_| pt_to_mm(8.5) * 1.4);
        let answer = match &q.answer {
            FormAnswer::Scale | FormAnswer::YesNo { .. } => 8.0,
            FormAnswer::Choice(c) => c.len().div_ceil(3) as f32 * 6.2 + 1.5,
            FormAnswer::Text => 18.0,
        };
        lines * pt_to_mm(SIZE) * 1.35 + also + answer + 4.0
    }

    fn question(&mut self, q: &FormQuestion) {
        if self.question_height(q) > BOTTOM - self.y {
            self.next_page();
        }
        let leading = pt_to_mm(SIZE) * 1.35;
        let number = format!("{}.", q.number);
        let lines = self.pen.lines(&q.text, SIZE, true, WIDTH - 8.0, 4);
        for (i, l) in lines.iter().enumerate() {
            self.y += leading;
            if i == 0 {
                let primary = self.form.primary;
                if self.form.rtl {
                    self.pen.text(
                        LEFT + WIDTH - 6.0,
                        self.y,
                        SIZE,
                        true,
                        primary,
                        &number,
                        6.0,
                    );
                } else {
                    self.pen
                        .text(LEFT, self.y, SIZE, true, primary, &number, 7.0);
                }
            }
            self.line(self.y, SIZE, true, Rgb::INK, l, 8.0);
        }
        if let Some(also) = &q.also {
            self.y += pt_to_mm(8.5) * 1.4;
            let also = also.clone();
            // The second language reads left to right (Bokmål, English).
            self.pen.text(
                LEFT + 8.0,
                self.y,
                8.5,
                false,
                Rgb::GREY,
                &also,
                WIDTH - 8.0,
            );
        }
        self.y += 2.5;
        let colour = self.form.primary;
        match &q.answer {
            FormAnswer::Scale => {
                for n in 1..=5u8 {
                    let x = LEFT + 8.0 + f32::from(n - 1) * 18.0;
                    self.pen.tick_box(x, self.y, BOX, colour);
                    self.pen.text(
                        x + BOX + 1.8,
                        self.y + 4.0,
                        10.0,
                        false,
                        Rgb::INK,
                        &n.to_string(),
                        8.0,
                    );
                }
                self.y += 8.0;
            }
            FormAnswer::YesNo { yes, no } => {
                for (i, label) in [yes, no].into_iter().enumerate() {
                    let x = LEFT + 8.0 + i as f32 * 45.0;
                    self.pen.tick_box(x, self.y, BOX, colour);
                    self.pen.text(
                        x + BOX + 2.0,
                        self.y + 4.0,
                        10.0,
                        false,
                        Rgb::INK,
                        label,
                        36.0,
                    );
                }
                self.y += 8.0;
            }
            FormAnswer::Choice(choices) => {
                let col = (WIDTH - 8.0) / 3.0;
                for (i, label) in choices.iter().enumerate() {
                    let x = LEFT + 8.0 + (i % 3) as f32 * col;
                    let y = self.y + (i / 3) as f32 * 6.2;
                    self.pen.tick_box(x, y, BOX, colour);
                    self.pen.text(
                        x + BOX + 2.0,
                        y + 4.0,
                        9.0,
                        false,
                        Rgb::INK,
                        label,
                        col - BOX - 4.0,
                    );
                }
                self.y += choices.len().div_ceil(3) as f32 * 6.2 + 1.5;
            }
            FormAnswer::Text => {
                let rule = Stroke {
                    colour: Rgb(0xb0, 0xb6, 0xbe),
                    width: 0.25,
                };
                for k in 1..=2 {
                    let y = self.y + k as f32 * 8.0;
                    self.pen.ops.push(Op::Path {
                        els: vec![PathEl::Move(LEFT + 8.0, y), PathEl::Line(LEFT + WIDTH, y)],
                        fill: None,
                        stroke: Some(rule),
                    });
                }
                self.y += 18.0;
            }
        }
        self.y += 1.5;
    }

    fn finish(mut self) -> Vec<Page> {
        let footer = self.form.footer.clone();
        let rows = self.pen.lines(&footer, 8.5, false, WIDTH, 3);
        let mut y = BOTTOM + 3.0;
        for row in rows {
            self.line(y, 8.5, false, Rgb::GREY, &row, 0.0);
            y += pt_to_mm(8.5) * 1.3;
        }
        let done = std::mem::replace(&mut self.pen, Pen::new(self.fonts));
        self.pages.push(done.finish(A4.0, A4.1));
        self.pages
    }
}

/// One family's form: one page, or more when the questions need them.
pub fn feedback_form_pages(form: &FeedbackForm, art: &Artwork, fonts: &Fonts) -> Vec<Page> {
    let mut sheet = Sheet {
        form,
        art,
        fonts,
        pages: Vec::new(),
        pen: Pen::new(fonts),
        y: 0.0,
    };
    sheet.start();
    let intro = sheet.pen.lines(&form.intro, 9.5, false, WIDTH, 4);
    for l in intro {
        sheet.y += pt_to_mm(9.5) * 1.35;
        sheet.line(sheet.y, 9.5, false, Rgb::INK, &l, 0.0);
    }
    sheet.y += 2.0;
    for q in &form.questions {
        sheet.question(q);
    }
    sheet.finish()
}
