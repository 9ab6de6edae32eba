//! `twotrack export`: a report of a project as Markdown, HTML or CSV.

use super::ExportArgs;

/// Run `export`; returns the exit code.
pub(super) fn run(args: &ExportArgs) -> i32 {
    let _ = args;
    log::error!("export is not available yet");
    2
}
