//! `okort`: every batch job of Opplevelseskort, headless, over the same libraries as the app.

/// Writes a line to standard output. A reader that has gone (`okort … | head`) ends the
/// program quietly with success, as other command-line tools do, instead of a panic.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }};
}

mod agreements;
mod audit;
mod bench;
mod cards;
mod common;
mod feedback;
mod holders;
mod kit;
mod letters;
mod payouts;
mod printers;
mod stats;
mod users;
mod venues;
mod visits;
mod years;

use clap::{Parser, Subcommand};
use okort_core::i18n::{CliMsg, Problem};
use okort_core::Lang;
use okort_store::{demo, StoreError, Workspace};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "okort",
    version = concat!(env!("CARGO_PKG_VERSION"), " (build ", env!("OKORT_BUILD"), ")"),
    about = "Opplevelseskort fra kommandolinjen"
)]
struct Cli {
    /// The workspace file (default: the app's workspace in the user's data folder).
    #[arg(long, global = true, value_name = "FIL")]
    workspace: Option<PathBuf>,
    /// Language of messages: nb (Bokmål, default), nn (Nynorsk) or en (English).
    #[arg(long, global = true, default_value = "nb", value_parser = ["nb", "nn", "en"])]
    lang: String,
    /// Act as this user of the workspace (or set OKORT_USER), held to the user's role; the
    /// password comes from OKORT_PASSWORD or the first line of standard input. Without it the
    /// command line acts as the culture office. NAV's own jobs (replacing a lost card) need a
    /// NAV user.
    #[arg(long, global = true, value_name = "BRUKER")]
    user: Option<String>,
    /// Where to save the recovery sheet (PDF) when the command makes recovery keys: at set-up,
    /// and when a workspace from before encryption is encrypted at its first opening.
    #[arg(long, global = true, value_name = "FIL")]
    recovery_sheet: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty workspace with its first administrator (the password from
    /// OKORT_PASSWORD or the first line of standard input, at least 8 characters).
    Init {
        #[arg(long, value_name = "BRUKER")]
        admin: String,
    },
    /// Create a workspace holding the demo program (Eksempel kommune).
    Demo,
    /// Check the file's structure (SQLite's quick_check).
    Check,
    /// Save a copy of the whole workspace (it opens with the same passwords).
    Backup {
        #[arg(long, value_name = "FIL")]
        out: PathBuf,
    },
    /// Put a backup in place of the workspace; the workspace as it was goes to the backups
    /// folder beside it. The backup must open with your login.
    Restore {
        #[arg(long, value_name = "FIL")]
        from: PathBuf,
    },
    /// The workspace's users (the culture office's job).
    Users {
        #[command(subcommand)]
        command: users::UserCommand,
    },
    /// The audit log, as sentences, newest first.
    Audit(audit::AuditArgs),
    /// Program years: their validity and card quota.
    Years {
        #[command(subcommand)]
        command: years::YearCommand,
    },
    /// The venue register.
    Venues {
        #[command(subcommand)]
        command: venues::VenueCommand,
    },
    /// Venue agreements of a program year.
    Agreements {
        #[command(subcommand)]
        command: agreements::AgreementCommand,
    },
    /// Card holders (the command line sees what the culture office sees).
    Holders {
        #[command(subcommand)]
        command: holders::HolderCommand,
    },
    /// Cards.
    Cards {
        #[command(subcommand)]
        command: cards::CardCommand,
    },
    /// Visits at venues.
    Visits {
        #[command(subcommand)]
        command: visits::VisitCommand,
    },
    /// The information letters to families.
    Letters {
        #[command(subcommand)]
        command: letters::LetterCommand,
    },
    /// What each venue is owed.
    Payouts {
        #[command(subcommand)]
        command: payouts::PayoutCommand,
    },
    /// Feedback at year end: the families' forms, answers typed in, the summary, the meeting.
    Feedback {
        #[command(subcommand)]
        command: feedback::FeedbackCommand,
    },
    /// The year's evaluation report.
    Report {
        #[command(subcommand)]
        command: feedback::ReportCommand,
    },
    /// The year's statistics (counts only, small groups as "< 5") and its budget.
    Stats {
        #[command(subcommand)]
        command: stats::StatsCommand,
    },
    /// A venue's desk on its kit file (made with `okort venues kit`), with no workspace.
    Kit {
        /// The kit file.
        #[arg(long, value_name = "FIL")]
        kit: PathBuf,
        #[command(subcommand)]
        command: kit::KitCommand,
    },
    /// Printer calibration profiles.
    Printers {
        #[command(subcommand)]
        command: printers::PrinterCommand,
    },
    /// Benchmarks (run a release build: cargo run --release -p okort -- bench print).
    Bench {
        #[command(subcommand)]
        command: bench::BenchCommand,
    },
}

fn default_workspace() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("no.opplevelseskort.app")
        .join("opplevelseskort.okort")
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.user.is_some() {
        let _ = common::USER.set(cli.user.clone());
    }
    let _ = common::RECOVERY_SHEET.set(cli.recovery_sheet.clone());
    let lang = Lang::parse(&cli.lang).unwrap_or_default();
    let path = cli.workspace.clone().unwrap_or_else(default_workspace);
    match run(cli.command, &path, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("okort: {}", e.message(lang));
            if let StoreError::Import(rows) = &e {
                for r in rows {
                    let problem = CliMsg::RowProblem {
                        row: r.row,
                        column: r.column.clone(),
                        problem: r.message(lang),
                    };
                    eprintln!("  {}", problem.text(lang));
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// Runs a command; the subcommand groups each have their module.
fn run(command: Command, path: &Path, lang: Lang) -> Result<(), StoreError> {
    let say = |m: CliMsg| out!("{}", m.text(lang));
    match command {
        Command::Init { admin } => {
            let sheet = common::RECOVERY_SHEET
                .get()
                .cloned()
                .flatten()
                .ok_or(StoreError::Refused(Problem::RecoverySheetNeeded))?;
            let password = common::password()?;
            let mut ws = Workspace::create(path)?;
            let made = ws
                .create_first_admin(&admin, &password)
                .and_then(|_| common::write_recovery_sheet(&mut ws, &sheet, lang));
            if let Err(e) = made {
                drop(ws);
                let _ = std::fs::remove_file(path);
                return Err(e);
            }
            say(CliMsg::Created {
                path: path.display().to_string(),
            });
        }
        Command::Users {
            command:
                users::UserCommand::Recover {
                    role,
                    key,
                    username,
                },
        } => users::recover(path, &role, &key, &username, lang)?,
        Command::Demo => {
            demo::create(path)?;
            say(CliMsg::DemoCreated {
                path: path.display().to_string(),
            });
        }
        Command::Check => {
            common::open(path, lang)?.integrity()?;
            say(CliMsg::FileWhole);
        }
        Command::Backup { out } => {
            let ws = common::open(path, lang)?;
            ws.backup_to(&common::acting(&ws)?, &out)?;
            say(CliMsg::BackedUp {
                path: out.display().to_string(),
            });
        }
        Command::Restore { from } => {
            let user = common::user()?;
            Workspace::restore(path, &from, &user, &common::password()?)?;
            say(CliMsg::Restored {
                path: path.display().to_string(),
                backups: okort_store::backup::folder(path).display().to_string(),
            });
        }
        Command::Users { command } => users::run(&mut common::open(path, lang)?, command, lang)?,
        Command::Audit(args) => audit::run(&common::open(path, lang)?, args, lang)?,
        Command::Years { command } => years::run(&common::open(path, lang)?, command, lang)?,
        Command::Venues { command } => venues::run(&mut common::open(path, lang)?, command, lang)?,
        Command::Agreements { command } => {
            agreements::run(&mut common::open(path, lang)?, command, lang)?
        }
        Command::Holders { command } => {
            holders::run(&mut common::open(path, lang)?, command, lang)?
        }
        Command::Cards { command } => {
            if !cards::run(&mut common::open(path, lang)?, command, lang)? {
                return Err(StoreError::Refused(Problem::CardNotValid));
            }
        }
        Command::Visits { command } => visits::run(&mut common::open(path, lang)?, command, lang)?,
        Command::Letters { command } => letters::run(&common::open(path, lang)?, command, lang)?,
        Command::Feedback { command } => {
            feedback::run(&mut common::open(path, lang)?, command, lang)?
        }
        Command::Report { command } => {
            feedback::report(&mut common::open(path, lang)?, command, lang)?
        }
        Command::Stats { command } => stats::run(&mut common::open(path, lang)?, command, lang)?,
        Command::Payouts { command } => {
            payouts::run(&mut common::open(path, lang)?, command, lang)?
        }
        Command::Kit { kit, command } => {
            if !kit::run(&kit, command, lang)? {
                return Err(StoreError::Refused(Problem::CardNotValid));
            }
        }
        Command::Printers { command } => printers::run(&common::open(path, lang)?, command, lang)?,
        Command::Bench { command } => bench::run(path, command, lang)?,
    }
    Ok(())
}
