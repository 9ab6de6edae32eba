//! A laid-out piece of text: one cosmic-text `Buffer` (bidi per line, Arabic shaped and
//! joined, RTL lines flush right) plus the char-offset map, measured once. A width
//! change re-wraps the shaped text without shaping it again.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use cosmic_text::{
    Buffer, BufferLine, Cursor, Ellipsize, EllipsizeHeightLimit, FontSystem, LineEnding, Metrics,
    Shaping, Wrap,
};
use egui::{Color32, Rect, Vec2, pos2, vec2};

use super::geometry::{self, RunSpan, Segment};
use super::offsets::{LineMap, TextMap, prepare};
use super::script::{FaceKind, attrs_for, attrs_list};
use super::style::TextStyle;
use super::wrap::{self, Advances, Opportunities};
use crate::model::{CharRange, Direction};

/// How to lay out a piece of text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LayoutOptions {
    /// Wrap (or elide) to this width in points; `None`: as wide as the text.
    pub width: Option<f32>,
    /// Show at most this many lines, the last one ending with an ellipsis.
    pub max_lines: Option<usize>,
    /// Wrap at `width` (else one line per paragraph, elided at `width`).
    pub wrap: bool,
    /// Force the base direction of every line (default: its first strong character).
    pub direction: Option<Direction>,
}

impl LayoutOptions {
    /// Wrapped to `width`.
    #[must_use]
    pub fn wrapped(width: Option<f32>) -> Self {
        Self { width, wrap: true, ..Self::default() }
    }
}

/// One glyph of a layout, for tests and tools.
#[derive(Clone, Debug, PartialEq)]
pub struct GlyphInfo {
    /// The characters this glyph draws (a cluster; empty for an ellipsis).
    pub chars: CharRange,
    /// Left edge of its advance box, in points from the layout's left edge.
    pub x: f32,
    /// Advance width in points.
    pub width: f32,
    /// Visual line (0 = first).
    pub line: usize,
    /// Glyph id in its font.
    pub glyph_id: u16,
    /// Family name of the face it was taken from.
    pub family: String,
    /// Drawn right-to-left (odd bidi level).
    pub rtl: bool,
}

/// Source of [`Laid::id`].
static NEXT_LAYOUT_ID: AtomicU64 = AtomicU64::new(1);

/// The shaped, wrapped buffer of one text and its measurements.
#[derive(Clone, Debug)]
pub(crate) struct Laid {
    /// Different for every layout result (a reflow gets a new one): the key of its
    /// cached glyph mesh.
    id: u64,
    /// Glyphs in the lines shown.
    glyph_count: usize,
    pub(crate) buffer: Buffer,
    pub(crate) map: TextMap,
    options: LayoutOptions,
    /// Content box in buffer coordinates.
    content: Rect,
    rtl: bool,
    visual_lines: usize,
    max_lines: usize,
    elided: bool,
    /// Sum of line widths: how long the text is on one line (for height estimates).
    total_advance: f32,
    /// Byte range of every visual line.
    runs: Vec<RunSpan>,
    /// The style the text was shaped with (for re-broken paragraphs).
    style: TextStyle,
    /// Buffer lines and map before paragraphs were re-broken (see [`wrap`]), to start
    /// from at the next width.
    unsplit: Option<Box<(Vec<BufferLine>, TextMap)>>,
}

impl Laid {
    /// Shape and lay out `text`.
    pub(crate) fn new(
        fs: &mut FontSystem,
        text: &str,
        style: &TextStyle,
        options: LayoutOptions,
    ) -> Self {
        let prepared = prepare(text, options.direction);
        let metrics = Metrics::new(style.font_size_pt(), style.line_height_pt());
        let mut buffer = Buffer::new_empty(metrics);
        let joined = prepared.lines.join("\n");
        buffer.set_text(&joined, &attrs_for(FaceKind::Latin, style), Shaping::Advanced, None);
        if buffer.lines.len() == prepared.lines.len() {
            for (line, line_text) in buffer.lines.iter_mut().zip(&prepared.lines) {
                line.set_attrs_list(attrs_list(line_text, style));
            }
        } else {
            log::warn!("text engine: line split mismatch; using default faces");
        }
        let mut laid = Self {
            id: 0,
            glyph_count: 0,
            buffer,
            map: prepared.map,
            options,
            content: Rect::ZERO,
            rtl: false,
            visual_lines: 0,
            max_lines: options.max_lines.unwrap_or(usize::MAX).max(1),
            elided: false,
            total_advance: 0.0,
            runs: Vec::new(),
            style: style.clone(),
            unsplit: None,
        };
        laid.apply(fs, options);
        laid
    }

