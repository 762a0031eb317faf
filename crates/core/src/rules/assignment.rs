//! Who may get a card in a program year: one active card per holder, an age within the
//! year's range (outside it only with an administrator's written reason), a card left in the
//! quota, and no more cards to one family than the year's family cap.

use crate::i18n::Problem;

/// Whether `age` lies within the year's age range (both ends included).
pub fn in_age_range(age: i32, min: u8, max: u8) -> bool {
    age >= i32::from(min) && age <= i32::from(max)
}

/// What the workspace knows when a card is to be assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    /// The number of the holder's active card in the year, if there is one.
    pub active_card: Option<String>,
    /// The holder's age in the year (the age they turn that year).
    pub age: i32,
    pub age_min: u8,
    pub age_max: u8,
    pub quota: u32,
    pub quota_left: u32,
    /// The year's cap on cards per family, and the family's cards in the year (when the
    /// holder's family is known).
    pub family_cap: Option<u32>,
    pub family_cards: Option<u32>,
}

/// Decides an assignment: `Ok(Some(reason))` when the age rule was set aside (the reason,
/// trimmed, to keep on the card), `Ok(None)` when every rule holds, or the first rule broken.
pub fn decide(
    facts: &Facts,
    override_reason: Option<&str>,
    may_override_age: bool,
) -> Result<Option<String>, Problem> {
    if let Some(number) = &facts.active_card {
        return Err(Problem::AlreadyHasCard {
            number: number.clone(),
        });
    }
    let mut kept_reason = None;
    if !in_age_range(facts.age, facts.age_min, facts.age_max) {
        match override_reason.map(str::trim).filter(|r| !r.is_empty()) {
            Some(reason) if may_override_age => kept_reason = Some(reason.to_string()),
            _ => {
                return Err(Problem::AgeOutside {
                    age: facts.age,
                    min: facts.age_min,
                    max: facts.age_max,
                })
            }
        }
    }
    if facts.quota_left == 0 {
        return Err(Problem::QuotaFull { quota: facts.quota });
    }
    if let (Some(cap), Some(cards)) = (facts.family_cap, facts.family_cards) {
        if cards >= cap {
            return Err(Problem::FamilyCap { cap });
        }
    }
    Ok(kept_reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts {
            active_card: None,
            age: 10,
            age_min: 5,
            age_max: 18,
            quota: 30,
            quota_left: 3,
            family_cap: Some(2),
            family_cards: Some(1),
        }
    }

    #[test]
    fn a_holder_in_range_with_quota_left_gets_a_card() {
        assert_eq!(decide(&facts(), None, false), Ok(None));
        assert!(in_age_range(5, 5, 18) && in_age_range(18, 5, 18));
        assert!(!in_age_range(19, 5, 18) && !in_age_range(4, 5, 18));
    }

    #[test]
    fn each_rule_refuses_in_turn() {
        let has = Facts {
            active_card: Some("2026-0001-7".into()),
            ..facts()
        };
        assert!(matches!(
            decide(&has, None, true),
            Err(Problem::AlreadyHasCard { .. })
        ));
        let full = Facts {
            quota_left: 0,
            ..facts()
        };
        assert_eq!(
            decide(&full, None, true),
            Err(Problem::QuotaFull { quota: 30 })
        );
        let family = Facts {
            family_cards: Some(2),
            ..facts()
        };
        assert_eq!(
            decide(&family, None, true),
            Err(Problem::FamilyCap { cap: 2 })
        );
        let unknown_family = Facts {
            family_cards: None,
            ..family
        };
        assert_eq!(decide(&unknown_family, None, true), Ok(None));
    }

    #[test]
    fn an_age_outside_the_range_needs_an_administrators_written_reason() {
        let old = Facts { age: 19, ..facts() };
        let refused = Err(Problem::AgeOutside {
            age: 19,
            min: 5,
            max: 18,
        });
        assert_eq!(decide(&old, None, true), refused);
        assert_eq!(decide(&old, Some("  "), true), refused);
        assert_eq!(decide(&old, Some("søsken"), false), refused);
        assert_eq!(
            decide(&old, Some(" søsken "), true),
            Ok(Some("søsken".into()))
        );
    }
}
