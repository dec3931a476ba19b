//! Calls on paths: unlink, rename, copyFile, link, symlink, readlink, realpath, and the
//! metadata setters chmod, chown, lchown, utimes, lutimes.

use engine::HostValue;

use super::file::timespec;
use super::{c_path, check, done, errno_of, fail, fail2};

/// `fs.constants.COPYFILE_EXCL`: fail if the destination exists.
const COPYFILE_EXCL: u32 = 1;
/// `fs.constants.COPYFILE_FICLONE_FORCE`: copy-on-write or fail.
const COPYFILE_FICLONE_FORCE: u32 = 4;

fs_op! {
    /// `unlink(path)`.
    Unlink(path: String) {
        let c = c_path(&path).map_err(|e| fail(e, "unlink", &path))?;
        // SAFETY: `c` is a valid NUL-terminated path.
        check(unsafe { libc::unlink(c.as_ptr()) }).map_err(|e| fail(e, "unlink", &path))?;
        done()
    }
}

fs_op! {
    /// `rename(from, to)`.
    Rename(from: String, to: String) {
        std::fs::rename(&from, &to).map_err(|e| fail2(errno_of(&e), "rename", &from, &to))?;
        done()
    }
}

fs_op! {
    /// `copyFile(src, dest, mode)`; mode is a set of `COPYFILE_*` flags. Copy-on-write
    /// (FICLONE) is treated as a plain copy; FICLONE_FORCE fails with ENOTSUP.
    CopyFile(src: String, dest: String, mode: u32) {
        let failed = |errno| fail2(errno, "copyfile", &src, &dest);
        if mode & COPYFILE_FICLONE_FORCE != 0 {
            return Err(failed(libc::ENOTSUP));
        }
        if mode & COPYFILE_EXCL != 0 && std::fs::symlink_metadata(&dest).is_ok() {
            return Err(failed(libc::EEXIST));
        }
        std::fs::copy(&src, &dest).map_err(|e| failed(errno_of(&e)))?;
        done()
    }
}

fs_op! {
    /// `link(existing, new)`: a hard link.
    Link(existing: String, new: String) {
        std::fs::hard_link(&existing, &new).map_err(|e| fail2(errno_of(&e), "link", &existing, &new))?;
        done()
    }
}

fs_op! {
    /// `symlink(target, path)`: the link at `path` points to `target` (types only matter on
    /// Windows).
    Symlink(target: String, path: String) {
        std::os::unix::fs::symlink(&target, &path)
            .map_err(|e| fail2(errno_of(&e), "symlink", &target, &path))?;
        done()
    }
}

fs_op! {
    /// `readlink(path)` → the link's target.
    Readlink(path: String) {
        let target = std::fs::read_link(&path).map_err(|e| fail(errno_of(&e), "readlink", &path))?;
        Ok(HostValue::String(target.to_string_lossy().into_owned()))
    }
}

fs_op! {
    /// `realpath(path)` → the canonical absolute path (realpath(3)).
    Realpath(path: String) {
        let real = std::fs::canonicalize(&path).map_err(|e| fail(errno_of(&e), "realpath", &path))?;
        Ok(HostValue::String(real.to_string_lossy().into_owned()))
    }
}

fs_op! {
    /// `chmod(path, mode)`.
    Chmod(path: String, mode: u32) {
        let c = c_path(&path).map_err(|e| fail(e, "chmod", &path))?;
        // SAFETY: `c` is a valid NUL-terminated path.
        check(unsafe { libc::chmod(c.as_ptr(), mode) }).map_err(|e| fail(e, "chmod", &path))?;
        done()
    }
}

fs_op! {
    /// `chown(path, uid, gid)`; -1 leaves an id unchanged.
    Chown(path: String, uid: i64, gid: i64) {
        let c = c_path(&path).map_err(|e| fail(e, "chown", &path))?;
        // SAFETY: `c` is a valid NUL-terminated path.
        check(unsafe { libc::chown(c.as_ptr(), uid as libc::uid_t, gid as libc::gid_t) })
            .map_err(|e| fail(e, "chown", &path))?;
        done()
    }
}

fs_op! {
    /// `lchown(path, uid, gid)`: the link itself.
    Lchown(path: String, uid: i64, gid: i64) {
        let c = c_path(&path).map_err(|e| fail(e, "lchown", &path))?;
        // SAFETY: `c` is a valid NUL-terminated path.
        check(unsafe { libc::lchown(c.as_ptr(), uid as libc::uid_t, gid as libc::gid_t) })
            .map_err(|e| fail(e, "lchown", &path))?;
        done()
    }
}

fs_op! {
    /// `utimes(path, atime, mtime)`, seconds since the epoch.
    Utimes(path: String, atime: f64, mtime: f64) {
        set_times(&path, atime, mtime, 0).map_err(|e| fail(e, "utime", &path))?;
        done()
    }
}

fs_op! {
    /// `lutimes(path, atime, mtime)`: the link itself.
    Lutimes(path: String, atime: f64, mtime: f64) {
        set_times(&path, atime, mtime, libc::AT_SYMLINK_NOFOLLOW).map_err(|e| fail(e, "lutime", &path))?;
        done()
    }
}

/// `utimensat` on `path` with `flags`.
fn set_times(path: &str, atime: f64, mtime: f64, flags: i32) -> Result<(), i32> {
    let c = c_path(path)?;
    let times = [timespec(atime), timespec(mtime)];
    // SAFETY: `c` is NUL-terminated and `times` holds the two timespecs utimensat reads.
    check(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), flags) }).map(drop)
}
