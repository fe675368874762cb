//! The comparison as text (row by row, one line per country, sources
//! inline), GitHub Markdown (a table per group), CSV (one row per row ×
//! country) and JSON (the fixed shape of `tipx compare --format json`).

use std::fmt::Write;

use serde::Serialize;

use super::compare::{Cell, Comparison, Entry, Group, Row};
use super::table::{csv_table, md_cell, md_table, pad, wrap_indented, TEXT_WIDTH};
use crate::model::{Dataset, Source, TierLevel};

/// Shown where a country has nothing on a row.
pub const NOT_IN_REPORT: &str = "not in the report";

/// "line 1033", or "p. 17, line 1033" where the report prints a page.
pub fn cite(source: &Source) -> String {
    match source.page {
        Some(page) => format!("p. {page}, line {}", source.line),
        None => format!("line {}", source.line),
    }
}

/// One entry as a reader sees it: the item id before an item's lead, the
/// figure's label where a cell holds several figures, the year, the source.
fn entry_text(entry: &Entry, several: bool) -> String {
    let mut out = String::new();
    if let Some(item) = entry.item {
        let _ = write!(out, "{}: ", item.item.id);
    }
    out.push_str(&entry.text);
    if let (Some(figure), true) = (entry.figure, several) {
        let _ = write!(out, " ({})", figure.label);
    }
    let year = entry.year.filter(|_| entry.figure.is_some());
    match (year, entry.source) {
        (Some(year), Some(source)) => {
            let _ = write!(out, " ({year}; {})", cite(source));
        }
        (Some(year), None) => {
            let _ = write!(out, " ({year})");
        }
        (None, Some(source)) => {
            let _ = write!(out, " ({})", cite(source));
        }
        (None, None) => {}
    }
    out
}

fn cell_lines(cell: &Cell) -> Vec<String> {
    if cell.is_empty() {
        return vec![NOT_IN_REPORT.to_string()];
    }
    let several = cell.entries.len() > 1;
    cell.entries
        .iter()
        .map(|e| entry_text(e, several))
        .collect()
}

/// Whether the row is the tier row and this cell is on the Watch List: the
/// text output marks it with "!" so that it stands out without colour.
fn watch_listed(dataset: &Dataset, row: &Row, cell: &Cell) -> bool {
    row.group == Group::Profile
        && row.label.starts_with("Tier")
        && dataset.countries[cell.country].tier.level == TierLevel::Tier2WatchList
}

pub fn text(dataset: &Dataset, cmp: &Comparison) -> String {
    let names: Vec<String> = cmp
        .countries
        .iter()
        .map(|&i| {
            format!(
                "{} ({})",
                dataset.countries[i].name, dataset.countries[i].iso3
            )
        })
        .collect();
    let intro = format!(
        "Comparison: {}. \"[differs]\" marks a row whose values are not the same \
         for every country; \"!\" marks the Tier 2 Watch List.",
        names.join(", ")
    );
    let mut out = textwrap::fill(&intro, TEXT_WIDTH);
    out.push('\n');
    let mut last_group = None;
    for row in &cmp.rows {
        if last_group != Some(row.group) {
            let title = row.group.label().to_uppercase();
            let _ = write!(out, "\n{title}\n{}\n", "=".repeat(title.chars().count()));
            last_group = Some(row.group);
        }
        let marker = if row.differs { "  [differs]" } else { "" };
        let _ = writeln!(out, "{}{marker}", row.label);
        for cell in &row.cells {
            let iso = &dataset.countries[cell.country].iso3;
            let flag = if watch_listed(dataset, row, cell) {
                "!"
            } else {
                " "
            };
            for (k, line) in cell_lines(cell).iter().enumerate() {
                let head = if k == 0 {
                    format!("  {flag}{} ", pad(iso, 3))
                } else {
                    " ".repeat(7)
                };
                let wrapped = wrap_indented(line, 7, TEXT_WIDTH);
                out.push_str(&head);
                out.push_str(wrapped.get(7..).unwrap_or_default());
            }
        }
    }
    out
}

