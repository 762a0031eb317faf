//! Printing cards: a preview of the year's card as the printer will get it, and the PDF.

use super::commands;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::state::AppState;
use base64::Engine;
use okort_core::{Action, CardDesign, PrinterProfile};
use okort_print::Layout;
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintReport {
    pub printed: usize,
    pub path: String,
}

fn layout(state: &AppState, code: &str) -> ApiResult<Layout> {
    Layout::parse(code).ok_or_else(|| {
        let problem = okort_core::i18n::Problem::Unknown {
            value: code.into(),
            allowed: "a4, a6, cr80, sheet8",
        };
        ApiError::new(ErrorCode::Invalid, problem.message(state.lang()))
    })
}

/// How far a print run has come; sent to the UI as the event `print-progress`.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintProgress {
    pub done: u32,
    pub total: u32,
}

/// Prints the year's active cards (or `card_ids`, for a reprint) to `path` and marks them
/// printed, telling `progress` after each card; stops when the user cancels.
pub fn print_cards_with(
    state: &AppState,
    year_id: i64,
    layout_code: &str,
    path: &std::path::Path,
    card_ids: Option<Vec<i64>>,
    profile_id: Option<i64>,
    progress: &mut dyn FnMut(PrintProgress),
) -> ApiResult<PrintReport> {
    let layout = layout(state, layout_code)?;
    state.cancel_print(false);
    let printed = state.act(Action::MarkCardsPrinted, |ws, actor| {
        let profile = profile_id.map(|id| ws.printer_profile(id)).transpose()?;
        let (pdf, printed) = okort_print::cards::print_year_with_progress(
            ws,
            actor,
            year_id,
            layout,
            card_ids.as_deref(),
            profile.as_ref(),
            &mut |done, total| {
                progress(PrintProgress {
                    done: done as u32,
                    total: total as u32,
                });
                !state.print_cancelled()
            },
        )?;
        std::fs::write(path, pdf)?;
        ws.mark_printed(actor, &printed)?;
        Ok(printed.len())
    })?;
    Ok(PrintReport {
        printed,
        path: path.display().to_string(),
    })
}

/// Runs off the main thread so the window stays live and shows the progress.
#[tauri::command(async)]
pub fn print_cards(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    year_id: i64,
    layout_code: String,
    path: PathBuf,
    card_ids: Option<Vec<i64>>,
    profile_id: Option<i64>,
) -> ApiResult<PrintReport> {
    use tauri::Emitter;
    let report = print_cards_with(
        &state,
        year_id,
        &layout_code,
        &path,
        card_ids,
        profile_id,
        &mut |p| {
            let _ = app.emit("print-progress", p);
        },
    )?;
    open_in_viewer(&path);
    Ok(report)
}

/// Opens a file in the system's viewer; a failure only means the user opens it by hand.
pub(crate) fn open_in_viewer(path: &std::path::Path) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program).arg(path).spawn();
}

