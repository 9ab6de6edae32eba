//! The virtualised document reader (temporary minimal version).

use egui::{Color32, Id, Response, Sense, Ui};

use super::engine::TextEngine;
use super::label::label;
use super::style::TextStyle;
use crate::model::{CharRange, Direction};

/// One paragraph of a document shown by [`document_ui`].
#[derive(Clone, Debug)]
pub struct DocParagraph<'a> {
    /// The paragraph's text.
    pub text: &'a str,
    /// Character offset of its first character in the whole document.
    pub start_char: usize,
    /// Base direction.
    pub direction: Direction,
    /// Look.
    pub style: TextStyle,
}

/// How a highlight is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HighlightLook {
    /// Solid background.
    Fill,
    /// Light background with a dashed outline (e.g. unreviewed suggestions).
    Dashed,
}

/// A coloured character range drawn under the text.
#[derive(Clone, Debug)]
pub struct Highlight {
    /// Document-wide character range.
    pub range: CharRange,
    /// Colour.
    pub color: Color32,
    /// Fill or dashed.
    pub look: HighlightLook,
    /// Returned in [`DocumentResponse::clicked_tag`] when clicked.
    pub tag: u64,
}

/// A line drawn under a character range (cue words).
#[derive(Clone, Debug)]
pub struct Underline {
    /// Document-wide character range.
    pub range: CharRange,
    /// Colour.
    pub color: Color32,
}

/// What happened in a [`document_ui`] this frame.
#[derive(Debug)]
pub struct DocumentResponse {
    /// The whole view's response.
    pub response: Response,
    /// Tag of the highlight clicked this frame.
    pub clicked_tag: Option<u64>,
    /// Current selection (document-wide char range), if any.
    pub selection: Option<CharRange>,
}

/// Per-view state kept in the engine.
#[derive(Debug, Default)]
pub(crate) struct DocState {
    pub(crate) last_frame: u64,
    selection: Option<CharRange>,
}

impl DocState {
    pub(crate) fn selection(&self) -> Option<CharRange> {
        self.selection
    }

    pub(crate) fn set_selection(&mut self, selection: Option<CharRange>) {
        self.selection = selection;
    }
}

/// A virtualised, selectable view of many paragraphs with highlights.
pub fn document_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    id: Id,
    paragraphs: &[DocParagraph<'_>],
    highlights: &[Highlight],
    underlines: &[Underline],
    scroll_to: Option<CharRange>,
) -> DocumentResponse {
    let _ = (highlights, underlines, scroll_to);
    let response = egui::ScrollArea::vertical()
        .id_salt(id)
        .show(ui, |ui| {
            for p in paragraphs {
                label(ui, engine, p.text, &p.style);
            }
        })
        .inner_rect;
    let response = ui.interact(response, id, Sense::click());
    DocumentResponse { response, clicked_tag: None, selection: engine.document_selection(id) }
}
