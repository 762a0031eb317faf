//! Statistics: the year's (or a period's) figures with last year beside them, each section's
//! table and its CSV export, and the year's budget.

use super::commands;
use crate::error::ApiResult;
use chrono::NaiveDate;
use okort_core::stats::{table, tables, Audience, StatsSection, StatsTable, YearStatistics};
use okort_core::Action;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use ts_rs::TS;

/// The figures for the charts and the tables beside them, in the reader's language.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatisticsView {
    pub stats: YearStatistics,
    pub tables: Vec<StatsTable>,
}

commands! {
    pub fn statistics(
        state,
        year_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> ApiResult<StatisticsView> {
        let lang = state.lang();
        state.act(Action::ReadStatistics, |ws, actor| {
            let stats = ws.statistics(actor, year_id, from.zip(to))?;
            let tables = tables(&stats, lang, Audience::Screen);
            Ok(StatisticsView { stats, tables })
        })
    }

    /// One section's table written to `path` as CSV, small groups as "< 5".
    pub fn export_statistics_csv(
        state,
        year_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        section: StatsSection,
        path: PathBuf,
    ) -> ApiResult<()> {
        let lang = state.lang();
        state.act(Action::ReadStatistics, |ws, actor| {
            let stats = ws.statistics(actor, year_id, from.zip(to))?;
            let t = table(&stats, section, lang, Audience::Export)
                .ok_or(okort_store::StoreError::Denied(actor.role))?;
            okort_store::write_file(&path, okort_store::stats_table_csv(&t)?)?;
            Ok(())
        })
    }

    /// The year's budget for compensation to venues, in øre (`None` removes it).
    pub fn set_year_budget(state, year_id: i64, budget_ore: Option<i64>) -> ApiResult<()> {
        state.act(Action::ManageProgram, |ws, actor| ws.set_year_budget(actor, year_id, budget_ore))
    }
}
