//! Thin commands: unpack, call one library function, map errors. Grouped by area.

pub mod program;
pub mod venues;
pub mod workspace;

use crate::error::{ApiError, ApiResult, ErrorCode};
use base64::Engine;

/// Decodes a file sent by the UI as base64 (a `data:` URL prefix is allowed).
pub(crate) fn decode_upload(data: &str) -> ApiResult<Vec<u8>> {
    let b64 = data.split_once(";base64,").map(|(_, b)| b).unwrap_or(data);
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| ApiError::new(ErrorCode::Internal, "the file did not arrive intact"))
}
