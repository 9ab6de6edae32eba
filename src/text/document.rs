//! The virtualised document reader: many paragraphs in one scroll area, only the visible
//! ones laid out and painted. Heights of paragraphs not laid out yet are estimated and
//! refined while the view is idle; the reading position is anchored to a paragraph so
//! nothing jumps when estimates become exact or the width changes. Highlights sit under
//! the text, underlines and the selection too; everything is in document-wide char
//! offsets.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use egui::scroll_area::{DragScroll, ScrollSource};
use egui::{
    Color32, Event, Id, Key, Modifiers, Pos2, Rect, Response, ScrollArea, Sense, Shape, Stroke, Ui,
    WidgetInfo, pos2, vec2,
};

use super::cache::{fast_hash, hash_of};
use super::engine::{CachedMesh, TextEngine};
use super::geometry::Segment;
use super::layout::{Laid, LayoutOptions};
use super::offsets::char_slice;
use super::selection::{Selection, word_at};
use super::style::TextStyle;
use crate::model::{CharRange, Direction};

/// Space between paragraphs, in lines of the paragraph above.
const GAP_LINES: f32 = 0.6;
/// Average advance of a character, in ems, for estimating unlaid paragraphs.
const ESTIMATED_ADVANCE_EM: f32 = 0.45;
/// Word wrapping leaves lines shorter than the width; estimates allow for it.
const WRAP_SLACK: f32 = 1.06;
/// Time per idle frame spent laying out paragraphs that are not visible.
const IDLE_BUDGET: Duration = Duration::from_millis(4);
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

/// One paragraph's layout state.
#[derive(Debug)]
struct Slot {
    fingerprint: u64,
    /// Shaped text, laid out at some width (or not yet shaped).
    laid: Option<Laid>,
    /// Current height: exact when `exact`, else estimated.
    height: f32,
    gap: f32,
    exact: bool,
    /// Glyph mesh from an earlier frame.
    mesh: Option<CachedMesh>,
}

impl Slot {
    fn new(fingerprint: u64, paragraph: &DocParagraph<'_>, width: f32) -> Self {
        let mut slot =
            Self { fingerprint, laid: None, height: 0.0, gap: 0.0, exact: false, mesh: None };
        slot.estimate(paragraph, width);
        slot
    }

    fn estimate(&mut self, paragraph: &DocParagraph<'_>, width: f32) {
        let style = &paragraph.style;
        let line_height = style.line_height_pt();
        let advance = self.laid.as_ref().map_or_else(
            || paragraph.text.chars().count() as f32 * ESTIMATED_ADVANCE_EM * style.font_size_pt(),
            Laid::total_advance,
        );
        let lines = (advance * WRAP_SLACK / width.max(1.0)).ceil().max(1.0);
        self.height = lines * line_height;
        self.gap = line_height * GAP_LINES;
        self.exact = false;
    }

    /// Lay out at `width`; returns the height change.
    fn make_exact(
        &mut self,
        fs: &mut cosmic_text::FontSystem,
        paragraph: &DocParagraph<'_>,
        width: f32,
    ) -> f32 {
        match &mut self.laid {
            Some(laid) if laid.width() == Some(width) => {}
            Some(laid) => laid.relayout(fs, Some(width)),
            None => {
                let options = LayoutOptions {
                    width: Some(width),
                    max_lines: None,
                    wrap: true,
                    direction: Some(paragraph.direction),
                };
                self.laid = Some(Laid::new(fs, paragraph.text, &paragraph.style, options));
            }
        }
        self.mesh = None;
        let height = self.laid.as_ref().map_or(self.height, |l| l.size().y);
        let delta = height - self.height;
        self.height = height;
        self.exact = true;
        delta
    }
}

fn fingerprint(paragraph: &DocParagraph<'_>) -> u64 {
    fast_hash(hash_of(&(paragraph.style.key(), paragraph.direction)), paragraph.text.as_bytes())
}

/// Per-view state kept in the engine.
#[derive(Debug, Default)]
pub(crate) struct DocState {
    pub(crate) last_frame: u64,
    slots: Vec<Slot>,
    /// `tops[i]`: y of paragraph `i`; `tops[n]`: content height.
    tops: Vec<f32>,
    width: f32,
    selection: Option<Selection>,
    /// A drag that started on the text is extending the selection.
    selecting: bool,
    /// Paragraph at the top of the view and how far into it (fraction of height + gap).
    anchor: Option<(usize, f32)>,
    /// Heights above the anchor or the width changed: restore the reading position.
    geometry_changed: bool,
    /// Offset to give the scroll area next frame.
    pending_offset: Option<f32>,
    last_offset: f32,
    last_scroll_to: Option<CharRange>,
}

impl DocState {
    pub(crate) fn selection(&self) -> Option<CharRange> {
        self.selection.and_then(Selection::non_empty)
    }

    pub(crate) fn scroll_offset(&self) -> f32 {
        self.last_offset
    }

    pub(crate) fn set_selection(&mut self, selection: Option<CharRange>) {
        self.selection = selection.map(Selection::of);
        self.selecting = false;
    }

