//! What kind of file this is: article format from the extension or the content,
//! and whether the bytes are text at all.

use std::path::Path;

use crate::model::SourceFormat;

/// Extensions imported when a folder is walked, lower case.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// The format an extension names, or `None` for an unknown extension.
#[must_use]
pub fn format_for_path(path: &Path) -> Option<SourceFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(SourceFormat::PlainText),
        "md" | "markdown" | "mdown" | "mkd" => Some(SourceFormat::Markdown),
        "html" | "htm" | "xhtml" | "shtml" => Some(SourceFormat::Html),
        _ => None,
    }
}

/// True when a folder walk should pick up `path`.
#[must_use]
pub fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Decide from the text itself: HTML, Markdown or plain text.
#[must_use]
pub fn sniff_format(text: &str) -> SourceFormat {
    if looks_like_html(text) {
        SourceFormat::Html
    } else if looks_like_markdown(text) {
        SourceFormat::Markdown
    } else {
        SourceFormat::PlainText
    }
}

/// True when `text` opens like a whole HTML document (`<!DOCTYPE html>`, `<html>`).
#[must_use]
pub fn is_html_document(text: &str) -> bool {
    let head: String = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .chars()
        .take(16)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(512).collect::<String>().to_lowercase();
    if is_html_document(text) || ["<head", "<body", "<?xml"].iter().any(|p| head.starts_with(p)) {
        return true;
    }
    // A fragment (clipboard): several block tags and little else.
    let lower = text.to_lowercase();
    let tags = ["<p>", "<p ", "</p>", "<div", "</div>", "<br", "<h1", "<h2", "<article", "<span"]
        .iter()
        .map(|t| lower.matches(t).count())
        .sum::<usize>();
    tags >= 2 && lower.trim_start().starts_with('<')
}

fn looks_like_markdown(text: &str) -> bool {
    let mut signals = 0usize;
    for line in text.lines().take(400) {
        let line = line.trim_start();
        if line.starts_with("# ") || line.starts_with("## ") || line.starts_with("### ") {
            signals += 2;
        }
        if line.starts_with("> ") || line.starts_with("* ") || line.starts_with("- ") {
            signals += 1;
        }
        if line.contains("](") && line.contains('[') {
            signals += 2;
        }
        if line.matches("**").count() >= 2 || line.matches("__").count() >= 2 {
            signals += 1;
        }
        if line.starts_with("---") && signals == 0 {
            signals += 1;
        }
    }
    signals >= 2
}

/// `Some(kind)` when `bytes` are not text: a known file signature (`kind` names
/// it) or many control bytes (`kind` is `None`). UTF-16 must be ruled out first.
#[must_use]
pub fn binary_kind(bytes: &[u8]) -> Option<Option<&'static str>> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive or an Office document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\xD0\xCF\x11\xE0", "an old Word or Excel document"),
        (b"{\\rtf", "an RTF document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
        (b"\x7FELF", "a program"),
        (b"ID3", "an MP3 file"),
        (b"OggS", "an audio file"),
        (b"SQLite format 3", "a database"),
    ];
    for (signature, kind) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Some(Some(kind));
        }
    }
    if bytes.len() >= 12 && bytes.get(4..8) == Some(b"ftyp") {
        return Some(Some("a video or image file"));
    }
    if bytes.starts_with(b"RIFF") {
        return Some(Some("an audio or image file"));
    }
    let sample = bytes.get(..bytes.len().min(65_536)).unwrap_or(bytes);
    let suspicious =
        sample.iter().filter(|&&b| matches!(b, 0x00..=0x08 | 0x0E..=0x1A | 0x7F)).count();
    // Reason: one pass over at most 64 KiB; not worth a crate.
    #[allow(clippy::naive_bytecount)]
    let nul = sample.iter().filter(|b| **b == 0).count();
    // A stray NUL or control byte is cleaned away; many mean the bytes are not text.
    if suspicious * 50 > sample.len() || nul * 200 > sample.len() && nul > 2 {
        return Some(None);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        assert_eq!(format_for_path(Path::new("a.TXT")), Some(SourceFormat::PlainText));
        assert_eq!(format_for_path(Path::new("a.markdown")), Some(SourceFormat::Markdown));
        assert_eq!(format_for_path(Path::new("a.htm")), Some(SourceFormat::Html));
        assert_eq!(format_for_path(Path::new("a.dat")), None);
        assert_eq!(format_for_path(Path::new("README")), None);
        assert!(has_article_extension(Path::new("x/y.Md")));
        assert!(!has_article_extension(Path::new("x/y.png")));
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff_format("<!DOCTYPE html><html>"), SourceFormat::Html);
        assert_eq!(sniff_format("<p>one</p><p>two</p>"), SourceFormat::Html);
        assert_eq!(sniff_format("# Title\n\nSee [here](x)."), SourceFormat::Markdown);
        assert_eq!(sniff_format("قال المتحدث إن 3 < 4."), SourceFormat::PlainText);
        assert_eq!(sniff_format("Plain - text with a dash."), SourceFormat::PlainText);
    }

    #[test]
    fn binaries() {
        assert_eq!(binary_kind(b"%PDF-1.7\n"), Some(Some("a PDF document")));
        assert_eq!(binary_kind(&[0, 1, 2, 3, 4, 5, 200, 201, 0, 0, 9]), Some(None));
        assert_eq!(
            binary_kind("نص عادي\0 مع صفر واحد في نص طويل بما يكفي ليكون نصا".as_bytes()),
            None
        );
        assert_eq!(binary_kind(b"plain text"), None);
    }
}
