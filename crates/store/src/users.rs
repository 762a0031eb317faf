//! Users of a workspace and their logins. A password is never stored: it opens the user's key
//! slot (see [`crate::vault`]).

use crate::audit::{log, log_at};
use crate::vault::{self, Attempts, Envelope, FailedLogin, FileKind, Keys, RecoveryRole};
use crate::{field_problem, refuse, require, StoreError, Workspace};
use okort_core::i18n::Problem;
use okort_core::{Action, Actor, Role};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::path::Path;
use ts_rs::TS;
use zeroize::Zeroizing;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub venue_id: Option<i64>,
    pub active: bool,
    /// Whether the user has a key slot, that is a password that opens the workspace: not yet
    /// for users of a workspace encrypted by someone else's login, until given a new one.
    pub can_log_in: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UserInput {
    pub id: Option<i64>,
    pub username: String,
    pub role: Role,
    pub venue_id: Option<i64>,
    pub active: bool,
    /// A new password; `None` keeps the current one (required for a new user).
    pub password: Option<String>,
}

const COLUMNS: &str = "id, username, role, venue_id, active";

fn from_row(r: &Row) -> rusqlite::Result<User> {
    let role: String = r.get(2)?;
    Ok(User {
        id: r.get(0)?,
        username: r.get(1)?,
        role: Role::parse(&role).unwrap_or(Role::Venue),
        venue_id: r.get(3)?,
        active: r.get(4)?,
        can_log_in: false,
    })
}

pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], StoreError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| StoreError::Random(e.to_string()))?;
    Ok(buf)
}

fn check_password(password: &str) -> Result<(), StoreError> {
    if password.chars().count() < 8 {
        return Err(field_problem("password", Problem::PasswordTooShort));
    }
    Ok(())
}

/// Failures in a row a user name may have before it is locked.
const FREE_ATTEMPTS: u32 = 5;

/// How long a name is locked after `failures` in a row: a minute at the fifth, doubling with
/// each further failure, at most an hour.
fn lock_for(failures: u32) -> chrono::Duration {
    let doublings = failures.saturating_sub(FREE_ATTEMPTS).min(6);
    chrono::Duration::minutes((1i64 << doublings).min(60))
}

