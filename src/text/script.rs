//! Which bundled face each stretch of text uses: Arabic letters in the role's Arabic
//! face, Hebrew in Noto Sans Hebrew, everything else in Noto Sans. Neutral characters
//! (spaces, digits, punctuation, combining marks) stay with the run around them, so an
//! Arabic sentence keeps one face for its spaces and its full stop.

use std::ops::Range;

use cosmic_text::{Attrs, AttrsList, Family, Weight};
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

/// Split `text` into byte ranges that each need one face.
pub(crate) fn face_runs(text: &str) -> Vec<(Range<usize>, FaceKind)> {
    let mut runs: Vec<(Range<usize>, FaceKind)> = Vec::new();
    let mut pending_start: Option<usize> = None; // leading neutrals before any strong char
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let Some(kind) = classify(c) else {
            match runs.last_mut() {
                Some(last) => last.0.end = end,
                None => {
                    pending_start.get_or_insert(i);
                }
            }
            continue;
        };
        match runs.last_mut() {
            Some(last) if last.1 == kind => last.0.end = end,
            _ => {
                let start = if runs.is_empty() { pending_start.take().unwrap_or(i) } else { i };
                runs.push((start..end, kind));
            }
        }
    }
    if runs.is_empty() && !text.is_empty() {
        runs.push((0..text.len(), FaceKind::Latin));
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
pub(crate) fn attrs_for(kind: FaceKind, style: &TextStyle) -> Attrs<'static> {
    let weight = if style.bold { Weight::BOLD } else { Weight::NORMAL };
    Attrs::new().family(Family::Name(family_name(kind, style.role))).weight(weight)
}

/// The attribute list of one buffer line: Noto Sans by default, a span per non-Latin run.
pub(crate) fn attrs_list(line: &str, style: &TextStyle) -> AttrsList {
    let mut list = AttrsList::new(&attrs_for(FaceKind::Latin, style));
    for (range, kind) in face_runs(line) {
        if kind != FaceKind::Latin {
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
        let kinds: Vec<FaceKind> = runs.iter().map(|r| r.1).collect();
        assert_eq!(kinds, vec![FaceKind::Arabic, FaceKind::Latin, FaceKind::Arabic]);
        // the digit and the opening bracket stay with the Arabic run before them
        assert_eq!(&text[runs[0].0.clone()], "قال 6 مسؤولين (");
        assert_eq!(&text[runs[1].0.clone()], "Getty) ");
        assert_eq!(&text[runs[2].0.clone()], "اليوم.");
        // runs cover the text without gaps
        assert_eq!(runs[0].0.start, 0);
        assert_eq!(runs.last().unwrap().0.end, text.len());
        for pair in runs.windows(2) {
            assert_eq!(pair[0].0.end, pair[1].0.start);
        }
    }

    #[test]
    fn leading_neutrals_join_the_first_strong_run() {
        let runs = face_runs("«١٢ شالوم» שלום");
        assert_eq!(runs[0].0.start, 0);
        assert_eq!(runs[0].1, FaceKind::Arabic);
        assert_eq!(runs[1].1, FaceKind::Hebrew);
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
