//! `okort kit`: a venue's desk on its own kit file, with no workspace: check a card, register a
//! visit, list the visits and export the report for the culture office. The desk logs in with
//! the kit's login (--user or OKORT_USER, the password from OKORT_PASSWORD or standard input).

use crate::common::{parse_day, password, today, user};
use clap::Subcommand;
use okort_core::dates::format_date;
use okort_core::i18n::CliMsg;
use okort_core::Lang;
use okort_store::kit::Kit;
use okort_store::StoreError;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum KitCommand {
    /// What the kit is: the venue, the year and how many cards it knows.
    Info,
    /// Check a card (a typed number or the text of its QR code); the command fails when the
    /// card cannot be used that day.
    Check {
        code: String,
        #[arg(long, value_parser = parse_day, value_name = "DATO")]
        on: Option<chrono::NaiveDate>,
    },
    /// Register a visit (today unless --date).
    Register {
        code: String,
        #[arg(long)]
        companion: bool,
        #[arg(long, value_parser = parse_day, value_name = "DATO")]
        date: Option<chrono::NaiveDate>,
    },
    /// The visits registered at this desk, newest first.
    Visits {
        #[arg(long, value_parser = parse_day, value_name = "DATO")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day, value_name = "DATO")]
        to: Option<chrono::NaiveDate>,
    },
    /// The venue's report for the culture office (CSV, or Excel with --xlsx), signed by the
    /// kit, for a period or everything.
    Report {
        #[arg(long, value_name = "FIL")]
        out: PathBuf,
        #[arg(long, value_parser = parse_day, value_name = "DATO")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day, value_name = "DATO")]
        to: Option<chrono::NaiveDate>,
        #[arg(long)]
        xlsx: bool,
    },
}

/// Runs a kit command; false when a checked card cannot be used.
pub fn run(path: &Path, command: KitCommand, lang: Lang) -> Result<bool, StoreError> {
    let say = |m: CliMsg| out!("{}", m.text(lang));
    if let KitCommand::Info = command {
        let info = Kit::peek(path)?;
        say(CliMsg::KitOpened {
            venue: info.venue_name,
            year: info.year,
            cards: info.cards,
        });
        return Ok(true);
    }
    let kit = Kit::open(path, &user()?, &password()?)?;
    match command {
        KitCommand::Info => {}
        KitCommand::Check { code, on } => {
            let found = kit.lookup(&code, on.unwrap_or_else(today))?;
            crate::cards::say_lookup(&found, lang);
            return Ok(found.state == okort_store::LookupState::Valid);
        }
        KitCommand::Register {
            code,
            companion,
            date,
        } => {
            let r = kit.register(&code, date.unwrap_or_else(today), companion, today())?;
            crate::visits::say_receipt(r, lang);
        }
        KitCommand::Visits { from, to } => {
            for v in kit.visits(from, to)? {
                let companion = if v.companion {
                    CliMsg::KitWithCompanion.text(lang)
                } else {
                    String::new()
                };
                say(CliMsg::KitVisit {
                    date: format_date(v.visited_on),
                    card: v.card_number,
                    first_name: v.first_name,
                    companion,
                });
            }
        }
        KitCommand::Report {
            out,
            from,
            to,
            xlsx,
        } => {
            let count = kit.visits(from, to)?.len();
            okort_store::write_file(&out, kit.report(from, to, xlsx)?)?;
            say(CliMsg::KitReportWritten {
                count,
                path: out.display().to_string(),
            });
        }
    }
    Ok(true)
}
