//! The comparison view: the marked countries side by side, row by row.
//! Its state, and what it does with an action.

use ratatui::layout::Position;

use super::{Outcome, State};
use crate::action::Action;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Compare {}

impl State<'_> {
    pub(super) fn compare_action(&mut self, action: Action, _out: &mut Outcome) {
        if action == Action::Leave {
            self.leave_view();
        }
    }

    pub(super) fn compare_wheel(&mut self, _at: Position, _down: bool) {}

    pub(super) fn compare_click(&mut self, _at: Position) {}
}
