//! Payouts: each venue's compensation for a year or a period, and the accounting file.

use super::{commands, job_commands, today};
use crate::error::{ApiError, ApiResult};
use chrono::NaiveDate;
use okort_core::Action;
use okort_store::{PayoutLine, Settlement, VisitScope};
use std::path::PathBuf;

commands! {
    pub fn compute_payouts(
        state,
        year_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> ApiResult<Vec<PayoutLine>> {
        state.act(Action::ManageVenues, |ws, actor| ws.compute_payouts(actor, year_id, from.zip(to)))
    }

    /// The accounting file (one row per venue and a sum) written to `path`.
    pub fn export_payouts_csv(
        state,
        year_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        path: PathBuf,
    ) -> ApiResult<()> {
        state.act(Action::ManageVenues, |ws, actor| {
            let lines = ws.compute_payouts(actor, year_id, from.zip(to))?;
            okort_store::write_file(&path, okort_store::payouts_csv(&lines)?)?;
            Ok(())
        })
    }

    /// Approves a venue's open visits in the year or period as a settlement; they are locked.
    pub fn approve_settlement(
        state,
        venue_id: i64,
        year_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> ApiResult<Settlement> {
        state.act(Action::SettlePayouts, |ws, actor| {
            ws.approve_settlement(actor, venue_id, year_id, from.zip(to), today())
        })
    }

    /// The accounting file of the year's approved and paid settlements, written to `path`.
    pub fn export_settlements_csv(state, year_id: i64, path: PathBuf) -> ApiResult<()> {
        state.act(Action::ManageVenues, |ws, actor| {
            let list = ws.list_settlements(actor, year_id)?;
            okort_store::write_file(&path, okort_store::settlements_csv(&list)?)?;
            Ok(())
        })
    }

    pub fn list_settlements(state, year_id: i64) -> ApiResult<Vec<Settlement>> {
        state.act(Action::ManageVenues, |ws, actor| ws.list_settlements(actor, year_id))
    }

    pub fn mark_settlement_paid(state, settlement_id: i64, on: NaiveDate) -> ApiResult<Settlement> {
        state.act(Action::SettlePayouts, |ws, actor| ws.mark_settlement_paid(actor, settlement_id, on))
    }

    /// Withdraws an unpaid settlement with a reason; its visits are open again.
    pub fn withdraw_settlement(state, settlement_id: i64, reason: String) -> ApiResult<Settlement> {
        state.act(Action::SettlePayouts, |ws, actor| ws.withdraw_settlement(actor, settlement_id, &reason))
    }
}

job_commands! {
    /// A venue's settlement statement, written to `path` and opened: an approved settlement,
    /// or a draft of the venue's open visits in the year or period.
    pub fn print_statement(
        state,
        job,
        venue_id: i64,
        year_id: i64,
        settlement_id: Option<i64>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        path: PathBuf,
    ) -> ApiResult<()> {
        let scope = match settlement_id {
            Some(id) => VisitScope::Settlement(id),
            None => VisitScope::Open(from.zip(to)),
        };
        let doc = state.act(Action::ManageVenues, |ws, actor| {
            Ok(okort_documents::read_statement(
                ws,
                actor,
                venue_id,
                year_id,
                scope,
                today(),
                state.lang(),
            )?)
        })?;
        job.progress(0, 1);
        let lang = state.lang();
        let pdf = doc.pdf().map_err(|e| ApiError::from_doc(e, lang))?;
        job.go_on(lang)?;
        okort_store::write_file(&path, &pdf).map_err(|e| ApiError::from_store(e, lang))?;
        job.progress(1, 1);
        super::open_in_viewer(&path);
        Ok(())
    }
}
