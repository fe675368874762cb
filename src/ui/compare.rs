//! The comparison view (still to come: it says so in one line).

use ratatui::layout::Rect;
use ratatui::Frame;

use crate::action::View;
use crate::app::State;

pub fn render(state: &State, frame: &mut Frame, area: Rect) {
    let buf = frame.buffer_mut();
    let view = state.session.view;
    let mut message = format!("{}: coming soon — press 1 or 4", view.title());
    if view == View::Compare {
        let marked = state.session.marked.len();
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
