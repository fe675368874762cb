//! A document laid out to lines for one width. The lines carry semantic
//! roles, not colours: the theme decides how a role looks. The layout is
//! computed in `update` (which needs line counts to scroll) and kept in the
//! state until the width or the document changes, so drawing a frame never
//! wraps text.

use std::borrow::Cow;
use std::ops::Range;

use super::document::{Block, BlockKind, Document};
use crate::export::cite;
use crate::model::{Dataset, ItemKind, Target};
use crate::notebook::{Annotation, Annotations};
use crate::text::{width as text_width, wrap_ranges};

/// Columns left of the text for the selection marker.
pub const GUTTER: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Heading,
    SubHeading,
    Text,
    /// A lead sentence or a note's label.
    Title,
    /// A number, a figure's label, an acronym.
    Label,
    /// Where a text comes from.
    Meta,
    /// A theme tag.
    Tag,
    Quote,
    /// Words matching a search.
    Match,
    /// The reader's bookmark and note on a block.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub role: Role,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocLine {
    /// The block the line belongs to; `None` for the blank lines between.
    pub block: Option<usize>,
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, Default)]
pub struct DocLayout {
    pub width: usize,
    pub lines: Vec<DocLine>,
    /// Per block, its lines.
    pub blocks: Vec<Range<usize>>,
    /// Per section, the line of its heading.
    pub sections: Vec<usize>,
}

/// A paragraph to wrap: a prefix on its first line (continuation lines are
/// indented under the text), the text, and styled byte ranges of it.
pub struct Para<'t> {
    pub prefix: String,
    pub text: Cow<'t, str>,
    pub role: Role,
    /// Sorted, not overlapping.
    pub runs: Vec<(Range<usize>, Role)>,
}

impl<'t> Para<'t> {
    pub fn new(text: impl Into<Cow<'t, str>>, role: Role) -> Self {
        Para {
            prefix: String::new(),
            text: text.into(),
            role,
            runs: Vec::new(),
        }
    }

    pub fn prefixed(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    pub fn run(mut self, range: Range<usize>, role: Role) -> Self {
        self.runs.push((range, role));
        self
    }
}

/// Wraps a paragraph at `width` columns; newlines in the text start new lines.
pub fn wrap_para(para: &Para, width: usize, block: Option<usize>, out: &mut Vec<DocLine>) {
    let prefix_width = text_width(&para.prefix);
    let available = width.saturating_sub(prefix_width).max(1);
    let mut first = true;
    let mut base = 0;
    for piece in para.text.split('\n') {
        for range in wrap_ranges(piece, available) {
            let mut spans = Vec::new();
            if prefix_width > 0 {
                let prefix = if first {
                    para.prefix.clone()
                } else {
                    " ".repeat(prefix_width)
                };
                spans.push(Span {
                    text: prefix,
                    role: Role::Label,
                });
            }
            first = false;
            let range = base + range.start..base + range.end;
            spans.extend(styled(&para.text, range, &para.runs, para.role));
            out.push(DocLine { block, spans });
        }
        base += piece.len() + 1;
    }
}

/// The spans of `text[range]`: the runs' roles where they apply, `role` elsewhere.
pub fn styled(
    text: &str,
    range: Range<usize>,
    runs: &[(Range<usize>, Role)],
    role: Role,
) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut at = range.start;
    let mut push = |from: usize, to: usize, role: Role| {
        if from < to {
            spans.push(Span {
                text: text[from..to].to_string(),
                role,
            });
        }
    };
    for (run, run_role) in runs {
        let start = run.start.max(at);
        let end = run.end.min(range.end);
        if start >= end {
            continue;
        }
        push(at, start, role);
        push(start, end, *run_role);
        at = end;
    }
    push(at, range.end, role);
    spans
}

fn blank(out: &mut Vec<DocLine>) {
    out.push(DocLine::default());
}

/// The widest a line of prose runs: past about a hundred columns the eye
/// loses the start of the next line.
pub const MEASURE: usize = 100;

/// Lays a document out at `width` columns (the gutter included); prose
/// stops at [`MEASURE`] columns on a wider pane.
pub fn lay_out(doc: &Document, width: usize) -> DocLayout {
    lay_out_annotated(doc, width, &Annotations::default())
}

