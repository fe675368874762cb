//! One example per ranking rule, on small made-up corpora.

use super::*;

struct E {
    text: &'static str,
    context: &'static str,
    title_len: usize,
    name: bool,
}

impl Searchable for E {
    fn text(&self) -> &str {
        self.text
    }
    fn context(&self) -> &str {
        self.context
    }
    fn title_len(&self) -> usize {
        self.title_len
    }
    fn is_name(&self) -> bool {
        self.name
    }
}

fn body(text: &'static str) -> E {
    E {
        text,
        context: "",
        title_len: 0,
        name: false,
    }
}

/// The order of the hits for `query`, as indexes into `texts`.
fn order(entries: &[E], query: &str) -> Vec<usize> {
    SearchIndex::new(entries)
        .query(query)
        .iter()
        .map(|h| h.entry)
        .collect()
}

fn matched_words(entries: &[E], query: &str) -> Vec<String> {
    let idx = SearchIndex::new(entries);
    let hit = &idx.query(query)[0];
    let text = entries[hit.entry].text;
    hit.highlights
        .iter()
        .map(|r| text[r.clone()].to_string())
        .collect()
}

#[test]
fn exact_words_rank_above_stems_and_prefixes() {
    let entries = [
        body("lawyers everywhere"),
        body("the laws say"),
        body("the law says"),
    ];
    assert_eq!(order(&entries, "law"), [2, 1, 0]);
}

#[test]
fn a_prefix_finds_the_word_being_typed() {
    let entries = [body("Witness protection is weak."), body("Nothing here.")];
    assert_eq!(order(&entries, "witn prot"), [0]);
    assert_eq!(
        matched_words(&entries, "witn prot"),
        ["Witness", "protection"]
    );
}

#[test]
fn singular_and_plural_find_each_other() {
    let entries = [
        body("one shelter"),
        body("insufficient shelters"),
        body("shell"),
    ];
    assert_eq!(order(&entries, "shelters"), [1, 0]);
    assert_eq!(order(&entries, "shelter"), [0, 1]);
    let entries = [body("traffickers"), body("victims of trafficking")];
    let hits = SearchIndex::new(&entries).query("trafficked");
    // One stem for all three: no typo, the report's order.
    assert_eq!(hits.iter().map(|h| h.entry).collect::<Vec<_>>(), [0, 1]);
    assert!(hits
        .iter()
        .all(|h| h.rank.typos == 0 && h.rank.exactness == 1));
}

#[test]
fn the_typo_budget_grows_with_the_word() {
    let entries = [body("the police and the judges"), body("a law by post")];
    // Under five letters: no typo allowed.
    assert!(order(&entries, "lwa").is_empty());
    assert!(order(&entries, "psot").is_empty());
    // Five letters: one.
    assert_eq!(order(&entries, "polce"), [0]);
    assert_eq!(order(&entries, "poilce"), [0]);
    assert!(order(&entries, "pilcoe").is_empty());
    // Nine letters: two.
    let entries = [body("prosecutors were trained")];
    assert_eq!(order(&entries, "prosecutrs"), [0]);
    assert_eq!(order(&entries, "prosecters"), [0]);
    assert!(order(&entries, "prasecters").is_empty(), "three typos");
}

#[test]
fn fewer_typos_rank_first() {
    // Made-up words: no stem or prefix in the way of the typos.
    let entries = [body("abcdefghxy"), body("abcdefghix")];
    let hits = SearchIndex::new(&entries).query("abcdefghij");
    assert_eq!(hits.iter().map(|h| h.entry).collect::<Vec<_>>(), [1, 0]);
    assert_eq!(hits[0].rank.typos, 1);
}

#[test]
fn a_phrase_beats_scattered_words() {
    let entries = [
        body("protection was promised, and years later a witness spoke"),
        body("witness protection"),
        body("a witness and their protection"),
    ];
    assert_eq!(order(&entries, "witness protection"), [1, 2, 0]);
    let hits = SearchIndex::new(&entries).query("witness protection");
    assert_eq!(hits[0].rank.proximity, 1);
}

#[test]
fn a_name_before_a_title_before_body_text() {
    let entries = [
        body("CIPROM is overwhelmed."),
        E {
            text: "Strengthen CIPROM. It needs staff.",
            title_len: "Strengthen CIPROM.".len(),
            ..body("")
        },
        E {
            text: "Inter-institutional Commission (CIPROM)",
            name: true,
            ..body("")
        },
    ];
    assert_eq!(order(&entries, "ciprom"), [2, 1, 0]);
}

