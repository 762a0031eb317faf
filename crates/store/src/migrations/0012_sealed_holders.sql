-- Encryption at rest: NAV's part of each holder (guardian, contact, address, NAV note, full
-- birth date) is sealed with the NAV key in nav_sealed; the birth year stays readable for the
-- age bands and the culture office's lists.
ALTER TABLE holders ADD COLUMN birth_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE holders ADD COLUMN nav_sealed BLOB;
UPDATE holders SET birth_year = CAST(substr(birth_date, 1, 4) AS INTEGER);
