//! Search on the real dataset: the queries of issue #9 behave as described,
//! and every hit shows why it matched.

use std::sync::OnceLock;

use tipx::model::{Dataset, EntryKind};
use tipx::search::{fold, Hit, SearchIndex, MAX_QUERY_CHARS};

fn data() -> &'static (Dataset, SearchIndex) {
    static DATA: OnceLock<(Dataset, SearchIndex)> = OnceLock::new();
    DATA.get_or_init(|| {
        let dataset = Dataset::embedded().expect("the embedded dataset is valid");
        let index = SearchIndex::new(&dataset.search);
        (dataset, index)
    })
}

fn search(query: &str) -> Vec<Hit> {
    data().1.query(query)
}

fn text(hit: &Hit) -> &'static str {
    &data().0.search[hit.entry].text
}

/// The words of a text, folded as search folds them.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// The highlighted parts of a hit's text.
fn highlighted(hit: &Hit) -> Vec<&'static str> {
    hit.highlights
        .iter()
        .map(|r| &text(hit)[r.clone()])
        .collect()
}

#[test]
fn iom_is_not_in_the_report_so_nothing_is_found() {
    assert!(search("IOM").is_empty());
    assert!(search("iom").is_empty());
}

#[test]
fn ilo_finds_only_texts_that_say_ilo() {
    let hits = search("ILO");
    assert!(!hits.is_empty());
    for hit in &hits {
        assert!(
            words(text(hit)).iter().any(|w| w == "ilo"),
            "{:?} does not say ILO",
            text(hit)
        );
        assert!(highlighted(hit).iter().all(|h| *h == "ILO"), "{hit:?}");
    }
}

#[test]
fn shelters_and_shelter_find_the_same_texts_and_guatemala_ranks_high() {
    let entries = |q| {
        let mut e: Vec<usize> = search(q).iter().map(|h| h.entry).collect();
        e.sort();
        e
    };
    assert_eq!(entries("shelters"), entries("shelter"));
    let hits = search("shelters");
    let guatemala = hits
        .iter()
        .position(|h| text(h).contains("insufficient shelters"))
        .expect("Guatemala's insufficient shelters is found");
    let entry = &data().0.search[hits[guatemala].entry];
    assert!(entry.context.starts_with("Guatemala"), "{}", entry.context);
    assert!(guatemala < 3, "ranked {} of {}", guatemala + 1, hits.len());
    // What was typed ranks before its other forms.
    let first = &hits[0];
    assert!(words(text(first)).contains(&"shelters".to_string()));
}

#[test]
fn ciprom_finds_its_organization_entry_first() {
    let hits = search("CIPROM");
    assert!(hits.len() > 2);
    let first = &data().0.search[hits[0].entry];
    assert!(
        matches!(first.kind, EntryKind::Organization | EntryKind::Glossary),
        "{:?} {}",
        first.kind,
        first.text
    );
    assert!(first.text.contains("CIPROM"));
    // Passages that only mention it come after every name entry.
    let kinds: Vec<bool> = hits
        .iter()
        .map(|h| data().0.search[h.entry].kind.is_name())
        .collect();
    assert!(kinds.windows(2).all(|w| w[0] || !w[1]), "{kinds:?}");
}

#[test]
fn accents_are_optional() {
    let hits = search("tecun uman");
    assert!(!hits.is_empty());
    for hit in &hits {
        assert_eq!(highlighted(hit), ["Tecún", "Umán"], "{}", text(hit));
    }
}

#[test]
fn numbers_match_as_printed() {
    for number in ["1,876", "137-03"] {
        let hits = search(number);
        assert!(!hits.is_empty(), "{number}");
        for hit in &hits {
            assert!(text(hit).contains(number), "{number}: {}", text(hit));
            assert!(highlighted(hit).contains(&number), "{number}: {hit:?}");
        }
    }
}

#[test]
fn typos_within_the_budget_are_forgiven() {
    let typed = search("traning polce");
    let right: Vec<usize> = search("training police").iter().map(|h| h.entry).collect();
    assert!(!typed.is_empty());
    // A typo finds the word itself, not its other forms: a subset.
    assert!(typed.iter().all(|h| right.contains(&h.entry)));
    for hit in &typed {
        assert_eq!(hit.rank.typos, 2);
        let shown = highlighted(hit);
        assert!(
            shown.contains(&"training") && shown.contains(&"police"),
            "{shown:?}"
        );
    }
    // Four letters allow no typo: `polc` is not `police` (only a guess by letters).
    assert!(search("traning polc").iter().all(|h| h.loose));
}

#[test]
fn a_phrase_ranks_before_the_same_words_scattered() {
    let hits = search("witness protection");
    let phrase = |h: &Hit| text(h).to_lowercase().contains("witness protection");
    let first_scattered = hits.iter().position(|h| !phrase(h));
    let last_phrase = hits.iter().rposition(phrase).expect("some phrase");
    assert!(first_scattered.is_none_or(|s| s > last_phrase), "{hits:?}");
}

#[test]
fn every_hit_shows_a_word_of_the_query_or_says_it_is_a_guess() {
    for query in [
        "witness protection",
        "shelter",
        "ecuador lessons",
        "traning polce",
        "tier 2 watch list",
        "mnstry",
        "gender",
        "g",
    ] {
        for hit in search(query) {
            let entry = &data().0.search[hit.entry];
            for range in &hit.highlights {
                assert!(entry.text.is_char_boundary(range.start) && range.end <= entry.text.len());
            }
            let shows_a_word = !hit.highlights.is_empty()
                || words(&entry.context)
                    .iter()
                    .any(|c| words(query).iter().any(|q| c.starts_with(q.as_str())));
            assert!(shows_a_word || hit.loose, "{query}: {}", entry.text);
        }
    }
    assert!(search("mnstry").iter().all(|h| h.loose));
    assert!(search("ministry").iter().all(|h| !h.loose));
}

#[test]
fn a_pasted_page_is_read_only_up_to_the_bound() {
    let page = "Witness protection programs are weak in the region. ".repeat(60);
    assert!(page.chars().count() > 3000);
    let cut: String = page.chars().take(MAX_QUERY_CHARS).collect();
    assert_eq!(search(&page), search(&cut));
}
