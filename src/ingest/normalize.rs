//! Text normalisation applied to every import, before paragraphs are found.
//!
//! - Unicode **NFC**, so the same word always has the same characters (and the same
//!   character offsets) whatever tool wrote the file; Arabic presentation forms
//!   (U+FB50–FDCF, U+FE70–FEFC, typical of text copied out of PDFs) are replaced by
//!   their ordinary letters (NFKC for those characters only). Word ligatures and
//!   signs such as ﷺ and ﷼ are kept as written.
//! - Line ends `\r\n` and `\r` become `\n`; U+2028, U+2029, U+0085, U+000C and the
//!   information separators U+001C–U+001E become paragraph breaks (`\n\n`).
//! - BOMs (U+FEFF), NULs, zero-width spaces, soft hyphens and other control
//!   characters are removed; tabs become spaces.
//!
//! Collapsing spaces and trimming happen per line in [`clean_line`].

use unicode_normalization::UnicodeNormalization;

/// Normalise decoded text (see the module doc). Line structure is kept.
#[must_use]
pub fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000C}' | '\u{001C}'..='\u{001E}' => {
                out.push_str("\n\n");
            }
            '\t' | '\u{000B}' => out.push(' '),
            '\n' => out.push('\n'),
            '\u{FEFF}' | '\u{200B}' | '\u{00AD}' => {}
            c if c.is_control() => {}
            '\u{FB50}'..='\u{FDCF}' | '\u{FE70}'..='\u{FEFC}' => {
                out.extend(std::iter::once(c).nfkc());
            }
            c => out.push(c),
        }
    }
    if out.is_ascii()
        || unicode_normalization::is_nfc_quick(out.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        return out;
    }
    out.nfc().collect()
}

/// True for characters that separate words on one line (not `'\n'`).
fn is_blank(c: char) -> bool {
    c != '\n' && c.is_whitespace()
}

/// Collapse runs of spaces on one line to a single space and trim both ends.
///
/// A lone no-break or narrow space (French `« »`, numbers) is kept as written;
/// any longer run becomes one ordinary space.
#[must_use]
pub fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        match run.as_slice() {
            [] => {}
            [single] if *single != ' ' && !out.is_empty() => out.push(*single),
            _ if out.is_empty() => {}
            _ => out.push(' '),
        }
        run.clear();
    };
    for c in line.chars() {
        if is_blank(c) || c == '\n' {
            run.push(if c == '\n' { ' ' } else { c });
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    // Trailing blanks are dropped (trim).
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_separators() {
        assert_eq!(normalize_text("a\r\nb\rc\u{2029}d\u{2028}e\u{85}f"), "a\nb\nc\n\nd\n\ne\n\nf");
        assert_eq!(normalize_text("a\u{1C}b\u{1D}c\u{1E}d"), "a\n\nb\n\nc\n\nd");
    }

    #[test]
    fn removes_bom_nul_and_controls() {
        assert_eq!(normalize_text("\u{FEFF}ab\0c\u{7}d\u{200B}e"), "abcde");
        assert_eq!(normalize_text("a\tb"), "a b");
    }

    #[test]
    fn nfc_and_presentation_forms() {
        assert_eq!(normalize_text("e\u{301}"), "\u{e9}");
        // Alef + combining hamza above composes to أ.
        assert_eq!(normalize_text("\u{627}\u{654}"), "\u{623}");
        // ﻟﻢ (presentation forms) → لم; ﻻ (lam-alef ligature) → لا.
        assert_eq!(normalize_text("\u{FEDF}\u{FEE2} \u{FEFB}"), "لم لا");
        // ﷺ is kept.
        assert_eq!(normalize_text("\u{FDFA}"), "\u{FDFA}");
    }

    #[test]
    fn clean_line_collapses_and_trims() {
        assert_eq!(clean_line("  a   b \t c  "), "a b c");
        assert_eq!(clean_line("« a\u{A0}»"), "« a\u{A0}»");
        assert_eq!(clean_line("a\u{A0}\u{A0} b"), "a b");
        assert_eq!(clean_line("end.\u{A0}"), "end.");
        assert_eq!(clean_line(""), "");
    }
}
