//! Article metadata from the paragraphs and what the format declared.
//!
//! - **title**: the Headline paragraph; else a declared title (front matter); else —
//!   when the file has no headline, like the seed article — the first sentence of
//!   the first body paragraph, cut at a word boundary to at most 100 characters
//!   with `…`, and a warning says so; else the file name. Never a date, credit or
//!   caption line.
//! - **published**: declared (`<meta>`, JSON-LD, `<time>`, front matter), else the
//!   first date/byline line that holds a date.
//! - **author**: declared, else a `By …` / `بقلم …` / `كتب: …` line.
//! - **outlet**: declared, else an `Outlet, date` byline, else a wire dateline
//!   (`WASHINGTON (Reuters) -`, `القدس (رويترز) -`).
//! - **url**: declared, else a line that is only a web address.
//! - **language**: guessed from the body text, else declared, else `und`.

use std::path::Path;

use crate::model::{ArticleMeta, ParagraphRole};

use super::block::{Block, FoundMeta};
use super::dates::parse_date_with;
use super::language::detect_language;
use super::roles::is_url_line;

/// Longest fallback title, in characters.
const FALLBACK_TITLE_CHARS: usize = 100;

/// Day names that open date lines ("Friday, July 7"); never an outlet.
const DAY_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "الاثنين",
    "الإثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
    "updated",
    "published",
    "posted",
    "آخر تحديث",
    "نشر في",
    "تاريخ النشر",
];

