//! Issue #12's property, for the command line: whatever string is put into
//! any string field of a small valid dataset (random Unicode, controls, JSON
//! short escapes, escape sequences, separators, joiners, huge lengths),
//! `validate`, `list` and `show` neither panic nor write a byte that can act
//! on a terminal, and their JSON output still parses. tipx runs in-process
//! through `tipx::cli::run_to`, so that a case costs no process start.

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;

const FILES: [&str; 3] = [
    "report.json",
    "countries/freedonia.json",
    "countries/free-state.json",
];

/// The minimal dataset's files, parsed, and the JSON pointer of each of
/// their strings as (file, pointer).
struct Base {
    files: Vec<Value>,
    strings: Vec<(usize, String)>,
}

fn base() -> &'static Base {
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
fn hostile() -> impl Strategy<Value = String> {
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

/// Runs tipx in-process: exit code, stdout, stderr.
fn tipx(args: &[&str]) -> (ExitCode, Vec<u8>, Vec<u8>) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = tipx::cli::run_to(
        std::iter::once("tipx").chain(args.iter().copied()),
        &mut out,
        &mut err,
    );
    (code, out, err)
}

/// The first byte that could act on a terminal: a C0 control other than
/// newline, DEL, or a C1 control (U+0080..U+009F, which UTF-8 spells
/// 0xC2 0x80..0x9F).
fn acting_byte(bytes: &[u8]) -> Option<usize> {
    bytes.iter().enumerate().position(|(i, &b)| {
        (b < b' ' && b != b'\n')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_string_in_any_field_reaches_the_terminal_raw(
        field in any::<proptest::sample::Index>(),
        text in hostile(),
    ) {
        let base = base();
        let (file, pointer) = &base.strings[field.index(base.strings.len())];
        let mut files = base.files.clone();
        *files[*file].pointer_mut(pointer).unwrap() = Value::String(text.clone());
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir(tmp.path().join("countries")).unwrap();
        for (name, value) in FILES.iter().zip(&files) {
            // serde_json writes \b \f \n \r \t as JSON's short escapes.
            fs::write(tmp.path().join(name), serde_json::to_string(value).unwrap()).unwrap();
        }
        let dir = tmp.path().to_str().unwrap();
        for args in [
            &["validate", dir][..],
            &["--data", dir, "list"],
            &["--data", dir, "list", "--format", "json"],
            &["--data", dir, "show", "freedonia"],
            &["--data", dir, "show", "free-state", "--format", "json"],
        ] {
            let (code, out, err) = tipx(args);
            for (stream, bytes) in [("stdout", &out), ("stderr", &err)] {
                let shown = String::from_utf8_lossy(bytes);
                prop_assert!(std::str::from_utf8(bytes).is_ok(), "{args:?} {stream} is not UTF-8");
                if let Some(at) = acting_byte(bytes) {
                    let from = at.saturating_sub(40);
                    prop_assert!(
                        false,
                        "{args:?} with {pointer} = {text:?}: {stream} byte {at}: {:?}",
                        String::from_utf8_lossy(&bytes[from..(at + 40).min(bytes.len())])
                    );
                }
                prop_assert!(!shown.contains("panicked"), "{args:?}: {shown}");
            }
            if code == ExitCode::SUCCESS && args.contains(&"json") {
                let parsed: Result<Value, _> = serde_json::from_slice(&out);
                prop_assert!(parsed.is_ok(), "{args:?}: not JSON");
            }
            if code != ExitCode::SUCCESS {
                prop_assert!(err.starts_with(b"tipx: "), "{args:?}: {:?}", String::from_utf8_lossy(&err));
            }
        }
    }
}
