//! When a card can be used: the one rule the desk's check, a registered visit and a venue's
//! report all follow. A blocked card (lost or revoked) never; otherwise from its year's first
//! valid day through its last.

use crate::i18n::Problem;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Validity {
    Valid,
    /// Before the first day of the card's year.
    NotYetValid,
    /// After the card's last valid day.
    Expired,
    /// Lost or revoked.
    Blocked,
}

impl Validity {
    /// Whether a card that is in use (`active`) can be used on `on`, its year running from
    /// `valid_from` to `valid_to`.
    pub fn of(active: bool, valid_from: NaiveDate, valid_to: NaiveDate, on: NaiveDate) -> Self {
        if !active {
            Validity::Blocked
        } else if on < valid_from {
            Validity::NotYetValid
        } else if on > valid_to {
            Validity::Expired
        } else {
            Validity::Valid
        }
    }

    /// Why a visit on that day is refused, if it is.
    pub fn problem(self) -> Option<Problem> {
        match self {
            Validity::Valid => None,
            Validity::NotYetValid | Validity::Expired => Some(Problem::CardExpired),
            Validity::Blocked => Some(Problem::CardBlocked),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    #[test]
    fn a_card_is_valid_from_the_first_to_the_last_day_of_its_year_and_never_when_blocked() {
        let (from, to) = (d(1, 1), d(12, 31));
        assert_eq!(Validity::of(true, from, to, d(1, 1)), Validity::Valid);
        assert_eq!(Validity::of(true, from, to, d(12, 31)), Validity::Valid);
        let early = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
        assert_eq!(Validity::of(true, from, to, early), Validity::NotYetValid);
        let late = NaiveDate::from_ymd_opt(2027, 1, 1).expect("date");
        assert_eq!(Validity::of(true, from, to, late), Validity::Expired);
        assert_eq!(Validity::of(false, from, to, d(6, 1)), Validity::Blocked);
        assert_eq!(
            Validity::of(false, from, to, late),
            Validity::Blocked,
            "blocked first"
        );
    }

    #[test]
    fn a_visit_outside_the_year_or_on_a_blocked_card_is_refused_with_its_reason() {
        assert_eq!(Validity::Valid.problem(), None);
        assert_eq!(Validity::NotYetValid.problem(), Some(Problem::CardExpired));
        assert_eq!(Validity::Expired.problem(), Some(Problem::CardExpired));
        assert_eq!(Validity::Blocked.problem(), Some(Problem::CardBlocked));
    }
}
