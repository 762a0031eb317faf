//! Payouts: what each venue is owed for a year or a period, from its registered visits and
//! its agreement, and settlements: the culture office approves a venue's amount for a period,
//! which locks its visits, and later marks it paid. A visit belongs to at most one settlement,
//! so no visit is paid twice. Venues that bear the cost still appear, with their visit counts.

use crate::audit::log;
use crate::{refuse, require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::compensation::{line_amount, share_percent};
use okort_core::i18n::{Problem, REASON_GIVEN};
use okort_core::rules::settlement;
use okort_core::{Action, Actor, Agreement, CompensationModel, Venue};
use rusqlite::{named_params, params, OptionalExtension, Row};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PayoutLine {
    pub venue_id: i64,
    pub venue_name: String,
    pub org_number: String,
    pub bank_account: String,
    pub compensation: CompensationModel,
    pub share_percent: u32,
    pub holder_visits: u32,
    pub companion_visits: u32,
    pub holder_price_ore: i64,
    pub companion_price_ore: i64,
    pub holder_amount_ore: i64,
    pub companion_amount_ore: i64,
    pub total_ore: i64,
    /// Visits in the same year or period already in an approved or paid settlement (not
    /// counted above).
    pub settled_visits: u32,
    /// What those settled visits were approved at, in øre.
    pub settled_ore: i64,
}

/// Which visits a payout counts. Voided visits never count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitScope {
    /// Not yet in a settlement; with a period only visits dated in it, without one the whole
    /// year including ticks of unknown date.
    Open(Option<(NaiveDate, NaiveDate)>),
    /// The visits of one settlement.
    Settlement(i64),
}

/// The visits of a venue and year that `scope` selects, as an SQL condition on `visits` with
/// the named parameters `:sid`, `:from` and `:to`.
const IN_SCOPE: &str = "voided_reason IS NULL AND CASE WHEN :sid IS NULL
    THEN settlement_id IS NULL AND (:from IS NULL
        OR (visited_on IS NOT NULL AND visited_on >= :from AND visited_on <= :to))
    ELSE settlement_id = :sid END";

fn scope_params(scope: VisitScope) -> (Option<i64>, Option<NaiveDate>, Option<NaiveDate>) {
    match scope {
        VisitScope::Open(None) => (None, None, None),
        VisitScope::Open(Some((from, to))) => (None, Some(from), Some(to)),
        VisitScope::Settlement(id) => (Some(id), None, None),
    }
}

/// A venue's approved compensation for a period. `line` holds the prices and share as approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settlement {
    pub id: i64,
    pub year_id: i64,
    /// Both `None`: the whole year.
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
    pub line: PayoutLine,
    pub approved_on: NaiveDate,
    /// The user name of who approved it ("okort" for the command line).
    pub approved_by: String,
    pub paid_on: Option<NaiveDate>,
    pub withdrawn_reason: Option<String>,
    /// The first and last day of the dated visits it holds: what a whole-year settlement
    /// actually covers.
    pub first_visit: Option<NaiveDate>,
    pub last_visit: Option<NaiveDate>,
}

impl Settlement {
    /// The settlement as the rules see it.
    pub fn state(&self) -> settlement::State {
        settlement::State {
            approved_on: self.approved_on,
            paid_on: self.paid_on,
            withdrawn: self.withdrawn_reason.is_some(),
        }
    }
}

const SETTLEMENT: &str = "SELECT s.id, s.year_id, s.period_from, s.period_to, s.venue_id,
    COALESCE(s.payee_name, v.name), COALESCE(s.payee_org_number, v.org_number),
    COALESCE(s.payee_bank_account, v.bank_account), s.compensation, s.share_percent, s.holder_visits,
    s.companion_visits, s.holder_price_ore, s.companion_price_ore, s.holder_amount_ore,
    s.companion_amount_ore, s.total_ore, s.approved_at, s.paid_on, s.withdrawn_reason,
    COALESCE(u.username, 'okort'),
    (SELECT MIN(visited_on) FROM visits WHERE settlement_id = s.id),
    (SELECT MAX(visited_on) FROM visits WHERE settlement_id = s.id)
    FROM settlements s JOIN venues v ON v.id = s.venue_id
    LEFT JOIN users u ON u.id = s.approved_by";

