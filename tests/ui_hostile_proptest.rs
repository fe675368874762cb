//! Issue #12's property, for the explorer: whatever string is put into any
//! string field of a small valid dataset, no rendered frame holds a control
//! character or an escape, nothing panics, and what `y` hands the clipboard
//! holds no control character but the newlines between its lines.

mod common;

use common::hostile::{base, dataset_with, hostile};
use crossterm::event::Event;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipx::app::{update, State};
use tipx::keymap;
use tipx::model::Dataset;
use tipx::screenshot::parse_keys;
use tipx::theme::Theme;
use tipx::ui;

/// Keys that show every view, every section of a profile, an item's
/// detail, the matrix's items, the region, search and help, copying on the way.
const TOUR: &str = "y<Enter>y<Alt-2>y<Alt-3>y<Alt-4>y<Alt-5>y<Alt-6>y<Enter>y<Esc>jy\
                    2y<Enter>yw<Esc>4y<Alt-3>y<Enter><Esc>3/free<Enter>?<Esc>";

fn is_acting(c: char) -> bool {
    c.is_control() || ('\u{80}'..='\u{9f}').contains(&c)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_dataset_string_reaches_a_frame_or_the_clipboard_raw(
        field in any::<proptest::sample::Index>(),
        text in hostile(),
    ) {
        let (tmp, pointer) = dataset_with(field.index(base().strings.len()), &text);
        // A dataset that validation refuses never reaches the explorer.
        let Ok(data) = Dataset::from_dir(tmp.path()) else {
            return Ok(());
        };
        let (width, height) = (100, 30);
        let mut state = State::new(&data, Theme::mono(), width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for key in parse_keys(TOUR) {
            if let Some(action) = keymap::action_for(state.pane(), &Event::Key(key)) {
                let outcome = update(&mut state, action);
                if let Some(copied) = outcome.copy {
                    let bad = copied.chars().find(|&c| is_acting(c) && c != '\n');
                    prop_assert!(bad.is_none(), "{pointer} = {text:?}: copied {bad:?}");
                }
            }
            prop_assert!(state.check().is_ok(), "{:?}", state.check());
            terminal.draw(|frame| ui::render(&state, frame)).unwrap();
            for cell in terminal.backend().buffer().content() {
                let bad = cell.symbol().chars().find(|&c| is_acting(c));
                prop_assert!(bad.is_none(), "{pointer} = {text:?}: drawn {bad:?}");
            }
        }
    }
}
