-- Venue kits: the kits the culture office made, with the public key that checks the reports
-- they export (none once the kit is retired, e.g. lost); a visit imported from a kit's report
-- says which kit.
CREATE TABLE venue_kits (
    kit_id TEXT PRIMARY KEY,
    venue_id INTEGER NOT NULL REFERENCES venues(id),
    year_id INTEGER NOT NULL REFERENCES program_years(id),
    public_key TEXT NOT NULL,
    made_at TEXT NOT NULL,
    made_by INTEGER NOT NULL,
    retired_at TEXT
);
ALTER TABLE visits ADD COLUMN kit_id TEXT;
