//! Indexes built once at load: theme × country cells for the matrix, and the
//! flat corpus that search ranks.

use super::types::{Country, Item, Paragraph, Report};
use super::ItemKind;

/// What one country has on one theme: indexes into its item lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub lessons_learned: Vec<usize>,
    pub best_practices: Vec<usize>,
    pub recommendations: Vec<usize>,
}

impl Cell {
    pub fn of(&self, kind: ItemKind) -> &[usize] {
        match kind {
            ItemKind::LessonsLearned => &self.lessons_learned,
            ItemKind::BestPractices => &self.best_practices,
            ItemKind::Recommendations => &self.recommendations,
        }
    }

    pub fn is_empty(&self) -> bool {
        ItemKind::ALL.iter().all(|&k| self.of(k).is_empty())
    }
}

/// `cells[theme][country]`, themes in `report.themes` order.
pub fn cells(report: &Report, countries: &[Country]) -> Vec<Vec<Cell>> {
    report
        .themes
        .iter()
        .map(|theme| {
            countries
                .iter()
                .map(|country| {
                    let on_theme = |kind| -> Vec<usize> {
                        country
                            .items(kind)
                            .iter()
                            .enumerate()
                            .filter(|(_, item)| item.themes.contains(&theme.id))
                            .map(|(i, _)| i)
                            .collect()
                    };
                    Cell {
                        lessons_learned: on_theme(ItemKind::LessonsLearned),
                        best_practices: on_theme(ItemKind::BestPractices),
                        recommendations: on_theme(ItemKind::Recommendations),
                    }
                })
                .collect()
        })
        .collect()
}

/// Where a search hit lives, so that the explorer can jump to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    Country(usize),
    CountryOverview {
        country: usize,
        paragraph: usize,
    },
    CountryFigure {
        country: usize,
        figure: usize,
    },
    CountryItem {
        country: usize,
        kind: ItemKind,
        item: usize,
    },
    CountryPlace {
        country: usize,
        place: usize,
    },
    CountryOrganization {
        country: usize,
        organization: usize,
    },
    /// A block of the region view, by its position in the region document.
    Region {
        block: RegionBlock,
    },
}

/// The parts of the report shown in the region view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionBlock {
    ExecutiveSummary(usize),
    Introduction(usize),
    Objective(usize),
    Situation(usize),
    /// A block of the tier system, counted through its introduction, the
    /// tiers, the Watch List factors, sanctions and placement.
    TierSystem(usize),
    Methodology(usize),
    ScopeOfWork(usize),
    SynthesisBestPractice(usize),
    SynthesisChallenge(usize),
    SynthesisRecommendation(usize),
    Conclusion(usize),
    Sidebar(usize),
    Footnote(usize),
    Glossary(usize),
}

/// What a searchable thing is: the values of `tipx search --kind` and of a
/// hit's `kind` in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Country,
    /// Prose: an overview, summary, introduction, tier system or conclusion paragraph.
    Paragraph,
    Figure,
    Lesson,
    BestPractice,
    Recommendation,
    Challenge,
    Objective,
    Scope,
    Place,
    Organization,
    Sidebar,
    Footnote,
    Glossary,
}

impl EntryKind {
    pub const ALL: [EntryKind; 14] = [
        EntryKind::Country,
        EntryKind::Paragraph,
        EntryKind::Figure,
        EntryKind::Lesson,
        EntryKind::BestPractice,
        EntryKind::Recommendation,
        EntryKind::Challenge,
        EntryKind::Objective,
        EntryKind::Scope,
        EntryKind::Place,
        EntryKind::Organization,
        EntryKind::Sidebar,
        EntryKind::Footnote,
        EntryKind::Glossary,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Country => "country",
            EntryKind::Paragraph => "paragraph",
            EntryKind::Figure => "figure",
            EntryKind::Lesson => "lesson",
            EntryKind::BestPractice => "best-practice",
            EntryKind::Recommendation => "recommendation",
            EntryKind::Challenge => "challenge",
            EntryKind::Objective => "objective",
            EntryKind::Scope => "scope",
            EntryKind::Place => "place",
            EntryKind::Organization => "organization",
            EntryKind::Sidebar => "side-bar",
            EntryKind::Footnote => "footnote",
            EntryKind::Glossary => "glossary",
        }
    }

    /// A bullet of the report (the kinds that have an item id).
    pub fn is_item(self) -> bool {
        matches!(
            self,
            EntryKind::Lesson
                | EntryKind::BestPractice
                | EntryKind::Recommendation
                | EntryKind::Challenge
                | EntryKind::Objective
                | EntryKind::Scope
        )
    }

    /// The whole text is a name (an acronym, an organization, a place): a
    /// query naming it should find it before the passages that mention it.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            EntryKind::Country | EntryKind::Place | EntryKind::Organization | EntryKind::Glossary
        )
    }

    fn of_item(kind: ItemKind) -> EntryKind {
        match kind {
            ItemKind::LessonsLearned => EntryKind::Lesson,
            ItemKind::BestPractices => EntryKind::BestPractice,
            ItemKind::Recommendations => EntryKind::Recommendation,
        }
    }
}

