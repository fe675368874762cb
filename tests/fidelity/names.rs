//! Names: the glossary against the acronyms the report prints, the
//! organizations each item names, and notes that say in words what they
//! concern, for every conflict between the synthesis and a chapter.

use tipx::model::{Item, ItemKind, Note, Organization};

use super::{dataset, words, SOURCE};

/// Acronyms the report prints but never expands; the glossary holds only
/// printed expansions, so these stay out of it.
const NEVER_EXPANDED: [&str; 9] = [
    "UNICEF", "SOS", "HIV", "STDs", "JD", "USD", "FY", "ECPAT", "SIMPOC",
];

/// The report with its lines joined, for passages that run over a line end.
fn flat_source() -> String {
    SOURCE
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-")
}

/// The largest char boundary at or below `at`.
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// An acronym: two capitals or more, at most one lower-case letter
/// (NGOs, MoE, GoE), no digit.
fn is_acronym(token: &str) -> bool {
    let upper = token.chars().filter(char::is_ascii_uppercase).count();
    let lower = token.chars().filter(char::is_ascii_lowercase).count();
    upper >= 2 && lower <= 1 && token.chars().all(|c| c.is_ascii_alphabetic())
}

#[test]
fn usaid_is_in_the_glossary_with_the_name_the_report_prints() {
    let glossary = dataset().report.glossary;
    let usaid = glossary
        .iter()
        .find(|g| g.acronym == "USAID")
        .expect("USAID is not in the glossary");
    assert_eq!(
        usaid.expansion,
        "United States Agency for International Development"
    );
    assert!(flat_source().contains(&usaid.expansion));
}

#[test]
fn every_acronym_in_parentheses_has_the_expansion_printed_before_it() {
    let glossary = dataset().report.glossary;
    let source = flat_source();
    let mut failures = Vec::new();
    let mut checked = 0;
    for (at, _) in source.match_indices('(') {
        let Some(len) = source[at + 1..].find(')') else {
            continue;
        };
        let acronym = &source[at + 1..at + 1 + len];
        if !is_acronym(&acronym.replace('/', "")) {
            continue;
        }
        checked += 1;
        // The extraction can put a footnote between the name and its
        // acronym ("and international [footnote 10] organizations (IOs)"), so
        // the expansion's words need only come in order, the last one last.
        let before = words(&source[floor_char_boundary(&source, at.saturating_sub(600))..at]);
        let found = glossary.iter().any(|g| {
            g.acronym == acronym && {
                let mut expansion = words(&g.expansion);
                // "the Ministry of Education’s (MOE)"
                let last = before.last().map(|w| w.trim_end_matches("'s"));
                let ends = expansion.last().map(String::as_str) == last;
                let mut rest = before.iter().map(|w| w.trim_end_matches("'s"));
                expansion.retain(|w| !rest.any(|b| b == w));
                ends && expansion.is_empty()
            }
        });
        if !found {
            let tail = &before[before.len().saturating_sub(12)..];
            failures.push(format!(
                "({acronym}): no glossary entry with the expansion printed before it: …{}",
                tail.join(" ")
            ));
        }
    }
    assert!(checked >= 30, "only {checked} parenthesised acronyms");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_acronym_the_report_uses_is_in_the_glossary_unless_never_expanded() {
    let glossary = dataset().report.glossary;
    let known = |a: &str| glossary.iter().any(|g| g.acronym == a) || NEVER_EXPANDED.contains(&a);
    let mut missing = std::collections::BTreeSet::new();
    // Headings and page headers are set in capitals; they are not acronyms.
    for line in SOURCE
        .lines()
        .filter(|l| l.chars().any(|c| c.is_lowercase()))
    {
        for token in line.split(|c: char| !(c.is_ascii_alphabetic() || c == '/')) {
            if token.is_empty() || known(token) {
                continue;
            }
            // "USAID/EGAT/WID": a known acronym with a slash inside a longer one
            let mut token = token.to_string();
            for g in glossary.iter().filter(|g| g.acronym.contains('/')) {
                token = token.replace(&g.acronym, "/");
            }
            for part in token.split('/') {
                if is_acronym(part) && !known(part) {
                    missing.insert(part.to_string());
                }
            }
        }
    }
    // "CASA Alianza" is an organization's name set in capitals, not an acronym.
    missing.remove("CASA");
    assert!(missing.is_empty(), "not in the glossary: {missing:?}");
    for g in &glossary {
        assert!(
            flat_source().contains(&g.expansion)
                || words(&flat_source())
                    .join(" ")
                    .contains(&words(&g.expansion).join(" ")),
            "{}: the expansion {:?} is not printed in the report",
            g.acronym,
            g.expansion
        );
    }
}

/// The organizations of `orgs` whose name or acronym `text` prints; a name
/// inside a longer listed name that matches at the same place counts once.
fn named<'a>(text: &str, orgs: &'a [Organization]) -> Vec<&'a Organization> {
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut spans: Vec<(usize, usize, &Organization)> = Vec::new();
    for o in orgs {
        for key in std::iter::once(o.name.as_str()).chain(o.acronym.as_deref()) {
            for (at, _) in text.match_indices(key) {
                let end = at + key.len();
                if boundary(text[..at].chars().next_back()) && boundary(text[end..].chars().next())
                {
                    spans.push((at, end, o));
                }
            }
        }
    }
    spans
        .iter()
        .filter(|(a, b, _)| {
            !spans
                .iter()
                .any(|(a2, b2, _)| a2 <= a && b <= b2 && b2 - a2 > b - a)
        })
        .map(|(_, _, o)| *o)
        .collect()
}

