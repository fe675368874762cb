//! Text measured in terminal columns. The report has accented names
//! (Piñeyro, Tecún Umán) and typographic quotes: bytes and chars are not
//! columns, so every width goes through unicode-width.

use std::ops::Range;

use textwrap::core::{break_words, Word};
use textwrap::wrap_algorithms::wrap_first_fit;
use textwrap::WordSeparator;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `text` takes on screen.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Byte ranges of the lines that `line` (without newlines) wraps into at
/// `width` columns; always at least one (empty) line. Ranges rather than
/// strings so that styles given as byte ranges (a bold lead sentence, search
/// highlights) can be carried over to the wrapped lines.
pub fn wrap_ranges(line: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let words: Vec<Word> = WordSeparator::AsciiSpace.find_words(line).collect();
    let words = break_words(words, width);
    // Every word is a slice of `line`, so its address gives its offset.
    let offset = |s: &str| s.as_ptr() as usize - line.as_ptr() as usize;
    let mut lines: Vec<Range<usize>> = wrap_first_fit(&words, &[width as f64])
        .iter()
        .filter_map(|words| {
            let (first, last) = (words.first()?, words.last()?);
            Some(offset(first.word)..offset(last.word) + last.word.len())
        })
        .collect();
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// The longest prefix of `text` that fits in `width` columns.
pub fn truncate(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            return &text[..i];
        }
    }
    text
}

/// A line of styled spans cut to `width` columns, with an ellipsis (in the
/// style of the span it cuts) where something was cut.
pub fn ellipsize_line(line: ratatui::text::Line<'_>, width: usize) -> ratatui::text::Line<'_> {
    let total: usize = line.spans.iter().map(|s| self::width(&s.content)).sum();
    if total <= width {
        return line;
    }
    if width == 0 {
        return ratatui::text::Line::default();
    }
    let mut room = width;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = self::width(&span.content);
        if w < room {
            room -= w;
            spans.push(span);
            continue;
        }
        // Something follows, so this span gives up a column to the ellipsis.
        let content = format!("{}…", truncate(&span.content, room - 1));
        spans.push(ratatui::text::Span::styled(content, span.style));
        break;
    }
    ratatui::text::Line::from(spans)
}

/// `text` cut to `width` columns with an ellipsis where something was cut.
pub fn ellipsize(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    format!("{}…", truncate(text, width - 1))
}

/// `text` padded with spaces (or cut) to exactly `width` columns.
pub fn pad(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    format!("{cut}{}", " ".repeat(width - self::width(cut)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        wrap_ranges(text, width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn wraps_on_spaces_and_keeps_offsets() {
        assert_eq!(
            wrapped("Gladys Piñeyro and Tecún Umán", 14),
            vec!["Gladys Piñeyro", "and Tecún Umán"]
        );
    }

    #[test]
    fn breaks_words_longer_than_the_line() {
        assert_eq!(wrapped("abcdefgh ij", 3), vec!["abc", "def", "gh", "ij"]);
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap_ranges("", 10), vec![0..0]);
        assert_eq!(wrapped("abc", 0), vec!["a", "b", "c"]);
    }

    #[test]
    fn widths_count_columns_not_bytes() {
        assert_eq!(width("Tecún"), 5);
        assert_eq!(truncate("Tecún Umán", 4), "Tecú");
        assert_eq!(ellipsize("Tecún Umán", 6), "Tecún…");
        assert_eq!(pad("ñ", 3), "ñ  ");
        assert_eq!(ellipsize("abc", 0), "");
    }

    #[test]
    fn a_line_too_long_ends_in_an_ellipsis_in_its_own_style() {
        use ratatui::style::Style;
        use ratatui::text::{Line, Span};
        let bold = Style::new().bold();
        let line = || {
            Line::from(vec![
                Span::raw("T2W "),
                Span::styled("assessed Tecún", bold),
            ])
        };
        let fitted = ellipsize_line(line(), 10);
        let text: String = fitted.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "T2W asses…");
        assert_eq!(fitted.spans[1].style, bold);
        assert_eq!(ellipsize_line(line(), 18), line(), "it fits: untouched");
        assert_eq!(ellipsize_line(line(), 4).spans[0].content, "T2W…");
        assert!(ellipsize_line(line(), 0).spans.is_empty());
    }
}
