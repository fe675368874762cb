//! What works elsewhere: the best practices of the other countries and of
//! the synthesis on the themes of the item asked about, read like a
//! profile in an overlay.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::reading;
use crate::app::{DocId, ElsewhereBox, State};
use crate::layout::{self, Screen};
use crate::text;

pub fn render(state: &State, buf: &mut Buffer, screen: &Screen, asked: &ElsewhereBox) {
    let theme = &state.theme;
    let area = screen.overlay.outer;
    Clear.render(area, buf);
    let title = text::ellipsize(
        &format!(" What works elsewhere: {} ", asked.asked),
        usize::from(area.width.saturating_sub(4)),
    );
    Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(title, theme.title))
        .render(area, buf);
    let page = layout::reading_area(screen.overlay.inner, 1);
    let count = state
        .docs
        .get(DocId::Elsewhere)
        .map_or(0, |d| d.blocks.iter().filter(|b| b.item.is_some()).count());
    let header = Line::from(vec![
        Span::styled(format!("{count} best practices"), theme.heading),
        Span::styled(
            " of other countries and the synthesis on the same themes · Enter opens one",
            theme.meta,
        ),
    ]);
    let header = text::ellipsize_line(header, usize::from(page.header.width));
    buf.set_line(page.header.x, page.header.y, &header, page.header.width);
    reading::render(state, buf, &page, DocId::Elsewhere, true);
}
