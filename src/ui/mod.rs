//! The panels of the main window. Panels read the project and send commands;
//! they never mutate the project themselves.

pub mod theme;
