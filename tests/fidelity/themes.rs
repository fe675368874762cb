//! The theme rule of `data/FORMAT.md` ("Assigning a theme"), as far as a
//! machine can check it: tags grounded in the text, the words that are never
//! passing, one practice tagged alike wherever the report describes it.

use tipx::model::{Dataset, Item, ItemKind};

use super::dataset;

/// Words whose presence grounds a theme: an item tagged with the theme holds
/// at least one (lower case, matched as substrings).
const CUES: [(&str, &[&str]); 11] = [
    (
        "partnerships",
        &[
            "partner",
            "collaborat",
            "cooperat",
            "coordinat",
            "network",
            "referral",
            "memorand",
            "standard operating",
            "standard operational",
            "information-sharing",
            "exchange",
            "liaise",
            "coalition-building",
            "protocols",
        ],
    ),
    (
        "awareness",
        &[
            "aware",
            "public education",
            "campaign",
            "sensitiz",
            "public information",
            "media",
            "prevention",
            "the public",
        ],
    ),
    ("training", &["train"]),
    (
        "legislation",
        &[
            "legislat",
            "law",
            "legal reform",
            "criminal code",
            "ordinance",
            " act",
            "decree",
            "reform",
        ],
    ),
    (
        "machinery",
        &[
            "committee",
            "commission",
            "taskforce",
            "task force",
            "coalition",
            "plan of action",
            "action plan",
            "policy-making",
            "policymaking",
            "machiner",
            "political commitment",
            "institutional reform",
            "ciprom",
            "ncctp",
        ],
    ),
    (
        "gender",
        &[
            "gender",
            "women",
            "domestic violence",
            "family violence",
            "family based violence",
            "sexual violence",
        ],
    ),
    (
        "research",
        &[
            "research",
            "data",
            "survey",
            "study",
            "studies",
            "database",
            "mapping",
            "statistic",
            "monitor",
        ],
    ),
    (
        "victim-services",
        &[
            "shelter",
            "assist",
            "protect",
            "counsel",
            "helpline",
            "rehabilitat",
            "reintegrat",
            "re-integrat",
            "care",
            "accommodation",
            "witness",
            "service provider",
            "service-provider",
        ],
    ),
    (
        "migration",
        &[
            "migra",
            "border",
            "repatriat",
            "immigra",
            "smuggl",
            "consul",
            "emigrat",
            "entry-port",
        ],
    ),
    (
        "children",
        &[
            "child",
            "minor",
            "youth",
            "student",
            "adolescent",
            "girls",
            "boys",
        ],
    ),
    (
        "tourism",
        &["touris", "hospitality", "hotel", "private sector"],
    ),
];

/// Words that are never passing: an item whose text holds one carries the theme.
const NEVER_PASSING: [(&str, &[&str]); 4] = [
    ("victim-services", &["shelter"]),
    ("tourism", &["touris", "hospitality"]),
    ("migration", &["border", "repatriat"]),
    (
        "gender",
        &[
            "gender-based violence",
            "gender inequality",
            "gender equality",
        ],
    ),
];

/// One practice described in a chapter and in the synthesis, with the
/// themes the practice carries in both places (read from both passages).
const SAME_PRACTICE: [(&str, &str, &[&str]); 19] = [
    // the Dominican consular network (lines 1164, 411, 703)
    ("dom-bp-4", "syn-bp-1", &["partnerships", "migration"]),
    ("dom-bp-4", "syn-rec-1", &["partnerships", "migration"]),
    // Guatemala's digital communication project on children abroad (1620, 411)
    (
        "gtm-bp-1",
        "syn-bp-1",
        &["partnerships", "research", "migration", "children"],
    ),
    // CEPAM's help to internally trafficked minors (1416, 425)
    ("ecu-bp-5", "syn-bp-2", &["victim-services", "children"]),
    // the regional mapping of trafficking routes (1630, 425)
    (
        "gtm-bp-2",
        "syn-bp-2",
        &["partnerships", "research", "children"],
    ),
    // the Dominican Ministry of Education in schools (1115, 444, 764)
    (
        "dom-bp-1",
        "syn-bp-3",
        &["awareness", "research", "children", "gender"],
    ),
    (
        "dom-bp-1",
        "syn-rec-2",
        &["awareness", "children", "gender"],
    ),
    // CENSEL's database and Nicaragua's Gender Commission (1145, 2070, 455)
    ("dom-bp-3", "syn-bp-4", &["gender", "research"]),
    (
        "nic-bp-4",
        "syn-bp-4",
        &["gender", "victim-services", "partnerships"],
    ),
    // Guayaquil's Chamber of Tourism (1385, 467)
    (
        "ecu-bp-2",
        "syn-bp-5",
        &["tourism", "awareness", "children"],
    ),
    // DNI's municipal ordinance and CRS's grassroots network (1424, 1434, 483)
    ("ecu-bp-6", "syn-bp-6", &["legislation", "research"]),
    (
        "ecu-bp-7",
        "syn-bp-6",
        &["partnerships", "awareness", "victim-services"],
    ),
    // Nicaragua's repatriation protocols and border project (2058, 2045, 496)
    ("nic-bp-3", "syn-bp-7", &["migration", "partnerships"]),
    ("nic-bp-2", "syn-bp-7", &["migration", "children"]),
    // Jamaica's Child Protection Act and FINJUS's legal reform (1846, 1131, 803)
    ("jam-bp-3", "syn-rec-4", &["legislation", "children"]),
    ("dom-bp-2", "syn-rec-4", &["legislation"]),
    // Jamaica’s National Taskforce (1816, 852)
    ("jam-bp-1", "syn-rec-5", &["machinery"]),
    // campaigns run jointly: Jamaica's CSOs with government, INNFA with the
    // Ricky Martin Foundation (1829, 1408, 761, 769)
    (
        "jam-bp-2",
        "syn-rec-2",
        &["awareness", "partnerships", "children", "migration"],
    ),
    (
        "ecu-bp-4",
        "syn-rec-2",
        &["awareness", "partnerships", "children"],
    ),
];

