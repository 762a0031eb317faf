//! `okort stats`: a year's statistics (or a period's) as tables, with last year beside them,
//! small groups written "< 5"; each table as CSV; and the year's budget.

use crate::common::{acting, parse_day, to_json, year_id};
use clap::Subcommand;
use okort_core::i18n::CliMsg;
use okort_core::stats::{tables, Audience, StatsTable};
use okort_core::Lang;
use okort_store::{StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum StatsCommand {
    /// The year's figures (or a period's) as tables; groups of one to four read "< 5".
    Show {
        #[arg(long)]
        year: i32,
        #[arg(long, value_parser = parse_day, requires = "to")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day, requires = "from")]
        to: Option<chrono::NaiveDate>,
        /// Every figure as JSON (exact counts: for scripts that keep them inside the office).
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Write each table as a CSV file into this folder.
        #[arg(long, value_name = "MAPPE")]
        csv: Option<PathBuf>,
    },
    /// Set the year's budget for compensation to venues, in kroner (or remove it with --none).
    Budget {
        #[arg(long)]
        year: i32,
        #[arg(long, value_parser = parse_kr, required_unless_present = "none")]
        kr: Option<i64>,
        #[arg(long, conflicts_with = "kr")]
        none: bool,
    },
}

fn parse_kr(s: &str) -> Result<i64, String> {
    okort_core::money::parse_nok(s).ok_or_else(|| {
        CliMsg::NotAnAmount {
            value: s.to_string(),
        }
        .text(crate::common::argument_lang())
    })
}

/// A table as aligned text: the title, the column heads, the rows.
fn print_table(t: &StatsTable) {
    let cols = t.columns.len();
    let width = |i: usize| {
        std::iter::once(&t.columns)
            .chain(&t.rows)
            .filter_map(|r| r.get(i))
            .map(|c| c.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..cols).map(width).collect();
    let line = |r: &Vec<String>| {
        r.iter()
            .enumerate()
            .map(|(i, c)| {
                let pad = widths[i].saturating_sub(c.chars().count());
                if i == 0 {
                    format!("{c}{}", " ".repeat(pad))
                } else {
                    format!("{}{c}", " ".repeat(pad))
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    out!("{}", t.title);
    out!("{}", line(&t.columns));
    for r in &t.rows {
        out!("{}", line(r));
    }
    out!("");
}

pub fn run(ws: &mut Workspace, command: StatsCommand, lang: Lang) -> Result<(), StoreError> {
    let actor = acting(ws)?;
    match command {
        StatsCommand::Show {
            year,
            from,
            to,
            json,
            csv,
        } => {
            let stats = ws.statistics(&actor, year_id(ws, year)?, from.zip(to))?;
            if json {
                out!("{}", to_json(&stats)?);
                return Ok(());
            }
            let all = tables(&stats, lang, Audience::Export);
            if let Some(dir) = csv {
                std::fs::create_dir_all(&dir)?;
                for t in &all {
                    let name = format!("statistikk-{year}-{}.csv", t.section.code());
                    okort_store::write_file(&dir.join(name), okort_store::stats_table_csv(t)?)?;
                }
                out!(
                    "{}",
                    CliMsg::StatsCsvWritten {
                        count: all.len(),
                        dir: dir.display().to_string(),
                    }
                    .text(lang)
                );
            } else {
                for t in &all {
                    print_table(t);
                }
                out!("{}", okort_core::i18n::Msg::StatsSmallGroups.text(lang));
            }
        }
        StatsCommand::Budget { year, kr, none } => {
            let budget = if none { None } else { kr };
            ws.set_year_budget(&actor, year_id(ws, year)?, budget)?;
            let said = match budget {
                Some(ore) => CliMsg::BudgetSet {
                    year,
                    amount: okort_core::money::format_nok(ore),
                },
                None => CliMsg::BudgetRemoved { year },
            };
            out!("{}", said.text(lang));
        }
    }
    Ok(())
}
