use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::action::{Action, Pane, View};
use crate::keymap::contexts;

const PANES: [Pane; 16] = [
    Pane::Help,
    Pane::Search,
    Pane::Detail,
    Pane::Elsewhere,
    Pane::Filter,
    Pane::CountryList,
    Pane::Profile,
    Pane::Region,
    Pane::Matrix,
    Pane::Evidence,
    Pane::Compare,
    Pane::ComparePick,
    Pane::Notebook,
    Pane::Editor,
    Pane::Help,
    Pane::Search,
];

fn parse(text: &str) -> Result<Config, String> {
    Config::parse(Path::new("config.toml"), text).map_err(|e| e.to_string())
}

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn the_printed_default_reads_back_as_the_default() {
    let config = parse(&default_text()).expect("the default configuration parses");
    assert_eq!(config, Config::default());
    assert!(default_text().contains("[keys.notebook]\n"));
    assert!(default_text().contains("# Bookmark the selection"));
}

#[test]
fn every_action_can_be_remapped_and_then_answers_to_its_new_key() {
    for (binding, _) in Keymap::default().bindings() {
        let (name, context) = (action_name(binding.action), binding.context);
        let (text, key, expected) = match binding.action {
            Action::Input(_) => continue,
            Action::GoTo(_) => (
                "Alt-1-4",
                press(KeyCode::Char('2'), KeyModifiers::ALT),
                Action::GoTo(View::Matrix),
            ),
            Action::Section(_) => (
                "1-9",
                press(KeyCode::Char('3'), KeyModifiers::NONE),
                Action::Section(2),
            ),
            action => ("F12", press(KeyCode::F(12), KeyModifiers::NONE), action),
        };
        let toml = format!("[keys.{}]\n{name} = \"{text}\"\n", context.name());
        let config = parse(&toml).unwrap_or_else(|e| panic!("{toml}: {e}"));
        // A pane where the context is the first to know the key.
        let pane = PANES
            .into_iter()
            .filter(|&p| contexts(p).contains(&context))
            .find(|&p| config.keymap.key_action(p, &key) == Some(expected));
        assert!(
            pane.is_some(),
            "{name} in {context:?} does not answer to {text}"
        );
        let shown = config
            .keymap
            .help_groups()
            .into_iter()
            .find(|g| g.title == context.title())
            .is_some_and(|g| {
                g.rows
                    .iter()
                    .any(|(k, _)| k == &parse_key(text).unwrap().label())
            });
        assert!(shown, "help does not show {text} for {name}");
    }
}

#[test]
fn a_remap_for_every_context_and_one_for_a_context_show_in_help_and_footer() {
    let config = parse("[keys]\nbookmark = \"m\"\n[keys.detail]\nbookmark = \"B\"\n").unwrap();
    let footer = config.keymap.footer(Pane::Detail);
    assert!(
        footer.contains(&("B".to_string(), "bookmark")),
        "{footer:?}"
    );
    let reading = config
        .keymap
        .help_groups()
        .into_iter()
        .find(|g| g.title == Context::Reading.title())
        .unwrap();
    let description = Action::ToggleBookmark.description();
    assert!(reading.rows.contains(&("m".to_string(), description)));
    let m = press(KeyCode::Char('m'), KeyModifiers::NONE);
    assert_eq!(
        config.keymap.key_action(Pane::Region, &m),
        Some(Action::ToggleBookmark)
    );
    let b = press(KeyCode::Char('b'), KeyModifiers::NONE);
    assert_eq!(config.keymap.key_action(Pane::Region, &b), None);
}

#[test]
fn the_theme_is_read() {
    assert_eq!(
        parse("theme = \"light\"").unwrap().theme,
        Some(ThemeName::Light)
    );
    assert_eq!(parse("").unwrap(), Config::default());
}

#[test]
fn mistakes_are_reported_with_line_and_column() {
    let cases = [
        (
            "[keys]\nquit = \"q\"\nfly = \"f\"\n",
            "config.toml:3:1: unknown action `fly`",
        ),
        (
            "[keys]\nquit = \"Hyper-q\"\n",
            "config.toml:2:8: `Hyper-q` is not a key",
        ),
        (
            "[keys.reading]\ncopy = 3\n",
            "config.toml:2:8: keys are a string or a list",
        ),
        (
            "[keys.serach]\nclose = \"Esc\"\n",
            "config.toml:1:7: unknown context `serach`",
        ),
        (
            "[keys.search]\ncopy = \"c\"\n",
            "config.toml:2:1: no action `copy` in [keys.search]",
        ),
        (
            "[keys.reading]\ncopy = \"w\"\n",
            "config.toml:2:8: `w` would be both `copy` and `elsewhere`",
        ),
        (
            "theme = \"neon\"\n",
            "config.toml:1:9: unknown theme \"neon\"",
        ),
        ("colour = 1\n", "config.toml:1:1: unknown setting `colour`"),
        (
            "[keys]\nviews = \"v\"\n",
            "config.toml:2:9: `views` takes a range of digits",
        ),
        (
            "[keys]\ntype = \"t\"\n",
            "config.toml:2:1: `type` is what the text inputs type",
        ),
        ("[keys\nquit = 1\n", "config.toml:1:"),
    ];
    for (text, expected) in cases {
        let message = parse(text).expect_err(text);
        assert!(
            message.starts_with(expected),
            "{text:?}\n  gave {message}\n  want {expected}"
        );
    }
}

#[test]
fn a_missing_file_is_the_default_unless_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    assert_eq!(Config::load(&path, false).unwrap(), Config::default());
    let message = Config::load(&path, true).unwrap_err().to_string();
    assert!(message.contains("config.toml"), "{message}");
}

#[test]
fn every_default_key_reads_back_from_its_label() {
    for (binding, keys) in Keymap::default().bindings() {
        for key in keys {
            if *key != Key::Printable {
                assert_eq!(parse_key(&key.label()), Ok(*key), "{:?}", binding.action);
            }
        }
    }
}
