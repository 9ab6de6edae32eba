//! The virtualised document reader: many paragraphs in one scroll area, only the visible
//! ones laid out and painted. Heights of paragraphs not laid out yet are estimated and
//! refined while the view is idle; the reading position is anchored to a paragraph so
//! nothing jumps when estimates become exact or the width changes. Highlights sit under
//! the text, underlines and the selection too; everything is in document-wide char
//! offsets.

use egui::scroll_area::{DragScroll, ScrollSource};
use egui::{
    Color32, Event, Id, Key, Modifiers, Pos2, Rect, Response, ScrollArea, Sense, Shape, Stroke, Ui,
    WidgetInfo, pos2, vec2,
};

use super::doc_state::{DocState, paragraph_range, refine_idle};
use super::engine::TextEngine;
use super::geometry::Segment;
use super::offsets::char_slice;
use super::selection::{Selection, word_at};
use super::style::TextStyle;
use crate::model::{CharRange, Direction};

/// Highlights leave this much of the line box free above and below.
const HIGHLIGHT_INSET: f32 = 1.0;

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

/// The part of `range` inside `para`, in the paragraph's local offsets.
fn local_part(range: CharRange, para: CharRange) -> Option<CharRange> {
    let start = range.start.max(para.start);
    let end = range.end.min(para.end);
    (start < end).then(|| CharRange::new(start - para.start, end - para.start))
}

