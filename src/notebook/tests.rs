use std::collections::HashSet;
use std::fs;

use super::output::{self, DETACHED};
use super::*;
use crate::model::Dataset;

fn data() -> Dataset {
    Dataset::embedded().expect("embedded dataset")
}

fn folder() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

#[test]
fn every_place_has_a_unique_id_and_items_keep_their_own() {
    let data = data();
    let catalog = Catalog::new(&data);
    let ids: HashSet<&str> = catalog.places().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), catalog.places().len());
    let ecuador = &data.countries[1];
    let rec = &ecuador.recommendations[1];
    let place = catalog.place(&rec.id).expect("an item is a place");
    assert_eq!(place.line, Some(rec.source.line));
    assert_eq!(place.text, rec.text);
    let figure = &ecuador.key_figures[0];
    assert!(catalog.place(&figure.id).is_some());
    let paragraph = &ecuador.overview[0];
    let id = format!("paragraph-{}", paragraph.line);
    assert_eq!(
        catalog.place(&id).map(|p| p.text),
        Some(paragraph.text.as_str())
    );
}

#[test]
fn add_change_and_delete_a_note() {
    let data = data();
    let catalog = Catalog::new(&data);
    let place = catalog
        .place("syn-rec-1")
        .expect("synthesis recommendation 1");
    let mut book = Notebook::default();
    book.set_note(place, "Ask the MFA about consular training.\n\n");
    let entry = book.get("syn-rec-1").expect("written");
    assert_eq!(entry.note, "Ask the MFA about consular training.");
    assert_eq!(entry.written_on, place.text);
    assert!(!entry.bookmark);
    book.set_note(place, "Changed.");
    assert_eq!(
        book.get("syn-rec-1").map(|e| e.note.as_str()),
        Some("Changed.")
    );
    assert_eq!(book.len(), 1);
    assert!(book.toggle_bookmark(place));
    assert!(book.remove_note("syn-rec-1"));
    assert!(
        book.get("syn-rec-1").is_some_and(|e| e.bookmark),
        "the bookmark stays"
    );
    assert!(!book.toggle_bookmark(place));
    assert!(book.is_empty(), "nothing left, no entry");
}

#[test]
fn control_characters_never_reach_a_note() {
    let data = data();
    let catalog = Catalog::new(&data);
    let place = catalog.place("syn-rec-1").unwrap();
    let mut book = Notebook::default();
    book.set_note(place, "red\x1b[31m text\u{202E}");
    assert_eq!(book.get("syn-rec-1").unwrap().note, "red[31m text");
}

#[test]
fn saved_notes_read_back_and_the_file_is_whole_json() {
    let data = data();
    let catalog = Catalog::new(&data);
    let dir = folder();
    let store = Store::new(dir.path().join("notebook.json"));
    let mut book = store.load().expect("no file is an empty notebook");
    book.set_note(catalog.place("syn-rec-1").unwrap(), "first");
    book.set_bookmark(catalog.place("syn-bp-1").unwrap(), true);
    store.save(&mut book).expect("saved");
    assert!(!book.is_changed());
    let again = store.load().expect("read back");
    assert_eq!(again, book);
    let text = fs::read_to_string(store.path()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], 1);
    assert_eq!(value["entries"].as_array().map(Vec::len), Some(2));
}

#[test]
fn two_writers_at_once_keep_each_others_notes() {
    let data = data();
    let catalog = Catalog::new(&data);
    let dir = folder();
    let store = Store::new(dir.path().join("notebook.json"));
    let mut shared = Notebook::default();
    shared.set_note(catalog.place("syn-rec-2").unwrap(), "both saw this");
    store.save(&mut shared).unwrap();
    // Two explorers read the same file...
    let mut first = store.load().unwrap();
    let mut second = store.load().unwrap();
    // ...each writes its own note, and the second also deletes the shared one.
    first.set_note(catalog.place("syn-rec-1").unwrap(), "from the first");
    second.set_note(catalog.place("syn-bp-1").unwrap(), "from the second");
    second.remove("syn-rec-2");
    store.save(&mut first).unwrap();
    store.save(&mut second).unwrap();
    let on_disk = store.load().unwrap();
    let ids: Vec<&str> = on_disk.entries().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["syn-bp-1", "syn-rec-1"]);
    // The second now also holds the first's note.
    assert_eq!(second, on_disk);
}

