//! The Opplevelseskort workspace: one SQLite file holding the program, its years, the venue
//! register with agreements, and the images they use. Every query the app makes lives here.

mod agreements;
mod audit;
pub mod backup;
mod cards;
mod convert;
pub mod demo;
mod designs;
pub mod desk;
pub mod exchange;
pub mod feedback;
mod holders;
mod images;
pub mod kit;
pub mod letters;
pub mod migrations;
mod payouts;
mod privacy;
mod program;
mod users;
pub mod vault;
mod venues;
pub use venues::sort_key as venue_sort_key;
mod stats;
mod visits;
mod years;

pub use audit::{AuditCheck, AuditEntry, AuditQuery};
pub use cards::{
    Card, CardLookup, CardRow, CardStatus, Continuation, Decision, LookupState, QrSigner,
    QuotaStatus, ReassessRow, VenueAllowance, TYPED_LOOKUPS,
};
pub use exchange::{HolderImportReport, ImportPreview, ImportReport, RowProblem};
pub use exchange::{VisitImportCheck, VisitImportReport};
pub use images::StoredImage;
pub use payouts::{payouts_csv, settlements_csv, MonthCount, PayoutLine, Settlement, VisitScope};
pub use privacy::{HolderExport, HolderVisit};
pub use program::ProgramImage;
pub use stats::{stats_table_csv, Period};
pub use users::{User, UserInput};
pub use vault::{file_kind, FileKind, RecoveryRole};
pub use visits::{VisitReceipt, VisitRow};

use okort_core::i18n::{Msg, Problem};
use okort_core::logo::ImageProblem;
use okort_core::{Actor, FieldProblem, Lang};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// Marks a SQLite file as an Opplevelseskort workspace ("OKRT").
const APPLICATION_ID: i32 = 0x4F4B_5254;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("workspace schema {found} is newer than this version supports ({supported})")]
    TooNew { found: u32, supported: u32 },
    #[error("{0} is not an Opplevelseskort workspace")]
    NotAWorkspace(PathBuf),
    #[error("{0} already exists")]
    AlreadyExists(PathBuf),
    #[error("{0} does not exist")]
    NotFound(PathBuf),
    #[error("invalid input")]
    Invalid(Vec<FieldProblem>),
    #[error("image refused")]
    Image(ImageProblem),
    #[error("import refused: {} problem(s)", .0.len())]
    Import(Vec<RowProblem>),
    #[error("{what} {id} does not exist")]
    Missing { what: Msg, id: i64 },
    #[error("the file could not be read as CSV: {0}")]
    Csv(String),
    #[error("not allowed for role {0:?}")]
    Denied(okort_core::Role),
    #[error("refused: {0:?}")]
    Refused(Problem),
    #[error("could not get randomness from the system: {0}")]
    Random(String),
    /// A printed file (PDF) could not be made.
    #[error("the file could not be made: {0}")]
    Output(Msg),
}

impl StoreError {
    /// A sentence for the user in their language, saying what is wrong and what to do.
    pub fn message(&self, lang: Lang) -> String {
        self.msg(lang).text(lang)
    }

    /// A write refused because the workspace is open read-only here (another desk holds it).
    pub fn is_read_only(&self) -> bool {
        matches!(self, StoreError::Sqlite(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly))
    }

    /// The catalogue's message for the error (field and row lists already written in `lang`).
    fn msg(&self, lang: Lang) -> Msg {
        let path = |p: &Path| p.display().to_string();
        match self {
            StoreError::TooNew { found, supported } => Msg::TooNew {
                found: *found,
                supported: *supported,
            },
            StoreError::NotAWorkspace(p) => Msg::NotAWorkspace { path: path(p) },
            StoreError::AlreadyExists(p) => Msg::AlreadyExists { path: path(p) },
            StoreError::NotFound(p) => Msg::FileNotFound { path: path(p) },
            StoreError::Invalid(problems) => Msg::FieldsToFix {
                list: problems
                    .iter()
                    .map(|p| match okort_core::i18n::field_label(p.field, lang) {
                        Some(label) => format!("{label}: {}", p.problem.message(lang)),
                        None => p.problem.message(lang),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            },
            StoreError::Image(p) => p.msg(lang),
            StoreError::Import(rows) => Msg::ImportRefused {
                problems: rows.len(),
            },
            StoreError::Missing { what, id } => Msg::Missing {
                what: what.text(lang),
                id: *id,
            },
            StoreError::Csv(e) => Msg::CsvUnreadable { error: e.clone() },
            StoreError::Denied(role) => okort_core::access::denied(*role),
            StoreError::Refused(p) => Msg::Refused {
                reason: okort_core::i18n::sentence(&p.message(lang)),
            },
            StoreError::Random(e) => Msg::NoRandomness { error: e.clone() },
            StoreError::Output(m) => Msg::OutputFailed {
                error: m.text(lang),
            },
            e if e.is_read_only() => Msg::ReadOnlyDesk,
            StoreError::Sqlite(e) => Msg::DatabaseError {
                error: e.to_string(),
            },
            StoreError::Io(e) => Msg::FileError {
                error: e.to_string(),
            },
        }
    }
}

pub(crate) fn invalid(problems: Vec<FieldProblem>) -> Result<(), StoreError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid(problems))
    }
}

