//! Feedback at year end: the questionnaires, answers entered from returned forms, the summary
//! and the evaluation meeting.

use super::{commands, decode_upload, job_commands, open_in_viewer};
use crate::commands::printing::PrintReport;
use crate::error::{ApiError, ApiResult};
use okort_core::feedback::{Question, Respondent};
use okort_core::Action;
use okort_store::feedback::{
    EvaluationMeeting, FeedbackSummary, Questionnaire, ResponseRow, ResponseSaved,
};
use std::path::PathBuf;

commands! {
    /// The year's questionnaire for families or venues (made from the defaults the first time).
    pub fn questionnaire(state, year_id: i64, respondent: Respondent) -> ApiResult<Questionnaire> {
        state.act(Action::EnterFeedback, |ws, actor| ws.questionnaire(actor, year_id, respondent))
    }

    /// Writes a question in one language (`lang` an ISO 639 code); empty removes it.
    pub fn set_question_text(
        state,
        question_id: i64,
        lang: String,
        text: String,
    ) -> ApiResult<Question> {
        state.act(Action::ManageFeedback, |ws, actor| {
            ws.set_question_text(actor, question_id, &lang, &text)
        })
    }

    /// A family's returned form, by the card number written on it: `answers` are
    /// `[question id, answer as written]`.
    pub fn save_family_answers(
        state,
        year_id: i64,
        card_number: String,
        answers: Vec<(i64, String)>,
    ) -> ApiResult<ResponseSaved> {
        state.act(Action::EnterFeedback, |ws, actor| {
            ws.save_family_answers(actor, year_id, &card_number, &answers)
        })
    }

    /// A venue's answers, entered by the culture office.
    pub fn save_venue_answers(
        state,
        year_id: i64,
        venue_id: i64,
        answers: Vec<(i64, String)>,
    ) -> ApiResult<ResponseSaved> {
        state.act(Action::ManageFeedback, |ws, actor| {
            ws.save_venue_answers(actor, year_id, venue_id, &answers)
        })
    }

    /// The forms entered, newest first (card numbers or venues; no names).
    pub fn feedback_responses(
        state,
        year_id: i64,
        respondent: Respondent,
    ) -> ApiResult<Vec<ResponseRow>> {
        state.act(Action::EnterFeedback, |ws, actor| {
            ws.feedback_responses(actor, year_id, respondent)
        })
    }

    /// Every question with its answers summed up.
    pub fn feedback_summary(
        state,
        year_id: i64,
        respondent: Respondent,
    ) -> ApiResult<FeedbackSummary> {
        let lang = state.lang();
        state.act(Action::ReadStatistics, |ws, actor| {
            ws.feedback_summary(actor, year_id, respondent, lang)
        })
    }

    /// Imports venues' answers (CSV or .xlsx as base64: the venue, then a column per question
    /// number); all or nothing. Returns how many venues' answers were saved.
    pub fn import_venue_answers(state, year_id: i64, data: String) -> ApiResult<usize> {
        let bytes = decode_upload(&data, super::MAX_UPLOAD_MB, state.lang())?;
        state.act(Action::ManageFeedback, |ws, actor| ws.import_venue_answers(actor, year_id, &bytes))
    }

    pub fn evaluation_meeting(state, year_id: i64) -> ApiResult<EvaluationMeeting> {
        state.act(Action::ReadStatistics, |ws, actor| ws.evaluation_meeting(actor, year_id))
    }

    pub fn save_evaluation_meeting(state, meeting: EvaluationMeeting) -> ApiResult<()> {
        state.act(Action::ManageFeedback, |ws, actor| ws.save_evaluation_meeting(actor, &meeting))
    }
}

job_commands! {
    /// A paper feedback form for each of the year's active cards, in its family's language,
    /// written to `path` and opened.
    pub fn print_feedback_forms(state, job, year_id: i64, path: PathBuf) -> ApiResult<PrintReport> {
        let ui = state.lang();
        let doc = state.act(Action::ManageFeedback, |ws, actor| {
            Ok(okort_documents::read_feedback_forms(ws, actor, year_id, None, ui)?)
        })?;
        job.progress(0, 1);
        let pdf = doc.pdf().map_err(|e| ApiError::from_doc(e, ui))?;
        job.go_on(ui)?;
        okort_store::write_file(&path, &pdf).map_err(|e| ApiError::from_store(e, ui))?;
        job.progress(1, 1);
        open_in_viewer(&path);
        Ok(PrintReport { printed: doc.forms.len(), path: path.display().to_string(), warnings: Vec::new() })
    }

    /// The year's evaluation report written to `path` and opened.
    pub fn print_year_report(state, job, year_id: i64, path: PathBuf) -> ApiResult<PrintReport> {
        let ui = state.lang();
        let doc = state.act(Action::ReadStatistics, |ws, actor| {
            Ok(okort_documents::read_year_report(ws, actor, year_id, ui)?)
        })?;
        job.progress(0, 1);
        let pdf = doc.pdf().map_err(|e| ApiError::from_doc(e, ui))?;
        job.go_on(ui)?;
        okort_store::write_file(&path, &pdf).map_err(|e| ApiError::from_store(e, ui))?;
        job.progress(1, 1);
        open_in_viewer(&path);
        Ok(PrintReport { printed: 1, path: path.display().to_string(), warnings: Vec::new() })
    }
}
