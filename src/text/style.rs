//! How content text looks: [`TextStyle`] and [`FontRole`], plus the hashable key the
//! layout cache uses (colour excluded: it changes painting, never shaping).

use egui::Color32;

/// Which face family to use for a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum FontRole {
    /// Reading text: Noto Naskh Arabic for Arabic, Noto Sans for Latin.
    #[default]
    Reading,
    /// Compact UI rows: Noto Sans Arabic UI for Arabic, Noto Sans for Latin.
    Ui,
}

/// How a piece of content text looks.
#[derive(Clone, Debug, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub size_pt: f32,
    /// Face family.
    pub role: FontRole,
    /// Bold face.
    pub bold: bool,
    /// Text colour.
    pub color: Color32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
}

impl Default for TextStyle {
    fn default() -> Self {
        Self {
            size_pt: 14.0,
            role: FontRole::Reading,
            bold: false,
            color: Color32::GRAY,
            line_height: 1.5,
        }
    }
}

impl TextStyle {
    /// Font size clamped to something cosmic-text accepts (it asserts on zero).
    #[must_use]
    pub fn font_size_pt(&self) -> f32 {
        if self.size_pt.is_finite() { self.size_pt.clamp(1.0, 512.0) } else { 14.0 }
    }

    /// Line height in points (never zero).
    #[must_use]
    pub fn line_height_pt(&self) -> f32 {
        let factor =
            if self.line_height.is_finite() { self.line_height.clamp(0.5, 10.0) } else { 1.5 };
        self.font_size_pt() * factor
    }

    /// The same style in another colour.
    #[must_use]
    pub fn with_color(&self, color: Color32) -> Self {
        Self { color, ..self.clone() }
    }

    pub(crate) fn key(&self) -> StyleKey {
        StyleKey {
            size_bits: self.font_size_pt().to_bits(),
            line_height_bits: self.line_height_pt().to_bits(),
            role: self.role,
            bold: self.bold,
        }
    }
}

/// The part of a [`TextStyle`] that changes shaping or layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct StyleKey {
    size_bits: u32,
    line_height_bits: u32,
    role: FontRole,
    bold: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ignores_colour_but_not_size() {
        let a = TextStyle::default();
        let b = a.with_color(Color32::RED);
        assert_eq!(a.key(), b.key());
        let c = TextStyle { size_pt: 20.0, ..a.clone() };
        assert_ne!(a.key(), c.key());
    }

    #[test]
    fn degenerate_sizes_are_clamped() {
        let s = TextStyle { size_pt: 0.0, line_height: f32::NAN, ..TextStyle::default() };
        assert!(s.font_size_pt() >= 1.0);
        assert!(s.line_height_pt() > 0.0);
    }
}
