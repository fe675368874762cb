//! Key figures as `data/FORMAT.md` fixes them: the value with its printed
//! qualifier, a number exactly where the value is one number, measures that
//! line countries up, and pages where the report prints them.

use std::collections::{HashMap, HashSet};

use tipx::model::{ItemKind, KeyFigure, Source};

use super::{dataset, SOURCE};

const NUMBER_WORDS: [(&str, f64); 19] = [
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Qualifiers the report prints in front of a number.
const QUALIFIERS: [&str; 15] = [
    "an estimated",
    "as many as",
    "can reach",
    "an average of",
    "more than",
    "at least",
    "up to",
    "over",
    "about",
    "approximately",
    "nearly",
    "almost",
    "around",
    "only",
    "between",
];

/// The quantities a printed value holds, in order: digits ("2,434", "9.2",
/// "$55", "3.2%") or number words ("fifty"), times a following "million".
/// A four-digit token equal to the figure's year is a date, not a quantity.
fn quantities(value: &str, year: Option<u16>) -> Vec<f64> {
    let mut found: Vec<f64> = Vec::new();
    let lower = value.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '(' || c == ')')
        .filter(|t| !t.is_empty())
        .collect();
    for token in tokens {
        let bare = token.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '.');
        let bare = bare.trim_end_matches('.');
        if bare == "million" {
            if let Some(last) = found.last_mut() {
                *last *= 1_000_000.0;
            }
            continue;
        }
        if let Some((_, n)) = NUMBER_WORDS.iter().find(|(w, _)| *w == bare) {
            found.push(*n);
            continue;
        }
        let digits: String = bare.chars().filter(|c| *c != ',').collect();
        let numeric: String = digits
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        if numeric.is_empty() || !numeric.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let Ok(n) = numeric.parse::<f64>() else {
            continue;
        };
        if numeric.len() == 4 && year.is_some_and(|y| f64::from(y) == n) {
            continue;
        }
        found.push(n);
    }
    found
}

#[test]
fn the_quantity_reader_reads_the_report_s_ways_of_printing_numbers() {
    assert_eq!(quantities("over 13.5 million", None), [13_500_000.0]);
    assert_eq!(quantities("fifty percent", None), [50.0]);
    assert_eq!(quantities("an estimated 2,434", Some(2006)), [2434.0]);
    assert_eq!(quantities("$20,000 JD", None), [20000.0]);
    assert_eq!(quantities("650,000 to 1,000,000", None), [650000.0, 1e6]);
    assert_eq!(quantities("16-25", Some(2004)), [16.0, 25.0]);
    assert_eq!(quantities("December 2005", Some(2005)), Vec::<f64>::new());
    assert_eq!(quantities("3.2%", None), [3.2]);
}

fn figures() -> Vec<(String, KeyFigure)> {
    dataset()
        .countries
        .into_iter()
        .flat_map(|c| {
            let id = c.id.clone();
            c.key_figures.into_iter().map(move |f| (id.clone(), f))
        })
        .collect()
}

