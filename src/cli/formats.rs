//! The output formats of the headless commands, each with its help text.

use clap::ValueEnum;

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
