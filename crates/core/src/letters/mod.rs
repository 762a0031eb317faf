//! The information letter that goes with each card, in the family's language: what the card is,
//! that it is personal and free for the holder and one companion, where it can be used this
//! year, how to use it, what to do if it is lost, until when it is valid and whom to ask.
//!
//! The bundled texts ([`texts::BUNDLED`]) are the starting point of every year; the culture
//! office can edit each text per year and mark a language as reviewed by a native speaker.
//! Each text may hold placeholders, filled from the year's data: `{first_name}`,
//! `{municipality}`, `{program}`, `{year}`, `{valid_to}`, `{contact}`, and `{n}` in
//! [`Part::Visits`].

pub mod texts;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The parts of a letter, in the order they are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Part {
    /// The heading.
    Heading,
    /// "{first_name} has been given an experience card from {municipality}…"
    Intro,
    /// Personal; free for the holder and one companion; never pay for what it covers.
    Personal,
    /// "In {year} the card can be used at these places:" (the venues follow).
    Where,
    /// A venue's visits per card: "{n} visits".
    Visits,
    /// A venue without a limit: "free entry all year".
    FreeEntry,
    /// Before what a venue's agreement does not cover: "Not covered:".
    NotCovered,
    /// How to use it: show the card; the venue ticks or scans.
    How,
    /// If it is lost.
    Lost,
    /// "The card is valid until {valid_to}."
    Valid,
    /// "Questions? Contact {contact}."
    Questions,
}

impl Part {
    pub const ALL: [Part; 11] = [
        Part::Heading,
        Part::Intro,
        Part::Personal,
        Part::Where,
        Part::Visits,
        Part::FreeEntry,
        Part::NotCovered,
        Part::How,
        Part::Lost,
        Part::Valid,
        Part::Questions,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Part::Heading => "heading",
            Part::Intro => "intro",
            Part::Personal => "personal",
            Part::Where => "where",
            Part::Visits => "visits",
            Part::FreeEntry => "freeEntry",
            Part::NotCovered => "notCovered",
            Part::How => "how",
            Part::Lost => "lost",
            Part::Valid => "valid",
            Part::Questions => "questions",
        }
    }

    pub fn parse(code: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.code() == code)
    }

    fn index(self) -> usize {
        Part::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// The bundled texts of a letter in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterTexts {
    /// The language: an ISO 639 code, or `nb-lett` for plain-language ("lettlest") Bokmål.
    pub lang: &'static str,
    /// Written right to left.
    pub rtl: bool,
    /// Checked by a native speaker before it was bundled. The office can mark an unreviewed
    /// language reviewed for its year once someone has checked it.
    pub reviewed: bool,
    /// One text per [`Part`], in the order of [`Part::ALL`].
    pub texts: [&'static str; 11],
}

impl LetterTexts {
    pub fn text(&self, part: Part) -> &'static str {
        self.texts[part.index()]
    }
}

/// The bundled texts of `lang`, if the letter is written in it.
pub fn bundled(lang: &str) -> Option<&'static LetterTexts> {
    texts::BUNDLED.iter().find(|t| t.lang == lang)
}

/// The language a holder's letter is written in: their own if the letter exists in it, else
/// English (and Bokmål is always printed beside it).
pub fn letter_lang(holder_lang: &str) -> &'static str {
    bundled(holder_lang).map_or("en", |t| t.lang)
}

/// Whether the language is written right to left (by its bundled texts).
pub fn is_rtl(lang: &str) -> bool {
    bundled(lang).is_some_and(|t| t.rtl)
}

/// What fills a letter's placeholders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    pub first_name: String,
    pub municipality: String,
    pub program: String,
    pub year: String,
    pub valid_to: String,
    pub contact: String,
}

/// `text` with its placeholders filled; `{n}` is the number given, where there is one.
pub fn fill(text: &str, facts: &Facts, n: Option<u32>) -> String {
    let mut out = text
        .replace("{first_name}", &facts.first_name)
        .replace("{municipality}", &facts.municipality)
        .replace("{program}", &facts.program)
        .replace("{year}", &facts.year)
        .replace("{valid_to}", &facts.valid_to)
        .replace("{contact}", &facts.contact);
    if let Some(n) = n {
        out = out.replace("{n}", &n.to_string());
    }
    out
}

/// The placeholders a part may hold; an edited text may use these and no others.
pub fn placeholders(part: Part) -> &'static [&'static str] {
    match part {
        Part::Visits => &["{n}"],
        Part::FreeEntry | Part::NotCovered | Part::How | Part::Lost => &[],
        _ => &[
            "{first_name}",
            "{municipality}",
            "{program}",
            "{year}",
            "{valid_to}",
            "{contact}",
        ],
    }
}

/// The placeholders in `text` that `part` does not know (a typo such as `{fornavn}`).
pub fn unknown_placeholders(part: Part, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let found = &rest[start..start + len + 1];
        if !placeholders(part).contains(&found) {
            out.push(found.to_string());
        }
        rest = &rest[start + len + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_language_has_every_part_with_only_known_placeholders() {
        let mut seen = std::collections::HashSet::new();
        for t in texts::BUNDLED {
            assert!(seen.insert(t.lang), "{} twice", t.lang);
            for part in Part::ALL {
                let text = t.text(part);
                assert!(!text.trim().is_empty(), "{} {:?}", t.lang, part);
                assert!(
                    unknown_placeholders(part, text).is_empty(),
                    "{} {:?}: {text}",
                    t.lang,
                    part
                );
            }
            assert!(t.text(Part::Visits).contains("{n}"), "{}", t.lang);
            assert!(t.text(Part::Valid).contains("{valid_to}"), "{}", t.lang);
            assert!(t.text(Part::Questions).contains("{contact}"), "{}", t.lang);
            assert!(t.text(Part::Intro).contains("{first_name}"), "{}", t.lang);
            let code = t.lang.trim_end_matches("-lett");
            assert!(crate::languages::find(code).is_some(), "{}", t.lang);
        }
    }

    #[test]
    fn the_letter_is_written_in_every_language_the_program_asks_for() {
        for lang in [
            "nb", "nb-lett", "nn", "en", "ar", "so", "ti", "uk", "pl", "prs", "ps", "ur", "ckb",
            "lt", "ta", "tr", "vi", "th",
        ] {
            assert!(bundled(lang).is_some(), "{lang}");
        }
        for rtl in ["ar", "prs", "ps", "ur", "ckb"] {
            assert!(is_rtl(rtl), "{rtl}");
        }
        assert!(!is_rtl("ti") && !is_rtl("nb"));
        assert_eq!(letter_lang("de"), "en", "no German letter yet: English");
        assert_eq!(letter_lang("ti"), "ti");
    }

    #[test]
    fn placeholders_are_filled_and_a_typo_is_found() {
        let facts = Facts {
            first_name: "ሰላም".into(),
            year: "2026".into(),
            ..Facts::default()
        };
        assert_eq!(
            fill("{first_name} {year} {n}", &facts, Some(5)),
            "ሰላም 2026 5"
        );
        assert_eq!(
            unknown_placeholders(Part::Intro, "Hei {fornavn} og {first_name}"),
            vec!["{fornavn}".to_string()]
        );
    }
}
