//! Card holders. NAV keeps the full record; the culture office sees summaries only.

use crate::audit::log;
use crate::{invalid, require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::{Action, Actor, Holder, HolderInput, HolderSummary};
use rusqlite::{params, Connection, OptionalExtension, Row};

const COLUMNS: &str = "id, first_name, last_name, birth_date, language, guardian_name,
    guardian_phone, guardian_email, address, nav_contact, nav_note";

fn from_row(r: &Row) -> rusqlite::Result<Holder> {
    Ok(Holder {
        id: r.get(0)?,
        first_name: r.get(1)?,
        last_name: r.get(2)?,
        birth_date: r.get(3)?,
        language: r.get(4)?,
        guardian_name: r.get(5)?,
        guardian_phone: r.get(6)?,
        guardian_email: r.get(7)?,
        address: r.get(8)?,
        nav_contact: r.get(9)?,
        nav_note: r.get(10)?,
    })
}

pub(crate) fn holder_by_id(conn: &Connection, id: i64) -> Result<Holder, StoreError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM holders WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(StoreError::Missing {
        what: okort_core::i18n::Msg::ThingHolder,
        id,
    })
}

pub(crate) fn all_holders(conn: &Connection) -> Result<Vec<Holder>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM holders"))?;
    let mut list: Vec<Holder> = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
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
    input: &HolderInput,
) -> Result<Vec<Holder>, StoreError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM holders WHERE lower(first_name) = lower(?1)
           AND lower(last_name) = lower(?2) AND birth_date = ?3"
    ))?;
    let found: Vec<Holder> = stmt
        .query_map(
            params![input.first_name, input.last_name, input.birth_date],
            from_row,
        )?
        .collect::<Result<_, _>>()?;
    Ok(found
        .into_iter()
        .filter(|h| Some(h.id) != input.id)
        .collect())
}

/// Writes a validated holder and logs it; returns the id.
pub(crate) fn write_holder(
    conn: &Connection,
    actor: &Actor,
    h: &HolderInput,
) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO holders (id, first_name, last_name, birth_date, language, guardian_name,
            guardian_phone, guardian_email, address, nav_contact, nav_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name,
            last_name = excluded.last_name, birth_date = excluded.birth_date,
            language = excluded.language, guardian_name = excluded.guardian_name,
            guardian_phone = excluded.guardian_phone, guardian_email = excluded.guardian_email,
            address = excluded.address, nav_contact = excluded.nav_contact,
            nav_note = excluded.nav_note",
        params![
            h.id,
            h.first_name,
            h.last_name,
            h.birth_date,
            h.language,
            h.guardian_name,
            h.guardian_phone,
            h.guardian_email,
            h.address,
            h.nav_contact,
            h.nav_note
        ],
    )?;
    let id = h.id.unwrap_or_else(|| conn.last_insert_rowid());
    let action = if h.id.is_some() {
        "holder.update"
    } else {
        "holder.create"
    };
    log(conn, actor, action, "holder", Some(id), "")?;
    Ok(id)
}

impl Workspace {
    /// Every holder with the full record: NAV only.
    pub fn list_holders(&self, actor: &Actor) -> Result<Vec<Holder>, StoreError> {
        require(actor, Action::ManageHolders)?;
        all_holders(&self.conn)
    }

    /// Name and birth year of every holder: for printing and statistics.
    pub fn holder_summaries(&self, actor: &Actor) -> Result<Vec<HolderSummary>, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        Ok(all_holders(&self.conn)?
            .iter()
            .map(Holder::summary)
            .collect())
    }

    pub fn holder(&self, actor: &Actor, id: i64) -> Result<Holder, StoreError> {
        require(actor, Action::ManageHolders)?;
        holder_by_id(&self.conn, id)
    }

    /// Holders already registered with the same name and birth date: shown before saving.
    pub fn possible_duplicates(
        &self,
        actor: &Actor,
        input: HolderInput,
    ) -> Result<Vec<HolderSummary>, StoreError> {
        require(actor, Action::ManageHolders)?;
        Ok(duplicates_of(&self.conn, &input.normalized())?
            .iter()
            .map(Holder::summary)
            .collect())
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
        if let Some(id) = h.id {
            holder_by_id(&self.conn, id)?;
        }
        let id = write_holder(&self.conn, actor, &h)?;
        holder_by_id(&self.conn, id)
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
                birth_year: 2015
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
