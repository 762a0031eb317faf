//! Card holders. NAV keeps the full record; the culture office sees summaries only.

use crate::audit::log;
use crate::vault::Key;
use crate::{invalid, require, StoreError, Workspace};
use chrono::Datelike;
use chrono::NaiveDate;
use okort_core::i18n::Problem;
use okort_core::{Action, Actor, Holder, HolderInput, HolderSummary};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

const COLUMNS: &str = "id, first_name, last_name, language, birth_year, nav_sealed";

/// NAV's part of a holder, sealed with the NAV key: only a NAV login reads or writes it.
#[derive(Serialize, Deserialize)]
struct NavPart {
    birth_date: NaiveDate,
    guardian_name: String,
    guardian_phone: String,
    guardian_email: String,
    address: String,
    nav_contact: String,
    nav_note: String,
}

/// What NAV's part is sealed to: its holder (so it cannot be moved to another).
fn context(id: i64) -> Vec<u8> {
    format!("holder:{id}").into_bytes()
}

/// A holder as read: without the NAV key (or after anonymisation), NAV's part is empty and
/// the birth date is 1 January of the birth year.
struct Read {
    id: i64,
    first_name: String,
    last_name: String,
    language: String,
    birth_year: i32,
    sealed: Option<Vec<u8>>,
}

fn read_row(r: &Row) -> rusqlite::Result<Read> {
    Ok(Read {
        id: r.get(0)?,
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        language: r.get(3)?,
        birth_year: r.get(4)?,
        sealed: r.get(5)?,
    })
}

impl Read {
    fn holder(self, nav: Option<&Key>) -> Result<Holder, StoreError> {
        let part =
            match (nav, &self.sealed) {
                (Some(key), Some(sealed)) => {
                    let plain = key
                        .open(sealed, &context(self.id))
                        .ok_or(StoreError::Refused(Problem::NavPartUnreadable {
                            id: self.id,
                        }))?;
                    Some(serde_json::from_slice::<NavPart>(&plain).map_err(|_| {
                        StoreError::Refused(Problem::NavPartUnreadable { id: self.id })
                    })?)
                }
                _ => None,
            };
        let part = part.unwrap_or_else(|| NavPart {
            birth_date: NaiveDate::from_ymd_opt(self.birth_year, 1, 1).unwrap_or_default(),
            guardian_name: String::new(),
            guardian_phone: String::new(),
            guardian_email: String::new(),
            address: String::new(),
            nav_contact: String::new(),
            nav_note: String::new(),
        });
        Ok(Holder {
            id: self.id,
            first_name: self.first_name,
            last_name: self.last_name,
            birth_date: part.birth_date,
            language: self.language,
            guardian_name: part.guardian_name,
            guardian_phone: part.guardian_phone,
            guardian_email: part.guardian_email,
            address: part.address,
            nav_contact: part.nav_contact,
            nav_note: part.nav_note,
        })
    }
}

/// One holder; NAV's part only with the NAV key.
pub(crate) fn holder_by_id(
    conn: &Connection,
    nav: Option<&Key>,
    id: i64,
) -> Result<Holder, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM holders WHERE id = ?1"),
        [id],
        read_row,
    )
    .optional()?
    .ok_or(StoreError::Missing {
        what: okort_core::i18n::Msg::ThingHolder,
        id,
    })?
    .holder(nav)
}

pub(crate) fn all_holders(conn: &Connection, nav: Option<&Key>) -> Result<Vec<Holder>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM holders"))?;
    let rows: Vec<Read> = stmt.query_map([], read_row)?.collect::<Result<_, _>>()?;
    let mut list = rows
        .into_iter()
        .map(|r| r.holder(nav))
        .collect::<Result<Vec<_>, _>>()?;
    list.sort_by_key(|h| {
        (
            crate::venues::sort_key(&h.last_name),
            crate::venues::sort_key(&h.first_name),
        )
    });
    Ok(list)
}

