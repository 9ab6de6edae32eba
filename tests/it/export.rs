//! Reports: Markdown, HTML and CSV contents, the `twotrack export` command, and
//! the HTML report rendered by headless Chromium.

// Reason: helpers outside `#[test]` functions; failures should be loud.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::Command;

use twotrack::export;
use twotrack::model::{Kind, Link, LinkId, NoteTarget, Project, StatementId};

use crate::compare::{GoldProject, corpus_dir, load};

/// The Lavrov test project, with a link and some hostile text added.
fn project() -> (Project, GoldProject) {
    let gold = load(&corpus_dir().join("lavrov.ron"));
    let mut project = gold.project.clone();
    let (r1, l1) = (gold.keys["r1"], gold.keys["l1"]);
    let id = LinkId(project.alloc_id());
    project.links.insert(
        id,
        Link { id, from: l1, to: gold.keys["nbc2"], kind: twotrack::model::LinkKind::Contradicts },
    );
    let statement = project.statements.get_mut(&r1).unwrap();
    statement.translation =
        String::from("<script>alert(\"x\")</script> & 'quoted', with a comma\nand a line break");
    (project, gold)
}

fn arabic_quote(project: &Project) -> String {
    project
        .statements
        .values()
        .find(|s| s.lang == "ar" && s.kind == Kind::Official)
        .map(|s| s.span.quote.trim().to_owned())
        .unwrap()
}

#[test]
fn markdown_lines_up_positions_and_shows_claims_divergences_and_sources() {
    let (project, gold) = project();
    let md = export::markdown(&project);
    assert!(md.starts_with("# Back-channel talks with Lavrov"));
    // A question with both sides.
    let question = md.find("Was the White House aware of the talks").expect("question");
    let table = &md[question..];
    assert!(table.contains("| Official (on the record) | Unofficial (off the record) |"));
    let first_row = table.lines().find(|l| l.starts_with("| **S")).expect("a row");
    let cells: Vec<&str> = first_row.split(" | ").collect();
    assert!(cells.len() >= 2 && cells.iter().all(|c| c.contains("**S")), "{first_row}");
    // Arabic text, translation of the question and a statement translation.
    assert!(md.contains("هل كان البيت الأبيض على علم بالمحادثات؟"));
    assert!(md.contains(arabic_quote(&project).split(' ').next().unwrap()));
    assert!(md.contains("*Translation:*"));
    // Claims with independence; divergences; notes; sources with dates.
    assert!(md.contains("## Claims across articles"));
    assert!(md.contains("Independent origins: 1 — NBC News"), "{md}");
    assert!(md.contains("Rests only on unofficial sources"));
    assert!(md.contains("| negation |"));
    assert!(md.contains("## Links") && md.contains("**contradicts**"));
    assert!(md.contains("Contradicts NBC's sources"));
    assert!(md.contains("2023-07-06 18:00 +00:00"));
    assert!(md.contains("الجزيرة نت"));
    // Hostile text is escaped, not markup.
    assert!(!md.contains("<script>"));
    assert!(md.contains(r"\<script\>"));
    let l1 = gold.keys["l1"];
    assert!(md.contains(&format!("S{l1}")));
}

#[test]
fn html_is_self_contained_escaped_and_marks_direction_per_paragraph() {
    let (project, _) = project();
    let page = export::html(&project);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    // Self-contained: no scripts, no external resources.
    assert!(!page.contains("<script"));
    assert!(!page.contains("src="));
    assert!(!page.contains("http://") && !page.contains("https://"));
    assert!(!page.contains("<link"));
    assert!(
        page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;")
    );
    // Arabic paragraphs are right to left and tagged; others are auto.
    let quote = arabic_quote(&project);
    let at = page.find(&html_escape(&quote)).expect("Arabic quote in the page");
    let opening = &page[page[..at].rfind("<p").unwrap()..at];
    assert!(opening.contains("dir=\"rtl\"") && opening.contains("lang=\"ar\""), "{opening}");
    assert!(page.contains("dir=\"auto\""));
    assert!(page.contains("Noto Naskh Arabic"));
    // Side-by-side positions.
    assert!(page.contains("<table class=\"sides\">"));
    assert!(
        page.contains("Official (on the record)") && page.contains("Unofficial (off the record)")
    );
    assert!(page.contains("Rests only on unofficial sources."));
    assert!(page.ends_with("</html>\n"));
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A small RFC 4180 reader for checking the CSV.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => assert_eq!(chars.next(), Some('\n'), "CRLF line ends"),
            (false, '\n') => panic!("bare LF outside quotes"),
            (_, c) => field.push(c),
        }
        if !quoted && c == '\r' {
            row.push(std::mem::take(&mut field));
            rows.push(std::mem::take(&mut row));
        }
    }
    assert!(field.is_empty() && row.is_empty(), "last line ends with CRLF");
    rows
}

