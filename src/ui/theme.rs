//! The only place colours, font sizes and spacing are defined.

#![allow(clippy::disallowed_methods)] // this module is where colours are defined

use egui::{Color32, Visuals};

use crate::model::{Kind, LinkKind};
use crate::text::{FontRole, TextStyle};

/// Width of the library panel by default, in points.
pub const LIBRARY_WIDTH: f32 = 230.0;
/// Width of the inspector panel by default, in points.
pub const INSPECTOR_WIDTH: f32 = 310.0;
/// Width of the reader by default, in points.
pub const READER_WIDTH: f32 = 380.0;
/// Width of the gutter between the compare columns, where link bands run.
pub const GUTTER_WIDTH: f32 = 56.0;
/// Space between cards.
pub const CARD_GAP: f32 = 6.0;
/// Inner margin of a card.
pub const CARD_MARGIN: f32 = 6.0;
/// Width of the coloured stripe at a card's edge.
pub const CARD_STRIPE: f32 = 4.0;
/// Lines of statement text a card shows before eliding.
pub const CARD_TEXT_LINES: usize = 4;

/// Colour of a statement kind.
#[must_use]
pub fn kind_color(kind: Kind, dark: bool) -> Color32 {
    match (kind, dark) {
        (Kind::Official, false) => Color32::from_rgb(0x1f, 0x5f, 0xbf),
        (Kind::Official, true) => Color32::from_rgb(0x6f, 0xa8, 0xff),
        (Kind::Unofficial, false) => Color32::from_rgb(0xc0, 0x5a, 0x00),
        (Kind::Unofficial, true) => Color32::from_rgb(0xff, 0xa6, 0x4d),
        (Kind::Unclassified, false) => Color32::from_gray(0x70),
        (Kind::Unclassified, true) => Color32::from_gray(0xa0),
    }
}

/// Highlight colour for a statement span in the reader; suggestions are lighter.
#[must_use]
pub fn highlight_color(kind: Kind, reviewed: bool, dark: bool) -> Color32 {
    let base = kind_color(kind, dark);
    let alpha = match (reviewed, dark) {
        (true, false) => 0x48,
        (true, true) => 0x60,
        (false, false) => 0x20,
        (false, true) => 0x30,
    };
    Color32::from_rgba_unmultiplied(base.r(), base.g(), base.b(), alpha)
}

/// Underline colour of attribution cue words.
#[must_use]
pub fn cue_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xe0, 0xe0, 0x70) } else { Color32::from_rgb(0x80, 0x60, 0x00) }
}

/// Colour of the current selection's outline.
#[must_use]
pub fn selection_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xff, 0xe0, 0x40) } else { Color32::from_rgb(0xd0, 0x20, 0x60) }
}

/// Background of search hits in the reader.
#[must_use]
pub fn search_hit_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(0xff, 0xd0, 0x00, 0x50)
    } else {
        Color32::from_rgba_unmultiplied(0xff, 0xd0, 0x00, 0x70)
    }
}

/// Colours that tell official actors apart (US State Department, Ukrainian presidency …).
const ACTOR_PALETTE_LIGHT: [(u8, u8, u8); 8] = [
    (0x1f, 0x5f, 0xbf),
    (0x1b, 0x7f, 0x5a),
    (0x7a, 0x3d, 0xb8),
    (0x0e, 0x7c, 0x86),
    (0x9c, 0x2a, 0x5a),
    (0x4d, 0x6b, 0x1a),
    (0x3b, 0x4c, 0x9e),
    (0x8a, 0x55, 0x12),
];
const ACTOR_PALETTE_DARK: [(u8, u8, u8); 8] = [
    (0x6f, 0xa8, 0xff),
    (0x5f, 0xd0, 0xa0),
    (0xb8, 0x8c, 0xff),
    (0x5c, 0xd0, 0xdc),
    (0xf0, 0x7c, 0xac),
    (0xa8, 0xd0, 0x60),
    (0x90, 0xa0, 0xff),
    (0xe0, 0xb0, 0x60),
];