/// Lays a document out with the reader's bookmark and note under each
/// block that has them; prose stops at [`MEASURE`] columns.
pub fn lay_out_annotated(doc: &Document, width: usize, notes: &Annotations) -> DocLayout {
    let text_columns = width.saturating_sub(GUTTER).clamp(1, MEASURE);
    let mut lines: Vec<DocLine> = Vec::new();
    let mut blocks = Vec::with_capacity(doc.blocks.len());
    let mut sections = Vec::with_capacity(doc.sections.len());
    for (i, block) in doc.blocks.iter().enumerate() {
        let at = Some(i);
        let start = lines.len();
        match block.kind {
            BlockKind::Heading => {
                if !lines.is_empty() {
                    blank(&mut lines);
                }
                let heading = lines.len();
                sections.push(heading);
                let title = format!("── {} ", block.text);
                let fill = text_columns.saturating_sub(text_width(&title));
                let rule = format!("{title}{}", "─".repeat(fill));
                let para = Para::new(rule, Role::Heading);
                wrap_para(&para, text_columns, at, &mut lines);
                blocks.push(heading..lines.len());
            }
            BlockKind::SubHeading => {
                if lines.last().is_some_and(|l| !l.spans.is_empty()) {
                    blank(&mut lines);
                }
                let heading = lines.len();
                let para = Para::new(block.text.as_ref(), Role::SubHeading);
                wrap_para(&para, text_columns, at, &mut lines);
                blocks.push(heading..lines.len());
            }
            _ => {
                for para in reading_paras(block).iter() {
                    wrap_para(para, text_columns, at, &mut lines);
                }
                if let Some(annotation) = notes.of(block.anchor) {
                    let para = annotation_para(annotation, &indent_of(block));
                    wrap_para(&para, text_columns, at, &mut lines);
                }
                blocks.push(start..lines.len());
                // Figures and list entries read as rows of a table.
                if !matches!(block.kind, BlockKind::Entry | BlockKind::Figure) {
                    blank(&mut lines);
                }
            }
        }
    }
    DocLayout {
        width,
        lines,
        blocks,
        sections,
    }
}

/// A block as it reads in the document: compact, with its source line and tags.
fn reading_paras<'b>(block: &'b Block) -> Vec<Para<'b>> {
    let mut paras = Vec::new();
    match block.kind {
        BlockKind::Item => {
            let prefix = format!("{} ", block.label.as_deref().unwrap_or("•"));
            let indent = " ".repeat(text_width(&prefix));
            paras.extend(titled_text(block, prefix, indent.clone()));
            paras.push(meta_para(block).prefixed(indent));
        }
        BlockKind::Note => paras.extend(note_paras(block)),
        BlockKind::Paragraph => {
            let para = Para::new(block.text.as_ref(), Role::Text);
            let prefix = block
                .label
                .as_ref()
                .map(|l| format!("{l} "))
                .unwrap_or_default();
            let indent = " ".repeat(text_width(&prefix));
            paras.push(para.prefixed(prefix));
            // A side-bar's attribution, under its quote.
            if let Some(remark) = &block.remark {
                paras.push(Para::new(remark.as_str(), Role::Meta).prefixed(indent));
            }
        }
        BlockKind::Figure => {
            let mut para = labelled(block, ": ");
            if let Some(source) = &block.source {
                let start = para.text.len();
                para.text
                    .to_mut()
                    .push_str(&format!(" · line\u{a0}{}", source.line));
                para.runs.push((start..para.text.len(), Role::Meta));
            }
            paras.push(para);
        }
        // Headings are laid out by `lay_out` itself; an entry is the rest.
        BlockKind::Entry | BlockKind::Heading | BlockKind::SubHeading => {
            paras.push(labelled(block, " — "))
        }
    }
    paras
}

/// "★ bookmarked", "✎ the note" or "★ ✎ the note", under a block, the
/// note's lines aligned after the marks.
pub fn annotation_para(annotation: Annotation, indent: &str) -> Para<'static> {
    let (marks, text) = match (annotation.bookmark, annotation.note) {
        (true, "") => ("★ ", "bookmarked".to_string()),
        (true, note) => ("★ ✎ ", note.to_string()),
        (false, note) => ("✎ ", note.to_string()),
    };
    Para::new(text, Role::Note).prefixed(format!("{indent}{marks}"))
}

