//! `update`, driven the way the terminal drives it: key events through the
//! keymap, mouse events at the places the layout puts things.

mod common;

use common::{country, data, explorer, key, mouse, send, typed, with};
use crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEventKind};
use tipx::action::{Action, Motion, View};
use tipx::app::{update, DocId, Focus, Overlay, State};
use tipx::doc::{Block, BlockKind, Document, Reader};
use tipx::model::{ItemKind, Target};

fn profile<'s>(state: &'s State<'static>, c: usize) -> &'s Document<'static> {
    state
        .docs
        .get(DocId::Profile(c))
        .expect("the profile is built")
}

/// The reader of the profile on screen.
fn reader(state: &State) -> Reader {
    state.reader(DocId::Profile(state.session.countries.country))
}

/// The countries view's panes as drawn now.
fn panes(state: &State) -> tipx::layout::ListAndReading {
    state.session.countries.panes(state.screen().body)
}

fn cursor_block<'s>(state: &'s State<'static>) -> &'s Block<'static> {
    let id = state.reading().expect("a reading view");
    let cursor = state.reader(id).cursor;
    &state.docs.get(id).expect("built").blocks[cursor]
}

#[test]
fn list_navigation_moves_the_selection_and_the_profile() {
    let mut s = explorer(120, 40);
    assert_eq!(s.session.countries.country, 0);
    assert!(
        !key(&mut s, KeyCode::Char('k')).redraw,
        "nothing above the first"
    );
    assert!(key(&mut s, KeyCode::Char('j')).redraw);
    assert_eq!(s.session.countries.country, 1);
    key(&mut s, KeyCode::Down);
    assert_eq!(s.session.countries.country, 2);
    key(&mut s, KeyCode::Char('G'));
    assert_eq!(s.session.countries.country, data().countries.len() - 1);
    assert!(
        !key(&mut s, KeyCode::Char('j')).redraw,
        "nothing below the last"
    );
    key(&mut s, KeyCode::Home);
    assert_eq!(s.session.countries.country, 0);
    key(&mut s, KeyCode::PageDown);
    assert_eq!(s.session.countries.country, data().countries.len() - 1);
}

#[test]
fn enter_opens_the_profile_and_the_reader_walks_its_blocks() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.countries.focus, Focus::Profile);
    let first = reader(&s).cursor;
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char('j'));
    assert!(reader(&s).cursor > first);
    assert!(cursor_block(&s).kind.is_selectable());
    key(&mut s, KeyCode::Char('k'));
    key(&mut s, KeyCode::Char('k'));
    assert_eq!(reader(&s).cursor, first);
    key(&mut s, KeyCode::Char('G'));
    assert_eq!(Some(&reader(&s).cursor), profile(&s, 0).selectable.last());
    key(&mut s, KeyCode::Char('h'));
    assert_eq!(s.session.countries.focus, Focus::List);
    key(&mut s, KeyCode::Char('l'));
    key(&mut s, KeyCode::Esc);
    assert_eq!(
        s.session.countries.focus,
        Focus::List,
        "Esc goes back to the list"
    );
}

#[test]
fn a_profile_keeps_its_place_across_country_switches() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char(']'));
    key(&mut s, KeyCode::Char(']'));
    key(&mut s, KeyCode::Char('j'));
    let place = reader(&s);
    assert!(place.cursor > 0 && place.scroll > 0);
    key(&mut s, KeyCode::Left);
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.session.countries.country, 1);
    assert_eq!(
        reader(&s).scroll,
        0,
        "a country not read yet starts at the top"
    );
    assert_eq!(Some(&reader(&s).cursor), profile(&s, 1).selectable.first());
    key(&mut s, KeyCode::Char('k'));
    assert_eq!(s.session.countries.country, 0);
    assert_eq!(reader(&s), place, "back where it was left");
}

#[test]
fn back_and_forward_undo_and_redo_a_jump_from_search() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('4'));
    key(&mut s, KeyCode::Char(']'));
    let start = s.session.region.reader;
    assert!(!s.history().can_go_back());
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "fundacion amauta riobamba");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.view, View::Countries);
    assert_eq!(s.session.countries.country, country("Ecuador"));
    let landed = reader(&s);
    assert!(s.history().can_go_back());

    with(&mut s, KeyCode::Char('o'), KeyModifiers::CONTROL);
    assert_eq!(s.session.view, View::Region, "Ctrl-O goes back");
    assert_eq!(s.session.region.reader, start, "to the same place");
    assert!(s.history().can_go_forward());

    with(&mut s, KeyCode::Right, KeyModifiers::ALT);
    assert_eq!(s.session.view, View::Countries, "Alt-→ goes forward");
    assert_eq!(s.session.countries.country, country("Ecuador"));
    assert_eq!(reader(&s), landed);

    with(&mut s, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(s.session.view, View::Region, "Alt-← goes back too");
    key(&mut s, KeyCode::Backspace);
    assert_eq!(s.session.view, View::Region, "nothing further back");
    assert!(s.session.status.as_deref().unwrap().contains("No jump"));
}

