//! A cursor over the selectable blocks of a document and the scroll of the
//! pane that shows it. A block taller than the pane is read line by line:
//! `j` scrolls through it before the cursor moves on.

use std::ops::Range;

use super::document::{BlockKind, Document};
use super::lines::DocLayout;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reader {
    /// The selected block (an index into the document's blocks).
    pub cursor: usize,
    /// The first line shown.
    pub scroll: usize,
}

/// A document as a pane shows it: laid out, `height` lines at a time.
pub struct Viewport<'p, 'd> {
    pub doc: &'p Document<'d>,
    pub layout: &'p DocLayout,
    pub height: usize,
}

impl Viewport<'_, '_> {
    fn height(&self) -> usize {
        self.height.max(1)
    }

    pub fn max_scroll(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.height())
    }

    fn span(&self, block: usize) -> Range<usize> {
        self.layout.blocks.get(block).cloned().unwrap_or(0..0)
    }

    fn visible(&self, scroll: usize) -> Range<usize> {
        scroll..scroll + self.height()
    }

    /// Is any line of the block in view when scrolled to `scroll`?
    fn shows(&self, block: usize, scroll: usize) -> bool {
        let (span, view) = (self.span(block), self.visible(scroll));
        span.start < view.end && view.start < span.end
    }

    /// The first line to show so that a block is seen with the headings
    /// right above it.
    fn lead(&self, block: usize) -> usize {
        let start = self.span(block).start;
        let mut lead = start;
        while lead > 0 {
            match self.layout.lines[lead - 1].block {
                None => lead -= 1,
                Some(b) if !self.doc.blocks[b].kind.is_selectable() => lead -= 1,
                Some(_) => break,
            }
        }
        // Blank lines above the first heading say nothing.
        while lead < start && self.layout.lines[lead].block.is_none() {
            lead += 1;
        }
        lead
    }

    /// The selectable block to select once `scroll` changed: the first one
    /// starting in view, else one covering part of the view, else the
    /// nearest one below (`after`) or above the view.
    fn block_in_view(&self, scroll: usize, after: bool) -> Option<usize> {
        let view = self.visible(scroll);
        let selectable = &self.doc.selectable;
        let starts_in_view = |&b: &usize| view.contains(&self.span(b).start);
        let overlaps = |&b: &usize| self.shows(b, scroll);
        let found = selectable.iter().copied().find(starts_in_view);
        let found = found.or_else(|| selectable.iter().copied().find(overlaps));
        found.or_else(|| {
            if after {
                selectable
                    .iter()
                    .copied()
                    .find(|&b| self.span(b).start >= view.end)
            } else {
                selectable
                    .iter()
                    .rev()
                    .copied()
                    .find(|&b| self.span(b).end <= view.start)
            }
        })
    }
}

impl Reader {
    /// Brings the cursor's block into view. A block taller than the pane
    /// shows its top, or its bottom when reached going up.
    fn reveal(&mut self, view: &Viewport, going_up: bool) {
        let span = view.span(self.cursor);
        let height = view.height();
        if span.len() > height {
            self.scroll = if going_up {
                span.end - height
            } else {
                span.start
            };
        } else {
            if span.start < self.scroll {
                self.scroll = view.lead(self.cursor).min(span.start);
            }
            if span.end > self.scroll + height {
                self.scroll = span.end - height;
            }
        }
        self.scroll = self.scroll.min(view.max_scroll());
    }

    pub fn down(&mut self, view: &Viewport) {
        let span = view.span(self.cursor);
        if span.end > self.scroll + view.height() {
            self.scroll += 1;
        } else if let Some(next) = view.doc.next_selectable(self.cursor) {
            self.cursor = next;
            self.reveal(view, false);
        } else {
            self.scroll = (self.scroll + 1).min(view.max_scroll());
        }
    }

