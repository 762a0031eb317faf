//! Looking a card up: by typed number or scanned QR (signed with the program's secret), with
//! what a venue's desk may see and the holder's allowance at the venue.

use super::*;
use crate::audit::log;
use crate::holders::holder_by_id;

use crate::{refuse, require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::i18n::Problem;
use okort_core::qr::{self, Scanned};
use okort_core::rules::visit::Allowance;
use okort_core::{Action, Actor, CardNumber};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

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

/// Typed card numbers a venue desk may look up in ten minutes.
pub const TYPED_LOOKUPS: u32 = 30;

/// A card code, read.
pub(crate) enum Resolved {
    Card { card: Card, scanned: bool },
    Forged(CardNumber),
}

/// Signs card QR codes of one year with the program's Ed25519 key; made by
/// [`Workspace::qr_signer`].
pub struct QrSigner {
    key: qr::SigningKey,
    valid_to: NaiveDate,
}

impl QrSigner {
    /// The last day the year's cards are valid, as the QR code states it.
    pub fn valid_to(&self) -> NaiveDate {
        self.valid_to
    }

    pub fn sign(&self, number: &str) -> Result<String, StoreError> {
        let number = CardNumber::parse(number).map_err(card_problem)?;
        Ok(self.key.sign(&number, self.valid_to))
    }
}

impl Workspace {
    fn secret(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM secrets WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()?)
    }

    fn put_secret(&self, name: &str, value: &[u8]) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO secrets (name, value) VALUES (?1, ?2)",
            params![name, value],
        )?;
        Ok(())
    }

    /// The program's card-signing key, from the slot of a role that prints or assigns (a
    /// venue desk's slot has none). The first use records the public key for the desks, and,
    /// in a workspace whose cards were signed with the old shared HMAC secret, the last day
    /// the old cards may be valid (the old secret is kept for checking only).
    pub(crate) fn card_key(&self) -> Result<qr::SigningKey, StoreError> {
        let seed = self
            .keys
            .cards
            .as_ref()
            .ok_or(StoreError::Denied(okort_core::Role::Venue))?;
        let key = qr::SigningKey::from_seed(&seed.0);
        if self.secret("card-ed25519-public")?.is_none() {
            if self.secret("card-hmac")?.is_some() {
                let until: Option<NaiveDate> =
                    self.conn
                        .query_row("SELECT MAX(valid_to) FROM program_years", [], |r| r.get(0))?;
                let until = until.map(|d| d.to_string()).unwrap_or_default();
                self.put_secret("card-hmac-until", until.as_bytes())?;
            }
            self.put_secret("card-ed25519-public", &key.public())?;
        }
        Ok(key)
    }

    /// What a desk checks scanned codes with: the public key, and the old secret for cards
    /// signed before it, with the last day they may be valid.
    fn card_verifier(&self) -> Result<qr::Verifier, StoreError> {
        let public = match self.secret("card-ed25519-public")? {
            Some(p) => p.try_into().unwrap_or([0; 32]),
            None => self.card_key()?.public(),
        };
        let legacy = match (self.secret("card-hmac")?, self.secret("card-hmac-until")?) {
            (Some(secret), Some(until)) => String::from_utf8(until)
                .ok()
                .and_then(|u| okort_core::dates::parse_date(&u))
                .map(|until| (secret, until)),
            _ => None,
        };
        Ok(qr::Verifier { public, legacy })
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
            key: self.card_key()?,
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
            match self.card_verifier()?.verify(code) {
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
        let typed = !qr::is_qr_payload(code);
        let desk = actor.role == okort_core::Role::Venue;
        if desk && typed {
            self.limit_typed_lookups(actor)?;
        }
        let resolved = self.resolve_card(code);
        if desk {
            let (action, card_id) = match &resolved {
                Ok(Resolved::Card { card, .. }) if typed => ("card.lookup_typed", Some(card.id)),
                Ok(Resolved::Card { card, .. }) => ("card.lookup_scanned", Some(card.id)),
                Ok(Resolved::Forged(_)) => ("card.lookup_forged", None),
                Err(_) if typed => ("card.lookup_unknown", None),
                Err(_) => ("card.lookup_forged", None),
            };
            log(&self.conn, actor, action, "card", card_id, "")?;
        }
        let (card, scanned) = match resolved? {
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
        let first_name = holder_by_id(&self.conn, None, card.holder_id)?.first_name;
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

    /// A venue desk may type at most [`TYPED_LOOKUPS`] card numbers in ten minutes, so numbers
    /// cannot be walked to collect first names; scanning a card is not limited.
    fn limit_typed_lookups(&self, actor: &Actor) -> Result<(), StoreError> {
        let since = (chrono::Utc::now() - chrono::Duration::minutes(10))
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let recent: u32 = self.conn.query_row(
            "SELECT COUNT(*) FROM audit_log WHERE user_id = ?1 AND at >= ?2
               AND action IN ('card.lookup_typed', 'card.lookup_unknown')",
            params![actor.user_id, since],
            |r| r.get(0),
        )?;
        if recent >= TYPED_LOOKUPS {
            return refuse(Problem::TooManyLookups { minutes: 10 });
        }
        Ok(())
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
}