/// The reader's mark and note as lines, for the detail overlay.
pub fn annotation_lines(annotation: Annotation, width: usize) -> Vec<DocLine> {
    let mut out = vec![DocLine::default()];
    wrap_para(&annotation_para(annotation, ""), width, None, &mut out);
    out
}

/// The indent of a block's text under its label ("12. "), where its
/// source line and note sit.
fn indent_of(block: &Block) -> String {
    match (&block.kind, &block.label) {
        (BlockKind::Item, label) => " ".repeat(text_width(label.as_deref().unwrap_or("•")) + 1),
        _ => String::new(),
    }
}

/// The text with its lead sentence in bold: inline where the text starts
/// with it (the report's recommendations), else on a line of its own.
fn titled_text<'b>(block: &'b Block, prefix: String, indent: String) -> Vec<Para<'b>> {
    let text = Para::new(block.text.as_ref(), Role::Text);
    match block.title.as_deref() {
        Some(title) if !title.is_empty() && block.text.starts_with(title) => {
            vec![text.prefixed(prefix).run(0..title.len(), Role::Title)]
        }
        Some(title) if !title.is_empty() => vec![
            Para::new(title, Role::Title).prefixed(prefix),
            text.prefixed(indent),
        ],
        _ => vec![text.prefixed(prefix)],
    }
}

fn note_paras<'b>(block: &'b Block) -> Vec<Para<'b>> {
    let mut paras = vec![
        Para::new(block.title.as_deref().unwrap_or(""), Role::Title),
        Para::new(block.text.as_ref(), Role::Quote).prefixed("  "),
    ];
    if let Some(remark) = &block.remark {
        paras.push(Para::new(remark.as_str(), Role::Meta).prefixed("  "));
    }
    paras
}

/// "label: text" or "label — text", the label styled; the text alone
/// when there is no label.
fn labelled<'b>(block: &'b Block, separator: &str) -> Para<'b> {
    match &block.label {
        Some(label) => {
            let text = format!("{label}{separator}{}", block.text);
            Para::new(text, Role::Text).run(0..label.len(), Role::Label)
        }
        None => Para::new(block.text.as_ref(), Role::Text),
    }
}

/// The item's source line and theme tags: "line 1380 · p. 31 #training".
fn meta_para(block: &Block) -> Para<'static> {
    let mut text = String::new();
    if let Some(source) = &block.source {
        // No-break spaces: "line" and its number never part at a line end.
        text.push_str(&format!("line\u{a0}{}", source.line));
        if let Some(page) = source.page {
            text.push_str(&format!(" · p.\u{a0}{page}"));
        }
    }
    let mut runs = Vec::new();
    for theme in block.item.map(|i| i.themes.as_slice()).unwrap_or(&[]) {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push('#');
        text.push_str(theme);
        runs.push((start..text.len(), Role::Tag));
    }
    Para {
        runs,
        ..Para::new(text, Role::Meta)
    }
}

/// The whole block for the detail overlay: the full text, the sentence a
/// figure is quoted from, and its source, themes and organizations spelled out.
pub fn detail_lines(data: &Dataset, block: &Block, width: usize) -> Vec<DocLine> {
    let mut paras: Vec<Para> = match block.kind {
        BlockKind::Item => titled_text(block, String::new(), String::new()),
        BlockKind::Note => note_paras(block),
        BlockKind::Figure => vec![labelled(block, ": ")],
        BlockKind::Paragraph => {
            let mut paras = vec![labelled(block, " ")];
            paras.extend(block.remark.as_deref().map(|r| Para::new(r, Role::Meta)));
            paras
        }
        _ => vec![labelled(block, " — ")],
    };
    if let Some(quote) = block.quote {
        paras.push(Para::new("", Role::Text));
        paras.push(Para::new(format!("“{quote}”"), Role::Quote));
    }
    paras.push(Para::new("", Role::Text));
    let source = match &block.source {
        Some(source) => cite(source),
        None => block.context.clone(),
    };
    paras.push(field("Source: ", source, Role::Meta));
    if let Some(item) = block.item {
        let themes: Vec<&str> = item.themes.iter().map(|t| data.theme_label(t)).collect();
        if !themes.is_empty() {
            paras.push(field("Themes: ", themes.join("; "), Role::Tag));
        }
        let organizations: Vec<String> = item
            .organizations
            .iter()
            .map(|reference| {
                let known = block.organizations.iter().find(|o| o.is_called(reference));
                match known {
                    Some(o) if o.acronym.is_some() && o.name != *reference => {
                        format!("{reference} ({})", o.name)
                    }
                    _ => reference.clone(),
                }
            })
            .collect();
        if !organizations.is_empty() {
            paras.push(field(
                "Organizations: ",
                organizations.join("; "),
                Role::Text,
            ));
        }
    }
    if let Some(Target::CountryOrganization {
        country,
        organization,
    }) = block.anchor
    {
        paras.extend(mentions(data, country, organization));
    }
    let mut out = Vec::new();
    for para in &paras {
        wrap_para(para, width, None, &mut out);
    }
    out
}

