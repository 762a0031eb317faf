//! The statistics of a program year, read as counts: one scan of the year's visits grouped by
//! venue and month, one grouped by holder, one over the cards. The figures are made from them
//! by `okort_core::stats`. Each scan is its own function so `okort bench stats` can time it.

use chrono::{Datelike, NaiveDate};
use okort_core::i18n::Problem;
use okort_core::stats::{
    figures, CardCounts, MoneyCounts, Statistics, VenueCounts, YearStatistics,
};
use okort_core::{Action, Actor, CompensationModel, VenueCategory};
use rusqlite::{named_params, OptionalExtension};
use std::collections::HashMap;

use crate::{require, StoreError, Workspace};

/// A period of a year: `None` is the whole year, ticks of unknown date included.
pub type Period = Option<(NaiveDate, NaiveDate)>;

/// The same days a year earlier (29 February becomes 28 February).
fn year_before(d: NaiveDate) -> NaiveDate {
    d.with_year(d.year() - 1)
        .or_else(|| NaiveDate::from_ymd_opt(d.year() - 1, d.month(), 28))
        .unwrap_or(d)
}

/// The visit filter for a period: the dated visits in it, or every visit for the whole year.
const IN_PERIOD: &str = "(:from IS NULL OR (visited_on >= :from AND visited_on <= :to))";

impl Workspace {
    /// The year's figures (or the period's), with the same period of the year before.
    pub fn statistics(
        &self,
        actor: &Actor,
        year_id: i64,
        period: Period,
    ) -> Result<YearStatistics, StoreError> {
        require(actor, Action::ReadStatistics)?;
        let year = self.year(year_id)?;
        if let Some((from, to)) = period {
            if to < from {
                return Err(crate::field_problem("to", Problem::EndBeforeStart));
            }
        }
        let current = self.year_figures(actor, year_id, period)?;
        let previous = match self.year_by_number(year.year - 1)? {
            Some(before) => {
                let shifted = period.map(|(from, to)| (year_before(from), year_before(to)));
                Some(self.year_figures(actor, before.id, shifted)?)
            }
            None => None,
        };
        Ok(YearStatistics { current, previous })
    }

    fn year_figures(
        &self,
        actor: &Actor,
        year_id: i64,
        period: Period,
    ) -> Result<Statistics, StoreError> {
        let year = self.year(year_id)?;
        let cards = self.card_counts(year_id, period)?;
        let venues = self.venue_counts(year_id, period)?;
        let money = if actor.may(Action::ReadCosts) {
            Some(self.money_counts(year_id)?)
        } else {
            None
        };
        Ok(figures(year.year, period, &cards, &venues, money.as_ref()))
    }

