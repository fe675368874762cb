//! The headless command line against the embedded dataset: what a user sees
//! on stdout and stderr, and the exit code.

use std::io::Read;
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The five countries: name, ISO code, id, tier label, tier level key.
const COUNTRIES: [(&str, &str, &str, &str, &str); 5] = [
    (
        "Dominican Republic",
        "DOM",
        "dominican-republic",
        "Tier 2 Watch List",
        "tier_2_watch_list",
    ),
    ("Ecuador", "ECU", "ecuador", "Tier 2", "tier_2"),
    (
        "Guatemala",
        "GTM",
        "guatemala",
        "Tier 2 Watch List",
        "tier_2_watch_list",
    ),
    ("Jamaica", "JAM", "jamaica", "Tier 2", "tier_2"),
    ("Nicaragua", "NIC", "nicaragua", "Tier 2", "tier_2"),
];

const SHOW_KEYS: [&str; 14] = [
    "id",
    "name",
    "iso3",
    "region",
    "tier",
    "roles",
    "assessment",
    "key_figures",
    "overview",
    "places",
    "organizations",
    "lessons_learned",
    "best_practices",
    "recommendations",
];

fn tipx() -> Command {
    let mut cmd = Command::cargo_bin("tipx").expect("the tipx binary is built");
    cmd.current_dir(MANIFEST_DIR);
    cmd
}

/// Runs tipx; returns exit code, stdout and stderr.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = tipx().args(args).output().expect("tipx runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs tipx, expecting success and nothing on stderr; returns stdout.
fn ok(args: &[&str]) -> String {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, Some(0), "tipx {args:?} failed:\n{stderr}");
    assert!(
        stderr.is_empty(),
        "tipx {args:?} wrote to stderr:\n{stderr}"
    );
    stdout
}

fn json(args: &[&str]) -> Value {
    let stdout = ok(args);
    serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("tipx {args:?}: not JSON ({e}):\n{stdout}"))
}

fn control_char(text: &str) -> Option<char> {
    text.chars().find(|&c| c.is_control() && c != '\n')
}

// --- list --------------------------------------------------------------------

#[test]
fn list_text_has_a_header_and_the_five_countries_with_tiers() {
    let stdout = ok(&["list"]);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "a header and five countries:\n{stdout}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(header[0], "COUNTRY", "{stdout}");
    assert!(
        header.contains(&"ISO") && header.contains(&"TIER"),
        "{stdout}"
    );
    assert!(header.contains(&"REGION"), "{stdout}");
    for (row, (name, iso3, _, tier, _)) in lines[1..].iter().zip(COUNTRIES) {
        assert!(row.starts_with(name), "{row:?} should start with {name}");
        let rest = row[name.len()..].trim_start();
        assert!(rest.starts_with(&format!("{iso3}  {tier} ")), "{row:?}");
    }
    assert_eq!(control_char(&stdout), None);
}

#[test]
fn list_json_is_an_array_of_five_objects() {
    let value = json(&["list", "--format", "json"]);
    let rows = value.as_array().expect("an array");
    assert_eq!(rows.len(), 5);
    for (row, (name, iso3, id, tier, _)) in rows.iter().zip(COUNTRIES) {
        for key in [
            "id",
            "name",
            "iso3",
            "region",
            "tier",
            "roles",
            "lessons_learned",
            "best_practices",
            "recommendations",
        ] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
        assert_eq!(row["name"], name);
        assert_eq!(row["iso3"], iso3);
        assert_eq!(row["id"], id);
        assert_eq!(row["tier"], tier);
        assert!(row["lessons_learned"].as_u64().unwrap() > 0, "{row}");
        assert!(row["recommendations"].as_u64().unwrap() > 0, "{row}");
    }
}

// --- show --------------------------------------------------------------------

#[test]
fn show_json_has_the_country_keys_and_tier_levels() {
    let list = json(&["list", "--format", "json"]);
    for (i, (name, iso3, id, _, level)) in COUNTRIES.into_iter().enumerate() {
        let c = json(&["show", id, "--format", "json"]);
        let obj = c.as_object().expect("an object");
        for key in SHOW_KEYS {
            assert!(obj.contains_key(key), "{id}: key {key} missing");
        }
        assert_eq!(c["id"], id);
        assert_eq!(c["name"], name);
        assert_eq!(c["iso3"], iso3);
        assert_eq!(c["tier"]["level"], level, "{id}");
        assert_eq!(c["tier"]["report_year"], 2007, "{id}");
        let roles = c["roles"].as_array().unwrap();
        assert!(!roles.is_empty(), "{id}");
        for role in roles {
            assert!(
                ["origin", "transit", "destination"].contains(&role.as_str().unwrap()),
                "{id}: role {role}"
            );
        }
        assert!(!c["overview"].as_array().unwrap().is_empty(), "{id}");
        // `list` counts what `show` prints.
        for key in ["lessons_learned", "best_practices", "recommendations"] {
            assert_eq!(
                c[key].as_array().unwrap().len() as u64,
                list[i][key].as_u64().unwrap(),
                "{id}: {key}"
            );
            for item in c[key].as_array().unwrap() {
                assert!(item["text"].as_str().is_some_and(|t| !t.is_empty()));
                assert!(item["source"]["line"].as_u64().is_some(), "{item}");
            }
        }
    }
}

