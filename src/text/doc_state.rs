//! Layout state of one document view: a slot per paragraph (shaped text, exact or
//! estimated height, cached glyph mesh), prefix sums of heights, the selection and the
//! reading-position anchor. Kept in the engine between frames, keyed by the view's id.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use egui::Pos2;

use super::cache::{fast_hash, hash_of};
use super::document::DocParagraph;
use super::engine::{CachedMesh, TextEngine};
use super::layout::{Laid, LayoutOptions};
use super::selection::Selection;
use crate::model::CharRange;

/// Space between paragraphs, in lines of the paragraph above.
const GAP_LINES: f32 = 0.6;
/// Average advance of a character, in ems, for estimating unlaid paragraphs.
const ESTIMATED_ADVANCE_EM: f32 = 0.45;
/// Word wrapping leaves lines shorter than the width; estimates allow for it.
const WRAP_SLACK: f32 = 1.06;
/// Time per idle frame spent laying out paragraphs that are not visible.
const IDLE_BUDGET: Duration = Duration::from_millis(4);

/// One paragraph's layout state.
#[derive(Debug)]
pub(crate) struct Slot {
    pub(crate) fingerprint: u64,
    /// Shaped text, laid out at some width (or not yet shaped).
    pub(crate) laid: Option<Laid>,
    /// Current height: exact when `exact`, else estimated.
    pub(crate) height: f32,
    pub(crate) gap: f32,
    pub(crate) exact: bool,
    /// Glyph mesh from an earlier frame.
    pub(crate) mesh: Option<CachedMesh>,
}

impl Slot {
    pub(crate) fn new(fingerprint: u64, paragraph: &DocParagraph<'_>, width: f32) -> Self {
        let mut slot =
            Self { fingerprint, laid: None, height: 0.0, gap: 0.0, exact: false, mesh: None };
        slot.estimate(paragraph, width);
        slot
    }

    pub(crate) fn estimate(&mut self, paragraph: &DocParagraph<'_>, width: f32) {
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
    pub(crate) fn make_exact(
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
    pub(crate) slots: Vec<Slot>,
    /// `tops[i]`: y of paragraph `i`; `tops[n]`: content height.
    pub(crate) tops: Vec<f32>,
    pub(crate) width: f32,
    pub(crate) selection: Option<Selection>,
    /// A drag that started on the text is extending the selection.
    pub(crate) selecting: bool,
    /// Paragraph at the top of the view and how far into it (fraction of height + gap).
    pub(crate) anchor: Option<(usize, f32)>,
    /// Heights above the anchor or the width changed: restore the reading position.
    pub(crate) geometry_changed: bool,
    /// Offset to give the scroll area next frame.
    pub(crate) pending_offset: Option<f32>,
    pub(crate) last_offset: f32,
    pub(crate) last_scroll_to: Option<CharRange>,
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
    pub(crate) fn sync(&mut self, paragraphs: &[DocParagraph<'_>]) {
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

    pub(crate) fn set_width(&mut self, width: f32, paragraphs: &[DocParagraph<'_>]) {
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

    pub(crate) fn recompute_tops(&mut self) {
        self.tops.clear();
        let mut y = 0.0;
        for slot in &self.slots {
            self.tops.push(y);
            y += slot.height + slot.gap;
        }
        self.tops.push(y);
    }

    pub(crate) fn top(&self, i: usize) -> f32 {
        self.tops.get(i).copied().unwrap_or(0.0)
    }

    pub(crate) fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Paragraph containing content y (clamped to the paragraphs).
    pub(crate) fn paragraph_at_y(&self, y: f32) -> usize {
        let n = self.slots.len();
        self.tops.get(..n).map_or(0, |t| t.partition_point(|&top| top <= y)).saturating_sub(1)
    }

    /// Lay out paragraph `i` at the current width, shifting the ones below if its
    /// height changed. Returns the height change.
    pub(crate) fn make_exact(
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
    pub(crate) fn char_at(
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
pub(crate) fn paragraph_range(p: &DocParagraph<'_>, slot: &Slot) -> CharRange {
    let len = slot.laid.as_ref().map_or_else(|| p.text.chars().count(), |l| l.map.char_len());
    CharRange::new(p.start_char, p.start_char + len)
}

/// While the view is idle, lay out paragraphs nearest to the visible ones, within a
/// time budget. Height changes above the view are compensated next frame.
pub(crate) fn refine_idle(
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
pub(crate) mod tests {
    use super::*;
    use crate::text::style::TextStyle;

    /// Paragraphs of `texts`, one per line of a document.
    pub(crate) fn paras<'a>(texts: &[&'a str]) -> Vec<DocParagraph<'a>> {
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