#[test]
fn filter_as_you_type_enter_keeps_esc_clears() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('f'));
    assert!(s.session.countries.list.editing);
    typed(&mut s, "ecu");
    assert_eq!(s.matches, vec![country("Ecuador")]);
    assert_eq!(s.session.countries.country, country("Ecuador"));
    key(&mut s, KeyCode::Backspace);
    key(&mut s, KeyCode::Backspace);
    key(&mut s, KeyCode::Backspace);
    assert_eq!(s.matches.len(), data().countries.len());
    typed(&mut s, "caribbean");
    key(&mut s, KeyCode::Enter);
    assert!(!s.session.countries.list.editing);
    assert_eq!(s.session.countries.list.filter, "caribbean");
    assert_eq!(s.matches.len(), 2);
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.session.countries.country, country("Jamaica"));
    key(&mut s, KeyCode::Esc);
    assert!(s.session.countries.list.filter.is_empty());
    assert_eq!(s.matches.len(), data().countries.len());
    assert_eq!(
        s.session.countries.country,
        country("Jamaica"),
        "clearing keeps the country"
    );

    key(&mut s, KeyCode::Char('f'));
    assert!(
        !key(&mut s, KeyCode::Char('q')).quit,
        "q is typed into the filter"
    );
    typed(&mut s, "zz");
    assert!(s.matches.is_empty());
    assert_eq!(
        s.session.countries.country,
        country("Jamaica"),
        "the profile stays"
    );
    key(&mut s, KeyCode::Esc);
    assert!(!s.session.countries.list.editing && s.session.countries.list.filter.is_empty());
}

#[test]
fn views_switch_by_number_tab_and_back() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.session.view, View::Matrix);
    key(&mut s, KeyCode::Tab);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.session.view, View::Region);
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.session.view, View::Countries);
    with(&mut s, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(s.session.view, View::Region);
    key(&mut s, KeyCode::Char('3'));
    assert_eq!(s.session.view, View::Compare);
    key(&mut s, KeyCode::Esc);
    assert_eq!(
        s.session.view,
        View::Region,
        "Esc returns to the previous view"
    );
    key(&mut s, KeyCode::Char('1'));
    assert_eq!(s.session.view, View::Countries);
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
    assert_eq!(s.session.view, View::Matrix);
}

#[test]
fn overlays_open_and_close() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('?'));
    assert!(matches!(s.session.overlay, Overlay::Help { .. }));
    key(&mut s, KeyCode::PageDown);
    assert!(matches!(s.session.overlay, Overlay::Help { scroll, .. } if scroll > 0));
    let closed = key(&mut s, KeyCode::Char('q'));
    assert_eq!(s.session.overlay, Overlay::None);
    assert!(!closed.quit, "q closes the help, it does not quit");
    key(&mut s, KeyCode::F(1));
    key(&mut s, KeyCode::F(1));
    assert_eq!(s.session.overlay, Overlay::None, "F1 toggles the help");

    key(&mut s, KeyCode::Char('/'));
    assert!(matches!(s.session.overlay, Overlay::Search(_)));
    assert!(
        !key(&mut s, KeyCode::Char('q')).quit,
        "q is typed into the search"
    );
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.session.overlay, Overlay::None);

    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Enter);
    let Overlay::Detail(detail) = s.session.overlay.clone() else {
        panic!("Enter on a block opens its detail");
    };
    assert_eq!(detail.block, reader(&s).cursor);
    assert!(!s.detail_lines.is_empty());
    key(&mut s, KeyCode::Char('n'));
    let Overlay::Detail(next) = s.session.overlay.clone() else {
        panic!("n keeps the detail open");
    };
    assert!(next.block > detail.block);
    assert_eq!(reader(&s).cursor, next.block, "the reader follows");
    key(&mut s, KeyCode::Char('p'));
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.session.overlay, Overlay::None);
    assert_eq!(reader(&s).cursor, detail.block);
}

