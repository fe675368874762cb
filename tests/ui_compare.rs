//! The comparison view (3), driven the way the terminal drives it: keys
//! through the keymap into `update`, then what the screen shows.

mod common;

use common::{country, data, explorer, key, mouse, press, with};
use crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEventKind};
use tipx::action::{Pane, View};
use tipx::app::compare::table;
use tipx::app::{DocId, State};
use tipx::query::compare::{Comparison, Group};
use tipx::screenshot::{buffer_text, draw};

/// The screen as text, one line per row.
fn screen(s: &State) -> Vec<String> {
    let size = s.session.size;
    buffer_text(&draw(s, size.width, size.height))
        .lines()
        .map(str::to_string)
        .collect()
}

fn compared_names(s: &State) -> Vec<&'static str> {
    s.comparison
        .as_ref()
        .expect("a comparison")
        .countries
        .iter()
        .map(|&c| data().countries[c].name.as_str())
        .collect()
}

fn selected_row<'s>(s: &'s State<'static>) -> &'s tipx::query::compare::Row<'static> {
    &s.comparison.as_ref().expect("built").rows[s.session.compare.row]
}

/// The explorer at 120×40 with these countries marked, in this order, in
/// the comparison view.
fn comparing(names: &[&str]) -> State<'static> {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('3'));
    for name in names {
        s.session.compare.pick = country(name);
        key(&mut s, KeyCode::Char(' '));
    }
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.pane(), Pane::Compare);
    s
}

#[test]
fn with_fewer_than_two_marked_the_view_lets_you_choose_there() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('3'));
    assert_eq!(s.pane(), Pane::ComparePick);
    assert!(screen(&s).iter().any(|l| l.contains("[ ] Ecuador")));
    key(&mut s, KeyCode::Enter);
    let status = s.session.status.clone().unwrap_or_default();
    assert!(status.contains("at least two"), "{status}");
    assert_eq!(s.pane(), Pane::ComparePick, "one is not a comparison");
    press(&mut s, "jjj kk ");
    assert_eq!(s.session.marked, [country("Jamaica"), country("Ecuador")]);
    let lines = screen(&s);
    assert!(
        lines.iter().any(|l| l.contains("[2] Ecuador")),
        "the order shows"
    );
    assert!(lines.iter().any(|l| l.contains("[1] Jamaica")));
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.pane(), Pane::Compare);
    assert_eq!(compared_names(&s), ["Jamaica", "Ecuador"]);
    let header = &screen(&s)[2];
    let jam = header.find("Jamaica").expect("Jamaica's column");
    let ecu = header.find("Ecuador").expect("Ecuador's column");
    assert!(jam < ecu, "columns in the order marked: {header}");
}

#[test]
fn marks_made_in_the_list_and_the_matrix_are_compared_in_that_order() {
    let mut s = explorer(120, 40);
    press(&mut s, "jjj ");
    press(&mut s, "2l ");
    press(&mut s, "3");
    assert_eq!(s.pane(), Pane::Compare);
    assert_eq!(compared_names(&s), ["Jamaica", "Ecuador"]);
    // `a` goes back to the list, Esc returns to the comparison.
    key(&mut s, KeyCode::Char('a'));
    assert_eq!(s.pane(), Pane::ComparePick);
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.pane(), Pane::Compare);
    assert_eq!(s.session.view, View::Compare);
}

#[test]
fn reordering_unmarking_and_clearing_are_one_key_each() {
    let mut s = comparing(&["Ecuador", "Guatemala", "Nicaragua"]);
    assert_eq!(s.session.compare.column, 0);
    key(&mut s, KeyCode::Char('>'));
    assert_eq!(compared_names(&s), ["Guatemala", "Ecuador", "Nicaragua"]);
    assert_eq!(s.session.compare.column, 1, "the selection moves with it");
    key(&mut s, KeyCode::Char('>'));
    key(&mut s, KeyCode::Char('>'));
    assert_eq!(compared_names(&s), ["Guatemala", "Nicaragua", "Ecuador"]);
    assert!(s.session.status.as_deref().unwrap_or("").contains("end"));
    key(&mut s, KeyCode::Char('<'));
    assert_eq!(compared_names(&s), ["Guatemala", "Ecuador", "Nicaragua"]);
    // Space unmarks the selected column's country.
    key(&mut s, KeyCode::Char(' '));
    assert_eq!(compared_names(&s), ["Guatemala", "Nicaragua"]);
    assert!(!screen(&s)[2].contains("Ecuador"));
    key(&mut s, KeyCode::Char('c'));
    assert!(s.session.marked.is_empty());
    assert!(s.comparison.is_none());
    assert_eq!(s.pane(), Pane::ComparePick, "back to choosing");
}

