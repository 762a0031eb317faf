//! What every subcommand shares: who the command acts as, today's date, looking up a year or a
//! printer profile, JSON output, and the parsers of dates and layouts.

use okort_core::i18n::{CliMsg, Problem};
use okort_core::{Actor, Lang};
use okort_store::{StoreError, Workspace};

/// The user given with --user or OKORT_USER, once parsed.
pub static USER: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Where to write the recovery sheet when a command makes recovery keys (set up, or the
/// conversion of a workspace from before encryption), given with --recovery-sheet.
pub static RECOVERY_SHEET: std::sync::OnceLock<Option<std::path::PathBuf>> =
    std::sync::OnceLock::new();

static LOGGED_IN: std::sync::OnceLock<Actor> = std::sync::OnceLock::new();

/// Who the command acts as: the user who opened the workspace with [`open`].
pub fn acting(_ws: &Workspace) -> Result<Actor, StoreError> {
    LOGGED_IN
        .get()
        .cloned()
        .ok_or(StoreError::Refused(Problem::LoginRequired))
}

/// The user named with --user (or OKORT_USER).
pub fn user() -> Result<String, StoreError> {
    USER.get_or_init(|| std::env::var("OKORT_USER").ok().filter(|u| !u.is_empty()))
        .clone()
        .ok_or(StoreError::Refused(Problem::LoginRequired))
}

/// Opens the workspace for a logged-in user: the user named with --user (or OKORT_USER) and
/// the password open their key slot, and with it the file. Every command on a workspace
/// starts here, so nothing is read or written without a login. A workspace from before
/// encryption is converted here, and only with --recovery-sheet, so its new recovery keys
/// are never lost.
pub fn open(path: &std::path::Path, lang: Lang) -> Result<Workspace, StoreError> {
    let user = user()?;
    let sheet = RECOVERY_SHEET.get().cloned().flatten();
    if okort_store::file_kind(path) == okort_store::FileKind::Plain && sheet.is_none() {
        return Err(StoreError::Refused(Problem::RecoverySheetNeeded));
    }
    let (mut ws, actor) = Workspace::unlock(path, &user, &password()?)?;
    if let Some(backup) = ws.converted_from() {
        eprintln!(
            "{}",
            CliMsg::Converted {
                backup: backup.display().to_string()
            }
            .text(lang)
        );
    }
    if let Some(sheet) = sheet {
        write_recovery_sheet(&mut ws, &sheet, lang)?;
    }
    let _ = LOGGED_IN.set(actor);
    Ok(ws)
}

/// Prints the recovery keys the workspace made and has not printed yet to `path` (PDF).
pub fn write_recovery_sheet(
    ws: &mut Workspace,
    path: &std::path::Path,
    lang: Lang,
) -> Result<(), StoreError> {
    if !ws.recovery_pending() {
        return Ok(());
    }
    let pdf = okort_documents::recovery_sheet(ws, lang)?;
    okort_store::write_file(path, pdf)?;
    ws.take_recovery();
    eprintln!(
        "{}",
        CliMsg::RecoverySheetWritten {
            path: path.display().to_string()
        }
        .text(lang)
    );
    Ok(())
}

/// The password: OKORT_PASSWORD, or the first line of standard input (read once).
pub fn password() -> Result<String, StoreError> {
    static READ: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    if let Ok(p) = std::env::var("OKORT_PASSWORD") {
        return Ok(p);
    }
    if let Some(p) = READ.get() {
        return Ok(p.clone());
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let p = line.trim_end_matches(['\r', '\n']).to_string();
    Ok(READ.get_or_init(|| p).clone())
}

pub fn parse_layout(s: &str) -> Result<okort_print::Layout, StoreError> {
    okort_print::Layout::parse(s).ok_or_else(|| {
        StoreError::Refused(Problem::Unknown {
            value: s.to_string(),
            allowed: "a4, a6, cr80, sheet8",
        })
    })
}

pub fn find_profile(
    ws: &Workspace,
    name: Option<&str>,
) -> Result<Option<okort_core::PrinterProfile>, StoreError> {
    match name {
        None => Ok(None),
        Some(n) => ws.printer_profile_by_name(n)?.map(Some).ok_or_else(|| {
            StoreError::Refused(Problem::Unknown {
                value: n.to_string(),
                allowed: "okort printers list",
            })
        }),
    }
}

pub fn year_id(ws: &Workspace, year: i32) -> Result<i64, StoreError> {
    ws.year_by_number(year)?
        .map(|y| y.id)
        .ok_or(StoreError::Refused(Problem::UnknownYear { year }))
}

pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string_pretty(value).map_err(|e| StoreError::Csv(e.to_string()))
}

/// The language of clap's value parsers: they run before `Cli` is there, so they read
/// `--lang` from the arguments themselves.
pub fn argument_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    lang_of_arguments(&args)
}

