//! Loading and validating datasets: a minimal valid dataset, then one broken
//! dataset per kind of defect (tests/fixtures/broken/<kind>/, each a copy of
//! tests/fixtures/minimal/ with one defect). Every defect must be reported by
//! `Dataset::from_dir` and by `tipx validate DIR` with the file, the place
//! (line:col and JSON path) and what was expected, with exit code 1 and no
//! panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tipx::model::{Dataset, Problem};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// A fixture directory, relative to the package root (as a user would type it).
fn rel(kind: &str) -> String {
    format!("tests/fixtures/{kind}")
}

/// The same fixture directory as an absolute path.
fn abs(kind: &str) -> PathBuf {
    Path::new(MANIFEST_DIR).join(rel(kind))
}

fn tipx() -> Command {
    let mut cmd = Command::cargo_bin("tipx").expect("the tipx binary is built");
    cmd.current_dir(MANIFEST_DIR);
    cmd
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = tipx().args(args).output().expect("tipx runs");
    (
        status.code(),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// One problem a user must see: the exact location prefix of the line
/// (`{dir}/countries/x.json:5:3: path: `) and fragments the rest of the line
/// must contain; `{dir}` stands for the dataset directory as given.
struct Expect {
    at: &'static str,
    says: &'static [&'static str],
}

const fn expect(at: &'static str, says: &'static [&'static str]) -> Expect {
    Expect { at, says }
}

fn find_line<'a>(lines: &[&'a str], at: &str) -> Option<&'a str> {
    lines.iter().copied().find(|l| l.starts_with(at))
}

fn check_lines(what: &str, lines: &[&str], dir: &str, expected: &[Expect]) {
    for e in expected {
        let at = e.at.replace("{dir}", dir);
        let Some(line) = find_line(lines, &at) else {
            panic!(
                "{what}: no problem starting with {at:?} in:\n{}",
                lines.join("\n")
            );
        };
        for fragment in e.says {
            let fragment = fragment.replace("{dir}", dir);
            assert!(
                line[at.len()..].contains(&fragment),
                "{what}: {line:?} should say {fragment:?}"
            );
        }
    }
}

/// `Dataset::from_dir` fails with exactly the expected problems.
fn assert_library_reports(kind: &str, expected: &[Expect]) -> Vec<Problem> {
    let dir = abs(kind);
    let problems = match Dataset::from_dir(&dir) {
        Ok(_) => panic!("{kind}: the broken dataset loaded"),
        Err(problems) => problems,
    };
    let shown = problems.to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(
        problems.0.len(),
        expected.len(),
        "{kind}: expected {} problem(s), got:\n{shown}",
        expected.len()
    );
    assert_eq!(
        lines.len(),
        expected.len(),
        "one line per problem:\n{shown}"
    );
    check_lines(kind, &lines, &dir.display().to_string(), expected);
    problems.0
}

/// `tipx validate DIR` exits 1, prints nothing on stdout and every expected
/// problem on stderr, and does not panic.
fn assert_validate_reports(kind: &str, expected: &[Expect]) -> String {
    let dir = rel(kind);
    let (code, stdout, stderr) = run(&["validate", &dir]);
    assert_eq!(code, Some(1), "{kind}: exit code; stderr:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{kind}: panicked:\n{stderr}");
    assert!(
        stdout.is_empty(),
        "{kind}: stdout should be empty: {stdout}"
    );
    let n = expected.len();
    let header = format!(
        "tipx: the dataset has {n} problem{}:",
        if n == 1 { "" } else { "s" }
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.first().copied(), Some(header.as_str()), "{stderr}");
    assert_eq!(
        lines.len(),
        n + 1,
        "{kind}: one line per problem:\n{stderr}"
    );
    check_lines(kind, &lines[1..], &dir, expected);
    stderr
}

fn assert_broken(kind: &str, expected: &[Expect]) -> Vec<Problem> {
    let problems = assert_library_reports(kind, expected);
    assert_validate_reports(kind, expected);
    problems
}

/// Copies the minimal dataset into a fresh temporary directory.
fn minimal_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    fs::create_dir(tmp.path().join("countries")).unwrap();
    for file in [
        "report.json",
        "countries/freedonia.json",
        "countries/free-state.json",
    ] {
        fs::copy(abs("minimal").join(file), tmp.path().join(file)).unwrap();
    }
    tmp
}

fn has_control(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c))
}

// --- the valid dataset -------------------------------------------------------

