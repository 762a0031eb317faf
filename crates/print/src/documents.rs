//! The documents as data: what a print run, a hand-out list or a statement needs is passed in,
//! already read, and written to PDF here. Reading it from the workspace is `okort-documents`'.

use crate::layout::{handout_pages, CardFace, HandoutRow, Layout};
use crate::{Job, Page, PrintError, Rgb};
use okort_core::dates::format_date;
use okort_core::PrinterProfile;

/// Moves and scales every page by a printer's calibration profile.
pub fn calibrated(pages: Vec<Page>, profile: Option<&PrinterProfile>) -> Vec<Page> {
    let Some(p) = profile else { return pages };
    let s = p.scale_percent / 100.0;
    pages
        .into_iter()
        .map(|page| Page {
            ops: vec![crate::draw::Op::Group {
                matrix: [s, 0.0, 0.0, s, p.offset_x_mm, p.offset_y_mm],
                ops: page.ops,
            }],
            ..page
        })
        .collect()
}

/// A calibration test page for the layout's paper size, through the profile if one is given
/// (to check the profile: the frame then lands 10 mm from each edge).
pub fn calibration(
    layout: Layout,
    profile: Option<&PrinterProfile>,
    lang: okort_core::Lang,
) -> Result<Vec<u8>, PrintError> {
    let fonts = crate::fonts::Fonts::load()?;
    let size = match layout {
        Layout::A4 | Layout::Sheet8 => crate::layout::A4,
        Layout::Cr80 => crate::layout::CR80,
        Layout::A6Fold => (crate::layout::A4.1, crate::layout::A4.0),
    };
    let pages = calibrated(
        vec![crate::layout::calibration_page(size, &fonts, lang)],
        profile,
    );
    let title = okort_core::i18n::Msg::CalibrationTitle.text(lang);
    crate::pdf::render_pdf(&pages, &fonts, &[], &[], &title)
}

/// A sample card for the preview of a year that has no cards yet.
pub fn sample_face(year: &okort_core::ProgramYear) -> CardFace {
    let number = okort_core::CardNumber::new(year.year, 42);
    CardFace {
        holder_name: "Ola Nordmann".into(),
        number: number.to_string(),
        valid_to: format_date(year.valid_to),
        qr: okort_core::qr::sign(b"preview", &number, year.valid_to),
    }
}

/// A print run with everything read: the year's job, the faces of its cards and the printer's
/// calibration. Rendering needs nothing more.
pub struct CardRun {
    pub job: Job,
    pub faces: Vec<CardFace>,
    pub profile: Option<PrinterProfile>,
}

/// A card whose holder's name has characters no bundled font can draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unprintable {
    pub number: String,
    pub chars: Vec<char>,
}

impl CardRun {
    /// The cards whose names would print with empty boxes, checked before printing.
    pub fn unprintable(&self) -> Result<Vec<Unprintable>, PrintError> {
        let fonts = crate::fonts::Fonts::load()?;
        Ok(self
            .faces
            .iter()
            .filter_map(|f| {
                let chars = fonts.unprintable(&f.holder_name);
                (!chars.is_empty()).then(|| Unprintable {
                    number: f.number.clone(),
                    chars,
                })
            })
            .collect())
    }

    /// Lays out and writes the cards to one PDF, telling `progress(done, total)` as it goes.
    pub fn render(
        &self,
        layout: Layout,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Vec<u8>, PrintError> {
        let title = self.job.design().title.clone();
        let adjust = |pages| calibrated(pages, self.profile.as_ref());
        Ok(self
            .job
            .write_cards(layout, &self.faces, &title, &adjust, progress)?
            .pdf)
    }
}

/// What one benchmark run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct BenchResult {
    pub cards: usize,
    pub pages: usize,
    pub bytes: usize,
    pub seconds: f64,
    /// Of `seconds`, the time spent laying out (shaping, drawing operations).
    pub layout_seconds: f64,
}

/// Lays out and renders `n` cards of `year` with `job`, named from `first` and `last` names in
/// turn and signed with a fixed secret (the same QR on every machine): the print path alone
/// (layout, shaping, PDF), as the printing targets are stated for it. `started` is when the
/// caller began (reading the design counts).
pub fn bench_cards(
    job: &Job,
    year: &okort_core::ProgramYear,
    layout: Layout,
    n: usize,
    (first, last): (&[&str], &[&str]),
    started: std::time::Instant,
) -> Result<(BenchResult, Vec<u8>), PrintError> {
    let faces: Vec<CardFace> = (0..n)
        .map(|i| {
            let number = okort_core::CardNumber::new(year.year, (i % 9999 + 1) as u32);
            CardFace {
                holder_name: format!(
                    "{} {}",
                    first[i % first.len()],
                    last[(i / first.len()) % last.len()]
                ),
                number: number.to_string(),
                valid_to: format_date(year.valid_to),
                qr: okort_core::qr::sign(b"benchmark", &number, year.valid_to),
            }
        })
        .collect();
    let done = job.write_cards(layout, &faces, "benchmark", &|p| p, &mut |_, _| true)?;
    Ok((
        BenchResult {
            cards: n,
            pages: done.pages,
            bytes: done.pdf.len(),
            seconds: started.elapsed().as_secs_f64(),
            layout_seconds: done.layout_seconds,
        },
        done.pdf,
    ))
}

