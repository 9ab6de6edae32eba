//! Paragraph roles: which paragraphs are the headline, date and byline lines,
//! photo credits and captions, section headings, pull quotes, and which are the body
//! whose statements get analysed.
//!
//! Markup decides where it can (`#`, `<h2>`, `<figcaption>`); otherwise:
//! - **Caption**: a photo-credit line (`gettyimages`, `AFP`, `© Reuters`, `تصوير:`);
//!   a paragraph ending in a parenthesised credit (`… (Getty)`); a short unfinished
//!   paragraph right after a credit line.
//! - **Byline**: a short line holding a date (`07-يوليو-2023`), a `By …`/`بقلم …`
//!   line, a line that is only a web address.
//! - **Headline**: the first other paragraph when it is short and unfinished (no
//!   closing full stop) and body text follows.
//! - **Pull quote**: a paragraph of at most 60 words whose word triples mostly recur
//!   in one other paragraph (of a duplicated pair, the shorter, else the later one).
//! - **Subheading**: 2–12 words, unfinished, between body paragraphs.
//! - **Body**: everything else.

use std::collections::{HashMap, HashSet};

use crate::analysis::fold;
use crate::model::ParagraphRole;

use super::block::Block;
use super::dates::parse_date;

/// Credit words and agency names, in their usual spellings (folded when used).
const CREDIT_WORDS: &[&str] = &[
    "getty images",
    "gettyimages",
    "getty",
    "afp",
    "reuters",
    "associated press",
    "ap photo",
    "ap",
    "epa",
    "efe",
    "anadolu agency",
    "anadolu",
    "shutterstock",
    "istock",
    "xinhua",
    "tass",
    "sputnik",
    "ria novosti",
    "dpa",
    "bloomberg",
    "file photo",
    "file",
    "photo",
    "handout",
    "social media",
    "غيتي إيميجز",
    "غيتي",
    "جيتي",
    "رويترز",
    "الفرنسية",
    "فرانس برس",
    "أ ف ب",
    "أسوشيتد برس",
    "الأناضول",
    "الجزيرة",
    "مواقع التواصل الاجتماعي",
    "مواقع التواصل",
    "أرشيفية",
    "أرشيف",
    "وكالات",
    "الأوروبية",
    "شينخوا",
    "سبوتنيك",
    "تاس",
    "سانا",
    "وفا",
    "صورة",
    "الصورة",
    "صور",
    "via",
    "عبر",
];

/// Openings that make a short line a credit whatever follows.
const CREDIT_OPENINGS: &[&str] = &[
    "©",
    "(c)",
    "photo:",
    "photograph:",
    "photos:",
    "picture:",
    "image:",
    "credit:",
    "تصوير",
    "صورة:",
    "الصورة:",
    "مصدر الصورة",
];

/// Openings of byline lines.
const BYLINE_OPENINGS: &[&str] = &[
    "by ",
    "reporting by",
    "editing by",
    "written by",
    "additional reporting",
    "بقلم",
    "كتب:",
    "كتبت:",
    "كتب -",
    "كتبت -",
    "إعداد:",
    "تحرير:",
    "تقرير:",
    "مراسل",
];

fn credit_phrases() -> &'static [String] {
    static PHRASES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        let mut phrases: Vec<String> = CREDIT_WORDS.iter().map(|w| words_of(w).join(" ")).collect();
        phrases.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        phrases
    })
}

/// Folded words of `text`: letters and digits only.
pub(crate) fn words_of(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// True when `text` has at most `n` words (stops counting early).
fn at_most_words(text: &str, n: usize) -> bool {
    text.split_whitespace().nth(n).is_none()
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// True when `text` is made only of credit words and agency names (`"AFP/Getty"`).
fn is_credit_text(text: &str) -> bool {
    let words = words_of(text);
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let mut rest = format!(" {} ", words.join(" "));
    for phrase in credit_phrases() {
        let padded = format!(" {phrase} ");
        while rest.contains(&padded) {
            rest = rest.replacen(&padded, " ", 1);
        }
    }
    rest.trim().is_empty()
}

/// A photo-credit line: `gettyimages`, `AFP/Getty`, `© Reuters`, `تصوير: …`, or an
/// agency before a slash (`Reuters/Jane Doe`).
#[must_use]
pub(crate) fn is_credit_line(text: &str) -> bool {
    if !at_most_words(text, 8) {
        return false;
    }
    let lower = text.trim().to_lowercase();
    if CREDIT_OPENINGS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    let inner = lower.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ' '));
    if is_credit_text(inner) {
        return true;
    }
    inner
        .split_once('/')
        .is_some_and(|(agency, _)| is_credit_text(agency) && word_count(inner) <= 5)
}

