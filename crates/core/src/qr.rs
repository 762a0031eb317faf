//! The QR payload on a card: number, validity and an HMAC-SHA256 signature with the workspace's
//! secret, so any copy of the workspace can tell a genuine card from a forged one offline.

use crate::card_number::CardNumber;
use base64::Engine;
use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use sha2::Sha256;

const PREFIX: &str = "OKORT1";
/// Bytes of the HMAC kept in the QR: 128 bits is far beyond guessing, and keeps the code small.
const SIG_BYTES: usize = 16;
const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

fn mac(secret: &[u8], message: &str) -> Hmac<Sha256> {
    // HMAC accepts keys of any length; this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(message.as_bytes());
    mac
}

fn message(number: &CardNumber, valid_to: NaiveDate) -> String {
    format!("{PREFIX};{number};{valid_to}")
}

/// The text encoded in a card's QR code.
pub fn sign(secret: &[u8], number: &CardNumber, valid_to: NaiveDate) -> String {
    let msg = message(number, valid_to);
    let tag = mac(secret, &msg).finalize().into_bytes();
    format!("{msg};{}", B64.encode(&tag[..SIG_BYTES]))
}

/// What a scanned QR code says once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scanned {
    /// The signature matches: the card was issued from this program.
    Genuine {
        number: CardNumber,
        valid_to: NaiveDate,
    },
    /// Well formed, but the signature does not match: forged or altered.
    Forged { number: CardNumber },
    /// Not a card code at all.
    Unreadable,
}

/// Checks a scanned code against the workspace's secret.
pub fn verify(secret: &[u8], code: &str) -> Scanned {
    let parts: Vec<&str> = code.trim().split(';').collect();
    let [prefix, number, valid_to, sig] = parts.as_slice() else {
        return Scanned::Unreadable;
    };
    if *prefix != PREFIX {
        return Scanned::Unreadable;
    }
    let (Ok(number), Ok(valid_to)) = (
        CardNumber::parse(number),
        NaiveDate::parse_from_str(valid_to, "%Y-%m-%d"),
    ) else {
        return Scanned::Unreadable;
    };
    let Ok(sig) = B64.decode(sig) else {
        return Scanned::Forged { number };
    };
    match mac(secret, &message(&number, valid_to)).verify_truncated_left(&sig) {
        Ok(()) if sig.len() == SIG_BYTES => Scanned::Genuine { number, valid_to },
        _ => Scanned::Forged { number },
    }
}

/// True when `code` looks like a QR payload rather than a typed card number.
pub fn is_qr_payload(code: &str) -> bool {
    code.trim().starts_with(PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 31).expect("date")
    }

    #[test]
    fn a_signed_code_verifies_as_genuine_with_its_number_and_validity() {
        let n = CardNumber::new(2026, 42);
        let code = sign(b"secret", &n, date());
        assert!(code.starts_with(&format!("OKORT1;{n};2026-12-31;")));
        assert_eq!(
            verify(b"secret", &code),
            Scanned::Genuine {
                number: n,
                valid_to: date()
            }
        );
    }

    #[test]
    fn a_code_signed_with_another_secret_or_altered_is_forged() {
        let n = CardNumber::new(2026, 42);
        let code = sign(b"other workspace", &n, date());
        assert_eq!(verify(b"secret", &code), Scanned::Forged { number: n });
        let extended = sign(b"secret", &n, date()).replace("2026-12-31", "2027-12-31");
        assert_eq!(verify(b"secret", &extended), Scanned::Forged { number: n });
    }

    #[test]
    fn garbage_is_unreadable() {
        assert_eq!(verify(b"secret", "hello"), Scanned::Unreadable);
        assert_eq!(
            verify(b"secret", "OKORT1;2026-0042-1;2026-12-31;x"),
            Scanned::Unreadable
        );
        assert!(!is_qr_payload("2026-0042-7"));
    }
}
