//! The venue register, agreements, and CSV import/export.

use super::{commands, decode_upload, job_commands};
use crate::error::{ApiResult, ImportPreviewView};
use okort_core::{Action, Agreement, AgreementInput, Venue, VenueInput};
use okort_store::ImportReport;
use std::path::PathBuf;

commands! {
    /// What importing a venue register (CSV or .xlsx) would do; nothing is saved.
    pub fn preview_venues_import(state, data: String) -> ApiResult<ImportPreviewView> {
        let lang = state.lang();
        let bytes = decode_upload(&data, super::MAX_UPLOAD_MB, lang)?;
        state.act(Action::ManageVenues, |ws, actor| {
            ws.preview_venues_import(actor, &bytes).map(|p| ImportPreviewView::new(p, lang))
        })
    }

    pub fn list_venues(state) -> ApiResult<Vec<Venue>> {
        state.act(Action::ReadVenues, |ws, _| ws.list_venues())
    }

    pub fn save_venue(state, input: VenueInput) -> ApiResult<Venue> {
        state.act(Action::ManageVenues, |ws, actor| ws.save_venue(actor, input))
    }

    /// Sets a venue's logo from an uploaded file, or removes it when `data` is null.
    pub fn set_venue_logo(state, venue_id: i64, data: Option<String>) -> ApiResult<Venue> {
        let bytes = data.as_deref().map(|d| decode_upload(d, super::MAX_LOGO_MB, state.lang())).transpose()?;
        state.act(Action::ManageVenues, |ws, actor| ws.set_venue_logo(actor, venue_id, bytes.as_deref()))
    }

    pub fn agreements_for_venue(state, venue_id: i64) -> ApiResult<Vec<Agreement>> {
        state.act(Action::ReadVenues, |ws, _| ws.agreements_for_venue(venue_id))
    }

    pub fn agreements_for_year(state, year_id: i64) -> ApiResult<Vec<Agreement>> {
        state.act(Action::ReadVenues, |ws, _| ws.agreements_for_year(year_id))
    }

    pub fn save_agreement(state, input: AgreementInput) -> ApiResult<Agreement> {
        state.act(Action::ManageVenues, |ws, actor| ws.save_agreement(actor, input))
    }

    pub fn delete_agreement(state, venue_id: i64, year_id: i64) -> ApiResult<()> {
        state.act(Action::ManageVenues, |ws, actor| ws.delete_agreement(actor, venue_id, year_id))
    }

    /// Writes the register to the file the user chose in the save dialog.
    pub fn export_venues_csv(state, path: PathBuf) -> ApiResult<()> {
        state.act(Action::ReadVenues, |ws, _| {
            okort_store::write_file(&path, ws.export_venues_csv()?)?;
            Ok(())
        })
    }
}

job_commands! {
    /// Imports a CSV file the UI read; refused whole with every bad row listed.
    pub fn import_venues_csv(state, job, data: String) -> ApiResult<ImportReport> {
        let bytes = decode_upload(&data, super::MAX_UPLOAD_MB, state.lang())?;
        super::import_job(state, job, Action::ManageVenues, |ws, actor| ws.import_venues_csv(actor, &bytes))
    }
}
