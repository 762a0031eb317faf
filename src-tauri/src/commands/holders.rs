//! NAV's holder register; the culture office sees summaries.

use super::{commands, decode_upload, job_commands, today};
use crate::error::ApiResult;
use okort_core::{Action, Holder, HolderInput, HolderSummary};
use okort_store::HolderImportReport;
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// A language families may prefer for information, with its name in that language.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LanguageOption {
    pub code: String,
    pub name: String,
}

commands! {
    pub fn list_languages(state) -> ApiResult<Vec<LanguageOption>> {
        let _ = state;
        Ok(okort_core::holder::LANGUAGES
            .iter()
            .map(|(code, name)| LanguageOption { code: (*code).into(), name: (*name).into() })
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

    pub fn export_holders_csv(state, path: PathBuf) -> ApiResult<()> {
        state.act(Action::ReadHolderSummaries, |ws, actor| {
            okort_store::write_file(&path, ws.export_holders_csv(actor)?)?;
            Ok(())
        })
    }
}

job_commands! {
    /// Imports NAV's CSV of holders; refused whole with every bad row listed.
    pub fn import_holders_csv(state, job, data: String) -> ApiResult<HolderImportReport> {
        let bytes = decode_upload(&data)?;
        super::import_job(state, job, Action::ManageHolders, |ws, actor| {
            ws.import_holders_csv(actor, &bytes, today())
        })
    }
}
