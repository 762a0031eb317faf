-- Visits: every use of a card at a venue. A voided visit is kept, with its reason.
CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES cards(id),
    holder_id INTEGER NOT NULL REFERENCES holders(id),
    year_id INTEGER NOT NULL REFERENCES program_years(id),
    venue_id INTEGER NOT NULL REFERENCES venues(id),
    -- NULL: a tick counted on a returned card, date unknown.
    visited_on TEXT,
    companion INTEGER NOT NULL DEFAULT 0,
    source TEXT NOT NULL CHECK (source IN ('desk', 'import', 'returned')),
    override_reason TEXT NOT NULL DEFAULT '',
    voided_reason TEXT,
    registered_by INTEGER NOT NULL,
    registered_at TEXT NOT NULL
);
CREATE INDEX visits_by_holder ON visits (holder_id, year_id, venue_id);
CREATE INDEX visits_by_venue ON visits (venue_id, visited_on);
