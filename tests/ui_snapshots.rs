//! Snapshots of the real renderer: each view and overlay at 120×40, 80×24
//! and a tiny size, and a set under the mono theme with the styles spelled
//! out (the selection must show without colour).

use std::sync::OnceLock;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;
use tipx::app::{update, State};
use tipx::keymap;
use tipx::model::Dataset;
use tipx::ui::{self, theme::Theme};

fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| Dataset::embedded().expect("the embedded dataset loads"))
}

/// Keys in a compact notation: single characters, or `<Enter>`, `<Esc>`,
/// `<Tab>`, `<Down>`, `<Alt-3>` between angle brackets.
fn keys(spec: &str) -> Vec<KeyEvent> {
    let mut out = Vec::new();
    let mut rest = spec;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = rest.find('>') {
                let name = &rest[1..end];
                rest = &rest[end + 1..];
                out.push(match name {
                    "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                    "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                    "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                    "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                    "PgDn" => KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
                    "F1" => KeyEvent::new(KeyCode::F(1), KeyModifiers::NONE),
                    alt if alt.starts_with("Alt-") => {
                        let c = alt.chars().last().unwrap();
                        KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT)
                    }
                    other => panic!("unknown key <{other}>"),
                });
                continue;
            }
        }
        out.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn state_after(width: u16, height: u16, theme: Theme, spec: &str) -> State<'static> {
    let mut state = State::new(data(), theme, width, height);
    for key in keys(spec) {
        if let Some(action) = keymap::action_for(&state, &Event::Key(key)) {
            update(&mut state, action);
        }
    }
    state.check().expect("selections in range");
    state
}

fn draw(state: &State, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::render(state, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// The buffer as text, one line per row, trailing blanks trimmed.
fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

/// Runs of cells whose modifiers are set, per row: what shows without colour.
fn modifiers(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let m = buf[(x, y)].modifier;
            let start = x;
            while x < buf.area.width && buf[(x, y)].modifier == m {
                x += 1;
            }
            if !m.is_empty() {
                out.push_str(&format!("row {y:>2} col {start:>3}-{:<3} {m:?}\n", x - 1));
            }
        }
    }
    out
}

fn snapshot(name: &str, width: u16, height: u16, spec: &str) {
    let state = state_after(width, height, Theme::default_colors(), spec);
    let buf = draw(&state, width, height);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), text(&buf));
}

/// At the three sizes the issue asks for.
fn at_three_sizes(name: &str, spec: &str) {
    for (width, height) in [(120, 40), (80, 24), (20, 5)] {
        snapshot(name, width, height, spec);
    }
}

#[test]
fn countries_view() {
    at_three_sizes("countries", "");
}

#[test]
fn countries_profile_focused_on_an_item() {
    // Enter opens the profile; Alt-3 jumps to the third section (lessons
    // learned), Alt-5 to the recommendations with their bold lead sentence.
    snapshot("profile_lessons", 80, 24, "jj<Enter><Alt-3>");
    snapshot("profile_recommendations", 120, 40, "jj<Enter><Alt-5>j");
}

#[test]
fn countries_filter_while_typing() {
    snapshot("filter", 80, 24, "fcarib");
}

#[test]
fn countries_on_a_narrow_terminal() {
    snapshot("narrow_list", 60, 20, " j");
    snapshot("narrow_profile", 60, 20, "j<Enter>");
}

#[test]
fn region_view() {
    at_three_sizes("region", "4");
    snapshot("region_tiers", 80, 24, "4<Alt-4>");
}

#[test]
fn matrix_and_compare_notices() {
    at_three_sizes("matrix", "2");
    at_three_sizes("compare", " j 3");
}

#[test]
fn help_overlay() {
    at_three_sizes("help", "?");
}

#[test]
fn search_overlay_with_a_query() {
    at_three_sizes("search", "/witness protection");
}

#[test]
fn item_detail_overlay() {
    at_three_sizes("detail", "j<Enter>]]j<Enter>");
}

#[test]
fn search_jumps_into_the_region_view() {
    snapshot("search_jump_region", 80, 24, "/wid glossary<Enter>");
}

#[test]
fn mono_theme_shows_selection_without_colour() {
    for (name, spec) in [
        ("mono_countries", ""),
        ("mono_profile", "<Enter>j"),
        ("mono_region", "4"),
        ("mono_help", "?"),
        ("mono_search", "/witness"),
        ("mono_detail", "<Enter><Alt-3><Enter>"),
    ] {
        let state = state_after(80, 24, Theme::select(None, Some("1".as_ref())), spec);
        let buf = draw(&state, 80, 24);
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset, "{name}: a colour in mono");
            assert_eq!(cell.bg, Color::Reset, "{name}: a colour in mono");
        }
        let reversed = buf
            .content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED));
        assert!(reversed, "{name}: nothing in reverse video");
        insta::assert_snapshot!(name, format!("{}\n{}", text(&buf), modifiers(&buf)));
    }
}