/// Stable colour for an actor name (the same actor always gets the same colour).
#[must_use]
pub fn actor_color(actor: &str, dark: bool) -> Color32 {
    let folded = crate::analysis::fold(actor.trim());
    let hash = folded
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    let index = (hash % ACTOR_PALETTE_LIGHT.len() as u64) as usize;
    let palette = if dark { &ACTOR_PALETTE_DARK } else { &ACTOR_PALETTE_LIGHT };
    let (r, g, b) = palette.get(index).copied().unwrap_or((0x80, 0x80, 0x80));
    Color32::from_rgb(r, g, b)
}

/// Colour of a link type (bands between the columns, link lists).
#[must_use]
pub fn link_color(kind: LinkKind, dark: bool) -> Color32 {
    match (kind, dark) {
        (LinkKind::Contradicts, false) => Color32::from_rgb(0xd0, 0x30, 0x30),
        (LinkKind::Contradicts, true) => Color32::from_rgb(0xff, 0x60, 0x60),
        (LinkKind::Supports, false) => Color32::from_rgb(0x20, 0x90, 0x40),
        (LinkKind::Supports, true) => Color32::from_rgb(0x60, 0xd0, 0x70),
        (LinkKind::RespondsTo, false) => Color32::from_rgb(0x50, 0x50, 0xc0),
        (LinkKind::RespondsTo, true) => Color32::from_rgb(0x90, 0x90, 0xff),
        (LinkKind::SameClaim, false) => Color32::from_rgb(0x80, 0x80, 0x80),
        (LinkKind::SameClaim, true) => Color32::from_rgb(0xb0, 0xb0, 0xb0),
    }
}

/// Translucent fill of a link band.
#[must_use]
pub fn link_band_fill(kind: LinkKind, dark: bool, emphasised: bool) -> Color32 {
    let c = link_color(kind, dark);
    let alpha = if emphasised { 0x70 } else { 0x30 };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// Background of a card.
#[must_use]
pub fn card_fill(reviewed: bool, selected: bool, dark: bool) -> Color32 {
    match (selected, reviewed, dark) {
        (true, _, false) => Color32::from_rgb(0xff, 0xf4, 0xc8),
        (true, _, true) => Color32::from_rgb(0x4a, 0x42, 0x20),
        (false, true, false) => Color32::from_rgb(0xff, 0xff, 0xff),
        (false, true, true) => Color32::from_rgb(0x2a, 0x2d, 0x33),
        (false, false, false) => Color32::from_rgb(0xf6, 0xf7, 0xf9),
        (false, false, true) => Color32::from_rgb(0x22, 0x24, 0x28),
    }
}

/// Background of a question row's header.
#[must_use]
pub fn question_fill(selected: bool, dark: bool) -> Color32 {
    match (selected, dark) {
        (true, false) => Color32::from_rgb(0xe4, 0xec, 0xff),
        (true, true) => Color32::from_rgb(0x30, 0x3a, 0x58),
        (false, false) => Color32::from_rgb(0xec, 0xee, 0xf2),
        (false, true) => Color32::from_rgb(0x26, 0x29, 0x30),
    }
}

/// Background of a drop target while a card hovers over it.
#[must_use]
pub fn drop_target_fill(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(0x80, 0xa0, 0xff, 0x30)
    } else {
        Color32::from_rgba_unmultiplied(0x30, 0x60, 0xd0, 0x20)
    }
}

/// Colour for error messages.
#[must_use]
pub fn error_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xff, 0x80, 0x80) } else { Color32::from_rgb(0xb0, 0x10, 0x10) }
}

/// Colour of secondary text (metadata lines).
#[must_use]
pub fn weak_text_color(visuals: &Visuals) -> Color32 {
    visuals.weak_text_color()
}

/// Article text in the reader.
#[must_use]
pub fn reading_style(visuals: &Visuals) -> TextStyle {
    TextStyle {
        size_pt: 16.0,
        role: FontRole::Reading,
        bold: false,
        color: visuals.text_color(),
        line_height: 1.6,
    }
}

/// A headline in the reader.
#[must_use]
pub fn headline_style(visuals: &Visuals) -> TextStyle {
    TextStyle { size_pt: 20.0, bold: true, ..reading_style(visuals) }
}

