//! The regional report as a reading document: executive summary,
//! introduction, Section I with the tier system, methodology, the synthesis,
//! conclusion, the report's contradictions, footnotes and glossary.

use super::document::{Block, BlockKind, Document};
use super::profile::note_block;
use crate::model::{Dataset, Item, Paragraph, RegionBlock, Target};

pub fn region(data: &Dataset) -> Document<'_> {
    let r = &data.report;
    let orgs = r.organizations.as_slice();
    let mut doc = Document::default();
    let at = |block| Target::Region { block };

    doc.section("Executive summary", "Summary");
    paragraphs(
        &mut doc,
        &r.executive_summary,
        "Executive Summary",
        Some(RegionBlock::ExecutiveSummary),
    );
    doc.push(Block::new(BlockKind::SubHeading, "Its recommendations"));
    for (i, p) in r.executive_summary_recommendations.iter().enumerate() {
        doc.push(
            Block::new(BlockKind::Paragraph, p.text.as_str())
                .with_label("•")
                .with_source("Executive Summary", p.line)
                .with_context(format!(
                    "Region › Executive summary › Recommendation {}",
                    i + 1
                )),
        );
    }

    doc.section("Introduction", "Introduction");
    paragraphs(
        &mut doc,
        &r.introduction,
        "Introduction",
        Some(RegionBlock::Introduction),
    );
    doc.push(Block::new(BlockKind::SubHeading, "Objectives"));
    items(
        &mut doc,
        &r.objectives,
        orgs,
        "Objective",
        RegionBlock::Objective,
    );

    doc.section("Section I: the human trafficking situation", "Situation");
    paragraphs(
        &mut doc,
        &r.situation,
        "I › The Human Trafficking Situation",
        Some(RegionBlock::Situation),
    );

    let ts = &r.tier_system;
    let tiers = "I › The Tier System";
    doc.section("The tier system", "Tiers");
    for (i, p) in ts.intro.iter().enumerate() {
        let mut block = Block::new(BlockKind::Paragraph, p.text.as_str())
            .with_source(tiers, p.line)
            .with_context(format!("Region › Tier system ¶{}", i + 1));
        if i == 0 {
            block.anchor = Some(at(RegionBlock::TierSystem));
        }
        doc.push(block);
    }
    doc.push(Block::new(BlockKind::SubHeading, "The tiers"));
    for t in &ts.tiers {
        doc.push(
            // The definitions begin with the tier's name: no label needed.
            Block::new(BlockKind::Paragraph, t.definition.as_str())
                .with_source(tiers, t.line)
                .with_context(format!("Region › Tier system › {}", t.level.label())),
        );
    }
    doc.push(Block::new(
        BlockKind::SubHeading,
        "Tier 2 Watch List: one of three factors",
    ));
    for f in &ts.watch_list_factors {
        doc.push(
            Block::new(BlockKind::Paragraph, f.text.as_str())
                .with_label(format!("{})", f.letter))
                .with_source(tiers, f.line)
                .with_context(format!("Region › Tier system › Factor {}", f.letter)),
        );
    }
    for (title, ps) in [
        ("Sanctions", &ts.sanctions),
        ("Placement of the five countries", &ts.placement),
    ] {
        doc.push(Block::new(BlockKind::SubHeading, title));
        for (i, p) in ps.iter().enumerate() {
            doc.push(
                Block::new(BlockKind::Paragraph, p.text.as_str())
                    .with_source(tiers, p.line)
                    .with_context(format!("Region › Tier system › {title} ¶{}", i + 1)),
            );
        }
    }

    let m = &r.methodology;
    doc.section("Methodology", "Methodology");
    paragraphs(
        &mut doc,
        &m.paragraphs,
        "I › Methodology",
        Some(RegionBlock::Methodology),
    );
    doc.push(Block::new(BlockKind::SubHeading, "Scope of work"));
    items(
        &mut doc,
        &m.scope_of_work,
        orgs,
        "Scope of work",
        RegionBlock::ScopeOfWork,
    );
    doc.push(Block::new(BlockKind::SubHeading, "The team"));
    for member in &m.team {
        doc.push(
            Block::new(BlockKind::Entry, member.role.as_str())
                .with_label(member.name.as_str())
                .with_source("I › Methodology", member.line)
                .with_context(format!("Region › Team › {}", member.name)),
        );
    }

    let s = &r.synthesis;
    doc.section("Synthesis: best practices", "Practices");
    // The synthesis intro has no search target of its own.
    paragraphs(&mut doc, &s.intro, "II › A Synthesis of Findings", None);
    items(
        &mut doc,
        &s.best_practices,
        orgs,
        "Best practices",
        RegionBlock::SynthesisBestPractice,
    );
    doc.section("Synthesis: challenges", "Challenges");
    items(
        &mut doc,
        &s.challenges,
        orgs,
        "Challenges",
        RegionBlock::SynthesisChallenge,
    );
    doc.section("Synthesis: recommendations", "Recommendations");
    items(
        &mut doc,
        &s.recommendations,
        orgs,
        "Recommendations",
        RegionBlock::SynthesisRecommendation,
    );

    doc.section("Conclusion", "Conclusion");
    paragraphs(
        &mut doc,
        &r.conclusion,
        "Conclusion",
        Some(RegionBlock::Conclusion),
    );

    if !r.notes.is_empty() {
        doc.section("Notes on the report's inconsistencies", "Notes");
        for note in &r.notes {
            let mut block = note_block(note, |id| synthesis_item_name(data, id));
            block.context = format!("Region › Notes › {}", note.label);
            doc.push(block);
        }
    }

    doc.section("Footnotes", "Footnotes");
    for (i, f) in r.sources.iter().enumerate() {
        doc.push(
            Block::new(BlockKind::Entry, f.text.as_str())
                .with_label(f.number.to_string())
                .with_source("Footnotes", f.line)
                .with_context(format!("Region › Footnote {}", f.number))
                .with_anchor(at(RegionBlock::Footnote(i))),
        );
    }

    doc.section("Glossary", "Glossary");
    for (i, g) in r.glossary.iter().enumerate() {
        doc.push(
            Block::new(BlockKind::Entry, g.expansion.as_str())
                .with_label(g.acronym.as_str())
                .with_context(format!("Region › Glossary › {}", g.acronym))
                .with_anchor(at(RegionBlock::Glossary(i))),
        );
    }
    doc
}

