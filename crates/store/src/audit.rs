//! The audit log: who (a user id, never a name) did what to which record, and when. Names are
//! looked up only when the log is read, so the log itself holds none.

use crate::{require, StoreError, Workspace};
use chrono::NaiveDate;
use okort_core::dates::format_date;
use okort_core::i18n::{audit_sentence, Msg};
use okort_core::money::format_nok;
use okort_core::{Action, Actor, Lang};
use rusqlite::{named_params, params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub id: i64,
    /// UTC time, RFC 3339.
    pub at: String,
    /// 0 is the system itself (creating the first administrator, generated data).
    pub user_id: i64,
    /// The user's name, or the system's.
    pub user_name: String,
    /// What kind of record: card, holder, visit, settlement, user, program, year, venue,
    /// agreement, design, printer.
    pub kind: String,
    pub action: String,
    pub entity_id: Option<i64>,
    pub detail: String,
    /// The entry as a sentence in the reader's language, with names, dates and kroner.
    pub sentence: String,
}

/// Which entries to read: all filters are optional; newest first, at most `limit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    pub user_id: Option<i64>,
    pub kind: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub limit: u32,
}

impl AuditQuery {
    pub fn latest(limit: u32) -> Self {
        AuditQuery {
            limit,
            ..AuditQuery::default()
        }
    }
}

/// Records one change, chained to the entry before it. `detail` must never hold a holder's
/// name or a free-text reason that may be personal.
pub(crate) fn log(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &str,
) -> Result<(), StoreError> {
    log_at(
        conn,
        actor,
        chrono::Utc::now(),
        action,
        entity,
        entity_id,
        detail,
    )
}

/// [`log`] for something that happened at `at` (a failed login, recorded at the next login).
pub(crate) fn log_at(
    conn: &Connection,
    actor: &Actor,
    at: chrono::DateTime<chrono::Utc>,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    detail: &str,
) -> Result<(), StoreError> {
    let at = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    conn.execute(
        "INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![at, actor.user_id, action, entity, entity_id, detail],
    )?;
    let id = conn.last_insert_rowid();
    seal(conn, links(conn, &format!("{LINKS} WHERE id = {id}"))?)
}

/// One entry as the chain hashes it.
struct Link {
    id: i64,
    at: String,
    user_id: i64,
    action: String,
    entity: String,
    entity_id: Option<i64>,
    detail: String,
    prev_hash: String,
    hash: String,
}

