//! The explorer's state and the one function that changes it.
//!
//! [`State`] holds the dataset (borrowed, immutable), the documents built
//! from it, what the user did ([`Session`]: small, comparable, the part
//! that actions change directly) and what follows from it (filter matches,
//! search hits, laid-out documents), recomputed by [`update`] when what they
//! depend on changed. [`update`] does no I/O: what must leave the program (a
//! copy to the clipboard, quitting) it returns as an [`Outcome`] for the
//! terminal layer to carry out.
//!
//! A view is a module here (its state and what it does with an action)
//! and one under `ui` (its drawing); [`State::pane`] says which pane has
//! the keyboard, and [`State::apply`] hands the action to it.

mod check;
pub mod compare;
pub mod countries;
mod export;
mod history;
pub mod matrix;
pub mod notebook;
mod overlays;
pub mod reading;
pub mod region;
pub mod search;

use std::sync::{Arc, OnceLock};

use ratatui::layout::{Position, Rect, Size};

pub use compare::Compare;
pub use countries::{Countries, CountryList, Focus};
pub use export::Export;
pub use history::History;
pub use matrix::MatrixView;
pub use notebook::{EditorBox, NotebookBox};
pub use overlays::{Detail, ElsewhereBox, Overlay};
pub use reading::{DocId, Docs};
pub use region::Region;
pub use search::{Found, Scope, SearchBox};

use crate::action::{Action, Pane, View};
use crate::doc::DocLine;
use crate::layout::{self, bar_cells, Screen};
use crate::model::{Dataset, Target};
use crate::notebook::{Annotations, Catalog, Notebook};
use crate::search::{Hit, SearchIndex};
use crate::theme::Theme;
use ratatui_textarea::TextArea;

/// What the terminal layer must do after an action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Something on screen changed.
    pub redraw: bool,
    /// Text for the clipboard.
    pub copy: Option<String>,
    /// A file to write in the current folder (`e`); the terminal layer
    /// writes it and reports back through [`State::exported`].
    pub export: Option<Export>,
    pub quit: bool,
    /// Give the terminal back and stop until the shell's `fg`.
    pub suspend: bool,
    /// The notebook changed: save it (and take in what another tipx saved).
    pub save_notebook: bool,
    /// The notebook as Markdown, to be written to a file.
    pub export_notes: Option<String>,
}

/// Everything the user changed. Small and comparable, so that `update`
/// can tell whether an action changed anything worth a redraw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub size: Size,
    pub view: View,
    /// Where Esc returns from the matrix, compare and region views.
    pub previous_view: View,
    pub countries: Countries,
    pub matrix: MatrixView,
    pub compare: Compare,
    pub region: Region,
    /// Countries marked for comparison, in the order marked.
    pub marked: Vec<usize>,
    pub overlay: Overlay,
    pub status: Option<String>,
}

/// Where the search index is built, once: the terminal layer builds it on
/// a second thread while the first frame is drawn; whoever needs it first
/// waits for it (or builds it, when no thread was started).
pub type SearchSlot = Arc<OnceLock<SearchIndex>>;

pub struct State<'a> {
    pub data: &'a Dataset,
    pub theme: Theme,
    search: SearchSlot,
    pub session: Session,
    pub docs: Docs<'a>,
    /// Countries the filter keeps.
    pub matches: Vec<usize>,
    /// The matrix under the kind filter it was built for.
    pub matrix: Option<crate::query::matrix::Matrix<'a>>,
    /// The marked countries compared, built when they change (view 3).
    pub comparison: Option<crate::query::compare::Comparison<'a>>,
    /// The comparison's table as last laid out, and what for.
    compare_laid: Option<(compare::LaidKey, compare::Laid)>,
    /// The cell the evidence document shows: (row, column, filter).
    evidence_for: Option<(usize, usize, crate::query::matrix::KindFilter)>,
    pub hits: Vec<Hit>,
    /// The search last opened with Enter, for n and N and the marks.
    pub found: Option<Found>,
    search_history: Vec<String>,
    pub detail_lines: Vec<DocLine>,
    /// What the detail lines were laid out for.
    detail_for: Option<(DocId, usize, usize)>,
    history: History,
    /// The reader's bookmarks and notes, and the places they can go.
    pub notebook: Notebook,
    pub catalog: Catalog<'a>,
    /// The notebook as the documents show it.
    pub annotations: Annotations,
    /// Why the notebook is not saved (it could not be read), if so.
    notebook_problem: Option<String>,
    /// The note editor's text, while the editor is open.
    pub editor: TextArea<'static>,
}

