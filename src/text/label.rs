//! Content labels: wrapped, bidi-ordered text drawn by the engine; RTL text flush right;
//! exposed to accessibility as a label with its text. Plus a tooltip for content text.

use egui::{Response, Sense, Ui, WidgetInfo, pos2, vec2};

use super::engine::TextEngine;
use super::layout::LayoutOptions;
use super::style::TextStyle;
use crate::model::Direction;

/// Options for [`label_with`].
#[derive(Clone, Debug)]
pub struct LabelOptions {
    /// Wrap to the available width (else one line, elided).
    pub wrap: bool,
    /// Show at most this many lines, ending with an ellipsis.
    pub max_lines: Option<usize>,
    /// What the label reacts to.
    pub sense: Sense,
    /// Force a base direction (default: first strong character).
    pub direction: Option<Direction>,
}

impl Default for LabelOptions {
    fn default() -> Self {
        Self { wrap: true, max_lines: None, sense: Sense::hover(), direction: None }
    }
}

/// A label for content text: wrapped, bidi-ordered, RTL flush right.
pub fn label(ui: &mut Ui, engine: &mut TextEngine, text: &str, style: &TextStyle) -> Response {
    label_with(ui, engine, text, style, &LabelOptions::default())
}

/// [`label`] with options. An elided label shows its full text on hover.
pub fn label_with(
    ui: &mut Ui,
    engine: &mut TextEngine,
    text: &str,
    style: &TextStyle,
    options: &LabelOptions,
) -> Response {
    let available = ui.available_width();
    let width = (available.is_finite() && available > 0.0).then_some(available);
    let layout = engine.layout_with(
        text,
        style,
        &LayoutOptions {
            width,
            max_lines: options.max_lines,
            wrap: options.wrap,
            direction: options.direction,
        },
    );
    let size = layout.size();
    let fill_row = layout.is_rtl() && !ui.layout().main_dir().is_horizontal();
    let desired = if fill_row { vec2(available.max(size.x), size.y) } else { size };
    let (rect, mut response) = ui.allocate_exact_size(desired, options.sense);
    if ui.is_rect_visible(rect) {
        let top_left =
            if layout.is_rtl() { pos2(rect.right() - size.x, rect.top()) } else { rect.min };
        let color = if ui.is_enabled() { style.color } else { style.color.gamma_multiply(0.5) };
        engine.paint_tinted(ui.painter(), top_left, &layout, color);
    }
    let enabled = ui.is_enabled();
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, enabled, text));
    if layout.is_elided() {
        response = content_tooltip(response, engine, text, style);
    }
    response
}

/// Show `text` (content text, drawn by the engine) in a tooltip while `response` is
/// hovered.
pub fn content_tooltip(
    response: Response,
    engine: &mut TextEngine,
    text: &str,
    style: &TextStyle,
) -> Response {
    response.on_hover_ui(|ui| {
        ui.set_max_width(ui.spacing().tooltip_width);
        label(ui, engine, text, style);
    })
}
