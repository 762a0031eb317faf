//! Exports of a year's cards and visits for spreadsheets: UTF-8 with BOM, `;` between fields,
//! Norwegian headers and words, dates as dd.mm.åååå, as the other exports are written. The
//! cards file has what the culture office may see of a holder (name and birth year), never
//! NAV-only fields.

use super::spreadsheet_csv;
use crate::audit::log;
use crate::cards::CardStatus;
use crate::{StoreError, Workspace};
use okort_core::dates::format_date;
use okort_core::Actor;

/// The word a card's status is written with in the export.
fn status_word(status: CardStatus) -> &'static str {
    match status {
        CardStatus::Assigned => "tildelt",
        CardStatus::Printed => "utskrevet",
        CardStatus::HandedOut => "utlevert",
        CardStatus::Lost => "tapt",
        CardStatus::Revoked => "inndratt",
    }
}

fn yes_no(yes: bool) -> &'static str {
    if yes {
        "ja"
    } else {
        "nei"
    }
}

impl Workspace {
    /// A year's cards in card-number order: number, the holder's first and last name and birth
    /// year, status and the day it was handed out. Whoever may list the cards may export them.
    pub fn export_cards_csv(&self, actor: &Actor, year_id: i64) -> Result<Vec<u8>, StoreError> {
        let rows: Vec<Vec<String>> = self
            .list_cards(actor, year_id)?
            .into_iter()
            .map(|r| {
                vec![
                    r.card.number,
                    r.holder.first_name,
                    r.holder.last_name,
                    r.holder.birth_year.to_string(),
                    status_word(r.card.status).to_string(),
                    r.card.handed_out_on.map(format_date).unwrap_or_default(),
                ]
            })
            .collect();
        let detail = rows.len().to_string();
        log(
            &self.conn,
            actor,
            "cards.export",
            "year",
            Some(year_id),
            &detail,
        )?;
        spreadsheet_csv(
            &[
                "kortnummer",
                "fornavn",
                "etternavn",
                "fødselsår",
                "status",
                "utlevert",
            ],
            &rows,
        )
    }

