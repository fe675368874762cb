//! Issue #12, the command line's side: output that cannot be written, files
//! that are not files, and the user's own arguments echoed back. FIFOs,
//! symlinks and /dev/full make most of it Unix (or Linux) only.
#![cfg(unix)]

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Command as StdCommand, ExitCode, Stdio};
use std::time::Duration;

use assert_cmd::cargo::CommandCargoExt;
use assert_cmd::Command;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

fn minimal() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("a temporary directory");
    let from = Path::new(MANIFEST_DIR).join("tests/fixtures/minimal");
    fs::create_dir(tmp.path().join("countries")).unwrap();
    for file in [
        "report.json",
        "countries/freedonia.json",
        "countries/free-state.json",
    ] {
        fs::copy(from.join(file), tmp.path().join(file)).unwrap();
    }
    tmp
}

fn tipx() -> Command {
    let mut cmd = Command::cargo_bin("tipx").unwrap();
    cmd.current_dir(MANIFEST_DIR)
        .timeout(Duration::from_secs(20));
    cmd
}

#[cfg(target_os = "linux")]
fn dev_full() -> fs::File {
    fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full")
}

/// A writer that refuses everything, as a full disk does.
struct Full;

impl Write for Full {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"))
    }
}

// --- 5. a failing stdout or stderr ----------------------------------------------

