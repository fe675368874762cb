//! The views still to come say so in one line.

use ratatui::buffer::Buffer;

use super::layout::Screen;
use crate::app::{State, View};

pub fn render(state: &State, buf: &mut Buffer, screen: &Screen) {
    let Some(area) = screen.notice else {
        return;
    };
    let view = state.ui.view;
    let mut message = format!("{}: coming soon — press 1 or 4", view.title());
    if view == View::Compare {
        let marked = state.ui.marked.iter().filter(|&&m| m).count();
        message.push_str(&format!(" ({marked} marked with Space)"));
    }
    buf.set_stringn(
        area.x + 1,
        area.y + 1,
        &message,
        usize::from(area.width.saturating_sub(1)),
        state.theme.notice,
    );
}
