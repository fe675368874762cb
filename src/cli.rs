//! The command line: argument parsing and the headless subcommands.

mod conventions;
mod export_command;
mod formats;
mod help_texts;
mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::briefing;
use crate::config::Config;
use crate::export;
use crate::keymap;
use crate::model::{resolve_country, Dataset, Problems};
use crate::notebook::commands::{self as notebook_commands, Change, ListFormat};
use crate::notebook::paths;
use crate::query::compare::{self, Comparison};
use crate::query::matrix::Matrix;
use crate::query::{compare_output, matrix_output};
use crate::sanitize::clean_lines;
use crate::search::{self, Hit, SearchIndex};
pub use crate::theme::ThemeName;
pub use formats::{BriefingArg, EntryFilter, Format, MatrixKind, TableFormat, ValidateFormat};
use help_texts::{COMPARE_HELP, COMPLETIONS_HELP, EXPORT_HELP, LIST_HELP, MATRIX_HELP, NOTE_HELP};

#[derive(Debug, Parser)]
#[command(
    name = "tipx",
    version,
    about = "Offline explorer for the report 'Review of Trafficking in Persons Programs in LAC'",
    after_help = "Without a command, tipx opens the full-screen explorer.\n\n\
                  Exit status: 0 ok; 1 nothing found, an invalid dataset or a failed write; \
                  2 a usage error."
)]
pub struct Cli {
    /// Load the dataset from DIR instead of the copy built into tipx.
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,

    /// Colours of the explorer (NO_COLOR in the environment means mono).
    /// The headless commands print no colour, so it is the explorer's alone.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeName>,

    /// The field notebook's file (default: TIPX_NOTEBOOK, else notebook.json
    /// in the user's data folder).
    #[arg(long, value_name = "FILE", global = true)]
    pub notebook: Option<PathBuf>,

