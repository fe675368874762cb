//! The search overlay: the query, then the hits, each with its kind and
//! context and the text around its first match, matched words highlighted.

use std::ops::Range;

use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};
use ratatui::Frame;

use super::reading::styled_line;
use crate::app::{Scope, SearchBox, State};
use crate::doc::lines::styled;
use crate::doc::{self, DocLine, Role};
use crate::layout::{list_offset, Screen};
use crate::search::Hit;
use crate::text;

/// Rows each hit takes: its kind and context, then the text.
const ROWS_PER_HIT: u16 = 2;

pub fn render(state: &State, frame: &mut Frame, screen: &Screen, search: &SearchBox) {
    let theme = &state.theme;
    let overlay = &screen.overlay;
    let buf = frame.buffer_mut();
    Clear.render(overlay.outer, buf);
    Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(" Search the report ", theme.title))
        .render(overlay.outer, buf);

    let input = overlay.input;
    let prompt = "/ ";
    let line = Line::from(vec![
        Span::styled(prompt, theme.key),
        Span::styled(search.query.as_str(), theme.input),
    ]);
    buf.set_line(input.x, input.y, &line, input.width);

    let place = match search.scope {
        Scope::Everywhere => "everywhere".to_string(),
        Scope::Country(c) => format!(
            "in {}",
            state.data.countries.get(c).map_or("?", |c| c.name.as_str())
        ),
        Scope::Region => "in the regional parts".to_string(),
    };
    let count = match (search.query.trim().is_empty(), state.hits.len()) {
        (true, _) => format!(
            "Countries, items, figures, organizations, places, glossary… ({place}; Tab: where)"
        ),
        (false, 0) => format!("No match {place} (Tab: where)"),
        (false, n) => format!(
            "{}/{n} match{} {place} (Tab: where)",
            search.selected + 1,
            if n == 1 { "" } else { "es" }
        ),
    };
    let count = text::ellipsize(&count, usize::from(input.width));
    if overlay.inner.height > 1 {
        buf.set_stringn(
            input.x,
            input.y + 1,
            count,
            usize::from(input.width),
            theme.meta,
        );
    }
    render_hits(state, buf, overlay.results, search.selected);

    let x = usize::from(input.x) + text::width(prompt) + text::width(&search.query);
    let x = (x as u16).min(input.right().saturating_sub(1));
    frame.set_cursor_position(Position::new(x, input.y));
}

fn render_hits(state: &State, buf: &mut ratatui::buffer::Buffer, area: Rect, selected: usize) {
    let theme = &state.theme;
    let visible = usize::from((area.height / ROWS_PER_HIT).max(1));
    let offset = list_offset(selected, visible);
    let snippet_width = usize::from(area.width.saturating_sub(2));
    for (n, hit) in state.hits.iter().enumerate().skip(offset).take(visible) {
        let y = area.y + (n - offset) as u16 * ROWS_PER_HIT;
        if y >= area.bottom() {
            break;
        }
        let entry = &state.data.search[hit.entry];
        let is_selected = n == selected;
        let patch = if is_selected {
            theme.selected
        } else {
            Style::new()
        };
        let marker = if is_selected { "▶ " } else { "  " };
        let mut spans = vec![
            Span::styled(marker, theme.marker.patch(patch)),
            Span::styled(format!("[{}] ", entry.kind), theme.meta.patch(patch)),
            Span::styled(entry.context.as_str(), theme.label.patch(patch)),
        ];
        // A guess says so: letters in order only, or not every word.
        if hit.loose {
            spans.push(Span::styled(" ~letters in order", theme.meta.patch(patch)));
        }
        if hit.rank.words < hit.rank.of {
            spans.push(Span::styled(
                format!(" ({} of {} words)", hit.rank.words, hit.rank.of),
                theme.meta.patch(patch),
            ));
        }
        // The reader's bookmark and note on the hit, as under items.
        if let Some(note) = state.annotations.of(Some(entry.target)) {
            let mark = match (note.bookmark, note.note.is_empty()) {
                (true, false) => " ★ ✎",
                (true, true) => " ★",
                (false, _) => " ✎",
            };
            spans.push(Span::styled(mark, theme.tag.patch(patch)));
        }
        let head = text::ellipsize_line(Line::from(spans), usize::from(area.width));
        let rows = Rect {
            y,
            height: ROWS_PER_HIT.min(area.bottom() - y),
            ..area
        };
        buf.set_style(rows, patch);
        buf.set_line(area.x, y, &head, area.width);
        if rows.height > 1 {
            let snippet = snippet(&entry.text, hit, snippet_width);
            let line = styled_line(&snippet, theme, patch);
            buf.set_line(area.x + 2, y + 1, &line, area.width.saturating_sub(2));
        }
    }
}

/// The text around the hit's first match, fitting `width` columns, with
/// "…" where it is cut and the matched words as [`Role::Match`].
pub fn snippet(text: &str, hit: &Hit, width: usize) -> DocLine {
    let first = hit.highlights.first().map_or(0, |r| r.start);
    // Some words of context before the match: about a third of the width.
    let mut start = first;
    let mut lead = 0;
    for (i, c) in text[..first].char_indices().rev() {
        lead += text::width(c.encode_utf8(&mut [0; 4]));
        if lead > width / 3 {
            break;
        }
        start = i;
    }
    if start > 0 {
        // Begin at a word, not inside one.
        if let Some(space) = text[start..first].find(' ') {
            start += space + 1;
        }
    }
    let room = width.saturating_sub(if start > 0 { 1 } else { 0 });
    let end = start + text::truncate(&text[start..], room).len();
    let end = if end < text.len() && room > 0 {
        // Leave a column for the closing ellipsis.
        start + text::truncate(&text[start..], room - 1).len()
    } else {
        end
    };
    let runs: Vec<(Range<usize>, Role)> = hit
        .highlights
        .iter()
        .map(|r| (r.clone(), Role::Match))
        .collect();
    let mut spans = Vec::new();
    if start > 0 {
        spans.push(doc::Span {
            text: "…".into(),
            role: Role::Meta,
        });
    }
    for mut span in styled(text, start..end, &runs, Role::Text) {
        span.text = span.text.replace('\n', " ");
        spans.push(span);
    }
    if end < text.len() {
        spans.push(doc::Span {
            text: "…".into(),
            role: Role::Meta,
        });
    }
    DocLine { block: None, spans }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hit's highlights: one range (a `vec![range]` reads like a range of numbers).
    fn one_range(range: Range<usize>) -> Vec<Range<usize>> {
        std::iter::once(range).collect()
    }

    fn shown(line: &DocLine) -> String {
        line.spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn snippet_centres_on_the_first_match_and_fits() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let at = text.find("nine").unwrap();
        let hit = Hit {
            entry: 0,
            score: 1,
            highlights: one_range(at..at + 4),
            ..Hit::default()
        };
        let line = snippet(text, &hit, 24);
        let s = shown(&line);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("nine"));
        assert!(text::width(&s) <= 24, "{s}");
        let matched: Vec<&str> = line
            .spans
            .iter()
            .filter(|s| s.role == Role::Match)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(matched, vec!["nine"]);
    }

    #[test]
    fn short_text_is_shown_whole_and_newlines_flattened() {
        let hit = Hit {
            entry: 0,
            score: 1,
            highlights: one_range(0..3),
            ..Hit::default()
        };
        assert_eq!(shown(&snippet("one\n\ntwo", &hit, 40)), "one  two");
        assert_eq!(shown(&snippet("one two", &hit, 0)), "…");
    }
}
