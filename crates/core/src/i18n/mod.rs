//! The message catalogue: every sentence the Rust side shows a user, in the three UI languages:
//! Bokmål, Nynorsk and English.
//!
//! [`Problem`] says what is wrong with a value; [`Msg`] is every other sentence (errors,
//! command-line output, the texts of printed documents); [`field_label`] names form fields and
//! [`audit_sentence`] reads the audit log. Nothing outside this module writes user-facing text
//! (`crates/core/tests/catalogue.rs` keeps it so).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The three UI languages: Bokmål (the default), Nynorsk and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    Nn,
    En,
}

impl Lang {
    /// Every UI language, in the order the catalogue writes them.
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// Whether the language is one of the two written forms of Norwegian (Bokmål or Nynorsk):
    /// they share the Norwegian formats (decimal comma, «» quotes, dd.mm.åååå).
    pub fn is_norwegian(self) -> bool {
        matches!(self, Lang::Nb | Lang::Nn)
    }

    /// The language's code as settings, files and `--lang` write it: `nb`, `nn` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// The language a code names: `nb`, `nn` or `en` (any case, spaces around ignored), and
    /// `no` (Norwegian) as Bokmål; `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
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
    fn every_problem_reads_in_every_language() {
        let p = Problem::OrgNumber(NumberProblem::CheckDigit);
        assert!(p.message(Lang::Nb).contains("kontrollsifferet"));
        assert!(p
            .message(Lang::Nn)
            .contains("kontrollsifferet stemmer ikkje"));
        assert!(p.message(Lang::En).contains("check digit"));
        let y = Problem::UnknownYear { year: 2031 };
        assert!(y.message(Lang::Nb).contains("2031"));
        assert_eq!(
            y.message(Lang::Nn),
            "programåret 2031 finst ikkje – opprett det under Programår først"
        );
    }

    #[test]
    fn a_problem_reads_in_nynorsk_with_its_values_and_quotes() {
        assert_eq!(Problem::Required.message(Lang::Nn), "må fyllast ut");
        assert_eq!(Problem::Required.message(Lang::Nb), "må fylles ut");
        let date = Problem::NotADate {
            value: "31.02".into(),
        };
        assert_eq!(
            date.message(Lang::Nn),
            "«31.02» er ikkje ein dato (skriv dd.mm.åååå)"
        );
        assert_eq!(
            date.message(Lang::En),
            "“31.02” is not a date (write dd.mm.yyyy)"
        );
        let short = Problem::BankAccount(NumberProblem::WrongLength {
            expected: 11,
            found: 9,
        });
        assert_eq!(
            short.message(Lang::Nn),
            "eit kontonummer har 11 siffer, her er det 9"
        );
        let limit = Problem::VisitLimit {
            allowed: 4,
            used: 4,
        };
        assert!(limit.message(Lang::Nn).contains("ei grunngiving"));
    }

    #[test]
    fn a_language_is_read_from_its_code() {
        assert_eq!(Lang::parse("nb"), Some(Lang::Nb));
        assert_eq!(Lang::parse("nn"), Some(Lang::Nn));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("no"), Some(Lang::Nb));
        assert_eq!(Lang::parse(" NN "), Some(Lang::Nn));
        assert_eq!(Lang::parse("sv"), None);
        assert_eq!(Lang::parse(""), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::default(), Lang::Nb);
        assert!(Lang::Nb.is_norwegian() && Lang::Nn.is_norwegian());
        assert!(!Lang::En.is_norwegian());
    }

    #[test]
    fn a_field_label_reads_in_nynorsk() {
        assert_eq!(field_label("firstName", Lang::Nn), Some("Førenamn"));
        assert_eq!(field_label("firstName", Lang::Nb), Some("Fornavn"));
        assert_eq!(field_label("firstName", Lang::En), Some("First name"));
        assert_eq!(field_label("nothing", Lang::Nn), None);
    }

    #[test]
    fn an_audit_entry_reads_in_nynorsk() {
        let paid = audit_sentence(
            Lang::Nn,
            "settlement.paid",
            "kultur",
            "oppgjer nr. 12 for Eksempel Kino (3 besøk, kr 290,00)",
            "2026-11-26",
        );
        assert_eq!(
            paid,
            "kultur merkte oppgjer nr. 12 for Eksempel Kino (3 besøk, kr 290,00) som betalt 26.11.2026."
        );
        let revoked = audit_sentence(Lang::Nn, "card.revoked", "nav", "2026-0042-9", REASON_GIVEN);
        assert_eq!(
            revoked,
            "nav trekte tilbake kort 2026-0042-9 med skriftleg grunngiving."
        );
        let void = audit_sentence(Lang::Nn, "visit.void", "kino", "besøket", "feil kort");
        assert_eq!(
            void,
            "kino annullerte besøket med grunngivinga «feil kort»."
        );
        let unknown = audit_sentence(Lang::Nn, "card.lookup_unknown", "kino", "", "");
        assert_eq!(unknown, "kino tasta eit kortnummer som ikkje finst.");
        let other = audit_sentence(Lang::Nn, "something.new", "kultur", "kort 1", "");
        assert_eq!(other, "kultur gjorde «something.new» med kort 1.");
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
    fn an_entry_with_a_reason_says_one_was_written_in_bokmal_and_english() {
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
