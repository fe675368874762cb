//! Where everything goes on the screen: pure functions of the terminal
//! area and a few facts of the state. The renderer draws into these regions
//! and `update` hit-tests mouse clicks and sizes its pages with them, so a
//! click always lands on what is drawn. The frame (tabs, body, footer,
//! overlay) is the same for every view; each view splits the body with the
//! helpers below.

use ratatui::layout::{Margin, Rect};

use crate::text;

/// Below this the explorer asks for a larger terminal.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// Below this width the country list and the profile take turns.
pub const NARROW_WIDTH: u16 = 70;
/// The most the explorer draws: a terminal reporting more gets a frame of
/// this size, so that no allocation is sized by what the terminal claims.
pub const MAX_WIDTH: u16 = 1000;
pub const MAX_HEIGHT: u16 = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListArea {
    pub area: Rect,
    /// The title or the filter input.
    pub header: Rect,
    pub rows: Rect,
}

/// A reading pane: a header, the section bar, the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadingArea {
    pub area: Rect,
    pub header: Rect,
    pub bar: Rect,
    pub doc: Rect,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverlayArea {
    pub outer: Rect,
    /// Inside the border.
    pub inner: Rect,
    /// The search overlay's input line and result rows.
    pub input: Rect,
    pub results: Rect,
}

/// The frame every view shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// The terminal is smaller than the minimum: only a message is drawn,
    /// and the regions below are those of the minimum size.
    pub too_small: bool,
    pub tabs: Rect,
    /// What the view lays out for itself.
    pub body: Rect,
    pub footer: Rect,
    pub overlay: OverlayArea,
}

pub fn screen(area: Rect) -> Screen {
    let too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
    let area = Rect {
        width: area.width.max(MIN_WIDTH),
        height: area.height.max(MIN_HEIGHT),
        ..area
    };
    let tabs = Rect { height: 1, ..area };
    let footer = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    Screen {
        too_small,
        tabs,
        body,
        footer,
        overlay: overlay(body),
    }
}

/// The countries view's panes: the list beside the profile on a wide
/// terminal, one of them at a time on a narrow one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListAndReading {
    pub list: Option<ListArea>,
    /// The column between the list and the profile.
    pub divider: Option<Rect>,
    pub reading: Option<ReadingArea>,
}

/// `show_list`: the user wants the list beside the profile (wide
/// terminals); `list_focused`: the list has the keyboard (decides the pane
/// on narrow terminals).
pub fn list_and_reading(body: Rect, show_list: bool, list_focused: bool) -> ListAndReading {
    let wide = body.width >= NARROW_WIDTH;
    let mut panes = ListAndReading {
        list: None,
        divider: None,
        reading: None,
    };
    if wide && show_list {
        let width = list_width(body.width);
        panes.list = Some(list_area(Rect { width, ..body }));
        panes.divider = Some(Rect {
            x: body.x + width,
            width: 1,
            ..body
        });
        let page = Rect {
            x: body.x + width + 1,
            width: body.width - width - 1,
            ..body
        };
        panes.reading = Some(reading_area(page, 2));
    } else if !wide && list_focused {
        panes.list = Some(list_area(body));
    } else {
        panes.reading = Some(reading_area(body, 2));
    }
    panes
}

/// The list takes about a third of the width: room for the longest names,
/// their tier badge and most of the region.
fn list_width(body_width: u16) -> u16 {
    (body_width * 35 / 100).clamp(24, 44)
}

pub fn list_area(area: Rect) -> ListArea {
    ListArea {
        area,
        header: Rect { height: 1, ..area },
        rows: Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        },
    }
}

/// A reading pane with `header_rows` rows of header above its section bar.
/// On an area too short for all of it, the document goes first, then the
/// bar, then the header: what is read matters more than its title.
pub fn reading_area(area: Rect, header_rows: u16) -> ReadingArea {
    let doc_rows = area
        .height
        .saturating_sub(header_rows + 1)
        .max(area.height.min(1));
    let bar_rows = area.height.saturating_sub(doc_rows).min(1);
    let header_rows = area.height - doc_rows - bar_rows;
    ReadingArea {
        area,
        header: Rect {
            height: header_rows,
            ..area
        },
        bar: Rect {
            y: area.y + header_rows,
            height: bar_rows,
            ..area
        },
        doc: Rect {
            y: area.y + header_rows + bar_rows,
            height: doc_rows,
            ..area
        },
    }
}