#[test]
#[cfg(target_os = "linux")]
fn an_error_into_a_full_stderr_exits_1_without_a_panic() {
    let out = StdCommand::cargo_bin("tipx")
        .unwrap()
        .args(["show", "narnia"])
        .stderr(dev_full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
#[cfg(target_os = "linux")]
fn help_into_a_full_stdout_exits_1() {
    for args in [&["--help"][..], &["--version"], &["show", "--help"]] {
        let out = StdCommand::cargo_bin("tipx")
            .unwrap()
            .args(args)
            .stdout(dev_full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{:?}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
#[cfg(target_os = "linux")]
fn output_into_a_full_stdout_exits_1_and_says_so() {
    let out = StdCommand::cargo_bin("tipx")
        .unwrap()
        .args(["show", "ecuador"])
        .current_dir(MANIFEST_DIR)
        .stdout(dev_full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("tipx: cannot write the output: "),
        "{stderr}"
    );
}

/// The minimal dataset with `n` more bullets in Freedonia, each with an
/// unknown theme: `n` problems in one file.
fn many_problems(n: usize) -> tempfile::TempDir {
    let tmp = minimal();
    let path = tmp.path().join("countries/freedonia.json");
    let text = fs::read_to_string(&path).unwrap();
    let bullets: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "frd-x-{i}", "text": "A bullet.", "themes": ["nowhere"], "source": {{"section": "F", "line": 1}}}}"#
            )
        })
        .collect();
    let text = text.replacen(
        r#""best_practices": ["#,
        &format!(r#""best_practices": [{},"#, bullets.join(",")),
        1,
    );
    fs::write(&path, text).unwrap();
    tmp
}

#[test]
fn thousands_of_problems_list_the_first_hundred_and_count_the_rest() {
    let tmp = many_problems(3_000);
    let out = tipx().arg("validate").arg(tmp.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[0], "tipx: the dataset has 3000 problems:");
    assert_eq!(lines.len(), 1 + 100 + 1, "{stderr}");
    assert!(
        lines[100].contains("best_practices[99].themes[0]: unknown theme"),
        "{}",
        lines[100]
    );
    assert_eq!(
        lines[101],
        format!(
            "{}: and 2900 more problems in this file, not listed (a check lists at most 100 a file); fix these and validate again",
            tmp.path().join("countries/freedonia.json").display()
        )
    );
}

#[test]
fn thousands_of_problems_into_a_closed_pipe_exit_1_cleanly() {
    // Far more than a pipe holds, even listing only 100 problems a file:
    // 30 copies of a file with 200 problems (and ids that clash).
    let tmp = many_problems(200);
    let broken = fs::read(tmp.path().join("countries/freedonia.json")).unwrap();
    for i in 0..30 {
        fs::write(tmp.path().join(format!("countries/copy-{i}.json")), &broken).unwrap();
    }
    let mut child = StdCommand::cargo_bin("tipx")
        .unwrap()
        .arg("validate")
        .arg(tmp.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the first lines, as `head` does, then close the pipe.
    let mut stderr = child.stderr.take().unwrap();
    let mut first = [0u8; 200];
    stderr.read_exact(&mut first).unwrap();
    drop(stderr);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    assert!(String::from_utf8_lossy(&first).starts_with("tipx: the dataset has "));
}

#[test]
fn in_process_a_failing_writer_is_a_failure_not_a_panic() {
    let mut out = Vec::new();
    let code = tipx::cli::run_to(["tipx", "show", "narnia"], &mut out, &mut Full);
    assert_eq!(code, ExitCode::FAILURE);
    assert!(out.is_empty());
    let mut err = Vec::new();
    let code = tipx::cli::run_to(["tipx", "list"], &mut Full, &mut err);
    assert_eq!(code, ExitCode::FAILURE);
    assert!(
        String::from_utf8_lossy(&err).starts_with("tipx: cannot write the output: no space left")
    );
}

// --- 7. special files -------------------------------------------------------------

/// `tipx validate DIR` names `file` and says what it is, within the timeout
/// (a FIFO used to block for ever).
fn refused(dir: &Path, file: &str, says: &str) {
    let out = tipx().arg("validate").arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = format!("{}: {says}", dir.join(file).display());
    assert!(
        stderr.lines().any(|l| l == line),
        "{line:?} not in:\n{stderr}"
    );
}

#[test]
fn a_fifo_is_refused_by_name_without_blocking() {
    let tmp = minimal();
    let fifo = tmp.path().join("countries/fifo.json");
    let made = StdCommand::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    refused(
        tmp.path(),
        "countries/fifo.json",
        "is a FIFO (named pipe), not a regular file; expected a regular file",
    );
}

#[test]
fn a_symlink_to_dev_zero_is_refused_by_name() {
    let tmp = minimal();
    fs::remove_file(tmp.path().join("report.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", tmp.path().join("report.json")).unwrap();
    refused(
        tmp.path(),
        "report.json",
        "is a character device, not a regular file; expected a regular file",
    );
}

#[test]
fn a_directory_named_like_a_file_is_refused() {
    let tmp = minimal();
    fs::create_dir(tmp.path().join("countries/folder.json")).unwrap();
    refused(
        tmp.path(),
        "countries/folder.json",
        "is a directory, not a regular file; expected a regular file",
    );
}

#[test]
fn a_dataset_over_its_total_size_is_refused() {
    // Nine files of 1.9 MB: each under the file limit, together over 16 MiB.
    let tmp = minimal();
    let padding = " ".repeat(1_900_000);
    for i in 0..9 {
        fs::write(tmp.path().join(format!("countries/pad-{i}.json")), &padding).unwrap();
    }
    refused(
        tmp.path(),
        "countries/pad-8.json",
        "the dataset's files together exceed 16777216 bytes (16 MiB); expected a smaller dataset",
    );
}

// --- 10. the user's own argument ---------------------------------------------------

#[test]
fn an_unknown_country_is_echoed_escaped() {
    let out = tipx().args(["show", "\u{1b}]2;x\u{7}"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("tipx: unknown country \"\\u{1b}]2;x\\u{7}\"; expected one of: "),
        "{stderr}"
    );
    assert!(
        !out.stderr.iter().any(|&b| b < b' ' && b != b'\n'),
        "{stderr:?}"
    );
}

#[test]
fn a_pasted_page_is_not_echoed_whole() {
    let page = "x".repeat(100_000);
    let out = tipx().args(["show", &page]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("\"{}…\"", "x".repeat(60))),
        "{}",
        &stderr[..100]
    );
    assert!(stderr.len() < 1_000, "{} bytes", stderr.len());
}

#[test]
fn a_usage_error_does_not_echo_an_escape_sequence() {
    for args in [
        &["\u{1b}]2;x\u{7}"][..],
        &["list", "--format", "\u{1b}[31m"],
    ] {
        let out = tipx().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            !out.stderr.iter().any(|&b| b < b' ' && b != b'\n'),
            "{args:?}: {:?}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    }
}

#[test]
fn a_data_directory_argument_is_echoed_without_its_controls() {
    let out = tipx()
        .args(["--data", "/nonexistent/\u{1b}]2;x\u{7}", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("/nonexistent/]2;x: no such directory"),
        "{stderr}"
    );
    assert!(
        !out.stderr.iter().any(|&b| b < b' ' && b != b'\n'),
        "{stderr:?}"
    );
}
