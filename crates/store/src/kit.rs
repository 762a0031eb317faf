//! The venue kit: what a venue's desk needs to check cards and register visits for one year,
//! and nothing more, in a file of its own the culture office hands to the venue.
//!
//! A kit is a small SQLite file (application id `OKIT`) holding:
//! - one signed record ([`KitContent`], JSON): the venue's agreement for the year (visits per
//!   card, companion, what is not covered), the program's public card key (it checks cards and
//!   cannot sign them), the year's card numbers with the holder's first name only, which of them
//!   are blocked, the visits each holder had used at the venue when the kit was made, and the
//!   desk's login (user name and an argon2 hash of the password). The program's card key signs
//!   it, so a kit changed after it was made is refused when it is opened;
//! - the kit's own key, which signs the reports the desk exports (the office knows its public
//!   half, so a report altered or made with another venue's kit is refused at import);
//! - the visits registered at the desk.
//!
//! No surname, birth date, guardian or NAV field is ever written to a kit. A lost kit exposes
//! the first names and card numbers of one year.

use crate::exchange::spreadsheet_csv;
use crate::{refuse, require, StoreError, Workspace};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::NaiveDate;
use okort_core::dates::format_date;
use okort_core::i18n::Problem;
use okort_core::qr::{self, Scanned, SigningKey};
use okort_core::rules::visit::{Allowance, Verdict};
use okort_core::validity::Validity;
use okort_core::{Action, Actor, CardNumber};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// `PRAGMA application_id` of a kit file: "OKIT".
pub const KIT_APPLICATION_ID: i32 = 0x4F4B_4954;
/// The signature domains: a kit, and a report a kit exported.
const KIT_DOMAIN: &str = "KIT1";
const REPORT_DOMAIN: &str = "REPORT1";
/// The first cell of the row that carries a report's signature.
pub const REPORT_MARK: &str = "#okort-kit";
const REPORT_HEADER: [&str; 3] = ["kortnummer", "dato", "ledsager"];

/// One card as the kit knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KitCard {
    pub number: String,
    pub first_name: String,
    /// The holder, as a number that means something inside this kit only: a replaced card
    /// shares its holder's visits with the new one.
    pub holder: u32,
    /// `CardStatus::code`: assigned, printed, handedOut, lost or revoked.
    pub status: String,
    /// Visits the holder had used at this venue this year, registered at the office, when the
    /// kit was made (the kit's own visits are counted from the kit).
    pub used_before: u32,
}

/// Everything the program vouches for in a kit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KitContent {
    pub format: u32,
    pub kit_id: String,
    pub program_name: String,
    pub venue_id: i64,
    pub venue_name: String,
    pub year: i32,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub visits_per_card: Option<u8>,
    pub companion_free: bool,
    pub not_covered: String,
    pub staff_note: String,
    /// The program's public card key (URL-safe base64).
    pub program_key: String,
    /// The kit's public key, which checks the kit's reports.
    pub kit_key: String,
    /// When the kit was made (RFC 3339).
    pub made_at: String,
    pub desk_username: String,
    /// argon2id, PHC string.
    pub desk_password_hash: String,
    pub cards: Vec<KitCard>,
}

/// What the login screen shows of a kit before anyone logs in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KitInfo {
    pub program_name: String,
    pub venue_name: String,
    pub year: i32,
    pub made_at: String,
    pub cards: u32,
}

/// A visit registered at a kit's desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KitVisit {
    pub id: i64,
    pub card_number: String,
    pub first_name: String,
    pub visited_on: NaiveDate,
    pub companion: bool,
}

/// What making a kit did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KitSummary {
    pub path: String,
    pub venue_name: String,
    pub year: i32,
    pub cards: u32,
    /// Visits kept from the kit it replaced (a refresh during the year).
    pub visits_kept: u32,
}

/// Whether the file at `path` is a venue kit (by its SQLite header and application id).
pub fn is_kit(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 72];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head));
    read.is_ok()
        && head.starts_with(b"SQLite format 3\0")
        && head[68..72] == KIT_APPLICATION_ID.to_be_bytes()
}

fn random<const N: usize>() -> Result<[u8; N], StoreError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| StoreError::Random(e.to_string()))?;
    Ok(buf)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a kit file holds, read without checking anything.
