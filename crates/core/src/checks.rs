//! Norwegian MOD11 check digits for organisation numbers and bank account numbers.

/// Computes the MOD11 check digit for `digits` with `weights`; `None` when the
/// remainder makes the number impossible (check digit would be 10).
fn mod11_check_digit(digits: &[u32], weights: &[u32]) -> Option<u32> {
    let sum: u32 = digits.iter().zip(weights).map(|(d, w)| d * w).sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        n => Some(n),
    }
}

fn digits_of(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// Removes the spaces and dots people type in numbers ("974 760 673", "8601.11.17947").
pub fn normalize_number(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect()
}

/// Why a number failed its check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    NotDigits,
    WrongLength { expected: usize, found: usize },
    CheckDigit,
}

fn check_mod11(s: &str, weights: &[u32]) -> Result<(), NumberProblem> {
    let expected = weights.len() + 1;
    let digits = digits_of(s).ok_or(NumberProblem::NotDigits)?;
    if digits.len() != expected {
        return Err(NumberProblem::WrongLength {
            expected,
            found: digits.len(),
        });
    }
    let (body, check) = digits.split_at(weights.len());
    match mod11_check_digit(body, weights) {
        Some(c) if c == check[0] => Ok(()),
        _ => Err(NumberProblem::CheckDigit),
    }
}

const ORG_WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
const ACCOUNT_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// Checks a 9-digit organisation number (organisasjonsnummer), already normalized.
pub fn check_org_number(s: &str) -> Result<(), NumberProblem> {
    check_mod11(s, &ORG_WEIGHTS)
}

/// Checks an 11-digit bank account number (kontonummer), already normalized.
pub fn check_bank_account(s: &str) -> Result<(), NumberProblem> {
    check_mod11(s, &ACCOUNT_WEIGHTS)
}

/// Completes an 8-digit organisation number body with its check digit, if one exists.
pub fn complete_org_number(body: &str) -> Option<String> {
    complete(body, &ORG_WEIGHTS)
}

/// Completes a 10-digit account number body with its check digit, if one exists.
pub fn complete_bank_account(body: &str) -> Option<String> {
    complete(body, &ACCOUNT_WEIGHTS)
}

fn complete(body: &str, weights: &[u32]) -> Option<String> {
    let digits = digits_of(body)?;
    if digits.len() != weights.len() {
        return None;
    }
    mod11_check_digit(&digits, weights).map(|c| format!("{body}{c}"))
}

/// Formats an organisation number as "974 760 673".
pub fn format_org_number(s: &str) -> String {
    if s.len() == 9 && s.is_ascii() {
        format!("{} {} {}", &s[0..3], &s[3..6], &s[6..9])
    } else {
        s.to_string()
    }
}

/// Formats an account number as "8601.11.17947".
pub fn format_bank_account(s: &str) -> String {
    if s.len() == 11 && s.is_ascii() {
        format!("{}.{}.{}", &s[0..4], &s[4..6], &s[6..11])
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_registered_organisation_number_passes() {
        assert_eq!(check_org_number("974760673"), Ok(()));
    }

    #[test]
    fn a_changed_digit_in_an_organisation_number_is_caught() {
        assert_eq!(
            check_org_number("974760674"),
            Err(NumberProblem::CheckDigit)
        );
        assert_eq!(
            check_org_number("974760683"),
            Err(NumberProblem::CheckDigit)
        );
    }

    #[test]
    fn organisation_number_must_have_nine_digits() {
        assert_eq!(
            check_org_number("97476067"),
            Err(NumberProblem::WrongLength {
                expected: 9,
                found: 8
            })
        );
        assert_eq!(check_org_number("97476067x"), Err(NumberProblem::NotDigits));
    }

    #[test]
    fn a_valid_bank_account_passes_and_a_typo_is_caught() {
        assert_eq!(check_bank_account("86011117947"), Ok(()));
        assert_eq!(
            check_bank_account("86011117948"),
            Err(NumberProblem::CheckDigit)
        );
        assert_eq!(
            check_bank_account("8601111794"),
            Err(NumberProblem::WrongLength {
                expected: 11,
                found: 10
            })
        );
    }

    #[test]
    fn completed_numbers_pass_their_own_check() {
        for body in ["12345678", "92200000", "99887766"] {
            if let Some(n) = complete_org_number(body) {
                assert_eq!(check_org_number(&n), Ok(()), "{n}");
            }
        }
        let acc = complete_bank_account("1234567890").expect("check digit exists");
        assert_eq!(check_bank_account(&acc), Ok(()));
    }

    #[test]
    fn numbers_are_normalized_and_formatted_the_norwegian_way() {
        assert_eq!(normalize_number("974 760 673"), "974760673");
        assert_eq!(normalize_number("8601.11.17947"), "86011117947");
        assert_eq!(format_org_number("974760673"), "974 760 673");
        assert_eq!(format_bank_account("86011117947"), "8601.11.17947");
    }
}
