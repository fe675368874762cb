//! The tipx binary run as a user runs it, from the project's folder (so
//! that `--data tests/fixtures/…` works): its exit code and its output.

use assert_cmd::Command;
use serde_json::Value;

pub const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// Runs tipx; returns exit code, stdout and stderr.
pub fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("tipx")
        .expect("the tipx binary is built")
        .current_dir(MANIFEST_DIR)
        .args(args)
        .output()
        .expect("tipx runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs tipx, expecting success and nothing on stderr; returns stdout.
pub fn ok(args: &[&str]) -> String {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, Some(0), "tipx {args:?} failed:\n{stderr}");
    assert!(
        stderr.is_empty(),
        "tipx {args:?} wrote to stderr:\n{stderr}"
    );
    stdout
}

/// Runs tipx, expecting success, and parses its output as JSON.
pub fn json(args: &[&str]) -> Value {
    let stdout = ok(args);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("tipx {args:?}: not JSON: {e}"))
}

/// The first character that could act on a terminal or reorder the text
/// around it: a control other than newline, or a bidi embedding, override
/// or isolate.
pub fn acting_char(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}
