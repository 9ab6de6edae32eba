//! `twotrack analyze`: the import pipeline and statement finder, printing JSON Lines.

use super::AnalyzeArgs;

/// Run `analyze`; returns the exit code.
pub(super) fn run(args: &AnalyzeArgs) -> i32 {
    let _ = args;
    log::error!("analyze is not available yet");
    2
}
