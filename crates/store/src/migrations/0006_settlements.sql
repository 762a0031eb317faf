-- Settlements: a venue's compensation for a period, approved by the culture office and later
-- marked paid. The visits it covers point to it and are locked; a withdrawn (unpaid) settlement
-- releases them. Prices and share are kept as approved, so the statement can be printed again.
CREATE TABLE settlements (
    id INTEGER PRIMARY KEY,
    venue_id INTEGER NOT NULL REFERENCES venues(id),
    year_id INTEGER NOT NULL REFERENCES program_years(id),
    -- Both NULL: the whole year, ticks of unknown date included.
    period_from TEXT,
    period_to TEXT,
    compensation TEXT NOT NULL,
    share_percent INTEGER NOT NULL,
    holder_price_ore INTEGER NOT NULL,
    companion_price_ore INTEGER NOT NULL,
    holder_visits INTEGER NOT NULL,
    companion_visits INTEGER NOT NULL,
    holder_amount_ore INTEGER NOT NULL,
    companion_amount_ore INTEGER NOT NULL,
    total_ore INTEGER NOT NULL,
    approved_by INTEGER NOT NULL,
    approved_at TEXT NOT NULL,
    paid_on TEXT,
    withdrawn_reason TEXT,
    CHECK ((period_from IS NULL) = (period_to IS NULL)),
    CHECK (paid_on IS NULL OR withdrawn_reason IS NULL)
);
CREATE INDEX settlements_by_year ON settlements (year_id, venue_id);

ALTER TABLE visits ADD COLUMN settlement_id INTEGER REFERENCES settlements(id);
CREATE INDEX visits_by_settlement ON visits (settlement_id);
