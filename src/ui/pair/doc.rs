//! One side of "compare two articles": a read-only view of an article laid out
//! paragraph by paragraph by the text engine, knowing where every statement sits
//! so the connecting bands can meet it. Only visible paragraphs are painted.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use egui::{Painter, Pos2, Rect, Visuals, pos2, vec2};

use crate::model::{Article, ArticleId, CharRange, Direction, ParagraphRole, Project, StatementId};
use crate::text::{TextEngine, TextLayout, TextStyle};
use crate::ui::theme;

/// Space between paragraphs.
const PARAGRAPH_GAP: f32 = 10.0;

/// What a layout was built for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct GeometryKey {
    article: ArticleId,
    revision: u64,
    width_bits: u32,
    dark: bool,
}

/// A paragraph placed in the view (content coordinates).
#[derive(Clone, Debug)]
struct Placed {
    top: f32,
    left: f32,
    layout: Arc<TextLayout>,
    range: CharRange,
    text_len: usize,
}

/// An article laid out for one side of the comparison.
#[derive(Clone, Debug)]
pub struct DocGeometry {
    key: GeometryKey,
    paragraphs: Vec<Placed>,
    spans: HashMap<StatementId, Vec<Rect>>,
    /// Content height.
    pub height: f32,
}

fn paragraph_style(role: ParagraphRole, visuals: &Visuals) -> TextStyle {
    let reading = TextStyle { size_pt: 15.0, ..theme::reading_style(visuals) };
    match role {
        ParagraphRole::Headline => TextStyle { size_pt: 18.0, bold: true, ..reading },
        ParagraphRole::Subheading => TextStyle { bold: true, ..reading },
        ParagraphRole::Byline | ParagraphRole::Caption | ParagraphRole::PullQuote => {
            theme::caption_style(visuals)
        }
        ParagraphRole::Body => reading,
    }
}

impl DocGeometry {
    /// True when this layout is for `article` at `revision`, `width` and theme.
    #[must_use]
    pub fn fits(&self, article: ArticleId, revision: u64, width: f32, dark: bool) -> bool {
        self.key == GeometryKey { article, revision, width_bits: width.round().to_bits(), dark }
    }

    /// Lay out `article` to `width` points and place its visible statements.
    pub fn build(
        engine: &mut TextEngine,
        project: &Project,
        article: &Article,
        revision: u64,
        width: f32,
        visuals: &Visuals,
    ) -> Self {
        let width = width.round();
        let mut paragraphs = Vec::with_capacity(article.paragraphs.len());
        let mut top = 0.0;
        for (index, p) in article.paragraphs.iter().enumerate() {
            let text = article.slice(p.range);
            let layout = engine.layout(text, &paragraph_style(p.role, visuals), Some(width), None);
            let size = layout.size();
            let left = match article.paragraph_direction(index) {
                Direction::Rtl => (width - size.x).max(0.0),
                Direction::Ltr => 0.0,
            };
            paragraphs.push(Placed {
                top,
                left,
                layout,
                range: p.range,
                text_len: text.chars().count(),
            });
            top += size.y + PARAGRAPH_GAP;
        }
        let mut geometry = Self {
            key: GeometryKey {
                article: article.id,
                revision,
                width_bits: width.to_bits(),
                dark: visuals.dark_mode,
            },
            paragraphs,
            spans: HashMap::new(),
            height: top,
        };
        for statement in project.statements_of(article.id).filter(|s| s.is_visible()) {
            let rects = geometry.range_rects(statement.span.range);
            if !rects.is_empty() {
                geometry.spans.insert(statement.id, rects);
            }
        }
        geometry
    }

    /// Rectangles (content coordinates) covering a range of the article's text.
    fn range_rects(&self, range: CharRange) -> Vec<Rect> {
        let mut out = Vec::new();
        let first = self.paragraphs.partition_point(|p| p.range.end <= range.start);
        for p in self.paragraphs.get(first..).unwrap_or_default() {
            if p.range.start >= range.end {
                break;
            }
            let start = range.start.max(p.range.start) - p.range.start;
            let end = (range.end.min(p.range.end) - p.range.start).min(p.text_len);
            if start >= end {
                continue;
            }
            let offset = vec2(p.left, p.top);
            out.extend(
                p.layout
                    .range_rects(CharRange::new(start, end))
                    .into_iter()
                    .map(|r| r.translate(offset)),
            );
        }
        out
    }