fn settlement_from_row(r: &Row) -> rusqlite::Result<Settlement> {
    let model: String = r.get(8)?;
    Ok(Settlement {
        id: r.get(0)?,
        year_id: r.get(1)?,
        period_from: r.get(2)?,
        period_to: r.get(3)?,
        line: PayoutLine {
            venue_id: r.get(4)?,
            venue_name: r.get(5)?,
            org_number: r.get(6)?,
            bank_account: r.get(7)?,
            compensation: CompensationModel::parse(&model)
                .unwrap_or(CompensationModel::VenueBearsCost),
            share_percent: r.get(9)?,
            holder_visits: r.get(10)?,
            companion_visits: r.get(11)?,
            holder_price_ore: r.get(12)?,
            companion_price_ore: r.get(13)?,
            holder_amount_ore: r.get(14)?,
            companion_amount_ore: r.get(15)?,
            total_ore: r.get(16)?,
            settled_visits: 0,
            settled_ore: 0,
        },
        approved_on: {
            // The day; the first workspaces kept a UTC time stamp, whose day it is.
            let at: String = r.get(17)?;
            at.get(..10)
                .and_then(okort_core::dates::parse_date)
                .unwrap_or_default()
        },
        approved_by: r.get(20)?,
        paid_on: r.get(18)?,
        withdrawn_reason: r.get(19)?,
        first_visit: r.get(21)?,
        last_visit: r.get(22)?,
    })
}

