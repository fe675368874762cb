//! Reading a dataset, from the copy embedded in the binary or from a
//! directory, into typed values; every file's problems are collected rather
//! than stopping at the first.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde::de::DeserializeOwned;

use super::fields::{self, Tidy};
use super::locate::{line_col, locate, locate_duplicate_key, parse_path, Positions};
use super::problem::{Problem, Problems};
use super::types::{Country, Report};
use crate::sanitize;

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

/// A parsed file with its text, kept so that later checks can locate paths.
pub struct Parsed<T> {
    pub name: String,
    pub text: Cow<'static, str>,
    pub value: T,
    /// Where each value of `text` is, indexed at the file's first problem.
    pub positions: OnceCell<Positions>,
}

impl<T> Parsed<T> {
    /// A problem at `path` in this file, located by line and column.
    pub fn problem(&self, path: &str, message: impl Into<String>) -> Problem {
        self.locator().problem(path, message)
    }

    /// What locates problems in this file.
    pub fn locator(&self) -> Locator<'_> {
        Locator {
            name: &self.name,
            text: &self.text,
            positions: &self.positions,
        }
    }

    /// The file's name without directory and `.json`.
    pub fn stem(&self) -> &str {
        let base = self.name.rsplit('/').next().unwrap_or(&self.name);
        base.strip_suffix(".json").unwrap_or(base)
    }
}

/// A file's name and text, to report problems in it by JSON path.
#[derive(Clone, Copy)]
pub struct Locator<'f> {
    pub name: &'f str,
    pub text: &'f str,
    pub positions: &'f OnceCell<Positions>,
}

impl Locator<'_> {
    pub fn problem(&self, path: &str, message: impl Into<String>) -> Problem {
        let positions = self.positions.get_or_init(|| Positions::index(self.text));
        Problem {
            file: self.name.to_string(),
            position: positions.locate(&parse_path(path)),
            path: Some(path.to_string()),
            message: message.into(),
        }
    }
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

/// Parses one file: UTF-8, JSON syntax, then the typed shape. Strings are
/// cleaned afterwards, field by field (see [`tidy`]).
pub fn parse<T: DeserializeOwned>(file: RawFile) -> Result<Parsed<T>, Problem> {
    let utf8 = match file.bytes {
        Cow::Borrowed(bytes) => std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|e| (e.valid_up_to(), Cow::Borrowed(bytes))),
        Cow::Owned(bytes) => String::from_utf8(bytes).map(Cow::Owned).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            (valid, Cow::Owned(e.into_bytes()))
        }),
    };
    let at_start = |name: String, message: &str| Problem {
        file: name,
        position: Some((1, 1)),
        path: None,
        message: message.into(),
    };
    let text = match utf8 {
        Ok(text) => text,
        Err((valid, bytes)) => {
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            return Err(Problem {
                file: file.name,
                position: Some(line_col(&prefix, prefix.len())),
                path: None,
                message: "invalid UTF-8; expected a UTF-8 encoded JSON file".into(),
            });
        }
    };
    if text.starts_with('\u{FEFF}') {
        return Err(at_start(
            file.name,
            "the file starts with a byte order mark (U+FEFF); expected UTF-8 JSON without one",
        ));
    }
    if text.trim().is_empty() {
        return Err(at_start(
            file.name,
            "the file is empty; expected a JSON object",
        ));
    }
    match parse_typed(&text) {
        Ok(value) => Ok(Parsed {
            name: file.name,
            text,
            value,
            positions: OnceCell::new(),
        }),
        Err(Failure::Syntax(e)) => Err(Problem {
            file: file.name,
            // serde_json counts columns in bytes; every other position here is in characters.
            position: Some(line_col(&text, byte_offset(&text, e.line(), e.column()))),
            path: None,
            message: format!("invalid JSON: {}", strip_position(&e.to_string())),
        }),
        Err(Failure::Shape { path, message }) => {
            let path = if path == "." { String::new() } else { path };
            if let Some(key) = duplicate_key(&message) {
                return Err(duplicate_key_problem(file.name, &text, path, key));
            }
            Err(Problem {
                position: locate(&text, &parse_path(&path)),
                file: file.name,
                path: Some(path),
                message,
            })
        }
    }
}

/// The key serde names in "duplicate field `name`".
fn duplicate_key(message: &str) -> Option<&str> {
    message.strip_prefix("duplicate field `")?.strip_suffix('`')
}

/// serde reports a duplicate key at the object holding it; this points at
/// the key's second occurrence and says what is wrong.
fn duplicate_key_problem(file: String, text: &str, object: String, key: &str) -> Problem {
    let position = locate_duplicate_key(text, &parse_path(&object), key)
        .or_else(|| locate(text, &parse_path(&object)));
    let path = if object.is_empty() {
        key.to_string()
    } else {
        format!("{object}.{key}")
    };
    Problem {
        file,
        position,
        path: Some(path),
        message: format!("duplicate key \"{key}\" in this object; expected each key once"),
    }
}

/// Why a file did not parse into its type.
enum Failure {
    Syntax(serde_json::Error),
    /// A wrong type, a missing or unknown field, at a JSON path.
    Shape {
        path: String,
        message: String,
    },
}

