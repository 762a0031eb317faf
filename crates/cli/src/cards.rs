//! `okort cards`: assigning, re-assessing, renewing, replacing, printing and checking cards.

use crate::common::{acting, find_profile, parse_day, parse_layout, to_json, today, year_id};
use clap::Subcommand;
use okort_core::i18n::{CliMsg, Msg, Problem};
use okort_core::Lang;
use okort_store::{LookupState, StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum CardCommand {
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
        /// Only the active cards whose holder has made no visit this year (to follow up).
        #[arg(long)]
        never_used: bool,
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
    /// Export a year's cards to CSV (UTF-8 with BOM, `;`): card number, the holder's name and
    /// birth year, status and hand-out date; never NAV-only fields.
    Export {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: PathBuf,
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

/// Returns whether the outcome was good (a verified card that is valid today).
pub fn run(ws: &mut Workspace, command: CardCommand, lang: Lang) -> Result<bool, StoreError> {
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
            // Said before printing: a primary colour too light for the card's white text, and
            // names that would print with empty boxes.
            for warning in okort_documents::print_warnings(ws, &actor, id, cards.as_deref(), lang)?
            {
                eprintln!("okort: {warning}");
            }
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
        CardCommand::List {
            year,
            json,
            never_used,
        } => {
            let mut cards = ws.list_cards(&actor, year_id(ws, year)?)?;
            if never_used {
                cards.retain(|row| row.card.status.is_active() && row.visits == 0);
            }
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
        CardCommand::Export { year, out } => {
            let id = year_id(ws, year)?;
            okort_store::write_file(&out, ws.export_cards_csv(&actor, id)?)?;
            say(CliMsg::CardsExported {
                count: ws.list_cards(&actor, id)?.len(),
                path: out.display().to_string(),
            });
        }
        CardCommand::Verify { code, on } => {
            let found = ws.lookup_card(&actor, &code, on.unwrap_or_else(today))?;
            say_lookup(&found, lang);
            return Ok(found.state == LookupState::Valid);
        }
    }
    Ok(true)
}

/// One line for a looked-up card: its number, how it was read, its state and last valid day.
pub(crate) fn say_lookup(found: &okort_store::CardLookup, lang: Lang) {
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
}
