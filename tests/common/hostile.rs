//! Hostile datasets for the property tests of issue #12: the minimal
//! fixture with one string field replaced by a string meant to break
//! things, and a check for the bytes that could act on a terminal.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;

pub const FILES: [&str; 3] = [
    "report.json",
    "countries/freedonia.json",
    "countries/free-state.json",
];

/// The minimal dataset's files, parsed, and the JSON pointer of each of
/// their strings as (file, pointer).
pub struct Base {
    pub files: Vec<Value>,
    pub strings: Vec<(usize, String)>,
}

pub fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal");
        let files: Vec<Value> = FILES
            .iter()
            .map(|f| serde_json::from_slice(&fs::read(dir.join(f)).unwrap()).unwrap())
            .collect();
        let mut strings = Vec::new();
        for (i, file) in files.iter().enumerate() {
            pointers(file, String::new(), &mut |p| strings.push((i, p)));
        }
        Base { files, strings }
    })
}

fn pointers(value: &Value, at: String, found: &mut impl FnMut(String)) {
    match value {
        Value::String(_) => found(at),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), found);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                pointers(item, format!("{at}/{key}"), found);
            }
        }
        _ => {}
    }
}

/// Strings meant to break things, and strings of any kind.
pub fn hostile() -> impl Strategy<Value = String> {
    let pieces = vec![
        "\u{1b}[2J",
        "\u{1b}]52;c;aGVsbG8=\u{7}",
        "\u{1b}]2;title\u{1b}\\",
        "\u{9b}31m",
        "\r",
        "\u{8}",
        "\u{c}",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\u{2028}",
        "\u{2029}",
        "\u{200d}",
        "\u{1f3fd}",
        "\u{301}",
        "\u{202e}",
        "\u{feff}",
        "\u{fe0f}",
        "\u{7f}",
        "\0",
        "国",
        "Freedonia",
        "e",
        " ",
        "\"",
        "\\",
    ];
    prop_oneof![
        3 => proptest::collection::vec(proptest::sample::select(pieces), 0..20)
            .prop_map(|p| p.concat()),
        2 => any::<String>(),
        1 => "[\\x00-\\x1f\\x7f-\\u{9f}\\u{2028}\\u{2029}a ]{0,30}",
        // Past every field limit and past a formatting width's 65,535.
        1 => (proptest::sample::select(vec!['x', '国', '\u{301}', '\r']), 60_000..70_000usize)
            .prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
    ]
}

/// The minimal dataset with the string at `field` (an index into
/// [`Base::strings`]) replaced by `text`, written to a new folder.
pub fn dataset_with(field: usize, text: &str) -> (tempfile::TempDir, String) {
    let base = base();
    let (file, pointer) = &base.strings[field % base.strings.len()];
    let mut files = base.files.clone();
    *files[*file].pointer_mut(pointer).expect("a string field") = Value::String(text.to_string());
    let tmp = tempfile::tempdir().expect("a temporary folder");
    fs::create_dir(tmp.path().join("countries")).expect("a countries folder");
    for (name, value) in FILES.iter().zip(&files) {
        // serde_json writes \b \f \n \r \t as JSON's short escapes.
        let json = serde_json::to_string(value).expect("JSON");
        fs::write(tmp.path().join(name), json).expect("a dataset file");
    }
    (tmp, pointer.clone())
}

/// The first byte that could act on a terminal: a C0 control other than
/// newline, DEL, or a C1 control (U+0080..U+009F, which UTF-8 spells
/// 0xC2 0x80..0x9F).
pub fn acting_byte(bytes: &[u8]) -> Option<usize> {
    bytes.iter().enumerate().position(|(i, &b)| {
        (b < b' ' && b != b'\n')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}
