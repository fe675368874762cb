//! The field notebook overlay (every bookmark and note, grouped by country
//! and section, each with its place's first words and source line) and the
//! note editor.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use crate::action::Action;
use crate::app::{EditorBox, NotebookBox, State};
use crate::keymap::{self, Context};
use crate::layout::Screen;
use crate::notebook::output::{self, first_words, marks, FIRST_WORDS};
use crate::text;

/// The first key of an action in a context, as the keymap in use has it.
fn key_of(context: Context, action: Action) -> String {
    keymap::active()
        .bindings()
        .find(|(b, _)| b.context == context && b.action == action)
        .and_then(|(_, keys)| keys.first())
        .map_or_else(|| "(no key)".into(), |k| k.label())
}

/// The overlay's lines, and the first and last line of each entry.
fn lines<'s>(state: &'s State, selected: usize) -> (Vec<Line<'s>>, Option<(usize, usize)>) {
    let theme = &state.theme;
    let mut out: Vec<Line> = Vec::new();
    let mut span_of_selected = None;
    if let Some(problem) = state.notebook_problem() {
        out.push(Line::styled(
            format!("Notes are not saved: {problem}"),
            theme.notice,
        ));
        out.push(Line::default());
    }
    let groups = output::grouped(state.data, &state.notebook, &state.catalog);
    if groups.is_empty() {
        out.push(Line::styled(
            format!(
                "No bookmarks or notes yet: on an item, a key figure or a paragraph, \
                 {} bookmarks it and {} writes a note.",
                key_of(Context::Reading, Action::ToggleBookmark),
                key_of(Context::Reading, Action::EditNote)
            ),
            theme.meta,
        ));
    }
    let mut country = None;
    let mut row_index = 0;
    for group in &groups {
        if country != Some(&group.country) {
            if country.is_some() {
                out.push(Line::default());
            }
            out.push(Line::styled(group.country.clone(), theme.heading));
            country = Some(&group.country);
        }
        if !group.section.is_empty() {
            out.push(Line::styled(
                format!(" {}", group.section),
                theme.subheading,
            ));
        }
        for row in &group.rows {
            let first = out.len();
            let is_selected = row_index == selected;
            let patch = if is_selected {
                theme.selected
            } else {
                Style::new()
            };
            let marker = if is_selected { "▶ " } else { "  " };
            let mut head = vec![
                Span::styled(marker, theme.marker),
                Span::styled(format!("{} ", marks(row.entry)), theme.tag.patch(patch)),
                Span::styled(row.context().to_string(), theme.title.patch(patch)),
            ];
            if let Some(line) = row.line() {
                head.push(Span::styled(
                    format!(" · line {line}"),
                    theme.meta.patch(patch),
                ));
            }
            out.push(Line::from(head));
            out.push(Line::styled(
                format!("    “{}”", first_words(row.text(), FIRST_WORDS)),
                theme.quote,
            ));
            for note_line in row.entry.note.lines().take(3) {
                out.push(Line::styled(format!("    {note_line}"), theme.text));
            }
            if is_selected {
                span_of_selected = Some((first, out.len() - 1));
            }
            row_index += 1;
        }
    }
    (out, span_of_selected)
}

pub fn render(state: &State, buf: &mut Buffer, screen: &Screen, notebook: &NotebookBox) {
    let theme = &state.theme;
    let (area, inner) = (screen.overlay.outer, screen.overlay.inner);
    Clear.render(area, buf);
    let count = state.notebook.len();
    let title = format!(
        " Field notebook: {count} entr{} ",
        if count == 1 { "y" } else { "ies" }
    );
    Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(title, theme.title))
        .render(area, buf);
    let (lines, selected) = lines(state, notebook.selected);
    let height = usize::from(inner.height);
    // The selected entry in view, whole if it fits.
    let scroll = selected.map_or(0, |(first, last)| {
        (last + 1).saturating_sub(height).min(first)
    });
    for (row, line) in lines.iter().skip(scroll).take(height).enumerate() {
        let line = text::ellipsize_line(line.clone(), usize::from(inner.width));
        buf.set_line(inner.x, inner.y + row as u16, &line, inner.width);
    }
}

pub fn render_editor(state: &State, buf: &mut Buffer, screen: &Screen, editor: &EditorBox) {
    let theme = &state.theme;
    let (area, inner) = (screen.overlay.outer, screen.overlay.inner);
    Clear.render(area, buf);
    let title = text::ellipsize(
        &format!(" Note on {} ", editor.context),
        usize::from(area.width.saturating_sub(4)),
    );
    Block::bordered()
        .border_style(theme.border)
        .title(Line::styled(title, theme.title))
        .render(area, buf);
    if inner.height < 3 {
        return;
    }
    let on = state.catalog.place(&editor.id).map_or("", |p| p.text);
    let quote = format!("“{}”", first_words(on, FIRST_WORDS * 2));
    let quote = text::ellipsize(&quote, usize::from(inner.width));
    buf.set_stringn(
        inner.x,
        inner.y,
        quote,
        usize::from(inner.width),
        theme.quote,
    );
    let mut text_area = inner;
    text_area.y += 2;
    text_area.height -= 2;
    (&state.editor).render(text_area, buf);
}
