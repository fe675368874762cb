//! The field notebook: the reader's bookmarks and notes, each on one place
//! of the report (an item, a key figure, a paragraph), kept in a JSON file
//! beside nothing of the dataset's.
//!
//! [`Notebook`] is the notebook in memory and what changed in it since it
//! was read; [`store`] reads and writes the file (atomically, merging with
//! what another tipx saved meanwhile); [`catalog`] says which places of the
//! report can carry a note and under which id; [`output`] writes the
//! notebook as text, JSON, Markdown or CSV.

pub mod catalog;
pub mod commands;
pub mod output;
pub mod paths;
pub mod store;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

pub use catalog::{Catalog, Place};
pub use store::{NotebookError, Store};

use crate::model::Target;

/// The version of the file's shape. A file with a higher number was
/// written by a newer tipx: it is read by nobody here and never overwritten.
pub const FORMAT: u32 = 1;

/// The longest note kept, in characters: a note is a few paragraphs, and a
/// runaway paste must not grow the file (and every save) without bound.
pub const MAX_NOTE_CHARS: usize = 20_000;

/// One place of the report the reader marked, annotated, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The place's id: an item or key figure id as `show --format json`
    /// prints it, `paragraph-LINE`, `side-bar` ids, `footnote-N`.
    pub id: String,
    #[serde(default)]
    pub bookmark: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where the place was when the entry was written ("Ecuador ›
    /// Recommendations 2"): a detached entry still says where it was.
    pub context: String,
    /// The report's line the place starts on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// The place's text when the entry was written, so that a note whose
    /// item left the dataset still shows what it was written on.
    pub written_on: String,
}

impl Entry {
    fn on(place: &Place) -> Entry {
        Entry {
            id: place.id.clone(),
            bookmark: false,
            note: String::new(),
            context: place.context.to_string(),
            line: place.line,
            written_on: place.text.to_string(),
        }
    }

    /// An entry with neither a bookmark nor a note says nothing: it goes.
    fn is_empty(&self) -> bool {
        !self.bookmark && self.note.is_empty()
    }
}

/// The notebook in memory: its entries by id, and which ids changed since
/// it was read or saved (what a save writes over the file's own copy, so
/// that notes another tipx saved meanwhile are kept).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notebook {
    entries: BTreeMap<String, Entry>,
    changed: BTreeSet<String>,
}

impl Notebook {
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> Notebook {
        Notebook {
            entries: entries.into_iter().map(|e| (e.id.clone(), e)).collect(),
            changed: BTreeSet::new(),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    /// Every entry, by id.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Something changed that the file does not hold yet.
    pub fn is_changed(&self) -> bool {
        !self.changed.is_empty()
    }

    /// Writes, replaces or (with empty text) removes the note on a place.
    /// The text is cleaned of control characters and cut to
    /// [`MAX_NOTE_CHARS`]; trailing blank lines go.
    pub fn set_note(&mut self, place: &Place, text: &str) {
        // A note keeps its own line breaks; each line is cleaned.
        let cleaned = crate::sanitize::clean_lines(text);
        let kept: String = cleaned.chars().take(MAX_NOTE_CHARS).collect();
        let note = kept.trim_end().to_string();
        self.change(place, |entry| entry.note = note);
    }

    /// Sets or clears the bookmark on a place.
    pub fn set_bookmark(&mut self, place: &Place, on: bool) {
        self.change(place, |entry| entry.bookmark = on);
    }

    /// Turns the bookmark on a place on or off; returns whether it is on.
    pub fn toggle_bookmark(&mut self, place: &Place) -> bool {
        let on = !self.get(&place.id).is_some_and(|e| e.bookmark);
        self.set_bookmark(place, on);
        on
    }

    /// Removes the whole entry (bookmark and note); whether there was one.
    pub fn remove(&mut self, id: &str) -> bool {
        let removed = self.entries.remove(id).is_some();
        if removed {
            self.changed.insert(id.to_string());
        }
        removed
    }

    /// Removes the note on `id`, keeping its bookmark; whether there was a note.
    pub fn remove_note(&mut self, id: &str) -> bool {
        let Some(entry) = self.entries.get_mut(id) else {
            return false;
        };
        if entry.note.is_empty() {
            return false;
        }
        entry.note.clear();
        if entry.is_empty() {
            self.entries.remove(id);
        }
        self.changed.insert(id.to_string());
        true
    }

    fn change(&mut self, place: &Place, edit: impl FnOnce(&mut Entry)) {
        let entry = self
            .entries
            .entry(place.id.clone())
            .or_insert_with(|| Entry::on(place));
        let before = entry.clone();
        edit(entry);
        // The entry follows the place's current wording and position.
        entry.context = place.context.to_string();
        entry.line = place.line;
        entry.written_on = place.text.to_string();
        let unchanged = *entry == before;
        if entry.is_empty() {
            self.entries.remove(&place.id);
        }
        if !unchanged {
            self.changed.insert(place.id.clone());
        }
    }

    /// This notebook's changes written over `on_disk`, the copy another
    /// tipx may have saved since this one was read: an entry changed here
    /// wins, every other entry is the file's. The result has no changes.
    pub fn merged_onto(&self, on_disk: Notebook) -> Notebook {
        let mut entries = on_disk.entries;
        for id in &self.changed {
            match self.entries.get(id) {
                Some(entry) => entries.insert(id.clone(), entry.clone()),
                None => entries.remove(id),
            };
        }
        Notebook {
            entries,
            changed: BTreeSet::new(),
        }
    }
}

/// What the reading documents show of the notebook: per place (by its
/// target in the dataset), its bookmark and note.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    by_target: HashMap<Target, (bool, String)>,
}

/// The mark of an annotated place, as the documents show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Annotation<'n> {
    pub bookmark: bool,
    /// Empty when the place is only bookmarked.
    pub note: &'n str,
}

impl Annotations {
    pub fn new(notebook: &Notebook, catalog: &Catalog) -> Annotations {
        let by_target = notebook
            .entries()
            .filter_map(|entry| {
                let place = catalog.place(&entry.id)?;
                Some((place.target, (entry.bookmark, entry.note.clone())))
            })
            .collect();
        Annotations { by_target }
    }

    pub fn of(&self, target: Option<Target>) -> Option<Annotation<'_>> {
        let (bookmark, note) = self.by_target.get(&target?)?;
        Some(Annotation {
            bookmark: *bookmark,
            note,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.by_target.is_empty()
    }
}

#[cfg(test)]
mod tests;
