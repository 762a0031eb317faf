//! Visits: each use of a card at a venue, registered at the desk. The agreement's limit counts
//! per holder, year and venue, so visits on a replaced card carry over. Nothing is deleted: a
//! visit registered by mistake is voided with a reason. A reason is kept on the visit; the audit
//! log says only that one was written.

use crate::audit::log;
use crate::cards::Resolved;
use crate::{field_problem, refuse, require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::i18n::{Problem, REASON_GIVEN};
use okort_core::rules::visit::Verdict;
use okort_core::validity::Validity;
use okort_core::{Action, Actor};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// What the desk is told after registering a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VisitReceipt {
    pub visit_id: i64,
    pub card_number: String,
    pub first_name: String,
    pub venue_name: String,
    pub visits_used: u32,
    /// `None` when entry is free all year.
    pub visits_left: Option<u32>,
    /// True when the culture office registered it over a rule, with a reason.
    pub overridden: bool,
}

/// A registered visit, as listed for a venue or the culture office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VisitRow {
    pub id: i64,
    pub card_number: String,
    pub first_name: String,
    pub venue_id: i64,
    pub venue_name: String,
    pub visited_on: Option<NaiveDate>,
    pub companion: bool,
    pub source: String,
    pub override_reason: String,
    pub voided_reason: Option<String>,
    /// The approved or paid settlement the visit is locked to.
    pub settlement_id: Option<i64>,
}

/// The venue a desk registers for: a venue user's own; the culture office must name one.
pub(crate) fn desk_venue(actor: &Actor, venue_id: Option<i64>) -> Result<i64, StoreError> {
    actor
        .venue_scope(venue_id)
        .map_err(StoreError::Refused)?
        .ok_or_else(|| field_problem("venueId", Problem::Required))
}

impl Workspace {
    /// Visits registered and not voided for a holder at a venue in a year.
    pub fn visits_used(
        &self,
        holder_id: i64,
        year_id: i64,
        venue_id: i64,
    ) -> Result<u32, StoreError> {
        Ok(self.conn.query_row(
            "SELECT COUNT(*) FROM visits WHERE holder_id = ?1 AND year_id = ?2 AND venue_id = ?3
               AND voided_reason IS NULL",
            [holder_id, year_id, venue_id],
            |r| r.get(0),
        )?)
    }

