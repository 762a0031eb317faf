//! What every subcommand shares: who the command acts as, today's date, looking up a year or a
//! printer profile, JSON output, and the parsers of dates and layouts.

use okort_core::i18n::{CliMsg, Problem};
use okort_core::{Actor, Lang};
use okort_store::{StoreError, Workspace};

/// The user given with --user or OKORT_USER, once parsed.
pub static USER: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Who the command acts as: the user named with --user (or OKORT_USER), logged in with the
/// password; the command line has no user of its own, so without a login it does nothing.
pub fn acting(ws: &Workspace) -> Result<Actor, StoreError> {
    static LOGGED_IN: std::sync::OnceLock<Actor> = std::sync::OnceLock::new();
    if let Some(actor) = LOGGED_IN.get() {
        return Ok(actor.clone());
    }
    let user = USER.get_or_init(|| std::env::var("OKORT_USER").ok().filter(|u| !u.is_empty()));
    let Some(user) = user else {
        return Err(StoreError::Refused(Problem::LoginRequired));
    };
    let actor = ws.login(user, &password()?)?;
    Ok(LOGGED_IN.get_or_init(|| actor).clone())
}

/// Opens the workspace for a logged-in user: every command on a workspace starts here, so
/// nothing is read or written without a login.
pub fn open(path: &std::path::Path) -> Result<Workspace, StoreError> {
    let ws = Workspace::open(path)?;
    acting(&ws)?;
    Ok(ws)
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
    let en = args.iter().any(|a| a == "--lang=en")
        || args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en");
    if en {
        Lang::En
    } else {
        Lang::Nb
    }
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
