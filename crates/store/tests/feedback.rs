//! Feedback at year end against a real workspace: the questionnaires, a family's form entered
//! by its card number, a venue's answers, the summary and the evaluation meeting.

use okort_core::feedback::{QuestionKind, Respondent};
use okort_core::i18n::Problem;
use okort_core::{Lang, Role};
use okort_store::feedback::EvaluationMeeting;
use okort_store::{demo, StoreError, Workspace};

struct Demo {
    _dir: tempfile::TempDir,
    ws: Workspace,
    year: i64,
}

fn open() -> Demo {
    let dir = tempfile::tempdir().expect("dir");
    let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
    let year = ws.year_by_number(2026).expect("y").expect("2026").id;
    Demo {
        _dir: dir,
        ws,
        year,
    }
}

/// A card of the year and its holder's first name.
fn a_card(d: &Demo) -> (String, String) {
    let admin = d.ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let row = d.ws.list_cards(&admin, d.year).expect("cards").remove(0);
    (row.card.number, row.holder.first_name)
}

#[test]
fn a_year_gets_its_questionnaires_once_from_the_programs_evaluation() {
    let d = open();
    let nav = d.ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let family =
        d.ws.questionnaire(&nav, d.year, Respondent::Family)
            .expect("family");
    assert_eq!(family.questions.len(), 8);
    assert_eq!(family.questions[0].kind, QuestionKind::YesNo);
    assert!(
        family.questions[3].by_category,
        "what did you miss, by category"
    );
    let again =
        d.ws.questionnaire(&nav, d.year, Respondent::Family)
            .expect("again");
    assert_eq!(again, family, "made once");
    let venue = d.ws.login("kino", demo::DEMO_PASSWORD).expect("kino");
    assert!(matches!(
        d.ws.questionnaire(&venue, d.year, Respondent::Family),
        Err(StoreError::Denied(Role::Venue))
    ));
}

#[test]
fn a_family_form_is_entered_by_card_number_with_the_holders_name_taken_out() {
    let d = open();
    let nav = d.ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let form =
        d.ws.questionnaire(&nav, d.year, Respondent::Family)
            .expect("form");
    let q = |i: usize| form.questions[i].id;
    let (card, first_name) = a_card(&d);
    let saved =
        d.ws.save_family_answers(
            &nav,
            d.year,
            &card,
            &[
                (q(0), "ja".into()),
                (q(1), "5".into()),
                (q(3), "2".into()),
                (q(7), format!("{first_name} ville gjerne gå mer på kino")),
            ],
        )
        .expect("saved");
    assert_eq!((saved.answered, saved.replaced), (4, false));
    let rows =
        d.ws.feedback_responses(&nav, d.year, Respondent::Family)
            .expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].card_number.as_deref(), Some(card.as_str()));
    let text = &rows[0]
        .answers
        .iter()
        .find(|(id, _)| *id == q(7))
        .expect("text")
        .1;
    assert_eq!(text, "… ville gjerne gå mer på kino");

    // The same card again replaces its answers.
    let again =
        d.ws.save_family_answers(&nav, d.year, &card, &[(q(1), "4".into())])
            .expect("again");
    assert!(again.replaced);
    let admin = d.ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let summary =
        d.ws.feedback_summary(&admin, d.year, Respondent::Family, Lang::Nb)
            .expect("summary");
    assert_eq!(summary.forms, 1);
    assert_eq!(summary.questions[1].counts, [0, 0, 0, 1, 0]);
    assert_eq!(summary.questions[1].mean_hundredths, Some(400));
    assert_eq!(
        summary.questions[0].answered, 0,
        "the first form was replaced"
    );
}

#[test]
fn a_wrong_card_number_or_answer_is_named_and_nothing_saved() {
    let d = open();
    let nav = d.ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let form =
        d.ws.questionnaire(&nav, d.year, Respondent::Family)
            .expect("form");
    let (card, _) = a_card(&d);
    // A typo in the last digit is caught by the check digit.
    let last = card
        .chars()
        .last()
        .expect("digit")
        .to_digit(10)
        .expect("digit");
    let typo = format!("{}{}", &card[..card.len() - 1], (last + 1) % 10);
    let err =
        d.ws.save_family_answers(&nav, d.year, &typo, &[(form.questions[0].id, "ja".into())])
            .expect_err("typo");
    let StoreError::Invalid(fields) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(fields[0].field, "cardNumber");
    assert_eq!(fields[0].problem, Problem::CardNumberCheckDigit);
    let err =
        d.ws.save_family_answers(&nav, d.year, &card, &[(form.questions[1].id, "7".into())])
            .expect_err("scale");
    let said = err.message(Lang::Nb);
    assert!(
        said.contains("spørsmål 2") && said.contains("1 til 5"),
        "{said}"
    );
    // A card of another year.
    let other = d.ws.year_by_number(2025).expect("y").expect("2025").id;
    let admin = d.ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let old =
        d.ws.list_cards(&admin, other)
            .expect("cards")
            .remove(0)
            .card
            .number;
    let err =
        d.ws.save_family_answers(&nav, d.year, &old, &[(form.questions[0].id, "ja".into())])
            .expect_err("other year");
    let StoreError::Invalid(fields) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(fields[0].problem, Problem::CardOtherYear { year: 2025 });
    assert!(d
        .ws
        .feedback_responses(&nav, d.year, Respondent::Family)
        .expect("rows")
        .is_empty());
}

