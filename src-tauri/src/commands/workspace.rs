//! Workspaces (File → New, Open, demo, Save a copy, Restore from backup) and the UI language.
//! Switching files needs no login (the file's own users then decide who sees what), but a NAV
//! or venue desk may not switch the file; copies and restores are the culture office's.

use super::commands;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use okort_core::{Action, Lang};
use okort_store::{demo, StoreError, Workspace};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The app's version, and the build it is.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppVersion {
    pub version: String,
    /// The commit it was built from and its date ("3f2a9c1e04 2026-12-02").
    pub build: String,
}

/// Which workspace is open and whether it still needs setting up.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceInfo {
    pub path: String,
    pub is_new: bool,
    /// Known once the file is open (after a login); a locked file tells nothing.
    pub schema_version: Option<u32>,
    /// The file is a venue kit: the app is a venue's desk on it.
    pub kit: Option<okort_store::kit::KitInfo>,
}

/// One of the automatic backups in the workspace's backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub path: String,
    pub file_name: String,
    /// When the copy was made, RFC 3339 with the local offset.
    pub modified: String,
}

/// The time in an automatic backup's name (`NAME-YYYYMMDD-HHMMSS….okort`, local time): when the
/// copy was made, even if the file was written since (a failed login is recorded in the file).
fn stamp_in_name(name: &str) -> Option<chrono::DateTime<chrono::Local>> {
    use chrono::TimeZone;
    let bytes = name.as_bytes();
    let stamp = (0..=bytes.len().saturating_sub(15)).rev().find_map(|i| {
        let window = name.get(i..i + 15)?;
        let shaped = window.bytes().enumerate().all(|(j, b)| match j {
            8 => b == b'-',
            _ => b.is_ascii_digit(),
        });
        let bounded = i > 0 && bytes[i - 1] == b'-';
        (shaped && bounded)
            .then(|| chrono::NaiveDateTime::parse_from_str(window, "%Y%m%d-%H%M%S").ok())
            .flatten()
    })?;
    chrono::Local.from_local_datetime(&stamp).earliest()
}

fn backup_file(path: &Path) -> Option<BackupFile> {
    let file_name = path.file_name()?.to_string_lossy().into_owned();
    let made = match stamp_in_name(&file_name) {
        Some(at) => at,
        None => std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()?
            .into(),
    };
    Some(BackupFile {
        path: path.display().to_string(),
        modified: made.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        file_name,
    })
}