/// The active user named `name` (any case), as who acts; `None` when there is none, or the user
/// is deactivated.
fn active_user(conn: &rusqlite::Connection, name: &str) -> Result<Option<Actor>, StoreError> {
    let found: Option<(i64, String, Option<i64>, bool)> = conn
        .query_row(
            "SELECT id, role, venue_id, active FROM users WHERE username = ?1 COLLATE NOCASE",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(match found {
        Some((user_id, role, venue_id, true)) => Role::parse(&role).map(|role| Actor {
            user_id,
            role,
            venue_id,
        }),
        _ => None,
    })
}

/// Who may create and change users of `role`: the culture office its own administrators and
/// the venue desks, NAV its own staff (the NAV key is in NAV's slots only).
fn may_manage(actor: &Actor, role: Role) -> Result<(), StoreError> {
    match (actor.role, role) {
        (Role::Admin, Role::Admin | Role::Venue) | (Role::Nav, Role::Nav) => Ok(()),
        (Role::Admin, Role::Nav) => refuse(Problem::NavManagesNavUsers),
        (Role::Nav, _) => refuse(Problem::NavUsersOnly),
        (Role::Venue, _) => Err(StoreError::Denied(actor.role)),
    }
}

impl Workspace {
    /// Checks a login at `now` and opens the workspace with the keys of the user's slot. The
    /// answer never says whether the name or the password was wrong, and takes as long either
    /// way (a name without a slot is checked against a stand-in). Every failure is recorded in
    /// the envelope and moved into the audit log at the next login; after five in a row the
    /// name is locked for a minute, twice as long after each further failure (at most an
    /// hour), names that do not exist alike. A deactivated user has no slot.
    pub fn unlock_at(
        path: &Path,
        username: &str,
        password: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(Workspace, Actor), StoreError> {
        Self::unlock_keeping(path, username, password, now, true)
    }

    /// As [`Workspace::unlock_at`]; `keep_copy` false opens a file without the daily automatic
    /// backup (a backup checked before a restore gets no backups folder of its own).
    pub(crate) fn unlock_keeping(
        path: &Path,
        username: &str,
        password: &str,
        now: chrono::DateTime<chrono::Utc>,
        keep_copy: bool,
    ) -> Result<(Workspace, Actor), StoreError> {
        match vault::file_kind(path) {
            FileKind::Missing => return Err(StoreError::NotFound(path.to_path_buf())),
            FileKind::Other => return Err(StoreError::NotAWorkspace(path.to_path_buf())),
            FileKind::Plain => return crate::convert::convert(path, username, password, now),
            FileKind::Encrypted => {}
        }
        let mut env = Envelope::read(path)?;
        let name = username.trim();
        let id = env.lookup(name);
        let mut attempts = env.attempts_for(&id);
        if let Some(until) = attempts.locked_until.filter(|u| *u > now) {
            let minutes = ((until - now).num_seconds() + 59).div_euclid(60).max(1);
            return refuse(Problem::LoginLocked { minutes });
        }
        let opened = match env.unlock(name, password)? {
            Some(keys) => Workspace::open_as(path, keys, name)?,
            None => None,
        };
        let Some((ws, actor)) = opened else {
            attempts.failures += 1;
            let locked = attempts.failures >= FREE_ATTEMPTS;
            attempts.locked_until = locked.then(|| now + lock_for(attempts.failures));
            env.failed.push(FailedLogin {
                id: id.clone(),
                at: now,
                locked: locked.then_some(attempts.failures),
            });
            env.put_attempts(attempts);
            env.write(path)?;
            return refuse(Problem::LoginFailed);
        };
        // Once a day, the first login checks the file and keeps a copy of it.
        if keep_copy {
            ws.auto_backup(false)?;
        }
        if attempts.failures > 0 || !env.failed.is_empty() {
            let failed = std::mem::take(&mut env.failed);
            ws.record_failed_logins(&env, &failed)?;
            env.put_attempts(Attempts {
                id,
                ..Attempts::default()
            });
            env.write(path)?;
        }
        Ok((ws, actor))
    }

    /// Checks `username`'s password against their key slot in this open workspace and says who
    /// they are, without changing the keys it is open with: for a second person at an open
    /// file (tests, the demo). The app and the command line open with [`Workspace::unlock`].
    pub fn login(&self, username: &str, password: &str) -> Result<Actor, StoreError> {
        let env = Envelope::read(&self.path)?;
        let name = username.trim();
        let opened = env.unlock(name, password)?.is_some();
        match (opened, active_user(&self.conn, name)?) {
            (true, Some(actor)) => Ok(actor),
            _ => refuse(Problem::LoginFailed),
        }
    }

    /// The workspace opened with `keys`, as the active user `name` if the keys fit the role.
    fn open_as(
        path: &Path,
        keys: Keys,
        name: &str,
    ) -> Result<Option<(Workspace, Actor)>, StoreError> {
        let conn = crate::connect(path, &keys, false)?;
        let ws = Workspace::prepare(conn, path, keys)?;
        let Some(actor) = active_user(&ws.conn, name)? else {
            return Ok(None);
        };
        let fits = match actor.role {
            Role::Admin => ws.keys.cards.is_some(),
            Role::Nav => ws.keys.cards.is_some() && ws.keys.nav.is_some(),
            Role::Venue => true,
        };
        if !fits {
            return Ok(None);
        }
        let keys = ws.keys.for_role(actor.role);
        Ok(Some((Workspace { keys, ..ws }, actor)))
    }

    /// Writes failed logins recorded in the envelope into the audit log, with their times.
    fn record_failed_logins(
        &self,
        env: &Envelope,
        failed: &[FailedLogin],
    ) -> Result<(), StoreError> {
        if failed.is_empty() {
            return Ok(());
        }
        let names: Vec<(i64, String)> = self
            .conn
            .prepare("SELECT id, username FROM users")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let system = Actor::command_line();
        for f in failed {
            let user = names
                .iter()
                .find(|(_, n)| env.lookup(n) == f.id)
                .map(|(id, _)| *id);
            match user {
                Some(uid) => log_at(
                    &self.conn,
                    &system,
                    f.at,
                    "user.login_failed",
                    "user",
                    Some(uid),
                    "",
                )?,
                None => log_at(
                    &self.conn,
                    &system,
                    f.at,
                    "login.unknown_name",
                    "user",
                    None,
                    "",
                )?,
            }
            if let Some(failures) = f.locked {
                log_at(
                    &self.conn,
                    &system,
                    f.at,
                    "user.locked",
                    "user",
                    user,
                    &failures.to_string(),
                )?;
            }
        }
        Ok(())
    }

    /// False on a new workspace: the first start then creates the administrator.
    pub fn has_users(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM users)", [], |r| r.get(0))?)
    }

    /// Creates the first administrator on a new workspace and the two recovery keys (the
    /// culture office's and NAV's), kept until [`Workspace::take_recovery`] prints them. From
    /// here on this workspace holds the administrator's keys only: not the NAV key.
    pub fn create_first_admin(
        &mut self,
        username: &str,
        password: &str,
    ) -> Result<Actor, StoreError> {
        if self.has_users()? {
            return refuse(Problem::UsersExist);
        }
        let input = UserInput {
            id: None,
            username: username.into(),
            role: Role::Admin,
            venue_id: None,
            active: true,
            password: Some(password.into()),
        };
        let user = self.write_user_as(&Actor::command_line(), input, true, |env, keys| {
            let kultur = env.set_recovery(RecoveryRole::Kultur, keys)?;
            let nav = env.set_recovery(RecoveryRole::Nav, keys)?;
            Ok(vec![
                (RecoveryRole::Kultur, kultur),
                (RecoveryRole::Nav, nav),
            ])
        })?;
        self.keys = self.keys.for_role(Role::Admin);
        Ok(Actor {
            user_id: user.id,
            role: Role::Admin,
            venue_id: None,
        })
    }

    /// Opens the workspace with a recovery key, for when every password of a role is lost (or
    /// NAV has no user yet): gives `username` of that role a new password, creating the user if
    /// there is none, and logs them in. Logged.
    pub fn recover(
        path: &Path,
        role: RecoveryRole,
        recovery_key: &str,
        username: &str,
        password: &str,
    ) -> Result<(Workspace, Actor), StoreError> {
        if vault::file_kind(path) != FileKind::Encrypted {
            return Err(StoreError::NotAWorkspace(path.to_path_buf()));
        }
        check_password(password)?;
        let env = Envelope::read(path)?;
        let Some(keys) = env.unlock_recovery(role, recovery_key)? else {
            return refuse(Problem::RecoveryKeyWrong);
        };
        let conn = crate::connect(path, &keys, false)?;
        let mut ws = Workspace::prepare(conn, path, keys)?;
        let actor = ws.recover_in_place(role, recovery_key, username, password)?;
        ws.keys = ws.keys.for_role(role.role());
        Ok((ws, actor))
    }

    /// [`Workspace::recover`] on a workspace already open: NAV's first user made with NAV's
    /// recovery key at setup (while it is still to be printed), or in tests. This workspace
    /// then holds the recovered keys as well as its own.
    pub fn recover_in_place(
        &mut self,
        role: RecoveryRole,
        recovery_key: &str,
        username: &str,
        password: &str,
    ) -> Result<Actor, StoreError> {
        check_password(password)?;
        let Some(keys) = Envelope::read(&self.path)?.unlock_recovery(role, recovery_key)? else {
            return refuse(Problem::RecoveryKeyWrong);
        };
        if keys.data != self.keys.data {
            return refuse(Problem::RecoveryKeyWrong);
        }
        self.keys = Keys {
            data: keys.data,
            cards: keys.cards.or(self.keys.cards.take()),
            nav: keys.nav.or(self.keys.nav.take()),
        };
        let system = Actor::command_line();
        let existing: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, role FROM users WHERE username = ?1 COLLATE NOCASE",
                [username.trim()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let id = match existing {
            Some((id, r)) if Role::parse(&r) == Some(role.role()) => Some(id),
            Some(_) => return Err(field_problem("username", Problem::UsernameTaken)),
            None => None,
        };
        let input = UserInput {
            id,
            username: username.into(),
            role: role.role(),
            venue_id: None,
            active: true,
            password: Some(password.into()),
        };
        let user = self.write_user_as(&system, input, false, |_, _| Ok(Vec::new()))?;
        log(
            &self.conn,
            &system,
            "user.recovered",
            "user",
            Some(user.id),
            "",
        )?;
        Ok(Actor {
            user_id: user.id,
            role: role.role(),
            venue_id: None,
        })
    }

    /// Makes a new recovery key for the actor's side (the culture office or NAV), replacing
    /// the old one, kept until [`Workspace::take_recovery`] prints it. Logged. While NAV has
    /// no user and nothing sealed, the culture office's renewal also gives NAV a new start.
    pub fn renew_recovery(&mut self, actor: &Actor) -> Result<(), StoreError> {
        let role = match actor.role {
            Role::Admin => RecoveryRole::Kultur,
            Role::Nav => RecoveryRole::Nav,
            Role::Venue => return Err(StoreError::Denied(actor.role)),
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut env = Envelope::read(&self.path)?;
        let key = env.set_recovery(role, &self.keys)?;
        let mut made = vec![(role, key)];
        // Before NAV has a user or has sealed anything, NAV's key protects nothing yet: if the
        // sheet of the setup was lost, the culture office makes NAV a new start (a new NAV key
        // and its recovery key), so NAV can still get in.
        let nav_started: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'nav')
                 OR EXISTS (SELECT 1 FROM holders WHERE nav_sealed IS NOT NULL)",
            [],
            |r| r.get(0),
        )?;
        if role == RecoveryRole::Kultur && !nav_started {
            let fresh = Keys {
                data: self.keys.data.clone(),
                cards: self.keys.cards.clone(),
                nav: Some(crate::vault::Key::random()?),
            };
            made.push((
                RecoveryRole::Nav,
                env.set_recovery(RecoveryRole::Nav, &fresh)?,
            ));
        }
        log(&tx, actor, "recovery.renew", "user", None, "")?;
        env.write(&self.path)?;
        tx.commit()?;
        self.recovery = made;
        Ok(())
    }

    /// Recovery keys made by setup, conversion or renewal and not yet printed; handed out once.
    pub fn take_recovery(&mut self) -> Vec<(RecoveryRole, Zeroizing<String>)> {
        std::mem::take(&mut self.recovery)
    }

    /// The recovery keys waiting to be printed.
    pub fn pending_recovery(&self) -> &[(RecoveryRole, Zeroizing<String>)] {
        &self.recovery
    }

    /// Whether recovery keys wait to be printed.
    pub fn recovery_pending(&self) -> bool {
        !self.recovery.is_empty()
    }

    /// Whether a session that began as `actor` may go on: the user still exists, is active and
    /// has the same role (and venue). A deactivated or changed user's open session ends.
    pub fn session_check(&self, actor: &Actor) -> Result<(), StoreError> {
        let now: Option<(String, Option<i64>, bool)> = self
            .conn
            .query_row(
                "SELECT role, venue_id, active FROM users WHERE id = ?1",
                [actor.user_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        match now {
            Some((role, venue_id, true))
                if Role::parse(&role) == Some(actor.role) && venue_id == actor.venue_id =>
            {
                Ok(())
            }
            _ => refuse(Problem::SessionEnded),
        }
    }

    /// The users the actor manages: the culture office's administrators and venue desks, or
    /// NAV's staff.
    pub fn list_users(&self, actor: &Actor) -> Result<Vec<User>, StoreError> {
        require(actor, Action::ManageUsers)?;
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM users ORDER BY username"))?;
        let users: Vec<User> = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
        let env = Envelope::read(&self.path)?;
        Ok(users
            .into_iter()
            .filter(|u| may_manage(actor, u.role).is_ok())
            .map(|u| User {
                can_log_in: u.active && env.has_user_slot(&u.username),
                ..u
            })
            .collect())
    }

    /// Every user by name, for filtering the audit log (which tells what anyone did): the
    /// culture office reads NAV's users' names here, not manage them.
    pub fn audit_users(&self, actor: &Actor) -> Result<Vec<User>, StoreError> {
        require(actor, Action::ReadAudit)?;
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM users ORDER BY username"))?;
        let users = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
        Ok(users)
    }

    pub fn user(&self, id: i64) -> Result<User, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or(StoreError::Missing {
                what: okort_core::i18n::Msg::ThingUser,
                id,
            })
            .and_then(|u| {
                let env = Envelope::read(&self.path)?;
                Ok(User {
                    can_log_in: u.active && env.has_user_slot(&u.username),
                    ..u
                })
            })
    }

    /// Creates or updates a user; the last active administrator cannot be demoted or disabled.
    /// A password gives the user a key slot; deactivating removes it.
    pub fn save_user(&mut self, actor: &Actor, input: UserInput) -> Result<User, StoreError> {
        require(actor, Action::ManageUsers)?;
        may_manage(actor, input.role)?;
        if let Some(id) = input.id {
            may_manage(actor, self.user(id)?.role)?;
        }
        self.write_user_as(actor, input, false, |_, _| Ok(Vec::new()))
    }

    /// Writes a user and their key slot in one step (the database's write lock held while the
    /// envelope changes). `first`: only if there is no user yet. `also` may add to the envelope
    /// (the recovery slots at setup).
    fn write_user_as(
        &mut self,
        actor: &Actor,
        mut input: UserInput,
        first: bool,
        also: impl FnOnce(
            &mut Envelope,
            &Keys,
        ) -> Result<Vec<(RecoveryRole, Zeroizing<String>)>, StoreError>,
    ) -> Result<User, StoreError> {
        input.username = input.username.trim().to_string();
        if input.username.is_empty() {
            return Err(field_problem("username", Problem::Required));
        }
        if input.role == Role::Venue {
            match input.venue_id {
                Some(v) => {
                    self.venue(v)?;
                }
                None => return Err(field_problem("venueId", Problem::VenueRequired)),
            }
        } else {
            input.venue_id = None;
        }
        if let Some(p) = &input.password {
            check_password(p)?;
        }
        let taken: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM users WHERE username = ?1 COLLATE NOCASE",
                [&input.username],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() && taken != input.id {
            return Err(field_problem("username", Problem::UsernameTaken));
        }
        let before = match input.id {
            Some(id) => Some(self.user(id)?),
            None => None,
        };
        let env = Envelope::read(&self.path)?;
        let had_slot = before
            .as_ref()
            .is_some_and(|b| env.has_user_slot(&b.username));
        let keys_change = before
            .as_ref()
            .is_none_or(|b| b.role != input.role || !had_slot);
        if input.active && keys_change && input.password.is_none() {
            return Err(field_problem(
                "password",
                if before.is_none() {
                    Problem::PasswordTooShort
                } else {
                    Problem::NewPasswordNeeded
                },
            ));
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Checked again under the write lock: two first starts at once make one administrator.
        let exists: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM users)", [], |r| r.get(0))?;
        if first && exists {
            return refuse(Problem::UsersExist);
        }
        // Read again under the lock: another desk may have changed a slot meanwhile.
        let mut env = Envelope::read(&self.path)?;
        let id =
            match &before {
                Some(b) => {
                    let stays_admin = input.role == Role::Admin && input.active;
                    if b.role == Role::Admin && b.active && !stays_admin {
                        let admins: i64 = tx.query_row(
                            "SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1",
                            [],
                            |r| r.get(0),
                        )?;
                        if admins <= 1 {
                            return refuse(Problem::LastAdmin);
                        }
                    }
                    tx.execute(
                        "UPDATE users SET username = ?1, role = ?2, venue_id = ?3, active = ?4
                     WHERE id = ?5",
                        params![
                            input.username,
                            input.role.code(),
                            input.venue_id,
                            input.active,
                            b.id
                        ],
                    )?;
                    if input.password.is_some() {
                        log(&tx, actor, "user.password", "user", Some(b.id), "")?;
                    }
                    log(
                        &tx,
                        actor,
                        "user.update",
                        "user",
                        Some(b.id),
                        input.role.code(),
                    )?;
                    env.rename_user(&b.username, &input.username);
                    b.id
                }
                None => {
                    tx.execute(
                    "INSERT INTO users (username, role, venue_id, active) VALUES (?1, ?2, ?3, ?4)",
                    params![input.username, input.role.code(), input.venue_id, input.active],
                )?;
                    let id = tx.last_insert_rowid();
                    log(
                        &tx,
                        actor,
                        "user.create",
                        "user",
                        Some(id),
                        input.role.code(),
                    )?;
                    id
                }
            };
        match (&input.password, input.active) {
            (_, false) => env.remove_user(&input.username),
            (Some(p), true) => env.set_user(&input.username, p, &self.keys.for_role(input.role))?,
            (None, true) => {}
        }
        let recovery = also(&mut env, &self.keys)?;
        if !recovery.is_empty() {
            log(&tx, actor, "recovery.renew", "user", None, "")?;
        }
        env.write(&self.path)?;
        tx.commit()?;
        self.recovery.extend(recovery);
        self.user(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::workspace;

    #[test]
    fn the_first_administrator_can_log_in_and_a_wrong_password_cannot() {
        let (_dir, mut ws) = workspace();
        assert!(!ws.has_users().expect("read"));
        let admin = ws
            .create_first_admin("kultur", "hemmelig-passord")
            .expect("admin");
        assert_eq!(admin.role, Role::Admin);
        assert_eq!(
            ws.login("Kultur", "hemmelig-passord").expect("login"),
            admin
        );
        let err = ws.login("kultur", "feil").expect_err("wrong password");
        assert!(matches!(err, StoreError::Refused(Problem::LoginFailed)));
        assert!(matches!(
            ws.login("ukjent", "x"),
            Err(StoreError::Refused(Problem::LoginFailed))
        ));
        assert!(matches!(
            ws.create_first_admin("to", "hemmelig-passord"),
            Err(StoreError::Refused(Problem::UsersExist))
        ));
    }

    #[test]
    fn no_password_or_hash_is_stored_and_the_user_opens_the_file_with_it() {
        let (dir, mut ws) = workspace();
        ws.create_first_admin("sjefen", "hemmelig-passord")
            .expect("admin");
        let columns: Vec<String> = ws
            .conn
            .prepare("SELECT name FROM pragma_table_info('users')")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("columns");
        assert!(
            !columns.iter().any(|c| c.contains("password")),
            "{columns:?}"
        );
        let path = dir.path().join("test.okort");
        drop(ws);
        let (_, actor) = Workspace::unlock(&path, "sjefen", "hemmelig-passord").expect("unlock");
        assert_eq!(actor.role, Role::Admin);
        assert!(matches!(
            Workspace::unlock(&path, "sjefen", "feil-passord"),
            Err(StoreError::Refused(Problem::LoginFailed))
        ));
        let raw = std::fs::read(&path).expect("raw");
        let text = String::from_utf8_lossy(&raw);
        for needle in ["$argon2", "hemmelig", "sjefen", "users"] {
            assert!(!text.contains(needle), "{needle} in the raw file");
        }
    }

    #[test]
    fn the_culture_office_cannot_make_nav_users_and_nav_only_its_own() {
        let (_dir, mut ws) = workspace();
        let admin = ws
            .create_first_admin("kultur", "hemmelig-passord")
            .expect("admin");
        let nav_user = UserInput {
            id: None,
            username: "nav2".into(),
            role: Role::Nav,
            venue_id: None,
            active: true,
            password: Some("langt-nok-passord".into()),
        };
        assert!(matches!(
            ws.save_user(&admin, nav_user.clone()),
            Err(StoreError::Refused(Problem::NavManagesNavUsers))
        ));
        let nav = Actor {
            user_id: 99,
            role: Role::Nav,
            venue_id: None,
        };
        assert!(matches!(
            ws.save_user(
                &nav,
                UserInput {
                    role: Role::Admin,
                    ..nav_user
                }
            ),
            Err(StoreError::Refused(Problem::NavUsersOnly))
        ));
    }

    #[test]
    fn the_last_administrator_cannot_be_disabled() {
        let (_dir, mut ws) = workspace();
        let admin = ws
            .create_first_admin("kultur", "hemmelig-passord")
            .expect("admin");
        let err = ws
            .save_user(
                &admin,
                UserInput {
                    id: Some(admin.user_id),
                    username: "kultur".into(),
                    role: Role::Admin,
                    venue_id: None,
                    active: false,
                    password: None,
                },
            )
            .expect_err("last admin");
        assert!(matches!(err, StoreError::Refused(Problem::LastAdmin)));
    }

    #[test]
    fn a_venue_user_must_be_bound_to_a_venue_and_short_passwords_are_refused() {
        let (_dir, mut ws) = workspace();
        let admin = ws
            .create_first_admin("kultur", "hemmelig-passord")
            .expect("admin");
        let venue_user = UserInput {
            id: None,
            username: "kino".into(),
            role: Role::Venue,
            venue_id: None,
            active: true,
            password: Some("langt-nok-passord".into()),
        };
        let err = ws
            .save_user(&admin, venue_user.clone())
            .expect_err("no venue");
        assert!(matches!(err, StoreError::Invalid(ref p) if p[0].field == "venueId"));
        let err = ws
            .save_user(
                &admin,
                UserInput {
                    role: Role::Admin,
                    password: Some("kort".into()),
                    ..venue_user
                },
            )
            .expect_err("short");
        assert!(matches!(err, StoreError::Invalid(ref p) if p[0].field == "password"));
    }
}
