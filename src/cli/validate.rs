//! `tipx validate --format json`: the problems as objects, for editors and CI.

use std::path::Path;

use serde::Serialize;

use crate::export::to_json;
use crate::model::{Dataset, Problem};
use crate::sanitize::clean;

#[derive(Serialize)]
struct Report {
    valid: bool,
    countries: Option<usize>,
    searchable_entries: Option<usize>,
    problems: Vec<JsonProblem>,
}

#[derive(Serialize)]
struct JsonProblem {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    /// The JSON path of the value, where the problem has one.
    path: Option<String>,
    message: String,
}

impl From<&Problem> for JsonProblem {
    // Cleaned as the text form is: a file name or serde's echo of a value
    // may hold control characters.
    fn from(p: &Problem) -> JsonProblem {
        JsonProblem {
            file: clean(&p.file).into_owned(),
            line: p.position.map(|(line, _)| line),
            column: p.position.map(|(_, column)| column),
            path: p
                .path
                .as_deref()
                .filter(|p| !p.is_empty())
                .map(|p| clean(p).into_owned()),
            message: clean(&p.message).into_owned(),
        }
    }
}

/// The report as JSON, and how many problems it lists.
pub fn json(dir: Option<&Path>) -> (String, usize) {
    let loaded = match dir {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    };
    let report = match loaded {
        Ok(dataset) => Report {
            valid: true,
            countries: Some(dataset.countries.len()),
            searchable_entries: Some(dataset.search.len()),
            problems: Vec::new(),
        },
        Err(problems) => Report {
            valid: false,
            countries: None,
            searchable_entries: None,
            problems: problems.0.iter().map(JsonProblem::from).collect(),
        },
    };
    let count = report.problems.len();
    (to_json(&report), count)
}
