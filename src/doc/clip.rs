//! What `y` puts on the clipboard: the selected text with its source, in
//! the same shape as the command line's text output, ready for a briefing.

use super::document::{Block, BlockKind};
use crate::export::{cite, item_text};
use crate::model::{Country, Dataset};

pub fn block_text(data: &Dataset, block: &Block) -> String {
    if let Some(item) = block.item {
        return item_text(data, item);
    }
    let label = block.label.as_deref().unwrap_or("");
    let mut text = match (block.kind, label.is_empty()) {
        (BlockKind::Figure, false) => format!("{label}: {}", block.text),
        (BlockKind::Entry, false) => format!("{label} — {}", block.text),
        (_, false) => format!("{label} {}", block.text),
        (_, true) => block.text.to_string(),
    };
    if let Some(title) = &block.title {
        text = format!("{title}\n{text}");
    }
    if let Some(quote) = block.quote {
        text.push_str(&format!("\n“{quote}”"));
    }
    if let Some(remark) = &block.remark {
        text.push_str(&format!("\n{remark}"));
    }
    let source = match &block.source {
        Some(source) => cite(source),
        None => block.context.clone(),
    };
    format!("{text}\n   — Source: {source} ({}).", data.report.title)
}

/// A country as copied from the list: its profile in brief — tier (as
/// the report states it), roles, assessment and how many bullets it has.
pub fn country_text(data: &Dataset, c: &Country) -> String {
    let a = &c.assessment;
    format!(
        "{} ({}), {}: {} in the June {} Trafficking in Persons report; a country of {}. \
         Assessed {} {}, requested by {}. The report lists {} lessons learned, \
         {} best practices and {} recommendations.\n“{}”\n   — Source: {} ({}).",
        c.name,
        c.iso3,
        c.region,
        c.tier.level.label(),
        c.tier.report_year,
        c.roles_label(),
        a.month,
        a.year,
        a.requested_by,
        c.lessons_learned.len(),
        c.best_practices.len(),
        c.recommendations.len(),
        c.tier.quote,
        cite(&c.tier.source),
        data.report.title
    )
}

/// Where a block comes from, alone (`Y`): the report's title, the place in
/// it ("Ecuador › Recommendations 2"), then page (where printed) and line.
pub fn citation(data: &Dataset, block: &Block) -> String {
    let mut out = format!("{}, {}", data.report.title, block.context);
    if let Some(source) = &block.source {
        if let Some(page) = source.page {
            out.push_str(&format!(", p. {page}"));
        }
        out.push_str(&format!(", line {}", source.line));
    }
    out
}

/// A country's citation from the list: where its tier is stated.
pub fn country_citation(data: &Dataset, c: &Country) -> String {
    format!(
        "{}, {} › Tier, {}",
        data.report.title,
        c.name,
        cite(&c.tier.source)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::profile_doc::profile;

    #[test]
    fn every_copy_ends_with_its_source() {
        let data = Dataset::embedded().expect("embedded dataset");
        let doc = profile(&data, 0);
        for &b in &doc.selectable {
            let block = &doc.blocks[b];
            let text = block_text(&data, block);
            assert!(text.contains("\n   — Source: "), "{text}");
            match block.item {
                Some(item) => assert_eq!(text, item_text(&data, item)),
                None => assert!(text.contains(block.text.as_ref()), "{text}"),
            }
        }
        let country = country_text(&data, &data.countries[0]);
        assert!(country.contains(&data.countries[0].tier.quote));
    }
}
