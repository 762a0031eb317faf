//! The venue register (brukersteder).

use crate::audit::log;
use crate::{invalid, require, StoreError, Workspace};
use okort_core::i18n::Problem;
use okort_core::{Action, Actor, FieldProblem, Venue, VenueCategory, VenueInput};
use rusqlite::{params, Connection, OptionalExtension, Row};

const COLUMNS: &str = "id, name, category, address, contact_person, phone, email, org_number,
    bank_account, logo_id, active, staff_note";

fn from_row(r: &Row) -> rusqlite::Result<Venue> {
    let category: String = r.get(2)?;
    Ok(Venue {
        id: r.get(0)?,
        name: r.get(1)?,
        category: VenueCategory::parse(&category).unwrap_or(VenueCategory::Other),
        address: r.get(3)?,
        contact_person: r.get(4)?,
        phone: r.get(5)?,
        email: r.get(6)?,
        org_number: r.get(7)?,
        bank_account: r.get(8)?,
        logo_id: r.get(9)?,
        active: r.get(10)?,
        staff_note: r.get(11)?,
    })
}

pub(crate) fn find_by_name(conn: &Connection, name: &str) -> Result<Option<Venue>, StoreError> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM venues WHERE name = ?1 COLLATE NOCASE"),
            [name],
            from_row,
        )
        .optional()?)
}

pub(crate) fn find_by_org_number(
    conn: &Connection,
    org: &str,
) -> Result<Option<Venue>, StoreError> {
    if org.is_empty() {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM venues WHERE org_number = ?1"),
            [org],
            from_row,
        )
        .optional()?)
}

/// Inserts or updates a venue that has been validated; returns its id.
pub(crate) fn upsert(conn: &Connection, v: &VenueInput) -> Result<i64, StoreError> {
    conn.execute(
        "INSERT INTO venues (id, name, category, address, contact_person, phone, email,
            org_number, bank_account, active, staff_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, category = excluded.category,
            address = excluded.address, contact_person = excluded.contact_person,
            phone = excluded.phone, email = excluded.email, org_number = excluded.org_number,
            bank_account = excluded.bank_account, active = excluded.active,
            staff_note = excluded.staff_note",
        params![
            v.id,
            v.name,
            v.category.code(),
            v.address,
            v.contact_person,
            v.phone,
            v.email,
            v.org_number,
            v.bank_account,
            v.active,
            v.staff_note
        ],
    )?;
    Ok(v.id.unwrap_or_else(|| conn.last_insert_rowid()))
}

/// The problems a venue would cause against the venues already registered.
pub(crate) fn conflicts(conn: &Connection, v: &VenueInput) -> Result<Vec<Problem>, StoreError> {
    let mut out = Vec::new();
    if let Some(other) = find_by_name(conn, &v.name)? {
        if Some(other.id) != v.id {
            out.push(Problem::DuplicateVenueName);
        }
    }
    if let Some(other) = find_by_org_number(conn, &v.org_number)? {
        if Some(other.id) != v.id {
            out.push(Problem::DuplicateOrgNumber { other: other.name });
        }
    }
    Ok(out)
}

impl Workspace {
    /// Every venue, in name order (Norwegian letters last, as in the alphabet).
    pub fn list_venues(&self) -> Result<Vec<Venue>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM venues"))?;
        let mut venues: Vec<Venue> = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
        venues.sort_by_key(|v| sort_key(&v.name));
        Ok(venues)
    }

    pub fn venue(&self, id: i64) -> Result<Venue, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM venues WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or(StoreError::Missing {
                what: okort_core::i18n::Msg::ThingVenue,
                id,
            })
    }

    /// Creates (no id) or updates a venue after checking every field and uniqueness.
    pub fn save_venue(&self, actor: &Actor, input: VenueInput) -> Result<Venue, StoreError> {
        require(actor, Action::ManageVenues)?;
        let v = input.normalized();
        invalid(v.validate())?;
        let before = v.id.map(|id| self.venue(id)).transpose()?;
        let clashes = conflicts(&self.conn, &v)?
            .into_iter()
            .map(|problem| {
                let field = match problem {
                    Problem::DuplicateVenueName => "name",
                    _ => "orgNumber",
                };
                FieldProblem { field, problem }
            })
            .collect();
        invalid(clashes)?;
        let id = upsert(&self.conn, &v)?;
        log(&self.conn, actor, "venue.save", "venue", Some(id), "")?;
        if before.is_some_and(|b| b.bank_account != v.bank_account) {
            // Settlements already approved keep the account they were approved with.
            log(&self.conn, actor, "venue.account", "venue", Some(id), "")?;
        }
        self.venue(id)
    }

    /// Sets (or with `None`, removes) a venue's logo; the bytes must decode as an image.
    pub fn set_venue_logo(
        &self,
        actor: &Actor,
        venue_id: i64,
        bytes: Option<&[u8]>,
    ) -> Result<Venue, StoreError> {
        require(actor, Action::ManageVenues)?;
        self.venue(venue_id)?;
        let id = bytes.map(|b| self.add_image(b)).transpose()?;
        self.conn.execute(
            "UPDATE venues SET logo_id = ?1 WHERE id = ?2",
            params![id, venue_id],
        )?;
        self.prune_images()?;
        log(&self.conn, actor, "venue.logo", "venue", Some(venue_id), "")?;
        self.venue(venue_id)
    }
}

