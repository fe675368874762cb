//! The explorer's state and the one function that changes it.
//!
//! [`State`] holds the dataset (borrowed, immutable), the documents built
//! from it once, what the user did ([`Ui`]: small, comparable, the only
//! part that actions change directly) and what follows from it (filter
//! matches, search hits, laid-out documents), recomputed by [`update`] when
//! what they depend on changed. [`update`] does no I/O: a copy to the
//! clipboard is left in `ui.clipboard` for the terminal layer to send.

mod copy;
mod country_list;
pub mod doc_layout;
pub mod document;
mod profile;
pub mod reader;
mod region;
mod update;

use std::cell::OnceCell;
use std::sync::{Arc, OnceLock};

use ratatui::layout::{Rect, Size};

pub use country_list::ListUi;
pub use doc_layout::{DocLayout, DocLine, Role, Span};
pub use document::{Block, BlockKind, Document};
pub use reader::{Page, Reader};
pub use update::{section_labels, tab_labels, update};

use crate::model::Dataset;
use crate::search::{Hit, SearchIndex};
use crate::ui::layout::{self, LayoutInput, Screen};
use crate::ui::theme::Theme;

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

/// Which pane of the countries view has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Profile,
}

/// A reading document: a country's profile or the region view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocId {
    Profile(usize),
    Region,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchUi {
    pub query: String,
    /// Index into the hits (0 when there are none).
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailUi {
    pub doc: DocId,
    pub block: usize,
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help { scroll: usize },
    Search(SearchUi),
    Detail(DetailUi),
}

/// Everything the user changed. Small and comparable, so that the event
/// loop can tell whether an action changed anything worth a redraw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ui {
    pub size: Size,
    pub view: View,
    /// Where Esc returns from the matrix, compare and region views.
    pub previous_view: View,
    pub focus: Focus,
    /// The list beside the profile (wide terminals; on narrow ones the
    /// focused pane takes the whole width).
    pub show_list: bool,
    pub list: ListUi,
    /// The country the profile shows.
    pub country: usize,
    pub profile: Reader,
    pub region: Reader,
    /// Countries marked for comparison, by index.
    pub marked: Vec<bool>,
    pub overlay: Overlay,
    pub status: Option<String>,
    /// Text for the terminal layer to put on the clipboard.
    pub clipboard: Option<String>,
    pub should_quit: bool,
}

/// Where the search index is built, once: the terminal layer builds it on
/// a second thread while the first frame is drawn; whoever needs it first
/// waits for it (or builds it, when no thread was started).
pub type SearchSlot = Arc<OnceLock<SearchIndex>>;

pub struct State<'a> {
    pub data: &'a Dataset,
    pub theme: Theme,
    search: SearchSlot,
    /// One per country, in the dataset's order; each built when first read,
    /// so that start-up does not grow with the number of countries.
    profiles: Vec<OnceCell<Document<'a>>>,
    region: OnceCell<Document<'a>>,
    pub ui: Ui,
    /// Countries the filter keeps.
    pub matches: Vec<usize>,
    pub hits: Vec<Hit>,
    pub profile_layout: DocLayout,
    pub region_layout: DocLayout,
    pub detail_lines: Vec<DocLine>,
    /// What the laid-out documents were laid out for.
    laid_out: LaidOut,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct LaidOut {
    profile: Option<(usize, usize)>,
    region: Option<usize>,
    detail: Option<(DocId, usize, usize)>,
}

impl<'a> State<'a> {
    /// The explorer on `data`, for a terminal of `width` × `height`. The
    /// documents are built here, once; the search index when first needed.
    pub fn new(data: &'a Dataset, theme: Theme, width: u16, height: u16) -> Self {
        State::with_search(data, theme, width, height, SearchSlot::default())
    }

    /// The explorer with a search index that may be under construction
    /// elsewhere (see [`SearchSlot`]).
    pub fn with_search(
        data: &'a Dataset,
        theme: Theme,
        width: u16,
        height: u16,
        search: SearchSlot,
    ) -> Self {
        let countries = data.countries.len();
        let mut state = State {
            data,
            theme,
            search,
            profiles: (0..countries).map(|_| OnceCell::new()).collect(),
            region: OnceCell::new(),
            ui: Ui {
                size: Size::new(width, height),
                view: View::Countries,
                previous_view: View::Countries,
                focus: Focus::List,
                show_list: true,
                list: ListUi::default(),
                country: 0,
                profile: Reader::default(),
                region: Reader::default(),
                marked: vec![false; countries],
                overlay: Overlay::None,
                status: None,
                clipboard: None,
                should_quit: false,
            },
            matches: (0..countries).collect(),
            hits: Vec::new(),
            profile_layout: DocLayout::default(),
            region_layout: DocLayout::default(),
            detail_lines: Vec::new(),
            laid_out: LaidOut::default(),
        };
        state.normalize();
        state
    }