/// "the Government of Ecuador", "the GOE", "the Nicaraguan government":
/// the country a text's mention of a government points at.
fn governments(text: &str) -> Vec<&'static str> {
    const NAMES: [(&str, &[&str]); 5] = [
        (
            "Dominican Republic",
            &[
                "Government of the Dominican Republic",
                "Dominican government",
            ],
        ),
        (
            "Ecuador",
            &[
                "Government of Ecuador",
                "GOE",
                "GoE",
                "Ecuadorian government",
            ],
        ),
        (
            "Guatemala",
            &[
                "Government of Guatemala",
                "Guatemala Government",
                "Guatemalan government",
            ],
        ),
        ("Jamaica", &["Government of Jamaica", "Jamaican government"]),
        (
            "Nicaragua",
            &["Government of Nicaragua", "Nicaraguan government"],
        ),
    ];
    NAMES
        .iter()
        .filter(|(_, ways)| {
            ways.iter().any(|w| {
                text.match_indices(w).any(|(at, _)| {
                    text[at + w.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
                })
            })
        })
        .map(|(country, _)| *country)
        .collect()
}

fn check_items(items: &[Item], orgs: &[Organization], failures: &mut Vec<String>) -> usize {
    let mut checked = 0;
    for item in items {
        let listed = |o: &Organization| item.organizations.iter().any(|x| o.is_called(x));
        for o in named(&item.text, orgs) {
            checked += 1;
            if !listed(o) {
                failures.push(format!(
                    "{} names {} but does not list it",
                    item.id,
                    o.short()
                ));
            }
        }
        for country in governments(&item.text) {
            checked += 1;
            let government = orgs
                .iter()
                .find(|o| o.name.starts_with("Government of") && o.name.ends_with(country));
            match government {
                Some(o) if listed(o) => {}
                Some(o) => {
                    failures.push(format!("{} names {} but does not list it", item.id, o.name))
                }
                None => failures.push(format!(
                    "{} names the government of {country}, which the file's organizations lack",
                    item.id
                )),
            }
        }
    }
    checked
}

#[test]
fn every_organization_an_item_names_is_listed_on_it() {
    let d = dataset();
    let mut failures = Vec::new();
    let mut checked = 0;
    for c in &d.countries {
        for kind in ItemKind::ALL {
            checked += check_items(c.items(kind), &c.organizations, &mut failures);
        }
    }
    let r = &d.report;
    let s = &r.synthesis;
    for items in [&s.best_practices, &s.challenges, &s.recommendations] {
        checked += check_items(items, &r.organizations, &mut failures);
    }
    assert!(checked > 60, "only {checked} mentions checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_organization_check_sees_a_government_and_a_nested_name() {
    let orgs: Vec<Organization> = serde_json::from_str(
        r#"[{ "name": "Ministry of Interior" },
            { "name": "Ministry of Interior Gender Commission Division" },
            { "name": "Government of Nicaragua" }]"#,
    )
    .unwrap();
    let text = "The Ministry of Interior Gender Commission Division and the Nicaraguan government.";
    let names: Vec<&str> = named(text, &orgs).iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Ministry of Interior Gender Commission Division"]);
    assert_eq!(governments(text), ["Nicaragua"]);
}

