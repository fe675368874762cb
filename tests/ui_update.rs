//! `update`, driven the way the terminal drives it: key events through the
//! keymap, mouse events at the places the layout puts things.

use std::sync::OnceLock;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use tipx::action::Action;
use tipx::app::{update, BlockKind, DocId, Focus, Overlay, State, View};
use tipx::keymap;
use tipx::model::{Dataset, ItemKind, Target};
use tipx::ui::theme::Theme;

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| Dataset::embedded().expect("the embedded dataset loads"))
}

fn explorer(width: u16, height: u16) -> State<'static> {
    State::new(data(), Theme::mono(), width, height)
}

fn country(name: &str) -> usize {
    data()
        .countries
        .iter()
        .position(|c| c.name == name)
        .unwrap()
}

/// Sends an event through the keymap; returns whether the state changed.
fn send(state: &mut State, event: Event) -> bool {
    let changed = match keymap::action_for(state, &event) {
        Some(action) => update(state, action),
        None => false,
    };
    state.check().expect("selections stay in range");
    changed
}

fn key(state: &mut State, code: KeyCode) -> bool {
    send(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn with(state: &mut State, code: KeyCode, modifiers: KeyModifiers) -> bool {
    send(state, Event::Key(KeyEvent::new(code, modifiers)))
}

fn typed(state: &mut State, text: &str) {
    for c in text.chars() {
        key(state, KeyCode::Char(c));
    }
}

fn mouse(state: &mut State, kind: MouseEventKind, column: u16, row: u16) -> bool {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    send(state, Event::Mouse(event))
}

fn cursor_block<'s>(state: &'s State<'static>) -> &'s tipx::app::Block<'static> {
    let id = state.reading().expect("a reading view");
    let cursor = state.reader(id).cursor;
    match id {
        DocId::Profile(c) => &state.profile(c).blocks[cursor],
        DocId::Region => &state.region_doc().blocks[cursor],
    }
}

#[test]
fn list_navigation_moves_the_selection_and_the_profile() {
    let mut s = explorer(120, 40);
    assert_eq!(s.ui.country, 0);
    assert!(!key(&mut s, KeyCode::Char('k')), "nothing above the first");
    assert!(key(&mut s, KeyCode::Char('j')));
    assert_eq!(s.ui.country, 1);
    key(&mut s, KeyCode::Down);
    assert_eq!(s.ui.country, 2);
    key(&mut s, KeyCode::Char('G'));
    assert_eq!(s.ui.country, data().countries.len() - 1);
    assert!(!key(&mut s, KeyCode::Char('j')), "nothing below the last");
    key(&mut s, KeyCode::Home);
    assert_eq!(s.ui.country, 0);
    key(&mut s, KeyCode::PageDown);
    assert_eq!(s.ui.country, data().countries.len() - 1);
}

#[test]
fn enter_opens_the_profile_and_the_reader_walks_its_blocks() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.ui.focus, Focus::Profile);
    let first = s.ui.profile.cursor;
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char('j'));
    assert!(s.ui.profile.cursor > first);
    assert!(cursor_block(&s).kind.is_selectable());
    key(&mut s, KeyCode::Char('k'));
    key(&mut s, KeyCode::Char('k'));
    assert_eq!(s.ui.profile.cursor, first);
    key(&mut s, KeyCode::Char('G'));
    assert_eq!(Some(&s.ui.profile.cursor), s.profile(0).selectable.last());
    key(&mut s, KeyCode::Char('h'));
    assert_eq!(s.ui.focus, Focus::List);
    key(&mut s, KeyCode::Char('l'));
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.ui.focus, Focus::List, "Esc goes back to the list");
}

#[test]
fn selecting_another_country_reads_it_from_the_top() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('G'));
    key(&mut s, KeyCode::Left);
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.ui.profile.scroll, 0);
    assert_eq!(Some(&s.ui.profile.cursor), s.profile(1).selectable.first());
}

