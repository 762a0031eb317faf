//! The Tauri shell of Opplevelseskort: builds the app, holds its state and registers the
//! commands. All rules and queries live in the `okort-*` libraries.

mod bindings;
mod commands;
mod error;
mod state;

use tauri::Manager;

pub fn run() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let data_dir = app.path().app_data_dir()?;
            let config_dir = app.path().app_config_dir()?;
            app.manage(state::AppState::start(data_dir, config_dir));
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace::workspace_info,
            commands::workspace::workspace_new,
            commands::workspace::workspace_open,
            commands::workspace::workspace_open_demo,
            commands::workspace::get_language,
            commands::workspace::set_language,
            commands::program::get_program,
            commands::program::save_program,
            commands::program::set_program_image,
            commands::program::get_image,
            commands::program::list_years,
            commands::program::new_year_defaults,
            commands::program::save_year,
            commands::program::copy_agreements,
            commands::venues::list_venues,
            commands::venues::save_venue,
            commands::venues::set_venue_logo,
            commands::venues::agreements_for_venue,
            commands::venues::agreements_for_year,
            commands::venues::save_agreement,
            commands::venues::delete_agreement,
            commands::venues::import_venues_csv,
            commands::venues::export_venues_csv,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Opplevelseskort could not start: {e}");
        std::process::exit(1);
    }
}
