//! The reading panes (a country's profile, the region view, a matrix
//! cell's evidence, what works elsewhere): their
//! documents, built once when first needed and laid out for the pane's
//! width, and what a reading pane does with an action. Only `update` builds
//! or lays out a document; render reads what is here.

use ratatui::layout::Position;

use super::{Detail, Outcome, Overlay, State};
use crate::action::{Action, Motion, View};
use crate::doc::{self, clip, Block, DocLayout, Document, Reader, Viewport};
use crate::layout::{self, ReadingArea};
use crate::model::Dataset;
use crate::notebook::Annotations;

/// A reading document: a country's profile or the region view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocId {
    Profile(usize),
    Region,
    /// The items of the matrix's selected cell.
    Evidence,
    /// The best practices elsewhere on an item's themes.
    Elsewhere,
}

/// A document made for the moment (a matrix cell, an item's practices
/// elsewhere): replaced whenever what it shows changes.
#[derive(Default)]
struct Transient<'a> {
    doc: Option<Document<'a>>,
    layout: DocLayout,
    width: Option<usize>,
}

/// Lines the mouse wheel scrolls a reading pane by.
pub const WHEEL_LINES: isize = 3;

/// Profile layouts kept besides the one shown, so that moving up and down
/// the list (or a pasted run of `j` and `k`) does not lay the same profiles
/// out again and again. Few, so that memory stays flat with many countries.
const KEPT_LAYOUTS: usize = 8;

/// The documents and their layouts. A profile is built when first shown,
/// so that start-up does not grow with the number of countries.
pub struct Docs<'a> {
    profiles: Vec<Option<Document<'a>>>,
    region: Option<Document<'a>>,
    /// The layout of the profile shown, and what it was laid out for:
    /// (country, width).
    pub profile_layout: DocLayout,
    profile_for: Option<(usize, usize)>,
    /// Recently shown profiles' layouts, most recent last.
    kept: Vec<((usize, usize), DocLayout)>,
    pub region_layout: DocLayout,
    region_for: Option<usize>,
    evidence: Transient<'a>,
    elsewhere: Transient<'a>,
}

impl<'a> Docs<'a> {
    pub fn new(countries: usize) -> Self {
        Docs {
            profiles: (0..countries).map(|_| None).collect(),
            region: None,
            profile_layout: DocLayout::default(),
            profile_for: None,
            kept: Vec::new(),
            region_layout: DocLayout::default(),
            region_for: None,
            evidence: Transient::default(),
            elsewhere: Transient::default(),
        }
    }

    fn transient(&self, id: DocId) -> Option<&Transient<'a>> {
        match id {
            DocId::Evidence => Some(&self.evidence),
            DocId::Elsewhere => Some(&self.elsewhere),
            _ => None,
        }
    }

    /// Puts a document made for the moment in place, to be laid out anew.
    pub fn set(&mut self, id: DocId, doc: Document<'a>) {
        let slot = match id {
            DocId::Evidence => &mut self.evidence,
            DocId::Elsewhere => &mut self.elsewhere,
            _ => return,
        };
        *slot = Transient {
            doc: Some(doc),
            ..Transient::default()
        };
    }

    /// The document, if it was built.
    pub fn get(&self, id: DocId) -> Option<&Document<'a>> {
        match id {
            DocId::Profile(c) => self.profiles.get(c)?.as_ref(),
            DocId::Region => self.region.as_ref(),
            DocId::Evidence | DocId::Elsewhere => self.transient(id)?.doc.as_ref(),
        }
    }

    /// The document, built now if it was not (a document made for the
    /// moment is built by the view that shows it).
    pub fn build(&mut self, data: &'a Dataset, id: DocId) -> Option<&Document<'a>> {
        match id {
            DocId::Profile(c) => {
                let slot = self.profiles.get_mut(c)?;
                Some(slot.get_or_insert_with(|| doc::profile_doc::profile(data, c)))
            }
            DocId::Region => Some(
                self.region
                    .get_or_insert_with(|| doc::region_doc::region(data)),
            ),
            DocId::Evidence | DocId::Elsewhere => self.transient(id)?.doc.as_ref(),
        }
    }

    /// The layout of the document, if it is the one laid out.
    pub fn layout(&self, id: DocId) -> Option<&DocLayout> {
        match id {
            DocId::Profile(c) => {
                (self.profile_for.map(|(at, _)| at) == Some(c)).then_some(&self.profile_layout)
            }
            DocId::Region => self.region_for.is_some().then_some(&self.region_layout),
            DocId::Evidence | DocId::Elsewhere => {
                let t = self.transient(id)?;
                t.width.and(t.doc.as_ref()).map(|_| &t.layout)
            }
        }
    }

    /// Lays the document out at `width` unless it is laid out so already.
    pub fn lay_out(&mut self, data: &'a Dataset, id: DocId, width: usize, notes: &Annotations) {
        if self.is_laid_out(id, width) {
            return;
        }
        match id {
            DocId::Profile(c) => {
                let key = (c, width);
                let laid_out = match self.kept.iter().position(|(k, _)| *k == key) {
                    Some(at) => self.kept.remove(at).1,
                    None => match self.build(data, id) {
                        Some(doc) => doc::lines::lay_out_annotated(doc, width, notes),
                        None => return,
                    },
                };
                let previous = std::mem::replace(&mut self.profile_layout, laid_out);
                if let Some(for_key) = self.profile_for.replace(key) {
                    self.kept.push((for_key, previous));
                    if self.kept.len() > KEPT_LAYOUTS {
                        self.kept.remove(0);
                    }
                }
            }
            DocId::Region => {
                let Some(doc) = self.build(data, id) else {
                    return;
                };
                self.region_layout = doc::lines::lay_out_annotated(doc, width, notes);
                self.region_for = Some(width);
            }
            DocId::Evidence | DocId::Elsewhere => {
                let slot = match id {
                    DocId::Evidence => &mut self.evidence,
                    _ => &mut self.elsewhere,
                };
                if let Some(doc) = &slot.doc {
                    slot.layout = doc::lines::lay_out_annotated(doc, width, notes);
                    slot.width = Some(width);
                }
            }
        }
    }

    /// Drops every layout, so that each is laid out again when next shown:
    /// the notebook changed, and with it the marks and notes under items.
    pub fn forget_layouts(&mut self) {
        self.profile_for = None;
        self.kept.clear();
        self.region_for = None;
        self.evidence.width = None;
        self.elsewhere.width = None;
    }

    /// Is the document laid out at this width?
    pub fn is_laid_out(&self, id: DocId, width: usize) -> bool {
        match id {
            DocId::Profile(c) => self.profile_for == Some((c, width)),
            DocId::Region => self.region_for == Some(width),
            DocId::Evidence | DocId::Elsewhere => self
                .transient(id)
                .is_some_and(|t| t.doc.is_some() && t.width == Some(width)),
        }
    }
}

