//! The field notebook in the explorer: bookmarking and annotating what is
//! selected, the marks and notes under items, the editor, and the notebook
//! overlay — through the real keymap and `update`, with snapshots of what
//! the reader sees.

mod common;

use common::{country, data, explorer, key, press, typed, with};
use crossterm::event::{KeyCode, KeyModifiers};
use tipx::action::{Pane, View};
use tipx::app::{Overlay, State};
use tipx::screenshot::{buffer_text, draw};

/// Ecuador's first recommendation, selected in its profile.
fn on_ecuador_recommendation() -> State<'static> {
    let mut state = explorer(120, 40);
    press(&mut state, "j<Enter><Alt-5>");
    assert_eq!(state.pane(), Pane::Profile);
    state
}

fn ecuador_recommendation_id() -> &'static str {
    &data().countries[country("Ecuador")].recommendations[0].id
}

fn screen(state: &State) -> String {
    let size = state.session.size;
    buffer_text(&draw(state, size.width, size.height))
}

#[test]
fn b_bookmarks_the_selected_item_asks_for_a_save_and_marks_it() {
    let mut state = on_ecuador_recommendation();
    let outcome = key(&mut state, KeyCode::Char('b'));
    assert!(outcome.save_notebook, "a change is saved at once");
    let entry = state
        .notebook
        .get(ecuador_recommendation_id())
        .expect("bookmarked");
    assert!(entry.bookmark && entry.note.is_empty());
    assert_eq!(
        state.session.status.as_deref(),
        Some("Bookmarked Ecuador › Recommendations 1")
    );
    insta::assert_snapshot!("bookmark_mark_120x40", screen(&state));
    // Again: the bookmark goes, and with it the entry.
    let outcome = key(&mut state, KeyCode::Char('b'));
    assert!(outcome.save_notebook);
    assert!(state.notebook.is_empty());
    assert!(!screen(&state).contains("★"));
}

