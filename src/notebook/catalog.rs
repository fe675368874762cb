//! The places of the report a note can be written on, each with a stable
//! id: an item's or a key figure's own id (as `show --format json` and
//! `search --format json` print them), a side-bar's id, `paragraph-LINE`
//! for a paragraph (the report's line it starts on), `footnote-N`.
//! Names (countries, places, organizations, acronyms) carry no notes.

use std::collections::HashMap;

use crate::model::{Dataset, EntryKind, RegionBlock, Target};

/// One place that can carry a note, with where it is and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct Place<'d> {
    pub id: String,
    pub target: Target,
    pub kind: EntryKind,
    /// Index into the dataset's countries; `None` for the regional parts.
    pub country: Option<usize>,
    /// The report's section ("III › Ecuador › Recommendations").
    pub section: &'d str,
    /// "Ecuador › Recommendations 2".
    pub context: &'d str,
    pub line: Option<u32>,
    pub text: &'d str,
}

/// Every notable place of a dataset, by id and by target.
#[derive(Debug, Default)]
pub struct Catalog<'d> {
    places: Vec<Place<'d>>,
    by_id: HashMap<String, usize>,
    by_target: HashMap<Target, usize>,
}

impl<'d> Catalog<'d> {
    pub fn new(data: &'d Dataset) -> Catalog<'d> {
        let mut catalog = Catalog::default();
        for entry in &data.search {
            let line = entry.line;
            let Some(id) = place_id(data, entry.kind, entry.target, entry.item.as_deref(), line)
            else {
                continue;
            };
            // The first place of an id wins: ids are unique in a valid dataset.
            if catalog.by_id.contains_key(&id) {
                continue;
            }
            let at = catalog.places.len();
            catalog.by_id.insert(id.clone(), at);
            catalog.by_target.insert(entry.target, at);
            catalog.places.push(Place {
                id,
                target: entry.target,
                kind: entry.kind,
                country: entry.country,
                section: &entry.section,
                context: &entry.context,
                line,
                text: &entry.text,
            });
        }
        catalog
    }

    pub fn place(&self, id: &str) -> Option<&Place<'d>> {
        self.by_id.get(id).map(|&at| &self.places[at])
    }

    /// The place a document's block shows, by the block's anchor.
    pub fn at(&self, target: Target) -> Option<&Place<'d>> {
        self.by_target.get(&target).map(|&at| &self.places[at])
    }

    pub fn places(&self) -> &[Place<'d>] {
        &self.places
    }
}

/// The id of a place, if it is one that carries notes.
fn place_id(
    data: &Dataset,
    kind: EntryKind,
    target: Target,
    item: Option<&str>,
    line: Option<u32>,
) -> Option<String> {
    if let Some(id) = item {
        return Some(id.to_string());
    }
    match (kind, target) {
        (EntryKind::Figure, Target::CountryFigure { country, figure }) => {
            Some(data.countries[country].key_figures[figure].id.clone())
        }
        (
            EntryKind::Sidebar,
            Target::Region {
                block: RegionBlock::Sidebar(i),
            },
        ) => Some(data.report.sidebars[i].id.clone()),
        (
            EntryKind::Footnote,
            Target::Region {
                block: RegionBlock::Footnote(i),
            },
        ) => Some(format!("footnote-{}", data.report.sources[i].number)),
        // A paragraph has no id of its own: the line it starts on is one.
        (EntryKind::Paragraph, _) => Some(format!("paragraph-{}", line?)),
        _ => None,
    }
}