/// A caption that ends in a parenthesised credit: `… (Getty)`, `… (رويترز)`.
#[must_use]
pub(crate) fn ends_with_credit(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(['.', '،']);
    let Some(body) = trimmed.strip_suffix(')') else { return false };
    let Some(open) = body.rfind('(') else { return false };
    let credit = body.get(open + 1..).unwrap_or_default();
    at_most_words(text, 60) && (is_credit_text(credit) || is_credit_line(credit))
}

/// A short line carrying a publication date.
#[must_use]
pub(crate) fn is_date_line(text: &str) -> bool {
    at_most_words(text, 12)
        && (at_most_words(text, 6) || !text.trim_end().ends_with('.'))
        && parse_date(text).is_some()
}

/// A `By …`, `بقلم …` or date line.
#[must_use]
pub(crate) fn is_byline(text: &str) -> bool {
    if !at_most_words(text, 12) {
        return false;
    }
    let lower = text.trim().to_lowercase();
    BYLINE_OPENINGS.iter().any(|o| lower.starts_with(o)) || is_date_line(text) || is_url_line(text)
}

/// A line that is only a web address.
#[must_use]
pub(crate) fn is_url_line(text: &str) -> bool {
    let text = text.trim();
    let text = text.strip_prefix("Source:").or(text.strip_prefix("المصدر:")).unwrap_or(text).trim();
    (text.starts_with("http://") || text.starts_with("https://")) && !text.contains(' ')
}

/// A line that must stay its own paragraph even inside hard-wrapped text.
#[must_use]
pub(crate) fn is_standalone_line(text: &str) -> bool {
    is_credit_line(text) || is_byline(text)
}

fn is_unfinished(text: &str) -> bool {
    !text.trim_end().ends_with(['.', ',', '،', ';', '؛', ':', '…'])
}

fn looks_like_headline(text: &str) -> bool {
    let words = word_count(text);
    (2..=30).contains(&words) && text.chars().count() <= 250 && is_unfinished(text)
}

fn looks_like_subheading(text: &str) -> bool {
    let words = word_count(text);
    let quoted = text.starts_with(['"', '“', '«']) && text.ends_with(['"', '”', '»']);
    (2..=12).contains(&words) && text.chars().count() <= 100 && is_unfinished(text) && !quoted
}

/// Decide every block's role (see the module doc).
#[must_use]
pub(crate) fn assign_roles(blocks: &[Block]) -> Vec<ParagraphRole> {
    let mut roles: Vec<Option<ParagraphRole>> = blocks.iter().map(|b| b.role).collect();
    let mut after_credit = false;
    for (block, role) in blocks.iter().zip(roles.iter_mut()) {
        let text = block.text.as_str();
        let credit = role.is_none() && is_credit_line(text);
        if role.is_none() {
            if credit || ends_with_credit(text) {
                *role = Some(ParagraphRole::Caption);
            } else if is_byline(text) {
                *role = Some(ParagraphRole::Byline);
            } else if after_credit && at_most_words(text, 40) && is_unfinished(text) {
                *role = Some(ParagraphRole::Caption);
            }
        }
        after_credit = credit;
    }
    mark_headline(blocks, &mut roles);
    mark_pull_quotes(blocks, &mut roles);
    mark_subheadings(blocks, &mut roles);
    roles.into_iter().map(|r| r.unwrap_or(ParagraphRole::Body)).collect()
}

fn mark_headline(blocks: &[Block], roles: &mut [Option<ParagraphRole>]) {
    if roles.contains(&Some(ParagraphRole::Headline)) {
        return;
    }
    let Some(first) = roles.iter().position(Option::is_none) else { return };
    let body_follows = roles.iter().skip(first + 1).any(Option::is_none);
    if body_follows
        && let Some(block) = blocks.get(first)
        && looks_like_headline(&block.text)
        && let Some(role) = roles.get_mut(first)
    {
        *role = Some(ParagraphRole::Headline);
    }
}

/// Hashed word triples of a paragraph's folded words.
fn shingles(words: &[String]) -> HashSet<u64> {
    use std::hash::{Hash, Hasher};
    words
        .windows(3)
        .map(|w| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut hasher);
            hasher.finish()
        })
        .collect()
}

/// Longest paragraph, in words, that can be a pull quote.
const PULL_QUOTE_MAX_WORDS: usize = 60;

/// Word triples shared by more paragraphs than this are boilerplate, not copying.
const BOILERPLATE_POSTINGS: usize = 50;