    /// Re-wrap to another width (no reshaping).
    pub(crate) fn relayout(&mut self, fs: &mut FontSystem, width: Option<f32>) {
        self.reflow(fs, LayoutOptions { width, ..self.options });
    }

    /// Re-wrap to other width, line limit or wrapping (no reshaping). The direction
    /// must be the one the text was prepared with.
    pub(crate) fn reflow(&mut self, fs: &mut FontSystem, options: LayoutOptions) {
        let options = LayoutOptions { direction: self.options.direction, ..options };
        if options != self.options {
            self.apply(fs, options);
        }
    }

    fn apply(&mut self, fs: &mut FontSystem, options: LayoutOptions) {
        self.id = NEXT_LAYOUT_ID.fetch_add(1, Ordering::Relaxed);
        if let Some(unsplit) = self.unsplit.take() {
            let (lines, map) = *unsplit;
            self.buffer.lines = lines;
            for line in &mut self.buffer.lines {
                line.reset_layout();
            }
            self.map = map;
        }
        self.options = options;
        self.max_lines = options.max_lines.unwrap_or(usize::MAX).max(1);
        let width = options.width.filter(|w| w.is_finite()).map(|w| w.max(1.0));
        let (wrap, ellipsize) = match (width, options.wrap) {
            (Some(_), true) => (
                Wrap::WordOrGlyph,
                options.max_lines.map_or(Ellipsize::None, |n| {
                    Ellipsize::End(EllipsizeHeightLimit::Lines(n.max(1)))
                }),
            ),
            (Some(_), false) => (Wrap::None, Ellipsize::End(EllipsizeHeightLimit::Lines(1))),
            (None, _) => (Wrap::None, Ellipsize::None),
        };
        self.buffer.set_wrap(wrap);
        self.buffer.set_ellipsize(ellipsize);
        self.buffer.set_size(width, None);
        self.buffer.shape_until_scroll(fs, false);
        if let (Some(width), Wrap::WordOrGlyph) = (width, wrap) {
            self.rebreak(fs, width);
        }
        self.measure();
        if width.is_none() && self.buffer.lines.len() > 1 {
            // Unbounded: each line would align within its own width; align them all
            // within the widest so RTL lines stay flush right together.
            let widest = self.buffer.layout_runs().map(|r| r.line_w).fold(0.0, f32::max);
            self.buffer.set_size(Some(widest.ceil()), None);
            self.buffer.shape_until_scroll(fs, false);
            self.measure();
        }
    }

    /// Break again, at UAX #14 opportunities only, every paragraph that cosmic-text
    /// broke elsewhere; each of its visual lines becomes a buffer line (see [`wrap`]).
    fn rebreak(&mut self, fs: &mut FontSystem, width: f32) {
        let font_size = self.buffer.metrics().font_size;
        let mut visual_before = 0;
        let mut plans = Vec::new();
        for (index, line) in self.buffer.lines.iter().enumerate() {
            let (Some(layout), Some(shape)) = (line.layout_opt(), line.shape_opt()) else {
                continue;
            };
            if layout.len() > 1 && visual_before + 1 < self.max_lines {
                let text = line.text();
                let opportunities = Opportunities::of(text);
                let advances = Advances::of(shape, font_size);
                if wrap::has_bad_break(text, layout, &opportunities, &advances, width) {
                    let remaining = self.max_lines - visual_before;
                    let breaks = wrap::greedy_breaks(
                        text,
                        &opportunities,
                        &advances,
                        width,
                        remaining.saturating_sub(1),
                    );
                    let marks = self.map.line(index).map_or(&[][..], LineMap::marks);
                    let pieces = wrap::pieces(text, marks, &breaks, shape.rtl);
                    visual_before += pieces.len();
                    plans.push((index, pieces, remaining));
                    continue;
                }
            }
            visual_before += layout.len();
        }
        if plans.is_empty() {
            return;
        }
        let unsplit = (self.buffer.lines.clone(), self.map.clone());
        for (index, pieces, remaining) in plans.into_iter().rev() {
            let Some(original) = unsplit.0.get(index) else { continue };
            let mut lines = Vec::with_capacity(pieces.len());
            let mut maps = Vec::with_capacity(pieces.len());
            let last = pieces.len().saturating_sub(1);
            for (i, piece) in pieces.into_iter().enumerate() {
                let start_char =
                    unsplit.1.char_offset(&unsplit.0, Cursor::new(index, piece.source.start));
                maps.push(LineMap::new(start_char, &piece.text, piece.marks));
                let ending = if i == last { original.ending() } else { LineEnding::None };
                let attrs = attrs_list(&piece.text, &self.style);
                let mut line = BufferLine::new(piece.text, ending, attrs, Shaping::Advanced);
                let ellipsize = match self.buffer.ellipsize() {
                    Ellipsize::End(_) if i == last && self.options.max_lines.is_some() => {
                        Ellipsize::End(EllipsizeHeightLimit::Lines(
                            remaining.saturating_sub(i).max(1),
                        ))
                    }
                    other => other,
                };
                line.layout(
                    fs,
                    font_size,
                    Some(width),
                    self.buffer.wrap(),
                    ellipsize,
                    self.buffer.monospace_width(),
                    self.buffer.tab_width(),
                    self.buffer.hinting(),
                );
                lines.push(line);
            }
            self.buffer.lines.splice(index..=index, lines);
            self.map.split_line(index, maps);
        }
        self.unsplit = Some(Box::new(unsplit));
    }

