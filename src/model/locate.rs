//! Finds where a JSON path (`lessons_learned[2].themes[0]`) sits in a file's
//! text, so that semantic problems can be reported as `file:line:col` like
//! syntax errors are. serde_json keeps no spans, so this is a small scanner
//! that skips values until it reaches the path, or indexes every value's
//! position in one pass when a file has many problems.

use std::collections::HashMap;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// Renders a path the way `serde_path_to_error` does: `a.b[2].c`.
pub fn path_to_string(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Parses `a.b[2].c` back into steps.
pub fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty() && *p != "?") {
        let mut rest = part;
        if let Some(bracket) = rest.find('[') {
            let key = &rest[..bracket];
            if !key.is_empty() {
                steps.push(Step::Key(key.to_string()));
            }
            rest = &rest[bracket..];
            while let Some(stripped) = rest.strip_prefix('[') {
                let Some(end) = stripped.find(']') else { break };
                if let Ok(i) = stripped[..end].parse() {
                    steps.push(Step::Index(i));
                }
                rest = &stripped[end + 1..];
            }
        } else {
            steps.push(Step::Key(rest.to_string()));
        }
    }
    steps
}

/// The 1-based line and column where the value at `path` starts, or where the
/// deepest existing part of it starts.
pub fn locate(text: &str, path: &[Step]) -> Option<(usize, usize)> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    let offset = scanner.find(path)?;
    Some(line_col(text, offset))
}

/// Where every value of a JSON document starts, by path, found in one pass:
/// a file with thousands of problems is scanned once, not once per problem
/// (which took minutes for 3,000 problems in a 300 KB file).
pub struct Positions {
    /// Keyed by a hash of the path rather than the path itself: a file of
    /// many small values would otherwise hold a copy of its path per value.
    by_path: HashMap<u64, (u32, u32)>,
}

/// Nesting followed when indexing; deeper values are located at their
/// deepest indexed ancestor. serde_json refuses deeper documents anyway.
const MAX_DEPTH: usize = 128;

impl Positions {
    pub fn index(text: &str) -> Positions {
        let mut indexer = Indexer {
            scanner: Scanner {
                bytes: text.as_bytes(),
                pos: 0,
            },
            cursor: Cursor {
                offset: 0,
                line: 1,
                column: 1,
            },
            path: String::new(),
            by_path: HashMap::new(),
        };
        indexer.scanner.skip_ws();
        // A document cut short is indexed as far as it goes.
        let _ = indexer.value(0);
        Positions {
            by_path: indexer.by_path,
        }
    }

    /// Like [`locate`]: the value at `path`, or its deepest existing part.
    pub fn locate(&self, path: &[Step]) -> Option<(usize, usize)> {
        (0..=path.len())
            .rev()
            .find_map(|n| self.by_path.get(&path_hash(&path_to_string(&path[..n]))))
            .map(|&(line, column)| (line as usize, column as usize))
    }
}

struct Indexer<'a> {
    scanner: Scanner<'a>,
    cursor: Cursor,
    path: String,
    by_path: HashMap<u64, (u32, u32)>,
}

fn path_hash(path: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    path.hash(&mut hasher);
    hasher.finish()
}

impl Indexer<'_> {
    fn value(&mut self, depth: usize) -> Option<()> {
        let at = self.cursor.advance(self.scanner.bytes, self.scanner.pos);
        // The first of duplicate keys is where a value is.
        // Files are at most a few MiB, so this never saturates.
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let at = (small(at.0), small(at.1));
        self.by_path.entry(path_hash(&self.path)).or_insert(at);
        let s = &mut self.scanner;
        match s.peek()? {
            b'{' if depth < MAX_DEPTH => {
                s.pos += 1;
                loop {
                    self.scanner.skip_ws();
                    if self.scanner.peek()? == b'}' {
                        self.scanner.pos += 1;
                        return Some(());
                    }
                    let key = self.scanner.string()?;
                    self.scanner.skip_ws();
                    if self.scanner.peek()? != b':' {
                        return None;
                    }
                    self.scanner.pos += 1;
                    self.scanner.skip_ws();
                    let len = self.path.len();
                    if len > 0 {
                        self.path.push('.');
                    }
                    self.path.push_str(&key);
                    self.value(depth + 1)?;
                    self.path.truncate(len);
                    self.after_value()?;
                }
            }
            b'[' if depth < MAX_DEPTH => {
                s.pos += 1;
                for i in 0.. {
                    self.scanner.skip_ws();
                    if self.scanner.peek()? == b']' {
                        self.scanner.pos += 1;
                        return Some(());
                    }
                    let len = self.path.len();
                    self.path.push_str(&format!("[{i}]"));
                    self.value(depth + 1)?;
                    self.path.truncate(len);
                    self.after_value()?;
                }
                None
            }
            _ => s.skip_value(),
        }
    }

    fn after_value(&mut self) -> Option<()> {
        self.scanner.skip_ws();
        if self.scanner.peek()? == b',' {
            self.scanner.pos += 1;
        }
        Some(())
    }
}

