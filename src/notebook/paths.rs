//! Where the notebook and the configuration live by default: the
//! platform's data and configuration folders, found with `directories`
//! (`$XDG_DATA_HOME/tipx/notebook.json` and
//! `$XDG_CONFIG_HOME/tipx/config.toml` on Linux; the Application Support
//! and AppData folders on macOS and Windows).
//!
//! A small stand-in until the shared `paths` module lands; the lookups are
//! the same `directories` calls.

use std::path::PathBuf;

use directories::ProjectDirs;

/// The environment variable naming the notebook file.
pub const NOTEBOOK_ENV: &str = "TIPX_NOTEBOOK";

fn project() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "tipx")
}

/// The notebook: `--notebook FILE`, else `TIPX_NOTEBOOK`, else the data
/// folder's `notebook.json`. `None` when the platform has no home folder.
pub fn notebook(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| {
        std::env::var_os(NOTEBOOK_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .or_else(|| Some(project()?.data_dir().join("notebook.json")))
}

/// The configuration file: `--config FILE`, else the configuration
/// folder's `config.toml`.
pub fn config(flag: Option<PathBuf>) -> Option<PathBuf> {
    flag.or_else(|| Some(project()?.config_dir().join("config.toml")))
}