#[test]
fn section_jumps_by_brackets_and_alt_digits() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    let sections = |s: &State<'static>| {
        profile(s, s.session.countries.country).blocks[reader(s).cursor].section
    };
    assert_eq!(sections(&s), 0);
    key(&mut s, KeyCode::Char(']'));
    assert_eq!(sections(&s), 1);
    key(&mut s, KeyCode::Char(']'));
    assert_eq!(sections(&s), 2);
    assert_eq!(profile(&s, 0).sections[2].title, "Lessons learned");
    let heading_line = s.docs.profile_layout.sections[2];
    assert_eq!(reader(&s).scroll, heading_line, "the heading at the top");
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
    assert_eq!(s.session.view, View::Countries, "Alt-4 is not the key 4");
}

#[test]
fn space_marks_the_country_for_comparison() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char(' '));
    assert_eq!(s.session.marked, [0, 1], "in the order marked");
    assert!(s.session.status.as_deref().unwrap().contains("2 marked"));
    key(&mut s, KeyCode::Char(' '));
    assert_eq!(s.session.marked, [0]);
    key(&mut s, KeyCode::Char('4'));
    key(&mut s, KeyCode::Char('1'));
    assert_eq!(s.session.marked, [0], "marks survive view changes");
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
    let Overlay::Search(search) = &s.session.overlay else {
        panic!("the search is open");
    };
    assert_eq!(search.selected, n);
    let target = data().search[s.hits[n].entry].target;
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.overlay, Overlay::None);
    assert_eq!(s.session.view, View::Countries);
    assert_eq!(s.session.countries.focus, Focus::Profile);
    let Target::CountryItem { country, .. } = target else {
        panic!("an Ecuador item, got {target:?}");
    };
    assert_eq!(s.session.countries.country, country);
    assert_eq!(cursor_block(&s).anchor, Some(target));
}

#[test]
fn search_jumps_into_the_region_view_and_clears_a_hiding_filter() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "glossary atto");
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.view, View::Region);
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
        s.session.countries.list.filter.is_empty(),
        "the filter hid the hit's country"
    );
    assert_eq!(s.session.countries.country, country("Ecuador"));
}

#[test]
fn copy_leaves_the_text_with_its_source_for_the_terminal() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char(']'));
    key(&mut s, KeyCode::Char(']'));
    let copied = key(&mut s, KeyCode::Char('y'));
    let text = copied.copy.expect("something to copy");
    assert!(text.contains("— Source: III › Dominican Republic › Lessons Learned, line"));
    let status = s.session.status.clone().unwrap();
    assert_eq!(
        status,
        "Sent Dominican Republic › Lessons learned 1 with its source to the terminal's clipboard (OSC 52)"
    );
    // The next key clears the message.
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.session.status, None);
    key(&mut s, KeyCode::Char('h'));
    let copied = key(&mut s, KeyCode::Char('y'));
    assert!(copied.copy.unwrap().contains("Tier 2 Watch List"));
}

#[test]
fn quit_from_views_and_ctrl_c_from_anywhere() {
    for view in ['1', '2', '3', '4'] {
        let mut s = explorer(80, 24);
        key(&mut s, KeyCode::Char(view));
        assert!(key(&mut s, KeyCode::Char('q')).quit, "q quits view {view}");
    }
    for opening in ["/", "?", "f"] {
        let mut s = explorer(80, 24);
        typed(&mut s, opening);
        let outcome = with(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert!(outcome.quit, "Ctrl-C quits after {opening}");
    }
}

#[test]
fn the_list_folds_away_on_narrow_terminals_and_comes_back() {
    let mut s = explorer(60, 20);
    assert!(panes(&s).list.is_some() && panes(&s).reading.is_none());
    key(&mut s, KeyCode::Enter);
    assert!(panes(&s).list.is_none() && panes(&s).reading.is_some());
    key(&mut s, KeyCode::Char('s'));
    assert!(panes(&s).list.is_some());
    key(&mut s, KeyCode::Char('s'));
    assert!(panes(&s).reading.is_some());

    let mut wide = explorer(120, 40);
    key(&mut wide, KeyCode::Char('s'));
    assert!(panes(&wide).list.is_none());
    assert_eq!(wide.session.countries.focus, Focus::Profile);
    key(&mut wide, KeyCode::Char('h'));
    assert!(panes(&wide).list.is_some());
}

#[test]
fn mouse_clicks_select_and_the_wheel_scrolls_the_pane_under_it() {
    let mut s = explorer(120, 40);
    let screen = s.screen();
    let rows = panes(&s).list.unwrap().rows;
    assert!(
        mouse(
            &mut s,
            MouseEventKind::Down(MouseButton::Left),
            rows.x + 3,
            rows.y + 2
        )
        .redraw
    );
    assert_eq!(s.session.countries.country, 2);
    let doc = panes(&s).reading.unwrap().doc;
    mouse(&mut s, MouseEventKind::ScrollDown, doc.x + 5, doc.y + 5);
    assert_eq!(reader(&s).scroll, 3);
    assert_eq!(
        s.session.countries.country, 2,
        "the wheel over the profile leaves the list"
    );
    mouse(&mut s, MouseEventKind::ScrollDown, rows.x + 1, rows.y);
    assert_eq!(s.session.countries.country, 3);

    // A click on the section bar jumps to the section under it.
    let bar = panes(&s).reading.unwrap().bar;
    let labels = profile(&s, s.session.countries.country).section_labels();
    let cells = tipx::layout::bar_cells(&labels, 0, bar.width);
    let figures = cells.iter().find(|c| c.index == 1).unwrap();
    mouse(
        &mut s,
        MouseEventKind::Down(MouseButton::Left),
        bar.x + figures.x + 1,
        bar.y,
    );
    assert_eq!(
        profile(&s, s.session.countries.country).blocks[reader(&s).cursor].section,
        1
    );
    assert_eq!(s.session.countries.focus, Focus::Profile);

    // A click on a tab switches the view.
    let tabs = tipx::layout::bar_cells(&tipx::app::tab_labels(), 0, screen.tabs.width);
    mouse(
        &mut s,
        MouseEventKind::Down(MouseButton::Left),
        tabs[3].x + 2,
        0,
    );
    assert_eq!(s.session.view, View::Region);
    assert!(
        !mouse(&mut s, MouseEventKind::Moved, 5, 5).redraw,
        "motion is ignored"
    );
}

#[test]
fn resizing_keeps_everything_in_range() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char('G'));
    for (width, height) in [(1, 1), (20, 5), (30, 8), (69, 30), (200, 60), (80, 24)] {
        assert!(send(&mut s, Event::Resize(width, height)).redraw);
        let id = DocId::Profile(s.session.countries.country);
        let view = s.viewport(id).expect("laid out");
        assert!(reader(&s).scroll <= view.layout.lines.len());
    }
    assert_eq!(Some(&reader(&s).cursor), profile(&s, 0).selectable.last());
}

