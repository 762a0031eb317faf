//! Users of a workspace and their logins. Passwords are stored as argon2id hashes only.

use crate::audit::log;
use crate::{field_problem, refuse, require, StoreError, Workspace};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use okort_core::i18n::Problem;
use okort_core::{Action, Actor, Role};
use rusqlite::{params, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub venue_id: Option<i64>,
    pub active: bool,
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
    })
}

pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], StoreError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| StoreError::Random(e.to_string()))?;
    Ok(buf)
}

fn hash_password(password: &str) -> Result<String, StoreError> {
    if password.chars().count() < 8 {
        return Err(field_problem("password", Problem::PasswordTooShort));
    }
    let salt = SaltString::encode_b64(&random_bytes::<16>()?)
        .map_err(|e| StoreError::Random(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Random(e.to_string()))
}

/// Failures in a row a user name may have before it is locked.
const FREE_ATTEMPTS: u32 = 5;

/// How long a name is locked after `failures` in a row: a minute at the fifth, doubling with
/// each further failure, at most an hour.
fn lock_for(failures: u32) -> chrono::Duration {
    let doublings = failures.saturating_sub(FREE_ATTEMPTS).min(6);
    chrono::Duration::minutes((1i64 << doublings).min(60))
}

/// A hash no password matches in practice, checked for names that do not exist so that a
/// wrong name takes as long as a wrong password.
fn stand_in_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        let salt = SaltString::encode_b64(b"okort-stand-in!!")
            .unwrap_or_else(|_| unreachable!("sixteen bytes are a valid salt"));
        Argon2::default()
            .hash_password(b"no user has this password", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
    .clone()
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

impl Workspace {
    /// False on a new workspace: the first start then creates the administrator.
    pub fn has_users(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM users)", [], |r| r.get(0))?)
    }

    /// Creates the first administrator; refused once any user exists.
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
        let user = self.write_user(&Actor::command_line(), input)?;
        Ok(Actor {
            user_id: user.id,
            role: Role::Admin,
            venue_id: None,
        })
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

    /// Checks a login now. See [`Workspace::login_at`].
    pub fn login(&self, username: &str, password: &str) -> Result<Actor, StoreError> {
        self.login_at(username, password, chrono::Utc::now())
    }

    /// Checks a login at `now`. The answer never says whether the name or the password was
    /// wrong, and takes as long either way (an unknown name is checked against a stand-in
    /// hash). Every failure is logged; after five in a row the name is locked for a minute,
    /// twice as long after each further failure (at most an hour), names that do not exist
    /// alike. A deactivated user cannot log in.
    pub fn login_at(
        &self,
        username: &str,
        password: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<Actor, StoreError> {
        let name = username.trim();
        let (failures, locked_until): (u32, Option<chrono::DateTime<chrono::Utc>>) = self
            .conn
            .query_row(
                "SELECT failures, locked_until FROM login_attempts WHERE username = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .unwrap_or((0, None));
        if let Some(until) = locked_until.filter(|u| *u > now) {
            let minutes = ((until - now).num_seconds() + 59).div_euclid(60).max(1);
            return refuse(Problem::LoginLocked { minutes });
        }
        let found: Option<(i64, String, String, Option<i64>, bool)> = self
            .conn
            .query_row(
                "SELECT id, password_hash, role, venue_id, active FROM users
                 WHERE username = ?1 COLLATE NOCASE",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let hash = found.as_ref().map_or_else(stand_in_hash, |f| f.1.clone());
        let matches = verify_password(password, &hash);
        if let (Some((id, _, role, venue_id, true)), true) = (&found, matches) {
            self.conn
                .execute("DELETE FROM login_attempts WHERE username = ?1", [name])?;
            return Ok(Actor {
                user_id: *id,
                role: Role::parse(role).unwrap_or(Role::Venue),
                venue_id: *venue_id,
            });
        }
        let failures = failures + 1;
        let locked = (failures >= FREE_ATTEMPTS).then(|| now + lock_for(failures));
        self.conn.execute(
            "INSERT INTO login_attempts (username, failures, locked_until) VALUES (?1, ?2, ?3)
             ON CONFLICT (username) DO UPDATE SET failures = excluded.failures,
                locked_until = excluded.locked_until",
            params![name, failures, locked],
        )?;
        let system = Actor::command_line();
        match &found {
            Some((id, ..)) => log(
                &self.conn,
                &system,
                "user.login_failed",
                "user",
                Some(*id),
                "",
            )?,
            None => log(&self.conn, &system, "login.unknown_name", "user", None, "")?,
        }
        if locked.is_some() {
            let id = found.as_ref().map(|f| f.0);
            log(
                &self.conn,
                &system,
                "user.locked",
                "user",
                id,
                &failures.to_string(),
            )?;
        }
        refuse(Problem::LoginFailed)
    }

    pub fn list_users(&self, actor: &Actor) -> Result<Vec<User>, StoreError> {
        require(actor, Action::ManageUsers)?;
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
    }

    /// Creates or updates a user; the last active administrator cannot be demoted or disabled.
    pub fn save_user(&mut self, actor: &Actor, input: UserInput) -> Result<User, StoreError> {
        require(actor, Action::ManageUsers)?;
        self.write_user(actor, input)
    }

    fn write_user(&mut self, actor: &Actor, mut input: UserInput) -> Result<User, StoreError> {
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
        let hash = match (&input.password, input.id) {
            (Some(p), _) => Some(hash_password(p)?),
            (None, None) => return Err(field_problem("password", Problem::PasswordTooShort)),
            (None, Some(_)) => None,
        };
        let tx = self.conn.transaction()?;
        let id = match input.id {
            Some(id) => {
                let before: (String, bool) = tx
                    .query_row("SELECT role, active FROM users WHERE id = ?1", [id], |r| {
                        Ok((r.get(0)?, r.get(1)?))
                    })
                    .optional()?
                    .ok_or(StoreError::Missing {
                        what: okort_core::i18n::Msg::ThingUser,
                        id,
                    })?;
                let stays_admin = input.role == Role::Admin && input.active;
                if before == ("admin".to_string(), true) && !stays_admin {
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
                        id
                    ],
                )?;
                if let Some(h) = &hash {
                    tx.execute(
                        "UPDATE users SET password_hash = ?1 WHERE id = ?2",
                        params![h, id],
                    )?;
                    log(&tx, actor, "user.password", "user", Some(id), "")?;
                }
                log(
                    &tx,
                    actor,
                    "user.update",
                    "user",
                    Some(id),
                    input.role.code(),
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO users (username, password_hash, role, venue_id, active)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![
                        input.username,
                        hash,
                        input.role.code(),
                        input.venue_id,
                        input.active
                    ],
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
        tx.commit()?;
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
    fn passwords_are_stored_only_as_argon2id_hashes() {
        let (_dir, mut ws) = workspace();
        ws.create_first_admin("kultur", "hemmelig-passord")
            .expect("admin");
        let hash: String = ws
            .conn
            .query_row("SELECT password_hash FROM users", [], |r| r.get(0))
            .expect("hash");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("hemmelig"));
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
                    role: Role::Nav,
                    password: Some("kort".into()),
                    ..venue_user
                },
            )
            .expect_err("short");
        assert!(matches!(err, StoreError::Invalid(ref p) if p[0].field == "password"));
    }
}