/// Overlays are centred with a margin where there is room, and take the
/// whole body on small terminals.
fn overlay(body: Rect) -> OverlayArea {
    let width = if body.width >= 40 {
        (body.width - 4).min(100)
    } else {
        body.width
    };
    let height = if body.height >= 12 {
        body.height - 2
    } else {
        body.height
    };
    let outer = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    };
    let inner = outer.inner(Margin::new(1, 1));
    OverlayArea {
        outer,
        inner,
        input: Rect { height: 1, ..inner },
        results: Rect {
            y: inner.y + 2,
            height: inner.height.saturating_sub(2),
            ..inner
        },
    }
}

/// Columns of one width after a column of labels (the matrix's countries,
/// the comparison's): scrolled sideways so that the selected one shows
/// when not all of them fit. Drawing and clicks both place columns with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    /// Width of the labels on the left.
    pub label: u16,
    /// Width of each column, its one-column gap included.
    pub cell: u16,
    /// The first column shown, and how many show.
    pub first: usize,
    pub visible: usize,
    /// How many columns there are.
    pub total: usize,
}

impl Columns {
    /// `visible` of `total` columns of `cell` width after `label`, the
    /// first shown chosen so that `selected` is among them.
    pub fn new(label: u16, cell: u16, visible: usize, total: usize, selected: usize) -> Columns {
        let visible = visible.min(total);
        let first = if visible >= total {
            0
        } else {
            selected
                .saturating_sub(visible.saturating_sub(1))
                .min(total - visible)
        };
        Columns {
            label,
            cell,
            first,
            visible,
            total,
        }
    }

    /// The x offset (from the table's left) of a shown column.
    pub fn x(&self, column: usize) -> Option<u16> {
        let shown = column.checked_sub(self.first)?;
        (shown < self.visible).then(|| self.label + self.cell * shown as u16)
    }

    /// The column drawn at an x offset, if any.
    pub fn column_at(&self, x: u16) -> Option<usize> {
        let inside = x.checked_sub(self.label)?;
        let shown = usize::from(inside / self.cell.max(1));
        (shown < self.visible).then_some(self.first + shown)
    }

    /// The columns drawn, in order.
    pub fn shown(&self) -> std::ops::Range<usize> {
        self.first..self.first + self.visible
    }

    /// Columns of text in a cell (the gap left out).
    pub fn text_width(&self) -> usize {
        usize::from(self.cell.saturating_sub(1)).max(1)
    }

    /// Are there columns scrolled out of view to the left, to the right?
    pub fn more(&self) -> (bool, bool) {
        (self.first > 0, self.first + self.visible < self.total)
    }
}

/// The first row shown of a list of `height` rows, so that the selection
/// is visible. Stateless, so the drawing and the clicks agree on it.
pub fn list_offset(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// One label's place on a one-line bar (tabs, sections).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BarCell {
    pub index: usize,
    pub x: u16,
    pub width: u16,
}

