//! The program, its years, the venue register and the venues' agreements.

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

/// The kinds of venue the program works with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VenueCategory {
    Cinema,
    Swimming,
    PlayLand,
    Performance,
    CourseDance,
    CourseMusic,
    CourseTheatre,
    CourseSport,
    Other,
}

impl VenueCategory {
    pub const ALL: [VenueCategory; 9] = [
        VenueCategory::Cinema,
        VenueCategory::Swimming,
        VenueCategory::PlayLand,
        VenueCategory::Performance,
        VenueCategory::CourseDance,
        VenueCategory::CourseMusic,
        VenueCategory::CourseTheatre,
        VenueCategory::CourseSport,
        VenueCategory::Other,
    ];

    /// The stable code kept in the database and accepted in English files.
    pub fn code(self) -> &'static str {
        match self {
            VenueCategory::Cinema => "cinema",
            VenueCategory::Swimming => "swimming",
            VenueCategory::PlayLand => "playLand",
            VenueCategory::Performance => "performance",
            VenueCategory::CourseDance => "courseDance",
            VenueCategory::CourseMusic => "courseMusic",
            VenueCategory::CourseTheatre => "courseTheatre",
            VenueCategory::CourseSport => "courseSport",
            VenueCategory::Other => "other",
        }
    }

    /// The Norwegian word written in exported files.
    pub fn label_nb(self) -> &'static str {
        match self {
            VenueCategory::Cinema => "kino",
            VenueCategory::Swimming => "bad",
            VenueCategory::PlayLand => "lekeland",
            VenueCategory::Performance => "forestilling",
            VenueCategory::CourseDance => "kurs dans",
            VenueCategory::CourseMusic => "kurs musikk",
            VenueCategory::CourseTheatre => "kurs teater",
            VenueCategory::CourseSport => "kurs idrett",
            VenueCategory::Other => "annet",
        }
    }

    /// Reads a category from a code, a Norwegian word or an English word, ignoring case.
    pub fn parse(s: &str) -> Option<Self> {
        let key: String = s
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || "æøå".contains(*c))
            .collect();
        let found = match key.as_str() {
            "cinema" | "kino" => VenueCategory::Cinema,
            "swimming" | "swimmingpool" | "pool" | "bad" | "svømming" | "svømmehall" => {
                VenueCategory::Swimming
            }
            "playland" | "lekeland" => VenueCategory::PlayLand,
            "performance" | "forestilling" | "teater" | "konsert" => VenueCategory::Performance,
            "coursedance" | "kursdans" | "dans" => VenueCategory::CourseDance,
            "coursemusic" | "kursmusikk" | "musikk" => VenueCategory::CourseMusic,
            "coursetheatre" | "kursteater" => VenueCategory::CourseTheatre,
            "coursesport" | "kursidrett" | "idrett" | "sport" => VenueCategory::CourseSport,
            "other" | "annet" => VenueCategory::Other,
            _ => return None,
        };
        Some(found)
    }
}

/// A venue (brukersted): a cinema, pool, club or course that accepts the card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Venue {
    pub id: i64,
    pub name: String,
    pub category: VenueCategory,
    pub address: String,
    pub contact_person: String,
    pub phone: String,
    pub email: String,
    pub org_number: String,
    pub bank_account: String,
    pub logo_id: Option<i64>,
    pub active: bool,
    /// Shown to the venue's staff, e.g. "holders never pay for the companion".
    pub staff_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VenueInput {
    pub id: Option<i64>,
    pub name: String,
    pub category: VenueCategory,
    pub address: String,
    pub contact_person: String,
    pub phone: String,
    pub email: String,
    pub org_number: String,
    pub bank_account: String,
    pub active: bool,
    pub staff_note: String,
}

impl VenueInput {
    /// Trims text and removes spaces and dots from the numbers.
    pub fn normalized(mut self) -> Self {
        for s in [
            &mut self.name,
            &mut self.address,
            &mut self.contact_person,
            &mut self.phone,
            &mut self.email,
            &mut self.staff_note,
        ] {
            *s = s.trim().to_string();
        }
        self.org_number = normalize_number(&self.org_number);
        self.bank_account = normalize_number(&self.bank_account);
        self
    }

