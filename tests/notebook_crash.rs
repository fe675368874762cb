//! The notebook survives being killed: `tipx note` is run in a loop and
//! killed with SIGKILL at random moments; after every run the file must
//! parse and hold every note whose command reported success. And two tipx
//! writing at once lose neither's note.

mod common;

use std::collections::hash_map::RandomState;
use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hasher};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::data;
use tipx::notebook::Store;

/// Ids of items to write notes on, each used once.
fn item_ids() -> Vec<String> {
    data()
        .countries
        .iter()
        .flat_map(|c| {
            c.recommendations
                .iter()
                .chain(&c.best_practices)
                .chain(&c.lessons_learned)
        })
        .map(|i| i.id.clone())
        .collect()
}

fn note(notebook: &Path, id: &str, text: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_tipx"))
        .arg("--notebook")
        .arg(notebook)
        .args(["note", id, text])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("tipx starts")
}

/// A small generator seeded afresh each run, so that runs kill at other moments.
struct Random(u64);

impl Random {
    fn new() -> Random {
        Random(RandomState::new().build_hasher().finish() | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        // xorshift64
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The notes on disk, by id; the file must parse.
fn on_disk(path: &Path, after: &str) -> BTreeMap<String, String> {
    let notebook = Store::new(path)
        .load()
        .unwrap_or_else(|e| panic!("after {after}, the notebook does not parse: {e}"));
    notebook
        .entries()
        .map(|e| (e.id.clone(), e.note.clone()))
        .collect()
}

#[test]
fn a_notebook_killed_while_saving_is_whole_and_keeps_every_acknowledged_note() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("notebook.json");
    let mut random = Random::new();
    let mut acknowledged: BTreeMap<String, String> = BTreeMap::new();
    let (mut killed, mut finished) = (0, 0);
    let ids = item_ids();
    // How long one run takes here, unkilled: the kills fall across it.
    let started = std::time::Instant::now();
    assert!(note(&path, &ids[0], "the first").wait().unwrap().success());
    acknowledged.insert(ids[0].clone(), "the first".into());
    let mut window = (started.elapsed().as_micros() as u64 * 5 / 4).max(1);
    for (run, id) in ids.iter().skip(1).take(60).enumerate() {
        let text = format!("note {run}: written before a kill, maybe");
        let mut child = note(&path, id, &text);
        // Kill anywhere in the run, or after it ended.
        std::thread::sleep(Duration::from_micros(random.below(window)));
        let _ = child.kill(); // SIGKILL on Unix; an error if it had exited
        let status = child.wait().expect("the child is reaped");
        // The window follows the runs' real length, so that about half
        // are killed, many of them while saving.
        if status.success() {
            acknowledged.insert(id.clone(), text);
            finished += 1;
            window = window * 9 / 10;
        } else {
            killed += 1;
            window = window * 11 / 10;
        }
        let notes = on_disk(&path, &format!("run {run}"));
        for (id, text) in &acknowledged {
            assert_eq!(
                notes.get(id),
                Some(text),
                "run {run} lost the acknowledged note on {id}"
            );
        }
    }
    eprintln!("{killed} runs killed, {finished} finished");
    assert!(finished > 0, "no run finished: the test saw no save at all");
    assert!(killed > 0, "no run was killed: the test killed nothing");
}

#[test]
fn two_tipx_writing_at_once_keep_both_notes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("notebook.json");
    let ids = item_ids();
    for pair in ids.chunks(2).take(15) {
        let children: Vec<Child> = pair.iter().map(|id| note(&path, id, "at once")).collect();
        for mut child in children {
            assert!(child.wait().expect("reaped").success());
        }
    }
    let notes = on_disk(&path, "the pairs");
    for id in ids.iter().take(30) {
        assert_eq!(
            notes.get(id).map(String::as_str),
            Some("at once"),
            "{id} was lost"
        );
    }
}
