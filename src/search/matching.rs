//! How one query word matches one word of the report, from best to worst:
//! the same word, the same stem, a prefix; only when none of these is in the
//! report, a word within the typo budget; only when nothing else matches,
//! its letters in order.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

/// How a query word matched a word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quality {
    Exact,
    /// Same stem: `shelters` and `shelter`, `trafficked` and `trafficking`.
    Stem,
    /// The query word begins the text's word: `witn` in `witness`.
    Prefix,
    /// Within the typo budget (Damerau-Levenshtein distance 1 or 2).
    Typo(u8),
    /// Only the letters in order (`mnstry` in `ministry`): the last resort.
    Loose,
}

impl Quality {
    pub fn typos(self) -> u8 {
        match self {
            Quality::Typo(n) => n,
            _ => 0,
        }
    }

    /// How far from the word as typed, for the exactness rule.
    pub fn inexactness(self) -> u8 {
        match self {
            Quality::Exact => 0,
            Quality::Stem => 1,
            Quality::Prefix => 2,
            Quality::Typo(_) => 3,
            Quality::Loose => 4,
        }
    }
}

/// Typos allowed in a query word of `chars` letters: none under 5, one from
/// 5, two from 9 (Meilisearch's and Typesense's defaults).
pub fn typo_budget(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Longer words are only matched exactly, by stem or by prefix, which keeps
/// the work per query word bounded.
const MAX_TYPO_WORD: usize = 40;

/// Letters-in-order needs a word of this many letters: `IOM` must not find
/// "incompetence".
const MIN_LOOSE_CHARS: usize = 4;

/// Which letters (folded to 32 buckets) a word has. An edit adds or removes
/// at most one letter, so two words within `k` edits differ by at most `k`
/// letters each way: a cheap test that rules out most of the vocabulary.
pub fn letters(word: &str) -> u32 {
    word.chars().fold(0, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26,
            c => 27 + c as u32 % 5,
        };
        mask | 1 << bit
    })
}

/// One distinct word of the corpus, folded.
pub struct Word {
    pub text: String,
    pub chars: usize,
    pub letters: u32,
    pub first: char,
}

impl Word {
    pub fn new(text: String) -> Word {
        Word {
            chars: text.chars().count(),
            letters: letters(&text),
            first: text.chars().next().unwrap_or(' '),
            text,
        }
    }
}

/// The distinct words of the corpus, with what finds them fast.
pub struct Vocabulary {
    pub words: Vec<Word>,
    ids: HashMap<String, u32>,
    /// Word ids in the order of their text, for prefix ranges.
    sorted: Vec<u32>,
    stems: HashMap<String, Vec<u32>>,
    stemmer: Stemmer,
}

fn is_word_of_letters(word: &str) -> bool {
    word.chars().all(char::is_alphabetic)
}

