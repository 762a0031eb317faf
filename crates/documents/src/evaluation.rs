//! The year-end documents: the families' paper feedback forms (one per card, in the family's
//! language, the card number the only link) and the evaluation report for the municipality
//! (key figures, charts, tables, the feedback summed up and the meeting's conclusions).

use crate::{program_job, Result};
use okort_core::dates::format_date;
use okort_core::feedback::{QuestionKind, QuestionSummary, Respondent};
use okort_core::i18n::{sentence, Msg};
use okort_core::stats::{self, shown, Audience, StatsSection, StatsTable, YearStatistics};
use okort_core::{Action, Actor, Lang};
use okort_print::documents::{FeedbackFormsDoc, ReportDoc};
use okort_print::layout::{
    BarChart, FeedbackForm, FormAnswer, FormQuestion, Report, ReportBlock, Series,
};
use okort_print::Rgb;
use okort_store::{StoreError, Workspace};

/// The UI language a family's language code is read in, where it is one of them.
fn ui_lang(code: &str) -> Option<Lang> {
    match code {
        "nb" | "nb-lett" | "no" => Some(Lang::Nb),
        "nn" => Some(Lang::Nn),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// A fixed text of the form in the family's language, or Bokmål with English after it.
fn both(msg: &Msg, family: &str) -> String {
    match ui_lang(family) {
        Some(l) => msg.text(l),
        None => format!("{} / {}", msg.text(Lang::Nb), msg.text(Lang::En)),
    }
}

/// The year's feedback forms: one for each active card (or each of `only`), in the order
/// the cards print.
pub fn read_feedback_forms(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
    only: Option<&[i64]>,
    lang: Lang,
) -> Result<FeedbackFormsDoc> {
    if !actor.may(Action::MarkCardsPrinted) {
        return Err(StoreError::Denied(actor.role).into());
    }
    let year = ws.year(year_id)?;
    let program = ws.program()?;
    let job = program_job(ws, &program, lang)?;
    let form = ws.questionnaire(actor, year_id, Respondent::Family)?;
    let languages = ws.holder_languages(actor, year_id)?;
    let contact = [
        program.contact_name.as_str(),
        program.contact_phone.as_str(),
        program.contact_email.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let primary = Rgb::parse(&program.primary_colour, crate::PRIMARY);
    let mut forms = Vec::new();
    for row in ws.list_cards(actor, year_id)? {
        let printed = match only {
            Some(ids) => ids.contains(&row.card.id),
            None => row.card.status.is_active(),
        };
        if !printed {
            continue;
        }
        let family = languages.get(&row.holder.id).map_or("nb", String::as_str);
        let own = ui_lang(family);
        let questions = form
            .questions
            .iter()
            .map(|q| {
                let written = q.texts.get(family).filter(|t| !t.trim().is_empty());
                // The family's language where the office wrote it; else Bokmål, English under.
                let (text, also) = match (own, written) {
                    (Some(l), _) => (q.text(l.code()).to_string(), None),
                    (None, Some(t)) => (t.clone(), Some(q.text("nb").to_string())),
                    (None, None) => (q.text("nb").to_string(), Some(q.text("en").to_string())),
                };
                let choice = |c: &okort_core::feedback::Texts| match own {
                    Some(l) => okort_core::feedback::text_in(c, l.code()).to_string(),
                    None => {
                        let first = okort_core::feedback::text_in(c, Lang::Nb.code());
                        let second = okort_core::feedback::text_in(c, Lang::En.code());
                        if first == second {
                            first.to_string()
                        } else {
                            format!("{first} / {second}")
                        }
                    }
                };
                let answer = match q.kind {
                    QuestionKind::Scale => FormAnswer::Scale,
                    QuestionKind::YesNo => FormAnswer::YesNo {
                        yes: both(&Msg::FeedbackYes, family),
                        no: both(&Msg::FeedbackNo, family),
                    },
                    QuestionKind::Choice => {
                        FormAnswer::Choice(q.choices.iter().map(choice).collect())
                    }
                    QuestionKind::Text => FormAnswer::Text,
                };
                FormQuestion {
                    number: q.position,
                    text,
                    also,
                    answer,
                }
            })
            .collect();
        let rtl = own.is_none()
            && okort_core::letters::is_rtl(family)
            && form.questions.iter().any(|q| q.texts.contains_key(family));
        forms.push(FeedbackForm {
            title: both(&Msg::FormTitle { year: year.year }, family),
            primary,
            rtl,
            card_label: both(&Msg::FormCardLabel, family),
            card_number: row.card.number.clone(),
            intro: both(&Msg::FormIntro, family),
            questions,
            footer: both(
                &Msg::FormFooter {
                    contact: contact.clone(),
                },
                family,
            ),
        });
    }
    Ok(FeedbackFormsDoc {
        job,
        title: Msg::FormsTitle { year: year.year }.text(lang),
        forms,
    })
}

/// A table from the statistics as a report block.
fn table_block(t: &StatsTable) -> ReportBlock {
    ReportBlock::Table {
        columns: t.columns.clone(),
        rows: t.rows.clone(),
    }
}

fn count(n: u64) -> f64 {
    n as f64
}

/// The feedback of one questionnaire as blocks: the forms returned, then per question its
/// answers counted (small groups as "< 5"), the mean of a 1–5 question, and the free texts.
fn feedback_blocks(
    title: Msg,
    summary: &okort_store::feedback::FeedbackSummary,
    lang: Lang,
) -> Vec<ReportBlock> {
    let mut out = vec![
        ReportBlock::Heading(title.text(lang)),
        ReportBlock::Paragraph(
            Msg::ReportFormsReturned {
                forms: shown(summary.forms),
            }
            .text(lang),
        ),
    ];
    for (i, q) in summary.questions.iter().enumerate() {
        out.push(ReportBlock::Paragraph(format!("{}. {}", i + 1, q.text)));
        out.extend(question_blocks(q, lang));
    }
    out
}

fn question_blocks(q: &QuestionSummary, lang: Lang) -> Vec<ReportBlock> {
    let mut out = Vec::new();
    if q.kind == QuestionKind::Text {
        for t in &q.texts {
            out.push(ReportBlock::Paragraph(format!("– {t}")));
        }
        return out;
    }
    out.push(ReportBlock::Table {
        columns: vec![Msg::ReportAnswer.text(lang), Msg::ReportCount.text(lang)],
        rows: q
            .labels
            .iter()
            .zip(&q.counts)
            .map(|(l, c)| vec![l.clone(), shown(*c)])
            .collect(),
    });
    if let Some(mean) = q
        .mean_hundredths
        .filter(|_| q.answered >= stats::SMALLEST_GROUP)
    {
        let mean = format!("{},{:02}", mean / 100, mean % 100);
        let mean = if lang == Lang::En {
            mean.replace(',', ".")
        } else {
            mean
        };
        out.push(ReportBlock::Paragraph(Msg::ReportMean { mean }.text(lang)));
    }
    out
}

/// The year's evaluation report.
pub fn read_year_report(
    ws: &Workspace,
    actor: &Actor,
    year_id: i64,
    lang: Lang,
) -> Result<ReportDoc> {
    let year = ws.year(year_id)?;
    let program = ws.program()?;
    let job = program_job(ws, &program, lang)?;
    let both: YearStatistics = ws.statistics(actor, year_id, None)?;
    let s = &both.current;
    let tables = stats::tables(&both, lang, Audience::Print);
    let table = |section: StatsSection| tables.iter().find(|t| t.section == section);
    let primary = Rgb::parse(&program.primary_colour, crate::PRIMARY);
    let accent = Rgb::parse(&program.accent_colour, crate::ACCENT);
    let this = year.year;
    let last = year.year - 1;
    let mut blocks = vec![
        ReportBlock::Heading(Msg::ReportKeyFigures.text(lang)),
        ReportBlock::Paragraph(
            Msg::ReportIntro {
                municipality: program.municipality.clone(),
                period: Msg::ReportWholeYear { year: this }.text(lang),
            }
            .text(lang),
        ),
    ];
    let mut figures = vec![
        (shown(s.cards.assigned), Msg::KeyCards.text(lang)),
        (shown(s.cards.used), Msg::KeyHoldersUsed.text(lang)),
        (shown(s.visits.holder), Msg::KeyVisits.text(lang)),
        (shown(s.visits.companion), Msg::KeyCompanions.text(lang)),
    ];
    if let Some(c) = &s.costs {
        figures.push((
            okort_core::money::format_nok(c.owed_ore),
            Msg::KeyOwed.text(lang),
        ));
        if let Some(per) = c.per_visit_ore {
            figures.push((
                okort_core::money::format_nok(per),
                Msg::KeyPerVisit.text(lang),
            ));
        }
    }
    blocks.push(ReportBlock::KeyFigures(figures));

    // Visits per month, with last year's line.
    blocks.push(ReportBlock::Heading(
        StatsSection::Months.title().text(lang),
    ));
    let month_labels: Vec<String> = s
        .months
        .iter()
        .map(|m| {
            okort_core::i18n::month_name(m.month, lang)
                .unwrap_or_default()
                .chars()
                .take(3)
                .collect()
        })
        .collect();
    let previous_months = both.previous.as_ref().map(|p| Series {
        name: Msg::StatsColVisits { year: last }.text(lang),
        values: s
            .months
            .iter()
            .map(|m| {
                count(
                    p.months
                        .iter()
                        .find(|x| x.month == m.month)
                        .map_or(0, |x| x.visits.holder),
                )
            })
            .collect(),
        colour: accent,
    });
    blocks.push(ReportBlock::Chart(BarChart {
        labels: month_labels,
        series: vec![Series {
            name: Msg::StatsColVisits { year: this }.text(lang),
            values: s.months.iter().map(|m| count(m.visits.holder)).collect(),
            colour: primary,
        }],
        line: previous_months,
        horizontal: false,
        money: false,
    }));
    blocks.extend(table(StatsSection::Months).map(table_block));

    // Visits per venue.
    blocks.push(ReportBlock::Heading(
        StatsSection::Venues.title().text(lang),
    ));
    blocks.push(ReportBlock::Chart(BarChart {
        labels: s.venues.iter().map(|v| v.name.clone()).collect(),
        series: vec![
            Series {
                name: Msg::StatsColVisits { year: this }.text(lang),
                values: s.venues.iter().map(|v| count(v.visits.holder)).collect(),
                colour: primary,
            },
            Series {
                name: Msg::StatsColCompanions { year: this }.text(lang),
                values: s.venues.iter().map(|v| count(v.visits.companion)).collect(),
                colour: accent,
            },
        ],
        line: None,
        horizontal: true,
        money: false,
    }));
    blocks.extend(table(StatsSection::Venues).map(table_block));

    // Categories, spectator or participant.
    blocks.push(ReportBlock::Heading(
        StatsSection::Categories.title().text(lang),
    ));
    blocks.push(ReportBlock::Chart(BarChart {
        labels: s
            .categories
            .iter()
            .map(|c| sentence(c.category.label(lang)))
            .collect(),
        series: vec![Series {
            name: Msg::StatsColVisits { year: this }.text(lang),
            values: s
                .categories
                .iter()
                .map(|c| count(c.visits.holder))
                .collect(),
            colour: primary,
        }],
        line: None,
        horizontal: true,
        money: false,
    }));
    blocks.extend(table(StatsSection::Categories).map(table_block));
    blocks.push(ReportBlock::Heading(StatsSection::Kinds.title().text(lang)));
    blocks.extend(table(StatsSection::Kinds).map(table_block));

    // The holders: cards, ages, how much each used the card.
    blocks.push(ReportBlock::Heading(StatsSection::Cards.title().text(lang)));
    blocks.extend(table(StatsSection::Cards).map(table_block));
    blocks.push(ReportBlock::Heading(
        StatsSection::PerHolder.title().text(lang),
    ));
    blocks.push(ReportBlock::Chart(BarChart {
        labels: s
            .per_holder
            .iter()
            .map(|b| b.bucket.label().to_string())
            .collect(),
        series: vec![Series {
            name: Msg::StatsColHolders { year: this }.text(lang),
            values: s.per_holder.iter().map(|b| count(b.holders)).collect(),
            colour: primary,
        }],
        line: None,
        horizontal: false,
        money: false,
    }));
    blocks.extend(table(StatsSection::PerHolder).map(table_block));
    blocks.push(ReportBlock::Heading(
        StatsSection::AgeBands.title().text(lang),
    ));
    blocks.extend(table(StatsSection::AgeBands).map(table_block));

    // The money: what is owed, budget, and the models side by side.
    if let Some(c) = &s.costs {
        blocks.push(ReportBlock::Heading(StatsSection::Costs.title().text(lang)));
        blocks.extend(table(StatsSection::Costs).map(table_block));
        blocks.push(ReportBlock::Heading(
            StatsSection::Models.title().text(lang),
        ));
        blocks.push(ReportBlock::Chart(BarChart {
            labels: table(StatsSection::Models)
                .map(|t| t.rows.iter().map(|r| r[0].clone()).collect())
                .unwrap_or_default(),
            series: vec![Series {
                name: this.to_string(),
                values: c
                    .models
                    .iter()
                    .map(|m| m.total_ore as f64 / 100.0)
                    .collect(),
                colour: primary,
            }],
            line: None,
            horizontal: false,
            money: true,
        }));
        blocks.extend(table(StatsSection::Models).map(table_block));
    }

    // What the families and the venues said.
    for (respondent, title) in [
        (Respondent::Family, Msg::ReportFeedbackFamilies),
        (Respondent::Venue, Msg::ReportFeedbackVenues),
    ] {
        let summary = ws.feedback_summary(actor, year_id, respondent, lang)?;
        blocks.push(ReportBlock::PageBreak);
        blocks.extend(feedback_blocks(title, &summary, lang));
    }

    // The meeting and its conclusions.
    let meeting = ws.evaluation_meeting(actor, year_id)?;
    blocks.push(ReportBlock::PageBreak);
    blocks.push(ReportBlock::Heading(Msg::ReportMeeting.text(lang)));
    if let Some(d) = meeting.held_on {
        blocks.push(ReportBlock::Paragraph(
            Msg::ReportMeetingHeld {
                date: format_date(d),
            }
            .text(lang),
        ));
    }
    let not_written = Msg::ReportNotWritten.text(lang);
    let or_not = |s: &str| {
        if s.trim().is_empty() {
            not_written.clone()
        } else {
            s.to_string()
        }
    };
    for (head, text) in [
        (Msg::ReportAgenda, &meeting.agenda),
        (Msg::ReportMinutes, &meeting.minutes),
        (Msg::ReportConclusions, &meeting.conclusions),
    ] {
        blocks.push(ReportBlock::Heading(head.text(lang)));
        blocks.push(ReportBlock::Paragraph(or_not(text)));
    }
    Ok(ReportDoc {
        job,
        report: Report {
            title: Msg::ReportTitle { year: this }.text(lang),
            primary,
            accent,
            footer: format!("{} · {}", program.municipality, program.name),
            blocks,
        },
        lang,
    })
}