/// Sorts Æ, Ø, Å after Z as Norwegian readers expect.
pub fn sort_key(name: &str) -> Vec<u32> {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => 0x7B,
            'ø' | 'ö' => 0x7C,
            'å' => 0x7D,
            c => c as u32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::workspace;

    pub fn kino() -> VenueInput {
        VenueInput {
            id: None,
            name: "Kino Sentrum".into(),
            category: VenueCategory::Cinema,
            address: "Storgata 1".into(),
            contact_person: "Kari Nordmann".into(),
            phone: "22 33 44 55".into(),
            email: "post@kino.example".into(),
            org_number: "974760673".into(),
            bank_account: "86011117947".into(),
            active: true,
            staff_note: "Ledsager går gratis".into(),
        }
    }

    #[test]
    fn a_saved_venue_is_found_in_the_list_with_every_field() {
        let (_dir, ws) = workspace();
        let saved = ws.save_venue(&Actor::command_line(), kino()).expect("save");
        let list = ws.list_venues().expect("list");
        assert_eq!(list, vec![saved.clone()]);
        assert_eq!(saved.org_number, "974760673");
        assert_eq!(saved.staff_note, "Ledsager går gratis");
    }

    #[test]
    fn a_second_venue_with_the_same_org_number_is_refused_naming_the_first() {
        let (_dir, ws) = workspace();
        ws.save_venue(&Actor::command_line(), kino()).expect("save");
        let err = ws
            .save_venue(
                &Actor::command_line(),
                VenueInput {
                    name: "Annen kino".into(),
                    ..kino()
                },
            )
            .expect_err("duplicate org number");
        match err {
            StoreError::Invalid(p) => {
                assert_eq!(p[0].field, "orgNumber");
                assert!(p[0]
                    .problem
                    .message(okort_core::Lang::Nb)
                    .contains("Kino Sentrum"));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn venues_sort_with_norwegian_letters_last() {
        let (_dir, ws) = workspace();
        for name in ["Åsen bad", "Zumba", "Ødegården", "Bad"] {
            ws.save_venue(
                &Actor::command_line(),
                VenueInput {
                    name: name.into(),
                    org_number: String::new(),
                    ..kino()
                },
            )
            .expect("save");
        }
        let names: Vec<String> = ws
            .list_venues()
            .expect("list")
            .into_iter()
            .map(|v| v.name)
            .collect();
        assert_eq!(names, ["Bad", "Zumba", "Ødegården", "Åsen bad"]);
    }

    #[test]
    fn a_logo_is_kept_in_the_workspace_and_a_non_image_is_refused() {
        let (dir, mut ws) = workspace();
        ws.create_first_admin("kultur", "hemmelig-passord")
            .expect("admin");
        let v = ws.save_venue(&Actor::command_line(), kino()).expect("save");
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#;
        let with_logo = ws
            .set_venue_logo(&Actor::command_line(), v.id, Some(svg))
            .expect("logo");
        let logo_id = with_logo.logo_id.expect("logo id");
        assert!(matches!(
            ws.set_venue_logo(&Actor::command_line(), v.id, Some(b"GIF89a not really")),
            Err(StoreError::Image(_))
        ));
        drop(ws);
        let (reopened, _) =
            Workspace::unlock(&dir.path().join("test.okort"), "kultur", "hemmelig-passord")
                .expect("reopen");
        assert_eq!(reopened.image(logo_id).expect("image").bytes, svg.to_vec());
        assert_eq!(reopened.venue(v.id).expect("venue").logo_id, Some(logo_id));
    }
}
