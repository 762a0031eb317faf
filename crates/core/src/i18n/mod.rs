//! The message catalogue: every sentence the Rust side shows a user, in Bokmål and English.
//!
//! [`Problem`] says what is wrong with a value; [`Msg`] is every other sentence (errors,
//! command-line output, the texts of printed documents); [`field_label`] names form fields and
//! [`audit_sentence`] reads the audit log. Nothing outside this module writes user-facing text
//! (`crates/core/tests/catalogue.rs` keeps it so).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The two UI languages: Bokmål first, English second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    En,
}

mod cli;
mod labels;
mod messages;
mod problems;

pub use cli::CliMsg;
pub use labels::{audit_sentence, field_label, REASON_GIVEN};
pub use messages::{month_name, Msg};
pub use problems::Problem;

/// `text` as a sentence on its own: its first letter capitalised.
pub fn sentence(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::NumberProblem;

    #[test]
    fn every_problem_reads_in_both_languages() {
        let p = Problem::OrgNumber(NumberProblem::CheckDigit);
        assert!(p.message(Lang::Nb).contains("kontrollsifferet"));
        assert!(p.message(Lang::En).contains("check digit"));
        let y = Problem::UnknownYear { year: 2031 };
        assert!(y.message(Lang::Nb).contains("2031"));
    }

    #[test]
    fn an_audit_entry_reads_as_a_sentence_with_the_date_in_norwegian() {
        let s = audit_sentence(
            Lang::Nb,
            "settlement.paid",
            "kultur",
            "oppgjør nr. 12 for Eksempel Kino (3 besøk, kr 290,00)",
            "2026-11-26",
        );
        assert_eq!(
            s,
            "kultur merket oppgjør nr. 12 for Eksempel Kino (3 besøk, kr 290,00) som betalt 26.11.2026."
        );
    }

    #[test]
    fn an_entry_with_a_reason_says_one_was_written_in_both_languages() {
        let revoked =
            |lang| audit_sentence(lang, "card.revoked", "nav", "2026-0042-9", REASON_GIVEN);
        assert_eq!(
            revoked(Lang::Nb),
            "nav trakk tilbake kort 2026-0042-9 med skriftlig begrunnelse."
        );
        assert_eq!(
            revoked(Lang::En),
            "nav revoked card 2026-0042-9 with a written reason."
        );
        let over = audit_sentence(
            Lang::En,
            "visit.override",
            "kultur",
            "the visit",
            REASON_GIVEN,
        );
        assert_eq!(
            over,
            "kultur registered the visit over a rule, with a written reason."
        );
    }

    #[test]
    fn recovery_and_encryption_entries_read_as_sentences_not_action_codes() {
        let recovered = audit_sentence(Lang::Nb, "user.recovered", "systemet", "nav", "");
        assert_eq!(
            recovered,
            "systemet gjenopprettet tilgangen for nav med en gjenopprettingsnøkkel."
        );
        let renewed = audit_sentence(Lang::En, "recovery.renew", "kultur", "", "");
        assert_eq!(renewed, "kultur made a new recovery key.");
        let encrypted = audit_sentence(Lang::Nb, "workspace.encrypt", "kultur", "", "");
        assert_eq!(encrypted, "kultur krypterte arbeidsfilen.");
    }

    #[test]
    fn an_entry_logged_with_its_reason_before_reasons_left_the_log_still_reads_it() {
        let void = audit_sentence(Lang::En, "visit.void", "kino", "the visit", "feil kort");
        assert_eq!(void, "kino voided the visit with the reason “feil kort”.");
        let age = audit_sentence(
            Lang::Nb,
            "card.age_override",
            "nav",
            "2026-0042-9",
            "age 19: Vedtak",
        );
        assert_eq!(
            age,
            "nav overstyrte aldersgruppen for kort 2026-0042-9 med begrunnelsen «age 19: Vedtak»."
        );
    }
}
