//! Integration tests.

mod analysis;
