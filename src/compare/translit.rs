//! Proper names across scripts without a name table: Arabic and Latin spellings
//! reduced to a common consonant *skeleton* (لافروف and Lavrov both give `LFRF`,
//! كوبشان and Kupchan `KBSN`, قاسم and Qassem `KSM`).
//!
//! Vowels, long-vowel letters (ا و ي), ع and hamza are dropped; letters that
//! transliterations mix up share a class (p/b, v/f, q/k/kh, g/j/gh, s/z/ص/ث);
//! digraphs (sh, kh, th, ch …) count as one letter and doubled letters once; a
//! final h (ة, ه, ح, -ah) is dropped. Two words with the same skeleton of at least
//! [`MIN_SKELETON`] classes are taken as spellings of one name when one is Latin
//! and capitalised and the other Arabic — see [`NameLinks`].

use super::hash::FastSet;

/// Fewest consonant classes for a skeleton to link two spellings.
pub(crate) const MIN_SKELETON: usize = 2;

/// The skeleton of a folded Latin word (lower case), or `None` when too short.
pub(crate) fn latin(word: &str) -> Option<String> {
    let letters: Vec<char> = word.chars().filter_map(plain_latin).collect();
    let mut out = String::new();
    let mut index = 0;
    let mut previous: Option<char> = None;
    while let Some(&c) = letters.get(index) {
        let next = letters.get(index + 1).copied();
        let (class, width) = match (c, next) {
            ('s', Some('c')) if letters.get(index + 2) == Some(&'h') => (Some('S'), 3),
            ('s' | 'c', Some('h')) => (Some('X'), 2),
            ('k', Some('h')) | ('c', Some('k')) | ('q', Some('u')) => (Some('K'), 2),
            ('g' | 'z', Some('h')) => (Some('G'), 2),
            ('p', Some('h')) => (Some('F'), 2),
            ('t' | 'd', Some('h')) => (Some(if c == 't' { 'T' } else { 'D' }), 2),
            ('c', Some('e' | 'i' | 'y')) => (Some('S'), 1),
            _ if previous == Some(c) => (None, 1),
            _ => (latin_class(c), 1),
        };
        if let Some(class) = class {
            out.push(class);
            if c == 'x' {
                out.push('S');
            }
        }
        previous = Some(c);
        index += width;
    }
    finish(out)
}

/// The skeleton of a folded Arabic word (no article), or `None` when too short.
pub(crate) fn arabic(word: &str) -> Option<String> {
    let letters: Vec<char> = word.chars().collect();
    let mut out = String::new();
    let mut index = 0;
    let mut previous: Option<char> = None;
    while let Some(&c) = letters.get(index) {
        let next = letters.get(index + 1).copied();
        let (class, width) = match (c, next) {
            // تش renders "ch" (تشارلز Charles).
            ('ت', Some('ش')) => (Some('X'), 2),
            _ if previous == Some(c) => (None, 1),
            _ => (arabic_class(c), 1),
        };
        if let Some(class) = class {
            out.push(class);
        }
        previous = Some(c);
        index += width;
    }
    finish(out)
}

fn finish(mut skeleton: String) -> Option<String> {
    if skeleton.ends_with('H') {
        skeleton.pop();
    }
    (skeleton.chars().count() >= MIN_SKELETON).then_some(skeleton)
}

/// A Latin letter without its accent, lower case; `None` for anything else.
fn plain_latin(c: char) -> Option<char> {
    let plain = match c {
        'a'..='z' => c,
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ş' | 'ṣ' => 's',
        'ž' => 'z',
        'ğ' => 'g',
        'ḥ' => 'h',
        'ṭ' => 't',
        'ḍ' => 'd',
        _ => return None,
    };
    Some(plain)
}

