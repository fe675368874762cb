//! Snapshots of the real renderer: each view and overlay at 120×40, 80×24
//! and a tiny size, and a set under the mono theme with the styles spelled
//! out (the selection must show without colour).

mod common;

use common::state_after;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use tipx::screenshot::{buffer_text, draw};
use tipx::theme::Theme;

/// Runs of cells whose modifiers are set, per row: what shows without colour.
fn modifiers(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let m = buf[(x, y)].modifier;
            let start = x;
            while x < buf.area.width && buf[(x, y)].modifier == m {
                x += 1;
            }
            if !m.is_empty() {
                out.push_str(&format!("row {y:>2} col {start:>3}-{:<3} {m:?}\n", x - 1));
            }
        }
    }
    out
}

fn snapshot(name: &str, width: u16, height: u16, spec: &str) {
    let state = state_after(width, height, Theme::default_colors(), spec);
    let buf = draw(&state, width, height);
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), buffer_text(&buf));
}

/// At the three sizes the issue asks for.
fn at_three_sizes(name: &str, spec: &str) {
    for (width, height) in [(120, 40), (80, 24), (20, 5)] {
        snapshot(name, width, height, spec);
    }
}

#[test]
fn countries_view() {
    at_three_sizes("countries", "");
}

#[test]
fn countries_profile_focused_on_an_item() {
    // Enter opens the profile; Alt-3 jumps to the third section (lessons
    // learned), Alt-5 to the recommendations with their bold lead sentence.
    snapshot("profile_lessons", 80, 24, "jj<Enter><Alt-3>");
    snapshot("profile_recommendations", 120, 40, "jj<Enter><Alt-5>j");
}

#[test]
fn countries_filter_while_typing() {
    snapshot("filter", 80, 24, "fcarib");
}

#[test]
fn countries_on_a_narrow_terminal() {
    snapshot("narrow_list", 60, 20, " j");
    snapshot("narrow_profile", 60, 20, "j<Enter>");
}

#[test]
fn region_view() {
    at_three_sizes("region", "4");
    snapshot("region_tiers", 80, 24, "4<Alt-4>");
}

#[test]
fn matrix_and_compare_at_three_sizes() {
    at_three_sizes("matrix", "2");
    at_three_sizes("compare", " j 3");
}

#[test]
fn help_overlay() {
    at_three_sizes("help", "?");
}

#[test]
fn search_overlay_with_a_query() {
    at_three_sizes("search", "/witness protection");
}

#[test]
fn item_detail_overlay() {
    at_three_sizes("detail", "j<Enter>]]j<Enter>");
}

#[test]
fn search_jumps_into_the_region_view() {
    snapshot("search_jump_region", 80, 24, "/wid glossary<Enter>");
}

#[test]
fn mono_theme_shows_selection_without_colour() {
    for (name, spec) in [
        ("mono_countries", ""),
        ("mono_profile", "<Enter>j"),
        ("mono_region", "4"),
        ("mono_help", "?"),
        ("mono_search", "/witness"),
        ("mono_detail", "<Enter><Alt-3><Enter>"),
    ] {
        let state = state_after(80, 24, Theme::select(None, Some("1".as_ref())), spec);
        let buf = draw(&state, 80, 24);
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset, "{name}: a colour in mono");
            assert_eq!(cell.bg, Color::Reset, "{name}: a colour in mono");
        }
        let reversed = buf
            .content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED));
        assert!(reversed, "{name}: nothing in reverse video");
        insta::assert_snapshot!(name, format!("{}\n{}", buffer_text(&buf), modifiers(&buf)));
    }
}

#[test]
fn matrix_view() {
    snapshot("matrix_grid", 120, 40, "2jl");
    snapshot("matrix_grid", 80, 24, "2jl");
    snapshot("matrix_evidence", 80, 24, "2jl<Enter>j");
    snapshot("matrix_recommendations", 120, 40, "2ff");
}

#[test]
fn what_works_elsewhere_overlay() {
    snapshot("elsewhere", 120, 40, "2jl<Enter>w");
    snapshot("elsewhere", 80, 24, "<Enter><Alt-5>w");
}

#[test]
fn compare_two_and_three_countries() {
    // Dominican Republic and Ecuador; then Jamaica as well, marked third.
    for (name, spec) in [("compare_two", " j 3"), ("compare_three", " j jj 3")] {
        snapshot(name, 120, 40, spec);
        snapshot(name, 80, 24, spec);
    }
    // The third column scrolled into view at 80×24, items by theme below.
    snapshot("compare_three_scrolled", 80, 24, " j jj 3ll<Alt-4>");
    snapshot("compare_items", 120, 40, " j jj 3<Alt-6>");
    snapshot("compare_differs_only", 80, 24, " j 3d");
    snapshot("compare_choosing", 80, 24, "3j ");
}

#[test]
fn mono_compare_shows_selection_and_differences_without_colour() {
    let state = state_after(80, 24, Theme::select(None, Some("1".as_ref())), " j 3]");
    let buf = draw(&state, 80, 24);
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "a colour in mono"
        );
    }
    let reversed = buf
        .content()
        .iter()
        .any(|c| c.modifier.contains(Modifier::REVERSED));
    assert!(reversed, "the selected cell in reverse video");
    insta::assert_snapshot!(
        "mono_compare",
        format!("{}\n{}", buffer_text(&buf), modifiers(&buf))
    );
}
