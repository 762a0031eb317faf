-- The information letter to families: the texts the culture office edited for a year (the
-- bundled text is used where there is none), and the languages someone checked that year.
CREATE TABLE letter_texts (
    year_id INTEGER NOT NULL REFERENCES program_years(id),
    lang TEXT NOT NULL,
    part TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (year_id, lang, part)
);
CREATE TABLE letter_reviews (
    year_id INTEGER NOT NULL REFERENCES program_years(id),
    lang TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    reviewed_on TEXT NOT NULL,
    PRIMARY KEY (year_id, lang)
);
