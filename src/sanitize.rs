//! Dataset text is shown in a terminal: a stray ESC, a C1 control or a bidi
//! override in a JSON string must not be able to act on it. Every string is
//! passed through [`clean`] once, when the dataset is loaded, so no later
//! code path (explorer, text output, export) can forget to.

use std::borrow::Cow;

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        // bidirectional embeddings, overrides and isolates reorder what is shown
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Removes control characters (except newline; tab becomes a space) and
/// bidi controls. Returns the input unchanged when it is already clean.
pub fn clean(text: &str) -> Cow<'_, str> {
    // Nearly all of the dataset is printable ASCII: check bytes first, and
    // look up Unicode properties only for the few strings that need it.
    let plain_ascii = text
        .bytes()
        .all(|b| (b' '..0x7f).contains(&b) || b == b'\n');
    if plain_ascii || !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                c if is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Whether JSON text certainly has nothing for [`clean`] to remove: no
/// control or bidi character written raw, and no `\u` escape, which could
/// spell one. A byte scan, so that the common case skips [`clean_json`].
pub fn is_clean_json(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    // Only these bytes can start something unsafe; the rest are skipped by
    // a loop simple enough for the compiler to vectorize.
    let suspect = |b: u8| (b < b' ' && b != b'\n') || matches!(b, 0x7f | b'\\' | 0xc2 | 0xe2);
    while let Some(skip) = bytes[i..].iter().position(|&b| suspect(b)) {
        i += skip;
        let at = |k: usize| bytes.get(k).copied().unwrap_or(0);
        let clean = match bytes[i] {
            b'\n' | b'\r' | b'\t' => true,
            0..=0x1f | 0x7f => false,
            b'\\' => {
                // `\\` is an escaped backslash, whatever follows: skip both.
                if at(i + 1) == b'\\' {
                    i += 1;
                    true
                } else {
                    at(i + 1) != b'u'
                }
            }
            // U+0080..U+009F (C1 controls)
            0xc2 => !(0x80..=0x9f).contains(&at(i + 1)),
            // U+202A..U+202E, U+2066..U+2069 (bidi controls)
            0xe2 => !matches!(
                (at(i + 1), at(i + 2)),
                (0x80, 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
            ),
            _ => true,
        };
        if !clean {
            return false;
        }
        i += 1;
    }
    true
}

/// Cleans every string of a JSON value in place.
pub fn clean_json(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => {
            if let Cow::Owned(cleaned) = clean(s) {
                *s = cleaned;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(clean_json),
        serde_json::Value::Object(map) => map.values_mut().for_each(clean_json),
        _ => {}
    }
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
    fn newlines_kept_tabs_become_spaces_bidi_removed() {
        assert_eq!(clean("a\tb\nc\u{202E}d\u{2066}"), "a b\ncd");
    }

    #[test]
    fn json_text_that_could_spell_a_control_takes_the_slow_path() {
        assert!(is_clean_json(
            "{\"a\": \"Piñeyro – “quoted”\",\n\t\"b\": 1}"
        ));
        assert!(is_clean_json("\"a\\\\u\""), "an escaped backslash before u");
        for unsafe_text in [
            "\"\\u001b[31m\"",
            "\"a\u{1b}b\"",
            "\"\u{85}\"",
            "\"\u{202E}\"",
            "\"\u{2066}\"",
            "\"\u{7f}\"",
        ] {
            assert!(!is_clean_json(unsafe_text), "{unsafe_text:?}");
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(clean("Piñeyro – “quoted”"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_strings_are_cleaned_at_any_depth() {
        let mut v = serde_json::json!({"a": ["x\u{1b}y", {"b": "\u{85}z"}], "n": 1});
        clean_json(&mut v);
        assert_eq!(v, serde_json::json!({"a": ["xy", {"b": "z"}], "n": 1}));
    }
}
