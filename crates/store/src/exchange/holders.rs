//! CSV import and export of holders, with the same rules as venues: UTF-8 or Windows-1252,
//! `;` or `,`, Norwegian or English headers, every bad row listed and nothing written.
//! Export gives NAV the full record and the culture office only names and birth years.

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

impl Workspace {
    /// Imports holders from a CSV or .xlsx file; a row with the same name and birth date as a
    /// registered holder updates it.
    pub fn import_holders_csv(
        &mut self,
        actor: &Actor,
        bytes: &[u8],
        today: NaiveDate,
    ) -> Result<HolderImportReport, StoreError> {
        require(actor, Action::ManageHolders)?;
        let table = read_table(bytes)?;
        let (header_row, header) = header(&table)?;
        let known: Vec<&[&str]> = COLUMNS.iter().map(|(_, names)| *names).collect();
        let columns = Columns::match_header((header_row, header), &known, &[0, 1, 2], true)?;
        let column = |c: usize| columns.name(c, &known);
        let mut problems = Vec::new();
        let mut rows: Vec<(usize, HolderInput)> = Vec::new();
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
                let c = COLUMNS.iter().position(|(f, _)| *f == p.field).unwrap_or(0);
                let name = column(c);
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
        let nav = self
            .keys
            .nav
            .clone()
            .ok_or(StoreError::Denied(actor.role))?;
        let tx = self.conn.transaction()?;
        let mut report = HolderImportReport {
            created: 0,
            updated: 0,
        };
        for (_, mut input) in rows {
            let existing = duplicates_of(&tx, &nav, &input)?.into_iter().next();
            if let Some(old) = &existing {
                // A column the file does not have leaves that field as it is.
                let missing = |c: usize| !columns.has(c);
                if missing(3) {
                    input.language.clone_from(&old.language);
                }
                if missing(4) {
                    input.guardian_name.clone_from(&old.guardian_name);
                }
                if missing(5) {
                    input.guardian_phone.clone_from(&old.guardian_phone);
                }
                if missing(6) {
                    input.guardian_email.clone_from(&old.guardian_email);
                }
                if missing(7) {
                    input.address.clone_from(&old.address);
                }
                if missing(8) {
                    input.nav_contact.clone_from(&old.nav_contact);
                }
                if missing(9) {
                    input.nav_note.clone_from(&old.nav_note);
                }
            }
            input.id = existing.map(|h| h.id);
            if input.id.is_some() {
                report.updated += 1;
            } else {
                report.created += 1;
            }
            write_holder(&tx, &nav, actor, &input)?;
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