#[test]
fn a_note_whose_item_left_the_dataset_is_kept_and_listed_as_detached() {
    let data = data();
    let catalog = Catalog::new(&data);
    let dir = folder();
    let path = dir.path().join("notebook.json");
    fs::write(
        &path,
        r#"{"format": 1, "entries": [
            {"id": "gone-rec-9", "note": "still mine", "context": "Freedonia › Recommendations 9",
             "line": 4242, "written_on": "Build a bridge across the river."},
            {"id": "syn-rec-1", "bookmark": true, "context": "Region › Recommendations 1",
             "written_on": "old words"}
        ]}"#,
    )
    .unwrap();
    let store = Store::new(&path);
    let mut book = store.load().unwrap();
    let groups = output::grouped(&data, &book, &catalog);
    let last = groups.last().unwrap();
    assert_eq!(last.country, DETACHED);
    assert_eq!(last.rows[0].text(), "Build a bridge across the river.");
    let listed = output::text(&groups);
    assert!(listed.contains("gone-rec-9 · Freedonia › Recommendations 9 · line 4242"));
    assert!(listed.contains("still mine"));
    // Saving a change elsewhere keeps the detached note.
    book.set_note(catalog.place("syn-bp-2").unwrap(), "new");
    store.save(&mut book).unwrap();
    assert!(store.load().unwrap().get("gone-rec-9").is_some());
}

#[test]
fn an_unreadable_notebook_is_reported_with_its_place_and_left_untouched() {
    let data = data();
    let catalog = Catalog::new(&data);
    let dir = folder();
    let path = dir.path().join("notebook.json");
    let broken =
        "{\"format\": 1,\n \"entries\": [\n  {\"id\": \"syn-rec-1\" \"note\": \"x\"}\n]}\n";
    fs::write(&path, broken).unwrap();
    let store = Store::new(&path);
    let error = store.load().unwrap_err();
    assert!(error.is_unreadable());
    let message = error.to_string();
    assert!(message.contains("notebook.json:3:"), "{message}");
    assert!(message.contains("expected"), "{message}");
    let mut book = Notebook::default();
    book.set_note(catalog.place("syn-rec-1").unwrap(), "mine");
    assert!(store.save(&mut book).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
    assert!(book.is_changed(), "the note is still in memory");
}

#[test]
fn a_newer_notebook_is_named_as_such_and_left_untouched() {
    let data = data();
    let catalog = Catalog::new(&data);
    let dir = folder();
    let path = dir.path().join("notebook.json");
    let newer = r#"{"format": 2, "entries": [], "tags": {}}"#;
    fs::write(&path, newer).unwrap();
    let store = Store::new(&path);
    let message = store.load().unwrap_err().to_string();
    assert!(message.contains("newer tipx (format 2"), "{message}");
    let mut book = Notebook::default();
    book.set_bookmark(catalog.place("syn-rec-1").unwrap(), true);
    assert!(store.save(&mut book).is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
}

#[test]
fn markdown_groups_by_country_and_section_with_first_words() {
    let data = data();
    let catalog = Catalog::new(&data);
    let ecuador = &data.countries[1];
    let mut book = Notebook::default();
    book.set_note(
        catalog.place(&ecuador.recommendations[0].id).unwrap(),
        "call them",
    );
    book.set_bookmark(catalog.place("syn-rec-1").unwrap(), true);
    let md = output::markdown(&output::grouped(&data, &book, &catalog));
    let region = md.find("## Region").expect("region group");
    let country = md.find("## Ecuador").expect("country group");
    assert!(region < country, "the region reads first:\n{md}");
    assert!(md.contains("### III › Ecuador › Recommendations"), "{md}");
    assert!(md.contains("> Establish a network among civil society organizations working on similar anti-trafficking activities…"), "{md}");
    assert!(md.contains("  call them"), "{md}");
}

#[test]
fn each_country_and_section_is_one_group_whatever_the_lines() {
    let data = data();
    let catalog = Catalog::new(&data);
    let mut book = Notebook::default();
    for place in catalog.places() {
        book.set_bookmark(place, true);
    }
    let groups = output::grouped(&data, &book, &catalog);
    let mut seen = HashSet::new();
    for group in &groups {
        assert!(
            seen.insert((group.country.clone(), group.section.clone())),
            "{} › {} is split",
            group.country,
            group.section
        );
    }
    let rows: usize = groups.iter().map(|g| g.rows.len()).sum();
    assert_eq!(rows, catalog.places().len());
    assert_eq!(groups[0].country, "Region");
}
