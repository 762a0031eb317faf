//! Payouts: what each venue is owed for a year or a period, from its registered visits and
//! its agreement. Venues that bear the cost still appear, with their visit counts.

use crate::{require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::compensation::{line_amount, share_percent};
use okort_core::{Action, Actor, CompensationModel};
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
}

impl Workspace {
    /// One line per venue with an agreement in the year. With a period, only visits dated in it
    /// count; without, the whole year including ticks of unknown date.
    pub fn compute_payouts(
        &self,
        actor: &Actor,
        year_id: i64,
        period: Option<(NaiveDate, NaiveDate)>,
    ) -> Result<Vec<PayoutLine>, StoreError> {
        require(actor, Action::ManageVenues)?;
        let agreements = self.agreements_for_year(year_id)?;
        let mut lines = Vec::new();
        for venue in self.list_venues()? {
            let Some(a) = agreements.iter().find(|a| a.venue_id == venue.id) else {
                continue;
            };
            let (from, to) = match period {
                Some((f, t)) => (Some(f), Some(t)),
                None => (None, None),
            };
            let (holder_visits, companion_visits): (u32, u32) = self.conn.query_row(
                "SELECT COUNT(*), COALESCE(SUM(companion), 0) FROM visits
                 WHERE venue_id = ?1 AND year_id = ?2 AND voided_reason IS NULL
                   AND (?3 IS NULL OR (visited_on IS NOT NULL AND visited_on >= ?3 AND visited_on <= ?4))",
                rusqlite::params![venue.id, year_id, from, to],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let percent = share_percent(a.compensation, a.share_percent);
            let holder_amount_ore = line_amount(holder_visits, a.holder_price_ore, percent);
            let companion_amount_ore =
                line_amount(companion_visits, a.companion_price_ore, percent);
            lines.push(PayoutLine {
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
            });
        }
        Ok(lines)
    }
}

/// The accounting file: one row per venue, amounts as kroner with decimal comma, UTF-8 with
/// BOM and `;` as Norwegian Excel opens it, and a sum row.
pub fn payouts_csv(lines: &[PayoutLine]) -> Result<Vec<u8>, StoreError> {
    use okort_core::checks::{format_bank_account, format_org_number};
    use okort_core::money::format_amount;
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        let err = |e: csv::Error| StoreError::Csv(e.to_string());
        w.write_record([
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
        ])
        .map_err(err)?;
        for l in lines {
            w.write_record([
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
            ])
            .map_err(err)?;
        }
        let total: i64 = lines.iter().map(|l| l.total_ore).sum();
        let visits: u32 = lines.iter().map(|l| l.holder_visits).sum();
        let companions: u32 = lines.iter().map(|l| l.companion_visits).sum();
        w.write_record([
            "Sum".to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            visits.to_string(),
            companions.to_string(),
            String::new(),
            String::new(),
            format_amount(total),
        ])
        .map_err(err)?;
        w.flush()?;
    }
    Ok(out)
}

/// A venue's visits in a year by month (1–12); `None` is ticks of unknown date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthCount {
    pub month: Option<u32>,
    pub holder_visits: u32,
    pub companion_visits: u32,
}

impl Workspace {
    pub fn visits_by_month(
        &self,
        actor: &Actor,
        venue_id: i64,
        year_id: i64,
    ) -> Result<Vec<MonthCount>, StoreError> {
        require(actor, Action::ManageVenues)?;
        let mut stmt = self.conn.prepare(
            "SELECT CAST(strftime('%m', visited_on) AS INTEGER), COUNT(*), COALESCE(SUM(companion), 0)
             FROM visits WHERE venue_id = ?1 AND year_id = ?2 AND voided_reason IS NULL
             GROUP BY 1 ORDER BY 1 IS NULL, 1",
        )?;
        let rows = stmt
            .query_map([venue_id, year_id], |r| {
                Ok(MonthCount {
                    month: r.get(0)?,
                    holder_visits: r.get(1)?,
                    companion_visits: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}
