//! The file system layer that lets one file hold both the key slots and the encrypted
//! database. A workspace file starts with a fixed region for the envelope (the key slots,
//! written by [`super::Envelope`]); SQLite, through this layer, sees only what follows it.
//!
//! The layer wraps the platform's own SQLite file system: opening, locking, syncing and the
//! journal are the platform's; only the main database file's reads, writes, size and
//! truncation are shifted past the envelope region. It offers version 1 of the file methods,
//! so SQLite uses a rollback journal (no WAL, no memory mapping), which is also what a
//! network folder needs.
#![allow(unsafe_code)]

use rusqlite::ffi;
use std::ffi::{c_char, c_int, c_void, CStr};
use std::sync::OnceLock;

/// The name SQLite knows this layer by (`?vfs=okort` or `open_with_flags_and_vfs`).
pub const NAME: &CStr = c"okort";

/// Bytes at the start of every workspace file that belong to the envelope, not to SQLite.
pub const ENVELOPE_SIZE: i64 = 64 * 1024;

/// Our file handle: SQLite's base struct, then the platform's own handle right after it.
#[repr(C)]
struct ShimFile {
    base: ffi::sqlite3_file,
    offset: i64,
}

struct Registered {
    platform: *mut ffi::sqlite3_vfs,
}

// SAFETY: the platform VFS pointer is a process-wide static that SQLite never frees; the
// SQLite file system functions are thread-safe.
unsafe impl Send for Registered {}
unsafe impl Sync for Registered {}

static REGISTERED: OnceLock<Result<Registered, c_int>> = OnceLock::new();

/// Registers the layer once per process (not as the default). Returns SQLite's error code if
/// it could not be registered.
pub fn register() -> Result<(), c_int> {
    REGISTERED
        .get_or_init(|| {
            // SAFETY: sqlite3_vfs_find with NULL returns the default (platform) VFS or NULL.
            let platform = unsafe { ffi::sqlite3_vfs_find(std::ptr::null()) };
            if platform.is_null() {
                return Err(ffi::SQLITE_ERROR);
            }
            // SAFETY: platform is a valid VFS for the life of the process.
            let p = unsafe { &*platform };
            let vfs = Box::new(ffi::sqlite3_vfs {
                iVersion: 2,
                szOsFile: c_int::try_from(std::mem::size_of::<ShimFile>()).unwrap_or(16)
                    + p.szOsFile,
                mxPathname: p.mxPathname,
                pNext: std::ptr::null_mut(),
                zName: NAME.as_ptr(),
                pAppData: std::ptr::null_mut(),
                xOpen: Some(x_open),
                xDelete: Some(x_delete),
                xAccess: Some(x_access),
                xFullPathname: Some(x_full_pathname),
                xDlOpen: None,
                xDlError: None,
                xDlSym: None,
                xDlClose: None,
                xRandomness: Some(x_randomness),
                xSleep: Some(x_sleep),
                xCurrentTime: Some(x_current_time),
                xGetLastError: Some(x_get_last_error),
                xCurrentTimeInt64: Some(x_current_time_int64),
                xSetSystemCall: None,
                xGetSystemCall: None,
                xNextSystemCall: None,
            });
            // SAFETY: the VFS struct is leaked, so it lives as long as SQLite may use it.
            let rc = unsafe { ffi::sqlite3_vfs_register(Box::leak(vfs), 0) };
            if rc == ffi::SQLITE_OK {
                Ok(Registered { platform })
            } else {
                Err(rc)
            }
        })
        .as_ref()
        .map(|_| ())
        .map_err(|rc| *rc)
}

fn platform() -> *mut ffi::sqlite3_vfs {
    match REGISTERED.get() {
        Some(Ok(r)) => r.platform,
        _ => std::ptr::null_mut(),
    }
}

/// The platform's handle, stored right after ours.
///
/// SAFETY: `file` must be a handle this layer opened (SQLite allocates szOsFile bytes).
unsafe fn inner(file: *mut ffi::sqlite3_file) -> *mut ffi::sqlite3_file {
    unsafe { file.cast::<u8>().add(std::mem::size_of::<ShimFile>()) }.cast()
}

/// The platform's methods and handle for one of our files.
///
/// SAFETY: as for [`inner`]; the platform handle was opened successfully.
unsafe fn methods(
    file: *mut ffi::sqlite3_file,
) -> (
    *mut ffi::sqlite3_file,
    &'static ffi::sqlite3_io_methods,
    i64,
) {
    unsafe {
        let real = inner(file);
        let offset = (*file.cast::<ShimFile>()).offset;
        (real, &*(*real).pMethods, offset)
    }
}

macro_rules! call {
    ($f:expr, $($arg:expr),*) => {
        match $f {
            Some(f) => f($($arg),*),
            None => ffi::SQLITE_ERROR,
        }
    };
}

static METHODS: ffi::sqlite3_io_methods = ffi::sqlite3_io_methods {
    iVersion: 1,
    xClose: Some(f_close),
    xRead: Some(f_read),
    xWrite: Some(f_write),
    xTruncate: Some(f_truncate),
    xSync: Some(f_sync),
    xFileSize: Some(f_file_size),
    xLock: Some(f_lock),
    xUnlock: Some(f_unlock),
    xCheckReservedLock: Some(f_check_reserved_lock),
    xFileControl: Some(f_file_control),
    xSectorSize: Some(f_sector_size),
    xDeviceCharacteristics: Some(f_device_characteristics),
    xShmMap: None,
    xShmLock: None,
    xShmBarrier: None,
    xShmUnmap: None,
    xFetch: None,
    xUnfetch: None,
};

