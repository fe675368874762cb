//! Writers shared by the command line and the explorer: plain text for
//! reading and pasting, JSON for scripts. Dataset strings are already
//! sanitized by the loader.

use std::fmt::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::model::{Country, Dataset, Item, ItemKind, Source};

/// How a source is cited after a pasted statement.
pub fn cite(source: &Source) -> String {
    match source.page {
        Some(page) => format!("{}, p. {page}, line {}", source.section, source.line),
        None => format!("{}, line {}", source.section, source.line),
    }
}

/// An item as a paste-ready block: its text, then its source.
pub fn item_text(dataset: &Dataset, item: &Item) -> String {
    let themes: Vec<&str> = item.themes.iter().map(|t| dataset.theme_label(t)).collect();
    let mut out = item.text.clone();
    let _ = write!(
        out,
        "\n   — Source: {} ({}). Themes: {}.",
        cite(&item.source),
        dataset.report.title,
        themes.join("; ")
    );
    out
}

#[derive(Serialize)]
struct CountrySummary<'a> {
    id: &'a str,
    name: &'a str,
    iso3: &'a str,
    region: &'a str,
    tier: &'static str,
    roles: Vec<&'static str>,
    lessons_learned: usize,
    best_practices: usize,
    recommendations: usize,
}

pub fn list_json(dataset: &Dataset) -> String {
    let rows: Vec<CountrySummary> = dataset
        .countries
        .iter()
        .map(|c| CountrySummary {
            id: &c.id,
            name: &c.name,
            iso3: &c.iso3,
            region: &c.region,
            tier: c.tier.level.label(),
            roles: c.roles.iter().map(|r| r.label()).collect(),
            lessons_learned: c.lessons_learned.len(),
            best_practices: c.best_practices.len(),
            recommendations: c.recommendations.len(),
        })
        .collect();
    to_json(&rows)
}

/// The countries as a table. Columns are padded by hand to the widest
/// name as the terminal draws it: a formatting width taken from data would
/// panic past 65,535 columns, and counts characters, not columns.
pub fn list_text(dataset: &Dataset) -> String {
    let width = dataset
        .countries
        .iter()
        .map(|c| c.name.width())
        .max()
        .unwrap_or(0)
        .max("COUNTRY".len());
    let mut out = String::new();
    padded(&mut out, "COUNTRY", width);
    out.push_str("  ISO  TIER (2007)        REGION           LL  BP  REC\n");
    for c in &dataset.countries {
        padded(&mut out, &c.name, width);
        let _ = write!(out, "  {}  {:<17}  ", c.iso3, c.tier.level.label());
        padded(&mut out, &c.region, 15);
        let _ = writeln!(
            out,
            "  {:>2}  {:>2}  {:>3}",
            c.lessons_learned.len(),
            c.best_practices.len(),
            c.recommendations.len()
        );
    }
    out
}

/// Appends `text` and the spaces that make it `width` columns wide.
fn padded(out: &mut String, text: &str, width: usize) {
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(text.width())));
}

pub fn country_json(country: &Country) -> String {
    to_json(country)
}

/// The whole profile as readable text, section by section.
pub fn country_text(dataset: &Dataset, c: &Country) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({}) — {}", c.name, c.iso3, c.region);
    let _ = writeln!(
        out,
        "Tier: {} (U.S. State Department TIP report, June {})",
        c.tier.level.label(),
        c.tier.report_year
    );
    let _ = writeln!(out, "Roles: {}", c.roles_label());
    let _ = writeln!(
        out,
        "Assessment: {} {}, requested by {}",
        c.assessment.month, c.assessment.year, c.assessment.requested_by
    );
    heading(&mut out, "Overview");
    for p in &c.overview {
        let _ = writeln!(out, "{}\n", p.text);
    }
    if !c.key_figures.is_empty() {
        heading(&mut out, "Key figures");
        for f in &c.key_figures {
            let year = f.year.map(|y| format!(" ({y})")).unwrap_or_default();
            let _ = writeln!(
                out,
                "- {}: {}{year}  [{}]",
                f.label,
                f.value,
                cite(&f.source)
            );
        }
        out.push('\n');
    }
    for kind in ItemKind::ALL {
        heading(&mut out, kind.label());
        for (i, item) in c.items(kind).iter().enumerate() {
            let _ = writeln!(out, "{}. {}\n", i + 1, item_text(dataset, item));
        }
    }
    if !c.notes.is_empty() {
        heading(&mut out, "Notes on the report's own inconsistencies");
        for n in &c.notes {
            let _ = writeln!(out, "- {}:", n.label);
            for q in &n.quotes {
                let _ = writeln!(out, "    “{q}”");
            }
        }
        out.push('\n');
    }
    heading(&mut out, "Organizations");
    for o in &c.organizations {
        match &o.acronym {
            Some(a) => writeln!(out, "- {} ({a})", o.name),
            None => writeln!(out, "- {}", o.name),
        }
        .ok();
    }
    heading(&mut out, "Places");
    let places: Vec<String> = c
        .places
        .iter()
        .map(|p| format!("{} ({})", p.name, p.kind))
        .collect();
    let _ = writeln!(out, "{}", places.join(", "));
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(
        out,
        "\n{}\n{}",
        title.to_uppercase(),
        "=".repeat(title.len())
    );
}

pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serializing plain data into a String cannot fail.
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}
