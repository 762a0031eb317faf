//! CSV import and export of holders, with the same rules as venues: UTF-8 or Windows-1252,
//! `;` or `,`, Norwegian or English headers, every bad row listed and nothing written.
//! Export gives NAV the full record and the culture office only names and birth years.

use crate::holders::{duplicates_of, write_holder};
use crate::venue_csv::{decode_text, detect_delimiter, header_key};
use crate::{require, RowProblem, StoreError, Workspace};
use chrono::{Datelike, NaiveDate};
use okort_core::dates::{format_date, parse_date};
use okort_core::holder::sees_full_record;
use okort_core::i18n::Problem;
use okort_core::{Action, Actor, HolderInput};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HolderImportReport {
    pub created: u32,
    pub updated: u32,
}

/// (field, Norwegian header, English header)
const COLUMNS: [(&str, &str, &str); 10] = [
    ("firstName", "fornavn", "first_name"),
    ("lastName", "etternavn", "last_name"),
    ("birthDate", "fødselsdato", "birth_date"),
    ("language", "språk", "language"),
    ("guardianName", "foresatt", "guardian_name"),
    ("guardianPhone", "foresatt_telefon", "guardian_phone"),
    ("guardianEmail", "foresatt_epost", "guardian_email"),
    ("address", "adresse", "address"),
    ("navContact", "nav_kontakt", "nav_contact"),
    ("navNote", "nav_merknad", "nav_note"),
];

impl Workspace {
    /// Imports holders; a row with the same name and birth date as a registered holder updates it.
    pub fn import_holders_csv(
        &mut self,
        actor: &Actor,
        bytes: &[u8],
        today: NaiveDate,
    ) -> Result<HolderImportReport, StoreError> {
        if !(actor.may(Action::ManageHolders) || *actor == Actor::command_line()) {
            return Err(StoreError::Denied(actor.role));
        }
        let text = decode_text(bytes)?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(detect_delimiter(&text))
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = reader.records();
        let header = match records.next() {
            Some(h) => h.map_err(|e| StoreError::Csv(e.to_string()))?,
            None => {
                return Err(StoreError::Import(vec![RowProblem {
                    row: 1,
                    column: String::new(),
                    problem: Problem::EmptyFile,
                }]))
            }
        };
        let mut problems = Vec::new();
        let mut index: Vec<Option<(usize, String)>> = vec![None; COLUMNS.len()];
        for (i, h) in header.iter().enumerate() {
            let key = header_key(h);
            if key.is_empty() {
                continue;
            }
            match COLUMNS
                .iter()
                .position(|(_, nb, en)| header_key(nb) == key || header_key(en) == key)
            {
                Some(c) => {
                    index[c] = Some((i, h.trim().trim_start_matches('\u{feff}').to_string()))
                }
                None => problems.push(RowProblem {
                    row: 1,
                    column: h.trim().to_string(),
                    problem: Problem::UnknownColumn,
                }),
            }
        }
        for c in 0..3 {
            if index[c].is_none() {
                problems.push(RowProblem {
                    row: 1,
                    column: COLUMNS[c].1.to_string(),
                    problem: Problem::MissingColumn,
                });
            }
        }
        if !problems.is_empty() {
            return Err(StoreError::Import(problems));
        }
        let column = |c: usize| {
            index[c]
                .as_ref()
                .map(|(_, h)| h.clone())
                .unwrap_or_default()
        };
        let mut rows: Vec<(usize, HolderInput)> = Vec::new();
        for (i, record) in records.enumerate() {
            let row = i + 2;
            let record = record.map_err(|e| StoreError::Csv(format!("row {row}: {e}")))?;
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let cell = |c: usize| {
                index[c]
                    .as_ref()
                    .and_then(|(i, _)| record.get(*i))
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            let birth = cell(2);
            let birth_date = match parse_date(&birth) {
                Some(d) => d,
                None => {
                    let problem = if birth.is_empty() {
                        Problem::Required
                    } else {
                        Problem::NotADate { value: birth }
                    };
                    problems.push(RowProblem {
                        row,
                        column: column(2),
                        problem,
                    });
                    NaiveDate::default()
                }
            };
            let input = HolderInput {
                id: None,
                first_name: cell(0),
                last_name: cell(1),
                birth_date,
                language: cell(3),
                guardian_name: cell(4),
                guardian_phone: cell(5),
                guardian_email: cell(6),
                address: cell(7),
                nav_contact: cell(8),
                nav_note: cell(9),
            }
            .normalized();
            for p in input.validate(today) {
                if p.field == "birthDate" && birth_date == NaiveDate::default() {
                    continue;
                }
                let c = COLUMNS
                    .iter()
                    .position(|(f, _, _)| *f == p.field)
                    .unwrap_or(0);
                let name = index[c]
                    .as_ref()
                    .map(|(_, h)| h.clone())
                    .unwrap_or(COLUMNS[c].1.into());
                problems.push(RowProblem {
                    row,
                    column: name,
                    problem: p.problem,
                });
            }
            let same = |a: &HolderInput| {
                a.first_name.to_lowercase() == input.first_name.to_lowercase()
                    && a.last_name.to_lowercase() == input.last_name.to_lowercase()
                    && a.birth_date == input.birth_date
            };
            if let Some((first_row, _)) = rows.iter().find(|(_, a)| same(a)) {
                problems.push(RowProblem {
                    row,
                    column: column(0),
                    problem: Problem::DuplicateRow {
                        first_row: *first_row,
                    },
                });
            }
            rows.push((row, input));
        }
        if !problems.is_empty() {
            return Err(StoreError::Import(problems));
        }
        let tx = self.conn.transaction()?;
        let mut report = HolderImportReport {
            created: 0,
            updated: 0,
        };
        for (_, mut input) in rows {
            input.id = duplicates_of(&tx, &input)?.first().map(|h| h.id);
            if input.id.is_some() {
                report.updated += 1;
            } else {
                report.created += 1;
            }
            write_holder(&tx, actor, &input)?;
        }
        tx.commit()?;
        Ok(report)
    }

    /// NAV gets every column; the culture office (and the command line) names and birth years.
    pub fn export_holders_csv(&self, actor: &Actor) -> Result<Vec<u8>, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        let full = sees_full_record(actor.role);
        let mut out = b"\xEF\xBB\xBF".to_vec();
        {
            let mut w = csv::WriterBuilder::new()
                .delimiter(b';')
                .from_writer(&mut out);
            let err = |e: csv::Error| StoreError::Csv(e.to_string());
            if full {
                w.write_record(COLUMNS.iter().map(|c| c.1)).map_err(err)?;
                for h in crate::holders::all_holders(&self.conn)? {
                    w.write_record([
                        &h.first_name,
                        &h.last_name,
                        &format_date(h.birth_date),
                        &h.language,
                        &h.guardian_name,
                        &h.guardian_phone,
                        &h.guardian_email,
                        &h.address,
                        &h.nav_contact,
                        &h.nav_note,
                    ])
                    .map_err(err)?;
                }
            } else {
                w.write_record(["fornavn", "etternavn", "fødselsår"])
                    .map_err(err)?;
                for h in crate::holders::all_holders(&self.conn)? {
                    let year = h.birth_date.year().to_string();
                    w.write_record([&h.first_name, &h.last_name, &year])
                        .map_err(err)?;
                }
            }
            w.flush()?;
        }
        Ok(out)
    }
}
