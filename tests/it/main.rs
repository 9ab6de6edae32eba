//! Integration tests.

mod compare;