#[test]
fn minimal_dataset_loads() {
    let dataset = Dataset::from_dir(&abs("minimal")).unwrap_or_else(|p| panic!("{p}"));
    let names: Vec<&str> = dataset.countries.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Free State", "Freedonia"], "sorted by name");
    assert_eq!(dataset.report.title, "Fixture Report");
    assert_eq!(dataset.report.themes.len(), 2);
    assert_eq!(dataset.cells.len(), 2, "one row per theme");
    assert!(dataset.cells.iter().all(|row| row.len() == 2));
    assert!(!dataset.search.is_empty());
    let freedonia = dataset.country("freedonia").unwrap();
    assert_eq!(freedonia.iso3, "FRD");
    assert_eq!(
        freedonia.recommendations[0].title.as_deref(),
        Some("Strengthen data.")
    );
}

#[test]
fn validate_accepts_the_minimal_dataset() {
    let (code, stdout, stderr) = run(&["validate", "tests/fixtures/minimal"]);
    assert_eq!(code, Some(0), "stderr:\n{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(stdout.starts_with("ok: 2 countries"), "{stdout}");
}

// --- one defect per dataset --------------------------------------------------

#[test]
fn syntax_error_is_located_at_file_line_col() {
    // `"iso3": "FRD"` on line 4 lost its comma; the parser stops at line 5.
    let problems = assert_broken(
        "broken/syntax",
        &[expect(
            "{dir}/countries/freedonia.json:5:3: ",
            &["invalid JSON", "expected `,` or `}`"],
        )],
    );
    assert_eq!(problems[0].position, Some((5, 3)));
    assert_eq!(problems[0].path, None);
}

#[test]
fn wrong_type_names_the_json_path_and_the_expected_type() {
    let problems = assert_broken(
        "broken/wrong-type",
        &[expect(
            "{dir}/countries/freedonia.json:72:17: lessons_learned[0].source.line: ",
            &["invalid type: string \"twelve\"", "expected u32"],
        )],
    );
    assert_eq!(problems[0].position, Some((72, 17)));
    assert_eq!(
        problems[0].path.as_deref(),
        Some("lessons_learned[0].source.line")
    );
}

#[test]
fn unknown_tier_level_lists_the_levels() {
    assert_broken(
        "broken/wrong-tier",
        &[expect(
            "{dir}/countries/free-state.json:7:14: tier.level: ",
            &[
                "unknown variant `tier_4`",
                "expected one of",
                "`tier_2_watch_list`",
            ],
        )],
    );
}

#[test]
fn missing_field_points_at_the_item() {
    assert_broken(
        "broken/missing-field",
        &[expect(
            "{dir}/countries/freedonia.json:77:5: best_practices[0]: ",
            &["missing field `text`"],
        )],
    );
}

#[test]
fn unknown_theme_lists_the_known_themes() {
    assert_broken(
        "broken/unknown-theme",
        &[expect(
            "{dir}/countries/freedonia.json:81:9: best_practices[0].themes[0]: ",
            &[
                "unknown theme \"reserach\"",
                "expected one of partnerships, research",
            ],
        )],
    );
}

#[test]
fn duplicate_id_in_one_file() {
    assert_broken(
        "broken/duplicate-id-in-file",
        &[expect(
            "{dir}/countries/freedonia.json:78:13: best_practices[0].id: ",
            &[
                "duplicate id \"frd-ll-1\"",
                "(first used in {dir}/countries/freedonia.json)",
                "expected ids unique",
            ],
        )],
    );
}

#[test]
fn duplicate_id_across_two_files_names_both() {
    // free-state.json sorts before freedonia.json, so it holds the first use.
    assert_broken(
        "broken/duplicate-id-across-files",
        &[expect(
            "{dir}/countries/freedonia.json:91:13: recommendations[0].id: ",
            &[
                "duplicate id \"frd-rec-1\"",
                "(first used in {dir}/countries/free-state.json)",
                "expected ids unique",
            ],
        )],
    );
}

#[test]
fn empty_file_expects_a_json_object() {
    assert_broken(
        "broken/empty-file",
        &[expect(
            "{dir}/countries/free-state.json:1:1: ",
            &["empty", "expected a JSON object"],
        )],
    );
}

#[test]
fn whitespace_only_file_is_empty_too() {
    let tmp = minimal_copy();
    fs::write(tmp.path().join("report.json"), " \n\n  \n").unwrap();
    let problems = Dataset::from_dir(tmp.path()).unwrap_err().0;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].file.ends_with("report.json"));
    assert_eq!(problems[0].position, Some((1, 1)));
    assert!(problems[0].message.contains("expected a JSON object"));
}

