//! Reads a table of text cells from a CSV file (UTF-8 ± BOM or Windows-1252, `;` or `,`) or
//! the first sheet of an Excel workbook (.xlsx). Row 1 is the header, as the user sees it.

use super::{file_problem, RowProblem};
use crate::StoreError;
use calamine::{Data, Reader, Xlsx};
use okort_core::i18n::Problem;

/// The most rows a table may have: more than any venue register, holder list or report needs.
pub(crate) const MAX_ROWS: u32 = 100_000;
/// The most columns a table may have.
pub(crate) const MAX_COLUMNS: u32 = 64;
/// The largest file read, in MB.
pub const MAX_MB: usize = 32;

/// The file as rows of trimmed cells. Dates typed as dates in Excel come out as ISO dates.
/// A file larger than [`MAX_MB`], or with a cell beyond [`MAX_ROWS`] rows or [`MAX_COLUMNS`]
/// columns, is refused before the table is built (a spreadsheet's stated size is not trusted).
pub(crate) fn read_table(bytes: &[u8]) -> Result<Vec<Vec<String>>, StoreError> {
    if bytes.len() > MAX_MB * 1024 * 1024 {
        return Err(file_problem(Problem::FileTooLarge { max_mb: MAX_MB }));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes)
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Err(file_problem(Problem::OldExcel))
    } else {
        read_csv(bytes)
    }
}

fn read_csv(bytes: &[u8]) -> Result<Vec<Vec<String>>, StoreError> {
    let text = decode_text(bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            file_problem(Problem::Spreadsheet {
                detail: format!("rad {}: {e}", i + 1),
            })
        })?;
        if i as u32 >= MAX_ROWS || record.len() > MAX_COLUMNS as usize {
            let row = (i as u32).min(MAX_ROWS);
            let col = (record.len() as u32).min(MAX_COLUMNS + 1).saturating_sub(1);
            return Err(too_large(row, col));
        }
        rows.push(
            record
                .iter()
                .map(|c| super::unneutralise(c.trim()).trim().to_string())
                .collect(),
        );
    }
    Ok(rows)
}

/// A cell's name as Excel writes it: column letters and row number from 1 ("XFD1048576").
fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

fn too_large(row: u32, col: u32) -> StoreError {
    file_problem(Problem::TableTooLarge {
        cell: cell_name(row, col),
        rows: MAX_ROWS,
        columns: MAX_COLUMNS,
    })
}

/// The first sheet, read cell by cell as the file stores them: only cells that are there take
/// room, and one past the bounds stops the reading.
fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, StoreError> {
    let unreadable = |e: &dyn std::fmt::Display| {
        file_problem(Problem::Spreadsheet {
            detail: e.to_string(),
        })
    };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let Some(first) = book.sheet_names().first().cloned() else {
        return Ok(Vec::new());
    };
    let mut cells = book
        .worksheet_cells_reader(&first)
        .map_err(|e| unreadable(&e))?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
        let (r, c) = cell.get_position();
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            return Err(too_large(r, c));
        }
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        if rows[r].len() <= c {
            rows[r].resize(c + 1, String::new());
        }
        rows[r][c] = text;
    }
    Ok(rows)
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "ja" } else { "nei" }.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Reads bytes as UTF-8 (a BOM is dropped) or, when they are not UTF-8, as Windows-1252. Bytes
/// that no text file holds (a picture, a PDF, a broken workbook) are refused as not a table.
pub fn decode_text(bytes: &[u8]) -> Result<String, StoreError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes
        .iter()
        .any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
    {
        return Err(StoreError::Import(vec![RowProblem {
            row: 1,
            column: String::new(),
            problem: Problem::NotATable,
        }]));
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    })
}

/// Picks `;` or `,` by counting them, outside quotes, in the header line.
pub fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let (mut semi, mut comma, mut quoted) = (0, 0, false);
    for c in header.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semi += 1,
            ',' if !quoted => comma += 1,
            _ => {}
        }
    }
    if semi >= comma && semi > 0 {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_with_semicolons_and_windows_1252_reads_as_text_cells() {
        let rows = read_table(b"kortnummer;dato\n2026-0001-5 ; 05.03.2026\n\xe6\xf8\xe5;x\n")
            .expect("csv");
        assert_eq!(rows[1], vec!["2026-0001-5", "05.03.2026"]);
        assert_eq!(rows[2][0], "æøå");
    }

    #[test]
    fn an_old_excel_file_or_a_broken_workbook_is_named_as_such() {
        let old = read_table(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").expect_err("xls");
        assert!(matches!(&old, StoreError::Import(p) if p[0].problem == Problem::OldExcel));
        let broken = read_table(b"PK\x03\x04not really a zip").expect_err("zip");
        assert!(matches!(&broken, StoreError::Import(p)
            if matches!(p[0].problem, Problem::Spreadsheet { .. })));
    }
}