impl Link {
    /// The entry's hash: SHA-256 over the previous entry's hash and every field of this one.
    fn digest(&self, prev_hash: &str) -> String {
        use sha2::{Digest, Sha256};
        let entity_id = self.entity_id.map(|i| i.to_string()).unwrap_or_default();
        let mut h = Sha256::new();
        for part in [
            prev_hash,
            &self.id.to_string(),
            &self.at,
            &self.user_id.to_string(),
            &self.action,
            &self.entity,
            &entity_id,
            &self.detail,
        ] {
            h.update(part.as_bytes());
            h.update([0x1f]);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

fn links(conn: &Connection, sql: &str) -> Result<Vec<Link>, StoreError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Link {
                id: r.get(0)?,
                at: r.get(1)?,
                user_id: r.get(2)?,
                action: r.get(3)?,
                entity: r.get(4)?,
                entity_id: r.get(5)?,
                detail: r.get(6)?,
                prev_hash: r.get(7)?,
                hash: r.get(8)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

const LINKS: &str =
    "SELECT id, at, user_id, action, entity, entity_id, detail, prev_hash, hash FROM audit_log";

/// Chains every entry of a workspace written before the log was a chain: run once, by the
/// migration that added it (later, an entry without a hash is a broken chain, not a new one).
pub(crate) fn chain_old_entries(conn: &Connection) -> Result<(), StoreError> {
    seal(conn, links(conn, &format!("{LINKS} ORDER BY id"))?)
}

/// Seals `new` entries (in id order, after every sealed entry) onto the chain and records its
/// head.
fn seal(conn: &Connection, new: Vec<Link>) -> Result<(), StoreError> {
    let Some(first) = new.first() else {
        return Ok(());
    };
    let mut prev: String = conn
        .query_row(
            "SELECT hash FROM audit_log WHERE id < ?1 ORDER BY id DESC LIMIT 1",
            [first.id],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_default();
    for link in new {
        let hash = link.digest(&prev);
        conn.execute(
            "UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE id = ?3",
            params![prev, hash, link.id],
        )?;
        conn.execute(
            "INSERT INTO secrets (name, value) VALUES ('audit-head', ?1)
             ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            params![format!("{}:{hash}", link.id).into_bytes()],
        )?;
        prev = hash;
    }
    Ok(())
}

/// What checking the audit log's chain found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditCheck {
    /// Entries checked.
    pub entries: u32,
    /// The first entry that was changed, or after which one was removed; `None` when whole.
    pub broken_at: Option<i64>,
}

impl Workspace {
    /// Walks the audit log's chain: every entry must hash to what it stores, follow the entry
    /// before it, and the last must be the head recorded when it was written.
    pub fn verify_audit(&self, actor: &Actor) -> Result<AuditCheck, StoreError> {
        require(actor, Action::ReadAudit)?;
        let all = links(&self.conn, &format!("{LINKS} ORDER BY id"))?;
        let mut prev = String::new();
        for link in &all {
            if link.prev_hash != prev || link.digest(&prev) != link.hash {
                return Ok(AuditCheck {
                    entries: all.len() as u32,
                    broken_at: Some(link.id),
                });
            }
            prev = link.hash.clone();
        }
        let head: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT value FROM secrets WHERE name = 'audit-head'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        let recorded = head.map(|h| String::from_utf8_lossy(&h).into_owned());
        let last = all.last().map(|l| format!("{}:{}", l.id, l.hash));
        let broken_at = match (recorded, last) {
            (None, None) => None,
            (Some(r), Some(l)) if r == l => None,
            (Some(r), _) => r.split(':').next().and_then(|id| id.parse().ok()),
            (None, Some(_)) => all.first().map(|l| l.id),
        };
        Ok(AuditCheck {
            entries: all.len() as u32,
            broken_at,
        })
    }
}

/// Where a day of this machine's calendar starts, as the log writes times (UTC, RFC 3339).
fn local_day_start(day: NaiveDate) -> String {
    use chrono::TimeZone;
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    let utc = match chrono::Local.from_local_datetime(&midnight) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            t.with_timezone(&chrono::Utc)
        }
        chrono::LocalResult::None => midnight.and_utc(),
    };
    utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The whole numbers in a detail such as "venue 7: 12 rows imported, 2 left out".
fn numbers(detail: &str) -> Vec<i64> {
    detail
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

impl Workspace {
    /// Entries matching `query`, newest first, each told as a sentence in `lang`.
    pub fn audit_log(
        &self,
        actor: &Actor,
        query: &AuditQuery,
        lang: Lang,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        require(actor, Action::ReadAudit)?;
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.at, a.user_id, u.username, a.action, a.entity, a.entity_id, a.detail
             FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
             WHERE (:user IS NULL OR a.user_id = :user)
               AND (:kind IS NULL OR a.action LIKE :kind || '.%')
               AND (:from IS NULL OR a.at >= :from)
               AND (:to IS NULL OR a.at < :to)
             ORDER BY a.id DESC LIMIT :limit",
        )?;
        // Times are kept in UTC; the period is in the reader's days, as the screen shows times.
        let from = query.from.map(local_day_start);
        let to = query.to.and_then(|d| d.succ_opt()).map(local_day_start);
        let raw = stmt
            .query_map(
                named_params! {
                    ":user": query.user_id, ":kind": query.kind, ":from": from,
                    ":to": to, ":limit": query.limit,
                },
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, Option<i64>>(6)?,
                        r.get::<_, String>(7)?,
                    ))
                },
            )?
            .collect::<Result<Vec<_>, _>>()?;
        let command_line = Msg::TheSystem.text(lang);
        raw.into_iter()
            .map(
                |(id, at, user_id, user, action, entity, entity_id, detail)| {
                    let user_name = user.unwrap_or_else(|| command_line.to_string());
                    let subject = self.subject(&entity, entity_id, &action, &detail, lang)?;
                    let sentence = audit_sentence(lang, &action, &user_name, &subject, &detail);
                    Ok(AuditEntry {
                        id,
                        at,
                        user_id,
                        user_name,
                        kind: action.split('.').next().unwrap_or_default().to_string(),
                        action,
                        entity_id,
                        detail,
                        sentence,
                    })
                },
            )
            .collect()
    }

