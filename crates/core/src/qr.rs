//! The QR payload on a card: number, validity and a signature, so a desk can tell a genuine
//! card from a forged one offline.
//!
//! Cards are signed with Ed25519 (`OKORT2`): the program's private key signs, and checking needs
//! only the public key, which cannot sign. Cards printed before that carry an HMAC-SHA256 tag
//! (`OKORT1`) and are checked with the old shared secret until they expire.

use crate::card_number::CardNumber;
use base64::Engine;
use chrono::NaiveDate;
use hmac::{Hmac, Mac};
use sha2::Sha256;

const PREFIX: &str = "OKORT1";
const PREFIX_V2: &str = "OKORT2";
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
    let code = code.trim();
    code.starts_with(PREFIX) || code.starts_with(PREFIX_V2)
}

/// A program's card-signing key pair: the 32-byte private seed signs, the public key checks.
pub struct SigningKey(ed25519_dalek::SigningKey);

impl SigningKey {
    pub fn from_seed(seed: &[u8; 32]) -> SigningKey {
        SigningKey(ed25519_dalek::SigningKey::from_bytes(seed))
    }

    /// The public key that checks what this key signs.
    pub fn public(&self) -> [u8; 32] {
        self.0.verifying_key().to_bytes()
    }

    /// The text encoded in a card's QR code: `OKORT2;number;valid_to;signature`.
    pub fn sign(&self, number: &CardNumber, valid_to: NaiveDate) -> String {
        use ed25519_dalek::Signer;
        let msg = format!("{PREFIX_V2};{number};{valid_to}");
        let sig = self.0.sign(msg.as_bytes());
        format!("{msg};{}", B64.encode(sig.to_bytes()))
    }
}

impl SigningKey {
    /// A signature of `message` in the domain `domain` (a venue kit, a kit's report), so that
    /// nothing signed for one use passes as another, and never as a card.
    pub fn sign_message(&self, domain: &str, message: &[u8]) -> String {
        use ed25519_dalek::Signer;
        B64.encode(self.0.sign(&domained(domain, message)).to_bytes())
    }
}

fn domained(domain: &str, message: &[u8]) -> Vec<u8> {
    let mut bytes = format!("OKORT-{domain}\n").into_bytes();
    bytes.extend_from_slice(message);
    bytes
}

/// Whether `signature` (as [`SigningKey::sign_message`] writes it) is `public`'s signature of
/// `message` in `domain`.
pub fn verify_message(public: &[u8; 32], domain: &str, message: &[u8], signature: &str) -> bool {
    (|| {
        let key = ed25519_dalek::VerifyingKey::from_bytes(public).ok()?;
        let sig: [u8; 64] = B64.decode(signature.trim()).ok()?.try_into().ok()?;
        key.verify_strict(
            &domained(domain, message),
            &ed25519_dalek::Signature::from_bytes(&sig),
        )
        .ok()
    })()
    .is_some()
}

/// A public key as text (URL-safe base64), and back.
pub fn encode_key(key: &[u8; 32]) -> String {
    B64.encode(key)
}

pub fn decode_key(text: &str) -> Option<[u8; 32]> {
    B64.decode(text.trim()).ok()?.try_into().ok()
}

/// What a desk checks scanned codes with: the program's public key, and the old shared secret
/// for cards signed before Ed25519, valid through `legacy_until` at the latest.
pub struct Verifier {
    pub public: [u8; 32],
    pub legacy: Option<(Vec<u8>, NaiveDate)>,
}

impl Verifier {
    pub fn verify(&self, code: &str) -> Scanned {
        let code = code.trim();
        if code.starts_with(PREFIX_V2) {
            return verify_v2(&self.public, code);
        }
        match &self.legacy {
            Some((secret, until)) => match verify(secret, code) {
                Scanned::Genuine { number, valid_to } if valid_to > *until => {
                    Scanned::Forged { number }
                }
                other => other,
            },
            None => match verify(b"", code) {
                Scanned::Genuine { number, .. } | Scanned::Forged { number } => {
                    Scanned::Forged { number }
                }
                Scanned::Unreadable => Scanned::Unreadable,
            },
        }
    }
}

