//! The help overlay, generated from the keymap: every binding, grouped by
//! where it applies.

use ratatui::layout::Position;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use ratatui::Frame;

use crate::app::State;
use crate::keymap::help_groups_filtered;
use crate::layout::Screen;
use crate::text;
use crate::theme::Theme;

/// The widest key column; longer key lists are cut.
const KEYS_WIDTH: usize = 22;

/// The help's lines under `filter` (all of them when it is empty).
pub fn lines(theme: &Theme, filter: &str) -> Vec<Line<'static>> {
    let groups = help_groups_filtered(filter);
    let keys_width = groups
        .iter()
        .flat_map(|g| g.rows.iter().map(|(keys, _)| text::width(keys)))
        .max()
        .unwrap_or(0)
        .min(KEYS_WIDTH);
    let mut lines = Vec::new();
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        lines.push(Line::styled(group.title, theme.heading));
        for (keys, description) in &group.rows {
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(text::pad(keys, keys_width), theme.key),
                Span::raw("  "),
                Span::styled(*description, theme.text),
            ]));
        }
    }
    lines
}

/// The overlay: a filter line when there is a filter, the lines from
/// `scroll`, and at the bottom where the view is and how to move it.
pub fn render(
    state: &State,
    frame: &mut Frame,
    screen: &Screen,
    scroll: usize,
    filter: &str,
    typing: bool,
) {
    let theme = &state.theme;
    let area = screen.overlay.outer;
    let buf = frame.buffer_mut();
    Clear.render(area, buf);
    let mut inner = screen.overlay.inner;
    let all = lines(theme, filter);
    let height = usize::from(
        inner
            .height
            .saturating_sub(u16::from(typing || !filter.is_empty())),
    );
    let total = all.len();
    let last = (scroll + height).min(total);
    let position = if total == 0 {
        " no key matches ".to_string()
    } else if total > height {
        format!(" {}-{last} of {total} · ↓ more · / filters ", scroll + 1)
    } else {
        " / filters ".to_string()
    };
    Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(" Help: keys ", theme.title))
        .title_bottom(Line::styled(position, theme.meta).right_aligned())
        .render(area, buf);
    if typing || !filter.is_empty() {
        let prompt = "/ ";
        let line = Line::from(vec![
            Span::styled(prompt, theme.key),
            Span::styled(filter.to_string(), theme.input),
        ]);
        buf.set_line(inner.x, inner.y, &line, inner.width);
        if typing {
            let x = usize::from(inner.x) + text::width(prompt) + text::width(filter);
            let x = (x as u16).min(inner.right().saturating_sub(1));
            frame.set_cursor_position(Position::new(x, inner.y));
        }
        inner.y += 1;
        inner.height = inner.height.saturating_sub(1);
    }
    let buf = frame.buffer_mut();
    for (row, line) in all
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        buf.set_line(inner.x, inner.y + row as u16, line, inner.width);
    }
}