fn paragraphs<'a>(
    doc: &mut Document<'a>,
    ps: &'a [Paragraph],
    section: &str,
    target: Option<fn(usize) -> RegionBlock>,
) {
    for (i, p) in ps.iter().enumerate() {
        let mut block = Block::new(BlockKind::Paragraph, p.text.as_str())
            .with_source(section, p.line)
            .with_context(format!("Region › {section} ¶{}", i + 1));
        block.anchor = target.map(|t| Target::Region { block: t(i) });
        doc.push(block);
    }
}

fn items<'a>(
    doc: &mut Document<'a>,
    its: &'a [Item],
    orgs: &'a [crate::model::Organization],
    name: &str,
    target: impl Fn(usize) -> RegionBlock,
) {
    for (i, item) in its.iter().enumerate() {
        doc.push(
            Block::item(item, format!("{}.", i + 1), orgs)
                .with_context(format!("Region › {name} {}", i + 1))
                .with_anchor(Target::Region { block: target(i) }),
        );
    }
}

/// "Best practices 1" for an item id of the synthesis.
fn synthesis_item_name(data: &Dataset, id: &str) -> Option<String> {
    let s = &data.report.synthesis;
    [
        ("Best practices", &s.best_practices),
        ("Challenges", &s.challenges),
        ("Recommendations", &s.recommendations),
    ]
    .iter()
    .find_map(|(name, items)| {
        let i = items.iter().position(|item| item.id == id)?;
        Some(format!("{name} {}", i + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_search_target_lands_on_a_block() {
        let data = Dataset::embedded().expect("embedded dataset");
        let doc = region(&data);
        for entry in &data.search {
            if let Target::Region { .. } = entry.target {
                assert!(doc.find(entry.target).is_some(), "{:?}", entry.target);
            }
        }
        let titles: Vec<&str> = doc.sections.iter().map(|s| s.short).collect();
        assert!(titles.starts_with(&["Summary", "Introduction", "Situation", "Tiers"]));
        assert!(titles.contains(&"Glossary"));
    }
}
