//! Where tipx keeps the user's own files — the notebook and the config
//! file — in the folders each platform sets aside for them, found by the
//! `directories` crate rather than by joining `/`-separated strings:
//!
//! | platform | data (notebook)                         | config                            |
//! |----------|-----------------------------------------|-----------------------------------|
//! | Linux    | `$XDG_DATA_HOME/tipx` or `~/.local/share/tipx` | `$XDG_CONFIG_HOME/tipx` or `~/.config/tipx` |
//! | macOS    | `~/Library/Application Support/tipx`    | the same                          |
//! | Windows  | `%APPDATA%\tipx\data`                   | `%APPDATA%\tipx\config`           |
//!
//! The dataset needs no folder: it is built into the binary, and `--data DIR`
//! names any other. Nothing here creates a folder; whoever writes first does.

use std::path::PathBuf;

use directories::ProjectDirs;

/// The notebook's file name inside [`Folders::data`].
pub const NOTEBOOK_FILE: &str = "notebook.json";
/// The config file's name inside [`Folders::config`].
pub const CONFIG_FILE: &str = "config.toml";

/// The platform's per-user folders for tipx.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    /// Files tipx writes and the user keeps: the notebook.
    pub data: PathBuf,
    /// Files the user writes and tipx reads: the config file.
    pub config: PathBuf,
}

impl Folders {
    /// The current user's folders, or `None` where the system names no home
    /// folder (a service account, a stripped container): callers then run
    /// without the notebook or config rather than guess a place to write.
    pub fn of_current_user() -> Option<Folders> {
        // No qualifier or organisation: the folder is plainly "tipx" on
        // every platform, where a user looking for it would look.
        let dirs = ProjectDirs::from("", "", "tipx")?;
        Some(Folders {
            data: dirs.data_dir().to_path_buf(),
            config: dirs.config_dir().to_path_buf(),
        })
    }

    /// The notebook file: `data/notebook.json`.
    pub fn notebook(&self) -> PathBuf {
        self.data.join(NOTEBOOK_FILE)
    }

    /// The config file: `config/config.toml`.
    pub fn config_file(&self) -> PathBuf {
        self.config.join(CONFIG_FILE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An absolute path from an environment variable, as the platform
    /// conventions require (a relative `XDG_DATA_HOME` is ignored).
    fn absolute_env(name: &str) -> Option<PathBuf> {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    }

    /// The folders derived independently from the environment, by each
    /// platform's documented rule.
    fn expected() -> (PathBuf, PathBuf) {
        if cfg!(windows) {
            let roaming = absolute_env("APPDATA").expect("APPDATA is set on Windows");
            (
                roaming.join("tipx").join("data"),
                roaming.join("tipx").join("config"),
            )
        } else {
            let home = absolute_env("HOME").expect("HOME is set");
            if cfg!(target_os = "macos") {
                let support = home
                    .join("Library")
                    .join("Application Support")
                    .join("tipx");
                (support.clone(), support)
            } else {
                let data = absolute_env("XDG_DATA_HOME")
                    .unwrap_or_else(|| home.join(".local").join("share"));
                let config =
                    absolute_env("XDG_CONFIG_HOME").unwrap_or_else(|| home.join(".config"));
                (data.join("tipx"), config.join("tipx"))
            }
        }
    }

    #[test]
    fn folders_follow_the_platform_convention() {
        let folders = Folders::of_current_user().expect("the test runs with a home folder");
        let (data, config) = expected();
        assert_eq!(folders.data, data);
        assert_eq!(folders.config, config);
        assert!(folders.data.is_absolute() && folders.config.is_absolute());
    }

    #[test]
    fn files_sit_directly_in_their_folders() {
        let folders = Folders::of_current_user().expect("the test runs with a home folder");
        let notebook = folders.notebook();
        assert_eq!(notebook.parent(), Some(folders.data.as_path()));
        assert_eq!(notebook.file_name().unwrap(), NOTEBOOK_FILE);
        let config = folders.config_file();
        assert_eq!(config.parent(), Some(folders.config.as_path()));
        assert_eq!(config.file_name().unwrap(), CONFIG_FILE);
        // Built with the platform's separator, never a literal '/'.
        if cfg!(windows) {
            assert!(!notebook.to_string_lossy().contains('/'), "{notebook:?}");
        }
    }
}