#[test]
fn filter_as_you_type_enter_keeps_esc_clears() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('f'));
    assert!(s.ui.list.editing);
    typed(&mut s, "ecu");
    assert_eq!(s.matches, vec![country("Ecuador")]);
    assert_eq!(s.ui.country, country("Ecuador"));
    key(&mut s, KeyCode::Backspace);
    key(&mut s, KeyCode::Backspace);
    key(&mut s, KeyCode::Backspace);
    assert_eq!(s.matches.len(), data().countries.len());
    typed(&mut s, "caribbean");
    key(&mut s, KeyCode::Enter);
    assert!(!s.ui.list.editing);
    assert_eq!(s.ui.list.filter, "caribbean");
    assert_eq!(s.matches.len(), 2);
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.ui.country, country("Jamaica"));
    key(&mut s, KeyCode::Esc);
    assert!(s.ui.list.filter.is_empty());
    assert_eq!(s.matches.len(), data().countries.len());
    assert_eq!(
        s.ui.country,
        country("Jamaica"),
        "clearing keeps the country"
    );

    key(&mut s, KeyCode::Char('f'));
    typed(&mut s, "q");
    assert!(!s.ui.should_quit, "q is typed into the filter");
    typed(&mut s, "zz");
    assert!(s.matches.is_empty());
    assert_eq!(s.ui.country, country("Jamaica"), "the profile stays");
    key(&mut s, KeyCode::Esc);
    assert!(!s.ui.list.editing && s.ui.list.filter.is_empty());
}

#[test]
fn views_switch_by_number_tab_and_back() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.ui.view, View::Matrix);
    key(&mut s, KeyCode::Tab);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.ui.view, View::Region);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.ui.view, View::Countries);
    with(&mut s, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(s.ui.view, View::Region);
    key(&mut s, KeyCode::Char('3'));
    assert_eq!(s.ui.view, View::Compare);
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.ui.view, View::Region, "Esc returns to the previous view");
    key(&mut s, KeyCode::Char('1'));
    assert_eq!(s.ui.view, View::Countries);
    // Keys of other views do nothing in the notices, and never panic.
    key(&mut s, KeyCode::Char('2'));
    for code in [
        KeyCode::Char('j'),
        KeyCode::Enter,
        KeyCode::Char('y'),
        KeyCode::Char(']'),
    ] {
        key(&mut s, code);
    }
    assert_eq!(s.ui.view, View::Matrix);
}

#[test]
fn overlays_open_and_close() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('?'));
    assert!(matches!(s.ui.overlay, Overlay::Help { .. }));
    key(&mut s, KeyCode::PageDown);
    assert!(matches!(s.ui.overlay, Overlay::Help { scroll } if scroll > 0));
    key(&mut s, KeyCode::Char('q'));
    assert_eq!(s.ui.overlay, Overlay::None);
    assert!(!s.ui.should_quit, "q closes the help, it does not quit");
    key(&mut s, KeyCode::F(1));
    key(&mut s, KeyCode::F(1));
    assert_eq!(s.ui.overlay, Overlay::None, "F1 toggles the help");

    key(&mut s, KeyCode::Char('/'));
    assert!(matches!(s.ui.overlay, Overlay::Search(_)));
    typed(&mut s, "q");
    assert!(!s.ui.should_quit, "q is typed into the search");
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.ui.overlay, Overlay::None);

    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Enter);
    let Overlay::Detail(detail) = s.ui.overlay.clone() else {
        panic!("Enter on a block opens its detail");
    };
    assert_eq!(detail.block, s.ui.profile.cursor);
    assert!(!s.detail_lines.is_empty());
    key(&mut s, KeyCode::Char('n'));
    let Overlay::Detail(next) = s.ui.overlay.clone() else {
        panic!("n keeps the detail open");
    };
    assert!(next.block > detail.block);
    assert_eq!(s.ui.profile.cursor, next.block, "the reader follows");
    key(&mut s, KeyCode::Char('p'));
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.ui.overlay, Overlay::None);
    assert_eq!(s.ui.profile.cursor, detail.block);
}

#[test]
fn section_jumps_by_brackets_and_alt_digits() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    let sections = |s: &State| s.profile(s.ui.country).blocks[s.ui.profile.cursor].section;
    assert_eq!(sections(&s), 0);
    key(&mut s, KeyCode::Char(']'));
    assert_eq!(sections(&s), 1);
    key(&mut s, KeyCode::Char(']'));
    assert_eq!(sections(&s), 2);
    assert_eq!(s.profile(0).sections[2].title, "Lessons learned");
    let heading_line = s.profile_layout.sections[2];
    assert_eq!(s.ui.profile.scroll, heading_line, "the heading at the top");
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char('['));
    assert_eq!(sections(&s), 2, "first back to the start of the section");
    key(&mut s, KeyCode::Char('['));
    assert_eq!(sections(&s), 1);
    with(&mut s, KeyCode::Char('4'), KeyModifiers::ALT);
    assert_eq!(sections(&s), 3);
    assert_eq!(cursor_block(&s).kind, BlockKind::Item);
    with(&mut s, KeyCode::Char('9'), KeyModifiers::ALT);
    assert_eq!(sections(&s), 3, "a section that does not exist is ignored");
    assert_eq!(s.ui.view, View::Countries, "Alt-4 is not the key 4");
}

