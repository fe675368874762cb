//! The notebook's file. Every save is atomic — a temporary file in the same
//! folder, written, flushed and synced, then renamed over the notebook — so
//! that a tipx killed at any moment (SIGKILL included) leaves the old
//! notebook or the new one, never half of one. Saves take a lock (a
//! `.lock` file beside the notebook, released by the system when the
//! process dies) and re-read the file under it, writing this tipx's
//! changes over what another tipx saved meanwhile: two at once lose
//! nothing. A file that cannot be read is never written over.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Entry, Notebook, FORMAT};

/// A notebook file larger than this is not read: it is no notebook tipx wrote.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum NotebookError {
    #[error(
        "{path}:{line}:{column}: the notebook cannot be read: {message}; \
         tipx will not save notes until it is fixed or moved"
    )]
    Unreadable {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: the notebook was written by a newer tipx (format {found}, this tipx \
         reads {FORMAT}); tipx will not save notes until it is moved"
    )]
    Newer { path: PathBuf, found: u32 },
    #[error("{path}: the notebook is larger than {MAX_FILE_BYTES} bytes; it is not tipx's")]
    TooLarge { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

impl NotebookError {
    /// The file is there but is not a notebook this tipx can read: it must
    /// be left as it is.
    pub fn is_unreadable(&self) -> bool {
        !matches!(self, NotebookError::Io { .. })
    }
}

/// The file's shape.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NotebookFile {
    format: u32,
    entries: Vec<Entry>,
}

/// Only the version, read first, so that a newer file is recognised as
/// such rather than reported as malformed.
#[derive(Deserialize)]
struct Version {
    format: u32,
}

/// The notebook's file on disk.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    pub fn new(path: impl Into<PathBuf>) -> Store {
        Store { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The notebook as saved; empty when there is no file yet.
    pub fn load(&self) -> Result<Notebook, NotebookError> {
        read(&self.path)
    }

    /// Writes the notebook's changes over the file's current copy and
    /// takes the result (with entries other tipx saved) into `notebook`;
    /// with no changes, only takes in the file's copy.
    /// On an error the file is as it was and `notebook` keeps its changes.
    pub fn save(&self, notebook: &mut Notebook) -> Result<(), NotebookError> {
        let io_error = |source| NotebookError::Io {
            path: self.path.clone(),
            source,
        };
        let folder = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&folder).map_err(io_error)?;
        let _lock = self.lock().map_err(io_error)?;
        let on_disk = read(&self.path)?;
        if !notebook.is_changed() {
            // Nothing to write: only take in what other tipx saved.
            *notebook = on_disk;
            return Ok(());
        }
        let merged = notebook.merged_onto(on_disk);
        remove_stale_temporaries(&folder);
        write_atomically(&folder, &self.path, &to_json(&merged)).map_err(io_error)?;
        *notebook = merged;
        Ok(())
    }

    /// Holds the lock beside the notebook until dropped.
    fn lock(&self) -> io::Result<File> {
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.path.with_file_name(name))?;
        // fs4's flock, named in full: newer std has a `File::lock` of its own.
        fs4::FileExt::lock(&file)?;
        Ok(file)
    }
}

fn read(path: &Path) -> Result<Notebook, NotebookError> {
    let io_error = |source| NotebookError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Notebook::default()),
        Err(e) => return Err(io_error(e)),
    };
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(NotebookError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    parse(path, &bytes)
}

/// The notebook in `bytes`, read from `path` (named in errors).
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Notebook, NotebookError> {
    // An empty file holds no notes (`touch notebook.json`); tipx never writes one.
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Notebook::default());
    }
    let unreadable = |e: serde_json::Error| NotebookError::Unreadable {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line ").next().unwrap_or("").into(),
    };
    if let Ok(Version { format }) = serde_json::from_slice::<Version>(bytes) {
        if format > FORMAT {
            return Err(NotebookError::Newer {
                path: path.to_path_buf(),
                found: format,
            });
        }
    }
    let file: NotebookFile = serde_json::from_slice(bytes).map_err(unreadable)?;
    let entries = file.entries.into_iter().map(|mut entry| {
        // Shown in the terminal: no byte of the file may act on it.
        // Each field by its shape: a note keeps its lines, the text it was
        // written on its paragraphs, the rest is one line.
        use crate::sanitize::{clean, clean_lines, clean_prose};
        let fields: [(&mut String, Cleaner); 4] = [
            (&mut entry.id, clean),
            (&mut entry.note, clean_lines),
            (&mut entry.context, clean),
            (&mut entry.written_on, clean_prose),
        ];
        for (text, cleaner) in fields {
            if let std::borrow::Cow::Owned(cleaned) = cleaner(text) {
                *text = cleaned;
            }
        }
        entry
    });
    Ok(Notebook::from_entries(entries))
}

/// How a field of a note is cleaned of what could act on a terminal.
type Cleaner = fn(&str) -> std::borrow::Cow<'_, str>;

/// The file's text: pretty, entries by id, so that a diff of two saves is small.
pub fn to_json(notebook: &Notebook) -> String {
    let file = NotebookFile {
        format: FORMAT,
        entries: notebook.entries().cloned().collect(),
    };
    // Plain data into a String cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// A temporary file older than this was left by a tipx killed while
/// saving; a save under way is younger by far.
const STALE: std::time::Duration = std::time::Duration::from_secs(600);

/// Removes the temporary files killed saves left in `folder` (ours by
/// name: `.tipx-….tmp`). Best effort: a file that cannot be removed stays.
fn remove_stale_temporaries(folder: &Path) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".tipx-") && name.ends_with(".tmp")) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        if age.is_some_and(|age| age > STALE) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Writes `text` to `path` through a temporary file in `folder`: the
/// rename is atomic, so `path` is always a whole file.
pub fn write_atomically(folder: &Path, path: &Path, text: &str) -> io::Result<()> {
    let mut temporary = tempfile::Builder::new()
        .prefix(".tipx-")
        .suffix(".tmp")
        .tempfile_in(folder)?;
    temporary.write_all(text.as_bytes())?;
    temporary.flush()?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable only once the folder is synced.
    #[cfg(unix)]
    File::open(folder)?.sync_all()?;
    Ok(())
}
