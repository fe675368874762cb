//! The overlays: help, search and an item's detail. Their state, and what
//! each does with an action while it has the keyboard.

use super::notebook::{EditorBox, NotebookBox};
use super::reading::DocId;
use super::{Outcome, State};
use crate::action::{Action, Motion};
use crate::doc::{clip, items_doc, Reader};
use crate::keymap;
use crate::query::{self, matrix::works_elsewhere};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub doc: DocId,
    pub block: usize,
    pub scroll: usize,
}

/// What works elsewhere, for one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElsewhereBox {
    /// The item asked about ("Ecuador › Recommendations 2").
    pub asked: String,
    pub reader: Reader,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: usize,
        /// Words the help's lines must contain; empty shows them all.
        filter: String,
        /// The filter input has the keyboard.
        typing: bool,
    },
    Search(super::search::SearchBox),
    Detail(Detail),
    Elsewhere(ElsewhereBox),
    /// The field notebook.
    Notebook(NotebookBox),
    /// The note editor.
    Editor(EditorBox),
}

/// Where a motion takes a scroll position or a selection, `page` rows at a time.
pub(super) fn moved(at: usize, motion: Motion, page: usize) -> usize {
    let page = page.max(1);
    match motion {
        Motion::Up => at.saturating_sub(1),
        Motion::Down => at.saturating_add(1),
        Motion::PageUp => at.saturating_sub(page),
        Motion::PageDown => at.saturating_add(page),
        Motion::Top => 0,
        Motion::Bottom => usize::MAX,
        Motion::Left | Motion::Right => at,
    }
}

impl State<'_> {
    fn overlay_height(&self) -> usize {
        usize::from(self.screen().overlay.inner.height).max(1)
    }

    pub(super) fn help_action(&mut self, action: Action) {
        let page = self.overlay_height().saturating_sub(1);
        let super::Overlay::Help {
            scroll,
            filter,
            typing,
        } = &mut self.session.overlay
        else {
            return;
        };
        match action {
            Action::Move(motion) => *scroll = moved(*scroll, motion, page),
            Action::StartFilter => *typing = true,
            Action::KeepFilter => *typing = false,
            Action::ClearFilter => {
                filter.clear();
                *typing = false;
            }
            Action::Input(_) | Action::DeleteChar | Action::ClearInput => {
                super::edit_text(filter, action);
                *scroll = 0;
            }
            _ => {}
        }
    }

    pub(super) fn detail_action(&mut self, action: Action, out: &mut Outcome) {
        let page = self.overlay_height().saturating_sub(1);
        let super::Overlay::Detail(detail) = &mut self.session.overlay else {
            return;
        };
        match action {
            Action::Move(motion) => detail.scroll = moved(detail.scroll, motion, page),
            Action::Elsewhere => {
                let (id, block) = (detail.doc, detail.block);
                self.open_elsewhere_of(id, block);
            }
            Action::NextBlock => self.detail_step(true),
            Action::PrevBlock => self.detail_step(false),
            Action::Copy => {
                let (id, block) = (detail.doc, detail.block);
                let Some(block) = self.docs.get(id).and_then(|d| d.blocks.get(block)) else {
                    return;
                };
                let text = clip::block_text(self.data, block);
                let what = format!("{} with its source", block.context);
                self.copied(out, text, &what);
            }
            Action::CopyCitation => {
                let (id, block) = (detail.doc, detail.block);
                let Some(block) = self.docs.get(id).and_then(|d| d.blocks.get(block)) else {
                    return;
                };
                let text = clip::citation(self.data, block);
                let what = format!("the citation of {}", block.context);
                self.copied(out, text, &what);
            }
            _ => {}
        }
    }

    /// `w` on a reading pane: what works elsewhere for the selected block.
    pub(super) fn open_elsewhere(&mut self, id: DocId) {
        let block = self.reader(id).cursor;
        self.open_elsewhere_of(id, block);
    }

    /// Opens the best practices elsewhere on the themes of an item.
    fn open_elsewhere_of(&mut self, id: DocId, block: usize) {
        let Some(block) = self.docs.get(id).and_then(|d| d.blocks.get(block)) else {
            return;
        };
        let Some(item) = block.item else {
            self.session.status = Some("What works elsewhere starts from an item".into());
            return;
        };
        let asked = block.context.clone();
        let Some(asking) = query::find_item(self.data, &item.id) else {
            return;
        };
        let found = works_elsewhere(self.data, &asking);
        let doc = items_doc::elsewhere(self.data, &found);
        self.docs.set(DocId::Elsewhere, doc);
        self.session.overlay = Overlay::Elsewhere(ElsewhereBox {
            asked,
            reader: Reader::default(),
        });
        self.lay_out(DocId::Elsewhere);
    }

    /// What the overlay of best practices elsewhere does with an action.
    pub(super) fn elsewhere_action(&mut self, action: Action, out: &mut Outcome) {
        match action {
            Action::Open => {
                let Some(target) = self.selected_block(DocId::Elsewhere).and_then(|b| b.anchor)
                else {
                    return;
                };
                // Closed before the jump, so that back returns to the screen under it.
                self.session.overlay = Overlay::None;
                self.jump_to(target);
            }
            Action::Elsewhere => {}
            _ => {
                self.reading_action(DocId::Elsewhere, action, out);
            }
        }
    }

    /// n and p in the detail overlay: the next or previous block, with the
    /// reading cursor following so that closing lands there.
    fn detail_step(&mut self, forward: bool) {
        let Overlay::Detail(detail) = &self.session.overlay else {
            return;
        };
        let (id, block) = (detail.doc, detail.block);
        let Some(doc) = self.docs.get(id) else {
            return;
        };
        let next = if forward {
            doc.next_selectable(block)
        } else {
            doc.prev_selectable(block)
        };
        let Some(next) = next else {
            return;
        };
        self.session.overlay = Overlay::Detail(Detail {
            doc: id,
            block: next,
            scroll: 0,
        });
        self.read(id, |r, v| r.jump(v, next));
    }

    /// Keeps the overlay's scroll and selection in range.
    pub(super) fn clamp_overlay(&mut self) {
        let height = self.overlay_height();
        let detail_lines = self.detail_lines.len();
        let hits = self.hits.len();
        match &mut self.session.overlay {
            Overlay::Help {
                scroll,
                filter,
                typing,
            } => {
                let lines = keymap::help_line_count(filter);
                // The filter's line takes one of the overlay's.
                let height = height - usize::from(*typing || !filter.is_empty()).min(height - 1);
                *scroll = (*scroll).min(lines.saturating_sub(height));
            }
            Overlay::Detail(detail) => {
                detail.scroll = detail.scroll.min(detail_lines.saturating_sub(height));
            }
            Overlay::Search(search) => {
                search.selected = search.selected.min(hits.saturating_sub(1));
            }
            Overlay::Notebook(_) | Overlay::Editor(_) | Overlay::Elsewhere(_) | Overlay::None => {}
        }
    }
}