fn info(state: &AppState) -> ApiResult<WorkspaceInfo> {
    let path = state.path();
    if okort_store::kit::is_kit(&path) {
        let kit = okort_store::kit::Kit::peek(&path)
            .map_err(|e| ApiError::from_store(e, state.lang()))?;
        return Ok(WorkspaceInfo {
            path: path.display().to_string(),
            is_new: false,
            schema_version: None,
            kit: Some(kit),
        });
    }
    if state.is_open() {
        return state.with(|ws| {
            Ok(WorkspaceInfo {
                path: path.display().to_string(),
                is_new: ws.is_new()?,
                schema_version: Some(ws.schema_version()?),
                kit: None,
            })
        });
    }
    let peek = Workspace::peek(&path).map_err(|e| ApiError::from_store(e, state.lang()))?;
    Ok(WorkspaceInfo {
        path: path.display().to_string(),
        is_new: !peek.has_users,
        schema_version: None,
        kit: None,
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
            // A venue kit: checked now, opened by its desk's login.
            _ if okort_store::kit::is_kit(&path) => okort_store::kit::Kit::peek(&path).map(|_| None),
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

    /// "Save a copy…": the whole workspace as it is now, at `path` (never over a workspace).
    pub fn workspace_backup(state, path: PathBuf) -> ApiResult<()> {
        state.act(Action::ManageProgram, |ws, actor| ws.backup_to(actor, &path))
    }

    /// The automatic backups beside the open workspace, newest first.
    pub fn workspace_backups(state) -> ApiResult<Vec<BackupFile>> {
        state.act(Action::ManageProgram, |ws, _| {
            Ok(okort_store::backup::list(ws.path())
                .iter()
                .filter_map(|p| backup_file(p))
                .collect())
        })
    }

    /// "Restore from backup…": puts the backup at `from` in place of the open workspace,
    /// confirmed with the logged-in administrator's password (the backup must open with it too).
    /// The workspace as it was is kept in the backups folder; the session goes on in the
    /// restored one.
    pub fn workspace_restore(state, from: PathBuf, password: String) -> ApiResult<WorkspaceInfo> {
        // Checked against the open file first: a mistyped password leaves everything open as
        // it was (the restore closes the file before it opens the backup).
        let username = state.act(Action::ManageProgram, |ws, actor| {
            let username = ws.user(actor.user_id)?.username;
            ws.login(&username, &password)?;
            Ok(username)
        })?;
        let restored = state.unlock(|path| Workspace::restore(path, &from, &username, &password));
        if let Err(refused) = restored {
            // The backup was refused (another password in it, damaged, not a workspace) and the
            // file was left as it was: it opens again with the same login, so the session goes on.
            if state
                .unlock(|path| Workspace::unlock(path, &username, &password))
                .is_err()
            {
                state.lock();
            }
            return Err(refused);
        }
        info(state)
    }

    /// The automatic backups of the workspace, for the login screen when the workspace cannot
    /// be opened: only names and times, newest first.
    pub fn backups_at_login(state) -> ApiResult<Vec<BackupFile>> {
        Ok(okort_store::backup::list(&state.path())
            .iter()
            .filter_map(|p| backup_file(p))
            .collect())
    }

    /// "Restore from backup…" on the login screen, for a workspace that cannot be opened
    /// (damaged, or its envelope gone): the backup at `from` goes in its place if it opens with
    /// this administrator's password, and the administrator is logged in to it. A workspace
    /// that opens is not replaced from here by a wrong password: the login refusal is said.
    pub fn restore_at_login(
        state,
        from: PathBuf,
        username: String,
        password: String,
    ) -> ApiResult<crate::commands::session::SessionInfo> {
        let lang = state.lang();
        let path = state.path();
        match Workspace::unlock(&path, &username, &password) {
            Ok((_, actor)) if !actor.may(Action::ManageProgram) => {
                return Err(ApiError::from_store(okort_store::StoreError::Denied(actor.role), lang));
            }
            Err(e @ okort_store::StoreError::Refused(
                okort_core::i18n::Problem::LoginFailed | okort_core::i18n::Problem::LoginLocked { .. },
            )) => return Err(ApiError::from_store(e, lang)),
            // It opens with an administrator's login, or it is damaged: the backup decides.
            _ => {}
        }
        state.unlock(|path| Workspace::restore(path, &from, &username, &password))?;
        crate::commands::session::session_info(state)
    }

    /// The app's version and build, for About.
    pub fn app_version(state) -> ApiResult<AppVersion> {
        let _ = state;
        Ok(AppVersion {
            version: env!("CARGO_PKG_VERSION").to_string(),
            build: env!("OKORT_BUILD").to_string(),
        })
    }

    pub fn get_language(state) -> ApiResult<Lang> {
        Ok(state.lang())
    }

    pub fn set_language(state, lang: Lang) -> ApiResult<()> {
        state.set_lang(lang);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::{program, session};
    use crate::error::ErrorCode;
    use okort_store::demo;

    fn logged_in(user: &str) -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("demo.okort");
        drop(demo::create(&path).expect("demo"));
        let state = AppState::for_tests(&path, dir.path());
        session::login(&state, user.into(), demo::DEMO_PASSWORD.into()).expect("login");
        (dir, state)
    }

    fn year_numbers(state: &AppState) -> Vec<i32> {
        let years = program::list_years(state).expect("years");
        years.iter().map(|y| y.year).collect()
    }

    fn add_year(state: &AppState, year: i32) {
        let input = okort_core::ProgramYearInput::new_for(year).expect("year");
        program::save_year(state, input).expect("save year");
    }

    #[test]
    fn a_saved_copy_restored_brings_back_the_workspace_as_it_was_and_the_session_goes_on() {
        let (dir, state) = logged_in("kultur");
        let before = year_numbers(&state);
        let copy = dir.path().join("kopi.okort");
        workspace_backup(&state, copy.clone()).expect("copy");
        add_year(&state, 2030);
        assert!(year_numbers(&state).contains(&2030));

        let info = workspace_restore(&state, copy, demo::DEMO_PASSWORD.into()).expect("restore");

        assert_eq!(info.path, state.path().display().to_string());
        assert_eq!(
            year_numbers(&state),
            before,
            "the year added after the copy is gone"
        );
        assert!(state.session().is_some(), "still logged in");
        let kept = workspace_backups(&state).expect("backups");
        assert!(
            kept.iter().any(|b| b.file_name.contains("before-restore")),
            "the workspace as it was is kept: {kept:?}"
        );
    }

    #[test]
    fn the_automatic_backups_are_listed_newest_first_with_their_time_and_restore_from_the_list() {
        let (_dir, state) = logged_in("kultur");
        let first = workspace_backups(&state).expect("backups");
        assert_eq!(
            first.len(),
            1,
            "the first login of the day keeps a copy: {first:?}"
        );
        assert!(
            chrono::DateTime::parse_from_rfc3339(&first[0].modified).is_ok(),
            "{}",
            first[0].modified
        );
        add_year(&state, 2030);
        let from = PathBuf::from(&first[0].path);
        workspace_restore(&state, from, demo::DEMO_PASSWORD.into()).expect("restore");
        assert!(!year_numbers(&state).contains(&2030));

        let after = workspace_backups(&state).expect("backups");
        assert_eq!(after.len(), 2, "{after:?}");
        let mut names: Vec<_> = after.iter().map(|b| b.file_name.clone()).collect();
        names.sort();
        names.reverse();
        assert_eq!(
            after.iter().map(|b| &b.file_name).collect::<Vec<_>>(),
            names.iter().collect::<Vec<_>>(),
            "newest first"
        );
    }

    #[test]
    fn a_backups_time_is_read_from_its_name_and_a_name_without_one_has_none() {
        let at = |name: &str| stamp_in_name(name).map(|t| t.format("%F %T").to_string());
        assert_eq!(
            at("demo-20261202-060342.okort").as_deref(),
            Some("2026-12-02 06:03:42")
        );
        assert_eq!(
            at("mitt-2026-program-20261202-060342-before-restore.okort").as_deref(),
            Some("2026-12-02 06:03:42")
        );
        assert_eq!(
            at("demo-20261202-060342-schema3.okort").as_deref(),
            Some("2026-12-02 06:03:42")
        );
        assert_eq!(at("kopi.okort"), None);
        assert_eq!(
            at("demo-20261399-060342.okort"),
            None,
            "no 99th of the 13th month"
        );
    }

    #[test]
    fn a_copy_is_never_written_over_a_workspace() {
        let (_dir, state) = logged_in("kultur");
        let err = workspace_backup(&state, state.path()).expect_err("over itself");
        assert_eq!(err.code, ErrorCode::Refused, "{}", err.message);
    }

    #[test]
    fn a_wrong_password_refuses_the_restore_and_leaves_the_workspace_open_as_it_was() {
        let (dir, state) = logged_in("kultur");
        let copy = dir.path().join("kopi.okort");
        workspace_backup(&state, copy.clone()).expect("copy");
        add_year(&state, 2030);

        let err = workspace_restore(&state, copy, "feil-passord".into()).expect_err("wrong");

        assert_eq!(err.code, ErrorCode::Refused, "{}", err.message);
        assert!(year_numbers(&state).contains(&2030), "nothing replaced");
        assert!(state.session().is_some());
    }

    #[test]
    fn a_backup_that_cannot_be_restored_is_refused_and_the_session_goes_on() {
        let (dir, state) = logged_in("kultur");
        add_year(&state, 2030);
        let not_a_workspace = dir.path().join("notater.okort");
        std::fs::write(&not_a_workspace, "ikke en arbeidsfil").expect("file");

        let err = workspace_restore(&state, not_a_workspace, demo::DEMO_PASSWORD.into())
            .expect_err("not a workspace");

        assert_eq!(err.code, ErrorCode::NotAWorkspace, "{}", err.message);
        assert!(
            year_numbers(&state).contains(&2030),
            "the workspace is open as it was"
        );
    }

    #[test]
    fn nav_and_a_venue_desk_may_neither_save_a_copy_see_the_backups_nor_restore() {
        for user in ["nav", "kino"] {
            let (dir, state) = logged_in(user);
            let copy = dir.path().join("kopi.okort");
            let err = workspace_backup(&state, copy.clone()).expect_err("copy");
            assert_eq!(err.code, ErrorCode::Denied, "{user}: {}", err.message);
            assert!(!copy.exists(), "{user}: no copy made");
            let err = workspace_backups(&state).expect_err("list");
            assert_eq!(err.code, ErrorCode::Denied, "{user}: {}", err.message);
            let auto = okort_store::backup::list(&state.path());
            let from = auto.first().expect("the login's automatic backup").clone();
            let err =
                workspace_restore(&state, from, demo::DEMO_PASSWORD.into()).expect_err("restore");
            assert_eq!(err.code, ErrorCode::Denied, "{user}: {}", err.message);
            assert!(state.session().is_some(), "{user}: still logged in");
        }
    }
}