    pub fn up(&mut self, view: &Viewport) {
        let span = view.span(self.cursor);
        if span.start < self.scroll {
            self.scroll -= 1;
        } else if let Some(prev) = view.doc.prev_selectable(self.cursor) {
            self.cursor = prev;
            self.reveal(view, true);
        } else {
            self.scroll = 0;
        }
    }

    pub fn page_down(&mut self, view: &Viewport) {
        if self.scroll >= view.max_scroll() {
            self.bottom(view);
            return;
        }
        let step = view.height().saturating_sub(1).max(1);
        self.scroll = (self.scroll + step).min(view.max_scroll());
        if let Some(block) = view.block_in_view(self.scroll, true) {
            self.cursor = block;
        }
    }

    pub fn page_up(&mut self, view: &Viewport) {
        if self.scroll == 0 {
            self.top(view);
            return;
        }
        let step = view.height().saturating_sub(1).max(1);
        self.scroll = self.scroll.saturating_sub(step);
        if let Some(block) = view.block_in_view(self.scroll, false) {
            self.cursor = block;
        }
    }

    pub fn top(&mut self, view: &Viewport) {
        self.cursor = view.doc.selectable.first().copied().unwrap_or(0);
        self.scroll = 0;
    }

    pub fn bottom(&mut self, view: &Viewport) {
        self.cursor = view.doc.selectable.last().copied().unwrap_or(0);
        self.scroll = view.max_scroll();
    }

    /// Mouse wheel: scrolls by lines; the cursor follows if it left the view.
    pub fn scroll_by(&mut self, view: &Viewport, lines: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(lines)
            .min(view.max_scroll());
        if !view.shows(self.cursor, self.scroll) {
            if let Some(block) = view.block_in_view(self.scroll, lines > 0) {
                self.cursor = block;
            }
        }
    }

    pub fn current_section(&self, view: &Viewport) -> usize {
        view.doc.blocks.get(self.cursor).map_or(0, |b| b.section)
    }

    /// Puts section `n`'s heading at the top, the cursor on its first block.
    pub fn section(&mut self, view: &Viewport, n: usize) {
        let (Some(block), Some(&heading)) =
            (view.doc.first_selectable_in(n), view.layout.sections.get(n))
        else {
            return;
        };
        self.cursor = block;
        self.scroll = heading.min(view.max_scroll());
    }

    pub fn next_section(&mut self, view: &Viewport) {
        let current = self.current_section(view);
        if current + 1 < view.doc.sections.len() {
            self.section(view, current + 1);
        }
    }

    /// To the start of this section, or of the previous one when already there.
    pub fn prev_section(&mut self, view: &Viewport) {
        let current = self.current_section(view);
        let at_start = view.doc.first_selectable_in(current) == Some(self.cursor);
        if at_start && current > 0 {
            self.section(view, current - 1);
        } else {
            self.section(view, current);
        }
    }

    /// Selects the block shown on `line` of the document, if any.
    pub fn select_line(&mut self, view: &Viewport, line: usize) {
        let block = view.layout.lines.get(line).and_then(|l| l.block);
        if let Some(block) = block.filter(|&b| view.doc.is_selectable(b)) {
            self.cursor = block;
            self.reveal(view, false);
        }
    }

    /// Selects a block and shows it near the top, headings included.
    pub fn jump(&mut self, view: &Viewport, block: usize) {
        if !view.doc.is_selectable(block) {
            return;
        }
        self.cursor = block;
        self.scroll = view.lead(block).min(view.max_scroll());
        self.reveal(view, false);
    }

    /// Back in range after the document, its layout or the pane changed.
    pub fn clamp(&mut self, view: &Viewport) {
        if !view.doc.is_selectable(self.cursor) {
            self.cursor = view
                .doc
                .next_selectable(self.cursor)
                .or_else(|| view.doc.prev_selectable(self.cursor))
                .unwrap_or(0);
        }
        self.scroll = self.scroll.min(view.max_scroll());
        // Only a cursor wholly out of view is brought back: one partly in
        // view may be a tall block being read line by line.
        if view.doc.is_selectable(self.cursor) && !view.shows(self.cursor, self.scroll) {
            self.reveal(view, false);
        }
    }

