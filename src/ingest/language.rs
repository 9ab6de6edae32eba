//! Language and direction of text: base direction from the first strong character
//! (Unicode bidi rules P2–P3) and a small script-plus-stopword language guess.

use crate::model::Direction;

/// Base direction of a paragraph from its first strong character, skipping
/// isolates; `None` when it has none (digits, punctuation, empty).
#[must_use]
pub fn base_direction(text: &str) -> Option<Direction> {
    match unicode_bidi::get_base_direction(text) {
        unicode_bidi::Direction::Ltr => Some(Direction::Ltr),
        unicode_bidi::Direction::Rtl => Some(Direction::Rtl),
        unicode_bidi::Direction::Mixed => None,
    }
}

/// Writing systems counted by [`detect_language`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Arabic,
    Hebrew,
    Latin,
    Cyrillic,
    Greek,
    Han,
    Kana,
    Hangul,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c {
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Script::Arabic,
        '\u{0590}'..='\u{05FF}' => Script::Hebrew,
        'a'..='z' | 'A'..='Z' | '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{0400}'..='\u{04FF}' => Script::Cyrillic,
        '\u{0370}'..='\u{03FF}' => Script::Greek,
        '\u{3040}'..='\u{30FF}' => Script::Kana,
        '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' => Script::Hangul,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => Script::Han,
        _ => Script::Other,
    })
}

/// Short, frequent words that tell Latin-script languages apart.
const STOPWORDS: &[(&str, &[&str])] = &[
    ("en", &["the", "and", "of", "to", "in", "that", "is", "was", "said", "with", "for", "on"]),
    ("fr", &["le", "la", "les", "et", "des", "du", "un", "une", "est", "dans", "que", "pour"]),
    ("es", &["el", "la", "los", "las", "y", "del", "que", "en", "un", "una", "por", "con"]),
    ("de", &["der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "zu", "ein", "sich"]),
    ("it", &["il", "di", "che", "e", "la", "per", "un", "non", "della", "sono", "gli", "nel"]),
    ("pt", &["o", "os", "de", "que", "e", "do", "da", "em", "um", "uma", "não", "com"]),
    ("tr", &["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "ama", "gibi", "daha"]),
];

/// Guess the language of `text` as an ISO 639-1 code: `"ar"`, `"en"`, `"fr"` …, or
/// `"und"` when there is too little text to tell.
///
/// The majority script decides first (Arabic script is Arabic unless Persian or Urdu
/// letters dominate, Hebrew is `he`, Cyrillic `ru`…); Latin-script text is told
/// apart by counting common function words.
#[must_use]
pub fn detect_language(text: &str) -> String {
    let mut counts = [0usize; 9];
    let mut persian = 0usize;
    let mut urdu = 0usize;
    // The first 20,000 letters are plenty to tell a language.
    for c in text.chars().filter(|c| !c.is_ascii_punctuation() && !c.is_whitespace()).take(20_000) {
        let Some(script) = script_of(c) else { continue };
        if let Some(slot) = counts.get_mut(script as usize) {
            *slot += 1;
        }
        match c {
            'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => persian += 1,
            'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ھ' => urdu += 1,
            _ => {}
        }
    }
    let total: usize = counts.iter().sum();
    if total < 3 {
        return "und".to_owned();
    }
    let scripts = [
        Script::Arabic,
        Script::Hebrew,
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Han,
        Script::Kana,
        Script::Hangul,
        Script::Other,
    ];
    let Some(&major) =
        scripts.iter().max_by_key(|s| counts.get(**s as usize).copied().unwrap_or(0))
    else {
        return "und".to_owned();
    };
    let arabic = counts.first().copied().unwrap_or(0);
    let code = match major {
        Script::Arabic if urdu * 50 > arabic && urdu >= 3 => "ur",
        Script::Arabic if persian * 30 > arabic && persian >= 3 => "fa",
        Script::Arabic => "ar",
        Script::Hebrew => "he",
        Script::Latin => return latin_language(text),
        Script::Cyrillic => "ru",
        Script::Greek => "el",
        Script::Han if counts.get(Script::Kana as usize).copied().unwrap_or(0) > 0 => "ja",
        Script::Han => "zh",
        Script::Kana => "ja",
        Script::Hangul => "ko",
        Script::Other => "und",
    };
    code.to_owned()
}

fn latin_language(text: &str) -> String {
    let mut scores = vec![0usize; STOPWORDS.len()];
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(5000) {
        let word = word.to_lowercase();
        for (index, (_, words)) in STOPWORDS.iter().enumerate() {
            if words.contains(&word.as_str())
                && let Some(score) = scores.get_mut(index)
            {
                *score += 1;
            }
        }
    }
    let best = scores.iter().enumerate().max_by_key(|(_, score)| **score);
    match best {
        Some((index, score)) if *score > 0 => {
            STOPWORDS.get(index).map_or("und", |(code, _)| *code).to_owned()
        }
        // Latin letters with no known function words: most likely a name or a
        // credit line; English is the safest reading for the app's two tracks.
        _ => "en".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_from_first_strong_character() {
        assert_eq!(base_direction("07-يوليو-2023"), Some(Direction::Rtl));
        assert_eq!(base_direction("gettyimages"), Some(Direction::Ltr));
        assert_eq!(base_direction("\"إن بي سي\" NBC"), Some(Direction::Rtl));
        assert_eq!(base_direction("2023-07-07"), None);
        assert_eq!(base_direction(""), None);
    }

    #[test]
    fn languages() {
        assert_eq!(detect_language("قال متحدث باسم وزارة الخارجية الأميركية"), "ar");
        assert_eq!(detect_language("The spokesperson said that the talks were secret."), "en");
        assert_eq!(detect_language("Le ministre a dit que les discussions sont secrètes."), "fr");
        assert_eq!(
            detect_language("Der Sprecher sagte, dass die Gespräche nicht stattfanden."),
            "de"
        );
        assert_eq!(
            detect_language("سخنگوی وزارت خارجه گفت که این گفتگوها پنهانی بود و چیزی"),
            "fa"
        );
        assert_eq!(detect_language("Министр сказал"), "ru");
        assert_eq!(detect_language("12"), "und");
    }

    #[test]
    fn mixed_arabic_with_english_names_is_arabic() {
        assert_eq!(detect_language("أفادت شبكة NBC News نقلًا عن مسؤولين أمريكيين سابقين"), "ar");
    }
}
