//! `twotrack export`: a report of a project as Markdown, HTML or CSV.
//!
//! The project file is only read. A file that cannot be read is reported with its
//! path and line:column (as the store reports it) and a non-zero exit code.

use std::io::Write as _;
use std::path::Path;

use super::ExportArgs;
use crate::export::{self, Format};

/// Exit code when the project file cannot be read.
const EXIT_BAD_PROJECT: i32 = 1;
/// Exit code for a bad argument or an output that cannot be written.
const EXIT_USAGE_OR_OUTPUT: i32 = 2;

/// Run `export`; returns the exit code.
pub(super) fn run(args: &ExportArgs) -> i32 {
    let mut stderr = std::io::stderr();
    let Some(format) = Format::from_name(&args.format) else {
        let _ = writeln!(stderr, "unknown report format “{}” (use md, html or csv)", args.format);
        return EXIT_USAGE_OR_OUTPUT;
    };
    let project = match crate::store::load(&args.project) {
        Ok(loaded) => loaded.project,
        Err(err) => {
            let _ = writeln!(stderr, "{err}");
            return EXIT_BAD_PROJECT;
        }
    };
    let bytes = export::render(&project, format);
    let Some(path) = &args.output else {
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
            Ok(()) => 0,
            Err(err) => {
                let _ = writeln!(stderr, "cannot write the report: {err}: standard output");
                EXIT_USAGE_OR_OUTPUT
            }
        };
    };
    if same_file(path, &args.project) {
        let _ = writeln!(
            stderr,
            "refusing to write the report over the project file: {}",
            path.display()
        );
        return EXIT_USAGE_OR_OUTPUT;
    }
    if let Err(err) = crate::export::write_report(path, &bytes) {
        let _ = writeln!(stderr, "cannot write the report: {err}: {}", path.display());
        return EXIT_USAGE_OR_OUTPUT;
    }
    0
}

/// True when both paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