/// Line and column, moved forward only: the whole text is counted once.
struct Cursor {
    offset: usize,
    line: usize,
    column: usize,
}

impl Cursor {
    fn advance(&mut self, bytes: &[u8], to: usize) -> (usize, usize) {
        for &b in bytes.get(self.offset..to).unwrap_or_default() {
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
        self.offset = self.offset.max(to);
        (self.line, self.column)
    }
}

/// Where `key` occurs for the second time in the object at `object`: serde
/// only says that a field is duplicated, at the object that holds it.
pub fn locate_duplicate_key(text: &str, object: &[Step], key: &str) -> Option<(usize, usize)> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    scanner.pos = scanner.find(object)?;
    if scanner.peek()? != b'{' {
        return None;
    }
    scanner.pos += 1;
    let mut seen = false;
    loop {
        scanner.skip_ws();
        let key_start = scanner.pos;
        if scanner.string()? == key {
            if seen {
                return Some(line_col(text, key_start));
            }
            seen = true;
        }
        scanner.skip_ws();
        if scanner.peek()? != b':' {
            return None;
        }
        scanner.pos += 1;
        scanner.skip_ws();
        scanner.skip_value()?;
        scanner.skip_ws();
        if scanner.peek()? == b',' {
            scanner.pos += 1;
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..offset.min(text.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    // Characters, counted without decoding: every byte that does not
    // continue a UTF-8 sequence starts one.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1;
    (line, column)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// At the start of a value: returns the offset of the value at `path`.
    fn find(&mut self, path: &[Step]) -> Option<usize> {
        let start = self.pos;
        let Some((step, rest)) = path.split_first() else {
            return Some(start);
        };
        match (self.peek()?, step) {
            (b'{', Step::Key(want)) => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return Some(start);
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    if self.peek()? != b':' {
                        return Some(start);
                    }
                    self.pos += 1;
                    self.skip_ws();
                    if key == *want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            (b'[', Step::Index(want)) => {
                self.pos += 1;
                let mut i = 0;
                loop {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return Some(start);
                    }
                    if i == *want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                    i += 1;
                }
            }
            _ => Some(start),
        }
    }

    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.pos;
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    let raw = std::str::from_utf8(&self.bytes[start..self.pos]).ok()?;
                    return serde_json::from_str(raw).ok();
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Past a string without decoding it: skipping is most of the work
    /// when a file has thousands of problems to locate.
    fn skip_string(&mut self) -> Option<()> {
        self.pos += 1;
        loop {
            let rest = self.bytes.get(self.pos..)?;
            let at = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            self.pos += at;
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                return Some(());
            }
            self.pos += 2;
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string()?,
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.skip_string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                ) {
                    self.pos += 1;
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"a\": 1,\n  \"items\": [\n    {\"id\": \"x\"},\n    {\"id\": \"y\", \"themes\": [\"p\", \"q\"]}\n  ]\n}\n";

    #[test]
    fn finds_nested_values() {
        assert_eq!(locate(DOC, &parse_path("a")), Some((2, 8)));
        assert_eq!(locate(DOC, &parse_path("items[1].id")), Some((5, 12)));
        assert_eq!(
            locate(DOC, &parse_path("items[1].themes[1]")),
            Some((5, 33))
        );
    }

    #[test]
    fn missing_part_points_at_the_deepest_existing_value() {
        assert_eq!(locate(DOC, &parse_path("items[0].title")), Some((4, 5)));
        assert_eq!(locate(DOC, &parse_path("items[7]")), Some((3, 12)));
    }

    #[test]
    fn the_index_agrees_with_locate() {
        let index = Positions::index(DOC);
        for path in [
            "",
            "a",
            "items[1].id",
            "items[1].themes[1]",
            "items[0].title",
            "items[7]",
        ] {
            let steps = parse_path(path);
            assert_eq!(index.locate(&steps), locate(DOC, &steps), "{path}");
        }
    }

    #[test]
    fn paths_round_trip() {
        let path = parse_path("countries[3].themes[0]");
        assert_eq!(path_to_string(&path), "countries[3].themes[0]");
        assert_eq!(path.len(), 4);
    }
}
