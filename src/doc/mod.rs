//! The reading documents built from the model — a country's profile and the
//! region view — and what reads them: their layout into lines at a width,
//! the reader's cursor over their blocks, and the text `y` copies. Nothing
//! here knows of terminals, views or keys.

pub mod clip;
pub mod document;
pub mod items_doc;
pub mod lines;
pub mod profile_doc;
pub mod reader;
pub mod region_doc;

pub use document::{Block, BlockKind, Document, Section};
pub use lines::{DocLayout, DocLine, Role, Span};
pub use reader::{Reader, Viewport};
