//! `okort feedback`: the families' paper forms, answers typed in from them, the summary, the
//! evaluation meeting; and `okort report year`, the evaluation report.

use crate::common::{acting, parse_day, to_json, year_id};
use clap::Subcommand;
use okort_core::feedback::Respondent;
use okort_core::i18n::{CliMsg, Msg, Problem};
use okort_core::Lang;
use okort_store::{StoreError, Workspace};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum FeedbackCommand {
    /// The year's questions for families or venues, numbered as on the form.
    Questions {
        #[arg(long)]
        year: i32,
        /// family or venue
        #[arg(long = "for", value_parser = parse_respondent, default_value = "family")]
        respondent: Respondent,
    },
    /// A paper form for each active card, in its family's language, into one PDF.
    Forms {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: PathBuf,
    },
    /// Type in a returned form: the card number written on it (or --venue ID for a venue's)
    /// and each answer as NUMBER=ANSWER (4, ja, nei, a choice's number, or text).
    Answer {
        #[arg(long)]
        year: i32,
        #[arg(long, required_unless_present = "venue")]
        card: Option<String>,
        #[arg(long, conflicts_with = "card")]
        venue: Option<i64>,
        #[arg(long = "answer", value_name = "NR=SVAR")]
        answers: Vec<String>,
    },
    /// Import venues' answers from CSV or .xlsx: the venue (name or organisation number), then
    /// a column per question number. All or nothing.
    ImportVenues {
        #[arg(long)]
        year: i32,
        file: PathBuf,
    },
    /// Every question with its answers summed up.
    Summary {
        #[arg(long)]
        year: i32,
        #[arg(long = "for", value_parser = parse_respondent, default_value = "family")]
        respondent: Respondent,
        #[arg(long)]
        json: bool,
    },
    /// Write the evaluation meeting: each text from a file (UTF-8), the date it was held.
    Meeting {
        #[arg(long)]
        year: i32,
        #[arg(long, value_parser = parse_day)]
        date: Option<chrono::NaiveDate>,
        #[arg(long, value_name = "FIL")]
        agenda: Option<PathBuf>,
        #[arg(long, value_name = "FIL")]
        minutes: Option<PathBuf>,
        #[arg(long, value_name = "FIL")]
        conclusions: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum ReportCommand {
    /// The year's evaluation report as PDF: key figures, charts, tables, feedback, meeting.
    Year {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        out: PathBuf,
    },
}

fn parse_respondent(s: &str) -> Result<Respondent, String> {
    Respondent::parse(s).ok_or_else(|| {
        Problem::Unknown {
            value: s.to_string(),
            allowed: "family, venue",
        }
        .message(crate::common::argument_lang())
    })
}

pub fn run(ws: &mut Workspace, command: FeedbackCommand, lang: Lang) -> Result<(), StoreError> {
    let actor = acting(ws)?;
    match command {
        FeedbackCommand::Questions { year, respondent } => {
            let form = ws.questionnaire(&actor, year_id(ws, year)?, respondent)?;
            for q in &form.questions {
                out!(
                    "{}. {} [{}]",
                    q.position,
                    q.text(lang.code()),
                    q.kind.code()
                );
                for (i, c) in q.choices.iter().enumerate() {
                    out!(
                        "   {}) {}",
                        i + 1,
                        okort_core::feedback::text_in(c, lang.code())
                    );
                }
            }
        }
        FeedbackCommand::Forms { year, out } => {
            let doc =
                okort_documents::read_feedback_forms(ws, &actor, year_id(ws, year)?, None, lang)?;
            let pdf = doc.pdf().map_err(okort_documents::DocError::from)?;
            okort_store::write_file(&out, &pdf)?;
            out!(
                "{}",
                Msg::FormsSaved {
                    count: doc.forms.len(),
                    path: out.display().to_string(),
                }
                .text(lang)
            );
        }
        FeedbackCommand::Answer {
            year,
            card,
            venue,
            answers,
        } => {
            let year = year_id(ws, year)?;
            let respondent = if venue.is_some() {
                Respondent::Venue
            } else {
                Respondent::Family
            };
            let form = ws.questionnaire(&actor, year, respondent)?;
            let mut pairs = Vec::new();
            for a in &answers {
                let (n, value) = a.split_once('=').ok_or_else(|| {
                    StoreError::Refused(Problem::Unknown {
                        value: a.clone(),
                        allowed: "NR=SVAR",
                    })
                })?;
                let q = form
                    .questions
                    .iter()
                    .find(|q| n.trim().parse::<u32>().ok() == Some(q.position))
                    .ok_or_else(|| {
                        StoreError::Refused(Problem::Unknown {
                            value: n.to_string(),
                            allowed: "1, 2, 3, …",
                        })
                    })?;
                pairs.push((q.id, value.to_string()));
            }
            let saved = match (card, venue) {
                (_, Some(v)) => ws.save_venue_answers(&actor, year, v, &pairs)?,
                (Some(c), None) => ws.save_family_answers(&actor, year, &c, &pairs)?,
                (None, None) => return Err(StoreError::Refused(Problem::Required)),
            };
            let said = if saved.replaced {
                CliMsg::FeedbackReplaced {
                    answers: saved.answered,
                }
            } else {
                CliMsg::FeedbackSaved {
                    answers: saved.answered,
                }
            };
            out!("{}", said.text(lang));
        }
        FeedbackCommand::ImportVenues { year, file } => {
            let bytes = std::fs::read(&file)?;
            let n = ws.import_venue_answers(&actor, year_id(ws, year)?, &bytes)?;
            out!("{}", CliMsg::VenueAnswersImported { count: n }.text(lang));
        }
        FeedbackCommand::Summary {
            year,
            respondent,
            json,
        } => {
            let s = ws.feedback_summary(&actor, year_id(ws, year)?, respondent, lang)?;
            if json {
                out!("{}", to_json(&s)?);
                return Ok(());
            }
            out!(
                "{}",
                Msg::ReportFormsReturned {
                    forms: okort_core::stats::shown(s.forms),
                }
                .text(lang)
            );
            for (i, q) in s.questions.iter().enumerate() {
                out!("{}. {}", i + 1, q.text);
                for (label, n) in q.labels.iter().zip(&q.counts) {
                    out!("   {label:<30} {:>6}", okort_core::stats::shown(*n));
                }
                for t in &q.texts {
                    out!("   – {t}");
                }
            }
        }
        FeedbackCommand::Meeting {
            year,
            date,
            agenda,
            minutes,
            conclusions,
        } => {
            let year = year_id(ws, year)?;
            let mut meeting = ws.evaluation_meeting(&actor, year)?;
            let read = |p: &PathBuf| std::fs::read_to_string(p).map_err(StoreError::Io);
            if let Some(d) = date {
                meeting.held_on = Some(d);
            }
            if let Some(p) = &agenda {
                meeting.agenda = read(p)?;
            }
            if let Some(p) = &minutes {
                meeting.minutes = read(p)?;
            }
            if let Some(p) = &conclusions {
                meeting.conclusions = read(p)?;
            }
            ws.save_evaluation_meeting(&actor, &meeting)?;
            out!("{}", CliMsg::MeetingSaved.text(lang));
        }
    }
    Ok(())
}

pub fn report(ws: &mut Workspace, command: ReportCommand, lang: Lang) -> Result<(), StoreError> {
    let actor = acting(ws)?;
    match command {
        ReportCommand::Year { year, out } => {
            let doc = okort_documents::read_year_report(ws, &actor, year_id(ws, year)?, lang)?;
            let pdf = doc.pdf().map_err(okort_documents::DocError::from)?;
            okort_store::write_file(&out, &pdf)?;
            out!(
                "{}",
                Msg::ReportSaved {
                    path: out.display().to_string(),
                }
                .text(lang)
            );
        }
    }
    Ok(())
}