fn verify_v2(public: &[u8; 32], code: &str) -> Scanned {
    let parts: Vec<&str> = code.split(';').collect();
    let [PREFIX_V2, number, valid_to, sig] = parts.as_slice() else {
        return Scanned::Unreadable;
    };
    let (Ok(number), Ok(valid_to)) = (
        CardNumber::parse(number),
        NaiveDate::parse_from_str(valid_to, "%Y-%m-%d"),
    ) else {
        return Scanned::Unreadable;
    };
    let genuine = (|| {
        let key = ed25519_dalek::VerifyingKey::from_bytes(public).ok()?;
        let sig: [u8; 64] = B64.decode(sig).ok()?.try_into().ok()?;
        let msg = format!("{PREFIX_V2};{number};{valid_to}");
        key.verify_strict(msg.as_bytes(), &ed25519_dalek::Signature::from_bytes(&sig))
            .ok()
    })()
    .is_some();
    match genuine {
        true => Scanned::Genuine { number, valid_to },
        false => Scanned::Forged { number },
    }
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
    fn a_signed_message_checks_only_in_its_domain_with_its_key_and_unchanged() {
        let key = SigningKey::from_seed(&[9; 32]);
        let sig = key.sign_message("KIT1", b"kino 2026");
        assert!(verify_message(&key.public(), "KIT1", b"kino 2026", &sig));
        assert!(!verify_message(
            &key.public(),
            "REPORT1",
            b"kino 2026",
            &sig
        ));
        assert!(!verify_message(&key.public(), "KIT1", b"kino 2027", &sig));
        let other = SigningKey::from_seed(&[8; 32]);
        assert!(!verify_message(&other.public(), "KIT1", b"kino 2026", &sig));
        assert!(!verify_message(
            &key.public(),
            "KIT1",
            b"kino 2026",
            "not base64!"
        ));
        assert_eq!(decode_key(&encode_key(&key.public())), Some(key.public()));
    }

    #[test]
    fn an_ed25519_card_checks_with_the_public_key_and_nothing_else_can_make_one() {
        let key = SigningKey::from_seed(&[7; 32]);
        let n = CardNumber::new(2026, 42);
        let code = key.sign(&n, date());
        assert!(code.starts_with(&format!("OKORT2;{n};2026-12-31;")));
        assert!(is_qr_payload(&code));
        let desk = Verifier {
            public: key.public(),
            legacy: None,
        };
        assert_eq!(
            desk.verify(&code),
            Scanned::Genuine {
                number: n,
                valid_to: date()
            }
        );
        // Another program's key, a changed date, a cut signature: forged.
        let other = SigningKey::from_seed(&[8; 32]).sign(&n, date());
        assert_eq!(desk.verify(&other), Scanned::Forged { number: n });
        let extended = code.replace("2026-12-31", "2027-12-31");
        assert_eq!(desk.verify(&extended), Scanned::Forged { number: n });
        assert_eq!(
            desk.verify(&code[..code.len() - 4]),
            Scanned::Forged { number: n }
        );
        // An old HMAC code is forged where there is no old secret.
        assert_eq!(
            desk.verify(&sign(b"secret", &n, date())),
            Scanned::Forged { number: n }
        );
    }

    #[test]
    fn an_old_hmac_card_stays_valid_through_its_year_and_no_new_one_can_be_made() {
        let n = CardNumber::new(2026, 42);
        let desk = Verifier {
            public: SigningKey::from_seed(&[7; 32]).public(),
            legacy: Some((b"secret".to_vec(), date())),
        };
        assert_eq!(
            desk.verify(&sign(b"secret", &n, date())),
            Scanned::Genuine {
                number: n,
                valid_to: date()
            }
        );
        // Signed with the old secret for a later year: made after the switch, so forged.
        let later = NaiveDate::from_ymd_opt(2027, 12, 31).expect("date");
        assert_eq!(
            desk.verify(&sign(b"secret", &CardNumber::new(2027, 1), later)),
            Scanned::Forged {
                number: CardNumber::new(2027, 1)
            }
        );
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
