//! The command line: argument parsing and the headless subcommands.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export;
use crate::model::{resolve_country, Dataset, EntryKind, Problems};
use crate::search::{self, Hit, SearchIndex};

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

/// What `search --kind` selects: one kind of entry, or `item` for every
/// bullet of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindFilter {
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

impl KindFilter {
    fn admits(self, kind: EntryKind) -> bool {
        match self {
            KindFilter::Item => kind.is_item(),
            KindFilter::Lesson => kind == EntryKind::Lesson,
            KindFilter::BestPractice => kind == EntryKind::BestPractice,
            KindFilter::Recommendation => kind == EntryKind::Recommendation,
            KindFilter::Challenge => kind == EntryKind::Challenge,
            KindFilter::Objective => kind == EntryKind::Objective,
            KindFilter::Scope => kind == EntryKind::Scope,
            KindFilter::Paragraph => kind == EntryKind::Paragraph,
            KindFilter::Figure => kind == EntryKind::Figure,
            KindFilter::Country => kind == EntryKind::Country,
            KindFilter::Place => kind == EntryKind::Place,
            KindFilter::Organization => kind == EntryKind::Organization,
            KindFilter::SideBar => kind == EntryKind::Sidebar,
            KindFilter::Footnote => kind == EntryKind::Footnote,
            KindFilter::Glossary => kind == EntryKind::Glossary,
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
    /// Search the whole report: exact words, stems, prefixes and typos, best first.
    #[command(
        after_help = "Hits with every word come first; if none has them all, those with the most. \
                      Exits 1 with \"no match\" when nothing matches."
    )]
    Search {
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
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
        kind: Vec<KindFilter>,
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
                return Err("no match".to_string());
            }
            match format {
                Format::Text => search::output::text(&dataset, &hits),
                Format::Json => search::output::json(&dataset, &hits),
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
    let theme = crate::ui::theme::Theme::from_env(theme);
    crate::tui::run(&dataset, theme).map_err(|e| e.to_string())
}
