//! Publication dates as news sources write them: ISO 8601 and RFC 2822 stamps,
//! English ("July 7, 2023 09:40 GMT", "8 July 2023"), Arabic month names in the
//! Levantine/Iraqi (تشرين الثاني), Egyptian/Gulf (يوليو) and Maghreb (جويلية)
//! series, Eastern Arabic digits (٢٣), and numeric `06-07-2023` (day first unless
//! the source says otherwise).
//!
//! Matching runs on [`crate::analysis::fold`]ed text, so hamza forms, ta marbuta,
//! Arabic-Indic digits and letter case need no variants in the tables.

use std::sync::OnceLock;

use regex::{Captures, Regex};

use crate::analysis::fold;
use crate::model::PubDate;

/// How to read an ambiguous all-numeric date such as `06-07-2023`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateOrder {
    /// `06-07-2023` is 6 July (Arabic and most non-US sources).
    #[default]
    DayFirst,
    /// `06-07-2023` is June 7 (sources marked `en-US`).
    MonthFirst,
}

/// Month names, one row per month, in their usual spellings (folded at start-up).
const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "يناير", "كانون الثاني", "جانفي", "ينير"],
    &["february", "feb", "فبراير", "شباط", "فيفري", "فبرير"],
    &["march", "mar", "مارس", "آذار"],
    &["april", "apr", "أبريل", "إبريل", "نيسان", "أفريل"],
    &["may", "مايو", "أيار", "ماي"],
    &["june", "jun", "يونيو", "يونيه", "حزيران", "جوان"],
    &["july", "jul", "يوليو", "يوليه", "تموز", "جويلية", "يوليوز"],
    &["august", "aug", "أغسطس", "آب", "أوت", "غشت"],
    &["september", "sept", "sep", "سبتمبر", "أيلول", "شتنبر"],
    &["october", "oct", "أكتوبر", "تشرين الأول", "اكتوبر"],
    &["november", "nov", "نوفمبر", "تشرين الثاني", "نونبر"],
    &["december", "dec", "ديسمبر", "كانون الأول", "دجنبر"],
];

/// Zone words and what they resolve to (folded spellings).
const ZONES: &[(&str, &str)] = &[
    ("gmt", "GMT"),
    ("utc", "UTC"),
    ("z", "UTC"),
    ("bst", "+01:00"),
    ("cet", "+01:00"),
    ("cest", "+02:00"),
    ("eet", "+02:00"),
    ("eest", "+03:00"),
    ("msk", "+03:00"),
    ("ast", "+03:00"),
    ("est", "-05:00"),
    ("edt", "-04:00"),
    ("et", "America/New_York"),
    ("pst", "-08:00"),
    ("pdt", "-07:00"),
    ("بتوقيت غرينتش", "GMT"),
    ("بتوقيت جرينتش", "GMT"),
    ("بتوقيت غرينيتش", "GMT"),
    ("بتوقيت مكة", "+03:00"),
    ("بتوقيت مكة المكرمة", "+03:00"),
    ("بتوقيت السعودية", "+03:00"),
    ("بتوقيت بغداد", "+03:00"),
    ("بتوقيت الدوحة", "+03:00"),
    ("بتوقيت موسكو", "+03:00"),
    ("بتوقيت القاهرة", "Africa/Cairo"),
    ("بتوقيت بيروت", "Asia/Beirut"),
    ("بتوقيت دمشق", "+03:00"),
    ("بتوقيت القدس", "Asia/Jerusalem"),
    ("بتوقيت الإمارات", "+04:00"),
    ("بتوقيت أبوظبي", "+04:00"),
    ("بتوقيت الرباط", "Africa/Casablanca"),
    ("بتوقيت تونس", "+01:00"),
    ("بتوقيت الجزائر", "+01:00"),
];

struct Patterns {
    iso: Regex,
    day_month_year: Regex,
    month_day_year: Regex,
    numeric: Regex,
    year_first: Regex,
    time: Regex,
    month_of: Vec<(String, u8)>,
    zone_of: Vec<(String, &'static str)>,
}

fn patterns() -> Option<&'static Patterns> {
    static PATTERNS: OnceLock<Option<Patterns>> = OnceLock::new();
    PATTERNS.get_or_init(build_patterns).as_ref()
}