commands! {
    pub fn get_card_design(state, year_id: i64) -> ApiResult<CardDesign> {
        state.act(Action::MarkCardsPrinted, |ws, _| ws.card_design(year_id))
    }

    pub fn save_card_design(state, design: CardDesign) -> ApiResult<CardDesign> {
        state.act(Action::ManageProgram, |ws, _| ws.save_card_design(design))
    }

    /// "Copy from last year": the design of `from_year_id` saved for `to_year_id`.
    pub fn copy_card_design(state, from_year_id: i64, to_year_id: i64) -> ApiResult<CardDesign> {
        state.act(Action::ManageProgram, |ws, _| ws.copy_card_design(from_year_id, to_year_id))
    }

    /// The pages of one card of the year (the first active one, or a sample) as SVG data URLs:
    /// the same drawing operations the PDF is made of. `design` previews unsaved edits.
    pub fn card_preview(
        state,
        year_id: i64,
        layout_code: String,
        design: Option<CardDesign>,
    ) -> ApiResult<Vec<String>> {
        let layout = layout(state, &layout_code)?;
        state.act(Action::MarkCardsPrinted, |ws, actor| {
            let design = match design {
                Some(d) => d.normalized(),
                None => ws.card_design(year_id)?,
            };
            let job = okort_print::cards::job_for(ws, &design)?;
            let year = ws.year(year_id)?;
            let rows = ws.list_cards(actor, year_id)?;
            let face = match rows.iter().find(|r| r.card.status.is_active()) {
                Some(row) => okort_print::cards::card_face(&ws.qr_signer(actor, year_id)?, row)?,
                None => okort_print::cards::sample_face(&year),
            };
            let pages = job.card_pages(layout, &[face])?;
            Ok(pages
                .iter()
                .map(|p| {
                    let svg = job.svg(p);
                    format!(
                        "data:image/svg+xml;base64,{}",
                        base64::engine::general_purpose::STANDARD.encode(svg)
                    )
                })
                .collect())
        })
    }

    pub fn list_printer_profiles(state) -> ApiResult<Vec<PrinterProfile>> {
        state.act(Action::MarkCardsPrinted, |ws, _| ws.printer_profiles())
    }

    pub fn save_printer_profile(state, profile: PrinterProfile) -> ApiResult<PrinterProfile> {
        state.act(Action::MarkCardsPrinted, |ws, _| ws.save_printer_profile(profile))
    }

    pub fn delete_printer_profile(state, id: i64) -> ApiResult<()> {
        state.act(Action::MarkCardsPrinted, |ws, _| ws.delete_printer_profile(id))
    }

    /// Stops a print run after the card it is on; nothing is written or marked printed.
    pub fn cancel_print(state) -> () {
        state.cancel_print(true);
    }

    /// NAV's hand-out list of the year's active cards, written to `path` and opened.
    pub fn print_handout_list(state, year_id: i64, path: PathBuf) -> ApiResult<PrintReport> {
        let printed = state.act(Action::ReadHolderSummaries, |ws, actor| {
            let pdf = okort_print::cards::handout_list(ws, actor, year_id)?;
            std::fs::write(&path, pdf)?;
            Ok(ws.list_cards(actor, year_id)?.iter().filter(|r| r.card.status.is_active()).count())
        })?;
        open_in_viewer(&path);
        Ok(PrintReport { printed, path: path.display().to_string() })
    }

    /// A calibration test page with rulers for the layout's paper (through a profile, to check
    /// it), written to `path` and opened.
    pub fn print_calibration_page(
        state,
        layout_code: String,
        path: PathBuf,
        profile_id: Option<i64>,
    ) -> ApiResult<PrintReport> {
        let layout = layout(state, &layout_code)?;
        state.act(Action::MarkCardsPrinted, |ws, _| {
            let profile = profile_id.map(|id| ws.printer_profile(id)).transpose()?;
            let pdf = okort_print::cards::calibration(layout, profile.as_ref())?;
            std::fs::write(&path, pdf)?;
            Ok(())
        })?;
        open_in_viewer(&path);
        Ok(PrintReport { printed: 0, path: path.display().to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::session;
    use okort_store::demo;

    fn logged_in_admin() -> (tempfile::TempDir, AppState, i64) {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("demo.okort");
        let ws = demo::create(&path).expect("demo");
        let year = ws.year_by_number(2026).expect("y").expect("2026").id;
        drop(ws);
        let state = AppState::for_tests(&path, dir.path());
        session::login(&state, "kultur".into(), demo::DEMO_PASSWORD.into()).expect("login");
        (dir, state, year)
    }

    #[test]
    fn printing_reports_progress_sheet_by_sheet_and_writes_the_pdf() {
        let (dir, state, year) = logged_in_admin();
        let out = dir.path().join("kort.pdf");
        let mut seen = Vec::new();
        let report = print_cards_with(&state, year, "cr80", &out, None, None, &mut |p| {
            seen.push(p.done)
        })
        .expect("print");
        assert_eq!(report.printed, 18);
        assert_eq!(seen, vec![8, 16, 18], "eight cards at a time");
        assert!(std::fs::read(&out).expect("pdf").starts_with(b"%PDF"));
    }

    #[test]
    fn a_cancelled_print_writes_nothing_and_says_so() {
        let (dir, state, year) = logged_in_admin();
        let out = dir.path().join("kort.pdf");
        let err = print_cards_with(&state, year, "a4", &out, None, None, &mut |p| {
            if p.done == 8 {
                state.cancel_print(true);
            }
        })
        .expect_err("cancelled");
        assert_eq!(err.code, ErrorCode::Refused);
        assert!(err.message.contains("avbrutt"), "{}", err.message);
        assert!(!out.exists(), "no file is written");
    }

    #[test]
    fn nav_cannot_print_cards() {
        let (dir, state, year) = logged_in_admin();
        session::login(&state, "nav".into(), demo::DEMO_PASSWORD.into()).expect("nav");
        let err = print_cards_with(
            &state,
            year,
            "a4",
            &dir.path().join("x.pdf"),
            None,
            None,
            &mut |_| {},
        )
        .expect_err("denied");
        assert_eq!(err.code, ErrorCode::Denied);
    }
}
