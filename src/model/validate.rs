//! Semantic checks that serde cannot express: references between files,
//! unique ids, non-empty text, file names matching ids.

use std::collections::{HashMap, HashSet};

use super::load::{Loaded, Parsed};
use super::problem::{Problem, ProblemList};
use super::types::{Country, Item, Organization, Paragraph};

/// Every semantic problem of a parsed dataset.
pub fn check(loaded: &Loaded) -> Vec<Problem> {
    let mut v = Validator {
        problems: ProblemList::default(),
        ids: HashMap::new(),
        themes: loaded
            .report
            .value
            .themes
            .iter()
            .map(|t| t.id.clone())
            .collect(),
    };
    v.report(&loaded.report);
    // Lower-cased, as the command line matches them: two countries that
    // differ only in case could not be told apart by `tipx show`.
    let mut codes: HashMap<String, String> = HashMap::new();
    let mut names: HashMap<String, String> = HashMap::new();
    for country in &loaded.countries {
        v.country(country);
        for (path, key) in [("id", &country.value.id), ("iso3", &country.value.iso3)] {
            let key = key.to_lowercase();
            if let Some(other) = codes.insert(key.clone(), country.name.clone()) {
                v.problems.push(country.problem(
                    path,
                    format!("country id or ISO code \"{key}\" is already used by {other}; expected each country once"),
                ));
            }
        }
        let name = country.value.name.to_lowercase();
        if let Some(other) = names.insert(name.clone(), country.name.clone()) {
            v.problems.push(country.problem(
                "name",
                format!(
                    "country name \"{}\" is already used by {other}; expected each country once",
                    country.value.name
                ),
            ));
        }
    }
    for problem in super::measures::check(loaded) {
        v.problems.push(problem);
    }
    if loaded.country_files == 0 {
        v.problems.push(Problem::in_file(
            loaded.report.name.replace("report.json", "countries"),
            "no country files; expected at least one countries/<id>.json",
        ));
    }
    v.problems.into_vec()
}

struct Validator {
    problems: ProblemList,
    /// id -> file it was first seen in
    ids: HashMap<String, String>,
    themes: HashSet<String>,
}

impl Validator {
    fn report(&mut self, file: &Parsed<super::types::Report>) {
        let r = &file.value;
        let mut seen = HashSet::new();
        for (i, theme) in r.themes.iter().enumerate() {
            if !seen.insert(theme.id.as_str()) {
                self.problems.push(file.problem(
                    &format!("themes[{i}].id"),
                    format!("duplicate theme id \"{}\"", theme.id),
                ));
            }
        }
        for (field, paragraphs) in [
            ("executive_summary", &r.executive_summary),
            (
                "executive_summary_recommendations",
                &r.executive_summary_recommendations,
            ),
            ("introduction", &r.introduction),
            ("situation", &r.situation),
            ("tier_system.intro", &r.tier_system.intro),
            ("tier_system.sanctions", &r.tier_system.sanctions),
            ("tier_system.placement", &r.tier_system.placement),
            ("methodology.paragraphs", &r.methodology.paragraphs),
            ("synthesis.intro", &r.synthesis.intro),
            ("conclusion", &r.conclusion),
        ] {
            self.paragraphs(file, field, paragraphs);
        }
        let orgs = &r.organizations;
        for (field, items) in [
            ("objectives", &r.objectives),
            ("methodology.scope_of_work", &r.methodology.scope_of_work),
            ("synthesis.best_practices", &r.synthesis.best_practices),
            ("synthesis.challenges", &r.synthesis.challenges),
            ("synthesis.recommendations", &r.synthesis.recommendations),
        ] {
            self.items(file, field, items, orgs);
        }
        let recommendation_ids: HashSet<&str> = r
            .synthesis
            .recommendations
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        for (i, theme) in r.themes.iter().enumerate() {
            match &theme.synthesis_recommendation {
                Some(id) if !recommendation_ids.contains(id.as_str()) => {
                    self.problems.push(file.problem(
                        &format!("themes[{i}].synthesis_recommendation"),
                        format!("unknown synthesis recommendation \"{id}\""),
                    ))
                }
                None if theme.report => self.problems.push(file.problem(
                    &format!("themes[{i}]"),
                    "a report theme needs its synthesis_recommendation",
                )),
                _ => {}
            }
        }
        for (i, bar) in r.sidebars.iter().enumerate() {
            self.id(file, &format!("sidebars[{i}].id"), &bar.id);
            self.nonempty(file, &format!("sidebars[{i}].text"), &bar.text);
            self.nonempty(
                file,
                &format!("sidebars[{i}].attribution"),
                &bar.attribution,
            );
        }
        for (i, footnote) in r.sources.iter().enumerate() {
            self.nonempty(file, &format!("sources[{i}].text"), &footnote.text);
        }
        for (i, note) in r.notes.iter().enumerate() {
            self.id(file, &format!("notes[{i}].id"), &note.id);
        }
    }

