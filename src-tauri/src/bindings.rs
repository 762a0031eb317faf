//! The TypeScript types of everything that crosses to the UI, generated from the Rust types
//! into `ui/src/lib/bindings.ts`. A test fails when the committed file is stale; run
//! `UPDATE_BINDINGS=1 cargo test -p opplevelseskort bindings` to rewrite it.

#[cfg(test)]
mod tests {
    use crate::commands::holders::LanguageOption;
    use crate::commands::printing::PrintReport;
    use crate::commands::program::ProgramImageKind;
    use crate::commands::session::{SessionInfo, SessionUser};
    use crate::commands::visits::VisitImportPreview;
    use crate::commands::workspace::WorkspaceInfo;
    use crate::error::{ApiError, ErrorCode, FieldError, RowError};
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
            decl::<VisitImportPreview>(&cfg),
            decl::<VisitImportReport>(&cfg),
            decl::<User>(&cfg),
            decl::<UserInput>(&cfg),
            decl::<AuditEntry>(&cfg),
            decl::<okort_store::AuditQuery>(&cfg),
            decl::<SessionUser>(&cfg),
            decl::<SessionInfo>(&cfg),
            decl::<PrintReport>(&cfg),
            decl::<JobEvent>(&cfg),
            decl::<CardDesign>(&cfg),
            decl::<PrinterProfile>(&cfg),
            decl::<WorkspaceInfo>(&cfg),
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

    #[test]
    fn generated_typescript_bindings_are_up_to_date() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
        let fresh = generate();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).expect("write bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/bindings.ts is stale: run UPDATE_BINDINGS=1 cargo test -p opplevelseskort bindings"
        );
    }
}