/// The text of a document range, paragraphs joined by `\n`.
fn selected_text(paragraphs: &[DocParagraph<'_>], range: CharRange) -> String {
    let mut parts = Vec::new();
    for p in paragraphs {
        let len = p.text.chars().count();
        let para = CharRange::new(p.start_char, p.start_char + len);
        if para.start > range.end {
            break;
        }
        if let Some(local) = local_part(range, para) {
            parts.push(char_slice(p.text, local.start, local.end));
        }
    }
    parts.join("\n")
}

/// Document-wide range of everything.
fn whole_document(paragraphs: &[DocParagraph<'_>]) -> Option<CharRange> {
    let first = paragraphs.first()?;
    let last = paragraphs.last()?;
    Some(CharRange::new(first.start_char, last.start_char + last.text.chars().count()))
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
    let mut state = engine.docs.remove(&id).unwrap_or_default();
    state.last_frame = engine.frame();
    state.sync(paragraphs);
    let mut area = ScrollArea::vertical()
        .id_salt(id)
        .auto_shrink(false)
        .scroll_source(ScrollSource { drag: DragScroll::Never, ..ScrollSource::default() });
    if let Some(offset) = state.pending_offset.take() {
        area = area.vertical_scroll_offset(offset);
    }
    let view = DocView { id, paragraphs, highlights, underlines, scroll_to };
    let output = area.show_viewport(ui, |ui, viewport| view.show(ui, engine, &mut state, viewport));
    engine.docs.insert(id, state);
    output.inner
}

/// The inputs of one [`document_ui`] call.
struct DocView<'p, 'a> {
    id: Id,
    paragraphs: &'p [DocParagraph<'a>],
    highlights: &'p [Highlight],
    underlines: &'p [Underline],
    scroll_to: Option<CharRange>,
}

impl DocView<'_, '_> {
    fn show(
        &self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        state: &mut DocState,
        viewport: Rect,
    ) -> DocumentResponse {
        // Floating scroll bars lie over the content: keep text out from under them.
        let scroll = &ui.spacing().scroll;
        let gutter = if scroll.floating {
            scroll.bar_width + scroll.bar_inner_margin + scroll.bar_outer_margin
        } else {
            0.0
        };
        let width = (ui.available_width() - gutter).max(20.0);
        state.set_width(width, self.paragraphs);
        let viewport_height = viewport.height();
        let offset = self.effective_offset(engine, state, viewport);
        // Screen position of content point (0, 0) at the effective offset.
        let origin = pos2(ui.max_rect().left(), ui.max_rect().top() + viewport.min.y - offset);

        let visible = self.layout_visible(engine, state, offset, viewport_height);
        for &i in &visible {
            self.paint_paragraph(ui, engine, state, i, origin);
        }
        for &i in &visible {
            if let Some(p) = self.paragraphs.get(i) {
                let rect = Rect::from_min_size(
                    origin + vec2(0.0, state.top(i)),
                    vec2(width, state.slots.get(i).map_or(0.0, |s| s.height)),
                );
                let r = ui.interact(rect, self.id.with(("paragraph", i)), Sense::hover());
                r.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, p.text));
            }
        }
        let view_rect = ui.clip_rect();
        let response = ui
            .interact(view_rect, self.id, Sense::click_and_drag())
            .on_hover_cursor(egui::CursorIcon::Text);
        let clicked_tag = self.pointer(ui, engine, state, &response, origin, offset, view_rect);
        self.keyboard(ui, state, &response);

        let idle = (offset - state.last_offset).abs() < 0.1
            && !state.selecting
            && ui.input(|i| i.smooth_scroll_delta == egui::Vec2::ZERO && !i.pointer.any_down());
        if idle {
            refine_idle(engine, state, self.paragraphs, &visible);
            if state.slots.iter().any(|s| !s.exact) {
                ui.ctx().request_repaint();
            }
        }
        state.last_offset = offset;
        if let Some(&first) = visible.first() {
            let span = state.slots.get(first).map_or(1.0, |s| s.height + s.gap).max(1.0);
            state.anchor = Some((first, ((offset - state.top(first)) / span).clamp(0.0, 1.0)));
        }
        ui.set_min_size(vec2(width + gutter, state.total_height()));
        DocumentResponse { response, clicked_tag, selection: state.selection() }
    }

    /// The offset to draw at: egui's, unless the layout moved under the reader (restore
    /// the anchor) or a scroll-to was requested.
    fn effective_offset(
        &self,
        engine: &mut TextEngine,
        state: &mut DocState,
        viewport: Rect,
    ) -> f32 {
        let mut offset = viewport.min.y;
        if state.geometry_changed {
            state.geometry_changed = false;
            if let Some((p, frac)) = state.anchor.filter(|(p, _)| *p < state.slots.len()) {
                let span = state.slots.get(p).map_or(0.0, |s| s.height + s.gap);
                offset = state.top(p) + frac * span;
            }
        }
        if let Some(target) = self.scroll_to.filter(|t| state.last_scroll_to != Some(*t))
            && let Some(y) = self.target_y(engine, state, target)
            && (y < offset || y > offset + viewport.height() * 0.8)
        {
            offset = y - viewport.height() / 3.0;
        }
        state.last_scroll_to = self.scroll_to;
        let max = (state.total_height() - viewport.height()).max(0.0);
        offset = offset.clamp(0.0, max);
        if (offset - viewport.min.y).abs() > 0.5 {
            state.pending_offset = Some(offset);
        }
        offset
    }

    /// Content y of the line holding `target.start`.
    fn target_y(
        &self,
        engine: &mut TextEngine,
        state: &mut DocState,
        target: CharRange,
    ) -> Option<f32> {
        let i = self.paragraphs.partition_point(|p| p.start_char <= target.start).saturating_sub(1);
        state.make_exact(&mut engine.fs, self.paragraphs, i);
        let p = self.paragraphs.get(i)?;
        let laid = state.slots.get(i)?.laid.as_ref()?;
        let local = target.start.saturating_sub(p.start_char);
        let line_top = laid.caret(local).map_or(0.0, |(_, top, _)| top);
        Some(state.top(i) + line_top)
    }

    /// Lay out the paragraphs that meet the viewport exactly; returns their indices.
    fn layout_visible(
        &self,
        engine: &mut TextEngine,
        state: &mut DocState,
        offset: f32,
        viewport_height: f32,
    ) -> Vec<usize> {
        let mut visible = Vec::new();
        let mut i = state.paragraph_at_y(offset);
        while i < state.slots.len() && state.top(i) < offset + viewport_height {
            state.make_exact(&mut engine.fs, self.paragraphs, i);
            if state.top(i + 1) > offset {
                visible.push(i);
            }
            i += 1;
        }
        visible
    }

    fn paint_paragraph(
        &self,
        ui: &Ui,
        engine: &mut TextEngine,
        state: &mut DocState,
        i: usize,
        origin: Pos2,
    ) {
        let origin = origin + vec2(0.0, state.top(i));
        let selection = state.selection();
        let (Some(p), Some(slot)) = (self.paragraphs.get(i), state.slots.get_mut(i)) else {
            return;
        };
        let Some(laid) = slot.laid.as_ref() else {
            return;
        };
        let para = paragraph_range(p, slot);
        let painter = ui.painter();
        let rect_of = |s: &Segment| {
            Rect::from_min_max(
                pos2(origin.x + s.x0, origin.y + s.top + HIGHLIGHT_INSET),
                pos2(origin.x + s.x1, origin.y + s.bottom - HIGHLIGHT_INSET),
            )
        };
        for h in self.highlights {
            let Some(local) = local_part(h.range, para) else { continue };
            for seg in laid.range_segments(local) {
                let rect = rect_of(&seg);
                match h.look {
                    HighlightLook::Fill => {
                        painter.rect_filled(rect, 2.0, h.color);
                    }
                    HighlightLook::Dashed => {
                        painter.rect_filled(rect, 2.0, h.color.gamma_multiply(0.35));
                        let corners = [
                            rect.left_top(),
                            rect.right_top(),
                            rect.right_bottom(),
                            rect.left_bottom(),
                            rect.left_top(),
                        ];
                        painter.extend(Shape::dashed_line(
                            &corners,
                            Stroke::new(1.0, h.color),
                            3.0,
                            2.0,
                        ));
                    }
                }
            }
        }
        if let Some(local) = selection.and_then(|s| local_part(s, para)) {
            let fill = ui.visuals().selection.bg_fill;
            for seg in laid.range_segments(local) {
                painter.rect_filled(rect_of(&seg), 0.0, fill);
            }
        }
        engine.paint_buffer_cached(painter, origin, laid, p.style.color, &mut slot.mesh);
        let below = p.style.font_size_pt() * 0.15;
        for u in self.underlines {
            let Some(local) = local_part(u.range, para) else { continue };
            for seg in laid.range_segments(local) {
                let y = origin.y + seg.baseline + below;
                painter.line_segment(
                    [pos2(origin.x + seg.x0, y), pos2(origin.x + seg.x1, y)],
                    Stroke::new(1.5, u.color),
                );
            }
        }
    }

    /// Mouse selection; returns the tag of a clicked highlight.
    #[expect(clippy::too_many_arguments, reason = "the view's frame state, passed once")]
    fn pointer(
        &self,
        ui: &Ui,
        engine: &mut TextEngine,
        state: &mut DocState,
        response: &Response,
        origin: Pos2,
        offset: f32,
        view_rect: Rect,
    ) -> Option<u64> {
        let (pos, pressed, down, shift) = ui.input(|i| {
            (
                i.pointer.interact_pos(),
                i.pointer.primary_pressed(),
                i.pointer.primary_down(),
                i.modifiers.shift,
            )
        });
        let pos = pos?;
        let fs = &mut engine.fs;
        if pressed && response.hovered() {
            response.request_focus();
            let hit = state.char_at(fs, self.paragraphs, origin, pos)?;
            state.selecting = true;
            state.selection = Some(match state.selection {
                Some(s) if shift => Selection { anchor: s.anchor, head: hit },
                _ => Selection::caret(hit),
            });
        } else if state.selecting && down {
            if let Some(hit) = state.char_at(fs, self.paragraphs, origin, pos)
                && let Some(sel) = state.selection.as_mut()
            {
                sel.head = hit;
            }
            // Drag past the top or bottom edge: scroll.
            let beyond = if pos.y < view_rect.top() {
                pos.y - view_rect.top()
            } else if pos.y > view_rect.bottom() {
                pos.y - view_rect.bottom()
            } else {
                0.0
            };
            if beyond != 0.0 {
                state.pending_offset = Some((offset + beyond.clamp(-40.0, 40.0)).max(0.0));
                ui.ctx().request_repaint();
            }
        }
        if !down {
            state.selecting = false;
        }
        let (clicked, double, triple) =
            (response.clicked(), response.double_clicked(), response.triple_clicked());
        if !(clicked || double || triple) {
            return None;
        }
        let hit = state.char_at(fs, self.paragraphs, origin, pos)?;
        if triple {
            let i = self.paragraphs.partition_point(|p| p.start_char <= hit).saturating_sub(1);
            if let (Some(p), Some(slot)) = (self.paragraphs.get(i), state.slots.get(i)) {
                state.selection = Some(Selection::of(paragraph_range(p, slot)));
            }
        } else if double {
            let i = self.paragraphs.partition_point(|p| p.start_char <= hit).saturating_sub(1);
            if let Some(p) = self.paragraphs.get(i) {
                let word = word_at(p.text, hit - p.start_char);
                state.selection = Some(Selection::of(CharRange::new(
                    p.start_char + word.start,
                    p.start_char + word.end,
                )));
            }
        }
        if clicked && !shift {
            return self
                .highlights
                .iter()
                .filter(|h| h.range.contains(hit))
                .min_by_key(|h| h.range.len())
                .map(|h| h.tag);
        }
        None
    }

    fn keyboard(&self, ui: &Ui, state: &mut DocState, response: &Response) {
        if !response.has_focus() {
            return;
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::A)) {
            state.selection = whole_document(self.paragraphs).map(Selection::of);
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            state.selection = None;
        }
        let copy = ui.input(|i| i.events.iter().any(|e| matches!(e, Event::Copy | Event::Cut)));
        if copy && let Some(range) = state.selection() {
            ui.ctx().copy_text(selected_text(self.paragraphs, range));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::doc_state::tests::paras;

    #[test]
    fn selected_text_spans_paragraphs() {
        let p = paras(&["قال المتحدث", "Second one", "ثالث"]);
        // from char 4 of the first paragraph to char 6 of the second
        let text = selected_text(&p, CharRange::new(4, 12 + 6));
        assert_eq!(text, "المتحدث\nSecond");
        assert_eq!(whole_document(&p), Some(CharRange::new(0, 12 + 11 + 4)));
    }

    #[test]
    fn local_part_clips_to_the_paragraph() {
        let para = CharRange::new(10, 20);
        assert_eq!(local_part(CharRange::new(5, 12), para), Some(CharRange::new(0, 2)));
        assert_eq!(local_part(CharRange::new(18, 40), para), Some(CharRange::new(8, 10)));
        assert_eq!(local_part(CharRange::new(20, 40), para), None);
    }
}
