//! The headless notebook commands: `tipx notes`, `tipx note ID TEXT`,
//! `tipx note ID --delete`, `tipx bookmark ID`. Each returns what to print,
//! or the message of a failure (exit 1). A change is acknowledged only
//! once it is on disk.

use std::path::Path;

use super::output::{self, Group};
use super::{Catalog, Notebook, Place, Store};
use crate::model::Dataset;

/// How `tipx notes` prints the notebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
    Markdown,
    Csv,
}

/// What a `note` or `bookmark` command does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Add or replace the note.
    Note(String),
    DeleteNote,
    Bookmark,
    DeleteBookmark,
}

/// `tipx notes`: every entry, grouped by country and section.
pub fn list(data: &Dataset, path: &Path, format: ListFormat) -> Result<String, String> {
    let notebook = Store::new(path).load().map_err(|e| e.to_string())?;
    let catalog = Catalog::new(data);
    let groups: Vec<Group> = output::grouped(data, &notebook, &catalog);
    Ok(match format {
        ListFormat::Text if groups.is_empty() => format!(
            "The notebook {} is empty: `tipx note ID \"text\"` or `tipx bookmark ID` writes in it.\n",
            path.display()
        ),
        ListFormat::Text => output::text(&groups),
        ListFormat::Json => output::json(data, &groups),
        ListFormat::Markdown => output::markdown(&groups),
        ListFormat::Csv => output::csv(data, &groups)?,
    })
}

/// `tipx note` and `tipx bookmark`: one change, saved before it is reported.
pub fn change(data: &Dataset, path: &Path, id: &str, change: Change) -> Result<String, String> {
    let store = Store::new(path);
    // An unreadable notebook is reported before anything is attempted.
    let mut notebook: Notebook = store.load().map_err(|e| e.to_string())?;
    let catalog = Catalog::new(data);
    let place = catalog.place(id);
    let report = match (&change, place) {
        // A detached entry can still be deleted: its place is gone.
        (Change::DeleteNote, _) => {
            if !notebook.remove_note(id) {
                return Err(format!("no note on `{id}` in {}", path.display()));
            }
            format!("deleted the note on {id}")
        }
        (Change::DeleteBookmark, _) => {
            let Some(entry) = notebook.get(id).filter(|e| e.bookmark).cloned() else {
                return Err(format!("no bookmark on `{id}` in {}", path.display()));
            };
            match place {
                Some(place) => notebook.set_bookmark(place, false),
                None if entry.note.is_empty() => {
                    notebook.remove(id);
                }
                None => return Err(format!("`{id}` is detached: delete its note instead")),
            }
            format!("removed the bookmark on {id}")
        }
        (_, None) => return Err(unknown(id)),
        (Change::Note(text), Some(place)) => {
            if text.trim().is_empty() {
                return Err("the note is empty: to delete a note, use --delete".into());
            }
            notebook.set_note(place, text);
            format!("noted {}", described(place))
        }
        (Change::Bookmark, Some(place)) => {
            notebook.set_bookmark(place, true);
            format!("bookmarked {}", described(place))
        }
    };
    store.save(&mut notebook).map_err(|e| e.to_string())?;
    Ok(report + "\n")
}

fn described(place: &Place) -> String {
    match place.line {
        Some(line) => format!("{} ({}, line {line})", place.id, place.context),
        None => format!("{} ({})", place.id, place.context),
    }
}

fn unknown(id: &str) -> String {
    format!(
        "no item, figure or paragraph `{id}` in the report; the ids are the `id` and `item` \
         fields of `tipx show COUNTRY --format json` and `tipx search WORDS --format json` \
         (a paragraph is `paragraph-LINE`)"
    )
}