#[test]
fn csv_has_a_bom_quotes_per_rfc_4180_and_keeps_arabic() {
    let (project, gold) = project();
    let bytes = export::csv(&project);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let rows = parse_csv(text);
    let header = &rows[0];
    assert_eq!(header[0], "record");
    assert!(rows.iter().all(|r| r.len() == header.len()), "every row has every column");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let r1 = format!("S{}", gold.keys["r1"]);
    let row = rows.iter().find(|r| r[col("id")] == r1).unwrap();
    assert_eq!(row[col("side")], "official");
    assert_eq!(row[col("question")], "Did the administration approve the talks?");
    assert!(row[col("translation")].contains("'quoted', with a comma\nand a line break"));
    assert!(rows.iter().any(|r| r[col("text")] == arabic_quote(&project)));
    let claims: Vec<_> = rows.iter().filter(|r| r[0] == "claim").collect();
    assert!(
        claims
            .iter()
            .any(|r| r[col("independent_origins")] == "1" && r[col("unofficial_only")] == "true")
    );
    assert!(rows.iter().any(|r| r[0] == "divergence" && r[1] == "negation"));
    assert!(rows.iter().any(|r| r[0] == "link"));
    assert!(rows.iter().any(|r| r[0] == "note" && r[col("translation")].contains("يناقض")));
    assert!(
        rows.iter().any(|r| r[0] == "source" && r[col("published")] == "2023-07-06 18:00 +00:00")
    );
    assert!(rows.iter().any(|r| r[0] == "syndication"));
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn twotrack() -> Command {
    Command::new(env!("CARGO_BIN_EXE_twotrack"))
}

#[test]
fn cli_export_reports_a_bad_project_file_and_leaves_it_alone() {
    let dir = temp_dir();
    let path = dir.path().join("broken.ron");
    let text = "(\n    version: 1,\n    name: \"Broken\",\n    next_id: oops,\n)\n";
    std::fs::write(&path, text).unwrap();
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    let output =
        twotrack().args(["export", path.to_str().unwrap(), "--format", "html"]).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(path.to_str().unwrap()), "path in: {stderr}");
    // The store names the place as "line 4, column 13".
    assert!(stderr.contains("line 4, column 13"), "line and column in: {stderr}");
    assert!(output.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), before);

    let missing = dir.path().join("missing.ron");
    let output = twotrack().args(["export", missing.to_str().unwrap()]).output().unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing.ron"));
}

#[test]
fn cli_export_writes_each_format_to_a_file_or_stdout() {
    let dir = temp_dir();
    let (project, _) = project();
    let path = dir.path().join("lavrov.ron");
    twotrack::store::save(&path, &project).unwrap();
    let saved = std::fs::read(&path).unwrap();
    for (format, marker) in
        [("md", "# Back-channel"), ("html", "<!DOCTYPE html>"), ("csv", "\u{feff}record")]
    {
        let out = dir.path().join(format!("report.{format}"));
        let status = twotrack()
            .args([
                "export",
                path.to_str().unwrap(),
                "--format",
                format,
                "-o",
                out.to_str().unwrap(),
            ])
            .status()
            .unwrap();
        assert!(status.success(), "{format}");
        let written = std::fs::read_to_string(&out).unwrap();
        assert!(written.starts_with(marker), "{format}: {}", &written[..40.min(written.len())]);
    }
    let output = twotrack().args(["export", path.to_str().unwrap()]).output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("# Back-channel"));
    // Refuses to write over the project itself.
    let output = twotrack()
        .args(["export", path.to_str().unwrap(), "-o", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert_eq!(std::fs::read(&path).unwrap(), saved, "the project file is never modified");
}

/// Where Chromium is, or `None` (with a loud message) when it is not installed.
fn chromium() -> Option<PathBuf> {
    let path = PathBuf::from("/usr/bin/chromium");
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").ok().as_deref() != Some("true"),
        "chromium is required on CI (/usr/bin/chromium; .ci/run installs Debian's chromium)"
    );
    eprintln!("\n*** SKIPPED: /usr/bin/chromium not found; the HTML report was not rendered ***\n");
    None
}

fn screenshot(chromium: &Path, dir: &Path, html: &Path, png: &Path) -> Vec<u8> {
    let profile = dir.join("profile");
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1200,1600")
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(
        png.exists(),
        "no screenshot; chromium said: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read(png).unwrap()
}

/// Decode a PNG and return (width, height, share of pixels that are not the
/// most common colour).
fn ink_share(png_bytes: &[u8]) -> (u32, u32, f64) {
    let decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let channels = info.color_type.samples();
    let mut counts = std::collections::HashMap::new();
    for px in bytes.chunks(channels) {
        *counts.entry(px.to_vec()).or_insert(0usize) += 1;
    }
    let total = bytes.len() / channels;
    let background = counts.values().copied().max().unwrap_or(0);
    (info.width, info.height, 1.0 - background as f64 / total as f64)
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(chromium) = chromium() else { return };
    let dir = temp_dir();
    let (project, _) = project();
    let html = dir.path().join("report.html");
    std::fs::write(&html, export::html(&project)).unwrap();
    let png = dir.path().join("report.png");
    let bytes = screenshot(&chromium, dir.path(), &html, &png);
    let (width, height, ink) = ink_share(&bytes);
    println!("screenshot {width}x{height}, {:.1}% of pixels not background", ink * 100.0);
    assert_eq!((width, height), (1200, 1600));
    assert!(ink > 0.02, "the report looks blank ({:.2}% ink)", ink * 100.0);
    // To look at it: TWOTRACK_KEEP_SCREENSHOT=/tmp/report.png keeps the PNG and the
    // HTML next to it.
    if let Some(keep) = std::env::var_os("TWOTRACK_KEEP_SCREENSHOT") {
        let keep = PathBuf::from(keep);
        std::fs::copy(&png, &keep).unwrap();
        std::fs::copy(&html, keep.with_extension("html")).unwrap();
    }
}

#[test]
fn statements_carry_notes_into_every_format() {
    let (project, gold) = project();
    let l1: StatementId = gold.keys["l1"];
    assert!(project.notes_on(NoteTarget::Statement(l1)).next().is_some());
    let note = "Contradicts NBC's sources";
    assert!(export::markdown(&project).contains(note));
    assert!(export::html(&project).contains("Contradicts NBC&#39;s sources"));
    assert!(String::from_utf8(export::csv(&project)).unwrap().contains(note));
}
