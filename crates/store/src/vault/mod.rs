//! Keys of an encrypted workspace.
//!
//! The database is encrypted by SQLCipher with a random data key. The file begins with an
//! envelope ([`vfs::ENVELOPE_SIZE`] bytes, two copies so a crash while writing it leaves the
//! other) holding one key slot per user and per recovery key: the slot is the user's keys,
//! sealed (XChaCha20-Poly1305) with a key derived from the password by argon2id. Adding a
//! user or changing a password writes one slot; the database is never re-encrypted.
//!
//! What a slot holds depends on the role: every role gets the data key; the culture office
//! and NAV also get the card-signing key; only NAV gets the NAV key, which seals NAV's part
//! of every holder (guardian, contact, address, NAV note, full birth date).

pub(crate) mod vfs;

use crate::users::random_bytes;
use crate::StoreError;
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use okort_core::Role;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// The first bytes of each envelope copy.
const MAGIC: &[u8; 16] = b"OKORT-WORKSPACE\x01";
/// Each copy of the envelope gets half the region.
const COPY_SIZE: usize = (vfs::ENVELOPE_SIZE as usize) / 2;
/// magic + generation (8) + length (4) + SHA-256 (32)
const COPY_HEAD: usize = 16 + 8 + 4 + 32;

/// A 256-bit key, wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop, Serialize, Deserialize)]
pub struct Key(#[serde(with = "b64_key")] pub(crate) [u8; 32]);

impl Key {
    pub(crate) fn random() -> Result<Key, StoreError> {
        Ok(Key(random_bytes::<32>()?))
    }

    /// SQLCipher's raw-key form: `x'…'`.
    pub(crate) fn sqlcipher(&self) -> Zeroizing<String> {
        let mut s = String::with_capacity(67);
        s.push_str("x'");
        for b in &self.0 {
            s.push_str(&format!("{b:02x}"));
        }
        s.push('\'');
        Zeroizing::new(s)
    }

    /// Seals a small value (NAV's part of a holder) so that only this key opens it.
    pub(crate) fn seal(&self, plain: &[u8], context: &[u8]) -> Result<Vec<u8>, StoreError> {
        let nonce = random_bytes::<24>()?;
        let sealed = XChaCha20Poly1305::new((&self.0).into())
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: context,
                },
            )
            .map_err(|_| StoreError::Random("seal".into()))?;
        Ok([nonce.as_slice(), &sealed].concat())
    }

    /// Opens what [`Key::seal`] sealed with the same key and context; `None` if it does not.
    pub(crate) fn open(&self, sealed: &[u8], context: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if sealed.len() < 24 {
            return None;
        }
        let (nonce, body) = sealed.split_at(24);
        XChaCha20Poly1305::new((&self.0).into())
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: context,
                },
            )
            .ok()
            .map(Zeroizing::new)
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

mod b64_key {
    use super::*;
    pub fn serialize<S: serde::Serializer>(k: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&B64.encode(k))
    }
    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let text = Zeroizing::new(String::deserialize(d)?);
        let bytes = Zeroizing::new(
            B64.decode(text.as_bytes())
                .map_err(serde::de::Error::custom)?,
        );
        <[u8; 32]>::try_from(bytes.as_slice()).map_err(serde::de::Error::custom)
    }
}

/// The keys one slot opens.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Keys {
    /// Opens the database.
    pub(crate) data: Key,
    /// Signs cards (Ed25519 seed): the culture office and NAV.
    pub(crate) cards: Option<Key>,
    /// Opens NAV's part of each holder: NAV only.
    pub(crate) nav: Option<Key>,
}

impl Keys {
    /// What a user of `role` gets from this set (which must hold at least as much).
    pub(crate) fn for_role(&self, role: Role) -> Keys {
        Keys {
            data: self.data.clone(),
            cards: match role {
                Role::Admin | Role::Nav => self.cards.clone(),
                Role::Venue => None,
            },
            nav: match role {
                Role::Nav => self.nav.clone(),
                Role::Admin | Role::Venue => None,
            },
        }
    }
}

