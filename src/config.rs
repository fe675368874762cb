//! The configuration file (`config.toml` in the user's configuration
//! folder, or `--config FILE`): the theme, and keys for any action of the
//! keymap. Read once at start; any mistake is reported with the file, line
//! and column, and tipx does not start on a configuration it misread.
//!
//! ```toml
//! theme = "light"
//! [keys]
//! bookmark = "m"            # in every context that has the action
//! [keys.search]
//! down = ["Down", "Ctrl-j"] # in one context
//! ```

use std::fmt::Write;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::keymap::{action_name, parse_key, Context, Key, Keymap, BINDINGS};
use crate::theme::ThemeName;

/// A configuration file larger than this is not read: it is not one.
const MAX_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The theme the file asks for; `--theme` still wins.
    pub theme: Option<ThemeName>,
    pub keymap: Keymap,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}:{line}:{column}: {message}")]
    At {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    File { path: PathBuf, message: String },
}

impl Config {
    /// The configuration in `path`. A missing file is the default
    /// configuration, unless it was named on the command line (`required`).
    pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
        let file_error = |message: String| ConfigError::File {
            path: path.to_path_buf(),
            message,
        };
        let file = match std::fs::File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
                return Ok(Config::default())
            }
            Err(e) => return Err(file_error(e.to_string())),
        };
        let mut bytes = Vec::new();
        file.take(MAX_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| file_error(e.to_string()))?;
        if bytes.len() as u64 > MAX_BYTES {
            return Err(file_error(format!("larger than {MAX_BYTES} bytes")));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            place(path, &text, at..at, "not UTF-8 text".into())
        })?;
        Config::parse(path, &text)
    }

    /// The configuration in `text`, read from `path` (named in errors).
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let at = |span: Range<usize>, message: String| place(path, text, span, message);
        let table = DeTable::parse(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            at(span, e.message().trim().to_string())
        })?;
        let mut config = Config::default();
        for (name, value) in table.get_ref() {
            match name.get_ref().as_ref() {
                "theme" => config.theme = Some(theme(value).map_err(|m| at(value.span(), m))?),
                "keys" => {
                    let DeValue::Table(keys) = value.get_ref() else {
                        return Err(at(value.span(), "`keys` is a table: [keys]".into()));
                    };
                    remap_all(&mut config.keymap, keys, &at)?;
                }
                other => {
                    return Err(at(
                        name.span(),
                        format!("unknown setting `{other}`: expected `theme` or `[keys]`"),
                    ))
                }
            }
        }
        Ok(config)
    }
}

fn theme(value: &Spanned<DeValue>) -> Result<ThemeName, String> {
    let names = "\"default\", \"dark\", \"light\" or \"mono\"";
    match value.get_ref() {
        DeValue::String(name) => ThemeName::from_str(name, true)
            .map_err(|_| format!("unknown theme \"{name}\": expected {names}")),
        _ => Err(format!("the theme is a string: {names}")),
    }
}

type At<'a> = dyn Fn(Range<usize>, String) -> ConfigError + 'a;

/// `[keys]`: `action = keys` for every context, `[keys.context]` for one.
fn remap_all(keymap: &mut Keymap, keys: &DeTable, at: &At) -> Result<(), ConfigError> {
    // Every context first, so that a context's own keys win over them.
    let mut ordered: Vec<_> = keys.iter().collect();
    ordered.sort_by_key(|(_, v)| matches!(v.get_ref(), DeValue::Table(_)));
    for (name, value) in ordered {
        let name_text = name.get_ref().as_ref();
        match value.get_ref() {
            DeValue::Table(actions) => {
                let Some(context) = Context::from_name(name_text) else {
                    let known: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                    return Err(at(
                        name.span(),
                        format!(
                            "unknown context `{name_text}`: expected one of {}",
                            known.join(", ")
                        ),
                    ));
                };
                for (action, value) in actions {
                    remap(keymap, Some(context), action, value, at)?;
                }
            }
            _ => remap(keymap, None, name, value, at)?,
        }
    }
    if let Some((context, key, first, second)) = keymap.clash() {
        // Which line made the clash: the last binding of the two named.
        let span = keys
            .iter()
            .flat_map(|(n, v)| match v.get_ref() {
                DeValue::Table(t) => t.iter().collect::<Vec<_>>(),
                _ => vec![(n, v)],
            })
            .filter(|(a, _)| [first, second].contains(&a.get_ref().as_ref()))
            .map(|(_, v)| v.span())
            .max_by_key(|s| s.start)
            .unwrap_or(0..0);
        return Err(at(
            span,
            format!(
                "`{}` would be both `{first}` and `{second}` in [keys.{}]",
                key.label(),
                context.name()
            ),
        ));
    }
    Ok(())
}

