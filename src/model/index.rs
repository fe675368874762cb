//! Indexes built once at load: theme × country cells for the matrix, and the
//! flat corpus that search ranks.

use super::types::{Country, Report};
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    TierSystem,
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

/// One searchable thing: what kind it is, a label, and its full text.
#[derive(Debug, Clone)]
pub struct SearchEntry {
    pub kind: &'static str,
    /// Short context shown beside the hit ("Ecuador › Best practices 3").
    pub context: String,
    pub text: String,
    pub target: Target,
}

/// Each text with the region block it is the `i`-th of.
fn numbered<'a>(texts: impl Iterator<Item = &'a String>, block: fn(usize) -> RegionBlock) -> Texts {
    texts
        .enumerate()
        .map(|(i, t)| (t.clone(), block(i)))
        .collect()
}

/// Searchable texts of one part of the region view, with where each sits.
type Texts = Vec<(String, RegionBlock)>;

pub fn search_corpus(report: &Report, countries: &[Country]) -> Vec<SearchEntry> {
    let mut out = Vec::new();
    let mut push = |kind, context: String, text: &str, target| {
        out.push(SearchEntry {
            kind,
            context,
            text: text.to_string(),
            target,
        })
    };
    for (ci, c) in countries.iter().enumerate() {
        push(
            "country",
            format!("{} · {}", c.iso3, c.tier.level.label()),
            &c.name,
            Target::Country(ci),
        );
        for (i, p) in c.overview.iter().enumerate() {
            let target = Target::CountryOverview {
                country: ci,
                paragraph: i,
            };
            push(
                "overview",
                format!("{} › Overview ¶{}", c.name, i + 1),
                &p.text,
                target,
            );
        }
        for (i, f) in c.key_figures.iter().enumerate() {
            let target = Target::CountryFigure {
                country: ci,
                figure: i,
            };
            let text = format!("{}: {} — {}", f.label, f.value, f.quote);
            push("figure", format!("{} › Key figures", c.name), &text, target);
        }
        for kind in ItemKind::ALL {
            for (i, item) in c.items(kind).iter().enumerate() {
                let target = Target::CountryItem {
                    country: ci,
                    kind,
                    item: i,
                };
                let context = format!("{} › {} {}", c.name, kind.label(), i + 1);
                push("item", context, &item.text, target);
            }
        }
        for (i, p) in c.places.iter().enumerate() {
            let target = Target::CountryPlace {
                country: ci,
                place: i,
            };
            push("place", format!("{} › {}", c.name, p.kind), &p.name, target);
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
            push("organization", c.name.clone(), &text, target);
        }
    }
    let paragraphs = |ps: &[super::types::Paragraph], f| numbered(ps.iter().map(|p| &p.text), f);
    let items = |its: &[super::types::Item], f| numbered(its.iter().map(|i| &i.text), f);
    let ts = &report.tier_system;
    let tier_texts = ts
        .intro
        .iter()
        .map(|p| p.text.clone())
        .chain(ts.tiers.iter().map(|t| t.definition.clone()))
        .chain(ts.watch_list_factors.iter().map(|f| f.text.clone()))
        .chain(ts.sanctions.iter().map(|p| p.text.clone()))
        .chain(ts.placement.iter().map(|p| p.text.clone()))
        .map(|t| (t, RegionBlock::TierSystem))
        .collect();
    let sidebars = report.sidebars.iter().enumerate();
    let footnotes = report.sources.iter().enumerate();
    let glossary = report.glossary.iter().enumerate();
    let s = &report.synthesis;
    // (kind, context, texts) in the order of the region view
    let parts: [(&'static str, &str, Texts); 14] = [
        (
            "summary",
            "Executive summary",
            paragraphs(&report.executive_summary, RegionBlock::ExecutiveSummary),
        ),
        (
            "introduction",
            "Introduction",
            paragraphs(&report.introduction, RegionBlock::Introduction),
        ),
        (
            "objective",
            "Objective",
            items(&report.objectives, RegionBlock::Objective),
        ),
        (
            "situation",
            "Section I",
            paragraphs(&report.situation, RegionBlock::Situation),
        ),
        ("tiers", "Tier system", tier_texts),
        (
            "methodology",
            "Methodology",
            paragraphs(&report.methodology.paragraphs, RegionBlock::Methodology),
        ),
        (
            "scope",
            "Scope of work",
            items(&report.methodology.scope_of_work, RegionBlock::ScopeOfWork),
        ),
        (
            "item",
            "Best practices",
            items(&s.best_practices, RegionBlock::SynthesisBestPractice),
        ),
        (
            "item",
            "Challenges",
            items(&s.challenges, RegionBlock::SynthesisChallenge),
        ),
        (
            "item",
            "Recommendations",
            items(&s.recommendations, RegionBlock::SynthesisRecommendation),
        ),
        (
            "conclusion",
            "Conclusion",
            paragraphs(&report.conclusion, RegionBlock::Conclusion),
        ),
        (
            "side-bar",
            "Side-bar",
            sidebars
                .map(|(i, b)| {
                    (
                        format!("{} — {}", b.text, b.attribution),
                        RegionBlock::Sidebar(i),
                    )
                })
                .collect(),
        ),
        (
            "footnote",
            "Footnote",
            footnotes
                .map(|(i, f)| (format!("{} {}", f.number, f.text), RegionBlock::Footnote(i)))
                .collect(),
        ),
        (
            "glossary",
            "Glossary",
            glossary
                .map(|(i, g)| {
                    (
                        format!("{} — {}", g.acronym, g.expansion),
                        RegionBlock::Glossary(i),
                    )
                })
                .collect(),
        ),
    ];
    for (kind, context, texts) in parts {
        for (i, (text, block)) in texts.into_iter().enumerate() {
            out.push(SearchEntry {
                kind,
                context: format!("Region › {context} {}", i + 1),
                text,
                target: Target::Region { block },
            });
        }
    }
    out
}