fn latin_class(c: char) -> Option<char> {
    let class = match c {
        'b' | 'p' => 'B',
        't' => 'T',
        'd' => 'D',
        's' | 'z' => 'S',
        'c' | 'k' | 'q' | 'x' => 'K',
        'g' | 'j' => 'G',
        'f' | 'v' => 'F',
        'h' => 'H',
        'l' => 'L',
        'm' => 'M',
        'n' => 'N',
        'r' => 'R',
        _ => return None,
    };
    Some(class)
}

fn arabic_class(c: char) -> Option<char> {
    let class = match c {
        'ب' | 'پ' => 'B',
        'ت' | 'ط' | 'ث' => 'T',
        'د' | 'ذ' | 'ض' => 'D',
        'س' | 'ز' | 'ص' | 'ظ' => 'S',
        'ش' | 'چ' => 'X',
        'ك' | 'ق' | 'خ' | 'گ' => 'K',
        'ج' | 'غ' => 'G',
        'ف' | 'ڤ' => 'F',
        'ح' | 'ه' => 'H',
        'ل' => 'L',
        'م' => 'M',
        'ن' => 'N',
        'ر' => 'R',
        _ => return None,
    };
    Some(class)
}

/// Skeletons that occur both as a capitalised Latin word and as an Arabic word
/// somewhere in one project: the names a project spells in both scripts.
#[derive(Clone, Debug, Default)]
pub(crate) struct NameLinks {
    latin: FastSet<String>,
    arabic: FastSet<String>,
    linked: FastSet<String>,
}

impl NameLinks {
    /// Record a capitalised Latin word that may be a name.
    pub fn add_latin(&mut self, skeleton: &str) {
        if !self.latin.contains(skeleton) {
            self.latin.insert(skeleton.to_owned());
        }
    }

    /// Record an Arabic content word.
    pub fn add_arabic(&mut self, skeleton: &str) {
        if !self.arabic.contains(skeleton) {
            self.arabic.insert(skeleton.to_owned());
        }
    }

    /// Compute the links once every word is recorded.
    pub fn finish(&mut self) {
        self.linked = self.latin.intersection(&self.arabic).cloned().collect();
    }

    /// True when the skeleton is spelled in both scripts in the project.
    pub fn is_linked(&self, skeleton: &str) -> bool {
        self.linked.contains(skeleton)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fold;

    fn same(latin_word: &str, arabic_word: &str) -> bool {
        let l = latin(&fold(latin_word));
        let a = arabic(&fold(arabic_word));
        l.is_some() && l == a
    }

    #[test]
    fn names_from_either_script_share_a_skeleton() {
        for (l, a) in [
            ("Lavrov", "لافروف"),
            ("Biden", "بايدن"),
            ("Kupchan", "كوبشان"),
            ("Qassem", "قاسم"),
            ("Haddad", "حداد"),
            ("Keller", "كيلر"),
            ("Bishara", "بشاره"),
            ("Abdullah", "عبدالله"),
            ("Charles", "تشارلز"),
            ("Zelensky", "زيلينسكي"),
            ("Tessalit", "تيساليت"),
            ("Khatib", "خطيب"),
            ("Saleh", "صالح"),
            ("Muscat", "مسقط"),
            ("Oman", "عمان"),
            ("Macron", "ماكرون"),
            ("Erdoğan", "اردوغان"),
        ] {
            assert!(same(l, a), "{l} {a}: {:?} {:?}", latin(&fold(l)), arabic(&fold(a)));
        }
    }

    #[test]
    fn different_names_and_short_words_stay_apart() {
        assert!(!same("Lavrov", "بوتين"));
        assert!(!same("Keller", "كارتر"));
        assert_eq!(latin("wadi"), None);
        assert_eq!(arabic("او"), None);
    }

    #[test]
    fn links_need_both_scripts() {
        let mut links = NameLinks::default();
        links.add_latin("KLR");
        links.add_latin("LFRF");
        links.add_arabic("KLR");
        links.add_arabic("MDN");
        links.finish();
        assert!(links.is_linked("KLR"));
        assert!(!links.is_linked("LFRF"));
        assert!(!links.is_linked("MDN"));
    }
}
