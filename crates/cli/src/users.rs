//! `okort users`: the workspace's users, the culture office's job.

use crate::common::acting;
use clap::Subcommand;
use okort_core::i18n::{CliMsg, Problem};
use okort_core::Lang;
use okort_store::{StoreError, Workspace};

#[derive(Subcommand)]
pub enum UserCommand {
    /// List the users.
    List,
    /// Add a user; the password is read from standard input (one line, at least 8 characters).
    Add {
        #[arg(long)]
        username: String,
        /// admin, nav or venue
        #[arg(long)]
        role: String,
        /// The venue a venue desk is bound to.
        #[arg(long)]
        venue: Option<i64>,
    },
    /// With a recovery key, when every password of a side is lost (or NAV has no user yet):
    /// gives the user a new password, creating them if needed. No login; the password is read
    /// from OKORT_PASSWORD or standard input.
    Recover {
        /// kultur or nav: whose recovery key it is
        #[arg(long)]
        role: String,
        /// The key from the recovery sheet (dashes and case do not matter).
        #[arg(long)]
        key: String,
        #[arg(long)]
        username: String,
    },
    /// Makes a new recovery key for your side (the old one stops working) and saves the sheet
    /// to --recovery-sheet.
    NewRecoveryKey,
}

/// `okort users recover`: opens the workspace with a recovery key.
pub fn recover(
    path: &std::path::Path,
    role: &str,
    key: &str,
    username: &str,
    lang: Lang,
) -> Result<(), StoreError> {
    let role = match role {
        "kultur" | "admin" => okort_store::RecoveryRole::Kultur,
        "nav" => okort_store::RecoveryRole::Nav,
        other => {
            return Err(StoreError::Refused(Problem::Unknown {
                value: other.into(),
                allowed: "kultur, nav",
            }))
        }
    };
    let password = crate::common::password()?;
    Workspace::recover(path, role, key, username, &password)?;
    let done = CliMsg::UserRecovered {
        username: username.trim().to_string(),
    };
    out!("{}", done.text(lang));
    Ok(())
}

pub fn run(ws: &mut Workspace, command: UserCommand, lang: Lang) -> Result<(), StoreError> {
    let actor = acting(ws)?;
    match command {
        UserCommand::List => {
            for u in ws.list_users(&actor)? {
                let venue = u.venue_id.map(|v| format!(" ({v})")).unwrap_or_default();
                let state = match (u.active, u.can_log_in) {
                    (true, true) => String::new(),
                    (true, false) => format!("  {}", CliMsg::UserNeedsPassword.text(lang)),
                    (false, _) => format!("  {}", CliMsg::UserInactive.text(lang)),
                };
                out!("{}  {}{venue}{state}", u.username, u.role.code());
            }
        }
        UserCommand::Add {
            username,
            role,
            venue,
        } => {
            let role =
                okort_core::Role::parse(&role).ok_or(StoreError::Refused(Problem::Unknown {
                    value: role,
                    allowed: "admin, nav, venue",
                }))?;
            let mut password = String::new();
            std::io::stdin().read_line(&mut password)?;
            let user = ws.save_user(
                &actor,
                okort_store::UserInput {
                    id: None,
                    username,
                    role,
                    venue_id: venue,
                    active: true,
                    password: Some(password.trim_end_matches(['\r', '\n']).to_string()),
                },
            )?;
            let done = CliMsg::UserCreated {
                username: user.username,
            };
            out!("{}", done.text(lang));
        }
        UserCommand::NewRecoveryKey => {
            let sheet = crate::common::RECOVERY_SHEET
                .get()
                .cloned()
                .flatten()
                .ok_or(StoreError::Refused(Problem::RecoverySheetNeeded))?;
            ws.renew_recovery(&actor)?;
            crate::common::write_recovery_sheet(ws, &sheet, lang)?;
        }
        // Handled before the workspace is opened: a recovery key needs no login.
        UserCommand::Recover { .. } => {}
    }
    Ok(())
}
