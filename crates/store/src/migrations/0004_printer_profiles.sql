-- Printer calibration profiles: how far a printer shifts and scales what it prints.
CREATE TABLE printer_profiles (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    offset_x_mm REAL NOT NULL DEFAULT 0,
    offset_y_mm REAL NOT NULL DEFAULT 0,
    scale_percent REAL NOT NULL DEFAULT 100
);
CREATE UNIQUE INDEX printer_profiles_name ON printer_profiles (name COLLATE NOCASE);
