//! The top line: the four views, and how many countries are marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::bar;
use crate::app::{tab_labels, State};
use crate::text;

pub fn render(state: &State, buf: &mut Buffer, area: Rect) {
    let theme = &state.theme;
    let labels = tab_labels();
    let current = usize::from(state.session.view.number() - 1);
    bar::render(
        buf,
        area,
        &labels,
        current,
        theme.tab_active,
        theme.tab,
        theme.border,
    );
    let marked = state.session.marked.len();
    let used: u16 = labels.iter().map(|l| text::width(l) as u16 + 2).sum();
    let note = format!("● {marked} marked ");
    let width = text::width(&note) as u16;
    if marked > 0 && used + width < area.width {
        buf.set_stringn(
            area.right() - width,
            area.y,
            &note,
            usize::from(width),
            theme.mark,
        );
    }
}