/// Places labels, each padded by a space on either side, on a bar `width`
/// columns wide. When they do not all fit, the bar scrolls so that
/// `current` shows, keeping a column at either end for the ‹ › marks.
pub fn bar_cells(labels: &[String], current: usize, width: u16) -> Vec<BarCell> {
    let widths: Vec<u16> = labels
        .iter()
        .map(|l| u16::try_from(text::width(l) + 2).unwrap_or(u16::MAX))
        .collect();
    let total = widths.iter().fold(0u16, |sum, w| sum.saturating_add(*w));
    let current = current.min(labels.len().saturating_sub(1));
    let (first, margin) = if total <= width {
        (0, 0)
    } else {
        let room = width.saturating_sub(2);
        let span = |from: usize| {
            widths[from..=current]
                .iter()
                .fold(0u16, |s, w| s.saturating_add(*w))
        };
        let mut first = 0;
        while first < current && span(first) > room {
            first += 1;
        }
        (first, 1)
    };
    let limit = width.saturating_sub(margin);
    let mut cells = Vec::new();
    let mut x = margin;
    for (index, &w) in widths.iter().enumerate().skip(first) {
        if x.saturating_add(w) > limit {
            break;
        }
        cells.push(BarCell { index, x, width: w });
        x += w;
    }
    if cells.is_empty() && !labels.is_empty() && limit > margin {
        // Not even the current label fits: show what of it does.
        cells.push(BarCell {
            index: current,
            x: margin,
            width: limit - margin,
        });
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_countries_view_puts_list_beside_profile() {
        let s = screen(Rect::new(0, 0, 120, 40));
        let panes = list_and_reading(s.body, true, true);
        let list = panes.list.unwrap();
        let page = panes.reading.unwrap();
        assert!(!s.too_small);
        assert_eq!((s.tabs.y, s.footer.y), (0, 39));
        assert_eq!(list.area.width, 42);
        assert_eq!(page.area.x, 43);
        assert_eq!(page.area.right(), 120);
        assert_eq!((page.header.height, page.bar.y, page.doc.y), (2, 3, 4));
        assert_eq!(page.doc.bottom(), 39);
    }

    #[test]
    fn narrow_countries_view_shows_one_pane_at_a_time() {
        let body = screen(Rect::new(0, 0, 60, 20)).body;
        let list = list_and_reading(body, true, true);
        assert!(list.list.is_some() && list.reading.is_none());
        assert_eq!(list.list.unwrap().area.width, 60);
        let page = list_and_reading(body, true, false);
        assert!(page.list.is_none() && page.reading.is_some());
        let wide = screen(Rect::new(0, 0, 100, 20)).body;
        let hidden = list_and_reading(wide, false, false);
        assert_eq!(hidden.reading.unwrap().area.width, 100);
    }

    #[test]
    fn below_the_minimum_the_regions_are_those_of_the_minimum() {
        for (w, h) in [(1, 1), (20, 5), (29, 40), (200, 7)] {
            let s = screen(Rect::new(0, 0, w, h));
            assert!(s.too_small);
            assert!(reading_area(s.body, 1).doc.height >= 1);
        }
        let s = screen(Rect::new(0, 0, 30, 8));
        assert!(!s.too_small);
        let panes = list_and_reading(s.body, true, false);
        assert_eq!(panes.reading.unwrap().doc.height, 3);
        assert!(s.overlay.inner.height >= 3);
    }

    #[test]
    fn a_short_reading_area_keeps_the_document_first() {
        for height in 0..6 {
            let r = reading_area(Rect::new(0, 3, 40, height), 2);
            assert_eq!(r.header.height + r.bar.height + r.doc.height, height);
            assert_eq!(r.doc.bottom(), r.area.bottom());
            assert_eq!(r.doc.height, height.min(height.saturating_sub(3).max(1)));
        }
    }

    #[test]
    fn overlay_is_centred_inside_the_body() {
        let s = screen(Rect::new(0, 0, 80, 24));
        assert_eq!(s.overlay.outer, Rect::new(2, 2, 76, 20));
        assert_eq!(s.overlay.inner, Rect::new(3, 3, 74, 18));
        assert_eq!(s.overlay.results.y, 5);
    }

    #[test]
    fn bar_scrolls_to_keep_the_current_label() {
        let labels: Vec<String> = ["one", "two", "three", "four"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let all = bar_cells(&labels, 0, 40);
        assert_eq!(all.len(), 4);
        assert_eq!((all[1].x, all[1].width), (5, 5));
        let scrolled = bar_cells(&labels, 3, 15);
        assert!(scrolled.iter().any(|c| c.index == 3));
        assert!(scrolled.iter().all(|c| c.x >= 1 && c.x + c.width <= 14));
        let tiny = bar_cells(&labels, 2, 4);
        assert_eq!(
            tiny,
            vec![BarCell {
                index: 2,
                x: 1,
                width: 2
            }]
        );
        assert!(bar_cells(&labels, 0, 0).is_empty());
    }

    #[test]
    fn list_offset_keeps_the_selection_visible() {
        assert_eq!(list_offset(0, 5), 0);
        assert_eq!(list_offset(4, 5), 0);
        assert_eq!(list_offset(7, 5), 3);
        assert_eq!(list_offset(3, 0), 3);
    }
}