    /// Checks a normalized input. The organisation number and account are optional (a
    /// municipal venue may have neither), but when given they must pass MOD11.
    pub fn validate(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        required(&mut out, "name", &self.name, 120);
        text(&mut out, "address", &self.address, 200);
        text(&mut out, "contactPerson", &self.contact_person, 100);
        check_phone(&mut out, "phone", &self.phone);
        check_email(&mut out, "email", &self.email);
        if !self.org_number.is_empty() {
            if let Err(p) = check_org_number(&self.org_number) {
                out.push(problem("orgNumber", Problem::OrgNumber(p)));
            }
        }
        if !self.bank_account.is_empty() {
            if let Err(p) = check_bank_account(&self.bank_account) {
                out.push(problem("bankAccount", Problem::BankAccount(p)));
            }
        }
        text(&mut out, "staffNote", &self.staff_note, 2000);
        out
    }
}

/// Who pays for a visit: the venue itself, the municipality in full, or a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CompensationModel {
    VenueBearsCost,
    FullRefund,
    Share,
}

impl CompensationModel {
    pub fn code(self) -> &'static str {
        match self {
            CompensationModel::VenueBearsCost => "venueBearsCost",
            CompensationModel::FullRefund => "fullRefund",
            CompensationModel::Share => "share",
        }
    }

    pub fn label_nb(self) -> &'static str {
        match self {
            CompensationModel::VenueBearsCost => "brukerstedet dekker selv",
            CompensationModel::FullRefund => "full refusjon",
            CompensationModel::Share => "andel",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let key: String = s
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || "æøå".contains(*c))
            .collect();
        match key.as_str() {
            "venuebearscost"
            | "venue"
            | "none"
            | "brukerstedetdekkerselv"
            | "dekkerselv"
            | "ingen" => Some(CompensationModel::VenueBearsCost),
            "fullrefund" | "full" | "fullrefusjon" => Some(CompensationModel::FullRefund),
            "share" | "andel" | "delvis" | "halv" => Some(CompensationModel::Share),
            _ => None,
        }
    }
}

/// A venue's agreement (avtale) for one program year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    pub id: i64,
    pub venue_id: i64,
    pub year_id: i64,
    pub year: i32,
    /// Visits per card this year; `None` is free entry all year.
    pub visits_per_card: Option<u8>,
    pub companion_free: bool,
    /// What the card does not cover, e.g. membership fees.
    pub not_covered: String,
    pub compensation: CompensationModel,
    /// The municipality's share in percent when `compensation` is `Share`.
    pub share_percent: u8,
    pub holder_price_ore: i64,
    pub companion_price_ore: i64,
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgreementInput {
    pub venue_id: i64,
    pub year_id: i64,
    pub visits_per_card: Option<u8>,
    pub companion_free: bool,
    pub not_covered: String,
    pub compensation: CompensationModel,
    pub share_percent: u8,
    pub holder_price_ore: i64,
    pub companion_price_ore: i64,
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
    pub signed_on: Option<NaiveDate>,
}

impl AgreementInput {
    pub fn normalized(mut self) -> Self {
        self.not_covered = self.not_covered.trim().to_string();
        self.share_percent = match self.compensation {
            CompensationModel::VenueBearsCost => 0,
            CompensationModel::FullRefund => 100,
            CompensationModel::Share => self.share_percent,
        };
        self
    }

