//! `tipx export`: the briefing to standard output, or atomically to a file.

use std::path::Path;

use super::BriefingArg;
use crate::atomic::{self, Existing};
use crate::briefing::{self, BriefingFormat};
use crate::model::{resolve_country, Dataset};

pub struct Request<'a> {
    pub format: Option<BriefingArg>,
    /// As typed: names, codes, initials or prefixes.
    pub countries: &'a [String],
    pub output: Option<&'a Path>,
    pub force: bool,
    /// The reader's notebook, for `--with-notes`.
    pub notes: Option<&'a crate::notebook::Notebook>,
}

/// The format asked for, else the one the output file's extension names,
/// else Markdown.
fn format_of(request: &Request) -> BriefingFormat {
    let from_extension = request
        .output
        .and_then(|path| path.extension())
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase);
    let arg = request.format.or(match from_extension.as_deref() {
        Some("html" | "htm") => Some(BriefingArg::Html),
        Some("json") => Some(BriefingArg::Json),
        _ => None,
    });
    match arg {
        Some(BriefingArg::Json) => BriefingFormat::Json,
        Some(BriefingArg::Html) => BriefingFormat::Html,
        Some(BriefingArg::Md) | None => BriefingFormat::Markdown,
    }
}

/// Writes the briefing; returns it when it goes to standard output.
pub fn run(dataset: &Dataset, request: &Request) -> Result<Option<String>, String> {
    let mut chosen = Vec::new();
    for typed in request.countries {
        let index = resolve_country(&dataset.countries, typed).map_err(|e| e.to_string())?;
        if !chosen.contains(&index) {
            chosen.push(index);
        }
    }
    let contents = briefing::briefing_noted(dataset, &chosen, format_of(request), request.notes);
    let Some(path) = request.output else {
        return Ok(Some(contents));
    };
    let existing = if request.force {
        Existing::Replace
    } else {
        Existing::Keep
    };
    atomic::write(path, existing, contents.as_bytes()).map_err(|e| e.to_string())?;
    Ok(None)
}
