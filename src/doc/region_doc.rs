//! The regional report as a reading document: executive summary,
//! introduction, Section I with the tier system, methodology, the synthesis,
//! conclusion, the report's contradictions, footnotes and glossary.

use super::document::{Block, BlockKind, Document};
use super::profile_doc::note_block;
use crate::model::{Dataset, Item, Paragraph, RegionBlock, Target};

pub fn region<'a>(data: &'a Dataset) -> Document<'a> {
    let r = &data.report;
    let orgs = r.organizations.as_slice();
    let mut doc = Document::default();
    let at = |block| Target::Region { block };

    // The bulleted lists stand where the report prints them: after the
    // paragraph that introduces them ("... are to:"), not after the section.
    doc.section("Executive summary", "Summary");
    let summary = &r.executive_summary;
    let bullets = &r.executive_summary_recommendations;
    let split = paragraphs_above(summary, bullets.first().map(|p| p.line));
    let target = Some(RegionBlock::ExecutiveSummary as fn(usize) -> RegionBlock);
    paragraphs(&mut doc, summary, 0..split, "Executive Summary", target);
    for (i, p) in bullets.iter().enumerate() {
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
    paragraphs(
        &mut doc,
        summary,
        split..summary.len(),
        "Executive Summary",
        target,
    );

    doc.section("Introduction", "Introduction");
    let intro = &r.introduction;
    let split = paragraphs_above(intro, r.objectives.first().map(|o| o.source.line));
    let target = Some(RegionBlock::Introduction as fn(usize) -> RegionBlock);
    paragraphs(&mut doc, intro, 0..split, "Introduction", target);
    items(
        &mut doc,
        &r.objectives,
        orgs,
        "Objective",
        RegionBlock::Objective,
    );
    paragraphs(&mut doc, intro, split..intro.len(), "Introduction", target);

    doc.section("Section I: the human trafficking situation", "Situation");
    let all = 0..r.situation.len();
    let target = Some(RegionBlock::Situation as fn(usize) -> RegionBlock);
    paragraphs(
        &mut doc,
        &r.situation,
        all,
        "I › The Human Trafficking Situation",
        target,
    );
    sidebars(&mut doc, data, "I › The Human Trafficking Situation");

    let ts = &r.tier_system;
    let tiers = "I › The Tier System";
    doc.section("The tier system", "Tiers");
    // Counted in the order the search index counts them.
    let mut tier_block = 0..;
    let mut anchored = |block: Block<'a>| -> Block<'a> {
        let n = tier_block.next().unwrap_or(0);
        block.with_anchor(at(RegionBlock::TierSystem(n)))
    };
    for (i, p) in ts.intro.iter().enumerate() {
        doc.push(anchored(
            Block::new(BlockKind::Paragraph, p.text.as_str())
                .with_source(tiers, p.line)
                .with_context(format!("Region › Tier system ¶{}", i + 1)),
        ));
    }
    doc.push(Block::new(BlockKind::SubHeading, "The tiers"));
    for t in &ts.tiers {
        doc.push(anchored(
            // The definitions begin with the tier's name: no label needed.
            Block::new(BlockKind::Paragraph, t.definition.as_str())
                .with_source(tiers, t.line)
                .with_context(format!("Region › Tier system › {}", t.level.label())),
        ));
    }
    doc.push(Block::new(
        BlockKind::SubHeading,
        "Tier 2 Watch List: one of three factors",
    ));
    for f in &ts.watch_list_factors {
        doc.push(anchored(
            Block::new(BlockKind::Paragraph, f.text.as_str())
                .with_label(format!("{})", f.letter))
                .with_source(tiers, f.line)
                .with_context(format!("Region › Tier system › Factor {}", f.letter)),
        ));
    }
    for (title, ps) in [
        ("Sanctions", &ts.sanctions),
        ("Placement of the five countries", &ts.placement),
    ] {
        doc.push(Block::new(BlockKind::SubHeading, title));
        for (i, p) in ps.iter().enumerate() {
            doc.push(anchored(
                Block::new(BlockKind::Paragraph, p.text.as_str())
                    .with_source(tiers, p.line)
                    .with_context(format!("Region › Tier system › {title} ¶{}", i + 1)),
            ));
        }
    }

    let m = &r.methodology;
    doc.section("Methodology", "Methodology");
    let first_area = m.scope_of_work.first().map(|item| item.source.line);
    let split = paragraphs_above(&m.paragraphs, first_area);
    let target = Some(RegionBlock::Methodology as fn(usize) -> RegionBlock);
    paragraphs(&mut doc, &m.paragraphs, 0..split, "I › Methodology", target);
    items(
        &mut doc,
        &m.scope_of_work,
        orgs,
        "Scope of work",
        RegionBlock::ScopeOfWork,
    );
    let rest = split..m.paragraphs.len();
    paragraphs(&mut doc, &m.paragraphs, rest, "I › Methodology", target);
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
    let all = 0..s.intro.len();
    paragraphs(
        &mut doc,
        &s.intro,
        all,
        "II › A Synthesis of Findings",
        None,
    );
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
    sidebars(&mut doc, data, "II › Challenges");
    doc.section("Synthesis: recommendations", "Recommendations");
    items(
        &mut doc,
        &s.recommendations,
        orgs,
        "Recommendations",
        RegionBlock::SynthesisRecommendation,
    );
    sidebars(&mut doc, data, "II › Recommendations");

    doc.section("Conclusion", "Conclusion");
    let all = 0..r.conclusion.len();
    paragraphs(
        &mut doc,
        &r.conclusion,
        all,
        "Conclusion",
        Some(RegionBlock::Conclusion),
    );

    if !r.notes.is_empty() {
        doc.section("Notes on the report's inconsistencies", "Notes");
        for note in &r.notes {
            let mut block = note_block(note, |id| {
                synthesis_item_name(data, id).or_else(|| super::profile_doc::name_of(data, id))
            });
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

/// The side-bars printed beside `section`, after its text: the report sets
/// them in the margin, apart from the running text.
fn sidebars<'a>(doc: &mut Document<'a>, data: &'a Dataset, section: &str) {
    for (i, bar) in data.report.sidebars.iter().enumerate() {
        if bar.section != section {
            continue;
        }
        let mut block = Block::new(BlockKind::Paragraph, bar.text.as_str())
            .with_label("Side-bar:")
            .with_source(section, bar.line)
            .with_context(format!("Region › {section} › Side-bar"))
            .with_anchor(Target::Region {
                block: RegionBlock::Sidebar(i),
            });
        block.remark = Some(format!("— {}", bar.attribution));
        doc.push(block);
    }
}

/// How many of `ps` start above `line` (a list's first line): where the list goes.
fn paragraphs_above(ps: &[Paragraph], line: Option<u32>) -> usize {
    ps.partition_point(|p| line.is_none_or(|l| p.line < l))
}

/// The paragraphs `ps[range]`, numbered by their place in `ps`.
fn paragraphs<'a>(
    doc: &mut Document<'a>,
    ps: &'a [Paragraph],
    range: std::ops::Range<usize>,
    section: &str,
    target: Option<fn(usize) -> RegionBlock>,
) {
    for (i, p) in ps.iter().enumerate().take(range.end).skip(range.start) {
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
        // Within the summary, introduction and methodology, paragraphs and
        // their lists follow the report's order.
        for short in ["Summary", "Introduction", "Methodology"] {
            let section = doc.sections.iter().position(|s| s.short == short).unwrap();
            let lines: Vec<u32> = doc
                .blocks
                .iter()
                .filter(|b| b.section == section && b.kind != BlockKind::Entry)
                .filter_map(|b| b.source.as_ref().map(|s| s.line))
                .collect();
            assert!(lines.len() > 4, "{short}: {lines:?}");
            assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{short}: {lines:?}");
        }
        let titles: Vec<&str> = doc.sections.iter().map(|s| s.short.as_str()).collect();
        assert!(titles.starts_with(&["Summary", "Introduction", "Situation", "Tiers"]));
        assert!(titles.contains(&"Glossary"));
    }

    #[test]
    fn side_bars_show_and_copy_with_their_attribution() {
        use super::super::clip::block_text;
        use super::super::lines::lay_out;
        let data = Dataset::embedded().expect("embedded dataset");
        let doc = region(&data);
        let layout = lay_out(&doc, 100);
        for (i, bar) in data.report.sidebars.iter().enumerate() {
            let target = Target::Region {
                block: RegionBlock::Sidebar(i),
            };
            let b = doc
                .find(target)
                .expect("every side-bar is in the region view");
            let shown: String = layout.lines[layout.blocks[b].clone()]
                .iter()
                .flat_map(|l| l.spans.iter().map(|s| s.text.as_str()))
                .collect::<Vec<_>>()
                .join(" ");
            let first_words: String = bar
                .attribution
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(shown.contains(&first_words), "{shown}");
            let copied = block_text(&data, &doc.blocks[b]);
            assert!(
                copied.contains(&bar.attribution) && copied.contains("line"),
                "{copied}"
            );
        }
    }
}
