//! Visits at the desk: register (typed number or scanned QR), void, list.

use super::{commands, decode_upload, job_commands, today};
use crate::error::{ApiResult, RowError};
use chrono::NaiveDate;
use okort_core::Action;
use okort_store::{VisitImportReport, VisitReceipt, VisitRow};
use serde::Serialize;
use ts_rs::TS;

/// What a venue report holds, before anything is imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VisitImportPreview {
    pub venue_id: i64,
    pub rows: u32,
    pub valid: u32,
    pub problems: Vec<RowError>,
}

commands! {
    /// Registers one visit. `venue_id` is the culture office's choice (a venue user is bound to
    /// its own); `on` defaults to today; `override_reason` lets the culture office register
    /// over a rule, logged.
    pub fn register_visit(
        state,
        code: String,
        venue_id: Option<i64>,
        on: Option<NaiveDate>,
        companion: bool,
        override_reason: Option<String>,
    ) -> ApiResult<VisitReceipt> {
        state.act(Action::RegisterVisits, |ws, actor| {
            let today = today();
            let on = on.unwrap_or(today);
            ws.register_visit(actor, &code, venue_id, on, companion, override_reason.as_deref(), today)
        })
    }

    /// Ticks counted per venue on a card handed back at year end, as `[venueId, ticks]` pairs;
    /// returns how many visits of unknown date were added.
    pub fn register_returned_ticks(state, code: String, ticks: Vec<(i64, u32)>) -> ApiResult<u32> {
        state.act(Action::OverrideVisits, |ws, actor| ws.register_returned_ticks(actor, &code, &ticks))
    }

    pub fn void_visit(state, visit_id: i64, reason: String) -> ApiResult<()> {
        state.act(Action::VoidVisits, |ws, actor| ws.void_visit(actor, visit_id, &reason))
    }

    pub fn list_visits(state, year_id: i64, venue_id: Option<i64>) -> ApiResult<Vec<VisitRow>> {
        state.act(Action::RegisterVisits, |ws, actor| ws.list_visits(actor, year_id, venue_id))
    }

    /// Checks a venue report (CSV or .xlsx, as base64) without importing it.
    pub fn check_visit_import(
        state,
        venue_id: Option<i64>,
        data: String,
    ) -> ApiResult<VisitImportPreview> {
        let bytes = decode_upload(&data, super::MAX_UPLOAD_MB, state.lang())?;
        let lang = state.lang();
        state.act(Action::ImportVisits, |ws, actor| {
            let c = ws.check_visit_import(actor, venue_id, &bytes, today())?;
            Ok(VisitImportPreview {
                venue_id: c.venue_id,
                rows: c.rows,
                valid: c.valid,
                problems: c.problems.iter().map(|r| RowError::new(r, lang)).collect(),
            })
        })
    }

}

job_commands! {
    /// Imports a venue report: all rows, or with `accept_valid` the good rows only.
    pub fn import_visits(
        state,
        job,
        venue_id: Option<i64>,
        data: String,
        accept_valid: bool,
    ) -> ApiResult<VisitImportReport> {
        let bytes = decode_upload(&data, super::MAX_UPLOAD_MB, state.lang())?;
        super::import_job(state, job, Action::ImportVisits, |ws, actor| {
            ws.import_visits(actor, venue_id, &bytes, accept_valid, today())
        })
    }
}