fn alternation(words: impl Iterator<Item = String>) -> String {
    let mut words: Vec<String> = words.collect();
    // Longest first so "ماي" never wins over "مايو".
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.dedup();
    words.iter().map(|w| regex::escape(w).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
}

fn build_patterns() -> Option<Patterns> {
    let mut month_of = Vec::new();
    for (index, names) in MONTHS.iter().enumerate() {
        for name in *names {
            month_of.push((fold(name), u8::try_from(index + 1).ok()?));
        }
    }
    let zone_of: Vec<(String, &'static str)> =
        ZONES.iter().map(|(word, zone)| (fold(word), *zone)).collect();
    let month = alternation(month_of.iter().map(|(name, _)| name.clone()));
    let zone = alternation(zone_of.iter().map(|(word, _)| word.clone()));
    // A second month name in another series, e.g. "نيسان/أبريل" or "تموز (يوليو)".
    let month_alt = format!(r"(?:\s*[/(]\s*(?:{month})\s*\)?)?");
    let day_month_year = format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?[\s\-/.,]*(?:of\s+)?({month})\.?{month_alt}[\s\-/.,]*(\d{{4}})\b"
    );
    let month_day_year =
        format!(r"\b({month})\.?{month_alt}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b");
    let time = format!(
        r"^[\s,|\-–@]*(?:at\s+|الساعه\s+|في\s+تمام\s+الساعه\s+)?(\d{{1,2}})[:.](\d{{2}})(?::\d{{2}}(?:\.\d+)?)?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?|صباحا|مساء|مساءا|ص\b|م\b)?\s*(?:\(?\s*((?:gmt|utc)\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?|[+-]\d{{2}}:?\d{{2}}|{zone})\b\)?)?"
    );
    Some(Patterns {
        iso: Regex::new(
            r"\b(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?)?",
        )
        .ok()?,
        day_month_year: Regex::new(&day_month_year).ok()?,
        month_day_year: Regex::new(&month_day_year).ok()?,
        numeric: Regex::new(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b").ok()?,
        year_first: Regex::new(r"\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b").ok()?,
        time: Regex::new(&time).ok()?,
        month_of,
        zone_of,
    })
}

/// Parse the first date in `text`, reading all-numeric dates day first.
///
/// ```text
/// 07-يوليو-2023 · ٢٣ تشرين الثاني ٢٠٢٠ · 06-07-2023 · July 7, 2023 09:40 GMT
/// 8 July 2023 · 2023-07-07T09:40:00+03:00 · Fri, 07 Jul 2023 09:40:00 +0000
/// ```
#[must_use]
pub fn parse_date(text: &str) -> Option<PubDate> {
    parse_date_with(text, DateOrder::DayFirst)
}

/// Parse the first date in `text`; `order` decides ambiguous numeric dates.
#[must_use]
pub fn parse_date_with(text: &str, order: DateOrder) -> Option<PubDate> {
    let patterns = patterns()?;
    let folded = fold(text);
    let mut best: Option<(usize, usize, PubDate)> = None;
    let mut consider = |start: usize, end: usize, date: Option<PubDate>| {
        if let Some(date) = date
            && best.as_ref().is_none_or(|(s, _, _)| start < *s)
        {
            best = Some((start, end, date));
        }
    };
    for caps in patterns.iso.captures_iter(&folded) {
        let (start, end) = span(&caps);
        consider(start, end, iso_date(&caps));
    }
    for caps in patterns.day_month_year.captures_iter(&folded) {
        let (start, end) = span(&caps);
        let month = month_number(patterns, caps.get(2)?.as_str());
        consider(start, end, ymd(num(&caps, 3), month, num(&caps, 1)));
    }
    for caps in patterns.month_day_year.captures_iter(&folded) {
        let (start, end) = span(&caps);
        let month = month_number(patterns, caps.get(1)?.as_str());
        consider(start, end, ymd(num(&caps, 3), month, num(&caps, 2)));
    }
    for caps in patterns.year_first.captures_iter(&folded) {
        let (start, end) = span(&caps);
        consider(start, end, ymd(num(&caps, 1), num(&caps, 2), num(&caps, 3)));
    }
    for caps in patterns.numeric.captures_iter(&folded) {
        let (start, end) = span(&caps);
        consider(start, end, numeric_date(num(&caps, 1), num(&caps, 2), num(&caps, 3), order));
    }
    let (_, end, mut date) = best?;
    if date.time.is_none()
        && let Some(rest) = folded.get(end..)
    {
        add_time(patterns, rest, &mut date);
    }
    Some(date)
}

fn span(caps: &Captures<'_>) -> (usize, usize) {
    caps.get(0).map_or((usize::MAX, usize::MAX), |m| (m.start(), m.end()))
}

fn num(caps: &Captures<'_>, index: usize) -> Option<u32> {
    caps.get(index)?.as_str().parse().ok()
}

fn month_number(patterns: &Patterns, name: &str) -> Option<u32> {
    let name: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let name = name.trim_end_matches('.');
    patterns.month_of.iter().find(|(n, _)| n == name).map(|(_, m)| u32::from(*m))
}

/// A valid calendar date between 1900 and 2100, or nothing.
fn ymd(year: Option<u32>, month: Option<u32>, day: Option<u32>) -> Option<PubDate> {
    let year = i16::try_from(year?).ok().filter(|y| (1900..=2100).contains(y))?;
    let month = i8::try_from(month?).ok()?;
    let day = i8::try_from(day?).ok()?;
    jiff::civil::Date::new(year, month, day).ok()?;
    Some(PubDate {
        year,
        month: u8::try_from(month).ok()?,
        day: u8::try_from(day).ok()?,
        time: None,
        zone: None,
    })
}

fn numeric_date(
    first: Option<u32>,
    second: Option<u32>,
    year: Option<u32>,
    order: DateOrder,
) -> Option<PubDate> {
    let (first, second) = (first?, second?);
    let (day, month) = match order {
        DateOrder::DayFirst if second <= 12 => (first, second),
        DateOrder::MonthFirst if first <= 12 => (second, first),
        // The other reading is the only valid one ("13-07-2023" month first).
        DateOrder::DayFirst | DateOrder::MonthFirst => (second, first),
    };
    ymd(year, Some(month), Some(day))
}

fn iso_date(caps: &Captures<'_>) -> Option<PubDate> {
    let mut date = ymd(num(caps, 1), num(caps, 2), num(caps, 3))?;
    if let (Some(hour), Some(minute)) = (num(caps, 4), num(caps, 5))
        && hour < 24
        && minute < 60
    {
        date.time = Some((u8::try_from(hour).ok()?, u8::try_from(minute).ok()?));
        date.zone = caps.get(6).map(|z| zone_name(z.as_str()));
    }
    Some(date)
}

/// `z` → `UTC`, `+0300` → `+03:00`.
fn zone_name(zone: &str) -> String {
    let zone = zone.trim();
    if zone.eq_ignore_ascii_case("z") {
        return "UTC".to_owned();
    }
    let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
    match (zone.chars().next(), digits.len()) {
        (Some(sign @ ('+' | '-')), 4) => {
            format!("{sign}{}:{}", digits.get(..2).unwrap_or("00"), digits.get(2..).unwrap_or("00"))
        }
        (Some(sign @ ('+' | '-')), 1 | 2) => format!("{sign}{digits:0>2}:00"),
        _ => zone.to_owned(),
    }
}

/// Attach a time of day written right after the date ("09:40 GMT", "9.40 a.m.").
fn add_time(patterns: &Patterns, rest: &str, date: &mut PubDate) {
    let Some(caps) = patterns.time.captures(rest) else { return };
    let (Some(mut hour), Some(minute)) = (num(&caps, 1), num(&caps, 2)) else { return };
    let meridiem = caps.get(3).map(|m| m.as_str().replace(['.', ' '], ""));
    match meridiem.as_deref() {
        Some("pm" | "مساء" | "مساءا" | "م") if hour < 12 => hour += 12,
        Some("am" | "صباحا" | "ص") if hour == 12 => hour = 0,
        _ => {}
    }
    if hour >= 24 || minute >= 60 {
        return;
    }
    let (Ok(hour), Ok(minute)) = (u8::try_from(hour), u8::try_from(minute)) else { return };
    date.time = Some((hour, minute));
    date.zone = caps.get(4).map(|z| {
        let written: String = z.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some((_, zone)) = patterns.zone_of.iter().find(|(word, _)| *word == written) {
            (*zone).to_owned()
        } else if let Some(offset) = written.strip_prefix("gmt").or(written.strip_prefix("utc")) {
            zone_name(&offset.replace(' ', ""))
        } else {
            zone_name(&written)
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(text: &str) -> Option<String> {
        parse_date(text).map(|d| d.iso())
    }

    #[test]
    fn seed_dateline() {
        assert_eq!(iso("07-يوليو-2023").as_deref(), Some("2023-07-07"));
    }

    #[test]
    fn arabic_months_and_digits() {
        assert_eq!(iso("٢٣ تشرين الثاني ٢٠٢٠").as_deref(), Some("2020-11-23"));
        assert_eq!(iso("نُشر في 3 نيسان/أبريل 2024").as_deref(), Some("2024-04-03"));
        assert_eq!(iso("الجمعة 7 جويلية 2023").as_deref(), Some("2023-07-07"));
        assert_eq!(iso("12 آب 2021").as_deref(), Some("2021-08-12"));
        assert_eq!(iso("1 ماي 2022").as_deref(), Some("2022-05-01"));
        assert_eq!(iso("1 مايو 2022").as_deref(), Some("2022-05-01"));
        assert_eq!(iso("5 كانون الأول 2019").as_deref(), Some("2019-12-05"));
    }

    #[test]
    fn numeric_is_day_first_unless_told() {
        assert_eq!(iso("06-07-2023").as_deref(), Some("2023-07-06"));
        assert_eq!(
            parse_date_with("06-07-2023", DateOrder::MonthFirst).map(|d| d.iso()).as_deref(),
            Some("2023-06-07")
        );
        assert_eq!(iso("07/13/2023").as_deref(), Some("2023-07-13"));
        assert_eq!(iso("2023/07/06").as_deref(), Some("2023-07-06"));
    }

    #[test]
    fn english_with_time_and_zone() {
        assert_eq!(iso("July 7, 2023 09:40 GMT").as_deref(), Some("2023-07-07 09:40 GMT"));
        assert_eq!(iso("8 July 2023").as_deref(), Some("2023-07-08"));
        assert_eq!(
            iso("Updated Jul. 7, 2023 at 9:40 p.m. ET").as_deref(),
            Some("2023-07-07 21:40 America/New_York")
        );
        assert_eq!(
            iso("Fri, 07 Jul 2023 09:40:00 +0300").as_deref(),
            Some("2023-07-07 09:40 +03:00")
        );
    }

    #[test]
    fn iso_stamps() {
        assert_eq!(iso("2023-07-07T09:40:00Z").as_deref(), Some("2023-07-07 09:40 UTC"));
        assert_eq!(
            iso("2023-07-07T09:40:00.000+03:00").as_deref(),
            Some("2023-07-07 09:40 +03:00")
        );
        assert_eq!(iso("2023-07-07").as_deref(), Some("2023-07-07"));
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(iso("gettyimages"), None);
        assert_eq!(iso("31-02-2023"), None);
        assert_eq!(iso("19 ذو الحجة 1444"), None);
        assert_eq!(iso("قال 6 مسؤولين"), None);
        assert_eq!(iso(""), None);
    }

    #[test]
    fn hijri_then_gregorian_takes_gregorian() {
        assert_eq!(
            iso("الجمعة 19 ذو الحجة 1444 هـ الموافق 7 يوليو 2023").as_deref(),
            Some("2023-07-07")
        );
    }

    #[test]
    fn arabic_time_after_date() {
        assert_eq!(
            iso("7 يوليو 2023 الساعة 09:40 بتوقيت مكة").as_deref(),
            Some("2023-07-07 09:40 +03:00")
        );
        assert_eq!(iso("7/7/2023 - 3:15 م").as_deref(), Some("2023-07-07 15:15"));
    }
}
