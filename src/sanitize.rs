//! Dataset text is shown in a terminal and copied to the clipboard: a stray
//! ESC, a carriage return, a C1 control or a bidi override in a JSON string
//! must not be able to act on either, and a zero-width joiner or a lone
//! skin-tone modifier must not make a row wider or narrower than measured.
//! Every dataset string is cleaned once, when the dataset is loaded, by the
//! rule of its field ([`clean`] for one-line fields, [`clean_prose`] for
//! paragraphs), so that no later code path can forget to.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// Characters that end a line, as JSON's short escapes (`\n`, `\r`, `\f`)
/// or Unicode's own separators (NEL, U+2028 line, U+2029 paragraph).
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Characters dropped wherever they are: controls, bidi controls (they
/// reorder what is shown), and invisible format characters whose drawn
/// width differs between terminals (zero-width space and joiners, BOM,
/// variation selectors, tags, soft hyphen, skin-tone modifiers).
fn is_dropped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{1F3FB}'..='\u{1F3FF}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// Combining marks kept on one base character; more only stack upwards
/// out of the row ("zalgo" text).
const MAX_MARKS_PER_BASE: usize = 4;

/// What a field may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Names, labels, ids, values, titles, quotes: one line.
    OneLine,
    /// Paragraph text: lines joined, paragraphs separated by exactly "\n\n".
    Prose,
}

/// Cleans a one-line field: every run of line breaks and every tab becomes
/// one space; controls, bidi and invisible format characters are dropped;
/// combining marks are kept only on a visible base character.
pub fn clean(text: &str) -> Cow<'_, str> {
    clean_as(text, Shape::OneLine)
}

/// Cleans paragraph text like [`clean`], except that a run of line breaks
/// holding a paragraph break (two newlines, CRLF counted as one, or U+2029)
/// becomes the dataset's paragraph break "\n\n"; a single line break
/// becomes a space.
pub fn clean_prose(text: &str) -> Cow<'_, str> {
    clean_as(text, Shape::Prose)
}

/// Cleans `text` by the rule of `shape`; borrowed when nothing changed.
pub fn clean_as(text: &str, shape: Shape) -> Cow<'_, str> {
    // Nearly all of the dataset is printable text that needs no change (in
    // prose, unless its newlines are not the paragraph break "\n\n"): it is
    // recognised without building a copy. Unicode tables are looked up only
    // for the few characters outside ASCII.
    let plain = text.chars().all(|c| {
        if c.is_ascii() {
            (' '..='~').contains(&c) || c == '\n'
        } else {
            !is_line_break(c) && !is_dropped(c) && c.width() != Some(0)
        }
    });
    let has_newline = text.contains('\n');
    if plain && (!has_newline || (shape == Shape::Prose && breaks_are_paragraphs(text))) {
        return Cow::Borrowed(text);
    }
    let cleaned = rebuild(text, shape);
    if cleaned == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(cleaned)
    }
}

/// Whether every newline of `text` is part of an inner "\n\n" break.
fn breaks_are_paragraphs(text: &str) -> bool {
    text.split("\n\n")
        .all(|part| !part.is_empty() && !part.contains('\n'))
}

fn rebuild(text: &str, shape: Shape) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    // Combining marks seen since the last base character; None when there
    // is no visible base for a mark to sit on.
    let mut marks: Option<usize> = None;
    while let Some(c) = chars.next() {
        if is_line_break(c) {
            let mut newlines = 0;
            let mut paragraph = c == '\u{2029}';
            let mut previous = c;
            count_break(&mut newlines, '\0', c);
            while let Some(&next) = chars.peek().filter(|&&n| is_line_break(n)) {
                paragraph |= next == '\u{2029}';
                count_break(&mut newlines, previous, next);
                previous = next;
                chars.next();
            }
            let at_edge = out.is_empty() || chars.peek().is_none();
            if shape == Shape::Prose && (paragraph || newlines >= 2) && !at_edge {
                out.push_str("\n\n");
            } else {
                out.push(' ');
            }
            marks = None;
        } else if c == '\t' {
            out.push(' ');
            marks = None;
        } else if is_dropped(c) {
        } else if c.width() == Some(0) {
            if let Some(n) = marks.as_mut().filter(|n| **n < MAX_MARKS_PER_BASE) {
                *n += 1;
                out.push(c);
            }
        } else {
            out.push(c);
            marks = (!c.is_whitespace()).then_some(0);
        }
    }
    out
}

