//! Documents of items gathered from across the report, read like a
//! profile: the evidence behind a matrix cell, and the best practices
//! elsewhere on the themes of an item ("what works elsewhere"). Each item
//! keeps its label, source and anchor, so that it can be copied with its
//! citation and opened where it lives.

use std::borrow::Cow;

use super::document::{Block, BlockKind, Document};
use crate::model::{Dataset, Organization};
use crate::query::matrix::Elsewhere;
use crate::query::{first_sentence, ItemRef, Kind, Owner};

/// Who the item belongs to, as a reader names it.
pub fn owner_name(data: &Dataset, owner: Owner) -> &str {
    match owner {
        Owner::Country(c) => data.countries.get(c).map_or("?", |c| c.name.as_str()),
        Owner::Synthesis => "Regional synthesis",
    }
}

fn organizations(data: &Dataset, owner: Owner) -> &[Organization] {
    match owner {
        Owner::Country(c) => data
            .countries
            .get(c)
            .map_or(&[][..], |c| c.organizations.as_slice()),
        Owner::Synthesis => &data.report.organizations,
    }
}

/// The section bar's word for a kind.
fn short(kind: Kind) -> &'static str {
    match kind {
        Kind::Recommendations => "Recommendations",
        Kind::BestPractices => "Practices",
        Kind::LessonsLearned => "Lessons",
        Kind::Challenges => "Challenges",
    }
}

/// An item's block, named as in its own profile ("Ecuador › Best practices 2").
pub fn item_block<'a>(data: &'a Dataset, r: &ItemRef<'a>) -> Block<'a> {
    let number = r.index + 1;
    Block::item(r.item, format!("{number}."), organizations(data, r.owner))
        .with_context(format!(
            "{} › {} {number}",
            owner_name(data, r.owner),
            r.kind.label()
        ))
        .with_anchor(r.target())
}

/// A document always has something to select: a line that says why a
/// section is empty.
fn nothing(doc: &mut Document, text: &'static str) {
    doc.push(Block::new(BlockKind::Paragraph, text).with_context(text.to_string()));
}

/// The items of one matrix cell, a section per kind shown.
pub fn evidence<'a>(data: &'a Dataset, items: &[ItemRef<'a>], kinds: &[Kind]) -> Document<'a> {
    let mut doc = Document::default();
    for &kind in kinds {
        doc.section(kind.label(), short(kind));
        let mut any = false;
        for r in items.iter().filter(|r| r.kind == kind) {
            doc.push(item_block(data, r));
            any = true;
        }
        if !any {
            nothing(&mut doc, "None on this theme.");
        }
    }
    if kinds.is_empty() {
        doc.section("Items", "Items");
        nothing(&mut doc, "None on this theme.");
    }
    doc
}

/// The best practices elsewhere, a section per owner in the report's order,
/// each by its lead sentence with its source and the themes it shares with
/// the item asked about.
pub fn elsewhere<'a>(data: &'a Dataset, found: &[Elsewhere<'a>]) -> Document<'a> {
    let mut doc = Document::default();
    let mut owner = None;
    for e in found {
        if owner != Some(e.practice.owner) {
            owner = Some(e.practice.owner);
            let name = owner_name(data, e.practice.owner);
            let short = match e.practice.owner {
                Owner::Synthesis => "Synthesis",
                Owner::Country(c) => data.countries[c].iso3.as_str(),
            };
            doc.section(name, short);
        }
        let themes: Vec<&str> = e
            .shared_themes
            .iter()
            .map(|t| data.theme_label(t))
            .collect();
        // Its lead sentence (a verbatim prefix), so that the list can be
        // scanned; Enter opens the whole practice, y copies it whole.
        let mut block = item_block(data, &e.practice);
        block.text = Cow::Borrowed(first_sentence(e.practice.item));
        block.remark = Some(format!("Shared themes: {}", themes.join("; ")));
        doc.push(block);
    }
    if found.is_empty() {
        doc.section("No best practice elsewhere", "None");
        nothing(
            &mut doc,
            "No other country and not the synthesis has a best practice on these themes.",
        );
    }
    doc
}
