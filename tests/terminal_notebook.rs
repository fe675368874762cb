//! End to end, in pseudo-terminals: a note written in the explorer is on
//! disk the moment it shows, survives a SIGKILL, is listed by `tipx notes`,
//! and shows in a second explorer running at the same time.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::Command;
use std::thread;
use std::time::Duration;

use common::pty::{Session, COLS, ROWS};
use portable_pty::CommandBuilder;

/// One explorer in a 120×40 pseudo-terminal, with its own notebook and no
/// configuration but the defaults.
struct Explorer(Session);

impl Explorer {
    fn start(notebook: &Path, home: &Path) -> Explorer {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_tipx"));
        command.arg("--notebook");
        command.arg(notebook);
        command.cwd(home);
        // No configuration file of the machine's user.
        let home = home.to_str().expect("a UTF-8 path");
        let env = [("XDG_CONFIG_HOME", home), ("HOME", home)];
        Explorer(Session::spawn(command, &env, (ROWS, COLS)))
    }

    fn wait_for_text(&mut self, text: &str) {
        self.0.wait_for_text(text);
    }

    /// Sends keys, pausing after each so that a lone Esc reads as Esc.
    fn send(&mut self, keys: &str) {
        self.0.send(keys);
        thread::sleep(Duration::from_millis(60));
    }

    fn kill_hard(&mut self) {
        let pid = self.0.child.process_id().expect("a running child");
        let status = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let _ = self.0.child.wait();
    }
}

#[test]
fn a_note_written_in_the_explorer_survives_sigkill_and_reaches_the_others() {
    let home = tempfile::tempdir().expect("a temporary folder");
    let notebook = home.path().join("notebook.json");
    let mut first = Explorer::start(&notebook, home.path());
    let mut second = Explorer::start(&notebook, home.path());
    first.wait_for_text("Countries (5)");
    second.wait_for_text("Countries (5)");
    // Ecuador's profile; the cursor is on its first overview paragraph.
    first.send("j");
    first.send("\r");
    first.wait_for_text("Ecuador is listed among");
    first.send("a");
    first.wait_for_text("Note on Ecuador");
    first.send("seen in the field");
    first.send("\x1b");
    first.wait_for_text("✎ seen in the field");
    first.kill_hard();

    let text = std::fs::read_to_string(&notebook).expect("the notebook was saved");
    assert!(text.contains("\"note\": \"seen in the field\""), "{text}");
    let listed = Command::new(env!("CARGO_BIN_EXE_tipx"))
        .arg("--notebook")
        .arg(&notebook)
        .arg("notes")
        .output()
        .expect("tipx notes runs");
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed.contains("Ecuador › Overview ¶1") && listed.contains("seen in the field"),
        "{listed}"
    );

    // The second explorer, open all along, shows it in its notebook.
    second.send("B");
    second.wait_for_text("seen in the field");
    second.send("q");
    second.send("q");
    let _ = second.0.child.wait();
}
