//! Agreements (avtaler): one per venue and program year.

use crate::audit::log;
use crate::{invalid, require, StoreError, Workspace};
use okort_core::{Action, Actor, Agreement, AgreementInput, CompensationModel};
use rusqlite::{params, Connection, Row};

const SELECT: &str = "SELECT a.id, a.venue_id, a.year_id, y.year, a.visits_per_card,
    a.companion_free, a.not_covered, a.compensation, a.share_percent, a.holder_price_ore,
    a.companion_price_ore, a.period_from, a.period_to, a.signed_on
    FROM agreements a JOIN program_years y ON y.id = a.year_id";

fn from_row(r: &Row) -> rusqlite::Result<Agreement> {
    let model: String = r.get(7)?;
    Ok(Agreement {
        id: r.get(0)?,
        venue_id: r.get(1)?,
        year_id: r.get(2)?,
        year: r.get(3)?,
        visits_per_card: r.get(4)?,
        companion_free: r.get(5)?,
        not_covered: r.get(6)?,
        compensation: CompensationModel::parse(&model).unwrap_or(CompensationModel::FullRefund),
        share_percent: r.get(8)?,
        holder_price_ore: r.get(9)?,
        companion_price_ore: r.get(10)?,
        period_from: r.get(11)?,
        period_to: r.get(12)?,
        signed_on: r.get(13)?,
    })
}

/// Writes a validated agreement, replacing the venue's agreement for that year if any.
pub(crate) fn insert_or_update(conn: &Connection, a: &AgreementInput) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO agreements (venue_id, year_id, visits_per_card, companion_free, not_covered,
            compensation, share_percent, holder_price_ore, companion_price_ore, period_from,
            period_to, signed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (venue_id, year_id) DO UPDATE SET
            visits_per_card = excluded.visits_per_card, companion_free = excluded.companion_free,
            not_covered = excluded.not_covered, compensation = excluded.compensation,
            share_percent = excluded.share_percent, holder_price_ore = excluded.holder_price_ore,
            companion_price_ore = excluded.companion_price_ore,
            period_from = excluded.period_from, period_to = excluded.period_to,
            signed_on = excluded.signed_on",
        params![
            a.venue_id,
            a.year_id,
            a.visits_per_card,
            a.companion_free,
            a.not_covered,
            a.compensation.code(),
            a.share_percent,
            a.holder_price_ore,
            a.companion_price_ore,
            a.period_from,
            a.period_to,
            a.signed_on
        ],
    )?;
    Ok(())
}

