//! Printing cards: a preview of the year's card as the printer will get it, and the PDF.

use super::{commands, job_commands, open_in_viewer};
use crate::error::{ApiError, ApiResult};
use base64::Engine;
use okort_core::{Action, CardDesign, PrinterProfile};
use okort_documents::PrintRun;
use okort_print::Layout;
use serde::Serialize;
use std::path::PathBuf;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintReport {
    pub printed: usize,
    pub path: String,
    /// Cards whose names have characters no font can draw ("Kort 2026-0034-8: …").
    pub warnings: Vec<String>,
}

job_commands! {
    /// Prints the year's active cards (or `card_ids`, for a reprint) to `path` and marks them
    /// printed. The workspace is read, then left free while the cards are laid out and written
    /// (the job tells its progress and stops when cancelled, writing nothing), then the cards
    /// are marked printed and the file is opened.
    pub fn print_cards(
        state,
        job,
        year_id: i64,
        layout: Layout,
        path: PathBuf,
        card_ids: Option<Vec<i64>>,
        profile_id: Option<i64>,
    ) -> ApiResult<PrintReport> {
        let run = state.act(Action::MarkCardsPrinted, |ws, actor| {
            let profile = profile_id.map(|id| ws.printer_profile(id)).transpose()?;
            Ok(PrintRun::read(ws, actor, year_id, card_ids.as_deref(), profile, state.lang())?)
        })?;
        let warnings = run.warnings(state.lang()).map_err(|e| ApiError::from_doc(e, state.lang()))?;
        let pdf = run
            .render(layout, &mut |done, total| job.progress(done, total))
            .map_err(|e| ApiError::from_doc(e, state.lang()))?;
        job.go_on(state.lang())?;
        state.act(Action::MarkCardsPrinted, |ws, actor| {
            okort_store::write_file(&path, &pdf)?;
            ws.mark_printed(actor, &run.card_ids)
        })?;
        open_in_viewer(&path);
        Ok(PrintReport { printed: run.card_ids.len(), path: path.display().to_string(), warnings })
    }

    /// NAV's hand-out list of the year's active cards, written to `path` and opened.
    pub fn print_handout_list(state, job, year_id: i64, path: PathBuf) -> ApiResult<PrintReport> {
        let list = state.act(Action::ReadHolderSummaries, |ws, actor| {
            Ok(okort_documents::read_handout_list(ws, actor, year_id, state.lang())?)
        })?;
        job.progress(0, 1);
        let pdf = list.pdf().map_err(|e| ApiError::from_doc(e, state.lang()))?;
        job.go_on(state.lang())?;
        okort_store::write_file(&path, &pdf).map_err(|e| ApiError::from_store(e, state.lang()))?;
        job.progress(1, 1);
        open_in_viewer(&path);
        Ok(PrintReport { printed: list.rows.len(), path: path.display().to_string(), warnings: Vec::new() })
    }
}

