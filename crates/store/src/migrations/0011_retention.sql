-- How many years after a holder's last card expired their data is kept (then anonymised:
-- visits and statistics stay, the person is gone), and when a holder was anonymised.
ALTER TABLE program ADD COLUMN retention_years INTEGER NOT NULL DEFAULT 3;
ALTER TABLE holders ADD COLUMN anonymised_on TEXT;
