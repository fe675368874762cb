//! The comparison laid out as a table: which country columns fit, what each
//! cell's lines say, where each row starts. Pure functions of the comparison
//! and the width, so that drawing, scrolling and clicks agree.

use crate::layout::Columns;
use crate::model::{Dataset, TierLevel};
use crate::query::compare::{Cell, Comparison, Entry, Group, Row};
use crate::query::compare_output::{cite, NOT_IN_REPORT};
use crate::text;

/// A country column narrower than this is not legible: fewer columns show,
/// and the others are reached by scrolling sideways.
pub const MIN_CELL: u16 = 24;
/// Lines an item's lead sentence may take in a cell; Enter shows the whole.
pub const ENTRY_LINES: usize = 5;

/// Where the columns go: the labels on the left, then the countries shown.
pub type Geometry = Columns;

/// Lays `columns` countries out on `width` columns, scrolled so that the
/// selected one shows when not all fit.
pub fn geometry(width: u16, columns: usize, selected: usize) -> Geometry {
    let label = (width * 22 / 100).clamp(12, 26);
    let room = width.saturating_sub(label);
    let fit = usize::from(room / MIN_CELL).max(1);
    let visible = fit.min(columns);
    let cell = if visible > 0 {
        (room / visible as u16).min(48)
    } else {
        room
    };
    Columns::new(label, cell, visible, columns, selected)
}

/// How a piece of a cell is drawn; the renderer maps it to a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Text,
    /// Where a value comes from: quieter.
    Source,
    /// "not in the report".
    Missing,
    /// The Tier 2 Watch List, marked with "!" as well.
    Watch,
    Bar,
}

/// One line of a cell: styled pieces, and the entry it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct CellLine {
    pub spans: Vec<(String, Tone)>,
    /// Index into the cell's entries.
    pub entry: Option<usize>,
}

impl CellLine {
    fn one(text: impl Into<String>, tone: Tone, entry: Option<usize>) -> CellLine {
        CellLine {
            spans: vec![(text.into(), tone)],
            entry,
        }
    }

    pub fn text(&self) -> String {
        self.spans.iter().map(|(s, _)| s.as_str()).collect()
    }
}

/// A bar for one cell of a figure row: the number the report prints, and
/// its share of the row's largest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub number: f64,
    pub fraction: f64,
}

/// The bars of a figure row, one slot per cell: only where two or more of
/// the compared countries have a plain number on the measure (one number is
/// nothing to compare), and only for cells holding exactly one figure with
/// a number — never a bar from a value the report does not print as one.
pub fn bars(row: &Row) -> Option<Vec<Option<Bar>>> {
    if row.group != Group::Figures {
        return None;
    }
    let numbers: Vec<Option<f64>> = row
        .cells
        .iter()
        .map(|c| c.number().filter(|n| n.is_finite() && *n >= 0.0))
        .collect();
    if numbers.iter().flatten().count() < 2 {
        return None;
    }
    let largest = numbers.iter().flatten().fold(0.0_f64, |m, &n| m.max(n));
    if largest <= 0.0 {
        return None;
    }
    Some(
        numbers
            .into_iter()
            .map(|n| {
                n.map(|number| Bar {
                    number,
                    fraction: number / largest,
                })
            })
            .collect(),
    )
}

/// A bar `width` columns at most, in eighths of a column; a positive number
/// always gets at least a sliver.
pub fn bar_text(fraction: f64, width: usize) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let total = (fraction.clamp(0.0, 1.0) * (width * 8) as f64).round() as usize;
    let total = if fraction > 0.0 { total.max(1) } else { total };
    let mut out = "█".repeat(total / 8);
    if total % 8 > 0 {
        out.push(EIGHTHS[total % 8]);
    }
    out
}

/// Whether the cell is a tier on the Watch List.
fn watch_listed(data: &Dataset, row: &Row, cell: &Cell) -> bool {
    row.group == Group::Profile
        && row.label.starts_with("Tier")
        && data.countries[cell.country].tier.level == TierLevel::Tier2WatchList
}

