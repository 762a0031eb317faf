//! Errors as the UI receives them: a closed set of codes to branch on, and a message for people.

use okort_core::Lang;
use okort_store::StoreError;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// Some fields are wrong; `fields` says which.
    Invalid,
    /// A logo or coat of arms was refused.
    Image,
    /// An imported file was refused; `rows` lists every problem.
    Import,
    NotFound,
    TooNew,
    NotAWorkspace,
    Exists,
    NoWorkspace,
    /// No one is logged in: show the login screen.
    NotLoggedIn,
    /// The role may not do this.
    Denied,
    /// A rule refused it (quota, age range, wrong password …); the message says which.
    Refused,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowError {
    pub row: u32,
    pub column: String,
    pub message: String,
}

impl RowError {
    pub fn new(r: &okort_store::RowProblem, lang: Lang) -> Self {
        RowError {
            row: r.row as u32,
            column: r.column.clone(),
            message: r.message(lang),
        }
    }
}

/// What an import of venues or holders would do, shown before the user confirms it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreviewView {
    pub new: u32,
    pub changed: u32,
    pub unchanged: u32,
    /// New and changed rows, with the fields that change.
    pub rows: Vec<okort_store::exchange::PreviewRow>,
    /// Rows that cannot be imported: while there are any, nothing can be saved.
    pub refused: Vec<RowError>,
}

impl ImportPreviewView {
    pub fn new(p: okort_store::ImportPreview, lang: Lang) -> Self {
        ImportPreviewView {
            new: p.new,
            changed: p.changed,
            unchanged: p.unchanged,
            refused: p.refused.iter().map(|r| RowError::new(r, lang)).collect(),
            rows: p.rows,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
    pub rows: Vec<RowError>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            fields: Vec::new(),
            rows: Vec::new(),
        }
    }

    pub fn no_workspace(lang: Lang) -> Self {
        ApiError::new(
            ErrorCode::NoWorkspace,
            okort_core::i18n::Msg::NoWorkspace.text(lang),
        )
    }

    /// A document that could not be read or made.
    pub fn from_doc(e: impl Into<okort_documents::DocError>, lang: Lang) -> Self {
        ApiError::from_store(e.into().into(), lang)
    }

    pub fn from_store(e: StoreError, lang: Lang) -> Self {
        let message = e.message(lang);
        let code = match &e {
            StoreError::Invalid(_) => ErrorCode::Invalid,
            StoreError::Image(_) => ErrorCode::Image,
            StoreError::Import(_) | StoreError::Csv(_) => ErrorCode::Import,
            StoreError::Missing { .. } | StoreError::NotFound(_) => ErrorCode::NotFound,
            StoreError::TooNew { .. } => ErrorCode::TooNew,
            StoreError::NotAWorkspace(_) => ErrorCode::NotAWorkspace,
            StoreError::AlreadyExists(_) => ErrorCode::Exists,
            StoreError::Denied(_) => ErrorCode::Denied,
            StoreError::Refused(_) => ErrorCode::Refused,
            e if e.is_read_only() => ErrorCode::Refused,
            StoreError::Sqlite(_)
            | StoreError::Io(_)
            | StoreError::Random(_)
            | StoreError::Output(_) => ErrorCode::Internal,
        };
        let fields = match &e {
            StoreError::Invalid(problems) => problems
                .iter()
                .map(|p| FieldError {
                    field: p.field.into(),
                    message: p.problem.message(lang),
                })
                .collect(),
            _ => Vec::new(),
        };
        let rows = match &e {
            StoreError::Import(rows) => rows.iter().map(|r| RowError::new(r, lang)).collect(),
            _ => Vec::new(),
        };
        ApiError {
            code,
            message,
            fields,
            rows,
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;
    use okort_core::i18n::Problem;
    use okort_core::FieldProblem;

    #[test]
    fn field_problems_reach_the_ui_with_field_names_and_sentences() {
        let e = StoreError::Invalid(vec![FieldProblem {
            field: "name",
            problem: Problem::Required,
        }]);
        let api = ApiError::from_store(e, Lang::En);
        assert_eq!(api.code, ErrorCode::Invalid);
        assert_eq!(
            api.fields,
            vec![FieldError {
                field: "name".into(),
                message: "is required".into()
            }]
        );
    }
}