    /// A year's visits, oldest first (those of unknown date, counted on returned cards, last):
    /// date, venue, card number, whether a companion came and whether the visit was voided.
    /// A venue gets its own visits; the culture office all or one venue's.
    pub fn export_visits_csv(
        &self,
        actor: &Actor,
        year_id: i64,
        venue_id: Option<i64>,
    ) -> Result<Vec<u8>, StoreError> {
        let mut visits = self.list_visits(actor, year_id, venue_id)?;
        visits.sort_by_key(|v| (v.visited_on.is_none(), v.visited_on, v.id));
        let rows: Vec<Vec<String>> = visits
            .into_iter()
            .map(|v| {
                vec![
                    v.visited_on.map(format_date).unwrap_or_default(),
                    v.venue_name,
                    v.card_number,
                    yes_no(v.companion).to_string(),
                    yes_no(v.voided_reason.is_some()).to_string(),
                ]
            })
            .collect();
        let detail = rows.len().to_string();
        log(
            &self.conn,
            actor,
            "visits.export",
            "year",
            Some(year_id),
            &detail,
        )?;
        spreadsheet_csv(
            &["dato", "brukersted", "kortnummer", "ledsager", "annullert"],
            &rows,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use okort_core::Role;

    fn demo() -> (tempfile::TempDir, Workspace, i64) {
        let dir = tempfile::tempdir().expect("dir");
        let ws = crate::demo::create(&dir.path().join("demo.okort")).expect("demo");
        let year = ws.year_by_number(2026).expect("years").expect("2026").id;
        (dir, ws, year)
    }

    fn text(bytes: Vec<u8>) -> String {
        String::from_utf8(bytes).expect("utf-8")
    }

    #[test]
    fn every_export_of_personal_data_is_in_the_audit_log() {
        let (_dir, ws, year) = demo();
        let admin = ws
            .login("kultur", crate::demo::DEMO_PASSWORD)
            .expect("admin");
        ws.export_cards_csv(&admin, year).expect("cards");
        ws.export_visits_csv(&admin, year, None).expect("visits");
        ws.export_holders_csv(&admin).expect("holders");
        let log = ws
            .audit_log(&admin, &crate::AuditQuery::latest(3), okort_core::Lang::Nb)
            .expect("log");
        let said: Vec<&str> = log.iter().map(|e| e.sentence.as_str()).collect();
        assert!(
            said[0].starts_with("kultur eksporterte kortholderregisteret ("),
            "{said:?}"
        );
        assert!(
            said[1].starts_with("kultur eksporterte besøkene for 2026 ("),
            "{said:?}"
        );
        assert!(
            said[2].starts_with("kultur eksporterte kortene for 2026 ("),
            "{said:?}"
        );
    }

    #[test]
    fn the_cards_export_has_names_and_birth_years_but_no_nav_only_fields() {
        let (_dir, ws, year) = demo();
        let csv = text(
            ws.export_cards_csv(&Actor::command_line(), year)
                .expect("export"),
        );
        assert!(
            csv.starts_with("\u{feff}kortnummer;fornavn;etternavn;fødselsår;status;utlevert\n"),
            "{csv}"
        );
        let cards = ws.list_cards(&Actor::command_line(), year).expect("cards");
        assert_eq!(csv.lines().count(), cards.len() + 1, "a row per card");
        let handed_out = cards
            .iter()
            .find(|c| c.card.status == CardStatus::HandedOut)
            .expect("a handed-out card");
        let day = handed_out.card.handed_out_on.map(format_date).expect("day");
        assert!(
            csv.lines().any(|l| l.starts_with(&handed_out.card.number)
                && l.ends_with(&format!(";utlevert;{day}"))),
            "{csv}"
        );
        for holder in ws.list_holders(&crate::test_support::nav()).expect("nav") {
            for nav_only in [&holder.address, &holder.guardian_name, &holder.nav_note] {
                assert!(
                    nav_only.is_empty() || !csv.contains(nav_only.as_str()),
                    "{nav_only} in {csv}"
                );
            }
        }
    }

    #[test]
    fn a_venue_exports_only_its_own_visits_and_may_not_export_cards() {
        let (_dir, ws, year) = demo();
        let all = text(
            ws.export_visits_csv(&Actor::command_line(), year, None)
                .expect("all"),
        );
        assert!(
            all.starts_with("\u{feff}dato;brukersted;kortnummer;ledsager;annullert\n"),
            "{all}"
        );
        let kino = ws
            .list_venues()
            .expect("venues")
            .into_iter()
            .find(|v| v.name == "Eksempel Kino")
            .expect("Eksempel Kino")
            .id;
        let desk = Actor {
            user_id: 3,
            role: Role::Venue,
            venue_id: Some(kino),
        };
        let own = text(ws.export_visits_csv(&desk, year, None).expect("own"));
        let rows: Vec<&str> = own.lines().skip(1).collect();
        assert!(!rows.is_empty(), "the demo has visits at the cinema");
        assert!(
            rows.iter()
                .all(|l| l.split(';').nth(1) == Some("Eksempel Kino")),
            "{own}"
        );
        for row in &rows {
            let fields: Vec<&str> = row.split(';').collect();
            assert_eq!(fields.len(), 5, "{row}");
            assert!(
                ["ja", "nei"].contains(&fields[3]) && ["ja", "nei"].contains(&fields[4]),
                "{row}"
            );
        }
        let days: Vec<chrono::NaiveDate> = rows
            .iter()
            .filter_map(|l| okort_core::dates::parse_date(l.split(';').next()?))
            .collect();
        assert!(days.windows(2).all(|w| w[0] <= w[1]), "oldest first: {own}");
        assert!(matches!(
            ws.export_cards_csv(&desk, year),
            Err(StoreError::Denied(Role::Venue))
        ));
    }
}