    /// Match slots to this frame's paragraphs, reusing layouts of unchanged text.
    fn sync(&mut self, paragraphs: &[DocParagraph<'_>]) {
        let unchanged = paragraphs.len() == self.slots.len()
            && paragraphs.iter().zip(&self.slots).all(|(p, s)| fingerprint(p) == s.fingerprint);
        if unchanged {
            return;
        }
        let count_changed = paragraphs.len() != self.slots.len();
        let mut old: HashMap<u64, Slot> =
            self.slots.drain(..).map(|s| (s.fingerprint, s)).collect();
        let width = if self.width > 0.0 { self.width } else { 600.0 };
        self.slots = paragraphs
            .iter()
            .map(|p| {
                let fp = fingerprint(p);
                old.remove(&fp).unwrap_or_else(|| Slot::new(fp, p, width))
            })
            .collect();
        if count_changed {
            self.anchor = None;
        }
        self.geometry_changed = true;
        self.recompute_tops();
    }

    fn set_width(&mut self, width: f32, paragraphs: &[DocParagraph<'_>]) {
        if (width - self.width).abs() < 0.01 {
            return;
        }
        self.width = width;
        for (slot, p) in self.slots.iter_mut().zip(paragraphs) {
            slot.estimate(p, width);
        }
        self.geometry_changed = true;
        self.recompute_tops();
    }

    fn recompute_tops(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        for slot in &self.slots {
            self.tops.push(y);
            y += slot.height + slot.gap;
        }
        self.tops.push(y);
    }

    fn top(&self, i: usize) -> f32 {
        self.tops.get(i).copied().unwrap_or(0.0)
    }

    fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Paragraph containing content y (clamped to the paragraphs).
    fn paragraph_at_y(&self, y: f32) -> usize {
        let n = self.slots.len();
        self.tops.get(..n).map_or(0, |t| t.partition_point(|&top| top <= y)).saturating_sub(1)
    }

    /// Lay out paragraph `i` at the current width, shifting the ones below if its
    /// height changed. Returns the height change.
    fn make_exact(
        &mut self,
        fs: &mut cosmic_text::FontSystem,
        paragraphs: &[DocParagraph<'_>],
        i: usize,
    ) -> f32 {
        let (Some(slot), Some(p)) = (self.slots.get_mut(i), paragraphs.get(i)) else {
            return 0.0;
        };
        if slot.exact {
            return 0.0;
        }
        let delta = slot.make_exact(fs, p, self.width);
        if delta != 0.0 {
            for top in self.tops.iter_mut().skip(i + 1) {
                *top += delta;
            }
        }
        delta
    }

    /// The document char under a screen point.
    fn char_at(
        &mut self,
        fs: &mut cosmic_text::FontSystem,
        paragraphs: &[DocParagraph<'_>],
        origin: Pos2,
        pos: Pos2,
    ) -> Option<usize> {
        let y = pos.y - origin.y;
        let i = self.paragraph_at_y(y);
        self.make_exact(fs, paragraphs, i);
        let (slot, p) = (self.slots.get(i)?, paragraphs.get(i)?);
        let laid = slot.laid.as_ref()?;
        let local_y = y - self.top(i);
        let local = if local_y >= slot.height {
            laid.map.char_len()
        } else {
            laid.hit_buffer(pos.x - origin.x, local_y)
        };
        Some(p.start_char + local)
    }
}

/// Char range of the paragraph, document-wide.
fn paragraph_range(p: &DocParagraph<'_>, slot: &Slot) -> CharRange {
    let len = slot.laid.as_ref().map_or_else(|| p.text.chars().count(), |l| l.map.char_len());
    CharRange::new(p.start_char, p.start_char + len)
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
        engine.paint_buffer_cached(painter, origin, &laid.buffer, p.style.color, &mut slot.mesh);
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

/// While the view is idle, lay out paragraphs nearest to the visible ones, within a
/// time budget. Height changes above the view are compensated next frame.
fn refine_idle(
    engine: &mut TextEngine,
    state: &mut DocState,
    paragraphs: &[DocParagraph<'_>],
    visible: &[usize],
) {
    let start = Instant::now();
    let first = visible.first().copied().unwrap_or(0);
    let last = visible.last().copied().unwrap_or(0);
    let n = state.slots.len();
    let mut below = last + 1;
    let mut above = first;
    while start.elapsed() < IDLE_BUDGET && (below < n || above > 0) {
        if below < n {
            state.make_exact(&mut engine.fs, paragraphs, below);
            below += 1;
        }
        if above > 0 {
            above -= 1;
            if state.make_exact(&mut engine.fs, paragraphs, above) != 0.0 {
                state.geometry_changed = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras<'a>(texts: &[&'a str]) -> Vec<DocParagraph<'a>> {
        let mut start = 0;
        texts
            .iter()
            .map(|t| {
                let p = DocParagraph {
                    text: t,
                    start_char: start,
                    direction: super::super::offsets::natural_direction(t),
                    style: TextStyle::default(),
                };
                start += t.chars().count() + 1;
                p
            })
            .collect()
    }

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

    #[test]
    fn sync_keeps_layouts_of_unchanged_paragraphs() {
        let mut fs = super::super::fonts::font_system();
        let texts = ["واحد", "اثنان", "ثلاثة"];
        let p = paras(&texts);
        let mut state = DocState::default();
        state.sync(&p);
        state.set_width(300.0, &p);
        for i in 0..3 {
            state.make_exact(&mut fs, &p, i);
        }
        assert!(state.slots.iter().all(|s| s.exact));
        let changed = paras(&["واحد", "اثنان معدّل", "ثلاثة"]);
        state.sync(&changed);
        assert!(state.slots[0].exact && state.slots[2].exact);
        assert!(!state.slots[1].exact);
        assert_eq!(state.tops.len(), 4);
    }
}
