//! The reading pane shared by the profile and the region view: the section
//! bar and the laid-out document with the selected block marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::bar;
use crate::app::{DocId, State};
use crate::doc::lines::GUTTER;
use crate::doc::DocLine;
use crate::layout::ReadingArea;
use crate::theme::Theme;

/// Draws the section bar and the document of `id` into a page's regions.
/// `focused`: the pane has the keyboard, so the selection is in reverse video
/// (it keeps its ▶ marker either way).
pub fn render(state: &State, buf: &mut Buffer, page: &ReadingArea, id: DocId, focused: bool) {
    let theme = &state.theme;
    let reader = state.reader(id);
    let Some(doc_page) = state.viewport(id) else {
        return;
    };
    let labels = doc_page.doc.section_labels();
    let current = reader.current_section(&doc_page);
    bar::render(
        buf,
        page.bar,
        &labels,
        current,
        theme.tab_active,
        theme.meta,
        theme.border,
    );
    let selected = Some(reader.cursor);
    let (marked_block, words) = found_words(state, &doc_page);
    let lines = &doc_page.layout.lines;
    let first_line = doc_page.layout.blocks.get(reader.cursor).map(|r| r.start);
    for row in 0..page.doc.height {
        let index = reader.scroll + usize::from(row);
        let Some(line) = lines.get(index) else {
            break;
        };
        let y = page.doc.y + row;
        let is_selected = line.block.is_some() && line.block == selected;
        if is_selected {
            let marker = if Some(index) == first_line {
                "▶"
            } else {
                "┃"
            };
            buf.set_stringn(page.doc.x, y, marker, 1, theme.marker);
        }
        let patch = if is_selected && focused {
            theme.selected
        } else {
            Style::new()
        };
        let text_area = Rect {
            x: page.doc.x + GUTTER as u16,
            y,
            width: page.doc.width.saturating_sub(GUTTER as u16),
            height: 1,
        };
        if is_selected && focused {
            // The reverse video runs to the edge, so the block reads as one.
            buf.set_style(text_area, theme.selected);
        }
        let mut styled = styled_line(line, theme, patch);
        if line.block.is_some() && line.block == marked_block {
            styled = mark_words(styled, &words, theme.matched);
        }
        buf.set_line(text_area.x, y, &styled, text_area.width);
    }
}

/// The block of this document that the last search's hit opened, and the
/// words it matched there, so that they stay marked after the jump.
fn found_words(state: &State, page: &crate::doc::Viewport) -> (Option<usize>, Vec<String>) {
    let Some(hit) = state.found.as_ref().and_then(|f| f.current()) else {
        return (None, Vec::new());
    };
    let entry = &state.data.search[hit.entry];
    let Some(block) = page.doc.find(entry.target) else {
        return (None, Vec::new());
    };
    let mut words: Vec<String> = hit
        .highlights
        .iter()
        .filter_map(|r| entry.text.get(r.clone()))
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty())
        .collect();
    words.sort();
    words.dedup();
    (Some(block), words)
}

/// The line with every occurrence of the words (in any case) in `style`
/// over its own: bold and underlined, seen without colour.
fn mark_words<'l>(line: Line<'l>, words: &[String], style: Style) -> Line<'l> {
    if words.is_empty() {
        return line;
    }
    let mut spans = Vec::new();
    for span in line.spans {
        let text = span.content.to_string();
        let lower = text.to_lowercase();
        if lower.len() != text.len() {
            // Lower-casing changed the byte lengths: leave the span whole.
            spans.push(span);
            continue;
        }
        let mut at = 0;
        while at < text.len() {
            let next = words
                .iter()
                .filter_map(|w| lower[at..].find(w.as_str()).map(|i| (at + i, w.len())))
                .min();
            let Some((start, len)) = next else {
                break;
            };
            if start > at {
                spans.push(Span::styled(text[at..start].to_string(), span.style));
            }
            spans.push(Span::styled(
                text[start..start + len].to_string(),
                span.style.patch(style),
            ));
            at = start + len;
        }
        if at < text.len() {
            spans.push(Span::styled(text[at..].to_string(), span.style));
        }
    }
    Line::from(spans)
}

/// A laid-out line in the theme's styles, with `patch` over every span.
pub fn styled_line<'l>(line: &'l DocLine, theme: &Theme, patch: Style) -> Line<'l> {
    Line::from(
        line.spans
            .iter()
            .map(|s| Span::styled(s.text.as_str(), theme.role(s.role).patch(patch)))
            .collect::<Vec<_>>(),
    )
}
