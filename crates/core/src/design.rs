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

#[cfg(test)]
mod tests {
    use super::*;

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