/// Which recovery key a recovery slot belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum RecoveryRole {
    /// The culture office: data and card keys; makes a new administrator.
    Kultur,
    /// NAV: every key; makes a NAV user (the first one, or after every NAV password is lost).
    Nav,
}

impl RecoveryRole {
    fn slot_id(self) -> &'static str {
        match self {
            RecoveryRole::Kultur => "recovery-kultur",
            RecoveryRole::Nav => "recovery-nav",
        }
    }

    pub fn role(self) -> Role {
        match self {
            RecoveryRole::Kultur => Role::Admin,
            RecoveryRole::Nav => Role::Nav,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Kdf {
    salt: String,
    m: u32,
    t: u32,
    p: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Slot {
    /// A user's lookup id (see [`Envelope::lookup`]) or a recovery slot's name.
    id: String,
    kdf: Kdf,
    sealed: String,
}

/// Failed logins since the last successful one, per lookup id; the lockout reads it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Attempts {
    pub id: String,
    pub failures: u32,
    pub locked_until: Option<chrono::DateTime<chrono::Utc>>,
}

/// A failed login: the lookup id tried, when, and the failures in a row if it locked the name.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct FailedLogin {
    pub id: String,
    pub at: chrono::DateTime<chrono::Utc>,
    pub locked: Option<u32>,
}

/// The envelope at the start of a workspace file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Envelope {
    /// Makes lookup ids differ between workspaces.
    salt: String,
    slots: Vec<Slot>,
    #[serde(default)]
    pub attempts: Vec<Attempts>,
    /// The demo program: the login screen shows its logins.
    #[serde(default)]
    pub demo: bool,
    /// Failed logins, until a login moves them into the audit log.
    #[serde(default)]
    pub failed: Vec<FailedLogin>,
    #[serde(skip)]
    generation: u64,
}

/// What is at a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Missing,
    /// An encrypted workspace.
    Encrypted,
    /// A workspace from before encryption (a plain SQLite file), to be converted.
    Plain,
    /// Anything else.
    Other,
}

/// Tells an encrypted workspace from a plain SQLite file and from anything else.
pub fn file_kind(path: &Path) -> FileKind {
    let Ok(mut f) = std::fs::File::open(path) else {
        return if path.exists() {
            FileKind::Other
        } else {
            FileKind::Missing
        };
    };
    let mut head = [0u8; 16];
    if f.read_exact(&mut head).is_err() {
        return FileKind::Other;
    }
    if &head == MAGIC {
        FileKind::Encrypted
    } else if &head == b"SQLite format 3\0" {
        FileKind::Plain
    } else {
        FileKind::Other
    }
}

fn kdf_key(secret: &[u8], kdf: &Kdf) -> Result<Zeroizing<[u8; 32]>, StoreError> {
    let salt = B64
        .decode(&kdf.salt)
        .map_err(|e| StoreError::Random(e.to_string()))?;
    let params = Params::new(kdf.m, kdf.t, kdf.p, Some(32))
        .map_err(|e| StoreError::Random(e.to_string()))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, &salt, out.as_mut())
        .map_err(|e| StoreError::Random(e.to_string()))?;
    Ok(out)
}

/// What a slot's seal is bound to: a recovery slot to its name; a user slot to being a user
/// slot (so a renamed user keeps it, and it cannot pass for a recovery slot).
fn bound_to(id: &str) -> &[u8] {
    if id.starts_with("recovery-") {
        id.as_bytes()
    } else {
        b"user"
    }
}

impl Slot {
    fn make(id: String, secret: &[u8], keys: &Keys) -> Result<Slot, StoreError> {
        let p = Params::default();
        let kdf = Kdf {
            salt: B64.encode(random_bytes::<16>()?),
            m: p.m_cost(),
            t: p.t_cost(),
            p: p.p_cost(),
        };
        let kek = Key(*kdf_key(secret, &kdf)?);
        let plain = Zeroizing::new(
            serde_json::to_vec(keys).map_err(|e| StoreError::Random(e.to_string()))?,
        );
        let sealed = kek.seal(&plain, bound_to(&id))?;
        Ok(Slot {
            id,
            kdf,
            sealed: B64.encode(sealed),
        })
    }

