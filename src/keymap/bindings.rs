//! The table of every key binding of the explorer: which keys, in which
//! context, do what, and which word the footer shows for them.

use crossterm::event::KeyCode;

use super::{Binding, Context, Key};
use crate::action::{Action, Motion, View};

use Context as C;
use Key::{Char, Code, Ctrl};

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
    bind(C::Help, &[Char('/')], Action::StartFilter, Some("filter")),
    bind(
        C::Help,
        &[Code(KeyCode::Esc), Char('?'), Char('q')],
        Action::Close,
        Some("close"),
    ),
];
