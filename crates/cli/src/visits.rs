//! `okort visits`: visits registered one by one, imported from a venue's report or counted on
//! a card handed back.

use crate::common::{acting, argument_lang, parse_day, today, year_id};
use clap::Subcommand;
use okort_core::i18n::CliMsg;
use okort_core::Lang;
use okort_store::{StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum VisitCommand {
    /// Import a venue's report of visits (CSV or .xlsx: card number, date, companion).
    /// With problem rows nothing is imported unless --accept-valid is given.
    Import {
        #[arg(long)]
        venue: i64,
        file: PathBuf,
        /// Import the good rows and leave out the problem rows.
        #[arg(long)]
        accept_valid: bool,
    },
    /// Ticks counted on a card handed back at year end: VENUE_ID=COUNT, comma separated.
    Returned {
        #[arg(long)]
        card: String,
        #[arg(long, value_delimiter = ',', value_parser = parse_ticks)]
        ticks: Vec<(i64, u32)>,
    },
    /// Export a year's visits, or one venue's, to CSV (UTF-8 with BOM, `;`): date, venue, card
    /// number, companion and voided (ja/nei), oldest first.
    Export {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        venue: Option<i64>,
        #[arg(long)]
        out: PathBuf,
    },
    /// Register one visit of a card (typed number or scanned QR text) at a venue.
    Register {
        #[arg(long)]
        card: String,
        #[arg(long)]
        venue: i64,
        /// A companion came too.
        #[arg(long)]
        companion: bool,
        /// The day of the visit (dd.mm.åååå); default today.
        #[arg(long, value_parser = parse_day)]
        date: Option<chrono::NaiveDate>,
        /// Register over a rule (limit, validity, blocked card) with this reason, logged.
        #[arg(long)]
        override_reason: Option<String>,
    },
}

pub fn parse_ticks(s: &str) -> Result<(i64, u32), String> {
    let say = |m: CliMsg| m.text(argument_lang());
    let (venue, count) = s.split_once('=').ok_or_else(|| {
        say(CliMsg::TicksFormat {
            value: s.to_string(),
        })
    })?;
    let venue = venue.trim().parse().map_err(|_| {
        say(CliMsg::NotAVenueId {
            value: venue.to_string(),
        })
    })?;
    let count = count.trim().parse().map_err(|_| {
        say(CliMsg::NotACount {
            value: count.to_string(),
        })
    })?;
    Ok((venue, count))
}

pub fn run(ws: &mut Workspace, command: VisitCommand, lang: Lang) -> Result<(), StoreError> {
    let say = |m: CliMsg| out!("{}", m.text(lang));
    match command {
        VisitCommand::Returned { card, ticks } => {
            let added = ws.register_returned_ticks(&acting(ws)?, &card, &ticks)?;
            say(CliMsg::TicksAdded { count: added });
        }
        VisitCommand::Export { year, venue, out } => {
            let actor = acting(ws)?;
            let id = year_id(ws, year)?;
            okort_store::write_file(&out, ws.export_visits_csv(&actor, id, venue)?)?;
            say(CliMsg::VisitsExported {
                count: ws.list_visits(&actor, id, venue)?.len(),
                path: out.display().to_string(),
            });
        }
        VisitCommand::Register {
            card,
            venue,
            companion,
            date,
            override_reason,
        } => {
            let r = ws.register_visit(
                &acting(ws)?,
                &card,
                Some(venue),
                date.unwrap_or_else(today),
                companion,
                override_reason.as_deref(),
                today(),
            )?;
            say_receipt(r, lang);
        }
        VisitCommand::Import {
            venue,
            file,
            accept_valid,
        } => {
            let bytes = std::fs::read(&file)?;
            let actor = acting(ws)?;
            let check = ws.check_visit_import(&actor, Some(venue), &bytes, today())?;
            if !check.problems.is_empty() && !accept_valid && check.valid > 0 {
                let hint = CliMsg::SomeRowsValid {
                    valid: check.valid,
                    rows: check.rows,
                };
                eprintln!("{}", hint.text(lang));
            }
            let r = ws.import_visits(&actor, Some(venue), &bytes, accept_valid, today())?;
            say(CliMsg::VisitsImported {
                imported: r.imported,
                skipped: r.skipped,
            });
        }
    }
    Ok(())
}

/// What the desk is told after a visit is registered.
pub(crate) fn say_receipt(r: okort_store::VisitReceipt, lang: Lang) {
    let left = match r.visits_left {
        None => CliMsg::FreeEntry,
        Some(count) => CliMsg::VisitsLeft { count },
    };
    let said = CliMsg::VisitRegistered {
        card: r.card_number,
        venue: r.venue_name,
        left: left.text(lang),
    };
    out!("{}", said.text(lang));
}
