//! Cards: the card and its status, read and listed here; assigning them (and the yearly
//! re-assessment) in `assignment`, what happens to a card after that in `lifecycle`, and
//! looking one up at a desk in `lookup`.

use crate::{require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::card_number::CardNumberProblem;
use okort_core::i18n::Problem;
use okort_core::{Action, Actor, CardNumber, HolderSummary};
use rusqlite::{Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod assignment;
mod lifecycle;
mod lookup;

pub(crate) use assignment::{assign_in, quota_of};
pub use assignment::{Continuation, Decision, QuotaStatus, ReassessRow};
pub(crate) use lifecycle::set_status_in;
pub(crate) use lookup::Resolved;
pub use lookup::{CardLookup, LookupState, QrSigner, VenueAllowance, TYPED_LOOKUPS};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CardStatus {
    Assigned,
    Printed,
    HandedOut,
    /// Reported lost and replaced by a new card: blocked.
    Lost,
    /// Withdrawn, with a reason: blocked.
    Revoked,
}

impl CardStatus {
    pub fn code(self) -> &'static str {
        match self {
            CardStatus::Assigned => "assigned",
            CardStatus::Printed => "printed",
            CardStatus::HandedOut => "handedOut",
            CardStatus::Lost => "lost",
            CardStatus::Revoked => "revoked",
        }
    }

    pub(crate) fn parse(s: &str) -> CardStatus {
        match s {
            "printed" => CardStatus::Printed,
            "handedOut" => CardStatus::HandedOut,
            "lost" => CardStatus::Lost,
            "revoked" => CardStatus::Revoked,
            _ => CardStatus::Assigned,
        }
    }

    pub fn is_active(self) -> bool {
        matches!(
            self,
            CardStatus::Assigned | CardStatus::Printed | CardStatus::HandedOut
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    pub id: i64,
    pub number: String,
    pub year_id: i64,
    pub year: i32,
    pub holder_id: i64,
    pub status: CardStatus,
    pub handed_out_on: Option<NaiveDate>,
    pub revoked_reason: String,
    /// Why the card was assigned outside the year's age range; empty when it was not.
    pub age_override_reason: String,
    pub replaces_card_id: Option<i64>,
    pub created_on: NaiveDate,
}

/// A card with what the culture office and NAV may see of its holder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardRow {
    pub card: Card,
    pub holder: HolderSummary,
    /// The visits the holder has made in the card's year, on any of their cards of the year (a
    /// replaced one too), voided ones not counted: 0 for a family that has not used the card,
    /// which NAV follows up.
    pub visits: u32,
}

const SELECT: &str = "SELECT c.id, c.number, c.year_id, y.year, c.holder_id, c.status,
    c.handed_out_on, c.revoked_reason, c.age_override_reason, c.replaces_card_id, c.created_on
    FROM cards c JOIN program_years y ON y.id = c.year_id";

fn from_row(r: &Row) -> rusqlite::Result<Card> {
    let status: String = r.get(5)?;
    Ok(Card {
        id: r.get(0)?,
        number: r.get(1)?,
        year_id: r.get(2)?,
        year: r.get(3)?,
        holder_id: r.get(4)?,
        status: CardStatus::parse(&status),
        handed_out_on: r.get(6)?,
        revoked_reason: r.get(7)?,
        age_override_reason: r.get(8)?,
        replaces_card_id: r.get(9)?,
        created_on: r.get(10)?,
    })
}

/// The card with this (canonical) number, if there is one.
pub(crate) fn card_by_number(conn: &Connection, number: &str) -> Result<Option<Card>, StoreError> {
    Ok(conn
        .query_row(&format!("{SELECT} WHERE c.number = ?1"), [number], from_row)
        .optional()?)
}

pub(crate) fn card_by_id(conn: &Connection, id: i64) -> Result<Card, StoreError> {
    conn.query_row(&format!("{SELECT} WHERE c.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(StoreError::Missing {
            what: okort_core::i18n::Msg::ThingCard,
            id,
        })
}

pub(crate) fn card_problem(p: CardNumberProblem) -> StoreError {
    StoreError::Refused(match p {
        CardNumberProblem::Format => Problem::CardNumberFormat,
        CardNumberProblem::CheckDigit => Problem::CardNumberCheckDigit,
    })
}

impl Workspace {
    /// The card with a number as typed (spaces or no dashes allowed; its check digit is
    /// checked): refused with the number's problem, or as unknown in this program.
    pub fn card_numbered(&self, actor: &Actor, typed: &str) -> Result<Card, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        let number = CardNumber::parse(typed).map_err(card_problem)?;
        card_by_number(&self.conn, &number.to_string())?
            .ok_or(StoreError::Refused(Problem::UnknownCard))
    }

    pub fn list_cards(&self, actor: &Actor, year_id: i64) -> Result<Vec<CardRow>, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        // One query: the card columns, then the holder's summary.
        let sql = SELECT
            .replace(
                "c.created_on",
                "c.created_on, h.first_name, h.last_name,
                 h.birth_year, h.language,
                 (SELECT COUNT(*) FROM visits v
                  WHERE v.year_id = c.year_id AND v.holder_id = c.holder_id
                    AND v.voided_reason IS NULL)",
            )
            .replace(
                "FROM cards c",
                "FROM cards c JOIN holders h ON h.id = c.holder_id",
            );
        let mut stmt = self
            .conn
            .prepare(&format!("{sql} WHERE c.year_id = ?1 ORDER BY c.serial"))?;
        let rows = stmt
            .query_map([year_id], |r| {
                let card = from_row(r)?;
                let holder = HolderSummary {
                    id: card.holder_id,
                    first_name: r.get(11)?,
                    last_name: r.get(12)?,
                    birth_year: r.get(13)?,
                    language: r.get(14)?,
                };
                Ok(CardRow {
                    card,
                    holder,
                    visits: r.get(15)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    pub fn cards_of_holder(&self, actor: &Actor, holder_id: i64) -> Result<Vec<Card>, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} WHERE c.holder_id = ?1 ORDER BY y.year DESC, c.serial DESC"
        ))?;
        let cards = stmt
            .query_map([holder_id], from_row)?
            .collect::<Result<_, _>>()?;
        Ok(cards)
    }
}
