//! The Tauri shell of Opplevelseskort: builds the app, holds its state and registers the
//! commands. All rules and queries live in the `okort-*` libraries.

mod bindings;
mod commands;
mod error;
mod jobs;
#[cfg(test)]
mod role_tests;
mod state;

use tauri::Manager;

/// Renews this desk's lock on the workspace every half minute, and tells the UI (event
/// `desk-changed`) when another desk took it over or a holder's lock went stale.
fn renew_desk_lock(app: tauri::AppHandle) {
    use tauri::Emitter;
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(okort_store::desk::RENEW_EVERY);
        loop {
            tick.tick().await;
            let handle = app.clone();
            let changed = tauri::async_runtime::spawn_blocking(move || {
                handle.state::<state::AppState>().renew_desk()
            })
            .await
            .unwrap_or(false);
            if changed {
                let status = app.state::<state::AppState>().desk_status();
                let _ = app.emit("desk-changed", status);
            }
        }
    });
}

/// How many times the window has moved or changed size; a save waits for it to stand still.
#[derive(Default)]
struct WindowChanges(std::sync::atomic::AtomicU64);

/// Writes the window's size and place half a second after it last moved or changed size, not
/// only when the app closes (the plugin's own moment): an app ended by a crash, a power cut or
/// `kill` still opens where it was.
fn keep_window_state(window: &tauri::Window, event: &tauri::WindowEvent) {
    use std::sync::atomic::Ordering;
    use tauri_plugin_window_state::{AppHandleExt, StateFlags};
    if !matches!(
        event,
        tauri::WindowEvent::Moved(_) | tauri::WindowEvent::Resized(_)
    ) {
        return;
    }
    let app = window.app_handle().clone();
    let change = app
        .state::<WindowChanges>()
        .0
        .fetch_add(1, Ordering::SeqCst)
        + 1;
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        if app.state::<WindowChanges>().0.load(Ordering::SeqCst) == change {
            if let Err(e) = app.save_window_state(StateFlags::all()) {
                eprintln!("Opplevelseskort could not save the window's size and place: {e}");
            }
        }
    });
}