    /// The search index, built on first use unless built already.
    pub fn search_index(&self) -> &SearchIndex {
        self.search
            .get_or_init(|| SearchIndex::new(&self.data.search))
    }

    /// Country `c`'s profile document.
    ///
    /// # Panics
    /// If `c` is not a country of the dataset.
    pub fn profile(&self, c: usize) -> &Document<'a> {
        self.profiles[c].get_or_init(|| profile::profile(self.data, c))
    }

    /// The region view's document.
    pub fn region_doc(&self) -> &Document<'a> {
        self.region.get_or_init(|| region::region(self.data))
    }

    /// The screen's regions, as the renderer lays them out.
    pub fn screen(&self) -> Screen {
        let area = Rect::new(0, 0, self.ui.size.width, self.ui.size.height);
        layout::layout(area, self.layout_input(self.ui.view))
    }

    fn layout_input(&self, view: View) -> LayoutInput {
        LayoutInput {
            view,
            show_list: self.ui.show_list,
            list_focused: self.ui.focus == Focus::List,
        }
    }

    /// The reading pane of a view as it is (or would be) shown: on a narrow
    /// terminal the profile is laid out for the width it gets when shown.
    pub fn page_doc_area(&self, view: View) -> Rect {
        let area = Rect::new(0, 0, self.ui.size.width, self.ui.size.height);
        let input = LayoutInput {
            list_focused: false,
            ..self.layout_input(view)
        };
        layout::layout(area, input)
            .page
            .map_or(Rect::new(0, 0, 1, 1), |p| p.doc)
    }

    /// The document a reading view shows.
    pub fn doc(&self, id: DocId) -> &Document<'a> {
        match id {
            DocId::Profile(c) => self.profile(c),
            DocId::Region => self.region_doc(),
        }
    }

    pub fn doc_layout(&self, id: DocId) -> &DocLayout {
        match id {
            DocId::Profile(_) => &self.profile_layout,
            DocId::Region => &self.region_layout,
        }
    }

    pub fn reader(&self, id: DocId) -> Reader {
        match id {
            DocId::Profile(_) => self.ui.profile,
            DocId::Region => self.ui.region,
        }
    }

    /// The page of a document as its pane shows it.
    pub fn page(&self, id: DocId) -> Page<'_, 'a> {
        let view = match id {
            DocId::Profile(_) => View::Countries,
            DocId::Region => View::Region,
        };
        Page {
            doc: self.doc(id),
            layout: self.doc_layout(id),
            height: usize::from(self.page_doc_area(view).height),
        }
    }

    /// The document the current view reads, if it reads one.
    pub fn reading(&self) -> Option<DocId> {
        match self.ui.view {
            View::Countries if !self.data.countries.is_empty() => {
                Some(DocId::Profile(self.ui.country))
            }
            View::Region => Some(DocId::Region),
            _ => None,
        }
    }

    /// The hit the search overlay has selected.
    pub fn selected_hit(&self) -> Option<&Hit> {
        match &self.ui.overlay {
            Overlay::Search(search) => self.hits.get(search.selected),
            _ => None,
        }
    }

    fn region_shown(&self) -> bool {
        let detail = matches!(&self.ui.overlay, Overlay::Detail(d) if d.doc == DocId::Region);
        self.ui.view == View::Region || detail
    }

    /// Is the region document laid out for the current size?
    fn region_laid_out(&self) -> bool {
        let width = usize::from(self.page_doc_area(View::Region).width);
        self.laid_out.region == Some(width)
    }

    /// Lays out again whatever the size or the selection made stale.
    pub(crate) fn sync_layouts(&mut self) {
        if let Some(c) = (!self.profiles.is_empty()).then_some(self.ui.country) {
            let width = usize::from(self.page_doc_area(View::Countries).width);
            if self.laid_out.profile != Some((c, width)) {
                self.profile_layout = doc_layout::lay_out(self.profile(c), width);
                self.laid_out.profile = Some((c, width));
            }
        }
        // The region document is the longest: laid out when first shown,
        // or ahead of that by `Action::Prepare`.
        if self.region_shown() {
            self.lay_out_region();
        }
        if let Overlay::Detail(detail) = &self.ui.overlay {
            let width = usize::from(self.screen().overlay.inner.width);
            let key = (detail.doc, detail.block, width);
            if self.laid_out.detail != Some(key) {
                let block = &self.doc(detail.doc).blocks[detail.block];
                self.detail_lines = doc_layout::detail_lines(self.data, block, width);
                self.laid_out.detail = Some(key);
            }
        }
    }

    fn lay_out_region(&mut self) {
        let width = usize::from(self.page_doc_area(View::Region).width);
        if self.laid_out.region != Some(width) {
            self.region_layout = doc_layout::lay_out(self.region_doc(), width);
            self.laid_out.region = Some(width);
        }
    }

    /// Builds what the next key is likely to show: the region view laid out
    /// for the current size, and the profiles of the countries above and
    /// below the selection in the list.
    pub(crate) fn prepare(&mut self) {
        self.lay_out_region();
        let at = self.ui.list.selected;
        for neighbour in [at.checked_sub(1), at.checked_add(1)].into_iter().flatten() {
            if let Some(&c) = self.matches.get(neighbour) {
                self.profile(c);
            }
        }
    }

    /// Brings every selection and scroll back in range; run after every action.
    fn normalize(&mut self) {
        let countries = self.data.countries.len();
        self.ui.country = self.ui.country.min(countries.saturating_sub(1));
        self.ui.list.selected = self
            .ui
            .list
            .selected
            .min(self.matches.len().saturating_sub(1));
        if let Some(&c) = self.matches.get(self.ui.list.selected) {
            self.ui.country = c;
        }
        // On a wide terminal a hidden list cannot have the keyboard.
        let wide = self.ui.size.width >= layout::NARROW_WIDTH;
        if wide && !self.ui.show_list {
            self.ui.focus = Focus::Profile;
        }
        if let Overlay::Detail(detail) = &self.ui.overlay {
            let doc = match detail.doc {
                DocId::Profile(c) => (c < self.profiles.len()).then(|| self.profile(c)),
                DocId::Region => Some(self.region_doc()),
            };
            if !doc.is_some_and(|d| d.is_selectable(detail.block)) {
                self.ui.overlay = Overlay::None;
            }
        }
        self.sync_layouts();
        if !self.profiles.is_empty() {
            let id = DocId::Profile(self.ui.country);
            let mut reader = self.ui.profile;
            reader.clamp(&self.page(id));
            self.ui.profile = reader;
        }
        if self.region_laid_out() {
            let mut reader = self.ui.region;
            reader.clamp(&self.page(DocId::Region));
            self.ui.region = reader;
        }

        let screen = self.screen();
        let overlay_height = usize::from(screen.overlay.inner.height).max(1);
        let detail_lines = self.detail_lines.len();
        let hits = self.hits.len();
        match &mut self.ui.overlay {
            Overlay::Help { scroll } => {
                let lines = crate::ui::help::line_count();
                *scroll = (*scroll).min(lines.saturating_sub(overlay_height));
            }
            Overlay::Detail(detail) => {
                detail.scroll = detail
                    .scroll
                    .min(detail_lines.saturating_sub(overlay_height));
            }
            Overlay::Search(search) => {
                search.selected = search.selected.min(hits.saturating_sub(1));
            }
            Overlay::None => {}
        }
    }

    /// Every selection in range? The invariant `update` keeps; `Err` says
    /// what is out of range.
    pub fn check(&self) -> Result<(), String> {
        let countries = self.data.countries.len();
        if countries > 0 && self.ui.country >= countries {
            return Err(format!("country {} of {countries}", self.ui.country));
        }
        if !self.matches.is_empty() && self.ui.list.selected >= self.matches.len() {
            return Err(format!(
                "list selection {} of {}",
                self.ui.list.selected,
                self.matches.len()
            ));
        }
        if let Some(&c) = self.matches.get(self.ui.list.selected) {
            if c != self.ui.country {
                return Err(format!(
                    "list selects {c}, profile shows {}",
                    self.ui.country
                ));
            }
        }
        if countries > 0 {
            let id = DocId::Profile(self.ui.country);
            if let Some(problem) = self.ui.profile.problem(&self.page(id)) {
                return Err(format!("profile: {problem}"));
            }
        }
        if self.region_laid_out() {
            if let Some(problem) = self.ui.region.problem(&self.page(DocId::Region)) {
                return Err(format!("region: {problem}"));
            }
        }
        if self.ui.marked.len() != countries {
            return Err("marks out of step with the countries".into());
        }
        match &self.ui.overlay {
            Overlay::Search(search)
                if !self.hits.is_empty() && search.selected >= self.hits.len() =>
            {
                Err(format!(
                    "search selection {} of {}",
                    search.selected,
                    self.hits.len()
                ))
            }
            Overlay::Detail(detail) if !self.doc(detail.doc).is_selectable(detail.block) => Err(
                format!("detail of block {} that is not selectable", detail.block),
            ),
            _ => Ok(()),
        }
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