    /// Checks the agreement against the year it belongs to.
    pub fn validate(&self, year: &ProgramYear) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        if let Some(v) = self.visits_per_card {
            if !(1..=99).contains(&v) {
                out.push(problem("visitsPerCard", Problem::VisitsPerCard));
            }
        }
        text(&mut out, "notCovered", &self.not_covered, 500);
        if self.compensation == CompensationModel::Share && !(1..=99).contains(&self.share_percent)
        {
            out.push(problem("sharePercent", Problem::SharePercent));
        }
        if self.holder_price_ore < 0 {
            out.push(problem("holderPriceOre", Problem::NegativePrice));
        }
        if self.companion_price_ore < 0 {
            out.push(problem("companionPriceOre", Problem::NegativePrice));
        }
        if let (Some(from), Some(to)) = (self.period_from, self.period_to) {
            if to < from {
                out.push(problem("periodTo", Problem::EndBeforeStart));
            }
        }
        for (field, date) in [
            ("periodFrom", self.period_from),
            ("periodTo", self.period_to),
        ] {
            if let Some(d) = date {
                if d < year.valid_from || d > year.valid_to {
                    out.push(problem(field, Problem::OutsideYear));
                }
            }
        }
        out
    }

    /// The same agreement moved to another year; dates move by the difference in years.
    pub fn moved_to(&self, from: &ProgramYear, to: &ProgramYear) -> AgreementInput {
        let shift = |d: Option<NaiveDate>| {
            d.and_then(|d| d.with_year(d.year() + to.year - from.year))
                .map(|d| d.clamp(to.valid_from, to.valid_to))
        };
        AgreementInput {
            year_id: to.id,
            period_from: shift(self.period_from),
            period_to: shift(self.period_to),
            signed_on: None,
            ..self.clone()
        }
    }
}

impl From<&Agreement> for AgreementInput {
    fn from(a: &Agreement) -> Self {
        AgreementInput {
            venue_id: a.venue_id,
            year_id: a.year_id,
            visits_per_card: a.visits_per_card,
            companion_free: a.companion_free,
            not_covered: a.not_covered.clone(),
            compensation: a.compensation,
            share_percent: a.share_percent,
            holder_price_ore: a.holder_price_ore,
            companion_price_ore: a.companion_price_ore,
            period_from: a.period_from,
            period_to: a.period_to,
            signed_on: a.signed_on,
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::NumberProblem;

    fn venue() -> VenueInput {
        VenueInput {
            id: None,
            name: " Kino Sentrum ".into(),
            category: VenueCategory::Cinema,
            address: "Storgata 1".into(),
            contact_person: "Kari".into(),
            phone: "+47 22 33 44 55".into(),
            email: "post@kino.example".into(),
            org_number: "974 760 673".into(),
            bank_account: "8601.11.17947".into(),
            active: true,
            staff_note: String::new(),
        }
    }

    fn year() -> ProgramYear {
        let y = ProgramYearInput::new_for(2026).expect("valid year");
        ProgramYear {
            id: 1,
            year: y.year,
            valid_from: y.valid_from,
            valid_to: y.valid_to,
            card_quota: y.card_quota,
            age_min: y.age_min,
            age_max: y.age_max,
            companion_free: y.companion_free,
            status: y.status,
            family_cap: None,
        }
    }

    fn agreement() -> AgreementInput {
        AgreementInput {
            venue_id: 1,
            year_id: 1,
            visits_per_card: Some(5),
            companion_free: true,
            not_covered: String::new(),
            compensation: CompensationModel::Share,
            share_percent: 50,
            holder_price_ore: 12_000,
            companion_price_ore: 12_000,
            period_from: None,
            period_to: None,
            signed_on: None,
        }
    }

    #[test]
    fn a_complete_venue_with_spaced_numbers_is_valid_after_normalizing() {
        let v = venue().normalized();
        assert_eq!(v.name, "Kino Sentrum");
        assert_eq!(v.org_number, "974760673");
        assert!(v.validate().is_empty(), "{:?}", v.validate());
    }

    #[test]
    fn a_venue_without_name_and_with_a_mistyped_org_number_gets_both_problems() {
        let v = VenueInput {
            name: " ".into(),
            org_number: "974760674".into(),
            ..venue()
        }
        .normalized();
        let problems = v.validate();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].field, "name");
        assert_eq!(
            problems[1],
            problem("orgNumber", Problem::OrgNumber(NumberProblem::CheckDigit))
        );
    }

