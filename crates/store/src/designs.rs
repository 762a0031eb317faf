//! The year's card design: stored once chosen, otherwise drawn from the program and the year.

use crate::audit::log;
use crate::{invalid, require, StoreError, Workspace};
use okort_core::i18n::Msg;
use okort_core::{Action, Actor, CardDesign, Lang, PrinterProfile};
use rusqlite::{params, OptionalExtension};

impl Workspace {
    /// The design that prints: the stored one, or the default for the year with its texts in
    /// `lang`.
    pub fn card_design(&self, year_id: i64, lang: Lang) -> Result<CardDesign, StoreError> {
        let stored = self
            .conn
            .query_row(
                "SELECT title, rules, contact, show_venue_logos, show_qr, venue_order
                 FROM card_designs WHERE year_id = ?1",
                [year_id],
                |r| {
                    let order: String = r.get(5)?;
                    Ok(CardDesign {
                        year_id,
                        title: r.get(0)?,
                        rules: r.get(1)?,
                        contact: r.get(2)?,
                        show_venue_logos: r.get(3)?,
                        show_qr: r.get(4)?,
                        venue_ids: (!order.is_empty())
                            .then(|| order.split(',').filter_map(|s| s.parse().ok()).collect()),
                    })
                },
            )
            .optional()?;
        match stored {
            Some(d) => Ok(d),
            None => self.default_design(year_id, lang),
        }
    }

