//! A "reading" document: what the profile and the region view show, as a
//! flat list of blocks grouped in sections. It knows nothing of widths or
//! terminals; [`super::lines`] lays it out, [`super::reader`] moves
//! over it.

use std::borrow::Cow;

use crate::model::{Item, Organization, Source, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The title of a section; one per section, first in it.
    Heading,
    /// A title inside a section ("Organizations", "Tier definitions").
    SubHeading,
    Paragraph,
    /// A numbered bullet of the report, with its source and themes.
    Item,
    /// A key figure: label, value, year.
    Figure,
    /// A contradiction in the report: a label and the quotes.
    Note,
    /// A one-line entry of a list (glossary, organizations, places, team).
    Entry,
}

impl BlockKind {
    /// Headings structure the text; the cursor steps over them.
    pub fn is_selectable(self) -> bool {
        !matches!(self, BlockKind::Heading | BlockKind::SubHeading)
    }
}

#[derive(Debug, Clone)]
pub struct Block<'a> {
    pub kind: BlockKind,
    pub section: usize,
    /// Shown before the text: "3.", "Tier 1", "a)", an acronym.
    pub label: Option<String>,
    /// A lead-in shown in bold (for recommendations, a prefix of `text`).
    pub title: Option<Cow<'a, str>>,
    pub text: Cow<'a, str>,
    /// The report's sentence a figure or a tier comes from.
    pub quote: Option<&'a str>,
    pub source: Option<Source>,
    pub item: Option<&'a Item>,
    /// The organizations the item's references are resolved against.
    pub organizations: &'a [Organization],
    /// Where the block sits, for titles and messages: "Ecuador › Best practices 3".
    pub context: String,
    /// The search target that lands on this block.
    pub anchor: Option<Target>,
    /// An editorial remark under the block (which items a note concerns).
    pub remark: Option<String>,
}

impl<'a> Block<'a> {
    pub fn new(kind: BlockKind, text: impl Into<Cow<'a, str>>) -> Self {
        Block {
            kind,
            section: 0,
            label: None,
            title: None,
            text: text.into(),
            quote: None,
            source: None,
            item: None,
            organizations: &[],
            context: String::new(),
            anchor: None,
            remark: None,
        }
    }

    /// A block for one bullet of the report.
    pub fn item(item: &'a Item, label: String, organizations: &'a [Organization]) -> Self {
        Block {
            label: Some(label),
            title: item.title.as_deref().map(Cow::Borrowed),
            source: Some(item.source.clone()),
            item: Some(item),
            organizations,
            ..Block::new(BlockKind::Item, item.text.as_str())
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_source(mut self, section: &str, line: u32) -> Self {
        self.source = Some(Source {
            section: section.to_string(),
            line,
            page: None,
        });
        self
    }

    pub fn with_context(mut self, context: impl Into<String>) -> Self {
        self.context = context.into();
        self
    }

    pub fn with_anchor(mut self, anchor: Target) -> Self {
        self.anchor = Some(anchor);
        self
    }
}

#[derive(Debug, Clone)]
pub struct Section {
    pub title: String,
    /// The word on the section bar.
    pub short: String,
}

#[derive(Debug, Clone, Default)]
pub struct Document<'a> {
    pub sections: Vec<Section>,
    pub blocks: Vec<Block<'a>>,
    /// Indexes of the selectable blocks, ascending.
    pub selectable: Vec<usize>,
}

impl<'a> Document<'a> {
    /// Starts a section; the following blocks belong to it.
    pub fn section(&mut self, title: impl Into<String>, short: impl Into<String>) {
        let title = title.into();
        self.sections.push(Section {
            title: title.clone(),
            short: short.into(),
        });
        self.push(Block::new(BlockKind::Heading, title));
    }

    pub fn push(&mut self, mut block: Block<'a>) {
        block.section = self.sections.len().saturating_sub(1);
        if block.kind.is_selectable() {
            self.selectable.push(self.blocks.len());
        }
        self.blocks.push(block);
    }

    /// The selectable block a search target lands on.
    pub fn find(&self, target: Target) -> Option<usize> {
        self.selectable
            .iter()
            .copied()
            .find(|&b| self.blocks[b].anchor == Some(target))
    }

    pub fn first_selectable_in(&self, section: usize) -> Option<usize> {
        self.selectable
            .iter()
            .copied()
            .find(|&b| self.blocks[b].section == section)
    }

    pub fn next_selectable(&self, block: usize) -> Option<usize> {
        self.selectable.iter().copied().find(|&b| b > block)
    }

    pub fn prev_selectable(&self, block: usize) -> Option<usize> {
        self.selectable.iter().rev().copied().find(|&b| b < block)
    }

    /// The labels of the section bar, numbered for Alt-1..9.
    pub fn section_labels(&self) -> Vec<String> {
        self.sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if i < 9 {
                    format!("{} {}", i + 1, s.short)
                } else {
                    s.short.clone()
                }
            })
            .collect()
    }

    pub fn is_selectable(&self, block: usize) -> bool {
        self.blocks
            .get(block)
            .is_some_and(|b| b.kind.is_selectable())
    }
}
