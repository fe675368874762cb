//! The matrix view: a title saying what is shown, the grid of themes ×
//! countries with counts by kind, a legend, and the selected cell's items
//! in full. Counts are letters and digits, the selection reverse video with
//! a ▶: nothing is told by colour alone.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::reading;
use crate::app::matrix::{grid_lines, GridLine, MatrixFocus, GRID_HEADER, REACH_WIDTH};
use crate::app::{DocId, State};
use crate::query::matrix::{Cell, Column, KindFilter, Matrix};
use crate::query::{Kind, Owner};
use crate::text;

pub fn render(state: &State, frame: &mut Frame, _body: Rect) {
    let buf = frame.buffer_mut();
    let Some(matrix) = &state.matrix else {
        return;
    };
    let areas = state.matrix_areas();
    let view = &state.session.matrix;
    let theme = &state.theme;
    let title = Line::from(vec![
        Span::styled("Themes × countries", theme.heading),
        Span::styled(" · showing ", theme.meta),
        Span::styled(view.filter.label(), theme.label),
        Span::styled(
            " (f changes) · Enter: the items · w: what works elsewhere",
            theme.meta,
        ),
    ]);
    let title = text::ellipsize_line(title, usize::from(areas.title.width));
    buf.set_line(areas.title.x, areas.title.y, &title, areas.title.width);
    render_grid(state, buf, matrix, areas.grid);
    let legend = text::ellipsize_line(legend(view.filter, theme), usize::from(areas.legend.width));
    if areas.legend.height > 0 {
        buf.set_line(areas.legend.x, areas.legend.y, &legend, areas.legend.width);
    }
    render_evidence(state, buf, matrix, &areas.evidence);
}

fn legend<'a>(filter: KindFilter, theme: &crate::theme::Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for kind in Kind::ALL.into_iter().filter(|&k| filter.admits(k)) {
        spans.push(Span::styled(kind.letter().to_string(), theme.key));
        let word = match kind {
            Kind::Challenges => " challenges (synthesis)  ".to_string(),
            _ => format!(" {}  ", kind.label().to_lowercase()),
        };
        spans.push(Span::styled(word, theme.meta));
    }
    spans.push(Span::styled(". none  ", theme.meta));
    spans.push(Span::styled(
        "ed. editorial theme, not the report's",
        theme.meta,
    ));
    Line::from(spans)
}

/// A cell's counts, one per kind shown, aligned under the kind letters.
fn counts(cell: Option<&Cell>, kinds: &[Kind]) -> String {
    kinds
        .iter()
        .map(|&k| match cell.map_or(0, |c| c.count(k)) {
            0 => " .".to_string(),
            n if n < 10 => format!(" {n}"),
            _ => "9+".to_string(),
        })
        .collect::<Vec<_>>()
        .join("")
}

