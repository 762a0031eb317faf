//! The holders' data kept by the rules: anonymised a set time after their last card expired
//! (visits and statistics stay), everything held about one holder for their access request
//! (GDPR art. 15), and one holder erased on request (art. 17).

use crate::audit::log;
use crate::cards::{set_status_in, Card, CardStatus};
use crate::{refuse, require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::i18n::{Msg, Problem};
use okort_core::{Action, Actor, Holder, Lang};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

/// The last day a holder's data is kept: `years` after the day their last card expired.
pub fn kept_until(last_valid_to: NaiveDate, years: u32) -> NaiveDate {
    last_valid_to
        .checked_add_months(chrono::Months::new(12 * years))
        .unwrap_or(NaiveDate::MAX)
}

/// One visit as the holder's export lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HolderVisit {
    pub card_number: String,
    pub venue_name: String,
    pub visited_on: Option<NaiveDate>,
    pub companion: bool,
    pub voided: bool,
}

/// Everything held about one holder: the record, the cards and the visits made with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HolderExport {
    pub holder: Holder,
    pub cards: Vec<Card>,
    pub visits: Vec<HolderVisit>,
    /// NAV's yearly decisions: the year, continue or end, and the day.
    pub decisions: Vec<(i32, String, NaiveDate)>,
}

/// Removes one holder's personal data: names go, and NAV's sealed part (guardian, contact,
/// address, NAV's note, full birth date) with them; the birth year stays for the age bands of
/// the statistics, and cards and visits stay. The one place a holder is anonymised, for the
/// retention sweep and for an erasure on request alike. False when the holder was anonymised
/// already (nothing changes).
fn anonymise(conn: &Connection, holder_id: i64, today: NaiveDate) -> Result<bool, StoreError> {
    let changed = conn.execute(
        "UPDATE holders SET first_name = '–', last_name = '', nav_sealed = NULL,
            anonymised_on = ?1 WHERE id = ?2 AND anonymised_on IS NULL",
        params![today, holder_id],
    )?;
    Ok(changed == 1)
}

impl Workspace {
    /// Anonymises every holder whose last card expired more than the program's retention
    /// years before `today`: names, guardian, contact, address and NAV's note are removed and
    /// the birth date kept as its year only (for the age bands of the statistics). Cards and
    /// visits stay. Returns how many were anonymised; run on opening and by the command line.
    pub fn privacy_sweep(&self, actor: &Actor, today: NaiveDate) -> Result<u32, StoreError> {
        require(actor, Action::ManageProgram)?;
        let years = self.program()?.retention_years;
        let mut stmt = self.conn.prepare(
            "SELECT h.id, MAX(y.valid_to) FROM holders h
               JOIN cards c ON c.holder_id = h.id JOIN program_years y ON y.id = c.year_id
              WHERE h.anonymised_on IS NULL GROUP BY h.id",
        )?;
        let due: Vec<i64> = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, NaiveDate>(1)?)))?
            .collect::<Result<Vec<(i64, NaiveDate)>, _>>()?
            .into_iter()
            .filter(|(_, last)| today > kept_until(*last, years))
            .map(|(id, _)| id)
            .collect();
        for id in &due {
            anonymise(&self.conn, *id, today)?;
        }
        if !due.is_empty() {
            let detail = due.len().to_string();
            log(&self.conn, actor, "privacy.sweep", "holders", None, &detail)?;
        }
        Ok(due.len() as u32)
    }

    /// Everything held about one holder, for their access request: NAV's job. The export is
    /// logged (that it was made, not what it holds).
    pub fn holder_export(&self, actor: &Actor, holder_id: i64) -> Result<HolderExport, StoreError> {
        require(actor, Action::ManageHolders)?;
        let holder =
            crate::holders::holder_by_id(&self.conn, Some(self.nav_key(actor)?), holder_id)?;
        let cards = self.cards_of_holder(actor, holder_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT c.number, v.name, vi.visited_on, vi.companion, vi.voided_reason IS NOT NULL
               FROM visits vi JOIN cards c ON c.id = vi.card_id JOIN venues v ON v.id = vi.venue_id
              WHERE vi.holder_id = ?1 ORDER BY vi.visited_on IS NULL, vi.visited_on, vi.id",
        )?;
        let visits = stmt
            .query_map([holder_id], |r| {
                Ok(HolderVisit {
                    card_number: r.get(0)?,
                    venue_name: r.get(1)?,
                    visited_on: r.get(2)?,
                    companion: r.get(3)?,
                    voided: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT y.year, r.decision, r.decided_on FROM reassessments r
               JOIN program_years y ON y.id = r.year_id WHERE r.holder_id = ?1 ORDER BY y.year",
        )?;
        let decisions = stmt
            .query_map([holder_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        log(
            &self.conn,
            actor,
            "holder.export",
            "holder",
            Some(holder_id),
            "",
        )?;
        Ok(HolderExport {
            holder,
            cards,
            visits,
            decisions,
        })
    }

    /// Erases one holder on their request (GDPR art. 17): NAV's job. Their active cards are
    /// revoked first, so they stop working at every desk; then the holder is anonymised as the
    /// retention sweep does it (visits and statistics stay). The log says that holder number
    /// so-and-so was erased on request, and by whom; never a name. Refused when the holder is
    /// anonymised already. Returns how many cards were blocked.
    pub fn erase_holder(
        &mut self,
        actor: &Actor,
        holder_id: i64,
        today: NaiveDate,
    ) -> Result<u32, StoreError> {
        require(actor, Action::ManageHolders)?;
        // A holder that does not exist is named as missing, not as anonymised.
        self.holder(actor, holder_id)?;
        let active: Vec<i64> = self
            .cards_of_holder(actor, holder_id)?
            .iter()
            .filter(|c| c.status.is_active())
            .map(|c| c.id)
            .collect();
        // The reason stays on the blocked cards as data, in the program's first language.
        let reason = Msg::ErasedOnRequest.text(Lang::Nb);
        let tx = self.conn.transaction()?;
        for &card_id in &active {
            let from = [
                CardStatus::Assigned,
                CardStatus::Printed,
                CardStatus::HandedOut,
            ];
            set_status_in(
                &tx,
                actor,
                card_id,
                &from,
                CardStatus::Revoked,
                &reason,
                None,
            )?;
        }
        // Dropping the transaction undoes the revocations when there was nothing to erase.
        if !anonymise(&tx, holder_id, today)? {
            return refuse(Problem::AlreadyAnonymised);
        }
        let detail = holder_id.to_string();
        log(
            &tx,
            actor,
            "holder.erase",
            "holder",
            Some(holder_id),
            &detail,
        )?;
        tx.commit()?;
        Ok(active.len() as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_is_kept_the_set_years_after_the_last_card_expired() {
        let last = NaiveDate::from_ymd_opt(2026, 12, 31).expect("d");
        assert_eq!(
            kept_until(last, 3),
            NaiveDate::from_ymd_opt(2029, 12, 31).expect("d")
        );
    }
}