impl Workspace {
    pub fn agreements_for_year(&self, year_id: i64) -> Result<Vec<Agreement>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("{SELECT} WHERE a.year_id = ?1"))?;
        let list = stmt
            .query_map([year_id], from_row)?
            .collect::<Result<_, _>>()?;
        Ok(list)
    }

    /// A venue's agreements, newest year first.
    pub fn agreements_for_venue(&self, venue_id: i64) -> Result<Vec<Agreement>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} WHERE a.venue_id = ?1 ORDER BY y.year DESC"
        ))?;
        let list = stmt
            .query_map([venue_id], from_row)?
            .collect::<Result<_, _>>()?;
        Ok(list)
    }

    /// Saves a venue's agreement for a year, checked against that year.
    pub fn save_agreement(
        &self,
        actor: &Actor,
        input: AgreementInput,
    ) -> Result<Agreement, StoreError> {
        require(actor, Action::ManageVenues)?;
        let a = input.normalized();
        self.venue(a.venue_id)?;
        let year = self.year(a.year_id)?;
        invalid(a.validate(&year))?;
        insert_or_update(&self.conn, &a)?;
        log(
            &self.conn,
            actor,
            "agreement.save",
            "venue",
            Some(a.venue_id),
            &year.year.to_string(),
        )?;
        let saved = self.conn.query_row(
            &format!("{SELECT} WHERE a.venue_id = ?1 AND a.year_id = ?2"),
            [a.venue_id, a.year_id],
            from_row,
        )?;
        Ok(saved)
    }

    /// Deletes an agreement nothing depends on; with visits registered under it (voided ones
    /// included: they are part of the record) it is refused.
    pub fn delete_agreement(
        &self,
        actor: &Actor,
        venue_id: i64,
        year_id: i64,
    ) -> Result<(), StoreError> {
        require(actor, Action::ManageVenues)?;
        let year = self.year(year_id)?;
        let visits: u32 = self.conn.query_row(
            "SELECT COUNT(*) FROM visits WHERE venue_id = ?1 AND year_id = ?2",
            [venue_id, year_id],
            |r| r.get(0),
        )?;
        if visits > 0 {
            return crate::refuse(okort_core::i18n::Problem::AgreementInUse { visits });
        }
        self.conn.execute(
            "DELETE FROM agreements WHERE venue_id = ?1 AND year_id = ?2",
            [venue_id, year_id],
        )?;
        log(
            &self.conn,
            actor,
            "agreement.delete",
            "venue",
            Some(venue_id),
            &year.year.to_string(),
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::workspace;
    use okort_core::{ProgramYearInput, VenueCategory, VenueInput};

    fn venue(ws: &Workspace, name: &str) -> i64 {
        ws.save_venue(
            &Actor::command_line(),
            VenueInput {
                id: None,
                name: name.into(),
                category: VenueCategory::Swimming,
                address: String::new(),
                contact_person: String::new(),
                phone: String::new(),
                email: String::new(),
                org_number: String::new(),
                bank_account: String::new(),
                active: true,
                staff_note: String::new(),
            },
        )
        .expect("venue")
        .id
    }

    fn agreement(venue_id: i64, year_id: i64) -> AgreementInput {
        AgreementInput {
            venue_id,
            year_id,
            visits_per_card: Some(5),
            companion_free: true,
            not_covered: "Medlemskontingent".into(),
            compensation: CompensationModel::Share,
            share_percent: 50,
            holder_price_ore: 9_500,
            companion_price_ore: 9_500,
            period_from: None,
            period_to: None,
            signed_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 10),
        }
    }

    #[test]
    fn an_agreement_is_saved_once_per_venue_and_year() {
        let (_dir, ws) = workspace();
        let y = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(2026).expect("y"),
            )
            .expect("year");
        let v = venue(&ws, "Badet");
        ws.save_agreement(&Actor::command_line(), agreement(v, y.id))
            .expect("first");
        let second = ws
            .save_agreement(
                &Actor::command_line(),
                AgreementInput {
                    visits_per_card: None,
                    ..agreement(v, y.id)
                },
            )
            .expect("second replaces first");
        assert_eq!(second.visits_per_card, None, "free entry all year");
        assert_eq!(ws.agreements_for_year(y.id).expect("list").len(), 1);
        assert_eq!(second.year, 2026);
    }

    #[test]
    fn an_invalid_agreement_is_refused_with_its_field() {
        let (_dir, ws) = workspace();
        let y = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(2026).expect("y"),
            )
            .expect("year");
        let v = venue(&ws, "Badet");
        let err = ws
            .save_agreement(
                &Actor::command_line(),
                AgreementInput {
                    holder_price_ore: -1,
                    ..agreement(v, y.id)
                },
            )
            .expect_err("negative price");
        assert!(matches!(err, StoreError::Invalid(ref p) if p[0].field == "holderPriceOre"));
        assert!(ws.agreements_for_venue(v).expect("list").is_empty());
    }

    #[test]
    fn copying_last_years_agreements_skips_venues_that_already_have_one() {
        let (_dir, mut ws) = workspace();
        let y25 = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(2025).expect("y"),
            )
            .expect("2025");
        let y26 = ws
            .save_year(
                &Actor::command_line(),
                ProgramYearInput::new_for(2026).expect("y"),
            )
            .expect("2026");
        let a = venue(&ws, "Badet");
        let b = venue(&ws, "Kinoen");
        ws.save_agreement(
            &Actor::command_line(),
            AgreementInput {
                signed_on: None,
                ..agreement(a, y25.id)
            },
        )
        .expect("a25");
        ws.save_agreement(
            &Actor::command_line(),
            AgreementInput {
                signed_on: None,
                ..agreement(b, y25.id)
            },
        )
        .expect("b25");
        ws.save_agreement(
            &Actor::command_line(),
            AgreementInput {
                visits_per_card: Some(9),
                ..agreement(b, y26.id)
            },
        )
        .expect("b26");
        let copied = ws
            .copy_agreements(&Actor::command_line(), y25.id, y26.id)
            .expect("copy");
        assert_eq!(copied, 1);
        let in26 = ws.agreements_for_year(y26.id).expect("list");
        assert_eq!(in26.len(), 2);
        let kept = in26.iter().find(|x| x.venue_id == b).expect("b");
        assert_eq!(
            kept.visits_per_card,
            Some(9),
            "an existing agreement is not overwritten"
        );
        assert_eq!(
            ws.copy_agreements(&Actor::command_line(), y25.id, y26.id)
                .expect("again"),
            0
        );
    }
}
