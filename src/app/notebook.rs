//! The field notebook in the explorer: bookmarking and annotating the
//! selection, the note editor, and the notebook overlay (every entry,
//! grouped by country and section; Enter jumps, `d` deletes, `e` exports).
//! Changes are made here in memory; saving them is an effect, asked of the
//! terminal layer through [`Outcome::save_notebook`].

use ratatui_textarea::{CursorMove, TextArea};

use super::reading::DocId;
use super::{Detail, Outcome, Overlay, State};
use crate::action::{Action, Motion, Pane};
use crate::notebook::output::{self, Row};
use crate::notebook::{Annotations, Notebook, Place, MAX_NOTE_CHARS};

/// The notebook overlay: which row (entry) is selected.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotebookBox {
    pub selected: usize,
}

/// The note editor's state in the session; the text itself is in
/// [`State::editor`] (the widget is not comparable).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorBox {
    /// The place's id.
    pub id: String,
    /// Where the place is, for the editor's title.
    pub context: String,
    /// Counts edits, so that `update` sees a change and redraws.
    pub revision: u64,
    /// Characters in the editor, line breaks included (the widget's own
    /// `lines` cannot be borrowed from a `'static` editor).
    pub chars: usize,
    /// The overlay to return to when the editor closes.
    pub back: Box<Overlay>,
}

impl<'a> State<'a> {
    /// Takes a notebook read from disk, or the reason it could not be read
    /// (then the explorer keeps notes in memory only, and says so).
    pub fn set_notebook(&mut self, notebook: Notebook, problem: Option<String>) {
        self.notebook = notebook;
        if let Some(problem) = &problem {
            self.session.status = Some(format!("Notes are not saved: {problem}"));
        }
        self.notebook_problem = problem;
        self.notebook_changed();
    }

    /// Why notes are not being saved, if they are not.
    pub fn notebook_problem(&self) -> Option<&str> {
        self.notebook_problem.as_deref()
    }

    /// The notebook changed (here, or merged from the file): marks and
    /// notes under items are laid out again.
    pub fn notebook_changed(&mut self) {
        self.annotations = Annotations::new(&self.notebook, &self.catalog);
        self.docs.forget_layouts();
        self.detail_for = None;
        self.normalize();
    }

    /// The notebook's entries in the order the overlay lists them.
    pub fn notebook_rows(&self) -> Vec<Row<'_, 'a>> {
        output::grouped(self.data, &self.notebook, &self.catalog)
            .into_iter()
            .flat_map(|g| g.rows)
            .collect()
    }

