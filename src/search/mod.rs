//! Search over the whole dataset, ranked the way mature search engines rank
//! (Meilisearch's and Typesense's rules).
//!
//! A query word matches a word of the text exactly, by its stem, as a prefix,
//! or, when the report has it in none of these ways, within a typo budget that
//! grows with its length; only a word that matches nothing else may match by
//! its letters in order, and a hit found that way says so ([`Hit::loose`]). Hits are ranked by, in turn: more query
//! words matched, no letters-in-order match, fewer typos, words closer
//! together, exactness (the word as typed before its stem, its stem before a
//! longer word it begins), the field (a name before a title before body text
//! before the context), then the report's order.
//!
//! The vocabulary is built once, so a query costs a pass over the distinct
//! words per query word plus the occurrences of the words it matches. A query
//! is cut to [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_WORDS`] words, so a
//! pasted page costs no more than a sentence.

mod matching;
pub mod output;
mod text;

use std::ops::Range;

pub use matching::{typo_budget, Quality};
pub use text::fold;

use matching::Vocabulary;

/// Characters of a query that are read; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 200;
/// Words of a query that are read; the rest are ignored.
pub const MAX_QUERY_WORDS: usize = 16;
/// Words this far apart or further count as unrelated (Meilisearch's 8).
const MAX_PROXIMITY: u32 = 8;

/// What the index needs of an entry.
pub trait Searchable {
    fn text(&self) -> &str;
    /// Where the entry sits ("Ecuador › Lessons learned 2"): a query word may
    /// match it, as a user names the place of what they look for.
    fn context(&self) -> &str;
    /// Bytes at the start of the text that are its title.
    fn title_len(&self) -> usize {
        0
    }
    /// The whole text is a name: an acronym, an organization, a place.
    fn is_name(&self) -> bool {
        false
    }
    /// Position in the report's reading order, the last tie-breaker.
    fn order(&self) -> u32 {
        0
    }
}

impl Searchable for crate::model::SearchEntry {
    fn text(&self) -> &str {
        &self.text
    }
    fn context(&self) -> &str {
        &self.context
    }
    fn title_len(&self) -> usize {
        self.title_len
    }
    fn is_name(&self) -> bool {
        self.kind.is_name()
    }
    fn order(&self) -> u32 {
        self.order
    }
}

/// Where in an entry a word was found, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Field {
    /// The entry is the name itself (a glossary or organization entry).
    Name,
    Title,
    #[default]
    Body,
    /// Only in where the entry sits ("Ecuador › Recommendations 2").
    Context,
}

/// The ranking rules' measures of one hit, in the order they are applied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rank {
    /// Query words matched.
    pub words: u8,
    /// Of how many (after the query was cut to its bounds).
    pub of: u8,
    /// Query words matched only by their letters in order.
    pub loose: u8,
    pub typos: u8,
    /// Sum over neighbouring query words of how far apart they are in the
    /// text (1 for a phrase), each at most 8.
    pub proximity: u16,
    /// Sum over matched words of how far the match is from the word as typed
    /// (0 the same word, 1 its stem, 2 a prefix).
    pub exactness: u16,
    /// Sum over matched words of their [`Field`] (0 name … 3 context).
    pub field: u16,
}

impl Rank {
    /// One number that orders hits as the rules do: higher is better.
    pub fn score(&self) -> i64 {
        const B: i64 = 1000;
        let rules = [
            -i64::from(self.loose),
            -i64::from(self.typos),
            -i64::from(self.proximity),
            -i64::from(self.exactness),
            -i64::from(self.field),
        ];
        rules
            .iter()
            .fold(i64::from(self.words), |score, rule| score * B + rule)
    }
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Hit {
    pub entry: usize,
    /// [`Rank::score`]: higher ranks first.
    pub score: i64,
    /// Byte ranges of the entry's text to highlight, sorted, not overlapping.
    pub highlights: Vec<Range<usize>>,
    /// Some query word matched only by its letters in order: a guess, which
    /// the explorer and the command line say.
    pub loose: bool,
    pub rank: Rank,
}

#[derive(Debug, Clone, Copy)]
struct Posting {
    entry: u32,
    /// The word's number in the entry's text, for proximity.
    position: u32,
    start: u32,
    end: u32,
}

struct EntryInfo {
    title_len: usize,
    is_name: bool,
    order: u32,
}

/// A query word found in an entry.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    entry: u32,
    /// [`IN_CONTEXT`] for a word of the context, which has no place in the text.
    position: u32,
    start: u32,
    end: u32,
    quality: Quality,
    field: Field,
}

