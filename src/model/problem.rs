//! A problem found in a dataset, located as precisely as the checks allow.

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
}

impl Problem {
    pub fn in_file(file: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            position: None,
            path: None,
            message: message.into(),
        }
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
    fn echoes_are_cut_and_cleaned() {
        let p = Problem {
            file: "x\u{1b}.json".into(),
            position: None,
            path: Some(format!("{}\r", "k".repeat(300))),
            message: format!("unknown field `{}\u{7}`", "f".repeat(100)),
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
