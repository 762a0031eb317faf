//! The information letter's texts per program year: the bundled text of each language unless
//! the culture office edited it for the year, and whether each language was checked by a
//! native speaker (bundled as reviewed, or marked so by the office for the year).

use crate::{field_problem, require, StoreError, Workspace};
use okort_core::i18n::Problem;
use okort_core::letters::{self, Part};
use okort_core::{Action, Actor};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

/// A language the letter is written in, as the office's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterLanguage {
    /// ISO 639 code, or `nb-lett` for plain-language Bokmål.
    pub lang: String,
    /// The language's name in itself.
    pub name: String,
    /// Its name in Bokmål, in Nynorsk and in English.
    pub nb: String,
    pub nn: String,
    pub en: String,
    pub rtl: bool,
    /// Checked by a native speaker: bundled as checked, or marked by the office this year.
    pub reviewed: bool,
    /// Who checked it this year and when (dd.mm.åååå), when the office marked it.
    pub reviewed_by: Option<String>,
    pub reviewed_on: Option<String>,
    /// How many of its texts the office edited for the year.
    pub edited: u32,
}

/// One text of a letter as it will print for the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LetterText {
    pub part: Part,
    pub text: String,
    /// The bundled text (what "reset" goes back to).
    pub bundled: String,
    pub edited: bool,
    /// The placeholders this part may hold.
    pub placeholders: Vec<String>,
}

