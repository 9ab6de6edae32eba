//! The text engine: every string that comes from a file or the analyst is laid out,
//! painted, selected and edited here, on cosmic-text (UAX #9 bidi per paragraph, Arabic
//! shaping and joining, RTL flush right), with a glyph atlas painted into egui meshes.
//!
//! - [`TextEngine`] owns the bundled fonts, the layout cache and the glyph atlas; the
//!   app keeps one and calls [`TextEngine::end_frame`] once per frame.
//! - [`label`] / [`label_with`] / [`content_tooltip`] show content text;
//!   [`document_ui`] is the virtualised, selectable reader with highlights;
//!   [`editor_ui`] edits notes and fields and hands back one committed value per edit.
//! - Positions are the project's char offsets ([`crate::model::CharRange`]); the
//!   conversion to cosmic-text's byte cursors lives only in `offsets`.

mod atlas;
mod cache;
mod caret;
mod doc_state;
mod document;
mod editor;
mod editor_state;
mod engine;
mod fonts;
mod geometry;
mod label;
mod layout;
mod offsets;
mod paint;
mod script;
mod selection;
mod style;
mod wrap;

pub use atlas::AtlasStats;
pub use document::{
    DocParagraph, DocumentResponse, Highlight, HighlightLook, Underline, document_ui,
};
pub use editor::{EditorOptions, EditorOutput, editor_ui};
pub use engine::TextEngine;
pub use fonts::{
    ARABIC_READING_FAMILY, ARABIC_UI_FAMILY, BUNDLED_FONTS, BundledFont, EGUI_BOLD_FAMILY,
    HEBREW_FAMILY, LATIN_FAMILY, egui_font_definitions, install_egui_fonts,
};
pub use label::{LabelOptions, content_tooltip, label, label_with};
pub use layout::{GlyphInfo, LayoutOptions, TextLayout};
pub use style::{FontRole, TextStyle};