    /// The configuration file (default: config.toml in the user's
    /// configuration folder).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the countries with their tier, region and item counts.
    #[command(after_help = LIST_HELP)]
    List {
        /// How to print the list.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Print one country's profile.
    Show {
        /// Name, ISO code, initials or unique prefix ("dr", "DOM", "dominican").
        country: String,
        /// How to print the profile (csv: one row per key figure and bullet).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Search the whole report: exact words, stems, prefixes and typos, best first.
    #[command(
        after_help = "Hits with every word come first; if none has them all, those with the most. \
                      Exits 1 with \"no match\" when nothing matches."
    )]
    Search {
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// How to print the hits.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Print at most N hits.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        limit: Option<u32>,
        /// Only hits in this country (name, ISO code, initials or unique prefix).
        #[arg(long, value_name = "C")]
        country: Option<String>,
        /// Only hits of these kinds (repeat, or separate with commas).
        #[arg(long, value_enum, value_delimiter = ',')]
        kind: Vec<EntryFilter>,
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
    Validate {
        dir: Option<PathBuf>,
        /// How to list the problems.
        #[arg(long, value_enum, default_value_t)]
        format: ValidateFormat,
    },
    /// Write a briefing: front matter, synthesis, country profiles, the matrix.
    #[command(after_help = EXPORT_HELP)]
    Export {
        /// md (the default, or as -o's extension says), json or html.
        #[arg(long, value_enum)]
        format: Option<BriefingArg>,
        /// Only these countries (repeat, or separate with commas); all by default.
        #[arg(long, value_name = "C", value_delimiter = ',')]
        country: Vec<String>,
        /// Write to FILE (atomically) instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// Put each of your field notes under the item it is on (Markdown, HTML).
        #[arg(long)]
        with_notes: bool,
    },
    /// Print a completion script for a shell.
    #[command(after_help = COMPLETIONS_HELP)]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `tipx man > ~/.local/share/man/man1/tipx.1`.
    Man,
    /// The field notebook: every bookmark and note, by country and section.
    Notes {
        #[arg(long, value_enum, default_value_t)]
        format: TableFormat,
    },
    /// Write (or replace) the note on an item, a key figure or a paragraph.
    #[command(after_help = NOTE_HELP)]
    Note {
        /// The item's id, as `show --format json` and `search --format json` print it.
        item: String,
        /// The note; required unless --delete.
        #[arg(required_unless_present = "delete", conflicts_with = "delete")]
        text: Option<String>,
        /// Delete the note (a bookmark on the item stays).
        #[arg(long)]
        delete: bool,
    },
    /// Bookmark an item, a key figure or a paragraph.
    #[command(after_help = NOTE_HELP)]
    Bookmark {
        item: String,
        /// Remove the bookmark instead.
        #[arg(long)]
        delete: bool,
    },
    /// The configuration file: theme and keys.
    Config {
        /// Print the full default configuration, commented.
        #[arg(long, required = true)]
        default: bool,
    },
}

/// A failed command: a usage error (exit 2) or anything else (exit 1).
enum Failure {
    Usage(String),
    Failed(String),
    /// Output to print, and then a failure all the same (`validate
    /// --format json` of a dataset with problems).
    FailedAfter {
        output: String,
        message: String,
    },
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
        Err(Failure::FailedAfter { output, message }) => {
            let _ = write_all(out, &output);
            let _ = write_all(err, &format!("tipx: {}\n", clean_lines(&message)));
            ExitCode::FAILURE
        }
        Err(Failure::Failed(message)) => {
            // Whether or not stderr takes it, the exit code says it failed.
            let _ = write_all(err, &format!("tipx: {}\n", clean_lines(&message)));
            ExitCode::FAILURE
        }
        Err(Failure::Usage(message)) => {
            let message = clean_lines(&message);
            let _ = write_all(
                err,
                &format!("tipx: {message}\n\nFor more information, try 'tipx help compare'.\n"),
            );
            ExitCode::from(2)
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
fn execute(cli: Cli) -> Result<String, Failure> {
    let Some(command) = cli.command else {
        let dataset = load(cli.data.as_ref())?;
        explore(cli, dataset)?;
        return Ok(String::new());
    };
    let output = match command {
        Command::Notes { format } => {
            let dataset = load(cli.data.as_ref())?;
            let format = match format {
                TableFormat::Text => ListFormat::Text,
                TableFormat::Json => ListFormat::Json,
                TableFormat::Md => ListFormat::Markdown,
                TableFormat::Csv => ListFormat::Csv,
            };
            notebook_commands::list(&dataset, &notebook_path(cli.notebook)?, format)?
        }
        Command::Note { item, text, delete } => {
            let dataset = load(cli.data.as_ref())?;
            let change = match text {
                Some(text) if !delete => Change::Note(text),
                _ => Change::DeleteNote,
            };
            notebook_commands::change(&dataset, &notebook_path(cli.notebook)?, &item, change)?
        }
        Command::Bookmark { item, delete } => {
            let dataset = load(cli.data.as_ref())?;
            let change = if delete {
                Change::DeleteBookmark
            } else {
                Change::Bookmark
            };
            notebook_commands::change(&dataset, &notebook_path(cli.notebook)?, &item, change)?
        }
        Command::Config { .. } => crate::config::default_text(),
        Command::Validate { dir, format } => {
            let dir = dir.or(cli.data);
            match format {
                ValidateFormat::Text => {
                    let dataset = load(dir.as_ref())?;
                    format!(
                        "ok: {} countries, {} searchable entries\n",
                        dataset.countries.len(),
                        dataset.search.len()
                    )
                }
                ValidateFormat::Json => {
                    let (report, problems) = validate::json(dir.as_deref());
                    return match problems {
                        0 => Ok(report),
                        n => Err(Failure::FailedAfter {
                            output: report,
                            message: format!("the dataset has {n} problem{}", plural(n)),
                        }),
                    };
                }
            }
        }
        Command::List { format } => {
            let dataset = load(cli.data.as_ref())?;
            match format {
                Format::Text => export::list_text(&dataset),
                Format::Json => export::list_json(&dataset),
                Format::Md => briefing::headless::list_markdown(&dataset),
                Format::Csv => briefing::headless::list_csv(&dataset)?,
            }
        }
        Command::Show { country, format } => {
            let dataset = load(cli.data.as_ref())?;
            let index = resolve_country(&dataset.countries, &country).map_err(|e| e.to_string())?;
            let country = &dataset.countries[index];
            match format {
                Format::Text => export::country_text(&dataset, country),
                Format::Json => export::country_json(country),
                Format::Md => briefing::markdown::country(&dataset, country, 1),
                Format::Csv => briefing::headless::show_csv(&dataset, index)?,
            }
        }
        Command::Export {
            format,
            country,
            output,
            force,
            with_notes,
        } => {
            let dataset = load(cli.data.as_ref())?;
            // An unreadable notebook stops the export: notes left out
            // without a word would pass for none written.
            let notebook = if with_notes {
                let path = notebook_path(cli.notebook.clone())?;
                Some(
                    crate::notebook::Store::new(path)
                        .load()
                        .map_err(|e| e.to_string())?,
                )
            } else {
                None
            };
            let request = export_command::Request {
                format,
                countries: &country,
                output: output.as_deref(),
                force,
                notes: notebook.as_ref(),
            };
            match export_command::run(&dataset, &request)? {
                Some(briefing) => briefing,
                None => return Ok(String::new()),
            }
        }
        Command::Completions { shell } => conventions::completions(shell),
        Command::Man => conventions::man()?,
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
        Command::Search {
            query,
            format,
            limit,
            country,
            kind,
        } => {
            let dataset = load(cli.data.as_ref())?;
            let country = country
                .map(|c| resolve_country(&dataset.countries, &c))
                .transpose()
                .map_err(|e| e.to_string())?;
            let index = SearchIndex::new(&dataset.search);
            let hits: Vec<Hit> = index
                .query(&query.join(" "))
                .into_iter()
                .filter(|h| {
                    let e = &dataset.search[h.entry];
                    country.is_none_or(|c| e.country == Some(c))
                        && (kind.is_empty() || kind.iter().any(|k| k.admits(e.kind)))
                })
                .take(limit.map_or(usize::MAX, |n| n as usize))
                .collect();
            // As grep: nothing found is exit status 1, with no output.
            if hits.is_empty() {
                return Err("no match".to_string().into());
            }
            match format {
                Format::Text => search::output::text(&dataset, &hits),
                Format::Json => search::output::json(&dataset, &hits),
                Format::Md => briefing::headless::search_markdown(&dataset, &hits),
                Format::Csv => briefing::headless::search_csv(&dataset, &hits)?,
            }
        }
    };
    Ok(output)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn notebook_path(flag: Option<PathBuf>) -> Result<PathBuf, String> {
    paths::notebook(flag).ok_or_else(|| {
        "no home folder to keep the notebook in: use --notebook FILE or TIPX_NOTEBOOK".to_string()
    })
}

fn explore(cli: Cli, dataset: Dataset) -> Result<(), String> {
    // A broken configuration stops tipx before the screen changes: the
    // message names the file, line and column.
    let config = match paths::config(cli.config.clone()) {
        Some(path) => Config::load(&path, cli.config.is_some()).map_err(|e| e.to_string())?,
        None => Config::default(),
    };
    keymap::install(config.keymap.clone());
    let theme = crate::theme::Theme::from_env(cli.theme.or(config.theme));
    let notebook = paths::notebook(cli.notebook);
    crate::tui::run(&dataset, theme, notebook).map_err(|e| e.to_string())
}
