//! Every parser of user input gets arbitrary input: no panic, no abort, an answer every time.
//! `PROPTEST_CASES=100000 cargo test -p okort-core --test parsers` runs it longer.

use chrono::NaiveDate;
use okort_core::qr;
use proptest::prelude::*;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 31).expect("date")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn card_numbers_dates_and_amounts_parse_or_refuse(s in ".{0,40}") {
        let _ = okort_core::CardNumber::parse(&s);
        let _ = okort_core::dates::parse_date(&s);
        let _ = okort_core::money::parse_nok(&s);
    }

    #[test]
    fn a_typed_card_number_round_trips(year in 2000i32..2100, serial in 1u32..10_000) {
        let n = okort_core::CardNumber::new(year, serial);
        prop_assert_eq!(okort_core::CardNumber::parse(&n.to_string()).ok(), Some(n));
    }

    #[test]
    fn any_scanned_text_is_checked_and_never_passes_as_genuine(s in ".{0,200}") {
        let key = qr::SigningKey::from_seed(&[7; 32]);
        let verifier = qr::Verifier { public: key.public(), legacy: Some((b"secret".to_vec(), day())) };
        let scanned = verifier.verify(&s);
        let _ = qr::verify(b"secret", &s);
        // Text that was not signed is never taken as a signed card.
        let genuine = matches!(scanned, qr::Scanned::Genuine { .. });
        prop_assert!(!genuine, "{:?}", scanned);
    }

    #[test]
    fn a_signed_code_with_one_character_changed_is_refused(pos in 0usize..200, c in any::<char>()) {
        let key = qr::SigningKey::from_seed(&[7; 32]);
        let number = okort_core::CardNumber::new(2026, 42);
        let code = key.sign(&number, day());
        let mut chars: Vec<char> = code.chars().collect();
        let at = pos % chars.len();
        prop_assume!(chars[at] != c);
        chars[at] = c;
        let changed: String = chars.into_iter().collect();
        let verifier = qr::Verifier { public: key.public(), legacy: None };
        let genuine = matches!(verifier.verify(&changed), qr::Scanned::Genuine { .. });
        prop_assert!(!genuine, "{}", changed);
    }

    #[test]
    fn any_bytes_as_a_logo_are_an_image_or_a_refusal(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = okort_core::logo::check_image(&bytes);
    }

    #[test]
    fn svg_like_text_as_a_logo_is_an_image_or_a_refusal(s in "<svg[ -~]{0,300}") {
        let _ = okort_core::logo::check_image(s.as_bytes());
    }

    /// Bytes behind a real PNG or JPEG signature reach the decoders themselves, with their limits.
    #[test]
    fn bytes_behind_an_image_signature_decode_or_are_refused(
        png in any::<bool>(),
        bytes in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        let mut file = if png { b"\x89PNG\r\n\x1a\n".to_vec() } else { vec![0xFF, 0xD8, 0xFF] };
        file.extend(bytes);
        let _ = okort_core::logo::check_image(&file);
        let _ = okort_core::logo::decode_logo(&file);
    }
}
