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
}

pub fn run(ws: &mut Workspace, command: UserCommand, lang: Lang) -> Result<(), StoreError> {
    let actor = acting(ws)?;
    match command {
        UserCommand::List => {
            for u in ws.list_users(&actor)? {
                let venue = u.venue_id.map(|v| format!(" ({v})")).unwrap_or_default();
                let state = match u.active {
                    true => String::new(),
                    false => format!("  {}", CliMsg::UserInactive.text(lang)),
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
    }
    Ok(())
}
