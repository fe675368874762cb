//! The headless commands in every format (#10): JSON and CSV parsed back,
//! Markdown headings and rows, the HTML briefing through a real parser,
//! atomic exports, completions and the manual page.

use assert_cmd::Command;
use serde_json::Value;

fn tipx(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("tipx")
        .expect("the binary")
        .args(args)
        .output()
        .expect("runs")
}

fn stdout_of(args: &[&str]) -> String {
    let out = tipx(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!text.contains('\x1b'), "{args:?} wrote an escape sequence");
    text
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("a record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

const COUNTRIES: [&str; 5] = [
    "Dominican Republic",
    "Ecuador",
    "Guatemala",
    "Jamaica",
    "Nicaragua",
];

#[test]
fn list_in_every_format() {
    assert!(stdout_of(&["list"]).contains("Ecuador"));
    let json: Value =
        serde_json::from_str(&stdout_of(&["list", "--format", "json"])).expect("json");
    assert_eq!(json.as_array().expect("array").len(), 5);
    let md = stdout_of(&["list", "--format", "md"]);
    assert!(md.starts_with("| Country | ISO | Region |"), "{md}");
    assert!(
        md.contains("| Ecuador | ECU | South America | Tier 2 |"),
        "{md}"
    );
    let (header, rows) = csv_rows(&stdout_of(&["list", "--format", "csv"]));
    assert_eq!(header[..3], ["id", "name", "iso3"]);
    let names: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(names, COUNTRIES);
    let ecuador = &rows[1];
    assert_eq!(ecuador[6..], ["5", "7", "3"]);
}

#[test]
fn show_in_every_format() {
    assert!(stdout_of(&["show", "ecu"]).contains("Ecuador (ECU)"));
    let json: Value =
        serde_json::from_str(&stdout_of(&["show", "ecu", "--format", "json"])).expect("json");
    assert_eq!(json["recommendations"].as_array().expect("list").len(), 3);
    let md = stdout_of(&["show", "ecu", "--format", "md"]);
    assert!(md.starts_with("# Ecuador (ECU)\n"), "{md}");
    for heading in [
        "## Overview",
        "## Key figures",
        "## Lessons learned (5)",
        "## Best practices (7)",
        "## Recommendations (3)",
    ] {
        assert!(md.contains(&format!("\n{heading}\n")), "no {heading}");
    }
    assert!(md.contains("| Population | over 13.5 million |"), "{md}");
    let (header, rows) = csv_rows(&stdout_of(&["show", "ecu", "--format", "csv"]));
    assert_eq!(header[1], "kind");
    let count = |kind: &str| rows.iter().filter(|r| r[1] == kind).count();
    assert_eq!(count("lesson_learned"), 5);
    assert_eq!(count("best_practice"), 7);
    assert_eq!(count("recommendation"), 3);
    assert!(rows
        .iter()
        .any(|r| r[4] == "Population" && r[5] == "over 13.5 million"));
}

#[test]
fn search_in_every_format() {
    let args = ["search", "witness", "protection", "--limit", "3"];
    let with = |format: &str| {
        let mut a = args.to_vec();
        a.extend(["--format", format]);
        stdout_of(&a)
    };
    assert!(stdout_of(&args).contains("witness"));
    let json: Value = serde_json::from_str(&with("json")).expect("json");
    assert_eq!(json.as_array().expect("array").len(), 3);
    let md = with("md");
    assert!(md.starts_with("1. **"), "{md}");
    assert!(md.contains("\n3. **"), "{md}");
    assert!(md.contains("   > "), "{md}");
    let (header, rows) = csv_rows(&with("csv"));
    assert_eq!(header[0], "rank");
    assert_eq!(rows.len(), 3);
    let first_json_line = json[0]["line"].as_u64().expect("a line").to_string();
    assert_eq!(rows[0][5], first_json_line);
}

#[test]
fn validate_lists_problems_as_json_objects() {
    let ok: Value =
        serde_json::from_str(&stdout_of(&["validate", "--format", "json"])).expect("json");
    assert_eq!(ok["valid"], true);
    assert_eq!(ok["countries"], 5);

    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/broken/unknown-theme"
    );
    let out = tipx(&["validate", dir, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["valid"], false);
    let problem = &report["problems"][0];
    for key in ["file", "line", "column", "path", "message"] {
        assert!(problem.get(key).is_some(), "no {key} in {problem}");
    }
    assert!(problem["line"].is_u64(), "{problem}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("problem"));
}

#[test]
fn the_markdown_briefing_has_every_part() {
    let md = stdout_of(&["export"]);
    assert!(md.starts_with("# Review of Trafficking in Persons Programs in LAC\n"));
    for heading in [
        "## Executive summary",
        "## Regional synthesis (Section II)",
        "### Best practices (7)",
        "### Challenges (3)",
        "### Recommendations (6)",
        "## Country profiles (Section III)",
        "## Recommendation matrix (all)",
        "## Acronyms",
    ] {
        assert!(md.contains(&format!("\n{heading}\n")), "no {heading}");
    }
    for name in COUNTRIES {
        assert!(md.contains(&format!("\n### {name} (")), "no {name}");
    }
    assert!(
        md.contains("\n| Theme | Tag | Dominican Republic |"),
        "no matrix table"
    );
    let only = stdout_of(&["export", "--country", "jam,ecuador"]);
    assert!(only.contains("\n### Jamaica (JAM)\n") && only.contains("\n### Ecuador (ECU)\n"));
    assert!(!only.contains("\n### Guatemala (GTM)\n"));
}

#[test]
fn markdown_briefing_snapshot() {
    insta::assert_snapshot!(stdout_of(&["export", "--country", "jamaica"]));
}

#[test]
fn the_html_briefing_parses_and_fetches_nothing() {
    let html = stdout_of(&["export", "--format", "html"]);
    let page = scraper::Html::parse_document(&html);
    assert!(page.errors.is_empty(), "{:?}", page.errors);
    let select = |css: &str| scraper::Selector::parse(css).expect("a selector");
    let h1: Vec<String> = page
        .select(&select("h1"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(h1, ["Review of Trafficking in Persons Programs in LAC"]);
    let countries = page
        .select(&select("h3"))
        .filter(|h| {
            COUNTRIES
                .iter()
                .any(|c| h.text().collect::<String>().starts_with(c))
        })
        .count();
    assert_eq!(countries, 5);
    assert!(page.select(&select("table")).count() >= 6);
    assert_eq!(page.select(&select("script, link, img, iframe")).count(), 0);
    // Not one reference to anything outside the page.
    let references: Vec<String> = page
        .select(&select("[src], [href]"))
        .map(|e| e.html())
        .collect();
    assert!(references.is_empty(), "{references:?}");
    assert!(!html.contains("url("), "the style fetches something");
}

#[test]
fn the_json_briefing_is_the_whole_model() {
    let json: Value =
        serde_json::from_str(&stdout_of(&["export", "--format", "json"])).expect("json");
    assert_eq!(json["countries"].as_array().expect("list").len(), 5);
    assert_eq!(
        json["report"]["synthesis"]["recommendations"]
            .as_array()
            .expect("list")
            .len(),
        6
    );
    let one: Value = serde_json::from_str(&stdout_of(&[
        "export",
        "--format",
        "json",
        "--country",
        "gtm",
    ]))
    .expect("json");
    assert_eq!(one["countries"][0]["name"], "Guatemala");
}

#[test]
fn export_to_a_file_never_replaces_without_force_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("briefing.html");
    let file = path.to_str().expect("utf-8 path");
    std::fs::write(&path, "old").expect("seed");

    let refused = tipx(&["export", "-o", file]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "old");

    assert!(tipx(&["export", "-o", file, "--force"]).status.success());
    // The extension chose the format.
    let written = std::fs::read_to_string(&path).expect("written");
    assert!(written.starts_with("<!DOCTYPE html>"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("listable")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["briefing.html"]);

    let missing = dir.path().join("no-folder").join("b.md");
    let failed = tipx(&["export", "-o", missing.to_str().expect("utf-8")]);
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("b.md"));
}

#[test]
fn completions_for_every_shell_and_a_manual_page() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef tipx"),
        ("fish", "complete -c tipx"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no {marker}");
        assert!(script.contains("export"), "{shell}: no export subcommand");
    }
    let man = stdout_of(&["man"]);
    assert!(man.contains(".TH tipx 1"), "{man}");
    assert!(man.contains("completions"));
}

#[test]
fn help_states_exit_codes_and_theme_is_the_explorers() {
    let help = stdout_of(&["--help"]);
    assert!(
        help.contains("Exit status: 0 ok; 1 nothing found"),
        "{help}"
    );
    let list = tipx(&["list", "--theme", "dark"]);
    assert_eq!(list.status.code(), Some(2));
    for command in ["list", "show", "search", "validate", "export"] {
        let help = stdout_of(&[command, "--help"]);
        assert!(help.contains("--format"), "{command}");
        assert!(!help.contains("--theme"), "{command} offers --theme");
    }
    assert!(stdout_of(&["list", "--help"]).contains("LL lessons learned"));
}