    /// The place the reader has selected: the detail overlay's block, or
    /// the reading pane's cursor.
    fn selected_place(&self) -> Option<&Place<'a>> {
        let (id, block) = match (&self.session.overlay, self.pane()) {
            (Overlay::Detail(detail), _) => (detail.doc, detail.block),
            (_, Pane::Profile) => {
                let id = DocId::Profile(self.session.countries.country);
                (id, self.reader(id).cursor)
            }
            (_, Pane::Region) => (DocId::Region, self.reader(DocId::Region).cursor),
            (_, Pane::Evidence) => (DocId::Evidence, self.reader(DocId::Evidence).cursor),
            (_, Pane::Elsewhere) => (DocId::Elsewhere, self.reader(DocId::Elsewhere).cursor),
            _ => return None,
        };
        let block = self.docs.get(id)?.blocks.get(block)?;
        self.catalog.at(block.anchor?)
    }

    /// `b`: bookmark the selection, or remove its bookmark.
    pub(super) fn toggle_bookmark(&mut self, out: &mut Outcome) {
        let Some(place) = self.selected_place().cloned() else {
            self.session.status = Some("Bookmarks go on items, key figures and paragraphs".into());
            return;
        };
        let on = self.notebook.toggle_bookmark(&place);
        let done = if on {
            "Bookmarked"
        } else {
            "Removed the bookmark on"
        };
        self.session.status = Some(format!("{done} {}", place.context));
        self.notebook_edited(out);
    }

    /// `a`: the editor on the selection's note (or the notebook's selected entry).
    pub(super) fn edit_note(&mut self) {
        let place = match &self.session.overlay {
            Overlay::Notebook(nb) => {
                let rows = self.notebook_rows();
                let Some(row) = rows.get(nb.selected) else {
                    return;
                };
                match row.place {
                    Some(place) => place.clone(),
                    None => {
                        self.session.status = Some(
                            "This note's place is no longer in the dataset: it can be deleted, not changed"
                                .into(),
                        );
                        return;
                    }
                }
            }
            _ => match self.selected_place() {
                Some(place) => place.clone(),
                None => {
                    self.session.status =
                        Some("Notes go on items, key figures and paragraphs".into());
                    return;
                }
            },
        };
        let note = self
            .notebook
            .get(&place.id)
            .map(|e| e.note.as_str())
            .unwrap_or("");
        let mut editor = TextArea::from(note.lines().map(str::to_string));
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        self.editor = editor;
        let back = Box::new(self.session.overlay.clone());
        self.session.overlay = Overlay::Editor(EditorBox {
            id: place.id.clone(),
            context: place.context.to_string(),
            revision: 0,
            chars: note.chars().count(),
            back,
        });
    }

    /// What the note editor does with an action.
    pub(super) fn editor_action(&mut self, action: Action, out: &mut Outcome) {
        let Overlay::Editor(editor_box) = &mut self.session.overlay else {
            return;
        };
        let length = editor_box.chars;
        let editor = &mut self.editor;
        let grown = match action {
            Action::Input(_) | Action::NewLine => 1,
            _ => 0,
        };
        let edited = match action {
            Action::Input(c) => {
                let typed = c.to_string();
                // Echoed to the terminal: no control or bidi character, and
                // no note longer than the notebook keeps.
                let clean = crate::sanitize::clean(&typed) == typed;
                clean && length < MAX_NOTE_CHARS && {
                    editor.insert_char(c);
                    true
                }
            }
            Action::NewLine => {
                length < MAX_NOTE_CHARS && {
                    editor.insert_newline();
                    true
                }
            }
            Action::DeleteChar => {
                let deleted = editor.delete_char();
                editor_box.chars = editor_box.chars.saturating_sub(usize::from(deleted));
                deleted
            }
            Action::ClearInput => {
                *editor = TextArea::default();
                editor_box.chars = 0;
                true
            }
            Action::Move(motion) => {
                editor.move_cursor(match motion {
                    Motion::Up => CursorMove::Up,
                    Motion::Down => CursorMove::Down,
                    Motion::Left => CursorMove::Back,
                    Motion::Right => CursorMove::Forward,
                    Motion::Top | Motion::PageUp => CursorMove::Head,
                    Motion::Bottom | Motion::PageDown => CursorMove::End,
                });
                true
            }
            Action::SaveNote => {
                let (id, back) = (editor_box.id.clone(), (*editor_box.back).clone());
                let text = std::mem::take(&mut self.editor).into_lines().join("\n");
                self.session.overlay = back;
                if let Some(place) = self.catalog.place(&id).cloned() {
                    self.notebook.set_note(&place, &text);
                    let done = if text.trim().is_empty() {
                        "Deleted the note on"
                    } else {
                        "Saved the note on"
                    };
                    self.session.status = Some(format!("{done} {}", place.context));
                    self.notebook_edited(out);
                }
                return;
            }
            _ => false,
        };
        if edited {
            editor_box.revision += 1;
            editor_box.chars += grown;
        }
    }

    /// `N`: the notebook overlay, with what another tipx saved taken in.
    pub(super) fn open_notebook(&mut self, out: &mut Outcome) {
        self.session.overlay = Overlay::Notebook(NotebookBox::default());
        out.save_notebook = self.notebook_problem.is_none();
    }

    /// What the notebook overlay does with an action.
    pub(super) fn notebook_action(&mut self, action: Action, out: &mut Outcome) {
        let Overlay::Notebook(nb) = &self.session.overlay else {
            return;
        };
        let selected = nb.selected;
        let page = usize::from(self.screen().overlay.inner.height / 3).max(1);
        match action {
            Action::Move(motion) => {
                let at = super::overlays::moved(selected, motion, page);
                let last = self.notebook.len().saturating_sub(1);
                self.session.overlay = Overlay::Notebook(NotebookBox {
                    selected: at.min(last),
                });
            }
            Action::Open => {
                let rows = self.notebook_rows();
                let target = rows.get(selected).map(|r| r.place.map(|p| p.target));
                match target {
                    Some(Some(target)) => {
                        self.session.overlay = Overlay::None;
                        self.jump_to(target);
                    }
                    Some(None) => {
                        self.session.status =
                            Some("This note's place is no longer in the dataset".into())
                    }
                    None => {}
                }
            }
            Action::DeleteNote => {
                let rows = self.notebook_rows();
                let Some(row) = rows.get(selected) else {
                    return;
                };
                let (id, context) = (row.entry.id.clone(), row.context().to_string());
                self.notebook.remove(&id);
                self.session.status = Some(format!("Deleted the bookmark and note on {context}"));
                self.notebook_edited(out);
                let last = self.notebook.len().saturating_sub(1);
                self.session.overlay = Overlay::Notebook(NotebookBox {
                    selected: selected.min(last),
                });
            }
            Action::ExportNotes => {
                let groups = output::grouped(self.data, &self.notebook, &self.catalog);
                out.export_notes = Some(output::markdown(&groups));
            }
            _ => {}
        }
    }

    /// After a change to the notebook: show it, and have it saved.
    fn notebook_edited(&mut self, out: &mut Outcome) {
        out.save_notebook = self.notebook_problem.is_none();
        self.notebook_changed();
    }

    /// The detail overlay's block with its note, if it is the one shown.
    pub(super) fn detail_annotation_lines(
        &self,
        detail: &Detail,
        width: usize,
    ) -> Vec<crate::doc::DocLine> {
        let anchor = self
            .docs
            .get(detail.doc)
            .and_then(|d| d.blocks.get(detail.block))
            .and_then(|b| b.anchor);
        match self.annotations.of(anchor) {
            Some(annotation) => crate::doc::lines::annotation_lines(annotation, width),
            None => Vec::new(),
        }
    }
}
