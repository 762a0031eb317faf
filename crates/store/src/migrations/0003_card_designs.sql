-- The year's card design: texts, what is shown, and which venues in which order.
CREATE TABLE card_designs (
    year_id INTEGER PRIMARY KEY REFERENCES program_years(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    rules TEXT NOT NULL,
    contact TEXT NOT NULL,
    show_venue_logos INTEGER NOT NULL DEFAULT 1,
    show_qr INTEGER NOT NULL DEFAULT 1,
    -- Venue ids in print order, comma separated; empty means every venue with an agreement.
    venue_order TEXT NOT NULL DEFAULT ''
);
