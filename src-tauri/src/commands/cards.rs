//! Cards: assignment within quota, hand-out, replacement, revocation, lookup, re-assessment.

use super::{commands, today};
use crate::error::ApiResult;
use chrono::NaiveDate;
use okort_core::Action;
use okort_store::{Card, CardLookup, CardRow, Continuation, Decision, QuotaStatus, ReassessRow};

commands! {
    /// How many cards are left of the year's quota: shown before assigning.
    pub fn quota_status(state, year_id: i64) -> ApiResult<QuotaStatus> {
        state.act(Action::ReadHolderSummaries, |ws, actor| ws.quota_status(actor, year_id))
    }

    pub fn list_cards(state, year_id: i64) -> ApiResult<Vec<CardRow>> {
        state.act(Action::ReadHolderSummaries, |ws, actor| ws.list_cards(actor, year_id))
    }

    pub fn cards_of_holder(state, holder_id: i64) -> ApiResult<Vec<Card>> {
        state.act(Action::ReadHolderSummaries, |ws, actor| ws.cards_of_holder(actor, holder_id))
    }

    /// `override_reason` lets an administrator assign outside the age range (logged).
    pub fn assign_card(
        state,
        holder_id: i64,
        year_id: i64,
        override_reason: Option<String>,
    ) -> ApiResult<Card> {
        state.act(Action::AssignCards, |ws, actor| {
            ws.assign_card(actor, holder_id, year_id, override_reason.as_deref(), today())
        })
    }

    pub fn mark_printed(state, card_ids: Vec<i64>) -> ApiResult<Vec<Card>> {
        state.act(Action::MarkCardsPrinted, |ws, actor| ws.mark_printed(actor, &card_ids))
    }

    pub fn hand_out_card(state, card_id: i64, on: NaiveDate) -> ApiResult<Card> {
        state.act(Action::HandOutCards, |ws, actor| ws.hand_out(actor, card_id, on))
    }

    /// Blocks a lost card and issues a new number to the same holder.
    pub fn replace_lost_card(state, card_id: i64) -> ApiResult<Card> {
        state.act(Action::ReplaceCards, |ws, actor| ws.replace_lost(actor, card_id, today()))
    }

    pub fn revoke_card(state, card_id: i64, reason: String) -> ApiResult<Card> {
        state.act(Action::RevokeCards, |ws, actor| ws.revoke(actor, card_id, &reason))
    }

    /// A typed card number or a scanned QR code (a USB scanner types it like a keyboard).
    /// `venue_id` is the desk's venue when the culture office checks for one.
    pub fn lookup_card(state, code: String, venue_id: Option<i64>) -> ApiResult<CardLookup> {
        state.act(Action::LookupCard, |ws, actor| ws.lookup_card_at(actor, &code, venue_id, today()))
    }

    pub fn card_qr(state, card_id: i64) -> ApiResult<String> {
        state.act(Action::ReadHolderSummaries, |ws, actor| ws.card_qr(actor, card_id))
    }

    pub fn reassessment(state, from_year_id: i64, to_year_id: i64) -> ApiResult<Vec<ReassessRow>> {
        state.act(Action::AssignCards, |ws, actor| ws.reassessment(actor, from_year_id, to_year_id))
    }

    /// Records NAV's decision today that a holder's card continues into a year, or ends.
    pub fn decide_reassessment(
        state,
        holder_id: i64,
        to_year_id: i64,
        continuation: Continuation,
    ) -> ApiResult<Decision> {
        state.act(Action::AssignCards, |ws, actor| {
            ws.decide_reassessment(actor, holder_id, to_year_id, continuation, today())
        })
    }

    /// Creates next year's cards for every holder NAV decided to continue, all or nothing
    /// within quota.
    pub fn renew_cards(state, to_year_id: i64) -> ApiResult<Vec<Card>> {
        state.act(Action::AssignCards, |ws, actor| ws.renew_cards(actor, to_year_id, today()))
    }
}