#[test]
fn rows_move_and_scroll_together_under_the_columns() {
    let mut s = comparing(&["Dominican Republic", "Ecuador", "Jamaica"]);
    assert_eq!(s.session.compare.row, 0);
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(selected_row(&s).label, "Roles");
    key(&mut s, KeyCode::Char('G'));
    let rows = s.comparison.as_ref().unwrap().rows.len();
    assert_eq!(s.session.compare.row, rows - 1, "G: the last row");
    assert!(s.session.compare.scroll > 0, "the table scrolled");
    // The selected row shows, its label and every cell on the same line.
    let lines = screen(&s);
    let row = selected_row(&s);
    let y = lines
        .iter()
        .position(|l| l.starts_with("▶"))
        .expect("the selected row is on screen");
    let laid = s.compare_table().unwrap();
    let label = &table::label_lines(&row.label, &laid.geometry)[0];
    assert!(lines[y].contains(label.as_str()), "{}", lines[y]);
    let width = laid.geometry.text_width();
    for column in laid.geometry.shown() {
        let cell = &row.cells[column];
        let first = table::cell_lines(data(), row, cell, None, width)[0].text();
        let x = usize::from(laid.geometry.x(column).unwrap());
        let drawn: String = lines[y]
            .chars()
            .skip(x)
            .take(first.chars().count())
            .collect();
        assert_eq!(drawn, first, "column {column} on the row's line");
    }
    key(&mut s, KeyCode::Char('g'));
    assert_eq!((s.session.compare.row, s.session.compare.scroll), (0, 0));
    key(&mut s, KeyCode::PageDown);
    assert!(s.session.compare.row > 1, "a page down");
    // h/l choose the column; at 80 columns the third scrolls into view.
    let mut narrow = comparing(&["Dominican Republic", "Ecuador", "Jamaica"]);
    update_size(&mut narrow, 80, 24);
    assert!(!screen(&narrow)[2].contains("Jamaica"));
    press(&mut narrow, "ll");
    assert_eq!(narrow.session.compare.column, 2);
    let header = &screen(&narrow)[2];
    assert!(header.contains("▸3 Jamaica"), "{header}");
    assert!(header.contains("‹ more"), "{header}");
}

fn update_size(s: &mut State, width: u16, height: u16) {
    tipx::app::update(s, tipx::action::Action::Resize { width, height });
    s.check().expect("in range");
}

#[test]
fn d_shows_only_the_rows_that_differ_and_back() {
    let mut s = comparing(&["Dominican Republic", "Ecuador"]);
    let cmp = s.comparison.clone().unwrap();
    let roles = cmp.rows.iter().find(|r| r.label == "Roles").unwrap();
    assert!(!roles.differs, "both are origin, transit and destination");
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char('d'));
    assert!(s.session.compare.only_differs);
    assert!(
        selected_row(&s).differs,
        "the selection leaves a row now hidden"
    );
    let laid = s.compare_table().unwrap();
    assert!(laid.rows.iter().all(|&r| cmp.rows[r].differs));
    assert!(laid.rows.len() < cmp.rows.len());
    let shown = screen(&s).join("\n");
    assert!(!shown.contains("Roles"), "an equal row is hidden");
    assert!(shown.contains("≠ Assessment"));
    key(&mut s, KeyCode::Char('d'));
    assert!(screen(&s).join("\n").contains("Roles"));
}

#[test]
fn equal_rows_are_quieter_and_differing_ones_marked() {
    let s = comparing(&["Dominican Republic", "Ecuador"]);
    let lines = screen(&s);
    let roles = lines.iter().find(|l| l.contains("Roles")).unwrap();
    let assessment = lines.iter().find(|l| l.contains("Assessment")).unwrap();
    assert!(roles.starts_with("   Roles"), "{roles}");
    assert!(assessment.starts_with(" ≠ Assessment"), "{assessment}");
    // The Watch List stands out by a mark, not by colour alone.
    let tier = &lines[4];
    assert!(tier.contains("! Tier 2 Watch List") && tier.contains(" Tier 2 "));
}

#[test]
fn section_keys_jump_between_the_groups() {
    let mut s = comparing(&["Dominican Republic", "Jamaica"]);
    key(&mut s, KeyCode::Char(']'));
    assert_eq!(selected_row(&s).group, Group::Figures);
    key(&mut s, KeyCode::Char(']'));
    assert_eq!(selected_row(&s).group, Group::Themes);
    key(&mut s, KeyCode::Char('['));
    assert_eq!(selected_row(&s).group, Group::Figures);
    with(&mut s, KeyCode::Char('6'), KeyModifiers::ALT);
    assert_eq!(selected_row(&s).group, Group::Recommendations);
    assert!(screen(&s)
        .join("\n")
        .contains("── Recommendations, by theme"));
}

