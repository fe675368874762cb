//! Drawing: `render(&State, &mut Frame)`, one module per view and overlay.
//! Nothing here changes the state; everything drawn is read from it, in the
//! regions of [`crate::layout`].

pub mod bar;
pub mod compare;
pub mod countries;
pub mod detail;
pub mod elsewhere;
pub mod footer;
pub mod help;
pub mod matrix;
pub mod notebook;
pub mod reading;
pub mod region;
pub mod search;
pub mod tabs;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Frame;

use crate::action::View;
use crate::app::{Overlay, State};
use crate::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use crate::text;

/// Draws the whole screen for the state.
pub fn render(state: &State, frame: &mut Frame) {
    let area = frame.area();
    // The frame, not the state's idea of the size, bounds the drawing: a
    // resize not yet processed must not draw outside the buffer.
    let screen = layout::screen(area);
    if screen.too_small {
        too_small(frame.buffer_mut(), area, state);
        return;
    }
    tabs::render(state, frame.buffer_mut(), screen.tabs);
    match state.session.view {
        View::Countries => countries::render(state, frame, screen.body),
        View::Region => region::render(state, frame.buffer_mut(), screen.body),
        View::Matrix => matrix::render(state, frame, screen.body),
        View::Compare => compare::render(state, frame, screen.body),
    }
    footer::render(state, frame.buffer_mut(), screen.footer);
    match &state.session.overlay {
        Overlay::None => {}
        Overlay::Help {
            scroll,
            filter,
            typing,
        } => help::render(state, frame, &screen, *scroll, filter, *typing),
        Overlay::Search(search) => search::render(state, frame, &screen, search),
        Overlay::Detail(detail) => detail::render(state, frame.buffer_mut(), &screen, detail),
        Overlay::Elsewhere(asked) => elsewhere::render(state, frame.buffer_mut(), &screen, asked),
        Overlay::Notebook(nb) => notebook::render(state, frame.buffer_mut(), &screen, nb),
        Overlay::Editor(editor) => {
            notebook::render_editor(state, frame.buffer_mut(), &screen, editor)
        }
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
