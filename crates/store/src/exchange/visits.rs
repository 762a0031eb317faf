//! Venue reports: a venue's list of visits as CSV or Excel (.xlsx), with the card number, the
//! date (dd.mm.åååå or ISO) and whether a companion came. Every row is checked against the
//! workspace as the desk would check it; the user sees each problem row with its reason and
//! imports the good rows or none. A row that matches a registered visit (same holder, venue
//! and date) is never added again, so importing the same file twice adds nothing.

use super::{data_rows, header, parse_yes_no, read_table, Columns};
use crate::audit::log;
use crate::cards::{card_by_number, card_problem, Card, CardStatus, VenueAllowance};
use crate::visits::desk_venue;
use crate::{require, RowProblem, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::dates::parse_date;
use okort_core::i18n::Problem;
use okort_core::rules::visit::Verdict;
use okort_core::validity::Validity;
use okort_core::{Action, Actor, CardNumber};
use rusqlite::params;
use serde::Serialize;
use std::collections::hash_map::Entry;
use std::collections::HashMap;
use ts_rs::TS;

/// What a venue report holds, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitImportCheck {
    pub venue_id: i64,
    /// Data rows read (empty rows not counted).
    pub rows: u32,
    /// Rows that would be imported.
    pub valid: u32,
    /// Every row that would not, with its reason.
    pub problems: Vec<RowProblem>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VisitImportReport {
    pub imported: u32,
    /// Problem rows left out (only with "import the good rows").
    pub skipped: u32,
}

const CARD: &[&str] = &[
    "kortnummer",
    "card_number",
    "kort",
    "card",
    "kortnr",
    "nummer",
    "number",
];
const DATE: &[&str] = &[
    "dato",
    "date",
    "besøksdato",
    "visit_date",
    "besøkt",
    "visited_on",
];
const COMPANION: &[&str] = &["ledsager", "companion", "med_ledsager", "with_companion"];

/// A row that passed every check.
struct Good {
    card_id: i64,
    holder_id: i64,
    year_id: i64,
    on: NaiveDate,
    companion: bool,
}

/// A report checked row by row.
struct Checked {
    /// Data rows read (empty rows not counted).
    rows: u32,
    goods: Vec<Good>,
    problems: Vec<RowProblem>,
    /// The venue kit that signed the report, if one did.
    kit: Option<String>,
}

/// Looks up what the rows need once per card and year, not once per row.
#[derive(Default)]
struct Cache {
    cards: HashMap<String, Option<Card>>,
    /// A year's first and last valid day.
    validity: HashMap<i64, (NaiveDate, NaiveDate)>,
    replaced_on: HashMap<i64, Option<NaiveDate>>,
}

impl Workspace {
    fn check_rows(
        &self,
        venue_id: i64,
        bytes: &[u8],
        today: NaiveDate,
    ) -> Result<Checked, StoreError> {
        self.venue(venue_id)?;
        let mut table = read_table(bytes)?;
        // A report a venue kit signed: from this venue's kit, and unchanged, or refused whole.
        let kit = match crate::kit::split_signature(&mut table) {
            Some(signed) => Some(self.check_report_signature(venue_id, &signed)?),
            None => None,
        };
        let (header_row, header) = header(&table)?;
        let known = [CARD, DATE, COMPANION];
        let columns = Columns::match_header((header_row, header), &known, &[0, 1], false)?;
        let name_of = |c: usize| columns.name(c, &known);
        let (card_col, date_col, companion_col) = (0, 1, 2);

        let mut cache = Cache::default();
        let mut goods = Vec::new();
        let mut problems = Vec::new();
        let mut rows = 0;
        // (holder, date) → first row; (holder, year) → the agreement here, its visits used
        // counting the good rows above (read once per holder, not once per row).
        let mut seen: HashMap<(i64, NaiveDate), usize> = HashMap::new();
        let mut allowances: HashMap<(i64, i64), VenueAllowance> = HashMap::new();
        for (row, record) in data_rows(&table, header_row) {
            rows += 1;
            let cell = |c: usize| columns.cell(record, c);
            let problem = |col: usize, problem: Problem| RowProblem {
                row,
                column: name_of(col),
                problem,
            };
            let card = match self.import_card(&mut cache, &cell(card_col))? {
                Ok(c) => c,
                Err(p) => {
                    problems.push(problem(card_col, p));
                    continue;
                }
            };
            let on = match parse_date(&cell(date_col)) {
                Some(d) => d,
                None if cell(date_col).is_empty() => {
                    problems.push(problem(date_col, Problem::Required));
                    continue;
                }
                None => {
                    let value = cell(date_col);
                    problems.push(problem(date_col, Problem::NotADate { value }));
                    continue;
                }
            };
            let companion = match cell(companion_col).as_str() {
                "" => false,
                text => match parse_yes_no(text) {
                    Some(b) => b,
                    None => {
                        let col = companion_col;
                        let value = text.to_string();
                        problems.push(problem(col, Problem::NotYesNo { value }));
                        continue;
                    }
                },
            };
            let allowance = match allowances.entry((card.holder_id, card.year_id)) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => {
                    e.insert(self.allowance(card.holder_id, card.year_id, venue_id)?)
                }
            };
            let (valid_from, valid_to) = match cache.validity.entry(card.year_id) {
                Entry::Occupied(e) => *e.get(),
                Entry::Vacant(e) => {
                    let y = self.year(card.year_id)?;
                    *e.insert((y.valid_from, y.valid_to))
                }
            };
            let blocked = match card.status {
                CardStatus::Revoked => true,
                CardStatus::Lost => self
                    .replaced_on(&mut cache, card.id)?
                    .is_none_or(|replaced| on >= replaced),
                _ => false,
            };
            let column_of = |p: &Problem| match p {
                Problem::FutureDate | Problem::CardExpired => date_col,
                Problem::CompanionNotCovered => companion_col,
                _ => card_col,
            };
            let refused = if let Some(&first_row) = seen.get(&(card.holder_id, on)) {
                Some((date_col, Problem::SameVisitInFile { first_row }))
            } else if let Some(p) = self.registered_on(card.holder_id, venue_id, on)? {
                Some((date_col, p))
            } else {
                let validity = Validity::of(!blocked, valid_from, valid_to, on);
                match allowance.rule().check(on, today, companion, validity) {
                    Verdict::Allowed => {
                        allowance.visits_used += 1;
                        None
                    }
                    Verdict::Refused(p) | Verdict::Overridable(p) => Some((column_of(&p), p)),
                }
            };
            if let Some((col, p)) = refused {
                problems.push(problem(col, p));
                continue;
            }
            seen.insert((card.holder_id, on), row);
            goods.push(Good {
                card_id: card.id,
                holder_id: card.holder_id,
                year_id: card.year_id,
                on,
                companion,
            });
        }
        Ok(Checked {
            rows,
            goods,
            problems,
            kit,
        })
    }

    /// The card a row names, or why it names none.
    fn import_card(
        &self,
        cache: &mut Cache,
        text: &str,
    ) -> Result<Result<Card, Problem>, StoreError> {
        if text.is_empty() {
            return Ok(Err(Problem::Required));
        }
        let number = match CardNumber::parse(text) {
            Ok(n) => n,
            Err(p) => {
                return Ok(Err(match card_problem(p) {
                    StoreError::Refused(p) => p,
                    _ => Problem::CardNumberFormat,
                }))
            }
        };
        let key = number.to_string();
        if !cache.cards.contains_key(&key) {
            let card = card_by_number(&self.conn, &key)?;
            cache.cards.insert(key.clone(), card);
        }
        Ok(cache
            .cards
            .get(&key)
            .cloned()
            .flatten()
            .ok_or(Problem::UnknownCard))
    }

    /// The day the replacement of a lost card was made: visits before it were on this card.
    fn replaced_on(
        &self,
        cache: &mut Cache,
        card_id: i64,
    ) -> Result<Option<NaiveDate>, StoreError> {
        if let Some(d) = cache.replaced_on.get(&card_id) {
            return Ok(*d);
        }
        let d: Option<NaiveDate> = self.conn.query_row(
            "SELECT MIN(created_on) FROM cards WHERE replaces_card_id = ?1",
            [card_id],
            |r| r.get(0),
        )?;
        cache.replaced_on.insert(card_id, d);
        Ok(d)
    }

    /// Why a visit of the holder at the venue on the date is already known, if it is.
    fn registered_on(
        &self,
        holder_id: i64,
        venue_id: i64,
        on: NaiveDate,
    ) -> Result<Option<Problem>, StoreError> {
        let (active, voided): (u32, u32) = self.conn.query_row(
            "SELECT COUNT(*) FILTER (WHERE voided_reason IS NULL),
                    COUNT(*) FILTER (WHERE voided_reason IS NOT NULL)
             FROM visits WHERE holder_id = ?1 AND venue_id = ?2 AND visited_on = ?3",
            params![holder_id, venue_id, on],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(if active > 0 {
            Some(Problem::VisitAlreadyRegistered)
        } else if voided > 0 {
            Some(Problem::VisitVoidedEarlier)
        } else {
            None
        })
    }

    /// Checks a venue report without writing anything. A venue user checks its own venue's;
    /// the culture office names the venue.
    pub fn check_visit_import(
        &self,
        actor: &Actor,
        venue_id: Option<i64>,
        bytes: &[u8],
        today: NaiveDate,
    ) -> Result<VisitImportCheck, StoreError> {
        require(actor, Action::ImportVisits)?;
        let venue_id = desk_venue(actor, venue_id)?;
        let c = self.check_rows(venue_id, bytes, today)?;
        Ok(VisitImportCheck {
            venue_id,
            rows: c.rows,
            valid: c.goods.len() as u32,
            problems: c.problems,
        })
    }

    /// Imports a venue report (a row dated after `today` is a problem row). With problem rows it imports nothing and lists them, unless
    /// `accept_valid` says to import the good rows and leave the others out.
    pub fn import_visits(
        &mut self,
        actor: &Actor,
        venue_id: Option<i64>,
        bytes: &[u8],
        accept_valid: bool,
        today: NaiveDate,
    ) -> Result<VisitImportReport, StoreError> {
        require(actor, Action::ImportVisits)?;
        let venue_id = desk_venue(actor, venue_id)?;
        // Checked inside the write transaction: a visit another desk registers meanwhile
        // counts against the limits.
        let tx = self.conn.unchecked_transaction()?;
        let Checked {
            goods,
            problems,
            kit,
            ..
        } = self.check_rows(venue_id, bytes, today)?;
        if goods.is_empty() || (!problems.is_empty() && !accept_valid) {
            return Err(StoreError::Import(problems));
        }
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        {
            let mut insert = tx.prepare(
                "INSERT INTO visits (card_id, holder_id, year_id, venue_id, visited_on, companion,
                    source, registered_by, registered_at, kit_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'import', ?7, ?8, ?9)",
            )?;
            for g in &goods {
                insert.execute(params![
                    g.card_id,
                    g.holder_id,
                    g.year_id,
                    venue_id,
                    g.on,
                    g.companion,
                    actor.user_id,
                    at,
                    kit
                ])?;
            }
        }
        let detail = format!(
            "venue {venue_id}: {} rows imported, {} left out",
            goods.len(),
            problems.len()
        );
        log(&tx, actor, "visit.import", "venue", Some(venue_id), &detail)?;
        tx.commit()?;
        Ok(VisitImportReport {
            imported: goods.len() as u32,
            skipped: problems.len() as u32,
        })
    }
}
