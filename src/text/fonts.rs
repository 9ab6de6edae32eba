//! The bundled fonts: compiled into the binary, loaded into one cosmic-text
//! `FontSystem` (no system-font scan, so every machine and every test renders the same)
//! and registered with egui so the app's fixed UI words never show tofu.

use std::sync::Arc;

use cosmic_text::{Fallback, FontSystem, fontdb};
use egui::{FontData, FontDefinitions, FontFamily};
use unicode_script::Script;

/// Family name of the Latin (and Greek, Cyrillic) face.
pub const LATIN_FAMILY: &str = "Noto Sans";
/// Family name of the Arabic reading face.
pub const ARABIC_READING_FAMILY: &str = "Noto Naskh Arabic";
/// Family name of the compact Arabic face for UI rows.
pub const ARABIC_UI_FAMILY: &str = "Noto Sans Arabic UI";
/// Family name of the Hebrew face.
pub const HEBREW_FAMILY: &str = "Noto Sans Hebrew";
/// Family names of the symbol faces (arrows, geometric shapes, dingbats).
pub const SYMBOL_FAMILIES: [&str; 2] = ["Noto Sans Symbols", "Noto Sans Symbols2"];

/// Name of the egui font family that uses the bundled bold faces
/// (`egui::FontFamily::Name(EGUI_BOLD_FAMILY.into())`).
pub const EGUI_BOLD_FAMILY: &str = "bold";

/// One font file compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct BundledFont {
    /// File name in `fonts/`.
    pub file: &'static str,
    /// The file's bytes.
    pub bytes: &'static [u8],
}

/// Every font file in `fonts/`, in the order they are loaded.
pub const BUNDLED_FONTS: [BundledFont; 10] = [
    BundledFont {
        file: "NotoSans-Regular.ttf",
        bytes: include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    },
    BundledFont {
        file: "NotoSans-Bold.ttf",
        bytes: include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    },
    BundledFont {
        file: "NotoNaskhArabic-Regular.ttf",
        bytes: include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"),
    },
    BundledFont {
        file: "NotoNaskhArabic-Bold.ttf",
        bytes: include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf"),
    },
    BundledFont {
        file: "NotoSansArabicUI-Regular.ttf",
        bytes: include_bytes!("../../fonts/NotoSansArabicUI-Regular.ttf"),
    },
    BundledFont {
        file: "NotoSansArabicUI-Bold.ttf",
        bytes: include_bytes!("../../fonts/NotoSansArabicUI-Bold.ttf"),
    },
    BundledFont {
        file: "NotoSansHebrew-Regular.ttf",
        bytes: include_bytes!("../../fonts/NotoSansHebrew-Regular.ttf"),
    },
    BundledFont {
        file: "NotoSansHebrew-Bold.ttf",
        bytes: include_bytes!("../../fonts/NotoSansHebrew-Bold.ttf"),
    },
    BundledFont {
        file: "NotoSansSymbols-Regular.ttf",
        bytes: include_bytes!("../../fonts/NotoSansSymbols-Regular.ttf"),
    },
    BundledFont {
        file: "NotoSansSymbols2-Regular.ttf",
        bytes: include_bytes!("../../fonts/NotoSansSymbols2-Regular.ttf"),
    },
];

fn bundled(file: &str) -> &'static [u8] {
    BUNDLED_FONTS.iter().find(|f| f.file == file).map_or(&[], |f| f.bytes)
}

/// Fallback lists that name only the bundled families, so glyph choice never depends
/// on the platform.
struct BundledFallback;

impl Fallback for BundledFallback {
    fn common_fallback(&self) -> &[&'static str] {
        &[
            LATIN_FAMILY,
            ARABIC_READING_FAMILY,
            HEBREW_FAMILY,
            SYMBOL_FAMILIES[0],
            SYMBOL_FAMILIES[1],
        ]
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        &[]
    }

    fn script_fallback(&self, script: Script, _locale: &str) -> &[&'static str] {
        match script {
            Script::Arabic => &[ARABIC_READING_FAMILY, ARABIC_UI_FAMILY],
            Script::Hebrew => &[HEBREW_FAMILY],
            _ => &[],
        }
    }
}

/// A `FontSystem` holding exactly the bundled fonts.
#[must_use]
pub fn font_system() -> FontSystem {
    let mut db = fontdb::Database::new();
    for font in &BUNDLED_FONTS {
        let ids = db.load_font_source(fontdb::Source::Binary(Arc::new(font.bytes)));
        if ids.is_empty() {
            log::error!("bundled font could not be read: fonts/{}", font.file);
        }
    }
    db.set_sans_serif_family(LATIN_FAMILY);
    db.set_serif_family(ARABIC_READING_FAMILY);
    db.set_monospace_family(LATIN_FAMILY);
    FontSystem::new_with_locale_and_db_and_fallback("en-US".to_owned(), db, BundledFallback)
}

/// egui font definitions with only the bundled fonts: Noto Sans first, then Noto Sans
/// Arabic UI, Noto Sans Hebrew and the two symbol faces as fallbacks; no egui default
/// fonts.
#[must_use]
pub fn egui_font_definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::empty();
    let symbols = ["NotoSansSymbols-Regular.ttf", "NotoSansSymbols2-Regular.ttf"];
    let regular = [
        "NotoSans-Regular.ttf",
        "NotoSansArabicUI-Regular.ttf",
        "NotoSansHebrew-Regular.ttf",
        symbols[0],
        symbols[1],
    ];
    let bold = [
        "NotoSans-Bold.ttf",
        "NotoSansArabicUI-Bold.ttf",
        "NotoSansHebrew-Bold.ttf",
        symbols[0],
        symbols[1],
    ];
    for file in regular.iter().chain(bold.iter()) {
        defs.font_data.insert((*file).to_owned(), Arc::new(FontData::from_static(bundled(file))));
    }
    let names = |files: &[&str]| files.iter().map(|f| (*f).to_owned()).collect::<Vec<_>>();
    defs.families.insert(FontFamily::Proportional, names(&regular));
    defs.families.insert(FontFamily::Monospace, names(&regular));
    defs.families.insert(FontFamily::Name(EGUI_BOLD_FAMILY.into()), names(&bold));
    defs
}

/// Register the bundled fonts with egui (takes effect from the next pass).
pub fn install_egui_fonts(ctx: &egui::Context) {
    ctx.set_fonts(egui_font_definitions());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_font_is_readable_and_named_as_expected() {
        let fs = font_system();
        let families: std::collections::BTreeSet<String> =
            fs.db().faces().flat_map(|f| f.families.iter().map(|(n, _)| n.clone())).collect();
        for family in [LATIN_FAMILY, ARABIC_READING_FAMILY, ARABIC_UI_FAMILY, HEBREW_FAMILY] {
            assert!(families.contains(family), "missing {family} in {families:?}");
        }
        assert_eq!(fs.db().faces().count(), BUNDLED_FONTS.len());
    }

    #[test]
    fn egui_definitions_have_no_default_fonts() {
        let defs = egui_font_definitions();
        assert_eq!(defs.font_data.len(), 8);
        assert!(defs.font_data.keys().all(|k| k.starts_with("Noto")));
        let prop = &defs.families[&FontFamily::Proportional];
        assert_eq!(prop[0], "NotoSans-Regular.ttf");
        assert!(defs.font_data.values().all(|d| !(*d.font).as_ref().is_empty()));
    }
}
