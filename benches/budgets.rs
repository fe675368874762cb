//! The design's budgets, measured here and never asserted in tests:
//! - start to first full frame (embedded data): ≤ 8 ms — here the part in
//!   tipx's hands: loading, building the state, rendering a 120×40 frame;
//! - a key press to its frame at 120×40: ≤ 1 ms (real data), ≤ 5 ms (50×);
//! - a fuzzy query over the whole corpus: ≤ 1 ms (real data), ≤ 10 ms (50×).
//!
//! Run with `cargo bench`. The terminal's share of start-up (a pty, raw mode,
//! the alternate screen) is measured from outside, as the README describes.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipx::action::Action;
use tipx::app::{update, State};
use tipx::keymap;
use tipx::model::{Dataset, SearchEntry};
use tipx::screenshot::draw;
use tipx::search::SearchIndex;
use tipx::theme::Theme;
use tipx::ui;

const QUERIES: [&str; 4] = [
    "witness protection",
    "ecuador shelter",
    "traning polce",
    "g",
];

/// The real dataset fifty times over, as fifty times as many countries.
fn fifty_times(d: &Dataset) -> Dataset {
    let countries = (0..50)
        .flat_map(|n| {
            d.countries.iter().map(move |c| {
                let mut c = c.clone();
                c.id = format!("{}-{n}", c.id);
                c.name = format!("{} {n}", c.name);
                c
            })
        })
        .collect();
    Dataset::from_parts(d.report.clone(), countries)
}

fn start_up(c: &mut Criterion) {
    c.bench_function("load embedded dataset", |b| {
        b.iter(|| black_box(Dataset::embedded().unwrap()))
    });
    c.bench_function("start: load, state, first 120x40 frame", |b| {
        b.iter(|| {
            let data = Dataset::embedded().unwrap();
            let state = State::new(&data, Theme::default_colors(), 120, 40);
            black_box(draw(&state, 120, 40));
        })
    });
    let d = Dataset::embedded().unwrap();
    c.bench_function("build search index (off the first frame's path)", |b| {
        b.iter(|| black_box(SearchIndex::new(&d.search)))
    });
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// One key through the keymap and `update`, then the frame it asks for,
/// drawn by a terminal that has already drawn the frame before (as in the
/// explorer, where ratatui diffs against the previous frame).
fn key_to_frame(c: &mut Criterion, name: &str, data: &Dataset, keys: &[Event]) {
    key_to_frame_after(c, name, data, &[], keys);
}

/// As [`key_to_frame`], timing `keys` only: the `setup` keys (marking
/// countries, say) are pressed before the frame the timed keys follow.
fn key_to_frame_after(
    c: &mut Criterion,
    name: &str,
    data: &Dataset,
    setup: &[Event],
    keys: &[Event],
) {
    c.bench_function(name, |b| {
        b.iter_batched(
            || {
                let state = State::new(data, Theme::default_colors(), 120, 40);
                let mut state = state;
                for event in setup {
                    if let Some(action) = keymap::action_for(state.pane(), event) {
                        update(&mut state, action);
                    }
                }
                let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
                terminal.draw(|f| ui::render(&state, f)).unwrap();
                // What the event loop does after every frame.
                update(&mut state, Action::Prepare);
                (state, terminal)
            },
            |(mut state, mut terminal)| {
                for event in keys {
                    if let Some(action) = keymap::action_for(state.pane(), event) {
                        update(&mut state, action);
                    }
                }
                terminal.draw(|f| ui::render(&state, f)).unwrap();
                black_box((state, terminal))
            },
            BatchSize::LargeInput,
        )
    });
}

fn keys(c: &mut Criterion) {
    let real = Dataset::embedded().unwrap();
    let fifty = fifty_times(&real);
    // Moving down the list changes the profile shown: the heaviest common key.
    key_to_frame(
        c,
        "key to frame: j in the list, real data",
        &real,
        &[key('j')],
    );
    key_to_frame(
        c,
        "key to frame: j in the list, 50x data",
        &fifty,
        &[key('j')],
    );
    key_to_frame(
        c,
        "key to frame: 4 (region view), real data",
        &real,
        &[key('4')],
    );
    // The comparison of three marked countries: showing it builds it (3),
    // then j and ] move over its rows.
    let marks = [key(' '), key('j'), key(' '), key('j'), key(' ')];
    let shown = [&marks[..], &[key('3')]].concat();
    for (data, size) in [(&real, "real data"), (&fifty, "50x data")] {
        key_to_frame_after(
            c,
            &format!("key to frame: 3 (compare 3 marked), {size}"),
            data,
            &marks,
            &[key('3')],
        );
        key_to_frame_after(
            c,
            &format!("key to frame: j in the comparison, {size}"),
            data,
            &shown,
            &[key('j')],
        );
        key_to_frame_after(
            c,
            &format!("key to frame: ] in the comparison, {size}"),
            data,
            &shown,
            &[key(']')],
        );
    }
    for (data, size) in [(&real, "real data"), (&fifty, "50x data")] {
        key_to_frame(
            c,
            &format!("key to frame: 2 (matrix view), {size}"),
            data,
            &[key('2')],
        );
        key_to_frame_after(
            c,
            &format!("key to frame: j in the matrix, {size}"),
            data,
            &[key('2')],
            &[key('j')],
        );
        key_to_frame_after(
            c,
            &format!("key to frame: f (kind filter) in the matrix, {size}"),
            data,
            &[key('2')],
            &[key('f')],
        );
        key_to_frame_after(
            c,
            &format!("key to frame: w (what works elsewhere), {size}"),
            data,
            &[key('2'), enter()],
            &[key('w')],
        );
    }
}

fn enter() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

fn search(c: &mut Criterion) {
    let d = Dataset::embedded().unwrap();
    let real = SearchIndex::new(&d.search);
    let fifty: Vec<SearchEntry> = (0..50).flat_map(|_| d.search.iter().cloned()).collect();
    let fifty = SearchIndex::new(&fifty);
    // Issue #12 case 9: a pasted page costs what its first 200 characters cost.
    let paste = "Witness protection programs are weak in the region. ".repeat(60);
    c.bench_function("query real data: a 3,000-character paste", |b| {
        b.iter(|| black_box(real.query(black_box(&paste))))
    });
    for q in QUERIES {
        c.bench_function(&format!("query real data: {q}"), |b| {
            b.iter(|| black_box(real.query(black_box(q))))
        });
        c.bench_function(&format!("query 50x data: {q}"), |b| {
            b.iter(|| black_box(fifty.query(black_box(q))))
        });
    }
}

criterion_group!(benches, start_up, keys, search);
criterion_main!(benches);
