//! What a number in a statement counts — a percentage, money, a duration, an
//! age, a clock time, a day of the month or a plain count — read from the words
//! around it, so that only numbers of the same kind are compared ("two crew
//! members" does not contradict "at 9 a.m.").

use super::tokens::{Class, Token, is_sign};

/// The kind of quantity a number gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum QuantityKind {
    /// A share ("30 percent", "30 في المئة", "30%").
    Percent,
    /// An amount of money ("$3 billion", "1,450 dinars", "45 مليون دولار").
    Money,
    /// A length of time ("five months", "72 ساعة").
    Duration,
    /// Someone's age ("54-year-old", "البالغ من العمر 54 عاما").
    Age,
    /// A time of day ("9 a.m.", "الساعة التاسعة").
    Clock,
    /// A day of the month ("August 12", "12 آب").
    Day,
    /// Anything else: people, ships, rounds …
    Count,
}

/// One number of a statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quantity {
    /// What it counts.
    pub kind: QuantityKind,
    /// Its normalised value.
    pub value: String,
    /// Said not to be the case ("$54 million, not $45 million").
    pub negated: bool,
}

/// Tokens looked at on each side of a number.
const WINDOW: usize = 3;

// Arabic words are folded (ئ → ي, ة → ه, أ → ا).
#[rustfmt::skip]
const PERCENT: &[&str] = &[
    "%", "percent", "percentage", "cent", "الميه", "بالميه", "المايه", "بالمايه", "مئويه",
];
#[rustfmt::skip]
const MONEY: &[&str] = &[
    "$", "€", "£", "dollar", "dollars", "euro", "euros", "pound", "pounds", "dinar", "dinars",
    "riyal", "riyals", "dirham", "dirhams", "lira", "liras", "yuan", "yen", "rouble", "roubles",
    "ruble", "rubles", "دولار", "دولارا", "دولارات", "يورو", "دينار", "دينارا", "جنيه", "جنيها",
    "ريال", "ريالا", "درهم", "درهما", "ليره", "ليرات", "روبل", "يوان",
];
#[rustfmt::skip]
const DURATION: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "دقيقه", "دقايق", "ساعه", "ساعات",
    "يوم", "يوما", "ايام", "اسبوع", "اسبوعا", "اسابيع", "شهر", "شهرا", "اشهر", "شهور", "سنه",
    "سنوات", "عام", "عاما", "اعوام", "عقد", "عقود",
];
#[rustfmt::skip]
const AGE_BEFORE: &[&str] = &["aged", "age", "العمر", "عمره", "عمرها", "عمر"];
#[rustfmt::skip]
const AGE_AFTER: &[&str] = &["old"];
#[rustfmt::skip]
const CLOCK: &[&str] = &[
    "am", "pm", "gmt", "utc", "oclock", "صباحا", "مساء", "ظهرا", "فجرا", "بتوقيت", "الساعه",
];

/// The kind of the number token at `index`.
pub(crate) fn kind_at(tokens: &[Token], index: usize) -> QuantityKind {
    let before: Vec<&Token> =
        tokens.get(index.saturating_sub(WINDOW)..index).unwrap_or(&[]).iter().collect();
    let after: Vec<&Token> = tokens.iter().skip(index + 1).take(WINDOW).collect();
    // Words up to the next number on either side, nearest first.
    let words = |list: &mut dyn Iterator<Item = &&Token>| -> Vec<String> {
        list.take_while(|t| !matches!(t.class, Class::Number(_) | Class::Year(_)))
            .map(|t| t.surface.clone())
            .collect()
    };
    let month = |t: Option<&&Token>| t.is_some_and(|t| matches!(t.class, Class::Month(_)));
    // "12 August", "August 12", "12 آب/أغسطس".
    let short = after.first().is_some_and(|t| t.surface.chars().count() <= 2);
    if month(after.first()) || (short && month(after.get(1))) || month(before.last()) {
        return QuantityKind::Day;
    }
    let next_words = words(&mut after.iter());
    let prev_words = words(&mut before.iter().rev());
    let any = |list: &[String], set: &[&str]| list.iter().any(|w| set.contains(&w.as_str()));
    if any(&next_words, PERCENT) {
        return QuantityKind::Percent;
    }
    if any(&next_words, MONEY) || prev_words.first().is_some_and(|w| is_sign(w) && w != "%") {
        return QuantityKind::Money;
    }
    if any(&prev_words, AGE_BEFORE) || any(&next_words, AGE_AFTER) {
        return QuantityKind::Age;
    }
    let clock_after = match (next_words.first().map(String::as_str), next_words.get(1)) {
        (Some("a" | "p"), Some(m)) => m == "m",
        (Some(w), _) => CLOCK.contains(&w),
        (None, _) => false,
    };
    if clock_after || prev_words.first().is_some_and(|w| w == "الساعه") {
        return QuantityKind::Clock;
    }
    if next_words.first().is_some_and(|w| DURATION.contains(&w.as_str())) {
        return QuantityKind::Duration;
    }
    QuantityKind::Count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tokens::{Vocabulary, analyse, split};

    fn kinds(text: &str) -> Vec<(String, QuantityKind)> {
        let tokens = analyse(&split(text), &Vocabulary::default());
        tokens
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match &t.class {
                Class::Number(n) => Some((n.clone(), kind_at(&tokens, i))),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn numbers_are_read_with_their_units() {
        use QuantityKind::{Age, Clock, Count, Day, Duration, Money, Percent};
        let k = kinds(
            "Two crew members said at 9 a.m. on August 12 that 30% of the $3 billion was spent.",
        );
        assert_eq!(
            k,
            [
                ("2".into(), Count),
                ("9".into(), Clock),
                ("12".into(), Day),
                ("30".into(), Percent),
                ("3".into(), Money)
            ]
        );
        let k = kinds(
            "وكان كيلر البالغ من العمر 54 عاما قد خطف قبل خمسة أشهر، وخفض الدينار 25 في المئة إلى 1450 دينارا",
        );
        assert_eq!(
            k,
            [
                ("54".into(), Age),
                ("5".into(), Duration),
                ("25".into(), Percent),
                ("1450".into(), Money),
            ]
        );
    }
}
