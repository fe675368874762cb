//! Parsing a dataset's files into typed values, their strings cleaned;
//! every file's problems are collected rather than stopping at the first.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::fields::{self, Tidy};
use super::locate::{line_col, locate, locate_duplicate_key, parse_path, Positions};
use super::problem::{Problem, ProblemList};
pub use super::read::{read_dir, read_embedded, RawDataset, RawFile};
use super::types::{Country, Report};
use crate::sanitize;

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
        // Path, not '/': on Windows a --data folder's files are named with '\'.
        let base = Path::new(&self.name)
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or(&self.name);
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
            unlisted: 0,
        }
    }
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
        unlisted: 0,
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
                unlisted: 0,
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
            unlisted: 0,
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
                unlisted: 0,
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
        unlisted: 0,
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
            problems.extend(tidy.problems.into_vec());
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
                problems.extend(tidy.problems.into_vec());
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
        problems: ProblemList::default(),
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
