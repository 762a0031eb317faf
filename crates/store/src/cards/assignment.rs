//! Assigning cards: one per holder and year within the quota, the age range and the family
//! cap; NAV's yearly re-assessment and the renewal that follows it.

use super::*;
use crate::audit::log;
use crate::holders::holder_by_id;
use crate::vault::Key;
use crate::{refuse, require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::holder::age_in_year;
use okort_core::i18n::{Problem, REASON_GIVEN};
use okort_core::rules::assignment;
use okort_core::{Action, Actor, CardNumber, Holder, HolderSummary, ProgramYear};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuotaStatus {
    pub quota: u32,
    pub used: u32,
    pub left: u32,
}

/// One of this year's holders, as NAV re-assesses them for the next year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReassessRow {
    pub holder: HolderSummary,
    pub current_card: String,
    pub age_next_year: i32,
    /// Outside next year's age range: cannot be renewed.
    pub ages_out: bool,
    pub has_card_next_year: bool,
    /// NAV's recorded decision for next year, if made.
    pub decision: Option<Decision>,
}

/// Whether a holder's card continues into the next year, as NAV decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Continuation {
    Continue,
    End,
}

impl Continuation {
    fn code(self) -> &'static str {
        match self {
            Continuation::Continue => "continue",
            Continuation::End => "end",
        }
    }
}

/// A recorded re-assessment: what was decided, on which day, by whom (user name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub continuation: Continuation,
    pub decided_on: NaiveDate,
    pub decided_by: String,
}

pub(super) fn decision_of(
    conn: &Connection,
    holder_id: i64,
    year_id: i64,
) -> Result<Option<Decision>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT r.decision, r.decided_on, COALESCE(u.username, 'okort') FROM reassessments r
             LEFT JOIN users u ON u.id = r.decided_by WHERE r.holder_id = ?1 AND r.year_id = ?2",
        )?
        .query_row([holder_id, year_id], |r| {
            let code: String = r.get(0)?;
            Ok(Decision {
                continuation: if code == "continue" {
                    Continuation::Continue
                } else {
                    Continuation::End
                },
                decided_on: r.get(1)?,
                decided_by: r.get(2)?,
            })
        })
        .optional()?)
}

pub(super) fn active_card(
    conn: &Connection,
    holder_id: i64,
    year_id: i64,
) -> Result<Option<Card>, StoreError> {
    Ok(conn
        .query_row(
            &format!(
                "{SELECT} WHERE c.holder_id = ?1 AND c.year_id = ?2
                 AND c.status IN ('assigned', 'printed', 'handedOut')"
            ),
            [holder_id, year_id],
            from_row,
        )
        .optional()?)
}

/// Holders with a card this year count against the quota; a revoked card frees its place,
/// a lost-and-replaced card does not take a second one.
pub(crate) fn quota_of(conn: &Connection, year: &ProgramYear) -> Result<QuotaStatus, StoreError> {
    let used: u32 = conn.query_row(
        "SELECT COUNT(DISTINCT holder_id) FROM cards WHERE year_id = ?1 AND status <> 'revoked'",
        [year.id],
        |r| r.get(0),
    )?;
    Ok(QuotaStatus {
        quota: year.card_quota,
        used,
        left: year.card_quota.saturating_sub(used),
    })
}

