//! Word lists for claim matching: stop words, negation cues, number words, months
//! and weekdays, in English and Arabic. Arabic entries are written folded
//! (see [`crate::analysis::fold`]): ا for أ/إ/آ, ي for ى and ئ, ه for ة.

/// English function words that carry no claim content.
#[rustfmt::skip]
pub(crate) const STOP_EN: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "between", "both", "but",
    "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
    "just", "me", "might", "more", "most", "must", "my", "myself", "of", "off", "on", "once",
    "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she",
    "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which",
    "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
    "may", "said", "says", "say", "saying", "told", "tell", "according", "added", "adding",
    "reported", "reports", "report", "reporting", "per", "cent", "whether", "via", "amid",
    "within", "upon", "yet", "mr", "mrs", "ms", "dr", "s", "t", "statement", "asked", "stated",
];

/// Arabic function words (folded) that carry no claim content.
#[rustfmt::skip]
pub(crate) const STOP_AR: &[&str] = &[
    "في", "من", "الي", "علي", "عن", "مع", "ان", "او", "ثم", "قد", "لقد", "كان", "كانت", "يكون",
    "يكن", "تكن", "يكونوا", "نكن", "تكون", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "هن",
    "انه", "انها", "التي", "الذي", "الذين", "اللذين", "اللتين", "التي", "كما", "حيث", "بين",
    "بعد", "قبل", "عند", "عندما", "حول", "خلال", "منذ", "حتي", "لدي", "لكن", "ولكن", "بل", "اي",
    "كل", "بعض", "ايضا", "اذا", "اذ", "وفي", "ومن", "وقد", "كذلك", "فقد", "فيما", "بها", "به",
    "له", "لها", "لهم", "منها", "منه", "عليه", "عليها", "فيه", "فيها", "الا", "اما", "وقال",
    "قال", "قالت", "وقالت", "اضاف", "واضاف", "اضافت", "واضافت", "يقول", "تقول", "وفقا", "ووفقا",
    "بحسب", "وبحسب", "حسب", "وحسب", "نقلا", "نقل", "افاد", "افادت", "وافاد", "وافادت", "اشار",
    "اشارت", "واشار", "واشارت", "ذكر", "ذكرت", "وذكر", "وذكرت", "اكد", "اكدت", "واكد", "واكدت",
    "يمكن", "ضمن", "نحو", "لدى", "وهو", "وهي", "ذات", "الى", "على", "حتى", "هناك", "هنا", "ما",
    "ماذا", "و", "ف", "ب", "ل", "يوم", "اليوم", "الميه", "بالميه", "المايه", "بالمايه",
];

/// English words of attribution boilerplate ("speaking on condition of
/// anonymity", "people familiar with the matter"): they say who speaks, not what.
#[rustfmt::skip]
pub(crate) const ATTRIBUTION_EN: &[&str] = &[
    "anonymity", "condition", "familiar", "matter", "named", "publicly", "citing", "cited",
    "quoted", "quoting", "spoke", "speaking", "sources", "source",
];

/// Arabic words of attribution boilerplate (folded).
#[rustfmt::skip]
pub(crate) const ATTRIBUTION_AR: &[&str] = &[
    "مطلعين", "مطلع", "مطلعه", "هويته", "هويتها", "هويتهما", "هويتهم", "اسمه", "اسمها", "الكشف",
    "شرط", "نقلت", "ونقلت", "كشفت", "وكشفت", "كشف", "مصادر", "مصدر", "المصادر", "مصدرين",
    "المصدران", "مصدران",
];

/// English negation particles: they negate the next content word.
pub(crate) const NEG_PARTICLES_EN: &[&str] = &["not", "never", "nor", "without", "cannot"];

/// English negative determiners and pronouns ("no cargo had been seized",
/// "nobody knew"): they negate the noun and the verb that follow.
pub(crate) const NEG_DETERMINERS_EN: &[&str] =
    &["no", "nobody", "none", "nothing", "neither", "noone"];

/// English verbs of denial: they negate the clause that follows.
pub(crate) const NEG_VERBS_EN: &[&str] =
    &["deny", "denies", "denied", "denying", "refute", "refuted", "refutes"];

/// Arabic negation particles (folded).
#[rustfmt::skip]
pub(crate) const NEG_PARTICLES_AR: &[&str] = &[
    "لم", "ولم", "فلم", "لن", "ولن", "ليس", "وليس", "ليست", "وليست", "لست", "لسنا", "ليسوا",
    "لا", "ولا", "غير", "بدون", "دون", "عدم", "بعدم", "وعدم", "بلا",
];

/// Arabic verbs and nouns of denial (folded).
#[rustfmt::skip]
pub(crate) const NEG_VERBS_AR: &[&str] = &[
    "نفي", "نفت", "ونفي", "ونفت", "ينفي", "تنفي", "نافيا", "نافيه", "نفيا", "تكذيب", "كذب",
    "كذبت", "عار",
];

