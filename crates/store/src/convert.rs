//! A workspace from before encryption (a plain SQLite file) becomes an encrypted one the first
//! time someone logs in to it. The user logs in against the old password hashes; the file is
//! copied aside as it was; its data is exported into a new encrypted file (SQLCipher's
//! `sqlcipher_export`); NAV's fields are sealed with a new NAV key; the new file replaces the
//! old under its name. The user who converts gets a key slot; everyone else gets one when an
//! administrator (or NAV, for NAV's staff) gives them a new password. The two recovery keys
//! are made and wait to be printed.

use crate::audit::log;
use crate::migrations::{self, SEALING_VERSION};
use crate::vault::{Envelope, Key, Keys, RecoveryRole};
use crate::{refuse, StoreError, Workspace, APPLICATION_ID};
use argon2::password_hash::{PasswordHash, PasswordVerifier};
use argon2::Argon2;
use okort_core::i18n::Problem;
use okort_core::{Actor, Role};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};

/// Logs in to a plain workspace as before encryption: the argon2id hash and the lockout table.
fn legacy_login(
    conn: &Connection,
    username: &str,
    password: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Actor, StoreError> {
    let name = username.trim();
    let has_lockout: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'login_attempts')",
        [],
        |r| r.get(0),
    )?;
    let failures: u32 = if has_lockout {
        let row: Option<(u32, Option<chrono::DateTime<chrono::Utc>>)> = conn
            .query_row(
                "SELECT failures, locked_until FROM login_attempts WHERE username = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((_, Some(until))) = row.filter(|(_, u)| u.is_some_and(|u| u > now)) {
            let minutes = ((until - now).num_seconds() + 59).div_euclid(60).max(1);
            return refuse(Problem::LoginLocked { minutes });
        }
        row.map_or(0, |r| r.0)
    } else {
        0
    };
    let found: Option<(i64, String, String, Option<i64>, bool)> = conn
        .query_row(
            "SELECT id, password_hash, role, venue_id, active FROM users
             WHERE username = ?1 COLLATE NOCASE",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let matches = found.as_ref().is_some_and(|f| {
        PasswordHash::new(&f.1).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    });
    match found {
        Some((id, _, role, venue_id, true)) if matches => Ok(Actor {
            user_id: id,
            role: Role::parse(&role).unwrap_or(Role::Venue),
            venue_id,
        }),
        _ => {
            if has_lockout {
                let failures = failures + 1;
                let locked = (failures >= 5).then(|| now + chrono::Duration::minutes(1));
                conn.execute(
                    "INSERT INTO login_attempts (username, failures, locked_until)
                     VALUES (?1, ?2, ?3)
                     ON CONFLICT (username) DO UPDATE SET failures = excluded.failures,
                        locked_until = excluded.locked_until",
                    params![name, failures, locked],
                )?;
            }
            refuse(Problem::LoginFailed)
        }
    }
}

/// `path` as an SQLite URI naming this program's file layer, for ATTACH.
fn file_uri(path: &Path) -> Result<String, StoreError> {
    let absolute = std::path::absolute(path)?;
    let mut text = absolute.to_string_lossy().replace('\\', "/");
    if !text.starts_with('/') {
        text.insert(0, '/');
    }
    let mut uri = String::from("file:");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/:".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?vfs=");
    uri.push_str(crate::vault::vfs::NAME.to_str().unwrap_or("okort"));
    Ok(uri)
}

/// Where the plain file is kept: beside it, named for the day.
fn backup_path(path: &Path, now: chrono::DateTime<chrono::Utc>) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    let stamp = now.format("%Y%m%d-%H%M%S");
    path.with_file_name(format!("{stem}.before-encryption-{stamp}.okort"))
}

pub(crate) fn convert(
    path: &Path,
    username: &str,
    password: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(Workspace, Actor), StoreError> {
    crate::vault::vfs::register()
        .map_err(|rc| StoreError::Random(format!("SQLite file layer {rc}")))?;
    let plain = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI,
    )?;
    let app_id: i32 = plain
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|_| StoreError::NotAWorkspace(path.to_path_buf()))?;
    let before = migrations::schema_version(&plain)?;
    if before > migrations::latest_version() {
        return Err(StoreError::TooNew {
            found: before,
            supported: migrations::latest_version(),
        });
    }
    if app_id != APPLICATION_ID || before >= SEALING_VERSION {
        return Err(StoreError::NotAWorkspace(path.to_path_buf()));
    }
    let actor = legacy_login(&plain, username, password, now)?;

    let backup = backup_path(path, now);
    plain.execute("VACUUM INTO ?1", [backup.to_string_lossy()])?;

    let old_seed: Option<Vec<u8>> = plain
        .query_row(
            "SELECT value FROM secrets WHERE name = 'card-ed25519'",
            [],
            |r| r.get(0),
        )
        .optional()
        .unwrap_or(None);
    let cards = match old_seed.and_then(|s| <[u8; 32]>::try_from(s.as_slice()).ok()) {
        Some(seed) => Key(seed),
        None => Key::random()?,
    };
    let keys = Keys {
        data: Key::random()?,
        cards: Some(cards),
        nav: Some(Key::random()?),
    };
    let tmp = path.with_extension("okort-converting");
    if tmp.exists() {
        std::fs::remove_file(&tmp)?;
    }
    let mut env = Envelope::new()?;
    env.create_file(&tmp)?;
    plain.execute(
        "ATTACH DATABASE ?1 AS encrypted KEY ?2",
        params![file_uri(&tmp)?, keys.data.sqlcipher().as_str()],
    )?;
    plain.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
    plain.pragma_update(Some("encrypted"), "user_version", before)?;
    plain.pragma_update(Some("encrypted"), "application_id", APPLICATION_ID)?;
    plain.execute_batch("DETACH DATABASE encrypted")?;
    drop(plain);

    let mut conn = crate::connect(&tmp, &keys, false)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "secure_delete", true)?;
    migrations::migrate_to(&mut conn, SEALING_VERSION)?;
    if before < migrations::AUDIT_CHAIN_VERSION {
        crate::audit::chain_old_entries(&conn)?;
    }
    let nav = keys.nav.clone().ok_or(StoreError::Denied(actor.role))?;
    {
        let tx = conn.transaction()?;
        crate::holders::seal_plain_parts(&tx, &nav)?;
        tx.commit()?;
    }
    migrations::migrate(&mut conn)?;
    let username = conn.query_row(
        "SELECT username FROM users WHERE id = ?1",
        [actor.user_id],
        |r| r.get::<_, String>(0),
    )?;
    log(&conn, &actor, "workspace.encrypt", "workspace", None, "")?;
    conn.execute_batch("VACUUM")?;
    drop(conn);

    env.set_user(&username, password, &keys.for_role(actor.role))?;
    let kultur = env.set_recovery(RecoveryRole::Kultur, &keys)?;
    let nav_recovery = env.set_recovery(RecoveryRole::Nav, &keys)?;
    env.write(&tmp)?;
    std::fs::rename(&tmp, path)?;
    for side in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(side);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }

    let conn = crate::connect(path, &keys, false)?;
    let mut ws = Workspace::prepare(conn, path, keys.for_role(actor.role))?;
    ws.recovery = vec![
        (RecoveryRole::Kultur, kultur),
        (RecoveryRole::Nav, nav_recovery),
    ];
    ws.converted_from = Some(backup);
    Ok((ws, actor))
}
