//! Feedback at year end: each year's questionnaires (made from the defaults the first time a
//! year's is asked for), the answers entered from returned forms — a family's by its card
//! number alone, with the holder's names taken out of what the family wrote — the answers
//! summed up, and the evaluation meeting.

use chrono::NaiveDate;
use okort_core::feedback::{
    default_questions, summarise, without_names, Answer, Question, QuestionKind, QuestionSummary,
    Respondent, Texts,
};
use okort_core::i18n::Problem;
use okort_core::{Action, Actor, Lang};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::cards::Resolved;
use crate::{audit, field_problem, require, StoreError, Workspace};

/// A year's questionnaire for families or for venues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    pub id: i64,
    pub year_id: i64,
    pub respondent: Respondent,
    pub questions: Vec<Question>,
}

/// One returned form: the card number or the venue it came from, never a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResponseRow {
    pub id: i64,
    pub card_number: Option<String>,
    pub venue_id: Option<i64>,
    pub venue_name: Option<String>,
    pub entered_at: String,
    /// The answers as stored, by question id.
    pub answers: Vec<(i64, String)>,
}

/// What saving a form did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResponseSaved {
    pub response_id: i64,
    /// The card (or venue) had answers already; they were replaced.
    pub replaced: bool,
    pub answered: usize,
}

/// The questionnaires' answers summed up, with how many forms came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackSummary {
    pub respondent: Respondent,
    #[ts(type = "number")]
    pub forms: u64,
    pub questions: Vec<QuestionSummary>,
}

/// The evaluation meeting of the culture office and NAV: agenda, minutes and the conclusions
/// the report closes with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationMeeting {
    pub year_id: i64,
    pub held_on: Option<NaiveDate>,
    pub agenda: String,
    pub minutes: String,
    pub conclusions: String,
}

/// The longest agenda, minutes or conclusions kept.
const MAX_MEETING_TEXT: usize = 20_000;

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "{}".into())
}