pub fn markdown(dataset: &Dataset, cmp: &Comparison) -> String {
    let names: Vec<&str> = cmp
        .countries
        .iter()
        .map(|&i| dataset.countries[i].name.as_str())
        .collect();
    let mut header = vec!["Row"];
    header.extend(names.iter().copied());
    header.push("Differs");
    let mut out = format!("## Comparison: {}\n", md_cell(&names.join(", ")));
    for group in Group::ALL {
        let rows: Vec<Vec<String>> = cmp
            .group(group)
            .map(|row| {
                let mut cells = vec![row.label.clone()];
                cells.extend(row.cells.iter().map(|cell| {
                    let text = cell_lines(cell).join("\n");
                    if watch_listed(dataset, row, cell) {
                        format!("{text} (!)")
                    } else {
                        text
                    }
                }));
                cells.push(if row.differs { "yes" } else { "" }.to_string());
                cells
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "\n### {}\n\n{}",
            group.label(),
            md_table(&header, &rows)
        );
    }
    out.push_str("\n(!) marks the Tier 2 Watch List.\n");
    out
}

/// The CSV header: one row per comparison row × country; `items`, `figures`
/// and `source_lines` hold space-separated lists.
pub const CSV_HEADER: [&str; 12] = [
    "group",
    "label",
    "measure",
    "theme",
    "differs",
    "country",
    "value",
    "number",
    "year",
    "items",
    "figures",
    "source_lines",
];

pub fn csv(dataset: &Dataset, cmp: &Comparison) -> Result<String, String> {
    let mut records = Vec::new();
    for row in &cmp.rows {
        for cell in &row.cells {
            let join = |f: &dyn Fn(&Entry) -> Option<String>| {
                cell.entries
                    .iter()
                    .filter_map(f)
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let year = match cell.entries.as_slice() {
                [one] => one.year.map(|y| y.to_string()),
                _ => None,
            };
            records.push(vec![
                row.group.key().to_string(),
                row.label.clone(),
                row.measure.unwrap_or_default().to_string(),
                row.theme.unwrap_or_default().to_string(),
                row.differs.to_string(),
                dataset.countries[cell.country].id.clone(),
                cell.value().unwrap_or_default(),
                cell.number().map(|n| n.to_string()).unwrap_or_default(),
                year.unwrap_or_default(),
                join(&|e| e.item.map(|i| i.item.id.clone())),
                join(&|e| e.figure.map(|f| f.id.clone())),
                join(&|e| e.source.map(|s| s.line.to_string())),
            ]);
        }
    }
    csv_table(&CSV_HEADER, &records)
}

#[derive(Serialize)]
struct JsonComparison<'a> {
    countries: Vec<JsonCountry<'a>>,
    rows: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonCountry<'a> {
    id: &'a str,
    name: &'a str,
    iso3: &'a str,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    group: &'static str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    measure: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    theme: Option<&'a str>,
    cells: Vec<JsonCell<'a>>,
    differs: bool,
}

#[derive(Serialize)]
struct JsonCell<'a> {
    country: &'a str,
    /// As printed; absent where the report has nothing for the country.
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    /// Item ids, on the item rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<Vec<&'a str>>,
    /// Key figure ids, on the figure rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    figures: Option<Vec<&'a str>>,
    /// Where the value comes from, when it comes from one place.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a Source>,
    /// Where each entry comes from, when the cell holds several.
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<Vec<&'a Source>>,
}

fn json_cell<'a>(dataset: &'a Dataset, row: &Row<'a>, cell: &Cell<'a>) -> JsonCell<'a> {
    let sources: Vec<&Source> = cell.entries.iter().filter_map(|e| e.source).collect();
    let (source, sources) = match sources.as_slice() {
        [] => (None, None),
        [one] => (Some(*one), None),
        _ => (None, Some(sources)),
    };
    let items = row.theme.map(|_| {
        cell.entries
            .iter()
            .filter_map(|e| e.item.map(|i| i.item.id.as_str()))
            .collect()
    });
    let figures = row.measure.map(|_| {
        cell.entries
            .iter()
            .filter_map(|e| e.figure.map(|f| f.id.as_str()))
            .collect()
    });
    let year = match cell.entries.as_slice() {
        [one] if row.group != Group::Profile => one.year,
        _ => None,
    };
    JsonCell {
        country: &dataset.countries[cell.country].id,
        value: cell.value(),
        number: cell.number(),
        year,
        items,
        figures,
        source,
        sources,
    }
}

pub fn json(dataset: &Dataset, cmp: &Comparison) -> String {
    let countries = cmp
        .countries
        .iter()
        .map(|&i| {
            let c = &dataset.countries[i];
            JsonCountry {
                id: &c.id,
                name: &c.name,
                iso3: &c.iso3,
            }
        })
        .collect();
    let rows = cmp
        .rows
        .iter()
        .map(|row| JsonRow {
            group: row.group.key(),
            label: &row.label,
            measure: row.measure,
            theme: row.theme,
            cells: row
                .cells
                .iter()
                .map(|cell| json_cell(dataset, row, cell))
                .collect(),
            differs: row.differs,
        })
        .collect();
    let value = JsonComparison { countries, rows };
    // Serializing plain data into a String cannot fail.
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn text_lines_fit_80_columns_and_empty_cells_say_so() {
        let dataset = Dataset::embedded().expect("the embedded dataset loads");
        let cmp = Comparison::new(&dataset, &[0, 1, 2, 3, 4]);
        let out = text(&dataset, &cmp);
        for line in out.lines() {
            assert!(line.width() <= TEXT_WIDTH, "{line:?}");
        }
        assert!(out.contains(NOT_IN_REPORT));
        assert!(out.contains("  !DOM Tier 2 Watch List"), "{out}");
    }
}
