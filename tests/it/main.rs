//! Integration tests: one binary, one module per area.

// Tests fail by panicking.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod analysis;
mod app;
mod claims_ui;
mod common;
mod compare;
mod export;
mod ingest;
mod sample;
mod snapshots;
mod store;
mod text;
mod workspace;
