//! Folding text for search and matching, so spelling variants compare equal:
//! letter case, Arabic diacritics (harakat, shadda, sukun, superscript alef),
//! tatweel, alef/hamza forms (أ إ آ ٱ → ا), ى → ي, ة → ه, ؤ → و, ئ → ي, Eastern
//! Arabic and Persian digits → ASCII, and typographic quotes and dashes.

/// Fold `text` for comparison (see the module doc).
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Fold `text` and return, for each character of the folded string, the character
/// offset in `text` it came from (plus one final entry: `text`'s length), so a
/// match in the folded text maps back to the original's character offsets.
#[must_use]
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut count = 0;
    for (index, c) in text.chars().enumerate() {
        fold_char(c, |f| {
            out.push(f);
            map.push(index);
        });
        count = index + 1;
    }
    map.push(count);
    (out, map)
}

/// True for Arabic combining marks that spelling variants drop.
#[must_use]
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

fn fold_char(c: char, mut push: impl FnMut(char)) {
    if is_arabic_mark(c) || c == '\u{0640}' {
        return; // diacritic or tatweel
    }
    let mapped = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ئ' | 'ی' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ک' => 'ك',
        '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10).unwrap_or(c),
        '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10).unwrap_or(c),
        '“' | '”' | '„' | '«' | '»' | '″' => '"',
        '‘' | '’' | '‚' | '′' => '\'',
        '–' | '—' | '‒' | '―' => '-',
        '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
        '\u{200C}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => return,
        _ => {
            // Fast paths: ASCII, and the Arabic block (no letter case).
            if c.is_ascii() {
                push(c.to_ascii_lowercase());
                return;
            }
            if ('\u{0600}'..='\u{06FF}').contains(&c) {
                push(c);
                return;
            }
            if c.is_uppercase() {
                for lower in c.to_lowercase() {
                    push(lower);
                }
                return;
            }
            c
        }
    };
    push(mapped);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_variants_fold_together() {
        assert_eq!(fold("مُطّلِعين"), fold("مطلعين"));
        assert_eq!(fold("إدارة"), fold("اداره"));
        assert_eq!(fold("الأمريكية"), fold("الامريكيه"));
        assert_eq!(fold("مصطفى"), fold("مصطفي"));
        assert_eq!(fold("الـمـحـادثـات"), fold("المحادثات"));
        assert_eq!(fold("٢٠٢٣"), "2023");
        assert_eq!(fold("Lavrov SAID"), "lavrov said");
    }

    #[test]
    fn map_points_back_to_original_characters() {
        let text = "قالَ لافروف";
        let (folded, map) = fold_with_map(text);
        assert_eq!(folded, "قال لافروف");
        let start = folded.chars().position(|c| c == ' ').unwrap();
        assert_eq!(map[start], 4);
        assert_eq!(*map.last().unwrap(), text.chars().count());
    }
}
