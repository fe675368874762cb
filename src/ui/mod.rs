//! Drawing: `render(&State, &mut Frame)`, one module per view and overlay.
//! Nothing here changes the state; everything drawn is read from it, with
//! the regions of [`layout`].

pub mod bar;
pub mod countries;
pub mod detail;
pub mod footer;
pub mod help;
pub mod layout;
pub mod notice;
pub mod reading;
pub mod region;
pub mod search;
pub mod tabs;
pub mod text;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Frame;

use crate::app::{Overlay, State, View};
use layout::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the whole screen for the state.
pub fn render(state: &State, frame: &mut Frame) {
    let area = frame.area();
    // The frame, not the state's idea of the size, bounds the drawing: a
    // resize not yet processed must not draw outside the buffer.
    let screen = layout::layout(area, state_layout_input(state));
    if screen.too_small {
        too_small(frame.buffer_mut(), area, state);
        return;
    }
    tabs::render(state, frame.buffer_mut(), screen.tabs);
    match state.ui.view {
        View::Countries => countries::render(state, frame, &screen),
        View::Region => region::render(state, frame.buffer_mut(), &screen),
        View::Matrix | View::Compare => notice::render(state, frame.buffer_mut(), &screen),
    }
    footer::render(state, frame.buffer_mut(), screen.footer);
    match &state.ui.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::render(state, frame.buffer_mut(), &screen, *scroll),
        Overlay::Search(search) => search::render(state, frame, &screen, search),
        Overlay::Detail(detail) => detail::render(state, frame.buffer_mut(), &screen, detail),
    }
}

fn state_layout_input(state: &State) -> layout::LayoutInput {
    layout::LayoutInput {
        view: state.ui.view,
        show_list: state.ui.show_list,
        list_focused: state.ui.focus == crate::app::Focus::List,
    }
}

/// Below the minimum size: a short request, wrapped and clipped to what fits.
fn too_small(buf: &mut Buffer, area: Rect, state: &State) {
    let message = format!("Enlarge the terminal to at least {MIN_WIDTH}×{MIN_HEIGHT}");
    let width = usize::from(area.width);
    for (row, range) in text::wrap_ranges(&message, width)
        .into_iter()
        .take(usize::from(area.height))
        .enumerate()
    {
        let line = &message[range];
        buf.set_stringn(area.x, area.y + row as u16, line, width, state.theme.notice);
    }
}
