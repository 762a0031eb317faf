//! Money is integer øre. Parsing and formatting follow Norwegian conventions ("kr 1 234,50").

/// The highest price per visit an agreement can set: NOK 100,000. With it a year's payout
/// (at most a few million visits) stays far inside `i64` øre.
pub const MAX_PRICE_ORE: i64 = 10_000_000;

/// The largest budget a program year may have: NOK 1 billion.
pub const MAX_BUDGET_ORE: i64 = 100_000_000_000;

/// Formats øre as "kr 1 234,50".
pub fn format_nok(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let abs = ore.unsigned_abs();
    let kroner = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in kroner.chars().enumerate() {
        if i > 0 && (kroner.len() - i).is_multiple_of(3) {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    format!("{sign}kr\u{a0}{grouped},{:02}", abs % 100)
}

/// Formats øre as a plain amount for files: "1234,50".
pub fn format_amount(ore: i64) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let abs = ore.unsigned_abs();
    format!("{sign}{},{:02}", abs / 100, abs % 100)
}

/// Parses "150", "150,5", "1 234,50", "kr 1234.50" or "1234,-" into øre.
/// More than two decimals is refused rather than rounded.
pub fn parse_nok(s: &str) -> Option<i64> {
    let mut t: String = s
        .trim()
        .trim_start_matches("kr")
        .trim_start_matches("NOK")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if let Some(stripped) = t.strip_suffix(",-") {
        t = stripped.to_string();
    }
    let negative = t.starts_with('-');
    let t = t.trim_start_matches('-');
    if t.is_empty() {
        return None;
    }
    let t = t.replace(',', ".");
    let (whole, frac) = match t.split_once('.') {
        Some((w, f)) => (w, f),
        None => (t.as_str(), ""),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || frac.len() > 2 {
        return None;
    }
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let kroner: i64 = whole.parse().ok()?;
    let ore: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let total = kroner.checked_mul(100)?.checked_add(ore)?;
    Some(if negative { -total } else { total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_formatted_with_space_groups_and_decimal_comma() {
        assert_eq!(format_nok(123_450), "kr\u{a0}1\u{a0}234,50");
        assert_eq!(format_nok(5), "kr\u{a0}0,05");
        assert_eq!(format_nok(100_000_000), "kr\u{a0}1\u{a0}000\u{a0}000,00");
        assert_eq!(format_amount(15_000), "150,00");
    }

    #[test]
    fn norwegian_and_english_amounts_parse_to_ore() {
        assert_eq!(parse_nok("150"), Some(15_000));
        assert_eq!(parse_nok("150,5"), Some(15_050));
        assert_eq!(parse_nok("kr 1 234,50"), Some(123_450));
        assert_eq!(parse_nok("1234.50"), Some(123_450));
        assert_eq!(parse_nok("95,-"), Some(9_500));
    }

    #[test]
    fn unclear_amounts_are_refused_not_guessed() {
        assert_eq!(parse_nok(""), None);
        assert_eq!(parse_nok("12,345"), None);
        assert_eq!(parse_nok("abc"), None);
        assert_eq!(parse_nok("1.2.3"), None);
    }

    #[test]
    fn formatting_then_parsing_gives_the_same_ore() {
        for ore in [0, 1, 99, 100, 12_345, 987_654_321] {
            assert_eq!(parse_nok(&format_nok(ore)), Some(ore));
            assert_eq!(parse_nok(&format_amount(ore)), Some(ore));
        }
    }
}
