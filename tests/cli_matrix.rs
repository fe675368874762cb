//! `tipx matrix` in every format, checked against the dataset files read
//! here directly (not through tipx's own index).

mod common;

use common::cli::{acting_char, ok, run, MANIFEST_DIR};
use std::collections::BTreeMap;

use serde_json::Value;

fn read_json(path: &str) -> Value {
    let text = std::fs::read_to_string(format!("{MANIFEST_DIR}/{path}")).expect("readable");
    serde_json::from_str(&text).expect("valid JSON")
}

/// The dataset as files: report.json and the countries sorted by name, as
/// tipx lists them.
struct Files {
    report: Value,
    countries: Vec<Value>,
}

fn files() -> Files {
    let mut countries: Vec<Value> = std::fs::read_dir(format!("{MANIFEST_DIR}/data/countries"))
        .expect("data/countries")
        .map(|e| {
            let path = e.expect("entry").path();
            let text = std::fs::read_to_string(path).expect("readable");
            serde_json::from_str(&text).expect("valid JSON")
        })
        .collect();
    countries.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    Files {
        report: read_json("data/report.json"),
        countries,
    }
}

/// Ids of the items in `list` tagged with `theme`.
fn tagged(list: &Value, theme: &str) -> Vec<String> {
    list.as_array()
        .expect("an item list")
        .iter()
        .filter(|item| {
            item["themes"]
                .as_array()
                .is_some_and(|ts| ts.iter().any(|t| t == theme))
        })
        .map(|item| item["id"].as_str().expect("an id").to_string())
        .collect()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("an array, got {value}"))
        .iter()
        .map(|v| v.as_str().expect("a string").to_string())
        .collect()
}

/// Themes as tipx must order them: the report's six first, then the rest.
fn theme_order(report: &Value) -> Vec<(String, String, bool)> {
    let themes = report["themes"].as_array().expect("themes");
    let (ours, editorial): (Vec<&Value>, Vec<&Value>) =
        themes.iter().partition(|t| t["report"] == true);
    ours.into_iter()
        .chain(editorial)
        .map(|t| {
            (
                t["id"].as_str().expect("id").to_string(),
                t["label"].as_str().expect("label").to_string(),
                t["report"] == true,
            )
        })
        .collect()
}

#[test]
fn json_has_the_fixed_shape_and_every_cell_holds_the_items_tagged_with_its_theme() {
    let files = files();
    let v: Value = serde_json::from_str(&ok(&["matrix", "--format", "json"])).expect("JSON");
    let countries = v["countries"].as_array().expect("countries array");
    assert_eq!(countries.len(), files.countries.len());
    for (got, file) in countries.iter().zip(&files.countries) {
        for key in ["id", "name", "iso3"] {
            assert_eq!(got[key], file[key], "country {key}");
        }
    }
    let themes = v["themes"].as_array().expect("themes array");
    let expected_order = theme_order(&files.report);
    assert_eq!(themes.len(), expected_order.len());
    for (theme, (id, label, regional)) in themes.iter().zip(&expected_order) {
        assert_eq!(theme["id"], id.as_str());
        assert_eq!(theme["label"], label.as_str());
        assert_eq!(theme["regional"], *regional, "{id}");
        let cells = theme["cells"].as_array().expect("cells array");
        assert_eq!(
            cells.len(),
            files.countries.len(),
            "{id}: one cell per country"
        );
        let mut reached = 0;
        for (cell, country) in cells.iter().zip(&files.countries) {
            assert_eq!(cell["country"], country["id"]);
            let mut any = false;
            for key in ["recommendations", "best_practices", "lessons_learned"] {
                let want = tagged(&country[key], id);
                assert_eq!(strings(&cell[key]), want, "{id} × {} {key}", country["id"]);
                any |= !want.is_empty();
            }
            reached += usize::from(any);
        }
        assert_eq!(theme["countries_reached"], reached, "{id}");
        let synthesis = &files.report["synthesis"];
        for key in ["recommendations", "best_practices", "challenges"] {
            assert_eq!(
                strings(&theme["synthesis"][key]),
                tagged(&synthesis[key], id),
                "{id} × synthesis {key}"
            );
        }
    }
}