#[test]
fn enter_opens_the_item_in_its_profile_and_back_returns_to_the_row() {
    let mut s = comparing(&["Dominican Republic", "Ecuador"]);
    with(&mut s, KeyCode::Char('4'), KeyModifiers::ALT);
    assert_eq!(selected_row(&s).group, Group::LessonsLearned);
    key(&mut s, KeyCode::Char('l'));
    // Walk to an Ecuador cell holding two lessons: j steps through them first.
    while selected_row(&s).cells[1].entries.len() < 2 {
        key(&mut s, KeyCode::Char('j'));
    }
    let row = s.session.compare.row;
    key(&mut s, KeyCode::Char('j'));
    assert_eq!(s.session.compare.row, row, "the second lesson of the cell");
    assert_eq!(s.session.compare.entry, 1);
    let entry = &selected_row(&s).cells[1].entries[1];
    let item = entry.item.expect("an item").item;
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.view, View::Countries);
    assert_eq!(s.session.countries.country, country("Ecuador"));
    let id = DocId::Profile(country("Ecuador"));
    let cursor = s.reader(id).cursor;
    let block = &s.docs.get(id).unwrap().blocks[cursor];
    assert_eq!(block.item.map(|i| &i.id), Some(&item.id), "on the item");
    key(&mut s, KeyCode::Backspace);
    assert_eq!(s.session.view, View::Compare, "back to the comparison");
    assert_eq!((s.session.compare.row, s.session.compare.entry), (row, 1));
}

#[test]
fn enter_on_a_figure_opens_it_and_elsewhere_says_what_opens() {
    let mut s = comparing(&["Dominican Republic", "Ecuador"]);
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.view, View::Compare, "roles open nothing");
    assert!(s.session.status.as_deref().unwrap().contains("Enter opens"));
    key(&mut s, KeyCode::Char(']'));
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.view, View::Countries);
    let id = DocId::Profile(country("Dominican Republic"));
    let block = &s.docs.get(id).unwrap().blocks[s.reader(id).cursor];
    assert!(block.text.contains("9.2 million"), "{}", block.text);
}

#[test]
fn y_copies_the_row_with_each_countrys_value_and_source() {
    let mut s = comparing(&["Dominican Republic", "Ecuador", "Jamaica"]);
    key(&mut s, KeyCode::Char(']'));
    let copied = key(&mut s, KeyCode::Char('y')).copy.expect("the row");
    let lines: Vec<&str> = copied.lines().collect();
    assert_eq!(lines[0], "Population (Key figures)");
    assert!(lines[1].starts_with("Dominican Republic: 9.2 million — Source: "));
    assert!(lines[2].starts_with("Ecuador: over 13.5 million — Source: "));
    assert!(lines[3].starts_with("Jamaica: approximately 2.7 million — Source: "));
    assert!(lines[1].ends_with("line 977"), "{}", lines[1]);
    press(&mut s, "j");
    let copied = key(&mut s, KeyCode::Char('y')).copy.unwrap();
    assert!(copied.contains("Dominican Republic: not in the report"));
    assert!(s.session.status.as_deref().unwrap().contains("clipboard"));
}

#[test]
fn every_bar_is_a_number_the_report_prints() {
    let all: Vec<usize> = (0..data().countries.len()).collect();
    let mut bars_seen = 0;
    let picks: Vec<Vec<usize>> = std::iter::once(all.clone())
        .chain((0..all.len()).flat_map(|a| (a + 1..all.len()).map(move |b| vec![a, b])))
        .collect();
    for pick in picks {
        let cmp = Comparison::new(data(), &pick);
        for row in &cmp.rows {
            let Some(bars) = table::bars(row) else {
                continue;
            };
            assert_eq!(row.group, Group::Figures);
            assert!(bars.iter().flatten().count() >= 2, "{}", row.label);
            for (cell, bar) in row.cells.iter().zip(&bars) {
                let Some(bar) = bar else { continue };
                let figures: Vec<_> = data().countries[cell.country]
                    .key_figures
                    .iter()
                    .filter(|f| f.measure.as_deref() == row.measure)
                    .collect();
                assert_eq!(figures.len(), 1, "one figure under the bar");
                assert_eq!(figures[0].number, Some(bar.number), "{}", row.label);
                assert_eq!(cell.entries[0].text, figures[0].value);
                bars_seen += 1;
            }
        }
    }
    assert!(bars_seen > 0);
    // Drawn: the largest number fills its cell, a smaller one is shorter,
    // and the printed value is on the line above each bar.
    let s = comparing(&["Dominican Republic", "Ecuador"]);
    let lines = screen(&s);
    let y = lines.iter().position(|l| l.contains("Population")).unwrap();
    let bar_line = &lines[y + 1];
    let lengths: Vec<usize> = bar_line
        .split(|c: char| !"█▏▎▍▌▋▊▉".contains(c))
        .filter(|b| !b.is_empty())
        .map(|b| b.chars().count())
        .collect();
    assert_eq!(lengths.len(), 2, "{bar_line}");
    assert!(
        lengths[0] < lengths[1],
        "9.2 million is less than 13.5 million"
    );
    assert!(lines[y].contains("9.2 million") && lines[y].contains("over 13.5 million"));
}

