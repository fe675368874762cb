//! The notebook listed: grouped by country (the regional parts first, as
//! the report reads, detached notes last) and by section, each entry with
//! its place's first words and source line. Text, JSON, Markdown and CSV,
//! shared by `tipx notes` and the explorer's notebook overlay.

use std::collections::HashMap;
use std::fmt::Write;

use serde::Serialize;

use super::{Catalog, Entry, Notebook, Place};
use crate::model::Dataset;

/// Words of a place's text shown beside its entry.
pub const FIRST_WORDS: usize = 12;

/// The heading of the group of notes whose place left the dataset.
pub const DETACHED: &str = "Detached (no longer in the dataset)";

/// One entry with its place in the dataset (`None`: detached).
#[derive(Debug, Clone)]
pub struct Row<'n, 'd> {
    pub entry: &'n Entry,
    pub place: Option<&'n Place<'d>>,
}

impl Row<'_, '_> {
    pub fn is_detached(&self) -> bool {
        self.place.is_none()
    }

    /// The place's text now, or the text the entry was written on.
    pub fn text(&self) -> &str {
        self.place.map_or(&self.entry.written_on, |p| p.text)
    }

    pub fn context(&self) -> &str {
        self.place.map_or(&self.entry.context, |p| p.context)
    }

    pub fn line(&self) -> Option<u32> {
        self.place.map_or(self.entry.line, |p| p.line)
    }
}

/// Entries of one country (or the region, or the detached) in one section.
#[derive(Debug, Clone)]
pub struct Group<'n, 'd> {
    /// "Ecuador", "Region" or [`DETACHED`].
    pub country: String,
    /// The report's section ("III › Ecuador › Recommendations"); empty for
    /// detached entries.
    pub section: String,
    pub rows: Vec<Row<'n, 'd>>,
}

/// The notebook's entries grouped as the report reads.
pub fn grouped<'n, 'd>(
    data: &Dataset,
    notebook: &'n Notebook,
    catalog: &'n Catalog<'d>,
) -> Vec<Group<'n, 'd>> {
    let mut rows: Vec<Row> = notebook
        .entries()
        .map(|entry| Row {
            entry,
            place: catalog.place(&entry.id),
        })
        .collect();
    // Region first, then the countries in the dataset's order, detached
    // last; within each, sections in the order the report reaches them
    // (a section's first entry), so that a section is one group.
    let country_rank = |row: &Row| match row.place {
        Some(place) => place.country.map_or(0, |c| c + 1),
        None => usize::MAX,
    };
    fn section<'d>(row: &Row<'_, 'd>) -> &'d str {
        row.place.map_or("", |p| p.section)
    }
    let mut section_start: HashMap<(usize, &str), u32> = HashMap::new();
    for row in &rows {
        let start = section_start
            .entry((country_rank(row), section(row)))
            .or_insert(u32::MAX);
        *start = (*start).min(row.line().unwrap_or(0));
    }
    rows.sort_by_key(|row| {
        let key = (country_rank(row), section(row));
        (
            key.0,
            section_start[&key],
            key.1,
            row.line(),
            row.entry.id.clone(),
        )
    });
    let mut groups: Vec<Group> = Vec::new();
    for row in rows {
        let (country, section) = match row.place {
            Some(place) => (
                place
                    .country
                    .map_or("Region", |c| data.countries[c].name.as_str())
                    .to_string(),
                place.section.to_string(),
            ),
            None => (DETACHED.to_string(), String::new()),
        };
        match groups.last_mut() {
            Some(g) if g.country == country && g.section == section => g.rows.push(row),
            _ => groups.push(Group {
                country,
                section,
                rows: vec![row],
            }),
        }
    }
    groups
}

/// The first words of a text, on one line, with an ellipsis if cut.
pub fn first_words(text: &str, words: usize) -> String {
    let mut all = text.split_whitespace();
    let kept: Vec<&str> = all.by_ref().take(words).collect();
    let mut out = kept.join(" ");
    if all.next().is_some() {
        out.push('…');
    }
    out
}