pub(super) fn family_cards(
    conn: &Connection,
    nav: &Key,
    year_id: i64,
    key: &str,
) -> Result<u32, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT holder_id FROM cards WHERE year_id = ?1 AND status <> 'revoked'",
    )?;
    let ids: Vec<i64> = stmt
        .query_map([year_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut n = 0;
    for id in ids {
        if holder_by_id(conn, Some(nav), id)?.family_key().as_deref() == Some(key) {
            n += 1;
        }
    }
    Ok(n)
}

/// Creates a new card for `holder` in `year` with the next serial; returns its id.
pub(super) fn insert_card(
    conn: &Connection,
    holder_id: i64,
    year: &ProgramYear,
    replaces: Option<i64>,
    today: NaiveDate,
) -> Result<i64, StoreError> {
    let serial: u32 = conn.query_row(
        "SELECT COALESCE(MAX(serial), 0) + 1 FROM cards WHERE year_id = ?1",
        [year.id],
        |r| r.get(0),
    )?;
    let number = CardNumber::new(year.year, serial).to_string();
    conn.execute(
        "INSERT INTO cards (year_id, serial, number, holder_id, status, replaces_card_id, created_on)
         VALUES (?1, ?2, ?3, ?4, 'assigned', ?5, ?6)",
        params![year.id, serial, number, holder_id, replaces, today],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Every rule of assignment: one active card, age range (or an override, its reason kept on the
/// card and logged as given), quota, family cap.
pub(crate) fn assign_in(
    conn: &Connection,
    nav: &Key,
    actor: &Actor,
    holder: &Holder,
    year: &ProgramYear,
    override_reason: Option<&str>,
    today: NaiveDate,
) -> Result<i64, StoreError> {
    let family_cards = match (year.family_cap, holder.family_key()) {
        (Some(_), Some(key)) => Some(family_cards(conn, nav, year.id, &key)?),
        _ => None,
    };
    let facts = assignment::Facts {
        active_card: active_card(conn, holder.id, year.id)?.map(|c| c.number),
        age: age_in_year(holder.birth_date, year.year),
        age_min: year.age_min,
        age_max: year.age_max,
        quota: year.card_quota,
        quota_left: quota_of(conn, year)?.left,
        family_cap: year.family_cap,
        family_cards,
    };
    let age_reason = assignment::decide(&facts, override_reason, actor.may(Action::OverrideAge))
        .map_err(StoreError::Refused)?;
    let id = insert_card(conn, holder.id, year, None, today)?;
    log(
        conn,
        actor,
        "card.assign",
        "card",
        Some(id),
        &format!("holder {}", holder.id),
    )?;
    if let Some(reason) = age_reason {
        conn.execute(
            "UPDATE cards SET age_override_reason = ?1 WHERE id = ?2",
            params![reason, id],
        )?;
        log(
            conn,
            actor,
            "card.age_override",
            "card",
            Some(id),
            REASON_GIVEN,
        )?;
    }
    Ok(id)
}

impl Workspace {
    pub fn quota_status(&self, actor: &Actor, year_id: i64) -> Result<QuotaStatus, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        quota_of(&self.conn, &self.year(year_id)?)
    }

    /// Assigns a card for the year. Outside the age range only an administrator may assign,
    /// with a written reason kept on the card.
    pub fn assign_card(
        &mut self,
        actor: &Actor,
        holder_id: i64,
        year_id: i64,
        override_reason: Option<&str>,
        today: NaiveDate,
    ) -> Result<Card, StoreError> {
        require(actor, Action::AssignCards)?;
        let year = self.year(year_id)?;
        let nav = self
            .keys
            .nav
            .as_ref()
            .ok_or(StoreError::Denied(actor.role))?;
        let tx = self.conn.transaction()?;
        let holder = holder_by_id(&tx, Some(nav), holder_id)?;
        let id = assign_in(&tx, nav, actor, &holder, &year, override_reason, today)?;
        tx.commit()?;
        card_by_id(&self.conn, id)
    }

    /// This year's holders with a card, for NAV to renew or end for the next year.
    pub fn reassessment(
        &self,
        actor: &Actor,
        from_year_id: i64,
        to_year_id: i64,
    ) -> Result<Vec<ReassessRow>, StoreError> {
        require(actor, Action::AssignCards)?;
        let next = self.year(to_year_id)?;
        let mut rows = Vec::new();
        for row in self.list_cards(actor, from_year_id)? {
            if !row.card.status.is_active() {
                continue;
            }
            let holder = holder_by_id(&self.conn, Some(self.nav_key(actor)?), row.holder.id)?;
            let age = age_in_year(holder.birth_date, next.year);
            rows.push(ReassessRow {
                holder: row.holder,
                current_card: row.card.number,
                age_next_year: age,
                ages_out: !assignment::in_age_range(age, next.age_min, next.age_max),
                has_card_next_year: active_card(&self.conn, holder.id, next.id)?.is_some(),
                decision: decision_of(&self.conn, holder.id, next.id)?,
            });
        }
        Ok(rows)
    }

    /// Records NAV's decision on `today` that a holder's card continues into `to_year_id` or
    /// ends; a later decision replaces an earlier one. A holder outside next year's age range
    /// cannot be continued.
    pub fn decide_reassessment(
        &mut self,
        actor: &Actor,
        holder_id: i64,
        to_year_id: i64,
        continuation: Continuation,
        today: NaiveDate,
    ) -> Result<Decision, StoreError> {
        require(actor, Action::AssignCards)?;
        let year = self.year(to_year_id)?;
        let holder = holder_by_id(&self.conn, Some(self.nav_key(actor)?), holder_id)?;
        let age = age_in_year(holder.birth_date, year.year);
        if continuation == Continuation::Continue
            && !assignment::in_age_range(age, year.age_min, year.age_max)
        {
            return refuse(Problem::AgeOutside {
                age,
                min: year.age_min,
                max: year.age_max,
            });
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO reassessments (holder_id, year_id, decision, decided_on, decided_by)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (holder_id, year_id) DO UPDATE SET decision = excluded.decision,
                decided_on = excluded.decided_on, decided_by = excluded.decided_by",
            params![
                holder_id,
                year.id,
                continuation.code(),
                today,
                actor.user_id
            ],
        )?;
        log(
            &tx,
            actor,
            &format!("holder.reassess_{}", continuation.code()),
            "holder",
            Some(holder_id),
            &year.year.to_string(),
        )?;
        tx.commit()?;
        decision_of(&self.conn, holder_id, year.id)?.ok_or(StoreError::Missing {
            what: okort_core::i18n::Msg::ThingReassessment,
            id: holder_id,
        })
    }

    /// Creates next year's cards, in one step and all or nothing, for every holder NAV decided
    /// to continue into `to_year_id` who has no card there yet.
    pub fn renew_cards(
        &mut self,
        actor: &Actor,
        to_year_id: i64,
        today: NaiveDate,
    ) -> Result<Vec<Card>, StoreError> {
        require(actor, Action::AssignCards)?;
        let year = self.year(to_year_id)?;
        let nav = self
            .keys
            .nav
            .as_ref()
            .ok_or(StoreError::Denied(actor.role))?;
        let tx = self.conn.transaction()?;
        let continued: Vec<i64> = tx
            .prepare(
                "SELECT holder_id FROM reassessments WHERE year_id = ?1 AND decision = 'continue'
                 ORDER BY holder_id",
            )?
            .query_map([year.id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut todo = Vec::new();
        for id in continued {
            if active_card(&tx, id, year.id)?.is_none() {
                todo.push(holder_by_id(&tx, Some(nav), id)?);
            }
        }
        let left = quota_of(&tx, &year)?.left;
        if todo.len() as u32 > left {
            return refuse(Problem::QuotaShort {
                needed: todo.len() as u32,
                left,
            });
        }
        let mut ids = Vec::new();
        for holder in &todo {
            ids.push(assign_in(&tx, nav, actor, holder, &year, None, today)?);
        }
        tx.commit()?;
        ids.into_iter()
            .map(|id| card_by_id(&self.conn, id))
            .collect()
    }
}
