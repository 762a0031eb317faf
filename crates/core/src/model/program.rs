//! The program (name, municipality, colours) and its years (validity, quota, age range).

use super::*;

/// The program as the culture office (Kultur) runs it: who runs it and how it looks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Program {
    pub municipality: String,
    pub name: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub logo_id: Option<i64>,
    pub coat_of_arms_id: Option<i64>,
    pub primary_colour: String,
    pub accent_colour: String,
    /// Minutes a venue desk may stand idle before it is logged out.
    pub desk_idle_minutes: u32,
    /// Years a holder's data is kept after their last card expired.
    pub retention_years: u32,
}

/// What a user edits of the program; images are set separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgramInput {
    pub municipality: String,
    pub name: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub primary_colour: String,
    pub accent_colour: String,
    /// Minutes a venue desk may stand idle before it is logged out (1–480).
    pub desk_idle_minutes: u32,
    /// Years a holder's data is kept after their last card expired (1–10).
    pub retention_years: u32,
}

pub const DEFAULT_PROGRAM_NAME: &str = "Opplevelseskortet";

impl ProgramInput {
    pub fn normalized(mut self) -> Self {
        for s in [
            &mut self.municipality,
            &mut self.name,
            &mut self.contact_name,
            &mut self.contact_phone,
            &mut self.contact_email,
            &mut self.primary_colour,
            &mut self.accent_colour,
        ] {
            *s = s.trim().to_string();
        }
        self
    }

    pub fn validate(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        required(&mut out, "municipality", &self.municipality, 100);
        required(&mut out, "name", &self.name, 100);
        text(&mut out, "contactName", &self.contact_name, 100);
        check_phone(&mut out, "contactPhone", &self.contact_phone);
        check_email(&mut out, "contactEmail", &self.contact_email);
        colour(&mut out, "primaryColour", &self.primary_colour);
        colour(&mut out, "accentColour", &self.accent_colour);
        if !(1..=480).contains(&self.desk_idle_minutes) {
            out.push(problem("deskIdleMinutes", Problem::IdleMinutes));
        }
        if !(1..=10).contains(&self.retention_years) {
            out.push(problem("retentionYears", Problem::RetentionYears));
        }
        out
    }
}

/// Where a program year is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum YearStatus {
    Planning,
    Active,
    Closed,
}

impl YearStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            YearStatus::Planning => "planning",
            YearStatus::Active => "active",
            YearStatus::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "planning" => Some(YearStatus::Planning),
            "active" => Some(YearStatus::Active),
            "closed" => Some(YearStatus::Closed),
            _ => None,
        }
    }
}

/// One program year (driftsår): its validity, card quota, age range and companion rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgramYear {
    pub id: i64,
    pub year: i32,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub card_quota: u32,
    pub age_min: u8,
    pub age_max: u8,
    /// Holder plus one companion (ledsager) enter free.
    pub companion_free: bool,
    pub status: YearStatus,
    /// At most this many cards per family (holders sharing a guardian); `None` is no cap.
    pub family_cap: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProgramYearInput {
    pub id: Option<i64>,
    pub year: i32,
    pub valid_from: NaiveDate,
    pub valid_to: NaiveDate,
    pub card_quota: u32,
    pub age_min: u8,
    pub age_max: u8,
    pub companion_free: bool,
    pub status: YearStatus,
    pub family_cap: Option<u32>,
}

/// A saved year as the form that edits it.
impl From<&ProgramYear> for ProgramYearInput {
    fn from(y: &ProgramYear) -> Self {
        ProgramYearInput {
            id: Some(y.id),
            year: y.year,
            valid_from: y.valid_from,
            valid_to: y.valid_to,
            card_quota: y.card_quota,
            age_min: y.age_min,
            age_max: y.age_max,
            companion_free: y.companion_free,
            status: y.status,
            family_cap: y.family_cap,
        }
    }
}

impl ProgramYearInput {
    /// The defaults for a new year: the calendar year, 30 cards, age 5–18, companion free.
    pub fn new_for(year: i32) -> Option<Self> {
        Some(ProgramYearInput {
            id: None,
            year,
            valid_from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            valid_to: NaiveDate::from_ymd_opt(year, 12, 31)?,
            card_quota: 30,
            age_min: 5,
            age_max: 18,
            companion_free: true,
            status: YearStatus::Planning,
            family_cap: None,
        })
    }

    pub fn validate(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if !(2000..=2100).contains(&self.year) {
            out.push(problem("year", Problem::Year));
        }
        if self.valid_to < self.valid_from {
            out.push(problem("validTo", Problem::EndBeforeStart));
        }
        if !(1..=10_000).contains(&self.card_quota) {
            out.push(problem("cardQuota", Problem::Quota));
        }
        if self.age_min > self.age_max || self.age_max > 25 {
            out.push(problem("ageMax", Problem::AgeRange));
        }
        if self.family_cap == Some(0) {
            out.push(problem("familyCap", Problem::Quota));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_year_has_the_programs_defaults() {
        let y = ProgramYearInput::new_for(2027).expect("valid");
        assert_eq!(
            (y.age_min, y.age_max, y.card_quota, y.companion_free),
            (5, 18, 30, true)
        );
        assert!(y.validate().is_empty());
        let bad = ProgramYearInput { age_min: 19, ..y };
        assert_eq!(bad.validate()[0].field, "ageMax");
    }
}
