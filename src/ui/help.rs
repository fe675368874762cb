//! The help overlay, generated from the keymap: every binding, grouped by
//! where it applies.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::app::State;
use crate::keymap::help_groups;
use crate::layout::Screen;
use crate::text;
use crate::theme::Theme;

/// The widest key column; longer key lists are cut.
const KEYS_WIDTH: usize = 22;

pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let groups = help_groups();
    let keys_width = groups
        .iter()
        .flat_map(|g| g.rows.iter().map(|(keys, _)| text::width(keys)))
        .max()
        .unwrap_or(0)
        .min(KEYS_WIDTH);
    let mut lines = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.push(Line::styled(group.title, theme.heading));
        for (keys, description) in &group.rows {
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(text::pad(keys, keys_width), theme.key),
                Span::raw("  "),
                Span::styled(*description, theme.text),
            ]));
        }
    }
    lines
}

pub fn render(state: &State, buf: &mut Buffer, screen: &Screen, scroll: usize) {
    let theme = &state.theme;
    let area = screen.overlay.outer;
    Clear.render(area, buf);
    Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(" Help: keys ", theme.title))
        .render(area, buf);
    let inner = screen.overlay.inner;
    for (row, line) in lines(theme)
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
}
