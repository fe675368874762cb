//! The dataset: loaded once, validated, indexed, then read-only.

mod fields;
mod index;
mod load;
pub mod locate;
mod measures;
mod problem;
mod read;
mod resolve;
mod types;
mod validate;

use std::path::Path;

pub use index::{Cell, EntryKind, RegionBlock, SearchEntry, Target};
pub use problem::{Problem, Problems};
pub use resolve::{resolve_country, ResolveError};
pub use types::*;

/// The three bulleted parts of a country profile, in the report's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    LessonsLearned,
    BestPractices,
    Recommendations,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [
        ItemKind::LessonsLearned,
        ItemKind::BestPractices,
        ItemKind::Recommendations,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ItemKind::LessonsLearned => "Lessons learned",
            ItemKind::BestPractices => "Best practices",
            ItemKind::Recommendations => "Recommendations",
        }
    }
}

impl Country {
    pub fn items(&self, kind: ItemKind) -> &[Item] {
        match kind {
            ItemKind::LessonsLearned => &self.lessons_learned,
            ItemKind::BestPractices => &self.best_practices,
            ItemKind::Recommendations => &self.recommendations,
        }
    }

    /// Initials of the name ("dr" for Dominican Republic), for the command line.
    pub fn initials(&self) -> String {
        self.name
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    }

    pub fn roles_label(&self) -> String {
        self.roles
            .iter()
            .map(|r| r.label())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A validated dataset with the indexes the views need.
#[derive(Debug)]
pub struct Dataset {
    pub report: Report,
    /// Sorted by name.
    pub countries: Vec<Country>,
    /// `cells[theme][country]`: the country's items on that theme.
    pub cells: Vec<Vec<Cell>>,
    pub search: Vec<SearchEntry>,
}

impl Dataset {
    /// The dataset compiled into the binary.
    pub fn embedded() -> Result<Dataset, Problems> {
        Self::from_raw(load::read_embedded())
    }

    /// A dataset directory (`report.json`, `countries/*.json`, `source/`).
    pub fn from_dir(dir: &Path) -> Result<Dataset, Problems> {
        Self::from_raw(load::read_dir(dir)?)
    }

    fn from_raw(raw: load::RawDataset) -> Result<Dataset, Problems> {
        let (loaded, mut problems) = load::parse_all(raw);
        let Some(loaded) = loaded else {
            return Err(Problems(problems));
        };
        problems.extend(validate::check(&loaded));
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        let countries = loaded.countries.into_iter().map(|c| c.value).collect();
        Ok(Dataset::from_parts(loaded.report.value, countries))
    }

    /// A dataset from values already in memory, indexed but not validated:
    /// for synthetic datasets such as the benchmarks' 50× report.
    pub fn from_parts(report: Report, mut countries: Vec<Country>) -> Dataset {
        countries.sort_by(|a, b| a.name.cmp(&b.name));
        let cells = index::cells(&report, &countries);
        let search = index::search_corpus(&report, &countries);
        Dataset {
            report,
            countries,
            cells,
            search,
        }
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.report.themes.iter().find(|t| t.id == id)
    }

    pub fn theme_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.theme(id).map_or(id, |t| t.label.as_str())
    }

    /// Looks a country up the way the command line does.
    pub fn country(&self, query: &str) -> Result<&Country, ResolveError> {
        resolve_country(&self.countries, query).map(|i| &self.countries[i])
    }
}
