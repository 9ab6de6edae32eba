//! Painting one statement card: speaker and actor, the statement, who relayed it,
//! outlet and date, translation and a note excerpt — all through the text engine.

use egui::{Color32, Painter, Rect, Stroke, pos2};

use super::layout::CardMetrics;
use crate::model::{Article, Kind, Statement};
use crate::text::{TextEngine, TextStyle};
use crate::ui::theme;

/// Everything a card shows besides the statement itself.
pub struct CardInfo<'a> {
    /// The statement's article.
    pub article: Option<&'a Article>,
    /// The first note on the statement.
    pub note: Option<&'a str>,
    /// Selected anywhere.
    pub selected: bool,
    /// A dragged card hovers over this one.
    pub drop_target: bool,
}

/// "speaker · actor" line.
#[must_use]
pub fn source_line(statement: &Statement) -> String {
    match (statement.speaker.as_deref(), statement.actor.as_deref()) {
        (Some(s), Some(a)) if s != a => crate::ui::widgets::join_isolated(&[s, a], " · "),
        (Some(s), _) => s.to_owned(),
        (None, Some(a)) => a.to_owned(),
        (None, None) => "unattributed".to_owned(),
    }
}

/// "via … · outlet · date" line.
#[must_use]
pub fn origin_line(statement: &Statement, article: Option<&Article>) -> String {
    let mut parts = Vec::new();
    if !statement.via.is_empty() {
        parts.push(format!("via {}", statement.via.join(" / ")));
    }
    if let Some(article) = article {
        if let Some(outlet) = &article.meta.outlet {
            parts.push(outlet.clone());
        } else if !article.meta.title.is_empty() {
            parts.push(article.meta.title.chars().take(40).collect());
        }
        if let Some(date) = &article.meta.published {
            parts.push(date.iso());
        }
    }
    if !statement.is_reviewed() {
        parts.push("suggested".to_owned());
    }
    crate::ui::widgets::join_isolated(&parts, " · ")
}

/// Accessible label of a card.
#[must_use]
pub fn card_label(statement: &Statement) -> String {
    format!("{} statement: {}", statement.kind.as_str(), statement.span.quote)
}

/// Colour of a card's stripe: its actor's for official statements, else its kind's.
#[must_use]
pub fn stripe_color(statement: &Statement, dark: bool) -> Color32 {
    match (statement.kind, statement.actor.as_deref()) {
        (Kind::Official, Some(actor)) => theme::actor_color(actor, dark),
        (kind, _) => theme::kind_color(kind, dark),
    }
}

/// Where the next line of a card goes.
struct Pen<'a> {
    painter: Painter,
    engine: &'a mut TextEngine,
    x: f32,
    y: f32,
    width: f32,
}

impl Pen<'_> {
    /// Paint `text` in at most `lines` lines and move down by that many lines.
    fn write(&mut self, text: &str, style: &TextStyle, lines: usize) {
        if lines == 0 || text.is_empty() {
            return;
        }
        let layout = self.engine.layout(text, style, Some(self.width), Some(lines));
        self.engine.paint(&self.painter, pos2(self.x, self.y), &layout);
        self.y += lines as f32 * style.size_pt * style.line_height;
    }
}

/// Paint a card into `rect`.
pub fn paint_card(
    engine: &mut TextEngine,
    painter: &Painter,
    rect: Rect,
    statement: &Statement,
    info: &CardInfo<'_>,
    metrics: &CardMetrics,
) {
    let visuals = painter.ctx().global_style().visuals.clone();
    let dark = visuals.dark_mode;
    let reviewed = statement.is_reviewed();
    painter.rect_filled(rect, 5.0, theme::card_fill(reviewed, info.selected, dark));
    let stripe = stripe_color(statement, dark);
    let outline = if info.selected {
        Stroke::new(2.0, theme::selection_color(dark))
    } else {
        Stroke::new(1.0, stripe.gamma_multiply(0.7))
    };
    if reviewed || info.selected {
        painter.rect_stroke(rect, 5.0, outline, egui::StrokeKind::Inside);
    } else {
        // Suggestions: dashed outline until the analyst reviews them.
        let r = rect.shrink(0.5);
        let corners =
            [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
        painter.extend(egui::Shape::dashed_line(&corners, outline, 5.0, 3.0));
    }
    if info.drop_target {
        painter.rect_filled(rect, 5.0, theme::drop_target_fill(dark));
    }
    let stripe_rect =
        Rect::from_min_max(rect.min, pos2(rect.left() + theme::CARD_STRIPE, rect.bottom()));
    painter.rect_filled(stripe_rect, egui::CornerRadius { nw: 5, sw: 5, ne: 0, se: 0 }, stripe);

    let width = metrics.inner_width(rect.width());
    let mut pen = Pen {
        painter: painter.with_clip_rect(rect.intersect(painter.clip_rect())),
        engine,
        x: rect.left() + theme::CARD_STRIPE + theme::CARD_MARGIN,
        y: rect.top() + theme::CARD_MARGIN,
        width,
    };
    let meta = theme::meta_style(&visuals);
    let source = TextStyle { bold: true, color: stripe, ..meta.clone() };
    pen.write(&source_line(statement), &source, 1);
    let text_style = theme::card_text_style(&visuals);
    pen.write(&statement.span.quote, &text_style, metrics.text_lines(&statement.span.quote, width));
    pen.write(&origin_line(statement, info.article), &meta, 1);
    let translation_lines = metrics.translation_lines(&statement.translation, width);
    pen.write(&statement.translation, &meta, translation_lines);
    if let Some(note) = info.note {
        let excerpt = format!("✎ {}", note.lines().next().unwrap_or_default());
        pen.write(&excerpt, &meta, 1);
    }
}
