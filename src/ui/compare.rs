//! The comparison view: the marked countries in columns, one row per
//! thing compared, grouped; or, with fewer than two marked, the countries to
//! choose from. Nothing is told by colour alone: ≠ marks a row whose values
//! differ (equal ones are quieter), ! the Watch List, ▶ and reverse video
//! the selection, bars are labelled with the value the report prints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::countries::{country_row, RowStyle};
use crate::action::Pane;
use crate::app::compare::table::{self, Block, CellLine, Tone, LABEL_MARKS};
use crate::app::compare::{CompareAreas, Laid};
use crate::app::State;
use crate::layout::list_offset;
use crate::query::compare::{Comparison, Row, MAX_COUNTRIES, MIN_COUNTRIES};
use crate::text;
use crate::theme::Theme;

pub fn render(state: &State, frame: &mut Frame, _body: Rect) {
    let buf = frame.buffer_mut();
    let areas = state.compare_areas();
    match (&state.comparison, state.pane()) {
        (Some(cmp), Pane::Compare) => render_table(state, buf, cmp, &areas),
        _ => render_chooser(state, buf, &areas),
    }
}

fn put_line(buf: &mut Buffer, area: Rect, line: Line) {
    if area.height > 0 {
        let line = text::ellipsize_line(line, usize::from(area.width));
        buf.set_line(area.x, area.y, &line, area.width);
    }
}

/// The list of countries, Space to mark, Enter to compare.
fn render_chooser(state: &State, buf: &mut Buffer, areas: &CompareAreas) {
    let theme = &state.theme;
    let marked = &state.session.marked;
    put_line(
        buf,
        areas.title,
        Line::from(vec![
            Span::styled("Choose the countries to compare", theme.heading),
            Span::styled(
                format!(" · {MIN_COUNTRIES} to {MAX_COUNTRIES}, in columns in the order marked · "),
                theme.meta,
            ),
            Span::styled("Space", theme.key),
            Span::styled(" marks, ", theme.meta),
            Span::styled("Enter", theme.key),
            Span::styled(" compares", theme.meta),
        ]),
    );
    let names: Vec<&str> = marked
        .iter()
        .filter_map(|&c| state.data.countries.get(c))
        .map(|c| c.name.as_str())
        .collect();
    let summary = match names.len() {
        0 => "Nothing marked yet.".to_string(),
        1 => format!("Marked: {}. Mark one more.", names[0]),
        _ => format!("Marked, in order: {}.", names.join(", ")),
    };
    put_line(
        buf,
        areas.header,
        Line::from(Span::styled(summary, theme.text)),
    );
    let rows = areas.table;
    let selected = state.session.compare.pick;
    let offset = list_offset(selected, usize::from(rows.height).max(1));
    let name_width = state
        .data
        .countries
        .iter()
        .map(|c| text::width(&c.name))
        .max()
        .unwrap_or(0);
    for (line, (c, country)) in state
        .data
        .countries
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(rows.height))
        .enumerate()
    {
        let is_selected = c == selected;
        let patch = if is_selected {
            theme.selected
        } else {
            Style::new()
        };
        let order = marked.iter().position(|&m| m == c);
        let check = order.map_or("[ ]".to_string(), |k| format!("[{}]", k + 1));
        let marker = if is_selected { "▶ " } else { "  " };
        let style = RowStyle { name_width, patch };
        let row_line = country_row(state, country, marker, check, style, rows.width);
        let area = Rect {
            y: rows.y + line as u16,
            height: 1,
            ..rows
        };
        if is_selected {
            buf.set_style(area, patch);
        }
        put_line(buf, area, row_line);
    }
    let shown = state.data.countries.len().saturating_sub(offset);
    if shown + 1 < usize::from(rows.height) {
        let hint = Rect {
            y: rows.y + shown as u16 + 1,
            height: 1,
            ..rows
        };
        let words = "Space also marks a country in the list (1) and a column of the matrix (2).";
        put_line(buf, hint, Line::from(Span::styled(words, theme.meta)));
    }
}

