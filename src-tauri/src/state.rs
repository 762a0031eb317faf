//! What the app keeps between commands: the open workspace, the UI language and the settings
//! file that remembers both across starts.

use crate::error::{ApiError, ApiResult, ErrorCode};
use okort_core::{Action, Actor, Lang};
use okort_store::desk::{Claim, Desk, DeskHolder};
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
    // A venue kit is opened by its desk's login (`kit_login`), not as a workspace.
    if okort_store::kit::is_kit(path) {
        return Ok(None);
    }
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

/// This run's desk; without randomness (never seen) the app works without a lock.
fn desk() -> Option<Desk> {
    Desk::new().map_err(|e| eprintln!("no desk lock: {e}")).ok()
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
    /// This app run's claim on the workspace it has open (the lock file beside it).
    desk: Option<Desk>,
    /// Who else holds the open workspace (then it is read-only here), and whether their lock
    /// is stale; `None` while this desk holds it.
    held_by: Mutex<Option<(DeskHolder, bool)>>,
    /// A venue kit open at its desk (the app's file is a kit and its desk logged in).
    kit: Mutex<Option<okort_store::kit::Kit>>,
    /// This desk gave its lock up after standing idle; it takes it again at its next action.
    gave_up: std::sync::atomic::AtomicBool,
}

/// How long a desk holds the workspace without being used: then it gives the lock up, so a
/// desk left open over lunch does not keep the others reading only.
pub const IDLE_RELEASE: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Whether this desk may change the workspace, and if not who holds it.
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskStatus {
    pub read_only: bool,
    pub holder: Option<DeskHolder>,
    /// The holder has not been seen for two minutes: the lock may be taken over.
    pub stale: bool,
    /// The sentence the banner shows ("Opened by nav1 on NAV-PC-3 since 09:12. …").
    pub message: Option<String>,
}

/// The workspace the app was started on: the file it was given (a double-clicked `.okort`
/// file, or `opplevelseskort FILE`), else the one `OKORT_WORKSPACE` names.
pub fn named_workspace() -> Option<PathBuf> {
    std::env::args_os()
        .skip(1)
        .map(PathBuf::from)
        .find(|a| {
            a.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                e.eq_ignore_ascii_case("okort") || e.eq_ignore_ascii_case("okortkit")
            })
        })
        .or_else(|| std::env::var_os("OKORT_WORKSPACE").map(PathBuf::from))
}

impl AppState {
    /// Opens the workspace `named` (see [`named_workspace`]), else the last one used, else the
    /// default file in the app's data folder (created on first start). A workspace that was
    /// used before and cannot be reached now (a network folder offline) is said so on the first
    /// screen, with retry and choose; no other file is opened or made in its place.
    pub fn start(data_dir: PathBuf, config_dir: PathBuf, named: Option<PathBuf>) -> Self {
        let settings_file = config_dir.join("settings.json");
        let settings: Settings = std::fs::read(&settings_file)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        let lang = settings.lang.unwrap_or_default();
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
            desk: desk(),
            held_by: Mutex::new(None),
            kit: Mutex::new(None),
            gave_up: Default::default(),
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
            desk: desk(),
            held_by: Mutex::new(None),
            kit: Mutex::new(None),
            gave_up: Default::default(),
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
        let username = ws
            .user(actor.user_id)
            .map(|u| u.username)
            .unwrap_or_default();
        // Held by another desk: read-only, and no sweep (it writes).
        let ws = if self.claim_desk(&ws, &username, false).is_none() {
            swept(ws)
        } else {
            ws
        };
        *self.workspace.lock().unwrap_or_else(|e| e.into_inner()) = Some(ws);
        self.set_session(Some(actor));
        Ok(())
    }

    /// Claims the workspace for this desk (taking over a stale lock with `take_over`); when
    /// another desk holds it the connection becomes read-only. Returns the other holder, if any.
    fn claim_desk(
        &self,
        ws: &Workspace,
        username: &str,
        take_over: bool,
    ) -> Option<(DeskHolder, bool)> {
        let desk = self.desk.as_ref()?;
        let other = match desk.claim(ws.path(), username, take_over, chrono::Utc::now()) {
            Ok(Claim::Held) => None,
            Ok(Claim::Other { holder, stale }) => Some((holder, stale)),
            // A folder where no lock can be written (read-only media): work without one.
            Err(e) => {
                eprintln!("the desk lock could not be written: {e}");
                None
            }
        };
        self.settle_desk(ws, other)
    }

    /// Records who holds the workspace and makes the connection read-only if not this desk.
    fn settle_desk(
        &self,
        ws: &Workspace,
        other: Option<(DeskHolder, bool)>,
    ) -> Option<(DeskHolder, bool)> {
        if let Err(e) = ws.set_read_only(other.is_some()) {
            eprintln!("read-only could not be set: {e}");
        }
        *self.held_by.lock().unwrap_or_else(|e| e.into_inner()) = other.clone();
        other
    }