#[test]
fn venue_answers_and_the_meeting_are_the_offices_and_summed_up_by_category() {
    let d = open();
    let admin = d.ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let nav = d.ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
    let venues = d.ws.list_venues().expect("venues");
    let form =
        d.ws.questionnaire(&admin, d.year, Respondent::Venue)
            .expect("form");
    d.ws.save_venue_answers(
        &admin,
        d.year,
        venues[0].id,
        &[
            (form.questions[0].id, "3".into()),
            (form.questions[3].id, "ja".into()),
        ],
    )
    .expect("venue");
    assert!(matches!(
        d.ws.save_venue_answers(&nav, d.year, venues[0].id, &[]),
        Err(StoreError::Denied(Role::Nav))
    ));
    let s =
        d.ws.feedback_summary(&nav, d.year, Respondent::Venue, Lang::En)
            .expect("summary");
    assert_eq!(s.questions[0].labels, ["0", "1–10", "11–50", "51+"]);
    assert_eq!(s.questions[0].counts, [0, 0, 1, 0]);
    assert_eq!(s.questions[3].labels, ["Yes", "No"]);

    // Families' "what did you miss" by venue category.
    let family =
        d.ws.questionnaire(&admin, d.year, Respondent::Family)
            .expect("family");
    let missed = &family.questions[3];
    let cards = d.ws.list_cards(&admin, d.year).expect("cards");
    for (row, answer) in cards.iter().zip(["Bad", "bad", "1"]) {
        d.ws.save_family_answers(
            &admin,
            d.year,
            &row.card.number,
            &[(missed.id, answer.into())],
        )
        .expect("answer");
    }
    let s =
        d.ws.feedback_summary(&admin, d.year, Respondent::Family, Lang::Nb)
            .expect("summary");
    let q = &s.questions[3];
    assert_eq!(q.labels[0], "Kino");
    assert_eq!((q.counts[0], q.counts[1]), (1, 2), "one cinema, two pools");

    let meeting = EvaluationMeeting {
        year_id: d.year,
        held_on: chrono::NaiveDate::from_ymd_opt(2026, 12, 10),
        agenda: "1. Tall for året\n2. Tilbakemeldinger".into(),
        minutes: "Kulturkontoret og NAV gikk gjennom året.".into(),
        conclusions: "Fortsette med 100 kort, flere idrettstilbud.".into(),
    };
    assert!(matches!(
        d.ws.save_evaluation_meeting(&nav, &meeting),
        Err(StoreError::Denied(Role::Nav))
    ));
    d.ws.save_evaluation_meeting(&admin, &meeting)
        .expect("saved");
    assert_eq!(
        d.ws.evaluation_meeting(&nav, d.year).expect("read"),
        meeting
    );
}

#[test]
fn the_office_writes_a_question_in_another_language_for_the_forms() {
    let d = open();
    let admin = d.ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let form =
        d.ws.questionnaire(&admin, d.year, Respondent::Family)
            .expect("form");
    let id = form.questions[0].id;
    let q =
        d.ws.set_question_text(&admin, id, "ar", "هل استخدمتم البطاقة هذا العام؟")
            .expect("arabic");
    assert_eq!(q.text("ar"), "هل استخدمتم البطاقة هذا العام؟");
    assert_eq!(q.text("so"), q.text("nb"), "Bokmål where none is written");
    assert!(matches!(
        d.ws.set_question_text(&admin, id, "xx-nope", "?"),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        d.ws.set_question_text(&admin, id, "nb", " "),
        Err(StoreError::Invalid(_))
    ));
}

#[test]
fn venues_answers_are_imported_from_a_file_all_or_nothing() {
    let d = open();
    let admin = d.ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
    let venues = d.ws.list_venues().expect("venues");
    let (a, b) = (&venues[0], &venues[1]);
    let good = format!(
        "brukersted;1;2;4;6\n{};3;nei;ja;Flott ordning\n{};2;ja;ja;\n",
        a.name, b.org_number
    );
    assert_eq!(
        d.ws.import_venue_answers(&admin, d.year, good.as_bytes())
            .expect("imported"),
        2
    );
    let rows =
        d.ws.feedback_responses(&admin, d.year, Respondent::Venue)
            .expect("rows");
    assert_eq!(rows.len(), 2);
    // A bad cell and an unknown venue: each named by row and column, nothing saved.
    let bad = format!("brukersted;1;4\n{};9;ja\nUkjent sted;1;kanskje\n", a.name);
    let err =
        d.ws.import_venue_answers(&admin, d.year, bad.as_bytes())
            .expect_err("bad");
    let StoreError::Import(problems) = err else {
        panic!("{err:?}")
    };
    let at: Vec<(usize, &str)> = problems
        .iter()
        .map(|p| (p.row, p.column.as_str()))
        .collect();
    assert_eq!(at, [(2, "1"), (3, "brukersted"), (3, "4")]);
    let s =
        d.ws.feedback_summary(&admin, d.year, Respondent::Venue, Lang::Nb)
            .expect("summary");
    assert_eq!(s.forms, 2, "the refused file changed nothing");
    assert_eq!(s.questions[5].texts, ["Flott ordning"]);
}
