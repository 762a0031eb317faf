//! The visit allowance: one rule for the desk, a venue's report and a returned card. A holder
//! may visit a venue that has an agreement for the card's year, with a companion only where
//! the agreement covers one, on a day the card is valid, within the agreement's visits per
//! card (or freely where entry is free all year), and never on a day after today.

use crate::i18n::Problem;
use crate::validity::Validity;
use chrono::NaiveDate;

/// What a holder may still do at one venue in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    pub has_agreement: bool,
    /// Visits per card; `None` is free entry all year.
    pub visits_per_card: Option<u8>,
    /// Visits registered and not voided, on any of the holder's cards that year.
    pub visits_used: u32,
    pub companion_free: bool,
}

/// The outcome of checking one visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Refused outright: no one may register it.
    Refused(Problem),
    /// Against a rule the culture office may set aside with a written reason.
    Overridable(Problem),
}

impl Allowance {
    /// Visits left: `None` when entry is free, 0 without an agreement.
    pub fn visits_left(&self) -> Option<u32> {
        match (self.has_agreement, self.visits_per_card) {
            (false, _) => Some(0),
            (true, None) => None,
            (true, Some(n)) => Some(u32::from(n).saturating_sub(self.visits_used)),
        }
    }

    /// Whether one more visit on `on` (with a companion or not) on a card that is `validity`
    /// that day may be registered, checked in the order the desk reads the reasons.
    pub fn check(
        &self,
        on: NaiveDate,
        today: NaiveDate,
        companion: bool,
        validity: Validity,
    ) -> Verdict {
        if on > today {
            return Verdict::Refused(Problem::FutureDate);
        }
        if !self.has_agreement {
            return Verdict::Refused(Problem::NoAgreement);
        }
        if companion && !self.companion_free {
            return Verdict::Refused(Problem::CompanionNotCovered);
        }
        if let Some(problem) = validity.problem() {
            return Verdict::Overridable(problem);
        }
        if self.visits_left() == Some(0) {
            return Verdict::Overridable(Problem::VisitLimit {
                allowed: self.visits_per_card.unwrap_or(0),
                used: self.visits_used,
            });
        }
        Verdict::Allowed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    fn five(used: u32) -> Allowance {
        Allowance {
            has_agreement: true,
            visits_per_card: Some(5),
            visits_used: used,
            companion_free: true,
        }
    }

    #[test]
    fn visits_are_allowed_up_to_the_agreements_number_and_then_need_an_override() {
        let today = d(6, 1);
        assert_eq!(five(4).visits_left(), Some(1));
        assert_eq!(
            five(4).check(today, today, true, Validity::Valid),
            Verdict::Allowed
        );
        assert_eq!(
            five(5).check(today, today, false, Validity::Valid),
            Verdict::Overridable(Problem::VisitLimit {
                allowed: 5,
                used: 5
            })
        );
        let free = Allowance {
            visits_per_card: None,
            visits_used: 400,
            ..five(0)
        };
        assert_eq!(free.visits_left(), None);
        assert_eq!(
            free.check(today, today, false, Validity::Valid),
            Verdict::Allowed
        );
    }

    #[test]
    fn a_future_day_no_agreement_or_an_uncovered_companion_are_refused_outright() {
        let today = d(6, 1);
        assert_eq!(
            five(0).check(d(6, 2), today, false, Validity::Valid),
            Verdict::Refused(Problem::FutureDate)
        );
        let none = Allowance {
            has_agreement: false,
            ..five(0)
        };
        assert_eq!(none.visits_left(), Some(0));
        assert_eq!(
            none.check(today, today, false, Validity::Valid),
            Verdict::Refused(Problem::NoAgreement)
        );
        let alone = Allowance {
            companion_free: false,
            ..five(0)
        };
        assert_eq!(
            alone.check(today, today, true, Validity::Valid),
            Verdict::Refused(Problem::CompanionNotCovered)
        );
        assert_eq!(
            alone.check(today, today, false, Validity::Valid),
            Verdict::Allowed
        );
    }

    #[test]
    fn a_card_not_valid_that_day_is_against_a_rule_before_the_limit_is() {
        let today = d(6, 1);
        assert_eq!(
            five(5).check(today, today, false, Validity::Blocked),
            Verdict::Overridable(Problem::CardBlocked)
        );
        assert_eq!(
            five(0).check(today, today, false, Validity::Expired),
            Verdict::Overridable(Problem::CardExpired)
        );
    }
}
