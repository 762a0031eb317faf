//! `okort holders`: the holder register as the caller's role may see it, in and out of CSV;
//! a holder's access request and erasure on request.

use crate::common::{acting, to_json, today};
use clap::Subcommand;
use okort_core::i18n::{CliMsg, Problem};
use okort_core::Lang;
use okort_store::{StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum HolderCommand {
    /// Import holders from CSV or .xlsx: shows what changes, then saves with --yes (or when
    /// confirmed at a terminal); nothing is saved if any row is bad.
    Import {
        file: PathBuf,
        #[command(flatten)]
        confirm: crate::common::Confirm,
    },
    /// Export holders to CSV as the caller's role sees them: NAV every field, the culture
    /// office names and birth years.
    Export { file: PathBuf },
    /// Everything held about one holder (their record, cards, visits and NAV's decisions) for
    /// their access request, as JSON (--out), as PDF to print or send (--pdf), or both;
    /// NAV's job, logged.
    #[command(group = clap::ArgGroup::new("file").required(true).multiple(true).args(["out", "pdf"]))]
    Access {
        #[arg(long)]
        holder: i64,
        /// The JSON file.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The PDF file.
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
    /// Erase one holder on their request (GDPR art. 17): their cards in use are revoked and
    /// their personal data removed as the retention sweep does it, keeping the visits for the
    /// statistics. Cannot be undone, so it needs --yes; NAV's job, logged without a name.
    Erase {
        #[arg(long)]
        holder: i64,
        /// Erase: without it nothing is done.
        #[arg(long)]
        yes: bool,
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
        HolderCommand::Import { file, confirm } => {
            let bytes = std::fs::read(&file)?;
            let preview = ws.preview_holders_import(&actor, &bytes, today())?;
            if !crate::common::confirm_import(preview, confirm, lang)? {
                return Ok(());
            }
            let r = ws.import_holders_csv(&actor, &bytes, today())?;
            say(CliMsg::HoldersImported {
                created: r.created,
                updated: r.updated,
            });
        }
        HolderCommand::Access { holder, out, pdf } => {
            // One export, logged once, for both files.
            let export = ws.holder_export(&actor, holder)?;
            if let Some(out) = out {
                okort_store::write_file(&out, to_json(&export)?)?;
                say(CliMsg::HolderAccessWritten {
                    path: out.display().to_string(),
                });
            }
            if let Some(pdf) = pdf {
                let doc = okort_documents::access_doc(ws, &export, today(), lang)?;
                let bytes = doc.pdf().map_err(okort_documents::DocError::from)?;
                okort_store::write_file(&pdf, bytes)?;
                say(CliMsg::HolderAccessWritten {
                    path: pdf.display().to_string(),
                });
            }
        }
        HolderCommand::Erase { holder, yes } => {
            if !yes {
                return Err(StoreError::Refused(Problem::EraseUnconfirmed));
            }
            let blocked = ws.erase_holder(&actor, holder, today())?;
            say(CliMsg::HolderErased { holder, blocked });
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
