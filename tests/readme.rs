//! The README and `screenshots/` show what the program does now: they are
//! generated from the renderer and the keymap, and this fails when they have
//! drifted. Regenerate with `cargo run --example screenshots`.

use tipx::model::Dataset;
use tipx::screenshot::{
    buffer_text, draw, readme_keys, readme_screenshots, replace_section, state_after, SCENES,
};
use tipx::theme::Theme;

const README: &str = include_str!("../README.md");
const HINT: &str = "regenerate with `cargo run --example screenshots`";

#[test]
fn the_readme_key_table_is_the_keymap() {
    let expected =
        replace_section(README, "keys", &readme_keys()).expect("README has a keys section");
    assert!(README == expected, "README.md's keys are stale; {HINT}");
    assert!(README.contains("| `q` |"), "the key table lists q");
}

#[test]
fn the_readme_screenshots_are_the_renderer() {
    let data = Dataset::embedded().unwrap();
    let expected = replace_section(README, "screenshots", &readme_screenshots(&data))
        .expect("README has a screenshots section");
    assert!(
        README == expected,
        "README.md's screenshots are stale; {HINT}"
    );
}

#[test]
fn the_screenshot_files_are_the_renderer() {
    let data = Dataset::embedded().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots");
    for scene in SCENES {
        let state = state_after(&data, Theme::mono(), scene.width, scene.height, scene.keys);
        let now = buffer_text(&draw(&state, scene.width, scene.height));
        let saved = std::fs::read_to_string(dir.join(format!("{}.txt", scene.name)))
            .unwrap_or_else(|_| panic!("no screenshots/{}.txt; {HINT}", scene.name));
        assert_eq!(
            saved, now,
            "screenshots/{}.txt is stale; {HINT}",
            scene.name
        );
        assert!(
            dir.join(format!("{}.svg", scene.name)).exists(),
            "no screenshots/{}.svg; {HINT}",
            scene.name
        );
    }
}
