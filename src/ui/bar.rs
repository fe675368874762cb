//! A one-line bar of labels (the view tabs, a page's sections), drawn from
//! the same cells that clicks are tested against.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::layout::bar_cells;
use crate::text;

/// Draws `labels` with `current` marked by ▸ and `active` (reverse video),
/// and ‹ › where labels are scrolled out of sight.
pub fn render(
    buf: &mut Buffer,
    area: Rect,
    labels: &[String],
    current: usize,
    active: Style,
    inactive: Style,
    edges: Style,
) {
    let cells = bar_cells(labels, current, area.width);
    let (Some(first), Some(last)) = (cells.first(), cells.last()) else {
        return;
    };
    if first.index > 0 {
        buf.set_stringn(area.x, area.y, "‹", 1, edges);
    }
    if last.index + 1 < labels.len() && area.width > 0 {
        buf.set_stringn(area.right() - 1, area.y, "›", 1, edges);
    }
    for cell in &cells {
        let is_current = cell.index == current;
        let marker = if is_current { "▸" } else { " " };
        let label = format!("{marker}{} ", labels[cell.index]);
        let style = if is_current { active } else { inactive };
        let shown = text::truncate(&label, usize::from(cell.width));
        buf.set_stringn(
            area.x + cell.x,
            area.y,
            shown,
            usize::from(cell.width),
            style,
        );
    }
}
