//! `okort holders`: the holder register as the caller's role may see it, in and out of CSV.

use crate::common::{acting, to_json, today};
use clap::Subcommand;
use okort_core::i18n::CliMsg;
use okort_core::Lang;
use okort_store::{StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum HolderCommand {
    /// Import holders from CSV; nothing is saved if any row is bad.
    Import { file: PathBuf },
    /// Export holders to CSV as the caller's role sees them: NAV every field, the culture
    /// office names and birth years.
    Export { file: PathBuf },
    /// Everything held about one holder (their record, cards, visits and NAV's decisions) as
    /// JSON, for their access request; NAV's job, logged.
    Access {
        #[arg(long)]
        holder: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Anonymise the holders whose last card expired more than the program's retention years
    /// ago (the app does this when it opens a workspace); the culture office's job.
    Sweep,
    /// List the holders as the caller's role sees them: NAV the full record, the culture
    /// office name and birth year only.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ws: &mut Workspace, command: HolderCommand, lang: Lang) -> Result<(), StoreError> {
    let actor = acting(ws)?;
    let say = |m: CliMsg| out!("{}", m.text(lang));
    match command {
        HolderCommand::Import { file } => {
            let r = ws.import_holders_csv(&actor, &std::fs::read(&file)?, today())?;
            say(CliMsg::HoldersImported {
                created: r.created,
                updated: r.updated,
            });
        }
        HolderCommand::Access { holder, out } => {
            let export = ws.holder_export(&actor, holder)?;
            okort_store::write_file(&out, to_json(&export)?)?;
            say(CliMsg::HolderAccessWritten {
                path: out.display().to_string(),
            });
        }
        HolderCommand::Sweep => {
            let count = ws.privacy_sweep(&actor, today())?;
            say(CliMsg::HoldersAnonymised { count });
        }
        HolderCommand::List { json } => {
            // The same split as the app: NAV's register, or the culture office's summaries.
            let (text, rows): (String, Vec<(i64, String, String, String)>) =
                if okort_core::holder::sees_full_record(actor.role) {
                    let holders = ws.list_holders(&actor)?;
                    let rows = holders
                        .iter()
                        .map(|h| {
                            let born = okort_core::dates::format_date(h.birth_date);
                            (h.id, h.first_name.clone(), h.last_name.clone(), born)
                        })
                        .collect();
                    (to_json(&holders)?, rows)
                } else {
                    let holders = ws.holder_summaries(&actor)?;
                    let rows = holders
                        .iter()
                        .map(|h| {
                            let born = h.birth_year.to_string();
                            (h.id, h.first_name.clone(), h.last_name.clone(), born)
                        })
                        .collect();
                    (to_json(&holders)?, rows)
                };
            if json {
                out!("{text}");
            } else {
                for (id, first, last, born) in rows {
                    out!("{id:>4}  {first} {last} ({born})");
                }
            }
        }
        HolderCommand::Export { file } => {
            okort_store::write_file(&file, ws.export_holders_csv(&actor)?)?;
            say(CliMsg::HoldersExported {
                path: file.display().to_string(),
            });
        }
    }
    Ok(())
}