    fn default_design(&self, year_id: i64, lang: Lang) -> Result<CardDesign, StoreError> {
        let program = self.program()?;
        let year = self.year(year_id)?;
        let contact = [
            program.contact_name.as_str(),
            &program.contact_phone,
            &program.contact_email,
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        Ok(CardDesign {
            year_id,
            title: format!("{} {}", program.name, year.year),
            rules: if year.companion_free {
                Msg::DesignRulesCompanion
            } else {
                Msg::DesignRulesPersonal
            }
            .text(lang),
            contact: if contact.is_empty() {
                String::new()
            } else {
                Msg::DesignContact { contact }.text(lang)
            },
            show_venue_logos: true,
            show_qr: true,
            venue_ids: None,
        })
    }

    pub fn save_card_design(
        &self,
        actor: &Actor,
        design: CardDesign,
    ) -> Result<CardDesign, StoreError> {
        require(actor, Action::ManageProgram)?;
        let d = design.normalized();
        invalid(d.validate())?;
        self.year(d.year_id)?;
        let order = d
            .venue_ids
            .as_ref()
            .map(|ids| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
            .unwrap_or_default();
        self.conn.execute(
            "INSERT INTO card_designs (year_id, title, rules, contact, show_venue_logos, show_qr,
                venue_order) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (year_id) DO UPDATE SET title = excluded.title, rules = excluded.rules,
                contact = excluded.contact, show_venue_logos = excluded.show_venue_logos,
                show_qr = excluded.show_qr, venue_order = excluded.venue_order",
            params![
                d.year_id,
                d.title,
                d.rules,
                d.contact,
                d.show_venue_logos,
                d.show_qr,
                order
            ],
        )?;
        log(
            &self.conn,
            actor,
            "design.save",
            "year",
            Some(d.year_id),
            "",
        )?;
        self.card_design(d.year_id, Lang::Nb)
    }

    /// "Copy from last year": the design of `from` saved for `to`.
    pub fn copy_card_design(
        &self,
        actor: &Actor,
        from_year_id: i64,
        to_year_id: i64,
        lang: Lang,
    ) -> Result<CardDesign, StoreError> {
        let from = self.year(from_year_id)?;
        let to = self.year(to_year_id)?;
        let design = self
            .card_design(from_year_id, lang)?
            .for_year(from.year, to.year, to.id);
        self.save_card_design(actor, design)
    }
}

impl Workspace {
    pub fn printer_profiles(&self) -> Result<Vec<PrinterProfile>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, offset_x_mm, offset_y_mm, scale_percent FROM printer_profiles
             ORDER BY name",
        )?;
        let list = stmt
            .query_map([], |r| {
                Ok(PrinterProfile {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    offset_x_mm: r.get(2)?,
                    offset_y_mm: r.get(3)?,
                    scale_percent: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(list)
    }

    pub fn printer_profile(&self, id: i64) -> Result<PrinterProfile, StoreError> {
        self.printer_profiles()?
            .into_iter()
            .find(|p| p.id == Some(id))
            .ok_or(StoreError::Missing {
                what: okort_core::i18n::Msg::ThingPrinterProfile,
                id,
            })
    }

    pub fn printer_profile_by_name(
        &self,
        name: &str,
    ) -> Result<Option<PrinterProfile>, StoreError> {
        Ok(self
            .printer_profiles()?
            .into_iter()
            .find(|p| p.name.eq_ignore_ascii_case(name.trim())))
    }

    /// Creates or updates a profile; names are unique.
    pub fn save_printer_profile(
        &self,
        actor: &Actor,
        mut profile: PrinterProfile,
    ) -> Result<PrinterProfile, StoreError> {
        require(actor, Action::MarkCardsPrinted)?;
        profile.name = profile.name.trim().to_string();
        invalid(profile.validate())?;
        if let Some(other) = self.printer_profile_by_name(&profile.name)? {
            if other.id != profile.id {
                return Err(crate::field_problem(
                    "name",
                    okort_core::i18n::Problem::NameTaken,
                ));
            }
        }
        self.conn.execute(
            "INSERT INTO printer_profiles (id, name, offset_x_mm, offset_y_mm, scale_percent)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name,
                offset_x_mm = excluded.offset_x_mm, offset_y_mm = excluded.offset_y_mm,
                scale_percent = excluded.scale_percent",
            params![
                profile.id,
                profile.name,
                profile.offset_x_mm,
                profile.offset_y_mm,
                profile.scale_percent
            ],
        )?;
        let id = profile.id.unwrap_or_else(|| self.conn.last_insert_rowid());
        log(&self.conn, actor, "printer.save", "printer", Some(id), "")?;
        self.printer_profile(id)
    }

    pub fn delete_printer_profile(&self, actor: &Actor, id: i64) -> Result<(), StoreError> {
        require(actor, Action::MarkCardsPrinted)?;
        let name = self.printer_profile(id)?.name;
        self.conn
            .execute("DELETE FROM printer_profiles WHERE id = ?1", [id])?;
        log(
            &self.conn,
            actor,
            "printer.delete",
            "printer",
            Some(id),
            &name,
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::workspace;
    use okort_core::Actor;
    use okort_core::{Lang, ProgramYearInput};

    #[test]
    fn a_year_without_a_saved_design_gets_one_from_the_program_and_a_saved_one_is_kept() {
        let (_dir, ws) = workspace();
        let y = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(2026).expect("y"),
            )
            .expect("year");
        let d = ws.card_design(y.id, Lang::Nb).expect("default");
        assert_eq!(d.title, "Opplevelseskortet 2026");
        assert!(d.rules.contains("ledsager"));
        let saved = ws
            .save_card_design(
                &Actor::command_line(),
                okort_core::CardDesign {
                    show_qr: false,
                    venue_ids: Some(vec![2, 1]),
                    ..d
                },
            )
            .expect("save");
        assert_eq!(ws.card_design(y.id, Lang::Nb).expect("read"), saved);
        assert_eq!(saved.venue_ids, Some(vec![2, 1]));

        let next = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(2027).expect("y"),
            )
            .expect("2027");
        let copied = ws
            .copy_card_design(&Actor::command_line(), y.id, next.id, Lang::Nb)
            .expect("copy");
        assert_eq!(copied.title, "Opplevelseskortet 2027");
        assert!(!copied.show_qr);
    }
}

#[cfg(test)]
mod profile_tests {
    use crate::test_support::workspace;
    use okort_core::{Actor, PrinterProfile};

    #[test]
    fn printer_profiles_are_kept_by_name() {
        let (_dir, ws) = workspace();
        let p = ws
            .save_printer_profile(
                &Actor::command_line(),
                PrinterProfile {
                    id: None,
                    name: "Kortskriver".into(),
                    offset_x_mm: 1.5,
                    offset_y_mm: -0.5,
                    scale_percent: 99.0,
                },
            )
            .expect("save");
        assert_eq!(
            ws.printer_profile_by_name("kortskriver").expect("find"),
            Some(p.clone())
        );
        let dup = PrinterProfile {
            id: None,
            ..p.clone()
        };
        assert!(
            ws.save_printer_profile(&Actor::command_line(), dup)
                .is_err(),
            "names are unique"
        );
        ws.delete_printer_profile(&Actor::command_line(), p.id.expect("id"))
            .expect("delete");
        assert!(ws.printer_profiles().expect("list").is_empty());
    }
}
