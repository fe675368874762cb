//! The dataset as it is stored: serde types mirroring `data/FORMAT.md`.
//!
//! Unknown fields are rejected so that a typo in a dataset file is reported
//! rather than silently ignored.

use serde::{Deserialize, Serialize};

/// Where a string comes from in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub section: String,
    /// 1-based line in `data/source/lac-tip-review.txt`.
    pub line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// One bullet of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    pub text: String,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub organizations: Vec<String>,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub text: String,
    pub line: u32,
}

/// A place where the report contradicts itself: both readings kept, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub label: String,
    pub quotes: Vec<String>,
    #[serde(default)]
    pub refs: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TierLevel {
    #[serde(rename = "tier_1")]
    Tier1,
    #[serde(rename = "tier_2")]
    Tier2,
    #[serde(rename = "tier_2_watch_list")]
    Tier2WatchList,
    #[serde(rename = "tier_3")]
    Tier3,
}

impl TierLevel {
    pub fn label(self) -> &'static str {
        match self {
            TierLevel::Tier1 => "Tier 1",
            TierLevel::Tier2 => "Tier 2",
            TierLevel::Tier2WatchList => "Tier 2 Watch List",
            TierLevel::Tier3 => "Tier 3",
        }
    }

    /// A badge of fixed width, readable without colour.
    pub fn badge(self) -> &'static str {
        match self {
            TierLevel::Tier1 => "T1 ",
            TierLevel::Tier2 => "T2 ",
            TierLevel::Tier2WatchList => "T2W",
            TierLevel::Tier3 => "T3 ",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub level: TierLevel,
    pub report_year: u16,
    pub quote: String,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Origin,
    Transit,
    Destination,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Origin => "origin",
            Role::Transit => "transit",
            Role::Destination => "destination",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub month: String,
    pub year: u16,
    pub requested_by: String,
    pub quote: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFigure {
    pub id: String,
    pub label: String,
    /// Exactly as printed.
    pub value: String,
    /// A plain number, only where `value` is a single number (for charts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<f64>,
    /// What the figure measures, from report.json's `measures`; comparable across countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub quote: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
}

impl Organization {
    /// The acronym where the report gives one, else the name.
    pub fn short(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }

    pub fn is_called(&self, reference: &str) -> bool {
        self.acronym.as_deref() == Some(reference) || self.name == reference
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub id: String,
    pub name: String,
    pub iso3: String,
    pub region: String,
    pub tier: Tier,
    pub roles: Vec<Role>,
    pub assessment: Assessment,
    #[serde(default)]
    pub key_figures: Vec<KeyFigure>,
    pub overview: Vec<Paragraph>,
    #[serde(default)]
    pub places: Vec<Place>,
    #[serde(default)]
    pub organizations: Vec<Organization>,
    pub lessons_learned: Vec<Item>,
    pub best_practices: Vec<Item>,
    pub recommendations: Vec<Item>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierDefinition {
    pub level: TierLevel,
    pub definition: String,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WatchListFactor {
    pub letter: String,
    pub text: String,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierSystem {
    pub intro: Vec<Paragraph>,
    pub tiers: Vec<TierDefinition>,
    pub watch_list_factors: Vec<WatchListFactor>,
    pub sanctions: Vec<Paragraph>,
    pub placement: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    pub name: String,
    pub role: String,
    pub line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Methodology {
    pub paragraphs: Vec<Paragraph>,
    pub scope_of_work: Vec<Item>,
    pub team: Vec<TeamMember>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synthesis {
    pub intro: Vec<Paragraph>,
    pub best_practices: Vec<Item>,
    pub challenges: Vec<Item>,
    pub recommendations: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub label: String,
    /// True for the six themes that are the report's own regional recommendations.
    pub report: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synthesis_recommendation: Option<String>,
}

/// A pull-quote the report prints beside its text, with its attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidebar {
    pub id: String,
    pub text: String,
    pub attribution: String,
    pub line: u32,
    /// The section it stands beside, as in a source's `section`.
    pub section: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub number: u32,
    pub text: String,
    pub line: u32,
}

/// A quantity that key figures of several countries can share (population,
/// poverty...): the row a comparison lines them up on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub acronym: String,
    pub expansion: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub title: String,
    pub funded_by: String,
    pub managed_by: String,
    pub program: String,
    pub period: String,
    pub executive_summary: Vec<Paragraph>,
    pub executive_summary_recommendations: Vec<Paragraph>,
    pub introduction: Vec<Paragraph>,
    pub objectives: Vec<Item>,
    pub situation: Vec<Paragraph>,
    pub tier_system: TierSystem,
    pub methodology: Methodology,
    pub synthesis: Synthesis,
    pub themes: Vec<Theme>,
    pub conclusion: Vec<Paragraph>,
    #[serde(default)]
    pub sidebars: Vec<Sidebar>,
    pub sources: Vec<Footnote>,
    pub glossary: Vec<GlossaryEntry>,
    #[serde(default)]
    pub organizations: Vec<Organization>,
    #[serde(default)]
    pub notes: Vec<Note>,
    /// What key figures can measure, so that figures line up across countries.
    #[serde(default)]
    pub measures: Vec<Measure>,
}
