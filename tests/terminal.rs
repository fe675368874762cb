//! End to end: the built binary in a pseudo-terminal of 120×40, its output
//! parsed by a terminal emulator (tests/common/pty.rs).

#![cfg(unix)]

mod common;

use common::pty::Session;

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
