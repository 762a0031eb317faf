//! Payouts: each venue's compensation for a year or a period, and the accounting file.

use super::commands;
use crate::error::ApiResult;
use chrono::NaiveDate;
use okort_core::Action;
use okort_store::PayoutLine;
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
            std::fs::write(&path, okort_store::payouts_csv(&lines)?)?;
            Ok(())
        })
    }

    /// A venue's settlement statement for the year, written to `path` and opened.
    pub fn print_statement(state, venue_id: i64, year_id: i64, path: PathBuf) -> ApiResult<()> {
        state.act(Action::ManageVenues, |ws, actor| {
            let pdf = okort_print::cards::statement_pdf(ws, actor, venue_id, year_id)?;
            std::fs::write(&path, pdf)?;
            Ok(())
        })?;
        super::printing::open_in_viewer(&path);
        Ok(())
    }
}