    fn open(&self, secret: &[u8]) -> Result<Option<Keys>, StoreError> {
        let kek = Key(*kdf_key(secret, &self.kdf)?);
        let Ok(sealed) = B64.decode(&self.sealed) else {
            return Ok(None);
        };
        Ok(kek
            .open(&sealed, bound_to(&self.id))
            .and_then(|plain| serde_json::from_slice(&plain).ok()))
    }
}

/// A slot no password opens, tried for names that have none so that a wrong name takes as
/// long as a wrong password.
fn stand_in() -> &'static Kdf {
    static KDF: std::sync::OnceLock<Kdf> = std::sync::OnceLock::new();
    KDF.get_or_init(|| {
        let p = Params::default();
        Kdf {
            salt: B64.encode(b"okort-stand-in!!"),
            m: p.m_cost(),
            t: p.t_cost(),
            p: p.p_cost(),
        }
    })
}

/// Makes a recovery key: 128 random bits written as eight groups of four hex digits.
pub(crate) fn new_recovery_key() -> Result<Zeroizing<String>, StoreError> {
    let bytes = Zeroizing::new(random_bytes::<16>()?);
    let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
    let groups: Vec<&str> = (0..8).map(|i| &hex[i * 4..i * 4 + 4]).collect();
    Ok(Zeroizing::new(groups.join("-")))
}

/// A recovery key as typed or scanned: case, spaces and dashes do not matter.
fn normalise_recovery_key(typed: &str) -> Zeroizing<String> {
    Zeroizing::new(
        typed
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect(),
    )
}

impl Envelope {
    pub(crate) fn new() -> Result<Envelope, StoreError> {
        Ok(Envelope {
            salt: B64.encode(random_bytes::<16>()?),
            slots: Vec::new(),
            attempts: Vec::new(),
            demo: false,
            failed: Vec::new(),
            generation: 0,
        })
    }