/// Straight into the type. Tracking the JSON path costs as much as the
/// parse, so it is done only again, when the parse failed.
fn parse_typed<T: DeserializeOwned>(text: &str) -> Result<T, Failure> {
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() {
            // serde echoes a wrong value whole, however long.
            let full = inner.to_string();
            let message = sanitize::shorten_quoted(strip_position(&full), ECHO_CHARS).into_owned();
            Failure::Shape { path, message }
        } else {
            Failure::Syntax(inner)
        }
    })?;
    de.end().map_err(Failure::Syntax)?;
    Ok(value)
}

/// How much of a wrong value a message repeats.
const ECHO_CHARS: usize = 60;

/// The byte offset of serde_json's 1-based line and 1-based byte column.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    line_start + column.saturating_sub(1)
}

/// serde_json appends " at line L column C"; the position is shown up front.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i])
}

/// Parses the report and every country file, collecting every file's
/// problem. The parsed files come back whenever the report parsed, so that
/// the semantic checks can still run on the files that did.
pub fn parse_all(raw: RawDataset) -> (Option<Loaded>, Vec<Problem>) {
    let mut problems = Vec::new();
    let country_files = raw.countries.len();
    let lines = raw.source_lines;
    let report = parse::<Report>(raw.report)
        .map_err(|p| problems.push(p))
        .ok()
        .map(|mut report| {
            // Field by field, so that `value` can change while the text is read.
            let Parsed {
                name,
                text,
                value,
                positions,
            } = &mut report;
            let mut tidy = tidy(
                Locator {
                    name,
                    text,
                    positions,
                },
                lines,
            );
            fields::visit_report(value, &mut tidy);
            problems.append(&mut tidy.problems);
            report
        });
    let mut countries = Vec::with_capacity(country_files);
    for file in raw.countries {
        match parse::<Country>(file) {
            Ok(mut country) => {
                let Parsed {
                    name,
                    text,
                    value,
                    positions,
                } = &mut country;
                let mut tidy = tidy(
                    Locator {
                        name,
                        text,
                        positions,
                    },
                    lines,
                );
                fields::visit_country(value, &mut tidy);
                problems.append(&mut tidy.problems);
                countries.push(country);
            }
            Err(problem) => problems.push(problem),
        }
    }
    let loaded = report.map(|report| Loaded {
        report,
        countries,
        country_files,
    });
    (loaded, problems)
}

/// Cleans every string of a file by its field's rule and checks lengths
/// and source lines; see [`fields::Tidy`].
fn tidy(place: Locator<'_>, source_lines: Option<usize>) -> Tidy<'_> {
    Tidy {
        place,
        source_lines,
        problems: Vec::new(),
    }
}

/// Parsed files, not yet validated.
pub struct Loaded {
    pub report: Parsed<Report>,
    pub countries: Vec<Parsed<Country>>,
    /// Country files found, including any that failed to parse.
    pub country_files: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    fn problem(json: &str) -> Problem {
        let file = RawFile {
            name: "p.json".into(),
            bytes: Cow::Owned(json.as_bytes().to_vec()),
        };
        match parse::<Paragraph>(file) {
            Ok(_) => panic!("{json} parsed"),
            Err(p) => p,
        }
    }

    #[test]
    fn both_parsing_paths_locate_problems_alike() {
        // The first needs sanitizing (an escape), the second not.
        let slow = problem("{\"text\": \"\\u001b[31m red\",\n \"line\": \"twelve\"}");
        let fast = problem("{\"text\": \"xxxxxxxxxxxxx\",\n \"line\": \"twelve\"}");
        for p in [&slow, &fast] {
            assert_eq!(p.path.as_deref(), Some("line"));
            assert_eq!(p.position, Some((2, 10)));
            assert!(
                p.message.starts_with("invalid type: string \"twelve\""),
                "{}",
                p.message
            );
        }
        let trailing = problem("{\"text\": \"x\", \"line\": 1} extra");
        assert!(trailing
            .message
            .starts_with("invalid JSON: trailing characters"));
    }

    #[test]
    fn a_duplicate_key_is_named_at_its_second_occurrence() {
        let p = problem("{\"text\": \"a\",\n \"line\": 1,\n \"text\": \"b\"}");
        assert_eq!(p.path.as_deref(), Some("text"));
        assert_eq!(p.position, Some((3, 2)));
        assert!(
            p.message.starts_with("duplicate key \"text\""),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_byte_order_mark_is_named() {
        let p = problem("\u{FEFF}{\"text\": \"a\", \"line\": 1}");
        assert_eq!(p.position, Some((1, 1)));
        assert!(p.message.contains("byte order mark"), "{}", p.message);
    }

    #[test]
    fn a_huge_wrong_value_is_not_echoed_whole() {
        let long = "x".repeat(10_000);
        let p = problem(&format!("{{\"text\": \"a\", \"line\": \"{long}\"}}"));
        assert!(p.message.len() < 200, "{}", p.message);
        assert!(p.message.contains("xxx…\""), "{}", p.message);
    }
}