fn render_table(state: &State, buf: &mut Buffer, cmp: &Comparison, areas: &CompareAreas) {
    let Some(laid) = state.compare_table() else {
        return;
    };
    let theme = &state.theme;
    let view = &state.session.compare;
    // The selected row's group first: a heading scrolled away still shows here.
    let group = cmp.rows.get(view.row).map_or("", |r| r.group.label());
    let mut title = vec![
        Span::styled(group, theme.heading),
        Span::styled(
            format!(" · {} countries · ", cmp.countries.len()),
            theme.meta,
        ),
        Span::styled("≠", theme.label),
        Span::styled(" values differ · ", theme.meta),
        Span::styled("!", theme.label),
        Span::styled(" Tier 2 Watch List · ", theme.meta),
    ];
    let marked = state.session.marked.len();
    if marked > cmp.countries.len() {
        title.push(Span::styled(
            format!("the first {} of {marked} marked · ", cmp.countries.len()),
            theme.notice,
        ));
    }
    title.push(Span::styled(
        if view.only_differs {
            "showing only rows that differ (d: all)"
        } else {
            "d: only the rows that differ"
        },
        theme.meta,
    ));
    put_line(buf, areas.title, Line::from(title));
    render_header(state, buf, cmp, &laid, areas.header);
    if laid.rows.is_empty() {
        put_line(
            buf,
            areas.table,
            Line::from(Span::styled(
                "No row differs: the countries say the same on every row (d shows all).",
                theme.notice,
            )),
        );
        return;
    }
    let area = areas.table;
    let (first, last) = (view.scroll, view.scroll + usize::from(area.height));
    for placed in &laid.placed {
        let lines = placed.top..placed.top + placed.height;
        if lines.end <= first || lines.start >= last {
            continue;
        }
        match placed.block {
            Block::Heading(group) => {
                let y = area.y + (placed.top - first) as u16;
                let heading = format!("── {} ", group.label());
                let rule =
                    "─".repeat(usize::from(area.width).saturating_sub(text::width(&heading)));
                let line = Line::from(vec![
                    Span::styled(heading, theme.heading),
                    Span::styled(rule, theme.meta),
                ]);
                put_line(
                    buf,
                    Rect {
                        y,
                        height: 1,
                        ..area
                    },
                    line,
                );
            }
            Block::Row(r) => {
                render_row(state, buf, &cmp.rows[r], r, &laid, area, placed.top);
            }
        }
    }
}

/// The countries' names above their columns, the selected one in reverse
/// video with ▸, "‹ more ›" where columns are scrolled out of sight.
fn render_header(state: &State, buf: &mut Buffer, cmp: &Comparison, laid: &Laid, area: Rect) {
    if area.height == 0 {
        return;
    }
    let theme = &state.theme;
    let geometry = &laid.geometry;
    let (left, right) = geometry.more();
    let corner = match (left, right) {
        (true, true) => "‹ more ›",
        (true, false) => "‹ more",
        (false, true) => "more ›",
        (false, false) => "",
    };
    buf.set_stringn(
        area.x,
        area.y,
        corner,
        usize::from(geometry.label),
        theme.meta,
    );
    for column in geometry.shown() {
        let (Some(x), Some(&c)) = (geometry.x(column), cmp.countries.get(column)) else {
            continue;
        };
        let country = &state.data.countries[c];
        let selected = column == state.session.compare.column;
        let marker = if selected { "▸" } else { " " };
        let label = format!("{marker}{} {}", column + 1, country.name);
        let width = geometry.text_width();
        let style = if selected {
            theme.heading.patch(theme.selected)
        } else {
            theme.heading
        };
        let shown = text::ellipsize(&label, width);
        buf.set_stringn(area.x + x, area.y, text::pad(&shown, width), width, style);
    }
}

/// Styles a cell's piece: equal rows quieter, the selection reversed.
fn tone_style(theme: &Theme, tone: Tone, differs: bool) -> Style {
    match tone {
        Tone::Text if differs => theme.text,
        Tone::Text => theme.meta,
        Tone::Source => theme.meta,
        Tone::Missing => theme.notice,
        Tone::Watch => theme.tier_watch,
        Tone::Bar => theme.label,
    }
}

