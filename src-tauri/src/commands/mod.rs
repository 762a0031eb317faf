//! Thin commands: unpack, check the role, call one library function, map errors.
//!
//! Each command is written once as a plain function of `&AppState` (so tests drive the command
//! layer without a window); the `commands!` macro adds the `#[tauri::command]` wrapper that
//! the app registers, in a `tauri_commands` module beside it.

pub mod cards;
pub mod holders;
pub mod payouts;
pub mod printing;
pub mod program;
pub mod session;
pub mod venues;
pub mod visits;
pub mod workspace;

use crate::error::{ApiError, ApiResult, ErrorCode};
use base64::Engine;

macro_rules! commands {
    ($(
        $(#[$meta:meta])*
        pub fn $name:ident($state:ident $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty $body:block
    )*) => {
        $(
            $(#[$meta])*
            pub fn $name($state: &$crate::state::AppState $(, $arg: $ty)*) -> $ret $body
        )*

        /// The same commands as registered with Tauri.
        pub mod tauri_commands {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[tauri::command]
                pub fn $name(
                    state: tauri::State<'_, $crate::state::AppState>
                    $(, $arg: $ty)*
                ) -> $ret {
                    super::$name(&state $(, $arg)*)
                }
            )*
        }
    };
}
pub(crate) use commands;

/// Decodes a file sent by the UI as base64 (a `data:` URL prefix is allowed).
pub(crate) fn decode_upload(data: &str) -> ApiResult<Vec<u8>> {
    let b64 = data.split_once(";base64,").map(|(_, b)| b).unwrap_or(data);
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| ApiError::new(ErrorCode::Internal, "the file did not arrive intact"))
}

/// Today in the user's time zone: the date rules (age, validity) are judged by.
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
