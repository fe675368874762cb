//! `tipx search` headless: the JSON fields, the flags and the exit status.

mod common;

use common::cli::{run, MANIFEST_DIR};
use serde_json::Value;

/// The hits of a search that finds something, as JSON.
fn hits(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["search", "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, Some(0), "{all:?}: {stderr}");
    let value: Value = serde_json::from_str(&stdout).expect("valid JSON");
    value.as_array().expect("an array of hits").clone()
}

fn str_of<'a>(hit: &'a Value, key: &str) -> &'a str {
    hit[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is a string in {hit}"))
}

#[test]
fn every_hit_has_the_documented_fields() {
    let hits = hits(&["witness", "protection"]);
    assert!(hits.len() >= 3);
    for hit in &hits {
        for key in [
            "country", "section", "item", "kind", "line", "score", "text", "matches", "loose",
        ] {
            assert!(hit.get(key).is_some(), "{key} missing in {hit}");
        }
        assert!(hit["country"].is_string() || hit["country"].is_null());
        assert!(hit["score"].is_i64());
        assert_eq!(hit["loose"], Value::Bool(false));
        // The matched ranges are byte ranges into the text, on the query's words.
        let text = str_of(hit, "text").as_bytes();
        let ranges = hit["matches"].as_array().expect("matches is an array");
        assert!(!ranges.is_empty(), "{hit}");
        for range in ranges {
            let (start, end) = (range[0].as_u64().unwrap(), range[1].as_u64().unwrap());
            let word = std::str::from_utf8(&text[start as usize..end as usize]).unwrap();
            let word = word.to_lowercase();
            assert!(
                word.starts_with("witness") || word.starts_with("protect"),
                "{word}"
            );
        }
    }
    let scores: Vec<i64> = hits.iter().map(|h| h["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn an_item_hit_names_its_country_item_section_and_line() {
    let hits = hits(&["137-03"]);
    let item = hits
        .iter()
        .find(|h| h["item"].is_string())
        .expect("a bullet says 137-03");
    assert_eq!(str_of(item, "country"), "dominican-republic");
    assert!(str_of(item, "item").starts_with("dom-"), "{item}");
    assert!(str_of(item, "section").starts_with("III › Dominican Republic › "));
    assert_eq!(str_of(item, "kind"), "lesson");
    let line = item["line"].as_u64().expect("a line");
    // The line is where the report says it.
    let source = std::fs::read_to_string(format!("{MANIFEST_DIR}/data/source/lac-tip-review.txt"))
        .expect("the report text");
    let said = source
        .lines()
        .nth(line as usize - 1)
        .expect("the line exists");
    let first_words: String = str_of(item, "text").chars().take(12).collect();
    assert!(
        said.contains(first_words.trim()),
        "{said:?} vs {first_words:?}"
    );
}

#[test]
fn regional_and_name_hits_have_null_country_or_line() {
    let hits = hits(&["ATTO", "--kind", "glossary"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["country"], Value::Null);
    assert_eq!(hits[0]["item"], Value::Null);
    assert_eq!(hits[0]["line"], Value::Null);
    assert_eq!(str_of(&hits[0], "kind"), "glossary");
    let ciprom = hits_first("CIPROM");
    assert_eq!(str_of(&ciprom, "kind"), "organization");
    assert_eq!(str_of(&ciprom, "country"), "dominican-republic");
}

fn hits_first(query: &str) -> Value {
    hits(&[query]).into_iter().next().expect("a hit")
}

#[test]
fn limit_country_and_kind_filter_the_hits() {
    let all = hits(&["shelter"]);
    assert!(all.len() > 2);
    let two = hits(&["shelter", "--limit", "2"]);
    assert_eq!(two, all[..2].to_vec(), "the limit keeps the best");

    let ecuador = hits(&["shelter", "--country", "ecu"]);
    assert!(!ecuador.is_empty() && ecuador.len() < all.len());
    assert!(
        ecuador.iter().all(|h| h["country"] == "ecuador"),
        "{ecuador:?}"
    );
    assert_eq!(hits(&["shelter", "--country", "Ecuador"]), ecuador);

    let items = hits(&["shelter", "--kind", "item"]);
    let bullet_kinds = ["lesson", "best-practice", "recommendation", "challenge"];
    assert!(items
        .iter()
        .all(|h| bullet_kinds.contains(&str_of(h, "kind"))));
    let two_kinds = hits(&["shelter", "--kind", "recommendation,lesson"]);
    assert!(!two_kinds.is_empty());
    assert!(two_kinds
        .iter()
        .all(|h| ["recommendation", "lesson"].contains(&str_of(h, "kind"))));
    assert!(two_kinds.len() < items.len());
}

#[test]
fn no_match_and_an_empty_query_exit_1_saying_so() {
    for query in ["IOM", "", "   ", "zzqxj"] {
        let (code, stdout, stderr) = run(&["search", query]);
        assert_eq!(code, Some(1), "{query:?}");
        assert!(stdout.is_empty(), "{query:?}: {stdout}");
        assert_eq!(stderr.trim(), "tipx: no match", "{query:?}");
    }
    // Filters that leave nothing are no match too.
    let (code, _, stderr) = run(&["search", "witness", "--kind", "glossary"]);
    assert_eq!((code, stderr.trim()), (Some(1), "tipx: no match"));
}

#[test]
fn bad_flags_are_usage_errors_or_named() {
    let (code, _, stderr) = run(&["search", "shelter", "--limit", "0"]);
    assert_eq!(code, Some(2), "{stderr}");
    let (code, _, stderr) = run(&["search", "shelter", "--kind", "poem"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("glossary"),
        "the kinds are listed: {stderr}"
    );
    let (code, _, stderr) = run(&["search", "shelter", "--country", "narnia"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("unknown country"), "{stderr}");
}

#[test]
fn text_shows_each_hit_with_its_source_line() {
    let json = hits(&["insufficient", "shelters"]);
    let (code, stdout, _) = run(&["search", "insufficient", "shelters"]);
    assert_eq!(code, Some(0));
    let heads: Vec<&str> = stdout.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(heads.len(), json.len());
    for (head, hit) in heads.iter().zip(&json) {
        let kind = format!("[{}] {}", str_of(hit, "kind"), str_of(hit, "context"));
        assert!(head.starts_with(&kind), "{head} vs {kind}");
        if let Some(line) = hit["line"].as_u64() {
            assert!(head.contains(&format!("line {line}")), "{head}");
        }
    }
    assert!(stdout.contains("insufficient shelters"));
}

#[test]
fn a_guess_by_letters_in_order_says_so() {
    let (code, stdout, _) = run(&["search", "mnstry", "--limit", "1"]);
    assert_eq!(code, Some(0));
    assert!(
        stdout
            .lines()
            .next()
            .unwrap()
            .contains("letters in order only"),
        "{stdout}"
    );
    assert!(hits(&["mnstry"]).iter().all(|h| h["loose"] == true));
}

#[test]
fn a_pasted_page_answers_and_says_what_was_read() {
    let page = "witness protection ".repeat(200);
    let (code, stdout, stderr) = run(&["search", &page, "--limit", "1"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.to_lowercase().contains("witness protection"));
}
