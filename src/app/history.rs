//! Back and forward over jumps, as in a browser: a jump (from search, and
//! from the matrix and the comparison) remembers where it started, the back
//! key returns there, and forward goes to the jump's end again.

use super::countries::Focus;
use super::State;
use crate::action::View;
use crate::doc::Reader;

/// Jumps remembered; older ones are forgotten.
const DEPTH: usize = 100;

/// Where the reader is: enough to put the screen back as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    view: View,
    country: usize,
    focus: Focus,
    profile: Reader,
    region: Reader,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }
}

impl State<'_> {
    fn place(&self) -> Place {
        let countries = &self.session.countries;
        Place {
            view: self.session.view,
            country: countries.country,
            focus: countries.focus,
            profile: countries
                .readers
                .get(countries.country)
                .copied()
                .unwrap_or_default(),
            region: self.session.region.reader,
        }
    }

    fn restore(&mut self, place: Place) {
        self.go_to(place.view);
        if place.country < self.data.countries.len() {
            self.reveal_in_list(place.country);
            self.session.countries.readers[place.country] = place.profile;
        }
        self.session.countries.focus = place.focus;
        self.session.region.reader = place.region;
    }

    /// Call before a jump: remembers where it starts.
    pub(super) fn remember_place(&mut self) {
        let place = self.place();
        let history = &mut self.history;
        if history.back.last() != Some(&place) {
            history.back.push(place);
            if history.back.len() > DEPTH {
                history.back.remove(0);
            }
        }
        history.forward.clear();
    }

    pub(super) fn jump_back(&mut self) {
        let Some(place) = self.history.back.pop() else {
            self.session.status = Some("No jump to go back from".into());
            return;
        };
        let here = self.place();
        self.history.forward.push(here);
        self.restore(place);
    }

    pub(super) fn jump_forward(&mut self) {
        let Some(place) = self.history.forward.pop() else {
            self.session.status = Some("Nothing to go forward to".into());
            return;
        };
        let here = self.place();
        self.history.back.push(here);
        self.restore(place);
    }
}
