//! The audit log: who (a user id, never a name) did what to which record, and when.

use crate::{require, StoreError, Workspace};
use okort_core::{Action, Actor};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub id: i64,
    /// UTC time, RFC 3339.
    pub at: String,
    /// 0 is the command line.
    pub user_id: i64,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub detail: String,
}

/// Records one change. `detail` must never hold a holder's name.
pub(crate) fn log(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &str,
) -> Result<(), StoreError> {
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    conn.execute(
        "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![at, actor.user_id, action, entity, entity_id, detail],
    )?;
    Ok(())
}

impl Workspace {
    /// The newest entries first.
    pub fn audit_log(&self, actor: &Actor, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        require(actor, Action::ReadAudit)?;
        let mut stmt = self.conn.prepare(
            "SELECT id, at, user_id, action, entity, entity_id, detail FROM audit_log
             ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit], |r| {
                Ok(AuditEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    user_id: r.get(2)?,
                    action: r.get(3)?,
                    entity: r.get(4)?,
                    entity_id: r.get(5)?,
                    detail: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}
