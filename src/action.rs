//! The explorer's vocabulary: its views, the panes that can have the
//! keyboard, and everything it can be asked to do. The keymap turns terminal
//! events into [`Action`]s for the [`Pane`] that has the keyboard;
//! `app::update` is the only thing that acts on them. Each action describes
//! itself, so the help overlay and the footer speak with the words of the code.

/// The four views, in the order of the keys 1-4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Countries,
    Matrix,
    Compare,
    Region,
}

impl View {
    pub const ALL: [View; 4] = [View::Countries, View::Matrix, View::Compare, View::Region];

    /// 1-based, as on the keyboard.
    pub fn number(self) -> u8 {
        View::ALL.iter().position(|&v| v == self).unwrap_or(0) as u8 + 1
    }

    pub fn from_number(n: u8) -> Option<View> {
        View::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn title(self) -> &'static str {
        match self {
            View::Countries => "Countries",
            View::Matrix => "Matrix",
            View::Compare => "Compare",
            View::Region => "Region",
        }
    }

    pub fn next(self) -> View {
        View::ALL[usize::from(self.number()) % View::ALL.len()]
    }

    pub fn prev(self) -> View {
        View::ALL[(usize::from(self.number()) + View::ALL.len() - 2) % View::ALL.len()]
    }
}

/// The one place that has the keyboard: an overlay, a text input, or a
/// pane of the current view. Computed in one place (`State::pane`) and used
/// by the keymap (bindings, footer, help) and by `update` alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Help,
    /// The help overlay's filter input.
    HelpFilter,
    Search,
    Detail,
    /// What works elsewhere: the best practices on an item's themes.
    Elsewhere,
    /// The country list's filter input.
    Filter,
    CountryList,
    Profile,
    Region,
    /// The matrix's grid of themes × countries.
    Matrix,
    /// The items of the matrix's selected cell.
    Evidence,
    Compare,
    /// The comparison view's list of countries to choose from.
    ComparePick,
    /// The field notebook: every bookmark and note.
    Notebook,
    /// The note editor.
    Editor,
}

/// A movement; each pane says what it means there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    Suspend,
    OpenHelp,
    OpenSearch,
    NextView,
    PrevView,
    /// Show one view; the keymap fills in which from the digit pressed.
    GoTo(View),
    Move(Motion),
    /// Enter: open what is selected (the profile, an item's detail, a search hit).
    Open,
    /// Esc outside text input: one level up (clear the filter, return to the
    /// list or the previous view).
    Leave,
    /// n and N: the next or previous hit of the last search, in any view.
    NextHit,
    PrevHit,
    /// In the search box: look in everything, one country, or the region.
    NextScope,
    /// In the search box: an earlier or a later query.
    EarlierQuery,
    LaterQuery,
    /// Undo the last jump (from search, and later the matrix and compare).
    JumpBack,
    /// Redo a jump undone by [`Action::JumpBack`].
    JumpForward,
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
    /// Copy only where the selection comes from: report, place, page, line.
    CopyCitation,
    /// Write what the view shows to a Markdown file in the current folder.
    Export,
    /// The best practices elsewhere on the selected item's themes.
    Elsewhere,
    /// The matrix's kind filter: all, recommendations, best practices, lessons.
    CycleKind,
    NextBlock,
    PrevBlock,
    /// Compare: show only the rows whose values differ, or all again.
    ToggleDiffers,
    /// Compare: move the selected country one column left or right.
    MoveMarkLeft,
    MoveMarkRight,
    /// Unmark every country.
    ClearMarks,
    /// Compare: choose the countries again from the list.
    ChooseCountries,
    Close,
    /// Bookmark the selected item, figure or paragraph, or remove its bookmark.
    ToggleBookmark,
    /// Open the note editor on the selection.
    EditNote,
    /// Show the field notebook.
    OpenNotebook,
    /// Delete the notebook's selected entry.
    DeleteNote,
    /// Write the notebook to a Markdown file.
    ExportNotes,
    /// The editor: a line break.
    NewLine,
    /// The editor: keep the note and close.
    SaveNote,
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
            Action::Suspend => "Suspend tipx (the shell's fg brings it back)",
            Action::OpenHelp => "Show this help",
            Action::OpenSearch => "Search the whole report",
            Action::NextView => "Next view",
            Action::PrevView => "Previous view",
            Action::GoTo(_) => "Views: 1 Countries, 2 Matrix, 3 Compare, 4 Region",
            Action::Move(Motion::Up) => "Move up",
            Action::Move(Motion::Down) => "Move down",
            Action::Move(Motion::Left) => "Move left (from the profile: to the list)",
            Action::Move(Motion::Right) => "Move right",
            Action::Move(Motion::PageUp) => "Page up",
            Action::Move(Motion::PageDown) => "Page down",
            Action::Move(Motion::Top) => "Go to the top",
            Action::Move(Motion::Bottom) => "Go to the bottom",
            Action::Open => "Open the selection",
            Action::Leave => "Go back a level (clear the filter, return to the list)",
            Action::JumpBack => "Back to where the last jump started",
            Action::NextHit => "Next hit of the last search (in any view)",
            Action::PrevHit => "Previous hit of the last search",
            Action::NextScope => "Search everything, one country, or the region",
            Action::EarlierQuery => "An earlier query",
            Action::LaterQuery => "A later query",
            Action::JumpForward => "Forward again after going back",
            Action::ToggleList => "Show or hide the country list",
            Action::ToggleMark => "Mark or unmark the country for comparison",
            Action::StartFilter => "Filter the country list as you type",
            Action::KeepFilter => "Keep the filter and leave the input",
            Action::ClearFilter => "Clear the filter and leave the input",
            Action::NextSection => "Next section",
            Action::PrevSection => "Previous section",
            Action::Section(_) => "Jump to section 1-9 of the section bar",
            Action::Copy => "Copy the selection with its source",
            Action::CopyCitation => "Copy the selection's citation alone",
            Action::Export => "Export the view to a Markdown file in the current folder",
            Action::Elsewhere => "What works elsewhere: best practices on the item's themes",
            Action::CycleKind => "Show all kinds, recommendations, best practices or lessons",
            Action::NextBlock => "Show the next block",
            Action::PrevBlock => "Show the previous block",
            Action::ToggleDiffers => "Show only the rows that differ, or every row",
            Action::MoveMarkLeft => "Move the selected country one column left",
            Action::MoveMarkRight => "Move the selected country one column right",
            Action::ClearMarks => "Unmark every country",
            Action::ChooseCountries => "Choose the countries to compare from the list",
            Action::Close => "Close the overlay",
            Action::ToggleBookmark => "Bookmark the selection (again: remove the bookmark)",
            Action::EditNote => "Write or change the note on the selection",
            Action::OpenNotebook => "Show the field notebook: every bookmark and note",
            Action::DeleteNote => "Delete the selected bookmark and note",
            Action::ExportNotes => "Export the notebook to a Markdown file",
            Action::NewLine => "Start a new line",
            Action::SaveNote => "Save the note and close the editor",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_cycle_both_ways_and_round_trip_their_numbers() {
        for view in View::ALL {
            assert_eq!(view.next().prev(), view);
            assert_eq!(View::from_number(view.number()), Some(view));
        }
        assert_eq!(View::Region.next(), View::Countries);
        assert_eq!(View::Countries.prev(), View::Region);
        assert_eq!(View::from_number(0), None);
        assert_eq!(View::from_number(5), None);
    }
}
