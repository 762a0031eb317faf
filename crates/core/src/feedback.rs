//! Feedback at year end: a questionnaire for families (printed in their language, the card
//! number the only link) and one for venues, their answers checked and summed up. Plain types
//! and rules; the store keeps them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

use crate::i18n::{Msg, Problem};
use crate::model::VenueCategory;
use crate::Lang;

/// Who answers a questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Respondent {
    Family,
    Venue,
}

impl Respondent {
    pub fn code(self) -> &'static str {
        match self {
            Respondent::Family => "family",
            Respondent::Venue => "venue",
        }
    }

    pub fn parse(s: &str) -> Option<Respondent> {
        match s.trim().to_lowercase().as_str() {
            "family" | "familie" | "families" | "familiar" => Some(Respondent::Family),
            "venue" | "venues" | "brukersted" | "brukarstad" => Some(Respondent::Venue),
            _ => None,
        }
    }
}

/// The kinds of question a form can ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum QuestionKind {
    /// 1 to 5.
    Scale,
    YesNo,
    /// One of the question's choices.
    Choice,
    /// Free text.
    Text,
}

impl QuestionKind {
    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::Scale => "scale",
            QuestionKind::YesNo => "yesNo",
            QuestionKind::Choice => "choice",
            QuestionKind::Text => "text",
        }
    }

    pub fn parse(s: &str) -> Option<QuestionKind> {
        match s {
            "scale" => Some(QuestionKind::Scale),
            "yesNo" => Some(QuestionKind::YesNo),
            "choice" => Some(QuestionKind::Choice),
            "text" => Some(QuestionKind::Text),
            _ => None,
        }
    }
}

/// A text in several languages: language code → text.
pub type Texts = BTreeMap<String, String>;

/// The longest free-text answer kept.
pub const MAX_TEXT_ANSWER: usize = 2000;

/// One question of a questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Question {
    pub id: i64,
    pub position: u32,
    pub kind: QuestionKind,
    /// The question in each language it is written in (always Bokmål).
    pub texts: Texts,
    /// For a choice question: each choice in its languages.
    pub choices: Vec<Texts>,
    /// The choices are the venue categories, in their order: answers are summed up by
    /// category ("what did you miss").
    pub by_category: bool,
}

/// A text in `lang`, else in Bokmål.
pub fn text_in<'a>(texts: &'a Texts, lang: &str) -> &'a str {
    texts
        .get(lang)
        .or_else(|| texts.get("nb"))
        .map(String::as_str)
        .unwrap_or("")
}

impl Question {
    pub fn text(&self, lang: &str) -> &str {
        text_in(&self.texts, lang)
    }

    /// Checks an answer as written on a form or a file: "1"–"5" for a scale, yes/no (ja/nei)
    /// for yes or no, the choice's number (from 1) or its text for a choice, anything up to
    /// 2000 characters for text. An empty answer is no answer (`None`).
    pub fn check(&self, value: &str) -> Result<Option<Answer>, Problem> {
        let v = value.trim();
        if v.is_empty() {
            return Ok(None);
        }
        let answer = match self.kind {
            QuestionKind::Scale => match v.parse::<u8>() {
                Ok(n @ 1..=5) => Answer::Scale(n),
                _ => return Err(Problem::AnswerScale),
            },
            QuestionKind::YesNo => match v.to_lowercase().as_str() {
                "ja" | "yes" | "j" | "y" | "1" | "true" => Answer::YesNo(true),
                "nei" | "no" | "n" | "0" | "false" => Answer::YesNo(false),
                _ => return Err(Problem::AnswerYesNo),
            },
            QuestionKind::Choice => {
                let by_number = v
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=self.choices.len()).contains(n))
                    .map(|n| n - 1);
                let by_text = || {
                    self.choices
                        .iter()
                        .position(|c| c.values().any(|t| t.trim().eq_ignore_ascii_case(v)))
                };
                match by_number.or_else(by_text) {
                    Some(i) => Answer::Choice(i as u16),
                    None => {
                        return Err(Problem::AnswerChoice {
                            count: self.choices.len(),
                        })
                    }
                }
            }
            QuestionKind::Text => {
                if v.chars().count() > MAX_TEXT_ANSWER {
                    return Err(Problem::TooLong {
                        max: MAX_TEXT_ANSWER,
                    });
                }
                Answer::Text(v.to_string())
            }
        };
        Ok(Some(answer))
    }
}