/// Every item of the countries and of the synthesis: the matrix's evidence.
fn tagged_items(d: &Dataset) -> Vec<&Item> {
    let s = &d.report.synthesis;
    d.countries
        .iter()
        .flat_map(|c| ItemKind::ALL.into_iter().flat_map(move |k| c.items(k)))
        .chain(&s.best_practices)
        .chain(&s.challenges)
        .chain(&s.recommendations)
        .collect()
}

fn find<'a>(d: &'a Dataset, id: &str) -> &'a Item {
    tagged_items(d)
        .into_iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

#[test]
fn every_theme_has_cue_words() {
    let d = dataset();
    let ids: Vec<&str> = d.report.themes.iter().map(|t| t.id.as_str()).collect();
    let cued: Vec<&str> = CUES.iter().map(|(t, _)| *t).collect();
    assert_eq!(
        ids, cued,
        "CUES must list every theme of report.json, in its order"
    );
}

#[test]
fn every_tag_is_grounded_in_the_items_own_words() {
    let d = dataset();
    let mut failures = Vec::new();
    for item in tagged_items(&d) {
        let text = item.text.to_lowercase();
        for theme in &item.themes {
            let (_, cues) = CUES
                .iter()
                .find(|(t, _)| t == theme)
                .unwrap_or_else(|| panic!("{}: theme {theme} has no cues", item.id));
            if !cues.iter().any(|c| text.contains(c)) {
                failures.push(format!(
                    "{} is tagged {theme} but says none of {cues:?}",
                    item.id
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn words_that_are_never_passing_bring_their_theme() {
    let d = dataset();
    let mut failures = Vec::new();
    let mut hits = 0;
    for item in tagged_items(&d) {
        let text = item.text.to_lowercase();
        for (theme, words) in NEVER_PASSING {
            if let Some(word) = words.iter().find(|w| text.contains(*w)) {
                hits += 1;
                if !item.themes.iter().any(|t| t == theme) {
                    failures.push(format!(
                        "{} says \"{word}\" but is not tagged {theme}",
                        item.id
                    ));
                }
            }
        }
    }
    assert!(hits > 30, "only {hits} items hold a never-passing word");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn one_practice_carries_the_same_themes_in_the_chapter_and_the_synthesis() {
    let d = dataset();
    let mut failures = Vec::new();
    for (chapter, synthesis, themes) in SAME_PRACTICE {
        for id in [chapter, synthesis] {
            let item = find(&d, id);
            let missing: Vec<&&str> = themes
                .iter()
                .filter(|t| !item.themes.iter().any(|x| x == *t))
                .collect();
            if !missing.is_empty() {
                failures.push(format!(
                    "{id} (the practice of {chapter} and {synthesis}) lacks {missing:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_matrix_shows_what_the_tags_say_for_known_cells() {
    // A few cells read off the report by hand: who got a recommendation on
    // training (syn-rec-3's theme) and who has a practice on tourism.
    let d = dataset();
    let with = |theme: &str, kind: ItemKind| -> Vec<&str> {
        d.countries
            .iter()
            .filter(|c| {
                c.items(kind)
                    .iter()
                    .any(|i| i.themes.iter().any(|t| t == theme))
            })
            .map(|c| c.iso3.as_str())
            .collect()
    };
    assert_eq!(
        with("training", ItemKind::Recommendations),
        ["DOM", "ECU", "GTM", "JAM", "NIC"],
        "Nicaragua's is training municipal officials to identify victims (line 2130)"
    );
    assert_eq!(
        with("training", ItemKind::BestPractices),
        ["GTM"],
        "materials for police on intervening with child victims (line 1634)"
    );
    assert_eq!(with("tourism", ItemKind::BestPractices), ["ECU"]);
    assert_eq!(
        with("machinery", ItemKind::LessonsLearned),
        ["DOM", "NIC"],
        "CIPROM (line 1100) and the NCCTP (line 2011)"
    );
}
