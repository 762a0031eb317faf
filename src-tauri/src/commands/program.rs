//! Program settings, program years and images.

use super::decode_upload;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::state::AppState;
use base64::Engine;
use okort_core::{Program, ProgramInput, ProgramYear, ProgramYearInput};
use okort_store::ProgramImage;
use serde::Deserialize;
use tauri::State;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProgramImageKind {
    Logo,
    CoatOfArms,
}

#[tauri::command]
pub fn get_program(state: State<'_, AppState>) -> ApiResult<Program> {
    state.with(|ws| ws.program())
}

#[tauri::command]
pub fn save_program(state: State<'_, AppState>, input: ProgramInput) -> ApiResult<Program> {
    state.with(|ws| ws.save_program(input))
}

/// Sets the logo or coat of arms from an uploaded file, or removes it when `data` is null.
#[tauri::command]
pub fn set_program_image(
    state: State<'_, AppState>,
    kind: ProgramImageKind,
    data: Option<String>,
) -> ApiResult<Program> {
    let bytes = data.as_deref().map(decode_upload).transpose()?;
    let which = match kind {
        ProgramImageKind::Logo => ProgramImage::Logo,
        ProgramImageKind::CoatOfArms => ProgramImage::CoatOfArms,
    };
    state.with(|ws| ws.set_program_image(which, bytes.as_deref()))
}

/// An image from the workspace as a `data:` URL the web view can show.
#[tauri::command]
pub fn get_image(state: State<'_, AppState>, id: i64) -> ApiResult<String> {
    let img = state.with(|ws| ws.image(id))?;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&img.bytes);
    Ok(format!("data:{};base64,{b64}", img.mime))
}

#[tauri::command]
pub fn list_years(state: State<'_, AppState>) -> ApiResult<Vec<ProgramYear>> {
    state.with(|ws| ws.list_years())
}

/// The defaults for a new program year (calendar year, 30 cards, age 5–18, companion free).
#[tauri::command]
pub fn new_year_defaults(state: State<'_, AppState>, year: i32) -> ApiResult<ProgramYearInput> {
    ProgramYearInput::new_for(year).ok_or_else(|| {
        let problem = okort_core::i18n::Problem::Year;
        ApiError::new(ErrorCode::Invalid, problem.message(state.lang()))
    })
}

#[tauri::command]
pub fn save_year(state: State<'_, AppState>, input: ProgramYearInput) -> ApiResult<ProgramYear> {
    state.with(|ws| ws.save_year(input))
}

/// "Copy last year's agreements": returns how many agreements were copied.
#[tauri::command]
pub fn copy_agreements(
    state: State<'_, AppState>,
    from_year_id: i64,
    to_year_id: i64,
) -> ApiResult<usize> {
    state.with(|ws| ws.copy_agreements(from_year_id, to_year_id))
}
