//! TwoTrack: comparative news analysis — official versus unofficial positions.
//!
//! Data flows one way: `ingest` turns files into [`model::Article`]s, `analysis`
//! finds statements, `store` reads and writes project files, the `ui` panels read
//! the [`model::Project`] and send [`command::Command`]s, and `text` draws every
//! string that comes from a file or the analyst.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod command;
pub mod compare;
pub mod export;
pub mod ingest;
pub mod model;
pub mod query;
pub mod store;
#[doc(hidden)]
pub mod synthetic;
pub mod text;
pub mod ui;
