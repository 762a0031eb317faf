//! Contrast of the program's colours (WCAG 2.1): the app draws white text on the primary colour
//! (the header, buttons) and dark text on the accent colour (the chosen language, marks). A
//! municipality's colours are its own, so they are never refused: the app's screens use them
//! darkened or lightened just enough to reach 4.5:1, and the card (print, where the colours
//! are printed as chosen) gets a warning instead.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// WCAG 2.1 AA for normal text.
pub const MINIMUM: f64 = 4.5;
/// The dark text the app sets on the accent colour.
pub const INK: &str = "#1d2430";
pub const WHITE: &str = "#ffffff";

fn channel(hex: &str, i: usize) -> Option<f64> {
    let v = u8::from_str_radix(hex.get(1 + 2 * i..3 + 2 * i)?, 16).ok()?;
    Some(f64::from(v) / 255.0)
}

fn rgb(hex: &str) -> Option<[f64; 3]> {
    if hex.len() != 7 || !hex.starts_with('#') {
        return None;
    }
    Some([channel(hex, 0)?, channel(hex, 1)?, channel(hex, 2)?])
}

fn hex_of(c: [f64; 3]) -> String {
    let b = |v: f64| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", b(c[0]), b(c[1]), b(c[2]))
}

/// Relative luminance of an sRGB colour "#rrggbb".
pub fn luminance(hex: &str) -> Option<f64> {
    let lin = |c: f64| {
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb(hex)?;
    Some(0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b))
}

/// The contrast ratio of two colours, 1 to 21.
pub fn ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// `colour` mixed step by step towards `towards` (black or white) until `text` on it reaches
/// 4.5:1; the colour itself when it already does.
fn adjusted(colour: &str, text: &str, towards: f64) -> Option<String> {
    let c = rgb(colour)?;
    for step in 0..=100 {
        let t = f64::from(step) / 100.0;
        let mixed = hex_of([
            c[0] + (towards - c[0]) * t,
            c[1] + (towards - c[1]) * t,
            c[2] + (towards - c[2]) * t,
        ]);
        if ratio(&mixed, text)? >= MINIMUM {
            return Some(mixed);
        }
    }
    None
}

/// The colours the app's screens use for a program's primary and accent colours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Theme {
    /// The primary colour, darkened if white text on it would be under 4.5:1.
    pub primary: String,
    /// The accent colour, lightened if dark text on it would be under 4.5:1.
    pub accent: String,
    /// White on the chosen primary colour, and dark text on the chosen accent, as chosen.
    pub primary_ratio: f64,
    pub accent_ratio: f64,
    /// One of the colours was changed for the screens.
    pub adjusted: bool,
}

/// The screens' colours for `primary` and `accent` ("#rrggbb"; anything else falls back to the
/// app's own colours).
pub fn theme(primary: &str, accent: &str) -> Theme {
    let primary = if rgb(primary).is_some() {
        primary
    } else {
        "#1f5f8b"
    };
    let accent = if rgb(accent).is_some() {
        accent
    } else {
        "#f2a900"
    };
    let primary_ratio = ratio(primary, WHITE).unwrap_or(1.0);
    let accent_ratio = ratio(accent, INK).unwrap_or(1.0);
    let ui_primary = adjusted(primary, WHITE, 0.0).unwrap_or_else(|| "#1f5f8b".into());
    let ui_accent = adjusted(accent, INK, 1.0).unwrap_or_else(|| "#f2a900".into());
    Theme {
        adjusted: ui_primary != primary.to_lowercase() || ui_accent != accent.to_lowercase(),
        primary: ui_primary,
        accent: ui_accent,
        primary_ratio: (primary_ratio * 100.0).round() / 100.0,
        accent_ratio: (accent_ratio * 100.0).round() / 100.0,
    }
}

/// The card's warning, where the chosen colours print white text on the primary colour under
/// 4.5:1: the ratio, rounded down to one decimal ("3,2"), or `None` when it is readable.
pub fn card_warning(primary: &str) -> Option<f64> {
    let r = ratio(primary, WHITE)?;
    (r < MINIMUM).then(|| (r * 10.0).floor() / 10.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_are_the_wcag_ones() {
        assert_eq!(ratio("#000000", "#ffffff").map(|r| r.round()), Some(21.0));
        assert_eq!(ratio("#777777", "#777777"), Some(1.0));
        // #767676 is the lightest grey with 4.5:1 on white.
        assert!(ratio("#767676", WHITE).expect("r") >= 4.5);
        assert!(ratio("#777777", WHITE).expect("r") < 4.5);
        assert_eq!(ratio("nope", WHITE), None);
    }

    #[test]
    fn the_apps_own_colours_are_kept() {
        let t = theme("#1f5f8b", "#f2a900");
        assert_eq!(
            (t.primary.as_str(), t.accent.as_str()),
            ("#1f5f8b", "#f2a900")
        );
        assert!(!t.adjusted);
        assert!(t.primary_ratio >= 4.5 && t.accent_ratio >= 4.5, "{t:?}");
        assert_eq!(card_warning("#1f5f8b"), None);
    }

    #[test]
    fn a_light_primary_is_darkened_and_a_dark_accent_lightened_just_enough() {
        let t = theme("#7fc4ff", "#3a3a3a");
        assert!(t.adjusted);
        assert!(ratio(&t.primary, WHITE).expect("r") >= MINIMUM, "{t:?}");
        assert!(ratio(&t.accent, INK).expect("r") >= MINIMUM, "{t:?}");
        // The chosen colours are said as they are, and the card warns.
        assert!(t.primary_ratio < MINIMUM);
        assert!(card_warning("#7fc4ff").is_some_and(|r| r < MINIMUM));
    }
}