fn remap(
    keymap: &mut Keymap,
    context: Option<Context>,
    action: &Spanned<std::borrow::Cow<str>>,
    value: &Spanned<DeValue>,
    at: &At,
) -> Result<(), ConfigError> {
    let name = action.get_ref().as_ref();
    if name == "type" {
        return Err(at(
            action.span(),
            "`type` is what the text inputs type: every printable key, not remappable".into(),
        ));
    }
    let keys = key_list(value, name).map_err(|(span, m)| at(span, m))?;
    if keymap.remap(context, name, &keys) == 0 {
        let message = match context {
            Some(context) => {
                let there: Vec<&str> = BINDINGS
                    .iter()
                    .filter(|b| {
                        b.context == context && !matches!(b.action, crate::action::Action::Input(_))
                    })
                    .map(|b| action_name(b.action))
                    .collect();
                format!(
                    "no action `{name}` in [keys.{}]: expected one of {}",
                    context.name(),
                    there.join(", ")
                )
            }
            None => format!("unknown action `{name}` (`tipx config --default` lists every action)"),
        };
        return Err(at(action.span(), message));
    }
    Ok(())
}

/// A key or a list of keys; `views` and `section` take digit ranges only.
fn key_list(value: &Spanned<DeValue>, action: &str) -> Result<Vec<Key>, (Range<usize>, String)> {
    let one = |text: &str, span: Range<usize>| -> Result<Key, (Range<usize>, String)> {
        let key = parse_key(text).map_err(|m| (span.clone(), m))?;
        let wants_digits = matches!(action, "views" | "section");
        let is_digits = matches!(key, Key::Digits { .. });
        match (wants_digits, is_digits) {
            (true, false) => Err((
                span,
                format!("`{action}` takes a range of digits (\"1-4\", \"Alt-1-9\")"),
            )),
            (false, true) => Err((
                span,
                format!("a range of digits is for `views` and `section`, not `{action}`"),
            )),
            _ => Ok(key),
        }
    };
    match value.get_ref() {
        DeValue::String(text) => Ok(vec![one(text, value.span())?]),
        DeValue::Array(items) => items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::String(text) => one(text, item.span()),
                _ => Err((item.span(), "a key is a string (\"q\", \"Ctrl-x\")".into())),
            })
            .collect(),
        _ => Err((
            value.span(),
            "keys are a string or a list of strings (\"q\" or [\"q\", \"Esc\"])".into(),
        )),
    }
}

/// An error at a byte range of the text, as file:line:column.
fn place(path: &Path, text: &str, span: Range<usize>, message: String) -> ConfigError {
    let start = span.start.min(text.len());
    let before = text.get(..start).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    ConfigError::At {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// `tipx config --default`: every setting with its default, commented.
pub fn default_text() -> String {
    let mut out = String::from(
        "# tipx configuration: config.toml in the user's configuration folder, or\n\
         # --config FILE. These are the defaults; keep only what you change.\n\
         \n\
         # Colours: \"default\" (the terminal's own), \"dark\", \"light\" or \"mono\".\n\
         # NO_COLOR in the environment means mono unless this or --theme says otherwise.\n\
         # theme = \"default\"\n\
         \n\
         # Keys: under [keys.CONTEXT], ACTION = \"key\" or [\"key\", \"key\"]. A key is a\n\
         # character (\"q\", \"?\"), \"Space\", \"Ctrl-x\", \"Alt-x\", \"Alt-Left\", \"Enter\",\n\
         # \"Esc\", \"Tab\", \"Shift-Tab\", \"Backspace\", \"Delete\", \"Up\", \"Down\", \"Left\",\n\
         # \"Right\", \"PgUp\", \"PgDn\", \"Home\", \"End\" or \"F1\" to \"F12\"; `views` and\n\
         # `section` take a range of digits (\"1-4\", \"Alt-1-9\"). [] leaves an action\n\
         # without a key. ACTION = ... directly under [keys] sets it in every context.\n\
         # The contexts are tried most specific first: a key of [keys.reading] wins\n\
         # over the same key in [keys.moving].\n",
    );
    let keymap = Keymap::default();
    for context in Context::ALL {
        let _ = write!(out, "\n# {}\n[keys.{}]\n", context.title(), context.name());
        for (binding, keys) in keymap.bindings().filter(|(b, _)| b.context == context) {
            if matches!(binding.action, crate::action::Action::Input(_)) {
                let _ = writeln!(out, "# (text inputs type every printable key)");
                continue;
            }
            let labels: Vec<String> = keys.iter().map(|k| format!("{:?}", k.label())).collect();
            let value = match labels.as_slice() {
                [one] => one.clone(),
                many => format!("[{}]", many.join(", ")),
            };
            let _ = writeln!(out, "# {}", binding.action.description());
            let _ = writeln!(out, "{} = {value}", action_name(binding.action));
        }
    }
    out
}

#[cfg(test)]
mod tests;