#[test]
fn invalid_utf8_is_located_at_the_bad_byte() {
    let tmp = minimal_copy();
    let file = tmp.path().join("countries/free-state.json");
    let text = fs::read_to_string(&file).unwrap();
    let needle = "Free State learned a le";
    assert!(text.contains(needle));
    // Line 63 is `      "text": "Free State learned a lesson.",`; the 0xFF
    // byte goes after "le", at column 15 + 23 + 1.
    let mut bytes = Vec::new();
    let at = text.find(needle).unwrap() + needle.len();
    bytes.extend_from_slice(&text.as_bytes()[..at]);
    bytes.push(0xFF);
    bytes.extend_from_slice(&text.as_bytes()[at..]);
    fs::write(&file, bytes).unwrap();

    let problems = Dataset::from_dir(tmp.path()).unwrap_err().0;
    assert_eq!(problems.len(), 1, "{problems:?}");
    let shown = problems[0].to_string();
    let prefix = format!("{}:63:39: ", file.display());
    assert!(shown.starts_with(&prefix), "{shown}");
    assert!(shown.contains("invalid UTF-8"), "{shown}");
    assert!(
        shown.contains("expected a UTF-8 encoded JSON file"),
        "{shown}"
    );

    let dir = tmp.path().to_str().unwrap();
    let (code, stdout, stderr) = run(&["validate", dir]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stdout.is_empty());
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains(&prefix), "{stderr}");
}

#[test]
fn missing_dataset_directory_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-dataset");
    let problems = Dataset::from_dir(&missing).unwrap_err().0;
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].to_string(),
        format!(
            "{}: no such directory; expected a dataset directory with report.json and countries/",
            missing.display()
        )
    );
    let (code, _, stderr) = run(&["validate", missing.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains(&format!("{}: no such directory", missing.display())),
        "{stderr}"
    );
}

#[test]
fn a_file_instead_of_a_directory() {
    let (code, _, stderr) = run(&["validate", "tests/fixtures/minimal/report.json"]);
    assert_eq!(code, Some(1));
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains(
            "tests/fixtures/minimal/report.json: is not a directory; expected a dataset directory"
        ),
        "{stderr}"
    );
}

#[test]
fn missing_countries_directory_is_named() {
    assert_broken(
        "broken/no-countries-dir",
        &[expect(
            "{dir}/countries: ",
            &["cannot read the countries directory"],
        )],
    );
}

#[test]
fn missing_report_file_is_named() {
    assert_broken(
        "broken/no-report",
        &[expect("{dir}/report.json: ", &["cannot read"])],
    );
}

#[test]

fn missing_report_and_countries_say_what_was_expected() {
    for kind in ["broken/no-report", "broken/no-countries-dir"] {
        let (_, _, stderr) = run(&["validate", &rel(kind)]);
        assert!(stderr.contains("expected"), "{kind}: {stderr}");
    }
}

#[test]
fn empty_countries_directory_expects_a_country_file() {
    let tmp = minimal_copy();
    fs::remove_file(tmp.path().join("countries/freedonia.json")).unwrap();
    fs::remove_file(tmp.path().join("countries/free-state.json")).unwrap();
    let problems = Dataset::from_dir(tmp.path()).unwrap_err().0;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].to_string(),
        format!(
            "{}: no country files; expected at least one countries/<id>.json",
            tmp.path().join("countries").display()
        )
    );
}

#[test]
fn country_file_named_differently_from_its_id() {
    assert_broken(
        "broken/file-name-not-id",
        &[expect(
            "{dir}/countries/freestate.json:2:9: id: ",
            &[
                "\"free-state\" differs from the file name",
                "expected the file countries/free-state.json",
            ],
        )],
    );
}

#[test]
fn empty_text_is_rejected() {
    assert_broken(
        "broken/empty-text",
        &[expect(
            "{dir}/countries/free-state.json:63:15: lessons_learned[0].text: ",
            &["empty text", "expected the report's words"],
        )],
    );
}

#[test]
fn unknown_organization_reference() {
    assert_broken(
        "broken/unknown-organization",
        &[expect(
            "{dir}/countries/free-state.json:68:9: lessons_learned[0].organizations[0]: ",
            &[
                "unknown organization \"FXQ\"",
                "expected the name or acronym",
            ],
        )],
    );
}

#[test]
fn unknown_field_lists_the_known_fields() {
    assert_broken(
        "broken/unknown-field",
        &[expect(
            "{dir}/countries/freedonia.json:51:15: places[0].knid: ",
            &["unknown field `knid`", "expected `name` or `kind`"],
        )],
    );
}

