//! Issue #12's property, for the command line: whatever string is put into
//! any string field of a small valid dataset (random Unicode, controls, JSON
//! short escapes, escape sequences, separators, joiners, huge lengths),
//! `validate`, `list` and `show` neither panic nor write a byte that can act
//! on a terminal, and their JSON output still parses. tipx runs in-process
//! through `tipx::cli::run_to`, so that a case costs no process start.

mod common;

use std::process::ExitCode;

use common::hostile::{acting_byte, base, dataset_with, hostile};
use proptest::prelude::*;
use serde_json::Value;

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_string_in_any_field_reaches_the_terminal_raw(
        field in any::<proptest::sample::Index>(),
        text in hostile(),
    ) {
        let (tmp, pointer) = dataset_with(field.index(base().strings.len()), &text);
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