    /// Registers one visit of the card `code` (typed number or scanned QR) on `on`. A day after
    /// `today` is refused outright. Over the limit, outside the card's validity or on a blocked
    /// card it is refused with the reason; the culture office may register it anyway with a
    /// written reason, kept on the visit (the log says that it was overridden).
    #[allow(clippy::too_many_arguments)]
    pub fn register_visit(
        &mut self,
        actor: &Actor,
        code: &str,
        venue_id: Option<i64>,
        on: NaiveDate,
        companion: bool,
        override_reason: Option<&str>,
        today: NaiveDate,
    ) -> Result<VisitReceipt, StoreError> {
        require(actor, Action::RegisterVisits)?;
        let venue_id = desk_venue(actor, venue_id)?;
        // The write lock first, then the checks: two desks registering the same card at once
        // take turns, and the second sees the first's visit.
        let tx = self.conn.unchecked_transaction()?;
        let card = match self.resolve_card(code)? {
            Resolved::Forged(_) => return refuse(Problem::CardForged),
            Resolved::Card { card, .. } => card,
        };
        let year = self.year(card.year_id)?;
        let allowance = self.allowance(card.holder_id, year.id, venue_id)?;
        let validity = Validity::of(card.status.is_active(), year.valid_from, year.valid_to, on);
        let reason = override_reason.map(str::trim).filter(|r| !r.is_empty());
        let overridden = match allowance.rule().check(on, today, companion, validity) {
            Verdict::Allowed => None,
            Verdict::Overridable(_) if reason.is_some() && actor.may(Action::OverrideVisits) => {
                reason.map(str::to_string)
            }
            Verdict::Refused(Problem::FutureDate) => {
                return Err(field_problem("date", Problem::FutureDate))
            }
            Verdict::Overridable(problem) | Verdict::Refused(problem) => return refuse(problem),
        };
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        tx.execute(
            "INSERT INTO visits (card_id, holder_id, year_id, venue_id, visited_on, companion,
                source, override_reason, registered_by, registered_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'desk', ?7, ?8, ?9)",
            params![
                card.id,
                card.holder_id,
                year.id,
                venue_id,
                on,
                companion,
                overridden.clone().unwrap_or_default(),
                actor.user_id,
                at
            ],
        )?;
        let id = tx.last_insert_rowid();
        let detail = format!("card {} venue {venue_id}", card.id);
        log(&tx, actor, "visit.register", "visit", Some(id), &detail)?;
        if overridden.is_some() {
            log(
                &tx,
                actor,
                "visit.override",
                "visit",
                Some(id),
                REASON_GIVEN,
            )?;
        }
        tx.commit()?;
        let after = self.allowance(card.holder_id, year.id, venue_id)?;
        let first_name = crate::holders::holder_by_id(&self.conn, None, card.holder_id)?.first_name;
        Ok(VisitReceipt {
            visit_id: id,
            card_number: card.number,
            first_name,
            venue_name: after.venue_name,
            visits_used: after.visits_used,
            visits_left: after.visits_left,
            overridden: overridden.is_some(),
        })
    }

    /// Ticks counted on a card handed back at year end, per venue: what the card shows beyond
    /// the visits already registered for the holder at that venue that year is added as visits
    /// of unknown date, so nothing is counted twice. Returns how many visits were added.
    pub fn register_returned_ticks(
        &mut self,
        actor: &Actor,
        code: &str,
        ticks: &[(i64, u32)],
    ) -> Result<u32, StoreError> {
        require(actor, Action::OverrideVisits)?;
        let card = match self.resolve_card(code)? {
            Resolved::Forged(_) => return refuse(Problem::CardForged),
            Resolved::Card { card, .. } => card,
        };
        // Checked inside the write transaction, so two desks counting the same card add once.
        let tx = self.conn.unchecked_transaction()?;
        let year = self.year(card.year_id)?;
        let days = (year.valid_to - year.valid_from).num_days().max(0) as u32 + 1;
        let mut todo = Vec::new();
        for &(venue_id, counted) in ticks {
            let allowance = self.allowance(card.holder_id, card.year_id, venue_id)?;
            if !allowance.has_agreement && counted > 0 {
                return refuse(Problem::NoAgreement);
            }
            // A card holds at most its visits per card, and at most one visit a day.
            let max = allowance
                .visits_per_card
                .map_or(days, |v| u32::from(v).min(days));
            if counted > max {
                return Err(field_problem("ticks", Problem::TooManyTicks { max }));
            }
            todo.push((venue_id, counted.saturating_sub(allowance.visits_used)));
        }
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        // The card came back: counted once, on the day it was first counted.
        tx.execute(
            "UPDATE cards SET returned_on = COALESCE(returned_on, ?2) WHERE id = ?1",
            params![card.id, chrono::Local::now().date_naive()],
        )?;
        let mut added = 0;
        for (venue_id, missing) in todo {
            for _ in 0..missing {
                tx.execute(
                    "INSERT INTO visits (card_id, holder_id, year_id, venue_id, visited_on,
                        companion, source, registered_by, registered_at)
                     VALUES (?1, ?2, ?3, ?4, NULL, 0, 'returned', ?5, ?6)",
                    params![
                        card.id,
                        card.holder_id,
                        card.year_id,
                        venue_id,
                        actor.user_id,
                        at
                    ],
                )?;
                added += 1;
            }
            if missing > 0 {
                let detail = format!("card {} venue {venue_id}: {missing} ticks", card.id);
                log(&tx, actor, "visit.returned", "card", Some(card.id), &detail)?;
            }
        }
        tx.commit()?;
        Ok(added)
    }

    /// Voids a visit registered by mistake: it is kept, with the reason; the log says it was voided.
    pub fn void_visit(
        &mut self,
        actor: &Actor,
        visit_id: i64,
        reason: &str,
    ) -> Result<(), StoreError> {
        require(actor, Action::VoidVisits)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(field_problem("reason", Problem::ReasonRequired));
        }
        let (venue_id, voided, settlement): (i64, Option<String>, Option<i64>) = self
            .conn
            .query_row(
                "SELECT venue_id, voided_reason, settlement_id FROM visits WHERE id = ?1",
                [visit_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or(StoreError::Missing {
                what: okort_core::i18n::Msg::ThingVisit,
                id: visit_id,
            })?;
        actor
            .venue_scope(Some(venue_id))
            .map_err(StoreError::Refused)?;
        if voided.is_some() {
            return refuse(Problem::VisitVoided);
        }
        if settlement.is_some() {
            return refuse(Problem::VisitSettled);
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE visits SET voided_reason = ?1 WHERE id = ?2",
            params![reason, visit_id],
        )?;
        log(
            &tx,
            actor,
            "visit.void",
            "visit",
            Some(visit_id),
            REASON_GIVEN,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// A year's visits, newest first: a venue sees its own, the culture office all or one venue's.
    pub fn list_visits(
        &self,
        actor: &Actor,
        year_id: i64,
        venue_id: Option<i64>,
    ) -> Result<Vec<VisitRow>, StoreError> {
        require(actor, Action::RegisterVisits)?;
        let venue_id = actor.venue_scope(venue_id).map_err(StoreError::Refused)?;
        let mut stmt = self.conn.prepare(
            "SELECT v.id, c.number, h.first_name, v.venue_id, ve.name, v.visited_on, v.companion,
                    v.source, v.override_reason, v.voided_reason, v.settlement_id
             FROM visits v JOIN holders h ON h.id = v.holder_id JOIN venues ve ON ve.id = v.venue_id
                  JOIN cards c ON c.id = v.card_id
             WHERE v.year_id = ?1 AND (?2 IS NULL OR v.venue_id = ?2)
             ORDER BY v.visited_on DESC, v.id DESC",
        )?;
        let rows = stmt
            .query_map(params![year_id, venue_id], |r| {
                Ok(VisitRow {
                    id: r.get(0)?,
                    card_number: r.get(1)?,
                    first_name: r.get(2)?,
                    venue_id: r.get(3)?,
                    venue_name: r.get(4)?,
                    visited_on: r.get(5)?,
                    companion: r.get(6)?,
                    source: r.get(7)?,
                    override_reason: r.get(8)?,
                    voided_reason: r.get(9)?,
                    settlement_id: r.get(10)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}
