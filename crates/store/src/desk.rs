//! Who has a workspace open for work: a small lock file beside it (`NAME.okort.lock`) saying
//! which user on which computer holds it since when, renewed every half minute while the app
//! runs. The others open the workspace read-only and see who holds it; a lock not renewed for
//! two minutes (the computer crashed, the network folder went away) may be taken over.
//!
//! SQLite's own locking keeps every transaction whole whatever this file says; the desk lock
//! keeps two people from editing the same program at once without knowing of each other. It
//! holds a user name and a computer name, nothing about holders.

use crate::StoreError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How often a holder renews its lock.
pub const RENEW_EVERY: std::time::Duration = std::time::Duration::from_secs(30);
/// A lock not renewed for this long is stale: its holder is gone.
pub const STALE_AFTER_SECS: i64 = 120;

/// What the lock file says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DeskHolder {
    pub username: String,
    pub computer: String,
    /// When the holder took the workspace.
    pub since: DateTime<Utc>,
    /// When the holder last renewed the lock.
    pub seen: DateTime<Utc>,
    /// Who took it: one app run's random id.
    #[ts(skip)]
    #[serde(default)]
    token: String,
}

impl DeskHolder {
    /// Not renewed for [`STALE_AFTER_SECS`] at `now`.
    pub fn is_stale(&self, now: DateTime<Utc>) -> bool {
        (now - self.seen).num_seconds() > STALE_AFTER_SECS
    }
}

/// The lock file of the workspace at `workspace`.
pub fn lock_path(workspace: &Path) -> PathBuf {
    let mut name = workspace.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    workspace.with_file_name(name)
}

/// This computer's name as the others see it.
pub fn computer_name() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// One app run's claim on workspaces: its user and computer, and a random token.
#[derive(Debug, Clone)]
pub struct Desk {
    token: String,
    computer: String,
}

/// Where a claim stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// This desk holds the workspace.
    Held,
    /// Another desk holds it; `stale` when it may be taken over.
    Other { holder: DeskHolder, stale: bool },
}

