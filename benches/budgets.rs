//! The design's budgets, measured (never asserted in tests):
//! - loading the embedded dataset (part of the ≤ 8 ms start-up);
//! - a fuzzy query over the whole corpus: ≤ 1 ms on real data, ≤ 10 ms on 50×.
//!
//! Run with `cargo bench`; the explorer's key-to-frame budget is measured in
//! `benches/budgets.rs` too once the explorer's state can be driven headless.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use tipx::model::{Dataset, SearchEntry};
use tipx::search::SearchIndex;

const QUERIES: [&str; 4] = [
    "witness protection",
    "ecuador shelter",
    "traning polce",
    "g",
];

fn load(c: &mut Criterion) {
    c.bench_function("load embedded dataset", |b| {
        b.iter(|| black_box(Dataset::embedded().unwrap()))
    });
    let d = Dataset::embedded().unwrap();
    c.bench_function("build search index", |b| {
        b.iter(|| black_box(SearchIndex::new(&d.search)))
    });
}

fn search(c: &mut Criterion) {
    let d = Dataset::embedded().unwrap();
    let real = SearchIndex::new(&d.search);
    let fifty: Vec<SearchEntry> = (0..50).flat_map(|_| d.search.iter().cloned()).collect();
    let fifty = SearchIndex::new(&fifty);
    for q in QUERIES {
        c.bench_function(&format!("query real data: {q}"), |b| {
            b.iter(|| black_box(real.query(black_box(q))))
        });
        c.bench_function(&format!("query 50x data: {q}"), |b| {
            b.iter(|| black_box(fifty.query(black_box(q))))
        });
    }
}

criterion_group!(benches, load, search);
criterion_main!(benches);