struct Stored {
    content_json: String,
    signature: String,
    secret: String,
}

fn read_stored(conn: &Connection) -> Result<Stored, StoreError> {
    conn.query_row("SELECT content, signature, secret FROM kit", [], |r| {
        Ok(Stored {
            content_json: r.get(0)?,
            signature: r.get(1)?,
            secret: r.get(2)?,
        })
    })
    .map_err(StoreError::from)
}

/// Opens a kit file read-write, refusing anything that is not one.
fn connect(path: &Path) -> Result<Connection, StoreError> {
    if !path.exists() {
        return Err(StoreError::NotFound(path.to_path_buf()));
    }
    if !is_kit(path) {
        return refuse(Problem::NotAKit {
            path: path.display().to_string(),
        });
    }
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Every write takes the file's write lock as it begins: two windows on one kit take turns.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    Ok(conn)
}

/// The content of a kit, after its signature is checked with the public key inside it: a
/// changed card list, agreement or login is refused.
fn verified(stored: &Stored) -> Result<KitContent, StoreError> {
    let content: KitContent = serde_json::from_str(&stored.content_json)
        .map_err(|_| StoreError::Refused(Problem::KitChanged))?;
    let key =
        qr::decode_key(&content.program_key).ok_or(StoreError::Refused(Problem::KitChanged))?;
    if content.format != 1
        || !qr::verify_message(
            &key,
            KIT_DOMAIN,
            stored.content_json.as_bytes(),
            &stored.signature,
        )
    {
        return refuse(Problem::KitChanged);
    }
    Ok(content)
}

const SCHEMA: &str = "
    CREATE TABLE kit (content TEXT NOT NULL, signature TEXT NOT NULL, secret TEXT NOT NULL);
    CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        card_number TEXT NOT NULL,
        visited_on TEXT NOT NULL,
        companion INTEGER NOT NULL,
        registered_at TEXT NOT NULL
    );";

impl Workspace {
    /// Makes the kit of `venue_id` for `year` at `out`, with the desk's login. A kit already at
    /// `out` for the same venue and year is refreshed: its identity, key and visits are kept and
    /// the cards (new ones, blocked ones) and the agreement are brought up to date. The culture
    /// office's job.
    pub fn make_kit(
        &self,
        actor: &Actor,
        venue_id: i64,
        year: i32,
        desk_username: &str,
        desk_password: &str,
        out: &Path,
    ) -> Result<KitSummary, StoreError> {
        require(actor, Action::ManageVenues)?;
        let desk_username = desk_username.trim();
        if desk_username.is_empty() {
            return Err(crate::field_problem("username", Problem::Required));
        }
        if desk_password.chars().count() < 8 {
            return Err(crate::field_problem("password", Problem::PasswordTooShort));
        }
        let program_key = self.card_key()?;
        let year = self
            .year_by_number(year)?
            .ok_or(StoreError::Refused(Problem::UnknownYear { year }))?;
        let venue = self.venue(venue_id)?;
        let agreement = self
            .agreements_for_venue(venue_id)?
            .into_iter()
            .find(|a| a.year_id == year.id)
            .ok_or(StoreError::Refused(Problem::NoAgreement))?;
        // A kit already there: refreshed if it is this venue's for this year (a retired one is
        // replaced by a new kit, with a new key).
        let existing = match existing_kit(out)? {
            Some((content, _, _)) if content.venue_id != venue_id || content.year != year.year => {
                return refuse(Problem::KitOtherVenue {
                    venue: content.venue_name,
                    year: content.year,
                });
            }
            Some((content, secret, visits)) if !self.kit_retired(&content.kit_id)? => {
                Some((content.kit_id, secret, visits))
            }
            _ => None,
        };
        let (kit_id, secret, visits) = match existing {
            Some(kept) => kept,
            None => (hex(&random::<16>()?), random::<32>()?, Vec::new()),
        };
        let kit_key = SigningKey::from_seed(&secret);
        let cards = self.kit_cards(venue_id, year.id, &kit_id)?;
        let salt = SaltString::encode_b64(&random::<16>()?)
            .map_err(|e| StoreError::Random(e.to_string()))?;
        let desk_password_hash = argon2::Argon2::default()
            .hash_password(desk_password.as_bytes(), &salt)
            .map_err(|e| StoreError::Random(e.to_string()))?
            .to_string();
        let content = KitContent {
            format: 1,
            kit_id: kit_id.clone(),
            program_name: self.program()?.name,
            venue_id,
            venue_name: venue.name.clone(),
            year: year.year,
            valid_from: year.valid_from,
            valid_to: year.valid_to,
            visits_per_card: agreement.visits_per_card,
            companion_free: agreement.companion_free,
            not_covered: agreement.not_covered,
            staff_note: venue.staff_note,
            program_key: qr::encode_key(&program_key.public()),
            kit_key: qr::encode_key(&kit_key.public()),
            made_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            desk_username: desk_username.to_string(),
            desk_password_hash,
            cards,
        };
        let json = serde_json::to_string(&content).map_err(|e| StoreError::Io(e.into()))?;
        let signature = program_key.sign_message(KIT_DOMAIN, json.as_bytes());
        write_kit(out, &json, &signature, &qr::encode_key(&secret), &visits)?;

        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO venue_kits (kit_id, venue_id, year_id, public_key, made_at, made_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (kit_id) DO UPDATE SET made_at = excluded.made_at,
                made_by = excluded.made_by",
            params![
                kit_id,
                venue_id,
                year.id,
                content.kit_key,
                content.made_at,
                actor.user_id
            ],
        )?;
        let detail = format!(
            "venue {venue_id} year {}: {} cards",
            year.year,
            content.cards.len()
        );
        crate::audit::log(&tx, actor, "venue.kit", "venue", Some(venue_id), &detail)?;
        tx.commit()?;
        Ok(KitSummary {
            path: out.display().to_string(),
            venue_name: venue.name,
            year: year.year,
            cards: content.cards.len() as u32,
            visits_kept: visits.len() as u32,
        })
    }

