//! The venue register: the kinds of venue and a venue's details.

use super::*;

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

    /// The category's word in Nynorsk.
    pub fn label_nn(self) -> &'static str {
        match self {
            VenueCategory::Cinema => "kino",
            VenueCategory::Swimming => "bad",
            VenueCategory::PlayLand => "leikeland",
            VenueCategory::Performance => "framsyning",
            VenueCategory::CourseDance => "kurs dans",
            VenueCategory::CourseMusic => "kurs musikk",
            VenueCategory::CourseTheatre => "kurs teater",
            VenueCategory::CourseSport => "kurs idrett",
            VenueCategory::Other => "anna",
        }
    }

    /// The category as a reader of `lang` calls it.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Nb => self.label_nb(),
            crate::Lang::Nn => self.label_nn(),
            crate::Lang::En => match self {
                VenueCategory::Cinema => "cinema",
                VenueCategory::Swimming => "swimming pool",
                VenueCategory::PlayLand => "play land",
                VenueCategory::Performance => "performance",
                VenueCategory::CourseDance => "dance course",
                VenueCategory::CourseMusic => "music course",
                VenueCategory::CourseTheatre => "theatre course",
                VenueCategory::CourseSport => "sports course",
                VenueCategory::Other => "other",
            },
        }
    }

    /// Reads a category from a code, a Norwegian (Bokmål or Nynorsk) word or an English word,
    /// ignoring case.
    pub fn parse(s: &str) -> Option<Self> {
        let key: String = s
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || "æøå".contains(*c))
            .collect();
        let found = match key.as_str() {
            "cinema" | "kino" => VenueCategory::Cinema,
            "swimming" | "swimmingpool" | "pool" | "bad" | "svømming" | "svømmehall"
            | "symjing" | "symjehall" => VenueCategory::Swimming,
            "playland" | "lekeland" | "leikeland" => VenueCategory::PlayLand,
            "performance" | "forestilling" | "framsyning" | "teater" | "konsert" => {
                VenueCategory::Performance
            }
            "coursedance" | "dancecourse" | "kursdans" | "dans" => VenueCategory::CourseDance,
            "coursemusic" | "musiccourse" | "kursmusikk" | "musikk" => VenueCategory::CourseMusic,
            "coursetheatre" | "theatrecourse" | "kursteater" => VenueCategory::CourseTheatre,
            "coursesport" | "sportscourse" | "kursidrett" | "idrett" | "sport" => {
                VenueCategory::CourseSport
            }
            "other" | "annet" | "anna" => VenueCategory::Other,
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
            assert_eq!(VenueCategory::parse(c.label(crate::Lang::Nn)), Some(c));
            assert_eq!(VenueCategory::parse(c.label(crate::Lang::En)), Some(c));
        }
        assert_eq!(VenueCategory::parse("bowling"), None);
    }
}