/// One answer, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind", content = "value")]
pub enum Answer {
    Scale(u8),
    YesNo(bool),
    Choice(u16),
    Text(String),
}

impl Answer {
    /// As kept in the workspace: "4", "yes", "2" (the choice's index), the text.
    pub fn stored(&self) -> String {
        match self {
            Answer::Scale(n) => n.to_string(),
            Answer::YesNo(true) => "yes".into(),
            Answer::YesNo(false) => "no".into(),
            Answer::Choice(i) => i.to_string(),
            Answer::Text(t) => t.clone(),
        }
    }

    /// Read back from the workspace for a question of `kind`.
    pub fn from_stored(kind: QuestionKind, s: &str) -> Option<Answer> {
        Some(match kind {
            QuestionKind::Scale => Answer::Scale(s.parse().ok()?),
            QuestionKind::YesNo => Answer::YesNo(s == "yes"),
            QuestionKind::Choice => Answer::Choice(s.parse().ok()?),
            QuestionKind::Text => Answer::Text(s.to_string()),
        })
    }
}

/// A free-text answer with the names it must not carry taken out: each of `names` (a
/// holder's first and last name, two letters or more) written in the text, in any case, becomes
/// "…". The text stays as the family wrote it otherwise.
pub fn without_names(text: &str, names: &[&str]) -> String {
    let mut out = text.to_string();
    for name in names
        .iter()
        .map(|n| n.trim())
        .filter(|n| n.chars().count() >= 2)
    {
        let lower_out = out.to_lowercase();
        let lower_name = name.to_lowercase();
        // Case-insensitive replacement that keeps the rest of the text's case; fall back to an
        // exact match where lower-casing changes the text's length.
        if lower_out.len() == out.len() && lower_name.len() == name.len() {
            let mut result = String::with_capacity(out.len());
            let mut i = 0;
            while let Some(found) = lower_out[i..].find(&lower_name) {
                let start = i + found;
                result.push_str(&out[i..start]);
                result.push('…');
                i = start + name.len();
            }
            result.push_str(&out[i..]);
            out = result;
        } else {
            out = out.replace(name, "…");
        }
    }
    out
}

/// One question summed up over every answer to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QuestionSummary {
    pub question_id: i64,
    pub text: String,
    pub kind: QuestionKind,
    #[ts(type = "number")]
    pub answered: u64,
    /// Scale: how many answered 1, 2, 3, 4 and 5; yes/no: yes then no; choice: each choice.
    pub counts: Vec<u64>,
    /// The labels of `counts`.
    pub labels: Vec<String>,
    /// Scale: the mean in hundredths (4.25 is 425).
    pub mean_hundredths: Option<u32>,
    /// Free texts, newest first, with no name or card number beside them.
    pub texts: Vec<String>,
}

