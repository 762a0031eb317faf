//! `okort agreements`: the venues' agreements carried from one program year to the next.

use crate::common::{acting, year_id};
use clap::Subcommand;
use okort_core::i18n::CliMsg;
use okort_core::Lang;
use okort_store::{StoreError, Workspace};

#[derive(Subcommand)]
pub enum AgreementCommand {
    /// Copy every agreement of --from into --to for the venues that have none there yet; the
    /// dates move with the year and the copies are unsigned.
    Copy {
        #[arg(long)]
        from: i32,
        #[arg(long)]
        to: i32,
    },
}

pub fn run(ws: &mut Workspace, command: AgreementCommand, lang: Lang) -> Result<(), StoreError> {
    let actor = acting(ws)?;
    match command {
        AgreementCommand::Copy { from, to } => {
            let (from_id, to_id) = (year_id(ws, from)?, year_id(ws, to)?);
            let count = ws.copy_agreements(&actor, from_id, to_id)?;
            out!(
                "{}",
                CliMsg::AgreementsCopied { count, from, to }.text(lang)
            );
        }
    }
    Ok(())
}
