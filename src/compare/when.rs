//! When a statement was reported: its article's publication date, as a sortable key.

use crate::model::{ArticleId, Project, PubDate};

/// Minutes since 1970-01-01 00:00 UTC for a publication date, for ordering.
/// A missing time counts as midnight; an unknown zone as UTC.
#[must_use]
pub fn sort_minutes(date: &PubDate) -> i64 {
    let days = days_from_civil(i64::from(date.year), i64::from(date.month), i64::from(date.day));
    let (hour, minute) = date.time.unwrap_or((0, 0));
    let offset = date.zone.as_deref().and_then(zone_offset_minutes).unwrap_or(0);
    days * 24 * 60 + i64::from(hour) * 60 + i64::from(minute) - offset
}

/// Ordering key: earlier first; at the same minute a date with a time comes first
/// (it is more precise).
#[must_use]
pub fn sort_key(date: &PubDate) -> (i64, bool) {
    (sort_minutes(date), date.time.is_none())
}

/// Ordering key of an article by publication (undated articles last, then by id).
#[must_use]
pub fn article_sort_key(project: &Project, article: ArticleId) -> ((i64, bool), ArticleId) {
    let date = project.articles.get(&article).and_then(|a| a.meta.published.as_ref());
    (date.map_or((i64::MAX, true), sort_key), article)
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Offset east of UTC in minutes for zones like `+03:00`, `+0300`, `GMT+3`, `UTC`.
fn zone_offset_minutes(zone: &str) -> Option<i64> {
    let zone = zone.trim();
    let upper = zone.to_ascii_uppercase();
    let rest =
        upper.strip_prefix("UTC").or_else(|| upper.strip_prefix("GMT")).unwrap_or(&upper).trim();
    if rest.is_empty() || rest == "Z" {
        return Some(0);
    }
    let rest = rest.replace('−', "-");
    let (sign, digits) = if let Some(d) = rest.strip_prefix('+') {
        (1, d)
    } else if let Some(d) = rest.strip_prefix('-') {
        (-1, d)
    } else {
        return None;
    };
    let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i64>().ok()?, 0),
        3 | 4 => {
            let split = digits.len() - 2;
            (digits.get(..split)?.parse::<i64>().ok()?, digits.get(split..)?.parse::<i64>().ok()?)
        }
        _ => return None,
    };
    Some(sign * (hours * 60 + minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: u8, time: Option<(u8, u8)>, zone: Option<&str>) -> PubDate {
        PubDate { year: 2023, month: 7, day, time, zone: zone.map(str::to_owned) }
    }

    #[test]
    fn zones_shift_times_to_utc() {
        assert_eq!(sort_minutes(&date(7, Some((12, 0)), Some("+03:00"))), {
            sort_minutes(&date(7, Some((9, 0)), Some("UTC")))
        });
        assert_eq!(
            sort_minutes(&date(7, Some((9, 40)), Some("GMT"))),
            sort_minutes(&date(7, Some((11, 40)), Some("GMT+2")))
        );
        assert_eq!(zone_offset_minutes("-0530"), Some(-330));
        assert_eq!(zone_offset_minutes("EST"), None);
    }

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert!(sort_key(&date(6, None, None)) < sort_key(&date(7, Some((0, 1)), None)));
        assert!(sort_key(&date(7, Some((0, 0)), None)) < sort_key(&date(7, None, None)));
    }
}
