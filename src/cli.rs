//! The command line: argument parsing and the headless subcommands.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export;
use crate::model::{Dataset, Problems};
use crate::query::compare::{self, Comparison};
use crate::query::matrix::{KindFilter, Matrix};
use crate::query::{compare_output, matrix_output};
use crate::search::SearchIndex;
pub use crate::theme::ThemeName;

#[derive(Debug, Parser)]
#[command(
    name = "tipx",
    version,
    about = "Offline explorer for the report 'Review of Trafficking in Persons Programs in LAC'",
    after_help = "Without a command, tipx opens the full-screen explorer."
)]
pub struct Cli {
    /// Load the dataset from DIR instead of the copy built into tipx.
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,

    /// Colours of the explorer (NO_COLOR in the environment means mono).
    #[arg(long, value_enum, global = true)]
    pub theme: Option<ThemeName>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// Output of the table commands (`matrix`, `compare`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TableFormat {
    #[default]
    Text,
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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the countries with their tier, region and item counts.
    List {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print one country's profile.
    Show {
        /// Name, ISO code, initials or unique prefix ("dr", "DOM", "dominican").
        country: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Search the whole report; every word must match.
    Search {
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Themes × countries: what each country (and the regional synthesis) has on each theme.
    #[command(after_help = MATRIX_HELP)]
    Matrix {
        #[arg(long, value_enum, default_value_t)]
        kind: MatrixKind,
        #[arg(long, value_enum, default_value_t)]
        format: TableFormat,
    },
    /// Two to five countries side by side, row by row.
    #[command(after_help = COMPARE_HELP)]
    Compare {
        /// Two to five countries, each as for `show` ("dr", "ECU", "guatemala").
        #[arg(required = true, num_args = 2.., value_name = "COUNTRY")]
        countries: Vec<String>,
        #[arg(long, value_enum, default_value_t)]
        format: TableFormat,
    },
    /// Check a dataset directory (default: the built-in dataset) and list every problem.
    Validate { dir: Option<PathBuf> },
}

const MATRIX_HELP: &str = "\
Rows are themes: the report's six first, then the editorial ones (not the
report's). Columns are the countries, then the regional synthesis (SYN), whose
lists are best practices, challenges and recommendations; --kind lessons shows
its challenges. Cells count items: R recommendations, B best practices,
L lessons learned, C challenges.

--format csv writes one row per theme × column: theme, theme_label, regional
(one of the report's six), country (\"synthesis\" for the synthesis),
country_name, then the item ids of each kind, space-separated.
--format json: {countries, themes: [{id, label, regional, cells: [{country,
recommendations, best_practices, lessons_learned}], synthesis}]}.";

const COMPARE_HELP: &str = "\
Rows: tier, roles, assessment and who requested it; key figures aligned by
what they measure; the themes of each country's recommendations; then lessons
learned, best practices and recommendations grouped by theme (each item's lead
sentence). A row whose values differ is marked; \"not in the report\" where a
country has nothing.

--format csv writes one row per comparison row × country: group, label,
measure, theme, differs, country, value, number, year, items, figures,
source_lines (lists space-separated).";

/// A failed command: a usage error (exit 2) or anything else (exit 1).
enum Failure {
    Usage(String),
    Failed(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure::Failed(message)
    }
}

/// Runs tipx with the given arguments; the binary's whole `main`.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Failed(message)) => {
            eprintln!("tipx: {message}");
            ExitCode::FAILURE
        }
        Err(Failure::Usage(message)) => {
            eprintln!("tipx: {message}\n\nFor more information, try 'tipx help compare'.");
            ExitCode::from(2)
        }
    }
}

fn load(dir: Option<&PathBuf>) -> Result<Dataset, String> {
    let result = match dir {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    };
    result.map_err(|problems| describe(&problems))
}

fn describe(problems: &Problems) -> String {
    let n = problems.0.len();
    format!(
        "the dataset has {n} problem{}:\n{problems}",
        if n == 1 { "" } else { "s" }
    )
}

fn execute(cli: Cli) -> Result<(), Failure> {
    let Some(command) = cli.command else {
        let dataset = load(cli.data.as_ref())?;
        return Ok(explore(dataset, cli.theme)?);
    };
    let output = match command {
        Command::Validate { dir } => {
            let dir = dir.or(cli.data);
            let dataset = load(dir.as_ref())?;
            format!(
                "ok: {} countries, {} searchable entries\n",
                dataset.countries.len(),
                dataset.search.len()
            )
        }
        Command::List { format } => {
            let dataset = load(cli.data.as_ref())?;
            match format {
                Format::Text => export::list_text(&dataset),
                Format::Json => export::list_json(&dataset),
            }
        }
        Command::Show { country, format } => {
            let dataset = load(cli.data.as_ref())?;
            let country = dataset.country(&country).map_err(|e| e.to_string())?;
            match format {
                Format::Text => export::country_text(&dataset, country),
                Format::Json => export::country_json(country),
            }
        }
        Command::Matrix { kind, format } => {
            let dataset = load(cli.data.as_ref())?;
            let matrix = Matrix::new(&dataset, kind.into());
            match format {
                TableFormat::Text => matrix_output::text(&matrix),
                TableFormat::Json => matrix_output::json(&matrix),
                TableFormat::Md => matrix_output::markdown(&matrix),
                TableFormat::Csv => matrix_output::csv(&matrix)?,
            }
        }
        Command::Compare { countries, format } => {
            // Too many is a usage error whatever the dataset holds.
            if countries.len() > compare::MAX_COUNTRIES {
                return Err(Failure::Usage(
                    compare::PickError::Count(countries.len()).to_string(),
                ));
            }
            let dataset = load(cli.data.as_ref())?;
            let picked = countries
                .iter()
                .map(|typed| {
                    let i = crate::model::resolve_country(&dataset.countries, typed)
                        .map_err(|e| e.to_string())?;
                    Ok((i, typed.as_str()))
                })
                .collect::<Result<Vec<_>, String>>()?;
            compare::check_pick(&dataset, &picked).map_err(|e| Failure::Usage(e.to_string()))?;
            let indexes: Vec<usize> = picked.iter().map(|(i, _)| *i).collect();
            let cmp = Comparison::new(&dataset, &indexes);
            match format {
                TableFormat::Text => compare_output::text(&dataset, &cmp),
                TableFormat::Json => compare_output::json(&dataset, &cmp),
                TableFormat::Md => compare_output::markdown(&dataset, &cmp),
                TableFormat::Csv => compare_output::csv(&dataset, &cmp)?,
            }
        }
        Command::Search { query, format } => {
            let dataset = load(cli.data.as_ref())?;
            let query = query.join(" ");
            let index = SearchIndex::new(&dataset.search);
            let hits = index.query(&query);
            match format {
                Format::Text => hits
                    .iter()
                    .map(|h| {
                        let e = &dataset.search[h.entry];
                        format!("[{}] {}\n    {}\n", e.kind, e.context, e.text)
                    })
                    .collect(),
                Format::Json => {
                    let rows: Vec<serde_json::Value> = hits
                        .iter()
                        .map(|h| {
                            let e = &dataset.search[h.entry];
                            serde_json::json!({
                                "kind": e.kind, "context": e.context,
                                "text": e.text, "score": h.score,
                            })
                        })
                        .collect();
                    export::to_json(&rows)
                }
            }
        }
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(output.as_bytes()) {
        // A closed pipe (`tipx show dr | head`) is the reader's choice, not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string().into()),
        _ => Ok(()),
    }
}

fn explore(dataset: Dataset, theme: Option<ThemeName>) -> Result<(), String> {
    let theme = crate::theme::Theme::from_env(theme);
    crate::tui::run(&dataset, theme).map_err(|e| e.to_string())
}
