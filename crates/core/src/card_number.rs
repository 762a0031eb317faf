//! Card numbers like `2026-0042-7`: the year, a serial within the year, and a Damm check digit,
//! which catches every single mistyped digit and every swap of two neighbouring digits.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The Damm algorithm's quasigroup of order 10 (weakly totally anti-symmetric).
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The Damm check digit of a string of ASCII digits.
pub fn damm(digits: &str) -> u8 {
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u8, |interim, d| {
            DAMM[interim as usize][(d - b'0') as usize]
        })
}

/// A card number: year, serial (1–9999) and check digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CardNumber {
    pub year: i32,
    pub serial: u32,
}

/// Why a typed card number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardNumberProblem {
    /// Not of the form åååå-nnnn-k.
    Format,
    /// The check digit does not match: a digit was mistyped or two were swapped.
    CheckDigit,
}

impl CardNumber {
    pub fn new(year: i32, serial: u32) -> Self {
        CardNumber { year, serial }
    }

    fn body(&self) -> String {
        format!("{:04}{:04}", self.year, self.serial)
    }

    pub fn check_digit(&self) -> u8 {
        damm(&self.body())
    }

    /// Reads "2026-0042-7", "2026 0042 7" or "202600427".
    pub fn parse(s: &str) -> Result<Self, CardNumberProblem> {
        let digits: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | '\u{2011}'))
            .collect();
        if digits.len() != 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CardNumberProblem::Format);
        }
        if damm(&digits) != 0 {
            return Err(CardNumberProblem::CheckDigit);
        }
        let year = digits[0..4]
            .parse()
            .map_err(|_| CardNumberProblem::Format)?;
        let serial = digits[4..8]
            .parse()
            .map_err(|_| CardNumberProblem::Format)?;
        if serial == 0 {
            return Err(CardNumberProblem::Format);
        }
        Ok(CardNumber { year, serial })
    }
}

impl fmt::Display for CardNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:04}-{}",
            self.year,
            self.serial,
            self.check_digit()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_damm_check_digit_matches_the_published_example() {
        assert_eq!(damm("572"), 4);
        assert_eq!(damm("5724"), 0);
    }

    #[test]
    fn the_example_number_in_help_texts_is_a_valid_one() {
        assert_eq!(CardNumber::new(2026, 42).to_string(), "2026-0042-9");
    }

    #[test]
    fn a_card_number_reads_back_from_its_printed_form() {
        let n = CardNumber::new(2026, 42);
        let printed = n.to_string();
        assert!(printed.starts_with("2026-0042-"), "{printed}");
        assert_eq!(CardNumber::parse(&printed), Ok(n));
        assert_eq!(CardNumber::parse(&printed.replace('-', "")), Ok(n));
        assert_eq!(CardNumber::parse(&printed.replace('-', " ")), Ok(n));
    }

    #[test]
    fn every_single_mistyped_digit_is_caught() {
        for serial in [1, 42, 999, 5000, 9999] {
            let good: Vec<u8> = CardNumber::new(2026, serial)
                .to_string()
                .replace('-', "")
                .into();
            for pos in 0..good.len() {
                for d in b'0'..=b'9' {
                    if d == good[pos] {
                        continue;
                    }
                    let mut typo = good.clone();
                    typo[pos] = d;
                    let typo = String::from_utf8(typo).expect("ascii");
                    assert!(CardNumber::parse(&typo).is_err(), "{typo} passed");
                }
            }
        }
    }

    #[test]
    fn every_swap_of_neighbouring_digits_is_caught() {
        for serial in 1..=9999 {
            let good: Vec<u8> = CardNumber::new(2026, serial)
                .to_string()
                .replace('-', "")
                .into();
            for pos in 0..good.len() - 1 {
                if good[pos] == good[pos + 1] {
                    continue;
                }
                let mut swapped = good.clone();
                swapped.swap(pos, pos + 1);
                let swapped = String::from_utf8(swapped).expect("ascii");
                assert_eq!(
                    CardNumber::parse(&swapped),
                    Err(CardNumberProblem::CheckDigit),
                    "{swapped}"
                );
            }
        }
    }

    #[test]
    fn malformed_numbers_are_refused_as_format_errors() {
        for bad in ["", "2026-42", "2026-0042-77", "abcd-efgh-i", "2026-0000-0"] {
            let res = CardNumber::parse(bad);
            assert!(res.is_err(), "{bad}");
        }
        assert_eq!(
            CardNumber::parse("2026-0042"),
            Err(CardNumberProblem::Format)
        );
    }
}
