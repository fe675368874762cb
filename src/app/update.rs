//! `update`: the only place where an action changes the state. Each action
//! means what the current view, pane or overlay makes of it (Enter opens the
//! profile from the list, an item's detail from the profile, a hit from the
//! search), mirroring the contexts of the keymap.

use ratatui::layout::{Position, Rect, Size};

use super::copy::{block_text, country_text};
use super::country_list;
use super::reader::{Page, Reader};
use super::{DetailUi, DocId, Focus, Overlay, SearchUi, State, View};
use crate::action::Action;
use crate::model::Target;
use crate::ui::layout::{self, bar_cells, list_offset};

/// Lines the mouse wheel scrolls a reading pane by.
const WHEEL_LINES: isize = 3;

/// Applies an action. Returns whether anything the user can see changed,
/// so that the event loop redraws only then.
pub fn update(state: &mut State, action: Action) -> bool {
    let before = state.ui.clone();
    if action.is_from_keyboard() {
        state.ui.status = None;
    }
    state.apply(action);
    state.normalize();
    state.ui != before
}

impl State<'_> {
    fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => self.ui.should_quit = true,
            Action::OpenHelp => {
                self.ui.overlay = match self.ui.overlay {
                    Overlay::Help { .. } => Overlay::None,
                    _ => Overlay::Help { scroll: 0 },
                }
            }
            Action::OpenSearch => {
                self.hits.clear();
                self.ui.overlay = Overlay::Search(SearchUi::default());
            }
            Action::Close => self.ui.overlay = Overlay::None,
            Action::NextView => self.go_to(self.ui.view.next()),
            Action::PrevView => self.go_to(self.ui.view.prev()),
            Action::GoTo(view) => self.go_to(view),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.page_by(false),
            Action::PageDown => self.page_by(true),
            Action::Top => self.end(false),
            Action::Bottom => self.end(true),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::FocusList => self.focus_list(),
            Action::ToggleList => self.toggle_list(),
            Action::ToggleMark => self.toggle_mark(),
            Action::StartFilter => {
                self.focus_list();
                self.ui.list.editing = true;
            }
            Action::KeepFilter => self.ui.list.editing = false,
            Action::ClearFilter => {
                self.ui.list.editing = false;
                self.set_filter(String::new());
            }
            Action::NextSection => self.read(|r, page| r.next_section(page)),
            Action::PrevSection => self.read(|r, page| r.prev_section(page)),
            Action::Section(n) => self.read(|r, page| r.section(page, usize::from(n))),
            Action::Copy => self.copy(),
            Action::NextBlock => self.detail_step(true),
            Action::PrevBlock => self.detail_step(false),
            Action::Input(c) => {
                // What is typed is echoed to the terminal: it gets the
                // dataset's sanitizing (no controls, no bidi overrides).
                let typed = c.to_string();
                if crate::sanitize::clean(&typed) == typed {
                    self.edit(|text| text.push(c));
                }
            }
            Action::DeleteChar => self.edit(|text| {
                text.pop();
            }),
            Action::ClearInput => self.edit(String::clear),
            Action::Resize { width, height } => self.ui.size = Size::new(width, height),
            Action::Scroll { column, row, down } => self.wheel(Position::new(column, row), down),
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Prepare => self.prepare(),
        }
    }

    fn go_to(&mut self, view: View) {
        if view != self.ui.view {
            self.ui.previous_view = self.ui.view;
            self.ui.view = view;
        }
    }

    /// Runs a reader movement on the document the current view reads.
    fn read(&mut self, movement: impl FnOnce(&mut Reader, &Page)) {
        let Some(id) = self.reading() else {
            return;
        };
        // A view just switched to may not be laid out yet.
        self.sync_layouts();
        let mut reader = self.reader(id);
        movement(&mut reader, &self.page(id));
        self.set_reader(id, reader);
    }

    fn set_reader(&mut self, id: DocId, reader: Reader) {
        match id {
            DocId::Profile(_) => self.ui.profile = reader,
            DocId::Region => self.ui.region = reader,
        }
    }

    /// Does the country list have the keys (list focused, or filter input)?
    fn list_has_keys(&self) -> bool {
        self.ui.view == View::Countries && (self.ui.focus == Focus::List || self.ui.list.editing)
    }

    fn overlay_height(&self) -> usize {
        usize::from(self.screen().overlay.inner.height).max(1)
    }

    /// Up and Down, by one.
    fn step(&mut self, delta: isize) {
        let list_keys = self.list_has_keys();
        match &mut self.ui.overlay {
            Overlay::Help { scroll } => *scroll = scroll.saturating_add_signed(delta),
            Overlay::Detail(detail) => detail.scroll = detail.scroll.saturating_add_signed(delta),
            Overlay::Search(search) => {
                search.selected = search.selected.saturating_add_signed(delta)
            }
            Overlay::None if list_keys => self.move_list(delta),
            Overlay::None => self.read(|r, page| if delta < 0 { r.up(page) } else { r.down(page) }),
        }
    }

    /// PgUp and PgDn.
    fn page_by(&mut self, down: bool) {
        let height = self.overlay_height();
        let sign = if down { 1 } else { -1 };
        let list_keys = self.list_has_keys();
        match &mut self.ui.overlay {
            Overlay::Help { scroll } => {
                *scroll = scroll.saturating_add_signed(sign * (height as isize - 1).max(1))
            }
            Overlay::Detail(detail) => {
                detail.scroll = detail
                    .scroll
                    .saturating_add_signed(sign * (height as isize - 1).max(1))
            }
            Overlay::Search(search) => {
                let rows = (height / 2).max(1) as isize;
                search.selected = search.selected.saturating_add_signed(sign * rows)
            }
            Overlay::None if list_keys => {
                let rows = self.screen().list.map_or(1, |l| l.rows.height.max(1));
                self.move_list(sign * rows as isize);
            }
            Overlay::None => self.read(|r, page| {
                if down {
                    r.page_down(page)
                } else {
                    r.page_up(page)
                }
            }),
        }
    }

    /// Home and End.
    fn end(&mut self, bottom: bool) {
        let far = if bottom { usize::MAX } else { 0 };
        let list_keys = self.list_has_keys();
        match &mut self.ui.overlay {
            Overlay::Help { scroll } => *scroll = far,
            Overlay::Detail(detail) => detail.scroll = far,
            Overlay::Search(search) => search.selected = far,
            Overlay::None if list_keys => self.select_match(far),
            Overlay::None => self.read(|r, page| if bottom { r.bottom(page) } else { r.top(page) }),
        }
    }

    fn move_list(&mut self, delta: isize) {
        let position = self.ui.list.selected.saturating_add_signed(delta);
        self.select_match(position);
    }

    /// Selects the `position`-th country the filter keeps (clamped) and
    /// shows its profile from the top.
    fn select_match(&mut self, position: usize) {
        let Some(last) = self.matches.len().checked_sub(1) else {
            return;
        };
        self.ui.list.selected = position.min(last);
        self.show_country(self.matches[self.ui.list.selected]);
    }

    fn show_country(&mut self, country: usize) {
        if country != self.ui.country {
            self.ui.country = country;
            self.ui.profile = Reader::default();
        }
        if let Some(position) = self.matches.iter().position(|&c| c == country) {
            self.ui.list.selected = position;
        }
    }

    fn set_filter(&mut self, filter: String) {
        self.matches = country_list::matches(&self.data.countries, &filter);
        self.ui.list.filter = filter;
        // Keep the country on screen if the filter keeps it, else the first match.
        match self.matches.iter().position(|&c| c == self.ui.country) {
            Some(position) => self.ui.list.selected = position,
            None => self.select_match(0),
        }
    }

    /// Typing, in the search box or the filter.
    fn edit(&mut self, change: impl FnOnce(&mut String)) {
        if let Overlay::Search(search) = &mut self.ui.overlay {
            change(&mut search.query);
            search.selected = 0;
            let query = search.query.clone();
            self.hits = self.search_index().query(&query);
        } else if self.ui.list.editing {
            let mut filter = self.ui.list.filter.clone();
            change(&mut filter);
            self.set_filter(filter);
        }
    }

    fn open(&mut self) {
        if let Overlay::Search(_) = self.ui.overlay {
            if let Some(hit) = self.selected_hit() {
                let target = self.data.search[hit.entry].target;
                self.ui.overlay = Overlay::None;
                self.jump_to(target);
            }
            return;
        }
        if self.list_has_keys() {
            self.ui.focus = Focus::Profile;
            return;
        }
        if let Some(id) = self.reading() {
            self.ui.overlay = Overlay::Detail(DetailUi {
                doc: id,
                block: self.reader(id).cursor,
                scroll: 0,
            });
        }
    }

    /// Esc: one step back.
    fn back(&mut self) {
        match self.ui.view {
            View::Countries if self.ui.focus == Focus::Profile => self.focus_list(),
            View::Countries if !self.ui.list.filter.is_empty() => self.set_filter(String::new()),
            View::Countries => {}
            _ => {
                let back = if self.ui.previous_view == self.ui.view {
                    View::Countries
                } else {
                    self.ui.previous_view
                };
                self.go_to(back);
            }
        }
    }

    fn focus_list(&mut self) {
        self.ui.focus = Focus::List;
        self.ui.show_list = true;
    }

    fn toggle_list(&mut self) {
        if self.ui.size.width >= layout::NARROW_WIDTH {
            self.ui.show_list = !self.ui.show_list;
            self.ui.focus = if self.ui.show_list {
                Focus::List
            } else {
                Focus::Profile
            };
        } else if self.ui.focus == Focus::List {
            self.ui.focus = Focus::Profile;
        } else {
            self.focus_list();
        }
    }

    fn toggle_mark(&mut self) {
        let c = self.ui.country;
        let Some(mark) = self.ui.marked.get_mut(c) else {
            return;
        };
        *mark = !*mark;
        let now = if *mark { "Marked" } else { "Unmarked" };
        let count = self.ui.marked.iter().filter(|&&m| m).count();
        self.ui.status = Some(format!(
            "{now} {} for comparison ({count} marked)",
            self.data.countries[c].name
        ));
    }

    /// Shows a search hit where it lives.
    fn jump_to(&mut self, target: Target) {
        let country = match target {
            Target::Region { .. } => {
                self.go_to(View::Region);
                if let Some(block) = self.region_doc().find(target) {
                    self.read(|r, page| r.jump(page, block));
                }
                return;
            }
            Target::Country(c) => {
                self.go_to(View::Countries);
                self.reveal_in_list(c);
                self.ui.profile = Reader::default();
                self.focus_list();
                return;
            }
            Target::CountryOverview { country, .. }
            | Target::CountryFigure { country, .. }
            | Target::CountryItem { country, .. }
            | Target::CountryPlace { country, .. }
            | Target::CountryOrganization { country, .. } => country,
        };
        self.go_to(View::Countries);
        self.reveal_in_list(country);
        self.ui.focus = Focus::Profile;
        // The layout of the newly shown profile is needed to scroll to the block.
        self.normalize();
        if let Some(block) = self.profile(country).find(target) {
            self.read(|r, page| r.jump(page, block));
        }
    }

    /// Shows a country, clearing a filter that hides it.
    fn reveal_in_list(&mut self, country: usize) {
        if !self.matches.contains(&country) {
            self.ui.list.editing = false;
            self.set_filter(String::new());
        }
        self.show_country(country);
    }

    fn copy(&mut self) {
        let (text, what) = match &self.ui.overlay {
            Overlay::Detail(detail) => {
                let block = &self.doc(detail.doc).blocks[detail.block];
                (block_text(self.data, block), block.context.clone())
            }
            Overlay::None if self.list_has_keys() => {
                let Some(c) = self.data.countries.get(self.ui.country) else {
                    return;
                };
                (country_text(self.data, c), format!("{}'s tier", c.name))
            }
            Overlay::None => {
                let Some(id) = self.reading() else {
                    return;
                };
                let Some(block) = self.doc(id).blocks.get(self.reader(id).cursor) else {
                    return;
                };
                (block_text(self.data, block), block.context.clone())
            }
            _ => return,
        };
        self.ui.clipboard = Some(text);
        self.ui.status = Some(format!("Copied {what} to the clipboard"));
    }

    /// n and p in the detail overlay: the next or previous block, with the
    /// reading cursor following so that closing lands there.
    fn detail_step(&mut self, forward: bool) {
        let Overlay::Detail(detail) = &self.ui.overlay else {
            return;
        };
        let (id, block) = (detail.doc, detail.block);
        let doc = self.doc(id);
        let next = if forward {
            doc.next_selectable(block)
        } else {
            doc.prev_selectable(block)
        };
        let Some(next) = next else {
            return;
        };
        self.ui.overlay = Overlay::Detail(DetailUi {
            doc: id,
            block: next,
            scroll: 0,
        });
        let mut reader = self.reader(id);
        reader.jump(&self.page(id), next);
        self.set_reader(id, reader);
    }

    fn wheel(&mut self, at: Position, down: bool) {
        let screen = self.screen();
        if screen.too_small {
            return;
        }
        let delta = if down { 1 } else { -1 };
        if self.ui.overlay != Overlay::None {
            // The overlay scrolls wherever the pointer is: nothing else shows.
            let lines = if matches!(self.ui.overlay, Overlay::Search(_)) {
                1
            } else {
                WHEEL_LINES
            };
            for _ in 0..lines {
                self.step(delta);
            }
            return;
        }
        if screen.list.is_some_and(|l| l.area.contains(at)) {
            self.move_list(delta);
        } else if screen.page.is_some_and(|p| p.area.contains(at)) {
            self.read(|r, page| r.scroll_by(page, delta * WHEEL_LINES));
        }
    }

    fn click(&mut self, at: Position) {
        let screen = self.screen();
        if screen.too_small || self.ui.overlay != Overlay::None {
            return;
        }
        if screen.tabs.contains(at) {
            let labels = tab_labels();
            let current = usize::from(self.ui.view.number() - 1);
            if let Some(cell) = hit_cell(&labels, current, screen.tabs, at) {
                self.go_to(View::ALL[cell]);
            }
            return;
        }
        if let Some(list) = screen.list.filter(|l| l.area.contains(at)) {
            self.ui.focus = Focus::List;
            if list.rows.contains(at) {
                let offset = list_offset(self.ui.list.selected, usize::from(list.rows.height));
                let position = offset + usize::from(at.y - list.rows.y);
                if position < self.matches.len() {
                    self.select_match(position);
                }
            }
            return;
        }
        let Some(page) = screen.page.filter(|p| p.area.contains(at)) else {
            return;
        };
        let Some(id) = self.reading() else {
            return;
        };
        if self.ui.view == View::Countries {
            self.ui.focus = Focus::Profile;
        }
        if page.bar.contains(at) {
            let labels = section_labels(self.doc(id));
            let current = self.reader(id).current_section(&self.page(id));
            if let Some(section) = hit_cell(&labels, current, page.bar, at) {
                self.read(|r, p| r.section(p, section));
            }
        } else if page.doc.contains(at) {
            let line = self.reader(id).scroll + usize::from(at.y - page.doc.y);
            self.read(|r, p| r.select_line(p, line));
        }
    }
}

/// The labels of the view tabs, as the tab bar shows them.
pub fn tab_labels() -> Vec<String> {
    View::ALL
        .iter()
        .map(|v| format!("{} {}", v.number(), v.title()))
        .collect()
}

/// The labels of a document's section bar: numbered for Alt-1..9.
pub fn section_labels(doc: &super::Document) -> Vec<String> {
    doc.sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i < 9 {
                format!("{} {}", i + 1, s.short)
            } else {
                s.short.to_string()
            }
        })
        .collect()
}

/// Which label of a bar a click hit, computed as the bar is drawn.
fn hit_cell(labels: &[String], current: usize, bar: Rect, at: Position) -> Option<usize> {
    let x = at.x.checked_sub(bar.x)?;
    bar_cells(labels, current, bar.width)
        .into_iter()
        .find(|cell| (cell.x..cell.x + cell.width).contains(&x))
        .map(|cell| cell.index)
}
