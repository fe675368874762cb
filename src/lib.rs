//! tipx: an offline terminal explorer for the report *Review of Trafficking
//! in Persons Programs in LAC*.
//!
//! Data flows one way: JSON → [`model`] (validated, indexed once) →
//! [`app::State`], changed only by [`app::update`] → [`ui`] draws from `&State`.
//!
//! Modules form layers, each importing only those below it (lowest first):
//! `sanitize`, `text`, `action`, `atomic` → `model`, `layout`, `keymap` →
//! `search`, `export`, `query`, `notebook` (the reader's notes) → `doc`
//! (documents built from the model), `briefing` (exports) → `theme` →
//! `config` → `app` (state and update) → `ui` (drawing) → `screenshot`,
//! `tui` → `cli`.
//! `tests/layers.rs` fails on an import that goes up.

pub mod action;
pub mod app;
pub mod atomic;
pub mod briefing;
pub mod cli;
pub mod config;
pub mod doc;
pub mod export;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod notebook;
pub mod paths;
pub mod query;
pub mod sanitize;
pub mod screenshot;
pub mod search;
pub mod signals;
pub mod text;
pub mod theme;
pub mod tui;
pub mod ui;

pub use cli::run;
