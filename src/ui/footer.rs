//! The bottom line: the status message, then the keys that matter here,
//! straight from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::State;
use crate::keymap;

pub fn render(state: &State, buf: &mut Buffer, area: Rect) {
    let theme = &state.theme;
    let mut spans: Vec<Span> = Vec::new();
    if let Some(status) = &state.session.status {
        spans.push(Span::styled(format!("{status}  "), theme.status));
    }
    for (key, word) in keymap::footer(state.pane()) {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {word}  "), theme.text));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}
