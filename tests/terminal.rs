//! End to end: the built binary in a pseudo-terminal of 120×40, its output
//! parsed by a terminal emulator. The timeouts are generous limits for a
//! slow machine, not measurements: a step fails only if nothing arrives.

#![cfg(unix)]

use std::io::{Read, Write};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const PATIENCE: Duration = Duration::from_secs(10);

/// The explorer running in a pseudo-terminal.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
    /// Every byte the explorer wrote.
    bytes: Vec<u8>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start() -> Session {
        Session::start_with(&[])
    }

    /// The explorer with extra environment variables, from a folder that
    /// holds no dataset: it must run on the copy inside the binary.
    fn start_with(env: &[(&str, &str)]) -> Session {
        Session::spawn(CommandBuilder::new(env!("CARGO_BIN_EXE_tipx")), env)
    }

    /// An interactive shell with job control, for what only a shell does
    /// (Ctrl-Z and `fg`).
    fn shell() -> Session {
        let mut bash = CommandBuilder::new("bash");
        bash.args(["--norc", "--noprofile", "-i"]);
        Session::spawn(bash, &[("PS1", "$ ")])
    }

    fn spawn(mut command: CommandBuilder, env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        command.cwd(std::env::temp_dir());
        let child = pair.slave.spawn_command(command).expect("tipx starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let (send, output) = channel();
        thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            // Ends with the child: the pty then reports end of file or an error.
            while let Ok(n @ 1..) = reader.read(&mut chunk) {
                if send.send(chunk[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer,
            output,
            parser: vt100::Parser::new(ROWS, COLS, 0),
            bytes: Vec::new(),
            _master: pair.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until the screen satisfies `done`.
    fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !done(&self.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => {
                    self.parser.process(&chunk);
                    self.bytes.extend_from_slice(&chunk);
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no {what} within {PATIENCE:?}; screen:\n{}", self.screen())
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("tipx ended before {what}; screen:\n{}", self.screen())
                }
            }
        }
    }

    fn wait_for_text(&mut self, text: &str) {
        self.wait_for(&format!("“{text}”"), |screen| screen.contains(text));
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("keys sent");
        self.writer.flush().expect("keys sent");
    }

    /// Waits for the exit, then reads what was written until the end.
    fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "tipx did not exit within {PATIENCE:?}"
            );
            thread::sleep(Duration::from_millis(20));
        };
        while let Ok(chunk) = self.output.recv_timeout(Duration::from_millis(500)) {
            self.parser.process(&chunk);
            self.bytes.extend_from_slice(&chunk);
        }
        status
    }

    /// The terminal as tipx left it: main screen, cursor shown, mouse off,
    /// each after the last time tipx turned them the other way.
    fn assert_restored(&self) {
        let stream = String::from_utf8_lossy(&self.bytes);
        let after = |off: &str, on: &str| {
            let last_off = stream.rfind(off);
            assert!(last_off.is_some(), "{off:?} never written");
            assert!(last_off > stream.rfind(on), "{on:?} written after {off:?}");
        };
        assert!(
            stream.contains("\x1b[?1049h"),
            "the alternate screen was used"
        );
        after("\x1b[?1049l", "\x1b[?1049h");
        after("\x1b[?25h", "\x1b[?25l");
        after("\x1b[?1000l", "\x1b[?1000h");
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
    }
}

