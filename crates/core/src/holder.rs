//! Card holders (kortholdere): the children and young people NAV selects. Only what the
//! program needs is kept: no national identity number.

use crate::access::Role;
use crate::i18n::Problem;
use crate::model::FieldProblem;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Everything kept about a holder; only NAV sees all of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Holder {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: NaiveDate,
    pub language: String,
    pub guardian_name: String,
    pub guardian_phone: String,
    pub guardian_email: String,
    pub address: String,
    /// The person at NAV responsible for this holder.
    pub nav_contact: String,
    /// Seen by NAV only.
    pub nav_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HolderInput {
    pub id: Option<i64>,
    pub first_name: String,
    pub last_name: String,
    pub birth_date: NaiveDate,
    pub language: String,
    pub guardian_name: String,
    pub guardian_phone: String,
    pub guardian_email: String,
    pub address: String,
    pub nav_contact: String,
    pub nav_note: String,
}

/// What the culture office sees of a holder: enough to print and count (and the language the
/// family's letter is printed in), nothing more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HolderSummary {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub birth_year: i32,
    /// The family's language (ISO 639), so a name in its script is read in it.
    pub language: String,
}

impl Holder {
    pub fn summary(&self) -> HolderSummary {
        HolderSummary {
            id: self.id,
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            birth_year: self.birth_date.year(),
            language: self.language.clone(),
        }
    }

    /// Holders sharing a guardian form a family: the guardian's phone, else e-mail, else name.
    pub fn family_key(&self) -> Option<String> {
        family_key(
            &self.guardian_phone,
            &self.guardian_email,
            &self.guardian_name,
        )
    }
}

pub fn family_key(phone: &str, email: &str, name: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let digits = digits
        .strip_prefix("47")
        .filter(|d| d.len() == 8)
        .unwrap_or(&digits);
    if !digits.is_empty() {
        return Some(format!("tel:{digits}"));
    }
    if !email.trim().is_empty() {
        return Some(format!("mail:{}", email.trim().to_lowercase()));
    }
    let name = name.trim().to_lowercase();
    (!name.is_empty()).then(|| format!("name:{name}"))
}

/// The age a holder reaches during `year`: the program counts 5–18 "in the card's year".
pub fn age_in_year(birth_date: NaiveDate, year: i32) -> i32 {
    year - birth_date.year()
}

impl HolderInput {
    pub fn normalized(mut self) -> Self {
        for s in [
            &mut self.first_name,
            &mut self.last_name,
            &mut self.language,
            &mut self.guardian_name,
            &mut self.guardian_phone,
            &mut self.guardian_email,
            &mut self.address,
            &mut self.nav_contact,
            &mut self.nav_note,
        ] {
            *s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        if self.language.is_empty() {
            self.language = "nb".into();
        }
        // A language written as its code in capitals or by name ("Arabisk", "Tigrinya",
        // "ትግርኛ") is kept as its code.
        if let Some(l) = crate::languages::by_code_or_name(&self.language) {
            self.language = l.code.to_string();
        }
        self
    }

    pub fn validate(&self, today: NaiveDate) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        let mut push = |field, problem| out.push(FieldProblem { field, problem });
        for (field, value, max) in [
            ("firstName", &self.first_name, 100),
            ("lastName", &self.last_name, 100),
        ] {
            if value.is_empty() {
                push(field, Problem::Required);
            } else if value.chars().count() > max {
                push(field, Problem::TooLong { max });
            }
        }
        if self.birth_date > today || today.year() - self.birth_date.year() > 30 {
            push("birthDate", Problem::BirthDate);
        }
        if crate::languages::find(&self.language).is_none() {
            push(
                "language",
                Problem::UnknownLanguage {
                    value: self.language.clone(),
                },
            );
        }
        let mut rest = Vec::new();
        crate::model::check_phone(&mut rest, "guardianPhone", &self.guardian_phone);
        crate::model::check_email(&mut rest, "guardianEmail", &self.guardian_email);
        for (field, value, max) in [
            ("guardianName", &self.guardian_name, 100),
            ("address", &self.address, 200),
            ("navContact", &self.nav_contact, 100),
            ("navNote", &self.nav_note, 2000),
        ] {
            if value.chars().count() > max {
                rest.push(FieldProblem {
                    field,
                    problem: Problem::TooLong { max },
                });
            }
        }
        out.extend(rest);
        out
    }
}

/// Whether a role may see a holder's full record (guardian, address, NAV note).
pub fn sees_full_record(role: Role) -> bool {
    role == Role::Nav
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn input() -> HolderInput {
        HolderInput {
            id: None,
            first_name: "  Amina ".into(),
            last_name: "Hassan".into(),
            birth_date: d(2015, 3, 4),
            language: "".into(),
            guardian_name: "".into(),
            guardian_phone: "".into(),
            guardian_email: "".into(),
            address: "".into(),
            nav_contact: "".into(),
            nav_note: "".into(),
        }
    }

    #[test]
    fn any_iso_639_language_is_taken_by_its_code_or_its_name() {
        let with = |language: &str| {
            HolderInput {
                language: language.into(),
                ..input()
            }
            .normalized()
        };
        for (written, code) in [
            ("de", "de"),
            ("Tysk", "de"),
            ("中文", "zh"),
            ("hindi", "hi"),
            ("KO", "ko"),
            ("ქართული", "ka"),
            ("dari", "prs"),
        ] {
            let h = with(written);
            assert_eq!(h.language, code, "{written}");
            assert!(h.validate(d(2026, 1, 2)).is_empty(), "{written}");
        }
        let unknown = with("klingon-ish").validate(d(2026, 1, 2));
        assert_eq!(unknown[0].field, "language");
        assert!(matches!(
            unknown[0].problem,
            Problem::UnknownLanguage { .. }
        ));
    }

    #[test]
    fn names_in_any_script_are_kept_as_written() {
        for (first, last) in [
            ("Amina", "Hassan"),
            ("مريم", "الحسن"),
            ("ሰላም", "ተስፋይ"),
            ("Олена", "Коваль"),
        ] {
            let h = HolderInput {
                first_name: first.into(),
                last_name: last.into(),
                ..input()
            }
            .normalized();
            assert!(h.validate(d(2026, 11, 26)).is_empty(), "{first} {last}");
            assert_eq!(h.first_name, first);
        }
    }

    #[test]
    fn a_birth_date_in_the_future_is_refused() {
        let h = HolderInput {
            birth_date: d(2027, 1, 1),
            ..input()
        }
        .normalized();
        assert_eq!(h.validate(d(2026, 11, 26))[0].field, "birthDate");
    }

    #[test]
    fn the_age_counted_is_the_age_reached_in_the_cards_year() {
        assert_eq!(age_in_year(d(2008, 12, 31), 2026), 18);
        assert_eq!(age_in_year(d(2021, 1, 1), 2026), 5);
    }

    #[test]
    fn siblings_share_a_family_key_through_the_guardians_phone() {
        assert_eq!(
            family_key("+47 912 34 567", "", "Mor"),
            Some("tel:91234567".into())
        );
        assert_eq!(
            family_key("91234567", "x@y.no", ""),
            Some("tel:91234567".into())
        );
        assert_eq!(family_key("", " X@Y.no", ""), Some("mail:x@y.no".into()));
        assert_eq!(family_key("", "", ""), None);
    }
}