#[test]
fn ties_keep_the_report_order() {
    let entries = [body("shelters here"), body("shelters there")];
    assert_eq!(order(&entries, "shelters"), [0, 1]);
}

#[test]
fn no_match_is_no_hit_not_the_nearest_letters() {
    let entries = [body("incompetence of the institutions"), body("migration")];
    assert!(order(&entries, "IOM").is_empty());
    assert!(order(&entries, "zzzz").is_empty());
    assert!(order(&entries, "  ").is_empty());
    assert!(order(&entries, "").is_empty());
}

#[test]
fn letters_in_order_is_a_last_resort_that_says_so() {
    let entries = [body("the ministry of labour"), body("govt policy")];
    let hits = SearchIndex::new(&entries).query("mnstry");
    assert_eq!(hits.len(), 1);
    assert!(hits[0].loose);
    assert_eq!(matched_words(&entries, "mnstry"), ["ministry"]);
    // A word found otherwise is never loose.
    assert!(!SearchIndex::new(&entries).query("ministry")[0].loose);
    // A loose match ranks after a real one on the same number of words.
    let entries = [body("the ministry"), body("mnstry notes")];
    let hits = SearchIndex::new(&entries).query("mnstry");
    assert_eq!(hits.len(), 1, "an exact word exists, so no guess is made");
    assert!(!hits[0].loose);
}

#[test]
fn accents_are_optional() {
    let entries = [body("Tecún Umán is a border town."), body("Umbrella")];
    assert_eq!(order(&entries, "tecun uman"), [0]);
    assert_eq!(matched_words(&entries, "TECUN uman"), ["Tecún", "Umán"]);
}

#[test]
fn numbers_match_as_printed() {
    let entries = [
        body("1,876 victims"),
        body("Law 137-03 of 2003"),
        body("1,867 cases and 876 more"),
        body("from 2005-2007"),
    ];
    assert_eq!(order(&entries, "1,876"), [0]);
    assert_eq!(order(&entries, "137-03"), [1]);
    assert_eq!(matched_words(&entries, "137-03"), ["137-03"]);
    assert_eq!(order(&entries, "2007"), [3]);
    assert_eq!(matched_words(&entries, "2007"), ["2007"]);
}

#[test]
fn more_words_matched_rank_first_and_a_partial_match_says_so() {
    let entries = [body("witness protection"), body("witness statements")];
    let hits = SearchIndex::new(&entries).query("witness protection");
    assert_eq!(hits.iter().map(|h| h.entry).collect::<Vec<_>>(), [0]);
    // No entry has every word: those with the most of them, counted.
    let hits = SearchIndex::new(&entries).query("witness IOM");
    assert_eq!(hits.len(), 2);
    assert_eq!((hits[0].rank.words, hits[0].rank.of), (1, 2));
}

#[test]
fn a_word_of_the_context_counts_but_after_the_text() {
    let entries = [
        E {
            context: "Ecuador › Lessons learned 2",
            ..body("Shelters are lacking.")
        },
        E {
            context: "Region › Challenges 1",
            ..body("Lessons from Ecuador and Peru.")
        },
    ];
    // Naming where a statement is filters by it: the context's words do not
    // stretch the distance between the text's words.
    assert_eq!(order(&entries, "ecuador shelters"), [0]);
    assert_eq!(order(&entries, "lessons"), [1, 0]);
}

#[test]
fn a_pasted_page_is_cut_to_the_bounds() {
    let entries = [body("witness protection")];
    let page = "witness ".repeat(1000);
    let hits = SearchIndex::new(&entries).query(&page);
    assert_eq!(hits.len(), 1);
    assert_eq!(usize::from(hits[0].rank.of), MAX_QUERY_WORDS);
    let long_word = "w".repeat(5000);
    assert!(SearchIndex::new(&entries).query(&long_word).is_empty());
}

#[test]
fn the_score_orders_as_the_rules() {
    let better = Rank {
        words: 2,
        typos: 0,
        proximity: 8,
        ..Rank::default()
    };
    let worse = Rank {
        words: 2,
        typos: 1,
        ..Rank::default()
    };
    assert!(better.score() > worse.score());
    let fewer_words = Rank {
        words: 1,
        ..Rank::default()
    };
    assert!(worse.score() > fewer_words.score());
}