#[test]
fn first_frame_keys_and_quit_leave_the_terminal_restored() {
    let mut s = Session::start();
    s.wait_for_text("Dominican Republic");
    s.wait_for_text("── Overview");
    s.send("j");
    s.wait_for_text("Ecuador  ECU");
    s.send("4");
    s.wait_for_text("── Executive summary");
    s.send("/witness");
    s.wait_for_text("/ witness");
    s.wait_for_text("matches");
    s.send("\x1b");
    s.wait_for("the search closed", |screen| {
        !screen.contains("Search the report")
    });
    s.send("q");
    let status = s.wait_for_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn no_color_means_no_colour_in_the_byte_stream() {
    // SGR colour parameters: 30-37, 38;…, 39 (default), 40-47, 48;…, 90-97, 100-107.
    fn sets_a_colour(stream: &str) -> Option<&str> {
        stream.split("\x1b[").skip(1).find_map(|rest| {
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
            let colour = rest[end..].starts_with('m')
                && rest[..end].split(';').any(|p| {
                    matches!(
                        p.parse::<u16>(),
                        Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                    )
                });
            colour.then(|| &rest[..end])
        })
    }
    let mut coloured = Session::start();
    coloured.wait_for_text("── Overview");
    let stream = String::from_utf8_lossy(&coloured.bytes).into_owned();
    assert!(
        sets_a_colour(&stream).is_some(),
        "the default theme has colour"
    );
    coloured.send("q");
    coloured.wait_for_exit();

    let mut s = Session::start_with(&[("NO_COLOR", "1")]);
    s.wait_for_text("── Overview");
    s.send("4");
    s.wait_for_text("── Executive summary");
    let stream = String::from_utf8_lossy(&s.bytes).into_owned();
    assert_eq!(
        sets_a_colour(&stream),
        None,
        "NO_COLOR=1 still sets a colour"
    );
    // The selection still shows, by reverse video (SGR 7).
    assert!(
        stream.contains("\x1b[7m") || stream.contains(";7m"),
        "no reverse video"
    );
    s.send("q");
    assert!(s.wait_for_exit().success());
    s.assert_restored();
}

#[test]
fn ctrl_c_quits_even_while_typing() {
    let mut s = Session::start();
    s.wait_for_text("Dominican Republic");
    s.send("/q");
    s.wait_for_text("/ q");
    s.send("\x03");
    let status = s.wait_for_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn sigterm_and_sighup_leave_the_terminal_restored() {
    for (signal, number) in [("TERM", 15), ("HUP", 1)] {
        let mut s = Session::start();
        s.wait_for_text("Dominican Republic");
        let pid = s.child.process_id().expect("a process id");
        let killed = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let status = s.wait_for_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
        s.assert_restored();
    }
}

#[test]
fn without_a_terminal_the_explorer_explains_and_fails() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_tipx"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("tipx runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "no escape sequences into a pipe");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
}

#[test]
fn a_ten_kilobyte_paste_is_read_to_its_end_and_one_q_quits() {
    let mut s = Session::start();
    s.wait_for_text("── Overview");
    // 10 KB of keys that leave the list where it was, then a view switch:
    // the region shows only once every byte before it was read.
    s.send(&"jk".repeat(5 * 1024));
    s.send("4");
    s.wait_for_text("── Executive summary");
    s.send("q");
    let status = s.wait_for_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn ctrl_z_suspends_and_fg_brings_the_explorer_back() {
    let mut s = Session::shell();
    s.wait_for_text("$ ");
    s.send(&format!("{}\r", env!("CARGO_BIN_EXE_tipx")));
    s.wait_for_text("── Overview");
    s.send("j");
    s.wait_for_text("Ecuador  ECU");
    s.send("\x1a");
    s.wait_for_text("Stopped");
    assert!(
        !s.parser.screen().alternate_screen(),
        "the shell gets the main screen back"
    );
    s.send("fg\r");
    s.wait_for_text("Ecuador  ECU");
    assert!(s.parser.screen().alternate_screen());
    s.send("q");
    s.wait_for("the shell's prompt", |screen| {
        !screen.contains("── Overview") && screen.contains("$ ")
    });
    s.assert_restored();
    s.send("exit\r");
    s.wait_for_exit();
}

#[test]
fn a_dumb_terminal_gets_a_plain_refusal() {
    let mut s = Session::start_with(&[("TERM", "dumb")]);
    let status = s.wait_for_exit();
    assert_eq!(status.exit_code(), 1, "{status:?}");
    let stream = String::from_utf8_lossy(&s.bytes);
    assert!(stream.contains("dumb"), "{stream}");
    assert!(
        !stream.contains("\x1b[?1049h"),
        "no alternate screen on a dumb terminal"
    );
}
