-- Program, program years, images, the venue register and agreements.
CREATE TABLE images (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes BLOB NOT NULL
);

CREATE TABLE program (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    municipality TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT 'Opplevelseskortet',
    contact_name TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    contact_email TEXT NOT NULL DEFAULT '',
    logo_id INTEGER REFERENCES images(id),
    coat_of_arms_id INTEGER REFERENCES images(id),
    primary_colour TEXT NOT NULL DEFAULT '#1f5f8b',
    accent_colour TEXT NOT NULL DEFAULT '#f2a900'
);
INSERT INTO program (id) VALUES (1);

CREATE TABLE program_years (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL UNIQUE,
    valid_from TEXT NOT NULL,
    valid_to TEXT NOT NULL,
    card_quota INTEGER NOT NULL CHECK (card_quota > 0),
    age_min INTEGER NOT NULL,
    age_max INTEGER NOT NULL,
    companion_free INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planning', 'active', 'closed'))
);

CREATE TABLE venues (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    contact_person TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    org_number TEXT NOT NULL DEFAULT '',
    bank_account TEXT NOT NULL DEFAULT '',
    logo_id INTEGER REFERENCES images(id),
    active INTEGER NOT NULL DEFAULT 1,
    staff_note TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX venues_name ON venues (name COLLATE NOCASE);
CREATE UNIQUE INDEX venues_org_number ON venues (org_number) WHERE org_number <> '';

CREATE TABLE agreements (
    id INTEGER PRIMARY KEY,
    venue_id INTEGER NOT NULL REFERENCES venues(id) ON DELETE CASCADE,
    year_id INTEGER NOT NULL REFERENCES program_years(id) ON DELETE CASCADE,
    visits_per_card INTEGER CHECK (visits_per_card BETWEEN 1 AND 99),
    companion_free INTEGER NOT NULL,
    not_covered TEXT NOT NULL DEFAULT '',
    compensation TEXT NOT NULL CHECK (compensation IN ('venueBearsCost', 'fullRefund', 'share')),
    share_percent INTEGER NOT NULL CHECK (share_percent BETWEEN 0 AND 100),
    holder_price_ore INTEGER NOT NULL CHECK (holder_price_ore >= 0),
    companion_price_ore INTEGER NOT NULL CHECK (companion_price_ore >= 0),
    period_from TEXT,
    period_to TEXT,
    signed_on TEXT,
    UNIQUE (venue_id, year_id)
);
