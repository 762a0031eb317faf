//! Compensation (refusjon) to venues, in integer øre. Rounding rule: each line (visits × price
//! × the municipality's share) is computed exactly in hundredths of øre and rounded half up to
//! whole øre once; the total is the sum of the rounded lines.

use crate::model::CompensationModel;

/// The municipality's share in percent under an agreement's model.
pub fn share_percent(model: CompensationModel, share: u8) -> u32 {
    match model {
        CompensationModel::VenueBearsCost => 0,
        CompensationModel::FullRefund => 100,
        CompensationModel::Share => u32::from(share.min(100)),
    }
}

/// What `visits` at `price_ore` each come to at `percent` share, rounded half up to øre.
pub fn line_amount(visits: u32, price_ore: i64, percent: u32) -> i64 {
    let exact = i128::from(visits) * i128::from(price_ore) * i128::from(percent);
    // Half up for non-negative amounts (prices are never negative).
    ((exact + 50) / 100) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_venue_that_bears_the_cost_gets_nothing_and_full_refund_gets_the_price() {
        assert_eq!(
            line_amount(
                7,
                12_000,
                share_percent(CompensationModel::VenueBearsCost, 0)
            ),
            0
        );
        assert_eq!(
            line_amount(7, 12_000, share_percent(CompensationModel::FullRefund, 0)),
            84_000
        );
    }

    #[test]
    fn half_refund_pays_half_of_the_agreed_price_rounded_half_up_to_ore() {
        let half = share_percent(CompensationModel::Share, 50);
        assert_eq!(
            line_amount(3, 12_001, half),
            18_002,
            "36 003 / 2 = 18 001,5 → 18 002"
        );
        assert_eq!(line_amount(1, 1, half), 1, "0,5 øre rounds up");
        assert_eq!(line_amount(0, 99_999, half), 0);
    }

    #[test]
    fn a_share_over_a_hundred_percent_is_capped() {
        assert_eq!(share_percent(CompensationModel::Share, 150), 100);
    }

    #[test]
    fn amounts_are_exact_for_large_counts() {
        assert_eq!(line_amount(100_000, 9_999_999, 100), 999_999_900_000);
    }
}
