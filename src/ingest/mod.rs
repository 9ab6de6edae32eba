//! Turns bytes into an [`Article`]: encoding detection, HTML/Markdown/plain text
//! extraction, paragraph roles and metadata. Never touches UI or app state.
//!
//! The pipeline, for every source:
//! 1. size, emptiness and binary checks; bytes decoded ([`EncodingReport`] says how);
//! 2. text normalised ([`normalize`]: NFC, line ends, separators, BOM/NUL removal);
//! 3. a format reader (plain text, Markdown, HTML — chosen by extension, else by
//!    sniffing the content) splits it into paragraphs;
//! 4. paragraph roles are decided ([`roles`]), metadata gathered ([`meta`]), and
//!    the paragraphs joined into the stored text with exactly one `'\n'` between
//!    them ([`assemble`]).
//!
//! Nothing is fetched from the network, and bad input never panics: it becomes an
//! [`IngestError`] whose message names the file last.

mod assemble;
mod batch;
mod block;
pub mod dates;
mod encoding;
mod error;
mod html;
mod language;
mod markdown;
mod meta;
pub mod normalize;
mod plain;
mod roles;
pub mod sniff;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::model::{Article, SourceFormat, SourceInfo};

pub use assemble::article_direction;
pub use batch::{expand_paths, import_many};
pub use dates::{DateOrder, parse_date, parse_date_with};
pub use encoding::{EncodingHow, EncodingReport, OVERRIDE_ENCODINGS, is_known_encoding};
pub use error::IngestError;
pub use language::{base_direction, detect_language};

use block::{Extracted, FormatReader};

/// Files larger than this (20 MiB) are refused with [`IngestError::TooLarge`]: far
/// beyond any news article, and small enough to read, decode and keep in memory
/// without making the app stall.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Options for an import.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Force this encoding (WHATWG label such as `"windows-1256"`, `"iso-8859-6"`,
    /// `"utf-16le"`) instead of detecting one.
    pub encoding: Option<String>,
}

/// A successfully imported article and what the analyst should know about it.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The article (id 0: the caller assigns one).
    pub article: Article,
    /// Which encoding decoded the file and how it was chosen.
    pub encoding: EncodingReport,
    /// Non-fatal remarks ("no headline found; the title is the first sentence").
    pub warnings: Vec<String>,
}

/// Shown as the path of bytes imported without a file name.
const UNNAMED: &str = "(unnamed text)";

/// Import one file: format by extension (`.txt .md .markdown .html .htm`; an
/// unknown extension is sniffed from the content, and a `.txt` file that is a
/// whole HTML document is read as HTML).
pub fn import_path(path: &Path, options: &ImportOptions) -> Result<Imported, IngestError> {
    let meta = std::fs::metadata(path).map_err(|source| io_error(source, path))?;
    if meta.is_dir() {
        return Err(IngestError::IsFolder { path: path.to_owned() });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(IngestError::too_large(meta.len(), path));
    }
    let bytes = std::fs::read(path).map_err(|source| io_error(source, path))?;
    import_bytes(&bytes, Some(path), options)
}

/// The error for a path that could not be read: not found, or another I/O failure.
pub(super) fn io_error(source: std::io::Error, path: &Path) -> IngestError {
    if source.kind() == std::io::ErrorKind::NotFound {
        IngestError::NotFound { path: path.to_owned() }
    } else {
        IngestError::Io { source, path: path.to_owned() }
    }
}

/// Import bytes already read; `path_hint` gives the format (by extension) and the
/// path recorded in the article and in error messages.
pub fn import_bytes(
    bytes: &[u8],
    path_hint: Option<&Path>,
    options: &ImportOptions,
) -> Result<Imported, IngestError> {
    let path = path_hint.unwrap_or(Path::new(UNNAMED));
    catch_unwind(AssertUnwindSafe(|| import_bytes_inner(bytes, path_hint, options)))
        .unwrap_or_else(|_| Err(IngestError::Internal { path: path.to_owned() }))
}