impl Desk {
    pub fn new() -> Result<Desk, StoreError> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).map_err(|e| StoreError::Random(e.to_string()))?;
        Ok(Desk {
            token: bytes.iter().map(|b| format!("{b:02x}")).collect(),
            computer: computer_name(),
        })
    }

    /// The holder of the workspace now, if any.
    pub fn holder(workspace: &Path) -> Option<DeskHolder> {
        let bytes = std::fs::read(lock_path(workspace)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Takes the workspace for `username` if it is free or already this desk's, or stale and
    /// `take_over` is set; otherwise says who holds it. Written atomically, then read back: of
    /// two desks taking a free lock at once, the one whose file stayed holds it.
    pub fn claim(
        &self,
        workspace: &Path,
        username: &str,
        take_over: bool,
        now: DateTime<Utc>,
    ) -> Result<Claim, StoreError> {
        let since = match Desk::holder(workspace) {
            Some(h) if h.token == self.token && h.username == username => h.since,
            Some(h) if h.token == self.token => now,
            // Only a stale lock is taken over: one renewed meanwhile stays its holder's.
            Some(h) if !(take_over && h.is_stale(now)) => {
                let stale = h.is_stale(now);
                return Ok(Claim::Other { holder: h, stale });
            }
            _ => now,
        };
        let mine = DeskHolder {
            username: username.to_string(),
            computer: self.computer.clone(),
            since,
            seen: now,
            token: self.token.clone(),
        };
        let json = serde_json::to_vec_pretty(&mine).map_err(|e| StoreError::Io(e.into()))?;
        crate::write_file(&lock_path(workspace), json)?;
        Ok(self.status(workspace, now))
    }

    /// Whether this desk still holds the workspace (another may have taken it over).
    pub fn status(&self, workspace: &Path, now: DateTime<Utc>) -> Claim {
        match Desk::holder(workspace) {
            Some(h) if h.token == self.token => Claim::Held,
            Some(h) => {
                let stale = h.is_stale(now);
                Claim::Other { holder: h, stale }
            }
            // The file went away (deleted by hand): nobody else holds it.
            None => Claim::Held,
        }
    }

    /// Renews the lock of this desk, which holds the workspace for `username` (writing it again
    /// if the file was deleted); says who holds it if another desk took it over.
    pub fn renew(
        &self,
        workspace: &Path,
        username: &str,
        now: DateTime<Utc>,
    ) -> Result<Claim, StoreError> {
        match Desk::holder(workspace) {
            Some(h) if h.token != self.token => {
                let stale = h.is_stale(now);
                Ok(Claim::Other { holder: h, stale })
            }
            _ => self.claim(workspace, username, false, now),
        }
    }

    /// Whether `holder` is this desk's own lock.
    pub fn is_mine(&self, holder: &DeskHolder) -> bool {
        holder.token == self.token
    }

    /// Gives the workspace up, if this desk holds it.
    pub fn release(&self, workspace: &Path) {
        if Desk::holder(workspace).is_some_and(|h| h.token == self.token) {
            let _ = std::fs::remove_file(lock_path(workspace));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: u32, second: u32) -> DateTime<Utc> {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
            .and_then(|d| d.and_hms_opt(9, minute, second))
            .expect("time")
            .and_utc()
    }

    #[test]
    fn the_second_desk_sees_who_holds_the_workspace_until_the_lock_is_stale() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = dir.path().join("program.okort");
        let (a, b) = (Desk::new().expect("a"), Desk::new().expect("b"));
        assert_eq!(
            a.claim(&ws, "nav1", false, at(12, 0)).expect("a"),
            Claim::Held
        );
        assert!(lock_path(&ws).ends_with("program.okort.lock"));
        match b.claim(&ws, "kultur", false, at(13, 0)).expect("b") {
            Claim::Other { holder, stale } => {
                assert_eq!((holder.username.as_str(), stale), ("nav1", false));
                assert_eq!(holder.since, at(12, 0));
                assert_eq!(holder.computer, computer_name());
            }
            Claim::Held => panic!("two desks hold one workspace"),
        }
        // The first renews; the lock stays live and keeps its start.
        assert_eq!(
            a.renew(&ws, "nav1", at(13, 30)).expect("renew"),
            Claim::Held
        );
        assert!(matches!(
            b.claim(&ws, "kultur", false, at(15, 0)).expect("b"),
            Claim::Other { stale: false, .. }
        ));
        // Not renewed for more than two minutes: stale, and the second may take over.
        assert!(matches!(
            b.status(&ws, at(15, 31)),
            Claim::Other { stale: true, .. }
        ));
        assert!(
            matches!(
                b.claim(&ws, "kultur", true, at(14, 0)).expect("live"),
                Claim::Other { stale: false, .. }
            ),
            "a live lock is never taken over"
        );
        assert_eq!(
            b.claim(&ws, "kultur", true, at(15, 31)).expect("take"),
            Claim::Held
        );
        // The first learns at its next renewal that it holds the workspace no more.
        match a.renew(&ws, "nav1", at(16, 0)).expect("renew") {
            Claim::Other { holder, .. } => assert_eq!(holder.username, "kultur"),
            Claim::Held => panic!("the first desk still thinks it holds it"),
        }
        a.release(&ws);
        assert!(lock_path(&ws).exists(), "a desk releases only its own lock");
        b.release(&ws);
        assert!(!lock_path(&ws).exists());
    }

    #[test]
    fn a_damaged_lock_file_counts_as_free() {
        let dir = tempfile::tempdir().expect("dir");
        let ws = dir.path().join("program.okort");
        std::fs::write(lock_path(&ws), b"\x00not json").expect("write");
        let a = Desk::new().expect("a");
        assert_eq!(
            a.claim(&ws, "nav1", false, at(0, 0)).expect("a"),
            Claim::Held
        );
    }
}