    /// The record an entry is about, named as a reader knows it: a card by number, a venue or
    /// user by name, a visit by day, venue and card, a settlement by number, venue and amount.
    fn subject(
        &self,
        entity: &str,
        id: Option<i64>,
        action: &str,
        detail: &str,
        lang: Lang,
    ) -> Result<String, StoreError> {
        let Some(id) = id else {
            return Ok(String::new());
        };
        let found: Option<String> = match entity {
            "card" => {
                let number = self.name_of("SELECT number FROM cards WHERE id = ?1", id)?;
                match (action, numbers(detail).as_slice()) {
                    ("visit.returned", [_, venue, ticks]) => {
                        let venue = self
                            .name_of("SELECT name FROM venues WHERE id = ?1", *venue)?
                            .unwrap_or_default();
                        number.map(|card| {
                            Msg::AuditTicks {
                                ticks: *ticks,
                                venue,
                                card,
                            }
                            .text(lang)
                        })
                    }
                    _ => number,
                }
            }
            "holder" => self.name_of(
                "SELECT first_name || ' ' || last_name FROM holders WHERE id = ?1",
                id,
            )?,
            "user" => self.name_of("SELECT username FROM users WHERE id = ?1", id)?,
            "question" => self.name_of(
                "SELECT CAST(position AS TEXT) FROM questions WHERE id = ?1",
                id,
            )?,
            "response" => self.name_of(
                "SELECT COALESCE(c.number, v.name) FROM responses r
                 LEFT JOIN cards c ON c.id = r.card_id LEFT JOIN venues v ON v.id = r.venue_id
                 WHERE r.id = ?1",
                id,
            )?,
            "program" => self.name_of("SELECT name FROM program WHERE id = ?1", id)?,
            "year" => self.name_of(
                "SELECT CAST(year AS TEXT) FROM program_years WHERE id = ?1",
                id,
            )?,
            "printer" => self.name_of("SELECT name FROM printer_profiles WHERE id = ?1", id)?,
            "venue" => {
                let venue = self.name_of("SELECT name FROM venues WHERE id = ?1", id)?;
                match (action, numbers(detail).as_slice()) {
                    ("visit.import", [_, imported, left_out]) => venue.map(|venue| {
                        Msg::AuditImport {
                            venue,
                            imported: *imported,
                            left_out: *left_out,
                        }
                        .text(lang)
                    }),
                    _ => venue,
                }
            }
            "visit" => self
                .conn
                .query_row(
                    "SELECT v.visited_on, ve.name, c.number FROM visits v
                     JOIN venues ve ON ve.id = v.venue_id JOIN cards c ON c.id = v.card_id
                     WHERE v.id = ?1",
                    [id],
                    |r| {
                        let on: Option<NaiveDate> = r.get(0)?;
                        let (venue, card): (String, String) = (r.get(1)?, r.get(2)?);
                        let day = on.map(format_date).unwrap_or_else(|| "?".into());
                        Ok(Msg::AuditVisit { day, venue, card }.text(lang))
                    },
                )
                .optional()?,
            "settlement" => self
                .conn
                .query_row(
                    "SELECT v.name, s.holder_visits, s.total_ore FROM settlements s
                     JOIN venues v ON v.id = s.venue_id WHERE s.id = ?1",
                    [id],
                    |r| {
                        let (venue, visits, ore): (String, u32, i64) =
                            (r.get(0)?, r.get(1)?, r.get(2)?);
                        let amount = format_nok(ore);
                        Ok(Msg::AuditSettlement {
                            id,
                            venue,
                            visits,
                            amount,
                        }
                        .text(lang))
                    },
                )
                .optional()?,
            _ => None,
        };
        Ok(found.unwrap_or_else(|| format!("{entity} #{id}")))
    }

    fn name_of(&self, sql: &str, id: i64) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(sql)?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use crate::demo;

    #[test]
    fn an_edited_or_removed_audit_entry_breaks_the_chain() {
        // Whoever holds the file and a login of it can open its database and edit it; the chain
        // shows that they did.
        let dir = tempfile::tempdir().expect("dir");
        let ws = demo::create(&dir.path().join("demo.okort")).expect("demo");
        let admin = ws.login("kultur", demo::DEMO_PASSWORD).expect("admin");
        let whole = ws.verify_audit(&admin).expect("check");
        assert!(whole.entries > 20, "{whole:?}");
        assert_eq!(whole.broken_at, None);
        ws.conn
            .execute("UPDATE audit_log SET detail = 'ingenting' WHERE id = 7", [])
            .expect("edit");
        assert_eq!(ws.verify_audit(&admin).expect("check").broken_at, Some(7));

        // Removing the newest entry is seen too: the chain no longer ends where it was sealed.
        let ws = demo::create(&dir.path().join("fresh.okort")).expect("demo");
        let last = ws.verify_audit(&admin).expect("check").entries;
        ws.conn
            .execute(
                "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)",
                [],
            )
            .expect("delete");
        let check = ws.verify_audit(&admin).expect("check");
        assert_eq!(check.entries, last - 1);
        assert!(check.broken_at.is_some(), "{check:?}");
        // Reading the log needs the culture office's right.
        let nav = ws.login("nav", demo::DEMO_PASSWORD).expect("nav");
        assert!(matches!(
            ws.verify_audit(&nav),
            Err(crate::StoreError::Denied(_))
        ));
    }
}
