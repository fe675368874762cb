//! `tipx compare` in every format, on the embedded dataset and on
//! tests/fixtures/measures (three countries whose key figures say what they
//! measure), checked against the dataset files read here directly.

mod common;

use common::cli::{acting_char, ok, run, MANIFEST_DIR};
use serde_json::Value;

/// `tipx ARGS --format json`, parsed.
fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    common::cli::json(&all)
}

const MEASURES: &str = "tests/fixtures/measures";

fn country_file(dir: &str, id: &str) -> Value {
    let path = format!("{MANIFEST_DIR}/{dir}/countries/{id}.json");
    let text = std::fs::read_to_string(path).expect("a country file");
    serde_json::from_str(&text).expect("valid JSON")
}

fn array(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap_or_else(|| panic!("an array, got {v}"))
}

const GROUPS: [&str; 6] = [
    "profile",
    "figures",
    "themes",
    "lessons_learned",
    "best_practices",
    "recommendations",
];

/// Checks the fixed shape key by key, and that the data behind each cell is
/// the country's own, as its file has it.
fn check_shape(v: &Value, dir: &str, ids: &[&str]) {
    let keys: Vec<&String> = v.as_object().expect("an object").keys().collect();
    assert_eq!(keys, ["countries", "rows"]);
    let countries = array(&v["countries"]);
    let got: Vec<&str> = countries
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert_eq!(got, ids, "countries in the order asked");
    let files: Vec<Value> = ids.iter().map(|id| country_file(dir, id)).collect();
    for (c, file) in countries.iter().zip(&files) {
        assert_eq!(c["name"], file["name"]);
        assert_eq!(c["iso3"], file["iso3"]);
    }
    let mut last_group = 0;
    for row in array(&v["rows"]) {
        let group = row["group"].as_str().expect("group is a string");
        let g = GROUPS
            .iter()
            .position(|x| *x == group)
            .unwrap_or_else(|| panic!("unknown group {group}"));
        assert!(g >= last_group, "groups in order");
        last_group = g;
        assert!(row["label"].is_string());
        assert_eq!(row.get("measure").is_some(), group == "figures", "{row}");
        let cells = array(&row["cells"]);
        assert_eq!(cells.len(), ids.len());
        let mut seen = Vec::new();
        for ((cell, id), file) in cells.iter().zip(ids).zip(&files) {
            assert_eq!(cell["country"], *id);
            if let Some(value) = cell.get("value") {
                assert!(value.is_string());
            }
            if let Some(number) = cell.get("number") {
                assert!(number.is_number());
            }
            if let Some(items) = cell.get("items") {
                check_items(row, items, file);
            }
            if group == "figures" {
                check_figures(row, cell, file);
            }
            seen.push((cell.get("value").cloned(), cell.get("number").cloned()));
        }
        let differs = seen.windows(2).any(|w| match (&w[0].1, &w[1].1) {
            (Some(a), Some(b)) => a != b,
            _ => w[0] != w[1],
        });
        assert_eq!(row["differs"], differs, "{row}");
    }
}

/// An item row's cell holds the country's items of that kind tagged with
/// the row's theme, and its value starts each item's text.
fn check_items(row: &Value, items: &Value, file: &Value) {
    let kind = row["group"].as_str().expect("group");
    let theme = row["theme"].as_str().expect("item rows name a theme");
    let expected: Vec<&Value> = array(&file[kind])
        .iter()
        .filter(|i| array(&i["themes"]).iter().any(|t| t == theme))
        .collect();
    let want: Vec<&Value> = expected.iter().map(|i| &i["id"]).collect();
    let got: Vec<&Value> = array(items).iter().collect();
    assert_eq!(got, want, "{kind} on {theme} of {}", file["id"]);
}

