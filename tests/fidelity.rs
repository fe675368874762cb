//! The dataset against the report: counts bullet for bullet, every prose
//! string traced to `data/source/`, every citation pointing at its text,
//! every tier as the report prints it.
//!
//! The expected counts below were made by reading the report
//! (`data/source/lac-tip-review.txt`), not by reading the dataset.

use std::collections::HashSet;

use tipx::model::{Dataset, ItemKind, TierLevel};

// The data/FORMAT.md rules that go beyond counts and words, one file each.
#[path = "fidelity/figures.rs"]
mod figures;
#[path = "fidelity/names.rs"]
mod names;
#[path = "fidelity/themes.rs"]
mod themes;

const SOURCE: &str = include_str!("../data/source/lac-tip-review.txt");

fn dataset() -> Dataset {
    Dataset::embedded().unwrap_or_else(|p| panic!("the embedded dataset is invalid:\n{p}"))
}

// ---------------------------------------------------------------- counts

/// (id, name, ISO, tier, lessons learned, best practices, recommendations)
const COUNTRIES: [(&str, &str, &str, TierLevel, usize, usize, usize); 5] = [
    // Section III, lines 967-1233; Tier 2 Watch List (line 1004, and Section I line 348)
    (
        "dominican-republic",
        "Dominican Republic",
        "DOM",
        TierLevel::Tier2WatchList,
        4,
        4,
        4,
    ),
    // lines 1234-1482; Tier 2 (Section I line 346)
    ("ecuador", "Ecuador", "ECU", TierLevel::Tier2, 5, 7, 3),
    // lines 1483-1689; Tier 2 Watch List (line 1498, and Section I line 348)
    (
        "guatemala",
        "Guatemala",
        "GTM",
        TierLevel::Tier2WatchList,
        4,
        2,
        4,
    ),
    // lines 1690-1920; Tier 2 (line 1695, and Section I line 346)
    ("jamaica", "Jamaica", "JAM", TierLevel::Tier2, 4, 3, 5),
    // lines 1921-2145; Tier 2 (Section I line 346)
    ("nicaragua", "Nicaragua", "NIC", TierLevel::Tier2, 4, 4, 4),
];

#[test]
fn every_country_of_the_report_is_there_with_its_item_counts_and_tier() {
    let d = dataset();
    assert_eq!(d.countries.len(), COUNTRIES.len());
    for (id, name, iso3, tier, ll, bp, rec) in COUNTRIES {
        let c = d
            .countries
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("no country {id}"));
        assert_eq!((c.name.as_str(), c.iso3.as_str()), (name, iso3));
        assert_eq!(c.tier.level, tier, "{id}: tier");
        assert_eq!(
            c.tier.report_year, 2007,
            "{id}: tier as of the June 2007 report"
        );
        assert!(
            c.tier.quote.contains(tier.label()),
            "{id}: the tier quote does not say {}: {}",
            tier.label(),
            c.tier.quote
        );
        let counts = (
            c.lessons_learned.len(),
            c.best_practices.len(),
            c.recommendations.len(),
        );
        assert_eq!(
            counts,
            (ll, bp, rec),
            "{id}: lessons, practices, recommendations"
        );
        assert!(!c.overview.is_empty(), "{id}: overview");
        assert!(!c.key_figures.is_empty(), "{id}: key figures");
        assert!(!c.organizations.is_empty(), "{id}: organizations");
        assert!(!c.places.is_empty(), "{id}: places");
    }
}

#[test]
fn the_synthesis_and_the_report_frame_have_the_reports_counts() {
    let r = dataset().report;
    assert_eq!(
        r.synthesis.best_practices.len(),
        7,
        "Section II best practices"
    );
    assert_eq!(r.synthesis.challenges.len(), 3, "Section II challenges");
    assert_eq!(
        r.synthesis.recommendations.len(),
        6,
        "Section II recommendations"
    );
    assert_eq!(
        r.executive_summary_recommendations.len(),
        6,
        "executive summary bullets"
    );
    assert_eq!(r.objectives.len(), 4, "the four objectives");
    assert_eq!(
        r.methodology.scope_of_work.len(),
        4,
        "the four Scope of Work areas"
    );
    assert_eq!(r.tier_system.tiers.len(), 4, "Tier 1, 2, 2 Watch List, 3");
    let letters: Vec<&str> = r
        .tier_system
        .watch_list_factors
        .iter()
        .map(|f| f.letter.as_str())
        .collect();
    assert_eq!(letters, ["a", "b", "c"]);
    let numbers: Vec<u32> = r.sources.iter().map(|s| s.number).collect();
    assert_eq!(numbers, (1..=27).collect::<Vec<_>>(), "footnotes 1-27");
    assert_eq!(
        r.methodology.team.len(),
        7,
        "footnote 10 names seven consultants"
    );
}