/// A note's label must read on its own: words, not an id.
fn label_problem(note: &Note) -> Option<String> {
    let n = words(&note.label).len();
    let id_like = note.label.split_whitespace().any(|w| {
        w.contains("-fig-") || w.contains("-ll-") || w.contains("-bp-") || w.contains("-rec-")
    });
    (!(3..=7).contains(&n) || id_like).then(|| format!("{}: label {:?}", note.id, note.label))
}

#[test]
fn every_note_says_in_words_what_it_concerns() {
    let d = dataset();
    let notes: Vec<&Note> = d
        .report
        .notes
        .iter()
        .chain(d.countries.iter().flat_map(|c| &c.notes))
        .collect();
    let bad: Vec<String> = notes.iter().filter_map(|n| label_problem(n)).collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    for n in &notes {
        assert!(!n.quotes.is_empty(), "{}: no quote", n.id);
    }
    let synthesis: Vec<&str> = {
        let s = &d.report.synthesis;
        s.best_practices
            .iter()
            .chain(&s.challenges)
            .chain(&s.recommendations)
            .map(|i| i.id.as_str())
            .collect()
    };
    for n in &d.report.notes {
        for r in &n.refs {
            assert!(
                synthesis.contains(&r.as_str()),
                "{}: a report note refers to synthesis items; {r} is not one",
                n.id
            );
        }
    }
}

/// Conflicts between the synthesis and a chapter, found by reading Section
/// II against each chapter: (country, words of the synthesis, words of the
/// chapter or of the synthesis where the chapter is silent).
const CONFLICTS: [(&str, &str, &str); 9] = [
    // line 519 against 1370: no procedures for witnesses' security, or a program
    (
        "ecuador",
        "no procedures guaranteeing the personal security of witnesses",
        "victim and witness protection program is an excellent step",
    ),
    // line 703 against 1166-1170: four regions, or one and three to come
    (
        "dominican-republic",
        "with consulates in four regions",
        "Three other regional networks will be developed",
    ),
    // line 419 against 1164: operational since 2005, or established in 2001
    (
        "dominican-republic",
        "operational since 2005",
        "established in 2001",
    ),
    // line 457 against 1152: database in progress, or established
    (
        "dominican-republic",
        "is in the process of establishing",
        "CENSEL established the first database",
    ),
    // line 474 against 1391: the tourism police
    (
        "ecuador",
        "In the case of the Dominican Republic, trained specialized police forces",
        "Poli-Tourism",
    ),
    // line 438 against 1636: who mapped the routes
    (
        "guatemala",
        "In Guatemala and Nicaragua, CSOs have been instrumental",
        "implemented by Save the Children, an international NGO",
    ),
    // line 758 against 1584: awareness work under way everywhere
    (
        "guatemala",
        "Each of the five countries under study have innovative approaches",
        "little visible evidence remained",
    ),
    // line 510 against 1568: a specific law, or criminal code provisions
    (
        "guatemala",
        "Guatemala and Nicaragua continue to prosecute cases",
        "the anti-trafficking law was revised in 2005",
    ),
    // line 446 against 1117: the school training topics
    (
        "dominican-republic",
        "family based violence",
        "gender-based violence, nondiscrimination",
    ),
];

#[test]
fn every_conflict_between_the_synthesis_and_a_chapter_is_noted_in_both() {
    let d = dataset();
    let holds = |notes: &[Note], a: &str, b: &str| {
        notes.iter().any(|n| {
            n.quotes.iter().any(|q| q.contains(a)) && n.quotes.iter().any(|q| q.contains(b))
        })
    };
    let source = flat_source();
    for (country, synthesis, chapter) in CONFLICTS {
        assert!(
            source.contains(synthesis) && source.contains(chapter),
            "not printed as such: {synthesis:?} / {chapter:?}"
        );
        assert!(
            holds(&d.report.notes, synthesis, chapter),
            "no report note quotes {synthesis:?} and {chapter:?}"
        );
        let c = d.country(country).unwrap();
        assert!(
            holds(&c.notes, synthesis, chapter),
            "{country}: no note quotes {synthesis:?} and {chapter:?}"
        );
    }
}