/// Number words and their values, English and Arabic (folded).
#[rustfmt::skip]
pub(crate) const NUMBER_WORDS: &[(&str, &str)] = &[
    ("one", "1"), ("two", "2"), ("three", "3"), ("four", "4"), ("five", "5"), ("six", "6"),
    ("seven", "7"), ("eight", "8"), ("nine", "9"), ("ten", "10"), ("eleven", "11"),
    ("twelve", "12"), ("thirteen", "13"), ("fourteen", "14"), ("fifteen", "15"),
    ("sixteen", "16"), ("seventeen", "17"), ("eighteen", "18"), ("nineteen", "19"),
    ("twenty", "20"), ("thirty", "30"), ("forty", "40"), ("fifty", "50"), ("hundred", "100"),
    ("dozen", "12"), ("واحد", "1"), ("واحده", "1"), ("اثنان", "2"), ("اثنين", "2"),
    ("اثنتان", "2"), ("اثنتين", "2"), ("ثلاث", "3"), ("ثلاثه", "3"), ("اربع", "4"),
    ("اربعه", "4"), ("خمس", "5"), ("خمسه", "5"), ("ست", "6"), ("سته", "6"), ("سبع", "7"),
    ("سبعه", "7"), ("ثماني", "8"), ("ثمانيه", "8"), ("ثمان", "8"), ("تسع", "9"), ("تسعه", "9"),
    ("عشر", "10"), ("عشره", "10"), ("عشرين", "20"), ("عشرون", "20"), ("ثلاثين", "30"),
    ("ثلاثون", "30"), ("اربعين", "40"), ("اربعون", "40"), ("خمسين", "50"), ("خمسون", "50"),
    ("ستين", "60"), ("ستون", "60"), ("سبعين", "70"), ("سبعون", "70"), ("ثمانين", "80"),
    ("ثمانون", "80"), ("تسعين", "90"), ("تسعون", "90"), ("ميه", "100"), ("مايه", "100"),
    ("ميتين", "200"), ("ميتان", "200"), ("مليوني", "2"), ("مليونين", "2"), ("ملياري", "2"),
    ("مليارين", "2"), ("sixty", "60"), ("seventy", "70"), ("eighty", "80"), ("ninety", "90"),
];

/// Month names (English, Arabic Egyptian/Gulf and Levantine forms), with numbers.
#[rustfmt::skip]
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("jan", 1), ("feb", 2), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
    ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12), ("يناير", 1), ("فبراير", 2),
    ("مارس", 3), ("ابريل", 4), ("مايو", 5), ("يونيو", 6), ("يونيه", 6), ("يوليو", 7),
    ("يوليه", 7), ("اغسطس", 8), ("سبتمبر", 9), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12),
    ("شباط", 2), ("اذار", 3), ("نيسان", 4), ("ايار", 5), ("حزيران", 6), ("تموز", 7),
    ("ايلول", 9),
];

/// Two-word Levantine month names (folded), with numbers.
#[rustfmt::skip]
pub(crate) const MONTHS_TWO_WORDS: &[(&str, &str, u8)] = &[
    ("كانون", "الثاني", 1), ("تشرين", "الاول", 10), ("تشرين", "الثاني", 11),
    ("كانون", "الاول", 12),
];

/// Weekday names, English and Arabic with the article (folded), Monday = 1.
#[rustfmt::skip]
pub(crate) const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5),
    ("saturday", 6), ("sunday", 7), ("الاثنين", 1), ("الثلاثاء", 2), ("الاربعاء", 3),
    ("الخميس", 4), ("الجمعه", 5), ("السبت", 6), ("الاحد", 7),
];

/// English names of months, for messages.
#[rustfmt::skip]
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// English names of weekdays, for messages (Monday first).
pub(crate) const WEEKDAY_NAMES: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// A negation cue's kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Not a cue.
    #[default]
    None,
    /// A particle ("not", "لم").
    Particle,
    /// A negative determiner or pronoun ("no", "nobody").
    Determiner,
    /// A verb of denial ("denied", "نفى").
    Verb,
}

/// Everything the lists above say about one word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    /// A function word or attribution boilerplate.
    pub stop: bool,
    /// A negation cue.
    pub cue: Cue,
    /// Value of a number word.
    pub number: Option<&'static str>,
    /// Month number.
    pub month: Option<u8>,
    /// Weekday number (Monday = 1).
    pub weekday: Option<u8>,
}

/// What the word lists say about `word` (folded), in one hash lookup.
pub(crate) fn info(word: &str) -> WordInfo {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, WordInfo>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: std::collections::HashMap<&'static str, WordInfo> =
            std::collections::HashMap::new();
        for list in [STOP_EN, STOP_AR, ATTRIBUTION_EN, ATTRIBUTION_AR] {
            for w in list {
                table.entry(w).or_default().stop = true;
            }
        }
        for (list, cue) in [
            (NEG_PARTICLES_EN, Cue::Particle),
            (NEG_PARTICLES_AR, Cue::Particle),
            (NEG_DETERMINERS_EN, Cue::Determiner),
            (NEG_VERBS_EN, Cue::Verb),
            (NEG_VERBS_AR, Cue::Verb),
        ] {
            for w in list {
                table.entry(w).or_default().cue = cue;
            }
        }
        for &(w, value) in NUMBER_WORDS {
            table.entry(w).or_default().number = Some(value);
        }
        for &(w, month) in MONTHS {
            table.entry(w).or_default().month = Some(month);
        }
        for &(w, day) in WEEKDAYS {
            table.entry(w).or_default().weekday = Some(day);
        }
        table
    });
    table.get(word).copied().unwrap_or_default()
}
