//! CSV import and export of holders, with the same rules as venues: UTF-8 or Windows-1252,
//! `;` or `,`, Norwegian or English headers, every bad row listed and nothing written.
//! Export gives NAV the full record and the culture office only names and birth years.

use super::preview::{changed_fields, FieldChange, ImportPreview};
use super::{data_rows, header, read_table, spreadsheet_csv, Columns};
use crate::holders::{duplicates_of, write_holder};
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

/// (field, accepted headers: Norwegian first, as exported, then English)
const COLUMNS: [(&str, &[&str]); 10] = [
    ("firstName", &["fornavn", "first_name"]),
    ("lastName", &["etternavn", "last_name"]),
    ("birthDate", &["fødselsdato", "birth_date"]),
    ("language", &["språk", "language"]),
    ("guardianName", &["foresatt", "guardian_name"]),
    ("guardianPhone", &["foresatt_telefon", "guardian_phone"]),
    ("guardianEmail", &["foresatt_epost", "guardian_email"]),
    ("address", &["adresse", "address"]),
    ("navContact", &["nav_kontakt", "nav_contact"]),
    ("navNote", &["nav_merknad", "nav_note"]),
];

/// A row of the file as it will be saved, with the holder it updates.
struct Planned {
    row: usize,
    input: HolderInput,
    old: Option<okort_core::Holder>,
}

/// The rows as they will be saved, the refused rows, and the file's name for each column.
type Plan = (Vec<Planned>, Vec<RowProblem>, Vec<String>);