/// Row `index` of the comparison, its first line `top` lines down the table.
fn render_row(
    state: &State,
    buf: &mut Buffer,
    row: &Row,
    index: usize,
    laid: &Laid,
    area: Rect,
    top: usize,
) {
    let theme = &state.theme;
    let view = &state.session.compare;
    let first = view.scroll;
    let geometry = &laid.geometry;
    let selected_row = index == view.row;
    let last = first + usize::from(area.height);
    // The y of a line of this row, if it is in view.
    let y_of = |line: usize| {
        let at = top + line;
        (at >= first && at < last).then(|| area.y + (at - first) as u16)
    };
    let label_style = match (selected_row, row.differs) {
        (true, _) => theme.heading,
        (false, true) => theme.label,
        (false, false) => theme.meta,
    };
    // A row scrolled partly out of view keeps its label on its first line shown.
    let hidden = first.saturating_sub(top);
    for (k, text) in table::label_lines(&row.label, geometry).iter().enumerate() {
        let Some(y) = y_of(k + hidden) else { continue };
        if k == 0 {
            let marker = if selected_row { "▶" } else { " " };
            let differs = if row.differs { "≠" } else { " " };
            buf.set_stringn(area.x, y, marker, 1, theme.marker);
            buf.set_stringn(area.x + 1, y, differs, 1, theme.label);
        }
        let room = usize::from(geometry.label.saturating_sub(LABEL_MARKS + 1));
        buf.set_stringn(area.x + LABEL_MARKS, y, text, room, label_style);
    }
    let bars = table::bars(row);
    let width = geometry.text_width();
    let openable = if selected_row {
        state.openable_entries()
    } else {
        Vec::new()
    };
    for column in geometry.shown() {
        let (Some(x), Some(cell)) = (geometry.x(column), row.cells.get(column)) else {
            continue;
        };
        let bar = bars
            .as_ref()
            .and_then(|b| b.get(column))
            .and_then(Option::as_ref);
        let mut lines = table::cell_lines(state.data, row, cell, bar, width);
        mark_notes(state, cell, &mut lines, width);
        let selected_cell = selected_row && column == view.column;
        // The selected entry where the cell has one Enter opens, else the cell.
        let chosen = openable.get(view.entry).copied();
        let is_chosen = |line: &CellLine| match chosen {
            Some(entry) => line.entry == Some(entry),
            None => true,
        };
        for (k, line) in lines.iter().enumerate() {
            let Some(y) = y_of(k) else { continue };
            let patch = if selected_cell && is_chosen(line) {
                theme.selected
            } else {
                Style::new()
            };
            let spans: Vec<Span> = line
                .spans
                .iter()
                .map(|(t, tone)| {
                    Span::styled(
                        t.as_str(),
                        tone_style(theme, *tone, row.differs).patch(patch),
                    )
                })
                .collect();
            let cell_area = Rect::new(area.x + x, y, width as u16, 1);
            if selected_cell && is_chosen(line) {
                buf.set_style(cell_area.intersection(area), patch);
            }
            put_line(buf, cell_area.intersection(area), Line::from(spans));
        }
    }
}

/// The reader's bookmark (★) and note (✎) before an item's first line, as
/// wherever items are shown; the line keeps its width.
fn mark_notes(
    state: &State,
    cell: &crate::query::compare::Cell,
    lines: &mut [CellLine],
    width: usize,
) {
    for (k, entry) in cell.entries.iter().enumerate() {
        let Some(item) = entry.item else {
            continue;
        };
        let Some(note) = state.annotations.of(Some(item.target())) else {
            continue;
        };
        let mark = match (note.bookmark, note.note.is_empty()) {
            (true, false) => "★✎ ",
            (true, true) => "★ ",
            (false, _) => "✎ ",
        };
        let Some(first) = lines.iter_mut().find(|l| l.entry == Some(k)) else {
            continue;
        };
        if let Some((text, _)) = first.spans.first_mut() {
            let room = width.saturating_sub(crate::text::width(mark));
            *text = format!("{mark}{}", crate::text::ellipsize(text, room));
        }
    }
}
