//! Workspaces (File → New, Open, demo) and the UI language. These need no login (the file's
//! own users then decide who sees what), but a NAV or venue desk may not switch the file.

use super::commands;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use okort_core::Lang;
use okort_store::{demo, StoreError, Workspace};
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

/// Which workspace is open and whether it still needs setting up.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceInfo {
    pub path: String,
    pub is_new: bool,
    /// Known once the file is open (after a login); a locked file tells nothing.
    pub schema_version: Option<u32>,
}

fn info(state: &AppState) -> ApiResult<WorkspaceInfo> {
    let path = state.path();
    if state.is_open() {
        return state.with(|ws| {
            Ok(WorkspaceInfo {
                path: path.display().to_string(),
                is_new: ws.is_new()?,
                schema_version: Some(ws.schema_version()?),
            })
        });
    }
    let peek = Workspace::peek(&path).map_err(|e| ApiError::from_store(e, state.lang()))?;
    Ok(WorkspaceInfo {
        path: path.display().to_string(),
        is_new: !peek.has_users,
        schema_version: None,
    })
}

/// Only the culture office's administrator, or someone not logged in (to replace a workspace
/// that cannot be opened), may change which workspace the app has open: a NAV or venue desk
/// must not close the program's file under the office.
fn may_switch(state: &AppState) -> ApiResult<()> {
    match state.session() {
        Some(actor) if actor.role != okort_core::Role::Admin => Err(ApiError::from_store(
            okort_store::StoreError::Denied(actor.role),
            state.lang(),
        )),
        _ => Ok(()),
    }
}

commands! {
    pub fn workspace_info(state) -> ApiResult<WorkspaceInfo> {
        if let Some(e) = state.take_startup_error() {
            return Err(e);
        }
        info(state)
    }

    /// Tries the workspace that could not be reached at start again.
    pub fn workspace_retry(state) -> ApiResult<WorkspaceInfo> {
        state.retry()?;
        info(state)
    }

    pub fn workspace_new(state, path: PathBuf) -> ApiResult<WorkspaceInfo> {
        may_switch(state)?;
        state.switch(&path, || Workspace::create(&path).map(Some))?;
        info(state)
    }

    pub fn workspace_open(state, path: PathBuf) -> ApiResult<WorkspaceInfo> {
        may_switch(state)?;
        state.switch(&path, || match okort_store::file_kind(&path) {
            okort_store::FileKind::Missing => Err(StoreError::NotFound(path.clone())),
            _ => Workspace::start(&path),
        })?;
        info(state)
    }

    /// Opens the demo program, creating it in the app's data folder the first time.
    pub fn workspace_open_demo(state) -> ApiResult<WorkspaceInfo> {
        may_switch(state)?;
        let path = state.data_dir().join("eksempel-kommune-demo.okort");
        // Made the first time; then, like any workspace, opened by a login (the demo logins
        // are on the login screen).
        state.switch(&path, || {
            if !path.exists() {
                demo::create(&path)?;
            }
            Workspace::start(&path)
        })?;
        info(state)
    }

    pub fn get_language(state) -> ApiResult<Lang> {
        Ok(state.lang())
    }

    pub fn set_language(state, lang: Lang) -> ApiResult<()> {
        state.set_lang(lang);
        Ok(())
    }
}