/// The answers to each question summed up, in the reader's language (`lang` for texts the
/// questionnaire has in it, the UI language for the rest).
pub fn summarise(
    questions: &[Question],
    answers: &[(i64, Answer)],
    lang: Lang,
) -> Vec<QuestionSummary> {
    questions
        .iter()
        .map(|q| {
            let mine: Vec<&Answer> = answers
                .iter()
                .filter(|(id, _)| *id == q.id)
                .map(|(_, a)| a)
                .collect();
            let (labels, counts): (Vec<String>, Vec<u64>) = match q.kind {
                QuestionKind::Scale => (1..=5u8)
                    .map(|n| {
                        let c = mine.iter().filter(|a| **a == &Answer::Scale(n)).count();
                        (n.to_string(), c as u64)
                    })
                    .unzip(),
                QuestionKind::YesNo => [(true, Msg::FeedbackYes), (false, Msg::FeedbackNo)]
                    .into_iter()
                    .map(|(yes, label)| {
                        let c = mine.iter().filter(|a| **a == &Answer::YesNo(yes)).count();
                        (label.text(lang), c as u64)
                    })
                    .unzip(),
                QuestionKind::Choice => q
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, choice)| {
                        let c = mine
                            .iter()
                            .filter(|a| **a == &Answer::Choice(i as u16))
                            .count();
                        (text_in(choice, lang.code()).to_string(), c as u64)
                    })
                    .unzip(),
                QuestionKind::Text => (Vec::new(), Vec::new()),
            };
            let scale: Vec<u32> = mine
                .iter()
                .filter_map(|a| match a {
                    Answer::Scale(n) => Some(u32::from(*n)),
                    _ => None,
                })
                .collect();
            let mean_hundredths = (!scale.is_empty()).then(|| {
                let n = scale.len() as u32;
                (scale.iter().sum::<u32>() * 200 + n) / (2 * n)
            });
            let mut texts: Vec<String> = mine
                .iter()
                .filter_map(|a| match a {
                    Answer::Text(t) => Some(t.clone()),
                    _ => None,
                })
                .collect();
            texts.reverse();
            QuestionSummary {
                question_id: q.id,
                text: q.text(lang.code()).to_string(),
                kind: q.kind,
                answered: mine.len() as u64,
                counts,
                labels,
                mean_hundredths,
                texts,
            }
        })
        .collect()
}

/// A question of a default questionnaire, before it is stored.
pub struct DefaultQuestion {
    pub kind: QuestionKind,
    pub texts: Texts,
    pub choices: Vec<Texts>,
    pub by_category: bool,
}

fn texts_of(msg: &Msg) -> Texts {
    [Lang::Nb, Lang::Nn, Lang::En]
        .into_iter()
        .map(|l| (l.code().to_string(), msg.text(l)))
        .collect()
}

fn category_choices() -> Vec<Texts> {
    VenueCategory::ALL
        .iter()
        .map(|c| {
            [Lang::Nb, Lang::Nn, Lang::En]
                .into_iter()
                .map(|l| (l.code().to_string(), crate::i18n::sentence(c.label(l))))
                .collect()
        })
        .collect()
}

