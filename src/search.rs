//! Fuzzy search over the whole dataset.
//!
//! Matching characters scattered across a 200-word paragraph would make every
//! short query hit everything, so the fuzzy matcher works per word: each query
//! word is matched (fuzzy-matcher's skim algorithm, case- and
//! accent-insensitive) against the corpus vocabulary, and an entry is a hit
//! when every query word matches one of its words or its context (the country
//! or section it belongs to). The vocabulary is built once, so a query costs
//! a pass over the distinct words plus the postings of the words that match.

use std::collections::HashMap;
use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;

/// What the index needs of an entry.
pub trait Searchable {
    fn text(&self) -> &str;
    fn context(&self) -> &str;
}

impl Searchable for crate::model::SearchEntry {
    fn text(&self) -> &str {
        &self.text
    }
    fn context(&self) -> &str {
        &self.context
    }
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub score: i64,
    /// Byte ranges of the entry's text to highlight, sorted, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

/// What a query word matching an entry's context adds to its score.
const CONTEXT_BONUS: i64 = 5;

#[derive(Debug, Clone, Copy)]
struct Posting {
    entry: u32,
    start: u32,
    end: u32,
}

pub struct SearchIndex {
    vocabulary: Vec<String>,
    /// Per vocabulary word: where it occurs in entry texts.
    postings: Vec<Vec<Posting>>,
    /// Per vocabulary word: entries whose context has it.
    context_postings: Vec<Vec<u32>>,
    entries: usize,
    matcher: SkimMatcherV2,
}

/// Lower-case and drop the accents the report uses (Piñeyro, Tecún Umán).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    out.extend(word.chars().flat_map(char::to_lowercase).map(|c| match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        c => c,
    }));
}

/// Byte ranges of the words (runs of letters and digits) of a text.
fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if c.is_alphanumeric() {
                break;
            }
            chars.next();
        }
        let (start, _) = *chars.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some(start..end)
    })
}

/// Is `needle` a subsequence of `hay`? A cheap filter before the matcher.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut hay = hay.chars();
    needle.chars().all(|n| hay.any(|h| h == n))
}

impl SearchIndex {
    pub fn new<E: Searchable>(entries: &[E]) -> Self {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut vocabulary = Vec::new();
        let mut postings: Vec<Vec<Posting>> = Vec::new();
        let mut context_postings: Vec<Vec<u32>> = Vec::new();
        let mut folded = String::new();
        // Folds into one reused buffer; a word is copied only the first time it is seen.
        let mut word_id = |word: &str| {
            fold_into(word, &mut folded);
            if let Some(&id) = ids.get(folded.as_str()) {
                return id;
            }
            vocabulary.push(folded.clone());
            postings.push(Vec::new());
            context_postings.push(Vec::new());
            ids.insert(folded.clone(), vocabulary.len() - 1);
            vocabulary.len() - 1
        };
        let mut text_words = Vec::new();
        let mut context_words = Vec::new();
        for (e, entry) in entries.iter().enumerate() {
            let text = entry.text();
            for range in words(text) {
                let id = word_id(&text[range.clone()]);
                text_words.push((id, e as u32, range));
            }
            let context = entry.context();
            for range in words(context) {
                let id = word_id(&context[range]);
                context_words.push((id, e as u32));
            }
        }
        for (id, entry, range) in text_words {
            postings[id].push(Posting {
                entry,
                start: range.start as u32,
                end: range.end as u32,
            });
        }
        for (id, entry) in context_words {
            if context_postings[id].last() != Some(&entry) {
                context_postings[id].push(entry);
            }
        }
        SearchIndex {
            vocabulary,
            postings,
            context_postings,
            entries: entries.len(),
            matcher: SkimMatcherV2::default(),
        }
    }

    /// How well a query word matches a vocabulary word, if at all. Exact
    /// words rank above prefixes, prefixes above scattered matches.
    fn word_score(&self, token: &str, word: &str) -> Option<i64> {
        if word == token {
            return Some(1000 + token.len() as i64 * 10);
        }
        if word.starts_with(token) {
            return Some(600 + token.len() as i64 * 10 - (word.len() - token.len()) as i64);
        }
        // Scattered matches of one or two letters say nothing.
        if token.chars().count() < 3 || !is_subsequence(token, word) {
            return None;
        }
        let score = self.matcher.fuzzy_match(word, token)?;
        // Demand most of what a contiguous match would score.
        let best = self.matcher.fuzzy_match(token, token).unwrap_or(1);
        (score * 10 >= best * 6).then_some(score)
    }

