//! The Markdown and CSV forms of `tipx list`, `tipx show` and `tipx search`.
//! CSV goes through the `csv` crate (quoting, embedded line breaks); every
//! Markdown cell and line is escaped.

use std::fmt::Write;

use crate::model::{Dataset, ItemKind};
use crate::query::table::{csv_table, md_cell, md_table};
use crate::search::Hit;

/// The columns of `tipx list --format csv`.
pub const LIST_CSV_HEADER: [&str; 9] = [
    "id",
    "name",
    "iso3",
    "region",
    "tier",
    "roles",
    "lessons_learned",
    "best_practices",
    "recommendations",
];

fn list_rows(dataset: &Dataset) -> Vec<Vec<String>> {
    dataset
        .countries
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.name.clone(),
                c.iso3.clone(),
                c.region.clone(),
                c.tier.level.label().to_string(),
                c.roles_label(),
                c.lessons_learned.len().to_string(),
                c.best_practices.len().to_string(),
                c.recommendations.len().to_string(),
            ]
        })
        .collect()
}

pub fn list_markdown(dataset: &Dataset) -> String {
    let rows: Vec<Vec<String>> = list_rows(dataset)
        .into_iter()
        .map(|mut row| {
            row.remove(0);
            row
        })
        .collect();
    let header = [
        "Country",
        "ISO",
        "Region",
        "Tier (2007)",
        "Country of",
        "Lessons learned",
        "Best practices",
        "Recommendations",
    ];
    md_table(&header, &rows)
}

pub fn list_csv(dataset: &Dataset) -> Result<String, String> {
    csv_table(&LIST_CSV_HEADER, &list_rows(dataset))
}

/// The columns of `tipx show --format csv`: one row per key figure and per
/// bullet of the profile.
pub const SHOW_CSV_HEADER: [&str; 11] = [
    "country", "kind", "number", "id", "label", "value", "text", "themes", "section", "page",
    "line",
];

pub fn show_csv(dataset: &Dataset, country: usize) -> Result<String, String> {
    let c = &dataset.countries[country];
    let mut rows = Vec::new();
    let page = |p: Option<u32>| p.map(|p| p.to_string()).unwrap_or_default();
    for (i, f) in c.key_figures.iter().enumerate() {
        rows.push(vec![
            c.id.clone(),
            "key_figure".to_string(),
            (i + 1).to_string(),
            f.id.clone(),
            f.label.clone(),
            f.value.clone(),
            f.quote.clone(),
            String::new(),
            f.source.section.clone(),
            page(f.source.page),
            f.source.line.to_string(),
        ]);
    }
    for kind in ItemKind::ALL {
        let key = match kind {
            ItemKind::LessonsLearned => "lesson_learned",
            ItemKind::BestPractices => "best_practice",
            ItemKind::Recommendations => "recommendation",
        };
        for (i, item) in c.items(kind).iter().enumerate() {
            rows.push(vec![
                c.id.clone(),
                key.to_string(),
                (i + 1).to_string(),
                item.id.clone(),
                item.title.clone().unwrap_or_default(),
                String::new(),
                item.text.clone(),
                item.themes.join(" "),
                item.source.section.clone(),
                page(item.source.page),
                item.source.line.to_string(),
            ]);
        }
    }
    csv_table(&SHOW_CSV_HEADER, &rows)
}

/// The columns of `tipx search --format csv`, one row per hit, best first.
pub const SEARCH_CSV_HEADER: [&str; 9] = [
    "rank", "kind", "country", "section", "item", "line", "context", "text", "loose",
];

pub fn search_csv(dataset: &Dataset, hits: &[Hit]) -> Result<String, String> {
    let rows: Vec<Vec<String>> = hits
        .iter()
        .enumerate()
        .map(|(i, hit)| {
            let e = &dataset.search[hit.entry];
            vec![
                (i + 1).to_string(),
                e.kind.label().to_string(),
                e.country
                    .map(|c| dataset.countries[c].id.clone())
                    .unwrap_or_default(),
                e.section.clone(),
                e.item.clone().unwrap_or_default(),
                e.line.map(|l| l.to_string()).unwrap_or_default(),
                e.context.clone(),
                e.text.clone(),
                hit.loose.to_string(),
            ]
        })
        .collect();
    csv_table(&SEARCH_CSV_HEADER, &rows)
}

/// Each hit as a numbered entry: where it is, then its text as a quote.
pub fn search_markdown(dataset: &Dataset, hits: &[Hit]) -> String {
    let mut out = String::new();
    for (i, hit) in hits.iter().enumerate() {
        let e = &dataset.search[hit.entry];
        let _ = write!(
            out,
            "{}. **{}** — {}",
            i + 1,
            md_cell(e.kind.label()),
            md_cell(&e.context)
        );
        if let Some(line) = e.line {
            let _ = write!(out, " *(line {line})*");
        }
        if hit.loose {
            out.push_str(" *(letters in order only)*");
        }
        out.push_str("\n\n");
        for line in e.text.lines() {
            match line {
                "" => out.push_str("   >\n"),
                line => {
                    let _ = writeln!(out, "   > {}", md_cell(line));
                }
            }
        }
        out.push('\n');
    }
    out
}