/// Refuses unless `actor` may do `action`.
pub(crate) fn require(
    actor: &okort_core::Actor,
    action: okort_core::Action,
) -> Result<(), StoreError> {
    if actor.may(action) {
        Ok(())
    } else {
        Err(StoreError::Denied(actor.role))
    }
}

/// Writes a file the user asked for (a PDF, a CSV) so that it is either all there or not at
/// all: into a temporary file beside it, flushed to disk, then renamed over the target. A crash
/// or a full disk never leaves half a file under the name. A target that exists but is not a
/// plain file (a folder, a device such as /dev/stdout, a link), or that is a workspace, is
/// refused and left as it is.
pub fn write_file(path: &std::path::Path, bytes: impl AsRef<[u8]>) -> Result<(), StoreError> {
    use std::io::Write;
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if !meta.is_file() {
            return refuse(Problem::NotAPlainFile {
                path: path.display().to_string(),
            });
        }
    }
    // A workspace (this one open, or any other) is never written over by an export.
    if matches!(
        vault::file_kind(path),
        FileKind::Encrypted | FileKind::Plain
    ) {
        return refuse(Problem::WouldOverwriteWorkspace {
            path: path.display().to_string(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes.as_ref())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| StoreError::Io(e.error))?;
    Ok(())
}

pub(crate) fn refuse<T>(problem: Problem) -> Result<T, StoreError> {
    Err(StoreError::Refused(problem))
}

pub(crate) fn field_problem(field: &'static str, problem: Problem) -> StoreError {
    StoreError::Invalid(vec![FieldProblem { field, problem }])
}

/// An open workspace file, unlocked with one user's keys.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
    keys: vault::Keys,
    /// Recovery keys made by setup or conversion, until the sheet with them is printed.
    recovery: Vec<(RecoveryRole, zeroize::Zeroizing<String>)>,
    /// The plain file a conversion kept, when this opening converted it.
    converted_from: Option<PathBuf>,
}

/// What the login screen knows of a locked workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Peek {
    pub has_users: bool,
    pub is_demo: bool,
}

/// Opens the SQLCipher database inside the workspace file at `path` with the data key.
fn connect(path: &Path, keys: &vault::Keys, create: bool) -> Result<Connection, StoreError> {
    vault::vfs::register().map_err(|rc| StoreError::Random(format!("SQLite file layer {rc}")))?;
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let name = vault::vfs::NAME.to_str().unwrap_or("okort");
    let conn = Connection::open_with_flags_and_vfs(path, flags, name)?;
    conn.execute_batch(&format!(
        "PRAGMA key = \"{}\";",
        keys.data.sqlcipher().as_str()
    ))?;
    // A wrong key shows here: SQLCipher cannot read the first page.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotAWorkspace(path.to_path_buf()),
        _ => StoreError::Sqlite(e),
    })?;
    Ok(conn)
}

