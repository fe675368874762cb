//! The matrix view and what works elsewhere, driven the way the terminal
//! drives them: cell navigation, the kind filter, the items of a cell,
//! opening one in its profile and coming back, marking a column, copying.

mod common;

use common::{country, explorer, key, with};
use crossterm::event::{KeyCode, KeyModifiers};
use tipx::action::View;
use tipx::app::{DocId, Overlay, State};
use tipx::doc::Block;

fn cursor_block<'s>(state: &'s State<'static>) -> &'s Block<'static> {
    let id = state.reading().expect("a reading view");
    cursor_block_of(state, id)
}

fn matrix_cell(s: &State<'static>) -> (usize, usize) {
    (s.session.matrix.row, s.session.matrix.column)
}

#[test]
fn the_matrix_moves_by_cell_and_shows_the_cells_items() {
    use tipx::app::matrix::MatrixFocus;
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('2'));
    assert_eq!(s.pane(), tipx::action::Pane::Matrix);
    assert_eq!(matrix_cell(&s), (0, 0));
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char('l'));
    key(&mut s, KeyCode::Right);
    assert_eq!(matrix_cell(&s), (1, 2));
    key(&mut s, KeyCode::Char('h'));
    assert_eq!(matrix_cell(&s), (1, 1));
    for _ in 0..20 {
        key(&mut s, KeyCode::Right);
    }
    let columns = s.matrix.as_ref().unwrap().columns.len();
    assert_eq!(
        s.session.matrix.column,
        columns - 1,
        "stops at the synthesis"
    );
    key(&mut s, KeyCode::Char('G'));
    let rows = s.matrix.as_ref().unwrap().rows.len();
    assert_eq!(s.session.matrix.row, rows - 1);
    key(&mut s, KeyCode::Char('g'));
    assert_eq!(s.session.matrix.row, 0);

    // The evidence below is exactly the cell's items.
    key(&mut s, KeyCode::Char('h'));
    let evidence = s.docs.get(DocId::Evidence).expect("built");
    let shown: Vec<&str> = evidence
        .blocks
        .iter()
        .filter_map(|b| b.item.map(|i| i.id.as_str()))
        .collect();
    let cell = &s.matrix.as_ref().unwrap().rows[0].cells[s.session.matrix.column];
    let expected: Vec<&str> = cell.items.iter().map(|r| r.item.id.as_str()).collect();
    assert!(!expected.is_empty());
    let mut sorted_shown = shown.clone();
    sorted_shown.sort();
    let mut sorted_expected = expected.clone();
    sorted_expected.sort();
    assert_eq!(sorted_shown, sorted_expected);

    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.matrix.focus, MatrixFocus::Evidence);
    assert!(cursor_block_of(&s, DocId::Evidence).item.is_some());
    key(&mut s, KeyCode::Esc);
    assert_eq!(
        s.session.matrix.focus,
        MatrixFocus::Grid,
        "Esc back to the grid"
    );
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.session.view, View::Countries, "then out of the view");
}

fn cursor_block_of<'s>(s: &'s State<'static>, id: DocId) -> &'s Block<'static> {
    &s.docs.get(id).expect("built").blocks[s.reader(id).cursor]
}

#[test]
fn the_kind_filter_cycles_and_narrows_every_cell() {
    use tipx::query::matrix::KindFilter;
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('2'));
    for expected in [
        KindFilter::Recommendations,
        KindFilter::BestPractices,
        KindFilter::Lessons,
        KindFilter::All,
    ] {
        key(&mut s, KeyCode::Char('f'));
        assert_eq!(s.session.matrix.filter, expected);
        let matrix = s.matrix.as_ref().unwrap();
        assert_eq!(matrix.filter, expected, "rebuilt for the filter");
        for row in &matrix.rows {
            for cell in &row.cells {
                assert!(cell.items.iter().all(|r| expected.admits(r.kind)));
            }
        }
    }
}

#[test]
fn enter_on_an_item_of_the_matrix_opens_its_profile_and_back_returns() {
    use tipx::app::matrix::MatrixFocus;
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('2'));
    key(&mut s, KeyCode::Char('l'));
    key(&mut s, KeyCode::Enter);
    let item = cursor_block_of(&s, DocId::Evidence).anchor;
    let cell = matrix_cell(&s);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.view, View::Countries);
    assert_eq!(s.session.countries.country, country("Ecuador"));
    assert_eq!(cursor_block(&s).anchor, item, "on the item itself");
    key(&mut s, KeyCode::Backspace);
    assert_eq!(s.session.view, View::Matrix, "back returns to the matrix");
    assert_eq!(matrix_cell(&s), cell, "at the same cell");
    assert_eq!(s.session.matrix.focus, MatrixFocus::Evidence);
}

#[test]
fn what_works_elsewhere_is_one_key_from_a_recommendation_anywhere() {
    // From a profile's recommendation.
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    with(&mut s, KeyCode::Char('5'), KeyModifiers::ALT);
    let asked = cursor_block(&s).item.expect("a recommendation");
    key(&mut s, KeyCode::Char('w'));
    assert_eq!(s.pane(), tipx::action::Pane::Elsewhere);
    let found = s.docs.get(DocId::Elsewhere).expect("built");
    let practices: Vec<_> = found.blocks.iter().filter_map(|b| b.item).collect();
    assert!(!practices.is_empty());
    for practice in &practices {
        assert!(
            practice.id.contains("-bp-"),
            "{} is a best practice",
            practice.id
        );
        assert!(
            !practice.id.starts_with("dom-"),
            "not the asking country's own"
        );
        assert!(practice.themes.iter().any(|t| asked.themes.contains(t)));
    }
    // Enter opens the practice where it lives; back returns.
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.overlay, Overlay::None);
    assert_eq!(cursor_block(&s).item.map(|i| &i.id), Some(&practices[0].id));
    key(&mut s, KeyCode::Backspace);
    assert_eq!(s.session.countries.country, 0);

    // From the item detail, and from the matrix's items.
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('w'));
    assert_eq!(s.pane(), tipx::action::Pane::Elsewhere);
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Esc);
    key(&mut s, KeyCode::Char('2'));
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('w'));
    assert_eq!(s.pane(), tipx::action::Pane::Elsewhere);
}

#[test]
fn space_on_a_matrix_column_marks_its_country() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('2'));
    key(&mut s, KeyCode::Char('l'));
    key(&mut s, KeyCode::Char(' '));
    assert_eq!(s.session.marked, [1]);
    for _ in 0..10 {
        key(&mut s, KeyCode::Char('l'));
    }
    key(&mut s, KeyCode::Char(' '));
    assert_eq!(s.session.marked, [1], "the synthesis is not a country");
}

#[test]
fn y_on_a_matrix_cell_copies_its_items_with_their_sources() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('2'));
    let copied = key(&mut s, KeyCode::Char('y'))
        .copy
        .expect("the cell's items");
    let cell = &s.matrix.as_ref().unwrap().rows[0].cells[0];
    assert_eq!(copied.matches("— Source:").count(), cell.items.len());
    for r in &cell.items {
        assert!(copied.contains(&r.item.text));
    }
}
