//! An imported article: its normalised text, paragraphs and metadata.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{ArticleId, CharRange};

/// Base direction of a paragraph or article.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Direction {
    /// Left to right (Latin, digits).
    #[default]
    Ltr,
    /// Right to left (Arabic, Hebrew).
    Rtl,
}

/// What a paragraph is, so headlines and captions are not mistaken for statements.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ParagraphRole {
    /// The article's headline.
    Headline,
    /// A heading inside the article body.
    Subheading,
    /// Date, dateline or byline line.
    Byline,
    /// Photo caption or photo credit.
    Caption,
    /// A pull quote: a paragraph that repeats text from the body for display.
    PullQuote,
    /// Ordinary body text.
    #[default]
    Body,
}

impl ParagraphRole {
    /// True for roles whose text is analysed for statements by default.
    #[must_use]
    pub fn is_body(self) -> bool {
        matches!(self, ParagraphRole::Body)
    }
}

/// One paragraph of an article: a character range of [`Article::text`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Characters of the paragraph (no trailing newline).
    pub range: CharRange,
    /// Headline, caption, body …
    pub role: ParagraphRole,
    /// Base direction from the paragraph's first strong character.
    pub direction: Direction,
}

/// A publication date as the source gave it; time and zone when known.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PubDate {
    /// Year, e.g. 2023.
    pub year: i16,
    /// Month 1–12.
    pub month: u8,
    /// Day of month 1–31.
    pub day: u8,
    /// Hour and minute, when the source gives them.
    pub time: Option<(u8, u8)>,
    /// Zone as written or resolved, e.g. `"+03:00"`, `"GMT"`, `"UTC"`.
    pub zone: Option<String>,
}

impl PubDate {
    /// The moment this date denotes: midnight when no time is given; the zone when it
    /// is an offset (`+03:00`, `-0500`) or UTC/GMT, else UTC. `None` for an invalid date.
    #[must_use]
    pub fn timestamp(&self) -> Option<jiff::Timestamp> {
        let (hour, minute) = self.time.unwrap_or((0, 0));
        let date = jiff::civil::Date::new(self.year, self.month as i8, self.day as i8).ok()?;
        let time = jiff::civil::Time::new(hour as i8, minute as i8, 0, 0).ok()?;
        let offset = self.zone.as_deref().and_then(parse_offset).unwrap_or(jiff::tz::Offset::UTC);
        offset.to_timestamp(date.to_datetime(time)).ok()
    }

    /// ISO-8601 form: `2023-07-07`, or `2023-07-07 14:05 +03:00` when time is known.
    #[must_use]
    pub fn iso(&self) -> String {
        let mut out = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m)) = self.time {
            let _ = write!(out, " {h:02}:{m:02}");
            if let Some(zone) = &self.zone {
                out.push(' ');
                out.push_str(zone);
            }
        }
        out
    }
}

/// Parse `+03:00`, `-0500`, `+3`, `UTC`, `GMT`, `Z` (also with a `GMT`/`UTC` prefix).
fn parse_offset(zone: &str) -> Option<jiff::tz::Offset> {
    let zone = zone.trim();
    let rest = zone.strip_prefix("GMT").or_else(|| zone.strip_prefix("UTC")).unwrap_or(zone).trim();
    if rest.is_empty() || rest == "Z" {
        return Some(jiff::tz::Offset::UTC);
    }
    let (sign, digits) = match rest.chars().next()? {
        '+' => (1, rest.get(1..)?),
        '-' | '−' => (-1, rest.get(rest.chars().next()?.len_utf8()..)?),
        _ => return None,
    };
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, m)) => (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?),
        None if digits.len() == 4 => {
            (digits.get(..2)?.parse().ok()?, digits.get(2..)?.parse().ok()?)
        }
        None => (digits.parse().ok()?, 0),
    };
    if hours > 14 || minutes > 59 {
        return None;
    }
    jiff::tz::Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

