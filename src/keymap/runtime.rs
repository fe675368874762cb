//! The keymap in use: the table's bindings with the keys the configuration
//! file gave them. [`BINDINGS`] stays the default (and the README's table);
//! [`install`] sets the keymap once at start, and input handling, the
//! footer and the help all read it through [`active`], so a remapped key
//! shows wherever keys are shown.

use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent};

use super::{contexts, with_payload, Binding, Context, Key, BINDINGS};
use crate::action::{Action, Motion, Pane};

/// The pointer, which the table of keys cannot list.
pub const MOUSE_HELP: &[(&str, &str)] = &[
    ("wheel", "Scroll the pane under the pointer"),
    ("click", "Select a view, a country, a section or a block"),
];

/// One group of the help overlay.
pub struct HelpGroup {
    pub title: &'static str,
    /// (keys, what they do)
    pub rows: Vec<(String, &'static str)>,
}

/// The keys of every binding of [`BINDINGS`], in its order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            keys: BINDINGS.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

static ACTIVE: OnceLock<Keymap> = OnceLock::new();
static DEFAULT: OnceLock<Keymap> = OnceLock::new();

/// Makes `keymap` the one in use; the first call wins (tipx calls it once,
/// at start, before the explorer reads a key).
pub fn install(keymap: Keymap) {
    let _ = ACTIVE.set(keymap);
}

/// The keymap in use: the installed one, else the default.
pub fn active() -> &'static Keymap {
    ACTIVE
        .get()
        .unwrap_or_else(|| DEFAULT.get_or_init(Keymap::default))
}

impl Keymap {
    /// Every binding with its keys.
    pub fn bindings(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        BINDINGS.iter().zip(self.keys.iter().map(Vec::as_slice))
    }

    /// Gives `keys` to the binding of the action called `name` in
    /// `context`, or in every context when `context` is `None`. Returns how
    /// many bindings changed (0: the action has no key there).
    pub fn remap(&mut self, context: Option<Context>, name: &str, keys: &[Key]) -> usize {
        let mut changed = 0;
        for (binding, slot) in BINDINGS.iter().zip(self.keys.iter_mut()) {
            let here = context.is_none_or(|c| c == binding.context);
            if here && action_name(binding.action) == name {
                *slot = keys.to_vec();
                changed += 1;
            }
        }
        changed
    }