/// Counts the lines a break ends: CR LF is one line end, not two.
fn count_break(newlines: &mut usize, previous: char, c: char) {
    if !(previous == '\r' && c == '\n') {
        *newlines += 1;
    }
}

/// `text` cut to `max` characters, with "…" where it was cut: for values
/// echoed into messages, which must stay readable whatever their size.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// Cuts every double-quoted or backquoted value in a message to `max`
/// characters: serde echoes the offending value whole, which for a 50 MB
/// string is a 50 MB message.
pub fn shorten_quoted(message: &str, max: usize) -> Cow<'_, str> {
    let mut out = String::new();
    let mut rest = message;
    let mut changed = false;
    while let Some(open) = rest.find(['"', '`']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        let inner_start = open + 1;
        let Some(len) = rest[inner_start..].find(quote) else {
            break;
        };
        let inner = &rest[inner_start..inner_start + len];
        let short = shorten(inner, max);
        changed |= matches!(short, Cow::Owned(_));
        out.push_str(&rest[..inner_start]);
        out.push_str(&short);
        out.push(quote);
        rest = &rest[inner_start + len + 1..];
    }
    if !changed {
        return Cow::Borrowed(message);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Cleans a message of several lines line by line: for what tipx writes to
/// stderr, whose line breaks are its own.
pub fn clean_lines(text: &str) -> Cow<'_, str> {
    if text
        .lines()
        .all(|line| matches!(clean(line), Cow::Borrowed(_)))
    {
        return Cow::Borrowed(text);
    }
    let lines: Vec<Cow<str>> = text.split('\n').map(clean).collect();
    Cow::Owned(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_cannot_act() {
        let cleaned = clean("red \u{1b}[31mtext\u{7}\u{9b}2J end");
        assert!(!cleaned.chars().any(|c| c.is_control()));
        assert_eq!(cleaned, "red [31mtext2J end");
    }

    #[test]
    fn one_line_fields_get_spaces_for_every_break() {
        assert_eq!(clean("Ecuador\rFAKE\u{8}"), "Ecuador FAKE");
        assert_eq!(
            clean("a\tb\r\n\r\nc\u{c}d\u{2028}e\u{2029}f"),
            "a b c d e f"
        );
        assert_eq!(clean("c\u{202E}d\u{2066}"), "cd");
    }

    #[test]
    fn prose_keeps_only_paragraph_breaks() {
        assert_eq!(clean_prose("one\ntwo\n\nthree"), "one two\n\nthree");
        assert_eq!(clean_prose("a\r\nb\r\n\r\nc"), "a b\n\nc");
        assert_eq!(clean_prose("a\n\n\n\nb\u{2029}c\u{2028}d"), "a\n\nb\n\nc d");
        assert_eq!(clean_prose("\n\nlead and trail\n\n"), " lead and trail ");
        assert!(matches!(clean_prose("p one.\n\np two."), Cow::Borrowed(_)));
    }

    #[test]
    fn invisible_and_lone_modifiers_are_dropped() {
        // ZWJ family emoji: the joiner goes, the people stay.
        assert_eq!(
            clean("a\u{1F468}\u{200D}\u{1F469}b"),
            "a\u{1F468}\u{1F469}b"
        );
        // A skin-tone modifier alone, or after a base, goes.
        assert_eq!(clean("\u{1F3FD}x\u{1F44D}\u{1F3FD}"), "x\u{1F44D}");
        // A combining acute on a letter stays; at the start or after a space it goes.
        assert_eq!(clean("e\u{301} \u{301}x"), "e\u{301} x");
        assert_eq!(clean("\u{301}"), "");
        let zalgo = format!("a{}", "\u{301}".repeat(50));
        assert_eq!(clean(&zalgo).chars().count(), 1 + MAX_MARKS_PER_BASE);
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("Piñeyro – “quoted”"), Cow::Borrowed(_)));
    }

    #[test]
    fn long_quoted_values_are_cut() {
        let long = "x".repeat(100);
        let message = format!("invalid type: string \"{long}\", expected u32");
        let short = shorten_quoted(&message, 60);
        assert_eq!(
            short,
            format!("invalid type: string \"{}…\", expected u32", "x".repeat(60))
        );
        assert!(matches!(
            shorten_quoted("unknown field `a`", 60),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn messages_keep_their_own_lines() {
        assert_eq!(clean_lines("one \u{1b}]2;x\u{7}\ntwo\r"), "one ]2;x\ntwo ");
    }
}
