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
    if !text.chars().any(is_unsafe) {
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
