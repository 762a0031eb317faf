//! What an import would do, shown before anything is saved: the rows that are new, the rows
//! that change (with each field before and after), how many stay as they are, and the rows
//! refused with their reasons. The import itself runs the same plan, so what was shown is
//! what is saved.

use super::RowProblem;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    New,
    Changed,
    Unchanged,
}

/// One field a row changes, named by the file's own column header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    pub column: String,
    pub before: String,
    pub after: String,
}

/// A row of the file that adds or changes something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRow {
    /// The spreadsheet row (the header is row 1).
    pub row: u32,
    pub change: Change,
    /// What the row is about: a venue's name, a holder's name, "venue – year" for an agreement.
    pub label: String,
    /// For a changed row, the fields that change.
    pub fields: Vec<FieldChange>,
}

/// The whole plan of an import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPreview {
    pub new: u32,
    pub changed: u32,
    pub unchanged: u32,
    /// New and changed rows in file order; unchanged rows are only counted.
    pub rows: Vec<PreviewRow>,
    /// Rows that cannot be imported; while there are any, nothing is saved.
    pub refused: Vec<RowProblem>,
}

impl ImportPreview {
    /// Adds a row: new when there was nothing before, else changed or unchanged by its fields.
    /// A refused row is only listed among the refused.
    pub(crate) fn add(&mut self, row: usize, label: String, before: Option<Vec<FieldChange>>) {
        if self.refused.iter().any(|p| p.row == row) {
            return;
        }
        let (change, fields) = match before {
            None => (Change::New, Vec::new()),
            Some(fields) if fields.is_empty() => (Change::Unchanged, fields),
            Some(fields) => (Change::Changed, fields),
        };
        match change {
            Change::New => self.new += 1,
            Change::Changed => self.changed += 1,
            Change::Unchanged => {
                self.unchanged += 1;
                return;
            }
        }
        self.rows.push(PreviewRow {
            row: row as u32,
            change,
            label,
            fields,
        });
    }
}

/// The fields whose text differs, from `(column, before, after)` triples.
pub(crate) fn changed_fields(pairs: Vec<(String, String, String)>) -> Vec<FieldChange> {
    pairs
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(column, before, after)| FieldChange {
            column,
            before,
            after,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_new_changed_or_unchanged_and_only_the_first_two_are_listed() {
        let mut p = ImportPreview::default();
        p.add(2, "A".into(), None);
        let same = changed_fields(vec![("navn".into(), "B".into(), "B".into())]);
        p.add(3, "B".into(), Some(same));
        let moved = changed_fields(vec![
            ("navn".into(), "C".into(), "C".into()),
            ("adresse".into(), "Gata 1".into(), "Vegen 2".into()),
        ]);
        p.add(4, "C".into(), Some(moved));
        assert_eq!((p.new, p.changed, p.unchanged), (1, 1, 1));
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[1].change, Change::Changed);
        assert_eq!(
            p.rows[1].fields,
            vec![FieldChange {
                column: "adresse".into(),
                before: "Gata 1".into(),
                after: "Vegen 2".into()
            }]
        );
    }
}
