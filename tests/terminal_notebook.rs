//! End to end, in pseudo-terminals: a note written in the explorer is on
//! disk the moment it shows, survives a SIGKILL, is listed by `tipx notes`,
//! and shows in a second explorer running at the same time.

#![cfg(unix)]

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::mpsc::{channel, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

const PATIENCE: Duration = Duration::from_secs(10);

/// One explorer in a 120×40 pseudo-terminal, with its own notebook and no
/// configuration but the defaults.
struct Explorer {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    _master: Box<dyn MasterPty + Send>,
}

impl Explorer {
    fn start(notebook: &Path, home: &Path) -> Explorer {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_tipx"));
        command.arg("--notebook");
        command.arg(notebook);
        command.env("TERM", "xterm-256color");
        // No configuration file of the machine's user.
        command.env("XDG_CONFIG_HOME", home);
        command.env("HOME", home);
        command.cwd(home);
        let child = pair.slave.spawn_command(command).expect("tipx starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let (send, output) = channel();
        thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n @ 1..) = reader.read(&mut chunk) {
                if send.send(chunk[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Explorer {
            child,
            writer,
            output,
            parser: vt100::Parser::new(40, 120, 0),
            _master: pair.master,
        }
    }

    fn wait_for_text(&mut self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.parser.screen().contents().contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.parser.process(&chunk),
                Err(_) => panic!(
                    "no “{text}” within {PATIENCE:?}; screen:\n{}",
                    self.parser.screen().contents()
                ),
            }
        }
    }

    /// Sends keys, pausing after each so that a lone Esc reads as Esc.
    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("keys sent");
        self.writer.flush().expect("keys sent");
        thread::sleep(Duration::from_millis(60));
    }

    fn kill_hard(&mut self) {
        let pid = self.child.process_id().expect("a running child");
        let status = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let _ = self.child.wait();
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
    let _ = second.child.wait();
}