/// The language `--lang` names among `args` (`--lang nn` or `--lang=nn`); Bokmål without one.
fn lang_of_arguments(args: &[String]) -> Lang {
    let given = args
        .iter()
        .filter_map(|a| a.strip_prefix("--lang="))
        .chain(
            args.windows(2)
                .filter(|w| w[0] == "--lang")
                .map(|w| w[1].as_str()),
        )
        .find_map(Lang::parse);
    given.unwrap_or_default()
}

pub fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    okort_core::dates::parse_date(s).ok_or_else(|| {
        CliMsg::NotADate {
            value: s.to_string(),
        }
        .text(argument_lang())
    })
}

pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// How an import is confirmed: `--dry-run` shows what it would do, `--yes` saves without asking.
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct Confirm {
    /// Show what the import would do and save nothing.
    #[arg(long, conflicts_with = "yes")]
    pub dry_run: bool,
    /// Save without asking (for scripts). Without it the command asks at a terminal and saves
    /// nothing elsewhere.
    #[arg(long)]
    pub yes: bool,
}

/// Prints what an import would do; refused rows end it with every row's problem. True when
/// the user confirms saving: `--yes`, or "j"/"y" typed at a terminal.
pub fn confirm_import(
    preview: okort_store::ImportPreview,
    confirm: Confirm,
    lang: Lang,
) -> Result<bool, StoreError> {
    if !preview.refused.is_empty() {
        return Err(StoreError::Import(preview.refused));
    }
    let say = |m: CliMsg| out!("{}", m.text(lang));
    say(CliMsg::PreviewCounts {
        new: preview.new,
        changed: preview.changed,
        unchanged: preview.unchanged,
    });
    for r in &preview.rows {
        let (row, label) = (r.row, r.label.clone());
        say(match r.change {
            okort_store::exchange::Change::New => CliMsg::PreviewNew { row, label },
            _ => CliMsg::PreviewChanged { row, label },
        });
        for f in &r.fields {
            say(CliMsg::PreviewField {
                column: f.column.clone(),
                before: f.before.clone(),
                after: f.after.clone(),
            });
        }
    }
    if preview.rows.is_empty() {
        say(CliMsg::PreviewNothing);
        return Ok(false);
    }
    if confirm.dry_run {
        say(CliMsg::PreviewOnly);
        return Ok(false);
    }
    if confirm.yes {
        return Ok(true);
    }
    use std::io::IsTerminal as _;
    if std::io::stdin().is_terminal() {
        use std::io::Write as _;
        print!("{}", CliMsg::ConfirmSave.text(lang));
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        let answer = answer.trim().to_lowercase();
        if matches!(answer.as_str(), "j" | "ja" | "y" | "yes") {
            return Ok(true);
        }
    }
    Err(StoreError::Refused(Problem::ImportNotConfirmed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn the_arguments_name_the_language_of_the_messages() {
        assert_eq!(lang_of_arguments(&args(&["okort", "cards"])), Lang::Nb);
        assert_eq!(
            lang_of_arguments(&args(&["okort", "--lang", "nn", "cards"])),
            Lang::Nn
        );
        assert_eq!(
            lang_of_arguments(&args(&["okort", "--lang=en", "cards"])),
            Lang::En
        );
        assert_eq!(
            lang_of_arguments(&args(&["okort", "--lang", "nb"])),
            Lang::Nb
        );
    }
}