/// Captions, credits and bylines in the reader.
#[must_use]
pub fn caption_style(visuals: &Visuals) -> TextStyle {
    TextStyle { size_pt: 13.0, color: visuals.weak_text_color(), ..reading_style(visuals) }
}

/// Statement text on a card.
#[must_use]
pub fn card_text_style(visuals: &Visuals) -> TextStyle {
    TextStyle {
        size_pt: 14.0,
        role: FontRole::Reading,
        bold: false,
        color: visuals.text_color(),
        line_height: 1.45,
    }
}

/// Compact rows: list entries, metadata, speakers.
#[must_use]
pub fn row_style(visuals: &Visuals) -> TextStyle {
    TextStyle {
        size_pt: 13.0,
        role: FontRole::Ui,
        bold: false,
        color: visuals.text_color(),
        line_height: 1.35,
    }
}

/// Secondary compact text.
#[must_use]
pub fn meta_style(visuals: &Visuals) -> TextStyle {
    TextStyle { size_pt: 12.0, color: visuals.weak_text_color(), ..row_style(visuals) }
}

/// Bold compact text (titles in lists, question titles).
#[must_use]
pub fn title_style(visuals: &Visuals) -> TextStyle {
    TextStyle { bold: true, ..row_style(visuals) }
}

/// Notes and translations in editors.
#[must_use]
pub fn editor_style(visuals: &Visuals) -> TextStyle {
    TextStyle { size_pt: 14.0, line_height: 1.5, ..row_style(visuals) }
}

/// Height of one statement in the claims view: a source line and two lines of text.
pub const CLAIM_STATEMENT_HEIGHT: f32 = 60.0;
/// Width of the gutter between the two texts of "compare two articles".
pub const PAIR_GUTTER_WIDTH: f32 = 90.0;

/// Colour of a matching claim in "compare two articles": agreeing, or diverging.
#[must_use]
pub fn match_color(divergent: bool, dark: bool) -> Color32 {
    match (divergent, dark) {
        (false, false) => Color32::from_rgb(0x18, 0x80, 0x70),
        (false, true) => Color32::from_rgb(0x4c, 0xd0, 0xb8),
        (true, false) => Color32::from_rgb(0xc8, 0x30, 0x40),
        (true, true) => Color32::from_rgb(0xff, 0x70, 0x80),
    }
}

/// Translucent fill of a matching claim's highlight or connecting band.
#[must_use]
pub fn match_fill(divergent: bool, dark: bool, emphasised: bool) -> Color32 {
    let c = match_color(divergent, dark);
    let alpha = match (emphasised, dark) {
        (true, _) => 0x80,
        (false, false) => 0x38,
        (false, true) => 0x48,
    };
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), alpha)
}

/// Colour of divergence marks (negation, numbers, dates, speaker, actor).
#[must_use]
pub fn divergence_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xff, 0x8a, 0x50) } else { Color32::from_rgb(0xb8, 0x40, 0x00) }
}

/// Colour of the "rests only on unofficial sources" mark.
#[must_use]
pub fn unofficial_only_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xff, 0x70, 0x70) } else { Color32::from_rgb(0xb0, 0x10, 0x30) }
}

/// Colour of the "backed on the record" mark.
#[must_use]
pub fn on_record_color(dark: bool) -> Color32 {
    kind_color(Kind::Official, dark)
}

/// Background of a claim row in the claims view.
#[must_use]
pub fn claim_fill(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x24, 0x27, 0x2d) } else { Color32::from_rgb(0xf4, 0xf5, 0xf8) }
}

/// Background of a statement picked for merging or splitting.
#[must_use]
pub fn picked_fill(dark: bool) -> Color32 {
    card_fill(true, true, dark)
}

/// Colour of the "near-identical copy" mark in the library.
#[must_use]
pub fn syndicated_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xd0, 0xa0, 0xff) } else { Color32::from_rgb(0x70, 0x30, 0xa0) }
}

/// Faint fill of a statement without a match in "compare two articles", so the
/// matching claims stand out.
#[must_use]
pub fn unmatched_fill(kind: Kind, dark: bool) -> Color32 {
    let c = kind_color(kind, dark);
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), if dark { 0x1c } else { 0x14 })
}
