//! `okort`: every batch job of Opplevelseskort, headless, over the same libraries as the app.

use clap::{Parser, Subcommand};
use okort_core::checks::format_org_number;
use okort_core::Lang;
use okort_store::{demo, StoreError, Workspace};
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
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty workspace.
    Init,
    /// Create a workspace holding the demo program (Eksempel kommune).
    Demo,
    /// The venue register.
    Venues {
        #[command(subcommand)]
        command: VenueCommand,
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
    let lang = if cli.lang == "en" { Lang::En } else { Lang::Nb };
    let path = cli.workspace.clone().unwrap_or_else(default_workspace);
    match run(cli.command, &path, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("okort: {}", e.message(lang));
            if let StoreError::Import(rows) = &e {
                for r in rows {
                    let (row, col) = if lang == Lang::Nb {
                        ("rad", "kolonne")
                    } else {
                        ("row", "column")
                    };
                    eprintln!(
                        "  {row} {}, {col} «{}»: {}",
                        r.row,
                        r.column,
                        r.message(lang)
                    );
                }
            }
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command, path: &Path, lang: Lang) -> Result<(), StoreError> {
    let nb = lang == Lang::Nb;
    match command {
        Command::Init => {
            Workspace::create(path)?;
            println!(
                "{} {}",
                if nb { "Opprettet" } else { "Created" },
                path.display()
            );
        }
        Command::Demo => {
            demo::create(path)?;
            let what = if nb {
                "Demoprogrammet er lagret i"
            } else {
                "The demo program is in"
            };
            println!("{what} {}", path.display());
        }
        Command::Venues { command } => {
            let mut ws = Workspace::open(path)?;
            match command {
                VenueCommand::Import { file } => {
                    let bytes = std::fs::read(&file)?;
                    let r = ws.import_venues_csv(&bytes)?;
                    if nb {
                        println!(
                            "Importert: {} nye brukersteder, {} oppdatert, {} avtaler lagret.",
                            r.venues_created, r.venues_updated, r.agreements_saved
                        );
                    } else {
                        println!(
                            "Imported: {} new venues, {} updated, {} agreements saved.",
                            r.venues_created, r.venues_updated, r.agreements_saved
                        );
                    }
                }
                VenueCommand::Export { file } => {
                    std::fs::write(&file, ws.export_venues_csv()?)?;
                    let n = ws.list_venues()?.len();
                    let what = if nb {
                        "brukersteder eksportert til"
                    } else {
                        "venues exported to"
                    };
                    println!("{n} {what} {}", file.display());
                }
                VenueCommand::List { json } => {
                    let venues = ws.list_venues()?;
                    if json {
                        let text = serde_json::to_string_pretty(&venues)
                            .map_err(|e| StoreError::Csv(e.to_string()))?;
                        println!("{text}");
                    } else {
                        for v in venues {
                            let active = match (v.active, nb) {
                                (true, _) => "",
                                (false, true) => " (inaktiv)",
                                (false, false) => " (inactive)",
                            };
                            println!(
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
