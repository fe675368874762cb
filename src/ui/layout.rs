//! Where everything goes on the screen: a pure function of the terminal
//! area and a few facts of the state. The renderer draws into these regions
//! and `update` hit-tests mouse clicks and sizes its pages with them, so a
//! click always lands on what is drawn.

use ratatui::layout::{Margin, Rect};

use super::text;
use crate::app::View;

/// Below this the explorer asks for a larger terminal.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// Below this width the country list and the profile take turns.
pub const NARROW_WIDTH: u16 = 70;

/// What of the state the layout depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutInput {
    pub view: View,
    /// The user wants the country list beside the profile (wide terminals).
    pub show_list: bool,
    /// The country list has the keyboard (decides the pane on narrow terminals).
    pub list_focused: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListArea {
    pub area: Rect,
    /// The title or the filter input.
    pub header: Rect,
    pub rows: Rect,
}

/// A reading page: a header, the section bar, the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageArea {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// The terminal is smaller than the minimum: only a message is drawn,
    /// and the regions below are those of the minimum size.
    pub too_small: bool,
    pub tabs: Rect,
    pub body: Rect,
    pub footer: Rect,
    pub list: Option<ListArea>,
    /// The column between the list and the profile.
    pub divider: Option<Rect>,
    pub page: Option<PageArea>,
    /// The one-line notice of the views still to come.
    pub notice: Option<Rect>,
    pub overlay: OverlayArea,
}

pub fn layout(area: Rect, input: LayoutInput) -> Screen {
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
    let mut screen = Screen {
        too_small,
        tabs,
        body,
        footer,
        list: None,
        divider: None,
        page: None,
        notice: None,
        overlay: overlay(body),
    };
    match input.view {
        View::Countries => {
            let wide = area.width >= NARROW_WIDTH;
            if wide && input.show_list {
                let width = list_width(body.width);
                screen.list = Some(list_area(Rect { width, ..body }));
                screen.divider = Some(Rect {
                    x: body.x + width,
                    width: 1,
                    ..body
                });
                let page = Rect {
                    x: body.x + width + 1,
                    width: body.width - width - 1,
                    ..body
                };
                screen.page = Some(page_area(page, 2));
            } else if !wide && input.list_focused {
                screen.list = Some(list_area(body));
            } else {
                screen.page = Some(page_area(body, 2));
            }
        }
        View::Region => screen.page = Some(page_area(body, 1)),
        View::Matrix | View::Compare => screen.notice = Some(body),
    }
    screen
}

/// The list takes about a third of the width: room for the longest names,
/// their tier badge and most of the region.
fn list_width(body_width: u16) -> u16 {
    (body_width * 35 / 100).clamp(24, 44)
}

fn list_area(area: Rect) -> ListArea {
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

fn page_area(area: Rect, header_rows: u16) -> PageArea {
    PageArea {
        area,
        header: Rect {
            height: header_rows,
            ..area
        },
        bar: Rect {
            y: area.y + header_rows,
            height: 1,
            ..area
        },
        doc: Rect {
            y: area.y + header_rows + 1,
            height: area.height - header_rows - 1,
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

    fn input(view: View, show_list: bool, list_focused: bool) -> LayoutInput {
        LayoutInput {
            view,
            show_list,
            list_focused,
        }
    }

    #[test]
    fn wide_countries_view_puts_list_beside_profile() {
        let s = layout(Rect::new(0, 0, 120, 40), input(View::Countries, true, true));
        let list = s.list.unwrap();
        let page = s.page.unwrap();
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
        let area = Rect::new(0, 0, 60, 20);
        let list = layout(area, input(View::Countries, true, true));
        assert!(list.list.is_some() && list.page.is_none());
        assert_eq!(list.list.unwrap().area.width, 60);
        let page = layout(area, input(View::Countries, true, false));
        assert!(page.list.is_none() && page.page.is_some());
        let hidden = layout(
            Rect::new(0, 0, 100, 20),
            input(View::Countries, false, false),
        );
        assert_eq!(hidden.page.unwrap().area.width, 100);
    }

    #[test]
    fn below_the_minimum_the_regions_are_those_of_the_minimum() {
        for (w, h) in [(1, 1), (20, 5), (29, 40), (200, 7)] {
            let s = layout(Rect::new(0, 0, w, h), input(View::Region, true, true));
            assert!(s.too_small);
            assert!(s.page.unwrap().doc.height >= 1);
        }
        let s = layout(Rect::new(0, 0, 30, 8), input(View::Countries, true, false));
        assert!(!s.too_small);
        assert_eq!(s.page.unwrap().doc.height, 3);
        assert!(s.overlay.inner.height >= 3);
    }

    #[test]
    fn overlay_is_centred_inside_the_body() {
        let s = layout(Rect::new(0, 0, 80, 24), input(View::Matrix, true, true));
        assert_eq!(s.overlay.outer, Rect::new(2, 2, 76, 20));
        assert_eq!(s.overlay.inner, Rect::new(3, 3, 74, 18));
        assert_eq!(s.overlay.results.y, 5);
        assert_eq!(s.notice, Some(s.body));
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
