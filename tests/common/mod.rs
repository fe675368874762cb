//! Helpers the integration tests share: the embedded dataset, loaded once,
//! and an explorer driven the way the terminal drives it — events through
//! the real keymap into `update`, the invariant checked after every step.
#![allow(dead_code)] // each test binary uses its own part

pub mod cli;
pub mod hostile;
#[cfg(unix)]
pub mod pty;

use std::sync::OnceLock;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use tipx::app::{update, Outcome, State};
use tipx::keymap;
use tipx::model::Dataset;
use tipx::screenshot::parse_keys;
use tipx::theme::Theme;

/// The embedded dataset, loaded once per test binary.
pub fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| Dataset::embedded().expect("the embedded dataset loads"))
}

/// A fresh explorer on the embedded dataset, in the mono theme.
pub fn explorer(width: u16, height: u16) -> State<'static> {
    State::new(data(), Theme::mono(), width, height)
}

/// The index of the country with this name.
pub fn country(name: &str) -> usize {
    data()
        .countries
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no country named {name}"))
}

/// Sends an event through the keymap; returns what the terminal must do.
pub fn send(state: &mut State, event: Event) -> Outcome {
    let outcome = match keymap::action_for(state.pane(), &event) {
        Some(action) => update(state, action),
        None => Outcome::default(),
    };
    state.check().expect("selections stay in range");
    outcome
}

pub fn key(state: &mut State, code: KeyCode) -> Outcome {
    send(state, Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub fn with(state: &mut State, code: KeyCode, modifiers: KeyModifiers) -> Outcome {
    send(state, Event::Key(KeyEvent::new(code, modifiers)))
}

pub fn typed(state: &mut State, text: &str) {
    for c in text.chars() {
        key(state, KeyCode::Char(c));
    }
}

/// Presses keys written as in the screenshots' specs ("jj<Enter><Alt-3>").
pub fn press(state: &mut State, spec: &str) {
    for event in parse_keys(spec) {
        send(state, Event::Key(event));
    }
}

pub fn mouse(state: &mut State, kind: MouseEventKind, column: u16, row: u16) -> Outcome {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    send(state, Event::Mouse(event))
}

/// The explorer after pressing `spec`, with every selection in range.
pub fn state_after(width: u16, height: u16, theme: Theme, spec: &str) -> State<'static> {
    let mut state = State::new(data(), theme, width, height);
    for key in parse_keys(spec) {
        if let Some(action) = keymap::action_for(state.pane(), &Event::Key(key)) {
            update(&mut state, action);
        }
    }
    state.check().expect("selections in range");
    state
}