// --- several problems at once ------------------------------------------------

#[test]
fn several_problems_in_several_files_are_all_reported() {
    assert_broken(
        "broken/several",
        &[
            expect(
                "{dir}/report.json:42:17: synthesis.recommendations[0].text: ",
                &["empty text"],
            ),
            expect(
                "{dir}/countries/freedonia.json:68:9: lessons_learned[0].organizations[0]: ",
                &["unknown organization \"FXQ\""],
            ),
            expect(
                "{dir}/countries/freedonia.json:81:9: best_practices[0].themes[0]: ",
                &["unknown theme \"reserach\""],
            ),
            expect(
                "{dir}/countries/freestate.json:2:9: id: ",
                &["differs from the file name"],
            ),
            expect(
                "{dir}/countries/freestate.json:91:13: recommendations[0].id: ",
                &["duplicate id \"frd-rec-1\""],
            ),
        ],
    );
}

#[test]
fn several_parse_problems_in_several_files_are_all_reported() {
    assert_broken(
        "broken/several-parse",
        &[
            expect("{dir}/report.json:1:1: ", &["missing field `title`"]),
            expect(
                "{dir}/countries/free-state.json:72:17: lessons_learned[0].source.line: ",
                &["expected u32"],
            ),
            expect("{dir}/countries/freedonia.json:5:3: ", &["invalid JSON"]),
        ],
    );
}

#[test]

fn a_syntax_error_does_not_hide_other_files_problems() {
    assert_broken(
        "broken/parse-and-semantic",
        &[
            expect("{dir}/countries/freedonia.json:5:3: ", &["invalid JSON"]),
            expect(
                "{dir}/countries/free-state.json:81:9: best_practices[0].themes[0]: ",
                &["unknown theme \"reserach\""],
            ),
        ],
    );
}

#[test]

fn syntax_error_column_counts_characters_like_other_problems() {
    // Line 44 is `      "text": "Freedonia – “país” años" "x",`: the stray
    // string starts at character 41 (byte 49).
    assert_broken(
        "broken/syntax-after-accents",
        &[expect(
            "{dir}/countries/freedonia.json:44:41: ",
            &["invalid JSON"],
        )],
    );
}

// --- terminal safety ---------------------------------------------------------

#[test]
fn control_sequences_in_strings_are_removed_when_loading() {
    let dataset = Dataset::from_dir(&abs("control-chars")).unwrap_or_else(|p| panic!("{p}"));
    let freedonia = dataset.country("freedonia").unwrap();
    let overview = &freedonia.overview[0].text;
    assert_eq!(has_control(overview), None, "{overview:?}");
    assert!(
        overview.contains("Red [31malert"),
        "the visible text stays: {overview:?}"
    );
    assert!(
        overview.contains("tab here"),
        "a tab becomes a space: {overview:?}"
    );
    for entry in &dataset.search {
        assert_eq!(has_control(&entry.text), None, "{:?}", entry.text);
    }
}

#[test]
fn show_prints_no_control_characters() {
    for format in ["text", "json"] {
        let (code, stdout, stderr) = run(&[
            "--data",
            "tests/fixtures/control-chars",
            "show",
            "freedonia",
            "--format",
            format,
        ]);
        assert_eq!(code, Some(0), "{stderr}");
        assert!(stdout.contains("Red [31malert"), "{stdout}");
        assert!(stdout.contains("witness protection"), "{stdout}");
        assert_eq!(has_control(&stdout), None, "{format}: {stdout:?}");
        assert!(
            !stdout.contains("\\u001b") && !stdout.contains("\\u009b"),
            "{stdout}"
        );
    }
}

#[test]
fn list_and_search_print_no_control_characters() {
    for args in [
        &["--data", "tests/fixtures/control-chars", "list"][..],
        &[
            "--data",
            "tests/fixtures/control-chars",
            "search",
            "red",
            "alert",
        ][..],
        &[
            "--data",
            "tests/fixtures/control-chars",
            "search",
            "witness",
        ][..],
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stdout.is_empty(), "{args:?}");
        assert_eq!(has_control(&stdout), None, "{args:?}: {stdout:?}");
    }
}

#[test]

fn validate_prints_no_control_characters_from_keys() {
    let (code, _, stderr) = run(&["validate", "tests/fixtures/broken/control-in-key"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("unknown field"), "{stderr}");
    assert_eq!(has_control(&stderr), None, "{stderr:?}");
}
