//! The countries view: the filterable list beside the selected country's
//! profile (one of them at a time on a narrow terminal). Its state, and
//! what it does with an action.

use ratatui::layout::{Position, Rect};

use super::reading::DocId;
use super::{Outcome, State};
use crate::action::{Action, Motion, Pane};
use crate::doc::{clip, Reader};
use crate::layout::{self, list_offset, ListAndReading, ReadingArea, NARROW_WIDTH};
use crate::model::Country;
use crate::search::fold;

/// Which pane of the countries view has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Profile,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountryList {
    pub filter: String,
    /// The filter input has the keyboard.
    pub editing: bool,
    /// Position of the selection among the matches (0 when there are none).
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Countries {
    pub list: CountryList,
    pub focus: Focus,
    /// The list beside the profile (wide terminals; on narrow ones the
    /// focused pane takes the whole width).
    pub show_list: bool,
    /// The country the profile shows.
    pub country: usize,
    /// Each country's place in its profile, kept when another is shown.
    pub readers: Vec<Reader>,
}

impl Countries {
    pub fn new(countries: usize) -> Self {
        Countries {
            list: CountryList::default(),
            focus: Focus::List,
            show_list: true,
            country: 0,
            readers: vec![Reader::default(); countries],
        }
    }

    pub fn pane(&self) -> Pane {
        match (self.list.editing, self.focus) {
            (true, _) => Pane::Filter,
            (false, Focus::List) => Pane::CountryList,
            (false, Focus::Profile) => Pane::Profile,
        }
    }

    /// The view's panes in the body of the screen.
    pub fn panes(&self, body: Rect) -> ListAndReading {
        layout::list_and_reading(body, self.show_list, self.focus == Focus::List)
    }

    /// The profile's pane as it is or would be shown.
    pub fn reading_area(&self, body: Rect) -> ReadingArea {
        layout::list_and_reading(body, self.show_list, false)
            .reading
            .unwrap_or_else(|| layout::reading_area(body, 2))
    }
}