/// Applies an action and says what the terminal must do.
pub fn update(state: &mut State, action: Action) -> Outcome {
    let before = state.session.clone();
    if action.is_from_keyboard() {
        state.session.status = None;
    }
    let mut out = Outcome::default();
    state.apply(action, &mut out);
    state.normalize();
    out.redraw = state.session != before;
    out
}

impl<'a> State<'a> {
    /// The explorer on `data`, for a terminal of `width` × `height`.
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
            session: Session {
                size: Size::default(),
                view: View::Countries,
                previous_view: View::Countries,
                countries: Countries::new(countries),
                matrix: MatrixView::default(),
                compare: Compare::default(),
                region: Region::default(),
                marked: Vec::new(),
                overlay: Overlay::None,
                status: None,
            },
            docs: Docs::new(countries),
            matches: (0..countries).collect(),
            matrix: None,
            comparison: None,
            compare_laid: None,
            evidence_for: None,
            hits: Vec::new(),
            found: None,
            search_history: Vec::new(),
            detail_lines: Vec::new(),
            detail_for: None,
            history: History::default(),
            notebook: Notebook::default(),
            catalog: Catalog::new(data),
            annotations: Annotations::default(),
            notebook_problem: None,
            editor: TextArea::default(),
        };
        state.resize(width, height);
        state.normalize();
        state
    }

    /// The pane that has the keyboard: the one router of keys and actions.
    pub fn pane(&self) -> Pane {
        match &self.session.overlay {
            Overlay::Help { typing: true, .. } => Pane::HelpFilter,
            Overlay::Help { .. } => Pane::Help,
            Overlay::Search(_) => Pane::Search,
            Overlay::Detail(_) => Pane::Detail,
            Overlay::Elsewhere(_) => Pane::Elsewhere,
            Overlay::Notebook(_) => Pane::Notebook,
            Overlay::Editor(_) => Pane::Editor,
            Overlay::None => match self.session.view {
                View::Countries => self.session.countries.pane(),
                View::Region => Pane::Region,
                View::Matrix => self.session.matrix.pane(),
                View::Compare => self.compare_pane(),
            },
        }
    }

    /// The search index, built on first use unless built already.
    pub fn search_index(&self) -> &SearchIndex {
        self.search
            .get_or_init(|| SearchIndex::new(&self.data.search))
    }

    /// The frame every view shares, at the current size.
    pub fn screen(&self) -> Screen {
        let size = self.session.size;
        layout::screen(Rect::new(0, 0, size.width, size.height))
    }

    pub fn is_marked(&self, country: usize) -> bool {
        self.session.marked.contains(&country)
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// The hit the search overlay has selected.
    pub fn selected_hit(&self) -> Option<&Hit> {
        match &self.session.overlay {
            Overlay::Search(search) => self.hits.get(search.selected),
            _ => None,
        }
    }

    fn apply(&mut self, action: Action, out: &mut Outcome) {
        match action {
            Action::Quit => {
                // Ctrl-C in the editor keeps what was typed: no note is lost.
                if matches!(self.session.overlay, Overlay::Editor(_)) {
                    self.editor_action(Action::SaveNote, out);
                }
                out.quit = true;
            }
            Action::Suspend => out.suspend = true,
            Action::OpenHelp => {
                self.session.overlay = match self.session.overlay {
                    Overlay::Help { .. } => Overlay::None,
                    _ => Overlay::Help {
                        scroll: 0,
                        filter: String::new(),
                        typing: false,
                    },
                }
            }
            Action::OpenSearch => self.open_search(),
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::Close if self.pane() == Pane::Search => self.search_action(action),
            Action::Close => self.session.overlay = Overlay::None,
            Action::NextView => self.go_to(self.session.view.next()),
            Action::PrevView => self.go_to(self.session.view.prev()),
            Action::GoTo(view) => self.go_to(view),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Scroll { column, row, down } => self.wheel(Position::new(column, row), down),
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Prepare => self.prepare(),
            Action::Export => self.export_view(out),
            Action::OpenNotebook => self.open_notebook(out),
            Action::ToggleBookmark => self.toggle_bookmark(out),
            Action::EditNote => self.edit_note(),
            _ => match self.pane() {
                Pane::Help | Pane::HelpFilter => self.help_action(action),
                Pane::Search => self.search_action(action),
                Pane::Detail => self.detail_action(action, out),
                Pane::Elsewhere => self.elsewhere_action(action, out),
                Pane::Filter | Pane::CountryList | Pane::Profile => {
                    self.countries_action(action, out)
                }
                Pane::Region => self.region_action(action, out),
                Pane::Matrix | Pane::Evidence => self.matrix_action(action, out),
                Pane::Compare | Pane::ComparePick => self.compare_action(action, out),
                Pane::Notebook => self.notebook_action(action, out),
                Pane::Editor => self.editor_action(action, out),
            },
        }
    }

    /// Takes the terminal's size, drawing at most the capped size (and saying so).
    fn resize(&mut self, width: u16, height: u16) {
        let size = Size::new(width.min(layout::MAX_WIDTH), height.min(layout::MAX_HEIGHT));
        if size != Size::new(width, height) {
            self.session.status = Some(format!(
                "Drawing {}×{} of the terminal's {width}×{height} cells",
                size.width, size.height
            ));
        }
        self.session.size = size;
    }

    pub(crate) fn go_to(&mut self, view: View) {
        if view != self.session.view {
            self.session.previous_view = self.session.view;
            self.session.view = view;
        }
    }

    /// Esc in a view other than the countries: to the view before it.
    pub(crate) fn leave_view(&mut self) {
        let session = &self.session;
        let back = if session.previous_view == session.view {
            View::Countries
        } else {
            session.previous_view
        };
        self.go_to(back);
    }

    /// Hands text to the terminal's clipboard and says so. Whether the
    /// terminal honours the request cannot be known, so the status says
    /// what was sent, not that it arrived.
    fn copied(&mut self, out: &mut Outcome, text: String, what: &str) {
        out.copy = Some(text);
        self.session.status = Some(format!("Sent {what} to the terminal's clipboard (OSC 52)"));
    }

    /// Adds to the status what became of the copy to the desktop's
    /// clipboard, which the terminal layer makes beside OSC 52.
    pub fn copied_to_desktop(&mut self, result: Result<(), String>) {
        let Some(status) = &mut self.session.status else {
            return;
        };
        match result {
            Ok(()) => status.push_str(" and the desktop's"),
            Err(error) => {
                let error = crate::sanitize::clean(&error).into_owned();
                status.push_str(&format!("; not to the desktop's: {error}"));
            }
        }
    }

    /// Shows a target where it lives, remembering where the jump started.
    pub(crate) fn jump_to(&mut self, target: Target) {
        self.remember_place();
        self.show_target(target);
    }

    /// Shows a target where it lives.
    fn show_target(&mut self, target: Target) {
        let country = match target {
            Target::Region { .. } => {
                self.go_to(View::Region);
                self.lay_out(DocId::Region);
                if let Some(block) = self.docs.get(DocId::Region).and_then(|d| d.find(target)) {
                    self.read(DocId::Region, |r, v| r.jump(v, block));
                }
                return;
            }
            Target::Country(c) => {
                self.go_to(View::Countries);
                self.reveal_in_list(c);
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
        self.session.countries.focus = Focus::Profile;
        let id = DocId::Profile(country);
        self.lay_out(id);
        if let Some(block) = self.docs.get(id).and_then(|d| d.find(target)) {
            self.read(id, |r, v| r.jump(v, block));
        }
    }

    fn wheel(&mut self, at: Position, down: bool) {
        if self.screen().too_small {
            return;
        }
        if self.session.overlay != Overlay::None {
            // The overlay scrolls wherever the pointer is: nothing else shows.
            let lines = if matches!(self.session.overlay, Overlay::Search(_)) {
                1
            } else {
                reading::WHEEL_LINES
            };
            let motion = if down {
                crate::action::Motion::Down
            } else {
                crate::action::Motion::Up
            };
            let mut out = Outcome::default();
            for _ in 0..lines {
                self.apply(Action::Move(motion), &mut out);
            }
            return;
        }
        match self.session.view {
            View::Countries => self.countries_wheel(at, down),
            View::Region => self.region_wheel(at, down),
            View::Matrix => self.matrix_wheel(at, down),
            View::Compare => self.compare_wheel(at, down),
        }
    }

    fn click(&mut self, at: Position) {
        let screen = self.screen();
        if screen.too_small || self.session.overlay != Overlay::None {
            return;
        }
        if screen.tabs.contains(at) {
            let labels = tab_labels();
            let current = usize::from(self.session.view.number() - 1);
            if let Some(cell) = hit_cell(&labels, current, screen.tabs, at) {
                self.go_to(View::ALL[cell]);
            }
            return;
        }
        match self.session.view {
            View::Countries => self.countries_click(at),
            View::Region => self.region_click(at),
            View::Matrix => self.matrix_click(at),
            View::Compare => self.compare_click(at),
        }
    }

    /// Builds what the next key is likely to show: the region view laid out
    /// for the current size, and the profiles of the countries above and
    /// below the selection in the list.
    fn prepare(&mut self) {
        self.lay_out(DocId::Region);
        let at = self.session.countries.list.selected;
        for neighbour in [at.checked_sub(1), at.checked_add(1)].into_iter().flatten() {
            if let Some(&c) = self.matches.get(neighbour) {
                self.docs.build(self.data, DocId::Profile(c));
            }
        }
    }

    /// Lays out again whatever the size or the selection made stale.
    fn sync_layouts(&mut self) {
        if let Some(id) = self.doc_of(View::Countries) {
            self.lay_out(id);
        }
        // The region document is the longest: laid out when first shown,
        // or ahead of that by `Action::Prepare`.
        let detail_region = matches!(
            &self.session.overlay,
            Overlay::Detail(d) if d.doc == DocId::Region
        );
        if self.session.view == View::Region || detail_region {
            self.lay_out(DocId::Region);
        }
        if self.session.view == View::Matrix {
            self.sync_matrix();
        }
        if self.session.view == View::Compare {
            self.sync_compare();
        } else {
            // Coming back with countries marked elsewhere shows them compared.
            self.session.compare.picking = false;
        }
        if matches!(self.session.overlay, Overlay::Elsewhere(_)) {
            self.lay_out(DocId::Elsewhere);
        }
        if let Overlay::Detail(detail) = &self.session.overlay {
            let width = usize::from(self.screen().overlay.inner.width);
            let key = (detail.doc, detail.block, width);
            if self.detail_for != Some(key) {
                let block = self
                    .docs
                    .get(detail.doc)
                    .and_then(|d| d.blocks.get(detail.block));
                let mut lines = block.map_or_else(Vec::new, |b| {
                    crate::doc::lines::detail_lines(self.data, b, width)
                });
                lines.extend(self.detail_annotation_lines(detail, width));
                self.detail_lines = lines;
                self.detail_for = Some(key);
            }
        }
    }

    /// Brings every selection and scroll back in range; run after every action.
    fn normalize(&mut self) {
        let countries = self.data.countries.len();
        let view = &mut self.session.countries;
        view.country = view.country.min(countries.saturating_sub(1));
        view.list.selected = view.list.selected.min(self.matches.len().saturating_sub(1));
        if let Some(&c) = self.matches.get(view.list.selected) {
            view.country = c;
        }
        // On a wide terminal a hidden list cannot have the keyboard.
        if self.session.size.width >= layout::NARROW_WIDTH && !view.show_list {
            view.focus = Focus::Profile;
        }
        if let Overlay::Detail(detail) = &self.session.overlay {
            let (id, block) = (detail.doc, detail.block);
            let selectable = self
                .docs
                .build(self.data, id)
                .is_some_and(|d| d.is_selectable(block));
            if !selectable {
                self.session.overlay = Overlay::None;
            }
        }
        self.sync_layouts();
        if let Some(id) = self.doc_of(View::Countries) {
            self.clamp_reader(id);
        }
        self.clamp_reader(DocId::Region);
        self.clamp_reader(DocId::Evidence);
        self.clamp_reader(DocId::Elsewhere);
        self.clamp_overlay();
    }
}

/// Typing into a text input: the filter or the search box. What is typed is
/// echoed to the terminal, so it gets the dataset's sanitizing (no controls,
/// no bidi overrides).
fn edit_text(text: &mut String, action: Action) {
    match action {
        Action::Input(c) => {
            let typed = c.to_string();
            if crate::sanitize::clean(&typed) == typed {
                text.push(c);
            }
        }
        Action::DeleteChar => {
            text.pop();
        }
        Action::ClearInput => text.clear(),
        _ => {}
    }
}

/// The labels of the view tabs, as the tab bar shows them.
pub fn tab_labels() -> Vec<String> {
    View::ALL
        .iter()
        .map(|v| format!("{} {}", v.number(), v.title()))
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