    /// Where statement `id` is drawn, line by line (content coordinates).
    #[must_use]
    pub fn spans(&self, id: StatementId) -> &[Rect] {
        self.spans.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Top and bottom of statement `id` (content coordinates).
    #[must_use]
    pub fn extent(&self, id: StatementId) -> Option<(f32, f32)> {
        let rects = self.spans.get(&id)?;
        let top = rects.iter().map(Rect::top).fold(f32::INFINITY, f32::min);
        let bottom = rects.iter().map(Rect::bottom).fold(f32::NEG_INFINITY, f32::max);
        (top <= bottom).then_some((top, bottom))
    }

    /// Statements placed in this view.
    pub fn statements(&self) -> impl Iterator<Item = StatementId> + '_ {
        self.spans.keys().copied()
    }

    /// Paragraphs meeting the content band `top..bottom`.
    #[must_use]
    pub fn visible(&self, top: f32, bottom: f32) -> Range<usize> {
        let first = self.paragraphs.partition_point(|p| p.top + p.layout.size().y < top);
        let end = self.paragraphs.partition_point(|p| p.top <= bottom);
        first..end.max(first)
    }

    /// Screen rectangle and text of paragraph `index`, with content point (0, 0) at `origin`.
    #[must_use]
    pub fn paragraph_rect(&self, index: usize, origin: Pos2) -> Option<Rect> {
        let p = self.paragraphs.get(index)?;
        Some(Rect::from_min_size(origin + vec2(p.left, p.top), p.layout.size()))
    }

    /// Paint the paragraphs in `range` with content point (0, 0) at `origin`.
    pub fn paint(
        &self,
        engine: &mut TextEngine,
        painter: &Painter,
        origin: Pos2,
        range: Range<usize>,
    ) {
        for p in self.paragraphs.get(range).unwrap_or_default() {
            engine.paint(painter, pos2(origin.x + p.left, origin.y + p.top), &p.layout);
        }
    }
}

/// Lay out `article` outside a running app (tests).
#[cfg(test)]
pub(crate) fn geometry_for_test(project: &Project, article: &Article, width: f32) -> DocGeometry {
    let ctx = egui::Context::default();
    let mut engine = TextEngine::new(&ctx);
    let mut geometry = None;
    // The engine lays out inside a frame.
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        geometry = Some(DocGeometry::build(&mut engine, project, article, 7, width, ui.visuals()));
    });
    output.textures_delta.clear();
    geometry.unwrap_or_else(|| unreachable!("run_ui runs the closure"))
}

/// A three-paragraph article whose middle paragraph holds statement 2 (tests).
#[cfg(test)]
pub(crate) fn three_paragraphs_for_test() -> (Project, Article) {
    use crate::model::{Paragraph, Statement, TextSpan};
    let text =
        "First paragraph, nothing said.\nThe minister said the port will reopen.\nA third one.";
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        paragraphs
            .push(Paragraph { range: CharRange::new(start, start + len), ..Paragraph::default() });
        start += len + 1;
    }
    let article =
        Article { id: ArticleId(1), text: text.to_owned(), paragraphs, ..Article::default() };
    let mut project = Project::default();
    let second = text.find("The minister").unwrap_or_default();
    let range = CharRange::new(second, second + "The minister said".len());
    project.statements.insert(
        StatementId(2),
        Statement {
            id: StatementId(2),
            article: ArticleId(1),
            span: TextSpan::from_text(text, range),
            ..Statement::default()
        },
    );
    project.articles.insert(ArticleId(1), article.clone());
    (project, article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_placed_in_their_paragraphs_in_order() {
        let (project, article) = three_paragraphs_for_test();
        let geometry = geometry_for_test(&project, &article, 400.0);
        let dark = geometry.key.dark;
        assert!(geometry.fits(ArticleId(1), 7, 400.2, dark));
        assert!(!geometry.fits(ArticleId(1), 8, 400.0, dark));
        assert!(!geometry.fits(ArticleId(1), 7, 400.0, !dark));
        let (top, bottom) = geometry.extent(StatementId(2)).unwrap();
        let first = geometry.paragraph_rect(0, Pos2::ZERO).unwrap();
        let third = geometry.paragraph_rect(2, Pos2::ZERO).unwrap();
        assert!(
            top >= first.bottom() && bottom <= third.top(),
            "{top}..{bottom} between {first:?} and {third:?}"
        );
        let span = geometry.spans(StatementId(2))[0];
        assert!(span.left() < 1.0 && span.width() > 40.0 && span.width() < 380.0, "{span:?}");
        assert_eq!(geometry.visible(top, bottom), 1..2);
        assert_eq!(geometry.visible(-10.0, geometry.height + 10.0), 0..3);
    }
}