impl Vocabulary {
    pub fn new() -> Vocabulary {
        Vocabulary {
            words: Vec::new(),
            ids: HashMap::new(),
            sorted: Vec::new(),
            stems: HashMap::new(),
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The id of a folded word, added if new.
    pub fn id(&mut self, folded: &str) -> u32 {
        if let Some(&id) = self.ids.get(folded) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(Word::new(folded.to_string()));
        self.ids.insert(folded.to_string(), id);
        id
    }

    /// Called once every word is in: sorts for prefixes, stems every word.
    pub fn finish(&mut self) {
        let words = &self.words;
        let mut sorted: Vec<u32> = (0..words.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| words[a as usize].text.cmp(&words[b as usize].text));
        self.sorted = sorted;
        for (id, word) in words.iter().enumerate() {
            if is_word_of_letters(&word.text) {
                let stem = self.stemmer.stem(&word.text).into_owned();
                self.stems.entry(stem).or_default().push(id as u32);
            }
        }
    }

    /// Every word that `token` (folded) matches, each once, at its best quality.
    pub fn matches(&self, token: &str) -> Vec<(u32, Quality)> {
        let mut found = Found::default();
        if let Some(&id) = self.ids.get(token) {
            found.add(id, Quality::Exact);
        }
        if is_word_of_letters(token) {
            let stem = self.stemmer.stem(token);
            for &id in self.stems.get(stem.as_ref()).into_iter().flatten() {
                found.add(id, Quality::Stem);
            }
        }
        for &id in self.prefixed(token) {
            found.add(id, Quality::Prefix);
        }
        let chars = token.chars().count();
        let budget = typo_budget(chars);
        // Numbers match as printed: 1,876 is not 1,867.
        let numeric = token.contains(|c: char| c.is_ascii_digit());
        // As Typesense's typo threshold: a word the report has as typed (or
        // by stem or prefix) is what was meant; `protection` must not also
        // bring every `prosecution`.
        if found.words.is_empty() && budget > 0 && !numeric && chars <= MAX_TYPO_WORD {
            let mask = letters(token);
            for (id, word) in self.words.iter().enumerate() {
                if word.chars.abs_diff(chars) > budget
                    || (mask & !word.letters).count_ones() as usize > budget
                    || (word.letters & !mask).count_ones() as usize > budget
                {
                    continue;
                }
                let distance = strsim::osa_distance(token, &word.text);
                if (1..=budget).contains(&distance) {
                    found.add(id as u32, Quality::Typo(distance as u8));
                }
            }
        }
        if found.words.is_empty() && chars >= MIN_LOOSE_CHARS && is_word_of_letters(token) {
            let first = token.chars().next().unwrap_or(' ');
            let matcher = SkimMatcherV2::default().respect_case();
            for (id, word) in self.words.iter().enumerate() {
                // An abbreviation keeps the first letter and most of the
                // length: `govt` for "government", never a letter per page.
                if word.first == first
                    && word.chars <= chars * 3
                    && matcher.fuzzy_match(&word.text, token).is_some()
                {
                    found.add(id as u32, Quality::Loose);
                }
            }
        }
        found.words
    }

    /// Ids of the words that start with `token` and are longer than it.
    fn prefixed(&self, token: &str) -> &[u32] {
        let text = |id: &u32| self.words[*id as usize].text.as_str();
        let from = self.sorted.partition_point(|id| text(id) <= token);
        let len = self.sorted[from..].partition_point(|id| text(id).starts_with(token));
        &self.sorted[from..from + len]
    }
}

/// Matched words, each once, at the first (best) quality it matched.
#[derive(Default)]
struct Found {
    words: Vec<(u32, Quality)>,
    seen: HashSet<u32>,
}

impl Found {
    fn add(&mut self, id: u32, quality: Quality) {
        if self.seen.insert(id) {
            self.words.push((id, quality));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vocabulary {
        let mut v = Vocabulary::new();
        for w in words {
            v.id(w);
        }
        v.finish();
        v
    }

    fn found(v: &Vocabulary, token: &str) -> Vec<(String, Quality)> {
        let mut out: Vec<(String, Quality)> = v
            .matches(token)
            .into_iter()
            .map(|(id, q)| (v.words[id as usize].text.clone(), q))
            .collect();
        out.sort();
        out
    }

    fn one(word: &str, quality: Quality) -> Vec<(String, Quality)> {
        std::iter::once((word.to_string(), quality)).collect()
    }

    #[test]
    fn the_typo_budget_grows_with_the_word() {
        assert_eq!(typo_budget(4), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(8), 1);
        assert_eq!(typo_budget(9), 2);
    }

    #[test]
    fn each_kind_of_match_is_named() {
        let v = vocabulary(&[
            "shelter", "shelters", "witness", "police", "ministry", "law",
        ]);
        assert_eq!(
            found(&v, "shelters"),
            vec![
                ("shelter".to_string(), Quality::Stem),
                ("shelters".to_string(), Quality::Exact)
            ]
        );
        assert_eq!(found(&v, "witn"), one("witness", Quality::Prefix));
        assert_eq!(found(&v, "polce"), one("police", Quality::Typo(1)));
        assert_eq!(found(&v, "mnstry"), one("ministry", Quality::Loose));
        // Four letters allow no typo; letters in order need four letters.
        assert_eq!(found(&v, "polc"), one("police", Quality::Loose));
        assert!(found(&v, "lwa").is_empty());
    }

    #[test]
    fn loose_is_only_the_last_resort() {
        let v = vocabulary(&["ministry", "minstrel"]);
        // `minstr` is a prefix of minstrel: ministry is not also offered loosely.
        assert_eq!(found(&v, "minstr"), one("minstrel", Quality::Prefix));
    }

    #[test]
    fn a_word_the_report_has_brings_no_typos() {
        let v = vocabulary(&["protection", "prosecution"]);
        assert_eq!(found(&v, "protection"), one("protection", Quality::Exact));
        assert_eq!(found(&v, "protectoin"), one("protection", Quality::Typo(1)));
    }

    #[test]
    fn transposed_letters_are_one_typo() {
        let v = vocabulary(&["trafficking"]);
        assert_eq!(
            found(&v, "traffikcing"),
            one("trafficking", Quality::Typo(1))
        );
        assert_eq!(
            found(&v, "trfaficknig"),
            one("trafficking", Quality::Typo(2))
        );
    }

    #[test]
    fn numbers_allow_no_typo() {
        let v = vocabulary(&["1,876", "137-03"]);
        assert!(found(&v, "1,867").is_empty());
        assert_eq!(found(&v, "137-03"), one("137-03", Quality::Exact));
    }
}
