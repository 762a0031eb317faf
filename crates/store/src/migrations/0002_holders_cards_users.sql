-- Users and roles, card holders, cards, the card-signing secret and the audit log.
ALTER TABLE program_years ADD COLUMN family_cap INTEGER CHECK (family_cap IS NULL OR family_cap > 0);

CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'nav', 'venue')),
    venue_id INTEGER REFERENCES venues(id),
    active INTEGER NOT NULL DEFAULT 1,
    CHECK ((role = 'venue') = (venue_id IS NOT NULL))
);
CREATE UNIQUE INDEX users_username ON users (username COLLATE NOCASE);

CREATE TABLE holders (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT 'nb',
    guardian_name TEXT NOT NULL DEFAULT '',
    guardian_phone TEXT NOT NULL DEFAULT '',
    guardian_email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    nav_contact TEXT NOT NULL DEFAULT '',
    nav_note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE cards (
    id INTEGER PRIMARY KEY,
    year_id INTEGER NOT NULL REFERENCES program_years(id),
    serial INTEGER NOT NULL CHECK (serial BETWEEN 1 AND 9999),
    number TEXT NOT NULL UNIQUE,
    holder_id INTEGER NOT NULL REFERENCES holders(id),
    status TEXT NOT NULL CHECK (status IN ('assigned', 'printed', 'handedOut', 'lost', 'revoked')),
    handed_out_on TEXT,
    revoked_reason TEXT NOT NULL DEFAULT '',
    replaces_card_id INTEGER REFERENCES cards(id),
    created_on TEXT NOT NULL,
    UNIQUE (year_id, serial)
);
CREATE UNIQUE INDEX cards_one_active_per_holder_and_year ON cards (holder_id, year_id)
    WHERE status IN ('assigned', 'printed', 'handedOut');

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    detail TEXT NOT NULL DEFAULT ''
);