    /// A key bound to two actions of one context: (context, key, the two
    /// actions' names). The first such, if any.
    pub fn clash(&self) -> Option<(Context, Key, &'static str, &'static str)> {
        for context in Context::ALL {
            let mut seen: Vec<(Key, &'static str)> = Vec::new();
            for (binding, keys) in self.bindings().filter(|(b, _)| b.context == context) {
                for &key in keys {
                    let name = action_name(binding.action);
                    if let Some(&(_, other)) = seen.iter().find(|(k, _)| *k == key) {
                        return Some((context, key, other, name));
                    }
                    seen.push((key, name));
                }
            }
        }
        None
    }

    /// The action bound to a key in the pane, if any.
    pub fn key_action(&self, pane: Pane, key: &KeyEvent) -> Option<Action> {
        for &context in contexts(pane) {
            for (binding, keys) in self.bindings().filter(|(b, _)| b.context == context) {
                for k in keys {
                    if let Some(payload) = k.accepts(key) {
                        return with_payload(binding.action, payload);
                    }
                }
            }
        }
        None
    }

    /// The footer's entries for the pane: (key, word), most specific first.
    pub fn footer(&self, pane: Pane) -> Vec<(String, &'static str)> {
        let mut entries: Vec<(String, &'static str)> = Vec::new();
        for &context in contexts(pane) {
            for (binding, keys) in self.bindings().filter(|(b, _)| b.context == context) {
                let (Some(word), Some(key)) = (binding.footer, keys.first()) else {
                    continue;
                };
                if !entries.iter().any(|(_, w)| *w == word) {
                    entries.push((key.label(), word));
                }
            }
        }
        entries
    }

    /// The help overlay's content, group by group.
    pub fn help_groups(&self) -> Vec<HelpGroup> {
        let mut groups: Vec<HelpGroup> = Context::ALL
            .iter()
            .map(|&context| HelpGroup {
                title: context.title(),
                rows: self
                    .bindings()
                    .filter(|(b, _)| b.context == context)
                    .map(|(b, keys)| (keys_label(keys), b.action.description()))
                    .collect(),
            })
            .collect();
        groups.push(HelpGroup {
            title: "Mouse",
            rows: MOUSE_HELP
                .iter()
                .map(|&(k, d)| (k.to_string(), d))
                .collect(),
        });
        groups
    }
}

/// The keys as the help writes them; "(none)" for an action left without one.
pub fn keys_label(keys: &[Key]) -> String {
    if keys.is_empty() {
        return "(none)".into();
    }
    let labels: Vec<String> = keys.iter().map(|k| k.label()).collect();
    labels.join(" ")
}

impl Context {
    /// The context's name in the configuration file (`[keys.search]`).
    pub fn name(self) -> &'static str {
        match self {
            Context::Always => "always",
            Context::Views => "views",
            Context::Moving => "moving",
            Context::Countries => "countries",
            Context::CountryList => "country_list",
            Context::Reading => "reading",
            Context::Matrix => "matrix",
            Context::Compare => "compare",
            Context::ComparePick => "compare_choosing",
            Context::Elsewhere => "elsewhere",
            Context::Filter => "filter",
            Context::Search => "search",
            Context::Detail => "detail",
            Context::Help => "help",
            Context::Notebook => "notebook",
            Context::Editor => "editor",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// The action's name in the configuration file. Actions whose key supplies
/// a payload are named for the family (`views`, `section`, `type`).
pub fn action_name(action: Action) -> &'static str {
    match action {
        Action::Quit => "quit",
        Action::Suspend => "suspend",
        Action::OpenHelp => "help",
        Action::OpenSearch => "search",
        Action::NextView => "next_view",
        Action::PrevView => "previous_view",
        Action::GoTo(_) => "views",
        Action::Move(Motion::Up) => "up",
        Action::Move(Motion::Down) => "down",
        Action::Move(Motion::Left) => "left",
        Action::Move(Motion::Right) => "right",
        Action::Move(Motion::PageUp) => "page_up",
        Action::Move(Motion::PageDown) => "page_down",
        Action::Move(Motion::Top) => "top",
        Action::Move(Motion::Bottom) => "bottom",
        Action::Open => "open",
        Action::Leave => "back",
        Action::JumpBack => "jump_back",
        Action::JumpForward => "jump_forward",
        Action::NextHit => "next_hit",
        Action::PrevHit => "previous_hit",
        Action::NextScope => "search_where",
        Action::EarlierQuery => "earlier_query",
        Action::LaterQuery => "later_query",
        Action::CopyCitation => "copy_citation",
        Action::Export => "export",
        Action::ToggleDiffers => "differs_only",
        Action::MoveMarkLeft => "move_left",
        Action::MoveMarkRight => "move_right",
        Action::ClearMarks => "clear_marks",
        Action::ChooseCountries => "choose_countries",
        Action::ToggleList => "toggle_list",
        Action::ToggleMark => "mark",
        Action::StartFilter => "filter",
        Action::KeepFilter => "keep_filter",
        Action::ClearFilter => "clear_filter",
        Action::NextSection => "next_section",
        Action::PrevSection => "previous_section",
        Action::Section(_) => "section",
        Action::Copy => "copy",
        Action::Elsewhere => "elsewhere",
        Action::CycleKind => "kind",
        Action::NextBlock => "next_block",
        Action::PrevBlock => "previous_block",
        Action::Close => "close",
        Action::ToggleBookmark => "bookmark",
        Action::EditNote => "note",
        Action::OpenNotebook => "notebook",
        Action::DeleteNote => "delete_note",
        Action::ExportNotes => "export_notes",
        Action::NewLine => "new_line",
        Action::SaveNote => "save_note",
        Action::Input(_) => "type",
        Action::DeleteChar => "delete_char",
        Action::ClearInput => "clear_input",
        Action::Resize { .. } => "resize",
        Action::Scroll { .. } => "scroll",
        Action::Click { .. } => "click",
        Action::Prepare => "prepare",
    }
}

/// A key as the configuration file and the help write it: a character
/// ("q", "?"), "Space", "Ctrl-x", "Alt-x" or "Alt-Left", a named key
/// ("Enter", "Esc", "Tab", "Shift-Tab", "Backspace", "Delete", "Insert",
/// "Up"/"↑", "Down"/"↓", "Left"/"←", "Right"/"→", "PgUp", "PgDn", "Home",
/// "End", "F1"-"F12"), or a range of digits ("1-4", "Alt-1-9") for the
/// actions that take a number.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let digits = |range: &str, alt: bool| {
        let mut chars = range.chars();
        match (chars.next(), chars.next(), chars.next(), chars.next()) {
            (Some(first), Some('-'), Some(last), None)
                if first.is_ascii_digit() && last.is_ascii_digit() && first <= last =>
            {
                Some(Key::Digits { first, last, alt })
            }
            _ => None,
        }
    };
    if let Some(key) = digits(text, false) {
        return Ok(key);
    }
    if let Some(rest) = text.strip_prefix("Ctrl-") {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_graphic() => Ok(Key::Ctrl(c.to_ascii_lowercase())),
            _ => Err(format!(
                "`{text}`: Ctrl goes with one letter or sign (Ctrl-x)"
            )),
        };
    }
    if let Some(rest) = text.strip_prefix("Alt-") {
        if let Some(key) = digits(rest, true) {
            return Ok(key);
        }
        return match named_code(rest) {
            Some(code) => Ok(Key::Alt(code)),
            None => Err(format!("`{text}`: not a key after Alt-")),
        };
    }
    match named_code(text) {
        Some(KeyCode::Char(c)) => Ok(Key::Char(c)),
        Some(code) => Ok(Key::Code(code)),
        None => Err(format!(
            "`{text}` is not a key: write a character, Space, Ctrl-x, Alt-x, Enter, Esc, Tab, \
             Shift-Tab, Backspace, Delete, Up, Down, Left, Right, PgUp, PgDn, Home, End or F1-F12"
        )),
    }
}

/// A key by its name, or a single printable character.
fn named_code(text: &str) -> Option<KeyCode> {
    let code = match text {
        "Space" => KeyCode::Char(' '),
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "Shift-Tab" | "BackTab" => KeyCode::BackTab,
        "Backspace" => KeyCode::Backspace,
        "Delete" => KeyCode::Delete,
        "Insert" => KeyCode::Insert,
        "Up" | "↑" => KeyCode::Up,
        "Down" | "↓" => KeyCode::Down,
        "Left" | "←" => KeyCode::Left,
        "Right" | "→" => KeyCode::Right,
        "PgUp" | "PageUp" => KeyCode::PageUp,
        "PgDn" | "PageDown" => KeyCode::PageDown,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        _ => {
            if let Some(n) = text.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
                return (1..=12).contains(&n).then_some(KeyCode::F(n));
            }
            let mut chars = text.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() && !c.is_whitespace() => Some(KeyCode::Char(c)),
                _ => None,
            };
        }
    };
    Some(code)
}