    /// Entries matching every word of `query`, best first.
    pub fn query(&self, query: &str) -> Vec<Hit> {
        let tokens: Vec<String> = words(query).map(|r| fold(&query[r])).collect();
        if tokens.is_empty() {
            return Vec::new();
        }
        // Per entry: total score so far, tokens matched, highlights.
        let mut score = vec![0i64; self.entries];
        let mut matched = vec![0usize; self.entries];
        let mut highlights: Vec<Vec<Range<usize>>> = vec![Vec::new(); self.entries];
        for (t, token) in tokens.iter().enumerate() {
            let mut best = vec![None::<i64>; self.entries];
            for (w, word) in self.vocabulary.iter().enumerate() {
                let Some(s) = self.word_score(token, word) else {
                    continue;
                };
                for p in &self.postings[w] {
                    let e = p.entry as usize;
                    if matched[e] != t {
                        continue;
                    }
                    best[e] = Some(best[e].map_or(s, |b| b.max(s)));
                    highlights[e].push(p.start as usize..p.end as usize);
                }
                for &e in &self.context_postings[w] {
                    let e = e as usize;
                    // A word of the context ("Ecuador › Lessons learned 2") says
                    // where a statement is, which is what a user names in a
                    // query like "ecuador lessons": it weighs a little more
                    // than the same word in passing in the text.
                    if matched[e] == t {
                        let s = s + CONTEXT_BONUS;
                        best[e] = Some(best[e].map_or(s, |b| b.max(s)));
                    }
                }
            }
            for (e, b) in best.into_iter().enumerate() {
                if let Some(b) = b {
                    score[e] += b;
                    matched[e] += 1;
                }
            }
        }
        let mut hits: Vec<Hit> = (0..self.entries)
            .filter(|&e| matched[e] == tokens.len())
            .map(|e| {
                let mut ranges = std::mem::take(&mut highlights[e]);
                ranges.sort_by_key(|r| r.start);
                ranges.dedup();
                Hit {
                    entry: e,
                    score: score[e],
                    highlights: ranges,
                }
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct E(&'static str, &'static str);
    impl Searchable for E {
        fn text(&self) -> &str {
            self.0
        }
        fn context(&self) -> &str {
            self.1
        }
    }

    fn index() -> (Vec<E>, SearchIndex) {
        let entries = vec![
            E(
                "Witness protection legislation is unavailable.",
                "Dominican Republic",
            ),
            E("Witness protection programs are weak.", "Ecuador"),
            E("Train judges and prosecutors.", "Ecuador"),
            E("Tecún Umán is a border town.", "Guatemala"),
        ];
        let index = SearchIndex::new(&entries);
        (entries, index)
    }

    #[test]
    fn every_query_word_must_match_text_or_context() {
        let (_, idx) = index();
        let hits: Vec<usize> = idx
            .query("witness ecuador")
            .iter()
            .map(|h| h.entry)
            .collect();
        assert_eq!(hits, vec![1]);
        assert_eq!(idx.query("witness").len(), 2);
        assert!(idx.query("nothing-like-this").is_empty());
        assert!(idx.query("  ").is_empty());
    }

    #[test]
    fn fuzzy_within_a_word_and_accent_insensitive() {
        let (_, idx) = index();
        assert_eq!(idx.query("prosectors")[0].entry, 2);
        assert_eq!(idx.query("tecun uman")[0].entry, 3);
    }

    #[test]
    fn highlights_are_the_matched_words() {
        let (entries, idx) = index();
        let hit = &idx.query("witness prot")[0];
        let text = entries[hit.entry].0;
        let shown: Vec<&str> = hit.highlights.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown, vec!["Witness", "protection"]);
    }

    #[test]
    fn exact_words_rank_above_prefixes() {
        let entries = vec![E("lawyers everywhere", ""), E("the law says", "")];
        let idx = SearchIndex::new(&entries);
        let order: Vec<usize> = idx.query("law").iter().map(|h| h.entry).collect();
        assert_eq!(order, vec![1, 0]);
    }

    #[test]
    fn naming_the_place_ranks_its_statements_first() {
        let entries = vec![
            E("Lessons from Ecuador and Peru.", "Region › Challenges 1"),
            E("Shelters are lacking.", "Ecuador › Lessons learned 2"),
        ];
        let idx = SearchIndex::new(&entries);
        let order: Vec<usize> = idx
            .query("ecuador lessons")
            .iter()
            .map(|h| h.entry)
            .collect();
        assert_eq!(order, vec![1, 0]);
    }

    #[test]
    fn short_tokens_match_only_as_prefixes() {
        let entries = vec![E("a bc", ""), E("xaybzc", "")];
        let idx = SearchIndex::new(&entries);
        assert_eq!(idx.query("ab").len(), 0);
        assert_eq!(idx.query("bc").len(), 1);
    }
}
