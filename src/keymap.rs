//! The one table of key bindings. It drives input handling, the help
//! overlay and the footer, so the three cannot disagree: a key that works is
//! a key that is listed, and the other way round.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::action::{Action, Pane, View};

mod bindings;
mod runtime;

pub use bindings::BINDINGS;

pub use runtime::{action_name, active, install, parse_key, HelpGroup, Keymap, MOUSE_HELP};

/// Where a binding applies. Several contexts are active at once, most
/// specific first; the first binding that accepts a key wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Even while typing: Ctrl-C and F1.
    Always,
    /// Any view without an overlay or a text input.
    Views,
    /// Moving in a list, a document or an overlay that scrolls.
    Moving,
    Countries,
    CountryList,
    /// The reading pane: a country's profile or the region view.
    Reading,
    Matrix,
    Compare,
    ComparePick,
    Elsewhere,
    Filter,
    Search,
    Detail,
    Help,
    /// The field notebook overlay.
    Notebook,
    /// The note editor.
    Editor,
}

impl Context {
    /// The order of the groups in the help overlay.
    pub const ALL: [Context; 16] = [
        Context::Always,
        Context::Views,
        Context::Moving,
        Context::Countries,
        Context::CountryList,
        Context::Reading,
        Context::Matrix,
        Context::Compare,
        Context::ComparePick,
        Context::Elsewhere,
        Context::Filter,
        Context::Search,
        Context::Detail,
        Context::Notebook,
        Context::Editor,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Everywhere, even while typing",
            Context::Views => "Every view",
            Context::Moving => "Moving (lists, documents, overlays)",
            Context::Countries => "Countries view",
            Context::CountryList => "Country list",
            Context::Reading => "Reading (profile and region)",
            Context::Matrix => "Matrix (grid, and the items of a cell)",
            Context::Elsewhere => "What works elsewhere",
            Context::Compare => "Compare (the countries side by side)",
            Context::ComparePick => "Compare: choosing the countries",
            Context::Filter => "Filter input",
            Context::Search => "Search",
            Context::Detail => "Item detail",
            Context::Help => "Help",
            Context::Notebook => "Field notebook",
            Context::Editor => "Note editor",
        }
    }
}

/// A key, or a family of keys whose member fills in the action's payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character typed without Ctrl or Alt (Shift is part of the character).
    Char(char),
    Ctrl(char),
    /// A key that is not a character, without Ctrl or Alt.
    Code(KeyCode),
    /// A key that is not a character, with Alt.
    Alt(KeyCode),
    /// A digit from `first` to `last`, with or without Alt; the digit says
    /// which view or section.
    Digits {
        first: char,
        last: char,
        alt: bool,
    },
    /// Any printable character: what the text inputs type.
    Printable,
}

/// What a key contributes to the action it triggers.
pub(crate) enum Payload {
    Nothing,
    Digit(u8),
    Char(char),
}

impl Key {
    pub(crate) fn accepts(self, event: &KeyEvent) -> Option<Payload> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        let typed = match event.code {
            KeyCode::Char(c) => Some(c),
            _ => None,
        };
        match self {
            Key::Char(c) => (typed == Some(c) && !ctrl && !alt).then_some(Payload::Nothing),
            Key::Ctrl(c) => {
                let same = typed.is_some_and(|t| t.eq_ignore_ascii_case(&c));
                (same && ctrl && !alt).then_some(Payload::Nothing)
            }
            Key::Code(code) => (event.code == code && !ctrl && !alt).then_some(Payload::Nothing),
            Key::Alt(code) => (event.code == code && !ctrl && alt).then_some(Payload::Nothing),
            Key::Digits {
                first,
                last,
                alt: with_alt,
            } => {
                let d = typed.filter(|t| (first..=last).contains(t))?;
                (!ctrl && alt == with_alt).then(|| Payload::Digit(d as u8 - b'0'))
            }
            Key::Printable => typed
                .filter(|t| !t.is_control() && !ctrl && !alt)
                .map(Payload::Char),
        }
    }

    /// How the key is written in the help and the footer.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Code(code) => code_label(code),
            Key::Alt(code) => format!("Alt-{}", code_label(code)),
            Key::Digits { first, last, alt } => {
                format!("{}{first}-{last}", if alt { "Alt-" } else { "" })
            }
            Key::Printable => "text".into(),
        }
    }
}