#[test]
fn the_six_report_themes_are_the_six_synthesis_recommendations_in_order() {
    let r = dataset().report;
    let report_themes: Vec<(&str, Option<&str>)> = r
        .themes
        .iter()
        .filter(|t| t.report)
        .map(|t| (t.id.as_str(), t.synthesis_recommendation.as_deref()))
        .collect();
    assert_eq!(
        report_themes,
        [
            ("partnerships", Some("syn-rec-1")),
            ("awareness", Some("syn-rec-2")),
            ("training", Some("syn-rec-3")),
            ("legislation", Some("syn-rec-4")),
            ("machinery", Some("syn-rec-5")),
            ("gender", Some("syn-rec-6")),
        ]
    );
    for (i, rec) in r.synthesis.recommendations.iter().enumerate() {
        assert_eq!(
            rec.themes.first(),
            Some(&report_themes[i].0.to_string()),
            "{}",
            rec.id
        );
        assert!(
            rec.title.is_some(),
            "{}: the lead sentence is the title",
            rec.id
        );
    }
}

#[test]
fn every_recommendation_has_its_lead_sentence_as_title() {
    for c in dataset().countries {
        for item in &c.recommendations {
            let title = item
                .title
                .as_deref()
                .unwrap_or_else(|| panic!("{}: no title", item.id));
            assert!(item.text.starts_with(title), "{}", item.id);
            assert!(
                title.ends_with('.'),
                "{}: a lead sentence ends with a full stop: {title}",
                item.id
            );
        }
    }
}

#[test]
fn show_json_carries_every_item_of_the_report() {
    let d = dataset();
    for (id, _, _, _, ll, bp, rec) in COUNTRIES {
        let c = d.country(id).unwrap();
        let json: serde_json::Value = serde_json::from_str(&tipx::export::country_json(c)).unwrap();
        for (key, n) in [
            ("lessons_learned", ll),
            ("best_practices", bp),
            ("recommendations", rec),
        ] {
            assert_eq!(json[key].as_array().map(Vec::len), Some(n), "{id}.{key}");
        }
        for key in [
            "tier",
            "roles",
            "assessment",
            "key_figures",
            "overview",
            "places",
            "organizations",
        ] {
            assert!(json.get(key).is_some(), "{id}: no {key}");
        }
    }
}

// ---------------------------------------------------------------- words

/// Normalises text the way the project's `verbatim-check` does: quotes and
/// dashes unified, case folded, every non-alphanumeric character a space.
fn words(text: &str) -> Vec<String> {
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c if c.is_alphanumeric() => c.to_lowercase().next().unwrap_or(c),
            _ => ' ',
        })
        .collect();
    text.split_whitespace().map(str::to_string).collect()
}

/// The report text with line-end hyphenation joined and footnote markers
/// dropped. A marker is one or two digits glued to a word or to closing
/// punctuation; unlike a naive pattern, the digit after a decimal point
/// ("2.7 million") is prose, not a marker.
fn source_without_markers(source: &str) -> String {
    let mut joined = String::with_capacity(source.len());
    let mut lines = source.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_end();
        if trimmed.ends_with('-') && trimmed.len() > 1 && lines.peek().is_some() {
            joined.push_str(trimmed);
            // the next line's indent must not split the hyphenated word
            if let Some(next) = lines.next() {
                joined.push_str(next.trim_start());
            }
        } else {
            joined.push_str(line);
        }
        joined.push('\n');
    }
    let chars: Vec<char> = joined.chars().collect();
    let mut out = String::with_capacity(joined.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run > 0 {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let before2 = i.checked_sub(2).map(|j| chars[j]);
            let after = chars.get(i + run).copied();
            let glued = match before {
                Some(c) if c.is_alphabetic() => true,
                Some('.') => !before2.is_some_and(|c| c.is_ascii_digit()),
                Some(')' | '"' | '\'' | '\u{201d}' | '\u{2019}') => true,
                _ => false,
            };
            let ends =
                after.is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':'));
            if run <= 2 && glued && ends {
                out.push(' ');
                i += run;
                continue;
            }
            out.extend(&chars[i..i + run]);
            i += run;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

const N: usize = 6;

fn shingles(words: &[String]) -> HashSet<String> {
    words.windows(N).map(|w| w.join(" ")).collect()
}

