//! Which bundled face each stretch of text uses: Arabic letters in the role's Arabic
//! face, Hebrew in Noto Sans Hebrew, everything else in Noto Sans. Neutral characters
//! (spaces, digits, punctuation, combining marks) stay with the run around them, so an
//! Arabic sentence keeps one face for its spaces and its full stop.

use std::ops::Range;

use cosmic_text::{Attrs, AttrsList, CacheKeyFlags, Family, Weight};
use unicode_script::{Script, UnicodeScript as _};

use super::fonts::{ARABIC_READING_FAMILY, ARABIC_UI_FAMILY, HEBREW_FAMILY, LATIN_FAMILY};
use super::style::{FontRole, TextStyle};

/// The face family a run of text needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FaceKind {
    /// Noto Sans (Latin, Greek, Cyrillic, and anything else).
    Latin,
    /// The role's Arabic face.
    Arabic,
    /// Noto Sans Hebrew.
    Hebrew,
}

fn classify(c: char) -> Option<FaceKind> {
    match c.script() {
        Script::Arabic => Some(FaceKind::Arabic),
        Script::Hebrew => Some(FaceKind::Hebrew),
        Script::Common | Script::Inherited | Script::Unknown => None,
        _ => Some(FaceKind::Latin),
    }
}

fn is_rtl_kind(kind: FaceKind) -> bool {
    matches!(kind, FaceKind::Arabic | FaceKind::Hebrew)
}

/// Split `text` (one line, no paragraph separators) into byte ranges that each need
/// one face.
///
/// Every right-to-left bidi run (odd embedding level, computed as cosmic-text does)
/// gets a single face: the Arabic face if it holds Arabic, else Hebrew, else Noto Sans.
/// cosmic-text 0.19 lays out the pieces of a right-to-left "word" (a UAX #14 segment,
/// which can hold spaces, e.g. `." (كلمة`) in logical order when their faces differ, so
/// a face change must never fall inside such a run. Left-to-right runs are split per
/// script; their neutral characters split after the last whitespace (brackets go with
/// the word they wrap) or, without whitespace, go to the right-to-left side.
pub(crate) fn face_runs(text: &str) -> Vec<(Range<usize>, FaceKind)> {
    let mut runs: Vec<(Range<usize>, FaceKind)> = Vec::new();
    for (range, rtl) in level_runs(text) {
        let piece = text.get(range.clone()).unwrap_or("");
        if rtl {
            // A run without letters (brackets, digits) takes the line's RTL script.
            let has = |p: &str, k: FaceKind| p.chars().any(|c| classify(c) == Some(k));
            let kind = if has(piece, FaceKind::Arabic) {
                FaceKind::Arabic
            } else if has(piece, FaceKind::Hebrew) {
                FaceKind::Hebrew
            } else if has(text, FaceKind::Arabic) {
                FaceKind::Arabic
            } else {
                FaceKind::Hebrew
            };
            push_run(&mut runs, range, kind);
        } else {
            for (sub, kind) in script_runs(piece) {
                push_run(&mut runs, range.start + sub.start..range.start + sub.end, kind);
            }
        }
    }
    runs
}

/// Append a run, merging it with the previous one if it has the same face.
fn push_run(runs: &mut Vec<(Range<usize>, FaceKind)>, range: Range<usize>, kind: FaceKind) {
    if range.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(last) if last.1 == kind && last.0.end == range.start => last.0.end = range.end,
        _ => runs.push((range, kind)),
    }
}

/// Maximal byte ranges of `text` that are right-to-left (odd level) or not.
fn level_runs(text: &str) -> Vec<(Range<usize>, bool)> {
    if text.is_empty() {
        return Vec::new();
    }
    if !text.chars().any(|c| matches!(classify(c), Some(FaceKind::Arabic | FaceKind::Hebrew))) {
        return vec![(0..text.len(), false)];
    }
    let bidi = unicode_bidi::BidiInfo::new(text, None);
    let mut out: Vec<(Range<usize>, bool)> = Vec::new();
    for (i, c) in text.char_indices() {
        let rtl = bidi.levels.get(i).is_some_and(unicode_bidi::Level::is_rtl);
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some(last) if last.1 == rtl => last.0.end = end,
            _ => out.push((i..end, rtl)),
        }
    }
    out
}