impl std::fmt::Display for EntryKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One searchable thing: what it is, where it sits in the report, and its
/// full text.
#[derive(Debug, Clone)]
pub struct SearchEntry {
    pub kind: EntryKind,
    /// Short context shown beside the hit ("Ecuador › Best practices 3").
    pub context: String,
    pub text: String,
    pub target: Target,
    /// Index into the dataset's countries; `None` for the regional parts.
    pub country: Option<usize>,
    /// The report's section, as an item's `source.section` names it.
    pub section: String,
    /// The item's id, for a bullet of the report.
    pub item: Option<String>,
    /// Line in the report's text where it starts; `None` for names (places,
    /// organizations, glossary), which the dataset does not locate.
    pub line: Option<u32>,
    /// Bytes of `text` that are its title (an item's lead sentence). A key
    /// figure's label is editorial, not a title of the report's.
    pub title_len: usize,
    /// Position in the report's reading order: its line, or for a name the
    /// line of its country's section, so ties rank as the report reads.
    pub order: u32,
}

/// Each text with the region block it is the `i`-th of.
fn numbered(paragraphs: &[Paragraph], block: fn(usize) -> RegionBlock) -> Texts {
    paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| Text::new(p.text.clone(), p.line, block(i)))
        .collect()
}

fn items(items: &[Item], block: fn(usize) -> RegionBlock) -> Texts {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| Text::item(item, block(i)))
        .collect()
}

/// One searchable text of the region view, with where it sits.
struct Text {
    text: String,
    line: Option<u32>,
    block: RegionBlock,
    item: Option<String>,
    title_len: usize,
    section: Option<String>,
}

impl Text {
    fn new(text: String, line: u32, block: RegionBlock) -> Text {
        Text {
            text,
            line: Some(line),
            block,
            item: None,
            title_len: 0,
            section: None,
        }
    }

    fn item(item: &Item, block: RegionBlock) -> Text {
        Text {
            text: item.text.clone(),
            line: Some(item.source.line),
            block,
            item: Some(item.id.clone()),
            title_len: title_len(item),
            section: Some(item.source.section.clone()),
        }
    }
}

type Texts = Vec<Text>;

/// Bytes of an item's text that are its title (always a prefix of the text).
fn title_len(item: &Item) -> usize {
    item.title
        .as_deref()
        .filter(|t| item.text.starts_with(t))
        .map_or(0, str::len)
}

/// Sections of the country profiles, as the items' `source.section` names them.
fn country_section(country: &Country, part: &str) -> String {
    match part {
        "" => format!("III › {}", country.name),
        part => format!("III › {} › {part}", country.name),
    }
}

