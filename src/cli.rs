//! The command line: argument parsing and the headless subcommands.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export;
use crate::model::{Dataset, Problems};
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
    /// Check a dataset directory (default: the built-in dataset) and list every problem.
    Validate { dir: Option<PathBuf> },
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
        Err(message) => {
            eprintln!("tipx: {message}");
            ExitCode::FAILURE
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

fn execute(cli: Cli) -> Result<(), String> {
    let Some(command) = cli.command else {
        let dataset = load(cli.data.as_ref())?;
        return explore(dataset, cli.theme);
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
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

fn explore(dataset: Dataset, theme: Option<ThemeName>) -> Result<(), String> {
    let theme = crate::theme::Theme::from_env(theme);
    crate::tui::run(&dataset, theme).map_err(|e| e.to_string())
}
