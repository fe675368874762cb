//! The output formats of the headless commands, each with its help text.

use clap::ValueEnum;

use crate::model::EntryKind;
use crate::query::matrix::KindFilter;

/// Output of `list`, `show` and `search`. None carries colour or escape
/// sequences, whether to a terminal or a pipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Plain text to read or paste.
    #[default]
    Text,
    /// JSON for scripts (jq).
    Json,
    /// GitHub Markdown, for briefings.
    Md,
    /// CSV with a header row, for spreadsheets.
    Csv,
}

/// Output of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ValidateFormat {
    /// One line per problem: file:line:column: path: message.
    #[default]
    Text,
    /// {valid, countries, searchable_entries, problems: [{file, line, column, path, message}]}.
    Json,
}

/// Output of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefingArg {
    /// Markdown that renders on GitHub and in pandoc.
    Md,
    /// The whole model: the report and the chosen countries.
    Json,
    /// One self-contained, printable page (print to PDF from a browser).
    Html,
}

/// Output of the table commands (`matrix`, `compare`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TableFormat {
    /// Plain text to read or paste.
    #[default]
    Text,
    /// JSON for scripts (jq).
    Json,
    /// GitHub Markdown tables.
    Md,
    Csv,
}

/// Which items the matrix counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum MatrixKind {
    #[default]
    All,
    Recommendations,
    BestPractices,
    /// Lessons learned (for the synthesis, its challenges).
    Lessons,
}

impl From<MatrixKind> for KindFilter {
    fn from(kind: MatrixKind) -> KindFilter {
        match kind {
            MatrixKind::All => KindFilter::All,
            MatrixKind::Recommendations => KindFilter::Recommendations,
            MatrixKind::BestPractices => KindFilter::BestPractices,
            MatrixKind::Lessons => KindFilter::Lessons,
        }
    }
}

/// What `search --kind` selects: one kind of entry, or `item` for every
/// bullet of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EntryFilter {
    /// Any bullet: lesson, best practice, recommendation, challenge, objective, scope.
    Item,
    Lesson,
    BestPractice,
    Recommendation,
    Challenge,
    Objective,
    Scope,
    Paragraph,
    Figure,
    Country,
    Place,
    Organization,
    SideBar,
    Footnote,
    Glossary,
}

impl EntryFilter {
    pub fn admits(self, kind: EntryKind) -> bool {
        match self {
            EntryFilter::Item => kind.is_item(),
            EntryFilter::Lesson => kind == EntryKind::Lesson,
            EntryFilter::BestPractice => kind == EntryKind::BestPractice,
            EntryFilter::Recommendation => kind == EntryKind::Recommendation,
            EntryFilter::Challenge => kind == EntryKind::Challenge,
            EntryFilter::Objective => kind == EntryKind::Objective,
            EntryFilter::Scope => kind == EntryKind::Scope,
            EntryFilter::Paragraph => kind == EntryKind::Paragraph,
            EntryFilter::Figure => kind == EntryKind::Figure,
            EntryFilter::Country => kind == EntryKind::Country,
            EntryFilter::Place => kind == EntryKind::Place,
            EntryFilter::Organization => kind == EntryKind::Organization,
            EntryFilter::SideBar => kind == EntryKind::Sidebar,
            EntryFilter::Footnote => kind == EntryKind::Footnote,
            EntryFilter::Glossary => kind == EntryKind::Glossary,
        }
    }
}
