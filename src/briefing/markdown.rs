//! Briefings in Markdown that renders on GitHub and in pandoc: the report's
//! front matter, the synthesis, country profiles with their figures and
//! notes, and the matrix as a table. Every dataset string is escaped so that
//! it reads as printed and can never become markup (a heading, a link, a tag).

use std::fmt::Write;

use crate::export::cite;
use crate::model::{Country, Dataset, Item, ItemKind, Note, Paragraph, Report};
use crate::notebook::Notebook;
use crate::query::matrix::{KindFilter, Matrix};
use crate::query::matrix_output;
use crate::query::table::{md_cell, md_table};

/// Escapes prose for Markdown: inline markup is escaped as in a table cell,
/// and a line that would start a heading, a list or a quote is defused.
/// Blank lines are kept (they separate the report's paragraphs).
pub fn prose(text: &str) -> String {
    let lines: Vec<String> = text.lines().map(prose_line).collect();
    lines.join("\n")
}

fn prose_line(line: &str) -> String {
    let mut out = md_cell(line.trim_start());
    // "1990. The law..." or "2) ..." would start an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.') | Some(')')) {
        out.insert(digits, '\\');
    }
    // "- ", "+ " and "= " start lists and underline headings; `>` and `#`
    // are already escaped by `md_cell`.
    if matches!(out.chars().next(), Some('-') | Some('+') | Some('=')) {
        out.insert(0, '\\');
    }
    out
}

fn heading(out: &mut String, level: usize, title: &str) {
    let _ = writeln!(
        out,
        "{} {}\n",
        "#".repeat(level.clamp(1, 6)),
        md_cell(title)
    );
}

fn paragraphs(out: &mut String, paragraphs: &[Paragraph]) {
    for p in paragraphs {
        let _ = writeln!(out, "{}\n", prose(&p.text));
    }
    if let (Some(first), Some(last)) = (paragraphs.first(), paragraphs.last()) {
        let lines = if first.line == last.line {
            format!("line {}", first.line)
        } else {
            format!("lines {}–{}", first.line, last.line)
        };
        let _ = writeln!(out, "*Report text, {lines}.*\n");
    }
}

/// The citation that follows every quoted statement.
fn source_line(dataset: &Dataset, item: &Item) -> String {
    let themes: Vec<&str> = item.themes.iter().map(|t| dataset.theme_label(t)).collect();
    let mut line = format!("Source: {}", cite(&item.source));
    if !themes.is_empty() {
        let _ = write!(line, " · Themes: {}", themes.join("; "));
    }
    format!("*{}*", md_cell(&line))
}

/// A numbered list of the report's bullets, each with its source. A bullet
/// of several paragraphs stays one list entry (its paragraphs indented).
fn items(out: &mut String, dataset: &Dataset, items: &[Item]) {
    items_noted(out, dataset, items, None);
}