fn import_bytes_inner(
    bytes: &[u8],
    path_hint: Option<&Path>,
    options: &ImportOptions,
) -> Result<Imported, IngestError> {
    let path = path_hint.unwrap_or(Path::new(UNNAMED));
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(IngestError::too_large(bytes.len() as u64, path));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty { path: path.to_owned() });
    }
    let by_extension = path_hint.and_then(sniff::format_for_path);
    let maybe_html = match by_extension {
        None => bytes_look_like_html(bytes),
        Some(SourceFormat::Html) => true,
        // A web page saved as .txt still declares its charset.
        Some(SourceFormat::PlainText) => sniff::is_html_document(&String::from_utf8_lossy(
            bytes.get(..bytes.len().min(512)).unwrap_or(bytes),
        )),
        Some(_) => false,
    };
    let decoded = encoding::decode(bytes, maybe_html, options.encoding.as_deref(), path)?;
    let text = normalize::normalize_text(&decoded.text);
    if text.trim().is_empty() {
        return Err(IngestError::Empty { path: path.to_owned() });
    }
    let format = match by_extension {
        // A whole HTML document behind a .txt name is read as the page it is.
        Some(SourceFormat::PlainText) if sniff::is_html_document(&text) => SourceFormat::Html,
        Some(format) => format,
        None => sniff::sniff_format(&text),
    };
    let mut warnings = decoded.warnings;
    let Some(mut imported) = build(&text, format, path_hint, &mut warnings) else {
        return Err(if format == SourceFormat::Html {
            IngestError::NoText { path: path.to_owned() }
        } else {
            IngestError::Empty { path: path.to_owned() }
        });
    };
    imported.source = SourceInfo {
        path: path_hint.map(|p| p.display().to_string()),
        sha256: sha256_hex(bytes),
        size_bytes: bytes.len() as u64,
        format,
        encoding: decoded.report.name.clone(),
        encoding_overridden: decoded.report.how == EncodingHow::Override,
        imported: Some(jiff::Timestamp::now()),
    };
    Ok(Imported { article: imported, encoding: decoded.report, warnings })
}

/// Import text that is already decoded. With [`SourceFormat::Clipboard`] the text
/// is sniffed: pasted HTML and Markdown are read as such. Empty text gives an empty
/// article and a warning.
#[must_use]
pub fn import_text(text: &str, format: SourceFormat) -> Imported {
    let normalized = normalize::normalize_text(text);
    let reader_format = match format {
        SourceFormat::Clipboard => sniff::sniff_format(&normalized),
        other => other,
    };
    let mut warnings = Vec::new();
    let mut article = build(&normalized, reader_format, None, &mut warnings).unwrap_or_else(|| {
        warnings.push("there is no text to import".to_owned());
        Article::default()
    });
    let report =
        EncodingReport { name: "UTF-8".to_owned(), how: EncodingHow::Utf8, confidence: None };
    article.source = SourceInfo {
        path: None,
        sha256: sha256_hex(text.as_bytes()),
        size_bytes: text.len() as u64,
        format,
        encoding: report.name.clone(),
        encoding_overridden: false,
        imported: Some(jiff::Timestamp::now()),
    };
    Imported { article, encoding: report, warnings }
}

/// Read normalised `text` as `format` into an article (without source info);
/// `None` when no paragraph has any text.
fn build(
    text: &str,
    format: SourceFormat,
    path: Option<&Path>,
    warnings: &mut Vec<String>,
) -> Option<Article> {
    let extracted: Extracted = match format {
        SourceFormat::Html => html::HtmlReader.read(text),
        SourceFormat::Markdown => markdown::MarkdownReader.read(text),
        SourceFormat::PlainText | SourceFormat::Clipboard => plain::PlainReader.read(text),
    };
    warnings.extend(extracted.warnings);
    let blocks: Vec<block::Block> =
        extracted.blocks.into_iter().filter(|b| !b.text.is_empty()).collect();
    if blocks.is_empty() {
        return None;
    }
    let roles = roles::assign_roles(&blocks);
    let (meta, meta_warnings) = meta::build_meta(&blocks, &roles, &extracted.found, path);
    warnings.extend(meta_warnings);
    let fallback = assemble::language_direction(&meta.language);
    let (text, paragraphs) = assemble::assemble(&blocks, &roles, fallback);
    Some(Article {
        id: crate::model::ArticleId::default(),
        meta,
        text,
        paragraphs,
        source: SourceInfo::default(),
    })
}

