//! Visits at the desk: register (typed number or scanned QR), void, list.

use super::{commands, today};
use crate::error::ApiResult;
use chrono::NaiveDate;
use okort_core::Action;
use okort_store::{VisitReceipt, VisitRow};

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
            let on = on.unwrap_or_else(today);
            ws.register_visit(actor, &code, venue_id, on, companion, override_reason.as_deref())
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
}