const IN_CONTEXT: u32 = u32::MAX;

impl Occurrence {
    /// Lower is better, in the order of the ranking rules.
    fn key(&self) -> (bool, u8, u8, Field) {
        (
            self.quality == Quality::Loose,
            self.quality.typos(),
            self.quality.inexactness(),
            self.field,
        )
    }
}

pub struct SearchIndex {
    vocabulary: Vocabulary,
    /// Per vocabulary word: where it occurs in entry texts, by entry and position.
    postings: Vec<Vec<Posting>>,
    /// Per vocabulary word: entries whose context has it.
    context_postings: Vec<Vec<u32>>,
    entries: Vec<EntryInfo>,
}

impl SearchIndex {
    pub fn new<E: Searchable>(entries: &[E]) -> Self {
        let mut vocabulary = Vocabulary::new();
        let mut postings: Vec<Vec<Posting>> = Vec::new();
        let mut context_postings: Vec<Vec<u32>> = Vec::new();
        let mut folded = String::new();
        let mut add = |vocabulary: &mut Vocabulary, word: &str| {
            text::fold_into(word, &mut folded);
            let id = vocabulary.id(&folded) as usize;
            if id == postings.len() {
                postings.push(Vec::new());
                context_postings.push(Vec::new());
            }
            id
        };
        let mut text_words = Vec::new();
        let mut context_words = Vec::new();
        for (e, entry) in entries.iter().enumerate() {
            let e = e as u32;
            let text = entry.text();
            for (position, range) in text::words(text).enumerate() {
                let word = &text[range.clone()];
                let posting = |r: Range<usize>| Posting {
                    entry: e,
                    position: position as u32,
                    start: r.start as u32,
                    end: r.end as u32,
                };
                text_words.push((add(&mut vocabulary, word), posting(range.clone())));
                for part in text::number_parts(word) {
                    let part = range.start + part.start..range.start + part.end;
                    text_words.push((add(&mut vocabulary, &text[part.clone()]), posting(part)));
                }
            }
            let context = entry.context();
            for range in text::words(context) {
                context_words.push((add(&mut vocabulary, &context[range]), e));
            }
        }
        vocabulary.finish();
        for (id, posting) in text_words {
            postings[id].push(posting);
        }
        for (id, entry) in context_words {
            if context_postings[id].last() != Some(&entry) {
                context_postings[id].push(entry);
            }
        }
        let entries = entries
            .iter()
            .map(|e| EntryInfo {
                title_len: e.title_len(),
                is_name: e.is_name(),
                order: e.order(),
            })
            .collect();
        SearchIndex {
            vocabulary,
            postings,
            context_postings,
            entries,
        }
    }

    /// Every occurrence of the words `token` matches, by entry then position
    /// (context occurrences last within an entry).
    fn occurrences(&self, token: &str) -> Vec<Occurrence> {
        let mut out = Vec::new();
        for (id, quality) in self.vocabulary.matches(token) {
            let id = id as usize;
            for p in &self.postings[id] {
                let info = &self.entries[p.entry as usize];
                let field = if info.is_name {
                    Field::Name
                } else if (p.start as usize) < info.title_len {
                    Field::Title
                } else {
                    Field::Body
                };
                out.push(Occurrence {
                    entry: p.entry,
                    position: p.position,
                    start: p.start,
                    end: p.end,
                    quality,
                    field,
                });
            }
            for &entry in &self.context_postings[id] {
                out.push(Occurrence {
                    entry,
                    position: IN_CONTEXT,
                    start: 0,
                    end: 0,
                    quality,
                    field: Field::Context,
                });
            }
        }
        out.sort_unstable_by_key(|o| (o.entry, o.position));
        out
    }