    /// Is the reader in range? For the tests and the state's self-check.
    pub fn problem(&self, view: &Viewport) -> Option<String> {
        let has_blocks = !view.doc.selectable.is_empty();
        if has_blocks && !view.doc.is_selectable(self.cursor) {
            let kind: Option<BlockKind> = view.doc.blocks.get(self.cursor).map(|b| b.kind);
            return Some(format!(
                "cursor {} is not selectable ({kind:?})",
                self.cursor
            ));
        }
        if self.scroll > view.max_scroll() {
            return Some(format!(
                "scroll {} beyond {}",
                self.scroll,
                view.max_scroll()
            ));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::document::Block;
    use super::super::lines::lay_out;
    use super::*;

    /// Headings and paragraphs of known heights: "p3" wraps to 3 lines at width 12.
    fn doc() -> Document<'static> {
        let mut doc = Document::default();
        doc.section("A", "A");
        doc.push(Block::new(BlockKind::Paragraph, "one"));
        doc.push(Block::new(
            BlockKind::Paragraph,
            "aaaa bbbb cccc dddd eeee ffff",
        ));
        doc.section("B", "B");
        doc.push(Block::new(BlockKind::Paragraph, "two"));
        doc.push(Block::new(BlockKind::Paragraph, "three"));
        doc
    }

    #[test]
    fn down_walks_blocks_and_scrolls_through_tall_ones() {
        let doc = doc();
        let layout = lay_out(&doc, 12);
        let view = Viewport {
            doc: &doc,
            layout: &layout,
            height: 2,
        };
        let mut r = Reader::default();
        r.top(&view);
        assert_eq!(r.cursor, 1);
        r.down(&view);
        // The tall block (3 lines + blank) shows its top first...
        assert_eq!((r.cursor, r.scroll), (2, layout.blocks[2].start));
        r.down(&view);
        // ...then scrolls through it before moving on.
        assert_eq!((r.cursor, r.scroll), (2, layout.blocks[2].start + 1));
        r.down(&view);
        assert_eq!(r.cursor, 4);
        assert!(r.problem(&view).is_none());
    }

    #[test]
    fn sections_jump_to_their_heading_and_back() {
        let doc = doc();
        let layout = lay_out(&doc, 12);
        let view = Viewport {
            doc: &doc,
            layout: &layout,
            height: 3,
        };
        let mut r = Reader::default();
        r.top(&view);
        r.next_section(&view);
        assert_eq!(r.cursor, 4);
        assert_eq!(r.current_section(&view), 1);
        r.down(&view);
        r.prev_section(&view);
        assert_eq!(r.cursor, 4, "first back to the start of the section");
        r.prev_section(&view);
        assert_eq!((r.cursor, r.scroll), (1, 0));
    }

    #[test]
    fn paging_and_clamping_keep_the_cursor_in_view() {
        let doc = doc();
        let layout = lay_out(&doc, 12);
        let view = Viewport {
            doc: &doc,
            layout: &layout,
            height: 3,
        };
        let mut r = Reader::default();
        r.top(&view);
        let mut seen = Vec::new();
        for _ in 0..8 {
            r.page_down(&view);
            r.clamp(&view);
            seen.push((r.cursor, r.scroll));
        }
        assert_eq!(r.cursor, 5);
        assert_eq!(r.scroll, view.max_scroll());
        assert!(
            seen.iter().any(|s| s.0 == 2) && seen.iter().any(|s| s.0 == 4),
            "{seen:?}"
        );
        for _ in 0..8 {
            r.page_up(&view);
            r.clamp(&view);
        }
        assert_eq!((r.cursor, r.scroll), (1, 0));
        let mut lost = Reader {
            cursor: 3,
            scroll: 999,
        };
        lost.clamp(&view);
        assert!(lost.problem(&view).is_none());
        assert_eq!(lost.cursor, 4, "a heading is never the cursor");
    }
}
