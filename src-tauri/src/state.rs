//! What the app keeps between commands: the open workspace, the UI language and the settings
//! file that remembers both across starts.

use crate::error::{ApiError, ApiResult, ErrorCode};
use okort_core::{Action, Actor, Lang};
use okort_store::{StoreError, Workspace};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// A workspace just opened, after the retention sweep: holders past the program's retention
/// are anonymised before anyone reads them. A sweep that fails does not keep the workspace
/// from opening; it is tried again at the next opening.
fn swept(ws: Workspace) -> Workspace {
    let today = chrono::Local::now().date_naive();
    if let Err(e) = ws.privacy_sweep(&Actor::command_line(), today) {
        eprintln!("the retention sweep did not run: {e}");
    }
    ws
}

/// The workspace at `path` at start: one named by `OKORT_WORKSPACE` or the default file is
/// made if missing; the one remembered from the last time (`remembered`) must be there.
fn open_at_start(path: &Path, remembered: bool, lang: Lang) -> Result<Option<Workspace>, ApiError> {
    if remembered && !path.exists() {
        return Err(ApiError::new(
            ErrorCode::NotFound,
            okort_core::i18n::Msg::WorkspaceUnreachable {
                path: path.display().to_string(),
            }
            .text(lang),
        ));
    }
    Workspace::start(path).map_err(|e| ApiError::from_store(e, lang))
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Settings {
    last_workspace: Option<PathBuf>,
    lang: Option<Lang>,
}

pub struct AppState {
    /// The workspace file the app is on.
    path: Mutex<PathBuf>,
    /// The open workspace: only while someone is logged in (or a new one is being set up);
    /// otherwise the file stays locked.
    workspace: Mutex<Option<Workspace>>,
    /// Who is logged in to the open workspace, and when they last did something; cleared when
    /// the workspace changes.
    session: Mutex<Option<(Actor, std::time::Instant)>>,
    /// Why the workspace of the last start could not be opened, shown on the first screen.
    startup_error: Mutex<Option<ApiError>>,
    lang: Mutex<Lang>,
    /// The long jobs running now (printing, imports, documents).
    jobs: crate::jobs::Jobs,
    data_dir: PathBuf,
    settings_file: PathBuf,
}

impl AppState {
    /// Opens the workspace named by `OKORT_WORKSPACE`, else the last one used, else the
    /// default file in the app's data folder (created on first start). A workspace that was
    /// used before and cannot be reached now (a network folder offline) is said so on the first
    /// screen, with retry and choose; no other file is opened or made in its place.
    pub fn start(data_dir: PathBuf, config_dir: PathBuf) -> Self {
        let settings_file = config_dir.join("settings.json");
        let settings: Settings = std::fs::read(&settings_file)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let lang = settings.lang.unwrap_or_default();
        let named = std::env::var_os("OKORT_WORKSPACE").map(PathBuf::from);
        let remembered = named.is_none() && settings.last_workspace.is_some();
        let path = named
            .or(settings.last_workspace)
            .unwrap_or_else(|| data_dir.join("opplevelseskort.okort"));
        let (workspace, startup_error) = match open_at_start(&path, remembered, lang) {
            Ok(ws) => (ws, None),
            Err(e) => (None, Some(e)),
        };
        AppState {
            path: Mutex::new(path),
            workspace: Mutex::new(workspace),
            session: Mutex::new(None),
            startup_error: Mutex::new(startup_error),
            lang: Mutex::new(lang),
            jobs: crate::jobs::Jobs::default(),
            data_dir,
            settings_file,
        }
    }

    /// An app state on `path` alone, for tests of the command layer.
    #[cfg(test)]
    pub fn for_tests(path: &Path, dir: &Path) -> Self {
        AppState {
            path: Mutex::new(path.to_path_buf()),
            workspace: Mutex::new(Workspace::start(path).expect("workspace")),
            session: Mutex::new(None),
            startup_error: Mutex::new(None),
            lang: Mutex::new(Lang::Nb),
            jobs: crate::jobs::Jobs::default(),
            data_dir: dir.to_path_buf(),
            settings_file: dir.join("settings.json"),
        }
    }

    pub fn session(&self) -> Option<Actor> {
        self.session
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map(|(actor, _)| actor.clone())
    }

    pub fn set_session(&self, actor: Option<Actor>) {
        *self.session.lock().unwrap_or_else(|e| e.into_inner()) =
            actor.map(|a| (a, std::time::Instant::now()));
    }

    /// The workspace file the app is on.
    pub fn path(&self) -> PathBuf {
        self.path.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Whether a workspace is open (someone logged in, or a new one being set up).
    pub fn is_open(&self) -> bool {
        self.workspace
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .is_some()
    }

    /// Logs in: opens the file with the user's keys (converting one from before encryption)
    /// and runs the retention sweep.
    pub fn unlock(
        &self,
        open: impl FnOnce(&Path) -> Result<(Workspace, Actor), StoreError>,
    ) -> ApiResult<()> {
        let lang = self.lang();
        let path = self.path();
        // The file is closed while it is opened anew (it may be replaced by a conversion).
        *self.workspace.lock().unwrap_or_else(|e| e.into_inner()) = None;
        let (ws, actor) = open(&path).map_err(|e| ApiError::from_store(e, lang))?;
        *self.workspace.lock().unwrap_or_else(|e| e.into_inner()) = Some(swept(ws));
        self.set_session(Some(actor));
        Ok(())
    }

    /// Logs out: the session ends and the file is closed, its keys dropped from memory.
    pub fn lock(&self) {
        self.set_session(None);
        let mut guard = self.workspace.lock().unwrap_or_else(|e| e.into_inner());
        // A new workspace being set up (no users yet) stays open: closing it would lose it.
        if guard
            .as_ref()
            .is_some_and(|ws| ws.has_users().unwrap_or(true))
        {
            *guard = None;
        }
    }

    /// Makes the session look idle for `by` (tests of the idle logout).
    #[cfg(test)]
    pub fn age_session(&self, by: std::time::Duration) {
        if let Some((_, at)) = self
            .session
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
        {
            *at = at.checked_sub(by).unwrap_or(*at);
        }
    }

    /// How long the session has stood idle.
    fn idle(&self) -> std::time::Duration {
        self.session
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map_or(std::time::Duration::ZERO, |(_, at)| at.elapsed())
    }

    /// Marks the session as used now.
    fn touch(&self) {
        if let Some((_, at)) = self
            .session
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_mut()
        {
            *at = std::time::Instant::now();
        }
    }

    /// Ends the session with `problem` as the reason the user reads.
    fn end_session(&self, problem: okort_core::i18n::Problem) -> ApiError {
        self.lock();
        let message = okort_core::i18n::sentence(&problem.message(self.lang()));
        ApiError::new(ErrorCode::NotLoggedIn, message)
    }

    /// Runs `f` for the logged-in user, after checking that the role may do `action`.
    pub fn act<T>(
        &self,
        action: Action,
        f: impl FnOnce(&mut Workspace, &Actor) -> Result<T, StoreError>,
    ) -> ApiResult<T> {
        let lang = self.lang();
        let actor = self.session().ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotLoggedIn,
                okort_core::i18n::Msg::NotLoggedIn.text(lang),
            )
        })?;
        // A deactivated or changed user's session ends; a venue desk idle longer than the
        // program allows is logged out.
        let idle_limit = self.with(|ws| {
            ws.session_check(&actor)?;
            Ok(ws.program()?.desk_idle_minutes)
        });
        match idle_limit {
            Err(e) if e.code == ErrorCode::Refused => {
                return Err(self.end_session(okort_core::i18n::Problem::SessionEnded));
            }
            Err(e) => return Err(e),
            Ok(minutes) => {
                let limit = std::time::Duration::from_secs(u64::from(minutes) * 60);
                if actor.role == okort_core::Role::Venue && self.idle() > limit {
                    return Err(self.end_session(okort_core::i18n::Problem::SessionIdle));
                }
            }
        }
        self.touch();
        if !actor.may(action) {
            return Err(ApiError::from_store(StoreError::Denied(actor.role), lang));
        }
        self.with(|ws| f(ws, &actor))
    }

    pub fn jobs(&self) -> &crate::jobs::Jobs {
        &self.jobs
    }

    pub fn lang(&self) -> Lang {
        *self.lang.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn set_lang(&self, lang: Lang) {
        *self.lang.lock().unwrap_or_else(|e| e.into_inner()) = lang;
        self.save_settings();
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Tries the workspace of the start again (the network folder is back).
    pub fn retry(&self) -> ApiResult<()> {
        let path = self.path();
        let ws = open_at_start(&path, true, self.lang())?;
        *self.workspace.lock().unwrap_or_else(|e| e.into_inner()) = ws;
        *self.startup_error.lock().unwrap_or_else(|e| e.into_inner()) = None;
        Ok(())
    }

    pub fn take_startup_error(&self) -> Option<ApiError> {
        self.startup_error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take()
    }

    /// Runs `f` on the open workspace, turning store errors into UI errors.
    pub fn with<T>(&self, f: impl FnOnce(&mut Workspace) -> Result<T, StoreError>) -> ApiResult<T> {
        let lang = self.lang();
        let mut guard = self.workspace.lock().unwrap_or_else(|e| e.into_inner());
        let ws = guard.as_mut().ok_or_else(|| ApiError::no_workspace(lang))?;
        f(ws).map_err(|e| ApiError::from_store(e, lang))
    }

    /// Moves to the workspace file at `path`: the one open now is closed; `open` returns the
    /// new one when it is new (to be set up), `None` when it stays locked until a login.
    pub fn switch(
        &self,
        path: &Path,
        open: impl FnOnce() -> Result<Option<Workspace>, StoreError>,
    ) -> ApiResult<()> {
        let lang = self.lang();
        let ws = open().map_err(|e| ApiError::from_store(e, lang))?;
        *self.workspace.lock().unwrap_or_else(|e| e.into_inner()) = ws;
        *self.path.lock().unwrap_or_else(|e| e.into_inner()) = path.to_path_buf();
        self.set_session(None);
        self.save_settings();
        Ok(())
    }

    fn save_settings(&self) {
        let last_workspace = Some(self.path());
        let settings = Settings {
            last_workspace,
            lang: Some(self.lang()),
        };
        if let Some(dir) = self.settings_file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(json) = serde_json::to_vec_pretty(&settings) {
            // Losing the settings only costs the user a re-pick of language and file.
            let _ = std::fs::write(&self.settings_file, json);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_last_workspace_out_of_reach_is_said_and_retried_never_replaced() {
        let dir = tempfile::tempdir().expect("dir");
        let share = dir.path().join("share").join("program.okort");
        let config = dir.path().join("config");
        std::fs::create_dir_all(&config).expect("config");
        std::fs::write(
            config.join("settings.json"),
            serde_json::json!({ "lastWorkspace": share }).to_string(),
        )
        .expect("settings");
        let state = AppState::start(dir.path().join("data"), config);
        let err = state.take_startup_error().expect("said");
        assert!(
            err.message.contains("Finner ikke arbeidsfilen"),
            "{}",
            err.message
        );
        assert!(!share.exists(), "nothing made in its place");
        assert!(!dir
            .path()
            .join("data")
            .join("opplevelseskort.okort")
            .exists());
        assert!(state.retry().is_err(), "still out of reach");
        // The share is back.
        std::fs::create_dir_all(share.parent().expect("dir")).expect("dir");
        drop(okort_store::demo::create(&share).expect("demo"));
        state.retry().expect("reached");
        assert_eq!(state.path(), share);
    }
}
