//! Reads a table of text cells from a CSV file (UTF-8 ± BOM or Windows-1252, `;` or `,`) or
//! the first sheet of an Excel workbook (.xlsx). Row 1 is the header, as the user sees it.

use super::{file_problem, RowProblem};
use crate::StoreError;
use calamine::{Data, Reader, Xlsx};
use okort_core::i18n::Problem;

/// The file as rows of trimmed cells. Dates typed as dates in Excel come out as ISO dates.
pub(crate) fn read_table(bytes: &[u8]) -> Result<Vec<Vec<String>>, StoreError> {
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
        rows.push(record.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(rows)
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, StoreError> {
    let unreadable = |e: &dyn std::fmt::Display| {
        file_problem(Problem::Spreadsheet {
            detail: e.to_string(),
        })
    };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let range = match book.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| unreadable(&e))?,
        None => return Ok(Vec::new()),
    };
    // Rows before the used range's start are empty in the sheet; keep row numbers as Excel's.
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<String>> = vec![Vec::new(); first_row as usize];
    for r in range.rows() {
        let mut cells = vec![String::new(); first_col as usize];
        cells.extend(r.iter().map(cell_text));
        rows.push(cells);
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
