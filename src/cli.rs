//! The command line: argument parsing and the headless subcommands.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export;
use crate::model::{Dataset, Problems};
use crate::sanitize::clean_lines;
use crate::search::SearchIndex;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    Dark,
    Light,
    Mono,
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
    run_to(args, &mut std::io::stdout(), &mut std::io::stderr())
}

/// Runs tipx writing its output to `out` and its messages to `err` (the
/// explorer itself always draws on the terminal). A failed write is never
/// a panic: it makes the exit code 1, except a closed stdout pipe
/// (`tipx show dr | head`), which is the reader's choice.
pub fn run_to<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return usage(&e, out, err),
    };
    match execute(cli) {
        Ok(output) => match write_all(out, &output) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                let _ = write_all(err, &format!("tipx: cannot write the output: {e}\n"));
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            // Whether or not stderr takes it, the exit code says it failed.
            let _ = write_all(err, &format!("tipx: {}\n", clean_lines(&message)));
            ExitCode::FAILURE
        }
    }
}

/// Help and version go to `out` (exit 0, or 1 when it cannot be written,
/// like any failed write); usage errors to `err` with exit 2. clap's text
/// is written without its colours and cleaned, because it repeats the
/// user's own arguments (`tipx $'\e]2;x\a'`).
fn usage(e: &clap::Error, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let text = e.render().to_string();
    let text = clean_lines(&text);
    if e.use_stderr() {
        let _ = write_all(err, &text);
        return ExitCode::from(2);
    }
    match write_all(out, &text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}

/// Writes and flushes, so that a failure shows here and not in a drop.
fn write_all(to: &mut dyn Write, text: &str) -> std::io::Result<()> {
    to.write_all(text.as_bytes())?;
    to.flush()
}

fn load(dir: Option<&PathBuf>) -> Result<Dataset, String> {
    let result = match dir {
        Some(dir) => Dataset::from_dir(dir),
        None => Dataset::embedded(),
    };
    result.map_err(|problems| describe(&problems))
}

fn describe(problems: &Problems) -> String {
    let n = problems.count();
    format!(
        "the dataset has {n} problem{}:\n{problems}",
        if n == 1 { "" } else { "s" }
    )
}

/// Runs a command; its output, to be written to stdout, or what went wrong.
fn execute(cli: Cli) -> Result<String, String> {
    let Some(command) = cli.command else {
        let dataset = load(cli.data.as_ref())?;
        return explore(dataset, cli.theme).map(|()| String::new());
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
    Ok(output)
}

fn explore(dataset: Dataset, theme: Option<ThemeName>) -> Result<(), String> {
    let theme = crate::ui::theme::Theme::from_env(theme);
    crate::tui::run(&dataset, theme).map_err(|e| e.to_string())
}