#[test]
fn show_text_prints_the_profile_with_sources() {
    for (name, iso3, id, tier, _) in COUNTRIES {
        let stdout = ok(&["show", id]);
        let first = stdout.lines().next().unwrap_or_default();
        assert!(first.starts_with(&format!("{name} ({iso3})")), "{first:?}");
        assert!(stdout.contains(&format!("Tier: {tier} ")), "{id}");
        for heading in [
            "OVERVIEW",
            "LESSONS LEARNED",
            "BEST PRACTICES",
            "RECOMMENDATIONS",
        ] {
            assert!(
                stdout.lines().any(|l| l == heading),
                "{id}: no {heading} heading"
            );
        }
        assert!(
            stdout.contains("— Source: "),
            "{id}: items cite their source"
        );
        assert_eq!(control_char(&stdout), None, "{id}");
    }
}

// --- country names -----------------------------------------------------------

fn shown_id(query: &str) -> String {
    let c = json(&["show", query, "--format", "json"]);
    c["id"].as_str().unwrap().to_string()
}

#[test]
fn country_names_resolve() {
    for (query, id) in [
        ("Dominican Republic", "dominican-republic"),
        ("DOM", "dominican-republic"),
        ("dr", "dominican-republic"),
        ("DR", "dominican-republic"),
        ("dominican", "dominican-republic"),
        ("DoMiNiCaN", "dominican-republic"),
        ("dominican-republic", "dominican-republic"),
        ("ecu", "ecuador"),
        ("Ecuador", "ecuador"),
        ("jamaica", "jamaica"),
        ("JAM", "jamaica"),
        ("gtm", "guatemala"),
        ("nic", "nicaragua"),
    ] {
        assert_eq!(shown_id(query), id, "query {query:?}");
    }
}

#[test]
fn no_prefix_of_the_five_is_ambiguous() {
    // The five names start with five different letters, so an ambiguous
    // prefix needs a fixture (see `ambiguous_prefix_lists_the_candidates`).
    for (query, id) in [
        ("d", "dominican-republic"),
        ("e", "ecuador"),
        ("g", "guatemala"),
        ("j", "jamaica"),
        ("n", "nicaragua"),
    ] {
        assert_eq!(shown_id(query), id, "query {query:?}");
    }
}

