//! The matrix as text (a grid of counts with a legend), GitHub Markdown,
//! CSV (one row per theme × column) and JSON (the fixed shape of
//! `tipx matrix --format json`).

use std::fmt::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::matrix::{Column, KindFilter, Matrix};
use super::table::{csv_table, md_table, pad, pad_left, truncate, TEXT_WIDTH};
use super::{Kind, Owner};

/// The kinds a column shows, as letters with counts: "R2 B1", empty "-".
fn letters(matrix: &Matrix, row: usize, column: usize) -> String {
    let cell = &matrix.rows[row].cells[column];
    let owner = matrix.columns[column].owner();
    let parts: Vec<String> = matrix
        .filter
        .kinds(owner)
        .into_iter()
        .filter(|&k| cell.count(k) > 0)
        .map(|k| format!("{}{}", k.letter(), cell.count(k)))
        .collect();
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join(" ")
    }
}

/// What the grid's letters and totals mean; `none` is the glyph of an
/// empty count.
fn legend(filter: KindFilter, none: &str) -> String {
    let shown = match filter {
        KindFilter::All => {
            "R recommendations, B best practices, L lessons learned; the synthesis \
             (SYN) has R recommendations, B best practices, C challenges"
        }
        KindFilter::Recommendations => "recommendations only",
        KindFilter::BestPractices => "best practices only",
        KindFilter::Lessons => {
            "lessons learned only; for the synthesis (SYN), its challenges, \
             the nearest it has to lessons learned"
        }
    };
    format!(
        "Counts of items per theme: {shown}. \"{none}\" none. \"Countries\": how many \
         countries have something on the theme (the synthesis not counted). \
         \"Themes covered\": how many themes a column has something on. Themes \
         below the report's six are editorial tags, not the report's."
    )
}

/// A grid that fits 80 columns: ISO codes as headings, one count per kind.
pub fn text(matrix: &Matrix) -> String {
    let kinds_of = |c: &Column| matrix.filter.kinds(c.owner());
    let digits = matrix
        .rows
        .iter()
        .flat_map(|r| r.cells.iter().flat_map(|c| Kind::ALL.map(|k| c.count(k))))
        .max()
        .unwrap_or(0)
        .to_string()
        .len();
    let cell_width = |c: &Column| {
        let k = kinds_of(c).len().max(1);
        (k * digits + k - 1).max(c.short().width())
    };
    let widths: Vec<usize> = matrix.columns.iter().map(cell_width).collect();
    let total_label = "Countries";
    let grid: usize = widths.iter().map(|w| w + 2).sum::<usize>() + 2 + total_label.len();
    let label_width = TEXT_WIDTH.saturating_sub(grid).max(16);

    let mut out = format!(
        "Recommendation matrix: themes × countries ({})\n\n",
        matrix.filter.label()
    );
    let mut heading = pad("", label_width);
    let mut letters_line = pad("Theme", label_width);
    for (column, w) in matrix.columns.iter().zip(&widths) {
        let _ = write!(heading, "  {}", pad_left(column.short(), *w));
        let letters: Vec<String> = kinds_of(column)
            .iter()
            .map(|k| pad_left(&k.letter().to_string(), digits))
            .collect();
        let _ = write!(letters_line, "  {}", pad_left(&letters.join(" "), *w));
    }
    let _ = writeln!(heading, "  {total_label}");
    out.push_str(heading.trim_end());
    out.push('\n');
    out.push_str(letters_line.trim_end());
    out.push('\n');

    let mut truncated = Vec::new();
    let mut last_group = None;
    for (r, row) in matrix.rows.iter().enumerate() {
        if last_group != Some(row.theme.report) {
            out.push_str(if row.theme.report {
                "-- The report's six themes --\n"
            } else {
                "-- Editorial themes (not the report's) --\n"
            });
            last_group = Some(row.theme.report);
        }
        let label = truncate(&row.theme.label, label_width);
        if label != row.theme.label {
            truncated.push(row.theme.label.as_str());
        }
        let mut line = pad(&label, label_width);
        for (c, (column, w)) in matrix.columns.iter().zip(&widths).enumerate() {
            let cell = &row.cells[c];
            let counts: Vec<String> = kinds_of(column)
                .iter()
                .map(|&k| match cell.count(k) {
                    0 => pad_left(".", digits),
                    n => pad_left(&n.to_string(), digits),
                })
                .collect();
            let _ = write!(line, "  {}", pad_left(&counts.join(" "), *w));
        }
        let reached = format!("{}/{}", matrix.countries_reached(r), matrix.country_count());
        let _ = write!(line, "  {}", pad_left(&reached, total_label.len()));
        out.push_str(&line);
        out.push('\n');
    }
    let mut totals = pad("Themes covered", label_width);
    for (c, w) in widths.iter().enumerate() {
        let _ = write!(
            totals,
            "  {}",
            pad_left(&matrix.themes_covered(c).to_string(), *w)
        );
    }
    out.push_str(&totals);
    out.push_str("\n\n");
    out.push_str(&textwrap::fill(&legend(matrix.filter, "."), TEXT_WIDTH));
    out.push('\n');
    if !truncated.is_empty() {
        let full = format!("Themes in full: {}.", truncated.join("; "));
        out.push_str(&textwrap::fill(&full, TEXT_WIDTH));
        out.push('\n');
    }
    out
}

