//! The region view: the report's title, then its reading pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::reading;
use crate::app::{DocId, State};
use crate::layout;

pub fn render(state: &State, buf: &mut Buffer, body: Rect) {
    let page = layout::reading_area(body, 1);
    let report = &state.data.report;
    let theme = &state.theme;
    let header = Line::from(vec![
        Span::styled(report.title.as_str(), theme.title),
        Span::styled(
            format!(" · {} · {}", report.period, report.managed_by),
            theme.meta,
        ),
    ]);
    let header = crate::text::ellipsize_line(header, usize::from(page.header.width));
    buf.set_line(page.header.x, page.header.y, &header, page.header.width);
    reading::render(state, buf, &page, DocId::Region, true);
}
