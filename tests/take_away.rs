//! Copy and export in the explorer (#10): what `y`, `Y` and `e` hand to the
//! terminal layer, and the exact bytes a copy writes to the terminal.

mod common;

use base64::Engine;
use common::{country, data, explorer, key};
use crossterm::event::KeyCode;
use tipx::tui::clipboard_sequence;

const TITLE: &str = "Review of Trafficking in Persons Programs in LAC";

#[test]
fn osc52_is_the_base64_of_the_text_between_its_fixed_bytes() {
    assert_eq!(clipboard_sequence("tipx"), "\x1b]52;c;dGlweA==\x1b\\");
}

#[test]
fn y_on_an_item_writes_its_text_and_source_as_osc52() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char(']'));
    key(&mut s, KeyCode::Char(']'));
    let text = key(&mut s, KeyCode::Char('y')).copy.expect("a copy");
    let item = &data().countries[country("Dominican Republic")].lessons_learned[0];
    assert!(text.starts_with(&item.text), "{text}");
    let cited = format!("line {} ({TITLE})", item.source.line);
    assert!(text.contains(&cited), "{text}");

    let bytes = clipboard_sequence(&text);
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    assert_eq!(bytes, format!("\x1b]52;c;{encoded}\x1b\\"));
    let inner = &bytes["\x1b]52;c;".len()..bytes.len() - 2];
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(inner)
        .expect("base64");
    assert_eq!(String::from_utf8(decoded).expect("utf-8"), text);
}

#[test]
fn shift_y_copies_the_citation_alone_and_says_so() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    key(&mut s, KeyCode::Char(']'));
    key(&mut s, KeyCode::Char(']'));
    let citation = key(&mut s, KeyCode::Char('Y')).copy.expect("a copy");
    let item = &data().countries[country("Dominican Republic")].lessons_learned[0];
    let page = item
        .source
        .page
        .map(|p| format!(", p. {p}"))
        .unwrap_or_default();
    assert_eq!(
        citation,
        format!(
            "{TITLE}, Dominican Republic › Lessons learned 1{page}, line {}",
            item.source.line
        )
    );
    let status = s.session.status.clone().expect("a status");
    assert_eq!(
        status,
        "Sent the citation of Dominican Republic › Lessons learned 1 to the terminal's clipboard (OSC 52)"
    );
    // On a local desktop the terminal layer copies there too, and says so.
    s.copied_to_desktop(Ok(()));
    assert!(s
        .session
        .status
        .as_deref()
        .is_some_and(|m| m.ends_with("(OSC 52) and the desktop's")));
    key(&mut s, KeyCode::Char('Y'));
    s.copied_to_desktop(Err("no X server \x1b[31m".into()));
    let status = s.session.status.clone().expect("a status");
    assert!(
        status.ends_with("; not to the desktop's: no X server [31m"),
        "{status}"
    );
}

#[test]
fn y_on_a_key_figure_copies_the_value_as_printed_and_its_sentence() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Enter);
    // The figures section opens on the tier, the roles, the assessment,
    // then the key figures.
    key(&mut s, KeyCode::Char(']'));
    for _ in 0..3 {
        key(&mut s, KeyCode::Char('j'));
    }
    let text = key(&mut s, KeyCode::Char('y')).copy.expect("a copy");
    let figure = &data().countries[country("Dominican Republic")].key_figures[0];
    assert!(
        text.starts_with(&format!("{}: {}", figure.label, figure.value)),
        "{text}"
    );
    assert!(text.contains(&format!("“{}”", figure.quote)), "{text}");
    assert!(
        text.contains(&format!("line {}", figure.source.line)),
        "{text}"
    );
}

#[test]
fn y_in_the_list_copies_the_profile_in_brief() {
    let mut s = explorer(120, 40);
    let text = key(&mut s, KeyCode::Char('y')).copy.expect("a copy");
    let c = &data().countries[0];
    for part in [
        c.name.as_str(),
        c.tier.level.label(),
        c.tier.quote.as_str(),
        &format!("{} lessons learned", c.lessons_learned.len()),
        &format!("{} recommendations", c.recommendations.len()),
    ] {
        assert!(text.contains(part), "{part} missing from {text}");
    }
}

#[test]
fn e_exports_the_view_as_markdown_named_after_it() {
    let mut s = explorer(120, 40);
    let export = key(&mut s, KeyCode::Char('e')).export.expect("an export");
    let c = &data().countries[0];
    assert_eq!(export.stem, format!("tipx-{}", c.id));
    assert!(export
        .contents
        .starts_with(&format!("# {} ({})\n", c.name, c.iso3)));
    assert!(export
        .contents
        .contains(&format!("## Recommendations ({})", c.recommendations.len())));

    key(&mut s, KeyCode::Char('2'));
    let export = key(&mut s, KeyCode::Char('e')).export.expect("an export");
    assert_eq!(export.stem, "tipx-matrix");
    assert!(
        export.contents.contains("| Theme | Tag |"),
        "{}",
        export.contents
    );

    key(&mut s, KeyCode::Char('4'));
    let export = key(&mut s, KeyCode::Char('e')).export.expect("an export");
    assert_eq!(export.stem, "tipx-region");
    assert!(export
        .contents
        .contains("## Regional synthesis (Section II)"));

    // The terminal layer reports where the file went.
    s.exported(&export.what, Ok(std::path::Path::new("./tipx-region.md")));
    assert_eq!(
        s.session.status.as_deref(),
        Some("Exported the region to ./tipx-region.md")
    );
}

#[test]
fn e_in_compare_needs_two_marked_countries() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('3'));
    let out = key(&mut s, KeyCode::Char('e'));
    assert_eq!(out.export, None);
    assert!(s
        .session
        .status
        .as_deref()
        .is_some_and(|m| m.contains("Mark two or more countries")));
    key(&mut s, KeyCode::Char('1'));
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Char('j'));
    key(&mut s, KeyCode::Char(' '));
    key(&mut s, KeyCode::Char('3'));
    let export = key(&mut s, KeyCode::Char('e')).export.expect("an export");
    let (a, b) = (&data().countries[0], &data().countries[1]);
    assert_eq!(export.stem, format!("tipx-compare-{}-{}", a.id, b.id));
}
