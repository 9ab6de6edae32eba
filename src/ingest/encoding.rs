//! Bytes to text: byte-order marks, an HTML page's declared charset, UTF-8, UTF-16
//! without a BOM, and legacy encodings guessed by `chardetng` (Windows-1256 and
//! ISO-8859-6 Arabic among them). An analyst's override always wins.

use std::path::Path;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::IngestError;
use super::sniff::binary_kind;

/// Encodings worth offering in an override menu, most useful first (WHATWG
/// names; any other WHATWG label is accepted too).
pub const OVERRIDE_ENCODINGS: &[&str] = &[
    "UTF-8",
    "windows-1256",
    "ISO-8859-6",
    "UTF-16LE",
    "UTF-16BE",
    "windows-1252",
    "ISO-8859-8",
    "windows-1255",
    "windows-1251",
    "KOI8-R",
    "GBK",
    "Big5",
    "Shift_JIS",
    "EUC-KR",
];

/// True when `label` names an encoding an override can use (`"cp1256"`,
/// `"arabic"`, `"utf8"` …, case-insensitive).
#[must_use]
pub fn is_known_encoding(label: &str) -> bool {
    Encoding::for_label(label.trim().as_bytes()).is_some()
}

/// How the encoding of a file was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingHow {
    /// A byte-order mark at the start of the file said so.
    Bom,
    /// The HTML page declared it (`<meta charset>`).
    Declared,
    /// The bytes are valid UTF-8.
    Utf8,
    /// Guessed from the bytes; see [`EncodingReport::confidence`].
    Detected,
    /// Chosen by the analyst.
    Override,
}

/// Which encoding was used to decode a file, and why — shown to the analyst so a
/// wrong guess can be overridden.
#[derive(Clone, Debug, PartialEq)]
pub struct EncodingReport {
    /// WHATWG name of the encoding, e.g. `"UTF-8"`, `"windows-1256"`, `"ISO-8859-6"`.
    pub name: String,
    /// How it was decided.
    pub how: EncodingHow,
    /// For [`EncodingHow::Detected`] only: how much evidence the guess rests on,
    /// from 0 to 1 (1 = plenty of non-ASCII text that decoded without errors).
    /// Below 0.5 the import carries a warning asking the analyst to check.
    pub confidence: Option<f32>,
}

/// Decoded text with the report and any remarks.
pub(crate) struct Decoded {
    pub text: String,
    pub report: EncodingReport,
    pub warnings: Vec<String>,
}

impl Decoded {
    fn new(text: String, encoding: &'static Encoding, how: EncodingHow) -> Self {
        let report = EncodingReport { name: encoding.name().to_owned(), how, confidence: None };
        Decoded { text, report, warnings: Vec::new() }
    }
}

/// Decode `bytes`; `html` enables the `<meta charset>` prescan.
pub(crate) fn decode(
    bytes: &[u8],
    html: bool,
    override_label: Option<&str>,
    path: &Path,
) -> Result<Decoded, IngestError> {
    if let Some(label) = override_label.map(str::trim).filter(|l| !l.is_empty()) {
        let Some(encoding) = Encoding::for_label(label.as_bytes()) else {
            return Err(IngestError::UnknownEncoding {
                label: label.to_owned(),
                path: path.to_owned(),
            });
        };
        if let Some(kind) = binary_kind(bytes) {
            return Err(IngestError::Binary { kind, path: path.to_owned() });
        }
        let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
        let mut decoded = Decoded::new(text.into_owned(), encoding, EncodingHow::Override);
        if had_errors {
            decoded.warnings.push(format!(
                "some bytes are not valid {}; they show as \u{FFFD}",
                encoding.name()
            ));
        }
        return Ok(decoded);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        let (text, _) = encoding.decode_without_bom_handling(rest);
        return Ok(Decoded::new(text.into_owned(), encoding, EncodingHow::Bom));
    }
    if let Some((encoding, confidence)) = sniff_utf16(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        let mut decoded = Decoded::new(text.into_owned(), encoding, EncodingHow::Detected);
        decoded.report.confidence = Some(confidence);
        return Ok(decoded);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(IngestError::Binary { kind, path: path.to_owned() });
    }
    let is_utf8 = std::str::from_utf8(bytes).is_ok();
    if html && let Some(declared) = declared_charset(bytes) {
        if declared != UTF_8 && is_utf8 && !bytes.is_ascii() {
            let mut decoded = utf8(bytes);
            decoded
                .warnings
                .push(format!("the page declares {} but is UTF-8; read as UTF-8", declared.name()));
            return Ok(decoded);
        }
        let (text, _) = declared.decode_without_bom_handling(bytes);
        return Ok(Decoded::new(text.into_owned(), declared, EncodingHow::Declared));
    }
    if is_utf8 {
        return Ok(utf8(bytes));
    }
    Ok(detect_legacy(bytes))
}

