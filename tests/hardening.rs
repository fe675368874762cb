//! Issue #12, the data side: what a hostile or careless dataset can put in
//! a string, a line number or a file name, and what a user then sees from
//! `tipx validate`, `list`, `show` and `search`. Each dataset is a copy of
//! tests/fixtures/minimal with one change.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tipx::model::Dataset;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const FREEDONIA: &str = "countries/freedonia.json";
const FREE_STATE: &str = "countries/free-state.json";

/// A copy of the minimal dataset in a temporary directory.
fn minimal() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let from = Path::new(MANIFEST_DIR).join("tests/fixtures/minimal");
    fs::create_dir(tmp.path().join("countries")).unwrap();
    for file in ["report.json", FREEDONIA, FREE_STATE] {
        fs::copy(from.join(file), tmp.path().join(file)).unwrap();
    }
    tmp
}

/// The minimal dataset with `from` replaced by `to` (once) in `file`.
fn minimal_with(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let tmp = minimal();
    let path = tmp.path().join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
    tmp
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn tipx(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("tipx")
        .unwrap()
        .arg("--data")
        .arg(dir)
        .args(args)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .expect("tipx runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `tipx validate` fails with exactly one problem, whose line is returned.
fn one_problem(dir: &Path) -> String {
    let run = tipx(dir, &["validate"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("tipx: the dataset has 1 problem:"),
        "{}",
        run.stderr
    );
    assert_eq!(lines.len(), 2, "{}", run.stderr);
    lines[1].to_string()
}

/// The place a problem must start with: `DIR/file:line:col: path: `.
fn at(dir: &Path, file: &str, line: usize, column: usize, path: &str) -> String {
    format!("{}:{line}:{column}: {path}: ", dir.join(file).display())
}

/// A byte that can act on a terminal: a C0 control other than newline, DEL,
/// or a C1 control (U+0080..U+009F).
fn acting_char(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| c.is_control() && c != '\n' || ('\u{202A}'..='\u{202E}').contains(&c))
}

fn load(dir: &Path) -> Dataset {
    Dataset::from_dir(dir).unwrap_or_else(|p| panic!("{p}"))
}

// --- 1. control characters through JSON's short escapes ----------------------

#[test]
fn short_escapes_in_a_name_become_spaces_everywhere() {
    let tmp = minimal_with(
        FREEDONIA,
        r#""Freedonia","#,
        r#""Freedonia\rFAKE\b\f\t\n","#,
    );
    let dir = tmp.path();
    assert_eq!(load(dir).countries[1].name, "Freedonia FAKE   ");
    for args in [
        &["list"][..],
        &["show", "freedonia"],
        &["search", "Freedonia"],
    ] {
        let run = tipx(dir, args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        assert!(
            run.stdout.contains("Freedonia FAKE"),
            "{args:?}: {}",
            run.stdout
        );
        assert_eq!(acting_char(&run.stdout), None, "{args:?}: {:?}", run.stdout);
    }
    for args in [
        &["list", "--format", "json"][..],
        &["show", "frd", "--format", "json"],
    ] {
        let run = tipx(dir, args);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
        let name = if args[0] == "list" {
            &value[1]["name"]
        } else {
            &value["name"]
        };
        assert_eq!(name, "Freedonia FAKE   ", "{args:?}");
        assert!(
            !run.stdout.contains("\\r") && !run.stdout.contains("\\b"),
            "{}",
            run.stdout
        );
    }
}

#[test]
fn a_label_and_an_id_lose_their_line_breaks() {
    let tmp = minimal_with(
        "report.json",
        r#""label": "Research and data""#,
        r#""label": "Research\nand\r\ndata\u2028here""#,
    );
    let dataset = load(tmp.path());
    assert_eq!(dataset.theme_label("research"), "Research and data here");
}

#[test]
fn prose_keeps_only_its_paragraph_breaks() {
    let tmp = minimal_with(
        FREEDONIA,
        r#""Freedonia is a fixture country.""#,
        r#""Freedonia is\na fixture\r\n\r\ncountry.\n\n\n\nIt\u2029has\u2028paragraphs.\n""#,
    );
    let dataset = load(tmp.path());
    assert_eq!(
        dataset.countries[1].overview[0].text,
        "Freedonia is a fixture\n\ncountry.\n\nIt\n\nhas paragraphs. "
    );
    let run = tipx(tmp.path(), &["show", "freedonia"]);
    assert!(
        run.stdout
            .contains("Freedonia is a fixture\n\ncountry.\n\nIt\n\nhas paragraphs."),
        "{}",
        run.stdout
    );
}

#[test]
fn the_real_dataset_is_left_exactly_as_written() {
    // Cleaning must never change the report's own words: every string of
    // every file comes out of loading as it is in the file.
    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let data = Path::new(MANIFEST_DIR).join("data");
    let dataset = load(&data);
    for country in &dataset.countries {
        let file = data.join(format!("countries/{}.json", country.id));
        let raw: serde_json::Value = serde_json::from_slice(&fs::read(file).unwrap()).unwrap();
        let (mut written, mut loaded) = (Vec::new(), Vec::new());
        strings(&raw, &mut written);
        strings(&serde_json::to_value(country).unwrap(), &mut loaded);
        written.sort();
        loaded.sort();
        assert_eq!(written, loaded, "{}", country.id);
    }
    let raw: serde_json::Value =
        serde_json::from_slice(&fs::read(data.join("report.json")).unwrap()).unwrap();
    let (mut written, mut loaded) = (Vec::new(), Vec::new());
    strings(&raw, &mut written);
    strings(&serde_json::to_value(&dataset.report).unwrap(), &mut loaded);
    written.sort();
    loaded.sort();
    assert_eq!(written, loaded, "report.json");
}

// --- 2. no formatting width from data ------------------------------------------

#[test]
fn list_pads_a_very_wide_name_by_its_drawn_width() {
    // 1,500 wide characters: 3,000 columns, within the one-line limit.
    let wide = "国".repeat(1_500);
    let tmp = minimal_with(FREEDONIA, r#""Freedonia","#, &format!("\"{wide}\","));
    let run = tipx(tmp.path(), &["list"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // The column at which the ISO code (or its heading) starts, as drawn.
    let iso_columns: Vec<usize> = run
        .stdout
        .lines()
        .map(|line| {
            let start = ["  ISO  ", "  FST  ", "  FRD  "]
                .iter()
                .find_map(|code| line.find(code))
                .unwrap_or_else(|| panic!("no ISO column in {line:?}"));
            unicode_width::UnicodeWidthStr::width(&line[..start])
        })
        .collect();
    assert_eq!(iso_columns.len(), 3, "{}", run.stdout);
    assert!(
        iso_columns.windows(2).all(|w| w[0] == w[1]),
        "the ISO column starts at the same column in every row: {iso_columns:?}"
    );
    assert_eq!(iso_columns[0], 3_000);
}

#[test]
fn list_text_survives_a_name_wider_than_65535_columns() {
    // `from_parts` skips validation (its limits would refuse the name), so
    // this is the writer alone: it once panicked "Formatting argument out of range".
    let dataset = load(minimal().path());
    let mut countries = dataset.countries.clone();
    countries[0].name = "W".repeat(70_000);
    let wide = Dataset::from_parts(dataset.report.clone(), countries);
    let text = tipx::export::list_text(&wide);
    let header = text.lines().next().unwrap();
    assert_eq!(header.find("  ISO"), Some(70_000), "{}", &header[..20]);
}

// --- 6. every field has a limit ------------------------------------------------

#[test]
fn a_name_over_the_limit_is_refused_where_it_is() {
    let long = "N".repeat(2_001);
    let tmp = minimal_with(FREEDONIA, r#""Freedonia","#, &format!("\"{long}\","));
    let problem = one_problem(tmp.path());
    let place = at(tmp.path(), FREEDONIA, 3, 11, "name");
    assert_eq!(
        problem,
        format!("{place}2001 characters; expected at most 2000 in a one-line field")
    );
}

#[test]
fn an_id_and_a_text_over_their_limits_are_refused() {
    let tmp = minimal_with(
        FREEDONIA,
        r#""frd-ll-1""#,
        &format!("\"{}\"", "i".repeat(101)),
    );
    let problem = one_problem(tmp.path());
    assert!(
        problem.contains("lessons_learned[0].id: 101 characters; expected at most 100 in an id"),
        "{problem}"
    );
    let tmp = minimal_with(
        FREEDONIA,
        r#""Freedonia learned a lesson.""#,
        &format!("\"{}\"", "t".repeat(50_001)),
    );
    let problem = one_problem(tmp.path());
    assert!(
        problem.contains("lessons_learned[0].text: 50001 characters; expected at most 50000"),
        "{problem}"
    );
}

#[test]
fn a_50_mb_file_is_refused_before_it_is_read() {
    let tmp = minimal();
    let path = tmp.path().join(FREEDONIA);
    let text = fs::read_to_string(&path).unwrap();
    let huge = text.replacen(
        r#""Freedonia","#,
        &format!("\"{}\",", "x".repeat(50 << 20)),
        1,
    );
    let size = huge.len();
    fs::write(&path, huge).unwrap();
    let problem = one_problem(tmp.path());
    assert!(
        problem.starts_with(&format!("{}: is {size} bytes;", path.display())),
        "{problem}"
    );
    assert!(
        problem.ends_with("bytes; expected at most 2097152 bytes (2 MiB) per file"),
        "{problem}"
    );
}

// --- 8. separators, joiners and modifiers ----------------------------------------

#[test]
fn separators_joiners_and_lone_modifiers_are_settled_at_load() {
    let tmp = minimal_with(
        FREEDONIA,
        r#""Freedonia","#,
        r#""Free\u2028do\u2029nia \ud83c\udffd\u200d\u0301x\ufe0f","#,
    );
    let dataset = load(tmp.path());
    assert_eq!(dataset.countries[1].name, "Free do nia x");
}

// --- 10. what validate also reports ---------------------------------------------

#[test]
fn a_source_line_of_zero_is_refused() {
    let tmp = minimal_with(FREEDONIA, "\"line\": 7", "\"line\": 0");
    let problem = one_problem(tmp.path());
    let place = at(tmp.path(), FREEDONIA, 45, 15, "overview[0].line");
    assert_eq!(
        problem,
        format!("{place}line 0; expected a 1-based line of the source text")
    );
}

#[test]
fn a_source_line_past_the_end_of_the_source_text_is_refused() {
    let tmp = minimal_with(FREEDONIA, "\"line\": 7", "\"line\": 11");
    // Without source text, only 0 can be known to be wrong.
    load(tmp.path());
    fs::create_dir(tmp.path().join("source")).unwrap();
    let ten_lines: String = (1..=10).map(|i| format!("line {i}\n")).collect();
    fs::write(tmp.path().join("source/lac-tip-review.txt"), ten_lines).unwrap();
    let problem = one_problem(tmp.path());
    let place = at(tmp.path(), FREEDONIA, 45, 15, "overview[0].line");
    assert_eq!(
        problem,
        format!("{place}line 11 is past the end of the source text (10 lines); expected 1 to 10")
    );
}

#[test]
fn the_real_dataset_points_inside_its_source_text() {
    let run = Command::cargo_bin("tipx")
        .unwrap()
        .args(["validate", "data"])
        .current_dir(MANIFEST_DIR)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn two_countries_with_one_name_are_refused() {
    let tmp = minimal_with(FREE_STATE, r#""Free State","#, r#""FREEDONIA","#);
    let problem = one_problem(tmp.path());
    let place = at(tmp.path(), FREEDONIA, 3, 11, "name");
    assert_eq!(
        problem,
        format!(
            "{place}country name \"Freedonia\" is already used by {}; expected each country once",
            tmp.path().join(FREE_STATE).display()
        )
    );
}

#[test]
fn two_countries_with_one_iso_code_are_refused() {
    let tmp = minimal_with(FREE_STATE, r#""FST""#, r#""FRD""#);
    let problem = one_problem(tmp.path());
    assert!(
        problem.starts_with(&at(tmp.path(), FREEDONIA, 4, 11, "iso3")),
        "{problem}"
    );
    assert!(problem.contains("\"frd\" is already used by"), "{problem}");
}

#[test]
fn an_upper_case_json_extension_is_reported_not_ignored() {
    let tmp = minimal();
    let upper: PathBuf = tmp.path().join("countries/freedonia.JSON");
    fs::rename(tmp.path().join(FREEDONIA), &upper).unwrap();
    let problem = one_problem(tmp.path());
    assert_eq!(
        problem,
        format!(
            "{}: the extension \".JSON\" is not lower-case, so the file would be ignored; expected a name ending in \".json\"",
            upper.display()
        )
    );
}

#[test]
fn a_duplicate_key_is_named_at_its_second_occurrence() {
    let tmp = minimal_with(
        FREEDONIA,
        r#""iso3": "FRD","#,
        r#""iso3": "FRD", "name": "Again","#,
    );
    let problem = one_problem(tmp.path());
    assert_eq!(
        problem,
        format!(
            "{}duplicate key \"name\" in this object; expected each key once",
            at(tmp.path(), FREEDONIA, 4, 18, "name")
        )
    );
}

#[test]
fn a_byte_order_mark_is_named() {
    let tmp = minimal();
    let path = tmp.path().join(FREEDONIA);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("\u{FEFF}{text}")).unwrap();
    let problem = one_problem(tmp.path());
    assert_eq!(
        problem,
        format!(
            "{}:1:1: the file starts with a byte order mark (U+FEFF); expected UTF-8 JSON without one",
            path.display()
        )
    );
}

#[test]
fn a_huge_wrong_type_value_is_not_echoed_whole() {
    let huge = "\u{1b}[2J".to_string() + &"9".repeat(1_000_000);
    let tmp = minimal_with(
        FREEDONIA,
        "\"line\": 7",
        &format!("\"line\": \"{}\"", huge.replace('\u{1b}', "\\u001b")),
    );
    let problem = one_problem(tmp.path());
    let place = at(tmp.path(), FREEDONIA, 45, 15, "overview[0].line");
    assert_eq!(
        problem,
        format!(
            "{place}invalid type: string \"\\u{{1b}}[2J{}…\", expected u32",
            "9".repeat(51)
        )
    );
}
