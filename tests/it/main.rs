//! Integration tests.

mod compare;
mod export;