#[test]
fn the_kind_filter_keeps_only_that_kind() {
    let all: Value = serde_json::from_str(&ok(&["matrix", "--format", "json"])).expect("JSON");
    for (flag, country_key, synthesis_key) in [
        ("recommendations", "recommendations", "recommendations"),
        ("best-practices", "best_practices", "best_practices"),
        ("lessons", "lessons_learned", "challenges"),
    ] {
        let v: Value = serde_json::from_str(&ok(&["matrix", "--kind", flag, "--format", "json"]))
            .expect("JSON");
        assert_eq!(v["kind"], flag);
        for (theme, full) in v["themes"]
            .as_array()
            .expect("themes")
            .iter()
            .zip(all["themes"].as_array().expect("themes"))
        {
            for (cell, full_cell) in theme["cells"]
                .as_array()
                .expect("cells")
                .iter()
                .zip(full["cells"].as_array().expect("cells"))
            {
                for key in ["recommendations", "best_practices", "lessons_learned"] {
                    let expected = if key == country_key {
                        full_cell[key].clone()
                    } else {
                        Value::Array(vec![])
                    };
                    assert_eq!(cell[key], expected, "--kind {flag}: {key}");
                }
            }
            for key in ["recommendations", "best_practices", "challenges"] {
                let expected = if key == synthesis_key {
                    full["synthesis"][key].clone()
                } else {
                    Value::Array(vec![])
                };
                assert_eq!(theme["synthesis"][key], expected, "--kind {flag}: {key}");
            }
        }
    }
}

#[test]
fn csv_parses_back_to_one_row_per_theme_and_column_matching_the_json() {
    let v: Value = serde_json::from_str(&ok(&["matrix", "--format", "json"])).expect("JSON");
    let out = ok(&["matrix", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "theme",
            "theme_label",
            "regional",
            "country",
            "country_name",
            "recommendations",
            "best_practices",
            "lessons_learned",
            "challenges"
        ]
    );
    let records: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("a well-formed record"))
        .collect();
    let themes = v["themes"].as_array().expect("themes");
    let countries = v["countries"].as_array().expect("countries");
    assert_eq!(records.len(), themes.len() * (countries.len() + 1));
    let ids = |field: &str| -> Vec<String> { field.split_whitespace().map(String::from).collect() };
    let mut by_key: BTreeMap<(String, String), &csv::StringRecord> = BTreeMap::new();
    for r in &records {
        by_key.insert((r[0].to_string(), r[3].to_string()), r);
    }
    for theme in themes {
        let id = theme["id"].as_str().expect("id");
        for cell in theme["cells"].as_array().expect("cells") {
            let country = cell["country"].as_str().expect("country");
            let r = by_key[&(id.to_string(), country.to_string())];
            assert_eq!(&r[1], theme["label"].as_str().expect("label"));
            assert_eq!(r[2] == *"true", theme["regional"] == true);
            assert_eq!(ids(&r[5]), strings(&cell["recommendations"]));
            assert_eq!(ids(&r[6]), strings(&cell["best_practices"]));
            assert_eq!(ids(&r[7]), strings(&cell["lessons_learned"]));
            assert!(r[8].is_empty(), "countries have no challenges");
        }
        let r = by_key[&(id.to_string(), "synthesis".to_string())];
        assert_eq!(ids(&r[8]), strings(&theme["synthesis"]["challenges"]));
        assert_eq!(ids(&r[6]), strings(&theme["synthesis"]["best_practices"]));
    }
}

/// The cells of a Markdown table row, unescaped enough to compare.
fn md_cells(line: &str) -> Vec<String> {
    let inner = line
        .trim()
        .strip_prefix('|')
        .and_then(|l| l.strip_suffix('|'))
        .expect("a table row starts and ends with |");
    inner.split(" | ").map(|c| c.trim().to_string()).collect()
}

