-- Failed logins per user name, kept for names that exist and names that do not alike, so the
-- answers never tell them apart: after five failures in a row the name is locked for a minute,
-- and for twice as long after each further failure. A successful login clears the row.
CREATE TABLE login_attempts (
    username TEXT PRIMARY KEY COLLATE NOCASE,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
);

-- The audit log as a chain: each entry stores the hash of the one before it and its own hash
-- over both, so an edited or deleted entry breaks the chain (see audit.rs).
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
