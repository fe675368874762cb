//! Every string and every source line number of a dataset file, with its
//! JSON path and what the field may hold: so that strings are cleaned by
//! their field's rule and checked against its length limit, and line
//! numbers against the source text.
//!
//! Each type is taken apart field by field, without `..`: a field added to
//! `types.rs` does not compile until it is given its rule here.

use std::borrow::Cow;

use super::load::Locator;
use super::locate::{path_to_string, Step};
use super::problem::ProblemList;
use super::types::*;
use crate::sanitize::{self, Shape};

/// What a string field holds, which sets its cleaning rule and its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// An id, theme tag, ISO code or reference.
    Id,
    /// A name, label, value, title, quote or other one-line text.
    Line,
    /// Paragraph text, whose paragraphs are separated by "\n\n".
    Prose,
}

impl Field {
    /// The longest value accepted, in characters: far above the dataset's
    /// own longest (29 for an id, 333 for a one-line title, 2,896 for a
    /// bullet), low enough that no field can cost memory out of proportion.
    pub fn max_chars(self) -> usize {
        match self {
            Field::Id => 100,
            Field::Line => 2_000,
            Field::Prose => 50_000,
        }
    }

    pub fn shape(self) -> Shape {
        match self {
            Field::Id | Field::Line => Shape::OneLine,
            Field::Prose => Shape::Prose,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Field::Id => "an id",
            Field::Line => "a one-line field",
            Field::Prose => "a text field",
        }
    }
}

/// What is done with each string and line number.
pub trait Visitor {
    fn text(&mut self, path: &[Step], field: Field, value: &mut String);
    fn line(&mut self, path: &[Step], line: u32);
}

/// Walks a value's fields, keeping the path to the current one.
struct Walk<'v, V> {
    path: Vec<Step>,
    visitor: &'v mut V,
}

impl<V: Visitor> Walk<'_, V> {
    fn at<R>(&mut self, step: Step, inner: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(step);
        let result = inner(self);
        self.path.pop();
        result
    }

    fn text(&mut self, key: &str, field: Field, value: &mut String) {
        self.at(Step::Key(key.into()), |w| {
            w.visitor.text(&w.path, field, value)
        });
    }

    fn optional(&mut self, key: &str, field: Field, value: &mut Option<String>) {
        if let Some(value) = value {
            self.text(key, field, value);
        }
    }

    fn texts(&mut self, key: &str, field: Field, values: &mut [String]) {
        self.list(key, values, |w, value| {
            w.visitor.text(&w.path, field, value)
        });
    }

    fn line(&mut self, key: &str, line: u32) {
        self.at(Step::Key(key.into()), |w| w.visitor.line(&w.path, line));
    }

    fn list<T>(&mut self, key: &str, items: &mut [T], mut each: impl FnMut(&mut Self, &mut T)) {
        self.at(Step::Key(key.into()), |w| {
            for (i, item) in items.iter_mut().enumerate() {
                w.at(Step::Index(i), |w| each(w, item));
            }
        });
    }

    fn object<T>(&mut self, key: &str, value: &mut T, inner: impl FnOnce(&mut Self, &mut T)) {
        self.at(Step::Key(key.into()), |w| inner(w, value));
    }
}