    fn country(&mut self, file: &Parsed<Country>) {
        let c = &file.value;
        if file.stem() != c.id {
            self.problems.push(file.problem(
                "id",
                format!(
                    "the country id \"{}\" differs from the file name; expected the file countries/{}.json",
                    c.id, c.id
                ),
            ));
        }
        if c.iso3.len() != 3 || !c.iso3.chars().all(|ch| ch.is_ascii_uppercase()) {
            self.problems.push(file.problem(
                "iso3",
                format!(
                    "\"{}\" is not an ISO 3166 alpha-3 code; expected three capital letters",
                    c.iso3
                ),
            ));
        }
        self.nonempty(file, "name", &c.name);
        self.nonempty(file, "tier.quote", &c.tier.quote);
        self.nonempty(file, "assessment.quote", &c.assessment.quote);
        self.paragraphs(file, "overview", &c.overview);
        for (i, figure) in c.key_figures.iter().enumerate() {
            self.id(file, &format!("key_figures[{i}].id"), &figure.id);
            self.nonempty(file, &format!("key_figures[{i}].value"), &figure.value);
            self.nonempty(file, &format!("key_figures[{i}].quote"), &figure.quote);
        }
        for (field, items) in [
            ("lessons_learned", &c.lessons_learned),
            ("best_practices", &c.best_practices),
            ("recommendations", &c.recommendations),
        ] {
            self.items(file, field, items, &c.organizations);
        }
        for (i, note) in c.notes.iter().enumerate() {
            self.id(file, &format!("notes[{i}].id"), &note.id);
        }
        let known: HashSet<&str> = c
            .lessons_learned
            .iter()
            .chain(&c.best_practices)
            .chain(&c.recommendations)
            .map(|i| i.id.as_str())
            .chain(c.key_figures.iter().map(|f| f.id.as_str()))
            .chain([c.id.as_str()])
            .collect();
        for (i, note) in c.notes.iter().enumerate() {
            for (j, r) in note.refs.iter().enumerate() {
                if !known.contains(r.as_str()) {
                    self.problems.push(file.problem(
                        &format!("notes[{i}].refs[{j}]"),
                        format!("unknown id \"{r}\"; expected this country, or an item or key figure of this file"),
                    ));
                }
            }
        }
    }

    fn paragraphs<T>(&mut self, file: &Parsed<T>, field: &str, paragraphs: &[Paragraph]) {
        for (i, p) in paragraphs.iter().enumerate() {
            self.nonempty(file, &format!("{field}[{i}].text"), &p.text);
        }
    }

    fn items<T>(&mut self, file: &Parsed<T>, field: &str, items: &[Item], orgs: &[Organization]) {
        for (i, item) in items.iter().enumerate() {
            let at = |rest: &str| format!("{field}[{i}]{rest}");
            self.id(file, &at(".id"), &item.id);
            self.nonempty(file, &at(".text"), &item.text);
            if let Some(title) = &item.title {
                if !item.text.starts_with(title.as_str()) {
                    self.problems.push(file.problem(
                        &at(".title"),
                        "the title is not the start of the text; expected the item's lead sentence",
                    ));
                }
            }
            if item.themes.is_empty() {
                self.problems
                    .push(file.problem(&at(".themes"), "no theme; expected at least one theme id"));
            }
            for (j, theme) in item.themes.iter().enumerate() {
                if !self.themes.contains(theme) {
                    let mut known: Vec<&str> = self.themes.iter().map(String::as_str).collect();
                    known.sort_unstable();
                    self.problems.push(file.problem(
                        &at(&format!(".themes[{j}]")),
                        format!(
                            "unknown theme \"{theme}\"; expected one of {}",
                            known.join(", ")
                        ),
                    ));
                }
            }
            for (j, org) in item.organizations.iter().enumerate() {
                if !orgs.iter().any(|o| o.is_called(org)) {
                    self.problems.push(file.problem(
                        &at(&format!(".organizations[{j}]")),
                        format!("unknown organization \"{org}\"; expected the name or acronym of an entry in this file's organizations"),
                    ));
                }
            }
        }
    }

    fn id<T>(&mut self, file: &Parsed<T>, path: &str, id: &str) {
        if id.trim().is_empty() {
            self.problems.push(file.problem(path, "empty id"));
        } else if let Some(first) = self.ids.get(id) {
            self.problems.push(file.problem(
                path,
                format!("duplicate id \"{id}\" (first used in {first}); expected ids unique across the dataset"),
            ));
        } else {
            self.ids.insert(id.to_string(), file.name.clone());
        }
    }

    fn nonempty<T>(&mut self, file: &Parsed<T>, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.problems
                .push(file.problem(path, "empty text; expected the report's words"));
        }
    }
}
