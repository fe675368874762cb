//! tipx: an offline terminal explorer for the report *Review of Trafficking
//! in Persons Programs in LAC*.
//!
//! Data flows one way: JSON → [`model`] (validated, indexed once) →
//! [`app::State`], changed only by [`app::update`] → [`ui`] draws from `&State`.

pub mod action;
pub mod app;
pub mod cli;
pub mod export;
pub mod keymap;
pub mod model;
pub mod paths;
pub mod sanitize;
pub mod screenshot;
pub mod search;
pub mod signals;
pub mod tui;
pub mod ui;

pub use cli::run;