pub fn visit_report(report: &mut Report, visitor: &mut impl Visitor) {
    let Report {
        title,
        funded_by,
        managed_by,
        program,
        period,
        executive_summary,
        executive_summary_recommendations,
        introduction,
        objectives,
        situation,
        tier_system,
        methodology,
        synthesis,
        themes,
        conclusion,
        sidebars,
        sources,
        glossary,
        organizations,
        notes,
        measures,
    } = report;
    let w = &mut Walk {
        path: Vec::new(),
        visitor,
    };
    w.text("title", Field::Line, title);
    w.text("funded_by", Field::Line, funded_by);
    w.text("managed_by", Field::Line, managed_by);
    w.text("program", Field::Line, program);
    w.text("period", Field::Line, period);
    w.list("executive_summary", executive_summary, paragraph);
    w.list(
        "executive_summary_recommendations",
        executive_summary_recommendations,
        paragraph,
    );
    w.list("introduction", introduction, paragraph);
    w.list("objectives", objectives, item);
    w.list("situation", situation, paragraph);
    w.object("tier_system", tier_system, |w, t| {
        let TierSystem {
            intro,
            tiers,
            watch_list_factors,
            sanctions,
            placement,
        } = t;
        w.list("intro", intro, paragraph);
        w.list("tiers", tiers, |w, t| {
            let TierDefinition {
                level: _,
                definition,
                line,
            } = t;
            w.text("definition", Field::Prose, definition);
            w.line("line", *line);
        });
        w.list("watch_list_factors", watch_list_factors, |w, f| {
            let WatchListFactor { letter, text, line } = f;
            w.text("letter", Field::Id, letter);
            w.text("text", Field::Prose, text);
            w.line("line", *line);
        });
        w.list("sanctions", sanctions, paragraph);
        w.list("placement", placement, paragraph);
    });
    w.object("methodology", methodology, |w, m| {
        let Methodology {
            paragraphs,
            scope_of_work,
            team,
        } = m;
        w.list("paragraphs", paragraphs, paragraph);
        w.list("scope_of_work", scope_of_work, item);
        w.list("team", team, |w, member| {
            let TeamMember { name, role, line } = member;
            w.text("name", Field::Line, name);
            w.text("role", Field::Line, role);
            w.line("line", *line);
        });
    });
    w.object("synthesis", synthesis, |w, s| {
        let Synthesis {
            intro,
            best_practices,
            challenges,
            recommendations,
        } = s;
        w.list("intro", intro, paragraph);
        w.list("best_practices", best_practices, item);
        w.list("challenges", challenges, item);
        w.list("recommendations", recommendations, item);
    });
    w.list("themes", themes, |w, theme| {
        let Theme {
            id,
            label,
            report: _,
            synthesis_recommendation,
        } = theme;
        w.text("id", Field::Id, id);
        w.text("label", Field::Line, label);
        w.optional(
            "synthesis_recommendation",
            Field::Id,
            synthesis_recommendation,
        );
    });
    w.list("measures", measures, |w, measure| {
        let Measure { id, label } = measure;
        w.text("id", Field::Id, id);
        w.text("label", Field::Line, label);
    });
    w.list("conclusion", conclusion, paragraph);
    w.list("sidebars", sidebars, |w, bar| {
        let Sidebar {
            id,
            text,
            attribution,
            line,
            section,
        } = bar;
        w.text("id", Field::Id, id);
        w.text("text", Field::Prose, text);
        w.text("attribution", Field::Line, attribution);
        w.line("line", *line);
        w.text("section", Field::Line, section);
    });
    w.list("sources", sources, |w, footnote| {
        let Footnote {
            number: _,
            text,
            line,
        } = footnote;
        w.text("text", Field::Prose, text);
        w.line("line", *line);
    });
    w.list("glossary", glossary, |w, entry| {
        let GlossaryEntry { acronym, expansion } = entry;
        w.text("acronym", Field::Line, acronym);
        w.text("expansion", Field::Line, expansion);
    });
    w.list("organizations", organizations, organization);
    w.list("notes", notes, note);
}

pub fn visit_country(country: &mut Country, visitor: &mut impl Visitor) {
    let Country {
        id,
        name,
        iso3,
        region,
        tier,
        roles: _,
        assessment,
        key_figures,
        overview,
        places,
        organizations,
        lessons_learned,
        best_practices,
        recommendations,
        notes,
    } = country;
    let w = &mut Walk {
        path: Vec::new(),
        visitor,
    };
    w.text("id", Field::Id, id);
    w.text("name", Field::Line, name);
    w.text("iso3", Field::Id, iso3);
    w.text("region", Field::Line, region);
    w.object("tier", tier, |w, t| {
        let Tier {
            level: _,
            report_year: _,
            quote,
            source: from,
        } = t;
        w.text("quote", Field::Line, quote);
        w.object("source", from, source);
    });
    w.object("assessment", assessment, |w, a| {
        let Assessment {
            month,
            year: _,
            requested_by,
            quote,
            source: from,
        } = a;
        w.text("month", Field::Line, month);
        w.text("requested_by", Field::Line, requested_by);
        w.text("quote", Field::Line, quote);
        w.object("source", from, source);
    });
    w.list("key_figures", key_figures, |w, figure| {
        let KeyFigure {
            id,
            label,
            value,
            number: _,
            year: _,
            measure,
            quote,
            source: from,
        } = figure;
        w.text("id", Field::Id, id);
        w.text("label", Field::Line, label);
        w.text("value", Field::Line, value);
        if let Some(measure) = measure {
            w.text("measure", Field::Id, measure);
        }
        w.text("quote", Field::Line, quote);
        w.object("source", from, source);
    });
    w.list("overview", overview, paragraph);
    w.list("places", places, |w, place| {
        let Place { name, kind } = place;
        w.text("name", Field::Line, name);
        w.text("kind", Field::Line, kind);
    });
    w.list("organizations", organizations, organization);
    w.list("lessons_learned", lessons_learned, item);
    w.list("best_practices", best_practices, item);
    w.list("recommendations", recommendations, item);
    w.list("notes", notes, note);
}