/// Where the report mentions an organization of a country: every item of
/// that country that lists it, with its line.
fn mentions(data: &Dataset, country: usize, organization: usize) -> Vec<Para<'static>> {
    let Some(c) = data.countries.get(country) else {
        return Vec::new();
    };
    let Some(o) = c.organizations.get(organization) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for kind in ItemKind::ALL {
        for (i, item) in c.items(kind).iter().enumerate() {
            if item.organizations.iter().any(|r| o.is_called(r)) {
                found.push(format!(
                    "{} {}, line\u{a0}{}",
                    kind.label(),
                    i + 1,
                    item.source.line
                ));
            }
        }
    }
    let mut paras = vec![Para::new("", Role::Text)];
    if found.is_empty() {
        paras.push(Para::new(
            "Mentioned in: no lesson, practice or recommendation of this country lists it.",
            Role::Meta,
        ));
    } else {
        paras.push(Para::new("Mentioned in:", Role::Meta));
        for place in found {
            paras.push(Para::new(format!("• {place}"), Role::Text));
        }
    }
    paras
}

/// "Source: III › Ecuador › Best Practices, line 1380", the name styled as meta.
fn field(name: &str, value: String, role: Role) -> Para<'static> {
    let text = format!("{name}{value}");
    Para::new(text, role).run(0..name.len(), Role::Meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(line: &DocLine) -> String {
        line.spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn runs_split_spans_and_wrap_keeps_them() {
        let para = Para::new("Bold lead. Then the rest of it.", Role::Text)
            .prefixed("1. ")
            .run(0..10, Role::Title);
        let mut out = Vec::new();
        wrap_para(&para, 16, Some(4), &mut out);
        let texts: Vec<String> = out.iter().map(text_of).collect();
        assert_eq!(
            texts,
            vec!["1. Bold lead.", "   Then the rest", "   of it."]
        );
        assert_eq!(out[0].spans[1].role, Role::Title);
        assert_eq!(out[1].spans[1].role, Role::Text);
        assert!(out.iter().all(|l| l.block == Some(4)));
    }

    #[test]
    fn blank_lines_between_paragraphs_of_an_item_are_kept() {
        let mut out = Vec::new();
        wrap_para(&Para::new("one\n\ntwo", Role::Text), 10, None, &mut out);
        let texts: Vec<String> = out.iter().map(text_of).collect();
        assert_eq!(texts, vec!["one", "", "two"]);
    }

    #[test]
    fn every_block_has_lines_and_sections_point_at_headings() {
        let data = Dataset::embedded().expect("embedded dataset");
        let doc = super::super::profile_doc::profile(&data, 1);
        for width in [1, 10, 40, 200] {
            let layout = lay_out(&doc, width);
            assert_eq!(layout.blocks.len(), doc.blocks.len());
            assert!(layout.blocks.iter().all(|r| !r.is_empty()));
            for (s, &line) in layout.sections.iter().enumerate() {
                let block = layout.lines[line].block.unwrap();
                assert_eq!(doc.blocks[block].kind, BlockKind::Heading);
                assert_eq!(doc.blocks[block].section, s);
            }
        }
    }
}