/// Every string of a JSON value with its path.
fn strings(value: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((path, s.clone())),
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                strings(v, format!("{path}[{i}]"), out);
            }
        }
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                strings(v, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

fn dataset_files() -> Vec<(String, serde_json::Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files = vec![dir.join("report.json")];
    let mut countries: Vec<_> = std::fs::read_dir(dir.join("countries"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    countries.sort();
    files.extend(countries);
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (
                p.display().to_string(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect()
}

/// Strings of eight words or more are the report's; anything shorter is a
/// label, and the format keeps labels short so they cannot pass for prose.
#[test]
fn every_prose_string_is_the_reports_own_words() {
    let source_words = words(&source_without_markers(SOURCE));
    let source = shingles(&source_words);
    let vocabulary: HashSet<&String> = source_words.iter().collect();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (file, json) in dataset_files() {
        let mut all = Vec::new();
        strings(&json, String::new(), &mut all);
        for (path, text) in all {
            let w = words(&text);
            if w.len() < 8 {
                continue;
            }
            checked += 1;
            let own = shingles(&w);
            let covered = own.iter().filter(|s| source.contains(*s)).count();
            let coverage = covered as f64 / own.len().max(1) as f64;
            let foreign: Vec<&String> = w.iter().filter(|x| !vocabulary.contains(x)).collect();
            // Side-bars and page breaks split a paragraph in the extraction,
            // so a few shingles across the seams are expected to be missing;
            // a word the report never uses is not.
            if coverage < 0.9 || !foreign.is_empty() {
                failures.push(format!(
                    "{file}{path}: {:.0}% of its 6-word runs are in the report; words not in the report: {foreign:?}\n    {text}",
                    coverage * 100.0
                ));
            }
        }
    }
    assert!(checked > 300, "only {checked} prose strings checked");
    assert!(
        failures.is_empty(),
        "{} strings are not verbatim:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_marker_rule_keeps_decimals_and_drops_footnote_markers() {
    let cleaned = source_without_markers(
        "indicators.1 The 2.7 million fishermen6. Law 136-03 and (2005).12 end",
    );
    assert_eq!(
        words(&cleaned),
        words("indicators. The 2.7 million fishermen. Law 136-03 and (2005). end")
    );
}

// ---------------------------------------------------------------- citations

/// The line a citation names must hold the start of the cited text.
fn starts_at(line: u32, text: &str) -> Result<(), String> {
    let lines: Vec<&str> = SOURCE.lines().collect();
    let at = line as usize;
    if at == 0 || at > lines.len() {
        return Err(format!(
            "line {line} is outside the report (1-{})",
            lines.len()
        ));
    }
    // The cited line and the next (a paragraph may start at a line's end).
    let window = words(&source_without_markers(
        &lines[at - 1..(at + 1).min(lines.len())].join("\n"),
    ));
    let first: Vec<String> = words(text).into_iter().take(3).collect();
    let found = window
        .windows(first.len().max(1))
        .any(|w| w == first.as_slice());
    if found {
        Ok(())
    } else {
        Err(format!(
            "line {line} does not hold the start {first:?} (it reads {:?})",
            lines[at - 1].trim()
        ))
    }
}

#[test]
fn every_citation_points_at_the_line_where_its_text_starts() {
    let d = dataset();
    let mut failures = Vec::new();
    let mut check = |id: &str, line: u32, text: &str| {
        if let Err(e) = starts_at(line, text) {
            failures.push(format!("{id}: {e}"));
        }
    };
    for c in &d.countries {
        for kind in ItemKind::ALL {
            for item in c.items(kind) {
                check(&item.id, item.source.line, &item.text);
            }
        }
        for (i, p) in c.overview.iter().enumerate() {
            check(&format!("{} overview[{i}]", c.id), p.line, &p.text);
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
    {
        check(&item.id, item.source.line, &item.text);
    }
    for (name, ps) in [
        ("executive_summary", &r.executive_summary),
        ("introduction", &r.introduction),
        ("situation", &r.situation),
        ("conclusion", &r.conclusion),
        ("methodology", &r.methodology.paragraphs),
    ] {
        for (i, p) in ps.iter().enumerate() {
            check(&format!("{name}[{i}]"), p.line, &p.text);
        }
    }
    for f in &r.sources {
        check(&format!("footnote {}", f.number), f.line, &f.text);
    }
    for b in &r.sidebars {
        check(&b.id, b.line, &b.text);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn key_figures_are_printed_values_inside_their_quotes() {
    let normal = |s: &str| words(s).join(" ");
    let source = normal(&source_without_markers(SOURCE));
    let mut failures = Vec::new();
    for c in dataset().countries {
        for f in &c.key_figures {
            assert!(
                normal(&f.quote).contains(&normal(&f.value)),
                "{}: value {:?} is not in its quote {:?}",
                f.id,
                f.value,
                f.quote
            );
            assert!(
                source.contains(&normal(&f.quote)),
                "{}: quote not in the report: {:?}",
                f.id,
                f.quote
            );
            if let Err(e) = starts_at(f.source.line, &f.quote) {
                failures.push(format!("{}: {e}", f.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_tier_placement_in_section_one_agrees_with_the_profiles() {
    // Section I (lines 344-350): "Jamaica, Nicaragua, and Ecuador are classified as
    // Tier 2 countries ... The Dominican Republic and Guatemala ... were therefore
    // placed on the Tier 2 Watch List."
    let placement = dataset()
        .report
        .tier_system
        .placement
        .iter()
        .map(|p| p.text.clone())
        .collect::<String>();
    assert!(
        placement.contains("Jamaica, Nicaragua, and Ecuador are classified as Tier 2 countries")
    );
    assert!(placement.contains("The Dominican Republic and Guatemala"));
    assert!(placement.contains("Tier 2 Watch List"));
}