    /// The cards of the year and, for each holder with one, the age reached in the year and
    /// the visits made in the period.
    pub fn card_counts(&self, year_id: i64, period: Period) -> Result<CardCounts, StoreError> {
        let year = self.year(year_id)?;
        let (from, to) = (period.map(|p| p.0), period.map(|p| p.1));
        let in_period = |column: &str| {
            format!("({column} IS NOT NULL AND (:from IS NULL OR ({column} >= :from AND {column} <= :to)))")
        };
        let mut counts = self.conn.query_row(
            &format!(
                "SELECT
                    COALESCE(SUM(replaces_card_id IS NULL AND {created}), 0),
                    COALESCE(SUM(replaces_card_id IS NOT NULL AND {created}), 0),
                    COALESCE(SUM({handed}), 0),
                    COALESCE(SUM({returned}), 0),
                    COALESCE(SUM(status = 'lost'), 0),
                    COALESCE(SUM(status = 'revoked'), 0)
                 FROM cards WHERE year_id = :year",
                created = in_period("created_on"),
                handed = in_period("handed_out_on"),
                returned = in_period("returned_on"),
            ),
            named_params! {":year": year_id, ":from": from, ":to": to},
            |r| {
                Ok(CardCounts {
                    assigned: r.get(0)?,
                    replacements: r.get(1)?,
                    handed_out: r.get(2)?,
                    returned: r.get(3)?,
                    lost: r.get(4)?,
                    revoked: r.get(5)?,
                    holders: Vec::new(),
                })
            },
        )?;
        let mut visits: HashMap<i64, u64> = HashMap::new();
        let mut stmt = self.conn.prepare(&format!(
            "SELECT holder_id, COUNT(*) FROM visits
             WHERE year_id = :year AND voided_reason IS NULL AND {IN_PERIOD}
             GROUP BY holder_id"
        ))?;
        let rows = stmt.query_map(
            named_params! {":year": year_id, ":from": from, ":to": to},
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, u64>(1)?)),
        )?;
        for row in rows {
            let (holder, n) = row?;
            visits.insert(holder, n);
        }
        let mut stmt = self.conn.prepare(
            "SELECT h.id, h.birth_year FROM holders h
             WHERE h.id IN (SELECT holder_id FROM cards
                            WHERE year_id = ?1 AND status <> 'revoked')",
        )?;
        let rows = stmt.query_map([year_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i32>(1)?))
        })?;
        for row in rows {
            let (holder, born) = row?;
            counts
                .holders
                .push((year.year - born, visits.get(&holder).copied().unwrap_or(0)));
        }
        Ok(counts)
    }

    /// Each venue with an agreement in the year (or visits in it): its visits by month, the
    /// companions who came along, and its agreement's prices.
    pub fn venue_counts(
        &self,
        year_id: i64,
        period: Period,
    ) -> Result<Vec<VenueCounts>, StoreError> {
        let (from, to) = (period.map(|p| p.0), period.map(|p| p.1));
        let mut grid: HashMap<i64, VenueCounts> = HashMap::new();
        let agreements = self.agreements_for_year(year_id)?;
        let venues = self.list_venues()?;
        let blank = |venue_id: i64| {
            let venue = venues.iter().find(|v| v.id == venue_id);
            let agreement = agreements.iter().find(|a| a.venue_id == venue_id);
            VenueCounts {
                venue_id,
                name: venue.map(|v| v.name.clone()).unwrap_or_default(),
                category: venue.map_or(VenueCategory::Other, |v| v.category),
                compensation: agreement
                    .map_or(CompensationModel::VenueBearsCost, |a| a.compensation),
                share_percent: agreement.map_or(0, |a| a.share_percent),
                holder_price_ore: agreement.map_or(0, |a| a.holder_price_ore),
                companion_price_ore: agreement.map_or(0, |a| a.companion_price_ore),
                by_month: [0; 12],
                companions_by_month: [0; 12],
                unknown_date: 0,
                unknown_date_companions: 0,
            }
        };
        for a in &agreements {
            grid.insert(a.venue_id, blank(a.venue_id));
        }
        // Grouped by day in the index's own order (no sorting), folded into months here.
        let mut stmt = self.conn.prepare(&format!(
            "SELECT venue_id, visited_on, COUNT(*), COALESCE(SUM(companion), 0)
             FROM visits
             WHERE year_id = :year AND voided_reason IS NULL AND {IN_PERIOD}
             GROUP BY venue_id, visited_on"
        ))?;
        let rows = stmt.query_map(
            named_params! {":year": year_id, ":from": from, ":to": to},
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<NaiveDate>>(1)?
                        .map(|d| d.month() as usize),
                    r.get::<_, u64>(2)?,
                    r.get::<_, u64>(3)?,
                ))
            },
        )?;
        for row in rows {
            let (venue_id, month, holders, companions) = row?;
            let v = grid.entry(venue_id).or_insert_with(|| blank(venue_id));
            match month.filter(|m| (1..=12).contains(m)) {
                Some(m) => {
                    v.by_month[m - 1] += holders;
                    v.companions_by_month[m - 1] += companions;
                }
                None => {
                    v.unknown_date += holders;
                    v.unknown_date_companions += companions;
                }
            }
        }
        let mut out: Vec<VenueCounts> = grid.into_values().collect();
        out.sort_by_key(|v| v.name.to_lowercase());
        Ok(out)
    }

    /// The year's budget and what its settlements approved and paid.
    pub fn money_counts(&self, year_id: i64) -> Result<MoneyCounts, StoreError> {
        let budget_ore = self
            .conn
            .query_row(
                "SELECT budget_ore FROM year_budgets WHERE year_id = ?1",
                [year_id],
                |r| r.get(0),
            )
            .optional()?;
        let (approved_ore, paid_ore) = self.conn.query_row(
            "SELECT COALESCE(SUM(total_ore), 0),
                    COALESCE(SUM(CASE WHEN paid_on IS NOT NULL THEN total_ore END), 0)
             FROM settlements WHERE year_id = ?1 AND withdrawn_reason IS NULL",
            [year_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(MoneyCounts {
            budget_ore,
            approved_ore,
            paid_ore,
        })
    }

    /// Sets the budget for the year's compensation to venues (`None` removes it).
    pub fn set_year_budget(
        &mut self,
        actor: &Actor,
        year_id: i64,
        budget_ore: Option<i64>,
    ) -> Result<(), StoreError> {
        require(actor, Action::ManageProgram)?;
        if budget_ore.is_some_and(|b| !(0..=okort_core::money::MAX_BUDGET_ORE).contains(&b)) {
            return Err(crate::field_problem("budgetOre", Problem::BudgetRange));
        }
        let year = self.year(year_id)?;
        let tx = self.conn.unchecked_transaction()?;
        match budget_ore {
            Some(b) => tx.execute(
                "INSERT INTO year_budgets (year_id, budget_ore) VALUES (?1, ?2)
                 ON CONFLICT (year_id) DO UPDATE SET budget_ore = excluded.budget_ore",
                rusqlite::params![year_id, b],
            )?,
            None => tx.execute("DELETE FROM year_budgets WHERE year_id = ?1", [year_id])?,
        };
        crate::audit::log(
            &tx,
            actor,
            "year.budget",
            "year",
            Some(year_id),
            &year.year.to_string(),
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// One statistics table as a CSV file (UTF-8 with BOM, `;`), its column heads first. Give it a
/// table made for [`okort_core::stats::Audience::Export`], so small groups read "< 5".
pub fn stats_table_csv(table: &okort_core::stats::StatsTable) -> Result<Vec<u8>, StoreError> {
    let header: Vec<&str> = table.columns.iter().map(String::as_str).collect();
    crate::exchange::spreadsheet_csv(&header, &table.rows)
}
