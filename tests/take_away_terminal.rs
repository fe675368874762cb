//! `e` and `y` end to end: the built binary in a pseudo-terminal writes the
//! export into the folder it runs in and the copy to the terminal as OSC 52,
//! and its status line says so. Timeouts are limits, not measurements.

#![cfg(unix)]

mod common;

use base64::Engine;
use common::pty::Session;
use portable_pty::CommandBuilder;

#[test]
fn e_writes_a_new_file_each_time_and_y_writes_osc52() {
    let folder = tempfile::tempdir().expect("a folder");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_tipx"));
    // No desktop: the copy goes through the terminal alone.
    command.env_remove("DISPLAY");
    command.cwd(folder.path());
    let mut screen = Session::spawn(command, &[], (30, 160));
    screen.wait_for_text("── Overview");

    screen.send("e");
    screen.wait_for_text("Exported Dominican Republic's profile to ./tipx-dominican-republic.md");
    screen.send("e");
    screen.wait_for_text("to ./tipx-dominican-republic-2.md");
    let first = std::fs::read_to_string(folder.path().join("tipx-dominican-republic.md"))
        .expect("the export");
    assert!(first.starts_with("# Dominican Republic (DOM)\n"));
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("listable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["tipx-dominican-republic-2.md", "tipx-dominican-republic.md"]
    );

    screen.send("y");
    screen.wait_for_text("profile in brief to the terminal's clipboard (OSC 52)");
    let stream = String::from_utf8_lossy(&screen.bytes).into_owned();
    let start = stream.find("\x1b]52;c;").expect("an OSC 52 sequence") + "\x1b]52;c;".len();
    let end = start + stream[start..].find("\x1b\\").expect("its end");
    let copied = base64::engine::general_purpose::STANDARD
        .decode(&stream[start..end])
        .expect("base64");
    let copied = String::from_utf8(copied).expect("utf-8");
    assert!(
        copied.starts_with("Dominican Republic (DOM), Caribbean: Tier 2 Watch List"),
        "{copied}"
    );

    screen.send("q");
    screen.wait_for_exit();
}