    /// Entries matching the most words of `query`, best first: every word
    /// where some entry has them all, else as many as any entry has.
    pub fn query(&self, query: &str) -> Vec<Hit> {
        let query = text::at_most_chars(query, MAX_QUERY_CHARS);
        let tokens: Vec<String> = text::words(query)
            .take(MAX_QUERY_WORDS)
            .map(|r| fold(&query[r]))
            .collect();
        let found: Vec<Vec<Occurrence>> = tokens.iter().map(|t| self.occurrences(t)).collect();
        let mut ranks = vec![Rank::default(); self.entries.len()];
        for occurrences in &found {
            for in_entry in occurrences.chunk_by(|a, b| a.entry == b.entry) {
                let best = in_entry.iter().min_by_key(|o| o.key()).expect("a chunk");
                let rank = &mut ranks[best.entry as usize];
                rank.words += 1;
                rank.loose += u8::from(best.quality == Quality::Loose);
                rank.typos += best.quality.typos();
                rank.field += best.field as u16;
                rank.exactness += u16::from(best.quality.inexactness());
            }
        }
        let most = ranks.iter().map(|r| r.words).max().unwrap_or(0);
        if most == 0 {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = ranks
            .iter()
            .enumerate()
            .filter(|(_, r)| r.words == most)
            .map(|(e, &rank)| {
                let in_entry: Vec<&[Occurrence]> =
                    found.iter().map(|o| in_text_of(o, e as u32)).collect();
                let rank = Rank {
                    of: tokens.len() as u8,
                    proximity: proximity(&in_entry),
                    ..rank
                };
                Hit {
                    entry: e,
                    score: rank.score(),
                    highlights: highlights(&in_entry),
                    loose: rank.loose > 0,
                    rank,
                }
            })
            .collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(
                    self.entries[a.entry]
                        .order
                        .cmp(&self.entries[b.entry].order),
                )
                .then(a.entry.cmp(&b.entry))
        });
        hits
    }
}

/// The occurrences in `entry`'s text, by position.
fn in_text_of(occurrences: &[Occurrence], entry: u32) -> &[Occurrence] {
    let from = occurrences.partition_point(|o| o.entry < entry);
    let rest = &occurrences[from..];
    let len = rest.partition_point(|o| o.entry == entry && o.position != IN_CONTEXT);
    &rest[..len]
}

/// How far apart neighbouring query words are, summed: for each pair of
/// query words found in the text, in the query's order, the smallest gap
/// between them (a word after its neighbour counts one more, as in
/// Meilisearch), at most [`MAX_PROXIMITY`]. Linear in the occurrences.
fn proximity(in_entry: &[&[Occurrence]]) -> u16 {
    let mut found = in_entry.iter().filter(|o| !o.is_empty());
    let Some(mut before) = found.next() else {
        return 0;
    };
    let mut sum = 0;
    for after in found {
        let mut best = MAX_PROXIMITY;
        let mut i = 0;
        for b in after.iter().map(|o| o.position) {
            while i < before.len() && before[i].position <= b {
                i += 1;
            }
            if i > 0 {
                best = best.min(b - before[i - 1].position);
            }
            if let Some(a) = before.get(i) {
                best = best.min(a.position - b + 1);
            }
        }
        sum += best as u16;
        before = after;
    }
    sum
}

/// The matched words' byte ranges, sorted, overlaps merged.
fn highlights(in_entry: &[&[Occurrence]]) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = in_entry
        .iter()
        .flat_map(|o| o.iter())
        .map(|o| o.start as usize..o.end as usize)
        .collect();
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests;