    fn measure(&mut self) {
        let mut min_x = f32::INFINITY;
        let mut max_x = f32::NEG_INFINITY;
        let mut bottom: f32 = 0.0;
        let mut lines = 0;
        let mut total_advance = 0.0;
        let mut elided = false;
        let mut glyphs = 0;
        self.runs = self.buffer.layout_runs().map(|r| RunSpan::of(&r)).collect();
        let total_runs = self.runs.len();
        for run in self.buffer.layout_runs().take(self.max_lines) {
            lines += 1;
            bottom = bottom.max(run.line_top + run.line_height);
            total_advance += run.line_w;
            glyphs += run.glyphs.len();
            for glyph in run.glyphs {
                min_x = min_x.min(glyph.x);
                max_x = max_x.max(glyph.x + glyph.w);
                elided |= glyph.start == glyph.end;
            }
        }
        if !min_x.is_finite() {
            // No glyphs: an empty box at the line's start edge.
            let start_x =
                if self.first_line_rtl() { self.buffer.size().0.unwrap_or(0.0) } else { 0.0 };
            min_x = start_x;
            max_x = start_x;
        }
        self.content = Rect::from_min_max(pos2(min_x, 0.0), pos2(max_x, bottom));
        self.visual_lines = lines;
        self.elided = elided || total_runs > lines;
        self.total_advance = total_advance;
        self.glyph_count = glyphs;
        self.rtl = self.first_line_rtl();
    }

    fn first_line_rtl(&self) -> bool {
        self.buffer.lines.first().and_then(|l| l.shape_opt()).is_some_and(|s| s.rtl)
    }

    /// Identifies this layout result (see [`Laid::id`]).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Glyphs in the lines shown.
    pub(crate) fn glyph_count(&self) -> usize {
        self.glyph_count
    }

    /// Line height in points.
    pub(crate) fn line_height(&self) -> f32 {
        self.buffer.metrics().line_height
    }

    /// Content size in points.
    pub(crate) fn size(&self) -> Vec2 {
        self.content.size()
    }

    /// Left edge of the content in buffer coordinates.
    pub(crate) fn content_left(&self) -> f32 {
        self.content.min.x
    }

    /// Width the text was wrapped to.
    pub(crate) fn width(&self) -> Option<f32> {
        self.options.width
    }

    pub(crate) fn is_rtl(&self) -> bool {
        self.rtl
    }

    pub(crate) fn visual_lines(&self) -> usize {
        self.visual_lines
    }

    pub(crate) fn max_lines(&self) -> usize {
        self.max_lines
    }

    /// Sum of the widths of all visual lines (the text's length on one line).
    pub(crate) fn total_advance(&self) -> f32 {
        self.total_advance
    }

    pub(crate) fn is_elided(&self) -> bool {
        self.elided
    }

    /// Char offset under a point in buffer coordinates.
    pub(crate) fn hit_buffer(&self, x: f32, y: f32) -> usize {
        let cursor = self.buffer.hit(x, y.max(0.0));
        cursor.map_or(0, |c| self.map.char_offset(&self.buffer.lines, c))
    }

    /// Segments of a char range (local offsets) in buffer coordinates.
    pub(crate) fn range_segments(&self, range: CharRange) -> Vec<Segment> {
        if range.is_empty() {
            return Vec::new();
        }
        let start = self.map.cursor(&self.buffer.lines, range.start);
        let end = self.map.cursor(&self.buffer.lines, range.end);
        geometry::segments(&self.buffer, start, end, self.max_lines, Some(&self.runs))
    }