/// "★ ✎" for a bookmarked, annotated entry.
pub fn marks(entry: &Entry) -> &'static str {
    match (entry.bookmark, entry.note.is_empty()) {
        (true, false) => "★ ✎",
        (true, true) => "★",
        (false, _) => "✎",
    }
}

fn where_of(row: &Row) -> String {
    match row.line() {
        Some(line) => format!("{} · line {line}", row.context()),
        None => row.context().to_string(),
    }
}

pub fn text(groups: &[Group]) -> String {
    let mut out = String::new();
    let mut country = None;
    for group in groups {
        if country != Some(&group.country) {
            let _ = writeln!(out, "{}", group.country);
            country = Some(&group.country);
        }
        if !group.section.is_empty() {
            let _ = writeln!(out, "  {}", group.section);
        }
        for row in &group.rows {
            let entry = row.entry;
            let _ = writeln!(out, "    {} {} · {}", marks(entry), entry.id, where_of(row));
            let _ = writeln!(out, "      “{}”", first_words(row.text(), FIRST_WORDS));
            for line in entry.note.lines() {
                let _ = writeln!(out, "      {line}");
            }
        }
    }
    out
}

pub fn markdown(groups: &[Group]) -> String {
    let mut out = String::from("# Field notebook\n");
    let mut country = None;
    for group in groups {
        if country != Some(&group.country) {
            let _ = write!(out, "\n## {}\n", group.country);
            country = Some(&group.country);
        }
        if !group.section.is_empty() {
            let _ = write!(out, "\n### {}\n", group.section);
        }
        for row in &group.rows {
            let entry = row.entry;
            let bookmark = if entry.bookmark { " ★" } else { "" };
            let _ = write!(
                out,
                "\n- **{}**{bookmark} (`{}`)\n\n  > {}\n",
                where_of(row),
                entry.id,
                first_words(row.text(), FIRST_WORDS)
            );
            if !entry.note.is_empty() {
                out.push('\n');
                for line in entry.note.lines() {
                    let _ = writeln!(out, "  {line}");
                }
            }
        }
    }
    out
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    id: &'a str,
    bookmark: bool,
    note: &'a str,
    /// The country's id; null for the regional parts and detached entries.
    country: Option<&'a str>,
    section: &'a str,
    context: &'a str,
    line: Option<u32>,
    detached: bool,
    /// The place's text (for a detached entry, the text it was written on).
    text: &'a str,
}

fn json_rows<'a>(data: &'a Dataset, groups: &'a [Group]) -> Vec<JsonEntry<'a>> {
    groups
        .iter()
        .flat_map(|g| g.rows.iter().map(move |row| (g, row)))
        .map(|(group, row)| JsonEntry {
            id: &row.entry.id,
            bookmark: row.entry.bookmark,
            note: &row.entry.note,
            country: row
                .place
                .and_then(|p| p.country)
                .map(|c| data.countries[c].id.as_str()),
            section: &group.section,
            context: row.context(),
            line: row.line(),
            detached: row.is_detached(),
            text: row.text(),
        })
        .collect()
}

pub fn json(data: &Dataset, groups: &[Group]) -> String {
    // Plain data into a String cannot fail.
    serde_json::to_string_pretty(&json_rows(data, groups)).unwrap_or_default() + "\n"
}

pub fn csv(data: &Dataset, groups: &[Group]) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| e.to_string();
    writer
        .write_record([
            "id",
            "bookmark",
            "note",
            "country",
            "section",
            "context",
            "line",
            "detached",
            "first_words",
        ])
        .map_err(fail)?;
    for row in json_rows(data, groups) {
        writer
            .write_record([
                row.id,
                if row.bookmark { "true" } else { "false" },
                row.note,
                row.country.unwrap_or(""),
                row.section,
                row.context,
                &row.line.map(|l| l.to_string()).unwrap_or_default(),
                if row.detached { "true" } else { "false" },
                &first_words(row.text, FIRST_WORDS),
            ])
            .map_err(fail)?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