/// NAV's hand-out list, read: its title, the program's colour and a row per card.
pub struct HandoutList {
    pub title: String,
    pub primary: Rgb,
    pub rows: Vec<HandoutRow>,
    pub lang: okort_core::Lang,
}

impl HandoutList {
    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        let fonts = crate::fonts::Fonts::load()?;
        let pages = handout_pages(&self.title, self.primary, &self.rows, &fonts, self.lang);
        crate::pdf::render_pdf(&pages, &fonts, &[], &[], &self.title)
    }
}

/// A settlement statement, read: the program's job (its logos), the title, the sender's lines,
/// the facts, the visits by month and the amounts.
pub struct StatementDoc {
    pub job: Job,
    pub title: String,
    pub primary: Rgb,
    pub sender: [String; 3],
    pub facts: Vec<(String, String)>,
    pub months: Vec<[String; 3]>,
    pub totals: Vec<(String, String)>,
    pub lang: okort_core::Lang,
}

impl StatementDoc {
    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        let page = crate::layout::statement_page(
            &crate::layout::Statement {
                title: &self.title,
                primary: self.primary,
                sender: &self.sender,
                facts: &self.facts,
                months: &self.months,
                totals: &self.totals,
                lang: self.lang,
            },
            &self.job.art,
            &self.job.fonts,
        );
        self.job.pdf(&[page], &self.title)
    }
}

/// A holder's access request (GDPR art. 15), read: the program's job (its logos), the title,
/// the holder's name, who made it, and the record, cards, visits and decisions.
pub struct AccessDoc {
    pub job: Job,
    pub title: String,
    pub subject: String,
    pub primary: Rgb,
    pub sender: Vec<String>,
    pub sections: Vec<crate::layout::AccessSection>,
    pub footer: String,
    pub lang: okort_core::Lang,
}

impl AccessDoc {
    pub fn pages(&self) -> Vec<Page> {
        crate::layout::access_pages(
            &crate::layout::AccessReport {
                title: &self.title,
                subject: &self.subject,
                primary: self.primary,
                sender: &self.sender,
                sections: &self.sections,
                footer: &self.footer,
                lang: self.lang,
            },
            &self.job.art,
            &self.job.fonts,
        )
    }

    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        self.job.pdf(&self.pages(), &self.footer)
    }
}

/// The recovery sheet: a page per recovery key.
pub struct RecoverySheet {
    pub pages: Vec<crate::layout::RecoveryPage>,
}

impl RecoverySheet {
    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        let fonts = crate::fonts::Fonts::load()?;
        let pages = self
            .pages
            .iter()
            .map(|p| crate::layout::recovery_page(p, &fonts))
            .collect::<Result<Vec<_>, _>>()?;
        let title = self
            .pages
            .first()
            .map(|p| p.title.as_str())
            .unwrap_or_default();
        crate::pdf::render_pdf(&pages, &fonts, &[], &[], title)
    }
}

/// Letters to families, read: the program's job and the pages, one per language version, in
/// the order they print (a family's own language, then Bokmål on the back).
pub struct LettersDoc {
    pub job: Job,
    pub title: String,
    /// The pages: each language version of each letter.
    pub letters: Vec<crate::layout::Letter>,
    /// How many letters (families, or one for a language's website letter).
    pub count: usize,
}

impl LettersDoc {
    pub fn pages(&self) -> Vec<Page> {
        self.letters
            .iter()
            .map(|l| crate::layout::letter_page(l, &self.job.art, &self.job.fonts))
            .collect()
    }

    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        self.job.pdf(&self.pages(), &self.title)
    }
}

/// The staff sheets of venues, read: the year's job (its card design, to draw the card) and
/// one sheet per venue.
pub struct VenueSheetsDoc {
    pub job: Job,
    pub title: String,
    pub sheets: Vec<crate::layout::VenueSheet>,
}

impl VenueSheetsDoc {
    pub fn pages(&self) -> Vec<Page> {
        self.sheets
            .iter()
            .map(|s| crate::layout::venue_sheet_page(s, &self.job.art, &self.job.fonts))
            .collect()
    }

    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        self.job.pdf(&self.pages(), &self.title)
    }
}

/// The year's feedback forms for families, read: one form per card, in its family's language.
pub struct FeedbackFormsDoc {
    pub job: Job,
    pub title: String,
    pub forms: Vec<crate::layout::FeedbackForm>,
}

impl FeedbackFormsDoc {
    pub fn pages(&self) -> Vec<Page> {
        self.forms
            .iter()
            .flat_map(|f| crate::layout::feedback_form_pages(f, &self.job.art, &self.job.fonts))
            .collect()
    }

    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        self.job.pdf(&self.pages(), &self.title)
    }
}

/// The year's evaluation report, read.
pub struct ReportDoc {
    pub job: Job,
    pub report: crate::layout::Report,
    pub lang: okort_core::Lang,
}

impl ReportDoc {
    pub fn pages(&self) -> Vec<Page> {
        crate::layout::report_pages(&self.report, &self.job.art, &self.job.fonts, self.lang)
    }

    pub fn pdf(&self) -> Result<Vec<u8>, PrintError> {
        self.job.pdf(&self.pages(), &self.report.title)
    }
}