impl Workspace {
    /// (holder visits, of which with a companion) of a venue and year in `scope`.
    fn scope_counts(
        &self,
        venue_id: i64,
        year_id: i64,
        scope: VisitScope,
    ) -> Result<(u32, u32), StoreError> {
        let (sid, from, to) = scope_params(scope);
        Ok(self.conn.query_row(
            &format!(
                "SELECT COUNT(*), COALESCE(SUM(companion), 0) FROM visits
                 WHERE venue_id = :venue AND year_id = :year AND {IN_SCOPE}"
            ),
            named_params! {":venue": venue_id, ":year": year_id, ":sid": sid, ":from": from, ":to": to},
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// A venue's line for the open visits in `period`, priced by its agreement.
    fn open_line(
        &self,
        venue: Venue,
        a: &Agreement,
        period: Option<(NaiveDate, NaiveDate)>,
    ) -> Result<PayoutLine, StoreError> {
        let (holder_visits, companion_visits) =
            self.scope_counts(venue.id, a.year_id, VisitScope::Open(period))?;
        let (from, to) = (period.map(|p| p.0), period.map(|p| p.1));
        // Settled visits in the period, priced as their settlement fixed them.
        let mut stmt = self.conn.prepare_cached(
            "SELECT COUNT(*), COALESCE(SUM(v.companion), 0), s.holder_price_ore,
                    s.companion_price_ore, s.share_percent
             FROM visits v JOIN settlements s ON s.id = v.settlement_id
             WHERE v.venue_id = ?1 AND v.year_id = ?2 AND v.voided_reason IS NULL
               AND (?3 IS NULL OR (v.visited_on IS NOT NULL AND v.visited_on >= ?3
                                   AND v.visited_on <= ?4))
             GROUP BY s.id",
        )?;
        let (mut settled_visits, mut settled_ore) = (0u32, 0i64);
        let groups = stmt.query_map(params![venue.id, a.year_id, from, to], |r| {
            Ok((
                r.get::<_, u32>(0)?,
                r.get::<_, u32>(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        })?;
        for g in groups {
            let (holders, companions, holder_price, companion_price, share) = g?;
            settled_visits += holders;
            settled_ore += line_amount(holders, holder_price, share)
                + line_amount(companions, companion_price, share);
        }
        let percent = share_percent(a.compensation, a.share_percent);
        let holder_amount_ore = line_amount(holder_visits, a.holder_price_ore, percent);
        let companion_amount_ore = line_amount(companion_visits, a.companion_price_ore, percent);
        Ok(PayoutLine {
            venue_id: venue.id,
            venue_name: venue.name,
            org_number: venue.org_number,
            bank_account: venue.bank_account,
            compensation: a.compensation,
            share_percent: percent,
            holder_visits,
            companion_visits,
            holder_price_ore: a.holder_price_ore,
            companion_price_ore: a.companion_price_ore,
            holder_amount_ore,
            companion_amount_ore,
            total_ore: holder_amount_ore + companion_amount_ore,
            settled_visits,
            settled_ore,
        })
    }

    /// One line per venue with an agreement in the year, over the visits not yet settled.
    /// With a period, only visits dated in it count; without, the whole year including ticks
    /// of unknown date.
    pub fn compute_payouts(
        &self,
        actor: &Actor,
        year_id: i64,
        period: Option<(NaiveDate, NaiveDate)>,
    ) -> Result<Vec<PayoutLine>, StoreError> {
        require(actor, Action::ManageVenues)?;
        if let Some((from, to)) = period {
            if to < from {
                return Err(crate::field_problem("to", Problem::EndBeforeStart));
            }
        }
        let agreements = self.agreements_for_year(year_id)?;
        let mut lines = Vec::new();
        for venue in self.list_venues()? {
            if let Some(a) = agreements.iter().find(|a| a.venue_id == venue.id) {
                lines.push(self.open_line(venue, a, period)?);
            }
        }
        Ok(lines)
    }

    /// Approves on `on` what a venue is owed for its open visits in `period` (or the whole
    /// year): the amounts are fixed with the agreement as it is and the visits are locked to
    /// the settlement.
    pub fn approve_settlement(
        &mut self,
        actor: &Actor,
        venue_id: i64,
        year_id: i64,
        period: Option<(NaiveDate, NaiveDate)>,
        on: NaiveDate,
    ) -> Result<Settlement, StoreError> {
        require(actor, Action::SettlePayouts)?;
        // The write lock first: two approvals of the same period take turns, and the second
        // finds the visits already settled.
        let tx = self.conn.unchecked_transaction()?;
        let venue = self.venue(venue_id)?;
        let agreement = self
            .agreements_for_year(year_id)?
            .into_iter()
            .find(|a| a.venue_id == venue_id);
        let line = match (&agreement, period) {
            (Some(a), Some((from, to))) if from <= to => Some(self.open_line(venue, a, period)?),
            (Some(a), None) => Some(self.open_line(venue, a, period)?),
            _ => None,
        };
        settlement::may_approve(
            period,
            agreement.is_some(),
            line.as_ref().map_or(0, |l| l.holder_visits),
        )
        .map_err(StoreError::Refused)?;
        let Some(line) = line else {
            return refuse(Problem::NothingToSettle);
        };
        tx.execute(
            "INSERT INTO settlements (venue_id, year_id, period_from, period_to, compensation,
                share_percent, holder_price_ore, companion_price_ore, holder_visits,
                companion_visits, holder_amount_ore, companion_amount_ore, total_ore,
                approved_by, approved_at, payee_name, payee_org_number, payee_bank_account)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18)",
            params![
                venue_id,
                year_id,
                period.map(|p| p.0),
                period.map(|p| p.1),
                line.compensation.code(),
                line.share_percent,
                line.holder_price_ore,
                line.companion_price_ore,
                line.holder_visits,
                line.companion_visits,
                line.holder_amount_ore,
                line.companion_amount_ore,
                line.total_ore,
                actor.user_id,
                on,
                line.venue_name,
                line.org_number,
                line.bank_account
            ],
        )?;
        let id = tx.last_insert_rowid();
        let (_, from, to) = scope_params(VisitScope::Open(period));
        let locked = tx.execute(
            &format!(
                "UPDATE visits SET settlement_id = :id
                 WHERE venue_id = :venue AND year_id = :year AND {IN_SCOPE}"
            ),
            named_params! {
                ":id": id, ":venue": venue_id, ":year": year_id,
                ":sid": None::<i64>, ":from": from, ":to": to,
            },
        )?;
        if locked != line.holder_visits as usize {
            // The visits changed between the sum and the lock: nothing is approved.
            return refuse(Problem::NothingToSettle);
        }
        let detail = format!("venue {venue_id}: {locked} visits, {} øre", line.total_ore); // not a sentence: the audit log's detail
        log(
            &tx,
            actor,
            "settlement.approve",
            "settlement",
            Some(id),
            &detail,
        )?;
        tx.commit()?;
        self.settlement(actor, id)
    }

    pub fn settlement(&self, actor: &Actor, id: i64) -> Result<Settlement, StoreError> {
        require(actor, Action::ManageVenues)?;
        self.conn
            .query_row(
                &format!("{SETTLEMENT} WHERE s.id = ?1"),
                [id],
                settlement_from_row,
            )
            .optional()?
            .ok_or(StoreError::Missing {
                what: okort_core::i18n::Msg::ThingSettlement,
                id,
            })
    }

    /// The year's settlements, by venue and period; withdrawn ones included.
    pub fn list_settlements(
        &self,
        actor: &Actor,
        year_id: i64,
    ) -> Result<Vec<Settlement>, StoreError> {
        require(actor, Action::ManageVenues)?;
        let mut stmt = self.conn.prepare(&format!(
            "{SETTLEMENT} WHERE s.year_id = ?1
             ORDER BY v.name COLLATE NOCASE, s.period_from IS NULL, s.period_from, s.id"
        ))?;
        let rows = stmt
            .query_map([year_id], settlement_from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Records that an approved settlement was paid on `on`; its visits stay locked for good.
    pub fn mark_settlement_paid(
        &mut self,
        actor: &Actor,
        id: i64,
        on: NaiveDate,
    ) -> Result<Settlement, StoreError> {
        require(actor, Action::SettlePayouts)?;
        self.settlement(actor, id)?
            .state()
            .may_pay(on)
            .map_err(StoreError::Refused)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE settlements SET paid_on = ?1 WHERE id = ?2",
            params![on, id],
        )?;
        log(
            &tx,
            actor,
            "settlement.paid",
            "settlement",
            Some(id),
            &on.to_string(),
        )?;
        tx.commit()?;
        self.settlement(actor, id)
    }

    /// Withdraws an approved settlement that is not paid, with a reason (kept on the settlement,
    /// not in the log): its visits are open again and can be voided or settled anew.
    pub fn withdraw_settlement(
        &mut self,
        actor: &Actor,
        id: i64,
        reason: &str,
    ) -> Result<Settlement, StoreError> {
        require(actor, Action::SettlePayouts)?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(crate::field_problem("reason", Problem::ReasonRequired));
        }
        self.settlement(actor, id)?
            .state()
            .may_withdraw()
            .map_err(StoreError::Refused)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE settlements SET withdrawn_reason = ?1 WHERE id = ?2",
            params![reason, id],
        )?;
        tx.execute(
            "UPDATE visits SET settlement_id = NULL WHERE settlement_id = ?1",
            [id],
        )?;
        log(
            &tx,
            actor,
            "settlement.withdraw",
            "settlement",
            Some(id),
            REASON_GIVEN,
        )?;
        tx.commit()?;
        self.settlement(actor, id)
    }
}

/// The accounting file of what is open: one row per venue, amounts as kroner with decimal
/// comma, and a sum row.
pub fn payouts_csv(lines: &[PayoutLine]) -> Result<Vec<u8>, StoreError> {
    use okort_core::checks::{format_bank_account, format_org_number};
    use okort_core::money::format_amount;
    let mut rows: Vec<Vec<String>> = lines
        .iter()
        .map(|l| {
            vec![
                l.venue_name.clone(),
                format_org_number(&l.org_number),
                format_bank_account(&l.bank_account),
                l.compensation.label_nb().to_string(),
                l.share_percent.to_string(),
                l.holder_visits.to_string(),
                l.companion_visits.to_string(),
                format_amount(l.holder_amount_ore),
                format_amount(l.companion_amount_ore),
                format_amount(l.total_ore),
            ]
        })
        .collect();
    let total: i64 = lines.iter().map(|l| l.total_ore).sum();
    let visits: u32 = lines.iter().map(|l| l.holder_visits).sum();
    let companions: u32 = lines.iter().map(|l| l.companion_visits).sum();
    let mut sum = vec![String::new(); 10];
    sum[0] = "Sum".into();
    sum[5] = visits.to_string();
    sum[6] = companions.to_string();
    sum[9] = format_amount(total);
    rows.push(sum);
    crate::exchange::spreadsheet_csv(
        &[
            "brukersted",
            "orgnr",
            "kontonummer",
            "kompensasjon",
            "andel_prosent",
            "besøk",
            "ledsagerbesøk",
            "beløp_kortholder",
            "beløp_ledsager",
            "sum",
        ],
        &rows,
    )
}

/// The accounting file of approved and paid settlements: one row per settlement with its
/// number, venue, account, period, amount and payment date, and a sum row. Withdrawn ones
/// are left out.
pub fn settlements_csv(settlements: &[Settlement]) -> Result<Vec<u8>, StoreError> {
    use okort_core::checks::{format_bank_account, format_org_number};
    use okort_core::dates::format_date;
    use okort_core::money::format_amount;
    let live: Vec<&Settlement> = settlements
        .iter()
        .filter(|s| s.withdrawn_reason.is_none())
        .collect();
    let day = |d: Option<NaiveDate>| d.map(format_date).unwrap_or_default();
    let mut rows: Vec<Vec<String>> = live
        .iter()
        .map(|s| {
            vec![
                s.id.to_string(),
                s.line.venue_name.clone(),
                format_org_number(&s.line.org_number),
                format_bank_account(&s.line.bank_account),
                day(s.period_from),
                day(s.period_to),
                s.line.holder_visits.to_string(),
                s.line.companion_visits.to_string(),
                format_amount(s.line.total_ore),
                format_date(s.approved_on),
                day(s.paid_on),
            ]
        })
        .collect();
    let mut sum = vec![String::new(); 11];
    sum[0] = "Sum".into();
    sum[8] = format_amount(live.iter().map(|s| s.line.total_ore).sum());
    rows.push(sum);
    crate::exchange::spreadsheet_csv(
        &[
            "oppgjør",
            "brukersted",
            "orgnr",
            "kontonummer",
            "fra",
            "til",
            "besøk",
            "ledsagerbesøk",
            "beløp",
            "godkjent",
            "betalt",
        ],
        &rows,
    )
}

/// A venue's visits in a year by month (1–12); `None` is ticks of unknown date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCount {
    pub month: Option<u32>,
    pub holder_visits: u32,
    pub companion_visits: u32,
}

impl Workspace {
    /// A venue's visits in a year by month, for the visits `scope` selects.
    pub fn visits_by_month(
        &self,
        actor: &Actor,
        venue_id: i64,
        year_id: i64,
        scope: VisitScope,
    ) -> Result<Vec<MonthCount>, StoreError> {
        require(actor, Action::ManageVenues)?;
        let (sid, from, to) = scope_params(scope);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT CAST(strftime('%m', visited_on) AS INTEGER), COUNT(*), COALESCE(SUM(companion), 0)
             FROM visits WHERE venue_id = :venue AND year_id = :year AND {IN_SCOPE}
             GROUP BY 1 ORDER BY 1 IS NULL, 1"
        ))?;
        let rows = stmt
            .query_map(
                named_params! {":venue": venue_id, ":year": year_id, ":sid": sid, ":from": from, ":to": to},
                |r| {
                    Ok(MonthCount {
                        month: r.get(0)?,
                        holder_visits: r.get(1)?,
                        companion_visits: r.get(2)?,
                    })
                },
            )?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}
