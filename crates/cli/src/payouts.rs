//! `okort payouts`: what each venue is owed, and its settlements from approval to payment.

use crate::common::{acting, parse_day, to_json, today, year_id};
use clap::Subcommand;
use okort_core::i18n::CliMsg;
use okort_core::Lang;
use okort_store::{StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum PayoutCommand {
    /// A venue's settlement statement as PDF: an approved settlement (--settlement), or a draft
    /// of the venue's visits not yet settled in the year or period.
    Statement {
        #[arg(long)]
        venue: i64,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        settlement: Option<i64>,
        #[arg(long, value_parser = parse_day, requires = "to")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day, requires = "from")]
        to: Option<chrono::NaiveDate>,
    },
    /// Approve a venue's settlement of its visits not yet settled in the year or period;
    /// the visits are locked to it.
    Approve {
        #[arg(long)]
        venue: i64,
        #[arg(long)]
        year: i32,
        #[arg(long, value_parser = parse_day, requires = "to")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day, requires = "from")]
        to: Option<chrono::NaiveDate>,
    },
    /// Record that an approved settlement was paid.
    Paid {
        #[arg(long)]
        settlement: i64,
        /// The payment date (dd.mm.åååå); default today.
        #[arg(long, value_parser = parse_day)]
        date: Option<chrono::NaiveDate>,
    },
    /// Withdraw an approved settlement that is not paid; its visits are open again.
    Withdraw {
        #[arg(long)]
        settlement: i64,
        #[arg(long)]
        reason: String,
    },
    /// The year's settlements; with --csv the accounting file of the approved and paid ones.
    Settlements {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        csv: Option<PathBuf>,
    },
    /// Compute every venue's compensation for a year, or a period of it.
    Compute {
        #[arg(long)]
        year: i32,
        #[arg(long, value_parser = parse_day, requires = "to")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day, requires = "from")]
        to: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ws: &mut Workspace, command: PayoutCommand, lang: Lang) -> Result<(), StoreError> {
    use okort_core::dates::format_date;
    use okort_core::money::format_nok;
    use okort_store::{Settlement, VisitScope};
    let actor = acting(ws)?;
    let say = |m: CliMsg| out!("{}", m.text(lang));
    let describe = |s: &Settlement| {
        let period = match (s.period_from, s.period_to) {
            (Some(f), Some(t)) => format!("{} – {}", format_date(f), format_date(t)),
            _ => CliMsg::WholeYear.text(lang),
        };
        let status = match (&s.paid_on, &s.withdrawn_reason) {
            (_, Some(_)) => CliMsg::SettlementWithdrawn,
            (Some(d), None) => CliMsg::SettlementPaidOn {
                date: format_date(*d),
            },
            (None, None) => CliMsg::SettlementApproved,
        }
        .text(lang);
        format!(
            "{} {:<28} {:<25} {:>4} + {:>3} {:>16}  {status}",
            CliMsg::SettlementNo { id: s.id }.text(lang),
            s.line.venue_name,
            period,
            s.line.holder_visits,
            s.line.companion_visits,
            format_nok(s.line.total_ore)
        )
    };
    match command {
        PayoutCommand::Statement {
            venue,
            year,
            out,
            settlement,
            from,
            to,
        } => {
            let year = year_id(ws, year)?;
            let scope = match settlement {
                Some(id) => VisitScope::Settlement(id),
                None => VisitScope::Open(from.zip(to)),
            };
            let pdf =
                okort_documents::statement_pdf(ws, &actor, venue, year, scope, today(), lang)?;
            okort_store::write_file(&out, &pdf)?;
            say(CliMsg::StatementWritten {
                path: out.display().to_string(),
            });
        }
        PayoutCommand::Compute {
            year,
            from,
            to,
            json,
        } => {
            let lines = ws.compute_payouts(&actor, year_id(ws, year)?, from.zip(to))?;
            if json {
                out!("{}", to_json(&lines)?);
            } else {
                let companions = CliMsg::Companions.text(lang);
                let mut total = 0;
                for l in &lines {
                    total += l.total_ore;
                    out!(
                        "{:<28} {:>4} + {:>3} {companions}  {:>3} %  {:>16}",
                        l.venue_name,
                        l.holder_visits,
                        l.companion_visits,
                        l.share_percent,
                        format_nok(l.total_ore)
                    );
                }
                // The sum lines up under the amounts, whatever the length of the word before.
                let width = 37 + companions.chars().count();
                out!(
                    "{:<28} {:>width$}",
                    CliMsg::Sum.text(lang),
                    format_nok(total)
                );
            }
        }
        PayoutCommand::Approve {
            venue,
            year,
            from,
            to,
        } => {
            let s =
                ws.approve_settlement(&actor, venue, year_id(ws, year)?, from.zip(to), today())?;
            say(CliMsg::Approved {
                settlement: describe(&s),
            });
        }
        PayoutCommand::Paid { settlement, date } => {
            let s = ws.mark_settlement_paid(&actor, settlement, date.unwrap_or_else(today))?;
            say(CliMsg::Paid {
                settlement: describe(&s),
            });
        }
        PayoutCommand::Withdraw { settlement, reason } => {
            let s = ws.withdraw_settlement(&actor, settlement, &reason)?;
            say(CliMsg::Withdrawn {
                settlement: describe(&s),
            });
        }
        PayoutCommand::Settlements { year, json, csv } => {
            let list = ws.list_settlements(&actor, year_id(ws, year)?)?;
            if let Some(path) = csv {
                okort_store::write_file(&path, okort_store::settlements_csv(&list)?)?;
                say(CliMsg::AccountingFileWritten {
                    path: path.display().to_string(),
                });
            } else if json {
                out!("{}", to_json(&list)?);
            } else {
                for s in &list {
                    out!("{}", describe(s));
                }
            }
        }
    }
    Ok(())
}
