//! The countries view: the filterable list beside the selected country's
//! profile (or one of them at a time on a narrow terminal).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::reading;
use crate::app::{DocId, Focus, State};
use crate::layout::{list_offset, ListArea, ReadingArea};
use crate::model::Country;
use crate::text;

/// Fewer columns than this for the region, and the list leaves it out.
const MIN_REGION_COLUMNS: usize = 6;

pub fn render(state: &State, frame: &mut Frame, body: Rect) {
    let panes = state.session.countries.panes(body);
    if let Some(list) = panes.list {
        let cursor = render_list(state, frame.buffer_mut(), &list);
        if let Some(cursor) = cursor {
            frame.set_cursor_position(cursor);
        }
    }
    if let Some(divider) = panes.divider {
        let buf = frame.buffer_mut();
        for y in divider.top()..divider.bottom() {
            buf.set_stringn(divider.x, y, "│", 1, state.theme.border);
        }
    }
    if let Some(page) = panes.reading {
        render_profile(state, frame.buffer_mut(), &page);
    }
}

/// Draws the list; returns where the text cursor goes while filtering.
fn render_list(state: &State, buf: &mut Buffer, list: &ListArea) -> Option<Position> {
    let theme = &state.theme;
    let view = &state.session.countries;
    let focused = view.focus == Focus::List;
    let header = &list.header;
    let mut cursor = None;
    if view.list.editing || !view.list.filter.is_empty() {
        let prompt = "Filter: ";
        let line = Line::from(vec![
            Span::styled(prompt, theme.label),
            Span::styled(view.list.filter.as_str(), theme.input),
        ]);
        buf.set_line(header.x, header.y, &line, header.width);
        if view.list.editing {
            let x = header.x as usize + text::width(prompt) + text::width(&view.list.filter);
            cursor = Some(Position::new(
                (x as u16).min(header.right().saturating_sub(1)),
                header.y,
            ));
        }
    } else {
        let title = format!("Countries ({})", state.data.countries.len());
        buf.set_stringn(
            header.x,
            header.y,
            title,
            usize::from(header.width),
            theme.heading,
        );
    }

    let rows = list.rows;
    if state.matches.is_empty() {
        let message = format!("No country matches “{}”.", view.list.filter);
        buf.set_stringn(rows.x, rows.y, message, usize::from(rows.width), theme.meta);
        return cursor;
    }
    let name_width = state
        .data
        .countries
        .iter()
        .map(|c| text::width(&c.name))
        .max()
        .unwrap_or(0)
        .min(usize::from(rows.width).saturating_sub(8));
    let offset = list_offset(view.list.selected, usize::from(rows.height));
    for (row, &c) in state.matches.iter().skip(offset).enumerate() {
        if row >= usize::from(rows.height) {
            break;
        }
        let country = &state.data.countries[c];
        let selected = offset + row == view.list.selected;
        let marked = state.is_marked(c);
        let patch = if selected && focused {
            theme.selected
        } else {
            Style::new()
        };
        let marker = if selected { "▶" } else { " " };
        let mark = if marked { "●" } else { " " };
        let row_style = RowStyle { name_width, patch };
        let line = country_row(
            state,
            country,
            marker,
            mark.to_string(),
            row_style,
            rows.width,
        );
        let y = rows.y + row as u16;
        let row_area = Rect {
            y,
            height: 1,
            ..rows
        };
        buf.set_style(row_area, patch);
        buf.set_line(rows.x, y, &line, rows.width);
    }
    cursor
}

/// How a row of a country list is drawn: names padded to one width, and
/// the style patched over the row (the selection's, or none).
pub struct RowStyle {
    pub name_width: usize,
    pub patch: Style,
}

/// A country as a list shows it: the selection marker, a mark (marked for
/// comparison, or its place among the marked), the name, the tier badge,
/// and the region where it has room to read.
pub fn country_row<'a>(
    state: &State,
    country: &'a Country,
    marker: &'a str,
    mark: String,
    style: RowStyle,
    width: u16,
) -> Line<'a> {
    let theme = &state.theme;
    let patch = style.patch;
    let mut spans = vec![
        Span::styled(marker, theme.marker.patch(patch)),
        Span::styled(mark, theme.mark.patch(patch)),
        Span::styled(" ", patch),
        Span::styled(
            text::pad(&country.name, style.name_width),
            theme.label.patch(patch),
        ),
        Span::styled(" ", patch),
        Span::styled(
            country.tier.level.badge(),
            theme.tier(country.tier.level).patch(patch),
        ),
    ];
    // The region where it reads: a stub like "Ca" says nothing.
    let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    let room = usize::from(width).saturating_sub(used);
    if room >= MIN_REGION_COLUMNS {
        spans.push(Span::styled(" ", patch));
        spans.push(Span::styled(
            text::ellipsize(&country.region, room - 1),
            theme.meta.patch(patch),
        ));
    }
    Line::from(spans)
}

fn render_profile(state: &State, buf: &mut Buffer, page: &ReadingArea) {
    let country_index = state.session.countries.country;
    let Some(country) = state.data.countries.get(country_index) else {
        buf.set_stringn(
            page.area.x,
            page.area.y,
            "The dataset has no countries.",
            usize::from(page.area.width),
            state.theme.notice,
        );
        return;
    };
    let theme = &state.theme;
    let tier = &country.tier;
    // The tier first on its line: what is cut on a narrow terminal is the least telling.
    let title = Line::from(vec![
        Span::styled(country.name.as_str(), theme.heading),
        Span::styled(
            format!("  {} · {}", country.iso3, country.region),
            theme.text,
        ),
    ]);
    let assessment = &country.assessment;
    let facts = Line::from(vec![
        Span::styled(tier.level.badge().trim_end(), theme.tier(tier.level)),
        Span::styled(
            format!(" {} ({}) · ", tier.level.label(), tier.report_year),
            theme.text,
        ),
        Span::styled(
            format!(
                "{} · assessed {} {}, requested by {}",
                country.roles_label(),
                assessment.month,
                assessment.year,
                assessment.requested_by
            ),
            theme.meta,
        ),
    ]);
    let header = page.header;
    let title = text::ellipsize_line(title, usize::from(header.width));
    buf.set_line(header.x, header.y, &title, header.width);
    if header.height > 1 {
        let facts = text::ellipsize_line(facts, usize::from(header.width));
        buf.set_line(header.x, header.y + 1, &facts, header.width);
    }
    let focused = state.session.countries.focus == Focus::Profile;
    reading::render(state, buf, page, DocId::Profile(country_index), focused);
}
