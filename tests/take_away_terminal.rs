//! `e` and `y` end to end: the built binary in a pseudo-terminal writes the
//! export into the folder it runs in and the copy to the terminal as OSC 52,
//! and its status line says so. Timeouts are limits, not measurements.

#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use base64::Engine;
use portable_pty::{native_pty_system, CommandBuilder, PtySize};

const PATIENCE: Duration = Duration::from_secs(10);

struct Screen {
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    bytes: Vec<u8>,
}

impl Screen {
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.parser.screen().contents().contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            let chunk = self.output.recv_timeout(left).unwrap_or_else(|_| {
                panic!("no “{text}”; screen:\n{}", self.parser.screen().contents())
            });
            self.parser.process(&chunk);
            self.bytes.extend_from_slice(&chunk);
        }
    }
}

#[test]
fn e_writes_a_new_file_each_time_and_y_writes_osc52() {
    let folder = tempfile::tempdir().expect("a folder");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 160,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_tipx"));
    command.env("TERM", "xterm-256color");
    // No desktop: the copy goes through the terminal alone.
    command.env_remove("DISPLAY");
    command.cwd(folder.path());
    let mut child = pair.slave.spawn_command(command).expect("tipx starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let mut keys = pair.master.take_writer().expect("a writer");
    let (send, output) = channel();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        while let Ok(n @ 1..) = reader.read(&mut chunk) {
            if send.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = Screen {
        output,
        parser: vt100::Parser::new(30, 160, 0),
        bytes: Vec::new(),
    };
    let mut press = |k: &str| {
        keys.write_all(k.as_bytes()).expect("keys");
        keys.flush().expect("keys");
    };
    screen.wait_for("── Overview");

    press("e");
    screen.wait_for("Exported Dominican Republic's profile to ./tipx-dominican-republic.md");
    press("e");
    screen.wait_for("to ./tipx-dominican-republic-2.md");
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

    press("y");
    screen.wait_for("profile in brief to the terminal's clipboard (OSC 52)");
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

    press("q");
    let deadline = Instant::now() + PATIENCE;
    while child.try_wait().expect("status").is_none() {
        assert!(Instant::now() < deadline, "tipx did not quit");
        std::thread::sleep(Duration::from_millis(20));
    }
}