commands! {
    /// The characters of a name no bundled font can draw, said when a holder is saved: on a
    /// card they would be empty boxes. Empty when the whole name prints.
    pub fn unprintable_chars(state, text: String) -> ApiResult<Vec<String>> {
        let fonts = okort_print::fonts::Fonts::load()
            .map_err(|e| ApiError::from_doc(okort_documents::DocError::from(e), state.lang()))?;
        Ok(fonts.unprintable(&text).into_iter().map(String::from).collect())
    }

    /// Before printing: a primary colour too light for the card's white text, and the cards of
    /// the year (or `card_ids`) whose holders' names have characters no bundled font can draw,
    /// one sentence each.
    pub fn print_warnings(
        state,
        year_id: i64,
        card_ids: Option<Vec<i64>>,
    ) -> ApiResult<Vec<String>> {
        state.act(Action::MarkCardsPrinted, |ws, actor| {
            Ok(okort_documents::print_warnings(ws, actor, year_id, card_ids.as_deref(), state.lang())?)
        })
    }

    pub fn get_card_design(state, year_id: i64) -> ApiResult<CardDesign> {
        state.act(Action::MarkCardsPrinted, |ws, _| ws.card_design(year_id, state.lang()))
    }

    pub fn save_card_design(state, design: CardDesign) -> ApiResult<CardDesign> {
        state.act(Action::ManageProgram, |ws, actor| ws.save_card_design(actor, design))
    }

    /// "Copy from last year": the design of `from_year_id` saved for `to_year_id`.
    pub fn copy_card_design(state, from_year_id: i64, to_year_id: i64) -> ApiResult<CardDesign> {
        state.act(Action::ManageProgram, |ws, actor| {
            ws.copy_card_design(actor, from_year_id, to_year_id, state.lang())
        })
    }

    /// The pages of one card of the year (the first active one, or a sample) as SVG data URLs:
    /// the same drawing operations the PDF is made of. `design` previews unsaved edits.
    pub fn card_preview(
        state,
        year_id: i64,
        layout: Layout,
        design: Option<CardDesign>,
    ) -> ApiResult<Vec<String>> {
        state.act(Action::MarkCardsPrinted, |ws, actor| {
            let design = match design {
                Some(d) => d.normalized(),
                None => ws.card_design(year_id, state.lang())?,
            };
            let job = okort_documents::job_for(ws, &design, state.lang())?;
            let year = ws.year(year_id)?;
            let rows = ws.list_cards(actor, year_id)?;
            let face = match rows.iter().find(|r| r.card.status.is_active()) {
                Some(row) => okort_documents::card_face(&ws.qr_signer(actor, year_id)?, row)?,
                None => okort_documents::sample_face(&year),
            };
            let pages =
                job.card_pages(layout, &[face]).map_err(okort_documents::DocError::from)?;
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
        state.act(Action::MarkCardsPrinted, |ws, actor| ws.save_printer_profile(actor, profile))
    }

    pub fn delete_printer_profile(state, id: i64) -> ApiResult<()> {
        state.act(Action::MarkCardsPrinted, |ws, actor| ws.delete_printer_profile(actor, id))
    }

    /// A calibration test page with rulers for the layout's paper (through a profile, to check
    /// it), written to `path` and opened.
    pub fn print_calibration_page(
        state,
        layout: Layout,
        path: PathBuf,
        profile_id: Option<i64>,
    ) -> ApiResult<PrintReport> {
        state.act(Action::MarkCardsPrinted, |ws, _| {
            let profile = profile_id.map(|id| ws.printer_profile(id)).transpose()?;
            let pdf = okort_documents::calibration(layout, profile.as_ref(), state.lang())
                .map_err(okort_documents::DocError::from)?;
            okort_store::write_file(&path, &pdf)?;
            Ok(())
        })?;
        open_in_viewer(&path);
        Ok(PrintReport { printed: 0, path: path.display().to_string(), warnings: Vec::new() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::session;
    use crate::error::ErrorCode;
    use crate::jobs::{Job, JobEvent};
    use crate::state::AppState;
    use okort_store::demo;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};

    fn logged_in_admin() -> (tempfile::TempDir, AppState, i64) {
        logged_in_admin_with(0)
    }

    /// The demo, with `extra` generated holders and cards in 2026 (made by NAV, who assigns).
    fn logged_in_admin_with(extra: u32) -> (tempfile::TempDir, AppState, i64) {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("demo.okort");
        let mut ws = demo::create(&path).expect("demo");
        let year = ws.year_by_number(2026).expect("y").expect("2026").id;
        demo::add_generated_cards(&mut ws, year, extra).expect("cards");
        drop(ws);
        let state = AppState::for_tests(&path, dir.path());
        session::login(&state, "kultur".into(), demo::DEMO_PASSWORD.into()).expect("login");
        (dir, state, year)
    }

    /// Runs `work` with a job whose events are collected.
    fn with_job<T>(state: &AppState, work: impl FnOnce(&Job) -> T) -> (T, Vec<JobEvent>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let job = state
            .jobs()
            .start(move |e| log.lock().expect("log").push(e));
        let out = work(&job);
        let events = seen.lock().expect("log").clone();
        (out, events)
    }

    fn printed_cards(state: &AppState, year: i64) -> usize {
        state
            .act(Action::MarkCardsPrinted, |ws, actor| {
                ws.list_cards(actor, year)
            })
            .expect("cards")
            .iter()
            .filter(|r| r.card.status == okort_store::CardStatus::Printed)
            .count()
    }

    fn done_counts(events: &[JobEvent]) -> Vec<u32> {
        events
            .iter()
            .filter_map(|e| match e {
                JobEvent::Progress { done, .. } => Some(*done),
                JobEvent::Started { .. } => None,
            })
            .collect()
    }

    #[test]
    fn printing_reports_progress_sheet_by_sheet_and_writes_the_pdf() {
        let (dir, state, year) = logged_in_admin();
        let out = dir.path().join("kort.pdf");
        let (report, events) = with_job(&state, |job| {
            print_cards(&state, job, year, Layout::Cr80, out.clone(), None, None)
        });
        assert_eq!(report.expect("print").printed, 18);
        assert!(matches!(events[0], JobEvent::Started { .. }));
        assert_eq!(
            done_counts(&events),
            vec![8, 16, 18],
            "eight cards at a time"
        );
        assert!(std::fs::read(&out).expect("pdf").starts_with(b"%PDF"));
    }

    #[test]
    fn a_cancelled_print_writes_nothing_marks_nothing_and_says_so() {
        let (dir, state, year) = logged_in_admin();
        let before = printed_cards(&state, year);
        let out = dir.path().join("kort.pdf");
        let (tx, rx) = std::sync::mpsc::channel();
        let job = state.jobs().start(move |e| {
            let _ = tx.send(e);
        });
        let result = std::thread::scope(|s| {
            let printing =
                s.spawn(|| print_cards(&state, &job, year, Layout::A4, out.clone(), None, None));
            // Cancel as the first sheet is reported, as a user would from the progress bar.
            for event in rx.iter() {
                if let JobEvent::Progress { job, .. } = event {
                    assert!(state.jobs().cancel(job));
                    break;
                }
            }
            printing.join().expect("thread")
        });
        let err = result.expect_err("cancelled");
        assert_eq!(err.code, ErrorCode::Refused);
        assert!(err.message.contains("avbrutt"), "{}", err.message);
        assert!(!out.exists(), "no file is written");
        assert_eq!(
            printed_cards(&state, year),
            before,
            "no card is marked printed"
        );
    }

    #[test]
    fn the_workspace_answers_other_commands_while_thousands_of_cards_are_rendered() {
        let cards = 5000;
        let (dir, state, year) = logged_in_admin_with(cards);
        let out = dir.path().join("many.pdf");
        let (tx, rx) = std::sync::mpsc::channel();
        let job = state.jobs().start(move |e| {
            let _ = tx.send(e);
        });
        let finished = AtomicBool::new(false);
        std::thread::scope(|s| {
            let printing = s.spawn(|| {
                let r = print_cards(&state, &job, year, Layout::Sheet8, out.clone(), None, None);
                finished.store(true, Ordering::SeqCst);
                r
            });
            // Once rendering has begun, another command gets the workspace at once.
            for event in rx.iter() {
                if let JobEvent::Progress { done, total, .. } = event {
                    assert!(done < total);
                    break;
                }
            }
            let years = crate::commands::program::list_years(&state).expect("years");
            assert!(!years.is_empty());
            assert!(
                !finished.load(Ordering::SeqCst),
                "answered while the print was still running"
            );
            let report = printing.join().expect("thread").expect("print");
            assert!(report.printed >= cards as usize);
        });
    }

    #[test]
    fn nav_cannot_print_cards() {
        let (dir, state, year) = logged_in_admin();
        session::login(&state, "nav".into(), demo::DEMO_PASSWORD.into()).expect("nav");
        let (err, _) = with_job(&state, |job| {
            print_cards(
                &state,
                job,
                year,
                Layout::A4,
                dir.path().join("x.pdf"),
                None,
                None,
            )
        });
        assert_eq!(err.expect_err("denied").code, ErrorCode::Denied);
    }
}
