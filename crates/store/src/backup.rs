//! Backups of a workspace: the whole file (envelope and encrypted database) copied while the
//! write lock is held, so the copy is a state the workspace was in and opens with the same
//! passwords. Automatic ones go in a folder beside the workspace, newest [`KEEP`] kept: one a
//! day at the first login and one before a schema upgrade.
//!
//! SQLite's online backup API copies pages from one open database into another; here the
//! envelope at the start of the file is not SQLite's, and a copy of the file under the lock is
//! the same state byte for byte, so the file is copied.

use crate::audit::log;
use crate::vault::{self, FileKind};
use crate::{refuse, require, StoreError, Workspace};
use okort_core::i18n::Problem;
use okort_core::{Action, Actor};
use std::path::{Path, PathBuf};

/// How many automatic backups are kept.
pub const KEEP: usize = 10;

/// The folder of a workspace's automatic backups: `NAME.backups` beside it.
pub fn folder(workspace: &Path) -> PathBuf {
    let name = workspace
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    workspace.with_file_name(format!("{name}.backups"))
}

/// The automatic backups of a workspace, newest first.
pub fn list(workspace: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder(workspace))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "okort"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found.reverse();
    found
}

/// Where a backup of the workspace at `path` made now goes: `NAME-YYYYMMDD-HHMMSS{what}.okort`
/// in its backups folder.
fn backup_path(path: &Path, what: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    folder(path).join(format!("{stem}-{stamp}{what}.okort"))
}

/// Copies the file at `from` to `to` through a temporary file beside `to`, synced, then renamed.
fn copy_whole(from: &Path, to: &Path) -> Result<(), StoreError> {
    let dir = match to.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::fs::copy(from, tmp.path())?;
    tmp.as_file().sync_all()?;
    tmp.persist(to).map_err(|e| StoreError::Io(e.error))?;
    Ok(())
}

/// A copy of the workspace as it is, taken before its schema is upgraded from `version`.
pub(crate) fn before_upgrade(
    conn: &rusqlite::Connection,
    path: &Path,
    version: u32,
) -> Result<(), StoreError> {
    let _lock = conn.unchecked_transaction()?;
    copy_whole(path, &backup_path(path, &format!("-schema{version}")))
}

impl Workspace {
    /// Saves a copy of the whole workspace at `to` ("Save a copy…", `okort backup`): the
    /// culture office's job. Refuses to write over a workspace (this one included). Logged.
    pub fn backup_to(&self, actor: &Actor, to: &Path) -> Result<(), StoreError> {
        require(actor, Action::ManageProgram)?;
        if matches!(vault::file_kind(to), FileKind::Encrypted | FileKind::Plain) {
            return refuse(Problem::WouldOverwriteWorkspace {
                path: to.display().to_string(),
            });
        }
        let tx = self.conn.unchecked_transaction()?;
        copy_whole(&self.path, to)?;
        log(&tx, actor, "workspace.backup", "workspace", None, "")?;
        tx.commit()?;
        Ok(())
    }

    /// An automatic backup into the backups folder if none was made today (or `force`, before
    /// an upgrade), keeping the newest [`KEEP`]. The copy is checked first with SQLite's
    /// `quick_check`: a damaged workspace is not copied over the good backups.
    pub(crate) fn auto_backup(&self, force: bool) -> Result<Option<PathBuf>, StoreError> {
        let today = chrono::Local::now().format("%Y%m%d").to_string();
        let made_today = list(&self.path).iter().any(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(&format!("-{today}-")))
        });
        if made_today && !force {
            return Ok(None);
        }
        self.integrity()?;
        let to = backup_path(&self.path, "");
        {
            let _lock = self.conn.unchecked_transaction()?;
            copy_whole(&self.path, &to)?;
        }
        for old in list(&self.path).into_iter().skip(KEEP) {
            let _ = std::fs::remove_file(old);
        }
        Ok(Some(to))
    }

    /// SQLite's own check of the file's structure; a damaged workspace is refused with the way
    /// back (the backups folder).
    pub fn integrity(&self) -> Result<(), StoreError> {
        let result: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if result == "ok" {
            Ok(())
        } else {
            refuse(Problem::WorkspaceDamaged {
                backups: folder(&self.path).display().to_string(),
            })
        }
    }

    /// Puts the backup at `from` in place of the workspace at `path` (`okort restore`, "Restore
    /// from backup…"). The backup must open with `username`'s password and pass the check; the
    /// workspace as it was is kept in the backups folder first. Returns the restored workspace,
    /// open, and logs it there.
    pub fn restore(
        path: &Path,
        from: &Path,
        username: &str,
        password: &str,
    ) -> Result<(Workspace, Actor), StoreError> {
        {
            let (backup, actor) =
                Workspace::unlock_keeping(from, username, password, chrono::Utc::now(), false)?;
            require(&actor, Action::ManageProgram)?;
            backup.integrity()?;
        }
        if path.exists() && vault::file_kind(path) == FileKind::Encrypted {
            copy_whole(path, &backup_path(path, "-before-restore"))?;
        }
        copy_whole(from, path)?;
        let (ws, actor) = Workspace::unlock(path, username, password)?;
        log(&ws.conn, &actor, "workspace.restore", "workspace", None, "")?;
        Ok((ws, actor))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restoring_an_automatic_backup_makes_no_backups_folder_inside_the_backups_folder() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("test.okort");
        let mut ws = Workspace::create(&path).expect("create");
        ws.create_first_admin("kultur", "hemmelig-passord")
            .expect("admin");
        drop(ws);
        drop(Workspace::unlock(&path, "kultur", "hemmelig-passord").expect("login"));
        let auto = list(&path);
        assert_eq!(auto.len(), 1, "the first login of the day keeps a copy");

        drop(Workspace::restore(&path, &auto[0], "kultur", "hemmelig-passord").expect("restore"));

        let inside: Vec<_> = std::fs::read_dir(folder(&path))
            .expect("backups folder")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            inside.iter().all(|name| name.ends_with(".okort")),
            "only backups in the folder: {inside:?}"
        );
        assert!(inside.iter().any(|name| name.contains("before-restore")));
    }
}