    /// Caret `(x, top, height)` before char `offset`, in buffer coordinates.
    pub(crate) fn caret(&self, offset: usize) -> Option<(f32, f32, f32)> {
        geometry::caret(&self.buffer, self.map.cursor(&self.buffer.lines, offset), Some(&self.runs))
    }

    /// Glyphs in visual order per line, positions relative to the content's left edge.
    pub(crate) fn glyphs(&self, fs: Option<&FontSystem>) -> Vec<GlyphInfo> {
        let left = self.content_left();
        let mut out = Vec::new();
        for (line, run) in self.buffer.layout_runs().take(self.max_lines).enumerate() {
            for glyph in run.glyphs {
                let (a, b) =
                    self.map.cluster_chars(&self.buffer.lines, run.line_i, glyph.start, glyph.end);
                let family = fs
                    .and_then(|fs| fs.db().face(glyph.font_id))
                    .and_then(|face| face.families.first().map(|(name, _)| name.clone()))
                    .unwrap_or_default();
                out.push(GlyphInfo {
                    chars: CharRange::new(a, b),
                    x: glyph.x - left,
                    width: glyph.w,
                    line,
                    glyph_id: glyph.glyph_id,
                    family,
                    rtl: glyph.level.is_rtl(),
                });
            }
        }
        out
    }
}

/// A laid-out piece of text, ready to paint. Cheap to clone.
#[derive(Clone, Debug)]
pub struct TextLayout {
    pub(crate) laid: Arc<Laid>,
    pub(crate) color: Color32,
}

impl TextLayout {
    /// Size in points of the text's ink box (advance widths × line boxes).
    #[must_use]
    pub fn size(&self) -> Vec2 {
        self.laid.size()
    }

    /// True when the (first) paragraph reads right to left.
    #[must_use]
    pub fn is_rtl(&self) -> bool {
        self.laid.is_rtl()
    }

    /// Base direction of the (first) paragraph.
    #[must_use]
    pub fn direction(&self) -> Direction {
        if self.is_rtl() { Direction::Rtl } else { Direction::Ltr }
    }

