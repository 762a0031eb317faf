//! Logging in and out, the first administrator, users, and the audit log.

use super::commands;
use crate::error::ApiResult;
use crate::state::AppState;
use okort_core::{Action, Actor, Role};
use okort_store::{
    AuditCheck, AuditEntry, AuditQuery, RecoveryRole, StoreError, User, UserInput, Workspace,
};
use serde::Serialize;
use ts_rs::TS;

/// Who is logged in, and what the login screen should offer.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    /// False on a new workspace: the first screen creates the administrator.
    pub has_users: bool,
    pub user: Option<SessionUser>,
    /// The demo program: the login screen shows its logins.
    pub is_demo: bool,
    /// Recovery keys were made (set-up, conversion, renewal) and wait to be saved as a sheet.
    pub recovery_pending: bool,
    /// Where the unencrypted file was kept when this login encrypted a workspace from before.
    pub converted_from: Option<String>,
    /// Whether this desk may change the workspace, or another desk holds it.
    pub desk: crate::state::DeskStatus,
}

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionUser {
    pub user_id: i64,
    pub username: String,
    pub role: Role,
    pub venue_id: Option<i64>,
    pub venue_name: Option<String>,
}

fn describe(ws: &Workspace, actor: Option<&Actor>) -> Result<SessionInfo, StoreError> {
    let user = match actor {
        Some(a) => {
            let u = ws.user(a.user_id)?;
            let venue_name = a.venue_id.map(|v| ws.venue(v)).transpose()?.map(|v| v.name);
            Some(SessionUser {
                user_id: u.id,
                username: u.username,
                role: u.role,
                venue_id: u.venue_id,
                venue_name,
            })
        }
        None => None,
    };
    Ok(SessionInfo {
        has_users: ws.has_users()?,
        user,
        is_demo: Workspace::peek(ws.path()).is_ok_and(|p| p.is_demo),
        recovery_pending: ws.recovery_pending(),
        converted_from: ws.converted_from().map(|p| p.display().to_string()),
        desk: Default::default(),
    })
}

fn session_of(state: &AppState) -> ApiResult<SessionInfo> {
    let actor = state.session();
    // A venue kit has its own desk login (`kit_login`); no workspace user is there.
    if okort_store::kit::is_kit(&state.path()) {
        return Ok(SessionInfo {
            has_users: true,
            user: None,
            is_demo: false,
            recovery_pending: false,
            converted_from: None,
            desk: Default::default(),
        });
    }
    if !state.is_open() {
        let peek = Workspace::peek(&state.path())
            .map_err(|e| crate::error::ApiError::from_store(e, state.lang()))?;
        return Ok(SessionInfo {
            has_users: peek.has_users,
            user: None,
            is_demo: peek.is_demo,
            recovery_pending: false,
            converted_from: None,
            desk: Default::default(),
        });
    }
    let mut info = state.with(|ws| describe(ws, actor.as_ref()))?;
    info.desk = state.desk_status();
    Ok(info)
}

commands! {
    pub fn session_info(state) -> ApiResult<SessionInfo> {
        session_of(state)
    }

    /// On a workspace without users: creates the administrator and logs them in.
    pub fn create_first_admin(state, username: String, password: String) -> ApiResult<SessionInfo> {
        let actor = state.with(|ws| ws.create_first_admin(&username, &password))?;
        state.set_session(Some(actor));
        state.reclaim_desk(false)?;
        session_of(state)
    }

    /// Opens the workspace with the user's password (encrypting one from before encryption).
    pub fn login(state, username: String, password: String) -> ApiResult<SessionInfo> {
        state.unlock(|path| Workspace::unlock(path, &username, &password))?;
        session_of(state)
    }

    /// With a recovery key: gives `username` of that side a new password (creating the user
    /// if needed) and logs them in.
    pub fn recover(
        state,
        role: RecoveryRole,
        key: String,
        username: String,
        password: String,
    ) -> ApiResult<SessionInfo> {
        state.unlock(|path| Workspace::recover(path, role, &key, &username, &password))?;
        session_of(state)
    }

    /// Saves the pending recovery keys as the recovery sheet (PDF) at `path`.
    pub fn save_recovery_sheet(state, path: std::path::PathBuf) -> ApiResult<SessionInfo> {
        let lang = state.lang();
        state.with(|ws| {
            let pdf = okort_documents::recovery_sheet(ws, lang)?;
            okort_store::write_file(&path, pdf)?;
            ws.take_recovery();
            Ok(())
        })?;
        session_of(state)
    }

    /// A new recovery key for the user's side (the old one stops working), to be saved.
    pub fn renew_recovery(state) -> ApiResult<SessionInfo> {
        state.act(Action::ManageUsers, |ws, actor| ws.renew_recovery(actor))?;
        session_of(state)
    }

    /// Tries again to take the workspace another desk held, or with `take_over` takes over a
    /// lock its holder has not renewed for two minutes. A live lock is never taken over.
    pub fn reclaim_desk(state, take_over: bool) -> ApiResult<SessionInfo> {
        state.reclaim_desk(take_over)?;
        session_of(state)
    }

    pub fn logout(state) -> ApiResult<SessionInfo> {
        state.lock();
        session_of(state)
    }

    pub fn list_users(state) -> ApiResult<Vec<User>> {
        state.act(Action::ManageUsers, |ws, actor| ws.list_users(actor))
    }

    pub fn save_user(state, input: UserInput) -> ApiResult<User> {
        state.act(Action::ManageUsers, |ws, actor| ws.save_user(actor, input))
    }

    /// Every user's name, to filter the audit log by.
    pub fn audit_users(state) -> ApiResult<Vec<User>> {
        state.act(Action::ReadAudit, |ws, actor| ws.audit_users(actor))
    }

    /// The newest 500 entries.
    /// The audit log as sentences in the UI language, filtered by user, kind and period.
    pub fn audit_log(state, query: AuditQuery) -> ApiResult<Vec<AuditEntry>> {
        let lang = state.lang();
        state.act(Action::ReadAudit, |ws, actor| ws.audit_log(actor, &query, lang))
    }

    /// Whether the audit log is whole: no entry changed or removed since it was written.
    pub fn audit_verify(state) -> ApiResult<AuditCheck> {
        state.act(Action::ReadAudit, |ws, actor| ws.verify_audit(actor))
    }
}
