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

mod bench;

use clap::{Parser, Subcommand};
use okort_core::checks::format_org_number;
use okort_core::i18n::{CliMsg, Msg, Problem};
use okort_core::{Actor, Lang};
use okort_store::{demo, LookupState, StoreError, Workspace};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "okort", version, about = "Opplevelseskort fra kommandolinjen")]
struct Cli {
    /// The workspace file (default: the app's workspace in the user's data folder).
    #[arg(long, global = true, value_name = "FIL")]
    workspace: Option<PathBuf>,
    /// Language of messages: nb (default) or en.
    #[arg(long, global = true, default_value = "nb", value_parser = ["nb", "en"])]
    lang: String,
    /// Act as this user of the workspace (or set OKORT_USER), held to the user's role; the
    /// password comes from OKORT_PASSWORD or the first line of standard input. Without it the
    /// command line acts as the culture office. NAV's own jobs (replacing a lost card) need a
    /// NAV user.
    #[arg(long, global = true, value_name = "BRUKER")]
    user: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty workspace.
    Init,
    /// Create a workspace holding the demo program (Eksempel kommune).
    Demo,
    /// The workspace's users (the culture office's job).
    Users {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The audit log, as sentences, newest first.
    Audit {
        /// Only what this user did (user name).
        #[arg(long)]
        user: Option<String>,
        /// Only this kind: holder, card, visit, settlement, user.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, value_parser = parse_day)]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day)]
        to: Option<chrono::NaiveDate>,
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
    /// Program years: their validity and card quota.
    Years {
        #[command(subcommand)]
        command: YearCommand,
    },
    /// The venue register.
    Venues {
        #[command(subcommand)]
        command: VenueCommand,
    },
    /// Card holders (the command line sees what the culture office sees).
    Holders {
        #[command(subcommand)]
        command: HolderCommand,
    },
    /// Cards.
    Cards {
        #[command(subcommand)]
        command: CardCommand,
    },
    /// Visits at venues.
    Visits {
        #[command(subcommand)]
        command: VisitCommand,
    },
    /// What each venue is owed.
    Payouts {
        #[command(subcommand)]
        command: PayoutCommand,
    },
    /// Printer calibration profiles.
    Printers {
        #[command(subcommand)]
        command: PrinterCommand,
    },
    /// Benchmarks (run a release build: cargo run --release -p okort -- bench print).
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
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

#[derive(Subcommand)]
enum YearCommand {
    /// List the program years.
    List,
    /// Create a program year, or change an existing one's validity or quota.
    Save {
        #[arg(long)]
        year: i32,
        /// The number of cards the year may have.
        #[arg(long)]
        quota: Option<u32>,
        /// First valid day (dd.mm.åååå); default 1 January.
        #[arg(long, value_parser = parse_day)]
        from: Option<chrono::NaiveDate>,
        /// Last valid day (dd.mm.åååå); default 31 December.
        #[arg(long, value_parser = parse_day)]
        to: Option<chrono::NaiveDate>,
    },
}

#[derive(Subcommand)]
enum VisitCommand {
    /// Import a venue's report of visits (CSV or .xlsx: card number, date, companion).
    /// With problem rows nothing is imported unless --accept-valid is given.
    Import {
        #[arg(long)]
        venue: i64,
        file: PathBuf,
        /// Import the good rows and leave out the problem rows.
        #[arg(long)]
        accept_valid: bool,
    },
    /// Ticks counted on a card handed back at year end: VENUE_ID=COUNT, comma separated.
    Returned {
        #[arg(long)]
        card: String,
        #[arg(long, value_delimiter = ',', value_parser = parse_ticks)]
        ticks: Vec<(i64, u32)>,
    },
    /// Register one visit of a card (typed number or scanned QR text) at a venue.
    Register {
        #[arg(long)]
        card: String,
        #[arg(long)]
        venue: i64,
        /// A companion came too.
        #[arg(long)]
        companion: bool,
        /// The day of the visit (dd.mm.åååå); default today.
        #[arg(long, value_parser = parse_day)]
        date: Option<chrono::NaiveDate>,
        /// Register over a rule (limit, validity, blocked card) with this reason, logged.
        #[arg(long)]
        override_reason: Option<String>,
    },
}

#[derive(Subcommand)]
enum PayoutCommand {
    /// A venue's settlement statement as PDF: an approved settlement (--settlement), or a draft
    /// of the venue's visits not yet settled in the year or period.
    Statement {
        #[arg(long)]
        venue: i64,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        settlement: Option<i64>,
        #[arg(long, value_parser = parse_day, requires = "to")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day, requires = "from")]
        to: Option<chrono::NaiveDate>,
    },
    /// Approve a venue's settlement of its visits not yet settled in the year or period;
    /// the visits are locked to it.
    Approve {
        #[arg(long)]
        venue: i64,
        #[arg(long)]
        year: i32,
        #[arg(long, value_parser = parse_day, requires = "to")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day, requires = "from")]
        to: Option<chrono::NaiveDate>,
    },
    /// Record that an approved settlement was paid.
    Paid {
        #[arg(long)]
        settlement: i64,
        /// The payment date (dd.mm.åååå); default today.
        #[arg(long, value_parser = parse_day)]
        date: Option<chrono::NaiveDate>,
    },
    /// Withdraw an approved settlement that is not paid; its visits are open again.
    Withdraw {
        #[arg(long)]
        settlement: i64,
        #[arg(long)]
        reason: String,
    },
    /// The year's settlements; with --csv the accounting file of the approved and paid ones.
    Settlements {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        csv: Option<PathBuf>,
    },
    /// Compute every venue's compensation for a year, or a period of it.
    Compute {
        #[arg(long)]
        year: i32,
        #[arg(long, value_parser = parse_day, requires = "to")]
        from: Option<chrono::NaiveDate>,
        #[arg(long, value_parser = parse_day, requires = "from")]
        to: Option<chrono::NaiveDate>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum PrinterCommand {
    /// List the profiles.
    List,
    /// Create or change a profile from what the calibration page measured.
    Set {
        name: String,
        /// Millimetres to move right (negative: left).
        #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
        offset_x: f32,
        /// Millimetres to move down (negative: up).
        #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
        offset_y: f32,
        /// Percent; 100 is true size.
        #[arg(long, default_value_t = 100.0)]
        scale: f32,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Prints generated cards with the demo design and reports time, size and peak memory.
    Print {
        #[arg(long, default_value_t = 100)]
        cards: usize,
        #[arg(long, default_value = "a4")]
        layout: String,
        /// Keep the PDF here to look at it.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Creates a workspace to measure `okort cards print` on: the demo program with a program
    /// year 2027 whose quota is `--cards`, and that many generated holders, each with a card.
    Workspace {
        #[arg(long, default_value_t = 5000)]
        cards: u32,
        #[arg(long)]
        out: PathBuf,
    },
    /// Writes a year's active cards as a Typst document (cards.typ, cards.json, the logos) in
    /// a folder, to compile with Typst and compare (docs/performance.md).
    Typst {
        #[arg(long)]
        year: i32,
        #[arg(long, default_value = "a4")]
        layout: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum HolderCommand {
    /// Import holders from CSV; nothing is saved if any row is bad.
    Import { file: PathBuf },
    /// Export holders' names and birth years to CSV (never NAV-only fields).
    Export { file: PathBuf },
}

#[derive(Subcommand)]
enum CardCommand {
    /// Assign a card to a holder for a program year.
    Assign {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        holder: i64,
        /// Reason for assigning outside the year's age range (logged).
        #[arg(long)]
        override_reason: Option<String>,
    },
    /// List a year's cards.
    List {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        json: bool,
    },
    /// Record NAV's decision today: the holder's card continues into --year, or ends.
    Reassess {
        /// The year the card would continue into.
        #[arg(long)]
        year: i32,
        #[arg(long)]
        holder: i64,
        /// continue or end
        #[arg(long)]
        decision: String,
    },
    /// Report a card lost: it is blocked at every venue and a replacement is made for the
    /// same holder and year, without using more of the quota.
    Replace {
        /// The lost card's number, as printed on it (e.g. 2026-0034-8).
        card: String,
    },
    /// Create --year's cards for every holder decided to continue, all or nothing.
    Renew {
        #[arg(long)]
        year: i32,
    },
    /// Print a year's cards (all active ones, or those given) into one PDF; marks them printed.
    Print {
        #[arg(long)]
        year: i32,
        /// a4 (one card per page), a6 (A4 folded to A6), cr80 (card printer) or sheet8 (print shop)
        #[arg(long, default_value = "a4")]
        layout: String,
        #[arg(long)]
        out: PathBuf,
        /// Card ids to print, comma separated (a reprint); default: every active card.
        #[arg(long, value_delimiter = ',')]
        cards: Option<Vec<i64>>,
        /// A printer calibration profile (see `okort printers`).
        #[arg(long)]
        profile: Option<String>,
    },
    /// NAV's hand-out list (card number, name, signature column) for a year's active cards.
    Handout {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: PathBuf,
    },
    /// A calibration test page with millimetre rulers for a4 or cr80 paper.
    Calibration {
        #[arg(long, default_value = "a4")]
        layout: String,
        #[arg(long)]
        out: PathBuf,
        /// Print it through a profile, to check the profile.
        #[arg(long)]
        profile: Option<String>,
    },
    /// Check a scanned QR code or a typed card number: genuine, and valid today?
    Verify {
        code: String,
        /// Check validity on this date (dd.mm.åååå) instead of today.
        #[arg(long, value_parser = parse_day)]
        on: Option<chrono::NaiveDate>,
    },
}

#[derive(Subcommand)]
enum VenueCommand {
    /// Import venues and agreements from CSV; nothing is saved if any row is bad.
    Import { file: PathBuf },
    /// Export venues and agreements to CSV (UTF-8 with BOM, `;`).
    Export { file: PathBuf },
    /// List the venues.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
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
        let _ = USER.set(cli.user.clone());
    }
    let lang = if cli.lang == "en" { Lang::En } else { Lang::Nb };
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

/// The user given with --user or OKORT_USER, once parsed.
static USER: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

/// Who the command acts as: the user logged in with --user, or the culture office.
fn acting(ws: &Workspace) -> Result<Actor, StoreError> {
    let user = USER.get_or_init(|| std::env::var("OKORT_USER").ok().filter(|u| !u.is_empty()));
    let Some(user) = user else {
        return Ok(Actor::command_line());
    };
    let password = match std::env::var("OKORT_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_string()
        }
    };
    ws.login(user, &password)
}

/// The process's peak resident memory (VmHWM), in MB; 0 where /proc is not there.
fn peak_memory_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

fn parse_layout(s: &str) -> Result<okort_print::Layout, StoreError> {
    okort_print::Layout::parse(s).ok_or_else(|| {
        StoreError::Refused(Problem::Unknown {
            value: s.to_string(),
            allowed: "a4, a6, cr80, sheet8",
        })
    })
}

fn find_profile(
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

fn year_id(ws: &Workspace, year: i32) -> Result<i64, StoreError> {
    ws.year_by_number(year)?
        .map(|y| y.id)
        .ok_or(StoreError::Refused(Problem::UnknownYear { year }))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string_pretty(value).map_err(|e| StoreError::Csv(e.to_string()))
}

/// The language of clap's value parsers: they run before `Cli` is there, so they read
/// `--lang` from the arguments themselves.
fn argument_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let en = args.iter().any(|a| a == "--lang=en")
        || args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en");
    if en {
        Lang::En
    } else {
        Lang::Nb
    }
}

fn parse_ticks(s: &str) -> Result<(i64, u32), String> {
    let say = |m: CliMsg| m.text(argument_lang());
    let (venue, count) = s.split_once('=').ok_or_else(|| {
        say(CliMsg::TicksFormat {
            value: s.to_string(),
        })
    })?;
    let venue = venue.trim().parse().map_err(|_| {
        say(CliMsg::NotAVenueId {
            value: venue.to_string(),
        })
    })?;
    let count = count.trim().parse().map_err(|_| {
        say(CliMsg::NotACount {
            value: count.to_string(),
        })
    })?;
    Ok((venue, count))
}

fn parse_day(s: &str) -> Result<chrono::NaiveDate, String> {
    okort_core::dates::parse_date(s).ok_or_else(|| {
        CliMsg::NotADate {
            value: s.to_string(),
        }
        .text(argument_lang())
    })
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn run_payouts(ws: &mut Workspace, command: PayoutCommand, lang: Lang) -> Result<(), StoreError> {
    use okort_core::dates::format_date;
    use okort_core::money::format_nok;
    use okort_store::{Settlement, VisitScope};
    let actor = acting(ws)?;
    let say = |m: CliMsg| out!("{}", m.text(lang));
    let describe = |s: &Settlement| {
        let period = match (s.period_from, s.period_to) {
            (Some(f), Some(t)) => format!("{} – {}", format_date(f), format_date(t)),
            _ => CliMsg::WholeYear.text(lang),
        };
        let status = match (&s.paid_on, &s.withdrawn_reason) {
            (_, Some(_)) => CliMsg::SettlementWithdrawn,
            (Some(d), None) => CliMsg::SettlementPaidOn {
                date: format_date(*d),
            },
            (None, None) => CliMsg::SettlementApproved,
        }
        .text(lang);
        format!(
            "{} {:<28} {:<25} {:>4} + {:>3} {:>16}  {status}",
            CliMsg::SettlementNo { id: s.id }.text(lang),
            s.line.venue_name,
            period,
            s.line.holder_visits,
            s.line.companion_visits,
            format_nok(s.line.total_ore)
        )
    };
    match command {
        PayoutCommand::Statement {
            venue,
            year,
            out,
            settlement,
            from,
            to,
        } => {
            let year = year_id(ws, year)?;
            let scope = match settlement {
                Some(id) => VisitScope::Settlement(id),
                None => VisitScope::Open(from.zip(to)),
            };
            let pdf =
                okort_documents::statement_pdf(ws, &actor, venue, year, scope, today(), lang)?;
            okort_store::write_file(&out, &pdf)?;
            say(CliMsg::StatementWritten {
                path: out.display().to_string(),
            });
        }
        PayoutCommand::Compute {
            year,
            from,
            to,
            json,
        } => {
            let lines = ws.compute_payouts(&actor, year_id(ws, year)?, from.zip(to))?;
            if json {
                out!("{}", to_json(&lines)?);
            } else {
                let companions = CliMsg::Companions.text(lang);
                let mut total = 0;
                for l in &lines {
                    total += l.total_ore;
                    out!(
                        "{:<28} {:>4} + {:>3} {companions}  {:>3} %  {:>16}",
                        l.venue_name,
                        l.holder_visits,
                        l.companion_visits,
                        l.share_percent,
                        format_nok(l.total_ore)
                    );
                }
                // The sum lines up under the amounts, whatever the length of the word before.
                let width = 37 + companions.chars().count();
                out!(
                    "{:<28} {:>width$}",
                    CliMsg::Sum.text(lang),
                    format_nok(total)
                );
            }
        }
        PayoutCommand::Approve {
            venue,
            year,
            from,
            to,
        } => {
            let s =
                ws.approve_settlement(&actor, venue, year_id(ws, year)?, from.zip(to), today())?;
            say(CliMsg::Approved {
                settlement: describe(&s),
            });
        }
        PayoutCommand::Paid { settlement, date } => {
            let s = ws.mark_settlement_paid(&actor, settlement, date.unwrap_or_else(today))?;
            say(CliMsg::Paid {
                settlement: describe(&s),
            });
        }
        PayoutCommand::Withdraw { settlement, reason } => {
            let s = ws.withdraw_settlement(&actor, settlement, &reason)?;
            say(CliMsg::Withdrawn {
                settlement: describe(&s),
            });
        }
        PayoutCommand::Settlements { year, json, csv } => {
            let list = ws.list_settlements(&actor, year_id(ws, year)?)?;
            if let Some(path) = csv {
                okort_store::write_file(&path, okort_store::settlements_csv(&list)?)?;
                say(CliMsg::AccountingFileWritten {
                    path: path.display().to_string(),
                });
            } else if json {
                out!("{}", to_json(&list)?);
            } else {
                for s in &list {
                    out!("{}", describe(s));
                }
            }
        }
    }
    Ok(())
}

fn run_holders(ws: &mut Workspace, command: HolderCommand, lang: Lang) -> Result<(), StoreError> {
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

/// Returns whether the outcome was good (a verified card that is valid today).
fn run_cards(ws: &mut Workspace, command: CardCommand, lang: Lang) -> Result<bool, StoreError> {
    let actor = acting(ws)?;
    let say = |m: CliMsg| out!("{}", m.text(lang));
    match command {
        CardCommand::Assign {
            year,
            holder,
            override_reason,
        } => {
            let id = year_id(ws, year)?;
            let card = ws.assign_card(&actor, holder, id, override_reason.as_deref(), today())?;
            let left = ws.quota_status(&actor, id)?.left;
            say(CliMsg::CardAssigned {
                number: card.number,
                left,
            });
        }
        CardCommand::Reassess {
            year,
            holder,
            decision,
        } => {
            let continuation = match decision.as_str() {
                "continue" | "fortsetter" => okort_store::Continuation::Continue,
                "end" | "avsluttes" => okort_store::Continuation::End,
                other => {
                    return Err(StoreError::Refused(Problem::Unknown {
                        value: other.into(),
                        allowed: "continue, end",
                    }))
                }
            };
            let id = year_id(ws, year)?;
            let d = ws.decide_reassessment(&actor, holder, id, continuation, today())?;
            let date = okort_core::dates::format_date(d.decided_on);
            say(match d.continuation {
                okort_store::Continuation::Continue => CliMsg::CardContinues { holder, year, date },
                okort_store::Continuation::End => CliMsg::CardEnds { holder, year, date },
            });
        }
        CardCommand::Replace { card } => {
            let lost = ws.card_numbered(&actor, &card)?;
            let new = ws.replace_lost(&actor, lost.id, today())?;
            let year = new.year;
            out!(
                "{}",
                Msg::CliCardReplaced {
                    lost: lost.number,
                    new: new.number,
                    year,
                    id: new.id,
                }
                .text(lang)
            );
        }
        CardCommand::Renew { year } => {
            let id = year_id(ws, year)?;
            let cards = ws.renew_cards(&actor, id, today())?;
            say(CliMsg::CardsRenewed {
                count: cards.len(),
                year,
            });
        }
        CardCommand::Print {
            year,
            layout,
            out,
            cards,
            profile,
        } => {
            let id = year_id(ws, year)?;
            let layout = parse_layout(&layout)?;
            let profile = find_profile(ws, profile.as_deref())?;
            let (pdf, printed) = okort_documents::print_year_with_progress(
                ws,
                &actor,
                id,
                layout,
                cards.as_deref(),
                profile.as_ref(),
                lang,
                &mut |_, _| true,
            )?;
            okort_store::write_file(&out, &pdf)?;
            ws.mark_printed(&actor, &printed)?;
            say(CliMsg::CardsPrinted {
                count: printed.len(),
                path: out.display().to_string(),
            });
        }
        CardCommand::Handout { year, out } => {
            let pdf = okort_documents::handout_list(ws, &actor, year_id(ws, year)?, lang)?;
            okort_store::write_file(&out, &pdf)?;
            say(CliMsg::HandoutWritten {
                path: out.display().to_string(),
            });
        }
        CardCommand::Calibration {
            layout,
            out,
            profile,
        } => {
            let layout = parse_layout(&layout)?;
            let profile = find_profile(ws, profile.as_deref())?;
            let pdf = okort_documents::calibration(layout, profile.as_ref(), lang)
                .map_err(okort_documents::DocError::from)?;
            okort_store::write_file(&out, &pdf)?;
            say(CliMsg::CalibrationWritten {
                path: out.display().to_string(),
            });
        }
        CardCommand::List { year, json } => {
            let cards = ws.list_cards(&actor, year_id(ws, year)?)?;
            if json {
                out!("{}", to_json(&cards)?);
            } else {
                for row in cards {
                    out!(
                        "{}  {:<10} {} {} ({})",
                        row.card.number,
                        row.card.status.code(),
                        row.holder.first_name,
                        row.holder.last_name,
                        row.holder.birth_year
                    );
                }
            }
        }
        CardCommand::Verify { code, on } => {
            let found = ws.lookup_card(&actor, &code, on.unwrap_or_else(today))?;
            let state = match found.state {
                LookupState::Valid => CliMsg::LookupValid,
                LookupState::Expired => CliMsg::LookupExpired,
                LookupState::NotYetValid => CliMsg::LookupNotYetValid,
                LookupState::Blocked => CliMsg::LookupBlocked,
                LookupState::Forged => CliMsg::LookupForged,
            }
            .text(lang);
            let origin = match (found.scanned, found.state == LookupState::Forged) {
                (true, false) => CliMsg::LookupGenuineQr.text(lang),
                (false, _) => CliMsg::LookupTyped.text(lang),
                (true, true) => String::new(),
            };
            let until = found
                .valid_to
                .map(okort_core::dates::format_date)
                .unwrap_or_default();
            out!("{}: {origin}{state} {until}", found.number);
            return Ok(found.state == LookupState::Valid);
        }
    }
    Ok(true)
}

fn run_users(ws: &mut Workspace, command: UserCommand, lang: Lang) -> Result<(), StoreError> {
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

fn run_years(ws: &Workspace, command: YearCommand, lang: Lang) -> Result<(), StoreError> {
    use okort_core::dates::format_date;
    match command {
        YearCommand::List => {
            for y in ws.list_years()? {
                let quota = CliMsg::CardCount {
                    count: y.card_quota,
                };
                out!(
                    "{}  {} – {}  {}",
                    y.year,
                    format_date(y.valid_from),
                    format_date(y.valid_to),
                    quota.text(lang)
                );
            }
        }
        YearCommand::Save {
            year,
            quota,
            from,
            to,
        } => {
            let existing = ws.year_by_number(year)?;
            let base = match &existing {
                Some(y) => okort_core::ProgramYearInput::from(y),
                None => okort_core::ProgramYearInput::new_for(year)
                    .ok_or(StoreError::Refused(Problem::Year))?,
            };
            let input = okort_core::ProgramYearInput {
                card_quota: quota.unwrap_or(base.card_quota),
                valid_from: from.unwrap_or(base.valid_from),
                valid_to: to.unwrap_or(base.valid_to),
                ..base
            };
            let saved = ws.save_year(input)?;
            let (year, from, to, quota) = (
                saved.year,
                format_date(saved.valid_from),
                format_date(saved.valid_to),
                saved.card_quota,
            );
            let done = match existing {
                Some(_) => CliMsg::YearChanged {
                    year,
                    from,
                    to,
                    quota,
                },
                None => CliMsg::YearCreated {
                    year,
                    from,
                    to,
                    quota,
                },
            };
            out!("{}", done.text(lang));
        }
    }
    Ok(())
}

fn run(command: Command, path: &Path, lang: Lang) -> Result<(), StoreError> {
    let say = |m: CliMsg| out!("{}", m.text(lang));
    match command {
        Command::Init => {
            Workspace::create(path)?;
            say(CliMsg::Created {
                path: path.display().to_string(),
            });
        }
        Command::Demo => {
            demo::create(path)?;
            say(CliMsg::DemoCreated {
                path: path.display().to_string(),
            });
        }
        Command::Holders { command } => run_holders(&mut Workspace::open(path)?, command, lang)?,
        Command::Years { command } => run_years(&Workspace::open(path)?, command, lang)?,
        Command::Users { command } => run_users(&mut Workspace::open(path)?, command, lang)?,
        Command::Audit {
            user,
            kind,
            from,
            to,
            limit,
        } => {
            let ws = Workspace::open(path)?;
            let actor = acting(&ws)?;
            let user_id = match user {
                Some(name) => Some(
                    ws.list_users(&actor)?
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
        }
        Command::Visits {
            command: VisitCommand::Returned { card, ticks },
        } => {
            let mut ws = Workspace::open(path)?;
            let added = ws.register_returned_ticks(&acting(&ws)?, &card, &ticks)?;
            say(CliMsg::TicksAdded { count: added });
        }
        Command::Visits {
            command:
                VisitCommand::Register {
                    card,
                    venue,
                    companion,
                    date,
                    override_reason,
                },
        } => {
            let mut ws = Workspace::open(path)?;
            let r = ws.register_visit(
                &acting(&ws)?,
                &card,
                Some(venue),
                date.unwrap_or_else(today),
                companion,
                override_reason.as_deref(),
                today(),
            )?;
            let left = match r.visits_left {
                None => CliMsg::FreeEntry,
                Some(count) => CliMsg::VisitsLeft { count },
            };
            say(CliMsg::VisitRegistered {
                card: r.card_number,
                venue: r.venue_name,
                left: left.text(lang),
            });
        }
        Command::Visits {
            command:
                VisitCommand::Import {
                    venue,
                    file,
                    accept_valid,
                },
        } => {
            let mut ws = Workspace::open(path)?;
            let bytes = std::fs::read(&file)?;
            let actor = acting(&ws)?;
            let check = ws.check_visit_import(&actor, Some(venue), &bytes, today())?;
            if !check.problems.is_empty() && !accept_valid && check.valid > 0 {
                let hint = CliMsg::SomeRowsValid {
                    valid: check.valid,
                    rows: check.rows,
                };
                eprintln!("{}", hint.text(lang));
            }
            let r = ws.import_visits(&actor, Some(venue), &bytes, accept_valid, today())?;
            say(CliMsg::VisitsImported {
                imported: r.imported,
                skipped: r.skipped,
            });
        }
        Command::Payouts { command } => run_payouts(&mut Workspace::open(path)?, command, lang)?,
        Command::Printers { command } => {
            let ws = Workspace::open(path)?;
            match command {
                PrinterCommand::List => {
                    for p in ws.printer_profiles()? {
                        out!(
                            "{:<24} x {:+.1} mm, y {:+.1} mm, {:.1} %",
                            p.name,
                            p.offset_x_mm,
                            p.offset_y_mm,
                            p.scale_percent
                        );
                    }
                }
                PrinterCommand::Set {
                    name,
                    offset_x,
                    offset_y,
                    scale,
                } => {
                    let id = ws.printer_profile_by_name(&name)?.and_then(|p| p.id);
                    let p = ws.save_printer_profile(okort_core::PrinterProfile {
                        id,
                        name,
                        offset_x_mm: offset_x,
                        offset_y_mm: offset_y,
                        scale_percent: scale,
                    })?;
                    say(CliMsg::PrinterProfileSaved { name: p.name });
                }
            }
        }
        Command::Bench {
            command: BenchCommand::Typst { year, layout, out },
        } => {
            let layout = parse_layout(&layout)?;
            let n = bench::typst(&Workspace::open(path)?, year, layout, &out)?;
            say(CliMsg::BenchTypstWritten {
                count: n,
                path: out.display().to_string(),
            });
        }
        Command::Bench {
            command: BenchCommand::Workspace { cards, out },
        } => {
            bench::workspace(&out, cards)?;
            say(CliMsg::BenchWorkspaceMade {
                count: cards,
                year: bench::YEAR,
                path: out.display().to_string(),
            });
        }
        Command::Bench {
            command: BenchCommand::Print { cards, layout, out },
        } => {
            let layout = parse_layout(&layout)?;
            let dir = std::env::temp_dir().join(format!("okort-bench-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            let ws = demo::create(&dir.join("demo.okort"))?;
            let year = year_id(&ws, 2026)?;
            let (r, pdf) = okort_documents::bench(&ws, year, layout, cards)?;
            if let Some(out) = out {
                okort_store::write_file(&out, &pdf)?;
            }
            let _ = std::fs::remove_dir_all(&dir);
            out!(
                "{} cards, {} pages: {:.3} s (layout {:.3} s), {} bytes ({} bytes per card), peak memory {} MB",
                r.cards,
                r.pages,
                r.seconds,
                r.layout_seconds,
                r.bytes,
                r.bytes / r.cards.max(1),
                peak_memory_mb()
            );
        }
        Command::Cards { command } => {
            if !run_cards(&mut Workspace::open(path)?, command, lang)? {
                return Err(StoreError::Refused(Problem::CardNotValid));
            }
        }
        Command::Venues { command } => {
            let mut ws = Workspace::open(path)?;
            match command {
                VenueCommand::Import { file } => {
                    let bytes = std::fs::read(&file)?;
                    let r = ws.import_venues_csv(&bytes)?;
                    say(CliMsg::VenuesImported {
                        created: r.venues_created,
                        updated: r.venues_updated,
                        agreements: r.agreements_saved,
                    });
                }
                VenueCommand::Export { file } => {
                    okort_store::write_file(&file, ws.export_venues_csv()?)?;
                    say(CliMsg::VenuesExported {
                        count: ws.list_venues()?.len(),
                        path: file.display().to_string(),
                    });
                }
                VenueCommand::List { json } => {
                    let venues = ws.list_venues()?;
                    if json {
                        let text = serde_json::to_string_pretty(&venues)
                            .map_err(|e| StoreError::Csv(e.to_string()))?;
                        out!("{text}");
                    } else {
                        for v in venues {
                            let active = match v.active {
                                true => String::new(),
                                false => format!(" ({})", CliMsg::VenueInactive.text(lang)),
                            };
                            out!(
                                "{:>4}  {:<32} {:<13} {}{active}",
                                v.id,
                                v.name,
                                v.category.label_nb(),
                                format_org_number(&v.org_number)
                            );
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