#[test]
fn unknown_country_fails_listing_the_candidates() {
    let (code, stdout, stderr) = run(&["show", "atlantis"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("unknown country \"atlantis\""), "{stderr}");
    for (name, iso3, ..) in COUNTRIES {
        assert!(stderr.contains(&format!("{name} ({iso3})")), "{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn ambiguous_prefix_lists_the_candidates() {
    // tests/fixtures/minimal has Freedonia and Free State.
    let (code, stdout, stderr) = run(&["--data", "tests/fixtures/minimal", "show", "fre"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("ambiguous country \"fre\""), "{stderr}");
    assert!(stderr.contains("Freedonia (FRD)"), "{stderr}");
    assert!(stderr.contains("Free State (FST)"), "{stderr}");
    // An exact name wins over a longer name it is a prefix of.
    let stdout = ok(&["--data", "tests/fixtures/minimal", "show", "free state"]);
    assert!(stdout.starts_with("Free State (FST)"), "{stdout}");
    let stdout = ok(&["--data", "tests/fixtures/minimal", "show", "freed"]);
    assert!(stdout.starts_with("Freedonia (FRD)"), "{stdout}");
}

// --- validate ----------------------------------------------------------------

#[test]
fn validate_the_embedded_dataset() {
    let stdout = ok(&["validate"]);
    assert!(stdout.starts_with("ok: 5 countries"), "{stdout}");
}

#[test]
fn validate_a_directory() {
    let stdout = ok(&["validate", "tests/fixtures/minimal"]);
    assert!(stdout.starts_with("ok: 2 countries"), "{stdout}");
    let stdout = ok(&["--data", "tests/fixtures/minimal", "validate"]);
    assert!(stdout.starts_with("ok: 2 countries"), "{stdout}");
}

#[test]
fn validate_a_broken_directory_fails() {
    tipx()
        .args(["validate", "tests/fixtures/broken/unknown-theme"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "tests/fixtures/broken/unknown-theme/countries/freedonia.json:81:9: ",
        ))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn a_broken_dataset_fails_every_command() {
    for args in [
        &["list"][..],
        &["show", "freedonia"][..],
        &["search", "witness"][..],
    ] {
        let mut all = vec!["--data", "tests/fixtures/broken/syntax"];
        all.extend_from_slice(args);
        let (code, stdout, stderr) = run(&all);
        assert_eq!(code, Some(1), "{all:?}: {stderr}");
        assert!(stdout.is_empty(), "{all:?}: {stdout}");
        assert!(
            stderr.contains("tests/fixtures/broken/syntax/countries/freedonia.json:5:3: "),
            "{all:?}: {stderr}"
        );
    }
}

// --- search ------------------------------------------------------------------

#[test]
fn search_finds_witness_protection() {
    let stdout = ok(&["search", "witness", "protection"]);
    // Items are shown by their kind of bullet.
    assert!(stdout.contains("[lesson]"), "{stdout}");
    assert!(
        stdout.to_lowercase().contains("witness protection"),
        "{stdout}"
    );
    let hits = json(&["search", "witness", "protection", "--format", "json"]);
    let hits = hits.as_array().expect("an array");
    assert!(hits.len() >= 3, "{hits:?}");
    for hit in hits {
        let text = hit["text"].as_str().unwrap().to_lowercase();
        assert!(
            text.contains("witness") && text.contains("protect"),
            "{text}"
        );
        for key in ["kind", "context", "score"] {
            assert!(hit.get(key).is_some(), "{key} missing in {hit}");
        }
    }
    let contexts: Vec<&str> = hits.iter().filter_map(|h| h["context"].as_str()).collect();
    for country in ["Ecuador", "Jamaica"] {
        assert!(
            contexts.iter().any(|c| c.starts_with(country)),
            "{country} not among {contexts:?}"
        );
    }
}

#[test]
fn search_needs_a_query() {
    let (code, _, stderr) = run(&["search"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("Usage"), "{stderr}");
}

// --- arguments ---------------------------------------------------------------

#[test]
fn help_and_version() {
    let stdout = ok(&["--help"]);
    assert!(stdout.contains("Usage: tipx"), "{stdout}");
    for command in ["list", "show", "search", "validate"] {
        assert!(
            stdout.lines().any(|l| l.trim_start().starts_with(command)),
            "--help should list {command}:\n{stdout}"
        );
    }
    assert!(stdout.contains("--data"), "{stdout}");
    let stdout = ok(&["--version"]);
    assert_eq!(stdout.trim(), format!("tipx {}", env!("CARGO_PKG_VERSION")));
    let stdout = ok(&["show", "--help"]);
    assert!(stdout.contains("--format"), "{stdout}");
}

#[test]
fn unknown_subcommand_exits_2() {
    let (code, stdout, stderr) = run(&["frobnicate"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("frobnicate"), "{stderr}");
    assert!(stderr.contains("Usage"), "{stderr}");
}

#[test]
fn unknown_format_exits_2() {
    let (code, _, stderr) = run(&["list", "--format", "yaml"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("yaml"), "{stderr}");
}

#[test]
fn missing_data_directory_is_named() {
    assert!(!std::path::Path::new("/nonexistent").exists());
    let (code, stdout, stderr) = run(&["--data", "/nonexistent", "list"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains("/nonexistent: no such directory"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

// --- broken pipe -------------------------------------------------------------

/// Spawns tipx, reads `keep` bytes of its stdout, closes the pipe, and
/// returns whether it exited successfully and its stderr.
fn read_then_close(args: &[&str], keep: usize) -> (bool, String) {
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_tipx"))
        .args(args)
        .current_dir(MANIFEST_DIR)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tipx starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut head = vec![0; keep];
    stdout.read_exact(&mut head).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("tipx exits");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    for args in [
        &["show", "dr"][..],
        // Larger than a pipe buffer, so the write does hit the closed pipe.
        &["search", "a", "--format", "json"][..],
        &["show", "ecu", "--format", "json"][..],
    ] {
        let (success, stderr) = read_then_close(args, 16);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} printed an error: {stderr}");
        assert!(success, "{args:?} failed: {stderr}");
    }
}

#[test]
fn a_pipe_closed_before_any_output_is_not_an_error() {
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_tipx"))
        .args(["show", "dr"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tipx starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("tipx exits");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "{stderr}");
    assert!(out.status.success(), "{stderr}");
}

#[test]
fn the_embedded_dataset_works_from_any_folder() {
    let empty = tempfile::tempdir().expect("a temporary folder");
    let out = Command::cargo_bin("tipx")
        .expect("the tipx binary is built")
        .current_dir(empty.path())
        .args(["show", "jamaica", "--format", "json"])
        .output()
        .expect("tipx runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["iso3"], "JAM");
    assert_eq!(json["recommendations"].as_array().map(Vec::len), Some(5));
}
