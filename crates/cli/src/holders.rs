//! `okort holders`: the holder register as the caller's role may see it, in and out of CSV.

use crate::common::{acting, today};
use clap::Subcommand;
use okort_core::i18n::CliMsg;
use okort_core::Lang;
use okort_store::{StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum HolderCommand {
    /// Import holders from CSV; nothing is saved if any row is bad.
    Import { file: PathBuf },
    /// Export holders' names and birth years to CSV (never NAV-only fields).
    Export { file: PathBuf },
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
        HolderCommand::Export { file } => {
            okort_store::write_file(&file, ws.export_holders_csv(&actor)?)?;
            say(CliMsg::HoldersExported {
                path: file.display().to_string(),
            });
        }
    }
    Ok(())
}