/// A figure row's cell holds exactly the country's figures on that measure;
/// its number is the figure's own, and only where there is one figure.
fn check_figures(row: &Value, cell: &Value, file: &Value) {
    let measure = row["measure"].as_str().expect("a measure");
    let figures: Vec<&Value> = array(&file["key_figures"])
        .iter()
        .filter(|f| f["measure"] == measure)
        .collect();
    let ids: Vec<&Value> = figures.iter().map(|f| &f["id"]).collect();
    assert_eq!(array(&cell["figures"]).iter().collect::<Vec<_>>(), ids);
    match figures.as_slice() {
        [] => assert!(cell.get("value").is_none(), "{cell}"),
        [one] => {
            assert_eq!(cell["value"], one["value"]);
            let number = |v: &Value| v.get("number").and_then(Value::as_f64);
            assert_eq!(number(cell), number(one), "the figure's own number");
            assert_eq!(cell["source"], one["source"]);
        }
        several => {
            assert!(cell.get("number").is_none(), "no number for two figures");
            assert_eq!(array(&cell["sources"]).len(), several.len());
        }
    }
}

#[test]
fn json_on_the_embedded_dataset_has_the_fixed_shape_in_the_order_asked() {
    let v = json(&["compare", "jam", "dr", "Ecuador"]);
    check_shape(&v, "data", &["jamaica", "dominican-republic", "ecuador"]);
    let rows = array(&v["rows"]);
    let tier = &rows[0];
    assert_eq!(tier["label"], "Tier, June 2007");
    let values: Vec<&Value> = array(&tier["cells"]).iter().map(|c| &c["value"]).collect();
    assert_eq!(values, ["Tier 2", "Tier 2 Watch List", "Tier 2"]);
    assert_eq!(tier["differs"], true);
    let roles = rows.iter().find(|r| r["label"] == "Roles").expect("roles");
    assert_eq!(roles["cells"][0]["value"], "origin, transit, destination");
    assert_eq!(
        roles["differs"], false,
        "all three are origin, transit, destination"
    );
    let requested = rows
        .iter()
        .find(|r| r["label"] == "Requested by")
        .expect("requested by");
    assert_eq!(requested["cells"][1]["value"], "USAID Mission");
    assert_eq!(requested["cells"][1]["source"]["line"], 1033);
    for group in [
        "themes",
        "recommendations",
        "best_practices",
        "lessons_learned",
    ] {
        assert!(rows.iter().any(|r| r["group"] == group), "{group}");
    }
}

#[test]
fn json_with_measures_aligns_figures_and_says_where_a_country_has_none() {
    let v = json(&["--data", MEASURES, "compare", "fst", "frd", "gfw"]);
    let ids = ["free-state", "freedonia", "grand-fenwick"];
    check_shape(&v, MEASURES, &ids);
    let figures: Vec<&Value> = array(&v["rows"])
        .iter()
        .filter(|r| r["group"] == "figures")
        .collect();
    let labels: Vec<&Value> = figures.iter().map(|r| &r["label"]).collect();
    assert_eq!(
        labels,
        ["Population", "Poverty", "Street children"],
        "report.measures order"
    );
    let poverty = &figures[1]["cells"];
    assert_eq!(poverty[0]["value"], "about 80%");
    assert_eq!(poverty[0]["number"], 80.0);
    assert_eq!(poverty[0]["year"], 2005);
    // A city's figure has no measure: only the national one lines up.
    assert_eq!(poverty[1]["value"], "60 percent");
    assert!(poverty[2].get("value").is_none());
    // The fixture has a figure with no measure: it is on no row.
    assert!(
        !ok(&["--data", MEASURES, "compare", "fst", "frd", "--format", "json"])
            .contains("fst-fig-unmeasured")
    );
}