#[test]
fn markdown_is_a_github_table_with_counts_matching_the_json() {
    let v: Value = serde_json::from_str(&ok(&["matrix", "--format", "json"])).expect("JSON");
    let out = ok(&["matrix", "--format", "md"]);
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
    let countries = v["countries"].as_array().expect("countries");
    let themes = v["themes"].as_array().expect("themes");
    // header, separator, one row per theme, the totals
    assert_eq!(rows.len(), 2 + themes.len() + 1);
    let header = md_cells(rows[0]);
    assert_eq!(header.len(), 2 + countries.len() + 2);
    for (h, c) in header[2..].iter().zip(countries) {
        assert_eq!(h, c["name"].as_str().expect("name"));
    }
    assert!(md_cells(rows[1]).iter().all(|c| c == "---"));
    for (line, theme) in rows[2..].iter().zip(themes) {
        let cells = md_cells(line);
        assert_eq!(cells.len(), header.len(), "{line}");
        assert_eq!(cells[0], theme["label"].as_str().expect("label"));
        let tag = if theme["regional"] == true {
            "report"
        } else {
            "editorial"
        };
        assert_eq!(cells[1], tag);
        for (cell, json_cell) in cells[2..].iter().zip(theme["cells"].as_array().expect("c")) {
            let mut expected = Vec::new();
            for (letter, key) in [
                ('R', "recommendations"),
                ('B', "best_practices"),
                ('L', "lessons_learned"),
            ] {
                let n = json_cell[key].as_array().expect("ids").len();
                if n > 0 {
                    expected.push(format!("{letter}{n}"));
                }
            }
            let expected = if expected.is_empty() {
                "-".to_string()
            } else {
                expected.join(" ")
            };
            assert_eq!(cell, &expected, "{}", theme["id"]);
        }
        let reached = format!("{} of {}", theme["countries_reached"], countries.len());
        assert_eq!(cells.last().expect("a total"), &reached);
    }
    let totals = md_cells(rows.last().expect("totals"));
    assert_eq!(totals[0], "Themes covered");
    for (total, c) in totals[2..].iter().zip(countries) {
        assert_eq!(total, &c["themes_covered"].to_string());
    }
}

#[test]
fn text_is_a_grid_with_iso_headings_totals_and_a_legend() {
    let v: Value = serde_json::from_str(&ok(&["matrix", "--format", "json"])).expect("JSON");
    let out = ok(&["matrix"]);
    let heading = out.lines().nth(2).expect("a heading line");
    for c in v["countries"].as_array().expect("countries") {
        assert!(
            heading.contains(c["iso3"].as_str().expect("iso3")),
            "{heading}"
        );
    }
    assert!(heading.contains("SYN"));
    for theme in v["themes"].as_array().expect("themes") {
        let label = theme["label"].as_str().expect("label");
        // Long labels are cut to fit 80 columns: their start names the row.
        let start: String = label.chars().take(20).collect();
        let row = out
            .lines()
            .find(|l| l.starts_with(&start))
            .unwrap_or_else(|| panic!("a row for {label}"));
        let reached = format!("{}/5", theme["countries_reached"]);
        assert!(row.trim_end().ends_with(&reached), "{row}");
    }
    assert!(out.contains("Editorial themes (not the report's)"));
    // The legend is wrapped: read it as running text.
    let running = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(running.contains("R recommendations, B best practices, L lessons learned"));
    assert!(running.contains("C challenges"));
    assert!(out.lines().all(|l| l.chars().count() <= 80));
}

#[test]
fn an_unknown_kind_or_format_is_a_usage_error() {
    let (code, _, stderr) = run(&["matrix", "--kind", "everything"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("best-practices"), "{stderr}");
    let (code, _, _) = run(&["matrix", "--format", "html"]);
    assert_eq!(code, Some(2));
}

#[test]
fn no_control_character_from_a_dataset_reaches_the_output() {
    for format in ["text", "json", "md", "csv"] {
        let out = ok(&[
            "--data",
            "tests/fixtures/control-chars",
            "matrix",
            "--format",
            format,
        ]);
        assert_eq!(acting_char(&out), None, "--format {format}");
    }
}
