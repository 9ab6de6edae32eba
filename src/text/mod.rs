//! The text engine: every string that comes from a file or the analyst is laid out,
//! painted, selected and edited here (cosmic-text: bidi, Arabic shaping).
//!
//! PLACEHOLDER: this file keeps the public API stable while the cosmic-text engine is
//! written; it draws with egui's own text and must be replaced before release.

use std::sync::Arc;

use egui::{Color32, Id, Pos2, Response, Sense, Ui, Vec2};

use crate::model::{CharRange, Direction};

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

/// A laid-out piece of text, ready to paint.
#[derive(Clone, Debug)]
pub struct TextLayout {
    galley: Arc<egui::Galley>,
}

impl TextLayout {
    /// Size in points.
    #[must_use]
    pub fn size(&self) -> Vec2 {
        self.galley.size()
    }

    /// Rectangles (points from the layout's top-left) covering a char range, one or more
    /// per line.
    #[must_use]
    pub fn range_rects(&self, range: CharRange) -> Vec<egui::Rect> {
        let mut rects = Vec::new();
        let mut index = 0;
        for placed in &self.galley.rows {
            let mut span: Option<(f32, f32)> = None;
            for glyph in &placed.row.glyphs {
                if (range.start..range.end).contains(&index) {
                    let (x0, x1) = (glyph.pos.x, glyph.pos.x + glyph.advance_width);
                    span = Some(span.map_or((x0, x1), |(a, b)| (a.min(x0), b.max(x1))));
                }
                index += 1;
            }
            if let Some((x0, x1)) = span {
                let row = placed.rect();
                rects.push(egui::Rect::from_min_max(
                    egui::pos2(placed.pos.x + x0, row.top()),
                    egui::pos2(placed.pos.x + x1, row.bottom()),
                ));
            }
            if placed.ends_with_newline {
                index += 1;
            }
        }
        rects
    }
}

/// Owns fonts, layout cache and glyph atlas.
pub struct TextEngine {
    ctx: egui::Context,
}

impl TextEngine {
    /// Load the bundled fonts, register them with egui, create the atlas.
    #[must_use]
    pub fn new(ctx: &egui::Context) -> Self {
        let mut fonts = egui::FontDefinitions::empty();
        for (name, bytes) in [
            ("NotoSans", &include_bytes!("../../fonts/NotoSans-Regular.ttf")[..]),
            ("NotoSansArabicUI", &include_bytes!("../../fonts/NotoSansArabicUI-Regular.ttf")[..]),
            ("NotoSansHebrew", &include_bytes!("../../fonts/NotoSansHebrew-Regular.ttf")[..]),
            ("NotoSansSymbols", &include_bytes!("../../fonts/NotoSansSymbols-Regular.ttf")[..]),
            ("NotoSansSymbols2", &include_bytes!("../../fonts/NotoSansSymbols2-Regular.ttf")[..]),
        ] {
            fonts.font_data.insert(name.to_owned(), Arc::new(egui::FontData::from_static(bytes)));
            for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
                fonts.families.entry(family).or_default().push(name.to_owned());
            }
        }
        ctx.set_fonts(fonts);
        Self { ctx: ctx.clone() }
    }

    /// Lay out `text` to `width` points (unbounded if `None`).
    pub fn layout(
        &mut self,
        text: &str,
        style: &TextStyle,
        width: Option<f32>,
        max_lines: Option<usize>,
    ) -> Arc<TextLayout> {
        let mut job = egui::text::LayoutJob::single_section(
            text.to_owned(),
            egui::TextFormat::simple(egui::FontId::proportional(style.size_pt), style.color),
        );
        job.wrap.max_width = width.unwrap_or(f32::INFINITY);
        if let Some(n) = max_lines {
            job.wrap.max_rows = n;
        }
        Arc::new(TextLayout { galley: self.ctx.fonts_mut(|f| f.layout_job(job)) })
    }

    /// Paint a layout with its top-left corner at `pos`.
    pub fn paint(&mut self, painter: &egui::Painter, pos: Pos2, layout: &TextLayout) {
        painter.galley(pos, layout.galley.clone(), Color32::GRAY);
    }

    /// Upload atlas changes; call once at the end of every frame.
    pub fn end_frame(&mut self, _ctx: &egui::Context) {}
}

/// A label for content text: wrapped, bidi-ordered, RTL flush right.
pub fn label(ui: &mut Ui, engine: &mut TextEngine, text: &str, style: &TextStyle) -> Response {
    label_with(ui, engine, text, style, &LabelOptions::default())
}

/// [`label`] with options.
pub fn label_with(
    ui: &mut Ui,
    engine: &mut TextEngine,
    text: &str,
    style: &TextStyle,
    options: &LabelOptions,
) -> Response {
    let width = options.wrap.then(|| ui.available_width());
    let layout = engine.layout(text, style, width, options.max_lines);
    let (rect, response) = ui.allocate_exact_size(layout.size(), options.sense);
    engine.paint(ui.painter(), rect.min, &layout);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

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
    DocumentResponse { response, clicked_tag: None, selection: None }
}

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
    /// The current text, when it changed this frame (for live search fields).
    pub changed: Option<String>,
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
    let label = options.label.to_owned();
    ui.ctx().accesskit_node_builder(response.id, |node| node.set_label(label));
    let committed = (response.lost_focus() && text != value).then(|| text.clone());
    let changed = response.changed().then(|| text.clone());
    ui.data_mut(|d| d.insert_temp(id, text));
    EditorOutput { response, committed, changed }
}

/// Set (or clear) the selection of the document view `id` from outside.
pub fn set_document_selection(ctx: &egui::Context, id: Id, selection: Option<CharRange>) {
    let _ = (ctx, id, selection);
}

/// True when a content editor (or any text field) has keyboard focus.
#[must_use]
pub fn editor_focused(ctx: &egui::Context) -> bool {
    ctx.text_edit_focused()
}
