//! `okort venues`: the venue register, with its agreements in and out of CSV.

use crate::common::acting;
use clap::Subcommand;
use okort_core::checks::format_org_number;
use okort_core::i18n::CliMsg;
use okort_core::Lang;
use okort_store::{StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum VenueCommand {
    /// Import venues and agreements from CSV or .xlsx: shows what changes, then saves with
    /// --yes (or when confirmed at a terminal); nothing is saved if any row is bad.
    Import {
        file: PathBuf,
        #[command(flatten)]
        confirm: crate::common::Confirm,
    },
    /// Make the venue's kit for a year: a file the venue's desk opens in the app (or with
    /// `okort kit`) to check cards and register visits offline, holding the agreement, the
    /// year's card numbers with first names only and the desk's login (--desk-user, the password
    /// from OKORT_KIT_PASSWORD). A kit already at --out for the venue and year is refreshed
    /// (new cards, blocked cards) and keeps its visits.
    Kit {
        #[arg(long)]
        venue: i64,
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FIL")]
        out: PathBuf,
        #[arg(long, value_name = "BRUKER")]
        desk_user: String,
    },
    /// The one-page sheet for the staff of every venue with an agreement for the year (or of
    /// --venue): the card, what is free and not covered, how to register and report, never to
    /// invoice, whom to call. With --templates DIR, each venue's report template (CSV and Excel)
    /// is saved there too.
    Sheets {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FIL")]
        out: PathBuf,
        #[arg(long)]
        venue: Option<i64>,
        #[arg(long, value_name = "MAPPE")]
        templates: Option<PathBuf>,
    },
    /// Retire the venue's kits for a year (one was lost, or the venue stops): their reports are
    /// refused from now on. Make a new kit for the venue afterwards.
    RetireKits {
        #[arg(long)]
        venue: i64,
        #[arg(long)]
        year: i32,
    },
    /// Export venues and agreements to CSV (UTF-8 with BOM, `;`).
    Export { file: PathBuf },
    /// List the venues.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ws: &mut Workspace, command: VenueCommand, lang: Lang) -> Result<(), StoreError> {
    let say = |m: CliMsg| out!("{}", m.text(lang));
    match command {
        VenueCommand::Import { file, confirm } => {
            let bytes = std::fs::read(&file)?;
            let preview = ws.preview_venues_import(&acting(ws)?, &bytes)?;
            if !crate::common::confirm_import(preview, confirm, lang)? {
                return Ok(());
            }
            let r = ws.import_venues_csv(&acting(ws)?, &bytes)?;
            say(CliMsg::VenuesImported {
                created: r.venues_created,
                updated: r.venues_updated,
                agreements: r.agreements_saved,
            });
        }
        VenueCommand::Kit {
            venue,
            year,
            out,
            desk_user,
        } => {
            let password = std::env::var("OKORT_KIT_PASSWORD")
                .map_err(|_| StoreError::Refused(okort_core::i18n::Problem::KitPasswordNeeded))?;
            let made = ws.make_kit(&acting(ws)?, venue, year, &desk_user, &password, &out)?;
            say(CliMsg::KitMade {
                path: made.path,
                venue: made.venue_name,
                year: made.year,
                cards: made.cards,
                kept: made.visits_kept,
            });
        }
        VenueCommand::Sheets {
            year,
            out,
            venue,
            templates,
        } => {
            let actor = acting(ws)?;
            let year_id = crate::common::year_id(ws, year)?;
            let doc = okort_documents::read_venue_sheets(ws, &actor, year_id, venue, lang)?;
            let pdf = doc.pdf().map_err(okort_documents::DocError::from)?;
            okort_store::write_file(&out, pdf)?;
            if let Some(dir) = templates {
                std::fs::create_dir_all(&dir)?;
                let agreements = ws.agreements_for_year(year_id)?;
                for v in ws.list_venues()? {
                    let wanted = venue.is_none_or(|id| id == v.id);
                    if !wanted || !agreements.iter().any(|a| a.venue_id == v.id) {
                        continue;
                    }
                    let name = okort_documents::template_name(&v.name, year);
                    for (ext, xlsx) in [("csv", false), ("xlsx", true)] {
                        let file = dir.join(format!("{name}.{ext}"));
                        okort_store::write_file(
                            &file,
                            okort_store::exchange::report_template(xlsx)?,
                        )?;
                    }
                }
            }
            say(CliMsg::SheetsWritten {
                count: doc.sheets.len(),
                path: out.display().to_string(),
            });
        }
        VenueCommand::RetireKits { venue, year } => {
            let count = ws.retire_kits(&acting(ws)?, venue, year)?;
            say(CliMsg::KitsRetired { count, year });
        }
        VenueCommand::Export { file } => {
            okort_store::write_file(&file, ws.export_venues_csv()?)?;
            say(CliMsg::VenuesExported {
                count: ws.list_venues()?.len(),
                path: file.display().to_string(),
            });
        }
        VenueCommand::List { json } => {
            let venues = ws.list_venues()?;
            if json {
                let text = serde_json::to_string_pretty(&venues)
                    .map_err(|e| StoreError::Csv(e.to_string()))?;
                out!("{text}");
            } else {
                for v in venues {
                    let active = match v.active {
                        true => String::new(),
                        false => format!(" ({})", CliMsg::VenueInactive.text(lang)),
                    };
                    out!(
                        "{:>4}  {:<32} {:<13} {}{active}",
                        v.id,
                        v.name,
                        v.category.label(lang),
                        format_org_number(&v.org_number)
                    );
                }
            }
        }
    }
    Ok(())
}
