//! The TypeScript side of everything that crosses to the UI, generated from Rust: the types
//! into `ui/src/lib/bindings.ts` and a typed function per command (from the command's own
//! signature, see the `commands!` macro) into `ui/src/lib/commands.ts`. A test fails when a
//! committed file is stale; run `UPDATE_BINDINGS=1 cargo test -p opplevelseskort bindings` to
//! rewrite them.

/// A command as the UI calls it: its name, doc comment, arguments and result as TypeScript.
#[cfg(test)]
pub struct Signature {
    name: &'static str,
    docs: Vec<String>,
    args: Vec<(&'static str, String)>,
    ok: String,
    job: bool,
}

#[cfg(test)]
impl Signature {
    /// `metas` are the command's attributes as written (`doc = "…"` for its doc comment).
    pub fn new(
        name: &'static str,
        metas: &[&str],
        args: Vec<(&'static str, String)>,
        ok: String,
        job: bool,
    ) -> Signature {
        let docs = metas
            .iter()
            .filter_map(|m| m.trim().strip_prefix("doc"))
            .filter_map(|m| m.trim().strip_prefix('='))
            .map(|m| {
                let text = m
                    .trim()
                    .trim_start_matches('r')
                    .trim_matches('#')
                    .trim_matches('"');
                text.replace("\\\"", "\"")
                    .replace("\\\\", "\\")
                    .trim()
                    .to_string()
            })
            .collect();
        Signature {
            name,
            docs,
            args,
            ok,
            job,
        }
    }

    /// The TypeScript function: trailing arguments that may be null may be left out; a job
    /// also takes the caller's [`JobControl`](../ui/src/lib/invoke.ts).
    fn typescript(&self) -> String {
        let camel = crate::commands::camel_case(self.name);
        let optional_from = self
            .args
            .iter()
            .rposition(|(_, ty)| !ty.ends_with("| null"))
            .map_or(0, |i| i + 1);
        let mut params: Vec<String> = self
            .args
            .iter()
            .enumerate()
            .map(|(i, (arg, ty))| {
                let default = if i >= optional_from { " = null" } else { "" };
                format!("{}: {ty}{default}", crate::commands::camel_case(arg))
            })
            .collect();
        let keys: Vec<String> = self
            .args
            .iter()
            .map(|(arg, _)| crate::commands::camel_case(arg))
            .collect();
        let ok = if self.ok == "null" { "void" } else { &self.ok };
        let args = match keys.is_empty() {
            true => "{}".to_string(),
            false => format!("{{ {} }}", keys.join(", ")),
        };
        let call = if self.job {
            params.push("control?: JobControl".into());
            format!("job<{ok}>(\"{}\", {args}, control)", self.name)
        } else if keys.is_empty() {
            format!("call<{ok}>(\"{}\")", self.name)
        } else {
            format!("call<{ok}>(\"{}\", {args})", self.name)
        };
        let doc = match self.docs.len() {
            0 => String::new(),
            _ => format!("  /** {} */\n", self.docs.join(" ")),
        };
        format!("{doc}  {camel}: ({}) =>\n    {call},\n", params.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use crate::commands::holders::LanguageOption;
    use crate::commands::printing::PrintReport;
    use crate::commands::program::ProgramImageKind;
    use crate::commands::session::{SessionInfo, SessionUser};
    use crate::commands::visits::VisitImportPreview;
    use crate::commands::workspace::{BackupFile, WorkspaceInfo};
    use crate::error::{ApiError, ErrorCode, FieldError, ImportPreviewView, RowError};
    use crate::jobs::JobEvent;
    use okort_core::*;
    use okort_store::{
        AuditEntry, Card, CardLookup, CardRow, CardStatus, HolderImportReport, ImportReport,
        LookupState, PayoutLine, QuotaStatus, ReassessRow, Settlement, User, UserInput,
        VenueAllowance, VisitImportReport, VisitReceipt, VisitRow,
    };
    use ts_rs::{Config, TS};

    fn decl<T: TS>(cfg: &Config) -> String {
        format!("export {}\n", T::decl(cfg))
    }

    fn generate() -> String {
        let cfg = Config::new().with_large_int("number");
        let parts = [
            decl::<Lang>(&cfg),
            decl::<Program>(&cfg),
            decl::<ProgramInput>(&cfg),
            decl::<ProgramImageKind>(&cfg),
            decl::<YearStatus>(&cfg),
            decl::<ProgramYear>(&cfg),
            decl::<ProgramYearInput>(&cfg),
            decl::<VenueCategory>(&cfg),
            decl::<Venue>(&cfg),
            decl::<VenueInput>(&cfg),
            decl::<CompensationModel>(&cfg),
            decl::<Agreement>(&cfg),
            decl::<AgreementInput>(&cfg),
            decl::<ImportReport>(&cfg),
            decl::<okort_store::exchange::Change>(&cfg),
            decl::<okort_store::exchange::FieldChange>(&cfg),
            decl::<okort_store::exchange::PreviewRow>(&cfg),
            decl::<ImportPreviewView>(&cfg),
            decl::<Role>(&cfg),
            decl::<Holder>(&cfg),
            decl::<HolderInput>(&cfg),
            decl::<HolderSummary>(&cfg),
            decl::<HolderImportReport>(&cfg),
            decl::<LanguageOption>(&cfg),
            decl::<CardStatus>(&cfg),
            decl::<Card>(&cfg),
            decl::<CardRow>(&cfg),
            decl::<QuotaStatus>(&cfg),
            decl::<ReassessRow>(&cfg),
            decl::<okort_store::Continuation>(&cfg),
            decl::<okort_store::Decision>(&cfg),
            decl::<LookupState>(&cfg),
            decl::<VenueAllowance>(&cfg),
            decl::<CardLookup>(&cfg),
            decl::<VisitReceipt>(&cfg),
            decl::<VisitRow>(&cfg),
            decl::<PayoutLine>(&cfg),
            decl::<Settlement>(&cfg),
            decl::<okort_core::stats::AgeBand>(&cfg),
            decl::<okort_core::stats::ActivityKind>(&cfg),
            decl::<okort_core::stats::VisitBucket>(&cfg),
            decl::<okort_core::stats::CostModel>(&cfg),
            decl::<okort_core::stats::Visits>(&cfg),
            decl::<okort_core::stats::CardFigures>(&cfg),
            decl::<okort_core::stats::AgeBandCount>(&cfg),
            decl::<okort_core::stats::BucketCount>(&cfg),
            decl::<okort_core::stats::VenueFigures>(&cfg),
            decl::<okort_core::stats::CategoryFigures>(&cfg),
            decl::<okort_core::stats::KindFigures>(&cfg),
            decl::<okort_core::stats::MonthFigures>(&cfg),
            decl::<okort_core::stats::ModelCost>(&cfg),
            decl::<okort_core::stats::CostFigures>(&cfg),
            decl::<okort_core::stats::Statistics>(&cfg),
            decl::<okort_core::stats::YearStatistics>(&cfg),
            decl::<okort_core::stats::StatsSection>(&cfg),
            decl::<okort_core::stats::StatsTable>(&cfg),
            decl::<crate::commands::stats::StatisticsView>(&cfg),
            decl::<okort_core::feedback::Respondent>(&cfg),
            decl::<okort_core::feedback::QuestionKind>(&cfg),
            decl::<okort_core::feedback::Question>(&cfg),
            decl::<okort_core::feedback::Answer>(&cfg),
            decl::<okort_core::feedback::QuestionSummary>(&cfg),
            decl::<okort_store::feedback::Questionnaire>(&cfg),
            decl::<okort_store::feedback::ResponseRow>(&cfg),
            decl::<okort_store::feedback::ResponseSaved>(&cfg),
            decl::<okort_store::feedback::FeedbackSummary>(&cfg),
            decl::<okort_store::feedback::EvaluationMeeting>(&cfg),
            decl::<VisitImportPreview>(&cfg),
            decl::<VisitImportReport>(&cfg),
            decl::<User>(&cfg),
            decl::<okort_store::RecoveryRole>(&cfg),
            decl::<UserInput>(&cfg),
            decl::<AuditEntry>(&cfg),
            decl::<okort_store::AuditQuery>(&cfg),
            decl::<okort_store::AuditCheck>(&cfg),
            decl::<okort_store::desk::DeskHolder>(&cfg),
            decl::<crate::state::DeskStatus>(&cfg),
            decl::<SessionUser>(&cfg),
            decl::<SessionInfo>(&cfg),
            decl::<okort_print::Layout>(&cfg),
            decl::<PrintReport>(&cfg),
            decl::<JobEvent>(&cfg),
            decl::<CardDesign>(&cfg),
            decl::<PrinterProfile>(&cfg),
            decl::<okort_core::letters::Part>(&cfg),
            decl::<okort_store::letters::LetterLanguage>(&cfg),
            decl::<okort_store::letters::LetterText>(&cfg),
            decl::<okort_store::kit::KitInfo>(&cfg),
            decl::<okort_store::kit::KitSummary>(&cfg),
            decl::<okort_store::kit::KitVisit>(&cfg),
            decl::<WorkspaceInfo>(&cfg),
            decl::<crate::commands::workspace::AppVersion>(&cfg),
            decl::<okort_core::contrast::Theme>(&cfg),
            decl::<BackupFile>(&cfg),
            decl::<ErrorCode>(&cfg),
            decl::<FieldError>(&cfg),
            decl::<RowError>(&cfg),
            decl::<ApiError>(&cfg),
        ];
        format!(
            "// Generated from the Rust types by src-tauri/src/bindings.rs. Do not edit.\n\n{}",
            parts.join("\n")
        )
    }

    /// Every command the app registers, in the order of the UI's `api`.
    fn signatures(cfg: &Config) -> Vec<crate::bindings::Signature> {
        use crate::commands::*;
        [
            workspace::tauri_commands::signatures(cfg),
            session::tauri_commands::signatures(cfg),
            program::tauri_commands::signatures(cfg),
            venues::tauri_commands::signatures(cfg),
            venues::tauri_job_commands::signatures(cfg),
            kit::tauri_commands::signatures(cfg),
            letters::tauri_commands::signatures(cfg),
            letters::tauri_job_commands::signatures(cfg),
            holders::tauri_commands::signatures(cfg),
            holders::tauri_job_commands::signatures(cfg),
            cards::tauri_commands::signatures(cfg),
            visits::tauri_commands::signatures(cfg),
            visits::tauri_job_commands::signatures(cfg),
            payouts::tauri_commands::signatures(cfg),
            stats::tauri_commands::signatures(cfg),
            feedback::tauri_commands::signatures(cfg),
            feedback::tauri_job_commands::signatures(cfg),
            payouts::tauri_job_commands::signatures(cfg),
            printing::tauri_commands::signatures(cfg),
            printing::tauri_job_commands::signatures(cfg),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// `ui/src/lib/commands.ts`: a typed function per command, importing the types it names.
    fn generate_commands(types: &str) -> String {
        let cfg = Config::new().with_large_int("number");
        let body: String = signatures(&cfg).iter().map(|s| s.typescript()).collect();
        let mut used: Vec<&str> = types
            .lines()
            .filter_map(|l| l.strip_prefix("export type "))
            .filter_map(|l| l.split([' ', '<', '=']).next())
            .filter(|name| {
                body.match_indices(name).any(|(i, _)| {
                    let before = body[..i].chars().next_back();
                    let after = body[i + name.len()..].chars().next();
                    let ident =
                        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                    !ident(before) && !ident(after)
                })
            })
            .collect();
        used.sort_unstable();
        format!(
            "// Generated from the Rust command signatures by src-tauri/src/bindings.rs. Do not edit.\n\
             import {{ call, job, type JobControl }} from \"./invoke\";\n\
             import type {{ {} }} from \"./bindings\";\n\n\
             /** Every command of the backend, with its arguments and result as Rust declares them. */\n\
             export const commands = {{\n{body}}};\n",
            used.join(", ")
        )
    }

    fn check(file: &str, fresh: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/src/lib")
            .join(file);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, fresh).expect("write bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/{file} is stale: run UPDATE_BINDINGS=1 cargo test -p opplevelseskort bindings"
        );
    }

    #[test]
    fn generated_command_functions_are_up_to_date() {
        check("commands.ts", &generate_commands(&generate()));
    }

    #[test]
    fn every_registered_command_has_a_generated_function() {
        let cfg = Config::new().with_large_int("number");
        let names: Vec<&str> = signatures(&cfg).iter().map(|s| s.name).collect();
        let lib = include_str!("lib.rs");
        let registered: Vec<&str> = lib
            .lines()
            .filter_map(|l| l.trim().strip_prefix("commands::"))
            .filter_map(|l| l.trim_end_matches(',').rsplit("::").next())
            .filter(|name| *name != "cancel_job")
            .collect();
        assert_eq!(registered.len(), names.len(), "{registered:?}");
        for name in registered {
            assert!(names.contains(&name), "{name} has no generated function");
        }
    }

    #[test]
    fn generated_typescript_bindings_are_up_to_date() {
        check("bindings.ts", &generate());
    }
}
