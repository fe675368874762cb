//! Checks on what key figures measure. A comparison lines countries up on a
//! figure's `measure`, so a measure must be one the report file declares,
//! and a country can have only one figure per measure: two would leave the
//! comparison to pick one silently.

use std::collections::{HashMap, HashSet};

use super::load::Loaded;
use super::problem::Problem;

/// Every problem with the report's `measures` and the figures that use them.
pub fn check(loaded: &Loaded) -> Vec<Problem> {
    let mut problems = Vec::new();
    let report = &loaded.report;
    let mut known = HashSet::new();
    for (i, measure) in report.value.measures.iter().enumerate() {
        if measure.id.trim().is_empty() {
            problems.push(report.problem(&format!("measures[{i}].id"), "empty measure id"));
        } else if !known.insert(measure.id.as_str()) {
            problems.push(report.problem(
                &format!("measures[{i}].id"),
                format!(
                    "duplicate measure \"{}\"; expected each measure once",
                    measure.id
                ),
            ));
        }
        if measure.label.trim().is_empty() {
            problems.push(report.problem(
                &format!("measures[{i}].label"),
                "empty label; expected what the measure is, in words",
            ));
        }
    }
    let mut listed: Vec<&str> = known.iter().copied().collect();
    listed.sort_unstable();
    for country in &loaded.countries {
        // measure -> id of the first figure of this country that has it
        let mut first: HashMap<&str, &str> = HashMap::new();
        for (i, figure) in country.value.key_figures.iter().enumerate() {
            let Some(measure) = figure.measure.as_deref() else {
                continue;
            };
            let at = format!("key_figures[{i}].measure");
            if !known.contains(measure) {
                let expected = if listed.is_empty() {
                    "report.json declares no measures; add it to report.json's measures".to_string()
                } else {
                    format!(
                        "expected one of report.json's measures: {}",
                        listed.join(", ")
                    )
                };
                problems.push(
                    country.problem(&at, format!("unknown measure \"{measure}\"; {expected}")),
                );
            }
            if let Some(other) = first.insert(measure, figure.id.as_str()) {
                first.insert(measure, other);
                problems.push(country.problem(
                    &at,
                    format!(
                        "measure \"{measure}\" is already the measure of \"{other}\"; expected at most one figure per measure in a country"
                    ),
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::model::load::{parse_all, RawDataset, RawFile};

    const REPORT: &str = include_str!("../../tests/fixtures/minimal/report.json");

    /// The minimal fixture's report with `measures` added, and one country
    /// whose key figures are `figures` (a JSON array).
    fn problems(measures: &str, figures: &str) -> Vec<String> {
        let report = REPORT
            .trim_end()
            .strip_suffix('}')
            .map(|head| format!("{head},\n  \"measures\": {measures}\n}}\n"))
            .expect("the fixture is a JSON object");
        let country = format!(
            r#"{{
  "id": "freedonia", "name": "Freedonia", "iso3": "FRD", "region": "Caribbean",
  "tier": {{ "level": "tier_2", "report_year": 2007, "quote": "Tier 2.",
            "source": {{ "section": "III", "line": 1 }} }},
  "roles": ["origin"],
  "assessment": {{ "month": "May", "year": 2006, "requested_by": "USAID Mission",
                  "quote": "Assessed.", "source": {{ "section": "III", "line": 1 }} }},
  "key_figures": {figures},
  "overview": [], "lessons_learned": [], "best_practices": [], "recommendations": []
}}"#
        );
        let raw = RawDataset {
            report: RawFile {
                name: "report.json".into(),
                bytes: Cow::Owned(report.into_bytes()),
            },
            countries: vec![RawFile {
                name: "countries/freedonia.json".into(),
                bytes: Cow::Owned(country.into_bytes()),
            }],
            source_lines: None,
        };
        let (loaded, parse_problems) = parse_all(raw);
        assert!(parse_problems.is_empty(), "{parse_problems:?}");
        check(&loaded.expect("parsed"))
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    fn figure(id: &str, measure: &str) -> String {
        format!(
            r#"{{ "id": "{id}", "label": "Population", "value": "9", "number": 9, "measure": "{measure}",
    "quote": "9", "source": {{ "section": "III", "line": 1 }} }}"#
        )
    }

    const MEASURES: &str = r#"[{ "id": "population", "label": "Population" }]"#;

    #[test]
    fn a_known_measure_used_once_is_fine() {
        assert_eq!(
            problems(MEASURES, &format!("[{}]", figure("a", "population"))),
            Vec::<String>::new()
        );
    }

    #[test]
    fn an_unknown_measure_is_located_and_lists_the_known_ones() {
        let found = problems(MEASURES, &format!("[{}]", figure("a", "popluation")));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("countries/freedonia.json:")
                && found[0].contains(": key_figures[0].measure: unknown measure \"popluation\"")
                && found[0].ends_with("expected one of report.json's measures: population"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn two_figures_with_one_measure_name_the_first() {
        let found = problems(
            MEASURES,
            &format!(
                "[{}, {}]",
                figure("a", "population"),
                figure("b", "population")
            ),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(
                "key_figures[1].measure: measure \"population\" is already the measure of \"a\""
            ),
            "{}",
            found[0]
        );
        // located at the second figure's measure, line:column
        let position = found[0].split(':').nth(1).unwrap();
        assert!(
            position.parse::<usize>().is_ok_and(|line| line > 1),
            "{}",
            found[0]
        );
    }

    #[test]
    fn a_measure_declared_twice_is_a_problem_of_the_report() {
        let twice = r#"[{ "id": "population", "label": "Population" },
                        { "id": "population", "label": "People" }]"#;
        let found = problems(twice, "[]");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("report.json:")
                && found[0].contains("measures[1].id: duplicate measure \"population\""),
            "{}",
            found[0]
        );
    }
}
