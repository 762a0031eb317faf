//! Dates as users write them: dd.mm.åååå first, ISO accepted.

use chrono::NaiveDate;

/// Parses "31.12.2026", "31.12.26" is refused (ambiguous century), ISO "2026-12-31" is accepted.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .filter(|_| s.len() == 10)
        .or_else(|| {
            let parts: Vec<&str> = s.split('.').collect();
            if parts.len() != 3 || parts[2].len() != 4 {
                return None;
            }
            let d = parts[0].parse().ok()?;
            let m = parts[1].parse().ok()?;
            let y = parts[2].parse().ok()?;
            NaiveDate::from_ymd_opt(y, m, d)
        })
}

/// Formats as dd.mm.åååå.
pub fn format_date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_and_iso_dates_parse() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).expect("valid");
        assert_eq!(parse_date("01.03.2026"), Some(d));
        assert_eq!(parse_date("1.3.2026"), Some(d));
        assert_eq!(parse_date("2026-03-01"), Some(d));
        assert_eq!(format_date(d), "01.03.2026");
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        assert_eq!(parse_date("31.02.2026"), None);
        assert_eq!(parse_date("01.03.26"), None);
        assert_eq!(parse_date("2026/03/01"), None);
        assert_eq!(parse_date(""), None);
    }
}