    /// The id a user's slot is filed under: a salted hash of the user name, so the envelope
    /// does not list the names.
    pub(crate) fn lookup(&self, username: &str) -> String {
        let mut h = Sha256::new();
        h.update(self.salt.as_bytes());
        h.update(username.trim().to_lowercase().as_bytes());
        h.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    pub(crate) fn has_slots(&self) -> bool {
        self.slots.iter().any(|s| !s.id.starts_with("recovery-"))
    }

    /// A workspace whose setup never made a login: no slot at all, so no key exists anywhere.
    pub(crate) fn is_unfinished(&self) -> bool {
        self.slots.is_empty()
    }

    /// Files `old`'s slot under `new` (a renamed user keeps the password).
    pub(crate) fn rename_user(&mut self, old: &str, new: &str) {
        let (from, to) = (self.lookup(old), self.lookup(new));
        if from != to {
            self.slots.retain(|s| s.id != to);
            for s in &mut self.slots {
                if s.id == from {
                    s.id = to.clone();
                }
            }
        }
    }

    pub(crate) fn has_user_slot(&self, username: &str) -> bool {
        let id = self.lookup(username);
        self.slots.iter().any(|s| s.id == id)
    }

    /// Opens `username`'s slot with `password`. Takes as long when the name has no slot.
    pub(crate) fn unlock(
        &self,
        username: &str,
        password: &str,
    ) -> Result<Option<Keys>, StoreError> {
        let id = self.lookup(username);
        match self.slots.iter().find(|s| s.id == id) {
            Some(slot) => slot.open(password.as_bytes()),
            None => {
                kdf_key(password.as_bytes(), stand_in())?;
                Ok(None)
            }
        }
    }

    pub(crate) fn unlock_recovery(
        &self,
        role: RecoveryRole,
        key: &str,
    ) -> Result<Option<Keys>, StoreError> {
        let secret = normalise_recovery_key(key);
        match self.slots.iter().find(|s| s.id == role.slot_id()) {
            Some(slot) => slot.open(secret.as_bytes()),
            None => Ok(None),
        }
    }

    /// Puts (or replaces) `username`'s slot.
    pub(crate) fn set_user(
        &mut self,
        username: &str,
        password: &str,
        keys: &Keys,
    ) -> Result<(), StoreError> {
        let id = self.lookup(username);
        let slot = Slot::make(id.clone(), password.as_bytes(), keys)?;
        self.slots.retain(|s| s.id != id);
        self.slots.push(slot);
        Ok(())
    }

    pub(crate) fn remove_user(&mut self, username: &str) {
        let id = self.lookup(username);
        self.slots.retain(|s| s.id != id);
    }

    /// Makes a new recovery key for `role`, replacing the old one; returns the key.
    pub(crate) fn set_recovery(
        &mut self,
        role: RecoveryRole,
        keys: &Keys,
    ) -> Result<Zeroizing<String>, StoreError> {
        let key = new_recovery_key()?;
        let slot = Slot::make(
            role.slot_id().into(),
            normalise_recovery_key(&key).as_bytes(),
            &keys.for_role(role.role()),
        )?;
        self.slots.retain(|s| s.id != role.slot_id());
        self.slots.push(slot);
        Ok(key)
    }

    /// Reads the newer intact copy of the envelope of the workspace at `path`.
    pub(crate) fn read(path: &Path) -> Result<Envelope, StoreError> {
        let mut f = std::fs::File::open(path)?;
        let mut best: Option<Envelope> = None;
        for copy in 0..2 {
            let mut buf = vec![0u8; COPY_SIZE];
            f.seek(SeekFrom::Start((copy * COPY_SIZE) as u64))?;
            if f.read_exact(&mut buf).is_err() {
                continue;
            }
            if let Some(env) = parse_copy(&buf) {
                if best.as_ref().is_none_or(|b| env.generation > b.generation) {
                    best = Some(env);
                }
            }
        }
        best.ok_or_else(|| StoreError::NotAWorkspace(path.to_path_buf()))
    }

    /// Writes the envelope over the older copy and syncs it; the newer one stays intact
    /// until this one is complete.
    pub(crate) fn write(&mut self, path: &Path) -> Result<(), StoreError> {
        let current = Envelope::read(path).map(|e| e.generation).unwrap_or(0);
        self.generation = current.max(self.generation) + 1;
        let body = serde_json::to_vec(self).map_err(|e| StoreError::Random(e.to_string()))?;
        if body.len() > COPY_SIZE - COPY_HEAD {
            return crate::refuse(okort_core::i18n::Problem::TooManyUsers);
        }
        let mut h = Sha256::new();
        h.update(self.generation.to_le_bytes());
        h.update(&body);
        let mut copy = Vec::with_capacity(COPY_SIZE);
        copy.extend_from_slice(MAGIC);
        copy.extend_from_slice(&self.generation.to_le_bytes());
        copy.extend_from_slice(&u32::try_from(body.len()).unwrap_or(u32::MAX).to_le_bytes());
        copy.extend_from_slice(&h.finalize());
        copy.extend_from_slice(&body);
        copy.resize(COPY_SIZE, 0);
        let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
        let at = (self.generation % 2) as usize * COPY_SIZE;
        f.seek(SeekFrom::Start(at as u64))?;
        f.write_all(&copy)?;
        f.sync_all()?;
        Ok(())
    }

    /// Starts a new workspace file with this envelope (the database region empty).
    pub(crate) fn create_file(&mut self, path: &Path) -> Result<(), StoreError> {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?;
        f.write_all(&vec![0u8; vfs::ENVELOPE_SIZE as usize])?;
        f.sync_all()?;
        drop(f);
        self.write(path)?;
        // Both copies valid from the start.
        self.write(path)
    }

    /// The lockout record for a lookup id.
    pub(crate) fn attempts_for(&self, id: &str) -> Attempts {
        self.attempts
            .iter()
            .find(|a| a.id == id)
            .cloned()
            .unwrap_or(Attempts {
                id: id.into(),
                ..Attempts::default()
            })
    }

    pub(crate) fn put_attempts(&mut self, a: Attempts) {
        self.attempts.retain(|x| x.id != a.id);
        if a.failures > 0 || a.locked_until.is_some() {
            self.attempts.push(a);
        }
    }
}

fn parse_copy(buf: &[u8]) -> Option<Envelope> {
    if buf.get(..16)? != MAGIC {
        return None;
    }
    let generation = u64::from_le_bytes(buf.get(16..24)?.try_into().ok()?);
    let len = u32::from_le_bytes(buf.get(24..28)?.try_into().ok()?) as usize;
    let sum = buf.get(28..60)?;
    let body = buf.get(COPY_HEAD..COPY_HEAD.checked_add(len)?)?;
    let mut h = Sha256::new();
    h.update(generation.to_le_bytes());
    h.update(body);
    if h.finalize().as_slice() != sum {
        return None;
    }
    let mut env: Envelope = serde_json::from_slice(body).ok()?;
    env.generation = generation;
    Some(env)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys {
            data: Key([1; 32]),
            cards: Some(Key([2; 32])),
            nav: Some(Key([3; 32])),
        }
    }

