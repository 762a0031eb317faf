//! The venue register, agreements, and CSV import/export.

use super::decode_upload;
use crate::error::ApiResult;
use crate::state::AppState;
use okort_core::{Agreement, AgreementInput, Venue, VenueInput};
use okort_store::ImportReport;
use std::path::PathBuf;
use tauri::State;

#[tauri::command]
pub fn list_venues(state: State<'_, AppState>) -> ApiResult<Vec<Venue>> {
    state.with(|ws| ws.list_venues())
}

#[tauri::command]
pub fn save_venue(state: State<'_, AppState>, input: VenueInput) -> ApiResult<Venue> {
    state.with(|ws| ws.save_venue(input))
}

/// Sets a venue's logo from an uploaded file, or removes it when `data` is null.
#[tauri::command]
pub fn set_venue_logo(
    state: State<'_, AppState>,
    venue_id: i64,
    data: Option<String>,
) -> ApiResult<Venue> {
    let bytes = data.as_deref().map(decode_upload).transpose()?;
    state.with(|ws| ws.set_venue_logo(venue_id, bytes.as_deref()))
}

#[tauri::command]
pub fn agreements_for_venue(
    state: State<'_, AppState>,
    venue_id: i64,
) -> ApiResult<Vec<Agreement>> {
    state.with(|ws| ws.agreements_for_venue(venue_id))
}

#[tauri::command]
pub fn agreements_for_year(state: State<'_, AppState>, year_id: i64) -> ApiResult<Vec<Agreement>> {
    state.with(|ws| ws.agreements_for_year(year_id))
}

#[tauri::command]
pub fn save_agreement(state: State<'_, AppState>, input: AgreementInput) -> ApiResult<Agreement> {
    state.with(|ws| ws.save_agreement(input))
}

#[tauri::command]
pub fn delete_agreement(state: State<'_, AppState>, venue_id: i64, year_id: i64) -> ApiResult<()> {
    state.with(|ws| ws.delete_agreement(venue_id, year_id))
}

/// Imports a CSV file the UI read; refused whole with every bad row listed.
#[tauri::command]
pub fn import_venues_csv(state: State<'_, AppState>, data: String) -> ApiResult<ImportReport> {
    let bytes = decode_upload(&data)?;
    state.with(|ws| ws.import_venues_csv(&bytes))
}

/// Writes the register to the file the user chose in the save dialog.
#[tauri::command]
pub fn export_venues_csv(state: State<'_, AppState>, path: PathBuf) -> ApiResult<()> {
    state.with(|ws| {
        let bytes = ws.export_venues_csv()?;
        std::fs::write(&path, bytes)?;
        Ok(())
    })
}
