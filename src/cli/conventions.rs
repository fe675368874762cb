//! The conventions of command-line tools: shell completions and a manual
//! page, both generated from the same clap definition as `--help`.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

pub fn completions(shell: Shell) -> String {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tipx", &mut script);
    String::from_utf8_lossy(&script).into_owned()
}

pub fn man() -> Result<String, String> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| e.to_string())?;
    String::from_utf8(page).map_err(|e| e.to_string())
}
