//! Writing a file so that it is never seen half-written: the contents go to
//! a temporary file in the same folder (so that the rename cannot cross file
//! systems), are flushed and synced to disk, and the temporary file is then
//! renamed over the target. If anything fails on the way, the temporary file
//! is removed (by `tempfile`'s drop) and the old file, if any, is untouched.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What to do when the target exists already.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Fail with [`WriteError::Exists`]: the default, never lose a file.
    Keep,
    /// Replace it (`--force`).
    Replace,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} exists already; pass --force to replace it", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

impl WriteError {
    fn io(path: &Path, source: io::Error) -> WriteError {
        if source.kind() == io::ErrorKind::AlreadyExists {
            return WriteError::Exists(path.to_path_buf());
        }
        WriteError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Writes `path` through `fill`, atomically. `fill` gets the temporary
/// file; an error from it abandons the write.
pub fn write_with(
    path: &Path,
    existing: Existing,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), WriteError> {
    // Checked first for a clear message; the rename below checks again,
    // atomically, in case the file appears in between.
    if existing == Existing::Keep && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".tipx-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| WriteError::io(path, e))?;
    let written = fill(temp.as_file_mut())
        .and_then(|()| temp.as_file_mut().flush())
        .and_then(|()| temp.as_file().sync_all());
    written.map_err(|e| WriteError::io(path, e))?;
    let persisted = match existing {
        Existing::Keep => temp.persist_noclobber(path),
        Existing::Replace => temp.persist(path),
    };
    // A failed persist hands the temporary file back; dropping it removes it.
    persisted.map_err(|e| WriteError::io(path, e.error))?;
    sync_folder(folder);
    Ok(())
}

/// Writes `contents` to `path` atomically.
pub fn write(path: &Path, existing: Existing, contents: &[u8]) -> Result<(), WriteError> {
    write_with(path, existing, |file| file.write_all(contents))
}

/// Writes `contents` to a new file in `folder` named `stem.extension`, or
/// `stem-2.extension`, `stem-3.extension`... if that exists: the explorer
/// never replaces a file. Returns the path written.
pub fn write_new(
    folder: &Path,
    stem: &str,
    extension: &str,
    contents: &[u8],
) -> Result<PathBuf, WriteError> {
    const ATTEMPTS: usize = 100;
    let mut last = None;
    for n in 1..=ATTEMPTS {
        let name = match n {
            1 => format!("{stem}.{extension}"),
            n => format!("{stem}-{n}.{extension}"),
        };
        let path = folder.join(name);
        match write(&path, Existing::Keep, contents) {
            Err(WriteError::Exists(p)) => last = Some(p),
            other => return other.map(|()| path),
        }
    }
    Err(WriteError::Exists(
        last.unwrap_or_else(|| folder.join(stem)),
    ))
}

/// The rename is durable only once the folder's entry is on disk too.
/// Best effort: not every platform can open a folder for syncing.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("readable")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failing_writer_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("briefing.md");
        std::fs::write(&path, "old").expect("seed");
        let result = write_with(&path, Existing::Replace, |file| {
            file.write_all(b"half of the new")?;
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        });
        let message = result.expect_err("the write failed").to_string();
        assert!(
            message.contains("briefing.md") && message.contains("disk full"),
            "{message}"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("kept"), "old");
        assert_eq!(entries(dir.path()), ["briefing.md"]);
    }

    #[test]
    fn an_existing_file_is_replaced_only_when_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("b.md");
        std::fs::write(&path, "old").expect("seed");
        let refused = write(&path, Existing::Keep, b"new").expect_err("exists");
        assert!(refused.to_string().contains("--force"), "{refused}");
        assert_eq!(std::fs::read_to_string(&path).expect("kept"), "old");
        write(&path, Existing::Replace, b"new").expect("forced");
        assert_eq!(std::fs::read_to_string(&path).expect("new"), "new");
        assert_eq!(entries(dir.path()), ["b.md"]);
    }

    #[test]
    fn new_files_take_the_next_free_number() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = write_new(dir.path(), "tipx-ecuador", "md", b"1").expect("first");
        let second = write_new(dir.path(), "tipx-ecuador", "md", b"2").expect("second");
        assert_eq!(first, dir.path().join("tipx-ecuador.md"));
        assert_eq!(second, dir.path().join("tipx-ecuador-2.md"));
        assert_eq!(std::fs::read_to_string(first).expect("kept"), "1");
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no-such-folder").join("b.md");
        let error = write(&path, Existing::Keep, b"x").expect_err("no folder");
        assert!(error.to_string().contains("b.md"), "{error}");
        assert!(entries(dir.path()).is_empty());
    }
}