/// The file format an article came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceFormat {
    /// Plain text.
    #[default]
    PlainText,
    /// Markdown.
    Markdown,
    /// An HTML page.
    Html,
    /// Text pasted from the clipboard.
    Clipboard,
}

/// Where an article's text came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Path of the original file, when imported from one.
    pub path: Option<String>,
    /// SHA-256 of the original bytes, lowercase hex.
    pub sha256: String,
    /// Size of the original file in bytes.
    pub size_bytes: u64,
    /// Format the text was extracted from.
    pub format: SourceFormat,
    /// Encoding used to decode the bytes (WHATWG name, e.g. `"windows-1256"`).
    pub encoding: String,
    /// True when the encoding was chosen by the analyst rather than detected.
    pub encoding_overridden: bool,
    /// When the article was imported (RFC 3339).
    pub imported: Option<jiff::Timestamp>,
}

/// Editable descriptive fields of an article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// The headline (never a date or credit line).
    pub title: String,
    /// The outlet that published it, e.g. `"Reuters"`, `"الجزيرة نت"`.
    pub outlet: Option<String>,
    /// The article's address, as found in the source.
    pub url: Option<String>,
    /// Author or byline.
    pub author: Option<String>,
    /// Publication date.
    pub published: Option<PubDate>,
    /// Language code (`"ar"`, `"en"`, …).
    pub language: String,
    /// Base direction the analyst forced for the whole article, overriding each
    /// paragraph's own.
    pub direction_override: Option<Direction>,
}

/// An imported article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Project-wide id.
    pub id: ArticleId,
    /// Title, outlet, date …
    pub meta: ArticleMeta,
    /// The normalised text: paragraphs joined by `'\n'`, no `'\r'`, no U+2029.
    pub text: String,
    /// The paragraphs, in order, covering `text` except the separating newlines.
    pub paragraphs: Vec<Paragraph>,
    /// Where the text came from.
    pub source: SourceInfo,
}

impl Article {
    /// Number of characters of the stored text.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// The text of `range` (clamped).
    #[must_use]
    pub fn slice(&self, range: CharRange) -> &str {
        super::char_slice(&self.text, range.start, range.end)
    }

    /// Direction to lay out paragraph `index` with, honouring the override.
    #[must_use]
    pub fn paragraph_direction(&self, index: usize) -> Direction {
        self.meta
            .direction_override
            .or_else(|| self.paragraphs.get(index).map(|p| p.direction))
            .unwrap_or_default()
    }

    /// Index of the paragraph containing character `offset`.
    #[must_use]
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let idx = self.paragraphs.partition_point(|p| p.range.end < offset);
        self.paragraphs
            .get(idx)
            .filter(|p| p.range.start <= offset && offset <= p.range.end)
            .map(|_| idx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(time: Option<(u8, u8)>, zone: Option<&str>) -> PubDate {
        PubDate { year: 2023, month: 7, day: 7, time, zone: zone.map(str::to_owned) }
    }

    #[test]
    fn publication_dates_become_instants_with_their_zone() {
        let utc: jiff::Timestamp = "2023-07-07T09:40:00Z".parse().unwrap();
        assert_eq!(date(Some((9, 40)), Some("GMT")).timestamp(), Some(utc));
        assert_eq!(date(Some((12, 40)), Some("+03:00")).timestamp(), Some(utc));
        assert_eq!(date(Some((12, 40)), Some("GMT+3")).timestamp(), Some(utc));
        assert_eq!(date(Some((5, 40)), Some("-0400")).timestamp(), Some(utc));
        assert_eq!(date(Some((9, 40)), Some("Asia/Nowhere")).timestamp(), Some(utc));
        let midnight: jiff::Timestamp = "2023-07-07T00:00:00Z".parse().unwrap();
        assert_eq!(date(None, None).timestamp(), Some(midnight));
        assert_eq!(PubDate { month: 2, day: 30, ..date(None, None) }.timestamp(), None);
    }
}