    #[test]
    fn bad_email_and_phone_are_reported_on_their_fields() {
        let v = VenueInput {
            email: "post@kino".into(),
            phone: "12".into(),
            ..venue()
        }
        .normalized();
        let fields: Vec<_> = v.validate().iter().map(|p| p.field).collect();
        assert_eq!(fields, ["phone", "email"]);
    }

    #[test]
    fn visits_per_card_must_be_between_one_and_ninety_nine_or_free_entry() {
        let y = year();
        assert!(AgreementInput {
            visits_per_card: None,
            ..agreement()
        }
        .validate(&y)
        .is_empty());
        assert!(AgreementInput {
            visits_per_card: Some(99),
            ..agreement()
        }
        .validate(&y)
        .is_empty());
        for bad in [0, 100] {
            let a = AgreementInput {
                visits_per_card: Some(bad),
                ..agreement()
            };
            assert_eq!(a.validate(&y)[0].field, "visitsPerCard", "{bad}");
        }
    }

    #[test]
    fn share_model_needs_a_percent_and_full_refund_is_always_a_hundred() {
        let y = year();
        let a = AgreementInput {
            share_percent: 0,
            ..agreement()
        }
        .normalized();
        assert_eq!(a.validate(&y)[0].field, "sharePercent");
        let full = AgreementInput {
            compensation: CompensationModel::FullRefund,
            ..agreement()
        }
        .normalized();
        assert_eq!(full.share_percent, 100);
        let own = AgreementInput {
            compensation: CompensationModel::VenueBearsCost,
            ..agreement()
        }
        .normalized();
        assert_eq!(own.share_percent, 0);
    }

    #[test]
    fn an_agreement_period_must_lie_inside_the_year_and_in_order() {
        let y = year();
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        let reversed = AgreementInput {
            period_from: d(6, 1),
            period_to: d(2, 1),
            ..agreement()
        };
        assert_eq!(reversed.validate(&y)[0].field, "periodTo");
        let outside = AgreementInput {
            period_from: NaiveDate::from_ymd_opt(2025, 12, 1),
            ..agreement()
        };
        assert_eq!(outside.validate(&y)[0].problem, Problem::OutsideYear);
    }

    #[test]
    fn a_copied_agreement_moves_its_dates_into_the_new_year_and_is_unsigned() {
        let from = year();
        let to = ProgramYear {
            id: 2,
            year: 2027,
            ..year()
        };
        let to = ProgramYear {
            valid_from: NaiveDate::from_ymd_opt(2027, 1, 1).expect("date"),
            valid_to: NaiveDate::from_ymd_opt(2027, 12, 31).expect("date"),
            ..to
        };
        let a = AgreementInput {
            period_from: NaiveDate::from_ymd_opt(2026, 2, 1),
            signed_on: NaiveDate::from_ymd_opt(2026, 1, 15),
            ..agreement()
        };
        let moved = a.moved_to(&from, &to);
        assert_eq!(moved.year_id, 2);
        assert_eq!(moved.period_from, NaiveDate::from_ymd_opt(2027, 2, 1));
        assert_eq!(moved.signed_on, None);
        assert_eq!(moved.visits_per_card, Some(5));
    }

    #[test]
    fn categories_read_in_norwegian_english_and_code() {
        assert_eq!(VenueCategory::parse("Kino"), Some(VenueCategory::Cinema));
        assert_eq!(
            VenueCategory::parse("play land"),
            Some(VenueCategory::PlayLand)
        );
        assert_eq!(
            VenueCategory::parse("kurs idrett"),
            Some(VenueCategory::CourseSport)
        );
        for c in VenueCategory::ALL {
            assert_eq!(VenueCategory::parse(c.code()), Some(c));
            assert_eq!(VenueCategory::parse(c.label_nb()), Some(c));
        }
        assert_eq!(VenueCategory::parse("bowling"), None);
    }

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
