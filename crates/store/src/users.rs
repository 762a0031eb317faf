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

    /// Checks a login. The message never says whether the name or the password was wrong.
    pub fn login(&self, username: &str, password: &str) -> Result<Actor, StoreError> {
        let found: Option<(i64, String, String, Option<i64>, bool)> = self
            .conn
            .query_row(
                "SELECT id, password_hash, role, venue_id, active FROM users
                 WHERE username = ?1 COLLATE NOCASE",
                [username.trim()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        match found {
            Some((id, hash, role, venue_id, true)) if verify_password(password, &hash) => {
                let role = Role::parse(&role).unwrap_or(Role::Venue);
                Ok(Actor {
                    user_id: id,
                    role,
                    venue_id,
                })
            }
            _ => refuse(Problem::LoginFailed),
        }
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
