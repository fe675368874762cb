//! The terminal harness of the design's budgets: the release binary in a
//! 120×40 pseudo-terminal, as a user would start it. Prints, over several
//! runs: start to first full frame, a key to its frame, CPU and wake-ups
//! while idle, and peak memory. `cargo bench --bench terminal`.
//!
//! Budgets: first frame ≤ 8 ms; a key ≤ 1 ms (this includes the pty round
//! trip, so it overstates tipx's share); idle: no wake-ups; ≤ 10 MiB.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

const RUNS: usize = 15;
const PATIENCE: Duration = Duration::from_secs(10);
const IDLE: Duration = Duration::from_secs(2);

/// The release binary: cargo builds it for the benches.
fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_tipx"))
}

struct Run {
    first_frame: Duration,
    key_frame: Duration,
    idle_cpu_ticks: u64,
    idle_wakeups: u64,
    peak_kib: u64,
}

/// Reads output into the terminal emulator until `done` holds for the screen.
fn wait(output: &Receiver<Vec<u8>>, parser: &mut vt100::Parser, done: impl Fn(&str) -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done(&parser.screen().contents()) {
        let left = deadline.saturating_duration_since(Instant::now());
        let chunk = output.recv_timeout(left).expect("output from tipx");
        parser.process(&chunk);
    }
}

fn proc_field(pid: u32, file: &str, key: &str) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// utime + stime, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<u64> = rest
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    // state is not numeric, so utime/stime are fields 14/15 of stat, 11/12 here
    fields.get(10).copied().unwrap_or(0) + fields.get(11).copied().unwrap_or(0)
}

/// Context switches of every thread of the process: each is a wake-up.
fn wakeups(pid: u32) -> u64 {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return 0;
    };
    tasks
        .filter_map(|t| t.ok())
        .map(|t| {
            let tid = t.file_name().to_string_lossy().to_string();
            let status = std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/status"))
                .unwrap_or_default();
            ["voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:"]
                .iter()
                .map(|key| {
                    status
                        .lines()
                        .find_map(|l| l.strip_prefix(key))
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .unwrap_or(0)
                })
                .sum::<u64>()
        })
        .sum()
}

fn run_once(measure_idle: bool) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(binary());
    command.env("TERM", "xterm-256color");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(command).expect("tipx starts");
    drop(pair.slave);
    let pid = child.process_id().unwrap_or(0);
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let mut writer = pair.master.take_writer().expect("a writer");
    let (send, output) = channel();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 65536];
        while let Ok(n @ 1..) = reader.read(&mut chunk) {
            if send.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(40, 120, 0);
    // The footer is drawn last: the frame is complete when it shows.
    wait(&output, &mut parser, |s| {
        s.contains("Nicaragua") && s.contains("? help")
    });
    let first_frame = start.elapsed();

    // A person reads the first frame before pressing a key; by then the
    // work tipx does after the first frame (search index, region layout)
    // is done, and the key measures the steady state.
    std::thread::sleep(Duration::from_millis(300));
    let before = parser.screen().contents();
    let pressed = Instant::now();
    writer.write_all(b"j").expect("a key");
    wait(&output, &mut parser, |s| {
        s != before && s.contains("Ecuador  ECU")
    });
    let key_frame = pressed.elapsed();

    let (mut idle_cpu_ticks, mut idle_wakeups) = (0, 0);
    if measure_idle {
        std::thread::sleep(Duration::from_millis(200));
        let (cpu, woke) = (cpu_ticks(pid), wakeups(pid));
        std::thread::sleep(IDLE);
        idle_cpu_ticks = cpu_ticks(pid) - cpu;
        idle_wakeups = wakeups(pid) - woke;
    }
    let peak_kib = proc_field(pid, "status", "VmHWM:");
    writer.write_all(b"q").expect("q");
    let _ = child.wait();
    Run {
        first_frame,
        key_frame,
        idle_cpu_ticks,
        idle_wakeups,
        peak_kib,
    }
}

fn summary(name: &str, mut values: Vec<f64>, unit: &str) {
    values.sort_by(f64::total_cmp);
    let median = values[values.len() / 2];
    println!(
        "{name:<28} median {median:>8.2} {unit}   min {:>8.2}   max {:>8.2}",
        values[0],
        values[values.len() - 1]
    );
}

fn main() {
    if !binary().exists() {
        eprintln!(
            "no release binary at {}; run `cargo bench`",
            binary().display()
        );
        return;
    }
    let runs: Vec<Run> = (0..RUNS).map(|i| run_once(i == 0)).collect();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("tipx in a 120x40 pseudo-terminal, {RUNS} runs:");
    summary(
        "start to first full frame",
        runs.iter().map(|r| ms(r.first_frame)).collect(),
        "ms",
    );
    summary(
        "key j to its frame (+pty)",
        runs.iter().map(|r| ms(r.key_frame)).collect(),
        "ms",
    );
    summary(
        "peak memory",
        runs.iter().map(|r| r.peak_kib as f64 / 1024.0).collect(),
        "MiB",
    );
    println!(
        "idle for {IDLE:?}: {} CPU ticks, {} wake-ups",
        runs[0].idle_cpu_ticks, runs[0].idle_wakeups
    );
}