/// Holders with the same name (ignoring case) and birth date as `input`, other than itself.
pub(crate) fn duplicates_of(
    conn: &Connection,
    nav: &Key,
    input: &HolderInput,
) -> Result<Vec<Holder>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM holders WHERE lower(first_name) = lower(?1)
           AND lower(last_name) = lower(?2) AND birth_year = ?3"
    ))?;
    let rows: Vec<Read> = stmt
        .query_map(
            params![input.first_name, input.last_name, input.birth_date.year()],
            read_row,
        )?
        .collect::<Result<_, _>>()?;
    let mut found = Vec::new();
    for r in rows {
        let h = r.holder(Some(nav))?;
        if Some(h.id) != input.id && h.birth_date == input.birth_date {
            found.push(h);
        }
    }
    Ok(found)
}

/// Writes a validated holder (NAV's part sealed with the NAV key) and logs it; returns the id.
pub(crate) fn write_holder(
    conn: &Connection,
    nav: &Key,
    actor: &Actor,
    h: &HolderInput,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO holders (id, first_name, last_name, language, birth_year)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name,
            last_name = excluded.last_name, language = excluded.language,
            birth_year = excluded.birth_year",
        params![
            h.id,
            h.first_name,
            h.last_name,
            h.language,
            h.birth_date.year()
        ],
    )?;
    let id = h.id.unwrap_or_else(|| conn.last_insert_rowid());
    seal_part(
        conn,
        nav,
        id,
        &NavPart {
            birth_date: h.birth_date,
            guardian_name: h.guardian_name.clone(),
            guardian_phone: h.guardian_phone.clone(),
            guardian_email: h.guardian_email.clone(),
            address: h.address.clone(),
            nav_contact: h.nav_contact.clone(),
            nav_note: h.nav_note.clone(),
        },
    )?;
    let action = if h.id.is_some() {
        "holder.update"
    } else {
        "holder.create"
    };
    log(conn, actor, action, "holder", Some(id), "")?;
    Ok(id)
}

fn seal_part(conn: &Connection, nav: &Key, id: i64, part: &NavPart) -> Result<(), StoreError> {
    let plain =
        Zeroizing::new(serde_json::to_vec(part).map_err(|e| StoreError::Random(e.to_string()))?);
    let sealed = nav.seal(&plain, &context(id))?;
    conn.execute(
        "UPDATE holders SET nav_sealed = ?1 WHERE id = ?2",
        params![sealed, id],
    )?;
    Ok(())
}

