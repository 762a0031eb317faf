-- Feedback at year end: a questionnaire per year for families and one for venues, the answers
-- entered from the returned forms (a family's by its card number only), and the evaluation
-- meeting of the culture office and NAV.
CREATE TABLE questionnaires (
    id INTEGER PRIMARY KEY,
    year_id INTEGER NOT NULL REFERENCES program_years(id) ON DELETE CASCADE,
    respondent TEXT NOT NULL CHECK (respondent IN ('family', 'venue')),
    UNIQUE (year_id, respondent)
);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('scale', 'yesNo', 'choice', 'text')),
    -- JSON: {"nb": "…", "en": "…"}; choices a JSON list of such objects.
    texts TEXT NOT NULL,
    choices TEXT NOT NULL DEFAULT '[]',
    by_category INTEGER NOT NULL DEFAULT 0,
    UNIQUE (questionnaire_id, position)
);

CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    questionnaire_id INTEGER NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
    card_id INTEGER REFERENCES cards(id),
    venue_id INTEGER REFERENCES venues(id),
    entered_by INTEGER NOT NULL,
    entered_at TEXT NOT NULL,
    CHECK ((card_id IS NULL) <> (venue_id IS NULL)),
    UNIQUE (questionnaire_id, card_id),
    UNIQUE (questionnaire_id, venue_id)
);

CREATE TABLE answers (
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (response_id, question_id)
);
CREATE INDEX answers_by_question ON answers (question_id);

CREATE TABLE evaluation_meetings (
    year_id INTEGER PRIMARY KEY REFERENCES program_years(id) ON DELETE CASCADE,
    held_on TEXT,
    agenda TEXT NOT NULL DEFAULT '',
    minutes TEXT NOT NULL DEFAULT '',
    conclusions TEXT NOT NULL DEFAULT ''
);