    /// The year's cards as a kit lists them: first names only, holders numbered within the kit,
    /// and the visits each holder had used at the venue, not counting those imported from this
    /// kit (the kit counts its own).
    fn kit_cards(
        &self,
        venue_id: i64,
        year_id: i64,
        kit_id: &str,
    ) -> Result<Vec<KitCard>, StoreError> {
        let mut used = std::collections::HashMap::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT holder_id, COUNT(*) FROM visits
                 WHERE venue_id = ?1 AND year_id = ?2 AND voided_reason IS NULL
                   AND (kit_id IS NULL OR kit_id <> ?3)
                 GROUP BY holder_id",
            )?;
            let rows = stmt.query_map(params![venue_id, year_id, kit_id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, u32>(1)?))
            })?;
            for row in rows {
                let (holder, count) = row?;
                used.insert(holder, count);
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT c.number, h.first_name, c.holder_id, c.status FROM cards c
             JOIN holders h ON h.id = c.holder_id
             WHERE c.year_id = ?1 ORDER BY c.number",
        )?;
        let rows = stmt.query_map([year_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut holders: std::collections::HashMap<i64, u32> = std::collections::HashMap::new();
        let mut cards = Vec::new();
        for row in rows {
            let (number, first_name, holder_id, status) = row?;
            let next = holders.len() as u32 + 1;
            let holder = *holders.entry(holder_id).or_insert(next);
            cards.push(KitCard {
                number,
                first_name,
                holder,
                status,
                used_before: used.get(&holder_id).copied().unwrap_or(0),
            });
        }
        Ok(cards)
    }

    /// The public key of a kit the office made, with the venue it was made for and whether it
    /// was retired.
    pub(crate) fn kit_key(
        &self,
        kit_id: &str,
    ) -> Result<Option<(i64, [u8; 32], bool)>, StoreError> {
        let row: Option<(i64, String, bool)> = self
            .conn
            .query_row(
                "SELECT venue_id, public_key, retired_at IS NOT NULL FROM venue_kits
                 WHERE kit_id = ?1",
                [kit_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        Ok(row.and_then(|(venue, key, retired)| qr::decode_key(&key).map(|k| (venue, k, retired))))
    }

    fn kit_retired(&self, kit_id: &str) -> Result<bool, StoreError> {
        Ok(self.kit_key(kit_id)?.is_some_and(|(_, _, retired)| retired))
    }

    /// Retires the kits of a venue for a year (one was lost, or the venue stops): their reports
    /// are refused from now on. Returns how many were retired; the culture office's job.
    pub fn retire_kits(&self, actor: &Actor, venue_id: i64, year: i32) -> Result<u32, StoreError> {
        require(actor, Action::ManageVenues)?;
        let year = self
            .year_by_number(year)?
            .ok_or(StoreError::Refused(Problem::UnknownYear { year }))?;
        let tx = self.conn.unchecked_transaction()?;
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let retired = tx.execute(
            "UPDATE venue_kits SET retired_at = ?1
             WHERE venue_id = ?2 AND year_id = ?3 AND retired_at IS NULL",
            params![at, venue_id, year.id],
        )? as u32;
        let detail = format!(
            "venue {venue_id} year {}: {retired} kits retired",
            year.year
        );
        crate::audit::log(
            &tx,
            actor,
            "venue.kit_retired",
            "venue",
            Some(venue_id),
            &detail,
        )?;
        tx.commit()?;
        Ok(retired)
    }
}

/// A kit already at `path`, to be refreshed: its content, secret and visits. Nothing there is
/// `None`; a file that is not a kit is left for [`crate::write_file`]'s rules (a workspace is
/// never written over).
#[allow(clippy::type_complexity)]
fn existing_kit(
    path: &Path,
) -> Result<Option<(KitContent, [u8; 32], Vec<(String, NaiveDate, bool, String)>)>, StoreError> {
    if !is_kit(path) {
        return Ok(None);
    }
    let conn = connect(path)?;
    let stored = read_stored(&conn)?;
    let content = verified(&stored)?;
    let secret = qr::decode_key(&stored.secret).ok_or(StoreError::Refused(Problem::KitChanged))?;
    let mut stmt = conn.prepare(
        "SELECT card_number, visited_on, companion, registered_at FROM visits ORDER BY id",
    )?;
    let visits = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Some((content, secret, visits)))
}

/// Writes a kit file whole: built beside the target under a temporary name, then renamed over
/// it, so a crash leaves the old kit or the new one.
fn write_kit(
    out: &Path,
    json: &str,
    signature: &str,
    secret: &str,
    visits: &[(String, NaiveDate, bool, String)],
) -> Result<(), StoreError> {
    if crate::vault::file_kind(out) != crate::FileKind::Missing && !is_kit(out) {
        // Only a workspace is protected; any other file is replaced, as exports do.
        if matches!(
            crate::vault::file_kind(out),
            crate::FileKind::Encrypted | crate::FileKind::Plain
        ) {
            return refuse(Problem::WouldOverwriteWorkspace {
                path: out.display().to_string(),
            });
        }
    }
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut conn = Connection::open(tmp.path())?;
        conn.pragma_update(None, "application_id", KIT_APPLICATION_ID)?;
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        let tx = conn.transaction()?;
        tx.execute_batch(SCHEMA)?;
        tx.execute(
            "INSERT INTO kit (content, signature, secret) VALUES (?1, ?2, ?3)",
            params![json, signature, secret],
        )?;
        for (number, on, companion, at) in visits {
            tx.execute(
                "INSERT INTO visits (card_number, visited_on, companion, registered_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![number, on, companion, at],
            )?;
        }
        tx.commit()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(out).map_err(|e| StoreError::Io(e.error))?;
    Ok(())
}

/// An open venue kit, after its desk login.
pub struct Kit {
    conn: Connection,
    path: PathBuf,
    content: KitContent,
    secret: [u8; 32],
}

impl std::fmt::Debug for Kit {
    /// The kit's venue and year; never its key.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kit")
            .field("path", &self.path)
            .field("venue", &self.content.venue_name)
            .field("year", &self.content.year)
            .finish_non_exhaustive()
    }
}

