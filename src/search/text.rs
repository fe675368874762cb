//! How search reads text: folding case and accents, and cutting a text into
//! words the way a reader of the report would type them.

use std::ops::Range;

/// Lower-case and drop the accents the report uses (Piñeyro, Tecún Umán),
/// so that accents stay optional in a query.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a buffer that is reused, so that indexing copies a word only
/// the first time it is seen.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    out.extend(word.chars().flat_map(char::to_lowercase).map(|c| match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        c => c,
    }));
}

/// Characters that stay inside a number as printed: `1,876`, `9.2`,
/// `137-03`, `2005-2007`, `1/3`.
fn joins_digits(c: char) -> bool {
    matches!(c, ',' | '.' | '-' | '/' | '–')
}

/// Byte ranges of the words of a text: runs of letters and digits, where a
/// number keeps its printed separators (`1,876` and `137-03` are one word
/// each, as a reader types them).
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while chars.next_if(|&(_, c)| !c.is_alphanumeric()).is_some() {}
        let &(start, _) = chars.peek()?;
        let mut end = start;
        let mut last = ' ';
        loop {
            match chars.peek() {
                Some(&(i, c)) if c.is_alphanumeric() => {
                    end = i + c.len_utf8();
                    last = c;
                    chars.next();
                }
                Some(&(i, c)) if joins_digits(c) && last.is_ascii_digit() => {
                    let after = &text[i + c.len_utf8()..];
                    if !after.starts_with(|d: char| d.is_ascii_digit()) {
                        break;
                    }
                    chars.next();
                }
                _ => break,
            }
        }
        Some(start..end)
    })
}

/// The parts of a number joined by a dash or slash (`2005-2007` has
/// `2005` and `2007`), so that a query for either year finds the range.
/// Thousands and decimal separators do not split: `876` is not `1,876`.
pub fn number_parts(word: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let splits = word.starts_with(|c: char| c.is_ascii_digit()) && word.contains(['-', '/', '–']);
    let mut start = 0;
    word.char_indices()
        .filter(move |_| splits)
        .filter(|&(_, c)| matches!(c, '-' | '/' | '–'))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain(splits.then_some((word.len(), word.len())))
        .map(move |(end, next)| {
            let part = start..end;
            start = next;
            part
        })
        .filter(|part| !part.is_empty())
}

/// At most `max` characters of `text`, cut at a character boundary.
pub fn at_most_chars(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        words(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn numbers_keep_their_printed_separators() {
        assert_eq!(
            split("Law 137-03 (2003), 1,876 victims; 9.2 million."),
            ["Law", "137-03", "2003", "1,876", "victims", "9.2", "million"]
        );
        assert_eq!(
            split("socio-economic, G/TIP"),
            ["socio", "economic", "G", "TIP"]
        );
        assert_eq!(split("1.  2005-"), ["1", "2005"]);
    }

    #[test]
    fn ranges_of_numbers_have_parts() {
        let parts = |w: &'static str| number_parts(w).map(|r| &w[r]).collect::<Vec<_>>();
        assert_eq!(parts("2005-2007"), ["2005", "2007"]);
        assert_eq!(parts("137-03"), ["137", "03"]);
        assert!(parts("1,876").is_empty());
        assert!(parts("tip").is_empty());
    }

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Tecún Umán"), "tecun uman");
        assert_eq!(fold("PIÑEYRO"), "pineyro");
    }

    #[test]
    fn a_long_text_is_cut_at_a_character() {
        assert_eq!(at_most_chars("ñandú", 3), "ñan");
        assert_eq!(at_most_chars("ab", 3), "ab");
    }
}
