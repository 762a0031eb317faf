//! `okort agreements`: the venues' agreements carried from one program year to the next.

use crate::common::{acting, year_id};
use clap::Subcommand;
use okort_core::i18n::CliMsg;
use okort_core::{Action, Lang};
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
            // The store leaves the role check to its caller, as the app's command does.
            if !actor.may(Action::ManageVenues) {
                return Err(StoreError::Denied(actor.role));
            }
            let count = ws.copy_agreements(year_id(ws, from)?, year_id(ws, to)?)?;
            out!(
                "{}",
                CliMsg::AgreementsCopied { count, from, to }.text(lang)
            );
        }
    }
    Ok(())
}
