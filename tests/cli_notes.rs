//! The notebook's headless commands and the configuration file, as a user
//! runs them: `tipx note`, `tipx bookmark`, `tipx notes`, `tipx config
//! --default`, and a broken `--config` reported before anything starts.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn tipx(notebook: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tipx").expect("the tipx binary");
    cmd.arg("--notebook")
        .arg(notebook)
        .env_remove("TIPX_NOTEBOOK");
    cmd
}

#[test]
fn note_bookmark_and_notes_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("notebook.json");
    tipx(&book)
        .args([
            "note",
            "ecu-rec-2",
            "Ask the prosecutors.\nThen the police.",
        ])
        .assert()
        .success()
        .stdout("noted ecu-rec-2 (Ecuador › Recommendations 2, line 1457)\n");
    tipx(&book)
        .args(["bookmark", "syn-rec-1"])
        .assert()
        .success();
    tipx(&book).args(["notes"]).assert().success().stdout(
        "Region\n  II › Recommendations\n    ★ syn-rec-1 · Region › Recommendations 1 · line 676\n      \
         “Foster partnerships between state and civil society actors to ensure assistance and…”\n\
         Ecuador\n  III › Ecuador › Recommendations\n    ✎ ecu-rec-2 · Ecuador › Recommendations 2 · line 1457\n      \
         “Support law enforcement and legal professionals to better identify, investigate, and prosecute…”\n      \
         Ask the prosecutors.\n      Then the police.\n",
    );
    let json = tipx(&book)
        .args(["notes", "--format", "json"])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows[1]["id"], "ecu-rec-2");
    assert_eq!(rows[1]["country"], "ecuador");
    assert_eq!(rows[1]["note"], "Ask the prosecutors.\nThen the police.");
    assert_eq!(rows[0]["bookmark"], true);
    tipx(&book)
        .args(["notes", "--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "## Ecuador\n\n### III › Ecuador › Recommendations\n",
        ));
    tipx(&book)
        .args(["notes", "--format", "csv"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "id,bookmark,note,country,section,context,line,detached,first_words\nsyn-rec-1,true,,",
        ));
}

#[test]
fn delete_and_replace() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("notebook.json");
    tipx(&book)
        .args(["note", "syn-bp-1", "one"])
        .assert()
        .success();
    tipx(&book)
        .args(["note", "syn-bp-1", "two"])
        .assert()
        .success();
    tipx(&book)
        .args(["bookmark", "syn-bp-1"])
        .assert()
        .success();
    tipx(&book).args(["notes"]).assert().stdout(
        predicate::str::contains("★ ✎ syn-bp-1").and(predicate::str::contains("      two\n")),
    );
    tipx(&book)
        .args(["note", "syn-bp-1", "--delete"])
        .assert()
        .success();
    tipx(&book)
        .args(["note", "syn-bp-1", "--delete"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no note on `syn-bp-1`"));
    tipx(&book)
        .args(["bookmark", "syn-bp-1", "--delete"])
        .assert()
        .success();
    tipx(&book)
        .args(["notes"])
        .assert()
        .stdout(predicate::str::contains("is empty"));
}

#[test]
fn an_unknown_id_is_refused_and_names_where_ids_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("notebook.json");
    tipx(&book)
        .args(["note", "ecu-rec-99", "x"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no item, figure or paragraph `ecu-rec-99`")
                .and(predicate::str::contains("show COUNTRY --format json")),
        );
    assert!(!book.exists(), "nothing was written");
    tipx(&book).args(["note", "ecu-rec-1"]).assert().code(2);
}

#[test]
fn an_unreadable_notebook_is_reported_with_its_line_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("notebook.json");
    let broken = "{\"format\": 1,\n \"entries\": [\n  {\"id\": \"syn-rec-1\",, }\n]}\n";
    fs::write(&book, broken).unwrap();
    let expected = format!("{}:3:", book.display());
    for args in [
        &["notes"][..],
        &["note", "syn-rec-1", "x"],
        &["bookmark", "syn-rec-2"],
    ] {
        tipx(&book).args(args).assert().code(1).stderr(
            predicate::str::contains(&expected).and(predicate::str::contains("cannot be read")),
        );
    }
    assert_eq!(fs::read_to_string(&book).unwrap(), broken);
}

#[test]
fn the_environment_names_the_notebook() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("from-env.json");
    let mut cmd = Command::cargo_bin("tipx").unwrap();
    cmd.env("TIPX_NOTEBOOK", &book)
        .args(["bookmark", "syn-rec-3"])
        .assert()
        .success();
    assert!(fs::read_to_string(&book).unwrap().contains("\"syn-rec-3\""));
}

#[test]
fn config_default_prints_every_context_and_reads_back() {
    let out = Command::cargo_bin("tipx")
        .unwrap()
        .args(["config", "--default"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[keys.reading]\n") && text.contains("bookmark = \"b\""));
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(&config, &text).unwrap();
    // The explorer reads it and goes on to say it needs a terminal.
    Command::cargo_bin("tipx")
        .unwrap()
        .arg("--config")
        .arg(&config)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("needs a terminal"));
}

#[test]
fn a_broken_config_stops_tipx_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    fs::write(
        &config,
        "theme = \"dark\"\n[keys.reading]\nbookmark = \"Hyper-b\"\n",
    )
    .unwrap();
    Command::cargo_bin("tipx")
        .unwrap()
        .arg("--config")
        .arg(&config)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}:3:12: `Hyper-b` is not a key",
            config.display()
        )));
    let missing = dir.path().join("missing.toml");
    Command::cargo_bin("tipx")
        .unwrap()
        .arg("--config")
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("missing.toml"));
}

#[test]
fn export_with_notes_puts_each_note_under_its_item() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("notebook.json");
    tipx(&book)
        .args([
            "note",
            "ecu-rec-2",
            "Ask the prosecutors.\nThen the police.",
        ])
        .assert()
        .success();
    tipx(&book)
        .args(["bookmark", "syn-rec-1"])
        .assert()
        .success();
    let with = tipx(&book)
        .args(["export", "--country", "ecuador", "--with-notes"])
        .output()
        .unwrap();
    assert!(with.status.success());
    let text = String::from_utf8(with.stdout).unwrap();
    // The note stands right after its item's source line, as a quote.
    let item = text
        .find("Support law enforcement and legal professionals")
        .expect("the item");
    let note = text.find("> **Field note:**").expect("the note");
    assert!(note > item, "the note follows its item");
    // Inside the numbered list, indented as the item's own lines are.
    assert!(
        text[note..]
            .starts_with("> **Field note:**\n   > Ask the prosecutors.\n   > Then the police."),
        "{}",
        &text[note..note + 80]
    );
    assert!(text.contains("> **Field note (bookmarked):** bookmarked, no note."));
    // Without the flag, no note leaves the notebook.
    let without = tipx(&book)
        .args(["export", "--country", "ecuador"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(without.stdout)
        .unwrap()
        .contains("Field note"));
}