/// Per-script runs of a left-to-right stretch.
fn script_runs(text: &str) -> Vec<(Range<usize>, FaceKind)> {
    // Maximal stretches of one strong kind, or of neutrals (None).
    let mut segments: Vec<(Range<usize>, Option<FaceKind>)> = Vec::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let kind = classify(c);
        match segments.last_mut() {
            Some(last) if last.1 == kind => last.0.end = end,
            _ => segments.push((i..end, kind)),
        }
    }
    let mut runs = Vec::new();
    for (index, (range, kind)) in segments.iter().enumerate() {
        if let Some(kind) = kind {
            push_run(&mut runs, range.clone(), *kind);
            continue;
        }
        let before = index.checked_sub(1).and_then(|i| segments.get(i)).and_then(|s| s.1);
        let after = segments.get(index + 1).and_then(|s| s.1);
        match (before, after) {
            (None, None) => push_run(&mut runs, range.clone(), FaceKind::Latin),
            (Some(k), None) | (None, Some(k)) => push_run(&mut runs, range.clone(), k),
            (Some(a), Some(b)) if a == b => push_run(&mut runs, range.clone(), a),
            (Some(a), Some(b)) => {
                let neutral = text.get(range.clone()).unwrap_or("");
                let split = neutral
                    .char_indices()
                    .rfind(|(_, c)| c.is_whitespace())
                    .map(|(i, c)| range.start + i + c.len_utf8());
                if let Some(split) = split {
                    push_run(&mut runs, range.start..split, a);
                    push_run(&mut runs, split..range.end, b);
                } else {
                    let kind = if is_rtl_kind(b) || !is_rtl_kind(a) { b } else { a };
                    push_run(&mut runs, range.clone(), kind);
                }
            }
        }
    }
    runs
}

/// The family name for a face kind in a role.
pub(crate) fn family_name(kind: FaceKind, role: FontRole) -> &'static str {
    match (kind, role) {
        (FaceKind::Latin, _) => LATIN_FAMILY,
        (FaceKind::Arabic, FontRole::Reading) => ARABIC_READING_FAMILY,
        (FaceKind::Arabic, FontRole::Ui) => ARABIC_UI_FAMILY,
        (FaceKind::Hebrew, _) => HEBREW_FAMILY,
    }
}

/// Attributes for one face kind in a style.
///
/// Glyphs are rasterised without hinting: with subpixel positioning the result looks
/// the same at 1x and 2x, and hinting (the fonts' TrueType programs) costs about ten
/// times as much per glyph, which the first screen of an article pays for hundreds of
/// glyphs at once.
pub(crate) fn attrs_for(kind: FaceKind, style: &TextStyle) -> Attrs<'static> {
    let weight = if style.bold { Weight::BOLD } else { Weight::NORMAL };
    Attrs::new()
        .family(Family::Name(family_name(kind, style.role)))
        .weight(weight)
        .cache_key_flags(CacheKeyFlags::DISABLE_HINTING)
}

/// Above this many face changes in one line, the line gets one face (its dominant one)
/// and cosmic-text's per-glyph fallback draws the rest: cosmic-text 0.19 compares every
/// ASCII word with every attribute span, which is quadratic in long mixed lines.
const MAX_FACE_SPANS: usize = 64;