/// An entry's source as a short note: "2006 · line 1094", "p. 17, line 9".
fn source_note(entry: &Entry, several: bool) -> Option<String> {
    let mut parts = Vec::new();
    if let (Some(figure), true) = (entry.figure, several) {
        parts.push(figure.label.clone());
    }
    // The year, unless the value printed already says it ("2006").
    if let (Some(year), Some(_)) = (entry.year, entry.figure) {
        let year = year.to_string();
        if !entry.text.contains(&year) {
            parts.push(year);
        }
    }
    if let Some(source) = entry.source {
        parts.push(cite(source));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// `text` wrapped to `width`, at most `cap` lines, the last ending in "…"
/// where something was cut.
fn wrapped(text: &str, width: usize, cap: usize) -> Vec<String> {
    let ranges = text::wrap_ranges(text, width);
    let cut = ranges.len() > cap;
    let mut lines: Vec<String> = ranges
        .into_iter()
        .take(cap)
        .map(|r| text[r].to_string())
        .collect();
    if cut {
        if let Some(last) = lines.last_mut() {
            *last = format!("{}…", text::truncate(last, width.saturating_sub(1)));
        }
    }
    lines
}

/// What a cell shows at `width` columns. `bar` is the cell's bar, where
/// its row has bars.
pub fn cell_lines(
    data: &Dataset,
    row: &Row,
    cell: &Cell,
    bar: Option<&Bar>,
    width: usize,
) -> Vec<CellLine> {
    if cell.is_empty() {
        return vec![CellLine::one(NOT_IN_REPORT, Tone::Missing, None)];
    }
    let several = cell.entries.len() > 1;
    let mut lines = Vec::new();
    for (k, entry) in cell.entries.iter().enumerate() {
        let at = Some(k);
        let note = source_note(entry, several);
        if let Some(item) = entry.item {
            // The item's id and source first, a handle to find it by.
            let head = match &note {
                Some(note) => format!("{} · {note}", item.item.id),
                None => item.item.id.clone(),
            };
            lines.push(CellLine::one(
                text::ellipsize(&head, width),
                Tone::Source,
                at,
            ));
            for line in wrapped(&entry.text, width, ENTRY_LINES) {
                lines.push(CellLine::one(line, Tone::Text, at));
            }
            continue;
        }
        if row.group == Group::Themes {
            for line in wrapped(&entry.text, width, 2) {
                lines.push(CellLine::one(line, Tone::Text, at));
            }
            continue;
        }
        let (value, tone) = if watch_listed(data, row, cell) {
            (format!("! {}", entry.text), Tone::Watch)
        } else {
            (entry.text.clone(), Tone::Text)
        };
        let inline = note
            .as_ref()
            .map(|n| format!("{value} · {n}"))
            .filter(|all| text::width(all) <= width && bar.is_none());
        match (inline, note) {
            (Some(_), Some(note)) => lines.push(CellLine {
                spans: vec![(value, tone), (format!(" · {note}"), Tone::Source)],
                entry: at,
            }),
            (_, note) => {
                for line in wrapped(&value, width, ENTRY_LINES) {
                    lines.push(CellLine::one(line, tone, at));
                }
                if let Some(bar) = bar {
                    lines.push(CellLine::one(bar_text(bar.fraction, width), Tone::Bar, at));
                }
                if let Some(note) = note {
                    for line in wrapped(&note, width, 2) {
                        lines.push(CellLine::one(line, Tone::Source, at));
                    }
                }
            }
        }
    }
    lines
}

/// The rows shown: all, or only those whose values differ.
pub fn shown_rows(cmp: &Comparison, only_differs: bool) -> Vec<usize> {
    (0..cmp.rows.len())
        .filter(|&r| !only_differs || cmp.rows[r].differs)
        .collect()
}

/// A block of the table's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// The title of a group of rows.
    Heading(Group),
    /// A row of the comparison, by its index in `Comparison::rows`.
    Row(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub block: Block,
    /// First line, counted from the top of the table.
    pub top: usize,
    pub height: usize,
}

/// The table's lines for the rows shown at a geometry: a heading before
/// each group, each row as tall as its tallest shown cell, a blank line
/// after a row of several lines so that rows read apart.
pub fn place(data: &Dataset, cmp: &Comparison, rows: &[usize], geometry: &Geometry) -> Vec<Placed> {
    let width = geometry.text_width();
    let mut placed = Vec::new();
    let mut top = 0;
    let mut group = None;
    for &r in rows {
        let row = &cmp.rows[r];
        if group != Some(row.group) {
            if group.is_some() {
                top += 1;
            }
            placed.push(Placed {
                block: Block::Heading(row.group),
                top,
                height: 1,
            });
            top += 1;
            group = Some(row.group);
        }
        let bars = bars(row);
        let label_lines = label_lines(&row.label, geometry).len();
        let height = geometry
            .shown()
            .filter_map(|c| {
                let bar = bars
                    .as_ref()
                    .and_then(|b| b.get(c))
                    .and_then(Option::as_ref);
                Some(cell_lines(data, row, row.cells.get(c)?, bar, width).len())
            })
            .max()
            .unwrap_or(1)
            .max(label_lines);
        placed.push(Placed {
            block: Block::Row(r),
            top,
            height,
        });
        top += height + usize::from(height > 1);
    }
    placed
}

/// Columns before a row's label: the selection's ▶ and the ≠ of a row
/// that differs, then a space.
pub const LABEL_MARKS: u16 = 3;

/// A row's label wrapped into the label column (a column kept free before
/// the cells).
pub fn label_lines(label: &str, geometry: &Geometry) -> Vec<String> {
    let width = usize::from(geometry.label.saturating_sub(LABEL_MARKS + 1)).max(1);
    wrapped(label, width, 3)
}

/// Lines the whole table takes.
pub fn total_lines(placed: &[Placed]) -> usize {
    placed.last().map_or(0, |p| p.top + p.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_stay_legible_and_scroll_to_the_selected_one() {
        let two = geometry(80, 2, 0);
        assert_eq!((two.first, two.visible), (0, 2));
        assert!(two.cell >= MIN_CELL);
        assert!(two.label + two.cell * 2 <= 80);
        let five = geometry(80, 5, 4);
        assert!(five.visible >= 2 && five.visible < 5);
        assert_eq!(five.first + five.visible, 5, "the selected column shows");
        let x = five.x(4).expect("drawn");
        assert_eq!(five.column_at(x), Some(4));
        assert_eq!(five.x(0), None);
    }

    #[test]
    fn bars_are_eighths_of_the_width_and_never_vanish() {
        assert_eq!(bar_text(1.0, 4), "████");
        assert_eq!(bar_text(0.5, 4), "██");
        assert_eq!(bar_text(0.0001, 4), "▏");
        assert_eq!(bar_text(0.0, 4), "");
        assert_eq!(bar_text(0.25 + 1.0 / 32.0, 4), "█▏");
    }

    #[test]
    fn wrapping_caps_a_long_lead_with_an_ellipsis() {
        let lines = wrapped("one two three four five six", 9, 2);
        assert_eq!(lines, ["one two", "three…"]);
    }
}
