//! Random sessions: key presses (through the real keymap), mouse events and
//! resizes, at random sizes from 1×1 to 200×60. After every step the state
//! must render without panicking and keep every selection in range.

mod common;

use common::data;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipx::action::Action;
use tipx::app::{update, State};
use tipx::keymap;
use tipx::theme::Theme;
use tipx::ui;

/// Characters that mean something somewhere, and some that mean nothing.
const CHARS: &str = "jkhlgGqfsynp?/[]1234567890 ecuadorwitnesJAM-é";

fn key_code() -> impl Strategy<Value = KeyCode> {
    let chars: Vec<char> = CHARS.chars().collect();
    prop_oneof![
        4 => proptest::sample::select(chars).prop_map(KeyCode::Char),
        3 => proptest::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Backspace,
            KeyCode::F(1),
        ]),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        12 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::ALT),
        1 => Just(KeyModifiers::SHIFT),
        // Ctrl rarely: Ctrl-C ends the session (which must stay valid too).
        1 => Just(KeyModifiers::CONTROL),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let key = (key_code(), modifiers()).prop_map(|(c, m)| Event::Key(KeyEvent::new(c, m)));
    let mouse_kind = proptest::sample::select(vec![
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Moved,
    ]);
    let mouse = (mouse_kind, 0u16..210, 0u16..70).prop_map(|(kind, column, row)| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    });
    let resize = (1u16..=200, 1u16..=60).prop_map(|(w, h)| Event::Resize(w, h));
    prop_oneof![12 => key, 3 => mouse, 1 => resize]
}

/// Words that filter the list or find a few hits, typed whole: single
/// random characters rarely make a query that narrows anything.
const WORDS: &[&str] = &["witness", "amauta", "atto", "jam", "carib", "t2w", "zzz"];

/// One step of a session: an event, or a word typed key by key, often
/// right after opening the search (`/`) or the filter (`f`).
fn step() -> impl Strategy<Value = Vec<Event>> {
    let opening = proptest::sample::select(vec!["", "/", "f"]);
    let word = (opening, proptest::sample::select(WORDS)).prop_map(|(open, w)| {
        open.chars()
            .chain(w.chars())
            .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
            .collect()
    });
    prop_oneof![6 => event().prop_map(|e| vec![e]), 1 => word]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_render_and_stay_in_range(
        width in 1u16..=200,
        height in 1u16..=60,
        mono in any::<bool>(),
        steps in proptest::collection::vec(step(), 1..50),
    ) {
        let theme = if mono { Theme::mono() } else { Theme::default_colors() };
        let mut state = State::new(data(), theme, width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| ui::render(&state, frame)).unwrap();
        for event in steps.iter().flatten() {
            if let Event::Resize(w, h) = *event {
                terminal.backend_mut().resize(w, h);
            }
            if let Some(action) = keymap::action_for(state.pane(), event) {
                update(&mut state, action);
            }
            if let Err(problem) = state.check() {
                prop_assert!(false, "after {event:?}: {problem}");
            }
            terminal.draw(|frame| ui::render(&state, frame)).unwrap();
            // As the event loop does after every frame.
            update(&mut state, Action::Prepare);
            if let Err(problem) = state.check() {
                prop_assert!(false, "after preparing, following {event:?}: {problem}");
            }
        }
    }
}
