//! tipx: an offline terminal explorer for the report *Review of Trafficking
//! in Persons Programs in LAC*.
//!
//! Data flows one way: JSON → [`model`] (validated, indexed once) →
//! [`app::State`], changed only by [`app::update`] → [`ui`] draws from `&State`.

pub mod cli;
pub mod export;
pub mod model;
pub mod sanitize;
pub mod search;

pub use cli::run;
