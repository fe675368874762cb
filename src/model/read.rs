//! Reading a dataset's files, from the copy embedded in the binary or from
//! a directory: regular files only, within size limits, each refused file
//! named with the reason.

use std::borrow::Cow;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use super::problem::{Problem, Problems};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

pub const REPORT_FILE: &str = "report.json";
pub const COUNTRIES_DIR: &str = "countries";
/// The report text that every `line` points into.
pub const SOURCE_FILE: &str = "source/lac-tip-review.txt";

/// The largest dataset file read, 2 MiB: 25 times the largest real one
/// (report.json, 77 KB), and small enough that no field in it can cost
/// memory out of proportion.
pub const MAX_FILE_BYTES: u64 = 2 << 20;
/// All files of a dataset together, 16 MiB (the real one is 0.4 MB).
pub const MAX_DATASET_BYTES: u64 = 16 << 20;
/// Country files read from one dataset (the report has five countries).
pub const MAX_COUNTRY_FILES: usize = 500;

/// One dataset file's bytes and the name to report it under. The embedded
/// dataset's bytes are borrowed from the binary, not copied.
pub struct RawFile {
    pub name: String,
    pub bytes: Cow<'static, [u8]>,
}

/// The files of a dataset, before parsing.
pub struct RawDataset {
    pub report: RawFile,
    pub countries: Vec<RawFile>,
    /// Lines of the source text, where the dataset has it, to check every
    /// `line` against.
    pub source_lines: Option<usize>,
}

pub fn read_embedded() -> RawDataset {
    let file = |path: &str| RawFile {
        name: format!("<embedded>/{path}"),
        bytes: EMBEDDED
            .get_file(path)
            .map_or(Cow::Borrowed(&[][..]), |f| Cow::Borrowed(f.contents())),
    };
    let mut countries: Vec<RawFile> = EMBEDDED
        .get_dir(COUNTRIES_DIR)
        .map(|dir| {
            dir.files()
                .filter(|f| f.path().extension().is_some_and(|e| e == "json"))
                .map(|f| file(&f.path().to_string_lossy()))
                .collect()
        })
        .unwrap_or_default();
    countries.sort_by(|a, b| a.name.cmp(&b.name));
    RawDataset {
        report: file(REPORT_FILE),
        countries,
        source_lines: EMBEDDED
            .get_file(SOURCE_FILE)
            .map(|f| count_lines(f.contents())),
    }
}

pub fn read_dir(dir: &Path) -> Result<RawDataset, Problems> {
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a directory; expected a dataset directory with report.json and countries/"
        } else {
            "no such directory; expected a dataset directory with report.json and countries/"
        };
        return Err(Problems(vec![Problem::in_file(shown(dir), why)]));
    }
    let mut reader = Reader {
        budget: MAX_DATASET_BYTES,
        problems: Vec::new(),
    };
    let report = reader.file(dir.join(REPORT_FILE));
    let paths = reader.country_paths(&dir.join(COUNTRIES_DIR));
    let countries = paths.into_iter().map(|p| reader.file(p)).collect();
    let source = dir.join(SOURCE_FILE);
    let source_lines = fs::symlink_metadata(&source)
        .is_ok()
        .then(|| reader.bytes(&source).map(|b| count_lines(&b)))
        .flatten();
    if !reader.problems.is_empty() {
        return Err(Problems(reader.problems));
    }
    Ok(RawDataset {
        report,
        countries,
        source_lines,
    })
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

fn count_lines(bytes: &[u8]) -> usize {
    let newlines = bytes.iter().filter(|&&b| b == b'\n').count();
    newlines + usize::from(bytes.last().is_some_and(|&b| b != b'\n'))
}

/// Reads a dataset directory's files within the size limits, collecting a
/// problem for each file it refuses.
struct Reader {
    /// Bytes the dataset may still read.
    budget: u64,
    problems: Vec<Problem>,
}

impl Reader {
    /// The file's bytes, or none (with its problem noted).
    fn file(&mut self, path: PathBuf) -> RawFile {
        let bytes = self.bytes(&path).unwrap_or_default();
        RawFile {
            name: shown(&path),
            bytes: Cow::Owned(bytes),
        }
    }

    /// Reads a regular file only: a FIFO would block every command forever
    /// and a device (a symlink to /dev/zero) would never end. The size is
    /// checked before reading and enforced while reading, in case the file
    /// grows meanwhile.
    fn bytes(&mut self, path: &Path) -> Option<Vec<u8>> {
        match self.try_bytes(path) {
            Ok(bytes) => Some(bytes),
            Err(why) => {
                self.problems.push(Problem::in_file(shown(path), why));
                None
            }
        }
    }

    fn try_bytes(&mut self, path: &Path) -> Result<Vec<u8>, String> {
        let cannot = |e: std::io::Error| format!("cannot read: {e}; expected a readable JSON file");
        let meta = fs::metadata(path).map_err(cannot)?;
        if !meta.is_file() {
            return Err(format!(
                "is {}, not a regular file; expected a regular file",
                file_kind(&meta)
            ));
        }
        let too_big = |size: u64| {
            format!(
                "is {size} bytes; expected at most {MAX_FILE_BYTES} bytes ({} MiB) per file",
                MAX_FILE_BYTES >> 20
            )
        };
        let over_budget = || {
            format!(
                "the dataset's files together exceed {MAX_DATASET_BYTES} bytes ({} MiB); expected a smaller dataset",
                MAX_DATASET_BYTES >> 20
            )
        };
        if meta.len() > MAX_FILE_BYTES {
            return Err(too_big(meta.len()));
        }
        if meta.len() > self.budget {
            return Err(over_budget());
        }
        let limit = MAX_FILE_BYTES.min(self.budget);
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        fs::File::open(path)
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
            .map_err(cannot)?;
        let read = bytes.len() as u64;
        if read > limit {
            return Err(if read > MAX_FILE_BYTES {
                too_big(read)
            } else {
                over_budget()
            });
        }
        self.budget -= read;
        Ok(bytes)
    }

    /// The `*.json` files of the countries directory, sorted. A name ending
    /// in `.JSON` or `.Json` is reported rather than silently left out.
    fn country_paths(&mut self, countries: &Path) -> Vec<PathBuf> {
        let entries = match fs::read_dir(countries) {
            Ok(entries) => entries,
            Err(e) => {
                self.problems.push(Problem::in_file(
                    shown(countries),
                    format!("cannot read the countries directory: {e}; expected countries/ with one <id>.json per country"),
                ));
                return Vec::new();
            }
        };
        let mut paths = Vec::new();
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
                continue;
            };
            if ext == "json" {
                if paths.len() == MAX_COUNTRY_FILES {
                    self.problems.push(Problem::in_file(
                        shown(countries),
                        format!("more than {MAX_COUNTRY_FILES} country files; expected at most {MAX_COUNTRY_FILES}"),
                    ));
                    break;
                }
                paths.push(path);
            } else if ext.eq_ignore_ascii_case("json") {
                self.problems.push(Problem::in_file(
                    shown(&path),
                    format!("the extension \".{ext}\" is not lower-case, so the file would be ignored; expected a name ending in \".json\""),
                ));
            }
        }
        paths.sort();
        paths
    }
}

/// What a path is when it is not a regular file, for the user.
fn file_kind(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}
