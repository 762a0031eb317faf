-- NAV's yearly decision per holder: whether the card continues into a year or ends, when and by
-- whom. Next year's cards are renewed from these decisions, so each renewal has a record.
CREATE TABLE reassessments (
    holder_id INTEGER NOT NULL REFERENCES holders(id),
    -- The year the decision is for (the year the card would continue into).
    year_id INTEGER NOT NULL REFERENCES program_years(id),
    decision TEXT NOT NULL CHECK (decision IN ('continue', 'end')),
    decided_on TEXT NOT NULL,
    decided_by INTEGER NOT NULL,
    PRIMARY KEY (holder_id, year_id)
);