impl Kit {
    /// What the login screen of a kit shows; the kit's signature is checked.
    pub fn peek(path: &Path) -> Result<KitInfo, StoreError> {
        let conn = connect(path)?;
        let content = verified(&read_stored(&conn)?)?;
        Ok(KitInfo {
            program_name: content.program_name,
            venue_name: content.venue_name,
            year: content.year,
            made_at: content.made_at,
            cards: content.cards.len() as u32,
        })
    }

    /// Opens the kit at `path` with the desk's login. A kit changed after it was made, or a
    /// wrong login, opens nothing.
    pub fn open(path: &Path, username: &str, password: &str) -> Result<Kit, StoreError> {
        let conn = connect(path)?;
        let stored = read_stored(&conn)?;
        let content = verified(&stored)?;
        let hash = PasswordHash::new(&content.desk_password_hash)
            .map_err(|_| StoreError::Refused(Problem::KitChanged))?;
        let name_ok = content.desk_username.eq_ignore_ascii_case(username.trim());
        let password_ok = argon2::Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok();
        if !(name_ok && password_ok) {
            return refuse(Problem::LoginFailed);
        }
        let secret =
            qr::decode_key(&stored.secret).ok_or(StoreError::Refused(Problem::KitChanged))?;
        Ok(Kit {
            conn,
            path: path.to_path_buf(),
            content,
            secret,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn content(&self) -> &KitContent {
        &self.content
    }

    pub fn info(&self) -> KitInfo {
        KitInfo {
            program_name: self.content.program_name.clone(),
            venue_name: self.content.venue_name.clone(),
            year: self.content.year,
            made_at: self.content.made_at.clone(),
            cards: self.content.cards.len() as u32,
        }
    }

    /// The card a typed number or a scanned code names; a code not signed by the program's
    /// key (made with anything else, the kit's own key included) is forged.
    fn resolve(&self, code: &str) -> Result<Result<(&KitCard, bool), CardNumber>, StoreError> {
        let scanned = qr::is_qr_payload(code);
        let number = if scanned {
            let public = qr::decode_key(&self.content.program_key)
                .ok_or(StoreError::Refused(Problem::KitChanged))?;
            let verifier = qr::Verifier {
                public,
                legacy: None,
            };
            match verifier.verify(code) {
                Scanned::Genuine { number, .. } => number,
                Scanned::Forged { number } => return Ok(Err(number)),
                Scanned::Unreadable => return refuse(Problem::CardNumberFormat),
            }
        } else {
            CardNumber::parse(code).map_err(crate::cards::card_problem)?
        };
        let number = number.to_string();
        match self.content.cards.iter().find(|c| c.number == number) {
            Some(card) => Ok(Ok((card, scanned))),
            None => refuse(Problem::UnknownCard),
        }
    }

    /// Visits the holder has used at the venue: before the kit, and at this kit's desk.
    fn allowance(&self, holder: u32) -> Result<Allowance, StoreError> {
        let mut used = self
            .content
            .cards
            .iter()
            .find(|c| c.holder == holder)
            .map_or(0, |c| c.used_before);
        let numbers: Vec<&str> = self
            .content
            .cards
            .iter()
            .filter(|c| c.holder == holder)
            .map(|c| c.number.as_str())
            .collect();
        for number in numbers {
            let n: u32 = self.conn.query_row(
                "SELECT COUNT(*) FROM visits WHERE card_number = ?1",
                [number],
                |r| r.get(0),
            )?;
            used += n;
        }
        Ok(Allowance {
            has_agreement: true,
            visits_per_card: self.content.visits_per_card,
            visits_used: used,
            companion_free: self.content.companion_free,
        })
    }

    fn validity(&self, card: &KitCard, on: NaiveDate) -> Validity {
        let active = !matches!(card.status.as_str(), "lost" | "revoked");
        Validity::of(active, self.content.valid_from, self.content.valid_to, on)
    }

    fn venue_allowance(&self, rule: Allowance) -> crate::VenueAllowance {
        crate::VenueAllowance::new(self.content.venue_id, self.content.venue_name.clone(), rule)
    }

    /// What the desk is told about a card: the same answers as the workspace's desk screen.
    pub fn lookup(&self, code: &str, today: NaiveDate) -> Result<crate::CardLookup, StoreError> {
        use crate::LookupState;
        let (card, scanned) = match self.resolve(code)? {
            Err(number) => {
                return Ok(crate::CardLookup {
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
            Ok(found) => found,
        };
        let state = match self.validity(card, today) {
            Validity::Valid => LookupState::Valid,
            Validity::NotYetValid => LookupState::NotYetValid,
            Validity::Expired => LookupState::Expired,
            Validity::Blocked => LookupState::Blocked,
        };
        Ok(crate::CardLookup {
            state,
            number: card.number.clone(),
            scanned,
            status: Some(crate::CardStatus::parse(&card.status)),
            first_name: Some(card.first_name.clone()),
            valid_from: Some(self.content.valid_from),
            valid_to: Some(self.content.valid_to),
            venue: Some(self.venue_allowance(self.allowance(card.holder)?)),
        })
    }

    /// Registers a visit at the desk on `on`, by the rules the workspace's desk follows (no
    /// overrides: those are the culture office's, at the office).
    pub fn register(
        &self,
        code: &str,
        on: NaiveDate,
        companion: bool,
        today: NaiveDate,
    ) -> Result<crate::VisitReceipt, StoreError> {
        // The write lock first: two windows on one kit take turns, and the limit holds.
        let tx = self.conn.unchecked_transaction()?;
        let (card, _) = match self.resolve(code)? {
            Err(_) => return refuse(Problem::CardForged),
            Ok(found) => found,
        };
        let rule = self.allowance(card.holder)?;
        let numbers: Vec<&str> = self
            .content
            .cards
            .iter()
            .filter(|c| c.holder == card.holder)
            .map(|c| c.number.as_str())
            .collect();
        for number in &numbers {
            let same_day: u32 = tx.query_row(
                "SELECT COUNT(*) FROM visits WHERE card_number = ?1 AND visited_on = ?2",
                params![number, on],
                |r| r.get(0),
            )?;
            if same_day > 0 {
                return refuse(Problem::VisitAlreadyRegistered);
            }
        }
        match rule.check(on, today, companion, self.validity(card, on)) {
            Verdict::Allowed => {}
            Verdict::Refused(p) | Verdict::Overridable(p) => return refuse(p),
        }
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        tx.execute(
            "INSERT INTO visits (card_number, visited_on, companion, registered_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![card.number, on, companion, at],
        )?;
        let visit_id = tx.last_insert_rowid();
        tx.commit()?;
        let after = self.allowance(card.holder)?;
        Ok(crate::VisitReceipt {
            visit_id,
            card_number: card.number.clone(),
            first_name: card.first_name.clone(),
            venue_name: self.content.venue_name.clone(),
            visits_used: after.visits_used,
            visits_left: after.visits_left(),
            overridden: false,
        })
    }

    /// The visits registered at this desk, in a period, newest first.
    pub fn visits(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<KitVisit>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, card_number, visited_on, companion FROM visits
             WHERE (?1 IS NULL OR visited_on >= ?1) AND (?2 IS NULL OR visited_on <= ?2)
             ORDER BY visited_on DESC, id DESC",
        )?;
        let rows = stmt.query_map(params![from, to], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, NaiveDate>(2)?,
                r.get::<_, bool>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, card_number, visited_on, companion) = row?;
            let first_name = self
                .content
                .cards
                .iter()
                .find(|c| c.number == card_number)
                .map(|c| c.first_name.clone())
                .unwrap_or_default();
            out.push(KitVisit {
                id,
                card_number,
                first_name,
                visited_on,
                companion,
            });
        }
        Ok(out)
    }

    /// The venue's report of the visits in a period, in the format the culture office imports
    /// (card number, date, companion), CSV or Excel, with a last row the kit signs: the office
    /// refuses it if a cell was changed or it comes from another venue's kit.
    pub fn report(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        xlsx: bool,
    ) -> Result<Vec<u8>, StoreError> {
        let mut visits = self.visits(from, to)?;
        visits.reverse();
        let yes_no = |b: bool| if b { "ja" } else { "nei" }.to_string();
        let rows: Vec<Vec<String>> = visits
            .iter()
            .map(|v| {
                vec![
                    v.card_number.clone(),
                    format_date(v.visited_on),
                    yes_no(v.companion),
                ]
            })
            .collect();
        let header: Vec<String> = REPORT_HEADER.iter().map(|h| h.to_string()).collect();
        let signed = report_message(&self.content.kit_id, std::iter::once(&header).chain(&rows));
        let signature = SigningKey::from_seed(&self.secret).sign_message(REPORT_DOMAIN, &signed);
        let mark = vec![
            REPORT_MARK.to_string(),
            self.content.kit_id.clone(),
            signature,
        ];
        let mut all = rows;
        all.push(mark);
        if xlsx {
            return crate::exchange::spreadsheet_xlsx(&REPORT_HEADER, &all);
        }
        spreadsheet_csv(&REPORT_HEADER, &all)
    }
}

/// The bytes a report's signature covers: the kit, then every row from the header down, its
/// cells as read (trimmed), so a CSV and an Excel file of the same rows sign alike.
fn report_message<'a>(kit_id: &str, rows: impl IntoIterator<Item = &'a Vec<String>>) -> Vec<u8> {
    let mut out = format!("{kit_id}\n").into_bytes();
    for row in rows {
        let cells: Vec<&str> = row
            .iter()
            .map(|c| c.trim().trim_start_matches('\u{feff}'))
            .collect();
        let used = cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        out.extend_from_slice(cells[..used].join("\u{1f}").as_bytes());
        out.push(b'\n');
    }
    out
}

/// A signed report's rows without the signature row, and who signed it: `None` for a report
/// without one (typed by hand, or from the venue's own system).
pub(crate) struct ReportSignature {
    pub kit_id: String,
    pub signature: String,
    pub message: Vec<u8>,
}

/// Takes the signature row off a venue report's table, if it has one.
pub(crate) fn split_signature(table: &mut Vec<Vec<String>>) -> Option<ReportSignature> {
    let last = table
        .iter()
        .rposition(|r| r.iter().any(|c| !c.trim().is_empty()))?;
    if table[last].first().map(|c| c.trim()) != Some(REPORT_MARK) {
        return None;
    }
    let mark = table.remove(last);
    let kit_id = mark
        .get(1)
        .map(|c| c.trim().to_string())
        .unwrap_or_default();
    let signature = mark
        .get(2)
        .map(|c| c.trim().to_string())
        .unwrap_or_default();
    let first = table
        .iter()
        .position(|r| r.iter().any(|c| !c.trim().is_empty()))
        .unwrap_or(0);
    let rows: Vec<&Vec<String>> = table[first..]
        .iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let message = report_message(&kit_id, rows);
    Some(ReportSignature {
        kit_id,
        signature,
        message,
    })
}

impl Workspace {
    /// Checks a signed report: made by a kit of this office for `venue_id`, and unchanged.
    /// Returns the kit it came from.
    pub(crate) fn check_report_signature(
        &self,
        venue_id: i64,
        signed: &ReportSignature,
    ) -> Result<String, StoreError> {
        let Some((kit_venue, key, retired)) = self.kit_key(&signed.kit_id)? else {
            return refuse(Problem::ReportUnknownKit);
        };
        if retired {
            return refuse(Problem::ReportRetiredKit);
        }
        if kit_venue != venue_id {
            let venue = self.venue(kit_venue)?.name;
            return refuse(Problem::ReportOtherVenue { venue });
        }
        if !qr::verify_message(&key, REPORT_DOMAIN, &signed.message, &signed.signature) {
            return refuse(Problem::ReportChanged);
        }
        Ok(signed.kit_id.clone())
    }
}

/// A table read from report bytes, for tests and the import: the rows and the signature.
#[cfg(test)]
pub(crate) fn read_report(
    bytes: &[u8],
) -> Result<(Vec<Vec<String>>, Option<ReportSignature>), StoreError> {
    let mut table = crate::exchange::read_table(bytes)?;
    let signed = split_signature(&mut table);
    Ok((table, signed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_signs_the_same_rows_alike_in_csv_and_excel() {
        let rows = vec![vec![
            "2026-0001-7".to_string(),
            "01.04.2026".into(),
            "ja".into(),
        ]];
        // A signature may start with "-" (URL-safe base64), which the CSV guards with a "'".
        let mark = vec![REPORT_MARK.to_string(), "abc".into(), "-sig".into()];
        let mut all = rows.clone();
        all.push(mark);
        let xlsx = crate::exchange::spreadsheet_xlsx(&REPORT_HEADER, &all).expect("xlsx");
        let csv = spreadsheet_csv(&REPORT_HEADER, &all).expect("csv");
        let (t1, s1) = read_report(&xlsx).expect("read xlsx");
        let (t2, s2) = read_report(&csv).expect("read csv");
        let (s1, s2) = (s1.expect("signed"), s2.expect("signed"));
        assert_eq!(s1.message, s2.message);
        assert_eq!((s1.kit_id.as_str(), s1.signature.as_str()), ("abc", "-sig"));
        assert_eq!(s2.signature, "-sig");
        assert_eq!(t1.len(), 2);
        assert_eq!(t2.len(), 2);
    }
}
