//! The crate's modules form layers: each imports only modules of lower
//! layers, so there is no cycle and a view, a document or the model can be
//! understood from below. This test reads every `crate::` path in `src/`
//! and fails on one that points to the same or a higher layer.

use std::fs;
use std::path::Path;

/// Top-level modules by layer, lowest first. A module may use only modules
/// of a lower layer. A new module gets a row here.
const LAYERS: &[&[&str]] = &[
    // Plain text rules, platform details and the explorer's vocabulary.
    &["sanitize", "text", "action", "signals", "paths", "atomic"],
    // The dataset, and pure geometry.
    &["model", "layout", "keymap"],
    // What is computed from the model.
    &["search", "export", "query", "notebook"],
    // Documents built from the model, briefings written from it, and the
    // styles that draw them.
    &["doc", "briefing"],
    &["theme"],
    // The configuration file: theme and keys.
    &["config"],
    // The explorer's state and update.
    &["app"],
    // Drawing.
    &["ui"],
    // The terminal, the screenshots.
    &["tui", "screenshot"],
    // The command line.
    &["cli"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level module a file of `src/` belongs to.
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().expect("a path inside src");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// Every module named after `crate::` in a line of code (comments skipped).
fn crate_references(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            found.push(name);
        }
        rest = after;
    }
    // `use crate::{a, b}` names several at once.
    if let Some(at) = code.find("crate::{") {
        let inside = &code[at + "crate::{".len()..];
        let inside = inside.split('}').next().unwrap_or("");
        for part in inside.split(',') {
            let name: String = part
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    found
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_a_module_of_its_own_or_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    files(&src, &mut paths);
    let mut problems = Vec::new();
    for path in paths {
        let relative = path.strip_prefix(&src).expect("inside src");
        let module = module_of(relative);
        if module == "lib" || module == "main" {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            problems.push(format!("{module}: not in the table of layers"));
            continue;
        };
        let text = fs::read_to_string(&path).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            for used in crate_references(line) {
                if used == module {
                    continue;
                }
                match layer_of(&used) {
                    Some(layer) if layer < own => {}
                    Some(_) => problems.push(format!(
                        "{}:{}: {module} uses {used}, which is not below it",
                        relative.display(),
                        n + 1
                    )),
                    None => problems.push(format!(
                        "{}:{}: {used} is not in the table of layers",
                        relative.display(),
                        n + 1
                    )),
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_reader_of_references_sees_every_form_of_import() {
    assert_eq!(crate_references("use crate::model::Dataset;"), ["model"]);
    assert_eq!(
        crate_references("use crate::{doc, model::Target};"),
        ["doc", "model"]
    );
    assert_eq!(
        crate_references("    let t = crate::text::width(&s); // crate::ui"),
        ["text"]
    );
    assert!(crate_references("// use crate::ui;").is_empty());
}
