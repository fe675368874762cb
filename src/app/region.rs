//! The region view: the executive summary, Section I, the tier system and
//! the synthesis, read as one document. Its state, and what it does with an
//! action.

use ratatui::layout::Position;

use super::reading::DocId;
use super::{Outcome, State};
use crate::action::Action;
use crate::doc::Reader;
use crate::layout;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Region {
    pub reader: Reader,
}

impl State<'_> {
    pub(super) fn region_action(&mut self, action: Action, out: &mut Outcome) {
        match action {
            Action::Leave => self.leave_view(),
            _ => {
                self.reading_action(DocId::Region, action, out);
            }
        }
    }

    pub(super) fn region_wheel(&mut self, at: Position, down: bool) {
        if layout::reading_area(self.screen().body, 1)
            .area
            .contains(at)
        {
            self.reading_wheel(DocId::Region, down);
        }
    }

    pub(super) fn region_click(&mut self, at: Position) {
        let area = layout::reading_area(self.screen().body, 1);
        if area.area.contains(at) {
            self.reading_click(DocId::Region, &area, at);
        }
    }
}
