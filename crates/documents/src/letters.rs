//! The information letters to families: per card, in the holder's language with Bokmål on
//! the back, in the order the cards print, so NAV hands both out at once; or one language
//! version without a name, for the municipality's website.

use crate::{program_job, Result};
use okort_core::dates::format_date;
use okort_core::i18n::Msg;
use okort_core::letters::{self, Facts, Part};
use okort_core::{Action, Actor, Lang};
use okort_print::documents::LettersDoc;
use okort_print::layout::{Letter, LetterBlock};
use okort_print::Rgb;
use okort_store::{StoreError, Workspace};
use std::collections::HashMap;

/// Which letters to print.
#[derive(Debug, Clone, Copy)]
pub enum Letters<'a> {
    /// A letter for each of the year's active cards (or these card ids), as the cards print.
    Cards(Option<&'a [i64]>),
    /// The letter in one language with no name in it, for the website.
    Language(&'a str),
}

/// The year's letters, read from the workspace, to be written as one PDF.
pub fn read_letters(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
    which: Letters,
    lang: Lang,
) -> Result<LettersDoc> {
    if !actor.may(Action::MarkCardsPrinted) {
        return Err(StoreError::Denied(actor.role).into());
    }
    let year = ws.year(year_id)?;
    let program = ws.program()?;
    let job = program_job(ws, &program, lang)?;
    let writer = Writer::read(ws, &program, &year)?;
    let mut out = Vec::new();
    let mut count = 0;
    match which {
        Letters::Language(code) => {
            if letters::bundled(code).is_none() {
                return Err(StoreError::Refused(okort_core::i18n::Problem::Unknown {
                    value: code.to_string(),
                    allowed: "nb, nb-lett, nn, en, ar, so, ti, …",
                })
                .into());
            }
            out.push(writer.letter(code, None, lang)?);
            count = 1;
        }
        Letters::Cards(only) => {
            let languages = ws.holder_languages(actor, year_id)?;
            for row in ws.list_cards(actor, year_id)? {
                let printed = match only {
                    Some(ids) => ids.contains(&row.card.id),
                    None => row.card.status.is_active(),
                };
                if !printed {
                    continue;
                }
                let own = languages.get(&row.holder.id).map_or("nb", String::as_str);
                let code = letters::letter_lang(own);
                let name = Some(row.holder.first_name.as_str());
                out.push(writer.letter(code, name, lang)?);
                count += 1;
                // Bokmål on the back for a family that reads another language.
                if !matches!(code, "nb" | "nn" | "nb-lett") {
                    out.push(writer.letter("nb", name, lang)?);
                }
            }
        }
    }
    Ok(LettersDoc {
        job,
        title: Msg::LettersTitle {
            year: year.year.to_string(),
        }
        .text(lang),
        letters: out,
        count,
    })
}

/// What every letter of the year shares: the texts per language, the venues and the facts.
struct Writer<'w> {
    ws: &'w Workspace,
    year_id: i64,
    facts: Facts,
    primary: Rgb,
    title: String,
    /// (venue name, visits per card, what is not covered), by name.
    venues: Vec<(String, Option<u8>, String)>,
    texts: std::cell::RefCell<HashMap<String, HashMap<Part, String>>>,
    reviewed: HashMap<String, bool>,
}

impl<'w> Writer<'w> {
    fn read(
        ws: &'w Workspace,
        program: &okort_core::Program,
        year: &okort_core::ProgramYear,
    ) -> Result<Writer<'w>> {
        let names: HashMap<i64, String> = ws
            .list_venues()?
            .into_iter()
            .map(|v| (v.id, v.name))
            .collect();
        let mut venues: Vec<(String, Option<u8>, String)> = ws
            .agreements_for_year(year.id)?
            .into_iter()
            .filter_map(|a| {
                names
                    .get(&a.venue_id)
                    .map(|n| (n.clone(), a.visits_per_card, a.not_covered))
            })
            .collect();
        venues.sort_by_key(|(name, _, _)| okort_store::venue_sort_key(name));
        let contact = [
            program.contact_name.as_str(),
            program.contact_phone.as_str(),
            program.contact_email.as_str(),
        ]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
        let reviewed = ws
            .letter_languages(year.id)?
            .into_iter()
            .map(|l| (l.lang, l.reviewed))
            .collect();
        Ok(Writer {
            ws,
            year_id: year.id,
            facts: Facts {
                first_name: String::new(),
                municipality: program.municipality.clone(),
                program: program.name.clone(),
                year: year.year.to_string(),
                valid_to: format_date(year.valid_to),
                contact,
            },
            primary: Rgb::parse(&program.primary_colour, crate::PRIMARY),
            title: format!("{} {}", program.name, year.year),
            venues,
            texts: Default::default(),
            reviewed,
        })
    }

    fn text(&self, code: &str, part: Part) -> Result<String> {
        if !self.texts.borrow().contains_key(code) {
            let texts = self
                .ws
                .letter_texts(self.year_id, code)?
                .into_iter()
                .map(|t| (t.part, t.text))
                .collect();
            self.texts.borrow_mut().insert(code.to_string(), texts);
        }
        Ok(self.texts.borrow()[code]
            .get(&part)
            .cloned()
            .unwrap_or_default())
    }

    /// The letter in `code`, to the holder named `first_name` (none: the website's version,
    /// without the greeting that names the child).
    fn letter(&self, code: &str, first_name: Option<&str>, lang: Lang) -> Result<Letter> {
        let facts = Facts {
            first_name: first_name.unwrap_or_default().to_string(),
            ..self.facts.clone()
        };
        let fill = |part: Part| -> Result<String> {
            Ok(letters::fill(&self.text(code, part)?, &facts, None))
        };
        let mut blocks = Vec::new();
        if first_name.is_some() {
            blocks.push(LetterBlock::Paragraph(fill(Part::Intro)?));
        }
        blocks.push(LetterBlock::Paragraph(fill(Part::Personal)?));
        blocks.push(LetterBlock::Paragraph(fill(Part::Where)?));
        for (name, visits, not_covered) in &self.venues {
            let visits = match visits {
                Some(n) => {
                    letters::fill(&self.text(code, Part::Visits)?, &facts, Some(u32::from(*n)))
                }
                None => fill(Part::FreeEntry)?,
            };
            let not_covered = (!not_covered.trim().is_empty())
                .then(|| {
                    Ok::<_, crate::DocError>(format!(
                        "{} {}",
                        fill(Part::NotCovered)?,
                        not_covered.trim()
                    ))
                })
                .transpose()?;
            blocks.push(LetterBlock::Venue {
                name: name.clone(),
                visits,
                not_covered,
            });
        }
        for part in [Part::How, Part::Lost, Part::Valid, Part::Questions] {
            blocks.push(LetterBlock::Paragraph(fill(part)?));
        }
        let plain = code.trim_end_matches("-lett");
        let language = okort_core::languages::find(plain).map_or(code.to_string(), |l| {
            format!("{} ({})", l.own, l.norwegian_name(lang))
        });
        let status = if self.reviewed.get(code).copied().unwrap_or(false) {
            Msg::LetterReviewed
        } else {
            Msg::LetterNotReviewed
        };
        Ok(Letter {
            title: self.title.clone(),
            primary: self.primary,
            rtl: letters::is_rtl(code),
            heading: fill(Part::Heading)?,
            blocks,
            footer: Msg::LetterFooter {
                language,
                status: status.text(lang),
            }
            .text(lang),
        })
    }
}
