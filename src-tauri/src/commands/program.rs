//! Program settings, program years and images.

use super::{commands, decode_upload};
use crate::error::{ApiError, ApiResult, ErrorCode};
use base64::Engine;
use okort_core::{Action, Program, ProgramInput, ProgramYear, ProgramYearInput};
use okort_store::ProgramImage;
use serde::Deserialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProgramImageKind {
    Logo,
    CoatOfArms,
}

commands! {
    /// Every role sees the program: its name, colours and contact are on every screen.
    pub fn get_program(state) -> ApiResult<Program> {
        state.act(Action::ReadProgram, |ws, _| ws.program())
    }

    /// The colours the screens use for a program's colours (darkened or lightened to 4.5:1
    /// where needed), with the contrast of the colours as chosen, for the program form's
    /// warning about the card, which prints them as chosen.
    pub fn colour_theme(state, primary: String, accent: String) -> ApiResult<okort_core::contrast::Theme> {
        let _ = state;
        Ok(okort_core::contrast::theme(&primary, &accent))
    }

    pub fn save_program(state, input: ProgramInput) -> ApiResult<Program> {
        state.act(Action::ManageProgram, |ws, actor| ws.save_program(actor, input))
    }

    /// Sets the logo or coat of arms from an uploaded file, or removes it when `data` is null.
    pub fn set_program_image(
        state,
        kind: ProgramImageKind,
        data: Option<String>,
    ) -> ApiResult<Program> {
        let bytes = data.as_deref().map(|d| decode_upload(d, super::MAX_LOGO_MB, state.lang())).transpose()?;
        let which = match kind {
            ProgramImageKind::Logo => ProgramImage::Logo,
            ProgramImageKind::CoatOfArms => ProgramImage::CoatOfArms,
        };
        state.act(Action::ManageProgram, |ws, actor| ws.set_program_image(actor, which, bytes.as_deref()))
    }

    /// An image from the workspace as a `data:` URL the web view can show.
    pub fn get_image(state, id: i64) -> ApiResult<String> {
        let img = state.act(Action::ReadProgram, |ws, _| ws.image(id))?;
        let b64 = base64::engine::general_purpose::STANDARD.encode(&img.bytes);
        Ok(format!("data:{};base64,{b64}", img.mime))
    }

    /// Every role sees the years: NAV assigns in them, venues' cards belong to them.
    pub fn list_years(state) -> ApiResult<Vec<ProgramYear>> {
        state.act(Action::ReadProgram, |ws, _| ws.list_years())
    }

    /// The defaults for a new program year (calendar year, 30 cards, age 5–18, companion free).
    pub fn new_year_defaults(state, year: i32) -> ApiResult<ProgramYearInput> {
        ProgramYearInput::new_for(year).ok_or_else(|| {
            let problem = okort_core::i18n::Problem::Year;
            ApiError::new(ErrorCode::Invalid, problem.message(state.lang()))
        })
    }

    pub fn save_year(state, input: ProgramYearInput) -> ApiResult<ProgramYear> {
        state.act(Action::ManageProgram, |ws, actor| ws.save_year(actor, input))
    }

    /// "Copy last year's agreements": returns how many agreements were copied.
    pub fn copy_agreements(state, from_year_id: i64, to_year_id: i64) -> ApiResult<usize> {
        state.act(Action::ManageVenues, |ws, actor| ws.copy_agreements(actor, from_year_id, to_year_id))
    }
}
