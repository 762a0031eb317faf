//! `okort audit`: the audit log, as sentences, newest first.

use crate::common::{acting, parse_day};
use clap::{Args, Subcommand};
use okort_core::i18n::{CliMsg, Problem};
use okort_core::Lang;
use okort_store::{StoreError, Workspace};

#[derive(Args)]
pub struct AuditArgs {
    /// Only what this user did (user name). (`--user` is who runs the command.)
    #[arg(id = "by", long = "by", value_name = "BRUKER")]
    user: Option<String>,
    /// Only this kind: holder, card, visit, settlement, user, program, year, venue,
    /// agreement, design, printer.
    #[arg(long)]
    kind: Option<String>,
    #[arg(long, value_parser = parse_day)]
    from: Option<chrono::NaiveDate>,
    #[arg(long, value_parser = parse_day)]
    to: Option<chrono::NaiveDate>,
    #[arg(long, default_value_t = 100)]
    limit: u32,
    #[command(subcommand)]
    check: Option<AuditCheck>,
}

#[derive(Subcommand)]
pub enum AuditCheck {
    /// Check that no entry of the log was changed or removed (its hash chain is whole); exits
    /// with 1 when one was.
    Verify,
}

pub fn run(ws: &Workspace, args: AuditArgs, lang: Lang) -> Result<(), StoreError> {
    let AuditArgs {
        user,
        kind,
        from,
        to,
        limit,
        check,
    } = args;
    let actor = acting(ws)?;
    if let Some(AuditCheck::Verify) = check {
        let found = ws.verify_audit(&actor)?;
        return match found.broken_at {
            None => {
                out!(
                    "{}",
                    CliMsg::AuditWhole {
                        entries: found.entries
                    }
                    .text(lang)
                );
                Ok(())
            }
            Some(id) => Err(StoreError::Refused(Problem::AuditBroken { id })),
        };
    }
    let user_id = match user {
        Some(name) => Some(
            ws.audit_users(&actor)?
                .into_iter()
                .find(|u| u.username == name)
                .map(|u| u.id)
                .ok_or(StoreError::Refused(Problem::Unknown {
                    value: name,
                    allowed: "okort users list",
                }))?,
        ),
        None => None,
    };
    let query = okort_store::AuditQuery {
        user_id,
        kind,
        from,
        to,
        limit,
    };
    for e in ws.audit_log(&actor, &query, lang)? {
        let at = chrono::DateTime::parse_from_rfc3339(&e.at)
            .map(|t| {
                t.with_timezone(&chrono::Local)
                    .format("%d.%m.%Y %H:%M")
                    .to_string()
            })
            .unwrap_or(e.at);
        out!("{at}  {}", e.sentence);
    }
    Ok(())
}