/// The attribute list of one buffer line: the line's dominant face by default, a span
/// per run of another face.
pub(crate) fn attrs_list(line: &str, style: &TextStyle) -> AttrsList {
    let runs = face_runs(line);
    let mut bytes = [0usize; 3];
    for (range, kind) in &runs {
        if let Some(b) = bytes.get_mut(*kind as usize) {
            *b += range.len();
        }
    }
    let dominant = [FaceKind::Latin, FaceKind::Arabic, FaceKind::Hebrew]
        .into_iter()
        .max_by_key(|k| bytes.get(*k as usize).copied().unwrap_or(0))
        .unwrap_or(FaceKind::Latin);
    let mut list = AttrsList::new(&attrs_for(dominant, style));
    let others: Vec<_> = runs.into_iter().filter(|(_, kind)| *kind != dominant).collect();
    if others.len() <= MAX_FACE_SPANS {
        for (range, kind) in others {
            list.add_span(range, &attrs_for(kind, style));
        }
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_sentence_with_latin_word_and_digits() {
        let text = "قال 6 مسؤولين (Getty) اليوم.";
        let runs = face_runs(text);
        let pieces: Vec<(&str, FaceKind)> =
            runs.iter().map(|(r, k)| (&text[r.clone()], *k)).collect();
        assert_eq!(
            pieces,
            vec![
                ("قال ", FaceKind::Arabic),
                ("6", FaceKind::Latin),
                (" مسؤولين (", FaceKind::Arabic),
                ("Getty", FaceKind::Latin),
                (") اليوم.", FaceKind::Arabic),
            ]
        );
        // runs cover the text without gaps
        assert_eq!(runs[0].0.start, 0);
        assert_eq!(runs.last().unwrap().0.end, text.len());
        for pair in runs.windows(2) {
            assert_eq!(pair[0].0.end, pair[1].0.start);
        }
    }

    #[test]
    fn every_right_to_left_run_has_one_face() {
        for text in [
            "وزارة \"U.S.\" (سيرغي لافروف) 3.5%",
            "Reuters 45,000 «دبلوماسية»",
            "الخبر»Reuters",
            "Reuters: «لا شيء يخص أوكرانيا» (2023)",
        ] {
            let runs = face_runs(text);
            for (range, rtl) in level_runs(text) {
                if rtl {
                    let covering: Vec<_> = runs
                        .iter()
                        .filter(|(r, _)| r.start < range.end && range.start < r.end)
                        .collect();
                    assert_eq!(covering.len(), 1, "{text:?} {range:?} {runs:?}");
                }
            }
        }
    }

    #[test]
    fn latin_text_splits_per_script_with_brackets_on_their_words() {
        let text = "Reuters (AP) שלום";
        let runs = face_runs(text);
        assert_eq!(&text[runs[0].0.clone()], "Reuters (AP) ");
        assert_eq!(runs[1].1, FaceKind::Hebrew);
    }

    #[test]
    fn right_to_left_paragraph_without_latin_is_one_face() {
        // one right-to-left paragraph: one face (Hebrew letters fall back per glyph)
        let text = "«١٢ شالوم» שלום";
        assert_eq!(face_runs(text), vec![(0..text.len(), FaceKind::Arabic)]);
        // European digits are a left-to-right run inside it: Noto Sans
        let text = "(12) שלום";
        let kinds: Vec<FaceKind> = face_runs(text).into_iter().map(|r| r.1).collect();
        assert_eq!(kinds, vec![FaceKind::Hebrew, FaceKind::Latin, FaceKind::Hebrew]);
    }

    #[test]
    fn neutral_only_and_empty_text() {
        assert_eq!(face_runs("123 ..."), vec![(0..7, FaceKind::Latin)]);
        assert!(face_runs("").is_empty());
    }

    #[test]
    fn role_picks_the_arabic_face() {
        assert_eq!(family_name(FaceKind::Arabic, FontRole::Reading), ARABIC_READING_FAMILY);
        assert_eq!(family_name(FaceKind::Arabic, FontRole::Ui), ARABIC_UI_FAMILY);
    }
}