#[test]
fn the_pointer_selects_a_column_and_the_wheel_moves_the_rows() {
    let mut s = comparing(&["Dominican Republic", "Ecuador", "Jamaica"]);
    let laid = s.compare_table().unwrap();
    let header = s.compare_areas().header;
    let x = header.x + laid.geometry.x(2).unwrap() + 2;
    mouse(&mut s, MouseEventKind::Down(MouseButton::Left), x, header.y);
    assert_eq!(s.session.compare.column, 2);
    let table = s.compare_areas().table;
    mouse(&mut s, MouseEventKind::ScrollDown, x, table.y + 3);
    mouse(&mut s, MouseEventKind::ScrollDown, x, table.y + 3);
    assert_eq!(s.session.compare.row, 2);
    mouse(&mut s, MouseEventKind::ScrollUp, x, table.y + 3);
    assert_eq!(s.session.compare.row, 1);
}

#[test]
fn more_than_five_marked_compares_the_first_five_and_says_so() {
    // The real dataset twice over: ten countries.
    let d = data();
    let twice: Vec<_> = (0..2)
        .flat_map(|n| {
            d.countries.iter().map(move |c| {
                let mut c = c.clone();
                c.id = format!("{}-{n}", c.id);
                c.name = format!("{} {n}", c.name);
                c
            })
        })
        .collect();
    let ten = tipx::model::Dataset::from_parts(d.report.clone(), twice);
    let mut s = State::new(&ten, tipx::theme::Theme::mono(), 120, 40);
    let press_key = |s: &mut State, c: char| {
        let event = crossterm::event::Event::Key(crossterm::event::KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        ));
        if let Some(action) = tipx::keymap::action_for(s.pane(), &event) {
            tipx::app::update(s, action);
        }
        s.check().expect("in range");
    };
    for _ in 0..7 {
        press_key(&mut s, ' ');
        press_key(&mut s, 'j');
    }
    press_key(&mut s, '3');
    assert_eq!(s.comparison.as_ref().unwrap().countries, [0, 1, 2, 3, 4]);
    assert!(
        screen(&s)[1].contains("the first 5 of 7 marked"),
        "{}",
        screen(&s)[1]
    );
    // Choosing refuses a sixth while five or more are marked.
    press_key(&mut s, 'a');
    s.session.compare.pick = 9;
    press_key(&mut s, ' ');
    assert!(!s.is_marked(9));
    assert!(s.session.status.as_deref().unwrap().contains("at most"));
}

#[test]
fn a_click_in_the_chooser_selects_the_country_under_it() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('3'));
    let rows = s.compare_areas().table;
    mouse(
        &mut s,
        MouseEventKind::Down(MouseButton::Left),
        rows.x + 4,
        rows.y + 3,
    );
    assert_eq!(s.session.compare.pick, 3);
    key(&mut s, KeyCode::Char(' '));
    assert_eq!(s.session.marked, [country("Jamaica")]);
}

#[test]
fn every_compare_key_at_small_and_odd_sizes_draws_and_stays_in_range() {
    for (width, height) in [(30, 8), (31, 9), (45, 12), (80, 24), (200, 60)] {
        let mut s = explorer(width, height);
        press(&mut s, " j j jj 3");
        for step in [
            "jjjj", "<PgDn>", "ll>>", "]]]", "d", "<Alt-6>", "jj", "<<", "G", "d",
        ] {
            press(&mut s, step);
            screen(&s);
        }
        press(&mut s, "hh a jj <Enter>");
        screen(&s);
        press(&mut s, "c");
        assert_eq!(s.pane(), Pane::ComparePick, "{width}×{height}");
        screen(&s);
    }
}
