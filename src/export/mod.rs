//! Reports of a project as Markdown, HTML and CSV: questions with official and
//! unofficial positions side by side, claims with their independence and
//! divergences, links, notes and translations, and sources with dates.
//!
//! Pure functions of a [`Project`]; the CLI (`twotrack export`) and the GUI's
//! *File ▸ Export* write the result where the user asks.

mod csv;
mod html;
mod markdown;
mod report;

use crate::compare::{self, Clusters};
use crate::model::Project;

pub use csv::BOM;

/// A report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown.
    Markdown,
    /// One self-contained HTML file.
    Html,
    /// CSV, UTF-8 with a byte-order mark.
    Csv,
}

impl Format {
    /// All formats, in menu order.
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Csv];

    /// The format for a command-line name (`md`, `html`, `csv`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// Usual file extension, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

/// The report as Markdown.
#[must_use]
pub fn markdown(project: &Project) -> String {
    markdown_with(project, &compare::clusters(project))
}

/// The report as one self-contained HTML file.
#[must_use]
pub fn html(project: &Project) -> String {
    html_with(project, &compare::clusters(project))
}

/// The report as CSV bytes: UTF-8 with a byte-order mark, RFC 4180 quoting.
#[must_use]
pub fn csv(project: &Project) -> Vec<u8> {
    csv_with(project, &compare::clusters(project))
}

/// [`markdown`] with clusters already computed from `project`.
#[must_use]
pub fn markdown_with(project: &Project, clusters: &Clusters) -> String {
    markdown::write(&report::Report::new(project, clusters))
}

/// [`html`] with clusters already computed from `project`.
#[must_use]
pub fn html_with(project: &Project, clusters: &Clusters) -> String {
    html::write(&report::Report::new(project, clusters))
}

/// [`csv`] with clusters already computed from `project`.
#[must_use]
pub fn csv_with(project: &Project, clusters: &Clusters) -> Vec<u8> {
    csv::write(&report::Report::new(project, clusters))
}

/// The report in `format`, as bytes to write to a file.
#[must_use]
pub fn render(project: &Project, format: Format) -> Vec<u8> {
    let clusters = compare::clusters(project);
    match format {
        Format::Markdown => markdown_with(project, &clusters).into_bytes(),
        Format::Html => html_with(project, &clusters).into_bytes(),
        Format::Csv => csv_with(project, &clusters),
    }
}

/// Write a report through a temporary file beside `path`, then rename it over
/// `path`, so a reader never sees half a report and a failed write (full disk)
/// leaves the old file in place.
pub fn write_report(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir =
        path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let name = path.file_name().map_or_else(|| "report".into(), |n| n.to_string_lossy());
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_is_complete_for_each_format() {
        assert_eq!(
            html::escape(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(markdown::escape("a|b *c* <d>\nnext"), r"a\|b \*c\* \<d\> next");
        assert_eq!(csv::field_text("plain"), "plain");
        assert_eq!(csv::field_text("a,b"), "\"a,b\"");
        assert_eq!(csv::field_text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv::field_text("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv::field_text("=SUM(A1)"), "'=SUM(A1)");
    }

    #[test]
    fn formats_have_names_and_extensions() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.extension()), Some(format));
        }
        assert_eq!(Format::from_name("pdf"), None);
    }

    #[test]
    fn an_empty_project_still_gives_valid_reports() {
        let project = Project::new("Empty");
        assert!(markdown(&project).starts_with("# Empty"));
        let page = html(&project);
        assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
        let table = csv(&project);
        assert!(table.starts_with(BOM));
        assert_eq!(String::from_utf8_lossy(&table).lines().count(), 1, "header only");
    }
}
