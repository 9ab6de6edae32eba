//! The only place colours, fonts sizes and spacing are defined.

#![allow(clippy::disallowed_methods)] // this module is where colours are defined

use egui::Color32;

use crate::model::Kind;

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