#[test]
fn space_marks_the_country_for_comparison() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char(' '));
    assert_eq!(s.ui.marked[..2], [true, true]);
    assert!(s.ui.status.as_deref().unwrap().contains("2 marked"));
    key(&mut s, KeyCode::Char(' '));
    assert!(!s.ui.marked[1]);
    key(&mut s, KeyCode::Char('4'));
    key(&mut s, KeyCode::Char('1'));
    assert!(s.ui.marked[0], "marks survive view changes");
}

#[test]
fn search_jumps_to_the_hit_in_its_profile() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "witness ecuador");
    let on_a_country =
        |h: &tipx::search::Hit| matches!(data().search[h.entry].target, Target::CountryItem { .. });
    let n = s
        .hits
        .iter()
        .position(on_a_country)
        .expect("an Ecuador item");
    for _ in 0..n {
        key(&mut s, KeyCode::Down);
    }
    let Overlay::Search(search) = &s.ui.overlay else {
        panic!("the search is open");
    };
    assert_eq!(search.selected, n);
    let target = data().search[s.hits[n].entry].target;
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.ui.overlay, Overlay::None);
    assert_eq!(s.ui.view, View::Countries);
    assert_eq!(s.ui.focus, Focus::Profile);
    let Target::CountryItem { country, .. } = target else {
        panic!("an Ecuador item, got {target:?}");
    };
    assert_eq!(s.ui.country, country);
    assert_eq!(cursor_block(&s).anchor, Some(target));
}

#[test]
fn search_jumps_into_the_region_view_and_clears_a_hiding_filter() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "glossary atto");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.ui.view, View::Region);
    assert_eq!(cursor_block(&s).label.as_deref(), Some("ATTO"));

    key(&mut s, KeyCode::Char('1'));
    key(&mut s, KeyCode::Char('f'));
    typed(&mut s, "jam");
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "fundacion amauta riobamba");
    let first = data().search[s.hits[0].entry].target;
    assert!(matches!(
        first,
        Target::CountryItem {
            kind: ItemKind::LessonsLearned,
            ..
        }
    ));
    key(&mut s, KeyCode::Enter);
    assert!(
        s.ui.list.filter.is_empty(),
        "the filter hid the hit's country"
    );
    assert_eq!(s.ui.country, country("Ecuador"));
}

#[test]
fn copy_leaves_the_text_with_its_source_for_the_terminal() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char(']'));
    key(&mut s, KeyCode::Char(']'));
    key(&mut s, KeyCode::Char('y'));
    let text = s.ui.clipboard.clone().expect("something to copy");
    assert!(text.contains("— Source: III › Dominican Republic › Lessons Learned, line"));
    let status = s.ui.status.clone().unwrap();
    assert_eq!(
        status,
        "Copied Dominican Republic › Lessons learned 1 to the clipboard"
    );
    // The next key clears the message.
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.ui.status, None);
    key(&mut s, KeyCode::Char('h'));
    s.ui.clipboard = None;
    key(&mut s, KeyCode::Char('y'));
    assert!(s.ui.clipboard.unwrap().contains("Tier 2 Watch List"));
}

