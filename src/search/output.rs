//! What `tipx search` prints: each hit with where it is in the report (its
//! source line), as text to read or JSON for scripts.

use std::fmt::Write;

use serde::Serialize;

use super::{Hit, Rank};
use crate::model::Dataset;

/// Per hit: a head line (kind, context, source line, what kind of match),
/// then the text, indented.
pub fn text(dataset: &Dataset, hits: &[Hit]) -> String {
    let mut out = String::new();
    for hit in hits {
        let e = &dataset.search[hit.entry];
        let _ = write!(out, "[{}] {}", e.kind, e.context);
        if let Some(line) = e.line {
            let _ = write!(out, " · line {line}");
        }
        if hit.rank.words < hit.rank.of {
            let _ = write!(out, " · {} of {} words", hit.rank.words, hit.rank.of);
        }
        if hit.loose {
            out.push_str(" · letters in order only");
        }
        out.push('\n');
        for line in e.text.lines() {
            match line {
                "" => out.push('\n'),
                line => {
                    let _ = writeln!(out, "    {line}");
                }
            }
        }
    }
    out
}

#[derive(Serialize)]
struct JsonHit<'a> {
    /// The country's id; null for the regional parts of the report.
    country: Option<&'a str>,
    section: &'a str,
    item: Option<&'a str>,
    kind: &'static str,
    line: Option<u32>,
    score: i64,
    context: &'a str,
    text: &'a str,
    /// Byte ranges `[start, end)` of `text` that matched, sorted.
    matches: Vec<[usize; 2]>,
    /// True when a query word matched only by its letters in order.
    loose: bool,
    rank: JsonRank,
}

#[derive(Serialize)]
struct JsonRank {
    words: u8,
    of: u8,
    typos: u8,
    proximity: u16,
    exactness: u16,
    field: u16,
}

impl From<Rank> for JsonRank {
    fn from(r: Rank) -> Self {
        JsonRank {
            words: r.words,
            of: r.of,
            typos: r.typos,
            proximity: r.proximity,
            exactness: r.exactness,
            field: r.field,
        }
    }
}

pub fn json(dataset: &Dataset, hits: &[Hit]) -> String {
    let rows: Vec<JsonHit> = hits
        .iter()
        .map(|hit| {
            let e = &dataset.search[hit.entry];
            JsonHit {
                country: e.country.map(|c| dataset.countries[c].id.as_str()),
                section: &e.section,
                item: e.item.as_deref(),
                kind: e.kind.label(),
                line: e.line,
                score: hit.score,
                context: &e.context,
                text: &e.text,
                matches: hit.highlights.iter().map(|r| [r.start, r.end]).collect(),
                loose: hit.loose,
                rank: hit.rank.into(),
            }
        })
        .collect();
    // Serializing plain data into a String cannot fail.
    serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
}
