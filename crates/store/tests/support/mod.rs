//! Helpers the integration tests share.

#![allow(dead_code)]

use std::io::Write;

/// A minimal .xlsx: one sheet with `rows`, and style 1 as the built-in date format 14.
pub fn workbook(rows: &[String]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Besøk" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_string()),
        ("xl/styles.xml", r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{}</sheetData></worksheet>"#, rows.concat())),
    ];
    for (name, body) in files {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

/// A workbook of text cells: `rows[i][j]` in row i + 1, column A + j.
pub fn text_workbook(rows: &[&[&str]]) -> Vec<u8> {
    let xml: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, cells)| {
            let cells: String = cells
                .iter()
                .enumerate()
                .map(|(j, text)| {
                    let col = (b'A' + j as u8) as char;
                    format!(
                        r#"<c r="{col}{}" t="inlineStr"><is><t>{text}</t></is></c>"#,
                        i + 1
                    )
                })
                .collect();
            format!(r#"<row r="{}">{cells}</row>"#, i + 1)
        })
        .collect();
    workbook(&xml)
}

/// A workspace file as the app made it before encryption (schema 11, plain SQLite): a year, a
/// venue, the users `kultur` (administrator) and `nav` with the password "gammelt-passord" as
/// argon2id hashes, and a holder with NAV's fields filled in. It starts from schema 1, as the
/// first version wrote it, and is upgraded the way the old app did.
pub fn plain_workspace(path: &std::path::Path) {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let mut conn = rusqlite::Connection::open(path).expect("open");
    conn.pragma_update(None, "application_id", 0x4F4B_5254)
        .expect("id");
    conn.execute_batch(okort_store::migrations::MIGRATIONS[0].1)
        .expect("schema 1");
    conn.pragma_update(None, "user_version", 1)
        .expect("version");
    conn.execute(
        "INSERT INTO program_years (year, valid_from, valid_to, card_quota, age_min, age_max,
            companion_free, status) VALUES (2025, '2025-01-01', '2025-12-31', 30, 5, 18, 1, 'active')",
        [],
    )
    .expect("year");
    conn.execute(
        "INSERT INTO venues (name, category) VALUES ('Gamle kino', 'cinema')",
        [],
    )
    .expect("venue");
    okort_store::migrations::migrate_to(&mut conn, 11).expect("schema 11");
    let salt = SaltString::encode_b64(b"sixteen byte salt").expect("salt");
    let hash = argon2::Argon2::default()
        .hash_password(b"gammelt-passord", &salt)
        .expect("hash")
        .to_string();
    for (name, role) in [("kultur", "admin"), ("nav", "nav")] {
        conn.execute(
            "INSERT INTO users (username, password_hash, role) VALUES (?1, ?2, ?3)",
            rusqlite::params![name, hash, role],
        )
        .expect("user");
    }
    conn.execute(
        "INSERT INTO holders (first_name, last_name, birth_date, language, guardian_name,
            guardian_phone, address, nav_note)
         VALUES ('Ольга', 'Петрова', '2014-03-03', 'ru', 'Ирина Петрова', '40000000',
            'Storgata 1', 'Følges opp i mars')",
        [],
    )
    .expect("holder");
}

/// Fails if any of `needles` is in `bytes` (as UTF-8).
pub fn assert_absent(bytes: &[u8], needles: &[&str]) {
    for needle in needles {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
            "{needle} is in the file"
        );
    }
}