#[test]
fn quit_from_views_and_ctrl_c_from_anywhere() {
    for view in ['1', '2', '3', '4'] {
        let mut s = explorer(80, 24);
        key(&mut s, KeyCode::Char(view));
        key(&mut s, KeyCode::Char('q'));
        assert!(s.ui.should_quit, "q quits view {view}");
    }
    for opening in ["/", "?", "f"] {
        let mut s = explorer(80, 24);
        typed(&mut s, opening);
        with(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(s.ui.should_quit, "Ctrl-C quits after {opening}");
    }
}

#[test]
fn the_list_folds_away_on_narrow_terminals_and_comes_back() {
    let mut s = explorer(60, 20);
    assert!(s.screen().list.is_some() && s.screen().page.is_none());
    key(&mut s, KeyCode::Enter);
    assert!(s.screen().list.is_none() && s.screen().page.is_some());
    key(&mut s, KeyCode::Char('s'));
    assert!(s.screen().list.is_some());
    key(&mut s, KeyCode::Char('s'));
    assert!(s.screen().page.is_some());

    let mut wide = explorer(120, 40);
    key(&mut wide, KeyCode::Char('s'));
    assert!(wide.screen().list.is_none());
    assert_eq!(wide.ui.focus, Focus::Profile);
    key(&mut wide, KeyCode::Char('h'));
    assert!(wide.screen().list.is_some());
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls_the_pane_under_it() {
    let mut s = explorer(120, 40);
    let screen = s.screen();
    let rows = screen.list.unwrap().rows;
    assert!(mouse(
        &mut s,
        MouseEventKind::Down(MouseButton::Left),
        rows.x + 3,
        rows.y + 2
    ));
    assert_eq!(s.ui.country, 2);
    let doc = screen.page.unwrap().doc;
    mouse(&mut s, MouseEventKind::ScrollDown, doc.x + 5, doc.y + 5);
    assert_eq!(s.ui.profile.scroll, 3);
    assert_eq!(
        s.ui.country, 2,
        "the wheel over the profile leaves the list"
    );
    mouse(&mut s, MouseEventKind::ScrollDown, rows.x + 1, rows.y);
    assert_eq!(s.ui.country, 3);

    // A click on the section bar jumps to the section under it.
    let bar = screen.page.unwrap().bar;
    let labels = tipx::app::section_labels(s.profile(s.ui.country));
    let cells = tipx::ui::layout::bar_cells(&labels, 0, bar.width);
    let figures = cells.iter().find(|c| c.index == 1).unwrap();
    mouse(
        &mut s,
        MouseEventKind::Down(MouseButton::Left),
        bar.x + figures.x + 1,
        bar.y,
    );
    assert_eq!(
        s.profile(s.ui.country).blocks[s.ui.profile.cursor].section,
        1
    );
    assert_eq!(s.ui.focus, Focus::Profile);

    // A click on a tab switches the view.
    let tabs = tipx::ui::layout::bar_cells(&tipx::app::tab_labels(), 0, screen.tabs.width);
    mouse(
        &mut s,
        MouseEventKind::Down(MouseButton::Left),
        tabs[3].x + 2,
        0,
    );
    assert_eq!(s.ui.view, View::Region);
    assert!(
        !mouse(&mut s, MouseEventKind::Moved, 5, 5),
        "motion is ignored"
    );
}

#[test]
fn resizing_keeps_everything_in_range() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('G'));
    for (width, height) in [(1, 1), (20, 5), (30, 8), (69, 30), (200, 60), (80, 24)] {
        assert!(send(&mut s, Event::Resize(width, height)));
        let page = s.page(DocId::Profile(s.ui.country));
        assert!(s.ui.profile.scroll <= page.layout.lines.len());
    }
    assert_eq!(Some(&s.ui.profile.cursor), s.profile(0).selectable.last());
}

#[test]
fn actions_report_whether_they_changed_anything() {
    let mut s = explorer(80, 24);
    assert!(!update(&mut s, Action::Up));
    assert!(update(&mut s, Action::Down));
    assert!(!update(
        &mut s,
        Action::Resize {
            width: 80,
            height: 24
        }
    ));
    assert!(update(&mut s, Action::Quit));
}

#[test]
fn typed_text_cannot_carry_terminal_controls() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('/'));
    for c in ['a', '\u{202E}', '\u{1b}', 'b'] {
        update(&mut s, Action::Input(c));
    }
    let Overlay::Search(search) = &s.ui.overlay else {
        panic!("the search is open");
    };
    assert_eq!(search.query, "ab");
}

#[test]
fn prepare_lays_out_the_region_ahead_without_changing_the_screen() {
    use tipx::screenshot::{buffer_text, draw};
    let mut s = explorer(120, 40);
    assert!(
        s.region_layout.lines.is_empty(),
        "laid out only when needed"
    );
    let before = buffer_text(&draw(&s, 120, 40));
    update(&mut s, Action::Prepare);
    assert_eq!(
        buffer_text(&draw(&s, 120, 40)),
        before,
        "nothing visible changes"
    );
    let prepared = s.region_layout.lines.len();
    assert!(
        prepared > 100,
        "the region document is laid out: {prepared} lines"
    );
    // Showing the region now finds the layout ready and the same.
    assert!(update(&mut s, Action::GoTo(tipx::app::View::Region)));
    assert_eq!(s.region_layout.lines.len(), prepared);
}