pub fn search_corpus(report: &Report, countries: &[Country]) -> Vec<SearchEntry> {
    let mut out = Vec::new();
    for (ci, c) in countries.iter().enumerate() {
        // Names have no line of their own: they sort where the country's profile starts.
        let start = c.overview.first().map_or(c.tier.source.line, |p| p.line);
        let entry = |kind, context: String, text: String, target| SearchEntry {
            kind,
            context,
            text,
            target,
            country: Some(ci),
            section: country_section(c, ""),
            item: None,
            line: None,
            title_len: 0,
            order: start,
        };
        out.push(entry(
            EntryKind::Country,
            format!("{} · {}", c.iso3, c.tier.level.label()),
            c.name.clone(),
            Target::Country(ci),
        ));
        for (i, p) in c.overview.iter().enumerate() {
            let target = Target::CountryOverview {
                country: ci,
                paragraph: i,
            };
            let context = format!("{} › Overview ¶{}", c.name, i + 1);
            out.push(SearchEntry {
                section: country_section(c, "Trafficking in Persons Overview"),
                line: Some(p.line),
                order: p.line,
                ..entry(EntryKind::Paragraph, context, p.text.clone(), target)
            });
        }
        for (i, f) in c.key_figures.iter().enumerate() {
            let target = Target::CountryFigure {
                country: ci,
                figure: i,
            };
            let text = format!("{}: {} — {}", f.label, f.value, f.quote);
            let context = format!("{} › Key figures", c.name);
            out.push(SearchEntry {
                section: f.source.section.clone(),
                line: Some(f.source.line),
                order: f.source.line,
                ..entry(EntryKind::Figure, context, text, target)
            });
        }
        for kind in ItemKind::ALL {
            for (i, item) in c.items(kind).iter().enumerate() {
                let target = Target::CountryItem {
                    country: ci,
                    kind,
                    item: i,
                };
                let context = format!("{} › {} {}", c.name, kind.label(), i + 1);
                out.push(SearchEntry {
                    section: item.source.section.clone(),
                    item: Some(item.id.clone()),
                    line: Some(item.source.line),
                    order: item.source.line,
                    title_len: title_len(item),
                    ..entry(EntryKind::of_item(kind), context, item.text.clone(), target)
                });
            }
        }
        for (i, p) in c.places.iter().enumerate() {
            let target = Target::CountryPlace {
                country: ci,
                place: i,
            };
            let context = format!("{} › {}", c.name, p.kind);
            out.push(entry(EntryKind::Place, context, p.name.clone(), target));
        }
        for (i, o) in c.organizations.iter().enumerate() {
            let target = Target::CountryOrganization {
                country: ci,
                organization: i,
            };
            let text = match &o.acronym {
                Some(a) => format!("{} ({a})", o.name),
                None => o.name.clone(),
            };
            out.push(entry(EntryKind::Organization, c.name.clone(), text, target));
        }
    }
    let ts = &report.tier_system;
    let tier_texts = ts
        .intro
        .iter()
        .map(|p| (p.text.clone(), p.line))
        .chain(ts.tiers.iter().map(|t| (t.definition.clone(), t.line)))
        .chain(
            ts.watch_list_factors
                .iter()
                .map(|f| (f.text.clone(), f.line)),
        )
        .chain(ts.sanctions.iter().map(|p| (p.text.clone(), p.line)))
        .chain(ts.placement.iter().map(|p| (p.text.clone(), p.line)))
        .enumerate()
        .map(|(i, (text, line))| Text::new(text, line, RegionBlock::TierSystem(i)))
        .collect();
    let sidebars = report.sidebars.iter().enumerate();
    let footnotes = report.sources.iter().enumerate();
    let glossary = report.glossary.iter().enumerate();
    let s = &report.synthesis;
    // (kind, section, context, texts) in the order of the region view
    let parts: [(EntryKind, &str, &str, Texts); 14] = [
        (
            EntryKind::Paragraph,
            "Executive Summary",
            "Executive summary",
            numbered(&report.executive_summary, RegionBlock::ExecutiveSummary),
        ),
        (
            EntryKind::Paragraph,
            "Introduction",
            "Introduction",
            numbered(&report.introduction, RegionBlock::Introduction),
        ),
        (
            EntryKind::Objective,
            "Introduction",
            "Objective",
            items(&report.objectives, RegionBlock::Objective),
        ),
        (
            EntryKind::Paragraph,
            "I › The Human Trafficking Situation",
            "Section I",
            numbered(&report.situation, RegionBlock::Situation),
        ),
        (
            EntryKind::Paragraph,
            "I › The U.S. State Department Annual Report",
            "Tier system",
            tier_texts,
        ),
        (
            EntryKind::Paragraph,
            "I › Methodology",
            "Methodology",
            numbered(&report.methodology.paragraphs, RegionBlock::Methodology),
        ),
        (
            EntryKind::Scope,
            "I › Methodology",
            "Scope of work",
            items(&report.methodology.scope_of_work, RegionBlock::ScopeOfWork),
        ),
        (
            EntryKind::BestPractice,
            "II › Best Practices",
            "Best practices",
            items(&s.best_practices, RegionBlock::SynthesisBestPractice),
        ),
        (
            EntryKind::Challenge,
            "II › Challenges",
            "Challenges",
            items(&s.challenges, RegionBlock::SynthesisChallenge),
        ),
        (
            EntryKind::Recommendation,
            "II › Recommendations",
            "Recommendations",
            items(&s.recommendations, RegionBlock::SynthesisRecommendation),
        ),
        (
            EntryKind::Paragraph,
            "II › Conclusion",
            "Conclusion",
            numbered(&report.conclusion, RegionBlock::Conclusion),
        ),
        (
            EntryKind::Sidebar,
            "Side-bar",
            "Side-bar",
            sidebars
                .map(|(i, b)| Text {
                    section: Some(b.section.clone()),
                    ..Text::new(
                        format!("{} — {}", b.text, b.attribution),
                        b.line,
                        RegionBlock::Sidebar(i),
                    )
                })
                .collect(),
        ),
        (
            EntryKind::Footnote,
            "Footnotes",
            "Footnote",
            footnotes
                .map(|(i, f)| {
                    let text = format!("{} {}", f.number, f.text);
                    Text::new(text, f.line, RegionBlock::Footnote(i))
                })
                .collect(),
        ),
        (
            EntryKind::Glossary,
            "Acronyms",
            "Glossary",
            glossary
                .map(|(i, g)| Text {
                    line: None,
                    ..Text::new(
                        format!("{} — {}", g.acronym, g.expansion),
                        0,
                        RegionBlock::Glossary(i),
                    )
                })
                .collect(),
        ),
    ];
    for (kind, section, context, texts) in parts {
        for (i, text) in texts.into_iter().enumerate() {
            out.push(SearchEntry {
                kind,
                context: format!("Region › {context} {}", i + 1),
                text: text.text,
                target: Target::Region { block: text.block },
                country: None,
                section: text.section.unwrap_or_else(|| section.to_string()),
                item: text.item,
                line: text.line,
                title_len: text.title_len,
                // The glossary has no line: it sorts after the text it explains.
                order: text.line.unwrap_or(u32::MAX),
            });
        }
    }
    out
}
