//! A problem found in a dataset, located as precisely as the checks allow.

use std::collections::HashMap;
use std::fmt;

use crate::sanitize::{clean, shorten, shorten_quoted};

/// How much of a path or an echoed value a problem repeats: a 50 MB key or
/// value must not become a 50 MB message.
const ECHO_CHARS: usize = 60;
const PATH_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user would name it (`data/countries/ecuador.json`).
    pub file: String,
    /// 1-based line and column, where known.
    pub position: Option<(usize, usize)>,
    /// The JSON path of the offending value (`lessons_learned[2].themes[0]`).
    pub path: Option<String>,
    pub message: String,
    /// Problems of this file found after the listed ones and left out: 0
    /// on a problem, the count on the one line that stands for them.
    pub unlisted: usize,
}

impl Problem {
    pub fn in_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            position: None,
            path: None,
            message: message.into(),
            unlisted: 0,
        }
    }

    /// The line that stands for `count` problems of `file` left out.
    fn unlisted(file: String, count: usize) -> Self {
        Problem {
            unlisted: count,
            ..Problem::in_file(
                file,
                format!(
                    "and {count} more problem{} in this file, not listed (a check lists at most {MAX_LISTED_PER_FILE} a file); fix these and validate again",
                    if count == 1 { "" } else { "s" }
                ),
            )
        }
    }
}

/// Problems of one file listed by each check, loading or validating: a
/// hostile 2 MiB file can hold half a million, which listed would cost
/// hundreds of MB and be of no use to anyone.
pub const MAX_LISTED_PER_FILE: usize = 100;

/// Collects problems, keeping at most [`MAX_LISTED_PER_FILE`] of each file
/// and counting the rest.
#[derive(Debug, Default)]
pub struct ProblemList {
    kept: Vec<Problem>,
    /// file -> problems found in it
    found: HashMap<String, usize>,
}

impl ProblemList {
    /// Whether a problem of `file` would be left out: so that a check can
    /// skip building it, which costs a lookup of where it is.
    pub fn is_full(&self, file: &str) -> bool {
        self.found
            .get(file)
            .is_some_and(|&n| n >= MAX_LISTED_PER_FILE)
    }

    /// Counts a problem of `file` that is left out unbuilt.
    pub fn skip(&mut self, file: &str) {
        match self.found.get_mut(file) {
            Some(n) => *n += 1,
            None => {
                self.found.insert(file.to_string(), 1);
            }
        }
    }

    pub fn push(&mut self, problem: Problem) {
        let full = self.is_full(&problem.file);
        self.skip(&problem.file);
        if !full {
            self.kept.push(problem);
        }
    }

    /// The problems kept, each file's last one followed by a line for those
    /// of the file left out.
    pub fn into_vec(self) -> Vec<Problem> {
        let ProblemList { kept, found } = self;
        let mut last: HashMap<String, usize> = HashMap::new();
        for (i, problem) in kept.iter().enumerate() {
            last.insert(problem.file.clone(), i);
        }
        let mut out = Vec::with_capacity(kept.len());
        for (i, problem) in kept.into_iter().enumerate() {
            let file = problem.file.clone();
            out.push(problem);
            let left_out = found[&file].saturating_sub(MAX_LISTED_PER_FILE);
            if last[&file] == i && left_out > 0 {
                out.push(Problem::unlisted(file, left_out));
            }
        }
        out
    }
}

// A file name, a JSON key in a path or serde's echo of a bad value can carry
// control characters and be of any length; a problem report must not be able
// to act on the terminal, and stays one line of readable length.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", clean(&self.file))?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": ")?;
        if let Some(path) = self.path.as_deref().filter(|p| !p.is_empty()) {
            write!(f, "{}: ", clean(&shorten(path, PATH_CHARS)))?;
        }
        write!(f, "{}", clean(&shorten_quoted(&self.message, ECHO_CHARS)))
    }
}

/// Every problem found in a dataset; loading fails with all of them at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// How many problems were found, listed or not.
    pub fn count(&self) -> usize {
        self.0
            .iter()
            .map(|p| if p.unlisted > 0 { p.unlisted } else { 1 })
            .sum()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_file_line_column_path_and_message() {
        let p = Problem {
            file: "data/countries/x.json".into(),
            position: Some((12, 5)),
            path: Some("lessons_learned[0].themes[1]".into()),
            message: "unknown theme \"foo\"".into(),
            unlisted: 0,
        };
        assert_eq!(
            p.to_string(),
            "data/countries/x.json:12:5: lessons_learned[0].themes[1]: unknown theme \"foo\""
        );
        assert_eq!(
            Problem::in_file("data", "no such directory").to_string(),
            "data: no such directory"
        );
    }

    #[test]
    fn a_file_lists_its_first_problems_and_counts_the_rest() {
        let mut list = ProblemList::default();
        for i in 0..MAX_LISTED_PER_FILE + 5 {
            list.push(Problem::in_file("a.json", format!("problem {i}")));
            list.push(Problem::in_file("b.json", "one"));
        }
        list.push(Problem::in_file("c.json", "alone"));
        let problems = Problems(list.into_vec());
        let a: Vec<&Problem> = problems.0.iter().filter(|p| p.file == "a.json").collect();
        assert_eq!(a.len(), MAX_LISTED_PER_FILE + 1);
        assert_eq!(a[MAX_LISTED_PER_FILE].unlisted, 5);
        assert!(a[MAX_LISTED_PER_FILE]
            .to_string()
            .starts_with("a.json: and 5 more problems in this file, not listed"));
        assert_eq!(problems.count(), 2 * (MAX_LISTED_PER_FILE + 5) + 1);
        assert_eq!(problems.0.last().map(|p| p.message.as_str()), Some("alone"));
    }

    #[test]
    fn echoes_are_cut_and_cleaned() {
        let p = Problem {
            file: "x\u{1b}.json".into(),
            position: None,
            path: Some(format!("{}\r", "k".repeat(300))),
            message: format!("unknown field `{}\u{7}`", "f".repeat(100)),
            unlisted: 0,
        };
        let shown = p.to_string();
        assert_eq!(
            shown,
            format!(
                "x.json: {}…: unknown field `{}…`",
                "k".repeat(PATH_CHARS),
                "f".repeat(ECHO_CHARS)
            )
        );
    }
}
