//! The editor widget (temporary minimal version).

use egui::{Id, Response, Ui};

use super::engine::TextEngine;
use super::style::TextStyle;

/// Options for [`editor_ui`].
#[derive(Clone, Debug)]
pub struct EditorOptions<'a> {
    /// Accessible label ("Note", "Translation").
    pub label: &'a str,
    /// Shown greyed while empty.
    pub placeholder: &'a str,
    /// Multi-line (Enter inserts a newline) or single-line.
    pub multiline: bool,
    /// Look.
    pub style: TextStyle,
    /// Minimum height in text rows.
    pub min_rows: usize,
}

/// What an [`editor_ui`] did this frame.
#[derive(Debug)]
pub struct EditorOutput {
    /// The widget's response.
    pub response: Response,
    /// The edited text, when the edit is finished (focus left, or 1 s idle) and
    /// differs from the value passed in: apply it as one workspace command.
    pub committed: Option<String>,
}

/// Per-editor state kept in the engine.
#[derive(Debug, Default)]
pub(crate) struct EditorState {
    pub(crate) last_frame: u64,
}

/// A text editor for content text (notes, translations, fields).
pub fn editor_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    id: Id,
    value: &str,
    options: &EditorOptions<'_>,
) -> EditorOutput {
    let _ = engine;
    let mut text = ui.data_mut(|d| d.get_temp::<String>(id)).unwrap_or_else(|| value.to_owned());
    let response = ui.add(
        egui::TextEdit::multiline(&mut text)
            .id(id)
            .hint_text(options.placeholder)
            .desired_rows(options.min_rows),
    );
    let committed = (response.lost_focus() && text != value).then(|| text.clone());
    ui.data_mut(|d| d.insert_temp(id, text));
    EditorOutput { response, committed }
}