#[test]
fn actions_report_whether_they_changed_anything() {
    let mut s = explorer(80, 24);
    assert!(!update(&mut s, Action::Move(Motion::Up)).redraw);
    assert!(update(&mut s, Action::Move(Motion::Down)).redraw);
    assert!(
        !update(
            &mut s,
            Action::Resize {
                width: 80,
                height: 24
            }
        )
        .redraw
    );
    let quit = update(&mut s, Action::Quit);
    assert!(
        quit.quit && !quit.redraw,
        "quitting changes nothing on screen"
    );
}

#[test]
fn typed_text_cannot_carry_terminal_controls() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('/'));
    for c in ['a', '\u{202E}', '\u{1b}', 'b'] {
        update(&mut s, Action::Input(c));
    }
    let Overlay::Search(search) = &s.session.overlay else {
        panic!("the search is open");
    };
    assert_eq!(search.query, "ab");
}

#[test]
fn prepare_lays_out_the_region_ahead_without_changing_the_screen() {
    use tipx::screenshot::{buffer_text, draw};
    let mut s = explorer(120, 40);
    assert!(
        s.docs.region_layout.lines.is_empty(),
        "laid out only when needed"
    );
    let before = buffer_text(&draw(&s, 120, 40));
    update(&mut s, Action::Prepare);
    assert_eq!(
        buffer_text(&draw(&s, 120, 40)),
        before,
        "nothing visible changes"
    );
    let prepared = s.docs.region_layout.lines.len();
    assert!(
        prepared > 100,
        "the region document is laid out: {prepared} lines"
    );
    // Showing the region now finds the layout ready and the same.
    assert!(update(&mut s, Action::GoTo(View::Region)).redraw);
    assert_eq!(s.docs.region_layout.lines.len(), prepared);
}

#[test]
fn a_huge_terminal_is_drawn_at_the_capped_size_and_says_so() {
    let mut s = explorer(80, 24);
    send(&mut s, Event::Resize(30000, 30000));
    assert_eq!(
        (s.session.size.width, s.session.size.height),
        (tipx::layout::MAX_WIDTH, tipx::layout::MAX_HEIGHT)
    );
    let status = s.session.status.clone().unwrap_or_default();
    assert!(status.contains("1000×500"), "{status}");
    send(&mut s, Event::Resize(120, 40));
    assert_eq!((s.session.size.width, s.session.size.height), (120, 40));
}

#[test]
fn ctrl_z_asks_the_terminal_layer_to_suspend() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('/'));
    let outcome = with(&mut s, KeyCode::Char('z'), KeyModifiers::CONTROL);
    assert!(outcome.suspend && !outcome.quit, "even while typing");
}
