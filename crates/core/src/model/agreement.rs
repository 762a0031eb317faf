//! A venue's agreement for a program year: visits per card, companion, compensation.

use super::*;

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
        for (field, price) in [
            ("holderPriceOre", self.holder_price_ore),
            ("companionPriceOre", self.companion_price_ore),
        ] {
            if price < 0 {
                out.push(problem(field, Problem::NegativePrice));
            } else if price > crate::money::MAX_PRICE_ORE {
                out.push(problem(field, Problem::PriceTooHigh));
            }
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_price_is_from_zero_to_a_hundred_thousand_kroner() {
        let y = year();
        let at = |holder, companion| {
            let a = AgreementInput {
                holder_price_ore: holder,
                companion_price_ore: companion,
                ..agreement()
            };
            a.validate(&y)
                .into_iter()
                .map(|p| (p.field, p.problem))
                .collect::<Vec<_>>()
        };
        assert!(at(0, crate::money::MAX_PRICE_ORE).is_empty());
        assert_eq!(
            at(crate::money::MAX_PRICE_ORE + 1, i64::MAX),
            vec![
                ("holderPriceOre", Problem::PriceTooHigh),
                ("companionPriceOre", Problem::PriceTooHigh)
            ]
        );
        assert_eq!(at(-1, 0), vec![("holderPriceOre", Problem::NegativePrice)]);
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
}
