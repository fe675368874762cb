//! The one table of key bindings. It drives input handling, the help
//! overlay and the footer, so the three cannot disagree: a key that works is
//! a key that is listed, and the other way round.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::action::{Action, Motion, Pane, View};

mod runtime;

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

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        footer,
    }
}

use Context as C;
use Key::{Char, Code, Ctrl};

const UP: &[Key] = &[Char('k'), Code(KeyCode::Up)];
const DOWN: &[Key] = &[Char('j'), Code(KeyCode::Down)];
const LEFT: &[Key] = &[Char('h'), Code(KeyCode::Left)];
const RIGHT: &[Key] = &[Char('l'), Code(KeyCode::Right)];
const PAGE_UP: &[Key] = &[Code(KeyCode::PageUp)];
const PAGE_DOWN: &[Key] = &[Code(KeyCode::PageDown)];
const TOP: &[Key] = &[Char('g'), Code(KeyCode::Home)];
const BOTTOM: &[Key] = &[Char('G'), Code(KeyCode::End)];

/// Alt-1 to Alt-9: a section of a reading pane, a group of the comparison.
const ALT_DIGITS: &[Key] = &[Key::Digits {
    first: '1',
    last: '9',
    alt: true,
}];

const ENTER: &[Key] = &[Code(KeyCode::Enter)];

const fn compare(keys: &'static [Key], action: Action, footer: Option<&'static str>) -> Binding {
    bind(C::Compare, keys, action, footer)
}

const fn choosing(keys: &'static [Key], action: Action, footer: Option<&'static str>) -> Binding {
    bind(C::ComparePick, keys, action, footer)
}

const fn moving(keys: &'static [Key], motion: Motion) -> Binding {
    bind(C::Moving, keys, Action::Move(motion), None)
}

