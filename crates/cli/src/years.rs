//! `okort years`: program years, their validity and card quota.

use crate::common::{acting, parse_day};
use clap::Subcommand;
use okort_core::i18n::{CliMsg, Problem};
use okort_core::Lang;
use okort_store::{StoreError, Workspace};

#[derive(Subcommand)]
pub enum YearCommand {
    /// List the program years.
    List,
    /// Create a program year, or change an existing one's validity or quota.
    #[command(visible_alias = "add")]
    Save {
        #[arg(long)]
        year: i32,
        /// The number of cards the year may have.
        #[arg(long)]
        quota: Option<u32>,
        /// First valid day (dd.mm.åååå); default 1 January.
        #[arg(long, value_parser = parse_day)]
        from: Option<chrono::NaiveDate>,
        /// Last valid day (dd.mm.åååå); default 31 December.
        #[arg(long, value_parser = parse_day)]
        to: Option<chrono::NaiveDate>,
    },
    /// Close a program year once it is evaluated: it stays readable, marked closed.
    Close {
        #[arg(long)]
        year: i32,
    },
}

pub fn run(ws: &Workspace, command: YearCommand, lang: Lang) -> Result<(), StoreError> {
    use okort_core::dates::format_date;
    match command {
        YearCommand::List => {
            for y in ws.list_years()? {
                let quota = CliMsg::CardCount {
                    count: y.card_quota,
                };
                out!(
                    "{}  {} – {}  {}",
                    y.year,
                    format_date(y.valid_from),
                    format_date(y.valid_to),
                    quota.text(lang)
                );
            }
        }
        YearCommand::Save {
            year,
            quota,
            from,
            to,
        } => {
            let existing = ws.year_by_number(year)?;
            let base = match &existing {
                Some(y) => okort_core::ProgramYearInput::from(y),
                None => okort_core::ProgramYearInput::new_for(year)
                    .ok_or(StoreError::Refused(Problem::Year))?,
            };
            let input = okort_core::ProgramYearInput {
                card_quota: quota.unwrap_or(base.card_quota),
                valid_from: from.unwrap_or(base.valid_from),
                valid_to: to.unwrap_or(base.valid_to),
                ..base
            };
            let saved = ws.save_year(&acting(ws)?, input)?;
            let (year, from, to, quota) = (
                saved.year,
                format_date(saved.valid_from),
                format_date(saved.valid_to),
                saved.card_quota,
            );
            let done = match existing {
                Some(_) => CliMsg::YearChanged {
                    year,
                    from,
                    to,
                    quota,
                },
                None => CliMsg::YearCreated {
                    year,
                    from,
                    to,
                    quota,
                },
            };
            out!("{}", done.text(lang));
        }
        YearCommand::Close { year } => {
            let found = ws
                .year_by_number(year)?
                .ok_or(StoreError::Refused(Problem::UnknownYear { year }))?;
            ws.save_year(
                &acting(ws)?,
                okort_core::ProgramYearInput {
                    status: okort_core::YearStatus::Closed,
                    ..okort_core::ProgramYearInput::from(&found)
                },
            )?;
            out!("{}", CliMsg::YearClosed { year }.text(lang));
        }
    }
    Ok(())
}
