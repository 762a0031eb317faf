//! The venues' staff sheets and report templates, and the information letters to families: the languages and their texts per year (the culture
//! office edits them and marks them checked), a preview, and printing them.

use super::{commands, job_commands, open_in_viewer, today};
use crate::commands::printing::PrintReport;
use crate::error::{ApiError, ApiResult};
use base64::Engine;
use okort_core::letters::Part;
use okort_core::Action;
use okort_store::letters::{LetterLanguage, LetterText};
use std::path::PathBuf;

commands! {
    /// Saves the blank venue report (card number, date, companion) at `path`, as Excel when
    /// `xlsx`, else CSV, for a venue to fill in.
    pub fn save_report_template(state, path: PathBuf, xlsx: bool) -> ApiResult<()> {
        state.act(Action::ManageVenues, |_, _| {
            okort_store::write_file(&path, okort_store::exchange::report_template(xlsx)?)
        })
    }

    /// The languages the letter is written in, with whether each was checked this year.
    pub fn letter_languages(state, year_id: i64) -> ApiResult<Vec<LetterLanguage>> {
        state.act(Action::MarkCardsPrinted, |ws, _| ws.letter_languages(year_id))
    }

    /// The texts of the letter in `lang` for the year, as they will print.
    pub fn letter_texts(state, year_id: i64, lang: String) -> ApiResult<Vec<LetterText>> {
        state.act(Action::MarkCardsPrinted, |ws, _| ws.letter_texts(year_id, &lang))
    }

    /// Saves the office's text of one part for the year (empty: back to the bundled text).
    pub fn save_letter_text(
        state,
        year_id: i64,
        lang: String,
        part: Part,
        text: String,
    ) -> ApiResult<Vec<LetterText>> {
        state.act(Action::ManageProgram, |ws, actor| ws.save_letter_text(actor, year_id, &lang, part, &text))
    }

    /// Marks the letter in `lang` checked this year by `reviewer`, or (null) takes it away.
    pub fn set_letter_reviewed(
        state,
        year_id: i64,
        lang: String,
        reviewer: Option<String>,
    ) -> ApiResult<Vec<LetterLanguage>> {
        state.act(Action::ManageProgram, |ws, actor| {
            ws.set_letter_reviewed(actor, year_id, &lang, reviewer.as_deref(), today())?;
            ws.letter_languages(year_id)
        })
    }

    /// The letter in `lang` as it prints (the website's version, without a name), as SVG
    /// data URLs drawn by the same layout as the PDF.
    pub fn letter_preview(state, year_id: i64, lang: String) -> ApiResult<Vec<String>> {
        state.act(Action::MarkCardsPrinted, |ws, actor| {
            let doc = okort_documents::read_letters(
                ws,
                actor,
                year_id,
                okort_documents::Letters::Language(&lang),
                state.lang(),
            )?;
            Ok(doc
                .pages()
                .iter()
                .map(|p| {
                    let svg = doc.job.svg(p);
                    format!(
                        "data:image/svg+xml;base64,{}",
                        base64::engine::general_purpose::STANDARD.encode(svg)
                    )
                })
                .collect())
        })
    }
}

job_commands! {
    /// Prints the one-page staff sheet of every venue with an agreement for the year (or of
    /// `venue_id`) to `path`.
    pub fn print_venue_sheets(
        state,
        job,
        year_id: i64,
        venue_id: Option<i64>,
        path: PathBuf,
    ) -> ApiResult<PrintReport> {
        let ui = state.lang();
        let doc = state.act(Action::ManageVenues, |ws, actor| {
            Ok(okort_documents::read_venue_sheets(ws, actor, year_id, venue_id, ui)?)
        })?;
        job.progress(0, 1);
        let pdf = doc.pdf().map_err(|e| ApiError::from_doc(e, ui))?;
        job.go_on(ui)?;
        okort_store::write_file(&path, &pdf).map_err(|e| ApiError::from_store(e, ui))?;
        job.progress(1, 1);
        open_in_viewer(&path);
        Ok(PrintReport { printed: doc.sheets.len(), path: path.display().to_string(), warnings: Vec::new() })
    }

    /// Prints the letters to `path`: one per active card of the year (or `card_ids`) in the
    /// holder's language with Bokmål on the back, in the order the cards print; or, with
    /// `lang`, the letter in that language without a name, for the website.
    pub fn print_letters(
        state,
        job,
        year_id: i64,
        path: PathBuf,
        lang: Option<String>,
        card_ids: Option<Vec<i64>>,
    ) -> ApiResult<PrintReport> {
        let ui = state.lang();
        let doc = state.act(Action::MarkCardsPrinted, |ws, actor| {
            let which = match &lang {
                Some(code) => okort_documents::Letters::Language(code),
                None => okort_documents::Letters::Cards(card_ids.as_deref()),
            };
            Ok(okort_documents::read_letters(ws, actor, year_id, which, ui)?)
        })?;
        job.progress(0, 1);
        let pdf = doc.pdf().map_err(|e| ApiError::from_doc(e, ui))?;
        job.go_on(ui)?;
        okort_store::write_file(&path, &pdf).map_err(|e| ApiError::from_store(e, ui))?;
        job.progress(1, 1);
        open_in_viewer(&path);
        Ok(PrintReport { printed: doc.count, path: path.display().to_string(), warnings: Vec::new() })
    }
}
