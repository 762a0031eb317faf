//! Images (logos, coat of arms) stored inside the workspace so they move with the file.

use crate::{StoreError, Workspace};
use okort_core::logo::check_image;
use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

/// An image as stored: its bytes and what decoding found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredImage {
    pub id: i64,
    pub mime: String,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

impl Workspace {
    /// Checks `bytes` by decoding them and stores them once (the same image twice is one row).
    pub(crate) fn add_image(&self, bytes: &[u8]) -> Result<i64, StoreError> {
        let info = check_image(bytes).map_err(StoreError::Image)?;
        let sha = format!("{:x}", Sha256::digest(bytes));
        let existing: Option<i64> = self
            .conn
            .query_row("SELECT id FROM images WHERE sha256 = ?1", [&sha], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(id) = existing {
            return Ok(id);
        }
        self.conn.execute(
            "INSERT INTO images (sha256, mime, width, height, bytes) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![sha, info.mime, info.width, info.height, bytes],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn image(&self, id: i64) -> Result<StoredImage, StoreError> {
        self.conn
            .query_row(
                "SELECT id, mime, width, height, bytes FROM images WHERE id = ?1",
                [id],
                |r| {
                    Ok(StoredImage {
                        id: r.get(0)?,
                        mime: r.get(1)?,
                        width: r.get(2)?,
                        height: r.get(3)?,
                        bytes: r.get(4)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::Missing {
                what: okort_core::i18n::Msg::ThingImage,
                id,
            })
    }

    /// Removes images nothing refers to any more.
    pub(crate) fn prune_images(&self) -> Result<(), StoreError> {
        self.conn.execute(
            "DELETE FROM images WHERE id NOT IN (SELECT logo_id FROM venues WHERE logo_id IS NOT NULL)
               AND id NOT IN (SELECT logo_id FROM program WHERE logo_id IS NOT NULL)
               AND id NOT IN (SELECT coat_of_arms_id FROM program WHERE coat_of_arms_id IS NOT NULL)",
            [],
        )?;
        Ok(())
    }
}
