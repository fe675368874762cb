//! What leaves tipx as a file or a paste: the briefing (`tipx export`, and
//! `e` in the explorer) in Markdown, HTML and JSON, and the Markdown and CSV
//! forms of the headless commands (`list`, `show`, `search`).

pub mod headless;
pub mod html;
pub mod markdown;

use serde::Serialize;

use crate::export::to_json;
use crate::model::{Country, Dataset, Report};
use crate::notebook::Notebook;

/// The formats of `tipx export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefingFormat {
    Markdown,
    Json,
    Html,
}

#[derive(Serialize)]
struct Whole<'a> {
    report: &'a Report,
    countries: Vec<&'a Country>,
}

/// The briefing on the chosen countries (every country when `chosen` is empty).
pub fn briefing(dataset: &Dataset, chosen: &[usize], format: BriefingFormat) -> String {
    briefing_noted(dataset, chosen, format, None)
}

/// [`briefing`], with the reader's notes under their items in Markdown and
/// HTML (`tipx export --with-notes`); JSON is the report alone.
pub fn briefing_noted(
    dataset: &Dataset,
    chosen: &[usize],
    format: BriefingFormat,
    field_notes: Option<&Notebook>,
) -> String {
    match format {
        BriefingFormat::Markdown => markdown::briefing_noted(dataset, chosen, field_notes),
        BriefingFormat::Html => html::page(
            &dataset.report.title,
            &markdown::briefing_noted(dataset, chosen, field_notes),
        ),
        // The whole model, as the dataset's files hold it.
        BriefingFormat::Json => {
            let countries = if chosen.is_empty() {
                dataset.countries.iter().collect()
            } else {
                chosen
                    .iter()
                    .filter_map(|&i| dataset.countries.get(i))
                    .collect()
            };
            to_json(&Whole {
                report: &dataset.report,
                countries,
            })
        }
    }
}