/// Reads the file and matches every row with the holders in `conn`; nothing is written.
/// A row with the same name and birth date as a registered holder updates it, and a column
/// the file does not have leaves that field as it is.
fn plan(
    conn: &rusqlite::Connection,
    nav: &crate::vault::Key,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<Plan, StoreError> {
    let table = read_table(bytes)?;
    let (header_row, header) = header(&table)?;
    let known: Vec<&[&str]> = COLUMNS.iter().map(|(_, names)| *names).collect();
    let columns = Columns::match_header((header_row, header), &known, &[0, 1, 2], true)?;
    let column = |c: usize| columns.name(c, &known);
    let mut problems = Vec::new();
    let mut rows: Vec<Planned> = Vec::new();
    for (row, record) in data_rows(&table, header_row) {
        let cell = |c: usize| columns.cell(record, c);
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
        let mut input = HolderInput {
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
        let mut bad = false;
        for p in input.validate(today) {
            if p.field == "birthDate" && birth_date == NaiveDate::default() {
                continue;
            }
            bad = true;
            let c = COLUMNS.iter().position(|(f, _)| *f == p.field).unwrap_or(0);
            problems.push(RowProblem {
                row,
                column: column(c),
                problem: p.problem,
            });
        }
        let same = |a: &HolderInput| {
            a.first_name.to_lowercase() == input.first_name.to_lowercase()
                && a.last_name.to_lowercase() == input.last_name.to_lowercase()
                && a.birth_date == input.birth_date
        };
        if let Some(first) = rows.iter().find(|p| same(&p.input)) {
            problems.push(RowProblem {
                row,
                column: column(0),
                problem: Problem::DuplicateRow {
                    first_row: first.row,
                },
            });
        }
        let old = if bad || birth_date == NaiveDate::default() {
            None
        } else {
            duplicates_of(conn, nav, &input)?.into_iter().next()
        };
        if let Some(old) = &old {
            // A column the file does not have leaves that field as it is.
            let missing = |c: usize| !columns.has(c);
            let kept: [(usize, &mut String, &String); 7] = [
                (3, &mut input.language, &old.language),
                (4, &mut input.guardian_name, &old.guardian_name),
                (5, &mut input.guardian_phone, &old.guardian_phone),
                (6, &mut input.guardian_email, &old.guardian_email),
                (7, &mut input.address, &old.address),
                (8, &mut input.nav_contact, &old.nav_contact),
                (9, &mut input.nav_note, &old.nav_note),
            ];
            for (c, field, before) in kept {
                if missing(c) {
                    field.clone_from(before);
                }
            }
            input.id = Some(old.id);
        }
        rows.push(Planned { row, input, old });
    }
    let names = (0..COLUMNS.len()).map(column).collect();
    Ok((rows, problems, names))
}

/// The fields a row changes in a registered holder, by the file's column names.
fn changes(names: &[String], old: &okort_core::Holder, new: &HolderInput) -> Vec<FieldChange> {
    let pairs = [
        (0, &old.first_name, &new.first_name),
        (1, &old.last_name, &new.last_name),
        (3, &old.language, &new.language),
        (4, &old.guardian_name, &new.guardian_name),
        (5, &old.guardian_phone, &new.guardian_phone),
        (6, &old.guardian_email, &new.guardian_email),
        (7, &old.address, &new.address),
        (8, &old.nav_contact, &new.nav_contact),
        (9, &old.nav_note, &new.nav_note),
    ];
    changed_fields(
        pairs
            .into_iter()
            .map(|(c, before, after)| (names[c].clone(), before.clone(), after.clone()))
            .collect(),
    )
}

impl Workspace {
    /// What importing the file would do, row by row; nothing is written. NAV's job.
    pub fn preview_holders_import(
        &self,
        actor: &Actor,
        bytes: &[u8],
        today: NaiveDate,
    ) -> Result<ImportPreview, StoreError> {
        require(actor, Action::ManageHolders)?;
        let nav = self.nav_key(actor)?;
        let (rows, refused, names) = plan(&self.conn, nav, bytes, today)?;
        let mut preview = ImportPreview {
            refused,
            ..ImportPreview::default()
        };
        for p in rows {
            let label = format!("{} {}", p.input.first_name, p.input.last_name);
            let before = p.old.as_ref().map(|old| changes(&names, old, &p.input));
            preview.add(p.row, label, before);
        }
        Ok(preview)
    }

    /// Imports holders from a CSV or .xlsx file as [`Workspace::preview_holders_import`] showed
    /// it: all rows in one transaction, or none when any row is refused.
    pub fn import_holders_csv(
        &mut self,
        actor: &Actor,
        bytes: &[u8],
        today: NaiveDate,
    ) -> Result<HolderImportReport, StoreError> {
        require(actor, Action::ManageHolders)?;
        let nav = self.nav_key(actor)?;
        // Planned inside the write transaction, so a holder another desk adds meanwhile is
        // updated, not added twice.
        let tx = self.conn.unchecked_transaction()?;
        let (rows, problems, _) = plan(&tx, nav, bytes, today)?;
        if !problems.is_empty() {
            return Err(StoreError::Import(problems));
        }
        let mut report = HolderImportReport {
            created: 0,
            updated: 0,
        };
        for p in rows {
            if p.input.id.is_some() {
                report.updated += 1;
            } else {
                report.created += 1;
            }
            write_holder(&tx, nav, actor, &p.input)?;
        }
        tx.commit()?;
        Ok(report)
    }

    /// NAV gets every column; the culture office (and the command line) names and birth years.
    pub fn export_holders_csv(&self, actor: &Actor) -> Result<Vec<u8>, StoreError> {
        require(actor, Action::ReadHolderSummaries)?;
        let full = sees_full_record(actor.role);
        let nav = if full {
            Some(self.nav_key(actor)?)
        } else {
            None
        };
        let holders = crate::holders::all_holders(&self.conn, nav)?;
        let detail = holders.len().to_string();
        crate::audit::log(
            &self.conn,
            actor,
            "holders.export",
            "holders",
            None,
            &detail,
        )?;
        if full {
            let header: Vec<&str> = COLUMNS.iter().map(|c| c.1[0]).collect();
            let rows: Vec<Vec<String>> = holders
                .into_iter()
                .map(|h| {
                    vec![
                        h.first_name,
                        h.last_name,
                        format_date(h.birth_date),
                        h.language,
                        h.guardian_name,
                        h.guardian_phone,
                        h.guardian_email,
                        h.address,
                        h.nav_contact,
                        h.nav_note,
                    ]
                })
                .collect();
            spreadsheet_csv(&header, &rows)
        } else {
            let rows: Vec<Vec<String>> = holders
                .into_iter()
                .map(|h| {
                    let year = h.birth_date.year().to_string();
                    vec![h.first_name, h.last_name, year]
                })
                .collect();
            spreadsheet_csv(&["fornavn", "etternavn", "fødselsår"], &rows)
        }
    }
}
