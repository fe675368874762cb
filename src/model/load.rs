//! Reading a dataset, from the copy embedded in the binary or from a
//! directory, into typed values; every file's problems are collected rather
//! than stopping at the first.

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
pub const SOURCE_FILE: &str = "source/lac-tip-review.txt";

/// One dataset file's bytes and the name to report it under.
pub struct RawFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files of a dataset, before parsing.
pub struct RawDataset {
    pub report: RawFile,
    pub countries: Vec<RawFile>,
    pub source_text: Option<String>,
}

/// A parsed file with its text, kept so that later checks can locate paths.
pub struct Parsed<T> {
    pub name: String,
    pub text: String,
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
        let base = self.name.rsplit('/').next().unwrap_or(&self.name);
        base.strip_suffix(".json").unwrap_or(base)
    }
}

pub fn read_embedded() -> RawDataset {
    let file = |path: &str| RawFile {
        name: format!("<embedded>/{path}"),
        bytes: EMBEDDED
            .get_file(path)
            .map(|f| f.contents().to_vec())
            .unwrap_or_default(),
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
        source_text: EMBEDDED
            .get_file(SOURCE_FILE)
            .and_then(|f| f.contents_utf8())
            .map(str::to_string),
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
            bytes,
        },
        Err(e) => {
            problems.push(Problem::in_file(
                shown(&path),
                format!("cannot read: {e}; expected a readable JSON file"),
            ));
            RawFile {
                name: shown(&path),
                bytes: Vec::new(),
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
    Ok(RawDataset {
        report,
        countries,
        source_text: std::fs::read_to_string(dir.join(SOURCE_FILE)).ok(),
    })
}

/// Parses one file: UTF-8, JSON syntax, then the typed shape. Strings are
/// sanitized between the last two steps.
pub fn parse<T: DeserializeOwned>(file: RawFile) -> Result<Parsed<T>, Problem> {
    let text = match String::from_utf8(file.bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
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
    let mut value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            return Err(Problem {
                file: file.name,
                // serde_json counts columns in bytes; every other position here is in characters.
                position: Some(line_col(&text, byte_offset(&text, e.line(), e.column()))),
                path: None,
                message: format!("invalid JSON: {}", strip_position(&e.to_string())),
            });
        }
    };
    sanitize::clean_json(&mut value);
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(value) => Ok(Parsed {
            name: file.name,
            text,
            value,
        }),
        Err(e) => {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            let message = e.into_inner().to_string();
            Err(Problem {
                position: locate(&text, &parse_path(&path)),
                file: file.name,
                path: Some(path),
                message,
            })
        }
    }
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
        source_text: raw.source_text,
    });
    (loaded, problems)
}

/// Parsed files, not yet validated.
pub struct Loaded {
    pub report: Parsed<Report>,
    pub countries: Vec<Parsed<Country>>,
    /// Country files found, including any that failed to parse.
    pub country_files: usize,
    pub source_text: Option<String>,
}
