-- Statistics: the day a used card came back, the year's budget, and the indexes the figures
-- read (one scan of a year's visits by venue and date, one by holder).
ALTER TABLE cards ADD COLUMN returned_on TEXT;

CREATE TABLE year_budgets (
    year_id INTEGER PRIMARY KEY REFERENCES program_years(id) ON DELETE CASCADE,
    budget_ore INTEGER NOT NULL CHECK (budget_ore >= 0)
);

CREATE INDEX visits_stats_by_venue ON visits (year_id, venue_id, visited_on, companion)
    WHERE voided_reason IS NULL;
CREATE INDEX visits_stats_by_holder ON visits (year_id, holder_id, visited_on)
    WHERE voided_reason IS NULL;
