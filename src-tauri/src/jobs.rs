//! Long jobs (printing cards, importing a register or a report, writing a statement or a list):
//! each runs as a task on Tauri's tokio runtime, its work in `spawn_blocking`, never on the main
//! thread. It tells its progress over the `Channel` its command was given and stops when the UI
//! cancels it; a cancelled job writes nothing. The workspace is locked only while a job reads or
//! writes it, never while it renders.

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::state::AppState;
use okort_core::i18n::Problem;
use okort_core::Lang;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use ts_rs::TS;

/// What a job tells the UI: its id first (to cancel it by), then how far it has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase", tag = "event")]
pub enum JobEvent {
    Started { job: u32 },
    Progress { job: u32, done: u32, total: u32 },
}

/// The jobs running now, by id, with their cancel flags.
#[derive(Default)]
pub struct Jobs {
    next: AtomicU32,
    running: Mutex<HashMap<u32, Arc<AtomicBool>>>,
}

/// One running job, as its work sees it.
pub struct Job {
    id: u32,
    cancelled: Arc<AtomicBool>,
    report: Box<dyn Fn(JobEvent) + Send + Sync>,
}

impl Job {
    /// Tells the UI `done` of `total`; false once the user has cancelled.
    pub fn progress(&self, done: usize, total: usize) -> bool {
        (self.report)(JobEvent::Progress {
            job: self.id,
            done: done as u32,
            total: total as u32,
        });
        !self.is_cancelled()
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }

    /// Refuses to go on once the user has cancelled: called before a job writes anything.
    pub fn go_on(&self, lang: Lang) -> ApiResult<()> {
        if self.is_cancelled() {
            Err(cancelled(lang))
        } else {
            Ok(())
        }
    }
}

/// The error a cancelled job ends with.
pub fn cancelled(lang: Lang) -> ApiError {
    ApiError::new(ErrorCode::Refused, Problem::JobCancelled.message(lang))
}

impl Jobs {
    /// Starts a job that reports to `report`, and tells it its id.
    pub fn start(&self, report: impl Fn(JobEvent) + Send + Sync + 'static) -> Job {
        let id = self.next.fetch_add(1, Ordering::SeqCst) + 1;
        let cancelled = Arc::new(AtomicBool::new(false));
        self.running
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, cancelled.clone());
        report(JobEvent::Started { job: id });
        Job {
            id,
            cancelled,
            report: Box::new(report),
        }
    }

    /// Asks a running job to stop; false when no such job runs (it may have just ended).
    pub fn cancel(&self, id: u32) -> bool {
        match self
            .running
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
        {
            Some(flag) => {
                flag.store(true, Ordering::SeqCst);
                true
            }
            None => false,
        }
    }

    fn finish(&self, id: u32) {
        self.running
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&id);
    }
}

/// Runs `work` as a job of the app: on the async runtime's blocking pool, reporting to
/// `channel`. The command awaiting it leaves the main thread and the window free.
pub async fn run<T: Send + 'static>(
    app: tauri::AppHandle,
    channel: tauri::ipc::Channel<JobEvent>,
    work: impl FnOnce(&AppState, &Job) -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    use tauri::Manager;
    let job = app.state::<AppState>().jobs().start(move |event| {
        // A closed window no longer listens; the job still finishes its work.
        let _ = channel.send(event);
    });
    let id = job.id;
    let worker = app.clone();
    let result =
        tauri::async_runtime::spawn_blocking(move || work(&worker.state::<AppState>(), &job)).await;
    let state = app.state::<AppState>();
    state.jobs().finish(id);
    result.map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_tells_its_id_then_its_progress_and_stops_when_cancelled() {
        let jobs = Jobs::default();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let job = jobs.start(move |e| log.lock().expect("log").push(e));
        assert!(job.progress(1, 3));
        assert!(jobs.cancel(job.id));
        assert!(!job.progress(2, 3), "cancelled");
        assert_eq!(
            job.go_on(Lang::En).expect_err("stop").code,
            ErrorCode::Refused
        );
        jobs.finish(job.id);
        assert!(!jobs.cancel(job.id), "an ended job cannot be cancelled");
        let seen = seen.lock().expect("log");
        assert_eq!(seen[0], JobEvent::Started { job: job.id });
        assert_eq!(
            seen[1],
            JobEvent::Progress {
                job: job.id,
                done: 1,
                total: 3
            }
        );
    }
}