/// A GitHub table: full names as headings, letters with counts in cells.
pub fn markdown(matrix: &Matrix) -> String {
    let mut header = vec!["Theme", "Tag"];
    header.extend(matrix.columns.iter().map(|c| c.name()));
    header.push("Countries");
    let mut rows: Vec<Vec<String>> = matrix
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let tag = if row.theme.report {
                "report"
            } else {
                "editorial"
            };
            let mut cells = vec![row.theme.label.clone(), tag.to_string()];
            cells.extend((0..matrix.columns.len()).map(|c| letters(matrix, r, c)));
            cells.push(format!(
                "{} of {}",
                matrix.countries_reached(r),
                matrix.country_count()
            ));
            cells
        })
        .collect();
    let mut totals = vec!["Themes covered".to_string(), String::new()];
    totals.extend((0..matrix.columns.len()).map(|c| matrix.themes_covered(c).to_string()));
    totals.push(String::new());
    rows.push(totals);
    let legend = legend(matrix.filter, "-");
    format!(
        "## Recommendation matrix ({})\n\n{}\n{}\n",
        matrix.filter.label(),
        md_table(&header, &rows),
        super::table::md_cell(&legend)
    )
}

/// The CSV header: one row per theme × column (the countries, then the
/// synthesis as "synthesis"); item ids separated by spaces.
pub const CSV_HEADER: [&str; 9] = [
    "theme",
    "theme_label",
    "regional",
    "country",
    "country_name",
    "recommendations",
    "best_practices",
    "lessons_learned",
    "challenges",
];

pub fn csv(matrix: &Matrix) -> Result<String, String> {
    let mut rows = Vec::new();
    for row in &matrix.rows {
        for (cell, column) in row.cells.iter().zip(&matrix.columns) {
            let mut record = vec![
                row.theme.id.clone(),
                row.theme.label.clone(),
                row.theme.report.to_string(),
                column.id().to_string(),
                column.name().to_string(),
            ];
            for kind in [
                Kind::Recommendations,
                Kind::BestPractices,
                Kind::LessonsLearned,
                Kind::Challenges,
            ] {
                record.push(cell.ids(kind).join(" "));
            }
            rows.push(record);
        }
    }
    csv_table(&CSV_HEADER, &rows)
}

#[derive(Serialize)]
struct JsonMatrix<'a> {
    kind: &'static str,
    countries: Vec<JsonCountry<'a>>,
    synthesis: JsonSynthesisColumn,
    themes: Vec<JsonTheme<'a>>,
}

#[derive(Serialize)]
struct JsonCountry<'a> {
    id: &'a str,
    name: &'a str,
    iso3: &'a str,
    themes_covered: usize,
}

#[derive(Serialize)]
struct JsonSynthesisColumn {
    themes_covered: usize,
}

#[derive(Serialize)]
struct JsonTheme<'a> {
    id: &'a str,
    label: &'a str,
    /// One of the report's six (Section II) themes.
    regional: bool,
    countries_reached: usize,
    cells: Vec<JsonCell<'a>>,
    synthesis: JsonSynthesisCell<'a>,
}

#[derive(Serialize)]
struct JsonCell<'a> {
    country: &'a str,
    recommendations: Vec<&'a str>,
    best_practices: Vec<&'a str>,
    lessons_learned: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonSynthesisCell<'a> {
    recommendations: Vec<&'a str>,
    best_practices: Vec<&'a str>,
    challenges: Vec<&'a str>,
}

fn filter_key(filter: KindFilter) -> &'static str {
    match filter {
        KindFilter::All => "all",
        KindFilter::Recommendations => "recommendations",
        KindFilter::BestPractices => "best-practices",
        KindFilter::Lessons => "lessons",
    }
}

pub fn json(matrix: &Matrix) -> String {
    let synthesis_column = matrix
        .columns
        .iter()
        .position(|c| c.owner() == Owner::Synthesis);
    let countries = matrix
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Column::Country(_, country) => Some(JsonCountry {
                id: &country.id,
                name: &country.name,
                iso3: &country.iso3,
                themes_covered: matrix.themes_covered(i),
            }),
            Column::Synthesis => None,
        })
        .collect();
    let themes = matrix
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let cells = row
                .cells
                .iter()
                .zip(&matrix.columns)
                .filter(|(_, c)| matches!(c, Column::Country(..)))
                .map(|(cell, column)| JsonCell {
                    country: column.id(),
                    recommendations: cell.ids(Kind::Recommendations),
                    best_practices: cell.ids(Kind::BestPractices),
                    lessons_learned: cell.ids(Kind::LessonsLearned),
                })
                .collect();
            let synthesis = synthesis_column.map(|c| &row.cells[c]);
            let ids = |kind| synthesis.map(|cell| cell.ids(kind)).unwrap_or_default();
            JsonTheme {
                id: &row.theme.id,
                label: &row.theme.label,
                regional: row.theme.report,
                countries_reached: matrix.countries_reached(r),
                cells,
                synthesis: JsonSynthesisCell {
                    recommendations: ids(Kind::Recommendations),
                    best_practices: ids(Kind::BestPractices),
                    challenges: ids(Kind::Challenges),
                },
            }
        })
        .collect();
    let value = JsonMatrix {
        kind: filter_key(matrix.filter),
        countries,
        synthesis: JsonSynthesisColumn {
            themes_covered: synthesis_column.map_or(0, |c| matrix.themes_covered(c)),
        },
        themes,
    };
    // Serializing plain data into a String cannot fail.
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    #[test]
    fn the_text_grid_fits_80_columns_and_has_a_legend() {
        let dataset = Dataset::embedded().expect("the embedded dataset loads");
        for filter in KindFilter::ALL {
            let out = text(&Matrix::new(&dataset, filter));
            for line in out.lines() {
                assert!(line.width() <= TEXT_WIDTH, "{filter:?}: {line:?}");
            }
            assert!(out.contains("Themes covered"));
            assert!(out.contains("not the report's"));
        }
    }
}