fn utf8(bytes: &[u8]) -> Decoded {
    Decoded::new(String::from_utf8_lossy(bytes).into_owned(), UTF_8, EncodingHow::Utf8)
}

/// Guess a legacy encoding; nearly-valid UTF-8 (a damaged byte or two) stays UTF-8.
fn detect_legacy(bytes: &[u8]) -> Decoded {
    let mut invalid = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if multibyte >= 10 * invalid.max(1) {
        let mut decoded = utf8(bytes);
        decoded.report.how = EncodingHow::Detected;
        decoded.report.confidence = Some(evidence(non_ascii) * 0.9);
        decoded.warnings.push(format!(
            "{invalid} damaged byte sequence(s) in otherwise UTF-8 text; they show as \u{FFFD}"
        ));
        return decoded;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // The first 256 KiB are plenty to tell encodings apart and keep big files fast.
    let sample = bytes.get(..DETECT_SAMPLE_BYTES).unwrap_or(bytes);
    detector.feed(sample, sample.len() == bytes.len());
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let mut decoded = Decoded::new(text.into_owned(), encoding, EncodingHow::Detected);
    let confidence = evidence(non_ascii) * if had_errors { 0.5 } else { 1.0 };
    decoded.report.confidence = Some(confidence);
    if confidence < 0.5 {
        decoded.warnings.push(format!(
            "the encoding was guessed as {} from little evidence; if the text looks wrong, choose the encoding by hand",
            encoding.name()
        ));
    }
    decoded
}

/// How much of a file the legacy-encoding detector reads.
const DETECT_SAMPLE_BYTES: usize = 256 * 1024;

/// 0–1: how many non-ASCII bytes a guess rests on (256 or more count as plenty).
fn evidence(non_ascii: usize) -> f32 {
    (non_ascii as f32 / 256.0).clamp(0.0, 1.0)
}

/// UTF-16 without a byte-order mark: most code units of text in Latin or Arabic
/// script have a zero high byte or a single high byte value (0x06 for Arabic), so
/// zeros cluster on one side.
fn sniff_utf16(bytes: &[u8]) -> Option<(&'static Encoding, f32)> {
    let sample = bytes.get(..bytes.len().min(4096) & !1)?;
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even_zero, mut odd_zero) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even_zero += usize::from(*a == 0);
            odd_zero += usize::from(*b == 0);
        }
    }
    let share = |n: usize| n as f32 / pairs as f32;
    if share(odd_zero) > 0.3 && share(even_zero) < 0.05 {
        Some((UTF_16LE, share(odd_zero).min(1.0)))
    } else if share(even_zero) > 0.3 && share(odd_zero) < 0.05 {
        Some((UTF_16BE, share(even_zero).min(1.0)))
    } else {
        None
    }
}

