//! Small reusable widgets that draw content text through the text engine.

use egui::{Id, Response, Sense, Ui};

use crate::text::{self, LabelOptions, TextEngine, TextStyle};

/// Join parts of a metadata line ("outlet · date · language") so each keeps its own
/// direction: every part is a first-strong isolate (U+2068 … U+2069). Without it an ISO
/// date after an Arabic outlet name reads backwards ("07-07-2023"), as UAX #9 orders
/// numbers that follow Arabic letters.
#[must_use]
pub fn join_isolated<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    parts
        .iter()
        .map(|p| format!("\u{2068}{}\u{2069}", p.as_ref()))
        .collect::<Vec<_>>()
        .join(separator)
}

/// A single-line content label that elides instead of wrapping.
pub fn one_line(
    ui: &mut Ui,
    engine: &mut TextEngine,
    content: &str,
    style: &TextStyle,
) -> Response {
    let options = LabelOptions { wrap: true, max_lines: Some(1), ..LabelOptions::default() };
    text::label_with(ui, engine, content, style, &options)
}

/// A clickable row of content text; returns its response (check `clicked()`).
pub fn selectable_row(
    ui: &mut Ui,
    engine: &mut TextEngine,
    content: &str,
    style: &TextStyle,
    selected: bool,
) -> Response {
    let options = LabelOptions {
        wrap: true,
        max_lines: Some(2),
        sense: Sense::click(),
        ..LabelOptions::default()
    };
    let inner = egui::Frame::new()
        .fill(if selected { ui.visuals().selection.bg_fill } else { egui::Color32::TRANSPARENT })
        .inner_margin(egui::Margin::symmetric(4, 2))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            text::label_with(ui, engine, content, style, &options)
        });
    let response = inner.inner.union(inner.response);
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response
}

/// A filter menu whose entries come from the project (actors, outlets …): the
/// button and every entry are drawn by the text engine. `None` means "any".
pub fn content_choice(
    ui: &mut Ui,
    engine: &mut TextEngine,
    id: Id,
    label: &str,
    current: &mut Option<String>,
    choices: &std::collections::BTreeSet<String>,
    style: &TextStyle,
) -> bool {
    let mut changed = false;
    let shown = current.clone().unwrap_or_else(|| "any".to_owned());
    ui.label(label);
    let button = egui::Frame::new()
        .stroke(ui.visuals().widgets.inactive.bg_stroke)
        .corner_radius(3.0)
        .inner_margin(egui::Margin::symmetric(4, 1))
        .show(ui, |ui| {
            ui.set_max_width(140.0);
            one_line(ui, engine, &shown, style)
        });
    let response = ui
        .interact(button.response.rect, id, Sense::click())
        .on_hover_text(format!("Show only statements with this {}", label.to_lowercase()));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    egui::Popup::menu(&response).id(id.with("popup")).show(|ui| {
        ui.set_min_width(180.0);
        ui.set_max_width(360.0);
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
            if selectable_row(ui, engine, "any", style, current.is_none()).clicked() {
                *current = None;
                changed = true;
                ui.close();
            }
            for choice in choices {
                let selected = current.as_deref() == Some(choice.as_str());
                if selectable_row(ui, engine, choice, style, selected).clicked() {
                    *current = Some(choice.clone());
                    changed = true;
                    ui.close();
                }
            }
        });
    });
    changed
}

/// A coloured dot followed by a number (statement counts).
pub fn count_badge(ui: &mut Ui, color: egui::Color32, count: usize) -> Response {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        let (rect, _) = ui.allocate_exact_size(egui::vec2(9.0, 9.0), Sense::hover());
        ui.painter().circle_filled(rect.center(), 4.0, color);
        ui.colored_label(color, count.to_string());
    })
    .response
}