/// Every key binding of the explorer.
pub const BINDINGS: &[Binding] = &[
    bind(C::Always, &[Ctrl('c')], Action::Quit, None),
    bind(C::Always, &[Ctrl('z')], Action::Suspend, None),
    bind(C::Always, &[Code(KeyCode::F(1))], Action::OpenHelp, None),
    // Views
    bind(C::Views, &[Char('q')], Action::Quit, Some("quit")),
    bind(C::Views, &[Char('?')], Action::OpenHelp, Some("help")),
    bind(C::Views, &[Char('/')], Action::OpenSearch, Some("search")),
    bind(C::Views, &[Char('e')], Action::Export, None),
    bind(
        C::Views,
        &[Key::Digits {
            first: '1',
            last: '4',
            alt: false,
        }],
        Action::GoTo(View::Countries),
        Some("views"),
    ),
    bind(C::Views, &[Code(KeyCode::Tab)], Action::NextView, None),
    bind(C::Views, &[Code(KeyCode::BackTab)], Action::PrevView, None),
    bind(C::Views, &[Code(KeyCode::Esc)], Action::Leave, None),
    bind(C::Views, &[Char('B')], Action::OpenNotebook, None),
    // Vim's Ctrl-O and the browsers' Alt-arrows and Backspace.
    bind(
        C::Views,
        &[Ctrl('o'), Key::Alt(KeyCode::Left), Code(KeyCode::Backspace)],
        Action::JumpBack,
        None,
    ),
    bind(
        C::Views,
        &[Key::Alt(KeyCode::Right)],
        Action::JumpForward,
        None,
    ),
    bind(C::Views, &[Char('n')], Action::NextHit, None),
    bind(C::Views, &[Char('N')], Action::PrevHit, None),
    // Moving, wherever something scrolls or has a selection
    moving(DOWN, Motion::Down),
    moving(UP, Motion::Up),
    moving(LEFT, Motion::Left),
    moving(RIGHT, Motion::Right),
    moving(PAGE_DOWN, Motion::PageDown),
    moving(PAGE_UP, Motion::PageUp),
    moving(TOP, Motion::Top),
    moving(BOTTOM, Motion::Bottom),
    // Countries view, whichever pane has the focus
    bind(C::Countries, &[Char(' ')], Action::ToggleMark, Some("mark")),
    bind(C::Countries, &[Char('s')], Action::ToggleList, Some("list")),
    // Country list
    bind(
        C::CountryList,
        &[Code(KeyCode::Enter), Char('l'), Code(KeyCode::Right)],
        Action::Open,
        Some("open"),
    ),
    bind(
        C::CountryList,
        &[Char('f')],
        Action::StartFilter,
        Some("filter"),
    ),
    bind(C::CountryList, &[Char('y')], Action::Copy, Some("copy")),
    bind(C::CountryList, &[Char('Y')], Action::CopyCitation, None),
    // Reading pane
    bind(
        C::Reading,
        &[Char(']')],
        Action::NextSection,
        Some("section"),
    ),
    bind(C::Reading, &[Char('[')], Action::PrevSection, None),
    bind(
        C::Reading,
        ALT_DIGITS,
        Action::Section(0),
        Some("to section"),
    ),
    bind(
        C::Reading,
        &[Code(KeyCode::Enter)],
        Action::Open,
        Some("open"),
    ),
    bind(C::Reading, &[Char('y')], Action::Copy, Some("copy")),
    bind(C::Reading, &[Char('Y')], Action::CopyCitation, None),
    bind(
        C::Reading,
        &[Char('w')],
        Action::Elsewhere,
        Some("elsewhere"),
    ),
    // Not in the footer, which has no room left at 80 columns: help lists them.
    bind(C::Reading, &[Char('b')], Action::ToggleBookmark, None),
    bind(C::Reading, &[Char('a')], Action::EditNote, None),
    // Matrix
    bind(
        C::Matrix,
        &[Code(KeyCode::Enter)],
        Action::Open,
        Some("items"),
    ),
    bind(C::Matrix, &[Char('f')], Action::CycleKind, Some("kind")),
    bind(C::Matrix, &[Char(' ')], Action::ToggleMark, Some("mark")),
    bind(C::Matrix, &[Char('y')], Action::Copy, Some("copy")),
    // Compare: the table, then the list to choose from
    compare(ENTER, Action::Open, Some("open")),
    compare(&[Char('d')], Action::ToggleDiffers, Some("differs")),
    compare(&[Char(']')], Action::NextSection, Some("group")),
    compare(&[Char('[')], Action::PrevSection, None),
    compare(ALT_DIGITS, Action::Section(0), None),
    compare(&[Char(' ')], Action::ToggleMark, Some("unmark")),
    compare(&[Char('<')], Action::MoveMarkLeft, Some("move")),
    compare(&[Char('>')], Action::MoveMarkRight, None),
    compare(&[Char('a')], Action::ChooseCountries, Some("choose")),
    compare(&[Char('c')], Action::ClearMarks, Some("clear")),
    compare(&[Char('y')], Action::Copy, Some("copy")),
    choosing(&[Char(' ')], Action::ToggleMark, Some("mark")),
    choosing(ENTER, Action::Open, Some("compare")),
    choosing(&[Char('c')], Action::ClearMarks, Some("clear")),
    // What works elsewhere
    bind(
        C::Elsewhere,
        &[Code(KeyCode::Esc), Char('q')],
        Action::Close,
        Some("close"),
    ),
    // Filter input
    bind(C::Filter, &[Key::Printable], Action::Input(' '), None),
    bind(
        C::Filter,
        &[Code(KeyCode::Backspace)],
        Action::DeleteChar,
        None,
    ),
    bind(C::Filter, &[Ctrl('u')], Action::ClearInput, None),
    bind(
        C::Filter,
        &[Code(KeyCode::Down)],
        Action::Move(Motion::Down),
        None,
    ),
    bind(
        C::Filter,
        &[Code(KeyCode::Up)],
        Action::Move(Motion::Up),
        None,
    ),
    bind(
        C::Filter,
        &[Code(KeyCode::Enter)],
        Action::KeepFilter,
        Some("keep"),
    ),
    bind(
        C::Filter,
        &[Code(KeyCode::Esc)],
        Action::ClearFilter,
        Some("clear"),
    ),
    // Search overlay
    bind(C::Search, &[Key::Printable], Action::Input(' '), None),
    bind(
        C::Search,
        &[Code(KeyCode::Backspace)],
        Action::DeleteChar,
        None,
    ),
    bind(C::Search, &[Ctrl('u')], Action::ClearInput, None),
    bind(
        C::Search,
        &[Code(KeyCode::Down), Ctrl('n')],
        Action::Move(Motion::Down),
        Some("next"),
    ),
    bind(
        C::Search,
        &[Code(KeyCode::Up), Ctrl('p')],
        Action::Move(Motion::Up),
        None,
    ),
    bind(
        C::Search,
        &[Code(KeyCode::Tab)],
        Action::NextScope,
        Some("where"),
    ),
    bind(
        C::Search,
        &[Key::Alt(KeyCode::Up)],
        Action::EarlierQuery,
        Some("earlier"),
    ),
    bind(
        C::Search,
        &[Key::Alt(KeyCode::Down)],
        Action::LaterQuery,
        None,
    ),
    bind(C::Search, PAGE_DOWN, Action::Move(Motion::PageDown), None),
    bind(C::Search, PAGE_UP, Action::Move(Motion::PageUp), None),
    bind(
        C::Search,
        &[Code(KeyCode::Enter)],
        Action::Open,
        Some("jump"),
    ),
    bind(
        C::Search,
        &[Code(KeyCode::Esc)],
        Action::Close,
        Some("close"),
    ),
    // Item detail overlay
    bind(C::Detail, &[Char('n')], Action::NextBlock, Some("next")),
    bind(C::Detail, &[Char('p')], Action::PrevBlock, Some("previous")),
    bind(C::Detail, &[Char('y')], Action::Copy, Some("copy")),
    bind(C::Detail, &[Char('Y')], Action::CopyCitation, None),
    bind(
        C::Detail,
        &[Char('w')],
        Action::Elsewhere,
        Some("elsewhere"),
    ),
    bind(
        C::Detail,
        &[Char('b')],
        Action::ToggleBookmark,
        Some("bookmark"),
    ),
    bind(C::Detail, &[Char('a')], Action::EditNote, Some("note")),
    bind(C::Detail, &[Char('?')], Action::OpenHelp, None),
    bind(
        C::Detail,
        &[Code(KeyCode::Esc), Char('q')],
        Action::Close,
        Some("close"),
    ),
    // Field notebook overlay
    bind(
        C::Notebook,
        &[Code(KeyCode::Enter)],
        Action::Open,
        Some("jump"),
    ),
    bind(C::Notebook, &[Char('a')], Action::EditNote, Some("note")),
    bind(
        C::Notebook,
        &[Char('d'), Code(KeyCode::Delete)],
        Action::DeleteNote,
        Some("delete"),
    ),
    bind(
        C::Notebook,
        &[Char('e')],
        Action::ExportNotes,
        Some("export"),
    ),
    bind(
        C::Notebook,
        &[Code(KeyCode::Esc), Char('q')],
        Action::Close,
        Some("close"),
    ),
    // Note editor
    bind(C::Editor, &[Key::Printable], Action::Input(' '), None),
    bind(C::Editor, &[Code(KeyCode::Enter)], Action::NewLine, None),
    bind(
        C::Editor,
        &[Code(KeyCode::Backspace)],
        Action::DeleteChar,
        None,
    ),
    bind(C::Editor, &[Ctrl('u')], Action::ClearInput, Some("clear")),
    bind(
        C::Editor,
        &[Code(KeyCode::Up)],
        Action::Move(Motion::Up),
        None,
    ),
    bind(
        C::Editor,
        &[Code(KeyCode::Down)],
        Action::Move(Motion::Down),
        None,
    ),
    bind(
        C::Editor,
        &[Code(KeyCode::Left)],
        Action::Move(Motion::Left),
        None,
    ),
    bind(
        C::Editor,
        &[Code(KeyCode::Right)],
        Action::Move(Motion::Right),
        None,
    ),
    bind(
        C::Editor,
        &[Code(KeyCode::Home)],
        Action::Move(Motion::Top),
        None,
    ),
    bind(
        C::Editor,
        &[Code(KeyCode::End)],
        Action::Move(Motion::Bottom),
        None,
    ),
    bind(
        C::Editor,
        &[Code(KeyCode::Esc), Ctrl('s')],
        Action::SaveNote,
        Some("save"),
    ),
    // Help overlay
    bind(
        C::Help,
        &[Code(KeyCode::Esc), Char('?'), Char('q')],
        Action::Close,
        Some("close"),
    ),
];

/// The contexts active for the pane that has the keyboard, most specific first.
pub fn contexts(pane: Pane) -> &'static [Context] {
    use Context::*;
    match pane {
        Pane::Help => &[Always, Help, Moving],
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

/// How many lines the help overlay has: each group's title and rows, and
/// a blank line between groups.
pub fn help_line_count() -> usize {
    let groups = help_groups();
    groups.iter().map(|g| g.rows.len() + 1).sum::<usize>() + groups.len().saturating_sub(1)
}

#[cfg(test)]
mod tests;
