//! Cards: NAV assigns one per holder and year within the quota; lost cards are replaced with a
//! new number; a venue looks a card up by typed number or scanned QR code.

use crate::audit::log;
use crate::holders::holder_by_id;
use crate::users::random_bytes;
use crate::{refuse, require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::card_number::CardNumberProblem;
use okort_core::holder::age_in_year;
use okort_core::i18n::Problem;
use okort_core::qr::{self, Scanned};
use okort_core::rules::assignment;
use okort_core::rules::visit::Allowance;
use okort_core::{Action, Actor, CardNumber, Holder, HolderSummary, ProgramYear};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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

    fn parse(s: &str) -> CardStatus {
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
    pub replaces_card_id: Option<i64>,
    pub created_on: NaiveDate,
}

/// A card with what the culture office and NAV may see of its holder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardRow {
    pub card: Card,
    pub holder: HolderSummary,
}

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

fn decision_of(
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum LookupState {
    Valid,
    Expired,
    NotYetValid,
    /// Lost or revoked.
    Blocked,
    /// A QR code whose signature does not match: not issued by this program.
    Forged,
}

/// What a card lookup shows: a venue sees the holder's first name and nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardLookup {
    pub state: LookupState,
    pub number: String,
    /// True when a QR code was scanned and its signature checked.
    pub scanned: bool,
    pub status: Option<CardStatus>,
    pub first_name: Option<String>,
    /// The card's first and last valid day.
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    /// For a venue user: the venue's agreement for the card's year.
    pub venue: Option<VenueAllowance>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VenueAllowance {
    pub venue_id: i64,
    pub venue_name: String,
    pub has_agreement: bool,
    /// Visits per card this year at this venue; `None` is free entry all year.
    pub visits_per_card: Option<u8>,
    /// Visits registered (not voided) for the holder at this venue this year, on any of
    /// their cards: a replaced card carries its visits over.
    pub visits_used: u32,
    /// `None` when entry is free all year.
    pub visits_left: Option<u32>,
    pub companion_free: bool,
}

impl VenueAllowance {
    /// The allowance at the venue as the rule ([`Allowance`]) decides it.
    pub fn new(venue_id: i64, venue_name: String, rule: Allowance) -> VenueAllowance {
        VenueAllowance {
            venue_id,
            venue_name,
            has_agreement: rule.has_agreement,
            visits_per_card: rule.visits_per_card,
            visits_used: rule.visits_used,
            visits_left: rule.visits_left(),
            companion_free: rule.companion_free,
        }
    }

    /// The rule's view of it.
    pub fn rule(&self) -> Allowance {
        Allowance {
            has_agreement: self.has_agreement,
            visits_per_card: self.visits_per_card,
            visits_used: self.visits_used,
            companion_free: self.companion_free,
        }
    }
}

/// A card code, read.
pub(crate) enum Resolved {
    Card { card: Card, scanned: bool },
    Forged(CardNumber),
}

const SELECT: &str = "SELECT c.id, c.number, c.year_id, y.year, c.holder_id, c.status,
    c.handed_out_on, c.revoked_reason, c.replaces_card_id, c.created_on
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
        replaces_card_id: r.get(8)?,
        created_on: r.get(9)?,
    })
}

/// Signs card QR codes of one year; made by [`Workspace::qr_signer`].
pub struct QrSigner {
    secret: Vec<u8>,
    valid_to: NaiveDate,
}

impl QrSigner {
    /// The last day the year's cards are valid, as the QR code states it.
    pub fn valid_to(&self) -> NaiveDate {
        self.valid_to
    }