/// Cheap check on raw bytes, so `<meta charset>` is honoured for files whose
/// extension does not say HTML.
fn bytes_look_like_html(bytes: &[u8]) -> bool {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes).to_ascii_lowercase();
    let head = String::from_utf8_lossy(&head);
    ["<!doctype html", "<html", "<meta", "<head"].iter().any(|tag| head.contains(tag))
}

/// SHA-256 of `bytes`, lowercase hex.
fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest {
        use std::fmt::Write as _;
        let _ = write!(out, "{byte:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParagraphRole;

    #[test]
    fn sha256_of_known_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn clipboard_sniffs_markdown_and_html() {
        let md = import_text(
            "# Headline here\n\nBody text with [a link](http://x) said.\n",
            SourceFormat::Clipboard,
        );
        assert_eq!(md.article.meta.title, "Headline here");
        assert_eq!(md.article.source.format, SourceFormat::Clipboard);
        assert!(md.article.text.contains("a link said."));
        let html = import_text("<p>First para.</p><p>Second para.</p>", SourceFormat::Clipboard);
        assert_eq!(html.article.text, "First para.\nSecond para.");
        let empty = import_text("  \n", SourceFormat::Clipboard);
        assert!(empty.article.text.is_empty() && !empty.warnings.is_empty());
    }

    #[test]
    fn bytes_errors() {
        let options = ImportOptions::default();
        assert!(matches!(import_bytes(b"", None, &options), Err(IngestError::Empty { .. })));
        assert!(matches!(import_bytes(b" \n\t", None, &options), Err(IngestError::Empty { .. })));
        assert!(matches!(
            import_bytes(b"%PDF-1.4 \x00\x01", Some(Path::new("a.txt")), &options),
            Err(IngestError::Binary { .. })
        ));
        assert!(matches!(
            import_bytes(
                b"<html><body><script>x</script></body></html>",
                Some(Path::new("a.html")),
                &options
            ),
            Err(IngestError::NoText { .. })
        ));
    }

    #[test]
    fn unknown_extension_is_sniffed() {
        let options = ImportOptions::default();
        let html = import_bytes(
            b"<!DOCTYPE html><html><body><p>Said.</p></body></html>",
            Some(Path::new("page.dat")),
            &options,
        );
        assert_eq!(html.map(|i| i.article.source.format).ok(), Some(SourceFormat::Html));
        let md = import_bytes(
            b"# Title here\n\nSee [this](http://x) **now**.\n",
            Some(Path::new("README")),
            &options,
        );
        assert_eq!(md.map(|i| i.article.text).ok().as_deref(), Some("Title here\nSee this now."));
        let saved_page = import_bytes(
            b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Said.</p></body></html>",
            Some(Path::new("page.txt")),
            &options,
        );
        assert_eq!(saved_page.map(|i| i.article.text).ok().as_deref(), Some("T\nSaid."));
        let plain = import_bytes(b"Just text.", None, &options);
        assert_eq!(plain.map(|i| i.article.source.format).ok(), Some(SourceFormat::PlainText));
    }

    #[test]
    fn every_paragraph_has_one_line() {
        let imported =
            import_text("Title of it\n\nBody one.\r\nBody\u{2029}two.", SourceFormat::PlainText);
        let article = &imported.article;
        assert_eq!(article.text, "Title of it\nBody one.\nBody\ntwo.");
        assert_eq!(article.paragraphs.len(), 4);
        assert_eq!(article.paragraphs.first().map(|p| p.role), Some(ParagraphRole::Headline));
    }
}
