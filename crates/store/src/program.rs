//! The one program row: municipality, contact, colours, logo and coat of arms.

use crate::audit::log;
use crate::{invalid, require, StoreError, Workspace};
use okort_core::{Action, Actor, Program, ProgramInput};
use rusqlite::params;

/// Which of the program's two images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramImage {
    Logo,
    CoatOfArms,
}

impl Workspace {
    pub fn program(&self) -> Result<Program, StoreError> {
        Ok(self.conn.query_row(
            "SELECT municipality, name, contact_name, contact_phone, contact_email, logo_id,
                    coat_of_arms_id, primary_colour, accent_colour, desk_idle_minutes,
                    retention_years
             FROM program WHERE id = 1",
            [],
            |r| {
                Ok(Program {
                    municipality: r.get(0)?,
                    name: r.get(1)?,
                    contact_name: r.get(2)?,
                    contact_phone: r.get(3)?,
                    contact_email: r.get(4)?,
                    logo_id: r.get(5)?,
                    coat_of_arms_id: r.get(6)?,
                    primary_colour: r.get(7)?,
                    accent_colour: r.get(8)?,
                    desk_idle_minutes: r.get(9)?,
                    retention_years: r.get(10)?,
                })
            },
        )?)
    }

    pub fn save_program(&self, actor: &Actor, input: ProgramInput) -> Result<Program, StoreError> {
        require(actor, Action::ManageProgram)?;
        let p = input.normalized();
        invalid(p.validate())?;
        self.conn.execute(
            "UPDATE program SET municipality = ?1, name = ?2, contact_name = ?3,
                    contact_phone = ?4, contact_email = ?5, primary_colour = ?6,
                    accent_colour = ?7, desk_idle_minutes = ?8, retention_years = ?9
             WHERE id = 1",
            params![
                p.municipality,
                p.name,
                p.contact_name,
                p.contact_phone,
                p.contact_email,
                p.primary_colour,
                p.accent_colour,
                p.desk_idle_minutes,
                p.retention_years
            ],
        )?;
        log(&self.conn, actor, "program.save", "program", Some(1), "")?;
        self.program()
    }

    /// Sets (or with `None`, removes) the program logo or coat of arms.
    pub fn set_program_image(
        &self,
        actor: &Actor,
        which: ProgramImage,
        bytes: Option<&[u8]>,
    ) -> Result<Program, StoreError> {
        require(actor, Action::ManageProgram)?;
        let id = bytes.map(|b| self.add_image(b)).transpose()?;
        let sql = match which {
            ProgramImage::Logo => "UPDATE program SET logo_id = ?1 WHERE id = 1",
            ProgramImage::CoatOfArms => "UPDATE program SET coat_of_arms_id = ?1 WHERE id = 1",
        };
        self.conn.execute(sql, [id])?;
        self.prune_images()?;
        log(&self.conn, actor, "program.image", "program", Some(1), "")?;
        self.program()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::workspace;

    fn input() -> ProgramInput {
        ProgramInput {
            municipality: "Eksempel kommune".into(),
            name: "Opplevelseskortet".into(),
            contact_name: "Kulturkontoret".into(),
            contact_phone: "67 00 00 00".into(),
            contact_email: "kultur@eksempel.kommune.no".into(),
            primary_colour: "#1f5f8b".into(),
            accent_colour: "#f2a900".into(),
            desk_idle_minutes: 15,
            retention_years: 3,
        }
    }

    #[test]
    fn a_new_workspace_is_new_until_the_municipality_is_set() {
        let (_dir, ws) = workspace();
        assert!(ws.is_new().expect("read"));
        ws.save_program(&Actor::command_line(), input())
            .expect("save");
        assert!(!ws.is_new().expect("read"));
    }

    #[test]
    fn a_program_without_a_name_is_refused_with_a_message_on_both_fields() {
        let (_dir, ws) = workspace();
        let err = ws
            .save_program(
                &Actor::command_line(),
                ProgramInput {
                    municipality: "".into(),
                    name: "  ".into(),
                    ..input()
                },
            )
            .expect_err("names required");
        let StoreError::Invalid(problems) = err else {
            panic!("expected field problems, got {err:?}");
        };
        let fields: Vec<&str> = problems.iter().map(|p| p.field).collect();
        assert_eq!(fields, ["municipality", "name"]);
        assert!(ws.is_new().expect("read"), "nothing was saved");
    }

    #[test]
    fn a_program_without_municipality_is_refused_and_nothing_changes() {
        let (_dir, ws) = workspace();
        let err = ws
            .save_program(
                &Actor::command_line(),
                ProgramInput {
                    municipality: " ".into(),
                    ..input()
                },
            )
            .expect_err("municipality required");
        assert!(matches!(err, StoreError::Invalid(ref p) if p[0].field == "municipality"));
        assert_eq!(ws.program().expect("read").contact_name, "");
    }

    #[test]
    fn a_coat_of_arms_that_is_not_an_image_is_refused() {
        let (_dir, ws) = workspace();
        let err = ws
            .set_program_image(
                &Actor::command_line(),
                ProgramImage::CoatOfArms,
                Some(b"not an image"),
            )
            .expect_err("refused");
        assert!(matches!(err, StoreError::Image(_)));
        assert_eq!(ws.program().expect("read").coat_of_arms_id, None);
    }
}