/// The questions a year starts with, from the program's own evaluation: did the family use
/// the card, what for, what they missed, whether anything went wrong at a venue, whether the
/// information was understandable; venues: how many holders came, problems at the desk,
/// whether they go on.
pub fn default_questions(respondent: Respondent) -> Vec<DefaultQuestion> {
    use QuestionKind::*;
    let q = |kind, msg: Msg| DefaultQuestion {
        kind,
        texts: texts_of(&msg),
        choices: Vec::new(),
        by_category: false,
    };
    let by_category = |msg: Msg| DefaultQuestion {
        kind: Choice,
        texts: texts_of(&msg),
        choices: category_choices(),
        by_category: true,
    };
    match respondent {
        Respondent::Family => vec![
            q(YesNo, Msg::QFamilyUsed),
            q(Scale, Msg::QFamilyHappy),
            by_category(Msg::QFamilyUsedMost),
            by_category(Msg::QFamilyMissed),
            q(YesNo, Msg::QFamilyWentWrong),
            q(Text, Msg::QFamilyWhatWentWrong),
            q(Scale, Msg::QFamilyInformation),
            q(Text, Msg::QFamilyOther),
        ],
        Respondent::Venue => vec![
            DefaultQuestion {
                kind: Choice,
                texts: texts_of(&Msg::QVenueHowMany),
                choices: ["0", "1–10", "11–50", "51+"]
                    .iter()
                    .map(|c| [("nb".to_string(), c.to_string())].into_iter().collect())
                    .collect(),
                by_category: false,
            },
            q(YesNo, Msg::QVenueProblems),
            q(Text, Msg::QVenueWhatProblems),
            q(YesNo, Msg::QVenueContinue),
            q(Scale, Msg::QVenueHappy),
            q(Text, Msg::QVenueOther),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: i64, kind: QuestionKind, choices: usize) -> Question {
        Question {
            id,
            position: id as u32,
            kind,
            texts: [("nb".to_string(), format!("Spørsmål {id}"))]
                .into_iter()
                .collect(),
            choices: (0..choices)
                .map(|i| {
                    [
                        ("nb".to_string(), format!("valg {i}")),
                        ("en".to_string(), format!("choice {i}")),
                    ]
                    .into_iter()
                    .collect()
                })
                .collect(),
            by_category: false,
        }
    }

    #[test]
    fn answers_are_read_as_written_on_a_form_and_bad_ones_named() {
        let scale = question(1, QuestionKind::Scale, 0);
        assert_eq!(scale.check(" 4 "), Ok(Some(Answer::Scale(4))));
        assert_eq!(scale.check(""), Ok(None));
        assert_eq!(scale.check("6"), Err(Problem::AnswerScale));
        assert_eq!(scale.check("fire"), Err(Problem::AnswerScale));
        let yes = question(2, QuestionKind::YesNo, 0);
        assert_eq!(yes.check("Ja"), Ok(Some(Answer::YesNo(true))));
        assert_eq!(yes.check("no"), Ok(Some(Answer::YesNo(false))));
        assert_eq!(yes.check("kanskje"), Err(Problem::AnswerYesNo));
        let choice = question(3, QuestionKind::Choice, 3);
        assert_eq!(choice.check("2"), Ok(Some(Answer::Choice(1))));
        assert_eq!(choice.check("Choice 2"), Ok(Some(Answer::Choice(2))));
        assert_eq!(choice.check("4"), Err(Problem::AnswerChoice { count: 3 }));
        let text = question(4, QuestionKind::Text, 0);
        assert_eq!(
            text.check(&"x".repeat(2001)),
            Err(Problem::TooLong { max: 2000 })
        );
    }

    #[test]
    fn a_free_text_loses_the_holders_names_in_any_case() {
        assert_eq!(
            without_names(
                "Amira likte kino. AMIRA sin bror også. Hansen-familien",
                &["Amira", "Hansen"]
            ),
            "… likte kino. … sin bror også. …-familien"
        );
        assert_eq!(
            without_names("Ingen navn her", &["A", ""]),
            "Ingen navn her"
        );
        assert_eq!(without_names("Ali Ødegård", &["ødegård"]), "Ali …");
    }

    #[test]
    fn answers_are_summed_up_per_question() {
        let qs = vec![
            question(1, QuestionKind::Scale, 0),
            question(2, QuestionKind::YesNo, 0),
            question(3, QuestionKind::Choice, 2),
            question(4, QuestionKind::Text, 0),
        ];
        let answers = vec![
            (1, Answer::Scale(4)),
            (1, Answer::Scale(5)),
            (1, Answer::Scale(5)),
            (2, Answer::YesNo(true)),
            (2, Answer::YesNo(false)),
            (2, Answer::YesNo(true)),
            (3, Answer::Choice(1)),
            (4, Answer::Text("først".into())),
            (4, Answer::Text("sist".into())),
        ];
        let s = summarise(&qs, &answers, Lang::En);
        assert_eq!(s[0].counts, [0, 0, 0, 1, 2]);
        // (4 + 5 + 5) / 3 = 4.666… → 4.67.
        assert_eq!(s[0].mean_hundredths, Some(467));
        assert_eq!(
            (s[1].labels.clone(), s[1].counts.clone()),
            (vec!["Yes".to_string(), "No".to_string()], vec![2, 1])
        );
        assert_eq!(s[2].labels, ["choice 0", "choice 1"]);
        assert_eq!(s[2].counts, [0, 1]);
        assert_eq!(s[3].texts, ["sist", "først"]);
        assert_eq!(s[3].answered, 2);
        assert_eq!(
            s[0].text, "Spørsmål 1",
            "Bokmål where the question has no English"
        );
    }

    #[test]
    fn the_default_questionnaires_ask_what_the_programs_evaluation_asked() {
        let family = default_questions(Respondent::Family);
        assert_eq!(family.len(), 8);
        let missed = &family[3];
        assert!(missed.by_category);
        assert_eq!(missed.choices.len(), VenueCategory::ALL.len());
        for q in family.iter().chain(&default_questions(Respondent::Venue)) {
            for lang in ["nb", "nn", "en"] {
                assert!(!q.texts[lang].is_empty());
            }
        }
    }
}
