//! The venue kit: made by the culture office for a venue and year, and used by the venue's
//! desk when the app's file is a kit (card check, visits, the report for the office).

use super::{commands, today};
use crate::error::ApiResult;
use chrono::NaiveDate;
use okort_core::Action;
use okort_store::kit::{KitInfo, KitSummary, KitVisit};
use okort_store::{CardLookup, VisitReceipt};
use std::path::PathBuf;

commands! {
    /// Makes (or refreshes) the kit of a venue for a year at `path`, with the desk's login.
    pub fn make_venue_kit(
        state,
        venue_id: i64,
        year: i32,
        desk_username: String,
        desk_password: String,
        path: PathBuf,
    ) -> ApiResult<KitSummary> {
        state.act(Action::ManageVenues, |ws, actor| {
            ws.make_kit(actor, venue_id, year, &desk_username, &desk_password, &path)
        })
    }

    /// Retires the venue's kits for a year (one was lost): their reports are refused from now
    /// on. Returns how many were retired.
    pub fn retire_venue_kits(state, venue_id: i64, year: i32) -> ApiResult<u32> {
        state.act(Action::ManageVenues, |ws, actor| ws.retire_kits(actor, venue_id, year))
    }

    /// Logs the venue's desk in to the kit the app has open.
    pub fn kit_login(state, username: String, password: String) -> ApiResult<KitInfo> {
        state.kit_login(&username, &password)
    }

    pub fn kit_logout(state) -> ApiResult<()> {
        state.kit_logout();
        Ok(())
    }

    /// Checks a card at the kit's desk: a typed number or a scanned QR code.
    pub fn kit_lookup(state, code: String) -> ApiResult<CardLookup> {
        state.with_kit(|kit| kit.lookup(&code, today()))
    }

    /// Registers a visit at the kit's desk (`on` defaults to today).
    pub fn kit_register(
        state,
        code: String,
        companion: bool,
        on: Option<NaiveDate>,
    ) -> ApiResult<VisitReceipt> {
        let today = today();
        state.with_kit(|kit| kit.register(&code, on.unwrap_or(today), companion, today))
    }

    /// The visits registered at the kit's desk in a period, newest first.
    pub fn kit_visits(
        state,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> ApiResult<Vec<KitVisit>> {
        state.with_kit(|kit| kit.visits(from, to))
    }

    /// Saves the venue's report of a period for the culture office (CSV, or Excel with
    /// `xlsx`) at `path`; returns how many visits it holds.
    pub fn kit_save_report(
        state,
        path: PathBuf,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        xlsx: bool,
    ) -> ApiResult<u32> {
        state.with_kit(|kit| {
            let count = kit.visits(from, to)?.len() as u32;
            okort_store::write_file(&path, kit.report(from, to, xlsx)?)?;
            Ok(count)
        })
    }
}