#[test]
fn every_number_is_the_one_number_printed_in_its_value() {
    let mut failures = Vec::new();
    let mut numbers = 0;
    for (_, f) in figures() {
        let printed = quantities(&f.value, f.year);
        let expected = match printed.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        numbers += usize::from(f.number.is_some());
        // "9.2 million" reads as 9.2 × 10⁶, which floating point may miss by
        // a hair; a relative tolerance keeps 9200000 equal to it.
        let same = match (f.number, expected) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * b.abs().max(1.0),
            (a, b) => a == b,
        };
        if !same {
            failures.push(format!(
                "{}: value {:?} prints {printed:?}, so number should be {expected:?}, not {:?}",
                f.id, f.value, f.number
            ));
        }
    }
    assert!(numbers > 60, "only {numbers} figures have a number");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_value_keeps_the_qualifier_printed_before_it() {
    let mut failures = Vec::new();
    for (_, f) in figures() {
        let quote = f.quote.to_lowercase();
        let value = f.value.to_lowercase();
        let Some(at) = quote.find(&value) else {
            failures.push(format!("{}: value {:?} is not in its quote", f.id, f.value));
            continue;
        };
        let before = quote[..at].trim_end();
        if let Some(q) = QUALIFIERS
            .iter()
            .find(|q| before == **q || before.ends_with(&format!(" {q}")))
        {
            failures.push(format!(
                "{}: the report prints \"{q} {}\"; the value drops \"{q}\"",
                f.id, f.value
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_measure_is_declared_used_by_two_countries_and_once_per_country() {
    let d = dataset();
    let declared: HashSet<&str> = d.report.measures.iter().map(|m| m.id.as_str()).collect();
    let start = [
        "population",
        "poverty",
        "under-18-share",
        "unemployment",
        "street-children",
        "child-price",
    ];
    for id in start {
        assert!(declared.contains(id), "the measure {id} is missing");
    }
    let mut countries_per_measure: HashMap<&str, Vec<&str>> = HashMap::new();
    for c in &d.countries {
        let mut seen = HashSet::new();
        for f in &c.key_figures {
            let Some(m) = f.measure.as_deref() else {
                continue;
            };
            assert!(declared.contains(m), "{}: unknown measure {m}", f.id);
            assert!(seen.insert(m), "{}: a second {m} figure in {}", f.id, c.id);
            countries_per_measure.entry(m).or_default().push(&c.iso3);
        }
    }
    for m in &d.report.measures {
        let with = countries_per_measure.get(m.id.as_str()).map_or(0, Vec::len);
        assert!(
            with >= 2,
            "{}: only {with} countries; a measure exists to compare",
            m.id
        );
    }
    assert_eq!(
        countries_per_measure["population"],
        ["DOM", "ECU", "GTM", "JAM", "NIC"]
    );
}

#[test]
fn the_compared_figures_are_the_national_ones_the_report_prints() {
    // Read off the overviews (lines 977-983, 1240-1242, 1487-1495, 1732-1734):
    // the city and youth figures are not the national ones.
    let d = dataset();
    let value = |country: &str, measure: &str| -> Option<String> {
        d.country(country)
            .ok()?
            .key_figures
            .iter()
            .find(|f| f.measure.as_deref() == Some(measure))
            .map(|f| f.value.clone())
    };
    assert_eq!(
        value("DOM", "poverty"),
        None,
        "only Santo Domingo and Puerto Plata"
    );
    assert_eq!(
        value("JAM", "unemployment"),
        None,
        "only youth unemployment"
    );
    assert_eq!(
        value("JAM", "under-18-share"),
        None,
        "\"youth\", age not given"
    );
    assert_eq!(value("GTM", "poverty").as_deref(), Some("about 80%"));
    assert_eq!(
        value("ECU", "unemployment").as_deref(),
        Some("can reach 50 percent")
    );
    assert_eq!(value("JAM", "street-children").as_deref(), Some("6,500"));
    assert_eq!(
        value("DOM", "child-price").as_deref(),
        Some("approximately $55 to $175 USD")
    );
}

/// (printed page number, first line, last line) of each page whose number
/// the extraction keeps: from its header to the line before the next page
/// start (a line beginning with one space and then text, or a header).
fn printed_pages() -> Vec<(u32, u32, u32)> {
    let lines: Vec<&str> = SOURCE.lines().collect();
    let header = |line: &str| -> Option<u32> {
        let rest = line
            .trim()
            .replace("REVIEW OF TRAFFICKING IN PERSONS PROGRAMS IN LAC", "");
        (rest.len() < line.trim().len())
            .then(|| rest.trim().parse().ok())
            .flatten()
    };
    let starts_page =
        |line: &str| line.starts_with(' ') && line[1..].starts_with(|c: char| !c.is_whitespace());
    let mut pages = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(number) = header(line) {
            let end = (i + 1..lines.len())
                .find(|&j| starts_page(lines[j]) || header(lines[j]).is_some())
                .unwrap_or(lines.len());
            pages.push((number, i as u32 + 1, end as u32));
        }
    }
    pages
}

#[test]
fn a_source_has_a_page_exactly_where_the_report_prints_its_number() {
    let pages = printed_pages();
    assert_eq!(
        pages.iter().map(|p| p.0).collect::<Vec<_>>(),
        [3, 12, 31, 33],
        "the page headers the extraction keeps"
    );
    let page_of = |line: u32| {
        pages
            .iter()
            .find(|(_, first, last)| (*first..=*last).contains(&line))
            .map(|p| p.0)
    };
    let d = dataset();
    let mut sources: Vec<(String, &Source)> = Vec::new();
    for c in &d.countries {
        sources.push((format!("{} tier", c.id), &c.tier.source));
        sources.push((format!("{} assessment", c.id), &c.assessment.source));
        sources.extend(c.key_figures.iter().map(|f| (f.id.clone(), &f.source)));
        for kind in ItemKind::ALL {
            sources.extend(c.items(kind).iter().map(|i| (i.id.clone(), &i.source)));
        }
    }
    let r = &d.report;
    let s = &r.synthesis;
    for item in s
        .best_practices
        .iter()
        .chain(&s.challenges)
        .chain(&s.recommendations)
        .chain(&r.objectives)
        .chain(&r.methodology.scope_of_work)
    {
        sources.push((item.id.clone(), &item.source));
    }
    let mut failures = Vec::new();
    let mut with_page = 0;
    for (id, source) in &sources {
        let expected = page_of(source.line);
        with_page += usize::from(expected.is_some());
        if source.page != expected {
            failures.push(format!(
                "{id} (line {}): page {:?}, expected {expected:?}",
                source.line, source.page
            ));
        }
    }
    assert!(with_page >= 15, "only {with_page} sources on printed pages");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