    #[test]
    fn a_slot_opens_with_its_password_only_and_holds_what_the_role_gets() {
        let mut env = Envelope::new().expect("envelope");
        env.set_user("Kultur", "rett passord", &keys().for_role(Role::Admin))
            .expect("slot");
        let opened = env
            .unlock(" kultur ", "rett passord")
            .expect("kdf")
            .expect("opens");
        assert_eq!(opened.data, Key([1; 32]));
        assert_eq!(opened.cards, Some(Key([2; 32])));
        assert!(
            opened.nav.is_none(),
            "the culture office never gets the NAV key"
        );
        assert!(env.unlock("kultur", "feil passord").expect("kdf").is_none());
        assert!(env.unlock("ukjent", "rett passord").expect("kdf").is_none());
        assert!(keys().for_role(Role::Venue).cards.is_none());
    }

    #[test]
    fn the_envelope_survives_a_torn_write_of_one_copy() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("w.okort");
        let mut env = Envelope::new().expect("envelope");
        env.set_user("a", "passord1", &keys()).expect("slot");
        env.create_file(&path).expect("create");
        env.set_user("b", "passord2", &keys()).expect("slot");
        env.write(&path).expect("write");
        // Tear the newer copy: the older one (user a only) is read.
        let newer = (env.generation % 2) as usize * COPY_SIZE;
        let mut bytes = std::fs::read(&path).expect("read");
        bytes[newer + COPY_HEAD + 3] ^= 0xFF;
        std::fs::write(&path, &bytes).expect("write");
        let back = Envelope::read(&path).expect("older copy");
        assert!(back.has_user_slot("a"));
        assert!(!back.has_user_slot("b"));
        assert_eq!(file_kind(&path), FileKind::Encrypted);
    }

    #[test]
    fn a_recovery_key_opens_its_slot_however_it_is_typed() {
        let mut env = Envelope::new().expect("envelope");
        let key = env
            .set_recovery(RecoveryRole::Nav, &keys())
            .expect("recovery");
        assert_eq!(key.len(), 39);
        let typed = key.to_lowercase().replace('-', " ");
        let opened = env
            .unlock_recovery(RecoveryRole::Nav, &typed)
            .expect("kdf")
            .expect("opens");
        assert_eq!(opened.nav, Some(Key([3; 32])));
        assert!(env
            .unlock_recovery(RecoveryRole::Kultur, &key)
            .expect("kdf")
            .is_none());
    }

    #[test]
    fn sealed_values_open_with_the_same_key_and_context_only() {
        let k = Key([9; 32]);
        let sealed = k.seal(b"Amira", b"holder:1").expect("seal");
        assert_eq!(
            k.open(&sealed, b"holder:1").as_deref().map(Vec::as_slice),
            Some(&b"Amira"[..])
        );
        assert!(k.open(&sealed, b"holder:2").is_none());
        assert!(Key([8; 32]).open(&sealed, b"holder:1").is_none());
    }
}
