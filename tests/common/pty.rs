//! Programs in a pseudo-terminal, their output parsed by a terminal
//! emulator, for the end-to-end tests. The timeouts are generous limits for
//! a slow machine, not measurements: a step fails only if nothing arrives.

use std::io::{Read, Write};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

/// The explorer's terminal unless a test asks for another size.
pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;
pub const PATIENCE: Duration = Duration::from_secs(10);

/// A program running in a pseudo-terminal, its output parsed by a terminal
/// emulator.
pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    pub writer: Box<dyn Write + Send>,
    pub output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    /// Every byte the explorer wrote.
    pub bytes: Vec<u8>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// The explorer in a 120×40 terminal.
    pub fn start() -> Session {
        Session::start_with(&[])
    }

    /// The explorer with extra environment variables, from a folder that
    /// holds no dataset: it must run on the copy inside the binary.
    pub fn start_with(env: &[(&str, &str)]) -> Session {
        let mut tipx = CommandBuilder::new(env!("CARGO_BIN_EXE_tipx"));
        tipx.cwd(std::env::temp_dir());
        Session::spawn(tipx, env, (ROWS, COLS))
    }

    /// An interactive shell with job control, for what only a shell does
    /// (Ctrl-Z and `fg`).
    pub fn shell() -> Session {
        let mut bash = CommandBuilder::new("bash");
        bash.args(["--norc", "--noprofile", "-i"]);
        bash.cwd(std::env::temp_dir());
        Session::spawn(bash, &[("PS1", "$ ")], (ROWS, COLS))
    }

    /// `command` in a terminal of `(rows, columns)`, with TERM set, NO_COLOR
    /// unset and `env` added.
    pub fn spawn(
        mut command: CommandBuilder,
        env: &[(&str, &str)],
        (rows, cols): (u16, u16),
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
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
            parser: vt100::Parser::new(rows, cols, 0),
            bytes: Vec::new(),
            _master: pair.master,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Reads output until the screen satisfies `done`.
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
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

    pub fn wait_for_text(&mut self, text: &str) {
        self.wait_for(&format!("“{text}”"), |screen| screen.contains(text));
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("keys sent");
        self.writer.flush().expect("keys sent");
    }

    /// Waits for the exit, then reads what was written until the end.
    pub fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
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
    pub fn assert_restored(&self) {
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