unsafe extern "C" fn x_open(
    _vfs: *mut ffi::sqlite3_vfs,
    name: ffi::sqlite3_filename,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let p = platform();
    if p.is_null() {
        return ffi::SQLITE_ERROR;
    }
    unsafe {
        if flags & ffi::SQLITE_OPEN_MAIN_DB == 0 {
            // Journals and temporary files are the platform's own, unshifted.
            return call!((*p).xOpen, p, name, file, flags, out_flags);
        }
        (*file).pMethods = std::ptr::null();
        let rc = call!((*p).xOpen, p, name, inner(file), flags, out_flags);
        if rc == ffi::SQLITE_OK {
            (*file.cast::<ShimFile>()).offset = ENVELOPE_SIZE;
            (*file).pMethods = &METHODS;
        }
        rc
    }
}

unsafe extern "C" fn x_delete(_: *mut ffi::sqlite3_vfs, name: *const c_char, sync: c_int) -> c_int {
    let p = platform();
    unsafe { call!((*p).xDelete, p, name, sync) }
}

unsafe extern "C" fn x_access(
    _: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    flags: c_int,
    out: *mut c_int,
) -> c_int {
    let p = platform();
    unsafe { call!((*p).xAccess, p, name, flags, out) }
}

unsafe extern "C" fn x_full_pathname(
    _: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    n: c_int,
    out: *mut c_char,
) -> c_int {
    let p = platform();
    unsafe { call!((*p).xFullPathname, p, name, n, out) }
}

unsafe extern "C" fn x_randomness(_: *mut ffi::sqlite3_vfs, n: c_int, out: *mut c_char) -> c_int {
    let p = platform();
    unsafe { call!((*p).xRandomness, p, n, out) }
}

unsafe extern "C" fn x_sleep(_: *mut ffi::sqlite3_vfs, micros: c_int) -> c_int {
    let p = platform();
    unsafe { call!((*p).xSleep, p, micros) }
}

unsafe extern "C" fn x_current_time(_: *mut ffi::sqlite3_vfs, out: *mut f64) -> c_int {
    let p = platform();
    unsafe { call!((*p).xCurrentTime, p, out) }
}

unsafe extern "C" fn x_get_last_error(
    _: *mut ffi::sqlite3_vfs,
    n: c_int,
    out: *mut c_char,
) -> c_int {
    let p = platform();
    unsafe { call!((*p).xGetLastError, p, n, out) }
}

unsafe extern "C" fn x_current_time_int64(_: *mut ffi::sqlite3_vfs, out: *mut i64) -> c_int {
    let p = platform();
    unsafe { call!((*p).xCurrentTimeInt64, p, out) }
}

unsafe extern "C" fn f_close(file: *mut ffi::sqlite3_file) -> c_int {
    unsafe {
        let (real, m, _) = methods(file);
        call!(m.xClose, real)
    }
}

unsafe extern "C" fn f_read(
    file: *mut ffi::sqlite3_file,
    buf: *mut c_void,
    amount: c_int,
    at: i64,
) -> c_int {
    unsafe {
        let (real, m, offset) = methods(file);
        call!(m.xRead, real, buf, amount, at + offset)
    }
}

unsafe extern "C" fn f_write(
    file: *mut ffi::sqlite3_file,
    buf: *const c_void,
    amount: c_int,
    at: i64,
) -> c_int {
    unsafe {
        let (real, m, offset) = methods(file);
        call!(m.xWrite, real, buf, amount, at + offset)
    }
}

unsafe extern "C" fn f_truncate(file: *mut ffi::sqlite3_file, size: i64) -> c_int {
    unsafe {
        let (real, m, offset) = methods(file);
        call!(m.xTruncate, real, size + offset)
    }
}

unsafe extern "C" fn f_sync(file: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    unsafe {
        let (real, m, _) = methods(file);
        call!(m.xSync, real, flags)
    }
}

unsafe extern "C" fn f_file_size(file: *mut ffi::sqlite3_file, out: *mut i64) -> c_int {
    unsafe {
        let (real, m, offset) = methods(file);
        let mut size = 0i64;
        let rc = call!(m.xFileSize, real, &mut size);
        *out = (size - offset).max(0);
        rc
    }
}

unsafe extern "C" fn f_lock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    unsafe {
        let (real, m, _) = methods(file);
        call!(m.xLock, real, level)
    }
}

unsafe extern "C" fn f_unlock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    unsafe {
        let (real, m, _) = methods(file);
        call!(m.xUnlock, real, level)
    }
}

unsafe extern "C" fn f_check_reserved_lock(file: *mut ffi::sqlite3_file, out: *mut c_int) -> c_int {
    unsafe {
        let (real, m, _) = methods(file);
        call!(m.xCheckReservedLock, real, out)
    }
}

unsafe extern "C" fn f_file_control(
    file: *mut ffi::sqlite3_file,
    op: c_int,
    arg: *mut c_void,
) -> c_int {
    unsafe {
        let (real, m, offset) = methods(file);
        if op == ffi::SQLITE_FCNTL_SIZE_HINT && !arg.is_null() {
            let mut hint = *arg.cast::<i64>() + offset;
            return call!(m.xFileControl, real, op, (&raw mut hint).cast());
        }
        call!(m.xFileControl, real, op, arg)
    }
}

unsafe extern "C" fn f_sector_size(file: *mut ffi::sqlite3_file) -> c_int {
    unsafe {
        let (real, m, _) = methods(file);
        match m.xSectorSize {
            Some(f) => f(real),
            None => 4096,
        }
    }
}

unsafe extern "C" fn f_device_characteristics(file: *mut ffi::sqlite3_file) -> c_int {
    unsafe {
        let (real, m, _) = methods(file);
        match m.xDeviceCharacteristics {
            Some(f) => f(real),
            None => 0,
        }
    }
}
