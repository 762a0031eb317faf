//! `okort printers`: printer calibration profiles.

use crate::common::acting;
use clap::Subcommand;
use okort_core::i18n::CliMsg;
use okort_core::Lang;
use okort_store::{StoreError, Workspace};

#[derive(Subcommand)]
pub enum PrinterCommand {
    /// List the profiles.
    List,
    /// Create or change a profile from what the calibration page measured.
    Set {
        name: String,
        /// Millimetres to move right (negative: left).
        #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
        offset_x: f32,
        /// Millimetres to move down (negative: up).
        #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
        offset_y: f32,
        /// Percent; 100 is true size.
        #[arg(long, default_value_t = 100.0)]
        scale: f32,
    },
}

pub fn run(ws: &Workspace, command: PrinterCommand, lang: Lang) -> Result<(), StoreError> {
    match command {
        PrinterCommand::List => {
            for p in ws.printer_profiles()? {
                out!(
                    "{:<24} x {:+.1} mm, y {:+.1} mm, {:.1} %",
                    p.name,
                    p.offset_x_mm,
                    p.offset_y_mm,
                    p.scale_percent
                );
            }
        }
        PrinterCommand::Set {
            name,
            offset_x,
            offset_y,
            scale,
        } => {
            let id = ws.printer_profile_by_name(&name)?.and_then(|p| p.id);
            let p = ws.save_printer_profile(
                &acting(ws)?,
                okort_core::PrinterProfile {
                    id,
                    name,
                    offset_x_mm: offset_x,
                    offset_y_mm: offset_y,
                    scale_percent: scale,
                },
            )?;
            out!(
                "{}",
                CliMsg::PrinterProfileSaved { name: p.name }.text(lang)
            );
        }
    }
    Ok(())
}
