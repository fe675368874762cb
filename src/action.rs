//! Everything the explorer can be asked to do. The keymap turns terminal
//! events into these; [`crate::app::update`] is the only thing that acts on
//! them. Each variant describes itself, so the help overlay and the footer
//! speak with the same words as the code.

use crate::app::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    OpenHelp,
    OpenSearch,
    NextView,
    PrevView,
    /// Show one view; the keymap fills in which from the digit pressed.
    GoTo(View),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter: open what is selected (the profile, an item's detail, a search hit).
    Open,
    /// Esc outside text input: close, clear the filter, return to the list or the previous view.
    Back,
    FocusList,
    ToggleList,
    ToggleMark,
    StartFilter,
    KeepFilter,
    ClearFilter,
    NextSection,
    PrevSection,
    /// Jump to a section by its 0-based number on the section bar.
    Section(u8),
    Copy,
    NextBlock,
    PrevBlock,
    Close,
    /// A character typed into the filter or the search box.
    Input(char),
    DeleteChar,
    ClearInput,
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel over the cell (column, row).
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    /// Left click on the cell (column, row).
    Click {
        column: u16,
        row: u16,
    },
    /// Sent by the event loop after a frame, never by a key: lays out what
    /// is not shown yet (the long region document), so that the key that
    /// shows it later answers within the budget. Changes nothing visible.
    Prepare,
}

impl Action {
    /// What the action does, for the help overlay. One text per variant: a
    /// binding whose key supplies the payload (a digit) is described whole.
    pub fn description(self) -> &'static str {
        match self {
            Action::Quit => "Quit tipx",
            Action::OpenHelp => "Show this help",
            Action::OpenSearch => "Search the whole report",
            Action::NextView => "Next view",
            Action::PrevView => "Previous view",
            Action::GoTo(_) => "Views: 1 Countries, 2 Matrix, 3 Compare, 4 Region",
            Action::Up => "Move up",
            Action::Down => "Move down",
            Action::PageUp => "Page up",
            Action::PageDown => "Page down",
            Action::Top => "Go to the top",
            Action::Bottom => "Go to the bottom",
            Action::Open => "Open the selection",
            Action::Back => "Go back (clear the filter, return to the list)",
            Action::FocusList => "Focus the country list",
            Action::ToggleList => "Show or hide the country list",
            Action::ToggleMark => "Mark the country for comparison",
            Action::StartFilter => "Filter the country list as you type",
            Action::KeepFilter => "Keep the filter and leave the input",
            Action::ClearFilter => "Clear the filter and leave the input",
            Action::NextSection => "Next section",
            Action::PrevSection => "Previous section",
            Action::Section(_) => "Jump to section 1-9 of the section bar",
            Action::Copy => "Copy the selection with its source",
            Action::NextBlock => "Show the next block",
            Action::PrevBlock => "Show the previous block",
            Action::Close => "Close the overlay",
            Action::Input(_) => "Type text",
            Action::DeleteChar => "Delete the last character",
            Action::ClearInput => "Clear the input",
            Action::Resize { .. } => "Terminal resized",
            Action::Scroll { .. } => "Scroll the pane under the pointer",
            Action::Click { .. } => "Select what is under the pointer",
            Action::Prepare => "Lay out what is not shown yet",
        }
    }

    /// Pointer and resize events say nothing new to the reader: they keep
    /// the status message on screen.
    pub fn is_from_keyboard(self) -> bool {
        !matches!(
            self,
            Action::Resize { .. } | Action::Scroll { .. } | Action::Click { .. } | Action::Prepare
        )
    }
}