fn mark_pull_quotes(blocks: &[Block], roles: &mut [Option<ParagraphRole>]) {
    // Per paragraph still undecided: (index, word count, shingles).
    let candidates: Vec<(usize, usize, HashSet<u64>)> = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| roles.get(*i) == Some(&None))
        .map(|(i, block)| {
            let words = words_of(&block.text);
            (i, words.len(), shingles(&words))
        })
        .collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (slot, (_, _, set)) in candidates.iter().enumerate() {
        for shingle in set {
            postings.entry(*shingle).or_default().push(slot);
        }
    }
    let mut quotes = Vec::new();
    for (slot_a, (a, words_a, set_a)) in candidates.iter().enumerate() {
        if set_a.len() < 2 || *words_a > PULL_QUOTE_MAX_WORDS {
            continue;
        }
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for shingle in set_a {
            let Some(list) = postings.get(shingle) else { continue };
            if list.len() > BOILERPLATE_POSTINGS {
                continue;
            }
            for &slot_b in list.iter().filter(|&&b| b != slot_a) {
                *shared.entry(slot_b).or_default() += 1;
            }
        }
        let is_copy = shared.iter().any(|(&slot_b, &count)| {
            let Some((b, words_b, set_b)) = candidates.get(slot_b) else { return false };
            if count * 2 < set_a.len() {
                return false;
            }
            let mutual = count * 2 >= set_b.len();
            // Of a mutual pair, the shorter is the copy; equal length: the later one.
            !mutual || words_a < words_b || (words_a == words_b && a > b)
        });
        if is_copy {
            quotes.push(*a);
        }
    }
    for a in quotes {
        if let Some(role) = roles.get_mut(a) {
            *role = Some(ParagraphRole::PullQuote);
        }
    }
}

fn mark_subheadings(blocks: &[Block], roles: &mut [Option<ParagraphRole>]) {
    let body_before =
        |i: usize, roles: &[Option<ParagraphRole>]| roles.iter().take(i).any(Option::is_none);
    let body_after = |i: usize, roles: &[Option<ParagraphRole>]| {
        roles
            .iter()
            .skip(i + 1)
            .find(|r| !matches!(r, Some(ParagraphRole::Caption | ParagraphRole::PullQuote)))
            .is_some_and(Option::is_none)
    };
    for i in 0..blocks.len() {
        let Some(block) = blocks.get(i) else { continue };
        if roles.get(i) == Some(&None)
            && looks_like_subheading(&block.text)
            && body_before(i, roles)
            && body_after(i, roles)
            && let Some(role) = roles.get_mut(i)
        {
            *role = Some(ParagraphRole::Subheading);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines() {
        for line in [
            "gettyimages",
            "Getty Images",
            "AFP",
            "(Reuters)",
            "AFP/Getty",
            "© Reuters 2023",
            "رويترز",
            "أ ف ب",
            "Reuters/Jane Doe",
            "تصوير: محمد علي",
        ] {
            assert!(is_credit_line(line), "{line}");
        }
        for line in
            ["Reuters reported that talks took place", "من", "واشنطن: لم نوافق على المحادثات"]
        {
            assert!(!is_credit_line(line), "{line}");
        }
    }

    #[test]
    fn captions_ending_in_credit() {
        assert!(ends_with_credit(
            "الإدارة الأمريكية قالت إنها لم توافق على إجراء المفاوضات غير الرسمية (Getty)"
        ));
        assert!(ends_with_credit("Sergei Lavrov in New York (Reuters/Jane Doe)."));
        assert!(!ends_with_credit("The talks (in April) were secret."));
    }

    #[test]
    fn bylines() {
        assert!(is_byline("By Sample Wire Staff"));
        assert!(is_byline("July 7, 2023 09:40 GMT"));
        assert!(is_byline("07-يوليو-2023"));
        assert!(is_byline("بقلم: محمد"));
        assert!(is_byline("https://example.com/a"));
        assert!(!is_byline(
            "Bystanders said on July 7, 2023 that the talks in New York had gone on for hours and ended late."
        ));
    }

    fn roles_of(texts: &[&str]) -> Vec<ParagraphRole> {
        let blocks: Vec<Block> = texts.iter().map(|t| Block::plain((*t).to_owned())).collect();
        assert_roles_cover(&blocks);
        assign_roles(&blocks)
    }

    fn assert_roles_cover(blocks: &[Block]) {
        assert_eq!(assign_roles(blocks).len(), blocks.len());
    }

    #[test]
    fn headline_then_body() {
        use ParagraphRole::*;
        assert_eq!(
            roles_of(&[
                "Talks held in secret",
                "July 7, 2023",
                "The talks were secret, sources said.",
                "More text here."
            ]),
            [Headline, Byline, Body, Body]
        );
        // A finished sentence first is not a headline.
        assert_eq!(roles_of(&["The talks were secret.", "More."]), [Body, Body]);
    }

    #[test]
    fn pull_quote_and_subheading() {
        use ParagraphRole::*;
        let body = "The spokesperson said the administration did not authorise the meetings with the minister in April.";
        assert_eq!(
            roles_of(&[
                "First paragraph of the story, long enough.",
                "the administration did not authorise the meetings",
                "What Washington says",
                body,
            ]),
            [Body, PullQuote, Subheading, Body]
        );
    }
}