/// The encoding an HTML page declares in its first 4 KB (`<meta charset>`, the
/// `http-equiv` form, or an XML declaration). UTF-16 labels mean UTF-8 here, as in
/// browsers (the bytes were evidently not UTF-16).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes).to_ascii_lowercase();
    let head = String::from_utf8_lossy(&head);
    let mut candidates: Vec<&str> = Vec::new();
    if head.trim_start().starts_with("<?xml")
        && let Some(decl_end) = head.find("?>")
        && let Some(decl) = head.get(..decl_end)
    {
        candidates.push(decl);
    }
    let mut rest: &str = &head;
    while let Some(start) = rest.find("<meta") {
        let tag = rest.get(start..).unwrap_or_default();
        let end = tag.find('>').unwrap_or(tag.len());
        candidates.push(tag.get(..end).unwrap_or_default());
        rest = tag.get(end..).unwrap_or_default();
    }
    candidates.into_iter().find_map(|tag| {
        let key = if tag.starts_with("<?xml") { "encoding" } else { "charset" };
        let at = tag.find(key)?;
        let value = tag.get(at + key.len()..)?.trim_start().strip_prefix('=')?.trim_start();
        let value = value.trim_start_matches(['"', '\'']);
        let label: String = value
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        Encoding::for_label(label.as_bytes()).map(Encoding::output_encoding)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_ok(bytes: &[u8], html: bool) -> Decoded {
        match decode(bytes, html, None, Path::new("t")) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn boms() {
        let d = decode_ok(b"\xEF\xBB\xBFabc", false);
        assert_eq!(
            (d.text.as_str(), d.report.how, d.report.name.as_str()),
            ("abc", EncodingHow::Bom, "UTF-8")
        );
        let d = decode_ok(b"\xFF\xFEa\0b\0", false);
        assert_eq!((d.text.as_str(), d.report.name.as_str()), ("ab", "UTF-16LE"));
        let d = decode_ok(b"\xFE\xFF\0a\0b", false);
        assert_eq!((d.text.as_str(), d.report.name.as_str()), ("ab", "UTF-16BE"));
    }

    #[test]
    fn utf16_without_bom() {
        let bytes: Vec<u8> =
            "قال المتحدث hello".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode_ok(&bytes, false);
        assert_eq!((d.text.as_str(), d.report.name.as_str()), ("قال المتحدث hello", "UTF-16LE"));
        assert_eq!(d.report.how, EncodingHow::Detected);
    }

    #[test]
    fn html_meta_charset() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1256.encode("<meta charset=\"windows-1256\"><p>قال</p>");
        let d = decode_ok(&bytes, true);
        assert_eq!(d.report.how, EncodingHow::Declared);
        assert!(d.text.contains("قال"));
        assert_eq!(
            declared_charset(
                b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-6'>"
            ),
            Some(encoding_rs::ISO_8859_6)
        );
        assert_eq!(declared_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(declared_charset(b"<p>no meta</p>"), None);
    }

    #[test]
    fn declared_wrongly_but_utf8() {
        let d = decode_ok("<meta charset=\"windows-1256\"><p>قال</p>".as_bytes(), true);
        assert_eq!(d.report.name, "UTF-8");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn override_menu_labels_are_known() {
        for label in OVERRIDE_ENCODINGS {
            assert!(is_known_encoding(label), "{label}");
        }
        assert!(is_known_encoding(" cp1256 ") && is_known_encoding("arabic"));
        assert!(!is_known_encoding("klingon"));
    }

    #[test]
    fn override_and_unknown_label() {
        let d = match decode(b"\xe1\xe3", false, Some("windows-1256"), Path::new("t")) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        assert_eq!((d.text.as_str(), d.report.how), ("لم", EncodingHow::Override));
        let err = decode(b"abc", false, Some("klingon"), Path::new("t"));
        assert!(matches!(err, Err(IngestError::UnknownEncoding { .. })));
    }

    #[test]
    fn one_damaged_byte_keeps_utf8() {
        let mut bytes = "قال المتحدث باسم الخارجية إن الإدارة لم توافق".as_bytes().to_vec();
        bytes.insert(10, 0xFF);
        let d = decode_ok(&bytes, false);
        assert_eq!(d.report.name, "UTF-8");
        assert!(d.text.contains('\u{FFFD}'));
        assert_eq!(d.warnings.len(), 1);
    }
}
