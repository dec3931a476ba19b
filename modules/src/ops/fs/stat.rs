//! `stat`, `lstat`, `fstat` (through `statx`, as libuv, so birth times are real where the
//! file system keeps them), `statfs` and `access`.
//!
//! A stat result is an array of 18 numbers (or BigInts), in the order JS's `Stats` reads:
//! dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then seconds and
//! nanoseconds of atime, mtime, ctime and birthtime.

use std::ffi::CStr;

use engine::HostValue;

use super::{c_path, check, done, fail, fail_fd};

fs_op! {
    /// `stat(path, bigint)`.
    Stat(path: String, bigint: bool) {
        let c = c_path(&path).map_err(|e| fail(e, "stat", &path))?;
        statx(libc::AT_FDCWD, &c, 0).map(|s| to_js(&s, bigint)).map_err(|e| fail(e, "stat", &path))
    }
}

fs_op! {
    /// `lstat(path, bigint)`: the link itself, not its target.
    Lstat(path: String, bigint: bool) {
        let c = c_path(&path).map_err(|e| fail(e, "lstat", &path))?;
        statx(libc::AT_FDCWD, &c, libc::AT_SYMLINK_NOFOLLOW)
            .map(|s| to_js(&s, bigint))
            .map_err(|e| fail(e, "lstat", &path))
    }
}

fs_op! {
    /// `fstat(fd, bigint)`.
    Fstat(fd: i32, bigint: bool) {
        statx(fd, c"", libc::AT_EMPTY_PATH).map(|s| to_js(&s, bigint)).map_err(|e| fail_fd(e, "fstat"))
    }
}

fs_op! {
    /// `access(path, mode)`: F_OK, or any of R_OK, W_OK, X_OK.
    Access(path: String, mode: i32) {
        let c = c_path(&path).map_err(|e| fail(e, "access", &path))?;
        // SAFETY: `c` is a valid NUL-terminated path.
        check(unsafe { libc::access(c.as_ptr(), mode) }).map_err(|e| fail(e, "access", &path))?;
        done()
    }
}

fs_op! {
    /// `statfs(path, bigint)` → [type, bsize, blocks, bfree, bavail, files, ffree], the
    /// file system holding `path` (`statfs(2)`, as libuv).
    Statfs(path: String, bigint: bool) {
        let c = c_path(&path).map_err(|e| fail(e, "statfs", &path))?;
        // SAFETY: `statfs` is plain data that the call fills in.
        let mut buf: libc::statfs = unsafe { std::mem::zeroed() };
        // SAFETY: `c` is NUL-terminated and `buf` is a valid, writable `struct statfs`.
        check(unsafe { libc::statfs(c.as_ptr(), &mut buf) }).map_err(|e| fail(e, "statfs", &path))?;
        let fields: [i64; 7] = [
            buf.f_type as i64,
            buf.f_bsize as i64,
            buf.f_blocks as i64,
            buf.f_bfree as i64,
            buf.f_bavail as i64,
            buf.f_files as i64,
            buf.f_ffree as i64,
        ];
        Ok(numbers(&fields, bigint))
    }
}

/// `statx` relative to `dirfd` with `flags`.
fn statx(dirfd: i32, path: &CStr, flags: i32) -> Result<libc::statx, i32> {
    // SAFETY: `statx` is plain data the call fills in.
    let mut buf: libc::statx = unsafe { std::mem::zeroed() };
    let mask = libc::STATX_BASIC_STATS | libc::STATX_BTIME;
    // SAFETY: `path` is NUL-terminated and `buf` is a valid, writable `struct statx`.
    check(unsafe { libc::statx(dirfd, path.as_ptr(), flags, mask, &mut buf) })?;
    Ok(buf)
}

/// The 18 fields of a stat result, as numbers or BigInts.
fn to_js(s: &libc::statx, bigint: bool) -> HostValue {
    let birth = if s.stx_mask & libc::STATX_BTIME != 0 {
        (s.stx_btime.tv_sec, s.stx_btime.tv_nsec)
    } else {
        (0, 0)
    };
    let fields: [i64; 18] = [
        libc::makedev(s.stx_dev_major, s.stx_dev_minor) as i64,
        i64::from(s.stx_mode),
        i64::from(s.stx_nlink),
        i64::from(s.stx_uid),
        i64::from(s.stx_gid),
        libc::makedev(s.stx_rdev_major, s.stx_rdev_minor) as i64,
        i64::from(s.stx_blksize),
        s.stx_ino as i64,
        s.stx_size as i64,
        s.stx_blocks as i64,
        s.stx_atime.tv_sec,
        i64::from(s.stx_atime.tv_nsec),
        s.stx_mtime.tv_sec,
        i64::from(s.stx_mtime.tv_nsec),
        s.stx_ctime.tv_sec,
        i64::from(s.stx_ctime.tv_nsec),
        birth.0,
        i64::from(birth.1),
    ];
    numbers(&fields, bigint)
}

/// `fields` as a JS array of numbers or BigInts.
fn numbers(fields: &[i64], bigint: bool) -> HostValue {
    HostValue::Array(
        fields
            .iter()
            .map(|&n| if bigint { HostValue::BigInt(n) } else { HostValue::Number(n as f64) })
            .collect(),
    )
}
