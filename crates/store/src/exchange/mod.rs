//! Files in and out: the table reader every import shares (CSV in UTF-8 or Windows-1252, `;`
//! or `,`, with or without BOM, and the first sheet of an .xlsx workbook), header matching,
//! the row problems an import reports, and the imports and exports of venues, holders and
//! visits beside it.

mod exports;
mod holders;
mod preview;
mod table;
mod venues;
mod visits;

pub use holders::HolderImportReport;
pub use preview::{Change, FieldChange, ImportPreview, PreviewRow};
pub(crate) use table::read_table;

pub use table::{decode_text, detect_delimiter, MAX_MB};
pub use venues::ImportReport;
pub use visits::{VisitImportCheck, VisitImportReport};

use crate::StoreError;
use okort_core::i18n::Problem;
use okort_core::Lang;

/// One problem in an imported file: the spreadsheet row (the header is row 1) and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub column: String,
    pub problem: Problem,
}

impl RowProblem {
    pub fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }
}

/// What makes a spreadsheet read a cell as a formula when it starts it.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet would run as a formula (a venue named `=HYPERLINK(…)`) gets a leading
/// `'`, which Excel and LibreOffice read as "text" and do not show. A plain number stays.
pub(crate) fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let number = cell.parse::<f64>().is_ok() && !cell.starts_with(['\t', '\r']);
    if cell.starts_with(FORMULA_START) && !number {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A cell read back from a file this app wrote: the `'` [`neutralise`] added is dropped.
pub(crate) fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_START) => rest,
        _ => cell,
    }
}

/// A file as Norwegian Excel opens it: UTF-8 with BOM, `;` between fields; no cell can run as
/// a formula.
pub(crate) fn spreadsheet_csv(
    header: &[&str],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, StoreError> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut out);
        let err = |e: csv::Error| StoreError::Csv(e.to_string());
        w.write_record(header).map_err(err)?;
        for row in rows {
            w.write_record(row.iter().map(|c| neutralise(c).into_owned()))
                .map_err(err)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// The same table as an Excel workbook (.xlsx): every cell written as a text cell, which a
/// spreadsheet never runs as a formula, so a file read back gives the same cells.
pub(crate) fn spreadsheet_xlsx(
    header: &[&str],
    rows: &[Vec<String>],
) -> Result<Vec<u8>, StoreError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let err = |e: rust_xlsxwriter::XlsxError| StoreError::Csv(e.to_string());
    for (c, cell) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *cell).map_err(err)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 1, c as u16, cell.as_str())
                .map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}

/// The blank venue report a venue fills in (card number, date, companion), CSV or Excel.
pub fn report_template(xlsx: bool) -> Result<Vec<u8>, StoreError> {
    let header = ["kortnummer", "dato", "ledsager"];
    if xlsx {
        spreadsheet_xlsx(&header, &[])
    } else {
        spreadsheet_csv(&header, &[])
    }
}

/// A problem with the file as a whole, reported on its header row.
pub(crate) fn file_problem(problem: Problem) -> StoreError {
    StoreError::Import(vec![RowProblem {
        row: 1,
        column: String::new(),
        problem,
    }])
}

/// A header as compared: lower case, letters and digits only ("Org.nr." → "orgnr").
pub(crate) fn header_key(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

pub(crate) fn parse_yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "true" | "1" | "x" | "sann" => Some(true),
        "nei" | "n" | "no" | "false" | "0" | "usann" => Some(false),
        _ => None,
    }
}

/// Where a file's columns are: for each column an import knows (by its accepted headers), the
/// cell index and the header as the file writes it.
pub(crate) struct Columns {
    found: Vec<Option<(usize, String)>>,
}

impl Columns {
    /// Matches the header row against `known` (each column's accepted headers, any case and
    /// punctuation). A header no column accepts is an unknown column when `strict`, and a
    /// column whose index is in `required` must be there.
    pub(crate) fn match_header(
        (header_row, header): (usize, &[String]),
        known: &[&[&str]],
        required: &[usize],
        strict: bool,
    ) -> Result<Columns, StoreError> {
        let mut found: Vec<Option<(usize, String)>> = vec![None; known.len()];
        let mut problems = Vec::new();
        for (i, h) in header.iter().enumerate() {
            let key = header_key(h);
            if key.is_empty() {
                continue;
            }
            let shown = h.trim().trim_start_matches('\u{feff}').to_string();
            match known
                .iter()
                .position(|names| names.iter().any(|n| header_key(n) == key))
            {
                Some(c) if found[c].is_none() => found[c] = Some((i, shown)),
                Some(_) => {}
                None if strict => problems.push(RowProblem {
                    row: header_row,
                    column: shown,
                    problem: Problem::UnknownColumn,
                }),
                None => {}
            }
        }
        for &c in required {
            if found[c].is_none() {
                problems.push(RowProblem {
                    row: header_row,
                    column: known[c][0].to_string(),
                    problem: Problem::MissingColumn,
                });
            }
        }
        match problems.is_empty() {
            true => Ok(Columns { found }),
            false => Err(StoreError::Import(problems)),
        }
    }

    /// Whether the file has column `c`.
    pub(crate) fn has(&self, c: usize) -> bool {
        self.found.get(c).is_some_and(Option::is_some)
    }

    /// The column's header as the file writes it (its first accepted name if missing).
    pub(crate) fn name(&self, c: usize, known: &[&[&str]]) -> String {
        self.found[c]
            .as_ref()
            .map_or_else(|| known[c][0].to_string(), |(_, h)| h.clone())
    }

    /// The row's trimmed cell in column `c`; empty when the file has no such column or cell.
    pub(crate) fn cell(&self, row: &[String], c: usize) -> String {
        self.found[c]
            .as_ref()
            .and_then(|(i, _)| row.get(*i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }
}

/// The header: the first row with any text, as its spreadsheet row number (1 = the first
/// row) and cells; an empty file is refused.
pub(crate) fn header(table: &[Vec<String>]) -> Result<(usize, &[String]), StoreError> {
    table
        .iter()
        .position(|r| r.iter().any(|c| !c.trim().is_empty()))
        .map(|i| (i + 1, table[i].as_slice()))
        .ok_or_else(|| file_problem(Problem::EmptyFile))
}

/// The data rows under the header (at spreadsheet row `header_row`) with their spreadsheet
/// row numbers, blank rows left out.
pub(crate) fn data_rows(
    table: &[Vec<String>],
    header_row: usize,
) -> impl Iterator<Item = (usize, &[String])> {
    table
        .iter()
        .enumerate()
        .skip(header_row)
        .map(|(i, r)| (i + 1, r.as_slice()))
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()))
}
