//! The program, its years, the venue register and the venues' agreements, each in its own
//! file, and the field checks they share.

use crate::checks::{check_bank_account, check_org_number, normalize_number};
use crate::i18n::Problem;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A problem with one field of a form or one cell of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field's camelCase name, as the UI and the file mapping know it.
    pub field: &'static str,
    pub problem: Problem,
}

fn problem(field: &'static str, problem: Problem) -> FieldProblem {
    FieldProblem { field, problem }
}

mod agreement;
mod program;
mod venue;

pub use agreement::*;
pub use program::*;
pub use venue::*;

fn text(out: &mut Vec<FieldProblem>, field: &'static str, value: &str, max: usize) {
    if value.chars().count() > max {
        out.push(problem(field, Problem::TooLong { max }));
    }
}

fn required(out: &mut Vec<FieldProblem>, field: &'static str, value: &str, max: usize) {
    if value.trim().is_empty() {
        out.push(problem(field, Problem::Required));
    } else {
        text(out, field, value, max);
    }
}

pub(crate) fn check_phone(out: &mut Vec<FieldProblem>, field: &'static str, value: &str) {
    if value.is_empty() {
        return;
    }
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !allowed || !(8..=15).contains(&digits) {
        out.push(problem(field, Problem::Phone));
    }
}

pub(crate) fn check_email(out: &mut Vec<FieldProblem>, field: &'static str, value: &str) {
    if value.is_empty() {
        return;
    }
    let ok = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.contains(char::is_whitespace)
                && !domain.contains('@')
        }
        None => false,
    };
    if !ok || value.len() > 254 {
        out.push(problem(field, Problem::Email));
    }
}

fn colour(out: &mut Vec<FieldProblem>, field: &'static str, value: &str) {
    let ok = value.len() == 7
        && value.starts_with('#')
        && value[1..].chars().all(|c| c.is_ascii_hexdigit());
    if !ok {
        out.push(problem(field, Problem::Colour));
    }
}
