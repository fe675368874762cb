//! Finding and returning: the search box's history and scope, n and N over
//! the last search's hits in any view, the matched words marked where a
//! hit is opened, and the reading details around them.

mod common;

use common::{country, data, explorer, key, mouse, state_after, typed, with};
use crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEventKind};
use ratatui::style::Modifier;
use tipx::action::View;
use tipx::app::{DocId, Focus, Overlay, Scope, State};
use tipx::model::Target;
use tipx::screenshot::{buffer_text, draw};
use tipx::theme::Theme;

fn search_box(s: &State) -> tipx::app::SearchBox {
    match &s.session.overlay {
        Overlay::Search(b) => b.clone(),
        other => panic!("the search is not open: {other:?}"),
    }
}

fn shown_target(s: &State<'static>) -> Option<Target> {
    let id = s.reading()?;
    s.docs.get(id)?.blocks[s.reader(id).cursor].anchor
}

#[test]
fn n_and_n_walk_every_hit_across_countries_and_views() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "witness");
    let hits = s.hits.clone();
    assert!(hits.len() > 3);
    key(&mut s, KeyCode::Enter);
    let targets: Vec<Target> = hits.iter().map(|h| data().search[h.entry].target).collect();
    assert_eq!(shown_target(&s), Some(targets[0]));
    let mut countries = std::collections::HashSet::new();
    for expected in targets.iter().skip(1) {
        key(&mut s, KeyCode::Char('n'));
        assert_eq!(s.session.overlay, Overlay::None, "no overlay reopened");
        if let Target::CountryItem { country, .. } = expected {
            assert_eq!(s.session.view, View::Countries);
            countries.insert(*country);
        }
        assert_eq!(shown_target(&s).as_ref(), Some(expected));
        let status = s.session.status.clone().unwrap_or_default();
        assert!(status.starts_with("Hit "), "{status}");
    }
    assert!(countries.len() > 1, "the hits are in several countries");
    key(&mut s, KeyCode::Char('n'));
    assert_eq!(shown_target(&s), Some(targets[0]), "n wraps round");
    key(&mut s, KeyCode::Char('N'));
    assert_eq!(shown_target(&s).as_ref(), targets.last(), "N goes back");
}

#[test]
fn slash_brings_back_the_last_query_and_alt_arrows_earlier_ones() {
    let mut s = explorer(80, 24);
    for query in ["shelter", "witness protection"] {
        key(&mut s, KeyCode::Char('/'));
        with(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL);
        typed(&mut s, query);
        key(&mut s, KeyCode::Enter);
    }
    key(&mut s, KeyCode::Char('/'));
    assert_eq!(search_box(&s).query, "witness protection");
    assert!(!s.hits.is_empty(), "its hits are there at once");
    with(&mut s, KeyCode::Up, KeyModifiers::ALT);
    assert_eq!(search_box(&s).query, "witness protection");
    with(&mut s, KeyCode::Up, KeyModifiers::ALT);
    assert_eq!(search_box(&s).query, "shelter");
    with(&mut s, KeyCode::Up, KeyModifiers::ALT);
    assert_eq!(search_box(&s).query, "shelter", "nothing earlier");
    with(&mut s, KeyCode::Down, KeyModifiers::ALT);
    assert_eq!(search_box(&s).query, "witness protection");
}

#[test]
fn tab_narrows_the_hits_to_one_country_then_the_region() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "shelter");
    let everywhere = s.hits.len();
    key(&mut s, KeyCode::Tab);
    assert_eq!(search_box(&s).scope, Scope::Country(0));
    assert!(s.hits.len() < everywhere);
    assert!(s
        .hits
        .iter()
        .all(|h| data().search[h.entry].country == Some(0)));
    for _ in 0..data().countries.len() {
        key(&mut s, KeyCode::Tab);
    }
    assert_eq!(search_box(&s).scope, Scope::Region);
    assert!(s
        .hits
        .iter()
        .all(|h| data().search[h.entry].country.is_none()));
    key(&mut s, KeyCode::Tab);
    assert_eq!(s.hits.len(), everywhere, "everywhere again");
}

#[test]
fn every_tier_system_hit_lands_on_its_own_block() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "tier 2 watch list");
    let tiers: Vec<usize> = s
        .hits
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            data().search[h.entry]
                .context
                .starts_with("Region › Tier system")
        })
        .map(|(i, _)| i)
        .collect();
    assert!(tiers.len() >= 2, "several tier-system hits");
    for n in tiers {
        let mut s = explorer(120, 40);
        key(&mut s, KeyCode::Char('/'));
        typed(&mut s, "tier 2 watch list");
        for _ in 0..n {
            key(&mut s, KeyCode::Down);
        }
        let hit = data().search[s.hits[n].entry].target;
        key(&mut s, KeyCode::Enter);
        assert_eq!(s.session.view, View::Region);
        assert_eq!(shown_target(&s), Some(hit), "hit {n}");
    }
}

