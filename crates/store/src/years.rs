//! Program years (driftsår) and copying a year's agreements into the next.

use crate::audit::log;
use crate::{field_problem, invalid, require, StoreError, Workspace};
use okort_core::i18n::Problem;
use okort_core::{Action, Actor, AgreementInput, ProgramYear, ProgramYearInput, YearStatus};
use rusqlite::{params, OptionalExtension, Row};

const COLUMNS: &str = "id, year, valid_from, valid_to, card_quota, age_min, age_max,
    companion_free, status, family_cap";

fn from_row(r: &Row) -> rusqlite::Result<ProgramYear> {
    let status: String = r.get(8)?;
    Ok(ProgramYear {
        id: r.get(0)?,
        year: r.get(1)?,
        valid_from: r.get(2)?,
        valid_to: r.get(3)?,
        card_quota: r.get(4)?,
        age_min: r.get(5)?,
        age_max: r.get(6)?,
        companion_free: r.get(7)?,
        status: YearStatus::parse(&status).unwrap_or(YearStatus::Planning),
        family_cap: r.get(9)?,
    })
}

impl Workspace {
    /// All program years, newest first.
    pub fn list_years(&self) -> Result<Vec<ProgramYear>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM program_years ORDER BY year DESC"
        ))?;
        let years = stmt.query_map([], from_row)?.collect::<Result<_, _>>()?;
        Ok(years)
    }

    pub fn year(&self, id: i64) -> Result<ProgramYear, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM program_years WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or(StoreError::Missing {
                what: okort_core::i18n::Msg::ThingYear,
                id,
            })
    }

    pub fn year_by_number(&self, year: i32) -> Result<Option<ProgramYear>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM program_years WHERE year = ?1"),
                [year],
                from_row,
            )
            .optional()?)
    }

    /// Creates a year (no id) or updates one; a second row for the same year is refused.
    pub fn save_year(
        &self,
        actor: &Actor,
        input: ProgramYearInput,
    ) -> Result<ProgramYear, StoreError> {
        require(actor, Action::ManageProgram)?;
        invalid(input.validate())?;
        if let Some(other) = self.year_by_number(input.year)? {
            if Some(other.id) != input.id {
                return Err(field_problem("year", Problem::YearExists));
            }
        }
        if let Some(id) = input.id {
            let year = self.year(id)?;
            let assigned = crate::cards::quota_of(&self.conn, &year)?.used;
            if input.card_quota < assigned {
                return Err(field_problem(
                    "cardQuota",
                    Problem::QuotaBelowAssigned { assigned },
                ));
            }
        }
        self.conn.execute(
            "INSERT INTO program_years (id, year, valid_from, valid_to, card_quota, age_min,
                age_max, companion_free, status, family_cap)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (id) DO UPDATE SET year = excluded.year,
                valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                card_quota = excluded.card_quota, age_min = excluded.age_min,
                age_max = excluded.age_max, companion_free = excluded.companion_free,
                status = excluded.status, family_cap = excluded.family_cap",
            params![
                input.id,
                input.year,
                input.valid_from,
                input.valid_to,
                input.card_quota,
                input.age_min,
                input.age_max,
                input.companion_free,
                input.status.as_str(),
                input.family_cap
            ],
        )?;
        let id = input.id.unwrap_or_else(|| self.conn.last_insert_rowid());
        log(&self.conn, actor, "year.save", "year", Some(id), "")?;
        self.year(id)
    }

    /// Copies every agreement of `from` into `to` for venues that have none there yet.
    /// Dates move with the year and the copies are unsigned. Returns how many were copied.
    pub fn copy_agreements(
        &mut self,
        actor: &Actor,
        from_id: i64,
        to_id: i64,
    ) -> Result<usize, StoreError> {
        require(actor, Action::ManageVenues)?;
        let from = self.year(from_id)?;
        let to = self.year(to_id)?;
        let existing: Vec<i64> = self
            .agreements_for_year(to_id)?
            .iter()
            .map(|a| a.venue_id)
            .collect();
        let copies: Vec<AgreementInput> = self
            .agreements_for_year(from_id)?
            .iter()
            .filter(|a| !existing.contains(&a.venue_id))
            .map(|a| AgreementInput::from(a).moved_to(&from, &to))
            .collect();
        let tx = self.conn.transaction()?;
        for a in &copies {
            crate::agreements::insert_or_update(&tx, a)?;
        }
        let detail = format!("{} {}", from.year, copies.len());
        log(&tx, actor, "agreement.copy", "year", Some(to.id), &detail)?;
        tx.commit()?;
        Ok(copies.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::workspace;

    #[test]
    fn years_are_listed_newest_first_and_a_year_cannot_exist_twice() {
        let (_dir, ws) = workspace();
        ws.save_year(
            &Actor::command_line(),
            ProgramYearInput::new_for(2025).expect("year"),
        )
        .expect("2025");
        let y26 = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(2026).expect("year"),
            )
            .expect("2026");
        let years: Vec<i32> = ws
            .list_years()
            .expect("list")
            .iter()
            .map(|y| y.year)
            .collect();
        assert_eq!(years, [2026, 2025]);
        let err = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(2026).expect("year"),
            )
            .expect_err("dup");
        assert!(matches!(err, StoreError::Invalid(ref p) if p[0].problem == Problem::YearExists));
        let updated = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput {
                    id: Some(y26.id),
                    card_quota: 60,
                    status: YearStatus::Active,
                    ..ProgramYearInput::new_for(2026).expect("year")
                },
            )
            .expect("update");
        assert_eq!(
            (updated.card_quota, updated.status),
            (60, YearStatus::Active)
        );
    }

    #[test]
    fn a_quota_below_the_cards_already_assigned_is_refused_and_kept() {
        let (_dir, mut ws) = workspace();
        let year = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(2026).expect("year"),
            )
            .expect("2026");
        for (first, born) in [("Ada", 2015), ("Ben", 2014), ("Cato", 2013)] {
            let h = crate::test_support::holder(&mut ws, first, born);
            let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
            ws.assign_card(&crate::test_support::nav(), h, year.id, None, day)
                .expect("assign");
        }
        let err = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput {
                    id: Some(year.id),
                    card_quota: 2,
                    ..ProgramYearInput::new_for(2026).expect("year")
                },
            )
            .expect_err("below assigned");
        assert!(
            matches!(err, StoreError::Invalid(ref p)
                if p[0].field == "cardQuota"
                && p[0].problem == Problem::QuotaBelowAssigned { assigned: 3 }),
            "{err:?}"
        );
        assert_eq!(ws.year(year.id).expect("read").card_quota, 30);
        let same = ProgramYearInput {
            id: Some(year.id),
            card_quota: 3,
            ..ProgramYearInput::new_for(2026).expect("year")
        };
        assert_eq!(
            ws.save_year(&Actor::command_line(), same)
                .expect("equal is fine")
                .card_quota,
            3
        );
    }
}
