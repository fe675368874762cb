//! A country's profile as a reading document: overview, key figures, the
//! three bulleted parts, the report's contradictions, and the sources.

use std::borrow::Cow;

use super::document::{Block, BlockKind, Document};
use crate::model::{Country, Dataset, ItemKind, Note, Target};

pub fn profile(data: &Dataset, country: usize) -> Document<'_> {
    let c = &data.countries[country];
    let mut doc = Document::default();

    doc.section("Overview", "Overview");
    let overview = format!("III › {} › Trafficking in Persons Overview", c.name);
    for (i, p) in c.overview.iter().enumerate() {
        doc.push(
            Block::new(BlockKind::Paragraph, p.text.as_str())
                .with_source(&overview, p.line)
                .with_context(format!("{} › Overview ¶{}", c.name, i + 1))
                .with_anchor(Target::CountryOverview {
                    country,
                    paragraph: i,
                }),
        );
    }

    // The tier and the assessment head the figures, each with the report's
    // own sentence and its line, so that they can be copied with a source.
    doc.section("Key figures", "Figures");
    let tier = &c.tier;
    doc.push(Block {
        label: Some(format!("Tier (June {} TIP report)", tier.report_year)),
        quote: Some(tier.quote.as_str()),
        source: Some(tier.source.clone()),
        context: format!("{} › Tier", c.name),
        ..Block::new(BlockKind::Figure, tier.level.label())
    });
    doc.push(Block {
        label: Some("Country of".into()),
        context: format!("{} › Roles", c.name),
        ..Block::new(BlockKind::Figure, c.roles_label())
    });
    let a = &c.assessment;
    doc.push(Block {
        label: Some("Assessment".into()),
        quote: Some(a.quote.as_str()),
        source: Some(a.source.clone()),
        context: format!("{} › Assessment", c.name),
        ..Block::new(
            BlockKind::Figure,
            format!("{} {}, requested by {}", a.month, a.year, a.requested_by),
        )
    });
    for (i, f) in c.key_figures.iter().enumerate() {
        let year = f.year.map(|y| format!(" ({y})")).unwrap_or_default();
        doc.push(Block {
            label: Some(f.label.clone()),
            quote: Some(f.quote.as_str()),
            source: Some(f.source.clone()),
            context: format!("{} › Key figures › {}", c.name, f.label),
            anchor: Some(Target::CountryFigure { country, figure: i }),
            ..Block::new(BlockKind::Figure, format!("{}{year}", f.value))
        });
    }

    for kind in ItemKind::ALL {
        let items = c.items(kind);
        if items.is_empty() {
            continue;
        }
        doc.section(kind.label(), short(kind));
        for (i, item) in items.iter().enumerate() {
            doc.push(
                Block::item(item, format!("{}.", i + 1), &c.organizations)
                    .with_context(format!("{} › {} {}", c.name, kind.label(), i + 1))
                    .with_anchor(Target::CountryItem {
                        country,
                        kind,
                        item: i,
                    }),
            );
        }
    }

    if !c.notes.is_empty() {
        doc.section("Notes on the report's inconsistencies", "Notes");
        for note in &c.notes {
            let mut block = note_block(note, |id| item_name(c, id).or_else(|| name_of(data, id)));
            block.context = format!("{} › Notes › {}", c.name, note.label);
            doc.push(block);
        }
    }

    doc.section("Sources: organizations and places", "Sources");
    if !c.organizations.is_empty() {
        doc.push(Block::new(BlockKind::SubHeading, "Organizations"));
        for (i, o) in c.organizations.iter().enumerate() {
            let mut block = Block::new(BlockKind::Entry, o.name.as_str())
                .with_context(format!("{} › Organizations › {}", c.name, o.short()))
                .with_anchor(Target::CountryOrganization {
                    country,
                    organization: i,
                });
            block.label = o.acronym.clone();
            doc.push(block);
        }
    }
    if !c.places.is_empty() {
        doc.push(Block::new(BlockKind::SubHeading, "Places"));
        for (i, p) in c.places.iter().enumerate() {
            doc.push(
                Block::new(BlockKind::Entry, format!("{} ({})", p.name, p.kind))
                    .with_context(format!("{} › Places › {}", c.name, p.name))
                    .with_anchor(Target::CountryPlace { country, place: i }),
            );
        }
    }
    doc
}

fn short(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::LessonsLearned => "Lessons",
        ItemKind::BestPractices => "Practices",
        ItemKind::Recommendations => "Recommendations",
    }
}

/// What a note's reference names, in words: a key figure by its label
/// ("Ecuador's key figure: Population"), a country by its name, any item
/// of any country as in its profile.
pub fn name_of(data: &Dataset, id: &str) -> Option<String> {
    for c in &data.countries {
        if c.id == id {
            return Some(c.name.clone());
        }
        if let Some(f) = c.key_figures.iter().find(|f| f.id == id) {
            return Some(format!("{}'s key figure “{}”", c.name, f.label));
        }
        if let Some(item) = item_name(c, id) {
            return Some(format!("{} › {item}", c.name));
        }
    }
    None
}

/// "Lessons learned 3" for an item id of the country.
fn item_name(c: &Country, id: &str) -> Option<String> {
    ItemKind::ALL.iter().find_map(|&kind| {
        let i = c.items(kind).iter().position(|item| item.id == id)?;
        Some(format!("{} {}", kind.label(), i + 1))
    })
}

/// A contradiction as a block: its label, each reading quoted, and the
/// items it concerns (named by `name_of`, from their ids).
pub fn note_block<'a>(note: &'a Note, name_of: impl Fn(&str) -> Option<String>) -> Block<'a> {
    let quotes: Vec<String> = note.quotes.iter().map(|q| format!("“{q}”")).collect();
    let concerns: Vec<String> = note
        .refs
        .iter()
        .map(|id| name_of(id).unwrap_or_else(|| id.clone()))
        .collect();
    Block {
        title: Some(Cow::Borrowed(note.label.as_str())),
        remark: (!concerns.is_empty()).then(|| format!("Concerns: {}", concerns.join(", "))),
        ..Block::new(BlockKind::Note, quotes.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_figure_and_paragraph_is_a_block_reachable_from_search() {
        let data = Dataset::embedded().expect("embedded dataset");
        for (ci, c) in data.countries.iter().enumerate() {
            let doc = profile(&data, ci);
            let items: usize = ItemKind::ALL.iter().map(|&k| c.items(k).len()).sum();
            let item_blocks = doc.blocks.iter().filter(|b| b.item.is_some()).count();
            assert_eq!(item_blocks, items, "{}", c.name);
            for entry in data.search.iter() {
                let on_this_country = match entry.target {
                    Target::Country(_) => false,
                    Target::CountryOverview { country, .. }
                    | Target::CountryFigure { country, .. }
                    | Target::CountryItem { country, .. }
                    | Target::CountryPlace { country, .. }
                    | Target::CountryOrganization { country, .. } => country == ci,
                    Target::Region { .. } => false,
                };
                if on_this_country {
                    assert!(doc.find(entry.target).is_some(), "{:?}", entry.target);
                }
            }
        }
    }

    #[test]
    fn sections_start_with_their_heading() {
        let data = Dataset::embedded().expect("embedded dataset");
        let doc = profile(&data, 0);
        assert_eq!(doc.sections[0].title, "Overview");
        for (s, _) in doc.sections.iter().enumerate() {
            let first = doc.blocks.iter().position(|b| b.section == s).unwrap();
            assert_eq!(doc.blocks[first].kind, BlockKind::Heading);
        }
    }
}