    /// Visual lines shown.
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.laid.visual_lines()
    }

    /// Characters in the laid-out text.
    #[must_use]
    pub fn char_count(&self) -> usize {
        self.laid.map.char_len()
    }

    /// True when text was cut off (`max_lines` or a non-wrapping width) with an ellipsis.
    #[must_use]
    pub fn is_elided(&self) -> bool {
        self.laid.is_elided()
    }

    /// Default colour the layout paints with.
    #[must_use]
    pub fn color(&self) -> Color32 {
        self.color
    }

    /// The width the text was wrapped or elided to.
    #[must_use]
    pub fn wrap_width(&self) -> Option<f32> {
        self.laid.width()
    }

    /// Where the layout's left edge sits inside the wrap width: `wrap width − width`
    /// for right-aligned (RTL) text, 0 for left-aligned or unbounded text.
    #[must_use]
    pub fn left_in_wrap_width(&self) -> f32 {
        self.laid.content_left()
    }

    /// The char offset nearest to `pos` (points from the layout's top-left).
    #[must_use]
    pub fn hit(&self, pos: Vec2) -> usize {
        self.laid.hit_buffer(pos.x + self.laid.content_left(), pos.y)
    }

    /// Rectangles (points from the layout's top-left) covering a char range, one or more
    /// per line.
    #[must_use]
    pub fn range_rects(&self, range: CharRange) -> Vec<Rect> {
        let left = self.laid.content_left();
        self.laid
            .range_segments(range)
            .into_iter()
            .map(|s| Rect::from_min_max(pos2(s.x0 - left, s.top), pos2(s.x1 - left, s.bottom)))
            .collect()
    }

    /// The caret rectangle (zero width) before char `offset`.
    #[must_use]
    pub fn caret_rect(&self, offset: usize) -> Option<Rect> {
        let (x, top, height) = self.laid.caret(offset)?;
        let x = x - self.laid.content_left();
        Some(Rect::from_min_size(pos2(x, top), vec2(0.0, height)))
    }

    /// Every glyph, line by line in visual (left-to-right) order.
    #[must_use]
    pub fn glyphs(&self) -> Vec<GlyphInfo> {
        let mut glyphs = self.laid.glyphs(None);
        glyphs.sort_by(|a, b| a.line.cmp(&b.line).then(a.x.total_cmp(&b.x)));
        glyphs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bracket a mirrored glyph shows.
    fn mirrored(c: char) -> Option<char> {
        let pairs = ["()", "[]", "{}", "«»", "‹›"];
        pairs.iter().find_map(|p| {
            let mut it = p.chars();
            let (a, b) = (it.next()?, it.next()?);
            if c == a {
                Some(b)
            } else if c == b {
                Some(a)
            } else {
                None
            }
        })
    }

    /// (char, level in the whole paragraph, glyph id drawn, glyph id of the char and of
    /// its mirror in the glyph's face) for every bracket of every line.
    fn bracket_glyphs(
        fs: &mut FontSystem,
        laid: &Laid,
        text: &str,
    ) -> Vec<(char, bool, u16, u16, u16)> {
        let bidi = unicode_bidi::BidiInfo::new(text, None);
        let mut out = Vec::new();
        for run in laid.buffer.layout_runs() {
            for glyph in run.glyphs {
                let (a, b) =
                    laid.map.cluster_chars(&laid.buffer.lines, run.line_i, glyph.start, glyph.end);
                if b != a + 1 {
                    continue; // marks (empty) and ligatures
                }
                let Some((byte, c)) = text.char_indices().nth(a) else { continue };
                let Some(mirror) = mirrored(c) else { continue };
                let rtl = bidi.levels[byte].is_rtl();
                let font = fs.get_font(glyph.font_id, glyph.font_weight).unwrap();
                let charmap = font.as_swash().charmap();
                out.push((c, rtl, glyph.glyph_id, charmap.map(c), charmap.map(mirror)));
            }
        }
        out
    }

    #[test]
    fn brackets_are_mirrored_exactly_when_their_level_is_right_to_left() {
        let mut fs = super::super::fonts::font_system();
        let style = TextStyle::default();
        let texts = [
            "الإدارة الأمريكية قالت إنها لم توافق على إجراء المفاوضات غير الرسمية (Getty)",
            "نقلًا عن 6 مسؤولين (2 منهم سابقون) و«مصادر مطلعة» [بحسب Reuters]؛ انتهى.",
            "He said «لا شيء يخص أوكرانيا من دون أوكرانيا» (AP) and [left] {now}.",
            "Sources (دبلوماسية «المسار الثاني» [سرية]) met in April (2023).",
        ];
        let mut rtl_seen = 0;
        for text in texts {
            for width in [None, Some(90.0), Some(140.0), Some(200.0), Some(260.0), Some(350.0)] {
                let laid = Laid::new(&mut fs, text, &style, LayoutOptions::wrapped(width));
                for (c, rtl, drawn, own, mirror) in bracket_glyphs(&mut fs, &laid, text) {
                    assert_ne!(own, mirror, "{c:?} and its mirror share a glyph");
                    let expected = if rtl { mirror } else { own };
                    assert_eq!(drawn, expected, "{c:?} (rtl {rtl}) in {text:?} at {width:?}");
                    rtl_seen += usize::from(rtl);
                }
            }
        }
        assert!(rtl_seen > 20, "{rtl_seen}");
    }

    #[test]
    fn the_caption_never_leaves_its_bracket_behind() {
        // The seed's caption in the reader's face and size: "(" used to end one line and
        // "Getty)" to start the next at widths between about 355 and 395 points.
        let mut fs = super::super::fonts::font_system();
        let text = "الإدارة الأمريكية قالت إنها لم توافق على إجراء المفاوضات غير الرسمية (Getty)";
        let style = TextStyle::default();
        let open = text.chars().position(|c| c == '(').unwrap();
        for width in (300..=420).step_by(5) {
            let laid = Laid::new(&mut fs, text, &style, LayoutOptions::wrapped(Some(width as f32)));
            let lines: Vec<(usize, usize)> = laid
                .buffer
                .layout_runs()
                .map(|run| {
                    let chars: Vec<(usize, usize)> = run
                        .glyphs
                        .iter()
                        .map(|g| {
                            laid.map.cluster_chars(&laid.buffer.lines, run.line_i, g.start, g.end)
                        })
                        .collect();
                    (
                        chars.iter().map(|c| c.0).min().unwrap_or(0),
                        chars.iter().map(|c| c.1).max().unwrap_or(0),
                    )
                })
                .collect();
            // "(Getty)" is on one line, and the char offsets still cover the text
            assert!(
                lines.iter().any(|&(a, b)| a <= open && b == text.chars().count()),
                "{width}: {lines:?}"
            );
            assert_eq!(lines.first().map(|l| l.0), Some(0));
            assert_eq!(laid.map.char_len(), text.chars().count());
        }
    }
}