#[test]
fn a_opens_the_editor_and_esc_keeps_the_note_under_the_item() {
    let mut state = on_ecuador_recommendation();
    key(&mut state, KeyCode::Char('a'));
    assert_eq!(state.pane(), Pane::Editor);
    typed(&mut state, "Ask the MFA");
    key(&mut state, KeyCode::Enter);
    typed(&mut state, "about consulars.");
    // Typing a character the keymap binds elsewhere (`q`, `b`) types it.
    typed(&mut state, " qb");
    key(&mut state, KeyCode::Backspace);
    key(&mut state, KeyCode::Backspace);
    key(&mut state, KeyCode::Backspace);
    insta::assert_snapshot!("editor_120x40", screen(&state));
    let outcome = key(&mut state, KeyCode::Esc);
    assert!(outcome.save_notebook);
    assert_eq!(state.pane(), Pane::Profile);
    let entry = state
        .notebook
        .get(ecuador_recommendation_id())
        .expect("noted");
    assert_eq!(entry.note, "Ask the MFA\nabout consulars.");
    let shown = screen(&state);
    assert!(shown.contains("✎ Ask the MFA"), "{shown}");
    assert!(shown.contains("about consulars."), "{shown}");
    // Opening it again starts from the note; clearing it deletes it.
    key(&mut state, KeyCode::Char('a'));
    with(&mut state, KeyCode::Char('u'), KeyModifiers::CONTROL);
    with(&mut state, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(state.notebook.is_empty());
}

#[test]
fn the_detail_overlay_shows_the_note_and_takes_b_and_a() {
    let mut state = on_ecuador_recommendation();
    key(&mut state, KeyCode::Enter);
    assert_eq!(state.pane(), Pane::Detail);
    key(&mut state, KeyCode::Char('a'));
    typed(&mut state, "seen in Quito");
    key(&mut state, KeyCode::Esc);
    assert_eq!(
        state.pane(),
        Pane::Detail,
        "the editor returns where it opened"
    );
    key(&mut state, KeyCode::Char('b'));
    let shown = screen(&state);
    assert!(shown.contains("★ ✎ seen in Quito"), "{shown}");
}

#[test]
fn the_notebook_lists_entries_jumps_deletes_and_exports() {
    let mut state = on_ecuador_recommendation();
    key(&mut state, KeyCode::Char('a'));
    typed(&mut state, "training for prosecutors");
    key(&mut state, KeyCode::Esc);
    // A second entry in the region view: the executive summary's first paragraph.
    key(&mut state, KeyCode::Char('4'));
    key(&mut state, KeyCode::Char('b'));
    key(&mut state, KeyCode::Char('1'));
    let outcome = key(&mut state, KeyCode::Char('B'));
    assert!(
        outcome.save_notebook,
        "opening takes in what other tipx saved"
    );
    assert_eq!(state.pane(), Pane::Notebook);
    let shown = screen(&state);
    insta::assert_snapshot!("notebook_120x40", shown);
    // The region reads first; the second row is Ecuador's.
    key(&mut state, KeyCode::Char('j'));
    let outcome = key(&mut state, KeyCode::Char('e'));
    let markdown = outcome.export_notes.expect("e exports");
    assert!(markdown.contains("## Ecuador") && markdown.contains("training for prosecutors"));
    // Enter jumps to the item; back returns to the region.
    key(&mut state, KeyCode::Esc);
    key(&mut state, KeyCode::Char('4'));
    key(&mut state, KeyCode::Char('B'));
    key(&mut state, KeyCode::Char('j'));
    key(&mut state, KeyCode::Enter);
    assert_eq!(state.session.overlay, Overlay::None);
    assert_eq!(state.session.view, View::Countries);
    assert_eq!(state.session.countries.country, country("Ecuador"));
    assert!(screen(&state).contains("✎ training for prosecutors"));
    with(&mut state, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!(state.session.view, View::Region);
    // d deletes the selected entry.
    key(&mut state, KeyCode::Char('B'));
    let outcome = key(&mut state, KeyCode::Char('d'));
    assert!(outcome.save_notebook);
    assert_eq!(state.notebook.len(), 1);
    assert!(state.notebook.get(ecuador_recommendation_id()).is_some());
}

#[test]
fn an_unreadable_notebook_keeps_notes_in_memory_and_says_so() {
    let mut state = on_ecuador_recommendation();
    let problem = "notebook.json:3:5: the notebook cannot be read: expected `,`".to_string();
    state.set_notebook(Default::default(), Some(problem.clone()));
    assert!(state
        .session
        .status
        .as_deref()
        .is_some_and(|s| s.contains(&problem)));
    let outcome = key(&mut state, KeyCode::Char('b'));
    assert!(
        !outcome.save_notebook,
        "nothing is written over an unreadable file"
    );
    assert_eq!(state.notebook.len(), 1);
    key(&mut state, KeyCode::Char('B'));
    assert!(screen(&state).contains("Notes are not saved: notebook.json:3:5"));
}

#[test]
fn headings_and_names_take_no_bookmark() {
    let mut state = explorer(80, 24);
    // The country list has the keyboard: `b` there is no binding at all.
    let outcome = key(&mut state, KeyCode::Char('b'));
    assert!(!outcome.save_notebook);
    assert!(state.notebook.is_empty());
}

#[test]
fn search_hits_carry_the_readers_marks() {
    let mut state = on_ecuador_recommendation();
    key(&mut state, KeyCode::Char('b'));
    key(&mut state, KeyCode::Char('/'));
    typed(&mut state, "network among civil society organizations");
    let shown = screen(&state);
    assert!(
        shown.contains("[recommendation] Ecuador › Recommendations 1 ★"),
        "{shown}"
    );
}

#[test]
fn ctrl_c_in_the_editor_keeps_the_note_before_quitting() {
    let mut state = on_ecuador_recommendation();
    key(&mut state, KeyCode::Char('a'));
    typed(&mut state, "half a thought");
    let outcome = with(&mut state, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(outcome.quit && outcome.save_notebook);
    let entry = state.notebook.get(ecuador_recommendation_id());
    assert_eq!(entry.map(|e| e.note.as_str()), Some("half a thought"));
}

#[test]
fn a_bookmarked_item_carries_its_mark_in_the_comparison_too() {
    let mut state = on_ecuador_recommendation();
    key(&mut state, KeyCode::Char('b'));
    let id = ecuador_recommendation_id();
    // Compare Ecuador with the Dominican Republic, down to the recommendations.
    press(&mut state, "<Esc> k 3");
    assert_eq!(state.session.view, View::Compare);
    let mut shown = screen(&state);
    for _ in 0..12 {
        if shown.contains(&format!("★ {id}")) {
            break;
        }
        key(&mut state, KeyCode::Char(']'));
        shown = screen(&state);
    }
    assert!(shown.contains(&format!("★ {id}")), "{shown}");
}
