//! Questions asked of the whole dataset, answered as plain data: the theme ×
//! country matrix, "what works elsewhere", and the side-by-side comparison.
//!
//! Pure functions over [`Dataset`]: no terminal, no I/O. The command line
//! prints their answers through the writers here (text, Markdown, CSV, JSON);
//! the explorer's views draw the same values.

pub mod compare;
pub mod compare_output;
pub mod matrix;
pub mod matrix_output;
pub mod table;

use crate::model::{Dataset, Item, ItemKind, RegionBlock, Target};

/// Whose item it is: a country (by index in `Dataset::countries`) or the
/// report's regional synthesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    Country(usize),
    Synthesis,
}

/// The kinds of item the matrix shows. Countries have lessons learned, best
/// practices and recommendations; the synthesis has best practices,
/// challenges and recommendations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Recommendations,
    BestPractices,
    LessonsLearned,
    Challenges,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Recommendations,
        Kind::BestPractices,
        Kind::LessonsLearned,
        Kind::Challenges,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Recommendations => "Recommendations",
            Kind::BestPractices => "Best practices",
            Kind::LessonsLearned => "Lessons learned",
            Kind::Challenges => "Challenges",
        }
    }

    /// One letter for grids read without colour.
    pub fn letter(self) -> char {
        match self {
            Kind::Recommendations => 'R',
            Kind::BestPractices => 'B',
            Kind::LessonsLearned => 'L',
            Kind::Challenges => 'C',
        }
    }

    /// The key used in JSON and CSV output.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Recommendations => "recommendations",
            Kind::BestPractices => "best_practices",
            Kind::LessonsLearned => "lessons_learned",
            Kind::Challenges => "challenges",
        }
    }

    fn of_country(kind: ItemKind) -> Kind {
        match kind {
            ItemKind::LessonsLearned => Kind::LessonsLearned,
            ItemKind::BestPractices => Kind::BestPractices,
            ItemKind::Recommendations => Kind::Recommendations,
        }
    }
}

/// One item of the dataset with where it sits, so that a view can open it
/// in its country's profile or in the region view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemRef<'a> {
    pub owner: Owner,
    pub kind: Kind,
    /// Position in the owner's list of that kind.
    pub index: usize,
    pub item: &'a Item,
}

impl ItemRef<'_> {
    /// Where the explorer shows this item.
    pub fn target(&self) -> Target {
        match (self.owner, self.kind) {
            (Owner::Country(country), kind) => {
                let kind = match kind {
                    Kind::LessonsLearned => ItemKind::LessonsLearned,
                    Kind::BestPractices => ItemKind::BestPractices,
                    // A country has no challenges; refs built here never
                    // pair the two, and recommendations is the nearest list.
                    Kind::Recommendations | Kind::Challenges => ItemKind::Recommendations,
                };
                Target::CountryItem {
                    country,
                    kind,
                    item: self.index,
                }
            }
            (Owner::Synthesis, kind) => Target::Region {
                block: match kind {
                    Kind::BestPractices => RegionBlock::SynthesisBestPractice(self.index),
                    Kind::Challenges | Kind::LessonsLearned => {
                        RegionBlock::SynthesisChallenge(self.index)
                    }
                    Kind::Recommendations => RegionBlock::SynthesisRecommendation(self.index),
                },
            },
        }
    }
}

/// The synthesis's three lists, in the order the report prints them.
fn synthesis_lists(dataset: &Dataset) -> [(Kind, &[Item]); 3] {
    let s = &dataset.report.synthesis;
    [
        (Kind::BestPractices, &s.best_practices),
        (Kind::Challenges, &s.challenges),
        (Kind::Recommendations, &s.recommendations),
    ]
}

