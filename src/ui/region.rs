//! The region view: the report's title, then its reading pane.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use super::layout::Screen;
use super::reading;
use crate::app::{DocId, State};

pub fn render(state: &State, buf: &mut Buffer, screen: &Screen) {
    let Some(page) = screen.page else {
        return;
    };
    let report = &state.data.report;
    let theme = &state.theme;
    let header = Line::from(vec![
        Span::styled(report.title.as_str(), theme.title),
        Span::styled(
            format!(" · {} · {}", report.period, report.managed_by),
            theme.meta,
        ),
    ]);
    buf.set_line(page.header.x, page.header.y, &header, page.header.width);
    reading::render(state, buf, &page, DocId::Region, true);
}
