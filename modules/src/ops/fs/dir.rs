//! Directories: `readdir` (names, or names and entry types), `mkdir` (recursive too),
//! `mkdtemp`, `rmdir`, and the recursive removal behind `rm`.

use std::path::Path;

use engine::HostValue;

use super::{c_path, check, done, errno_of, fail};

/// libuv's `UV_DIRENT_*` codes, which JS's `Dirent` reads.
mod dirent {
    pub const UNKNOWN: i32 = 0;
    pub const FILE: i32 = 1;
    pub const DIR: i32 = 2;
    pub const LINK: i32 = 3;
    pub const FIFO: i32 = 4;
    pub const SOCKET: i32 = 5;
    pub const CHAR: i32 = 6;
    pub const BLOCK: i32 = 7;
}

fs_op! {
    /// `readdir(path, withTypes)` → names sorted bytewise (as libuv's scandir sorts), or
    /// `[names, types]`.
    Readdir(path: String, with_types: bool) {
        let entries = std::fs::read_dir(&path).map_err(|e| fail(errno_of(&e), "scandir", &path))?;
        let mut listed = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| fail(errno_of(&e), "scandir", &path))?;
            let kind = if with_types { entry.file_type().map(dirent_type).unwrap_or(dirent::UNKNOWN) } else { dirent::UNKNOWN };
            listed.push((entry.file_name().to_string_lossy().into_owned(), kind));
        }
        listed.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let (names, kinds): (Vec<_>, Vec<_>) =
            listed.into_iter().map(|(name, kind)| (HostValue::String(name), HostValue::from(kind))).unzip();
        Ok(if with_types {
            HostValue::Array(vec![HostValue::Array(names), HostValue::Array(kinds)])
        } else {
            HostValue::Array(names)
        })
    }
}

fs_op! {
    /// `mkdir(path, mode, recursive)` → with `recursive`, the first directory it created
    /// (undefined when all existed).
    Mkdir(path: String, mode: u32, recursive: bool) {
        if !recursive {
            make_dir(&path, mode).map_err(|e| fail(e, "mkdir", &path))?;
            return done();
        }
        Ok(match make_dir_all(&path, mode).map_err(|e| fail(e, "mkdir", &path))? {
            Some(first) => first.into(),
            None => HostValue::Undefined,
        })
    }
}

fs_op! {
    /// `mkdtemp(prefix)` → the new directory `prefix` + six random characters.
    Mkdtemp(prefix: String) {
        let template = format!("{prefix}XXXXXX");
        let c = c_path(&template).map_err(|e| fail(e, "mkdtemp", &template))?;
        let mut bytes = c.into_bytes_with_nul();
        // SAFETY: `bytes` is a writable NUL-terminated template ending in XXXXXX.
        let made = unsafe { libc::mkdtemp(bytes.as_mut_ptr().cast()) };
        if made.is_null() {
            return Err(fail(super::last_errno(), "mkdtemp", &template));
        }
        bytes.pop();
        Ok(String::from_utf8_lossy(&bytes).into_owned().into())
    }
}

fs_op! {
    /// `rmdir(path)`: an empty directory.
    Rmdir(path: String) {
        let c = c_path(&path).map_err(|e| fail(e, "rmdir", &path))?;
        // SAFETY: `c` is a valid NUL-terminated path.
        check(unsafe { libc::rmdir(c.as_ptr()) }).map_err(|e| fail(e, "rmdir", &path))?;
        done()
    }
}

fs_op! {
    /// `rmTree(path)`: a directory and everything under it (links are removed, not
    /// followed), or a single non-directory.
    RmTree(path: String) {
        let is_dir = std::fs::symlink_metadata(&path)
            .map_err(|e| fail(errno_of(&e), "lstat", &path))?
            .is_dir();
        let removed = if is_dir { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
        removed.map_err(|e| fail(errno_of(&e), "rm", &path))?;
        done()
    }
}

/// The `UV_DIRENT_*` code of a file type.
fn dirent_type(kind: std::fs::FileType) -> i32 {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_file() {
        dirent::FILE
    } else if kind.is_dir() {
        dirent::DIR
    } else if kind.is_symlink() {
        dirent::LINK
    } else if kind.is_fifo() {
        dirent::FIFO
    } else if kind.is_socket() {
        dirent::SOCKET
    } else if kind.is_char_device() {
        dirent::CHAR
    } else if kind.is_block_device() {
        dirent::BLOCK
    } else {
        dirent::UNKNOWN
    }
}

/// `mkdir(2)`.
fn make_dir(path: &str, mode: u32) -> Result<(), i32> {
    let c = c_path(path)?;
    // SAFETY: `c` is a valid NUL-terminated path.
    check(unsafe { libc::mkdir(c.as_ptr(), mode) }).map(drop)
}

/// Creates `path` and its missing parents; returns the first one created.
fn make_dir_all(path: &str, mode: u32) -> Result<Option<String>, i32> {
    match make_dir(path, mode) {
        Ok(()) => Ok(Some(path.to_owned())),
        Err(libc::EEXIST) if Path::new(path).is_dir() => Ok(None),
        Err(libc::ENOENT) => {
            let parent = match Path::new(path).parent().and_then(Path::to_str) {
                Some(p) if !p.is_empty() && p != path => p,
                _ => return Err(libc::ENOENT),
            };
            let first = make_dir_all(parent, mode)?;
            match make_dir(path, mode) {
                Ok(()) => {}
                Err(libc::EEXIST) if Path::new(path).is_dir() => {}
                Err(e) => return Err(e),
            }
            Ok(first.or_else(|| Some(path.to_owned())))
        }
        Err(e) => Err(e),
    }
}