fn code_label(code: KeyCode) -> String {
    let label = match code {
        KeyCode::Char(' ') => "Space",
        KeyCode::Char(c) => return c.to_string(),
        KeyCode::F(n) => return format!("F{n}"),
        KeyCode::Delete => "Delete",
        KeyCode::Insert => "Insert",
        KeyCode::Up => "↑",
        KeyCode::Down => "↓",
        KeyCode::Left => "←",
        KeyCode::Right => "→",
        KeyCode::PageUp => "PgUp",
        KeyCode::PageDown => "PgDn",
        KeyCode::Home => "Home",
        KeyCode::End => "End",
        KeyCode::Enter => "Enter",
        KeyCode::Esc => "Esc",
        KeyCode::Tab => "Tab",
        KeyCode::BackTab => "Shift-Tab",
        KeyCode::Backspace => "Backspace",
        _ => "?",
    };
    label.to_string()
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// The word shown in the footer beside the first key, if the binding is
    /// worth a place there.
    pub footer: Option<&'static str>,
}

/// The contexts active for the pane that has the keyboard, most specific first.
pub fn contexts(pane: Pane) -> &'static [Context] {
    use Context::*;
    match pane {
        Pane::Help => &[Always, Help, Moving],
        Pane::HelpFilter => &[Always, Filter],
        Pane::Search => &[Always, Search],
        Pane::Detail => &[Always, Detail, Moving],
        Pane::Filter => &[Always, Filter],
        Pane::CountryList => &[Always, CountryList, Moving, Countries, Views],
        Pane::Profile => &[Always, Reading, Moving, Countries, Views],
        Pane::Region => &[Always, Reading, Moving, Views],
        Pane::Elsewhere => &[Always, Elsewhere, Reading, Moving],
        Pane::Matrix => &[Always, Matrix, Moving, Views],
        Pane::Evidence => &[Always, Reading, Matrix, Moving, Views],
        Pane::Compare => &[Always, Compare, Moving, Views],
        Pane::ComparePick => &[Always, ComparePick, Moving, Views],
        Pane::Notebook => &[Always, Notebook, Moving],
        Pane::Editor => &[Always, Editor],
    }
}

/// The action a terminal event asks for in the pane, if any.
pub fn action_for(pane: Pane, event: &Event) -> Option<Action> {
    match event {
        // Release events come only from terminals with enhanced keyboard
        // reporting; a key acts once, when pressed (or repeated).
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(pane, key),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollDown => Some(Action::Scroll {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Action::Scroll {
                    column,
                    row,
                    down: false,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// The action bound to a key in the pane, if any, in the keymap in use.
pub fn key_action(pane: Pane, key: &KeyEvent) -> Option<Action> {
    active().key_action(pane, key)
}

pub(crate) fn with_payload(action: Action, payload: Payload) -> Option<Action> {
    Some(match (action, payload) {
        (Action::GoTo(_), Payload::Digit(d)) => Action::GoTo(View::from_number(d)?),
        (Action::Section(_), Payload::Digit(d)) => Action::Section(d.checked_sub(1)?),
        (Action::Input(_), Payload::Char(c)) => Action::Input(c),
        (action, _) => action,
    })
}

/// The footer's entries for the pane: (key, word), most specific first.
pub fn footer(pane: Pane) -> Vec<(String, &'static str)> {
    active().footer(pane)
}

/// The help overlay's content, from the keymap in use.
pub fn help_groups() -> Vec<HelpGroup> {
    active().help_groups()
}

/// The help's groups with only the rows that hold every word of `filter`
/// (in their keys, their description or their group's title, in any case);
/// a group left with no row is left out.
pub fn help_groups_filtered(filter: &str) -> Vec<HelpGroup> {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    help_groups()
        .into_iter()
        .filter_map(|mut group| {
            let title = group.title.to_lowercase();
            group.rows.retain(|(keys, description)| {
                let row = format!(
                    "{title} {} {}",
                    keys.to_lowercase(),
                    description.to_lowercase()
                );
                words.iter().all(|w| row.contains(w.as_str()))
            });
            (!group.rows.is_empty()).then_some(group)
        })
        .collect()
}

/// How many lines the help overlay has under `filter`: each group's title
/// and rows, and a blank line between groups.
pub fn help_line_count(filter: &str) -> usize {
    let groups = help_groups_filtered(filter);
    groups.iter().map(|g| g.rows.len() + 1).sum::<usize>() + groups.len().saturating_sub(1)
}

#[cfg(test)]
mod tests;
