//! The year's card design: what the culture office chooses for the printed card.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CardDesign {
    pub year_id: i64,
    /// E.g. "Opplevelseskortet 2026".
    pub title: String,
    /// The rules printed on the card, e.g. the companion rule.
    pub rules: String,
    /// Who to ask, printed on the card.
    pub contact: String,
    pub show_venue_logos: bool,
    pub show_qr: bool,
    /// Venue ids in print order; `None` is every venue with an agreement that year, by name.
    pub venue_ids: Option<Vec<i64>>,
}

impl CardDesign {
    pub fn normalized(mut self) -> Self {
        for s in [&mut self.title, &mut self.rules, &mut self.contact] {
            *s = s.trim().to_string();
        }
        self
    }

    pub fn validate(&self) -> Vec<crate::FieldProblem> {
        let mut out = Vec::new();
        if self.title.is_empty() {
            out.push(crate::FieldProblem {
                field: "title",
                problem: crate::i18n::Problem::Required,
            });
        }
        for (field, value, max) in [
            ("title", &self.title, 60),
            ("rules", &self.rules, 200),
            ("contact", &self.contact, 200),
        ] {
            if value.chars().count() > max {
                out.push(crate::FieldProblem {
                    field,
                    problem: crate::i18n::Problem::TooLong { max },
                });
            }
        }
        out
    }

    /// The design moved to another year: a year number in the title follows along.
    pub fn for_year(&self, from_year: i32, to_year: i32, to_year_id: i64) -> CardDesign {
        CardDesign {
            year_id: to_year_id,
            title: self
                .title
                .replace(&from_year.to_string(), &to_year.to_string()),
            ..self.clone()
        }
    }
}

/// How a printer shifts and scales what it prints, measured on the calibration page; the PDF
/// is moved and scaled the other way so the card lands where it should.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrinterProfile {
    pub id: Option<i64>,
    pub name: String,
    /// Millimetres to move the print right (negative: left).
    pub offset_x_mm: f32,
    /// Millimetres to move the print down (negative: up).
    pub offset_y_mm: f32,
    /// 100 prints at true size.
    pub scale_percent: f32,
}

impl PrinterProfile {
    pub fn validate(&self) -> Vec<crate::FieldProblem> {
        use crate::i18n::Problem;
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push(crate::FieldProblem {
                field: "name",
                problem: Problem::Required,
            });
        }
        for (field, v) in [
            ("offsetXMm", self.offset_x_mm),
            ("offsetYMm", self.offset_y_mm),
        ] {
            if !(-20.0..=20.0).contains(&v) {
                out.push(crate::FieldProblem {
                    field,
                    problem: Problem::Calibration,
                });
            }
        }
        if !(90.0..=110.0).contains(&self.scale_percent) {
            out.push(crate::FieldProblem {
                field: "scalePercent",
                problem: Problem::Calibration,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_must_stay_within_twenty_millimetres_and_ten_percent() {
        let p = PrinterProfile {
            id: None,
            name: "Kortskriver".into(),
            offset_x_mm: 1.5,
            offset_y_mm: -0.5,
            scale_percent: 99.5,
        };
        assert!(p.validate().is_empty());
        let bad = PrinterProfile {
            offset_x_mm: 25.0,
            scale_percent: 120.0,
            ..p
        };
        let fields: Vec<_> = bad.validate().iter().map(|f| f.field).collect();
        assert_eq!(fields, ["offsetXMm", "scalePercent"]);
    }

    #[test]
    fn a_copied_design_takes_the_new_year_into_its_title() {
        let d = CardDesign {
            year_id: 1,
            title: "Opplevelseskortet 2026".into(),
            rules: "Kortholder og én ledsager går gratis.".into(),
            contact: String::new(),
            show_venue_logos: true,
            show_qr: true,
            venue_ids: Some(vec![3, 1]),
        };
        let next = d.for_year(2026, 2027, 2);
        assert_eq!(next.title, "Opplevelseskortet 2027");
        assert_eq!((next.year_id, next.venue_ids), (2, Some(vec![3, 1])));
    }
}