/// Seals NAV's part of every holder of a workspace from before encryption (schema 12, with
/// the old plain columns still there); the next migration drops the plain columns.
pub(crate) fn seal_plain_parts(conn: &Connection, nav: &Key) -> Result<(), StoreError> {
    let mut stmt = conn.prepare(
        "SELECT id, birth_date, guardian_name, guardian_phone, guardian_email, address,
            nav_contact, nav_note FROM holders",
    )?;
    let parts: Vec<(i64, NavPart)> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                NavPart {
                    birth_date: r.get(1)?,
                    guardian_name: r.get(2)?,
                    guardian_phone: r.get(3)?,
                    guardian_email: r.get(4)?,
                    address: r.get(5)?,
                    nav_contact: r.get(6)?,
                    nav_note: r.get(7)?,
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    for (id, part) in &parts {
        seal_part(conn, nav, *id, part)?;
    }
    Ok(())
}

impl Workspace {
    /// Every holder with the full record: NAV only.
    pub fn list_holders(&self, actor: &Actor) -> Result<Vec<Holder>, StoreError> {
        require(actor, Action::ManageHolders)?;
        all_holders(&self.conn, Some(self.nav_key(actor)?))
    }

    /// Name and birth year of every holder: for printing and statistics.
    pub fn holder_summaries(&self, actor: &Actor) -> Result<Vec<HolderSummary>, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        Ok(all_holders(&self.conn, None)?
            .iter()
            .map(Holder::summary)
            .collect())
    }

    pub fn holder(&self, actor: &Actor, id: i64) -> Result<Holder, StoreError> {
        require(actor, Action::ManageHolders)?;
        holder_by_id(&self.conn, Some(self.nav_key(actor)?), id)
    }

    /// Holders already registered with the same name and birth date: shown before saving.
    pub fn possible_duplicates(
        &self,
        actor: &Actor,
        input: HolderInput,
    ) -> Result<Vec<HolderSummary>, StoreError> {
        require(actor, Action::ManageHolders)?;
        Ok(
            duplicates_of(&self.conn, self.nav_key(actor)?, &input.normalized())?
                .iter()
                .map(Holder::summary)
                .collect(),
        )
    }

    pub fn save_holder(
        &self,
        actor: &Actor,
        input: HolderInput,
        today: NaiveDate,
    ) -> Result<Holder, StoreError> {
        require(actor, Action::ManageHolders)?;
        let h = input.normalized();
        invalid(h.validate(today))?;
        let nav = self.nav_key(actor)?;
        if let Some(id) = h.id {
            holder_by_id(&self.conn, Some(nav), id)?;
        }
        let tx = self.conn.unchecked_transaction()?;
        let id = write_holder(&tx, nav, actor, &h)?;
        tx.commit()?;
        holder_by_id(&self.conn, Some(nav), id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::workspace;
    use okort_core::Role;

    pub(crate) fn nav() -> Actor {
        Actor {
            user_id: 2,
            role: Role::Nav,
            venue_id: None,
        }
    }

    pub(crate) fn input(first: &str) -> HolderInput {
        HolderInput {
            id: None,
            first_name: first.into(),
            last_name: "Hansen".into(),
            birth_date: NaiveDate::from_ymd_opt(2015, 5, 1).expect("date"),
            language: "nb".into(),
            guardian_name: "Mor Hansen".into(),
            guardian_phone: "91234567".into(),
            guardian_email: String::new(),
            address: "Gata 1".into(),
            nav_contact: "Veileder".into(),
            nav_note: "Kun for NAV".into(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).expect("date")
    }

    #[test]
    fn nav_registers_a_holder_and_the_culture_office_sees_only_the_summary() {
        let (_dir, ws) = workspace();
        let saved = ws.save_holder(&nav(), input("Ola"), today()).expect("save");
        assert_eq!(
            ws.list_holders(&nav()).expect("list")[0].nav_note,
            "Kun for NAV"
        );
        let admin = Actor {
            user_id: 1,
            role: Role::Admin,
            venue_id: None,
        };
        assert!(matches!(
            ws.list_holders(&admin),
            Err(StoreError::Denied(Role::Admin))
        ));
        let summary = ws.holder_summaries(&admin).expect("summaries");
        assert_eq!(
            summary,
            vec![HolderSummary {
                id: saved.id,
                first_name: "Ola".into(),
                last_name: "Hansen".into(),
                birth_year: 2015,
                language: "nb".into(),
            }]
        );
    }

    #[test]
    fn a_holder_with_the_same_name_and_birth_date_is_flagged_as_a_possible_duplicate() {
        let (_dir, ws) = workspace();
        let first = ws.save_holder(&nav(), input("Ola"), today()).expect("save");
        let again = HolderInput {
            first_name: "OLA".into(),
            ..input("x")
        };
        let dups = ws.possible_duplicates(&nav(), again).expect("check");
        assert_eq!(dups.len(), 1);
        assert_eq!(dups[0].id, first.id);
        let itself = HolderInput {
            id: Some(first.id),
            ..input("Ola")
        };
        assert!(ws
            .possible_duplicates(&nav(), itself)
            .expect("check")
            .is_empty());
    }

    #[test]
    fn every_change_to_a_holder_is_audited_without_names() {
        let (_dir, ws) = workspace();
        let h = ws.save_holder(&nav(), input("Ola"), today()).expect("save");
        ws.save_holder(
            &nav(),
            HolderInput {
                id: Some(h.id),
                ..input("Ola")
            },
            today(),
        )
        .expect("update");
        let admin = Actor {
            user_id: 1,
            role: Role::Admin,
            venue_id: None,
        };
        let log = ws
            .audit_log(&admin, &crate::AuditQuery::latest(10), okort_core::Lang::Nb)
            .expect("log");
        let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["holder.update", "holder.create"]);
        assert!(log
            .iter()
            .all(|e| e.user_id == 2 && !e.detail.contains("Ola")));
        assert!(matches!(
            ws.audit_log(&nav(), &crate::AuditQuery::latest(10), okort_core::Lang::Nb),
            Err(StoreError::Denied(Role::Nav))
        ));
    }
}