impl<'a> State<'a> {
    /// The document a view reads, if it reads one.
    pub fn doc_of(&self, view: View) -> Option<DocId> {
        match view {
            View::Countries if !self.data.countries.is_empty() => {
                Some(DocId::Profile(self.session.countries.country))
            }
            View::Region => Some(DocId::Region),
            _ => None,
        }
    }

    /// The document the current view reads, if it reads one.
    pub fn reading(&self) -> Option<DocId> {
        self.doc_of(self.session.view)
    }

    pub fn reader(&self, id: DocId) -> Reader {
        match id {
            DocId::Profile(c) => self
                .session
                .countries
                .readers
                .get(c)
                .copied()
                .unwrap_or_default(),
            DocId::Region => self.session.region.reader,
            DocId::Evidence => self.session.matrix.evidence,
            DocId::Elsewhere => match &self.session.overlay {
                Overlay::Elsewhere(e) => e.reader,
                _ => Reader::default(),
            },
        }
    }

    pub(super) fn set_reader(&mut self, id: DocId, reader: Reader) {
        match id {
            DocId::Profile(c) => {
                if let Some(slot) = self.session.countries.readers.get_mut(c) {
                    *slot = reader;
                }
            }
            DocId::Region => self.session.region.reader = reader,
            DocId::Evidence => self.session.matrix.evidence = reader,
            DocId::Elsewhere => {
                if let Overlay::Elsewhere(e) = &mut self.session.overlay {
                    e.reader = reader;
                }
            }
        }
    }

    /// The reading pane of a document as it is (or would be) shown: on a
    /// narrow terminal the profile is laid out for the width it gets when
    /// shown.
    pub fn reading_area(&self, id: DocId) -> ReadingArea {
        let body = self.screen().body;
        match id {
            DocId::Profile(_) => self.session.countries.reading_area(body),
            DocId::Region => layout::reading_area(body, 1),
            DocId::Evidence => self.matrix_areas().evidence,
            DocId::Elsewhere => layout::reading_area(self.screen().overlay.inner, 1),
        }
    }

    /// The document as its pane shows it, if it is built and laid out.
    pub fn viewport(&self, id: DocId) -> Option<Viewport<'_, 'a>> {
        Some(Viewport {
            doc: self.docs.get(id)?,
            layout: self.docs.layout(id)?,
            height: usize::from(self.reading_area(id).doc.height),
        })
    }

    /// Builds and lays out the document for its pane's current width.
    pub(super) fn lay_out(&mut self, id: DocId) {
        let width = usize::from(self.reading_area(id).doc.width);
        self.docs.lay_out(self.data, id, width, &self.annotations);
    }