    /// Whether this desk may change the open workspace, and who holds it if not.
    pub fn desk_status(&self) -> DeskStatus {
        let lang = self.lang();
        let held_by = self
            .held_by
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        match held_by {
            None => DeskStatus::default(),
            Some((holder, stale)) => {
                let since = holder.since.with_timezone(&chrono::Local);
                let since = if since.date_naive() == chrono::Local::now().date_naive() {
                    since.format("%H:%M").to_string()
                } else {
                    since.format("%d.%m.%Y %H:%M").to_string()
                };
                let message = okort_core::i18n::Msg::DeskHeld {
                    username: holder.username.clone(),
                    computer: holder.computer.clone(),
                    since,
                }
                .text(lang);
                DeskStatus {
                    read_only: true,
                    holder: Some(holder),
                    stale,
                    message: Some(message),
                }
            }
        }
    }

    /// Tries to take the workspace again (the other desk may have closed it), or takes over a
    /// stale lock with `take_over`. A live lock is never taken over.
    pub fn reclaim_desk(&self, take_over: bool) -> ApiResult<DeskStatus> {
        let lang = self.lang();
        let actor = self.session().ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotLoggedIn,
                okort_core::i18n::Msg::NotLoggedIn.text(lang),
            )
        })?;
        self.with(|ws| {
            let username = ws.user(actor.user_id)?.username;
            self.claim_desk(ws, &username, take_over);
            Ok(())
        })?;
        Ok(self.desk_status())
    }

    /// Renews this desk's lock (every half minute while the app runs); finds out when another
    /// desk took over, and when a holder's lock went stale. True when the status changed.
    pub fn renew_desk(&self) -> bool {
        let Some(desk) = self.desk.as_ref() else {
            return false;
        };
        let before = self.desk_status();
        let Some(actor) = self.session() else {
            return false;
        };
        use std::sync::atomic::Ordering;
        if self.gave_up.load(Ordering::SeqCst) {
            // Given up while idle: if another desk has taken the workspace meanwhile, this one
            // reads only from now on, and the banner says who.
            let taken = Desk::holder(&self.path()).filter(|h| !desk.is_mine(h));
            let Some(holder) = taken else {
                return false;
            };
            self.gave_up.store(false, Ordering::SeqCst);
            let stale = holder.is_stale(chrono::Utc::now());
            let _ = self.with(|ws| {
                self.settle_desk(ws, Some((holder, stale)));
                Ok(())
            });
            return true;
        }
        if before.holder.is_none() && self.idle() > IDLE_RELEASE {
            // Idle: the lock goes, so another desk can work; taken again at the next action.
            desk.release(&self.path());
            self.gave_up.store(true, Ordering::SeqCst);
            return false;
        }
        let _ = self.with(|ws| {
            let now = chrono::Utc::now();
            let other = if let Some(was) = before.holder.clone() {
                // Read-only here: only see whether the holder is still there. A lock given up
                // counts as stale, so the user can take the workspace.
                match Desk::holder(ws.path()) {
                    Some(h) if !desk.is_mine(&h) => {
                        let stale = h.is_stale(now);
                        Some((h, stale))
                    }
                    _ => Some((was, true)),
                }
            } else {
                let username = ws.user(actor.user_id)?.username;
                match desk.renew(ws.path(), &username, now) {
                    Ok(Claim::Held) => None,
                    Ok(Claim::Other { holder, stale }) => Some((holder, stale)),
                    Err(_) => return Ok(()),
                }
            };
            self.settle_desk(ws, other);
            Ok(())
        });
        let after = self.desk_status();
        (before.read_only, before.stale, before.holder)
            != (after.read_only, after.stale, after.holder)
    }

    /// Logs out: the session ends and the file is closed, its keys dropped from memory.
    pub fn lock(&self) {
        self.gave_up
            .store(false, std::sync::atomic::Ordering::SeqCst);
        if let Some(desk) = &self.desk {
            if self
                .held_by
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .is_none()
            {
                desk.release(&self.path());
            }
        }
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
        if self
            .gave_up
            .swap(false, std::sync::atomic::Ordering::SeqCst)
        {
            // Back from idle: the workspace again if it is free, else read-only with who has it.
            self.with(|ws| {
                let username = ws.user(actor.user_id)?.username;
                self.claim_desk(ws, &username, false);
                Ok(())
            })?;
        }
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

    /// Logs the venue's desk in to the kit the app has open.
    pub fn kit_login(
        &self,
        username: &str,
        password: &str,
    ) -> ApiResult<okort_store::kit::KitInfo> {
        let lang = self.lang();
        let kit = okort_store::kit::Kit::open(&self.path(), username, password)
            .map_err(|e| ApiError::from_store(e, lang))?;
        let info = kit.info();
        *self.kit.lock().unwrap_or_else(|e| e.into_inner()) = Some(kit);
        Ok(info)
    }

    /// Logs the kit's desk out.
    pub fn kit_logout(&self) {
        *self.kit.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Runs `f` on the kit its desk has open.
    pub fn with_kit<T>(
        &self,
        f: impl FnOnce(&okort_store::kit::Kit) -> Result<T, StoreError>,
    ) -> ApiResult<T> {
        let lang = self.lang();
        let guard = self.kit.lock().unwrap_or_else(|e| e.into_inner());
        let kit = guard.as_ref().ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotLoggedIn,
                okort_core::i18n::Msg::NotLoggedIn.text(lang),
            )
        })?;
        f(kit).map_err(|e| ApiError::from_store(e, lang))
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
        self.lock();
        *self.kit.lock().unwrap_or_else(|e| e.into_inner()) = None;
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
        let state = AppState::start(dir.path().join("data"), config, None);
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