fn render_grid(state: &State, buf: &mut Buffer, matrix: &Matrix, area: Rect) {
    let Some(geometry) = state.matrix_geometry() else {
        return;
    };
    if area.height == 0 {
        return;
    }
    let theme = &state.theme;
    let view = &state.session.matrix;
    let focused = view.focus == MatrixFocus::Grid;
    let width = usize::from(area.width);
    let cell_width = usize::from(geometry.cell);
    let label_width = usize::from(geometry.label);

    // Column names, then the letters of the kinds each column counts.
    let (scrolled_left, scrolled_right) = geometry.more();
    let corner = match (scrolled_left, scrolled_right) {
        (true, true) => "‹ more ›",
        (true, false) => "‹ more",
        (false, true) => "more ›",
        (false, false) => "",
    };
    buf.set_stringn(area.x, area.y, corner, label_width, theme.meta);
    for (i, column) in matrix.columns.iter().enumerate() {
        let Some(x) = geometry.x(i) else {
            continue;
        };
        let room = cell_width.saturating_sub(1);
        let mark = match column {
            Column::Country(c, _) if state.is_marked(*c) => "●",
            _ => "",
        };
        let name = column.name();
        let shown = if text::width(name) + text::width(mark) <= room {
            format!("{mark}{name}")
        } else {
            format!("{mark}{}", column.short())
        };
        let style = if i == view.column {
            theme.heading
        } else {
            theme.label
        };
        buf.set_stringn(area.x + x + 1, area.y, &shown, room, style);
        if area.height > 1 {
            let kinds = view.filter.kinds(column.owner());
            let letters: String = kinds.iter().map(|k| format!(" {}", k.letter())).collect();
            buf.set_stringn(area.x + x, area.y + 1, letters, cell_width, theme.meta);
        }
    }
    let reach_x = geometry.label + geometry.cell * geometry.visible as u16;
    buf.set_stringn(
        area.x + reach_x + 1,
        area.y,
        "Reach",
        usize::from(REACH_WIDTH),
        theme.label,
    );

    let lines = grid_lines(matrix);
    let offset = state.matrix_offset();
    let rows = usize::from(area.height.saturating_sub(GRID_HEADER));
    let countries = matrix.country_count();
    for (n, line) in lines.iter().skip(offset).take(rows).enumerate() {
        let y = area.y + GRID_HEADER + n as u16;
        match *line {
            GridLine::Rule => {
                let rule = text::ellipsize("── editorial themes (ed.), not the report's ──", width);
                buf.set_stringn(area.x, y, rule, width, theme.meta);
            }
            GridLine::Totals => {
                buf.set_stringn(
                    area.x + 2,
                    y,
                    "Themes covered",
                    label_width - 2,
                    theme.label,
                );
                for i in 0..matrix.columns.len() {
                    let Some(x) = geometry.x(i) else {
                        continue;
                    };
                    let total = format!("{:>w$}", matrix.themes_covered(i), w = cell_width - 1);
                    buf.set_stringn(area.x + x, y, total, cell_width, theme.text);
                }
            }
            GridLine::Theme(r) => {
                let row = &matrix.rows[r];
                let selected_row = r == view.row;
                let marker = if selected_row { "▶ " } else { "  " };
                buf.set_stringn(area.x, y, marker, 2, theme.marker);
                let suffix = if row.theme.report { "" } else { " ed." };
                let room = label_width.saturating_sub(3 + suffix.len());
                let label = format!("{}{suffix}", text::ellipsize(&row.theme.label, room));
                let style = if row.theme.report {
                    theme.label
                } else {
                    theme.meta
                };
                buf.set_stringn(area.x + 2, y, label, label_width - 2, style);
                for (i, column) in matrix.columns.iter().enumerate() {
                    let Some(x) = geometry.x(i) else {
                        continue;
                    };
                    let kinds = view.filter.kinds(column.owner());
                    let cell = row.cells.get(i);
                    let text = counts(cell, &kinds);
                    let selected = selected_row && i == view.column;
                    let style = match (selected, focused) {
                        (true, true) => theme.text.patch(theme.selected),
                        (true, false) => theme.heading,
                        _ => theme.text,
                    };
                    let cell_area = Rect::new(area.x + x, y, geometry.cell.saturating_sub(1), 1);
                    if selected {
                        buf.set_style(cell_area.intersection(area), style);
                    }
                    buf.set_stringn(area.x + x, y, text, cell_width - 1, style);
                }
                let reach = format!(" {}/{}", matrix.countries_reached(r), countries);
                buf.set_stringn(
                    area.x + reach_x,
                    y,
                    reach,
                    usize::from(REACH_WIDTH),
                    theme.meta,
                );
            }
        }
    }
}

fn render_evidence(
    state: &State,
    buf: &mut Buffer,
    matrix: &Matrix,
    area: &crate::layout::ReadingArea,
) {
    let theme = &state.theme;
    let view = &state.session.matrix;
    let (Some(row), Some(column)) = (matrix.rows.get(view.row), matrix.columns.get(view.column))
    else {
        return;
    };
    let cell = row.cells.get(view.column);
    let kinds = view.filter.kinds(column.owner());
    let counts: Vec<String> = kinds
        .iter()
        .map(|&k| {
            let n = cell.map_or(0, |c| c.count(k));
            let label = k.label().to_lowercase();
            // "1 best practice", "2 best practices".
            let label = match (n, label.strip_suffix('s')) {
                (1, Some(one)) => one.to_string(),
                (1, None) => label.replacen("lessons", "lesson", 1),
                _ => label,
            };
            format!("{n} {label}")
        })
        .collect();
    let owner = match column.owner() {
        Owner::Synthesis => "the regional synthesis".to_string(),
        Owner::Country(_) => column.name().to_string(),
    };
    let header = Line::from(vec![
        Span::styled(row.theme.label.as_str(), theme.heading),
        Span::styled(" in ", theme.meta),
        Span::styled(owner, theme.heading),
        Span::styled(format!(" · {}", counts.join(", ")), theme.meta),
    ]);
    let header = text::ellipsize_line(header, usize::from(area.header.width));
    buf.set_line(area.header.x, area.header.y, &header, area.header.width);
    let focused = view.focus == MatrixFocus::Evidence;
    reading::render(state, buf, area, DocId::Evidence, focused);
}