impl State<'_> {
    /// What the countries view does with an action.
    pub(super) fn countries_action(&mut self, action: Action, out: &mut Outcome) {
        let pane = self.session.countries.pane();
        match action {
            Action::ToggleMark => self.toggle_mark(),
            Action::ToggleList => self.toggle_list(),
            Action::Leave => self.leave_countries(),
            Action::StartFilter => {
                self.focus_list();
                self.session.countries.list.editing = true;
            }
            Action::KeepFilter => self.session.countries.list.editing = false,
            Action::ClearFilter => {
                self.session.countries.list.editing = false;
                self.set_filter(String::new());
            }
            Action::Input(_) | Action::DeleteChar | Action::ClearInput => {
                let mut filter = self.session.countries.list.filter.clone();
                super::edit_text(&mut filter, action);
                self.set_filter(filter);
            }
            Action::Move(Motion::Left) if pane == Pane::Profile => self.focus_list(),
            Action::Move(motion) if pane != Pane::Profile => self.move_in_list(motion),
            // A filter that keeps no country leaves nothing to open.
            Action::Open if pane != Pane::Profile => {
                if !self.matches.is_empty() {
                    self.session.countries.focus = Focus::Profile;
                }
            }
            Action::Copy if pane != Pane::Profile => {
                let Some(c) = self.data.countries.get(self.session.countries.country) else {
                    return;
                };
                if self.matches.is_empty() {
                    return;
                }
                let text = clip::country_text(self.data, c);
                self.copied(out, text, &format!("{}'s profile in brief", c.name));
            }
            Action::CopyCitation if pane != Pane::Profile => {
                let Some(c) = self.data.countries.get(self.session.countries.country) else {
                    return;
                };
                if self.matches.is_empty() {
                    return;
                }
                let text = clip::country_citation(self.data, c);
                self.copied(out, text, &format!("the citation of {}'s tier", c.name));
            }
            _ => {
                if let Some(id) = self.reading() {
                    self.reading_action(id, action, out);
                }
            }
        }
    }

    fn move_in_list(&mut self, motion: Motion) {
        let rows = self
            .session
            .countries
            .panes(self.screen().body)
            .list
            .map_or(1, |l| usize::from(l.rows.height).max(1));
        let at = self.session.countries.list.selected;
        let position = match motion {
            Motion::Up => at.saturating_sub(1),
            Motion::Down => at.saturating_add(1),
            Motion::PageUp => at.saturating_sub(rows),
            Motion::PageDown => at.saturating_add(rows),
            Motion::Top => 0,
            Motion::Bottom => usize::MAX,
            Motion::Left | Motion::Right => return,
        };
        self.select_match(position);
    }

    /// Selects the `position`-th country the filter keeps (clamped) and
    /// shows its profile where it was last read.
    pub(super) fn select_match(&mut self, position: usize) {
        let Some(last) = self.matches.len().checked_sub(1) else {
            return;
        };
        self.session.countries.list.selected = position.min(last);
        self.show_country(self.matches[self.session.countries.list.selected]);
    }

    pub(super) fn show_country(&mut self, country: usize) {
        self.session.countries.country = country;
        if let Some(position) = self.matches.iter().position(|&c| c == country) {
            self.session.countries.list.selected = position;
        }
    }

    pub(super) fn set_filter(&mut self, filter: String) {
        self.matches = matches(&self.data.countries, &filter);
        self.session.countries.list.filter = filter;
        // Keep the country on screen if the filter keeps it, else the first match.
        let country = self.session.countries.country;
        match self.matches.iter().position(|&c| c == country) {
            Some(position) => self.session.countries.list.selected = position,
            None => self.select_match(0),
        }
    }

    /// Shows a country, clearing a filter that hides it.
    pub(super) fn reveal_in_list(&mut self, country: usize) {
        if !self.matches.contains(&country) {
            self.session.countries.list.editing = false;
            self.set_filter(String::new());
        }
        self.show_country(country);
    }

    /// Esc: from the profile to the list, then clears the filter.
    fn leave_countries(&mut self) {
        let countries = &self.session.countries;
        if countries.focus == Focus::Profile {
            self.focus_list();
        } else if !countries.list.filter.is_empty() {
            self.set_filter(String::new());
        }
    }

    pub(super) fn focus_list(&mut self) {
        self.session.countries.focus = Focus::List;
        self.session.countries.show_list = true;
    }

    fn toggle_list(&mut self) {
        let countries = &mut self.session.countries;
        if self.session.size.width >= NARROW_WIDTH {
            countries.show_list = !countries.show_list;
            countries.focus = if countries.show_list {
                Focus::List
            } else {
                Focus::Profile
            };
        } else if countries.focus == Focus::List {
            countries.focus = Focus::Profile;
        } else {
            self.focus_list();
        }
    }

    fn toggle_mark(&mut self) {
        if !self.matches.is_empty() {
            self.toggle_mark_of(self.session.countries.country);
        }
    }

    /// Marks a country for comparison, or unmarks it, and says so.
    pub(crate) fn toggle_mark_of(&mut self, c: usize) {
        let Some(country) = self.data.countries.get(c) else {
            return;
        };
        let marked = &mut self.session.marked;
        let now = if let Some(at) = marked.iter().position(|&m| m == c) {
            marked.remove(at);
            "Unmarked"
        } else {
            marked.push(c);
            "Marked"
        };
        self.session.status = Some(format!(
            "{now} {} for comparison ({} marked)",
            country.name,
            marked.len()
        ));
    }

    pub(super) fn countries_wheel(&mut self, at: Position, down: bool) {
        let panes = self.session.countries.panes(self.screen().body);
        if panes.list.is_some_and(|l| l.area.contains(at)) {
            self.move_in_list(if down { Motion::Down } else { Motion::Up });
        } else if panes.reading.is_some_and(|p| p.area.contains(at)) {
            if let Some(id) = self.reading() {
                self.reading_wheel(id, down);
            }
        }
    }

    pub(super) fn countries_click(&mut self, at: Position) {
        let panes = self.session.countries.panes(self.screen().body);
        if let Some(list) = panes.list.filter(|l| l.area.contains(at)) {
            self.session.countries.focus = Focus::List;
            if list.rows.contains(at) {
                let selected = self.session.countries.list.selected;
                let offset = list_offset(selected, usize::from(list.rows.height));
                let position = offset + usize::from(at.y - list.rows.y);
                if position < self.matches.len() {
                    self.select_match(position);
                }
            }
            return;
        }
        let Some(area) = panes.reading.filter(|p| p.area.contains(at)) else {
            return;
        };
        if self.data.countries.is_empty() {
            return;
        }
        self.session.countries.focus = Focus::Profile;
        let id = DocId::Profile(self.session.countries.country);
        self.reading_click(id, &area, at);
    }
}

/// Indexes of the countries the filter keeps: every word of it must occur
/// in the name, the ISO code, the initials, the region or the tier badge,
/// ignoring case and accents.
pub fn matches(countries: &[Country], filter: &str) -> Vec<usize> {
    let words: Vec<String> = filter.split_whitespace().map(fold).collect();
    countries
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let haystack = fold(&format!(
                "{} {} {} {} {}",
                c.name,
                c.iso3,
                c.initials(),
                c.region,
                c.tier.level.badge()
            ));
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    #[test]
    fn filter_matches_names_codes_regions_and_badges() {
        let data = Dataset::embedded().expect("embedded dataset");
        let names = |filter: &str| -> Vec<&str> {
            matches(&data.countries, filter)
                .into_iter()
                .map(|i| data.countries[i].name.as_str())
                .collect()
        };
        assert_eq!(names("ecu"), vec!["Ecuador"]);
        assert_eq!(names("JAM"), vec!["Jamaica"]);
        assert_eq!(names("caribbean"), vec!["Dominican Republic", "Jamaica"]);
        assert_eq!(names("t2w"), vec!["Dominican Republic", "Guatemala"]);
        assert_eq!(names("").len(), data.countries.len());
        assert!(names("zzz").is_empty());
    }
}