#[test]
fn csv_parses_back_one_record_per_row_and_country() {
    let args = ["--data", MEASURES, "compare", "gfw", "fst"];
    let v = json(&args);
    let mut csv_args = args.to_vec();
    csv_args.extend(["--format", "csv"]);
    let out = ok(&csv_args);
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
            "group",
            "label",
            "measure",
            "theme",
            "differs",
            "country",
            "value",
            "number",
            "year",
            "items",
            "figures",
            "source_lines"
        ]
    );
    let records: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("a well-formed record"))
        .collect();
    let expected: Vec<(&Value, &Value)> = array(&v["rows"])
        .iter()
        .flat_map(|row| array(&row["cells"]).iter().map(move |cell| (row, cell)))
        .collect();
    assert_eq!(records.len(), expected.len());
    for (r, (row, cell)) in records.iter().zip(expected) {
        assert_eq!(&r[0], row["group"].as_str().expect("group"));
        assert_eq!(&r[1], row["label"].as_str().expect("label"));
        assert_eq!(&r[2], row["measure"].as_str().unwrap_or(""));
        assert_eq!(r[4] == *"true", row["differs"] == true);
        assert_eq!(&r[5], cell["country"].as_str().expect("country"));
        assert_eq!(&r[6], cell["value"].as_str().unwrap_or(""));
        let number = cell["number"].as_f64().map(|n| n.to_string());
        assert_eq!(&r[7], number.as_deref().unwrap_or(""));
        let items: Vec<&str> = cell["items"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert_eq!(r[9].split_whitespace().collect::<Vec<_>>(), items);
    }
}

#[test]
fn markdown_has_a_table_per_group_with_a_column_per_country() {
    let out = ok(&["compare", "dr", "nic", "--format", "md"]);
    assert!(out.starts_with("## Comparison: Dominican Republic, Nicaragua\n"));
    for heading in ["### Profile", "### Recommendations, by theme"] {
        assert!(out.contains(heading), "{heading}");
    }
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
    assert!(rows.contains(&"| Row | Dominican Republic | Nicaragua | Differs |"));
    for row in &rows {
        // Escaped pipes inside cells are not column breaks.
        let columns = row.replace("\\|", "").matches('|').count() - 1;
        assert_eq!(columns, 4, "{row}");
    }
    let tier = rows
        .iter()
        .find(|r| r.starts_with("| Tier, June 2007 |"))
        .expect("a tier row");
    assert!(tier.contains("Tier 2 Watch List (line 1004) (!)"), "{tier}");
    assert!(tier.ends_with("| yes |"));
    assert!(out.contains("not in the report"));
}

#[test]
fn text_marks_differences_the_watch_list_and_missing_values_in_words() {
    let out = ok(&["--data", MEASURES, "compare", "gfw", "fst"]);
    assert!(out.contains("Tier, June 2007  [differs]\n"), "{out}");
    assert!(out.contains("  !GFW Tier 2 Watch List (line 4)\n"), "{out}");
    assert!(out.contains("   FST Tier 3 (line 4)\n"), "{out}");
    assert!(out.contains("Roles\n"), "equal rows carry no marker");
    assert!(
        out.contains("   FST about 80% (2005; p. 3, line 11)\n"),
        "{out}"
    );
    assert!(out.contains("   GFW not in the report\n"), "{out}");
    assert!(out.contains("KEY FIGURES"));
}

#[test]
fn a_duplicate_or_more_than_five_countries_is_a_usage_error() {
    let (code, stdout, stderr) = run(&["compare", "dr", "ecu", "DOM"]);
    assert_eq!(code, Some(2));
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("Dominican Republic is named twice"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["compare", "dr", "ecu", "gtm", "jam", "nic", "dr"]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("2 to 5 countries; 6 given"), "{stderr}");
    let (code, _, _) = run(&["compare", "dr"]);
    assert_eq!(code, Some(2), "one country");
}

#[test]
fn an_unknown_country_fails_like_show() {
    let (code, stdout, stderr) = run(&["compare", "dr", "atlantis"]);
    assert_eq!(code, Some(1));
    assert!(stdout.is_empty());
    assert!(stderr.contains("unknown country \"atlantis\""), "{stderr}");
}

#[test]
fn no_control_character_from_a_dataset_reaches_the_output() {
    for format in ["text", "json", "md", "csv"] {
        let out = ok(&[
            "--data",
            "tests/fixtures/control-chars",
            "compare",
            "free state",
            "freedonia",
            "--format",
            format,
        ]);
        assert_eq!(acting_char(&out), None, "--format {format}");
    }
}
