//! The detail overlay: one block in full, with its source, themes and
//! organizations.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};

use super::reading::styled_line;
use crate::app::{Detail, State};
use crate::layout::Screen;
use crate::text;

pub fn render(state: &State, buf: &mut Buffer, screen: &Screen, detail: &Detail) {
    let theme = &state.theme;
    let area = screen.overlay.outer;
    let inner = screen.overlay.inner;
    let Some(block) = state
        .docs
        .get(detail.doc)
        .and_then(|d| d.blocks.get(detail.block))
    else {
        return;
    };
    Clear.render(area, buf);
    let title = text::ellipsize(
        &format!(" {} ", block.context),
        usize::from(area.width.saturating_sub(4)),
    );
    let total = state.detail_lines.len();
    let height = usize::from(inner.height);
    let mut frame = Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(title, theme.title));
    if total > height {
        let last = (detail.scroll + height).min(total);
        frame = frame.title_bottom(
            Line::styled(
                format!(" {}-{last} of {total} ", detail.scroll + 1),
                theme.meta,
            )
            .right_aligned(),
        );
    }
    frame.render(area, buf);
    for (row, line) in state
        .detail_lines
        .iter()
        .skip(detail.scroll)
        .take(height)
        .enumerate()
    {
        let line = styled_line(line, theme, Style::new());
        buf.set_line(inner.x, inner.y + row as u16, &line, inner.width);
    }
}