fn source<V: Visitor>(w: &mut Walk<'_, V>, from: &mut Source) {
    let Source {
        section,
        line,
        page: _,
    } = from;
    w.text("section", Field::Line, section);
    w.line("line", *line);
}

fn paragraph<V: Visitor>(w: &mut Walk<'_, V>, p: &mut Paragraph) {
    let Paragraph { text, line } = p;
    w.text("text", Field::Prose, text);
    w.line("line", *line);
}

fn item<V: Visitor>(w: &mut Walk<'_, V>, it: &mut Item) {
    let Item {
        id,
        title,
        text,
        themes,
        organizations,
        source: from,
    } = it;
    w.text("id", Field::Id, id);
    w.optional("title", Field::Line, title);
    w.text("text", Field::Prose, text);
    w.texts("themes", Field::Id, themes);
    w.texts("organizations", Field::Line, organizations);
    w.object("source", from, source);
}

fn organization<V: Visitor>(w: &mut Walk<'_, V>, org: &mut Organization) {
    let Organization { name, acronym } = org;
    w.text("name", Field::Line, name);
    w.optional("acronym", Field::Line, acronym);
}

fn note<V: Visitor>(w: &mut Walk<'_, V>, n: &mut Note) {
    let Note {
        id,
        label,
        quotes,
        refs,
    } = n;
    w.text("id", Field::Id, id);
    w.text("label", Field::Line, label);
    w.texts("quotes", Field::Line, quotes);
    w.texts("refs", Field::Id, refs);
}

/// Cleans every string of a parsed file by its field's rule, and reports
/// each string over its field's limit and each source line that is not in
/// the source text (`source_lines` long, when the dataset has it).
pub struct Tidy<'f> {
    /// The file, to locate problems in.
    pub place: Locator<'f>,
    pub source_lines: Option<usize>,
    pub problems: ProblemList,
}

impl Tidy<'_> {
    fn report(&mut self, path: &[Step], message: String) {
        if self.problems.is_full(self.place.name) {
            self.problems.skip(self.place.name);
        } else {
            let problem = self.place.problem(&path_to_string(path), message);
            self.problems.push(problem);
        }
    }
}

impl Visitor for Tidy<'_> {
    fn text(&mut self, path: &[Step], field: Field, value: &mut String) {
        // A string has no more characters than bytes, so nearly every one is
        // let through without counting; counting stops at the limit.
        let max = field.max_chars();
        if value.len() > max && value.chars().nth(max).is_some() {
            let message = format!(
                "{} characters; expected at most {max} in {}",
                value.chars().count(),
                field.describe()
            );
            self.report(path, message);
            return;
        }
        if let Cow::Owned(cleaned) = sanitize::clean_as(value, field.shape()) {
            *value = cleaned;
        }
    }

    fn line(&mut self, path: &[Step], line: u32) {
        let past_end = self.source_lines.filter(|&n| line as usize > n);
        let message = match (line, past_end) {
            (0, _) => "line 0; expected a 1-based line of the source text".to_string(),
            (_, Some(n)) => format!(
                "line {line} is past the end of the source text ({n} lines); expected 1 to {n}"
            ),
            _ => return,
        };
        self.report(path, message);
    }
}
