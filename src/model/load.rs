//! Reading a dataset, from the copy embedded in the binary or from a
//! directory, into typed values; every file's problems are collected rather
//! than stopping at the first.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde::de::DeserializeOwned;

use super::locate::{line_col, locate, parse_path};
use super::problem::{Problem, Problems};
use super::types::{Country, Report};
use crate::sanitize;

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/data");

pub const REPORT_FILE: &str = "report.json";
pub const COUNTRIES_DIR: &str = "countries";

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
}

/// A parsed file with its text, kept so that later checks can locate paths.
pub struct Parsed<T> {
    pub name: String,
    pub text: Cow<'static, str>,
    pub value: T,
}

impl<T> Parsed<T> {
    /// A problem at `path` in this file, located by line and column.
    pub fn problem(&self, path: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: self.name.clone(),
            position: locate(&self.text, &parse_path(path)),
            path: Some(path.to_string()),
            message: message.into(),
        }
    }

    /// The file's name without directory and `.json`.
    pub fn stem(&self) -> &str {
        // Path, not '/': on Windows a --data folder's files are named with '\'.
        let base = Path::new(&self.name)
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or(&self.name);
        base.strip_suffix(".json").unwrap_or(base)
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
    }
}

pub fn read_dir(dir: &Path) -> Result<RawDataset, Problems> {
    let shown = |p: &Path| p.display().to_string();
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a directory; expected a dataset directory with report.json and countries/"
        } else {
            "no such directory; expected a dataset directory with report.json and countries/"
        };
        return Err(Problems(vec![Problem::in_file(shown(dir), why)]));
    }
    let mut problems = Vec::new();
    let read = |path: PathBuf, problems: &mut Vec<Problem>| match std::fs::read(&path) {
        Ok(bytes) => RawFile {
            name: shown(&path),
            bytes: Cow::Owned(bytes),
        },
        Err(e) => {
            problems.push(Problem::in_file(
                shown(&path),
                format!("cannot read: {e}; expected a readable JSON file"),
            ));
            RawFile {
                name: shown(&path),
                bytes: Cow::Owned(Vec::new()),
            }
        }
    };
    let report = read(dir.join(REPORT_FILE), &mut problems);
    let countries_dir = dir.join(COUNTRIES_DIR);
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&countries_dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect(),
        Err(e) => {
            problems.push(Problem::in_file(
                shown(&countries_dir),
                format!("cannot read the countries directory: {e}; expected countries/ with one <id>.json per country"),
            ));
            Vec::new()
        }
    };
    paths.sort();
    let countries = paths.into_iter().map(|p| read(p, &mut problems)).collect();
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    Ok(RawDataset { report, countries })
}

/// Parses one file: UTF-8, JSON syntax, then the typed shape. Strings are
/// sanitized between the last two steps.
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
    if text.trim().is_empty() {
        return Err(Problem {
            file: file.name,
            position: Some((1, 1)),
            path: None,
            message: "the file is empty; expected a JSON object".into(),
        });
    }
    let parsed = if sanitize::is_clean_json(&text) {
        parse_typed(&text)
    } else {
        parse_cleaned(&text)
    };
    match parsed {
        Ok(value) => Ok(Parsed {
            name: file.name,
            text,
            value,
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
            Err(Problem {
                position: locate(&text, &parse_path(&path)),
                file: file.name,
                path: Some(path),
                message,
            })
        }
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

/// The fast path, for text with nothing to sanitize: straight into the
/// type. Tracking the JSON path costs as much as the parse, so it is done
/// only again, when the parse failed.
fn parse_typed<T: DeserializeOwned>(text: &str) -> Result<T, Failure> {
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_data() {
            let message = strip_position(&inner.to_string()).to_string();
            Failure::Shape { path, message }
        } else {
            Failure::Syntax(inner)
        }
    })?;
    de.end().map_err(Failure::Syntax)?;
    Ok(value)
}

/// Through a JSON value, whose strings are sanitized before they are typed.
fn parse_cleaned<T: DeserializeOwned>(text: &str) -> Result<T, Failure> {
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(Failure::Syntax)?;
    sanitize::clean_json(&mut value);
    serde_path_to_error::deserialize(value).map_err(|e| Failure::Shape {
        path: e.path().to_string(),
        message: e.into_inner().to_string(),
    })
}

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
    let report = parse::<Report>(raw.report)
        .map_err(|p| problems.push(p))
        .ok();
    let countries: Vec<Parsed<Country>> = raw
        .countries
        .into_iter()
        .filter_map(|f| parse::<Country>(f).map_err(|p| problems.push(p)).ok())
        .collect();
    let loaded = report.map(|report| Loaded {
        report,
        countries,
        country_files,
    });
    (loaded, problems)
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
    fn sanitized_on_the_slow_path() {
        let file = RawFile {
            name: "p.json".into(),
            bytes: Cow::Borrowed(b"{\"text\": \"a\\u001b[2Jb\", \"line\": 3}"),
        };
        let parsed = parse::<Paragraph>(file).unwrap();
        assert_eq!(parsed.value.text, "a[2Jb");
    }
}
