//! NAV's holder register, a holder's access request and erasure on request; the culture
//! office sees summaries.

use super::{commands, decode_upload, job_commands, open_in_viewer, today};
use crate::error::{ApiError, ApiResult, ImportPreviewView};
use okort_core::{Action, Holder, HolderInput, HolderSummary};
use okort_store::HolderImportReport;
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// A language families may prefer for information (ISO 639), with its name in that language
/// and in the UI's three languages.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LanguageOption {
    pub code: String,
    /// The name in the language itself (the English name where none is known).
    pub name: String,
    pub nb: String,
    pub nn: String,
    pub en: String,
}

commands! {
    /// What importing NAV's CSV or .xlsx of holders would do (new, changed with the fields,
    /// unchanged, refused rows); nothing is saved.
    pub fn preview_holders_import(state, data: String) -> ApiResult<ImportPreviewView> {
        let lang = state.lang();
        let bytes = decode_upload(&data, super::MAX_UPLOAD_MB, lang)?;
        state.act(Action::ManageHolders, |ws, actor| {
            ws.preview_holders_import(actor, &bytes, today())
                .map(|p| ImportPreviewView::new(p, lang))
        })
    }

    pub fn list_languages(state) -> ApiResult<Vec<LanguageOption>> {
        let _ = state;
        Ok(okort_core::languages::ALL
            .iter()
            .map(|l| LanguageOption {
                code: l.code.into(),
                name: l.own.into(),
                nb: l.nb.into(),
                nn: l.nn.into(),
                en: l.en.into(),
            })
            .collect())
    }

    pub fn list_holders(state) -> ApiResult<Vec<Holder>> {
        state.act(Action::ManageHolders, |ws, actor| ws.list_holders(actor))
    }

    pub fn holder_summaries(state) -> ApiResult<Vec<HolderSummary>> {
        state.act(Action::ReadHolderSummaries, |ws, actor| ws.holder_summaries(actor))
    }

    /// Holders with the same name and birth date, to show before saving.
    pub fn possible_duplicates(state, input: HolderInput) -> ApiResult<Vec<HolderSummary>> {
        state.act(Action::ManageHolders, |ws, actor| ws.possible_duplicates(actor, input))
    }

    pub fn save_holder(state, input: HolderInput) -> ApiResult<Holder> {
        state.act(Action::ManageHolders, |ws, actor| ws.save_holder(actor, input, today()))
    }

    /// Everything held about one holder, as JSON at `path`, for their access request (GDPR
    /// art. 15): NAV's job, logged.
    pub fn export_holder(state, holder_id: i64, path: PathBuf) -> ApiResult<()> {
        state.act(Action::ManageHolders, |ws, actor| {
            let export = ws.holder_export(actor, holder_id)?;
            let json = serde_json::to_vec_pretty(&export)
                .map_err(|e| okort_store::StoreError::Csv(e.to_string()))?;
            okort_store::write_file(&path, json)
        })
    }

    /// Erases one holder on their request (GDPR art. 17): their cards in use are revoked and
    /// their personal data removed as the retention sweep does it, the visits kept for the
    /// statistics; NAV's job, logged without a name. Returns how many cards were blocked.
    pub fn erase_holder(state, holder_id: i64) -> ApiResult<u32> {
        state.act(Action::ManageHolders, |ws, actor| ws.erase_holder(actor, holder_id, today()))
    }

    pub fn export_holders_csv(state, path: PathBuf) -> ApiResult<()> {
        state.act(Action::ReadHolderSummaries, |ws, actor| {
            okort_store::write_file(&path, ws.export_holders_csv(actor)?)?;
            Ok(())
        })
    }
}

job_commands! {
    /// Everything held about one holder as a PDF at `path`, for their access request (GDPR
    /// art. 15), opened to print: NAV's job, logged as the JSON export is. The workspace is
    /// read, then left free while the PDF is written.
    pub fn print_holder_access(state, job, holder_id: i64, path: PathBuf) -> ApiResult<()> {
        let lang = state.lang();
        let doc = state.act(Action::ManageHolders, |ws, actor| {
            Ok(okort_documents::read_holder_access(ws, actor, holder_id, today(), lang)?)
        })?;
        job.progress(0, 1);
        let pdf = doc.pdf().map_err(|e| ApiError::from_doc(e, lang))?;
        job.go_on(lang)?;
        okort_store::write_file(&path, &pdf).map_err(|e| ApiError::from_store(e, lang))?;
        job.progress(1, 1);
        open_in_viewer(&path);
        Ok(())
    }

    /// Imports NAV's CSV of holders as the preview showed it; refused whole with every bad row
    /// listed.
    pub fn import_holders_csv(state, job, data: String) -> ApiResult<HolderImportReport> {
        let bytes = decode_upload(&data, super::MAX_UPLOAD_MB, state.lang())?;
        super::import_job(state, job, Action::ManageHolders, |ws, actor| {
            ws.import_holders_csv(actor, &bytes, today())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::session;
    use crate::error::ErrorCode;
    use crate::state::AppState;
    use okort_store::demo;

    fn logged_in(user: &str) -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("demo.okort");
        drop(demo::create(&path).expect("demo"));
        let state = AppState::for_tests(&path, dir.path());
        session::login(&state, user.into(), demo::DEMO_PASSWORD.into()).expect("login");
        (dir, state)
    }

    #[test]
    fn nav_prints_a_holders_access_request_then_erases_the_holder_on_request() {
        let (dir, state) = logged_in("nav");
        let holder = list_holders(&state).expect("holders")[0].clone();
        let out = dir.path().join("innsyn.pdf");
        let job = state.jobs().start(|_| {});
        print_holder_access(&state, &job, holder.id, out.clone()).expect("pdf");
        assert!(std::fs::read(&out).expect("pdf").starts_with(b"%PDF"));

        let blocked = erase_holder(&state, holder.id).expect("erase");
        assert!(blocked > 0, "the holder's cards in use are blocked");
        let after = list_holders(&state).expect("holders");
        let erased = after.iter().find(|h| h.id == holder.id).expect("kept");
        assert_eq!(erased.first_name, "–");
        let again = erase_holder(&state, holder.id).expect_err("already");
        assert_eq!(again.code, ErrorCode::Refused);
        assert!(
            again.message.contains("allerede anonymisert"),
            "{}",
            again.message
        );
    }

    #[test]
    fn the_culture_office_can_neither_print_an_access_request_nor_erase_a_holder() {
        let (dir, state) = logged_in("kultur");
        let out = dir.path().join("innsyn.pdf");
        let job = state.jobs().start(|_| {});
        let err = print_holder_access(&state, &job, 1, out.clone()).expect_err("NAV's");
        assert_eq!(err.code, ErrorCode::Denied);
        assert!(!out.exists());
        assert_eq!(
            erase_holder(&state, 1).expect_err("NAV's").code,
            ErrorCode::Denied
        );
    }
}
