//! The bottom line: the status message, then the keys that matter here,
//! straight from the keymap. Help and quit (or close) always show, at the
//! right; the other keys show while they fit whole, never cut.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::State;
use crate::keymap;
use crate::text;

/// The words of the keys that are never left out.
const ESSENTIAL: [&str; 3] = ["help", "quit", "close"];

pub fn render(state: &State, buf: &mut Buffer, area: Rect) {
    let theme = &state.theme;
    let width = usize::from(area.width);
    let entries = keymap::footer(state.pane());
    let entry_width = |(key, word): &(String, &str)| text::width(key) + text::width(word) + 3;
    let (essential, optional): (Vec<_>, Vec<_>) = entries
        .into_iter()
        .partition(|(_, word)| ESSENTIAL.contains(word));
    let essential_width: usize = essential.iter().map(entry_width).sum();

    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0;
    if let Some(status) = &state.session.status {
        let room = width.saturating_sub(essential_width + 2);
        let status = text::ellipsize(status, room);
        used += text::width(&status) + 2;
        spans.push(Span::styled(format!("{status}  "), theme.status));
    }
    for entry in &optional {
        let w = entry_width(entry);
        if used + w + essential_width > width {
            break;
        }
        used += w;
        spans.push(Span::styled(entry.0.clone(), theme.key));
        spans.push(Span::styled(format!(" {}  ", entry.1), theme.text));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);

    // The essentials at the right end, as much of them as the width allows.
    let mut tail: Vec<Span> = Vec::new();
    for (key, word) in &essential {
        tail.push(Span::styled(key.clone(), theme.key));
        tail.push(Span::styled(format!(" {word}  "), theme.text));
    }
    let tail = text::ellipsize_line(Line::from(tail), width);
    let tail_width: usize = tail.spans.iter().map(|s| text::width(&s.content)).sum();
    let x = area.x + area.width.saturating_sub(tail_width as u16);
    buf.set_line(x, area.y, &tail, area.width.saturating_sub(x - area.x));
}
