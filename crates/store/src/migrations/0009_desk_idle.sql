-- How long a venue desk's session may stand idle before it is logged out, in minutes; the
-- culture office sets it for the program.
ALTER TABLE program ADD COLUMN desk_idle_minutes INTEGER NOT NULL DEFAULT 15;