#[test]
fn the_matched_words_stay_marked_in_the_opened_text() {
    let state = state_after(
        100,
        30,
        Theme::select(None, Some("1".as_ref())),
        "/witness protection<Enter>",
    );
    let buf = draw(&state, 100, 30);
    let text = buffer_text(&buf);
    let marked: String = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect();
    assert!(
        marked.to_lowercase().contains("witness"),
        "underlined: {marked:?}\n{text}"
    );
    insta::assert_snapshot!("found_marked_100x30", text);
}

#[test]
fn with_a_filter_that_keeps_nothing_enter_and_y_do_nothing() {
    let mut s = explorer(120, 40);
    key(&mut s, KeyCode::Char('f'));
    typed(&mut s, "zzz");
    key(&mut s, KeyCode::Enter);
    assert!(s.matches.is_empty());
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.session.countries.focus, Focus::List, "nothing opened");
    assert!(
        key(&mut s, KeyCode::Char('y')).copy.is_none(),
        "nothing copied"
    );
}

#[test]
fn an_organization_shows_where_the_report_mentions_it() {
    let mut s = explorer(120, 40);
    let ecuador = country("Ecuador");
    for _ in 0..ecuador {
        key(&mut s, KeyCode::Char('j'));
    }
    key(&mut s, KeyCode::Enter);
    let doc = s.docs.get(DocId::Profile(ecuador)).unwrap();
    let org = doc
        .blocks
        .iter()
        .position(|b| matches!(b.anchor, Some(Target::CountryOrganization { .. })))
        .expect("an organization block");
    while s.reader(DocId::Profile(ecuador)).cursor != org {
        key(&mut s, KeyCode::Char('j'));
    }
    key(&mut s, KeyCode::Enter);
    let lines: Vec<String> = s
        .detail_lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect())
        .collect();
    let text = lines.join("\n");
    assert!(text.contains("Mentioned in"), "{text}");
}

#[test]
fn the_footer_keeps_help_and_quit_and_cuts_no_key_in_half() {
    for (width, height) in [(40, 12), (80, 24)] {
        let state = state_after(width, height, Theme::mono(), "");
        let buf = draw(&state, width, height);
        let text = buffer_text(&buf);
        let footer = text.lines().last().unwrap_or_default().to_string();
        assert!(footer.contains("? help"), "{footer}");
        assert!(footer.contains("q quit"), "{footer}");
        assert!(!footer.trim_end().ends_with("1-4"), "{footer}");
        insta::assert_snapshot!(format!("footer_{width}x{height}"), footer);
    }
}

#[test]
fn clicking_the_arrow_of_a_section_bar_shows_the_sections_beyond() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Enter);
    let panes = s.session.countries.panes(s.screen().body);
    let bar = panes.reading.expect("the profile").bar;
    let id = DocId::Profile(0);
    let section = |s: &State<'static>| {
        let doc = s.docs.get(id).unwrap();
        doc.blocks[s.reader(id).cursor].section
    };
    let before = section(&s);
    mouse(
        &mut s,
        MouseEventKind::Down(MouseButton::Left),
        bar.right() - 1,
        bar.y,
    );
    assert_eq!(section(&s), before + 1, "› goes to the next section");
}

#[test]
fn the_help_says_that_it_scrolls_and_filters_as_you_type() {
    let mut s = explorer(80, 24);
    key(&mut s, KeyCode::Char('?'));
    let text = buffer_text(&draw(&s, 80, 24));
    assert!(text.contains("of") && text.contains("/ filters"), "{text}");
    key(&mut s, KeyCode::Char('/'));
    typed(&mut s, "quit");
    let Overlay::Help { filter, typing, .. } = &s.session.overlay else {
        panic!("the help is open");
    };
    assert_eq!(
        (filter.as_str(), *typing),
        ("quit", true),
        "q is typed, not quitting"
    );
    let text = buffer_text(&draw(&s, 80, 24));
    assert!(text.contains("Quit tipx"), "{text}");
    assert!(
        !text.contains("Next view"),
        "only the rows with the word: {text}"
    );
    insta::assert_snapshot!("help_filtered_80x24", text);
    key(&mut s, KeyCode::Enter);
    assert_eq!(s.pane(), tipx::action::Pane::Help, "Enter keeps the filter");
    key(&mut s, KeyCode::Esc);
    assert_eq!(s.session.overlay, Overlay::None, "Esc closes the help");
}