/// Fill the metadata; returns remarks for the analyst.
pub(crate) fn build_meta(
    blocks: &[Block],
    roles: &[ParagraphRole],
    found: &FoundMeta,
    path: Option<&Path>,
) -> (ArticleMeta, Vec<String>) {
    let mut warnings = Vec::new();
    let with_role = |role: ParagraphRole| {
        blocks.iter().zip(roles).filter(move |(_, r)| **r == role).map(|(b, _)| b.text.as_str())
    };
    let bylines: Vec<&str> = with_role(ParagraphRole::Byline).collect();
    let title = with_role(ParagraphRole::Headline)
        .next()
        .map(str::to_owned)
        .or_else(|| found.title.clone())
        .or_else(|| {
            let title = with_role(ParagraphRole::Body).next().map(first_sentence)?;
            warnings.push(format!("no headline found; the title is the first sentence: {title}"));
            Some(title)
        })
        .or_else(|| with_role(ParagraphRole::Subheading).next().map(str::to_owned))
        .or_else(|| path.and_then(Path::file_stem).map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let published = found
        .published
        .clone()
        .or_else(|| bylines.iter().find_map(|line| parse_date_with(line, found.date_order)));
    let author = found.author.clone().or_else(|| bylines.iter().find_map(|l| author_of(l)));
    let outlet = found.outlet.clone().or_else(|| {
        bylines
            .iter()
            .find_map(|l| outlet_of(l, found))
            .or_else(|| with_role(ParagraphRole::Body).next().and_then(wire_outlet))
    });
    let url = found.url.clone().or_else(|| {
        bylines.iter().find(|l| is_url_line(l)).map(|l| {
            let l = l.trim();
            l.find("http").and_then(|at| l.get(at..)).unwrap_or(l).to_owned()
        })
    });
    let body: Vec<&str> = with_role(ParagraphRole::Body).collect();
    let mut language = detect_language(&body.join("\n"));
    if language == "und" {
        language =
            detect_language(&blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n"));
    }
    if language == "und"
        && let Some(declared) = &found.language
    {
        declared.clone_into(&mut language);
    }
    let meta =
        ArticleMeta { title, outlet, url, author, published, language, direction_override: None };
    (meta, warnings)
}

/// The first sentence of `text`, cut at a word boundary to
/// [`FALLBACK_TITLE_CHARS`] with `…`.
fn first_sentence(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|(i, c)| {
            matches!(c, '.' | '!' | '?' | '؟' | '؛')
                && text
                    .get(i + c.len_utf8()..)
                    .is_none_or(|rest| rest.is_empty() || rest.starts_with(' '))
        })
        .map_or(text.len(), |(i, _)| i);
    let sentence = text.get(..end).unwrap_or(text).trim();
    if sentence.chars().count() <= FALLBACK_TITLE_CHARS {
        return sentence.to_owned();
    }
    let mut out = String::new();
    for word in sentence.split(' ') {
        if out.chars().count() + word.chars().count() + 1 > FALLBACK_TITLE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim_end_matches([',', '،', ':', ';']).to_owned() + "…"
}

/// `By Jane Doe, Reuters` → `Jane Doe`; `بقلم: محمد علي` → `محمد علي`.
fn author_of(line: &str) -> Option<String> {
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    let openers =
        ["by ", "written by ", "بقلم:", "بقلم", "كتب:", "كتبت:", "كتب -", "كتبت -", "كتب", "كتبت"];
    let opener = openers.iter().find(|o| lower.starts_with(*o))?;
    let rest = trimmed.get(opener.len()..)?.trim_start_matches([':', ' ', '-']);
    let name = rest.split([',', '|', '،', '—']).next()?.split(" - ").next()?.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// `Sample Daily Ledger, 8 July 2023` → `Sample Daily Ledger`.
fn outlet_of(line: &str, found: &FoundMeta) -> Option<String> {
    let (first, rest) = line.split_once([',', '|', '،', '—'])?;
    let first = first.trim();
    let lower = first.to_lowercase();
    let words = first.split_whitespace().count();
    let plausible = (1..=5).contains(&words)
        && !first.chars().any(char::is_numeric)
        && !DAY_NAMES.iter().any(|d| lower.starts_with(d))
        && !lower.starts_with("by ")
        && author_of(first).is_none()
        && parse_date_with(first, found.date_order).is_none()
        && parse_date_with(rest, found.date_order).is_some();
    plausible.then(|| first.to_owned())
}

/// `WASHINGTON (Reuters) - …` → `Reuters`.
fn wire_outlet(text: &str) -> Option<String> {
    let open = text.find('(')?;
    let close = open + text.get(open..)?.find(')')?;
    let place = text.get(..open)?.trim();
    let agency = text.get(open + 1..close)?.trim();
    let after = text.get(close + 1..)?.trim_start();
    let dash = after.starts_with(['-', '—', '–']);
    let place_ok = (1..=4).contains(&place.split_whitespace().count());
    let agency_ok = (1..=3).contains(&agency.split_whitespace().count());
    (dash && place_ok && agency_ok).then(|| agency.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_is_cut_at_a_word() {
        assert_eq!(first_sentence("Short one. Then more."), "Short one");
        let long = "word ".repeat(40);
        let title = first_sentence(long.trim());
        assert!(
            title.ends_with('…') && title.chars().count() <= FALLBACK_TITLE_CHARS + 1,
            "{title}"
        );
        assert_eq!(first_sentence("Version 2.0 shipped. Yes."), "Version 2.0 shipped");
    }

    #[test]
    fn authors_and_outlets() {
        assert_eq!(author_of("By Sample Wire Staff").as_deref(), Some("Sample Wire Staff"));
        assert_eq!(author_of("بقلم: محمد علي").as_deref(), Some("محمد علي"));
        assert_eq!(author_of("Bystanders"), None);
        let found = FoundMeta::default();
        assert_eq!(
            outlet_of("Sample Daily Ledger, 8 July 2023", &found).as_deref(),
            Some("Sample Daily Ledger")
        );
        assert_eq!(outlet_of("Friday, July 7, 2023", &found), None);
        assert_eq!(outlet_of("July 7, 2023 09:40 GMT", &found), None);
        assert_eq!(wire_outlet("WASHINGTON (Reuters) - The talks").as_deref(), Some("Reuters"));
        assert_eq!(wire_outlet("القدس (رويترز) - قال").as_deref(), Some("رويترز"));
        assert_eq!(wire_outlet("The talks (in April) were secret."), None);
    }
}