pub fn run() {
    let named = state::named_workspace();
    let mut builder = tauri::Builder::default();
    // One window per workspace: starting the app again on the same file brings its window to
    // the front (on Linux per workspace, through the session's D-Bus; elsewhere per app).
    if let Some(single) = single_instance(named.as_deref()) {
        builder = builder.plugin(single);
    }
    let result = builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .manage(WindowChanges::default())
        .on_window_event(keep_window_state)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
            let data_dir = app.path().app_data_dir()?;
            let config_dir = app.path().app_config_dir()?;
            app.manage(state::AppState::start(data_dir, config_dir, named.clone()));
            renew_desk_lock(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace::tauri_commands::workspace_info,
            commands::workspace::tauri_commands::workspace_retry,
            commands::workspace::tauri_commands::workspace_new,
            commands::workspace::tauri_commands::workspace_open,
            commands::workspace::tauri_commands::workspace_open_demo,
            commands::workspace::tauri_commands::workspace_backup,
            commands::workspace::tauri_commands::workspace_backups,
            commands::workspace::tauri_commands::workspace_restore,
            commands::workspace::tauri_commands::backups_at_login,
            commands::workspace::tauri_commands::restore_at_login,
            commands::workspace::tauri_commands::app_version,
            commands::workspace::tauri_commands::get_language,
            commands::workspace::tauri_commands::set_language,
            commands::session::tauri_commands::session_info,
            commands::session::tauri_commands::create_first_admin,
            commands::session::tauri_commands::login,
            commands::session::tauri_commands::reclaim_desk,
            commands::session::tauri_commands::logout,
            commands::session::tauri_commands::recover,
            commands::session::tauri_commands::save_recovery_sheet,
            commands::session::tauri_commands::renew_recovery,
            commands::session::tauri_commands::list_users,
            commands::session::tauri_commands::save_user,
            commands::session::tauri_commands::audit_users,
            commands::session::tauri_commands::audit_log,
            commands::session::tauri_commands::audit_verify,
            commands::program::tauri_commands::get_program,
            commands::program::tauri_commands::colour_theme,
            commands::program::tauri_commands::save_program,
            commands::program::tauri_commands::set_program_image,
            commands::program::tauri_commands::get_image,
            commands::program::tauri_commands::list_years,
            commands::program::tauri_commands::new_year_defaults,
            commands::program::tauri_commands::save_year,
            commands::program::tauri_commands::copy_agreements,
            commands::payouts::tauri_commands::compute_payouts,
            commands::feedback::tauri_job_commands::print_feedback_forms,
            commands::feedback::tauri_job_commands::print_year_report,
            commands::feedback::tauri_commands::questionnaire,
            commands::feedback::tauri_commands::set_question_text,
            commands::feedback::tauri_commands::save_family_answers,
            commands::feedback::tauri_commands::save_venue_answers,
            commands::feedback::tauri_commands::feedback_responses,
            commands::feedback::tauri_commands::feedback_summary,
            commands::feedback::tauri_commands::import_venue_answers,
            commands::feedback::tauri_commands::evaluation_meeting,
            commands::feedback::tauri_commands::save_evaluation_meeting,
            commands::stats::tauri_commands::statistics,
            commands::stats::tauri_commands::export_statistics_csv,
            commands::stats::tauri_commands::set_year_budget,
            commands::payouts::tauri_commands::export_payouts_csv,
            commands::payouts::tauri_job_commands::print_statement,
            commands::payouts::tauri_commands::approve_settlement,
            commands::payouts::tauri_commands::list_settlements,
            commands::payouts::tauri_commands::export_settlements_csv,
            commands::payouts::tauri_commands::mark_settlement_paid,
            commands::payouts::tauri_commands::withdraw_settlement,
            commands::visits::tauri_commands::register_visit,
            commands::visits::tauri_commands::register_returned_ticks,
            commands::visits::tauri_commands::void_visit,
            commands::visits::tauri_commands::list_visits,
            commands::visits::tauri_commands::check_visit_import,
            commands::visits::tauri_job_commands::import_visits,
            commands::venues::tauri_commands::list_venues,
            commands::venues::tauri_commands::save_venue,
            commands::venues::tauri_commands::set_venue_logo,
            commands::venues::tauri_commands::agreements_for_venue,
            commands::venues::tauri_commands::agreements_for_year,
            commands::venues::tauri_commands::save_agreement,
            commands::venues::tauri_commands::delete_agreement,
            commands::venues::tauri_commands::preview_venues_import,
            commands::venues::tauri_job_commands::import_venues_csv,
            commands::venues::tauri_commands::export_venues_csv,
            commands::letters::tauri_commands::save_report_template,
            commands::letters::tauri_job_commands::print_venue_sheets,
            commands::letters::tauri_commands::letter_languages,
            commands::letters::tauri_commands::letter_texts,
            commands::letters::tauri_commands::save_letter_text,
            commands::letters::tauri_commands::set_letter_reviewed,
            commands::letters::tauri_commands::letter_preview,
            commands::letters::tauri_job_commands::print_letters,
            commands::kit::tauri_commands::make_venue_kit,
            commands::kit::tauri_commands::retire_venue_kits,
            commands::kit::tauri_commands::kit_login,
            commands::kit::tauri_commands::kit_logout,
            commands::kit::tauri_commands::kit_lookup,
            commands::kit::tauri_commands::kit_register,
            commands::kit::tauri_commands::kit_visits,
            commands::kit::tauri_commands::kit_save_report,
            commands::holders::tauri_commands::list_languages,
            commands::holders::tauri_commands::list_holders,
            commands::holders::tauri_commands::holder_summaries,
            commands::holders::tauri_commands::possible_duplicates,
            commands::holders::tauri_commands::save_holder,
            commands::holders::tauri_commands::preview_holders_import,
            commands::holders::tauri_job_commands::import_holders_csv,
            commands::holders::tauri_commands::export_holders_csv,
            commands::holders::tauri_commands::export_holder,
            commands::holders::tauri_job_commands::print_holder_access,
            commands::holders::tauri_commands::erase_holder,
            commands::cards::tauri_commands::quota_status,
            commands::cards::tauri_commands::list_cards,
            commands::cards::tauri_commands::cards_of_holder,
            commands::cards::tauri_commands::assign_card,
            commands::cards::tauri_commands::mark_printed,
            commands::cards::tauri_commands::hand_out_card,
            commands::cards::tauri_commands::replace_lost_card,
            commands::cards::tauri_commands::revoke_card,
            commands::cards::tauri_commands::lookup_card,
            commands::cards::tauri_commands::card_qr,
            commands::cards::tauri_commands::reassessment,
            commands::cards::tauri_commands::renew_cards,
            commands::cards::tauri_commands::decide_reassessment,
            commands::printing::tauri_commands::get_card_design,
            commands::printing::tauri_commands::save_card_design,
            commands::printing::tauri_commands::copy_card_design,
            commands::printing::tauri_commands::card_preview,
            commands::printing::tauri_job_commands::print_cards,
            commands::cancel_job,
            commands::printing::tauri_commands::unprintable_chars,
            commands::printing::tauri_commands::print_warnings,
            commands::printing::tauri_commands::list_printer_profiles,
            commands::printing::tauri_commands::save_printer_profile,
            commands::printing::tauri_commands::delete_printer_profile,
            commands::printing::tauri_job_commands::print_handout_list,
            commands::printing::tauri_commands::print_calibration_page,
        ])
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(|app, event| {
                // Closing the app gives the workspace up for the other desks.
                if let tauri::RunEvent::Exit = event {
                    app.state::<state::AppState>().lock();
                }
            })
        });
    if let Err(e) = result {
        eprintln!("Opplevelseskort could not start: {e}");
        std::process::exit(1);
    }
}

/// The single-instance plugin: a second start on the same workspace gives its window the focus
/// and ends. On Linux it needs the session's D-Bus; without one (a bare X server, as in some
/// test runs) every start runs on its own.
fn single_instance(
    named: Option<&std::path::Path>,
) -> Option<tauri::plugin::TauriPlugin<tauri::Wry>> {
    #[cfg(target_os = "linux")]
    {
        let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|d| std::path::Path::new(&d).join("bus").exists());
        if !bus {
            return None;
        }
    }
    let builder = tauri_plugin_single_instance::Builder::new().callback(|app, _argv, _cwd| {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
        }
    });
    #[cfg(target_os = "linux")]
    let builder = match named {
        Some(path) => builder.dbus_id(instance_id(path)),
        None => builder,
    };
    #[cfg(not(target_os = "linux"))]
    let _ = named;
    Some(builder.build())
}

/// The D-Bus name of the app on one workspace file: the app's identifier and a hash of the
/// file's full path.
#[cfg(target_os = "linux")]
fn instance_id(path: &std::path::Path) -> String {
    use std::hash::{Hash, Hasher};
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    full.hash(&mut hasher);
    format!("no.opplevelseskort.app.w{:016x}", hasher.finish())
}
