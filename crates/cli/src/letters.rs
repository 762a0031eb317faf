//! `okort letters`: the information letters to families, in their languages.

use crate::common::{today, year_id};
use clap::Subcommand;
use okort_core::i18n::CliMsg;
use okort_core::Lang;
use okort_store::{StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum LetterCommand {
    /// Print the letters: one per active card of the year (or --cards), in the holder's
    /// language with Bokmål on the back, in the order the cards print; or with --lang the
    /// letter in one language without a name, for the website.
    Print {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "FIL")]
        out: PathBuf,
        /// One language (nb, nb-lett, nn, en, ar, so, ti, uk, pl, prs, ps, ur, ckb, lt, ta, tr,
        /// vi, th). (--lang is the language of the command's own messages.)
        #[arg(long, value_name = "SPRÅK", conflicts_with = "cards")]
        language: Option<String>,
        /// Only these cards (ids, comma separated).
        #[arg(long, value_delimiter = ',')]
        cards: Option<Vec<i64>>,
    },
    /// The languages the letter is written in, and whether each was checked this year.
    Languages {
        #[arg(long)]
        year: i32,
    },
    /// Mark a language's letter as checked by a native speaker this year (--reviewer), or take
    /// the mark away (no --reviewer).
    Review {
        #[arg(long)]
        year: i32,
        #[arg(long, value_name = "SPRÅK")]
        language: String,
        #[arg(long)]
        reviewer: Option<String>,
    },
}

pub fn run(ws: &Workspace, command: LetterCommand, lang: Lang) -> Result<(), StoreError> {
    let actor = crate::common::acting(ws)?;
    let say = |m: CliMsg| out!("{}", m.text(lang));
    match command {
        LetterCommand::Print {
            year,
            out,
            language: letter,
            cards,
        } => {
            let id = year_id(ws, year)?;
            let which = match &letter {
                Some(code) => okort_documents::Letters::Language(code),
                None => okort_documents::Letters::Cards(cards.as_deref()),
            };
            let doc = okort_documents::read_letters(ws, &actor, id, which, lang)?;
            let pdf = doc.pdf().map_err(okort_documents::DocError::from)?;
            okort_store::write_file(&out, pdf)?;
            say(CliMsg::LettersWritten {
                count: doc.letters.len(),
                path: out.display().to_string(),
            });
        }
        LetterCommand::Languages { year } => {
            for l in ws.letter_languages(year_id(ws, year)?)? {
                let status = if l.reviewed {
                    CliMsg::LetterChecked
                } else {
                    CliMsg::LetterNotChecked
                };
                out!("{:<8} {:<24} {}", l.lang, l.name, status.text(lang));
            }
        }
        LetterCommand::Review {
            year,
            language: code,
            reviewer,
        } => {
            ws.set_letter_reviewed(
                &actor,
                year_id(ws, year)?,
                &code,
                reviewer.as_deref(),
                today(),
            )?;
            say(CliMsg::LetterReviewSaved { lang: code });
        }
    }
    Ok(())
}
