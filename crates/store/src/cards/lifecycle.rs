//! A card's life after assignment: printed, handed out, lost and replaced, or revoked.

use super::assignment::insert_card;
use super::*;
use crate::audit::log;
use crate::{refuse, require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::i18n::{Problem, REASON_GIVEN};
use okort_core::{Action, Actor};
use rusqlite::{params, Connection};

/// Moves a card from one of `from` to `to` within the caller's transaction, and logs it. A
/// revoked card keeps `reason`; the log says only that one was written.
pub(crate) fn set_status_in(
    conn: &Connection,
    actor: &Actor,
    card_id: i64,
    from: &[CardStatus],
    to: CardStatus,
    reason: &str,
    handed_out_on: Option<NaiveDate>,
) -> Result<(), StoreError> {
    let card = card_by_id(conn, card_id)?;
    if !from.contains(&card.status) {
        return refuse(Problem::CardNotActive {
            status: card.status.code().into(),
        });
    }
    conn.execute(
        "UPDATE cards SET status = ?1, handed_out_on = COALESCE(?2, handed_out_on),
            revoked_reason = CASE WHEN ?1 = 'revoked' THEN ?3 ELSE revoked_reason END
         WHERE id = ?4",
        params![to.code(), handed_out_on, reason, card_id],
    )?;
    let detail = if reason.is_empty() { "" } else { REASON_GIVEN };
    log(
        conn,
        actor,
        &format!("card.{}", to.code()),
        "card",
        Some(card_id),
        detail,
    )
}

impl Workspace {
    fn set_status(
        &mut self,
        actor: &Actor,
        card_id: i64,
        from: &[CardStatus],
        to: CardStatus,
        reason: &str,
        handed_out_on: Option<NaiveDate>,
    ) -> Result<Card, StoreError> {
        let tx = self.conn.transaction()?;
        set_status_in(&tx, actor, card_id, from, to, reason, handed_out_on)?;
        tx.commit()?;
        card_by_id(&self.conn, card_id)
    }

    /// Marks cards as printed (the culture office, after printing), in one transaction: a
    /// batch of thousands is one write to disk, not one per card.
    pub fn mark_printed(
        &mut self,
        actor: &Actor,
        card_ids: &[i64],
    ) -> Result<Vec<Card>, StoreError> {
        require(actor, Action::MarkCardsPrinted)?;
        let tx = self.conn.transaction()?;
        for &id in card_ids {
            if card_by_id(&tx, id)?.status == CardStatus::Assigned {
                set_status_in(
                    &tx,
                    actor,
                    id,
                    &[CardStatus::Assigned],
                    CardStatus::Printed,
                    "",
                    None,
                )?;
            }
        }
        tx.commit()?;
        card_ids
            .iter()
            .map(|&id| card_by_id(&self.conn, id))
            .collect()
    }

    /// NAV hands the card to the family.
    pub fn hand_out(
        &mut self,
        actor: &Actor,
        card_id: i64,
        on: NaiveDate,
    ) -> Result<Card, StoreError> {
        require(actor, Action::HandOutCards)?;
        let from = [CardStatus::Assigned, CardStatus::Printed];
        self.set_status(actor, card_id, &from, CardStatus::HandedOut, "", Some(on))
    }

    /// A lost card is blocked and the holder gets a new number the same year. Visits count per
    /// holder and year, so what was used on the old card carries over.
    pub fn replace_lost(
        &mut self,
        actor: &Actor,
        card_id: i64,
        today: NaiveDate,
    ) -> Result<Card, StoreError> {
        require(actor, Action::ReplaceCards)?;
        let old = card_by_id(&self.conn, card_id)?;
        if !old.status.is_active() {
            return refuse(Problem::NoCardToReplace);
        }
        let year = self.year(old.year_id)?;
        let tx = self.conn.transaction()?;
        tx.execute("UPDATE cards SET status = 'lost' WHERE id = ?1", [card_id])?;
        log(&tx, actor, "card.lost", "card", Some(card_id), "")?;
        let id = insert_card(&tx, old.holder_id, &year, Some(card_id), today)?;
        log(
            &tx,
            actor,
            "card.replace",
            "card",
            Some(id),
            &format!("replaces card {card_id}"),
        )?;
        tx.commit()?;
        card_by_id(&self.conn, id)
    }

    /// Withdraws a card with a reason, kept on the card; its place in the quota is freed.
    pub fn revoke(
        &mut self,
        actor: &Actor,
        card_id: i64,
        reason: &str,
    ) -> Result<Card, StoreError> {
        require(actor, Action::RevokeCards)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(crate::field_problem("reason", Problem::ReasonRequired));
        }
        let from = [
            CardStatus::Assigned,
            CardStatus::Printed,
            CardStatus::HandedOut,
        ];
        self.set_status(actor, card_id, &from, CardStatus::Revoked, reason, None)
    }
}
