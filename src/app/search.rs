//! The search overlay and what outlives it: the query box with its scope
//! (everything, one country, the region) and its history, and the last
//! search's hits, walked with n and N from any view once one is opened.

use super::overlays::moved;
use super::{Overlay, State};
use crate::action::Action;
use crate::model::Target;
use crate::search::Hit;

/// Queries remembered for Alt-↑ and Alt-↓.
const HISTORY: usize = 50;

/// Where the search looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    Everywhere,
    Country(usize),
    /// The regional parts: summary, Section I, synthesis, glossary…
    Region,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchBox {
    pub query: String,
    /// Index into the hits (0 when there are none).
    pub selected: usize,
    pub scope: Scope,
    /// The history entry shown, counted back from the latest.
    pub recalled: Option<usize>,
}

/// The search last opened with Enter: n and N walk its hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub query: String,
    pub hits: Vec<Hit>,
    /// The hit shown.
    pub at: usize,
}

impl Found {
    /// The hit shown, if any.
    pub fn current(&self) -> Option<&Hit> {
        self.hits.get(self.at)
    }
}

impl State<'_> {
    /// `/`: the box comes back with the last query and its hits.
    pub(super) fn open_search(&mut self) {
        let query = self.search_history.last().cloned().unwrap_or_default();
        let scope = match &self.session.overlay {
            Overlay::Search(s) => s.scope,
            _ => Scope::default(),
        };
        self.session.overlay = Overlay::Search(SearchBox {
            query,
            scope,
            ..SearchBox::default()
        });
        self.run_query();
    }

    /// The hits of the query in the box, within its scope.
    fn run_query(&mut self) {
        let Overlay::Search(search) = &self.session.overlay else {
            return;
        };
        let (query, scope) = (search.query.clone(), search.scope);
        let data = self.data;
        let hits = self.search_index().query(&query);
        self.hits = hits
            .into_iter()
            .filter(|h| {
                let country = data.search[h.entry].country;
                match scope {
                    Scope::Everywhere => true,
                    Scope::Country(c) => country == Some(c),
                    Scope::Region => country.is_none(),
                }
            })
            .collect();
    }

    fn remember_query(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.search_history.retain(|q| q != query);
        self.search_history.push(query.to_string());
        if self.search_history.len() > HISTORY {
            self.search_history.remove(0);
        }
    }

    pub(super) fn search_action(&mut self, action: Action) {
        // Two rows a hit.
        let page = usize::from(self.screen().overlay.inner.height) / 2;
        let countries = self.data.countries.len();
        let history = self.search_history.len();
        let Overlay::Search(search) = &mut self.session.overlay else {
            return;
        };
        match action {
            Action::Move(motion) => search.selected = moved(search.selected, motion, page),
            Action::Input(_) | Action::DeleteChar | Action::ClearInput => {
                super::edit_text(&mut search.query, action);
                search.selected = 0;
                search.recalled = None;
                self.run_query();
            }
            Action::NextScope => {
                search.scope = match search.scope {
                    Scope::Everywhere if countries > 0 => Scope::Country(0),
                    Scope::Everywhere => Scope::Region,
                    Scope::Country(c) if c + 1 < countries => Scope::Country(c + 1),
                    Scope::Country(_) => Scope::Region,
                    Scope::Region => Scope::Everywhere,
                };
                search.selected = 0;
                self.run_query();
            }
            Action::EarlierQuery | Action::LaterQuery => {
                let back = match (action, search.recalled) {
                    (Action::EarlierQuery, None) => Some(0),
                    (Action::EarlierQuery, Some(n)) => Some((n + 1).min(history.saturating_sub(1))),
                    (_, Some(0) | None) => None,
                    (_, Some(n)) => Some(n - 1),
                };
                let Some(query) = back.map_or(Some(String::new()), |n| {
                    self.search_history.iter().rev().nth(n).cloned()
                }) else {
                    return;
                };
                search.query = query;
                search.recalled = back;
                search.selected = 0;
                self.run_query();
            }
            Action::Open => {
                let at = search.selected;
                let query = search.query.clone();
                let Some(hit) = self.hits.get(at) else {
                    return;
                };
                let target = self.data.search[hit.entry].target;
                self.remember_query(&query);
                self.found = Some(Found {
                    query,
                    hits: self.hits.clone(),
                    at,
                });
                self.session.overlay = Overlay::None;
                self.jump_to(target);
                self.say_hit();
            }
            Action::Close => {
                let query = search.query.clone();
                self.remember_query(&query);
                self.session.overlay = Overlay::None;
            }
            _ => {}
        }
    }

    /// n and N: the next or previous hit of the last search, wherever it is.
    pub(super) fn step_hit(&mut self, forward: bool) {
        let Some(found) = &mut self.found else {
            self.session.status = Some("No search yet: / searches".into());
            return;
        };
        let n = found.hits.len();
        if n == 0 {
            return;
        }
        found.at = if forward {
            (found.at + 1) % n
        } else {
            (found.at + n - 1) % n
        };
        let target: Option<Target> = found.current().map(|h| self.data.search[h.entry].target);
        if let Some(target) = target {
            self.session.overlay = Overlay::None;
            self.show_target(target);
            self.say_hit();
        }
    }

    fn say_hit(&mut self) {
        let Some(found) = &self.found else {
            return;
        };
        let Some(hit) = found.current() else {
            return;
        };
        let entry = &self.data.search[hit.entry];
        self.session.status = Some(format!(
            "Hit {}/{} for “{}”: {} (n next, N previous)",
            found.at + 1,
            found.hits.len(),
            found.query,
            entry.context
        ));
    }
}
