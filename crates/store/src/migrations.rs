//! Numbered schema migrations, embedded in the binary and run in one transaction.
//! The schema version lives in `PRAGMA user_version`. A shipped migration is never edited.

use crate::StoreError;
use rusqlite::Connection;

/// Every migration in order; index + 1 is the schema version it produces.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_program_and_venues",
        include_str!("migrations/0001_program_and_venues.sql"),
    ),
    (
        "0002_holders_cards_users",
        include_str!("migrations/0002_holders_cards_users.sql"),
    ),
    (
        "0003_card_designs",
        include_str!("migrations/0003_card_designs.sql"),
    ),
    (
        "0004_printer_profiles",
        include_str!("migrations/0004_printer_profiles.sql"),
    ),
    ("0005_visits", include_str!("migrations/0005_visits.sql")),
    (
        "0006_settlements",
        include_str!("migrations/0006_settlements.sql"),
    ),
    (
        "0007_reassessments",
        include_str!("migrations/0007_reassessments.sql"),
    ),
    (
        "0008_logins_and_audit_chain",
        include_str!("migrations/0008_logins_and_audit_chain.sql"),
    ),
    (
        "0009_desk_idle",
        include_str!("migrations/0009_desk_idle.sql"),
    ),
    (
        "0010_settlement_payee",
        include_str!("migrations/0010_settlement_payee.sql"),
    ),
    (
        "0011_retention",
        include_str!("migrations/0011_retention.sql"),
    ),
    (
        "0012_sealed_holders",
        include_str!("migrations/0012_sealed_holders.sql"),
    ),
    (
        "0013_keys_in_envelope",
        include_str!("migrations/0013_keys_in_envelope.sql"),
    ),
    (
        "0014_card_age_override_reason",
        include_str!("migrations/0014_card_age_override_reason.sql"),
    ),
    (
        "0015_venue_kits",
        include_str!("migrations/0015_venue_kits.sql"),
    ),
    (
        "0016_letter_texts",
        include_str!("migrations/0016_letter_texts.sql"),
    ),
    (
        "0017_statistics",
        include_str!("migrations/0017_statistics.sql"),
    ),
    (
        "0018_feedback",
        include_str!("migrations/0018_feedback.sql"),
    ),
];

/// The last schema of a workspace with NAV's fields in plain columns: conversion to an
/// encrypted workspace stops here to seal them, then goes on.
pub const SEALING_VERSION: u32 = 12;

/// The schema version from which the audit log is a hash chain.
pub const AUDIT_CHAIN_VERSION: u32 = 8;

pub fn latest_version() -> u32 {
    MIGRATIONS.len() as u32
}

pub fn schema_version(conn: &Connection) -> Result<u32, StoreError> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the schema up to date, or refuses a workspace written by a newer version.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    migrate_to(conn, latest_version())
}

/// Brings the schema up to `target`.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), StoreError> {
    let current = schema_version(conn)?;
    let latest = latest_version();
    if current > latest {
        return Err(StoreError::TooNew {
            found: current,
            supported: latest,
        });
    }
    let target = target.min(latest);
    if current >= target {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (_, sql) in &MIGRATIONS[current as usize..target as usize] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", target)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::{Digest, Sha256};

    /// The SHA-256 of every shipped migration. A changed checksum means a shipped migration
    /// was edited: add a new migration instead.
    const SHIPPED: &[(&str, &str)] = &[
        (
            "0001_program_and_venues",
            "fbfe5545563790b7181dace35e7306cb503893b5b67171f20b3082b2998dfafb",
        ),
        (
            "0002_holders_cards_users",
            "f6f69229e61eaafab639beae6a16e6a05ef2f2e70ada16559267da9dadc4a788",
        ),
        (
            "0003_card_designs",
            "9c3d33e48b3cb0b9391c6d3af1a32842865634c26ed678baf0bb5c33409157e6",
        ),
        (
            "0004_printer_profiles",
            "64aaf30c4d434b22d5cbc59b54435aca80b6910365d175886eddb111b3e35640",
        ),
        (
            "0005_visits",
            "0b359f53dd62a076d48ee70d362c8a0c42936cb0c5cc61f8036403a9c9993915",
        ),
        (
            "0006_settlements",
            "ffd337267310df886751060abc03c698937a8739dcd2b50d5c1b4559ce58764d",
        ),
        (
            "0007_reassessments",
            "fa3dc3aa51aea12a9c3cfc8370ba3f6b312bc076c153230d0df6e441a62ea41b",
        ),
        (
            "0008_logins_and_audit_chain",
            "141321760bb81cc39fb74355c333bf249677494eed337266cb58b05577efd3bf",
        ),
        (
            "0009_desk_idle",
            "fbd38f9fa85d5ef821805d89920060b6dab247d44f703fe7444f1d37943d2829",
        ),
        (
            "0010_settlement_payee",
            "fd55169a9eef81cf23281ab02059fcabe5d999306c6d4d478f8676de10bcdfd5",
        ),
        (
            "0011_retention",
            "25b97777021226de88d12d1d2559a42455b966cd73aa75f58ad03f149ec00be7",
        ),
        (
            "0012_sealed_holders",
            "850778a584733d7ff0dedb1b15ee2ccfe45ae0e55bdef8708bcd537a64e7ab15",
        ),
        (
            "0013_keys_in_envelope",
            "1ab31f8dd790447e3f1e7f31bae1651fcd80c19e0640cb60169cd6270a1bb388",
        ),
        (
            "0014_card_age_override_reason",
            "267fe2db86ab457e04319e8afc148b9661fa8e4461988c1cc5d3e2dd5f07bb79",
        ),
        (
            "0015_venue_kits",
            "d1a0be56a14deb5b78f611381843b159cd8278977268bcad192cb06f1c790de1",
        ),
        (
            "0016_letter_texts",
            "5b5838dcaf357b57c2afb1548f5cb2ef8bf67f36bdc5f7888502e8f63926d662",
        ),
        (
            "0017_statistics",
            "6068195291a59929f1e1c8d9d3b1687abdccffe5924819844a1f3ada43261857",
        ),
        (
            "0018_feedback",
            "0f0232524fb9395177ea68299a138055f3b48b035a0bcc2b634c89d7798f8974",
        ),
    ];

    #[test]
    fn shipped_migrations_are_never_edited() {
        assert_eq!(
            MIGRATIONS.len(),
            SHIPPED.len(),
            "record the checksum of the new migration"
        );
        for ((name, sql), (shipped_name, sum)) in MIGRATIONS.iter().zip(SHIPPED) {
            assert_eq!(name, shipped_name);
            let actual = format!("{:x}", Sha256::digest(sql.as_bytes()));
            assert_eq!(&actual, sum, "migration {name} was edited after it shipped");
        }
    }
}