impl Workspace {
    /// Creates a new, empty, encrypted workspace at `path` with fresh keys and no users yet;
    /// refuses to overwrite an existing file. [`Workspace::create_first_admin`] (or the demo)
    /// then makes the first login; a file left without any is unfinished and
    /// [`Workspace::start`] makes it anew.
    pub fn create(path: &Path) -> Result<Self, StoreError> {
        if path.exists() {
            return Err(StoreError::AlreadyExists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let keys = vault::Keys {
            data: vault::Key::random()?,
            cards: Some(vault::Key::random()?),
            nav: Some(vault::Key::random()?),
        };
        vault::Envelope::new()?.create_file(path)?;
        let conn = connect(path, &keys, true)?;
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        let ws = Self::prepare(conn, path, keys)?;
        ws.card_key()?;
        Ok(ws)
    }

    /// The workspace at `path` before anyone logs in: created if missing (or if a setup was
    /// left unfinished, with no login made), otherwise `None` — it stays locked until a login.
    pub fn start(path: &Path) -> Result<Option<Self>, StoreError> {
        match vault::file_kind(path) {
            FileKind::Missing => Self::create(path).map(Some),
            FileKind::Encrypted => {
                if vault::Envelope::read(path)?.is_unfinished() {
                    std::fs::remove_file(path)?;
                    Self::create(path).map(Some)
                } else {
                    Ok(None)
                }
            }
            FileKind::Plain => Ok(None),
            FileKind::Other => Err(StoreError::NotAWorkspace(path.to_path_buf())),
        }
    }

    /// What can be known of the workspace at `path` before anyone logs in: whether it has
    /// logins yet, and whether it is the demo. A workspace from before encryption has logins.
    pub fn peek(path: &Path) -> Result<Peek, StoreError> {
        match vault::file_kind(path) {
            FileKind::Missing => Err(StoreError::NotFound(path.to_path_buf())),
            FileKind::Other => Err(StoreError::NotAWorkspace(path.to_path_buf())),
            FileKind::Plain => Ok(Peek {
                has_users: true,
                is_demo: false,
            }),
            FileKind::Encrypted => {
                let env = vault::Envelope::read(path)?;
                Ok(Peek {
                    has_users: env.has_slots(),
                    is_demo: env.demo,
                })
            }
        }
    }

    /// Opens the workspace at `path` as `username`: checks the password against the user's
    /// key slot and unlocks the database with the keys it holds. A workspace from before
    /// encryption is converted first (see [`Workspace::convert`]).
    pub fn unlock(
        path: &Path,
        username: &str,
        password: &str,
    ) -> Result<(Self, Actor), StoreError> {
        Self::unlock_at(path, username, password, chrono::Utc::now())
    }

    fn prepare(mut conn: Connection, path: &Path, keys: vault::Keys) -> Result<Self, StoreError> {
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "journal_mode", "DELETE")?;
        conn.pragma_update(None, "secure_delete", true)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Every write takes the file's write lock when it begins, so what it checks (a visit
        // limit, the quota, what a settlement holds) cannot change under it from another desk.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if app_id != APPLICATION_ID {
            return Err(StoreError::NotAWorkspace(path.to_path_buf()));
        }
        let version = migrations::schema_version(&conn)?;
        if version > 0 && version < migrations::latest_version() {
            backup::before_upgrade(&conn, path, version)?;
        }
        migrations::migrate(&mut conn)?;
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
            keys,
            recovery: Vec::new(),
            converted_from: None,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read-only (another desk holds the workspace): SQLite refuses every write on this
    /// connection, whatever code path asks for it.
    pub fn set_read_only(&self, read_only: bool) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "query_only", read_only)?;
        Ok(())
    }

    pub fn is_read_only(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "query_only", |r| r.get(0))?)
    }

    /// Where the plain file was kept, when this opening converted it to an encrypted one.
    pub fn converted_from(&self) -> Option<&Path> {
        self.converted_from.as_deref()
    }

    /// The schema version this file is at.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        migrations::schema_version(&self.conn)
    }

    /// True until the program has a municipality: the first screen offers set-up or the demo.
    pub fn is_new(&self) -> Result<bool, StoreError> {
        Ok(self.program()?.municipality.is_empty())
    }

    /// One number from a read-only query (a count, a sum): for checks and tests that look at the
    /// data as it is stored. Refuses a statement that would write.
    pub fn count(&self, sql: &str) -> Result<i64, StoreError> {
        let mut stmt = self.conn.prepare(sql)?;
        if !stmt.readonly() {
            return Err(StoreError::Denied(okort_core::Role::Venue));
        }
        Ok(stmt.query_row([], |r| r.get(0))?)
    }

    /// The NAV key, which only a NAV login holds.
    pub(crate) fn nav_key(&self, actor: &Actor) -> Result<&vault::Key, StoreError> {
        self.keys.nav.as_ref().ok_or(StoreError::Denied(actor.role))
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    pub fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().expect("temp dir");
        let ws = Workspace::create(&dir.path().join("test.okort")).expect("create workspace");
        (dir, ws)
    }

    pub fn nav() -> okort_core::Actor {
        okort_core::Actor {
            user_id: 2,
            role: okort_core::Role::Nav,
            venue_id: None,
        }
    }

    /// Registers a holder born on 1 May of `born` and returns its id.
    pub fn holder(ws: &mut Workspace, first: &str, born: i32) -> i64 {
        let input = okort_core::HolderInput {
            id: None,
            first_name: first.into(),
            last_name: "Hansen".into(),
            birth_date: chrono::NaiveDate::from_ymd_opt(born, 5, 1).expect("date"),
            language: "nb".into(),
            guardian_name: String::new(),
            guardian_phone: String::new(),
            guardian_email: String::new(),
            address: String::new(),
            nav_contact: String::new(),
            nav_note: String::new(),
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 2).expect("date");
        ws.save_holder(&nav(), input, today).expect("holder").id
    }
}