    /// Is a reader kept for the document? The overlay's reader goes with it.
    fn has_reader(&self, id: DocId) -> bool {
        id != DocId::Elsewhere || matches!(self.session.overlay, Overlay::Elsewhere(_))
    }

    pub(super) fn is_laid_out(&self, id: DocId) -> bool {
        let width = usize::from(self.reading_area(id).doc.width);
        self.docs.is_laid_out(id, width)
    }

    /// Runs a reader movement on a document, laid out first if need be.
    pub(super) fn read(&mut self, id: DocId, movement: impl FnOnce(&mut Reader, &Viewport)) {
        self.lay_out(id);
        let mut reader = self.reader(id);
        let Some(view) = self.viewport(id) else {
            return;
        };
        movement(&mut reader, &view);
        self.set_reader(id, reader);
    }

    /// What a reading pane does with an action; `false` if it is not one
    /// of the reading pane's.
    pub(super) fn reading_action(&mut self, id: DocId, action: Action, out: &mut Outcome) -> bool {
        match action {
            Action::Move(motion) => self.read(id, |r, v| match motion {
                Motion::Up => r.up(v),
                Motion::Down => r.down(v),
                Motion::PageUp => r.page_up(v),
                Motion::PageDown => r.page_down(v),
                Motion::Top => r.top(v),
                Motion::Bottom => r.bottom(v),
                Motion::Left | Motion::Right => {}
            }),
            Action::NextSection => self.read(id, |r, v| r.next_section(v)),
            Action::PrevSection => self.read(id, |r, v| r.prev_section(v)),
            Action::Section(n) => self.read(id, |r, v| r.section(v, usize::from(n))),
            Action::Open => {
                self.session.overlay = Overlay::Detail(Detail {
                    doc: id,
                    block: self.reader(id).cursor,
                    scroll: 0,
                });
            }
            Action::Elsewhere => self.open_elsewhere(id),
            Action::Copy | Action::CopyCitation => {
                let Some(block) = self.selected_block(id) else {
                    return true;
                };
                let (text, what) = if action == Action::Copy {
                    let what = format!("{} with its source", block.context);
                    (clip::block_text(self.data, block), what)
                } else {
                    let what = format!("the citation of {}", block.context);
                    (clip::citation(self.data, block), what)
                };
                self.copied(out, text, &what);
            }
            _ => return false,
        }
        true
    }

    /// The block the reader of a document has selected.
    pub(super) fn selected_block(&self, id: DocId) -> Option<&Block<'a>> {
        self.docs.get(id)?.blocks.get(self.reader(id).cursor)
    }

    /// Enter on a matrix cell's items: the selected one where it lives,
    /// the jump remembered.
    pub(super) fn open_selected(&mut self, id: DocId) {
        if let Some(target) = self.selected_block(id).and_then(|b| b.anchor) {
            self.jump_to(target);
        }
    }

    /// The mouse wheel over a reading pane.
    pub(super) fn reading_wheel(&mut self, id: DocId, down: bool) {
        let delta = if down { WHEEL_LINES } else { -WHEEL_LINES };
        self.read(id, |r, v| r.scroll_by(v, delta));
    }

    /// A click in a reading pane: a section on its bar, or a block.
    pub(super) fn reading_click(&mut self, id: DocId, area: &ReadingArea, at: Position) {
        if area.bar.contains(at) {
            self.lay_out(id);
            let Some(view) = self.viewport(id) else {
                return;
            };
            let labels = view.doc.section_labels();
            let current = self.reader(id).current_section(&view);
            match super::hit_cell(&labels, current, area.bar, at) {
                Some(section) => self.read(id, |r, v| r.section(v, section)),
                // The ‹ and › at the ends of a bar that does not fit.
                None if at.x == area.bar.x => self.read(id, |r, v| r.prev_section(v)),
                None if at.x + 1 == area.bar.right() => self.read(id, |r, v| r.next_section(v)),
                None => {}
            }
        } else if area.doc.contains(at) {
            let line = self.reader(id).scroll + usize::from(at.y - area.doc.y);
            self.read(id, |r, v| r.select_line(v, line));
        }
    }

    /// Keeps the reader of a laid-out document in range.
    pub(super) fn clamp_reader(&mut self, id: DocId) {
        if !self.is_laid_out(id) || !self.has_reader(id) {
            return;
        }
        let mut reader = self.reader(id);
        if let Some(view) = self.viewport(id) {
            reader.clamp(&view);
        }
        self.set_reader(id, reader);
    }

    /// What is wrong with the reader of a laid-out document, if anything.
    pub(super) fn reader_problem(&self, id: DocId) -> Option<String> {
        if !self.is_laid_out(id) || !self.has_reader(id) {
            return None;
        }
        self.reader(id).problem(&self.viewport(id)?)
    }
}