impl Workspace {
    /// The year's questionnaire for `respondent`; the first time, it is made from the defaults.
    pub fn questionnaire(
        &self,
        actor: &Actor,
        year_id: i64,
        respondent: Respondent,
    ) -> Result<Questionnaire, StoreError> {
        require(actor, Action::EnterFeedback)?;
        self.year(year_id)?;
        let id = match self.questionnaire_id(year_id, respondent)? {
            Some(id) => id,
            None => {
                let tx = self.conn.unchecked_transaction()?;
                // Another desk may have made it meanwhile: the write lock is held from here.
                let id = match self.questionnaire_id(year_id, respondent)? {
                    Some(id) => id,
                    None => {
                        tx.execute(
                            "INSERT INTO questionnaires (year_id, respondent) VALUES (?1, ?2)",
                            params![year_id, respondent.code()],
                        )?;
                        let id = tx.last_insert_rowid();
                        for (i, q) in default_questions(respondent).into_iter().enumerate() {
                            tx.execute(
                                "INSERT INTO questions (questionnaire_id, position, kind, texts,
                                                        choices, by_category)
                                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                params![
                                    id,
                                    i as u32 + 1,
                                    q.kind.code(),
                                    json(&q.texts),
                                    json(&q.choices),
                                    q.by_category
                                ],
                            )?;
                        }
                        id
                    }
                };
                tx.commit()?;
                id
            }
        };
        Ok(Questionnaire {
            id,
            year_id,
            respondent,
            questions: self.questions(id)?,
        })
    }

    fn questionnaire_id(
        &self,
        year_id: i64,
        respondent: Respondent,
    ) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM questionnaires WHERE year_id = ?1 AND respondent = ?2",
                params![year_id, respondent.code()],
                |r| r.get(0),
            )
            .optional()?)
    }

    fn questions(&self, questionnaire_id: i64) -> Result<Vec<Question>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, position, kind, texts, choices, by_category FROM questions
             WHERE questionnaire_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([questionnaire_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, position, kind, texts, choices, by_category) = row?;
            out.push(Question {
                id,
                position,
                kind: QuestionKind::parse(&kind).unwrap_or(QuestionKind::Text),
                texts: serde_json::from_str(&texts).unwrap_or_default(),
                choices: serde_json::from_str(&choices).unwrap_or_default(),
                by_category,
            });
        }
        Ok(out)
    }

    /// Writes a question in one language (a new language or a correction): the form then
    /// prints it to families who read that language. Empty text removes the language, except
    /// Bokmål, which every question keeps.
    pub fn set_question_text(
        &self,
        actor: &Actor,
        question_id: i64,
        lang: &str,
        text: &str,
    ) -> Result<Question, StoreError> {
        require(actor, Action::ManageFeedback)?;
        let lang = lang.trim();
        if okort_core::languages::find(lang).is_none() && lang != "nb-lett" {
            return Err(field_problem(
                "lang",
                Problem::UnknownLanguage {
                    value: lang.to_string(),
                },
            ));
        }
        let text = text.trim();
        if text.is_empty() && lang == "nb" {
            return Err(field_problem("text", Problem::Required));
        }
        if text.chars().count() > 500 {
            return Err(field_problem("text", Problem::TooLong { max: 500 }));
        }
        let tx = self.conn.unchecked_transaction()?;
        let (questionnaire_id, texts): (i64, String) = tx
            .query_row(
                "SELECT questionnaire_id, texts FROM questions WHERE id = ?1",
                [question_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::Missing {
                what: okort_core::i18n::Msg::ThingQuestion,
                id: question_id,
            })?;
        let mut texts: Texts = serde_json::from_str(&texts).unwrap_or_default();
        if text.is_empty() {
            texts.remove(lang);
        } else {
            texts.insert(lang.to_string(), text.to_string());
        }
        tx.execute(
            "UPDATE questions SET texts = ?2 WHERE id = ?1",
            params![question_id, json(&texts)],
        )?;
        audit::log(
            &tx,
            actor,
            "feedback.question",
            "question",
            Some(question_id),
            lang,
        )?;
        tx.commit()?;
        self.questions(questionnaire_id)?
            .into_iter()
            .find(|q| q.id == question_id)
            .ok_or(StoreError::Missing {
                what: okort_core::i18n::Msg::ThingQuestion,
                id: question_id,
            })
    }

    /// Checks a form's answers against the questions: each `(question id, answer as
    /// written)`; an answer to a question not on the form is refused.
    fn checked_answers(
        questions: &[Question],
        answers: &[(i64, String)],
    ) -> Result<Vec<(i64, Answer)>, StoreError> {
        let mut out = Vec::new();
        for (id, value) in answers {
            let q = questions
                .iter()
                .find(|q| q.id == *id)
                .ok_or(StoreError::Refused(Problem::NotAChoice))?;
            match q.check(value) {
                Ok(Some(a)) => out.push((q.id, a)),
                Ok(None) => {}
                Err(problem) => {
                    return Err(field_problem(
                        "answers",
                        Problem::InAnswer {
                            question: q.position,
                            problem: Box::new(problem),
                        },
                    ))
                }
            }
        }
        Ok(out)
    }

    /// Saves a family's returned form, found by the card number written on it (a typo in the
    /// number is named as such). Names of the holder written in the answers are taken out.
    /// A second form for the same card replaces the first.
    pub fn save_family_answers(
        &self,
        actor: &Actor,
        year_id: i64,
        card_number: &str,
        answers: &[(i64, String)],
    ) -> Result<ResponseSaved, StoreError> {
        require(actor, Action::EnterFeedback)?;
        let form = self.questionnaire(actor, year_id, Respondent::Family)?;
        // What is wrong with the number is said at the number.
        let at_number = |e: StoreError| match e {
            StoreError::Refused(p) => field_problem("cardNumber", p),
            other => other,
        };
        let card = match self.resolve_card(card_number.trim()).map_err(at_number)? {
            Resolved::Card { card, .. } => card,
            Resolved::Forged(_) => return Err(field_problem("cardNumber", Problem::CardForged)),
        };
        if card.year_id != year_id {
            return Err(field_problem(
                "cardNumber",
                Problem::CardOtherYear {
                    year: self.year(card.year_id)?.year,
                },
            ));
        }
        let names: (String, String) = self.conn.query_row(
            "SELECT first_name, last_name FROM holders WHERE id = ?1",
            [card.holder_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let checked = Self::checked_answers(&form.questions, answers)?
            .into_iter()
            .map(|(id, a)| match a {
                Answer::Text(t) => (id, Answer::Text(without_names(&t, &[&names.0, &names.1]))),
                other => (id, other),
            })
            .collect::<Vec<_>>();
        self.save_response(actor, form.id, Some(card.id), None, &checked)
    }

    /// Saves a venue's answers (entered by the culture office, or imported).
    pub fn save_venue_answers(
        &self,
        actor: &Actor,
        year_id: i64,
        venue_id: i64,
        answers: &[(i64, String)],
    ) -> Result<ResponseSaved, StoreError> {
        require(actor, Action::ManageFeedback)?;
        self.venue(venue_id)?;
        let form = self.questionnaire(actor, year_id, Respondent::Venue)?;
        let checked = Self::checked_answers(&form.questions, answers)?;
        self.save_response(actor, form.id, None, Some(venue_id), &checked)
    }

    fn save_response(
        &self,
        actor: &Actor,
        questionnaire_id: i64,
        card_id: Option<i64>,
        venue_id: Option<i64>,
        answers: &[(i64, Answer)],
    ) -> Result<ResponseSaved, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let saved = write_response(&tx, actor, questionnaire_id, card_id, venue_id, answers)?;
        tx.commit()?;
        Ok(saved)
    }

    /// The forms returned for a questionnaire, newest first: card numbers or venues, no names.
    pub fn feedback_responses(
        &self,
        actor: &Actor,
        year_id: i64,
        respondent: Respondent,
    ) -> Result<Vec<ResponseRow>, StoreError> {
        require(actor, Action::EnterFeedback)?;
        let Some(qid) = self.questionnaire_id(year_id, respondent)? else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare(
            "SELECT r.id, c.number, r.venue_id, v.name, r.entered_at
             FROM responses r LEFT JOIN cards c ON c.id = r.card_id
                              LEFT JOIN venues v ON v.id = r.venue_id
             WHERE r.questionnaire_id = ?1 ORDER BY r.entered_at DESC, r.id DESC",
        )?;
        let rows = stmt
            .query_map([qid], |r| {
                Ok(ResponseRow {
                    id: r.get(0)?,
                    card_number: r.get(1)?,
                    venue_id: r.get(2)?,
                    venue_name: r.get(3)?,
                    entered_at: r.get(4)?,
                    answers: Vec::new(),
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut answers = self
            .conn
            .prepare("SELECT question_id, value FROM answers WHERE response_id = ?1")?;
        rows.into_iter()
            .map(|mut row| {
                row.answers = answers
                    .query_map([row.id], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_, _>>()?;
                Ok(row)
            })
            .collect()
    }

    /// Every question of a questionnaire with its answers summed up; free texts without
    /// anything that links them to a card.
    pub fn feedback_summary(
        &self,
        actor: &Actor,
        year_id: i64,
        respondent: Respondent,
        lang: Lang,
    ) -> Result<FeedbackSummary, StoreError> {
        require(actor, Action::ReadStatistics)?;
        let Some(qid) = self.questionnaire_id(year_id, respondent)? else {
            return Ok(FeedbackSummary {
                respondent,
                forms: 0,
                questions: Vec::new(),
            });
        };
        let questions = self.questions(qid)?;
        let forms: u64 = self.conn.query_row(
            "SELECT COUNT(*) FROM responses WHERE questionnaire_id = ?1",
            [qid],
            |r| r.get(0),
        )?;
        let mut stmt = self.conn.prepare(
            "SELECT a.question_id, a.value FROM answers a
             JOIN responses r ON r.id = a.response_id
             WHERE r.questionnaire_id = ?1 ORDER BY r.entered_at, r.id",
        )?;
        let rows = stmt.query_map([qid], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut answers = Vec::new();
        for row in rows {
            let (id, value) = row?;
            if let Some(q) = questions.iter().find(|q| q.id == id) {
                if let Some(a) = Answer::from_stored(q.kind, &value) {
                    answers.push((id, a));
                }
            }
        }
        Ok(FeedbackSummary {
            respondent,
            forms,
            questions: summarise(&questions, &answers, lang),
        })
    }

    /// The year's evaluation meeting (empty until written).
    pub fn evaluation_meeting(
        &self,
        actor: &Actor,
        year_id: i64,
    ) -> Result<EvaluationMeeting, StoreError> {
        require(actor, Action::ReadStatistics)?;
        self.year(year_id)?;
        Ok(self
            .conn
            .query_row(
                "SELECT held_on, agenda, minutes, conclusions FROM evaluation_meetings
                 WHERE year_id = ?1",
                [year_id],
                |r| {
                    Ok(EvaluationMeeting {
                        year_id,
                        held_on: r.get(0)?,
                        agenda: r.get(1)?,
                        minutes: r.get(2)?,
                        conclusions: r.get(3)?,
                    })
                },
            )
            .optional()?
            .unwrap_or(EvaluationMeeting {
                year_id,
                ..EvaluationMeeting::default()
            }))
    }

    pub fn save_evaluation_meeting(
        &self,
        actor: &Actor,
        meeting: &EvaluationMeeting,
    ) -> Result<(), StoreError> {
        require(actor, Action::ManageFeedback)?;
        let year = self.year(meeting.year_id)?;
        for (field, text) in [
            ("agenda", &meeting.agenda),
            ("minutes", &meeting.minutes),
            ("conclusions", &meeting.conclusions),
        ] {
            if text.chars().count() > MAX_MEETING_TEXT {
                return Err(field_problem(
                    field,
                    Problem::TooLong {
                        max: MAX_MEETING_TEXT,
                    },
                ));
            }
        }
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO evaluation_meetings (year_id, held_on, agenda, minutes, conclusions)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (year_id) DO UPDATE SET held_on = excluded.held_on,
                agenda = excluded.agenda, minutes = excluded.minutes,
                conclusions = excluded.conclusions",
            params![
                meeting.year_id,
                meeting.held_on,
                meeting.agenda.trim(),
                meeting.minutes.trim(),
                meeting.conclusions.trim()
            ],
        )?;
        audit::log(
            &tx,
            actor,
            "feedback.meeting",
            "year",
            Some(meeting.year_id),
            &year.year.to_string(),
        )?;
        tx.commit()?;
        Ok(())
    }
}

impl Workspace {
    /// Imports venues' answers from a CSV or .xlsx file: a first column naming the venue (its
    /// name or organisation number), then one column per question headed by its number on the
    /// form ("1", "2", …). Every row is checked first; one bad cell refuses the whole file,
    /// each problem named by row and column. A venue already answered has its answers replaced.
    pub fn import_venue_answers(
        &self,
        actor: &Actor,
        year_id: i64,
        bytes: &[u8],
    ) -> Result<usize, StoreError> {
        use crate::exchange::{data_rows, header, read_table, RowProblem};
        require(actor, Action::ManageFeedback)?;
        let form = self.questionnaire(actor, year_id, Respondent::Venue)?;
        let table = read_table(bytes)?;
        let (header_row, head) = header(&table)?;
        // Which question each column answers.
        let mut columns: Vec<(usize, &Question)> = Vec::new();
        let mut problems = Vec::new();
        for (c, h) in head.iter().enumerate().skip(1) {
            let h = h.trim();
            if h.is_empty() {
                continue;
            }
            match form
                .questions
                .iter()
                .find(|q| h.parse::<u32>().ok() == Some(q.position))
            {
                Some(q) => columns.push((c, q)),
                None => problems.push(RowProblem {
                    row: header_row,
                    column: h.to_string(),
                    problem: Problem::UnknownColumn,
                }),
            }
        }
        let venues = self.list_venues()?;
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        let mut rows = Vec::new();
        for (row, cells) in data_rows(&table, header_row) {
            let who = cells.first().map(|c| c.trim()).unwrap_or("");
            let venue = venues.iter().find(|v| {
                v.name.eq_ignore_ascii_case(who)
                    || (!v.org_number.is_empty() && v.org_number == digits(who))
            });
            if venue.is_none() {
                problems.push(RowProblem {
                    row,
                    column: head.first().cloned().unwrap_or_default(),
                    problem: Problem::UnknownVenue {
                        value: who.to_string(),
                    },
                });
            }
            let mut answers = Vec::new();
            for (c, q) in &columns {
                let value = cells.get(*c).map(String::as_str).unwrap_or("");
                match q.check(value) {
                    Ok(Some(_)) => answers.push((q.id, value.to_string())),
                    Ok(None) => {}
                    Err(problem) => problems.push(RowProblem {
                        row,
                        column: head[*c].clone(),
                        problem,
                    }),
                }
            }
            if let Some(venue) = venue {
                rows.push((venue.id, answers));
            }
        }
        if !problems.is_empty() {
            return Err(StoreError::Import(problems));
        }
        // All or nothing: the rows go in under one write lock.
        let tx = self.conn.unchecked_transaction()?;
        for (venue_id, answers) in &rows {
            let checked = Self::checked_answers(&form.questions, answers)?;
            write_response(&tx, actor, form.id, None, Some(*venue_id), &checked)?;
        }
        tx.commit()?;
        Ok(rows.len())
    }
}

/// Writes one form's answers in `conn`'s transaction: a second form from the same card or
/// venue replaces the first.
fn write_response(
    conn: &rusqlite::Connection,
    actor: &Actor,
    questionnaire_id: i64,
    card_id: Option<i64>,
    venue_id: Option<i64>,
    answers: &[(i64, Answer)],
) -> Result<ResponseSaved, StoreError> {
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM responses WHERE questionnaire_id = ?1
             AND (card_id = ?2 OR venue_id = ?3)",
            params![questionnaire_id, card_id, venue_id],
            |r| r.get(0),
        )
        .optional()?;
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let response_id = match existing {
        Some(id) => {
            conn.execute("DELETE FROM answers WHERE response_id = ?1", [id])?;
            conn.execute(
                "UPDATE responses SET entered_by = ?2, entered_at = ?3 WHERE id = ?1",
                params![id, actor.user_id, at],
            )?;
            id
        }
        None => {
            conn.execute(
                "INSERT INTO responses (questionnaire_id, card_id, venue_id, entered_by,
                                        entered_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![questionnaire_id, card_id, venue_id, actor.user_id, at],
            )?;
            conn.last_insert_rowid()
        }
    };
    for (question_id, answer) in answers {
        conn.execute(
            "INSERT INTO answers (response_id, question_id, value) VALUES (?1, ?2, ?3)",
            params![response_id, question_id, answer.stored()],
        )?;
    }
    audit::log(
        conn,
        actor,
        "feedback.answers",
        "response",
        Some(response_id),
        &answers.len().to_string(),
    )?;
    Ok(ResponseSaved {
        response_id,
        replaced: existing.is_some(),
        answered: answers.len(),
    })
}