/// [`items`], each followed by the reader's bookmark and note where the
/// notebook has one (`tipx export --with-notes`), set apart as a quote so
/// that it never passes for the report's words.
fn items_noted(
    out: &mut String,
    dataset: &Dataset,
    items: &[Item],
    field_notes: Option<&Notebook>,
) {
    if items.is_empty() {
        out.push_str("*None in the report.*\n\n");
        return;
    }
    for (i, item) in items.iter().enumerate() {
        let marker = format!("{}. ", i + 1);
        let indent = " ".repeat(marker.len());
        let body = match item.title.as_deref() {
            Some(title) if item.text.starts_with(title) => {
                let rest = &item.text[title.len()..];
                // The title may be the whole first paragraph of the bullet.
                let gap = if rest.trim_start_matches(' ').starts_with('\n') {
                    "\n\n"
                } else {
                    " "
                };
                match rest.trim_start() {
                    "" => format!("**{}**", prose(title)),
                    rest => format!("**{}**{gap}{}", prose(title), prose(rest)),
                }
            }
            Some(title) => format!("**{}**\n\n{}", prose(title), prose(&item.text)),
            None => prose(&item.text),
        };
        let mut body = format!("{body}\n\n{}", source_line(dataset, item));
        if let Some(entry) = field_notes.and_then(|n| n.get(&item.id)) {
            body.push_str(&reader_note(entry.bookmark, &entry.note));
        }
        for (n, line) in body.lines().enumerate() {
            match (n, line.is_empty()) {
                (0, _) => out.push_str(&marker),
                (_, false) => out.push_str(&indent),
                (_, true) => {}
            }
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
}

fn notes(out: &mut String, level: usize, notes: &[Note]) {
    if notes.is_empty() {
        return;
    }
    heading(out, level, "Notes on the report's own inconsistencies");
    out.push_str("Where the report contradicts itself, both readings are kept as printed.\n\n");
    for note in notes {
        let _ = writeln!(out, "- **{}**", md_cell(&note.label));
        for quote in &note.quotes {
            let _ = writeln!(out, "  > “{}”", md_cell(quote));
            out.push_str("  >\n");
        }
        out.push('\n');
    }
}

/// The report's title and the facts of its publication, as printed.
fn front_matter(out: &mut String, report: &Report, countries: &[&Country]) {
    heading(out, 1, &report.title);
    out.push_str(
        "A briefing from tipx. Statements are the report's own words; each cites \
         the report's section, the page where one is printed and the line of the \
         report's text.\n\n",
    );
    let names: Vec<&str> = countries.iter().map(|c| c.name.as_str()).collect();
    let names = names.join(", ");
    let facts = [
        ("Funded by", &report.funded_by),
        ("Managed by", &report.managed_by),
        ("Program", &report.program),
        ("Period", &report.period),
        ("Countries in this briefing", &names),
    ];
    for (label, value) in facts {
        let _ = writeln!(out, "- **{label}:** {}", md_cell(value));
    }
    out.push('\n');
}

/// The summary's paragraphs, then the recommendations it lists, as a list.
fn executive_summary(out: &mut String, report: &Report) {
    paragraphs(out, &report.executive_summary);
    let listed = &report.executive_summary_recommendations;
    for p in listed {
        let _ = writeln!(out, "- {}", prose(&p.text));
    }
    if let (Some(first), Some(last)) = (listed.first(), listed.last()) {
        let _ = writeln!(
            out,
            "\n*The summary's recommendations, lines {}–{}.*\n",
            first.line, last.line
        );
    }
}

/// The reader's bookmark and note under an item, as a Markdown quote.
fn reader_note(bookmark: bool, note: &str) -> String {
    let mut text = String::from("\n\n> **Field note");
    text.push_str(if bookmark { " (bookmarked)" } else { "" });
    text.push_str(":**");
    if note.is_empty() {
        text.push_str(" bookmarked, no note.");
    }
    for line in note.lines() {
        text.push_str("\n> ");
        text.push_str(&prose(line));
    }
    text
}

fn synthesis(out: &mut String, dataset: &Dataset, level: usize, field_notes: Option<&Notebook>) {
    let s = &dataset.report.synthesis;
    heading(out, level, "Regional synthesis (Section II)");
    paragraphs(out, &s.intro);
    let parts = [
        ("Best practices", &s.best_practices),
        ("Challenges", &s.challenges),
        ("Recommendations", &s.recommendations),
    ];
    for (title, list) in parts {
        heading(out, level + 1, &format!("{title} ({})", list.len()));
        items_noted(out, dataset, list, field_notes);
    }
}

fn glossary_and_footnotes(out: &mut String, report: &Report, level: usize) {
    if !report.glossary.is_empty() {
        heading(out, level, "Acronyms");
        let rows: Vec<Vec<String>> = report
            .glossary
            .iter()
            .map(|g| vec![g.acronym.clone(), g.expansion.clone()])
            .collect();
        out.push_str(&md_table(&["Acronym", "As the report expands it"], &rows));
        out.push('\n');
    }
    if !report.sources.is_empty() {
        heading(out, level, "The report's footnotes");
        for f in &report.sources {
            let _ = writeln!(out, "{}. {} *(line {})*", f.number, prose(&f.text), f.line);
        }
        out.push('\n');
    }
}

/// One country's profile, its title at heading `level`.
pub fn country(dataset: &Dataset, c: &Country, level: usize) -> String {
    country_noted(dataset, c, level, None)
}

/// [`country`], with the reader's notes under the items they concern.
pub fn country_noted(
    dataset: &Dataset,
    c: &Country,
    level: usize,
    field_notes: Option<&Notebook>,
) -> String {
    let mut out = String::new();
    heading(&mut out, level, &format!("{} ({})", c.name, c.iso3));
    let tier = &c.tier;
    let assessment = &c.assessment;
    let facts = [
        (
            "Tier".to_string(),
            format!(
                "{} (U.S. State Department TIP report, June {})",
                tier.level.label(),
                tier.report_year
            ),
            Some((&tier.quote, &tier.source)),
        ),
        ("Region".to_string(), c.region.clone(), None),
        ("Country of".to_string(), c.roles_label(), None),
        (
            "Assessment".to_string(),
            format!(
                "{} {}, requested by {}",
                assessment.month, assessment.year, assessment.requested_by
            ),
            Some((&assessment.quote, &assessment.source)),
        ),
    ];
    for (label, value, quote) in facts {
        let _ = write!(out, "- **{label}:** {}", md_cell(&value));
        if let Some((quote, source)) = quote {
            let _ = write!(
                out,
                " — “{}” *({})*",
                md_cell(quote),
                md_cell(&cite(source))
            );
        }
        out.push('\n');
    }
    out.push('\n');
    heading(&mut out, level + 1, "Overview");
    paragraphs(&mut out, &c.overview);
    heading(&mut out, level + 1, "Key figures");
    if c.key_figures.is_empty() {
        out.push_str("*None in the report.*\n\n");
    } else {
        let rows: Vec<Vec<String>> = c
            .key_figures
            .iter()
            .map(|f| {
                vec![
                    f.label.clone(),
                    f.value.clone(),
                    f.year.map(|y| y.to_string()).unwrap_or_default(),
                    format!("“{}”", f.quote),
                    cite(&f.source),
                ]
            })
            .collect();
        out.push_str(&md_table(
            &[
                "Figure",
                "As printed",
                "Year",
                "The report's sentence",
                "Source",
            ],
            &rows,
        ));
        out.push('\n');
    }
    for kind in ItemKind::ALL {
        let list = c.items(kind);
        heading(
            &mut out,
            level + 1,
            &format!("{} ({})", kind.label(), list.len()),
        );
        items_noted(&mut out, dataset, list, field_notes);
    }
    self::notes(&mut out, level + 1, &c.notes);
    if !c.organizations.is_empty() {
        heading(&mut out, level + 1, "Organizations");
        for o in &c.organizations {
            match &o.acronym {
                Some(a) => writeln!(out, "- {} ({})", md_cell(&o.name), md_cell(a)),
                None => writeln!(out, "- {}", md_cell(&o.name)),
            }
            .ok();
        }
        out.push('\n');
    }
    if !c.places.is_empty() {
        heading(&mut out, level + 1, "Places");
        let places: Vec<String> = c
            .places
            .iter()
            .map(|p| format!("{} ({})", md_cell(&p.name), md_cell(&p.kind)))
            .collect();
        let _ = writeln!(out, "{}\n", places.join(", "));
    }
    out
}

/// The regional parts of the report, as the region view shows them.
pub fn region(dataset: &Dataset) -> String {
    let report = &dataset.report;
    let countries: Vec<&Country> = dataset.countries.iter().collect();
    let mut out = String::new();
    front_matter(&mut out, report, &countries);
    heading(&mut out, 2, "Executive summary");
    executive_summary(&mut out, report);
    heading(&mut out, 2, "Introduction");
    paragraphs(&mut out, &report.introduction);
    heading(
        &mut out,
        3,
        &format!("Objectives ({})", report.objectives.len()),
    );
    items(&mut out, dataset, &report.objectives);
    heading(&mut out, 2, "Section I: the situation");
    paragraphs(&mut out, &report.situation);
    let tiers = &report.tier_system;
    heading(&mut out, 3, "The U.S. tier system");
    paragraphs(&mut out, &tiers.intro);
    let rows: Vec<Vec<String>> = tiers
        .tiers
        .iter()
        .map(|t| {
            vec![
                t.level.label().to_string(),
                t.definition.clone(),
                t.line.to_string(),
            ]
        })
        .collect();
    out.push_str(&md_table(
        &["Tier", "The report's definition", "Line"],
        &rows,
    ));
    out.push('\n');
    for f in &tiers.watch_list_factors {
        let _ = writeln!(
            out,
            "- {}) {} *(line {})*",
            md_cell(&f.letter),
            md_cell(&f.text),
            f.line
        );
    }
    out.push('\n');
    paragraphs(&mut out, &tiers.sanctions);
    paragraphs(&mut out, &tiers.placement);
    heading(&mut out, 2, "Methodology");
    paragraphs(&mut out, &report.methodology.paragraphs);
    let scope = &report.methodology.scope_of_work;
    heading(&mut out, 3, &format!("Scope of work ({})", scope.len()));
    items(&mut out, dataset, scope);
    synthesis(&mut out, dataset, 2, None);
    heading(&mut out, 2, "Conclusion");
    paragraphs(&mut out, &report.conclusion);
    self::notes(&mut out, 2, &report.notes);
    glossary_and_footnotes(&mut out, report, 2);
    out
}

/// The full briefing: front matter, executive summary, synthesis, the
/// chosen countries (all when `chosen` is empty), the matrix, conclusion,
/// notes, acronyms and footnotes.
pub fn briefing(dataset: &Dataset, chosen: &[usize]) -> String {
    briefing_noted(dataset, chosen, None)
}

/// [`briefing`], with the reader's notes under the items they concern.
pub fn briefing_noted(
    dataset: &Dataset,
    chosen: &[usize],
    field_notes: Option<&Notebook>,
) -> String {
    let report = &dataset.report;
    let countries: Vec<&Country> = if chosen.is_empty() {
        dataset.countries.iter().collect()
    } else {
        chosen
            .iter()
            .filter_map(|&i| dataset.countries.get(i))
            .collect()
    };
    let mut out = String::new();
    front_matter(&mut out, report, &countries);
    heading(&mut out, 2, "Executive summary");
    executive_summary(&mut out, report);
    synthesis(&mut out, dataset, 2, field_notes);
    heading(&mut out, 2, "Country profiles (Section III)");
    for c in &countries {
        out.push_str(&country_noted(dataset, c, 3, field_notes));
    }
    out.push_str(&matrix(dataset, KindFilter::All));
    out.push('\n');
    heading(&mut out, 2, "Conclusion");
    paragraphs(&mut out, &report.conclusion);
    notes(&mut out, 2, &report.notes);
    glossary_and_footnotes(&mut out, report, 2);
    out
}

/// The matrix of themes × countries as a GitHub table under its heading.
pub fn matrix(dataset: &Dataset, filter: KindFilter) -> String {
    matrix_output::markdown(&Matrix::new(dataset, filter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_cannot_start_markup() {
        assert_eq!(prose("# not a heading"), "\\# not a heading");
        assert_eq!(prose("1990. The law"), "1990\\. The law");
        assert_eq!(prose("- not a list"), "\\- not a list");
        assert_eq!(prose("a [link](x) <b>"), "a \\[link\\](x) &lt;b&gt;");
        assert_eq!(prose("one\n\ntwo"), "one\n\ntwo");
    }
}