impl Workspace {
    /// The language of each holder with a card in the year, by holder id: which letter a
    /// family gets. The culture office may read it with the summaries (it prints the letters).
    pub fn holder_languages(
        &self,
        actor: &Actor,
        year_id: i64,
    ) -> Result<std::collections::HashMap<i64, String>, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT h.id, h.language FROM holders h JOIN cards c ON c.holder_id = h.id
             WHERE c.year_id = ?1",
        )?;
        let rows = stmt.query_map([year_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every language the letter is written in, with its status for the year.
    pub fn letter_languages(&self, year_id: i64) -> Result<Vec<LetterLanguage>, StoreError> {
        self.year(year_id)?;
        let mut out = Vec::new();
        for t in letters::texts::BUNDLED {
            let review: Option<(String, String)> = self
                .conn
                .query_row(
                    "SELECT reviewer, reviewed_on FROM letter_reviews WHERE year_id = ?1 AND lang = ?2",
                    params![year_id, t.lang],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let edited: u32 = self.conn.query_row(
                "SELECT COUNT(*) FROM letter_texts WHERE year_id = ?1 AND lang = ?2",
                params![year_id, t.lang],
                |r| r.get(0),
            )?;
            let code = t.lang.trim_end_matches("-lett");
            let language = okort_core::languages::find(code);
            let plain = t.lang.ends_with("-lett");
            let name = |n: &str| {
                if plain {
                    format!("{n} (lettlest)")
                } else {
                    n.to_string()
                }
            };
            out.push(LetterLanguage {
                lang: t.lang.to_string(),
                name: name(language.map_or(t.lang, |l| l.own)),
                nb: name(language.map_or(t.lang, |l| l.nb)),
                nn: name(language.map_or(t.lang, |l| l.nn)),
                en: name(language.map_or(t.lang, |l| l.en)),
                rtl: t.rtl,
                reviewed: t.reviewed || review.is_some(),
                reviewed_on: review.as_ref().map(|(_, on)| on.clone()),
                reviewed_by: review.map(|(by, _)| by),
                edited,
            });
        }
        Ok(out)
    }

    /// The texts of the letter in `lang` for the year, as they will print.
    pub fn letter_texts(&self, year_id: i64, lang: &str) -> Result<Vec<LetterText>, StoreError> {
        let bundled = letters::bundled(lang).ok_or(StoreError::Refused(Problem::Unknown {
            value: lang.to_string(),
            allowed: "nb, nb-lett, nn, en, ar, so, ti, uk, …",
        }))?;
        self.year(year_id)?;
        let mut out = Vec::new();
        for part in Part::ALL {
            let edited: Option<String> = self
                .conn
                .query_row(
                    "SELECT text FROM letter_texts WHERE year_id = ?1 AND lang = ?2 AND part = ?3",
                    params![year_id, lang, part.code()],
                    |r| r.get(0),
                )
                .optional()?;
            out.push(LetterText {
                part,
                edited: edited.is_some(),
                text: edited.unwrap_or_else(|| bundled.text(part).to_string()),
                bundled: bundled.text(part).to_string(),
                placeholders: letters::placeholders(part)
                    .iter()
                    .map(|p| p.to_string())
                    .collect(),
            });
        }
        Ok(out)
    }

    /// Saves the office's text of one part for the year; an empty text, or the bundled one,
    /// goes back to the bundled text. A placeholder the part does not know is refused.
    pub fn save_letter_text(
        &self,
        actor: &Actor,
        year_id: i64,
        lang: &str,
        part: Part,
        text: &str,
    ) -> Result<Vec<LetterText>, StoreError> {
        require(actor, Action::ManageProgram)?;
        let bundled = self.letter_texts(year_id, lang)?;
        let text = text.trim();
        let unknown = letters::unknown_placeholders(part, text);
        if let Some(first) = unknown.into_iter().next() {
            return Err(field_problem(
                "text",
                Problem::UnknownPlaceholder {
                    found: first,
                    allowed: letters::placeholders(part).join(" "),
                },
            ));
        }
        if text.chars().count() > 2000 {
            return Err(field_problem("text", Problem::TooLong { max: 2000 }));
        }
        let tx = self.conn.unchecked_transaction()?;
        let is_bundled = bundled.iter().any(|t| t.part == part && t.bundled == text);
        if text.is_empty() || is_bundled {
            tx.execute(
                "DELETE FROM letter_texts WHERE year_id = ?1 AND lang = ?2 AND part = ?3",
                params![year_id, lang, part.code()],
            )?;
        } else {
            tx.execute(
                "INSERT INTO letter_texts (year_id, lang, part, text) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (year_id, lang, part) DO UPDATE SET text = excluded.text",
                params![year_id, lang, part.code(), text],
            )?;
        }
        let detail = format!("{lang} {}", part.code());
        crate::audit::log(&tx, actor, "letter.text", "year", Some(year_id), &detail)?;
        tx.commit()?;
        self.letter_texts(year_id, lang)
    }

    /// Marks the letter in `lang` checked for the year by `reviewer` on `on`, or (with no
    /// reviewer) takes the mark away.
    pub fn set_letter_reviewed(
        &self,
        actor: &Actor,
        year_id: i64,
        lang: &str,
        reviewer: Option<&str>,
        on: chrono::NaiveDate,
    ) -> Result<(), StoreError> {
        require(actor, Action::ManageProgram)?;
        self.letter_texts(year_id, lang)?;
        let tx = self.conn.unchecked_transaction()?;
        match reviewer.map(str::trim).filter(|r| !r.is_empty()) {
            Some(reviewer) => {
                tx.execute(
                    "INSERT INTO letter_reviews (year_id, lang, reviewer, reviewed_on)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (year_id, lang) DO UPDATE SET reviewer = excluded.reviewer,
                        reviewed_on = excluded.reviewed_on",
                    params![year_id, lang, reviewer, okort_core::dates::format_date(on)],
                )?;
            }
            None => {
                tx.execute(
                    "DELETE FROM letter_reviews WHERE year_id = ?1 AND lang = ?2",
                    params![year_id, lang],
                )?;
            }
        }
        crate::audit::log(&tx, actor, "letter.review", "year", Some(year_id), lang)?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::workspace;
    use okort_core::letters::Part;
    use okort_core::Actor;

    #[test]
    fn an_edited_text_prints_for_its_year_and_goes_back_to_the_bundled_one() {
        let (_dir, ws) = workspace();
        let admin = Actor::command_line();
        let year = ws
            .save_year(
                &admin,
                okort_core::ProgramYearInput::new_for(2026).expect("y"),
            )
            .expect("year");
        let before = ws.letter_texts(year.id, "ti").expect("texts");
        assert!(before.iter().all(|t| !t.edited));
        let texts = ws
            .save_letter_text(&admin, year.id, "ti", Part::Lost, "ካርድ እንተጠፍአ ን NAV ተወከሱ።")
            .expect("saved");
        let lost = texts.iter().find(|t| t.part == Part::Lost).expect("lost");
        assert!(lost.edited);
        let langs = ws.letter_languages(year.id).expect("languages");
        let ti = langs.iter().find(|l| l.lang == "ti").expect("ti");
        assert_eq!(
            (ti.edited, ti.reviewed, ti.name.as_str()),
            (1, false, "ትግርኛ")
        );
        assert!(langs.iter().any(|l| l.lang == "nb-lett" && l.reviewed));
        // A typo in a placeholder is refused, naming it.
        let err = ws
            .save_letter_text(&admin, year.id, "ti", Part::Valid, "{gyldig_til}")
            .expect_err("typo");
        assert!(err.message(okort_core::Lang::Nb).contains("{gyldig_til}"));
        // Marked reviewed, then back to the bundled text.
        let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 1).expect("d");
        ws.set_letter_reviewed(&admin, year.id, "ti", Some("Selam T."), day)
            .expect("reviewed");
        let ti = ws
            .letter_languages(year.id)
            .expect("l")
            .into_iter()
            .find(|l| l.lang == "ti");
        assert_eq!(
            ti.map(|l| (l.reviewed, l.reviewed_by)),
            Some((true, Some("Selam T.".into())))
        );
        let texts = ws
            .save_letter_text(&admin, year.id, "ti", Part::Lost, "")
            .expect("reset");
        assert!(texts.iter().all(|t| !t.edited));
        assert!(ws.letter_texts(year.id, "xx").is_err());
    }
}