    pub fn sign(&self, number: &str) -> Result<String, StoreError> {
        let number = CardNumber::parse(number).map_err(card_problem)?;
        Ok(qr::sign(&self.secret, &number, self.valid_to))
    }
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

fn active_card(
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

/// Moves a card from one of `from` to `to` within the caller's transaction, and logs it.
fn set_status_in(
    conn: &Connection,
    actor: &Actor,
    card_id: i64,
    from: &[CardStatus],
    to: CardStatus,
    detail: &str,
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
        params![to.code(), handed_out_on, detail, card_id],
    )?;
    log(
        conn,
        actor,
        &format!("card.{}", to.code()),
        "card",
        Some(card_id),
        detail,
    )
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

fn family_cards(conn: &Connection, year_id: i64, key: &str) -> Result<u32, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT holder_id FROM cards WHERE year_id = ?1 AND status <> 'revoked'",
    )?;
    let ids: Vec<i64> = stmt
        .query_map([year_id], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut n = 0;
    for id in ids {
        if holder_by_id(conn, id)?.family_key().as_deref() == Some(key) {
            n += 1;
        }
    }
    Ok(n)
}

/// Creates a new card for `holder` in `year` with the next serial; returns its id.
fn insert_card(
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

/// Every rule of assignment: one active card, age range (or a logged override), quota, family cap.
pub(crate) fn assign_in(
    conn: &Connection,
    actor: &Actor,
    holder: &Holder,
    year: &ProgramYear,
    override_reason: Option<&str>,
    today: NaiveDate,
) -> Result<i64, StoreError> {
    let family_cards = match (year.family_cap, holder.family_key()) {
        (Some(_), Some(key)) => Some(family_cards(conn, year.id, &key)?),
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
    let override_note = assignment::decide(&facts, override_reason, actor.may(Action::OverrideAge))
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
    if let Some(note) = override_note {
        log(conn, actor, "card.age_override", "card", Some(id), &note)?;
    }
    Ok(id)
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

    /// The secret that signs card QR codes; made on first use and kept in the workspace.
    pub(crate) fn card_secret(&self) -> Result<Vec<u8>, StoreError> {
        let existing: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT value FROM secrets WHERE name = 'card-hmac'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(secret) = existing {
            return Ok(secret);
        }
        let secret = random_bytes::<32>()?.to_vec();
        self.conn.execute(
            "INSERT INTO secrets (name, value) VALUES ('card-hmac', ?1)",
            [&secret],
        )?;
        Ok(secret)
    }

    pub fn quota_status(&self, actor: &Actor, year_id: i64) -> Result<QuotaStatus, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        quota_of(&self.conn, &self.year(year_id)?)
    }

    /// Assigns a card for the year. Outside the age range only an administrator may assign,
    /// with a written reason that is logged.
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
        let tx = self.conn.transaction()?;
        let holder = holder_by_id(&tx, holder_id)?;
        let id = assign_in(&tx, actor, &holder, &year, override_reason, today)?;
        tx.commit()?;
        card_by_id(&self.conn, id)
    }

    pub fn list_cards(&self, actor: &Actor, year_id: i64) -> Result<Vec<CardRow>, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        // One query: the card columns, then the holder's summary.
        let sql = SELECT
            .replace(
                "c.created_on",
                "c.created_on, h.first_name, h.last_name,
                 CAST(substr(h.birth_date, 1, 4) AS INTEGER)",
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
                    first_name: r.get(10)?,
                    last_name: r.get(11)?,
                    birth_year: r.get(12)?,
                };
                Ok(CardRow { card, holder })
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

    fn set_status(
        &mut self,
        actor: &Actor,
        card_id: i64,
        from: &[CardStatus],
        to: CardStatus,
        detail: &str,
        handed_out_on: Option<NaiveDate>,
    ) -> Result<Card, StoreError> {
        let tx = self.conn.transaction()?;
        set_status_in(&tx, actor, card_id, from, to, detail, handed_out_on)?;
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

    /// Withdraws a card with a reason; its place in the quota is freed.
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

    /// The text of a card's QR code.
    pub fn card_qr(&self, actor: &Actor, card_id: i64) -> Result<String, StoreError> {
        let card = card_by_id(&self.conn, card_id)?;
        self.qr_signer(actor, card.year_id)?.sign(&card.number)
    }

    /// Signs the QR codes of a year's cards, with the secret and the validity read once: a
    /// batch of thousands of cards asks the workspace twice, not four times per card.
    pub fn qr_signer(&self, actor: &Actor, year_id: i64) -> Result<QrSigner, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        Ok(QrSigner {
            secret: self.card_secret()?,
            valid_to: self.year(year_id)?.valid_to,
        })
    }

    /// Looks up a typed card number or a scanned QR code.
    pub fn lookup_card(
        &self,
        actor: &Actor,
        code: &str,
        today: NaiveDate,
    ) -> Result<CardLookup, StoreError> {
        self.lookup_card_at(actor, code, actor.venue_id, today)
    }

    /// Reads a typed card number or a scanned QR code: the card, or that it is forged.
    pub(crate) fn resolve_card(&self, code: &str) -> Result<Resolved, StoreError> {
        let scanned = qr::is_qr_payload(code);
        let number = if scanned {
            match qr::verify(&self.card_secret()?, code) {
                Scanned::Genuine { number, .. } => number,
                Scanned::Forged { number } => return Ok(Resolved::Forged(number)),
                Scanned::Unreadable => return refuse(Problem::CardNumberFormat),
            }
        } else {
            CardNumber::parse(code).map_err(card_problem)?
        };
        let card = self
            .conn
            .query_row(
                &format!("{SELECT} WHERE c.number = ?1"),
                [number.to_string()],
                from_row,
            )
            .optional()?
            .ok_or(StoreError::Refused(Problem::UnknownCard))?;
        Ok(Resolved::Card { card, scanned })
    }

    /// What a venue's desk is told about a card: `venue_id` is the desk's venue (a venue user's
    /// own; the culture office may name one).
    pub fn lookup_card_at(
        &self,
        actor: &Actor,
        code: &str,
        venue_id: Option<i64>,
        today: NaiveDate,
    ) -> Result<CardLookup, StoreError> {
        require(actor, Action::LookupCard)?;
        let venue_id = actor.venue_scope(venue_id).map_err(StoreError::Refused)?;
        let (card, scanned) = match self.resolve_card(code)? {
            Resolved::Forged(number) => {
                return Ok(CardLookup {
                    state: LookupState::Forged,
                    number: number.to_string(),
                    scanned: true,
                    status: None,
                    first_name: None,
                    valid_from: None,
                    valid_to: None,
                    venue: None,
                })
            }
            Resolved::Card { card, scanned } => (card, scanned),
        };
        let year = self.year(card.year_id)?;
        use okort_core::validity::Validity;
        let state = match Validity::of(
            card.status.is_active(),
            year.valid_from,
            year.valid_to,
            today,
        ) {
            Validity::Valid => LookupState::Valid,
            Validity::NotYetValid => LookupState::NotYetValid,
            Validity::Expired => LookupState::Expired,
            Validity::Blocked => LookupState::Blocked,
        };
        let venue = match venue_id {
            Some(venue_id) => Some(self.allowance(card.holder_id, year.id, venue_id)?),
            None => None,
        };
        let first_name = holder_by_id(&self.conn, card.holder_id)?.first_name;
        Ok(CardLookup {
            state,
            number: card.number,
            scanned,
            status: Some(card.status),
            first_name: Some(first_name),
            valid_from: Some(year.valid_from),
            valid_to: Some(year.valid_to),
            venue,
        })
    }

    /// A holder's allowance at a venue in a year: the agreement and the visits used.
    pub(crate) fn allowance(
        &self,
        holder_id: i64,
        year_id: i64,
        venue_id: i64,
    ) -> Result<VenueAllowance, StoreError> {
        let v = self.venue(venue_id)?;
        let agreement = self
            .agreements_for_venue(venue_id)?
            .into_iter()
            .find(|a| a.year_id == year_id);
        let rule = Allowance {
            has_agreement: agreement.is_some(),
            visits_per_card: agreement.as_ref().and_then(|a| a.visits_per_card),
            visits_used: self.visits_used(holder_id, year_id, venue_id)?,
            companion_free: agreement.is_some_and(|a| a.companion_free),
        };
        Ok(VenueAllowance::new(venue_id, v.name, rule))
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
            let holder = holder_by_id(&self.conn, row.holder.id)?;
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
        let holder = holder_by_id(&self.conn, holder_id)?;
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
                todo.push(holder_by_id(&tx, id)?);
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
            ids.push(assign_in(&tx, actor, holder, &year, None, today)?);
        }
        tx.commit()?;
        ids.into_iter()
            .map(|id| card_by_id(&self.conn, id))
            .collect()
    }
}