/// Every item of the countries (dataset order) and of the synthesis.
pub fn all_items(dataset: &Dataset) -> impl Iterator<Item = ItemRef<'_>> {
    let countries = dataset
        .countries
        .iter()
        .enumerate()
        .flat_map(|(ci, country)| {
            ItemKind::ALL.into_iter().flat_map(move |kind| {
                country
                    .items(kind)
                    .iter()
                    .enumerate()
                    .map(move |(index, item)| ItemRef {
                        owner: Owner::Country(ci),
                        kind: Kind::of_country(kind),
                        index,
                        item,
                    })
            })
        });
    let synthesis = synthesis_lists(dataset)
        .into_iter()
        .flat_map(|(kind, items)| {
            items.iter().enumerate().map(move |(index, item)| ItemRef {
                owner: Owner::Synthesis,
                kind,
                index,
                item,
            })
        });
    countries.chain(synthesis)
}

/// The country or synthesis item with this id.
pub fn find_item<'a>(dataset: &'a Dataset, id: &str) -> Option<ItemRef<'a>> {
    all_items(dataset).find(|r| r.item.id == id)
}

/// The item's lead sentence: its title where it has one (the report's bold
/// lead), else the text up to the first full stop that ends a sentence.
/// Always a prefix of the report's text, so it stays verbatim.
pub fn first_sentence(item: &Item) -> &str {
    if let Some(title) = item.title.as_deref().filter(|t| !t.is_empty()) {
        return title;
    }
    lead_sentence(&item.text)
}

fn lead_sentence(text: &str) -> &str {
    let first_paragraph = text.split("\n\n").next().unwrap_or(text);
    let bytes = first_paragraph.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'.' | b'?' | b'!') {
            continue;
        }
        let rest = &first_paragraph[i + 1..];
        // A sentence ends where a space and a capital (or an opening quote)
        // follow, and the word before is not an abbreviation such as "U.S."
        let next_starts_sentence = rest
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '('));
        let word = first_paragraph[..i].rsplit(' ').next().unwrap_or_default();
        let abbreviation = word.contains('.') || word.chars().count() <= 1;
        if next_starts_sentence && !abbreviation {
            return &first_paragraph[..=i];
        }
    }
    first_paragraph
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: Option<&str>, text: &str) -> Item {
        serde_json::from_value(serde_json::json!({
            "id": "x-1", "title": title, "text": text,
            "source": {"section": "S", "line": 1}
        }))
        .expect("a valid item")
    }

    #[test]
    fn first_sentence_is_the_title_where_there_is_one() {
        let it = item(Some("Lead."), "Lead. Then more.");
        assert_eq!(first_sentence(&it), "Lead.");
    }

    #[test]
    fn first_sentence_skips_abbreviations() {
        let it = item(
            None,
            "The U.S. Peace Corps is active. It has a task force of 12.",
        );
        assert_eq!(first_sentence(&it), "The U.S. Peace Corps is active.");
    }

    #[test]
    fn first_sentence_stops_at_the_first_paragraph() {
        let it = item(None, "No full stop here\n\nSecond paragraph. More.");
        assert_eq!(first_sentence(&it), "No full stop here");
    }

    #[test]
    fn every_item_is_found_by_its_id_with_its_owner() {
        let dataset = Dataset::embedded().expect("the embedded dataset loads");
        let mut seen = 0;
        for r in all_items(&dataset) {
            let found = find_item(&dataset, &r.item.id).expect("found");
            assert_eq!(
                (found.owner, found.kind, found.index),
                (r.owner, r.kind, r.index)
            );
            seen += 1;
        }
        let s = &dataset.report.synthesis;
        let synthesis = s.best_practices.len() + s.challenges.len() + s.recommendations.len();
        let countries: usize = dataset
            .countries
            .iter()
            .map(|c| {
                ItemKind::ALL
                    .iter()
                    .map(|&k| c.items(k).len())
                    .sum::<usize>()
            })
            .sum();
        assert_eq!(seen, synthesis + countries);
        assert!(find_item(&dataset, "no-such-item").is_none());
    }

    #[test]
    fn first_sentences_of_the_dataset_are_prefixes_of_their_text() {
        let dataset = Dataset::embedded().expect("the embedded dataset loads");
        for r in all_items(&dataset) {
            let lead = first_sentence(r.item);
            assert!(!lead.is_empty(), "{}", r.item.id);
            assert!(r.item.text.starts_with(lead), "{}: {lead}", r.item.id);
        }
    }
}
