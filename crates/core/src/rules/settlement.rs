//! When a venue's visits may be settled, and what may then happen to the settlement: approved
//! for a period that runs forwards (or the whole year) with visits to pay for and an agreement;
//! paid once, not before it was approved and not when withdrawn; withdrawn only unpaid.

use crate::i18n::Problem;
use chrono::NaiveDate;

/// Whether the open visits may be approved: the period (if one) runs forwards, the venue has
/// an agreement for the year and there are holder visits to pay for.
pub fn may_approve(
    period: Option<(NaiveDate, NaiveDate)>,
    has_agreement: bool,
    holder_visits: u32,
) -> Result<(), Problem> {
    if period.is_some_and(|(from, to)| to < from) {
        return Err(Problem::EndBeforeStart);
    }
    if !has_agreement {
        return Err(Problem::NoAgreement);
    }
    if holder_visits == 0 {
        return Err(Problem::NothingToSettle);
    }
    Ok(())
}

/// An approved settlement as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub approved_on: NaiveDate,
    pub paid_on: Option<NaiveDate>,
    pub withdrawn: bool,
}

impl State {
    /// Whether it may be recorded as paid on `on`.
    pub fn may_pay(&self, on: NaiveDate) -> Result<(), Problem> {
        if self.withdrawn {
            return Err(Problem::SettlementWithdrawn);
        }
        if self.paid_on.is_some() {
            return Err(Problem::SettlementPaid);
        }
        if on < self.approved_on {
            return Err(Problem::PaidBeforeApproved);
        }
        Ok(())
    }

    /// Whether it may be withdrawn (its visits opened again).
    pub fn may_withdraw(&self) -> Result<(), Problem> {
        if self.paid_on.is_some() {
            return Err(Problem::SettlementPaid);
        }
        if self.withdrawn {
            return Err(Problem::SettlementWithdrawn);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    #[test]
    fn approval_needs_a_forward_period_an_agreement_and_visits() {
        assert_eq!(may_approve(None, true, 3), Ok(()));
        assert_eq!(may_approve(Some((d(3, 1), d(3, 31))), true, 1), Ok(()));
        assert_eq!(
            may_approve(Some((d(3, 31), d(3, 1))), true, 3),
            Err(Problem::EndBeforeStart)
        );
        assert_eq!(may_approve(None, false, 3), Err(Problem::NoAgreement));
        assert_eq!(may_approve(None, true, 0), Err(Problem::NothingToSettle));
    }

    #[test]
    fn a_settlement_is_paid_once_after_approval_and_withdrawn_only_unpaid() {
        let approved = State {
            approved_on: d(11, 19),
            paid_on: None,
            withdrawn: false,
        };
        assert_eq!(approved.may_pay(d(11, 19)), Ok(()));
        assert_eq!(
            approved.may_pay(d(11, 18)),
            Err(Problem::PaidBeforeApproved)
        );
        assert_eq!(approved.may_withdraw(), Ok(()));
        let paid = State {
            paid_on: Some(d(11, 20)),
            ..approved
        };
        assert_eq!(paid.may_pay(d(11, 21)), Err(Problem::SettlementPaid));
        assert_eq!(paid.may_withdraw(), Err(Problem::SettlementPaid));
        let withdrawn = State {
            withdrawn: true,
            ..approved
        };
        assert_eq!(
            withdrawn.may_pay(d(11, 21)),
            Err(Problem::SettlementWithdrawn)
        );
        assert_eq!(withdrawn.may_withdraw(), Err(Problem::SettlementWithdrawn));
    }
}
