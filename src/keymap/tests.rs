use super::*;

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn digits_fill_in_the_payload() {
    let key = Key::Digits {
        first: '1',
        last: '9',
        alt: true,
    };
    let alt3 = press(KeyCode::Char('3'), KeyModifiers::ALT);
    let payload = key
        .accepts(&alt3)
        .map(|p| with_payload(Action::Section(0), p));
    assert_eq!(payload, Some(Some(Action::Section(2))));
    assert!(key
        .accepts(&press(KeyCode::Char('3'), KeyModifiers::NONE))
        .is_none());
}

#[test]
fn shifted_characters_and_back_tab_match() {
    let shifted_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert!(Key::Char('G').accepts(&shifted_g).is_some());
    let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert!(Key::Code(KeyCode::BackTab).accepts(&back_tab).is_some());
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(Key::Char('c').accepts(&ctrl_c).is_none());
    assert!(Key::Ctrl('c').accepts(&ctrl_c).is_some());
}

#[test]
fn no_key_is_bound_twice_in_one_context() {
    for context in Context::ALL {
        let mut seen: Vec<Key> = Vec::new();
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            for key in binding.keys {
                assert!(!seen.contains(key), "{key:?} twice in {context:?}");
                seen.push(*key);
            }
        }
    }
}

#[test]
fn help_lists_every_binding_once() {
    let rows: usize = help_groups().iter().map(|g| g.rows.len()).sum();
    assert_eq!(rows, BINDINGS.len() + MOUSE_HELP.len());
}

#[test]
fn an_action_is_named_once_per_context_so_the_config_names_one_binding() {
    for context in Context::ALL {
        let mut names: Vec<&str> = BINDINGS
            .iter()
            .filter(|b| b.context == context)
            .map(|b| action_name(b.action))
            .collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "an action twice in {context:?}");
        assert_eq!(Context::from_name(context.name()), Some(context));
    }
}

#[test]
fn the_default_keymap_has_no_clash_and_matches_the_table() {
    let keymap = Keymap::default();
    assert_eq!(keymap.clash(), None);
    for ((binding, keys), table) in keymap.bindings().zip(BINDINGS) {
        assert_eq!(keys, table.keys, "{:?}", binding.action);
    }
}
